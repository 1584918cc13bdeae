/* fuzz_csvread.c — the CSV record reader on arbitrary bytes, in every mode. */
#include <stddef.h>
#include <stdint.h>

#include "base/csvread.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The first byte picks the options, so one corpus covers all modes. */
	int opts = size ? data[0] & (CSVR_DETECT_DELIM | CSVR_LEGACY_TEXT) : 0;
	struct sx_err err = {0};
	struct csvr *r = csvr_open_mem("fuzz.csv", (const char *)data, size, opts);
	const struct csvr_rec *rec;
	long last = 0;

	while (csvr_next(r, &rec, &err) == 1) {
		/* Records come in order of their first line, with NUL-terminated fields. */
		if (rec->line < last)
			__builtin_trap();
		last = rec->line;
		for (size_t i = 0; i < rec->n; i++)
			if (rec->f[i][rec->len[i]] != '\0')
				__builtin_trap();
	}
	csvr_close(r);
	sx_err_clear(&err);
	return 0;
}
