/* xlsform_int.h — the form loader's working state, shared by the row reader
 * (xlsform.c) and the whole-form checks (xlsform_check.c).  Private to
 * src/form/xlsform*.c. */
#ifndef SX_XLSFORM_INT_H
#define SX_XLSFORM_INT_H

#include <stddef.h>

#include "form/xlsform.h"

/* One problem found, kept until the end so they come out in row order. */
struct xfl_diag {
	long row;   /* row in the file; 0 for the whole file */
	long col;   /* column in an expression, 0 for none */
	char *msg;  /* translated message, owned */
	size_t seq; /* order of discovery, to keep the sort stable */
};

/* The loader. */
struct xfl {
	struct xform *f;           /* the form being built */
	struct xfl_diag *d;        /* problems found so far */
	size_t nd, capd;           /* count and capacity of d */
	char **choice_cols;        /* headers of the choices sheet (for choice_filter) */
	size_t nchoice_cols;       /* how many */
	int *stack;                /* open groups/repeats: node indices */
	size_t nstack, capstack;   /* depth and capacity of stack */
	int saw_settings;          /* a settings data row was read */
	long settings_line;        /* its row */
};

/* Record a problem at row (and expression column col, or 0). */
void xfl_diag(struct xfl *l, long row, long col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* After the last row: unclosed groups, names, lists, references, settings;
 * builds f->by_name.  Adds problems with xfl_diag(). */
void xfl_check(struct xfl *l);
/* Language index of a code in f->langs, added when new. */
int xfl_lang(struct xform *f, const char *code);

#endif
