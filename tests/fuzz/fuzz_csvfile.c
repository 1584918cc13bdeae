/* fuzz_csvfile.c — the CSV reader on real files past its buffer sizes, with
 * an oracle: records built from the input are written as a file (UTF-8 with
 * or without byte-order mark, or Windows-1258 through the system's iconv;
 * with or without final newline; after up to 255 KiB of filler rows, so that
 * the text falls across the reader's 64 KiB chunks) and must read back field
 * for field as they were written.  Run with -len_control=0 and large seeds. */
#include <iconv.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/csvread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What an input byte stands for: text that Windows-1258 can hold too. */
static const char *const alphabet[] = {
	"a", "n", "g", " ", ",", "\"", "\n", ";", "\t", "x", "0", "\r\n",
	"\xc3\xa0", "\xe1\xbb\x99", "\xe1\xbb\x85", "\xc6\xb0", "\xc6\xa1", "\xc4\x91", "\xc4\x90",
	"\xe1\xba\xa3", "\xe1\xbb\xb9", "\xc3\xaa", "\xc4\x83", "\xe1\xbb\x9d", "\xe1\xbb\xa9",
};
#define NALPHA (sizeof alphabet / sizeof *alphabet)

struct text { char *s; size_t len, cap; };

static void put(struct text *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->cap) {
		t->cap = (t->len + n + 1) * 2;
		t->s = realloc(t->s, t->cap);
	}
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = '\0';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	struct text file = {0}, want = {0}, got = {0};
	int legacy, bom, final_nl;
	size_t filler, rows = 0;

	if (size < 2)
		return 0;
	legacy = data[0] & 1, bom = !legacy && (data[0] & 2), final_nl = !(data[0] & 4);
	filler = (size_t)data[1] * 1024;
	if (!path[0])
		snprintf(path, sizeof path, "/tmp/fuzz-csvfile-%d.csv", (int)getpid());
	put(&file, "id,text\n", 8);
	while (file.len < filler) {
		char row[64];
		int n = snprintf(row, sizeof row, "%zu,filler row to reach the chunk edge\n", rows++);
		put(&file, row, (size_t)n);
	}
	/* One record per 0xFF-separated piece: id, then the piece, always quoted. */
	for (size_t i = 2; i <= size; ) {
		char head[32];
		size_t j = i;
		while (j < size && data[j] != 0xFF)
			j++;
		int n = snprintf(head, sizeof head, "%zu,\"", rows++);
		put(&file, head, (size_t)n);
		put(&want, "|", 1);
		for (size_t k = i; k < j; k++) {
			const char *a = alphabet[data[k] % NALPHA];
			if (*a == '"')
				put(&file, "\"", 1);
			put(&file, a, strlen(a));
			put(&want, a, strlen(a));
		}
		/* Only the record that ends the input (no 0xFF after it) may lack its newline:
		 * data ending in 0xFF is followed by one more, empty, record. */
		put(&file, j >= size && !final_nl ? "\"" : "\"\n", j >= size && !final_nl ? 1 : 2);
		i = j + 1;
	}
	FILE *fp = fopen(path, "wb");
	if (!fp)
		abort();
	if (bom)
		fwrite("\xEF\xBB\xBF", 1, 3, fp);
	if (legacy) {
		iconv_t cd = iconv_open("WINDOWS-1258", "UTF-8");
		size_t cap = file.len * 2 + 16, inleft = file.len, outleft = cap;
		char *out = malloc(cap), *in = file.s, *o = out;
		if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1)
			abort();
		iconv(cd, NULL, NULL, &o, &outleft);
		iconv_close(cd);
		fwrite(out, 1, cap - outleft, fp);
		free(out);
	} else {
		fwrite(file.s, 1, file.len, fp);
	}
	fclose(fp);

	struct sx_err err = {0};
	struct csvr *r = csvr_open(path, CSVR_DETECT_DELIM | CSVR_LEGACY_TEXT, &err);
	const struct csvr_rec *rec;
	size_t n = 0;
	if (!r)
		abort();
	while (csvr_next(r, &rec, &err) == 1) {
		if (rec->n != 2)
			__builtin_trap();
		/* Ids count up from 0 after the header. */
		if (n++ > 0 && strtoul(rec->f[0], NULL, 10) != n - 2)
			__builtin_trap();
		if (n > 1 && strcmp(rec->f[1], "filler row to reach the chunk edge") != 0) {
			put(&got, "|", 1);
			put(&got, rec->f[1], rec->len[1]);
		}
	}
	/* Every record back, in order, with its text as written. */
	if (sx_err_count(&err) || n != rows + 1 || got.len != want.len
	    || (want.len && memcmp(got.s, want.s, want.len) != 0)
	    || csvr_was_legacy(r) != (legacy && want.len && strpbrk(want.s, "\xc3\xc4\xc6\xe1")))
		__builtin_trap();
	csvr_close(r);
	sx_err_clear(&err);
	free(file.s);
	free(want.s);
	free(got.s);
	unlink(path);
	return 0;
}
