/* xlsform_model.c — questions asked of a loaded form, and freeing it. */
#include <stdlib.h>
#include <string.h>

#include "form/xlsform.h"

static void free_text(struct xform_text *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->tr[i].text);
	free(t->tr);
}

static void free_node(struct xform_node *n)
{
	free(n->name);
	free(n->list_name);
	free_text(&n->label);
	free_text(&n->hint);
	free_text(&n->constraint_msg);
	free_text(&n->required_msg);
	expr_free(n->required_if);
	expr_free(n->read_only_if);
	expr_free(n->relevant);
	expr_free(n->constraint);
	expr_free(n->calculation);
	expr_free(n->default_expr);
	free(n->default_value);
	expr_free(n->choice_filter);
	expr_free(n->repeat_count);
	free(n->appearance);
}

static void free_list(struct xform_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct xform_choice *c = &l->c[i];
		free(c->name);
		free_text(&c->label);
		for (size_t k = 0; k < c->nextra; k++) {
			free(c->extra[k].key);
			free(c->extra[k].value);
		}
		free(c->extra);
	}
	free(l->c);
	free(l->name);
}

void xform_free(struct xform *f)
{
	if (!f)
		return;
	free(f->survey_at);
	for (size_t i = 0; i < f->nnodes; i++)
		free_node(&f->nodes[i]);
	free(f->nodes);
	for (size_t i = 0; i < f->nlists; i++)
		free_list(&f->lists[i]);
	free(f->lists);
	for (size_t i = 0; i < f->nlangs; i++)
		free(f->langs[i]);
	free(f->langs);
	free(f->settings.form_id);
	free(f->settings.form_title);
	free(f->settings.version);
	free(f->settings.default_lang);
	expr_free(f->settings.instance_name);
	free(f->by_name);
	sx_err_clear(&f->warnings);
	free(f->file);
	free(f);
}

int xform_find(const struct xform *f, const char *name)
{
	size_t lo = 0, hi = f->by_name ? f->nnodes : 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(f->nodes[f->by_name[mid]].name, name);
		if (c == 0)
			return (int)f->by_name[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

int xform_list_find(const struct xform *f, const char *name)
{
	for (size_t i = 0; i < f->nlists; i++)
		if (strcmp(f->lists[i].name, name) == 0)
			return (int)i;
	return -1;
}

int xform_repeat_of(const struct xform *f, int i)
{
	for (int p = i >= 0 && (size_t)i < f->nnodes ? f->nodes[i].parent : -1; p >= 0;
	     p = f->nodes[p].parent)
		if (f->nodes[p].type == XFT_REPEAT)
			return p;
	return -1;
}

static const char *in_lang(const struct xform *f, const struct xform_text *t, const char *code)
{
	if (!code)
		return NULL;
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(f->langs[t->tr[i].lang], code) == 0)
			return t->tr[i].text;
	return NULL;
}

const char *xform_text(const struct xform *f, const struct xform_text *t, const char *lang)
{
	const char *s = in_lang(f, t, lang);

	if (!s)
		s = in_lang(f, t, f->settings.default_lang);
	if (!s)
		s = in_lang(f, t, "");
	if (!s)
		s = t->n ? t->tr[0].text : "";
	return s;
}

const char *xform_choice_extra(const struct xform_choice *c, const char *key)
{
	for (size_t i = 0; i < c->nextra; i++)
		if (strcmp(c->extra[i].key, key) == 0)
			return c->extra[i].value;
	return NULL;
}

const char *xform_type_name(enum xform_type t)
{
	static const char *const names[] = {
		[XFT_TEXT] = "text", [XFT_INTEGER] = "integer", [XFT_DECIMAL] = "decimal",
		[XFT_DATE] = "date", [XFT_SELECT_ONE] = "select_one",
		[XFT_SELECT_MULTIPLE] = "select_multiple", [XFT_NOTE] = "note",
		[XFT_CALCULATE] = "calculate", [XFT_ACKNOWLEDGE] = "acknowledge",
		[XFT_GROUP] = "begin_group", [XFT_REPEAT] = "begin_repeat",
		[XFT_TIME] = "time", [XFT_DATETIME] = "dateTime", [XFT_START] = "start",
		[XFT_END] = "end", [XFT_TODAY] = "today", [XFT_DEVICEID] = "deviceid",
		[XFT_USERNAME] = "username",
	};
	return (unsigned)t < sizeof names / sizeof names[0] ? names[t] : "?";
}
