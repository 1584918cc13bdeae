/* xlsx.h — an .xlsx workbook read as the rows of pyxform's single-file CSV.
 *
 * The container is read with libzip and its XML parts with expat.  Each
 * sheet, in workbook order, gives a marker row (first cell = the sheet's
 * name, nothing else) and then its rows with an empty first cell, so the
 * XLSForm loader reads a workbook exactly as it reads the CSV layout.
 * Cells are what a spreadsheet shows in CSV: shared and inline strings as
 * text (no-break spaces as spaces, as pyxform does), numbers in their
 * shortest form ("8", "18.31"), booleans TRUE/FALSE, a number formatted as
 * a date as YYYY-MM-DD ("YYYY-MM-DD HH:MM:SS" with a time of day).
 *
 * A row's line is sheet * XLSX_SHEET_STRIDE + its row number in the sheet
 * (1-based, as the spreadsheet shows it; 0 for the marker), sheet counting
 * from 1; xlsx_sheet_names() gives the names by that number. */
#ifndef SX_XLSX_H
#define SX_XLSX_H

#include <stddef.h>

#include "base/csvread.h"
#include "base/err.h"

/* Rows per sheet in line numbers (Excel has at most 1,048,576). */
#define XLSX_SHEET_STRIDE (1L << 21)
/* Largest part of a workbook read, uncompressed, in bytes. */
#define XLSX_MAX_PART (64L * 1024 * 1024)

struct xlsx;

/* Read a workbook file whole.  NULL with "file: reason" in err. */
struct xlsx *xlsx_open(const char *path, struct sx_err *err);
/* Same from memory (copied); name is used in messages. */
struct xlsx *xlsx_open_mem(const char *name, const void *buf, size_t len, struct sx_err *err);
/* Next row: 1 and *rec set (valid until the next call), 0 at the end.
 * Never fails (problems are found by xlsx_open). */
int xlsx_next(struct xlsx *x, const struct csvr_rec **rec, struct sx_err *err);
/* Sheet names by number; [0] is "" (the whole file).  Owned by x. */
char **xlsx_sheet_names(const struct xlsx *x, size_t *n);
/* Free; NULL is fine. */
void xlsx_close(struct xlsx *x);

#endif
