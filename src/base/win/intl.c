/* intl.c — gettext lookup in a .mo catalogue, for Windows (see libintl.h).
 *
 * A .mo file (GNU gettext's format) is a header of 32-bit words — magic,
 * revision, count N, offset of the originals table, offset of the
 * translations table — then two tables of N (length, offset) pairs, the
 * originals sorted bytewise, so a lookup is a binary search. */
#include "libintl.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"

#define MO_MAGIC 0x950412deu

static struct {
	char *dir;              /* from bindtextdomain() */
	char *domain;           /* from textdomain() */
	unsigned char *mo;      /* the loaded catalogue, or NULL */
	size_t size;            /* its bytes */
	int swap;               /* written on a machine of the other byte order */
	uint32_t n, orig, trans;   /* count and table offsets */
} cat;

static uint32_t word(size_t at)
{
	uint32_t w;
	memcpy(&w, cat.mo + at, 4);
	if (cat.swap)
		w = w >> 24 | (w >> 8 & 0xff00) | (w << 8 & 0xff0000) | w << 24;
	return w;
}

/* String i of the table at tab, or NULL when the file lies about it. */
static const char *entry(uint32_t tab, uint32_t i)
{
	size_t at = (size_t)tab + (size_t)i * 8;
	uint32_t len, off;

	if (at + 8 > cat.size)
		return NULL;
	len = word(at);
	off = word(at + 4);
	if ((size_t)off + len >= cat.size || cat.mo[off + len] != '\0')
		return NULL;
	return (const char *)cat.mo + off;
}

static void unload(void)
{
	free(cat.mo);
	cat.mo = NULL;
	cat.size = 0;
}

static int load(const char *path)
{
	FILE *f = fopen(path, "rb");
	long len;

	if (!f)
		return -1;
	if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 20 || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return -1;
	}
	cat.mo = xmalloc((size_t)len);
	cat.size = fread(cat.mo, 1, (size_t)len, f);
	fclose(f);
	cat.swap = 0;
	if (cat.size != (size_t)len || (word(0) != MO_MAGIC && (cat.swap = 1, word(0) != MO_MAGIC))) {
		unload();
		return -1;
	}
	cat.n = word(8);
	cat.orig = word(12);
	cat.trans = word(16);
	return 0;
}

/* The language asked for, without region or codeset: "vi_VN.UTF-8" -> "vi". */
static char *wanted_lang(void)
{
	static const char *const vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };

	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return xstrndup(v, strcspn(v, "_.:@"));
	}
	return NULL;
}

static void reload(void)
{
	char *lang, *path;

	unload();
	if (!cat.dir || !cat.domain || !(lang = wanted_lang()))
		return;
	path = xasprintf("%s/%s/LC_MESSAGES/%s.mo", cat.dir, lang, cat.domain);
	load(path);
	free(path);
	free(lang);
}

char *gettext(const char *msgid)
{
	uint32_t lo = 0, hi = cat.mo ? cat.n : 0;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		const char *o = entry(cat.orig, mid);
		int c;
		if (!o)
			break;
		c = strcmp(msgid, o);
		if (c == 0) {
			const char *t = entry(cat.trans, mid);
			return (char *)(t && *t ? t : msgid);
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return (char *)msgid;
}

char *ngettext(const char *msgid, const char *msgid_plural, unsigned long n)
{
	/* A plural entry's key is "msgid\0msgid_plural", its translation the forms
	 * one after another, NUL-separated: gettext's match returns the first. */
	char *t = gettext(msgid);

	if (t != msgid)
		return t;
	return (char *)(n == 1 ? msgid : msgid_plural);
}

char *bindtextdomain(const char *domain, const char *dir)
{
	(void)domain;   /* sxsh has one domain */
	free(cat.dir);
	cat.dir = dir ? xstrdup(dir) : NULL;
	if (cat.domain)
		reload();
	return cat.dir;
}

char *bind_textdomain_codeset(const char *domain, const char *codeset)
{
	(void)domain;
	return (char *)codeset;
}

char *textdomain(const char *domain)
{
	if (domain) {
		free(cat.domain);
		cat.domain = xstrdup(domain);
		reload();
	}
	return cat.domain;
}
