/* fuzz_csvread.c — the CSV record reader on arbitrary bytes, in every mode,
 * and its own path for plain lines against libcsv reading every line. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/csvread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The first byte picks the options, so one corpus covers all modes. */
	int opts = size ? data[0] & (CSVR_DETECT_DELIM | CSVR_LEGACY_TEXT) : 0;
	struct sx_err err = {0}, err2 = {0};
	struct csvr *r = csvr_open_mem("fuzz.csv", (const char *)data, size, opts), *ref;
	const struct csvr_rec *rec, *rec2;
	long last = 0;
	int rc, rc2;

	ref = csvr_open_mem("fuzz.csv", (const char *)data, size, opts | CSVR_LIBCSV_ONLY);
	for (;;) {
		rc = csvr_next(r, &rec, &err);
		rc2 = csvr_next(ref, &rec2, &err2);
		if (rc != rc2)
			__builtin_trap();
		if (rc != 1)
			break;
		/* Records come in order of their first line, with NUL-terminated fields. */
		if (rec->line < last)
			__builtin_trap();
		last = rec->line;
		/* The same record as libcsv's: line, fields, bytes. */
		if (rec->line != rec2->line || rec->n != rec2->n)
			__builtin_trap();
		for (size_t i = 0; i < rec->n; i++) {
			if (rec->f[i][rec->len[i]] != '\0' || rec->len[i] != rec2->len[i] ||
			    memcmp(rec->f[i], rec2->f[i], rec->len[i]) != 0)
				__builtin_trap();
		}
	}
	if (rc < 0 && strcmp(sx_err_last(&err), sx_err_last(&err2)) != 0)
		__builtin_trap();
	csvr_close(r);
	csvr_close(ref);
	sx_err_clear(&err);
	sx_err_clear(&err2);
	return 0;
}
