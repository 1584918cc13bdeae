/* test_csvread.c — the CSV record reader. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "t.h"
#include "base/csvread.h"

/* Read all records of buf; returns the count, or -1 with the message in msg. */
static int read_all(const char *buf, int opts, char out[][8][32], long *lines, char *msg)
{
	struct sx_err e = {0};
	struct csvr *r = csvr_open_mem("x.csv", buf, strlen(buf), opts);
	const struct csvr_rec *rec;
	int n = 0, rc;

	while ((rc = csvr_next(r, &rec, &e)) == 1) {
		for (size_t i = 0; i < rec->n && i < 8; i++)
			snprintf(out[n][i], 32, "%s", rec->f[i]);
		lines[n++] = rec->line;
	}
	if (rc < 0) {
		snprintf(msg, 200, "%s", sx_err_last(&e));
		n = -1;
	}
	sx_err_clear(&e);
	csvr_close(r);
	return n;
}

static void test_basic(void)
{
	char out[8][8][32] = {{{0}}};
	long lines[8];
	char msg[200] = "";
	int n = read_all("\xEF\xBB\xBFname,value\r\n\r\na,\"multi\r\nline\"\r\n\"q\"\"x\",2\r\n",
			 0, out, lines, msg);
	CHECK_INT(n, 3);
	CHECK_STR(out[0][0], "name");
	CHECK_STR(out[1][1], "multi\r\nline");
	CHECK_INT(lines[1], 3);
	CHECK_STR(out[2][0], "q\"x");
	CHECK_INT(lines[2], 5);
}

static void test_errors(void)
{
	char out[8][8][32];
	long lines[8];
	char msg[200] = "";
	CHECK_INT(read_all("a,b\nc,\"open\n", 0, out, lines, msg), -1);
	CHECK_STR(msg, "x.csv:2: malformed CSV: the file ends inside a quoted field");
	CHECK_INT(read_all("a,b\nc,\"x\"y\n", 0, out, lines, msg), -1);
	CHECK(strstr(msg, "x.csv:2: malformed CSV") != NULL);
	CHECK_INT(read_all("a,b\n\xff\xfe,1\n", 0, out, lines, msg), -1);
	CHECK(strstr(msg, "x.csv:2: the text is not UTF-8") != NULL);
	/* The encoding scan counts lines eight ASCII bytes at a time: the line
	 * of a bad byte after 1,000 lines of any length is still exact. */
	char *big = malloc(40000);
	size_t n = 0;
	for (int i = 0; i < 1000; i++)
		n += (size_t)sprintf(big + n, "%.*s\n", i % 37, "abcdefghijklmnopqrstuvwxyz0123456789,");
	sprintf(big + n, "x\xc3\xa9,\xe9\n");
	CHECK_INT(read_all(big, 0, out, lines, msg), -1);
	CHECK(strstr(msg, "x.csv:1001: the text is not UTF-8: found byte 0xE9") != NULL);
	free(big);
}

static void test_delim_and_legacy(void)
{
	char out[8][8][32] = {{{0}}};
	long lines[8];
	char msg[200] = "";
	/* Semicolons, and "Nguyễn" as Windows-1258 writes it: e-circumflex + combining tilde. */
	int n = read_all("ten;nam\nNguy\xea\xde" "n;1980\n", CSVR_DETECT_DELIM | CSVR_LEGACY_TEXT,
			 out, lines, msg);
	CHECK_INT(n, 2);
	CHECK_STR(out[1][1], "1980");
	/* glibc composes the tone mark: the result is already NFC. */
	CHECK_STR(out[1][0], "Nguy\xe1\xbb\x85n");
	n = read_all("a\tb\n1\t2\n", CSVR_DETECT_DELIM, out, lines, msg);
	CHECK_INT(n, 2);
	CHECK_STR(out[1][1], "2");
}

static void test_file_chunks(void)
{
	char path[] = "/tmp/sxsh-csvr-XXXXXX";
	int fd = mkstemp(path);
	FILE *fp = fdopen(fd, "w");
	struct sx_err e = {0};
	const struct csvr_rec *rec;
	long count = 0, last = 0;
	for (int i = 0; i < 50000; i++)
		fprintf(fp, "%d,\"row %d\nsecond line\",x\n", i, i);
	fclose(fp);
	struct csvr *r = csvr_open(path, 0, &e);
	while (csvr_next(r, &rec, &e) == 1) {
		if (atol(rec->f[0]) != count || rec->n != 3)
			break;
		last = rec->line;
		count++;
	}
	CHECK_INT(count, 50000);
	CHECK_INT(last, 99999);
	CHECK_INT(sx_err_count(&e), 0);
	csvr_close(r);
	unlink(path);
	CHECK(csvr_open("/nonexistent/x.csv", 0, &e) == NULL);
	CHECK_STR(sx_err_last(&e), "/nonexistent/x.csv: cannot open: No such file or directory");
	sx_err_clear(&e);
}

/* Everything a reader hands out for buf (records with their lines, fields
 * with their lengths, the error), in one string to compare; malloc'd. */
static char *dump(const char *buf, size_t len, int opts, int libcsv)
{
	struct sx_err e = {0};
	struct csvr *r;
	const struct csvr_rec *rec;
	size_t cap = 256, n = 0;
	char *out = malloc(cap);
	int rc;

	r = csvr_open_mem("x.csv", buf, len, opts | (libcsv ? CSVR_LIBCSV_ONLY : 0));
	while ((rc = csvr_next(r, &rec, &e)) == 1) {
		size_t need = 64;
		for (size_t i = 0; i < rec->n; i++)
			need += rec->len[i] + 24;
		while (n + need > cap)
			out = realloc(out, cap *= 2);
		n += (size_t)sprintf(out + n, "%ld/%zu:", rec->line, rec->n);
		for (size_t i = 0; i < rec->n; i++) {
			n += (size_t)sprintf(out + n, "[%zu]", rec->len[i]);
			memcpy(out + n, rec->f[i], rec->len[i]);
			n += rec->len[i];
		}
		out[n++] = '\n';
	}
	while (n + 600 > cap)
		out = realloc(out, cap *= 2);
	n += (size_t)snprintf(out + n, 600, "rc %d %s", rc, rc < 0 ? sx_err_last(&e) : "");
	sx_err_clear(&e);
	csvr_close(r);
	return out;
}

/* 1 when the reader's own path and libcsv read buf alike in every mode. */
static int same_as_libcsv(const char *buf, size_t len)
{
	for (int opts = 0; opts < 4; opts++) {
		char *a = dump(buf, len, opts, 0), *b = dump(buf, len, opts, 1);
		int same = strcmp(a, b) == 0;
		if (!same)
			fprintf(stderr, "opts %d, fast:\n%.300s\nlibcsv:\n%.300s\n", opts, a, b);
		free(a);
		free(b);
		if (!same)
			return 0;
	}
	return 1;
}

/* The plain-line path against libcsv itself: spaces trimmed around fields
 * (not the delimiter), blank-only lines, quoted fields with spaces around,
 * doubled quotes, quotes left open or followed by text, CR inside a line,
 * NUL bytes, empty fields at the ends; then random lines from the
 * characters that matter. */
static void test_fast_path(void)
{
	static const char *cases[] = {
		"a,b\n a , b ,\t c \n", "h\n  \n\t\nx\n", "h\n \"x\" , y ,\" z \"\n",
		"a,\"b\"\"c\"\n", "a,\"b\" x\n", "a,\"b\"  \"\n", "a\rb,c\r\n", "a,b\r\r\n",
		"a,\"b\rc\"\r\n", "a,b c\"d\n", "a,\"open\nline\",x\n", ",\n,,\n", "a,\n", "a",
		"a,\"b\"", "a,\"b", "\"\"\n", "x;y\n1;\"2;3\" ;4\n", "x\ty\n\t1\t \t\n",
		"a\0b,c\nd\n", ("\xEF\xBB\xBF" "a,b\n1,2"), "x,y\n\xe9,1\n", "  x  \n",
	};
	static const char alpha[] = "ab ,;\t\"\r\n\n\0\xc3" "\xa9";
	unsigned seed = 12345;
	char buf[200];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		CHECK(same_as_libcsv(cases[i], strlen(cases[i])));
	CHECK(same_as_libcsv("a\0b,c\nd\n", 9));
	for (int t = 0; t < 3000; t++) {
		size_t n = 1 + (seed = seed * 1103515245 + 12345) % 60;
		for (size_t i = 0; i < n; i++)
			buf[i] = alpha[((seed = seed * 1103515245 + 12345) >> 16 & 0x7fff) % (sizeof alpha - 1)];
		if (!same_as_libcsv(buf, n)) {
			CHECK(!"random line read differently");
			break;
		}
	}
}

/* Fields at the length limit: the fast path gives way to libcsv before a
 * field can reach it, so the limit and its message stay libcsv's.  The
 * lengths where it falls are those of the reader before the fast path (and
 * before libcsv grew its buffer 64 KiB at a time instead of 128 bytes):
 * CSVR_MAX_FIELD + 62 bytes unquoted and + 61 quoted still read. */
static void test_fast_path_limits(void)
{
	static const struct { size_t extra; int quoted, ok; } c[] = {
		{ 0, 0, 1 }, { 0, 1, 1 }, { 62, 0, 1 }, { 63, 0, 0 }, { 61, 1, 1 }, { 62, 1, 0 },
		{ 64, 0, 0 },
	};
	for (size_t k = 0; k < sizeof c / sizeof c[0]; k++) {
		size_t n = CSVR_MAX_FIELD + c[k].extra, m = 6;
		char *b = malloc(n + 16), *d;
		memcpy(b, "h,i\nx,", 6);
		if (c[k].quoted)
			b[m++] = '"';
		memset(b + m, 'a', n);
		m += n;
		if (c[k].quoted)
			b[m++] = '"';
		memcpy(b + m, "\ny,z\n", 5);
		m += 5;
		CHECK(same_as_libcsv(b, m));
		d = dump(b, m, 0, 0);
		CHECK(strstr(d, c[k].ok ? "rc 0" : "rc -1 x.csv:2: a field is longer than 1 MB") != NULL);
		free(d);
		free(b);
	}
}

/* Records of a file through both paths: lines longer than the 64 KiB chunk
 * the file is read in, a quoted field across lines, no newline at the end. */
static void test_fast_path_file(void)
{
	char path[] = "/tmp/sxsh-csvr-XXXXXX";
	int fd = mkstemp(path);
	FILE *fp = fdopen(fd, "w");
	char *got[2] = { NULL, NULL };

	fputs("a,b,c\n", fp);
	for (int i = 0; i < 300; i++) {
		fprintf(fp, "%d, %s", i, i % 2 ? "" : "\"");
		for (int k = 0; k < (i % 7) * 5000; k++)
			fputs(i % 2 ? "x\xc3\xa9 y" : "q,q ", fp);
		fputs(i % 2 ? "" : "\" ", fp);
		fputs(i % 5 ? ",z\n" : ",\"z\nw\"\n", fp);
	}
	fputs("end, last ,\"no newline\"", fp);
	fclose(fp);
	for (int m = 0; m < 2; m++) {
		struct sx_err e = {0};
		struct csvr *r = csvr_open(path, m ? CSVR_LIBCSV_ONLY : 0, &e);
		const struct csvr_rec *rec;
		unsigned long h = 5381, n = 0;
		int rc;
		while ((rc = csvr_next(r, &rec, &e)) == 1) {
			h = h * 33 + (unsigned long)rec->line + rec->n;
			for (size_t i = 0; i < rec->n; i++)
				for (size_t k = 0; k < rec->len[i]; k++)
					h = h * 33 + (unsigned char)rec->f[i][k];
			n++;
		}
		got[m] = malloc(300);
		snprintf(got[m], 300, "%d %lu %lu %s", rc, n, h, rc < 0 ? sx_err_last(&e) : "");
		sx_err_clear(&e);
		csvr_close(r);
	}
	CHECK_STR(got[0], got[1]);
	CHECK(strncmp(got[0], "0 302 ", 6) == 0);
	free(got[0]);
	free(got[1]);
	unlink(path);
}

T_SUITE(csvread) {
	{ "csvread/basic", test_basic },
	{ "csvread/errors", test_errors },
	{ "csvread/delim_legacy", test_delim_and_legacy },
	{ "csvread/file_chunks", test_file_chunks },
	{ "csvread/fast_path", test_fast_path },
	{ "csvread/fast_path_limits", test_fast_path_limits },
	{ "csvread/fast_path_file", test_fast_path_file },
	{ 0 }
};
