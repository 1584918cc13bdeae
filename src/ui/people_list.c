/* people_list.c — the people registry: search as you type, open, add,
 * delete. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "ui/draw.h"
#include "base/i18n.h"
#include "ui/lineedit.h"
#include "ui/listview.h"
#include "base/mem.h"
#include "records/people.h"
#include "ui/screen.h"
#include "base/text.h"
#include "ui/training.h"

#define SHOW_MAX 500

struct plist {
	struct lineedit search;        /* the query being typed */
	struct person_row *rows;       /* matches, in Vietnamese order */
	long n;                        /* how many */
	int sel, top;                  /* selection and scroll */
	int stale;                     /* re-run the search before drawing */
};

static void refresh_rows(struct ui *ui, struct plist *l)
{
	struct sx_err err = {0};
	char *q = lineedit_text(&l->search);

	people_rows_free(l->rows, l->n > 0 ? (size_t)l->n : 0);
	l->n = people_search(ui_ctx(ui)->db, q, SHOW_MAX, &l->rows, &err);
	if (l->n < 0) {
		ui_message(ui, 1, "%s", sx_err_last(&err));
		l->n = 0;
	}
	if (l->sel >= l->n)
		l->sel = l->n ? (int)l->n - 1 : 0;
	l->stale = 0;
	free(q);
	sx_err_clear(&err);
}

static void *plist_enter(struct ui *ui, const void *arg)
{
	struct plist *l = xcalloc(1, sizeof *l);
	(void)arg;
	refresh_rows(ui, l);
	return l;
}

static void plist_draw(struct ui *ui, void *state)
{
	struct plist *l = state;
	int rows = LINES - 7, namew = COLS / 3, catw = 20, unitw = COLS - namew - catw - 19;
	char count[64], year[8];

	if (l->stale)
		refresh_rows(ui, l);
	ui_title(ui, _("People"));
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
	draw_text(3, 4, namew, R_DIM, _("Full name"));
	draw_text(3, 5 + namew, 8, R_DIM, _("Born"));
	draw_text(3, 14 + namew, unitw, R_DIM, _("Unit"));
	draw_text(3, 15 + namew + unitw, catw, R_DIM, _("Category"));
	if (l->n == 0)
		draw_text(5, 2, COLS - 4, R_NORMAL, _("Nobody matches. Press F2 to add a person."));
	for (int i = 0; i < rows && l->top + i < l->n; i++) {
		const struct person_row *r = &l->rows[l->top + i];
		enum role role = l->top + i == l->sel ? R_SELECTED : R_NORMAL;
		if (role == R_SELECTED)
			draw_fill(4 + i, 1, COLS - 2, role);
		snprintf(year, sizeof year, "%d", r->birth_year);
		draw_text(4 + i, 2, 1, role, r->on_roster ? "R" : " ");
		draw_text(4 + i, 4, namew, role, r->full_name);
		draw_text(4 + i, 5 + namew, 8, role, r->birth_year ? year : "");
		draw_text(4 + i, 14 + namew, unitw, role, r->unit);
		draw_text(4 + i, 15 + namew + unitw, catw, role, people_category_label(r->category));
	}
	snprintf(count, sizeof count, l->n >= SHOW_MAX ? _("first %ld") : _("%ld found"), l->n);
	draw_text(2, COLS - text_width(count) - 2, 20, R_DIM, count);
	draw_text(2, 2, 10, R_TITLE, _("Search:"));
	lineedit_draw(&l->search, 2, 12, COLS - 36);
}

static int plist_fkey(struct ui *ui, struct plist *l, int key)
{
	struct sx_err err = {0};
	struct person_edit_arg a = {0};
	char *ask;

	if (key == 2) {                 /* F2: a new person, named as searched */
		l->stale = 1;
		a.name = lineedit_text(&l->search);
		ui_push(ui, &screen_person_edit, &a);
		free((char *)a.name);
		return RD_ALL;
	}
	if (key != 8 || !l->n)
		return RD_NONE;
	ask = xasprintf(_("Delete %s from the registry? Their attendance records are kept."),
			l->rows[l->sel].full_name);
	if (draw_confirm(ask)) {
		if (person_delete(ui_ctx(ui)->db, l->rows[l->sel].uuid, &err) == 0)
			ui_message(ui, 0, "%s", _("Deleted."));
		else
			ui_message(ui, 1, "%s", sx_err_last(&err));
		refresh_rows(ui, l);
	}
	free(ask);
	sx_err_clear(&err);
	return RD_ALL;
}

static int plist_handle(struct ui *ui, void *state, const struct input *in)
{
	struct plist *l = state;
	int rows = LINES - 7;
	struct person_edit_arg a = {0};

	if (listview_move(&l->sel, (long)l->n, rows, in, 0))
		return RD_SCREEN;
	switch (in->act) {
	case ACT_BACK:
		ui_pop(ui);
		return RD_ALL;
	case ACT_OK:
		if (l->n) {
			l->stale = 1;
			a.uuid = l->rows[l->sel].uuid;
			ui_push(ui, &screen_person_edit, &a);
		}
		return RD_ALL;
	case ACT_FKEY:
		return plist_fkey(ui, l, (int)in->ch);
	default:
		break;
	}
	if (lineedit_handle(&l->search, in)) {
		l->sel = l->top = 0;
		refresh_rows(ui, l);
		return RD_SCREEN;
	}
	return RD_NONE;
}

static void plist_leave(struct ui *ui, void *state)
{
	struct plist *l = state;
	(void)ui;
	people_rows_free(l->rows, (size_t)l->n);
	free(l);
}

const struct screen screen_people_list = {
	.name = "people_list",
	.enter = plist_enter,
	.draw = plist_draw,
	.handle = plist_handle,
	.leave = plist_leave,
	.keys = N_("Type to search  Enter open  F2 new  F8 delete  Esc back"),
	.help = N_("Officers, trainees and facility contacts. Type part of a name to find "
		   "someone; capitals and accents do not matter (\"nguyen van a\" finds "
		   "\"Nguyễn Văn A\", \"d\" finds \"đ\"). R marks people on the roster of "
		   "officers who must be trained. Enter opens the selected person with their "
		   "training history, F2 adds a new one named as you searched, F8 deletes the "
		   "selected one after asking."),
};
