/* csvread.c — libcsv driven line by line, so every record knows its line. */
#include "base/csvread.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/mem.h"

#define CHUNK (64 * 1024)
#define MAX_LINE (8 * 1024 * 1024)

/* A record being built or waiting to be handed out. */
struct rbuf {
	char *data;        /* fields, each NUL-terminated, back to back */
	size_t used, cap;  /* bytes in data */
	size_t *off;       /* offset of each field in data */
	size_t *flen;      /* length of each field */
	size_t nf, capf;   /* fields */
	long line;         /* first line */
};

struct csvr {
	struct csv_parser p;
	char *name;             /* for messages */
	FILE *fp;               /* NULL when reading memory */
	const char *mem;        /* memory source */
	size_t memlen, mempos;
	char *buf;              /* file chunk buffer */
	size_t pos, end, cap;
	int eof;
	long line;              /* lines fed so far */
	int in_record;          /* a record has begun and not ended */
	long rec_line;          /* the line that record began on */
	int options;
	int started;            /* BOM and delimiter handled */
	int legacy;             /* converting from Windows-1258 */
	iconv_t cd;
	char *conv;             /* conversion output buffer */
	size_t convcap;
	struct rbuf *q;         /* queue of complete records, plus one open */
	size_t qn, qcap, qhead;
	char *fail;             /* first error seen by a callback */
	long fail_line;
	struct csvr_rec view;   /* what csvr_next hands out */
	char **vf;
	size_t vcap;
};

static void *capped_realloc(void *p, size_t n)
{
	/* libcsv grows one field's buffer without limit: stop it here. */
	return n > CSVR_MAX_FIELD + 64 ? NULL : realloc(p, n);
}

static struct csvr *reader_new(const char *name, int options)
{
	struct csvr *r = xcalloc(1, sizeof *r);
	r->name = xstrdup(name);
	r->options = options;
	r->cd = (iconv_t)-1;
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		sx_die("csv_init failed");
	csv_set_realloc_func(&r->p, capped_realloc);
	return r;
}

struct csvr *csvr_open(const char *path, int options, struct sx_err *err)
{
	FILE *fp = fopen(path, "rb");
	struct csvr *r;

	if (!fp) {
		sx_err_add(err, path, 0, _("cannot open: %s"), strerror(errno));
		return NULL;
	}
	r = reader_new(path, options);
	r->fp = fp;
	r->cap = CHUNK;
	r->buf = xmalloc(r->cap);
	return r;
}

struct csvr *csvr_open_mem(const char *name, const char *buf, size_t len, int options)
{
	struct csvr *r = reader_new(name, options);
	r->mem = buf;
	r->memlen = len;
	return r;
}

static void set_fail(struct csvr *r, char *msg)
{
	if (!r->fail) {
		r->fail = msg;
		/* Report the line the broken record began on. */
		r->fail_line = r->in_record ? r->rec_line : r->line + 1;
	} else {
		free(msg);
	}
}

/* The record currently being built: the slot after the queued ones. */
static struct rbuf *open_rec(struct csvr *r)
{
	if (r->qn == r->qcap) {
		size_t old = r->qcap;
		r->qcap = r->qcap ? r->qcap * 2 : 4;
		r->q = xreallocarray(r->q, r->qcap, sizeof *r->q);
		memset(r->q + old, 0, (r->qcap - old) * sizeof *r->q);
	}
	return &r->q[r->qn];
}

static void on_field(void *s, size_t len, void *data)
{
	struct csvr *r = data;
	struct rbuf *b = open_rec(r);

	if (s && memchr(s, '\0', len))
		set_fail(r, xstrdup(_("the file contains a NUL byte; it is not a text CSV file")));
	if (b->nf == 0)
		b->line = r->rec_line;
	if (b->nf == b->capf) {
		b->capf = b->capf ? b->capf * 2 : 16;
		b->off = xreallocarray(b->off, b->capf, sizeof *b->off);
		b->flen = xreallocarray(b->flen, b->capf, sizeof *b->flen);
	}
	if (b->used + len + 1 > b->cap) {
		while (b->used + len + 1 > b->cap)
			b->cap = b->cap ? b->cap * 2 : 256;
		b->data = xrealloc(b->data, b->cap);
	}
	b->off[b->nf] = b->used;
	b->flen[b->nf] = len;
	if (len)
		memcpy(b->data + b->used, s, len);
	b->data[b->used + len] = '\0';
	b->used += len + 1;
	b->nf++;
}

static void on_record(int c, void *data)
{
	struct csvr *r = data;
	(void)c;
	open_rec(r);   /* an empty record still needs its slot */
	r->qn++;
	r->in_record = 0;
}

static int valid_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = s[i];
		size_t k = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2
			 : (c & 0xF8) == 0xF0 ? 3 : 9;
		if (k == 9 || (k == 1 && c < 0xC2) || i + k >= n + (k == 0))
			return k == 0;
		for (size_t j = 1; j <= k; j++)
			if ((s[i + j] & 0xC0) != 0x80)
				return 0;
		i += k + 1;
	}
	return 1;
}

static char detect_delim(const char *s, size_t n)
{
	size_t comma = 0, semi = 0, tab = 0;
	int quoted = 0;
	for (size_t i = 0; i < n && s[i] != '\n'; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted)
			comma += s[i] == ',', semi += s[i] == ';', tab += s[i] == '\t';
	}
	if (semi > comma && semi >= tab)
		return ';';
	if (tab > comma && tab > semi)
		return '\t';
	return ',';
}

/* Convert one line from Windows-1258 into r->conv; returns its length. */
static size_t from_legacy(struct csvr *r, const char *s, size_t n)
{
	char *in = (char *)s, *out;
	size_t inleft = n, outleft;

	if (r->convcap < n * 4 + 16) {
		r->convcap = n * 4 + 16;
		r->conv = xrealloc(r->conv, r->convcap);
	}
	out = r->conv;
	outleft = r->convcap;
	if (iconv(r->cd, &in, &inleft, &out, &outleft) == (size_t)-1)
		set_fail(r, xstrdup(_("text could not be converted from Windows-1258")));
	return r->convcap - outleft;
}

/* First line: skip a byte-order mark, pick the delimiter and the encoding. */
static void start(struct csvr *r, const char **s, size_t *n, const char *sample, size_t samplen)
{
	r->started = 1;
	if (*n >= 3 && memcmp(*s, "\xEF\xBB\xBF", 3) == 0) {
		*s += 3;
		*n -= 3;
	}
	if (r->options & CSVR_DETECT_DELIM)
		csv_set_delim(&r->p, (unsigned char)detect_delim(*s, *n));
	if ((r->options & CSVR_LEGACY_TEXT) && !valid_utf8((const unsigned char *)sample, samplen)) {
		r->cd = iconv_open("UTF-8", "WINDOWS-1258");
		r->legacy = r->cd != (iconv_t)-1;
	}
}

/* 1 when the n bytes hold nothing but line ends (the line is not NUL-terminated). */
static int blank_line(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

/* Feed one line (with its '\n', if any) to the parser. */
static void feed_line(struct csvr *r, const char *s, size_t n, const char *sample, size_t samplen)
{
	if (!r->started)
		start(r, &s, &n, sample, samplen);
	if (r->legacy) {
		n = from_legacy(r, s, n);
		s = r->conv;
	} else if (!valid_utf8((const unsigned char *)s, n)) {
		set_fail(r, xstrdup(_("the text is not UTF-8; save the file as \"CSV UTF-8\" and try again")));
		return;
	}
	if (!r->in_record && !blank_line(s, n)) {
		r->in_record = 1;
		r->rec_line = r->line + 1;
	}
	if (csv_parse(&r->p, s, n, on_field, on_record, r) != n) {
		int e = csv_error(&r->p);
		set_fail(r, xstrdup(e == CSV_ENOMEM
			? _("a field is longer than 1 MB")
			: _("malformed CSV: a quote is not closed or is followed by other text")));
	}
	if (n && s[n - 1] == '\n')
		r->line++;
}

/* Feed the next line from the source; 0 when the source is exhausted. */
static int feed_more(struct csvr *r)
{
	if (!r->fp) {
		const char *s = r->mem + r->mempos;
		size_t left = r->memlen - r->mempos;
		const char *nl;
		size_t n;
		if (!left)
			return 0;
		nl = memchr(s, '\n', left);
		n = nl ? (size_t)(nl - s) + 1 : left;
		feed_line(r, s, n, s, left < CHUNK ? left : CHUNK);
		r->mempos += n;
		return 1;
	}
	for (;;) {
		const char *s = r->buf + r->pos;
		size_t left = r->end - r->pos;
		const char *nl = left ? memchr(s, '\n', left) : NULL;
		if (nl || (r->eof && left)) {
			size_t n = nl ? (size_t)(nl - s) + 1 : left;
			feed_line(r, s, n, s, left);
			r->pos += n;
			return 1;
		}
		if (r->eof)
			return 0;
		if (r->pos) {
			memmove(r->buf, s, left);
			r->end = left;
			r->pos = 0;
		}
		if (r->end == r->cap) {
			if (r->cap >= MAX_LINE) {
				set_fail(r, xstrdup(_("a line is longer than 8 MB")));
				return 0;
			}
			r->cap *= 2;
			r->buf = xrealloc(r->buf, r->cap);
		}
		size_t got = fread(r->buf + r->end, 1, r->cap - r->end, r->fp);
		if (got == 0) {
			if (ferror(r->fp))
				set_fail(r, xasprintf(_("read error: %s"), strerror(errno)));
			r->eof = 1;
		}
		r->end += got;
	}
}

static void hand_out(struct csvr *r, struct rbuf *b)
{
	if (b->nf > r->vcap) {
		r->vcap = b->nf;
		r->vf = xreallocarray(r->vf, r->vcap, sizeof *r->vf);
	}
	for (size_t i = 0; i < b->nf; i++)
		r->vf[i] = b->data + b->off[i];
	r->view.n = b->nf;
	r->view.f = r->vf;
	r->view.len = b->flen;
	r->view.line = b->line;
}

int csvr_next(struct csvr *r, const struct csvr_rec **rec, struct sx_err *err)
{
	if (r->qhead == r->qn && r->qhead) {
		/* Everything handed out: recycle the slots, keeping the open one. */
		struct rbuf open = *open_rec(r);
		r->q[r->qn] = r->q[0];
		r->q[0] = open;
		r->qn = r->qhead = 0;
		for (size_t i = 1; i < r->qcap; i++)
			r->q[i].nf = r->q[i].used = 0;
	}
	while (r->qhead == r->qn && !r->fail) {
		if (!feed_more(r)) {
			if (csv_fini(&r->p, on_field, on_record, r) != 0)
				set_fail(r, xstrdup(_("malformed CSV: the file ends inside a quoted field")));
			break;
		}
	}
	if (r->fail) {
		sx_err_add(err, r->name, r->fail_line, "%s", r->fail);
		return -1;
	}
	if (r->qhead == r->qn)
		return 0;
	hand_out(r, &r->q[r->qhead++]);
	*rec = &r->view;
	return 1;
}

char csvr_delim(const struct csvr *r)
{
	return (char)csv_get_delim((struct csv_parser *)&r->p);
}

int csvr_was_legacy(const struct csvr *r)
{
	return r->legacy;
}

const char *csvr_name(const struct csvr *r)
{
	return r->name;
}

void csvr_close(struct csvr *r)
{
	if (!r)
		return;
	csv_free(&r->p);
	if (r->fp)
		fclose(r->fp);
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	for (size_t i = 0; i < r->qcap; i++) {
		free(r->q[i].data);
		free(r->q[i].off);
		free(r->q[i].flen);
	}
	free(r->q);
	free(r->vf);
	free(r->conv);
	free(r->fail);
	free(r->buf);
	free(r->name);
	free(r);
}
