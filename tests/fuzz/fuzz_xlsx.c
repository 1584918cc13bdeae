/* fuzz_xlsx.c — libFuzzer target for the .xlsx reader: load any bytes as a
 * workbook (zip container, workbook, shared strings, styles, sheets).  The
 * seeds keep their parts uncompressed (stored) so that mutations reach the
 * XML rather than failing the deflate check. */
#include <locale.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "base/err.h"
#include "form/xlsform.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sx_err err = { 0 };
	struct xform *f = xform_load_xlsx_mem("fuzz.xlsx", data, size, &err);

	if (f) {
		if (sx_err_count(&err))
			abort(); /* a loaded form has no errors */
		for (size_t i = 0; i < f->nnodes; i++)
			if (f->nodes[i].end <= (int)i || (size_t)f->nodes[i].end > f->nnodes)
				abort();
		xform_free(f);
	} else if (!sx_err_count(&err)) {
		abort(); /* a refused workbook says why */
	}
	sx_err_clear(&err);
	return 0;
}
