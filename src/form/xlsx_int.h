/* xlsx_int.h — the workbook reader's state, shared by xlsx.c (container,
 * rows out), xlsx_parts.c (workbook, shared strings, styles) and
 * xlsx_sheet.c (worksheets).  Private to src/form/xlsx*.c. */
#ifndef SX_XLSX_INT_H
#define SX_XLSX_INT_H

#include <stddef.h>

#include "form/xlsx.h"

/* Limits: a form has a few thousand cells; these stop hostile files. */
#define XLSX_MAX_SHEETS 64
#define XLSX_MAX_CELLS (1024L * 1024)
#define XLSX_MAX_COLS 1024

struct zip;

/* One row of a sheet as the CSV loader gets it. */
struct xlsx_row {
	long line;    /* sheet * XLSX_SHEET_STRIDE + row */
	size_t n;     /* cells (first = sheet marker or "") */
	char **f;     /* the cells, owned */
	size_t *len;  /* their byte lengths */
};

struct xlsx {
	char *name;              /* file name for messages, owned */
	struct zip *zip;         /* the container while reading, else NULL */
	void *copy;              /* xlsx_open_mem's copy of the bytes, owned */
	char **strings;          /* shared strings, owned */
	size_t nstrings;         /* how many */
	unsigned char *date_xf;  /* per cell style (cellXfs index): 1 = a date format */
	size_t nxf;              /* how many */
	int date1904;            /* the workbook counts days from 1904 */
	char **sheets;           /* sheet names by number, [0] = "", owned */
	size_t nsheets;          /* how many */
	struct xlsx_row *rows;   /* every row of every sheet, in order, owned */
	size_t nrows, caprows;   /* count and capacity */
	long ncells;             /* cells read so far (XLSX_MAX_CELLS) */
	size_t pos;              /* next row for xlsx_next() */
	struct csvr_rec cur;     /* the row handed out */
};

/* The workbook part: sheets and the relationships naming their parts. */
struct xlsx_book {
	struct { char *name, *rid; } *sheet;  /* in workbook order, owned */
	size_t n;
	struct { char *id, *target; } *rels;  /* xl/_rels/workbook.xml.rels, owned */
	size_t nrels;
};

/* xlsx.c: one part, NUL-terminated, owned by the caller. */
char *xlsx_part(struct xlsx *x, const char *part, size_t *len, int *missing, struct sx_err *err);

/* xlsx_parts.c */
int xlsx_read_book(struct xlsx *x, struct xlsx_book *b, struct sx_err *err);
void xlsx_free_book(struct xlsx_book *b);
int xlsx_read_strings(struct xlsx *x, struct sx_err *err);
int xlsx_read_styles(struct xlsx *x, struct sx_err *err);
/* Parse an XML part with expat; element names without their prefix.  0, or
 * -1 with "file: part:line: reason" in err. */
struct xlsx_sax {
	void (*start)(void *ud, const char *el, const char **attr);
	void (*end)(void *ud, const char *el);
	void (*text)(void *ud, const char *s, int len);
	void *ud;
	int stop;          /* set by a handler to end with *stop_msg */
	const char *stop_msg;
};
int xlsx_parse(struct xlsx *x, const char *part, const char *buf, size_t len,
	       struct xlsx_sax *sax, struct sx_err *err);
/* Attribute by local name, or NULL. */
const char *xlsx_attr(const char **attr, const char *name);

/* xlsx_sheet.c: every row of one sheet, appended to x->rows. */
int xlsx_read_sheet(struct xlsx *x, const char *part, long sheet, struct sx_err *err);

#endif
