/* xlsform.h — XLSForm forms in pyxform's single-file CSV layout.
 *
 * A row whose first cell is `survey`, `choices` or `settings` starts that
 * sheet; the next row is its header; data rows leave the first cell empty.
 * Columns may come in any order; `label::Tiếng Việt (vi)`, `label::English
 * (en)` and `label::vi` are language columns (also for hint,
 * constraint_message and required_message, and label in choices).  Every
 * expression is parsed once here; a form with any problem is refused, with
 * every problem reported as "file:row: message" ("file:row:col: ..." for
 * an expression error, col counting characters in the expression).
 *
 * The model is plain data: nodes in file order (groups and repeats hold the
 * nodes up to their `end`), choice lists, settings.  One xform is read-only
 * after loading and may be shared. */
#ifndef SX_XLSFORM_H
#define SX_XLSFORM_H

#include <stddef.h>

#include "base/err.h"
#include "form/expr.h"

/* Question, group and repeat types. */
enum xform_type {
	XFT_TEXT, XFT_INTEGER, XFT_DECIMAL, XFT_DATE, XFT_SELECT_ONE, XFT_SELECT_MULTIPLE,
	XFT_NOTE, XFT_CALCULATE, XFT_ACKNOWLEDGE, XFT_GROUP, XFT_REPEAT,
	XFT_TIME, XFT_DATETIME,
	/* metadata, filled in automatically (fsession): from XFT_START on */
	XFT_START, XFT_END, XFT_TODAY, XFT_DEVICEID, XFT_USERNAME,
};

/* One translation of a text. */
struct xform_tr {
	int lang;    /* index into xform.langs */
	char *text;  /* the text, owned, never empty */
};

/* A text with its translations (label, hint, messages). */
struct xform_text {
	struct xform_tr *tr;  /* translations, owned */
	size_t n;             /* how many */
};

/* A key/value pair: an extra column of a choice (e.g. a benchmark). */
struct xform_kv {
	char *key;    /* column header, owned */
	char *value;  /* cell, owned (may be "") */
};

/* One choice of a list. */
struct xform_choice {
	char *name;              /* value stored in answers, owned */
	struct xform_text label; /* label per language */
	struct xform_kv *extra;  /* other columns in header order, owned */
	size_t nextra;           /* how many */
	long line;               /* row in the file (in its sheet for a workbook) */
};

/* A choice list. */
struct xform_list {
	char *name;                 /* list_name, owned */
	struct xform_choice *c;     /* choices in file order, owned */
	size_t n;                   /* how many */
};

/* A question, a group or a repeat. */
struct xform_node {
	enum xform_type type;        /* what it is */
	char *name;                  /* unique name, owned */
	int parent;                  /* index of the enclosing group/repeat, -1 at top */
	int depth;                   /* 0 at top, parent's depth + 1 inside */
	int end;                     /* one past the last node inside (index+1 for questions) */
	long line;                   /* row in the file (in its sheet for a workbook) */
	char *list_name;             /* selects: the list named in the type, owned */
	int list;                    /* selects: index into xform.lists, else -1 */
	struct xform_text label;     /* label per language */
	struct xform_text hint;      /* hint per language */
	struct xform_text constraint_msg; /* constraint_message per language */
	struct xform_text required_msg;   /* required_message per language */
	int required;                /* 1 when required is yes/true (not an expression) */
	int read_only;               /* 1 when read_only is yes/true (not an expression) */
	struct expr *required_if;    /* required as an expression, or NULL */
	struct expr *read_only_if;   /* read_only as an expression, or NULL */
	struct expr *relevant;       /* NULL when always relevant */
	struct expr *constraint;     /* NULL when unconstrained */
	struct expr *calculation;    /* calculate's formula (or a dynamic value), or NULL */
	struct expr *default_expr;   /* dynamic default such as today(), or NULL */
	char *default_value;         /* literal default, or NULL */
	struct expr *choice_filter;  /* parsed with expr_parse_filter(), or NULL */
	struct expr *repeat_count;   /* repeats: fixed instance count, or NULL */
	char *appearance;            /* e.g. "field-list", "minimal"; NULL if none */
};

/* The settings sheet. */
struct xform_settings {
	char *form_id;         /* required, owned */
	char *form_title;      /* NULL when absent */
	char *version;         /* NULL when absent */
	char *default_lang;    /* default_language as a language code (see langs), or NULL */
	struct expr *instance_name; /* NULL when absent */
};

/* A loaded form.  Everything is owned by it; free with xform_free(). */
struct xform {
	char *file;                    /* name used in messages */
	char *survey_at;               /* where rows of nodes are: the file, or "file.xlsx:survey" */
	struct xform_settings settings; /* the settings sheet */
	struct xform_node *nodes;      /* questions, groups, repeats in file order */
	size_t nnodes;                 /* how many */
	struct xform_list *lists;      /* choice lists in file order */
	size_t nlists;                 /* how many */
	char **langs;                  /* language codes seen: "vi", "en"; "" = no language */
	size_t nlangs;                 /* how many */
	size_t *by_name;               /* node indices sorted by name, for xform_find() */
	struct sx_err warnings;        /* "file:row: warning: ..." for what was ignored */
};

/* Load a form file: an .xlsx workbook (see xlsx.h; messages name
 * "file.xlsx:sheet:row") or else the single-file CSV.  Returns a new form (free with xform_free()), or NULL
 * when the file cannot be read or has any error; every error is added to err. */
struct xform *xform_load(const char *path, struct sx_err *err);
/* Same from memory: buf (len bytes, not copied, need not be NUL-terminated)
 * is named `name` in messages. */
struct xform *xform_load_mem(const char *name, const char *buf, size_t len, struct sx_err *err);
/* Same for an .xlsx workbook in memory. */
struct xform *xform_load_xlsx_mem(const char *name, const void *buf, size_t len,
				  struct sx_err *err);
/* Free a form; NULL is fine. */
void xform_free(struct xform *f);

/* Index of the node called name, or -1. */
int xform_find(const struct xform *f, const char *name);
/* 1 when a form_id is safe as a file name: ASCII letters, digits, '_', '-'
 * and '.', not beginning with '.' or '-', at most 100 characters. */
int xform_id_ok(const char *id);
/* Index of the choice list called name, or -1. */
int xform_list_find(const struct xform *f, const char *name);
/* Index of the innermost repeat holding node i, or -1. */
int xform_repeat_of(const struct xform *f, int i);
/* The text in lang (a code like "vi"), else in the default language, else
 * the column without a language, else any; "" when there is none.  The
 * string belongs to f. */
const char *xform_text(const struct xform *f, const struct xform_text *t, const char *lang);
/* Value of a choice's extra column key, or NULL when it has none. */
const char *xform_choice_extra(const struct xform_choice *c, const char *key);
/* The type's name as written in forms ("select_one", "begin_group"...). */
const char *xform_type_name(enum xform_type t);

#endif
