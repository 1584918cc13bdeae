/* xlsform.c — reading an XLSForm CSV row by row into the model.
 *
 * The CSV comes through csvread (strict, BOM, CRLF, ; or tab, Windows-1258).
 * Each sheet's header maps columns to fields through one table; each data
 * row becomes a node, a choice or the settings.  Problems are collected, not
 * fatal: the whole file is read so the author sees every mistake at once.
 * Whole-form checks (references, lists, names) are in xlsform_check.c. */
#include "form/xlsform.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/csvread.h"
#include "form/xlsx.h"
#include "form/xlsform_int.h"
#include "base/i18n.h"
#include "base/mem.h"

typedef enum xfl_sheet sheet_t; /* SH_SURVEY... (xlsform_int.h) */

/* What a column holds. */
enum field {
	F_NONE, F_TYPE, F_NAME, F_LABEL, F_HINT, F_REQUIRED, F_REQUIRED_MSG, F_CONSTRAINT,
	F_CONSTRAINT_MSG, F_RELEVANT, F_CALCULATION, F_DEFAULT, F_READ_ONLY, F_APPEARANCE,
	F_CHOICE_FILTER, F_REPEAT_COUNT, F_LIST_NAME, F_EXTRA, F_FORM_ID, F_FORM_TITLE,
	F_VERSION, F_DEFAULT_LANG, F_INSTANCE_NAME,
};

/* The columns each sheet knows. */
static const struct colspec {
	const char *name;  /* header, lower case */
	enum field field;  /* what it holds */
	int sheets;        /* sheet_t bits where it is allowed */
	int translated;    /* 1 when `name::language` variants exist */
} colspecs[] = {
	{ "type", F_TYPE, SH_SURVEY, 0 },
	{ "name", F_NAME, SH_SURVEY | SH_CHOICES, 0 },
	{ "label", F_LABEL, SH_SURVEY | SH_CHOICES, 1 },
	{ "hint", F_HINT, SH_SURVEY, 1 },
	{ "required", F_REQUIRED, SH_SURVEY, 0 },
	{ "required_message", F_REQUIRED_MSG, SH_SURVEY, 1 },
	{ "constraint", F_CONSTRAINT, SH_SURVEY, 0 },
	{ "constraint_message", F_CONSTRAINT_MSG, SH_SURVEY, 1 },
	{ "relevant", F_RELEVANT, SH_SURVEY, 0 },
	{ "calculation", F_CALCULATION, SH_SURVEY, 0 },
	{ "default", F_DEFAULT, SH_SURVEY, 0 },
	{ "read_only", F_READ_ONLY, SH_SURVEY, 0 },
	{ "appearance", F_APPEARANCE, SH_SURVEY, 0 },
	{ "choice_filter", F_CHOICE_FILTER, SH_SURVEY, 0 },
	{ "repeat_count", F_REPEAT_COUNT, SH_SURVEY, 0 },
	{ "list_name", F_LIST_NAME, SH_CHOICES, 0 },
	{ "form_id", F_FORM_ID, SH_SETTINGS, 0 },
	{ "form_title", F_FORM_TITLE, SH_SETTINGS, 0 },
	{ "version", F_VERSION, SH_SETTINGS, 0 },
	{ "default_language", F_DEFAULT_LANG, SH_SETTINGS, 0 },
	{ "instance_name", F_INSTANCE_NAME, SH_SETTINGS, 0 },
};

/* One column of the current sheet's header. */
struct col {
	enum field field;  /* F_NONE for an ignored (blank or refused) header */
	int lang;          /* language index for translated columns, else -1 */
	char *header;      /* the header as written, owned */
};

struct reader {
	struct xfl l;          /* shared loader state */
	sheet_t sheet;         /* sheet being read */
	int want_header;       /* the next row with content is the header */
	int seen;              /* sheet_t bits already started */
	int bad_sheet;         /* inside a sheet with an unknown name */
	int no_key;            /* the header lacks type / list_name: rows skipped */
	struct col *cols;      /* header of the current sheet */
	size_t ncols;          /* how many */
};

void xfl_diag(struct xfl *l, long row, long col, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (l->nd == l->capd) {
		l->capd = l->capd ? l->capd * 2 : 16;
		l->d = xreallocarray(l->d, l->capd, sizeof *l->d);
	}
	l->d[l->nd] = (struct xfl_diag){ .row = row, .col = col, .msg = xstrdup(buf), .seq = l->nd };
	l->nd++;
}

void xfl_warn(struct xfl *l, long row, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	xfl_diag(l, row, 0, "%s", buf);
	l->d[l->nd - 1].warn = 1;
}

long xfl_row(const struct xfl *l, long line)
{
	return l->sheets ? line % XFL_SHEET_STRIDE : line;
}

void xfl_text_all(struct xform *f, struct xform_text *t, const char *msgid)
{
	if (!f->nlangs)
		xfl_lang(f, "");
	t->tr = xcalloc(f->nlangs, sizeof *t->tr);
	for (size_t k = 0; k < f->nlangs; k++)
		t->tr[k] = (struct xform_tr){ (int)k, i18n_text_in(f->langs[k], msgid) };
	t->n = f->nlangs;
}

int xfl_lang(struct xform *f, const char *code)
{
	for (size_t i = 0; i < f->nlangs; i++)
		if (strcmp(f->langs[i], code) == 0)
			return (int)i;
	f->langs = xreallocarray(f->langs, f->nlangs + 1, sizeof *f->langs);
	f->langs[f->nlangs] = xstrdup(code);
	return (int)f->nlangs++;
}

/* "Tiếng Việt (vi)" → "vi"; "vi" → "vi"; lower case.  Caller frees. */
static char *lang_code(const char *s)
{
	const char *open = strrchr(s, '('), *end = s + strlen(s);
	char *code;

	while (end > s && isspace((unsigned char)end[-1]))
		end--;
	if (open && end > open + 1 && end[-1] == ')') {
		s = open + 1;
		end--;
	}
	while (s < end && isspace((unsigned char)*s))
		s++;
	while (end > s && isspace((unsigned char)end[-1]))
		end--;
	code = xstrndup(s, (size_t)(end - s));
	for (char *p = code; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return code;
}

static void trim(char *s)
{
	size_t a = 0, n = strlen(s);

	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	while (isspace((unsigned char)s[a]))
		a++;
	memmove(s, s + a, n - a + 1);
}

static const char *sheet_name(sheet_t s)
{
	return s == SH_SURVEY ? "survey" : s == SH_CHOICES ? "choices" : "settings";
}

static void free_cols(struct reader *r)
{
	for (size_t i = 0; i < r->ncols; i++)
		free(r->cols[i].header);
	free(r->cols);
	r->cols = NULL;
	r->ncols = 0;
}

static const struct colspec *find_spec(const char *base, sheet_t sheet)
{
	for (size_t i = 0; i < sizeof colspecs / sizeof colspecs[0]; i++)
		if ((colspecs[i].sheets & sheet) && strcmp(colspecs[i].name, base) == 0)
			return &colspecs[i];
	return NULL;
}

static void remember_choice_col(struct xfl *l, const char *name)
{
	l->choice_cols = xreallocarray(l->choice_cols, l->nchoice_cols + 1, sizeof *l->choice_cols);
	l->choice_cols[l->nchoice_cols++] = xstrdup(name);
}

/* Map one header cell to a column, normalised as pyxform does:
 * "label::English (en)" and "label:English" are label in a language,
 * " TYPE " is type, "list name" is list_name, "bind:jr:constraintMsg" is
 * constraint_message.  A column sxsh does not know is ignored with a
 * warning (a translator's notes), unless it is one XLSForm would act on. */
static struct col map_header(struct reader *r, const char *h, long line, int double_colon)
{
	struct col c = { .field = F_NONE, .lang = -1, .header = xstrdup(h) };
	struct xfl_header nh = xfl_header(h, r->sheet, double_colon);
	const struct colspec *spec = find_spec(nh.base, r->sheet);

	if (spec && (!nh.lang[0] || spec->translated)) {
		char *code = lang_code(nh.lang);
		c.field = spec->field;
		c.lang = spec->translated ? xfl_lang(r->l.f, code) : -1;
		free(code);
	} else if (r->sheet == SH_CHOICES) {
		c.field = F_EXTRA; /* data for choice_filter, benchmarks... */
	} else if (xfl_column_outside(nh.base)) {
		xfl_diag(&r->l, line, 0, _("column '%s' in the %s sheet is outside what sxsh supports"),
			 h, sheet_name(r->sheet));
	} else {
		xfl_warn(&r->l, line, _("column '%s' in the %s sheet is not an XLSForm column sxsh knows: ignored"),
			 h, sheet_name(r->sheet));
	}
	if (r->sheet == SH_CHOICES && c.field != F_NONE)
		remember_choice_col(&r->l, c.field == F_EXTRA ? h : nh.base);
	free(nh.base);
	free(nh.lang);
	return c;
}

static int has_field(const struct reader *r, enum field field)
{
	for (size_t i = 1; i < r->ncols; i++)
		if (r->cols[i].field == field)
			return 1;
	return 0;
}

static void read_header(struct reader *r, const struct csvr_rec *rec)
{
	int double_colon = 0;

	free_cols(r);
	r->ncols = rec->n;
	r->cols = xcalloc(rec->n, sizeof *r->cols);
	for (size_t i = 1; i < rec->n; i++)
		double_colon |= strstr(rec->f[i], "::") != NULL;
	for (size_t i = 1; i < rec->n; i++) {
		if (!rec->f[i][0]) {
			r->cols[i].lang = -1;
			continue;
		}
		r->cols[i] = map_header(r, rec->f[i], rec->line, double_colon);
		for (size_t j = 1; j < i && r->cols[i].field != F_NONE; j++) {
			if (r->cols[j].field != r->cols[i].field || r->cols[j].lang != r->cols[i].lang ||
			    (r->cols[i].field == F_EXTRA &&
			     strcmp(r->cols[j].header, r->cols[i].header) != 0))
				continue;
			if (r->cols[i].field != F_FORM_ID) {
				xfl_diag(&r->l, rec->line, 0, _("column '%s' appears twice"), rec->f[i]);
				r->cols[i].field = F_NONE;
				break;
			}
			/* pyxform: with both, form_id wins over id_string, with a warning */
			xfl_warn(&r->l, rec->line, "%s",
				 _("both form_id and id_string are in the settings sheet: form_id is used"));
			if (strcasecmp(r->cols[j].header, "id_string") == 0)
				r->cols[j].field = F_NONE;
			else
				r->cols[i].field = F_NONE;
			break;
		}
	}
	r->want_header = 0;
	r->no_key = 0;
	if (r->sheet == SH_SURVEY && !has_field(r, F_TYPE)) {
		xfl_diag(&r->l, rec->line, 0, "%s", _("the survey sheet has no type column"));
		r->no_key = 1;
	} else if (r->sheet == SH_CHOICES && !has_field(r, F_LIST_NAME)) {
		xfl_diag(&r->l, rec->line, 0, "%s",
			 _("the choices sheet has no list_name column (pyxform also reads 'list name')"));
		r->no_key = 1;
	}
}

/* The cell of the first column holding field, or "". */
static const char *cell(const struct reader *r, const struct csvr_rec *rec, enum field field)
{
	for (size_t i = 1; i < rec->n && i < r->ncols; i++)
		if (r->cols[i].field == field)
			return rec->f[i];
	return "";
}

/* 1 when some column holding field has text in this row. */
static int texts_present(const struct reader *r, const struct csvr_rec *rec, enum field field)
{
	for (size_t i = 1; i < rec->n && i < r->ncols; i++)
		if (r->cols[i].field == field && rec->f[i][0])
			return 1;
	return 0;
}

/* Every translation of a translated field in this row. */
static struct xform_text texts(const struct reader *r, const struct csvr_rec *rec,
			       enum field field)
{
	struct xform_text t = { 0 };

	for (size_t i = 1; i < rec->n && i < r->ncols; i++) {
		if (r->cols[i].field != field || !rec->f[i][0])
			continue;
		t.tr = xreallocarray(t.tr, t.n + 1, sizeof *t.tr);
		t.tr[t.n].lang = r->cols[i].lang;
		t.tr[t.n++].text = xstrdup(rec->f[i]);
	}
	return t;
}

/* ---- survey rows --------------------------------------------------------- */

static int add_node(struct reader *r, enum xform_type type, const char *name, long line)
{
	struct xform *f = r->l.f;
	struct xform_node *n;
	int i = (int)f->nnodes;

	f->nodes = xreallocarray(f->nodes, f->nnodes + 1, sizeof *f->nodes);
	n = &f->nodes[f->nnodes++];
	memset(n, 0, sizeof *n);
	n->type = type;
	n->name = xstrdup(name);
	n->parent = r->l.nstack ? r->l.stack[r->l.nstack - 1] : -1;
	n->depth = (int)r->l.nstack;
	n->end = i + 1;
	n->line = line;
	n->list = -1;
	return i;
}

static void push_group(struct xfl *l, int node)
{
	if (l->nstack == l->capstack) {
		l->capstack = l->capstack ? l->capstack * 2 : 8;
		l->stack = xreallocarray(l->stack, l->capstack, sizeof *l->stack);
	}
	l->stack[l->nstack++] = node;
}

static void end_group(struct reader *r, enum xform_type type, long line)
{
	struct xform *f = r->l.f;
	const char *end = type == XFT_GROUP ? "end_group" : "end_repeat";
	struct xform_node *open;

	if (!r->l.nstack) {
		xfl_diag(&r->l, line, 0, _("%s without a matching %s"), end,
			 type == XFT_GROUP ? "begin_group" : "begin_repeat");
		return;
	}
	open = &f->nodes[r->l.stack[r->l.nstack - 1]];
	if (open->type != type)
		xfl_diag(&r->l, line, 0, _("%s cannot close %s '%s' (row %ld)"), end,
			 xform_type_name(open->type), open->name, xfl_row(&r->l, open->line));
	open->end = (int)f->nnodes;
	r->l.nstack--;
}

/* yes/no columns: 1 or 0, or -1 when the cell is an expression. */
static int yes_no(const char *s)
{
	static const char *const yes[] = { "yes", "true", "true()" };
	static const char *const no[] = { "", "no", "false", "false()" };

	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (strcasecmp(s, yes[i]) == 0)
			return 1;
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		if (strcasecmp(s, no[i]) == 0)
			return 0;
	return -1;
}

/* A default is dynamic (an expression) when it uses ${...} or calls a
 * function such as today(); otherwise it is the literal answer. */
static int is_dynamic(const char *s)
{
	if (strstr(s, "${"))
		return 1;
	for (const char *p = strchr(s, '('); p; p = strchr(p + 1, '('))
		if (p > s && (isalnum((unsigned char)p[-1]) || p[-1] == '_' || p[-1] == '-'))
			return 1;
	return 0;
}

static struct expr *parse_expr(struct reader *r, long line, const char *column,
			       const char *owner, const char *src, int filter)
{
	char err[256];
	int col = 0;
	struct expr *e;

	if (!*src)
		return NULL;
	e = filter ? expr_parse_filter(src, err, sizeof err, &col)
		   : expr_parse(src, err, sizeof err, &col);
	if (!e)
		xfl_diag(&r->l, line, col, _("%s of '%s': %s"), column, owner, err);
	return e;
}

/* required / read_only: yes/no, or an expression. */
static int flag_or_expr(struct reader *r, const struct csvr_rec *rec, enum field field,
			const char *column, const char *owner, struct expr **e)
{
	const char *s = cell(r, rec, field);
	int v = yes_no(s);

	if (v < 0)
		*e = parse_expr(r, rec->line, column, owner, s, 0);
	return v > 0;
}

static void fill_node(struct reader *r, struct xform_node *n, const struct csvr_rec *rec)
{
	long line = rec->line;
	const char *def = cell(r, rec, F_DEFAULT), *app = cell(r, rec, F_APPEARANCE);

	n->label = texts(r, rec, F_LABEL);
	n->hint = texts(r, rec, F_HINT);
	n->constraint_msg = texts(r, rec, F_CONSTRAINT_MSG);
	n->required_msg = texts(r, rec, F_REQUIRED_MSG);
	n->required = flag_or_expr(r, rec, F_REQUIRED, "required", n->name, &n->required_if);
	n->read_only = flag_or_expr(r, rec, F_READ_ONLY, "read_only", n->name, &n->read_only_if);
	n->relevant = parse_expr(r, line, "relevant", n->name, cell(r, rec, F_RELEVANT), 0);
	n->constraint = parse_expr(r, line, "constraint", n->name, cell(r, rec, F_CONSTRAINT), 0);
	n->calculation = parse_expr(r, line, "calculation", n->name,
				    cell(r, rec, F_CALCULATION), 0);
	n->choice_filter = parse_expr(r, line, "choice_filter", n->name,
				      cell(r, rec, F_CHOICE_FILTER), 1);
	n->repeat_count = parse_expr(r, line, "repeat_count", n->name,
				     cell(r, rec, F_REPEAT_COUNT), 0);
	if (is_dynamic(def))
		n->default_expr = parse_expr(r, line, "default", n->name, def, 0);
	else if (*def)
		n->default_value = xstrdup(def);
	if (*app)
		n->appearance = xstrdup(app);
	if (n->type == XFT_CALCULATE && !n->calculation && !*cell(r, rec, F_CALCULATION))
		xfl_diag(&r->l, line, 0, _("calculate '%s' has no calculation"), n->name);
}

static int row_has_content(const struct csvr_rec *rec, size_t from)
{
	for (size_t i = from; i < rec->n; i++)
		if (rec->f[i][0])
			return 1;
	return 0;
}

/* pyxform's "or specify other": an `other` choice in the list (added once
 * the lists are read) and a text question NAME_other right after. */
static void add_or_other(struct reader *r, int select, const struct csvr_rec *rec)
{
	struct xfl *l = &r->l;
	struct xform_node *sel = &l->f->nodes[select];
	char *name = xasprintf("%s_other", sel->name), *rel;
	int i;

	if (sel->choice_filter) {
		xfl_diag(l, rec->line, 0, "%s", _("choice_filter cannot be used with or_other (pyxform refuses it too)"));
		free(name);
		return;
	}
	l->other_lists = xreallocarray(l->other_lists, l->nother_lists + 1, sizeof *l->other_lists);
	l->other_lists[l->nother_lists++] = xstrdup(sel->list_name);
	rel = xasprintf("selected(${%s}, 'other')", sel->name);
	i = add_node(r, XFT_TEXT, name, rec->line);
	xfl_text_all(l->f, &l->f->nodes[i].label, N_("Specify other."));
	l->f->nodes[i].relevant = parse_expr(r, rec->line, "relevant", name, rel, 0);
	free(rel);
	free(name);
}

static void survey_row(struct reader *r, const struct csvr_rec *rec)
{
	const char *type = cell(r, rec, F_TYPE), *name = cell(r, rec, F_NAME);
	struct xfl_type t;
	int i;

	if (r->no_key)
		return;
	if (!*type) {
		if (!*name && !texts_present(r, rec, F_LABEL))
			xfl_warn(&r->l, rec->line, "%s", _("a row without type, name or label is skipped"));
		else
			xfl_diag(&r->l, rec->line, 0, "%s", _("this row has no type"));
		return;
	}
	xfl_parse_type(type, &t);
	if (t.kind == RK_OUTSIDE) {
		xfl_diag(&r->l, rec->line, 0,
			 _("type '%s' is XLSForm but outside what sxsh supports (see forms/README.md)"), type);
		return;
	}
	if (t.kind == RK_BAD) {
		xfl_diag(&r->l, rec->line, 0, _("unknown type '%s'"), type);
		free(t.list);
		return;
	}
	if (t.kind != RK_NODE) {
		end_group(r, t.type, rec->line);
		return;
	}
	if (!*name)
		xfl_diag(&r->l, rec->line, 0, _("%s without a name"), t.kw);
	i = add_node(r, t.type, name, rec->line);
	r->l.f->nodes[i].list_name = t.list;
	if ((t.type == XFT_SELECT_ONE || t.type == XFT_SELECT_MULTIPLE) && !t.list)
		xfl_diag(&r->l, rec->line, 0, _("%s needs the name of a choice list"), t.kw);
	fill_node(r, &r->l.f->nodes[i], rec);
	if (t.type == XFT_GROUP || t.type == XFT_REPEAT)
		push_group(&r->l, i);
	if (t.or_other && t.list && *name)
		add_or_other(r, i, rec);
}

/* ---- choices and settings ----------------------------------------------- */

static struct xform_list *list_for(struct xform *f, const char *name)
{
	int i = xform_list_find(f, name);

	if (i >= 0)
		return &f->lists[i];
	f->lists = xreallocarray(f->lists, f->nlists + 1, sizeof *f->lists);
	memset(&f->lists[f->nlists], 0, sizeof f->lists[0]);
	f->lists[f->nlists].name = xstrdup(name);
	return &f->lists[f->nlists++];
}

static void choice_extras(const struct reader *r, const struct csvr_rec *rec,
			  struct xform_choice *c)
{
	for (size_t i = 1; i < rec->n && i < r->ncols; i++) {
		if (r->cols[i].field != F_EXTRA)
			continue;
		c->extra = xreallocarray(c->extra, c->nextra + 1, sizeof *c->extra);
		c->extra[c->nextra].key = xstrdup(r->cols[i].header);
		c->extra[c->nextra++].value = xstrdup(rec->f[i]);
	}
}

static void choices_row(struct reader *r, const struct csvr_rec *rec)
{
	const char *list_name = cell(r, rec, F_LIST_NAME), *name = cell(r, rec, F_NAME);
	struct xform_list *list;
	struct xform_choice *c;

	if (r->no_key)
		return;
	if (!*list_name) {
		xfl_diag(&r->l, rec->line, 0, _("this choice has no list_name"));
		return;
	}
	if (!*name) {
		xfl_diag(&r->l, rec->line, 0, _("a choice in list '%s' has no name"), list_name);
		return;
	}
	if (strpbrk(name, " \t"))
		xfl_diag(&r->l, rec->line, 0, _("choice name '%s' contains a space"), name);
	list = list_for(r->l.f, list_name);
	for (size_t i = 0; i < list->n; i++) {
		if (strcmp(list->c[i].name, name) == 0) {
			xfl_diag(&r->l, rec->line, 0, _("duplicate choice '%s' in list '%s' (first on row %ld)"),
				 name, list_name, xfl_row(&r->l, list->c[i].line));
			return;
		}
	}
	list->c = xreallocarray(list->c, list->n + 1, sizeof *list->c);
	c = &list->c[list->n++];
	memset(c, 0, sizeof *c);
	c->name = xstrdup(name);
	c->line = rec->line;
	c->label = texts(r, rec, F_LABEL);
	choice_extras(r, rec, c);
}

static char *opt_dup(const char *s)
{
	return *s ? xstrdup(s) : NULL;
}

static void settings_row(struct reader *r, const struct csvr_rec *rec)
{
	struct xform_settings *s = &r->l.f->settings;
	const char *lang = cell(r, rec, F_DEFAULT_LANG);

	if (r->l.saw_settings) {
		xfl_diag(&r->l, rec->line, 0, _("the settings sheet has more than one row"));
		return;
	}
	r->l.saw_settings = 1;
	r->l.settings_line = rec->line;
	s->form_id = opt_dup(cell(r, rec, F_FORM_ID));
	s->form_title = opt_dup(cell(r, rec, F_FORM_TITLE));
	s->version = opt_dup(cell(r, rec, F_VERSION));
	s->default_lang = *lang ? lang_code(lang) : NULL;
	s->instance_name = parse_expr(r, rec->line, "instance_name", "settings",
				      cell(r, rec, F_INSTANCE_NAME), 0);
}

/* ---- the row loop -------------------------------------------------------- */

static sheet_t sheet_of(const char *s)
{
	if (strcasecmp(s, "survey") == 0)
		return SH_SURVEY;
	if (strcasecmp(s, "choices") == 0)
		return SH_CHOICES;
	if (strcasecmp(s, "settings") == 0)
		return SH_SETTINGS;
	return SH_NONE;
}

static void start_sheet(struct reader *r, const struct csvr_rec *rec)
{
	sheet_t s = sheet_of(rec->f[0]);

	if (s == SH_NONE) {
		static const char *const outside[] = { "external_choices", "entities", "osm" };
		int known = 0;
		for (size_t i = 0; i < sizeof outside / sizeof outside[0]; i++)
			known |= strcasecmp(rec->f[0], outside[i]) == 0;
		if (known)
			xfl_diag(&r->l, rec->line, 0,
				 _("the %s sheet is XLSForm but outside what sxsh supports"), rec->f[0]);
		else
			xfl_warn(&r->l, rec->line,
				 _("sheet '%s' is not survey, choices or settings: its rows are ignored"),
				 rec->f[0]);
		r->sheet = SH_NONE;
		r->want_header = 0;
		r->bad_sheet = 1; /* its rows are skipped without more messages */
		return;
	}
	if (r->seen & s)
		xfl_diag(&r->l, rec->line, 0, _("the %s sheet appears twice"), sheet_name(s));
	r->seen |= s;
	r->sheet = s;
	r->bad_sheet = 0;
	r->want_header = 1;
	free_cols(r);
}

static void read_row(struct reader *r, const struct csvr_rec *rec)
{
	int marker = rec->n && rec->f[0][0];

	for (size_t i = 0; i < rec->n; i++)
		trim(rec->f[i]); /* the fields are the reader's copy until the next row */
	if (marker)
		start_sheet(r, rec);
	if (!row_has_content(rec, 1))
		return; /* blank row, or a sheet marker alone */
	if (r->want_header) {
		read_header(r, rec); /* pyxform: the first row with content */
	} else if (r->sheet == SH_SURVEY) {
		survey_row(r, rec);
	} else if (r->sheet == SH_CHOICES) {
		choices_row(r, rec);
	} else if (r->sheet == SH_SETTINGS) {
		settings_row(r, rec);
	} else if (!r->bad_sheet) {
		xfl_diag(&r->l, rec->line, 0,
			 _("this row comes before any sheet: start with a row whose first cell is survey"));
	}
}

static int by_row(const void *a, const void *b)
{
	const struct xfl_diag *x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void free_reader(struct reader *r)
{
	for (size_t i = 0; i < r->l.nd; i++)
		free(r->l.d[i].msg);
	free(r->l.d);
	for (size_t i = 0; i < r->l.nchoice_cols; i++)
		free(r->l.choice_cols[i]);
	free(r->l.choice_cols);
	for (size_t i = 0; i < r->l.nother_lists; i++)
		free(r->l.other_lists[i]);
	free(r->l.other_lists);
	free(r->l.stack);
	free_cols(r);
}

/* Where row (a line as read) is, in messages: "file" or "file.xlsx:sheet". */
static char *where_of(const struct xfl *l, const char *name, long row)
{
	long k = l->sheets ? row / XFL_SHEET_STRIDE : 0;

	return k > 0 && (size_t)k < l->nsheets ? xasprintf("%s:%s", name, l->sheets[k])
					       : xstrdup(name);
}

/* A loaded form's rows as the author sees them: the questions' place in
 * f->survey_at and every line as the row of its sheet. */
static void locate_rows(struct xfl *l, const char *name)
{
	struct xform *f = l->f;

	f->survey_at = where_of(l, name, f->nnodes ? f->nodes[0].line : 0);
	for (size_t i = 0; i < f->nnodes; i++)
		f->nodes[i].line = xfl_row(l, f->nodes[i].line);
	for (size_t i = 0; i < f->nlists; i++)
		for (size_t j = 0; j < f->lists[i].n; j++)
			f->lists[i].c[j].line = xfl_row(l, f->lists[i].c[j].line);
}

/* Hand the problems over in row order: errors to err, warnings to err
 * as well when the form is refused, else to the form. */
static void report(struct reader *r, const char *name, struct sx_err *err, int ok)
{
	struct xfl *l = &r->l;

	if (l->nd)
		qsort(l->d, l->nd, sizeof *l->d, by_row);
	for (size_t i = 0; i < l->nd; i++) {
		long row = l->d[i].row;
		char *where = where_of(l, name, row);
		struct sx_err *to = ok ? &l->f->warnings : err;
		if (l->d[i].warn)
			sx_err_addc(to, where, xfl_row(l, row), l->d[i].col, _("warning: %s"), l->d[i].msg);
		else
			sx_err_addc(err, where, xfl_row(l, row), l->d[i].col, "%s", l->d[i].msg);
		free(where);
	}
}

/* Read every row from next(); on success the form, else NULL and messages in err. */
static struct xform *load(int (*next)(void *, const struct csvr_rec **, struct sx_err *),
			  void *src, const char *name, char **sheets, size_t nsheets,
			  struct sx_err *err)
{
	struct reader r = { 0 };
	struct sx_err src_err = { 0 };
	const struct csvr_rec *rec;
	struct xform *f = xcalloc(1, sizeof *f);
	int rc, ok = 1;

	f->file = xstrdup(name);
	r.l.f = f;
	r.l.sheets = sheets;
	r.l.nsheets = nsheets;
	while ((rc = next(src, &rec, &src_err)) == 1)
		read_row(&r, rec);
	if (rc == 0)
		xfl_check(&r.l); /* a truncated form would only add noise */
	for (size_t i = 0; i < r.l.nd; i++)
		ok &= r.l.d[i].warn;
	ok &= rc == 0;
	report(&r, name, err, ok);
	if (ok)
		locate_rows(&r.l, name);
	for (size_t i = 0; i < src_err.n; i++)
		sx_err_add(err, NULL, 0, "%s", src_err.msgs[i]);
	sx_err_clear(&src_err);
	free_reader(&r);
	if (!ok) {
		xform_free(f);
		return NULL;
	}
	return f;
}

static int csv_next(void *src, const struct csvr_rec **rec, struct sx_err *err)
{
	return csvr_next(src, rec, err);
}

static int xlsx_rows(void *src, const struct csvr_rec **rec, struct sx_err *err)
{
	return xlsx_next(src, rec, err);
}

/* 1 when path ends in .xlsx (any case). */
static int is_xlsx(const char *path)
{
	size_t n = strlen(path);
	return n > 5 && strcasecmp(path + n - 5, ".xlsx") == 0;
}

static struct xform *load_xlsx(struct xlsx *x, const char *name, struct sx_err *err)
{
	size_t nsheets;
	char **sheets = xlsx_sheet_names(x, &nsheets);

	return load(xlsx_rows, x, name, sheets, nsheets, err);
}

struct xform *xform_load(const char *path, struct sx_err *err)
{
	struct csvr *cr;
	struct xform *f;

	if (is_xlsx(path)) {
		struct xlsx *x = xlsx_open(path, err);
		f = x ? load_xlsx(x, path, err) : NULL;
		xlsx_close(x);
		return f;
	}
	cr = csvr_open(path, CSVR_DETECT_DELIM | CSVR_LEGACY_TEXT, err);
	if (!cr)
		return NULL;
	f = load(csv_next, cr, path, NULL, 0, err);
	csvr_close(cr);
	return f;
}

struct xform *xform_load_mem(const char *name, const char *buf, size_t len, struct sx_err *err)
{
	/* A NUL-terminated copy: csvread scans a line with strspn(), which would
	 * run past the end of a caller's buffer whose last line has no '\n'. */
	char *copy = xmalloc(len + 1);
	struct csvr *cr;
	struct xform *f;

	memcpy(copy, buf, len);
	copy[len] = '\0';
	cr = csvr_open_mem(name, copy, len, CSVR_DETECT_DELIM | CSVR_LEGACY_TEXT);
	f = load(csv_next, cr, name, NULL, 0, err);
	csvr_close(cr);
	free(copy);
	return f;
}

struct xform *xform_load_xlsx_mem(const char *name, const void *buf, size_t len,
				  struct sx_err *err)
{
	struct xlsx *x = xlsx_open_mem(name, buf, len, err);
	struct xform *f = x ? load_xlsx(x, name, err) : NULL;

	xlsx_close(x);
	return f;
}
