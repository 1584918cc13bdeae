/* csvread.c — libcsv driven line by line, so every record knows its line. */
#include "base/csvread.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
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
	int decided;            /* encoding decided from the whole source */
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
	int idle_state;         /* libcsv's pstate between records */
	size_t *span;           /* fast_line: offset and length of each field */
	size_t spancap;
};


/* What a pass over the whole source found about its encoding. */
struct encscan {
	int need;                 /* continuation bytes still expected */
	unsigned char lo, hi;     /* allowed range of the next one */
	unsigned char lead;       /* the byte that began the sequence */
	size_t got;               /* bytes of it seen */
	long line;                /* current line (1-based) */
	long multibyte;           /* valid UTF-8 sequences beyond ASCII */
	long bad_line;            /* first line that is not UTF-8, 0 if none */
	unsigned char bad_byte;
	char bad_ctx[40];         /* the text before it on that line */
	long cp_line;             /* first byte Windows-1258 leaves undefined */
	unsigned char cp_byte;
};

static void scan_bytes(struct encscan *e, const unsigned char *s, size_t n);
static void scan_end(struct encscan *e);
static void decide(struct csvr *r, struct encscan *e);
static int scan_file(struct csvr *r, struct sx_err *err);

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
	/* libcsv grows a field's buffer by this much (128 bytes by default: a
	 * long field was thousands of reallocs).  It halves the step when the
	 * cap refuses one, down to a byte, so the last size it reaches is the
	 * cap's, and the length limit stays where it was. */
	csv_set_blk_size(&r->p, 64 * 1024);
	r->idle_state = r->p.pstate;
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
	if (scan_file(r, err) != 0) {
		csvr_close(r);
		return NULL;
	}
	return r;
}

struct csvr *csvr_open_mem(const char *name, const char *buf, size_t len, int options)
{
	struct csvr *r = reader_new(name, options);
	struct encscan e = { .line = 1 };
	r->mem = buf;
	r->memlen = len;
	scan_bytes(&e, (const unsigned char *)buf, len);
	scan_end(&e);
	decide(r, &e);
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

/* Bytes Windows-1258 does not define. */
static int cp1258_undefined(unsigned char c)
{
	return c == 0x81 || c == 0x8A || c == 0x8D || c == 0x8E || c == 0x8F || c == 0x90
	       || c == 0x9A || c == 0x9D || c == 0x9E;
}

/* Keep up to the last 32 bytes before s[i] on its line, whole characters,
 * control characters shown as '?'. */
static void keep_context(struct encscan *e, const unsigned char *s, size_t i)
{
	size_t from = i, k = 0;
	while (from > 0 && i - from < 32 && s[from - 1] != '\n')
		from--;
	while (from < i && (s[from] & 0xC0) == 0x80)
		from++;
	for (; from < i && k + 1 < sizeof e->bad_ctx; from++)
		e->bad_ctx[k++] = s[from] < 0x20 || s[from] == 0x7F ? '?' : (char)s[from];
	/* Cut a trailing partial or invalid sequence. */
	while (k > 0 && ((unsigned char)e->bad_ctx[k - 1] & 0x80)) {
		size_t st = k - 1;
		while (st > 0 && ((unsigned char)e->bad_ctx[st] & 0xC0) == 0x80)
			st--;
		unsigned char c = (unsigned char)e->bad_ctx[st];
		size_t want = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
		if (want && k - st == want)
			break;
		k = st;
	}
	e->bad_ctx[k] = '\0';
}

/* The sequence of s[i] broke: blame its first byte (it may lie in an earlier chunk). */
static void scan_bad(struct encscan *e, const unsigned char *s, size_t i)
{
	if (!e->bad_line) {
		size_t back = e->need ? e->got : 0;
		e->bad_line = e->line;
		e->bad_byte = e->need ? e->lead : s[i];
		keep_context(e, s, i >= back ? i - back : 0);
	}
}

/* Scan n more bytes: strict UTF-8 (no overlongs, surrogates or values past
 * U+10FFFF), and whether each byte is defined in Windows-1258. */
static void scan_bytes(struct encscan *e, const unsigned char *s, size_t n)
{
	const uint64_t high = 0x8080808080808080ULL, low7 = 0x7F7F7F7F7F7F7F7FULL;

	for (size_t i = 0; i < n; i++) {
		unsigned char c;
		/* Eight ASCII bytes at once (most of a file): only their line ends
		 * count.  A zero byte of w ^ "\n\n..." is a '\n' (no false hits: no
		 * high bit is set anywhere in x). */
		while (!e->need && n - i >= 8) {
			uint64_t w, x, z;
			memcpy(&w, s + i, 8);
			if (w & high)
				break;
			x = w ^ 0x0A0A0A0A0A0A0A0AULL;
			z = ~(((x & low7) + low7) | x | low7);
			/* z has only high bits: the multiply sums them into the top byte
			 * (no popcnt instruction in the baseline x86-64). */
			e->line += (long)(((z >> 7) * 0x0101010101010101ULL) >> 56);
			i += 8;
		}
		if (i == n)
			break;
		c = s[i];
		if (cp1258_undefined(c) && !e->cp_line) {
			e->cp_line = e->line;
			e->cp_byte = c;
		}
		if (e->need) {
			if (c >= e->lo && c <= e->hi) {
				e->lo = 0x80, e->hi = 0xBF;
				e->got++;
				if (--e->need == 0)
					e->multibyte++;
				continue;
			}
			/* The sequence broke off: this byte starts afresh. */
			scan_bad(e, s, i);
			e->need = 0;
		}
		if (c == '\n')
			e->line++;
		if (c < 0x80)
			continue;
		e->lo = 0x80, e->hi = 0xBF;
		e->lead = c;
		e->got = 1;
		if (c >= 0xC2 && c <= 0xDF)
			e->need = 1;
		else if (c >= 0xE0 && c <= 0xEF) {
			e->need = 2;
			if (c == 0xE0)
				e->lo = 0xA0;
			else if (c == 0xED)
				e->hi = 0x9F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			e->need = 3;
			if (c == 0xF0)
				e->lo = 0x90;
			else if (c == 0xF4)
				e->hi = 0x8F;
		} else
			scan_bad(e, s, i);
	}
}

/* The source ended: a sequence still open is not UTF-8. */
static void scan_end(struct encscan *e)
{
	if (e->need && !e->bad_line) {
		e->bad_line = e->line;
		e->bad_byte = 0;
	}
	e->need = 0;
}

/* Decide the encoding from the scan of the whole source: UTF-8 when it all
 * is; Windows-1258 (when allowed) when no byte of it is UTF-8 beyond ASCII
 * and every byte is defined there; otherwise refuse at the first bad line. */
static void decide(struct csvr *r, struct encscan *e)
{
	r->decided = 1;
	if (!e->bad_line)
		return;
	if ((r->options & CSVR_LEGACY_TEXT) && !e->multibyte && !e->cp_line) {
		r->cd = iconv_open("UTF-8", "WINDOWS-1258");
		r->legacy = r->cd != (iconv_t)-1;
		if (r->legacy)
			return;
	}
	r->fail_line = e->bad_line;
	if (!e->bad_byte)
		r->fail = xstrdup(_("the text is not UTF-8: the file ends inside a character"));
	else if ((r->options & CSVR_LEGACY_TEXT) && !e->multibyte)
		r->fail = xasprintf(_("the text is neither UTF-8 nor Windows-1258: found byte 0x%02X"
				      " after \"%s\"; save the file as \"CSV UTF-8\" and try again"),
				    e->cp_byte, e->bad_line == e->cp_line && e->bad_byte == e->cp_byte
				    ? e->bad_ctx : "");
	else if (e->multibyte)
		r->fail = xasprintf(_("the text is not UTF-8: found byte 0x%02X after \"%s\" in a file"
				      " that is UTF-8 elsewhere; correct that line, or save the file as"
				      " \"CSV UTF-8\" and try again"), e->bad_byte, e->bad_ctx);
	else
		r->fail = xasprintf(_("the text is not UTF-8: found byte 0x%02X after \"%s\"; save the"
				      " file as \"CSV UTF-8\" and try again"), e->bad_byte, e->bad_ctx);
	if (e->cp_line && (r->options & CSVR_LEGACY_TEXT) && !e->multibyte)
		r->fail_line = e->cp_line;
}

/* Scan a whole file, then go back to its start. */
static int scan_file(struct csvr *r, struct sx_err *err)
{
	struct encscan e = { .line = 1 };
	unsigned char *b = xmalloc(CHUNK);
	size_t got;
	while ((got = fread(b, 1, CHUNK, r->fp)) > 0)
		scan_bytes(&e, b, got);
	free(b);
	scan_end(&e);
	if (ferror(r->fp) || fseek(r->fp, 0, SEEK_SET) != 0) {
		sx_err_add(err, r->name, 0, _("read error: %s"), strerror(errno));
		return -1;
	}
	decide(r, &e);
	return 0;
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
	/* glibc holds back a letter until it knows no tone mark follows: the
	 * second call hands it out at the end of every line, the last too. */
	if (iconv(r->cd, &in, &inleft, &out, &outleft) == (size_t)-1
	    || iconv(r->cd, NULL, NULL, &out, &outleft) == (size_t)-1)
		set_fail(r, xstrdup(_("text could not be converted from Windows-1258")));
	return r->convcap - outleft;
}

/* First line: skip a byte-order mark, pick the delimiter. */
static void start(struct csvr *r, const char **s, size_t *n)
{
	r->started = 1;
	if (*n >= 3 && memcmp(*s, "\xEF\xBB\xBF", 3) == 0) {
		*s += 3;
		*n -= 3;
	}
	if (r->options & CSVR_DETECT_DELIM)
		csv_set_delim(&r->p, (unsigned char)detect_delim(*s, *n));
}

/* 1 when the n bytes hold nothing but line ends (the line is not NUL-terminated). */
static int blank_line(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

/* A blank or tab that libcsv trims around a field (unless it is the delimiter). */
static int trimmed_space(unsigned char c, unsigned char delim)
{
	return (c == ' ' || c == '\t') && c != delim;
}

static void add_span(struct csvr *r, size_t k, size_t at, size_t len)
{
	if (2 * k + 2 > r->spancap) {
		r->spancap = r->spancap ? r->spancap * 2 : 64;
		r->span = xreallocarray(r->span, r->spancap, sizeof *r->span);
	}
	r->span[2 * k] = at;
	r->span[2 * k + 1] = len;
}

/* The bytes of w equal to c: the high bit of each such byte set, no other
 * bit (exact for every byte value, unlike the usual quick test). */
static uint64_t bytes_equal(uint64_t w, unsigned char c)
{
	const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
	uint64_t x = w ^ (0x0101010101010101ULL * c);

	return ~(((x & low7) + low7) | x | low7);
}

/* Past the bytes from s[i] on that are none of the delimiter, '"' and CR,
 * eight at a time; stops up to seven bytes early (the caller goes on byte
 * by byte). */
static size_t plain_run(const char *s, size_t i, size_t n, unsigned char d)
{
	for (; n - i >= 8; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if (bytes_equal(w, d) | bytes_equal(w, '"') | bytes_equal(w, '\r'))
			break;
	}
	return i;
}

/* The k fields of r->span, from s, into the record being built (on_field
 * for each, with room made once). */
static void put_fields(struct csvr *r, const char *s, size_t k)
{
	struct rbuf *b = open_rec(r);
	size_t bytes = 0;

	for (size_t f = 0; f < k; f++)
		bytes += r->span[2 * f + 1] + 1;
	if (b->nf == 0)
		b->line = r->rec_line;
	if (b->nf + k > b->capf) {
		while (b->nf + k > b->capf)
			b->capf = b->capf ? b->capf * 2 : 16;
		b->off = xreallocarray(b->off, b->capf, sizeof *b->off);
		b->flen = xreallocarray(b->flen, b->capf, sizeof *b->flen);
	}
	if (b->used + bytes > b->cap) {
		while (b->used + bytes > b->cap)
			b->cap = b->cap ? b->cap * 2 : 256;
		b->data = xrealloc(b->data, b->cap);
	}
	for (size_t f = 0; f < k; f++) {
		size_t len = r->span[2 * f + 1];
		b->off[b->nf] = b->used;
		b->flen[b->nf++] = len;
		memcpy(b->data + b->used, s + r->span[2 * f], len);
		b->data[b->used + len] = '\0';
		b->used += len + 1;
	}
}

/* libcsv's reading of one whole line from its idle state (CSV_STRICT), for
 * the lines an export writes: fields unquoted, or quoted without a quote or
 * line break inside.  1 when the line was read (its fields and record handed
 * to on_field / on_record exactly as libcsv would), 0 when libcsv must read
 * it: a quote inside an unquoted field or after a closing one (errors, or a
 * doubled quote), a quote left open (a field going on to the next line), a
 * CR before the line end (libcsv ends a record there), a line long enough
 * for a field to reach the length limit.  Nothing is handed out before the
 * whole line is known to qualify. */
static int fast_line(struct csvr *r, const char *s, size_t n)
{
	unsigned char d = (unsigned char)csv_get_delim(&r->p);
	size_t i = 0, k = 0;

	if (n && s[n - 1] == '\n')
		n--;
	if (n && s[n - 1] == '\r')
		n--;
	/* A NUL is refused by on_field: libcsv hands it the fields. */
	if (n > CSVR_MAX_FIELD || memchr(s, '\0', n))
		return 0;
	while (i < n && trimmed_space((unsigned char)s[i], d))
		i++;
	if (i == n)
		return 1; /* blanks only: libcsv submits no record */
	for (;;) {
		size_t at = i, end;
		if (i < n && s[i] == '"') {
			const char *q = memchr(s + i + 1, '"', n - i - 1);
			if (!q)
				return 0;
			at = i + 1;
			end = (size_t)(q - s);
			for (i = end + 1; i < n && trimmed_space((unsigned char)s[i], d); i++)
				;
			if (i < n && (unsigned char)s[i] != d)
				return 0;
		} else {
			i = plain_run(s, i, n, d);
			for (; i < n && (unsigned char)s[i] != d; i++)
				if (s[i] == '"' || s[i] == '\r')
					return 0;
			for (end = i; end > at && trimmed_space((unsigned char)s[end - 1], d); end--)
				;
		}
		add_span(r, k++, at, end - at);
		if (i == n)
			break;
		for (i++; i < n && trimmed_space((unsigned char)s[i], d); i++)
			;
	}
	put_fields(r, s, k);
	on_record('\n', r);
	return 1;
}

/* Feed one line (with its '\n', if any) to the parser. */
static void feed_line(struct csvr *r, const char *s, size_t n)
{
	if (!r->started)
		start(r, &s, &n);
	if (r->legacy) {
		n = from_legacy(r, s, n);
		s = r->conv;
	}
	if (!r->in_record && !blank_line(s, n)) {
		r->in_record = 1;
		r->rec_line = r->line + 1;
	}
	if (!(r->options & CSVR_LIBCSV_ONLY) && r->p.pstate == r->idle_state && r->p.entry_pos == 0 &&
	    fast_line(r, s, n)) {
		/* read as libcsv would have */
	} else if (csv_parse(&r->p, s, n, on_field, on_record, r) != n) {
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
		feed_line(r, s, n);
		r->mempos += n;
		return 1;
	}
	for (;;) {
		const char *s = r->buf + r->pos;
		size_t left = r->end - r->pos;
		const char *nl = left ? memchr(s, '\n', left) : NULL;
		if (nl || (r->eof && left)) {
			size_t n = nl ? (size_t)(nl - s) + 1 : left;
			feed_line(r, s, n);
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
	free(r->span);
	free(r->conv);
	free(r->fail);
	free(r->buf);
	free(r->name);
	free(r);
}
