/* fsession_check.c — validation of one answer and completion of the whole. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "form/expr_ast.h"
#include "form/fsession_int.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/num.h"

static int is_choice(const struct xform_list *l, const char *name, size_t len)
{
	for (size_t i = 0; i < l->n; i++)
		if (strlen(l->c[i].name) == len && strncmp(l->c[i].name, name, len) == 0)
			return 1;
	return 0;
}

/* Type check; NULL when value fits the node's type, else our message
 * (in buf, blen bytes, when it holds an example number). */
static const char *type_problem(const struct fsession *s, const struct xform_node *n, const char *v,
				char *buf, size_t blen)
{
	const struct xform *f = s->f;
	const char *p = v;
	char example[16];

	switch (n->type) {
	case XFT_INTEGER:
		p += *p == '-';
		if (!*p || strspn(p, "0123456789") != strlen(p) || strlen(p) > 15)
			return _("Enter a whole number, such as 12.");
		return NULL;
	case XFT_DECIMAL:
		/* expr_to_num() also reads yyyy-mm-dd dates and a decimal comma (JavaRosa
		 * does, in expressions); a stored answer is canonical: a point, no inner '-'. */
		if (isnan(expr_to_num(v)) || strchr(v + (*v == '-'), '-') || strchr(v, ',')) {
			/* The example in the session's convention: "12,5" in Vietnamese. */
			num_write_lang(12.5, s->lang, 5, example, sizeof example);
			snprintf(buf, blen, _("Enter a number, such as %s."), example);
			return buf;
		}
		return NULL;
	case XFT_DATE:
		return date_valid_iso(v) ? NULL : _("Enter a date as dd/mm/yyyy.");
	case XFT_DATETIME: {
		double days;
		return strlen(v) > 10 && v[10] == 'T' && expr_parse_datetime(v, 420, &days, NULL)
			? NULL : _("Enter a date and time such as 2026-03-10T14:30.");
	}
	case XFT_TIME: {
		double days;
		char *dt = xasprintf("1970-01-01T%s", v);
		int ok = expr_parse_datetime(dt, 420, &days, NULL);
		free(dt);
		return ok ? NULL : _("Enter a time such as 14:30.");
	}
	case XFT_SELECT_ONE:
		return n->list >= 0 && is_choice(&f->lists[n->list], v, strlen(v)) ? NULL
			: _("Choose one of the listed answers.");
	case XFT_SELECT_MULTIPLE:
		while (n->list >= 0 && *p) {
			size_t len = strcspn(p, " ");
			if (len && !is_choice(&f->lists[n->list], p, len))
				return _("Choose only among the listed answers.");
			p += len + (p[len] == ' ');
		}
		return NULL;
	default:
		return NULL;
	}
}

/* 1 when every choice in value passes the item's choice_filter now. */
static int offered(struct fsession *s, size_t i, const char *value)
{
	size_t n, *ok = fs_choices(s, i, &n);
	const struct xform_list *l = &s->f->lists[s->f->nodes[s->items[i].node].list];
	int all = 1;

	for (const char *p = value; *p && all;) {
		size_t len = strcspn(p, " "), k;
		for (k = 0; len && k < n; k++)
			if (strlen(l->c[ok[k]].name) == len && strncmp(l->c[ok[k]].name, p, len) == 0)
				break;
		all = !len || k < n;
		p += len + (p[len] == ' ');
	}
	free(ok);
	return all;
}

int fs_check(struct fsession *s, size_t i, const char *value, char *msg, size_t len)
{
	size_t n;
	const struct fs_item *it = fs_items(s, &n);
	const struct xform_node *node;
	const char *why;
	char buf[128];

	if (i >= n)
		return 0;
	node = &s->f->nodes[it[i].node];
	if (!value || !*value) {
		if (!fs_required(s, i))
			return 0;
		why = xform_text(s->f, &node->required_msg, s->lang);
		snprintf(msg, len, "%s", *why ? why : _("This question needs an answer."));
		return -1;
	}
	why = type_problem(s, node, value, buf, sizeof buf);
	if (why) {
		snprintf(msg, len, "%s", why);
		return -1;
	}
	if ((node->type == XFT_SELECT_ONE || node->type == XFT_SELECT_MULTIPLE) &&
	    node->choice_filter && !offered(s, i, value)) {
		snprintf(msg, len, "%s", _("That choice is not offered here: the form's "
					   "choice filter leaves it out."));
		return -1;
	}
	if (node->constraint && !fs_eval_bool(s, node->constraint, it[i].path, value)) {
		why = xform_text(s->f, &node->constraint_msg, s->lang);
		snprintf(msg, len, "%s", *why ? why : _("This answer is not allowed here."));
		return -1;
	}
	return 0;
}

size_t fs_problems(struct fsession *s, size_t *first)
{
	size_t n, count = 0;
	const struct fs_item *it = fs_items(s, &n);
	char msg[256];

	for (size_t i = 0; i < n; i++) {
		enum xform_type t = s->f->nodes[it[i].node].type;
		if (fs_type_auto(t) || t == XFT_NOTE || t == XFT_REPEAT || !fs_relevant(s, i))
			continue;
		if (fs_check(s, i, fs_get(s, it[i].path), msg, sizeof msg) != 0) {
			if (!count && first)
				*first = i;
			count++;
		}
	}
	return count;
}
