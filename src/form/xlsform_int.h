/* xlsform_int.h — the form loader's working state, shared by the row reader
 * (xlsform.c) and the whole-form checks (xlsform_check.c).  Private to
 * src/form/xlsform*.c. */
#ifndef SX_XLSFORM_INT_H
#define SX_XLSFORM_INT_H

#include <stddef.h>

#include "form/xlsform.h"
#include "form/xlsx.h"

/* The sheets of a form, as bits. */
enum xfl_sheet { SH_NONE, SH_SURVEY = 1, SH_CHOICES = 2, SH_SETTINGS = 4 };

/* Rows from a workbook are numbered sheet * XFL_SHEET_STRIDE + row, so that
 * one number sorts by sheet then row; xfl_row() gives the row back. */
#define XFL_SHEET_STRIDE XLSX_SHEET_STRIDE

/* One problem found, kept until the end so they come out in row order. */
struct xfl_diag {
	long row;   /* row in the file; 0 for the whole file */
	long col;   /* column in an expression, 0 for none */
	char *msg;  /* translated message, owned */
	size_t seq; /* order of discovery, to keep the sort stable */
	int warn;   /* 1 for a warning: the form still loads */
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
	char **other_lists;        /* lists that get an `other` choice (or_other) */
	size_t nother_lists;       /* how many */
	char **sheets;             /* workbook sheet names by number (NULL for CSV), borrowed */
	size_t nsheets;            /* how many */
};

/* Row kinds of the survey sheet beyond the node types. */
enum xfl_rowkind { RK_NODE, RK_END_GROUP, RK_END_REPEAT, RK_BAD, RK_OUTSIDE };

/* A survey row's type, after pyxform's aliases. */
struct xfl_type {
	enum xfl_rowkind kind;  /* what the row does */
	enum xform_type type;   /* node type for RK_NODE, group/repeat for ends */
	char *list;             /* selects: the list name, owned; else NULL */
	int or_other;           /* 1 for `... or_other` / `or specify other` */
	char kw[64];            /* the type word as normalised ("select_one") */
};

/* What a normalised header names: base column and language ("" if none). */
struct xfl_header {
	char *base;  /* canonical column ("label", "list_name"...), owned */
	char *lang;  /* the language part after ':' or '::', owned, "" if none */
};

/* Record a problem at row (and expression column col, or 0). */
void xfl_diag(struct xfl *l, long row, long col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* After the last row: unclosed groups, names, lists, references, settings;
 * builds f->by_name.  Adds problems with xfl_diag(). */
void xfl_check(struct xfl *l);
/* Record a warning: shown, but the form loads. */
void xfl_warn(struct xfl *l, long row, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Language index of a code in f->langs, added when new. */
int xfl_lang(struct xform *f, const char *code);
/* t (empty) gets msgid in every language of f, through i18n_text_in(). */
void xfl_text_all(struct xform *f, struct xform_text *t, const char *msgid);
/* The row a line number stands for (see XFL_SHEET_STRIDE). */
long xfl_row(const struct xfl *l, long line);

/* xlsform_alias.c: pyxform's spellings.  Normalise header h of sheet as
 * pyxform does (case, spaces, ':' or '::', bind:/control: prefixes, column
 * aliases); double_colon is 1 when any header of the row has '::'. */
struct xfl_header xfl_header(const char *h, enum xfl_sheet sheet, int double_colon);
/* Parse a type cell ("select one from yn or specify other", "int"). */
void xfl_parse_type(const char *s, struct xfl_type *t);
/* 1 when column (normalised) is one XLSForm knows but sxsh does not
 * support and that would change the form (media, parameters...). */
int xfl_column_outside(const char *base);

#endif
