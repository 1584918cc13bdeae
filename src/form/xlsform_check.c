/* xlsform_check.c — checks that need the whole form: groups left open,
 * duplicate names, choice lists, ${references} and choice_filter columns,
 * the settings.  Runs once after the last row; builds the name index. */
#include <stdlib.h>
#include <string.h>

#include "form/xlsform_int.h"
#include "base/i18n.h"
#include "base/mem.h"

static void check_open_groups(struct xfl *l)
{
	struct xform *f = l->f;

	for (size_t i = 0; i < l->nstack; i++) {
		struct xform_node *n = &f->nodes[l->stack[i]];
		xfl_diag(l, n->line, 0, _("%s '%s' is never closed"), xform_type_name(n->type),
			 n->name);
		n->end = (int)f->nnodes;
	}
	l->nstack = 0;
}

struct named {
	const char *name;  /* node name */
	size_t idx;        /* node index */
};

static int by_name(const void *a, const void *b)
{
	const struct named *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

/* Sort node indices by name for xform_find(); neighbours reveal duplicates. */
static void index_names(struct xfl *l)
{
	struct xform *f = l->f;
	struct named *v = xcalloc(f->nnodes ? f->nnodes : 1, sizeof *v);

	for (size_t i = 0; i < f->nnodes; i++)
		v[i] = (struct named){ f->nodes[i].name, i };
	qsort(v, f->nnodes, sizeof *v, by_name);
	f->by_name = xcalloc(f->nnodes ? f->nnodes : 1, sizeof *f->by_name);
	for (size_t i = 0; i < f->nnodes; i++) {
		f->by_name[i] = v[i].idx;
		if (i && v[i].name[0] && strcmp(v[i].name, v[i - 1].name) == 0) {
			size_t first = i;
			while (first && strcmp(v[first - 1].name, v[i].name) == 0)
				first--;
			xfl_diag(l, f->nodes[v[i].idx].line, 0, _("duplicate name '%s' (first used on row %ld)"),
				 v[i].name, xfl_row(l, f->nodes[v[first].idx].line));
		}
	}
	free(v);
}

static int valid_name(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
		return 0;
	for (s++; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_' ||
		      (*s >= '0' && *s <= '9') || *s == '-' || *s == '.'))
			return 0;
	return 1;
}

static void check_nodes(struct xfl *l)
{
	struct xform *f = l->f;

	for (size_t i = 0; i < f->nnodes; i++) {
		struct xform_node *n = &f->nodes[i];
		if (n->name[0] && !valid_name(n->name))
			xfl_diag(l, n->line, 0,
				 _("'%s' is not a valid name: use letters, digits, _ - . and begin with a letter or _"),
				 n->name);
		if (!n->list_name)
			continue;
		n->list = xform_list_find(f, n->list_name);
		if (n->list < 0)
			xfl_diag(l, n->line, 0, _("choice list '%s' does not exist"), n->list_name);
	}
}

/* What a reference check is looking at. */
struct refctx {
	struct xfl *l;           /* where problems go */
	const char *column;      /* "relevant", "calculation"... */
	const char *owner;       /* the question's name */
	long line;               /* its row */
	const char *seen[16];    /* names already reported for this expression */
	size_t nseen;            /* how many */
};

/* 1 the first time name is reported for this expression. */
static int first_report(struct refctx *c, const char *name)
{
	for (size_t i = 0; i < c->nseen; i++)
		if (strcmp(c->seen[i], name) == 0)
			return 0;
	if (c->nseen < sizeof c->seen / sizeof c->seen[0])
		c->seen[c->nseen++] = name;
	return 1;
}

static void check_ref(const char *name, int col, void *arg)
{
	struct refctx *c = arg;

	if (xform_find(c->l->f, name) < 0 && first_report(c, name))
		xfl_diag(c->l, c->line, col, _("%s of '%s' refers to ${%s}, which is not in the form"),
			 c->column, c->owner, name);
}

static void check_column(const char *name, int col, void *arg)
{
	struct refctx *c = arg;

	for (size_t i = 0; i < c->l->nchoice_cols; i++)
		if (strcmp(c->l->choice_cols[i], name) == 0)
			return;
	if (first_report(c, name))
		xfl_diag(c->l, c->line, col,
			 _("choice_filter of '%s' uses column '%s', which the choices sheet does not have"),
			 c->owner, name);
}

static void check_expr(struct xfl *l, const struct expr *e, const char *column,
		       const char *owner, long line)
{
	struct refctx c = { .l = l, .column = column, .owner = owner, .line = line };

	if (!e)
		return;
	expr_foreach_ref_at(e, check_ref, &c);
	expr_foreach_column_at(e, check_column, &c);
}

static void check_refs(struct xfl *l)
{
	struct xform *f = l->f;

	for (size_t i = 0; i < f->nnodes; i++) {
		const struct xform_node *n = &f->nodes[i];
		const struct { const struct expr *e; const char *col; } ex[] = {
			{ n->relevant, "relevant" }, { n->constraint, "constraint" },
			{ n->calculation, "calculation" }, { n->required_if, "required" },
			{ n->read_only_if, "read_only" }, { n->default_expr, "default" },
			{ n->choice_filter, "choice_filter" }, { n->repeat_count, "repeat_count" },
		};
		for (size_t k = 0; k < sizeof ex / sizeof ex[0]; k++)
			check_expr(l, ex[k].e, ex[k].col, n->name, n->line);
	}
	check_expr(l, f->settings.instance_name, "instance_name", "settings", l->settings_line);
}

/* 1 when id is safe as a file name everywhere it is used (export-form
 * writes ID.csv): ASCII letters, digits, '_', '-' and '.', not first '.'
 * or '-', at most 100 characters. */
int xform_id_ok(const char *id)
{
	size_t n = 0;
	if (!id || !*id || *id == '.' || *id == '-')
		return 0;
	for (; id[n]; n++) {
		unsigned char c = (unsigned char)id[n];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
		      || c == '_' || c == '-' || c == '.'))
			return 0;
	}
	return n <= 100;
}


/* pyxform: without form_id (or id_string) the id is the file's name. */
static void form_id_from_file(struct xform *f)
{
	const char *base = strrchr(f->file, '/'), *dot;

	base = base ? base + 1 : f->file;
	dot = strrchr(base, '.');
	f->settings.form_id = xstrndup(base, dot && dot > base ? (size_t)(dot - base) : strlen(base));
}

/* or_other: the list gets a choice `other` (pyxform's name), unless it has
 * one, labelled in every language of the form: "Other" as pyxform writes it
 * for the default column and a language sxsh does not speak, its gettext
 * translation for one sxsh speaks ("Khác" for vi). */
static void add_other_choices(struct xfl *l)
{
	struct xform *f = l->f;

	for (size_t i = 0; i < l->nother_lists; i++) {
		int k = xform_list_find(f, l->other_lists[i]), has = 0;
		struct xform_list *list = k >= 0 ? &f->lists[k] : NULL;
		struct xform_choice *c;
		if (!list)
			continue; /* check_nodes names the missing list */
		for (size_t j = 0; j < list->n; j++)
			has |= strcmp(list->c[j].name, "other") == 0;
		if (has)
			continue;
		list->c = xreallocarray(list->c, list->n + 1, sizeof *list->c);
		c = &list->c[list->n];
		memset(c, 0, sizeof *c);
		c->name = xstrdup("other");
		c->line = list->n ? list->c[list->n - 1].line : 0;
		xfl_text_all(f, &c->label, N_("Other"));
		list->n++;
	}
}

void xfl_check(struct xfl *l)
{
	struct xform *f = l->f;
	int errors = 0;

	for (size_t i = 0; i < l->nd; i++)
		errors |= !l->d[i].warn;
	check_open_groups(l);
	if (!f->nnodes && !errors) /* else the refused rows say why */
		xfl_diag(l, 0, 0, _("the survey sheet is missing or has no questions"));
	if (!f->settings.form_id)
		form_id_from_file(f);
	if (!xform_id_ok(f->settings.form_id))
		xfl_diag(l, l->settings_line, 0, _("form_id may hold only letters A-Z, digits, '_', '-'"
						   " and '.' (not first), at most 100 characters"));
	add_other_choices(l);
	index_names(l);
	check_nodes(l);
	check_refs(l);
}
