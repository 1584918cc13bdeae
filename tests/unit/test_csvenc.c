/* test_csvenc.c — the CSV reader's choice of encoding, as a property over
 * generated files: sizes from a few bytes to several MB, a Vietnamese letter
 * at every offset around the reader's buffer sizes, UTF-8 (with and without
 * byte-order mark) and Windows-1258 (made by the system's iconv), with and
 * without a final newline.  Every record must come back as written. */
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "t.h"
#include "base/csvread.h"

/* One generated file: the bytes, and the second field of each row in UTF-8. */
struct gen {
	char *buf;
	size_t len, cap;
	char **rows;
	size_t nrows, caprows;
};

static const char *const words[] = {
	"Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b H\xe1\xbb\x93ng", "S\xc6\xa1n La", "\xc4\x90\xe1\xba\xb7ng V\xc4\x83n \xc4\x90\xe1\xbb\xa9" "c",
	"M\xc3\xad" "a \xc4\x91\xc6\xb0\xe1\xbb\x9dng", "c\xc3\xa0 ph\xc3\xaa", "tinh b\xe1\xbb\x99t s\xe1\xba\xafn",
};
/* "Hà Nội": its 'ộ' (3 bytes in UTF-8) starts 5 bytes in. */
#define HANOI "H\xc3\xa0 N\xe1\xbb\x99i"

static void put(struct gen *g, const char *s, size_t n)
{
	if (g->len + n + 1 > g->cap) {
		g->cap = (g->len + n + 1) * 2;
		g->buf = realloc(g->buf, g->cap);
	}
	memcpy(g->buf + g->len, s, n);
	g->len += n;
}

static void add_row(struct gen *g, const char *text, int nl)
{
	char head[32];
	int h = snprintf(head, sizeof head, "%zu,", g->nrows);
	put(g, head, (size_t)h);
	put(g, text, strlen(text));
	if (nl)
		put(g, "\n", 1);
	if (g->nrows == g->caprows) {
		g->caprows = g->caprows ? g->caprows * 2 : 64;
		g->rows = realloc(g->rows, g->caprows * sizeof *g->rows);
	}
	g->rows[g->nrows++] = strdup(text);
}

/* Rows of text (Vietnamese unless ascii) up to `at`, then a row whose 'ộ'
 * starts exactly at byte `at`, then rows up to `total` bytes, the last one
 * ending in "Hà Nội", with or without its newline. */
static void generate(struct gen *g, int bom, int ascii, size_t at, size_t total, int final_nl)
{
	char text[256];
	memset(g, 0, sizeof *g);
	if (bom)
		put(g, "\xEF\xBB\xBF", 3);
	put(g, "id,text\n", 8);
	for (;;) {
		size_t head = (size_t)snprintf(text, sizeof text, "%zu,", g->nrows);
		if (g->len + head + 5 + 120 > at)
			break;
		snprintf(text, sizeof text, "%s %zu %s", ascii ? "Nguyen Van An" : words[g->nrows % 6],
			 g->len, ascii ? "Son La" : words[(g->nrows + 3) % 6]);
		add_row(g, text, 1);
	}
	if (at >= g->len + 5 + 16) {
		size_t head = (size_t)snprintf(text, sizeof text, "%zu,", g->nrows);
		size_t pad = at - g->len - head - 5;
		memset(text, 'x', pad);
		strcpy(text + pad, HANOI);
		add_row(g, text, 1);
	}
	while (g->len + 60 < total) {
		snprintf(text, sizeof text, "%s %s", words[g->nrows % 6], HANOI);
		add_row(g, text, 1);
	}
	add_row(g, HANOI, final_nl);
}

static void gen_free(struct gen *g)
{
	for (size_t i = 0; i < g->nrows; i++)
		free(g->rows[i]);
	free(g->rows);
	free(g->buf);
}

/* The bytes of g in Windows-1258, through the system's converter. */
static char *to_cp1258(const struct gen *g, size_t *len)
{
	iconv_t cd = iconv_open("WINDOWS-1258", "UTF-8");
	size_t cap = g->len + 16, inleft = g->len, outleft = cap;
	char *out = malloc(cap), *in = g->buf, *o = out;
	if (cd == (iconv_t)-1 || iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1)
		t_failures++;
	iconv(cd, NULL, NULL, &o, &outleft);
	iconv_close(cd);
	*len = cap - outleft;
	return out;
}

/* Read path; 1 when every row comes back as generated, and as legacy or not. */
static int reads_back(const char *path, const struct gen *g, int want_legacy, const char *what)
{
	struct sx_err e = {0};
	struct csvr *r = csvr_open(path, CSVR_DETECT_DELIM | CSVR_LEGACY_TEXT, &e);
	const struct csvr_rec *rec;
	size_t n = 0;
	int ok = r != NULL, rc;

	while (r && (rc = csvr_next(r, &rec, &e)) == 1) {
		if (n == 0) {
			ok = ok && rec->n == 2 && strcmp(rec->f[1], "text") == 0;
		} else if (n - 1 >= g->nrows || rec->n != 2 || strcmp(rec->f[1], g->rows[n - 1]) != 0) {
			if (ok)
				fprintf(stderr, "%s: row %zu: got \"%s\", want \"%s\"\n", what, n,
					rec->n > 1 ? rec->f[1] : "", n - 1 < g->nrows ? g->rows[n - 1] : "-");
			ok = 0;
		}
		n++;
	}
	if (sx_err_count(&e)) {
		fprintf(stderr, "%s: %s\n", what, sx_err_last(&e));
		ok = 0;
	}
	if (n != g->nrows + 1 || (r && csvr_was_legacy(r) != want_legacy)) {
		fprintf(stderr, "%s: %zu records, legacy %d\n", what, n, r ? csvr_was_legacy(r) : -1);
		ok = 0;
	}
	csvr_close(r);
	sx_err_clear(&e);
	return ok;
}

static void write_file(const char *path, const char *buf, size_t len)
{
	FILE *fp = fopen(path, "wb");
	CHECK(fp && fwrite(buf, 1, len, fp) == len);
	if (fp)
		fclose(fp);
}

/* One case in every variant: UTF-8 with/without BOM, Windows-1258 with a
 * Vietnamese or an ASCII-only head, each with/without final newline. */
static int check_all(size_t at, size_t total)
{
	char path[] = "/tmp/sxsh-csvenc-XXXXXX", what[96];
	int fd = mkstemp(path), ok = 1;
	close(fd);
	for (int v = 0; v < 8; v++) {
		int nl = v & 1, kind = v >> 1;   /* 0 utf8, 1 utf8+bom, 2 cp1258, 3 cp1258 ascii head */
		struct gen g;
		generate(&g, kind == 1, kind == 3, at, total, nl);
		snprintf(what, sizeof what, "at %zu size %zu kind %d nl %d", at, total, kind, nl);
		if (kind < 2) {
			write_file(path, g.buf, g.len);
		} else {
			size_t n;
			char *b = to_cp1258(&g, &n);
			write_file(path, b, n);
			free(b);
		}
		if (!reads_back(path, &g, kind >= 2, what))
			ok = 0;
		gen_free(&g);
	}
	unlink(path);
	return ok;
}

static void test_boundaries(void)
{
	/* The reader works in 64 KiB chunks and grows its line buffer by doubling. */
	static const size_t bounds[] = { 65536, 131072, 262144 };
	for (size_t b = 0; b < sizeof bounds / sizeof *bounds; b++)
		for (int d = -4; d <= 4; d++)
			CHECK(check_all(bounds[b] + (size_t)d, bounds[b] * 2));
}

static void test_sizes(void)
{
	/* Sizes from a few bytes to 4 MB, the letter at a size-dependent offset. */
	for (size_t total = 10; total <= 4u << 20; total = total * 3 / 2 + 7)
		CHECK(check_all(total / 3 + total % 7, total));
}

/* Reads buf from memory; the message of its error, or "" when none. */
static const char *mem_error(const char *buf, char *msg, size_t cap)
{
	struct sx_err e = {0};
	struct csvr *r = csvr_open_mem("x.csv", buf, strlen(buf), CSVR_LEGACY_TEXT);
	const struct csvr_rec *rec;
	while (csvr_next(r, &rec, &e) == 1)
		;
	snprintf(msg, cap, "%s", sx_err_count(&e) ? sx_err_last(&e) : "");
	csvr_close(r);
	sx_err_clear(&e);
	return msg;
}

static void test_refused(void)
{
	char msg[300];
	/* One stray Windows-1258 byte (ộ as ô + dot below) in a UTF-8 file: refused at its line. */
	CHECK_STR(mem_error("id,text\n1," HANOI "\n2,N\xf4\xf2i\n3,ok\n", msg, sizeof msg),
		  "x.csv:3: the text is not UTF-8: found byte 0xF4 after \"2,N\" in a file that is"
		  " UTF-8 elsewhere; correct that line, or save the file as \"CSV UTF-8\" and try again");
	/* Not Windows-1258 either (0x81 is undefined there): the first such line. */
	CHECK_STR(mem_error("id,text\n1,a\n2,b\x81\n", msg, sizeof msg),
		  "x.csv:3: the text is neither UTF-8 nor Windows-1258: found byte 0x81 after \"2,b\";"
		  " save the file as \"CSV UTF-8\" and try again");
	/* Overlong and surrogate encodings are not UTF-8. */
	CHECK(strstr(mem_error("a\n\xc3\xa0\n\xed\xa0\x80\n", msg, sizeof msg), "x.csv:3: ") == msg);
	CHECK(strstr(mem_error("a\n\xc3\xa0\n\xc0\xaf\n", msg, sizeof msg), "x.csv:3: ") == msg);
	/* Windows-1258 without a final newline keeps its last letter. */
	CHECK_STR(mem_error("a\nN\xf4\xf2", msg, sizeof msg), "");
}

T_SUITE(csvenc) {
	{ "csvenc/refused", test_refused },
	{ "csvenc/boundaries", test_boundaries },
	{ "csvenc/sizes", test_sizes },
	{ 0 }
};
