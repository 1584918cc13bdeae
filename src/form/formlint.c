/* formlint.c — see formlint.h. */
#include "form/formlint.h"

#include <string.h>

#include "form/expr_ast.h"
#include "base/i18n.h"

/* What an operand is, as far as the warnings care. */
enum kind { K_OTHER, K_DATE, K_TEXT, K_STRLIT, K_NUMLIT };

struct lint {
	const struct xform *f;
	const struct xform_node *node; /* whose expression it is (for "." and the row) */
	const char *what;              /* "relevant", "constraint", ... */
	struct sx_err *warn;
	size_t count;
};

/* Where the form's questions are, for messages. */
static const char *lint_where(const struct lint *l)
{
	return l->f->survey_at ? l->f->survey_at : l->f->file;
}

static enum kind type_kind(enum xform_type t)
{
	if (t == XFT_DATE || t == XFT_TODAY)
		return K_DATE;
	if (t == XFT_TEXT || t == XFT_SELECT_ONE)
		return K_TEXT;
	return K_OTHER;
}

static enum kind kind_of(const struct lint *l, const struct expr_node *n)
{
	int i;

	switch (n->kind) {
	case EXN_NUM:
		return K_NUMLIT;
	case EXN_STR:
		return K_STRLIT;
	case EXN_DOT:
		return l->node ? type_kind(l->node->type) : K_OTHER;
	case EXN_REF:
		i = xform_find(l->f, n->str);
		return i < 0 ? K_OTHER : type_kind(l->f->nodes[i].type);
	case EXN_NEG:
		return n->kid[0]->kind == EXN_NUM ? K_NUMLIT : K_OTHER;
	case EXN_CALL:
		if (strcmp(expr_funcs[n->op].name, "today") == 0 ||
		    strcmp(expr_funcs[n->op].name, "date") == 0)
			return K_DATE;
		return K_OTHER;
	default:
		return K_OTHER;
	}
}

/* The name an operand shows in a message. */
static const char *shown(const struct expr_node *n, char *buf, size_t len)
{
	if (n->kind == EXN_REF)
		snprintf(buf, len, "${%s}", n->str);
	else if (n->kind == EXN_DOT)
		snprintf(buf, len, ".");
	else if (n->kind == EXN_CALL)
		snprintf(buf, len, "%s()", expr_funcs[n->op].name);
	else
		snprintf(buf, len, "?");
	return buf;
}

static void check_pair(struct lint *l, const struct expr_node *a, const struct expr_node *b, int op,
		       int n_col)
{
	enum kind ka = kind_of(l, a), kb = kind_of(l, b);
	char name[160];
	int ordering = op == EXB_LT || op == EXB_LE || op == EXB_GT || op == EXB_GE;
	const char *file = lint_where(l);
	long col = n_col;

	if (kb == K_DATE || (kb == K_TEXT && ka == K_NUMLIT)) {
		const struct expr_node *t = a;
		a = b, b = t;
		enum kind tk = ka;
		ka = kb, kb = tk;
	}
	if (ka == K_DATE && kb == K_STRLIT && ordering) {
		sx_err_addc(l->warn, file, l->node->line, col,
			   _("warning: %s of '%s': %s is compared with the text '%s', which ODK "
			     "Collect does not read as a date, so the comparison is always false; "
			     "write date('%s')"),
			   l->what, l->node->name, shown(a, name, sizeof name), b->str, b->str);
		l->count++;
	} else if (ka == K_TEXT && kb == K_NUMLIT) {
		sx_err_addc(l->warn, file, l->node->line, col,
			   _("warning: %s of '%s': the text answer %s is compared with a number, so "
			     "ODK Collect reads it as a number (an empty or non-numeric answer never "
			     "matches); make the question integer or decimal, or compare with a "
			     "quoted text"),
			   l->what, l->node->name, shown(a, name, sizeof name));
		l->count++;
	}
}

/* jr:choice-name(v, '${q}') needs q to be a select; indexed-repeat's
 * repeats must hold its field.  Collect refuses such a form. */
static void check_call_refs(struct lint *l, const struct expr_node *n)
{
	const char *fn = expr_funcs[n->op].name;
	const struct xform *f = l->f;

	if (strcmp(fn, "jr:choice-name") == 0) {
		const char *q = n->kid[1]->str;
		size_t len = strlen(q);
		char name[128];
		int i = -1;
		if (len > 3 && len - 3 < sizeof name && q[len - 1] == '}') {
			memcpy(name, q + 2, len - 3);
			name[len - 3] = '\0';
			i = xform_find(f, name);
		}
		if (i < 0 || f->nodes[i].list < 0) {
			sx_err_addc(l->warn, lint_where(l), l->node->line, n->col,
				   _("warning: %s of '%s': jr:choice-name() names '%s', which is not a "
				     "select question of this form"), l->what, l->node->name, q);
			l->count++;
		}
	} else if (strcmp(fn, "indexed-repeat") == 0) {
		int field = xform_find(f, n->kid[0]->str);
		for (size_t k = 1; k < n->nkid; k += 2) {
			int rep = xform_find(f, n->kid[k]->str), inside = 0;
			for (int p = field >= 0 ? f->nodes[field].parent : -1; p >= 0; p = f->nodes[p].parent)
				inside |= p == rep;
			if (rep < 0 || f->nodes[rep].type != XFT_REPEAT || !inside) {
				sx_err_addc(l->warn, lint_where(l), l->node->line, n->col,
					   _("warning: %s of '%s': indexed-repeat(): ${%s} is not a "
					     "repeat that holds ${%s}"), l->what, l->node->name,
					   n->kid[k]->str, n->kid[0]->str);
				l->count++;
			}
		}
	}
}

static void walk(struct lint *l, const struct expr_node *n)
{
	if (n->kind == EXN_BIN && n->op >= EXB_EQ && n->op <= EXB_GE)
		check_pair(l, n->kid[0], n->kid[1], n->op, n->col);
	if (n->kind == EXN_CALL)
		check_call_refs(l, n);
	for (size_t i = 0; i < n->nkid; i++)
		walk(l, n->kid[i]);
}

static void lint_expr(struct lint *l, const struct expr *e, const char *what)
{
	if (!e)
		return;
	l->what = what;
	walk(l, e->root);
}

size_t formlint(const struct xform *f, struct sx_err *warn)
{
	struct lint l = { .f = f, .warn = warn };

	for (size_t i = 0; i < f->nnodes; i++) {
		const struct xform_node *n = &f->nodes[i];
		l.node = n;
		lint_expr(&l, n->relevant, "relevant");
		lint_expr(&l, n->constraint, "constraint");
		lint_expr(&l, n->calculation, "calculation");
		lint_expr(&l, n->required_if, "required");
		lint_expr(&l, n->read_only_if, "read_only");
		lint_expr(&l, n->default_expr, "default");
		lint_expr(&l, n->repeat_count, "repeat_count");
	}
	return l.count;
}
