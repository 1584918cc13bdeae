/* facility_list.c — the facilities registry: search as you type, open,
 * add, delete. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "ui/draw.h"
#include "records/facility.h"
#include "base/i18n.h"
#include "ui/lineedit.h"
#include "ui/listview.h"
#include "base/mem.h"
#include "records/places.h"
#include "ui/screen.h"
#include "base/text.h"

#define SHOW_MAX 500

struct flist {
	struct lineedit search;        /* the query being typed */
	struct facility_row *rows;     /* matches, in Vietnamese order */
	long n;                        /* how many */
	int sel, top;                  /* selection and scroll */
	int stale;                     /* re-run the search before drawing */
	char *picked;                  /* picking mode: where Enter puts the uuid */
	char *area;                    /* F6: only this place (the home area), or NULL */
	char *area_name;               /* its name */
};

static void refresh_rows(struct ui *ui, struct flist *l)
{
	struct sx_err err = {0};
	char *q = lineedit_text(&l->search);

	facility_rows_free(l->rows, l->n > 0 ? (size_t)l->n : 0);
	l->n = facility_search_in(ui_ctx(ui)->db, q, l->area, SHOW_MAX, &l->rows, &err);
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

/* F6: filter by the officer's home area (a commune or ward), or stop. */
static void toggle_area(struct ui *ui, struct flist *l)
{
	struct sx_db *db = ui_ctx(ui)->db;
	char province[37], *home;

	if (l->area) {
		free(l->area);
		free(l->area_name);
		l->area = l->area_name = NULL;
		return;
	}
	home = db_setting(db, "home_area");
	places_province(db, province);
	if (!home || strcmp(home, province) == 0) {
		ui_message(ui, 1, "%s", _("Your home area is the whole province: choose a commune "
					  "or ward in Settings to filter by it."));
		free(home);
		return;
	}
	l->area = home;
	l->area_name = places_name(db, home);
	if (!l->area_name)
		l->area_name = xstrdup(home);
	l->sel = l->top = 0;
}

static void *flist_enter(struct ui *ui, const void *arg)
{
	struct flist *l = xcalloc(1, sizeof *l);
	const struct facility_pick_arg *pick = arg;
	l->picked = pick ? pick->picked : NULL;
	refresh_rows(ui, l);
	return l;
}

static const char *sector_label(const char *code)
{
	for (size_t i = 0; i < facility_nsectors; i++)
		if (strcmp(code, facility_sectors[i].code) == 0)
			return _(facility_sectors[i].label);
	return code;
}

static void flist_draw(struct ui *ui, void *state)
{
	struct flist *l = state;
	int rows = LINES - 7, namew = COLS / 2, placew = (COLS - namew - 6) / 2;
	char count[64];

	if (l->stale)
		refresh_rows(ui, l);
	ui_title(ui, _("Facilities"));
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
	draw_text(3, 2, namew, R_DIM, _("Name"));
	draw_text(3, 3 + namew, placew, R_DIM, _("District"));
	draw_text(3, 4 + namew + placew, COLS - namew - placew - 5, R_DIM, _("Sector"));
	if (l->n == 0)
		draw_text(5, 2, COLS - 4, R_NORMAL, _("No facility matches. Press F2 to add one."));
	for (int i = 0; i < rows && l->top + i < l->n; i++) {
		const struct facility_row *r = &l->rows[l->top + i];
		enum role role = l->top + i == l->sel ? R_SELECTED : R_NORMAL;
		if (role == R_SELECTED)
			draw_fill(4 + i, 1, COLS - 2, role);
		draw_text(4 + i, 2, namew, role, r->name);
		draw_text(4 + i, 3 + namew, placew, role, r->place);
		draw_text(4 + i, 4 + namew + placew, COLS - namew - placew - 5, role,
			  sector_label(r->sector));
	}
	if (l->area)
		snprintf(count, sizeof count, _("%ld in %s"), l->n, l->area_name);
	else
		snprintf(count, sizeof count, l->n >= SHOW_MAX ? _("first %ld") : _("%ld found"), l->n);
	draw_text(2, COLS - text_width(count) - 2, text_width(count), R_DIM, count);
	draw_text(2, 2, 10, R_TITLE, _("Search:"));
	lineedit_draw(&l->search, 2, 12, COLS - 36);
}

static int flist_handle(struct ui *ui, void *state, const struct input *in)
{
	struct flist *l = state;
	int rows = LINES - 7;
	char *q;

	if (listview_move(&l->sel, (long)l->n, rows, in, 0))
		return RD_SCREEN;
	switch (in->act) {
	case ACT_BACK:
		ui_pop(ui);
		return RD_ALL;
	case ACT_OK:
		if (l->n && l->picked) {
			snprintf(l->picked, 37, "%s", l->rows[l->sel].uuid);
			ui_pop(ui);
			return RD_ALL;
		}
		if (l->n) {
			l->stale = 1;
			struct facility_edit_arg a = { .uuid = l->rows[l->sel].uuid };
			ui_push(ui, &screen_facility_edit, &a);
		}
		return RD_ALL;
	case ACT_FKEY:
		if (in->ch == 2) {          /* F2: a new facility, named as searched */
			l->stale = 1;
			q = lineedit_text(&l->search);
			struct facility_edit_arg a = { .name = q };
			ui_push(ui, &screen_facility_edit, &a);
			free(q);
			return RD_ALL;
		}
		if (in->ch == 6) {          /* F6: only the home area, or everywhere */
			toggle_area(ui, l);
			refresh_rows(ui, l);
			return RD_SCREEN;
		}
		if (in->ch == 5 && l->n) {  /* F5: the facility's assessments */
			struct assess_list_arg a = { .facility = l->rows[l->sel].uuid };
			ui_push(ui, &screen_assess_list, &a);
			return RD_ALL;
		}
		if (in->ch == 8 && l->n) {  /* F8: delete, after asking */
			struct sx_err err = {0};
			char *ask = xasprintf(_("Delete the facility \"%s\"? Its assessments are kept."),
					      l->rows[l->sel].name);
			if (draw_confirm(ask)) {
				if (facility_delete(ui_ctx(ui)->db, l->rows[l->sel].uuid, &err) == 0)
					ui_message(ui, 0, "%s", _("Deleted."));
				else
					ui_message(ui, 1, "%s", sx_err_last(&err));
				refresh_rows(ui, l);
			}
			free(ask);
			sx_err_clear(&err);
			return RD_ALL;
		}
		return RD_NONE;
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

static void flist_leave(struct ui *ui, void *state)
{
	struct flist *l = state;
	(void)ui;
	facility_rows_free(l->rows, (size_t)l->n);
	free(l->area);
	free(l->area_name);
	free(l);
}

const struct screen screen_facility_list = {
	.name = "facility_list",
	.enter = flist_enter,
	.draw = flist_draw,
	.handle = flist_handle,
	.leave = flist_leave,
	.keys = N_("Type to search  Enter open  F2 new  F5 assessments  F8 delete  Esc back"),
	.help = N_("Type part of a facility's name to find it; capitals and accents do not "
		   "matter (\"mai son\" finds \"Mai Sơn\", \"d\" finds \"đ\"). The list is in "
		   "Vietnamese alphabetical order. Enter opens the selected facility, F2 adds a "
		   "new one named as you searched, F5 lists its assessments and starts a new "
		   "one, F8 deletes the selected one after asking. F6 shows only the "
		   "facilities of your commune or ward (with those recorded under the old "
		   "communes it was formed from), and F6 again all of them."),
};
