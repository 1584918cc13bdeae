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

T_SUITE(csvread) {
	{ "csvread/basic", test_basic },
	{ "csvread/errors", test_errors },
	{ "csvread/delim_legacy", test_delim_and_legacy },
	{ "csvread/file_chunks", test_file_chunks },
	{ 0 }
};
