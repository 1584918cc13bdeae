/* session_list.c — training and awareness sessions: search as you type,
 * open, add, delete; the people registry is one key away. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "ui/draw.h"
#include "base/i18n.h"
#include "ui/lineedit.h"
#include "ui/listview.h"
#include "base/mem.h"
#include "ui/screen.h"
#include "training/session.h"
#include "base/text.h"

#define SHOW_MAX 500

struct slist {
	struct lineedit search;        /* the query being typed */
	struct session_row *rows;      /* matches, newest first */
	long n;                        /* how many */
	int sel, top;                  /* selection and scroll */
	int stale;                     /* re-run the search before drawing */
};

static void refresh_rows(struct ui *ui, struct slist *l)
{
	struct sx_err err = {0};
	char *q = lineedit_text(&l->search);

	session_rows_free(l->rows, l->n > 0 ? (size_t)l->n : 0);
	l->n = session_list(ui_ctx(ui)->db, q, SHOW_MAX, &l->rows, &err);
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

static void *slist_enter(struct ui *ui, const void *arg)
{
	struct slist *l = xcalloc(1, sizeof *l);
	(void)arg;
	refresh_rows(ui, l);
	return l;
}

/* "12/05/2025" or "12/05–13/05/2025" style dates of a row. */
static void row_dates(const struct session_row *r, char *out, size_t n)
{
	char a[11], b[11];
	date_format_user(r->start_date, a);
	date_format_user(r->end_date, b);
	if (strcmp(a, b) == 0)
		snprintf(out, n, "%s", a);
	else
		snprintf(out, n, "%.5s–%s", a, b);
}

static void slist_draw(struct ui *ui, void *state)
{
	struct slist *l = state;
	int rows = LINES - 7, datew = 16, kindw = COLS > 100 ? 28 : 20, numw = 5;
	int titlew = COLS - datew - kindw - numw - 8;
	char count[64], dates[40], num[16];

	if (l->stale)
		refresh_rows(ui, l);
	ui_title(ui, _("Training and awareness events"));
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
	draw_text(3, 2, datew, R_DIM, _("Dates"));
	draw_text(3, 3 + datew, titlew, R_DIM, _("Title"));
	draw_text(3, 4 + datew + titlew, kindw, R_DIM, _("Kind"));
	draw_text(3, COLS - numw - 2, numw, R_DIM, _("Ppl."));
	if (l->n == 0)
		draw_text(5, 2, COLS - 4, R_NORMAL, _("No session yet. Press F2 to add one."));
	for (int i = 0; i < rows && l->top + i < l->n; i++) {
		const struct session_row *r = &l->rows[l->top + i];
		enum role role = l->top + i == l->sel ? R_SELECTED : R_NORMAL;
		char *title = *r->code ? xasprintf("%s · %s", r->code, r->title) : xstrdup(r->title);
		if (role == R_SELECTED)
			draw_fill(4 + i, 1, COLS - 2, role);
		row_dates(r, dates, sizeof dates);
		snprintf(num, sizeof num, "%4d", r->participants);
		draw_text(4 + i, 2, datew, role, dates);
		draw_text(4 + i, 3 + datew, titlew, role, title);
		draw_text(4 + i, 4 + datew + titlew, kindw, role, session_kind_label(r->kind));
		draw_text(4 + i, COLS - numw - 2, numw, role, num);
		free(title);
	}
	snprintf(count, sizeof count, l->n >= SHOW_MAX ? _("first %ld") : _("%ld found"), l->n);
	draw_text(2, COLS - text_width(count) - 2, 20, R_DIM, count);
	draw_text(2, 2, 10, R_TITLE, _("Search:"));
	lineedit_draw(&l->search, 2, 12, COLS - 36);
}

static int slist_fkey(struct ui *ui, struct slist *l, int key)
{
	struct sx_err err = {0};
	char *ask;

	if (key == 2) {                 /* F2: a new session */
		l->stale = 1;
		ui_push(ui, &screen_session_edit, NULL);
		return RD_ALL;
	}
	if (key == 3) {                 /* F3: the people registry */
		ui_push(ui, &screen_people_list, NULL);
		return RD_ALL;
	}
	if (key != 8 || !l->n)
		return RD_NONE;
	ask = xasprintf(_("Delete the session \"%s\" with its registrations and attendance?"),
			l->rows[l->sel].title);
	if (draw_confirm(ask)) {
		if (session_delete(ui_ctx(ui)->db, l->rows[l->sel].uuid, &err) == 0)
			ui_message(ui, 0, "%s", _("Deleted."));
		else
			ui_message(ui, 1, "%s", sx_err_last(&err));
		refresh_rows(ui, l);
	}
	free(ask);
	sx_err_clear(&err);
	return RD_ALL;
}

static int slist_handle(struct ui *ui, void *state, const struct input *in)
{
	struct slist *l = state;
	int rows = LINES - 7;

	if (listview_move(&l->sel, (long)l->n, rows, in, 0))
		return RD_SCREEN;
	switch (in->act) {
	case ACT_BACK:
		ui_pop(ui);
		return RD_ALL;
	case ACT_OK:
		if (l->n) {
			l->stale = 1;
			ui_push(ui, &screen_session_view, l->rows[l->sel].uuid);
		}
		return RD_ALL;
	case ACT_FKEY:
		return slist_fkey(ui, l, (int)in->ch);
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

static void slist_leave(struct ui *ui, void *state)
{
	struct slist *l = state;
	(void)ui;
	session_rows_free(l->rows, (size_t)l->n);
	free(l);
}

const struct screen screen_session_list = {
	.name = "session_list",
	.enter = slist_enter,
	.draw = slist_draw,
	.handle = slist_handle,
	.leave = slist_leave,
	.keys = N_("Type to search  Enter open  F2 new  F3 people  F8 delete  Esc back"),
	.help = N_("The training courses, awareness conferences and demonstration visits, "
		   "newest first. Type part of a title or code to find one. Enter opens the "
		   "selected session: its participants, registration, the attendance grid and "
		   "the sign-in sheet. F2 adds a session, F3 opens the people registry, F8 "
		   "deletes the selected session after asking."),
};
