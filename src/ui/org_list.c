/* org_list.c — the support network: organisations, search as you type,
 * open, add, delete (records/orgs.h). */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/mem.h"
#include "base/text.h"
#include "records/orgs.h"
#include "ui/draw.h"
#include "ui/lineedit.h"
#include "ui/listview.h"
#include "ui/screen.h"

struct olist {
	struct lineedit search;   /* the query being typed */
	struct org *rows;         /* matches, in Vietnamese order */
	size_t n;                 /* how many */
	int sel, top;             /* selection and scroll */
	int stale;                /* re-run the search before drawing */
};

static void free_rows(struct olist *l)
{
	for (size_t i = 0; i < l->n; i++)
		org_clear(&l->rows[i]);
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
}

static void refresh_rows(struct ui *ui, struct olist *l)
{
	struct sx_err err = {0};
	char *q = lineedit_text(&l->search);

	free_rows(l);
	if (orgs_list(ui_ctx(ui)->db, q, &l->rows, &l->n, &err) != 0)
		ui_message(ui, 1, "%s", sx_err_last(&err));
	if (l->sel >= (int)l->n)
		l->sel = l->n ? (int)l->n - 1 : 0;
	l->stale = 0;
	free(q);
	sx_err_clear(&err);
}

static void *olist_enter(struct ui *ui, const void *arg)
{
	struct olist *l = xcalloc(1, sizeof *l);
	(void)arg;
	refresh_rows(ui, l);
	return l;
}

static void olist_draw(struct ui *ui, void *state)
{
	struct olist *l = state;
	int rows = LINES - 7, namew = COLS * 2 / 5, kindw = 24, phonew = COLS - namew - kindw - 5;
	char count[64];

	if (l->stale)
		refresh_rows(ui, l);
	ui_title(ui, _("Support network"));
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
	draw_text(3, 2, namew, R_DIM, _("Organisation"));
	draw_text(3, 3 + namew, kindw, R_DIM, _("Kind"));
	draw_text(3, 4 + namew + kindw, phonew, R_DIM, _("Phone"));
	if (l->n == 0)
		draw_text(5, 2, COLS - 4, R_NORMAL, _("No organisation matches. Press F2 to add one."));
	for (int i = 0; i < rows && l->top + i < (int)l->n; i++) {
		const struct org *o = &l->rows[l->top + i];
		enum role role = l->top + i == l->sel ? R_SELECTED : R_NORMAL;
		if (role == R_SELECTED)
			draw_fill(4 + i, 1, COLS - 2, role);
		draw_text(4 + i, 2, namew, role, o->name);
		draw_text(4 + i, 3 + namew, kindw, role, orgs_kind_label(o->kind));
		draw_text(4 + i, 4 + namew + kindw, phonew, role, o->phone);
	}
	snprintf(count, sizeof count, _("%ld found"), (long)l->n);
	draw_text(2, COLS - text_width(count) - 2, 20, R_DIM, count);
	draw_text(2, 2, 10, R_TITLE, _("Search:"));
	lineedit_draw(&l->search, 2, 12, COLS - 36);
}

static int olist_fkey(struct ui *ui, struct olist *l, int key)
{
	struct sx_err err = {0};
	struct org_edit_arg a = {0};
	char *ask;

	if (key == 2) {                 /* F2: a new organisation, named as searched */
		l->stale = 1;
		a.name = lineedit_text(&l->search);
		ui_push(ui, &screen_org_edit, &a);
		free((char *)a.name);
		return RD_ALL;
	}
	if (key != 8 || !l->n)
		return RD_NONE;
	ask = xasprintf(_("Delete \"%s\" from the network, with the parts it took?"),
			l->rows[l->sel].name);
	if (draw_confirm(ask)) {
		if (orgs_delete(ui_ctx(ui)->db, l->rows[l->sel].uuid, &err) == 0)
			ui_message(ui, 0, "%s", _("Deleted."));
		else
			ui_message(ui, 1, "%s", sx_err_last(&err));
		refresh_rows(ui, l);
	}
	free(ask);
	sx_err_clear(&err);
	return RD_ALL;
}

static int olist_handle(struct ui *ui, void *state, const struct input *in)
{
	struct olist *l = state;
	struct org_edit_arg a = {0};

	if (listview_move(&l->sel, (long)l->n, LINES - 7, in, 0))
		return RD_SCREEN;
	switch (in->act) {
	case ACT_BACK:
		ui_pop(ui);
		return RD_ALL;
	case ACT_OK:
		if (l->n) {
			l->stale = 1;
			a.uuid = l->rows[l->sel].uuid;
			ui_push(ui, &screen_org_edit, &a);
		}
		return RD_ALL;
	case ACT_FKEY:
		return olist_fkey(ui, l, (int)in->ch);
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

static void olist_leave(struct ui *ui, void *state)
{
	struct olist *l = state;
	(void)ui;
	free_rows(l);
	free(l);
}

const struct screen screen_org_list = {
	.name = "org_list",
	.enter = olist_enter,
	.draw = olist_draw,
	.handle = olist_handle,
	.leave = olist_leave,
	.keys = N_("Type to search  Enter open  F2 new  F8 delete  Esc back"),
	.help = N_("The network of cleaner-production support organisations: CP centres, "
		   "consultants, universities and institutes, funds and banks, associations. "
		   "Type part of a name to find one; capitals and accents do not matter. Enter "
		   "opens it, F2 adds a new one named as you searched, F8 deletes the selected "
		   "one after asking. Name an organisation as organiser, trainer or adviser with "
		   "'sxsh org link'; the HTML report lists what each took part in."),
};
