/* walk_text.c — free text in the walkthrough: the rest of a known phrase is offered as the
 * officer types (the sector's common observations, earlier answers to the question, its own
 * wording, the rest of the assessment and the CP catalogue, in that order), Right takes its
 * next word and End all of it; F5 lists the common observations and earlier answers. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "assess/cpcat.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "db/ctx.h"
#include "ui/draw.h"
#include "ui/walk.h"

static const char *name_of(struct walk *w, size_t i)
{
	size_t n;
	return w->form->nodes[fs_items(w->fs, &n)[i].node].name;
}

/* The free-text item i: the only kind completed. */
static int free_text(struct walk *w, size_t i)
{
	size_t n;
	return w->form->nodes[fs_items(w->fs, &n)[i].node].type == XFT_TEXT;
}

/* Add every string of v to the phrases, and to the picks when picks is set. */
static void add_all(struct walk *w, char **v, int picks)
{
	for (size_t i = 0; v && v[i]; i++) {
		suggest_add(&w->sg, v[i]);
		if (picks && w->npicks < sizeof w->picks / sizeof w->picks[0])
			w->picks[w->npicks++] = xstrdup(v[i]);
	}
}

void walk_text_clear(struct walk *w)
{
	suggest_free(&w->sg);
	for (size_t i = 0; i < w->npicks; i++)
		free(w->picks[i]);
	w->npicks = 0;
	w->ghost[0] = L'\0';
}

void walk_text_load(struct walk *w)
{
	struct sx_ctx *ctx = ui_ctx(w->ui);
	struct sx_err err = {0};
	const char *sector = fs_get(w->fs, "sector"), *name = name_of(w, w->cur);
	char **v = NULL, *s;
	size_t n, count;
	struct cpcat c;

	walk_text_clear(w);
	if (!free_text(w, w->cur))
		return;
	if (suggest_observations(ctx->datadir, sector, name, i18n_lang(), &v, &n, &err) == 0)
		add_all(w, v, 1);
	suggest_strv_free(v);
	if (suggest_answers(ctx->db, name, w->uuid, 20, &v, &n, &err) == 0)
		add_all(w, v, 1);
	suggest_strv_free(v);
	s = fs_label(w->fs, w->cur);
	suggest_add(&w->sg, s);
	free(s);
	s = fs_hint(w->fs, w->cur);
	suggest_add(&w->sg, s);
	free(s);
	const struct fs_item *it = fs_items(w->fs, &count);
	for (size_t i = 0; i < count; i++)
		if (i != w->cur && free_text(w, i))
			suggest_add(&w->sg, fs_get(w->fs, it[i].path));
	if (cpcat_load(ctx->datadir, *sector ? sector : "general", i18n_lang(), &c, &err) == 0)
		for (size_t i = 0; i < c.n; i++) {
			suggest_add(&w->sg, c.v[i].option);
			suggest_add(&w->sg, c.v[i].step);
			suggest_add(&w->sg, c.v[i].benefit);
		}
	cpcat_free(&c);
	if (suggest_observations(ctx->datadir, sector, NULL, i18n_lang(), &v, &n, &err) == 0)
		add_all(w, v, 0);
	suggest_strv_free(v);
	sx_err_clear(&err);   /* a missing catalogue only means fewer suggestions */
	walk_text_update(w);
}

void walk_text_update(struct walk *w)
{
	w->ghost[0] = L'\0';
	if (free_text(w, w->cur) && w->le.cur == w->le.len)
		suggest_complete(&w->sg, w->le.buf, w->ghost,
				 (size_t)(LINEEDIT_MAX - w->le.len + 1));
}

/* Append k characters of the offered continuation to the text. */
static void take(struct walk *w, size_t k)
{
	for (size_t i = 0; i < k && w->le.len < LINEEDIT_MAX; i++)
		w->le.buf[w->le.len++] = w->ghost[i];
	w->le.buf[w->le.len] = L'\0';
	w->le.cur = w->le.len;
	w->dirty = 1;
	walk_text_update(w);
}

int walk_text_key(struct walk *w, const struct input *in)
{
	if (!free_text(w, w->cur))
		return 0;
	if (in->act == ACT_FKEY && in->ch == 5) {
		if (!w->npicks) {
			ui_message(w->ui, 0, "%s", _("No common observations or earlier answers for this question."));
			return 1;
		}
		int k = draw_choose(_("Common observations and earlier answers"),
				    (const char *const *)w->picks, (int)w->npicks);
		if (k >= 0) {
			lineedit_set(&w->le, w->picks[k]);
			w->dirty = 1;
			walk_text_update(w);
		}
		return 1;
	}
	if (!w->ghost[0] || w->le.cur != w->le.len)
		return 0;
	if (in->act == ACT_RIGHT)
		take(w, suggest_word(w->ghost));
	else if (in->act == ACT_END)
		take(w, wcslen(w->ghost));
	else
		return 0;
	return 1;
}

void walk_text_draw(struct walk *w, int y, int x, int cols, int hint_y)
{
	int cy, cx, room;
	char *mb;
	size_t n;

	if (!free_text(w, w->cur))
		return;
	getyx(stdscr, cy, cx);
	if (w->ghost[0] && (room = x + cols - cx) > 1 && cy == y &&
	    (n = wcstombs(NULL, w->ghost, 0)) != (size_t)-1) {
		mb = xmalloc(n + 1);
		wcstombs(mb, w->ghost, n + 1);
		draw_text(cy, cx, room, R_DIM, mb);
		free(mb);
	}
	if (w->ghost[0] || w->npicks) {
		char *hint = w->ghost[0] && w->npicks
			? xasprintf("%s  %s", _("Right: next word, End: all of it"),
				    _("F5: common observations"))
			: xstrdup(w->ghost[0] ? _("Right: next word, End: all of it")
				  : _("F5: common observations"));
		draw_text(hint_y, x, COLS - x - 2, R_DIM, hint);
		free(hint);
	}
	move(cy, cx);
}
