/* text.c — Vietnamese text on top of utf8proc.
 *
 * Everything starts from utf8proc_decompose() into a code-point array we
 * allocate ourselves (so allocation stays in mem.h), then walks it. */
#include "base/text.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/mem.h"

/* A growing byte string for building results. */
struct tbuf {
	char *p;     /* bytes, not NUL-terminated until tbuf_take() */
	size_t n;    /* used */
	size_t cap;  /* allocated */
};

static void tbuf_put(struct tbuf *b, const void *src, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->p = xrealloc(b->p, b->cap);
	}
	if (n)
		memcpy(b->p + b->n, src, n); /* src may be NULL when n is 0 */
	b->n += n;
}

static void tbuf_byte(struct tbuf *b, char c)
{
	if (b->n + 2 <= b->cap)
		b->p[b->n++] = c; /* the room tbuf_put would find */
	else
		tbuf_put(b, &c, 1);
}

/* NUL-terminate and hand over the bytes. */
static char *tbuf_take(struct tbuf *b)
{
	tbuf_put(b, "", 1);
	return b->p;
}

static void tbuf_cp(struct tbuf *b, int32_t cp)
{
	if (cp >= 0 && cp < 0x80) {
		tbuf_byte(b, (char)cp); /* what utf8proc_encode_char writes for it */
		return;
	}
	utf8proc_uint8_t u[4];
	utf8proc_ssize_t n = utf8proc_encode_char(cp, u);
	tbuf_put(b, u, (size_t)n);
}

static int is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

/* The options of text_fold() and text_collate_key(). */
#define FOLD_OPTS (UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | \
		   UTF8PROC_STRIPMARK)
#define COLLATE_OPTS (UTF8PROC_STABLE | UTF8PROC_DECOMPOSE)

/* decode() for those two without utf8proc, for the text nearly every name
 * is: U+0000..U+024F and U+1E00..U+1EFF (ASCII, Latin-1, Latin Extended A
 * and B and Additional: every Vietnamese letter).  Each such code point's
 * decomposition is kept in a table made once from utf8proc itself; only
 * starters (combining class 0) whose decomposition begins with a starter
 * are kept, so canonical reordering never crosses from one to the next and
 * a string of them decomposes into the concatenation of theirs.  A string
 * with anything else (a combining mark of its own, another script, a bad
 * byte) goes to utf8proc as before. */
#define TBL_MAX 4                        /* code points a decomposition may have */
#define TBL_N (0x250 + 0x100)
struct tbl_entry {
	unsigned char ok, n;             /* usable; its length */
	int32_t cp[TBL_MAX];
};
static struct tbl_entry tbl[2][TBL_N];   /* [0] FOLD_OPTS, [1] COLLATE_OPTS */
static _Atomic int tbl_state;            /* 0 not made, 1 being made, 2 ready */
static int tbl_off;

void text_table_off(int off)
{
	tbl_off = off;
}

static void tbl_make(void)
{
	for (int t = 0; t < 2; t++)
		for (int32_t i = 1; i < TBL_N; i++) {
			int32_t cp = i < 0x250 ? i : 0x1E00 + (i - 0x250), out[8];
			utf8proc_uint8_t u[4];
			utf8proc_ssize_t k = utf8proc_encode_char(cp, u);
			utf8proc_ssize_t got = utf8proc_decompose(u, k, out, 8, t ? COLLATE_OPTS : FOLD_OPTS);
			struct tbl_entry *e = &tbl[t][i];
			if (got < 0 || got > TBL_MAX || utf8proc_get_property(cp)->combining_class != 0 ||
			    (got > 0 && utf8proc_get_property(out[0])->combining_class != 0))
				continue;
			e->n = (unsigned char)got;
			memcpy(e->cp, out, (size_t)got * sizeof *out);
			e->ok = 1;
		}
}

/* The table's decoding of s, or NULL when s has a code point it lacks. */
static int32_t *decode_table(const char *str, utf8proc_option_t opts, size_t *n)
{
	const unsigned char *s = (const unsigned char *)str;
	int t = opts == FOLD_OPTS ? 0 : opts == COLLATE_OPTS ? 1 : -1, state = 0;
	size_t len, k = 0;
	int32_t *cps;

	if (t < 0 || tbl_off)
		return NULL;
	if (tbl_state != 2) {
		/* Made by the first caller; another thread meanwhile uses utf8proc. */
		if (!atomic_compare_exchange_strong(&tbl_state, &state, 1))
			return NULL;
		tbl_make();
		tbl_state = 2;
	}
	len = strlen(str);
	cps = xreallocarray(NULL, len * TBL_MAX + 2, sizeof *cps);
	for (size_t i = 0; i < len;) {
		int32_t cp;
		const struct tbl_entry *e;
		if (s[i] < 0x80) {
			cp = s[i++];
		} else if (s[i] >= 0xC2 && s[i] <= 0xC9 && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
			cp = (s[i] & 0x1F) << 6 | (s[i + 1] & 0x3F);
			i += 2;
		} else if (s[i] == 0xE1 && i + 2 < len && s[i + 1] >= 0xB8 && s[i + 1] <= 0xBB &&
			   (s[i + 2] & 0xC0) == 0x80) {
			cp = 0x1E00 + ((s[i + 1] & 0x03) << 6 | (s[i + 2] & 0x3F));
			i += 3;
		} else {
			cp = -1;
		}
		e = cp < 0 ? NULL : &tbl[t][cp < 0x250 ? cp : cp >= 0x1E00 ? 0x250 + (cp - 0x1E00) : 0];
		if (!e || (cp >= 0x250 && cp < 0x1E00) || !e->ok) {
			free(cps);
			return NULL;
		}
		memcpy(cps + k, e->cp, e->n * sizeof *cps);
		k += e->n;
	}
	*n = k;
	return cps;
}

/* Code points of s decomposed with opts (one spare slot for reencoding);
 * *n gets the count.  NULL when s is not valid UTF-8.  Caller frees. */
static int32_t *decode(const char *s, utf8proc_option_t opts, size_t *n)
{
	utf8proc_ssize_t len = (utf8proc_ssize_t)strlen(s), cap = len + 1, got;
	int32_t *cps = decode_table(s, opts, n);

	if (cps)
		return cps;

	for (;;) {
		cps = xreallocarray(cps, (size_t)cap + 1, sizeof *cps);
		got = utf8proc_decompose((const utf8proc_uint8_t *)s, len, cps, cap, opts);
		if (got < 0) {
			free(cps);
			return NULL;
		}
		if (got <= cap)
			break;
		cap = got; /* some characters decompose into many */
	}
	*n = (size_t)got;
	return cps;
}

/* White space: ASCII blanks and Unicode space separators. */
static int is_space(int32_t cp)
{
	if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D))
		return 1;
	if (cp < 0x80)
		return 0;  /* no other ASCII is Zs, Zl or Zp */
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
	       c == UTF8PROC_CATEGORY_ZP;
}

/* Controls and invisible format characters (soft hyphen, ZWSP, BOM). */
static int is_invisible(int32_t cp)
{
	if (cp < 0x80)
		return cp < 0x20 || cp == 0x7F;  /* ASCII's Cc; it has no Cf */
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_CC || c == UTF8PROC_CATEGORY_CF;
}

static int is_mark(int32_t cp)
{
	if (cp < 0x300)
		return 0;  /* no mark before the combining diacritical marks, */
	if (cp <= 0x36F)
		return 1;  /* which are all Mn */
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC ||
	       c == UTF8PROC_CATEGORY_ME;
}

char *text_nfc(const char *s)
{
	const utf8proc_option_t opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
	size_t n;
	int32_t *cps;

	if (is_ascii(s))
		return xstrdup(s); /* ASCII is always NFC: the import fast path */
	cps = decode(s, opts, &n);
	if (!cps)
		return NULL;
	if (utf8proc_reencode(cps, (utf8proc_ssize_t)n, opts) < 0) {
		free(cps);
		return NULL;
	}
	return (char *)cps; /* reencode wrote NUL-terminated UTF-8 in place */
}

int text_valid_utf8(const char *s, size_t n)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	int32_t cp;

	while (n > 0) {
		utf8proc_ssize_t k = utf8proc_iterate(p, (utf8proc_ssize_t)n, &cp);
		if (k <= 0)
			return 0;
		p += k;
		n -= (size_t)k;
	}
	return 1;
}

/* Length of the code point at s (1 for an invalid byte); *cp gets it, or
 * -1 when the byte is invalid.  Unbounded length is safe: utf8proc stops at
 * the first byte that is not a continuation byte, and NUL is not one. */
static size_t next_cp(const char *s, int32_t *cp)
{
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, cp);
	if (k <= 0) {
		*cp = -1;
		return 1;
	}
	return (size_t)k;
}

char *text_trim(const char *s)
{
	size_t start = 0, end = 0, i = 0;
	int32_t cp;

	while (s[i]) {
		size_t k = next_cp(s + i, &cp);
		if (cp < 0 || !is_space(cp)) {
			if (end == 0)
				start = i;
			end = i + k;
		}
		i += k;
	}
	return xstrndup(s + start, end - start);
}

char *text_fold(const char *s)
{
	const utf8proc_option_t opts = FOLD_OPTS;
	struct tbuf b = {0};
	int space = 0;
	size_t n;
	int32_t *cps = decode(s, opts, &n);

	if (!cps)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		int32_t cp = cps[i];
		if (is_space(cp)) {
			space = b.n > 0; /* leading space is dropped, inner runs kept once */
			continue;
		}
		if (is_invisible(cp) || is_mark(cp))
			continue;
		if (cp == 0x0111 || cp == 0x00F0) /* đ (Đ casefolds to it); ð, its look-alike in legacy files */
			cp = 'd';
		if (space)
			tbuf_byte(&b, ' ');
		space = 0;
		tbuf_cp(&b, cp);
	}
	free(cps);
	return tbuf_take(&b);
}

/* 1 when the len bytes at word occur in hay. */
static int contains(const char *hay, const char *word, size_t len)
{
	for (; (hay = strchr(hay, word[0])) != NULL; hay++)
		if (!strncmp(hay, word, len))
			return 1;
	return 0;
}

char *text_slug(const char *s, size_t max)
{
	char *f = text_fold(s ? s : ""), *out = xmalloc((f ? strlen(f) : 0) + 1);
	size_t n = 0;

	for (const char *p = f ? f : ""; *p; p++) {
		int ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9');
		if (ok)
			out[n++] = *p;
		else if (n && out[n - 1] != '-')
			out[n++] = '-';
	}
	while (n && out[n - 1] == '-')
		n--;
	if (n > max) {   /* cut at the last '-' that keeps within max */
		n = max;
		while (n && out[n] != '-')
			n--;
		if (!n)
			n = max;
	}
	out[n] = '\0';
	free(f);
	return out;
}

int text_match(const char *hay, const char *needle)
{
	if (!hay || !needle)
		return 0;
	needle += strspn(needle, " ");
	while (*needle) {
		size_t len = strcspn(needle, " ");
		if (!contains(hay, needle, len))
			return 0;
		needle += len;
		needle += strspn(needle, " ");
	}
	return 1;
}

/* Vietnamese dictionary order, after Vũ Xuân Lương, "Quy tắc sắp xếp đơn vị
 * từ vựng trong từ điển tiếng Việt" (Vietnam Lexicography Centre; the order
 * of Hoàng Phê's Từ điển tiếng Việt):
 *  1. letters a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z;
 *  2. tones ngang, huyền, hỏi, ngã, sắc, nặng: a à ả ã á ạ;
 *  3. the unit is the syllable (space-separated word), left to right: the
 *     letters of a word decide first, then its tones, then the next word —
 *     so "ba" < "ba ba" < "bà" and "Lê Văn Z" < "Lễ An"; a word sorts before
 *     a longer one it begins ("cha" < "chan", "ang" < "anh" whatever tones);
 *  4. lower case before upper case ("a" < "A"), compared last of all.
 *
 * Key layout (bytes 0x01-0x03 are separators, below every weight):
 *   word: letters 0x03 tones; words joined by 0x02;
 *   then 0x01, the case of every character, 0x01, the text itself (NFD).
 * Letter weights are 'A'.. in alphabet order; digits '0'-'9' come before
 * letters, ASCII punctuation ('!' + itself) before digits, any other
 * character ('~' + six hex digits of its lower-case code point) after z.
 * Tones are '0'-'5', case '0' lower, '1' upper.  The last level makes keys
 * equal only for canonically equivalent text, so the order is total. */

enum shape { SHAPE_NONE, SHAPE_BREVE, SHAPE_CIRC, SHAPE_HORN };

/* The Vietnamese alphabet (with f j w z for loanwords and names). */
static const struct letter {
	int32_t base;        /* lower-case base letter, after decomposition */
	enum shape shape;    /* the vowel mark that makes it a letter of its own */
} alphabet[] = {
	{ 'a', SHAPE_NONE }, { 'a', SHAPE_BREVE }, { 'a', SHAPE_CIRC }, { 'b', SHAPE_NONE },
	{ 'c', SHAPE_NONE }, { 'd', SHAPE_NONE }, { 0x0111, SHAPE_NONE }, { 'e', SHAPE_NONE },
	{ 'e', SHAPE_CIRC }, { 'f', SHAPE_NONE }, { 'g', SHAPE_NONE }, { 'h', SHAPE_NONE },
	{ 'i', SHAPE_NONE }, { 'j', SHAPE_NONE }, { 'k', SHAPE_NONE }, { 'l', SHAPE_NONE },
	{ 'm', SHAPE_NONE }, { 'n', SHAPE_NONE }, { 'o', SHAPE_NONE }, { 'o', SHAPE_CIRC },
	{ 'o', SHAPE_HORN }, { 'p', SHAPE_NONE }, { 'q', SHAPE_NONE }, { 'r', SHAPE_NONE },
	{ 's', SHAPE_NONE }, { 't', SHAPE_NONE }, { 'u', SHAPE_NONE }, { 'u', SHAPE_HORN },
	{ 'v', SHAPE_NONE }, { 'w', SHAPE_NONE }, { 'x', SHAPE_NONE }, { 'y', SHAPE_NONE },
	{ 'z', SHAPE_NONE },
};

/* Tone marks in dictionary order; index + 1 is the tone weight. */
static const int32_t tone_marks[] = { 0x0300, 0x0309, 0x0303, 0x0301, 0x0323 };

/* One character: a base code point and the marks that follow it. */
struct vchar {
	int32_t lower;       /* lower-case base */
	int upper;           /* 1 when the base was upper case */
	enum shape shape;    /* breve, circumflex or horn, if any */
	int tone;            /* 0 ngang, 1..5 as tone_marks */
};

/* Read the character at cps[i] into *c; returns how many code points it took. */
static size_t read_vchar(const int32_t *cps, size_t n, size_t i, struct vchar *c)
{
	size_t j = i + 1;

	c->lower = utf8proc_tolower(cps[i]);
	c->upper = c->lower != cps[i];
	c->shape = SHAPE_NONE;
	c->tone = 0;
	for (; j < n && is_mark(cps[j]); j++) {
		int32_t m = cps[j];
		if (m == 0x0306)
			c->shape = SHAPE_BREVE;
		else if (m == 0x0302)
			c->shape = SHAPE_CIRC;
		else if (m == 0x031B)
			c->shape = SHAPE_HORN;
		for (int t = 0; t < 5; t++)
			if (m == tone_marks[t] && !c->tone)
				c->tone = t + 1;
		/* other marks (ü, ç) are left to the final level */
	}
	return j - i;
}

static int letter_index(int32_t base, enum shape shape)
{
	for (size_t k = 0; k < sizeof alphabet / sizeof alphabet[0]; k++)
		if (alphabet[k].base == base && alphabet[k].shape == shape)
			return (int)k;
	return -1;
}

static void put_primary(struct tbuf *key, const struct vchar *c)
{
	int k = letter_index(c->lower, c->shape);
	char hex[8];

	if (k < 0 && c->shape != SHAPE_NONE)
		k = letter_index(c->lower, SHAPE_NONE); /* ĉ sorts as c */
	if (k >= 0) {
		tbuf_byte(key, (char)('A' + k));
	} else if (c->lower >= '0' && c->lower <= '9') {
		tbuf_byte(key, (char)c->lower);
	} else if (c->lower < 0x80) {
		tbuf_byte(key, '!');
		tbuf_byte(key, (char)c->lower);
	} else {
		snprintf(hex, sizeof hex, "~%06x", (unsigned)c->lower & 0xffffffu);
		tbuf_put(key, hex, 7);
	}
}

/* Close the word being built: its tones follow its letters. */
static void end_word(struct tbuf *key, struct tbuf *tones, int *words)
{
	if (tones->n == 0)
		return;
	tbuf_byte(key, 0x03);
	tbuf_put(key, tones->p, tones->n);
	tones->n = 0;
	(*words)++;
}

char *text_collate_key(const char *s)
{
	struct tbuf key = {0}, tones = {0}, cases = {0};
	int words = 0;
	size_t n, i = 0;
	int32_t *cps = decode(s, COLLATE_OPTS, &n);

	if (!cps)
		return NULL;
	key.cap = 16 * n + 16; /* room for most keys: no regrowth */
	key.p = xmalloc(key.cap);
	while (i < n) {
		struct vchar c;
		if (is_space(cps[i]) || is_invisible(cps[i])) {
			if (is_space(cps[i]))
				end_word(&key, &tones, &words);
			i++;
			continue;
		}
		i += read_vchar(cps, n, i, &c);
		if (tones.n == 0 && words > 0)
			tbuf_byte(&key, 0x02);
		put_primary(&key, &c);
		tbuf_byte(&tones, (char)('0' + c.tone));
		tbuf_byte(&cases, c.upper ? '1' : '0');
	}
	end_word(&key, &tones, &words);
	tbuf_byte(&key, 0x01);
	tbuf_put(&key, cases.p, cases.n);
	tbuf_byte(&key, 0x01);
	for (i = 0; i < n; i++) /* the text itself, NFD: equal exactly when NFC is */
		tbuf_cp(&key, cps[i]);
	free(cps);
	free(tones.p);
	free(cases.p);
	return tbuf_take(&key);
}

int text_cmp_vi(const char *a, const char *b)
{
	char *ka = text_collate_key(a), *kb = text_collate_key(b);
	int r;

	if (ka && kb)
		r = strcmp(ka, kb);
	else if (ka || kb)
		r = ka ? -1 : 1; /* invalid UTF-8 last */
	else
		r = strcmp(a, b);
	free(ka);
	free(kb);
	return r;
}

int text_collate_sqlite(void *arg, int na, const void *a, int nb, const void *b)
{
	char *sa = na > 0 ? xstrndup(a, (size_t)na) : xstrdup("");
	char *sb = nb > 0 ? xstrndup(b, (size_t)nb) : xstrdup("");
	int r = text_cmp_vi(sa, sb);

	(void)arg;
	free(sa);
	free(sb);
	return r;
}

int text_char_width(long cp)
{
	int w = cp < 0 || cp > 0x10FFFF ? 1 : utf8proc_charwidth((utf8proc_int32_t)cp);
	return w < 0 ? 1 : w;
}

int text_width(const char *s)
{
	int cols = 0;
	int32_t cp;

	while (*s) {
		s += next_cp(s, &cp);
		cols += cp < 0 ? 1 : utf8proc_charwidth(cp);
	}
	return cols;
}

size_t text_prefix_bytes(const char *s, int cols)
{
	size_t i = 0;
	int used = 0;
	int32_t cp;

	while (s[i]) {
		size_t k = next_cp(s + i, &cp);
		int w = cp < 0 ? 1 : utf8proc_charwidth(cp);
		if (used + w > cols)
			break; /* zero-width marks after the last fitting character stay with it */
		used += w;
		i += k;
	}
	return i;
}

char *text_fit(const char *s, int cols)
{
	static const char ellipsis[] = "\xe2\x80\xa6"; /* U+2026, one column */
	size_t k;
	char *out;

	if (cols <= 0)
		return xstrdup("");
	if (text_width(s) <= cols)
		return xstrdup(s);
	k = text_prefix_bytes(s, cols - 1);
	out = xmalloc(k + sizeof ellipsis);
	memcpy(out, s, k);
	memcpy(out + k, ellipsis, sizeof ellipsis);
	return out;
}

char *text_fit_left(const char *s, int cols)
{
	static const char ellipsis[] = "\xe2\x80\xa6";
	int w = text_width(s);
	size_t k;

	if (cols <= 0)
		return xstrdup("");
	if (w <= cols)
		return xstrdup(s);
	/* Skip whole characters (with their combining marks) from the start
	 * until the rest fits beside the ellipsis. */
	for (int skip = w - (cols - 1);; skip++) {
		k = text_prefix_bytes(s, skip);
		if (text_width(s + k) <= cols - 1)
			break;
	}
	return xasprintf("%s%s", ellipsis, s + k);
}

/* What text_printable() shows for cp: 0 to keep it, ' ' or U+FFFD instead. */
static utf8proc_int32_t unprintable(utf8proc_int32_t cp)
{
	if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029)
		return ' ';
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E)
	    || (cp >= 0x2066 && cp <= 0x2069))
		return 0xFFFD;
	return 0;
}

char *text_printable(const char *s)
{
	size_t n = strlen(s), o = 0;
	char *out = xmalloc(n * 3 + 1);
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;

	while (n) {
		utf8proc_int32_t cp, rep;
		utf8proc_ssize_t k = utf8proc_iterate(p, (utf8proc_ssize_t)n, &cp);
		if (k <= 0) {
			k = 1;
			rep = 0xFFFD;
		} else {
			rep = unprintable(cp);
		}
		if (rep)
			o += (size_t)utf8proc_encode_char(rep, (utf8proc_uint8_t *)out + o);
		else
			memcpy(out + o, p, (size_t)k), o += (size_t)k;
		p += k;
		n -= (size_t)k;
	}
	out[o] = '\0';
	return out;
}
