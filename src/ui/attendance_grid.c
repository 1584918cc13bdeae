/* attendance_grid.c — the attendance sheet of a session on screen: one row
 * per participant, one column per day, a tick saved the moment it is made.
 * From the signed paper sheet: F5 ticks everyone present on the day, then
 * the number of a row without signature (digits go to that row) and Space
 * mark the absent ones; a letter jumps to the next name starting with it. */
#include <wctype.h>
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "training/attendance.h"
#include "base/date.h"
#include "ui/draw.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "ui/pending.h"
#include "ui/screen.h"
#include "training/session.h"
#include "base/text.h"
#include "ui/listview.h"

#define DAY_W 7     /* " 12/05 " */
#define FIRST_ROW 4 /* the first participant's row */

struct grid {
	struct session s;              /* the session */
	struct attendance_grid g;      /* participants, days, ticks */
	int row, col;                  /* the cell under the cursor */
	int top, left;                 /* first participant and first day shown */
	int number;                    /* the row number being typed, 0 for none */
};

static void *grid_enter(struct ui *ui, const void *arg)
{
	struct grid *v = xcalloc(1, sizeof *v);
	struct sx_err err = {0};
	struct sx_db *db = ui_ctx(ui)->db;

	if (session_get(db, arg, &v->s, &err) != 0 ||
	    attendance_grid_load(db, &v->s, &v->g, &err) != 0)
		ui_message(ui, 1, "%s", sx_err_last(&err));
	sx_err_clear(&err);
	return v;
}

/* Columns and rows that fit on the screen now. */
static int name_w(void) { return COLS > 100 ? 40 : COLS / 2 - 8; }
static int days_fit(void) { int n = (COLS - name_w() - 7) / DAY_W; return n < 1 ? 1 : n; }
static int rows_fit(void) { return LINES - FIRST_ROW - 4; }

static void scroll_into_view(struct grid *v)
{
	int rows = rows_fit(), days = days_fit();
	if (v->row < v->top)
		v->top = v->row;
	if (v->row >= v->top + rows)
		v->top = v->row - rows + 1;
	if (v->col < v->left)
		v->left = v->col;
	if (v->col >= v->left + days)
		v->left = v->col - days + 1;
}

static void draw_header(struct grid *v)
{
	int x = 6 + name_w();
	char d[11];

	draw_text(2, 2, COLS - 4, R_TITLE, v->s.title ? v->s.title : "");
	draw_text(3, 2, 4, R_DIM, _("No."));
	draw_text(3, 7, name_w() - 1, R_DIM, _("Full name"));
	for (int k = 0; k < days_fit() && v->left + k < (int)v->g.ndays; k++) {
		date_format_user(v->g.days[v->left + k], d);
		d[5] = '\0';
		draw_text(3, x + k * DAY_W + 1, DAY_W - 1, R_DIM, d);
	}
	if (v->left > 0)
		draw_text(3, x - 1, 1, R_DIM, "‹");
	if (v->left + days_fit() < (int)v->g.ndays)
		draw_text(3, COLS - 2, 1, R_DIM, "›");
}

static void draw_totals(struct grid *v)
{
	int x = 6 + name_w(), y = LINES - 3;
	char buf[32];

	draw_fill(y - 1, 2, COLS - 4, R_NORMAL);
	mvhline(y - 1, 2, ACS_HLINE, COLS - 4);
	snprintf(buf, sizeof buf, "%zu", v->g.n);
	draw_text(y, 2, name_w() + 3, R_TITLE, _("Present"));
	for (int k = 0; k < days_fit() && v->left + k < (int)v->g.ndays; k++) {
		snprintf(buf, sizeof buf, "%3d", attendance_grid_total(&v->g, (size_t)(v->left + k)));
		draw_text(y, x + k * DAY_W + 1, DAY_W - 1, R_TITLE, buf);
	}
}

static void grid_draw(struct ui *ui, void *state)
{
	struct grid *v = state;
	int x = 6 + name_w(), rows = rows_fit();
	char num[16], *count;

	ui_title(ui, _("Attendance"));
	scroll_into_view(v);
	draw_header(v);
	if (v->g.n == 0)
		draw_text(FIRST_ROW, 2, COLS - 4, R_NORMAL,
			  _("Nobody is registered. Press Esc, then F2 to register people."));
	for (int i = 0; i < rows && v->top + i < (int)v->g.n; i++) {
		int r = v->top + i, y = FIRST_ROW + i;
		snprintf(num, sizeof num, "%3d", r + 1);
		draw_text(y, 2, 4, r == v->row ? R_TITLE : R_NORMAL, num);
		draw_text(y, 7, name_w() - 1, r == v->row ? R_TITLE : R_NORMAL,
			  v->g.people[r].full_name);
		for (int k = 0; k < days_fit() && v->left + k < (int)v->g.ndays; k++) {
			int c = v->left + k, on = r == v->row && c == v->col;
			int tick = v->g.present[(size_t)r * v->g.ndays + (size_t)c];
			draw_text(y, x + k * DAY_W + 1, 5, on ? R_SELECTED : R_NORMAL,
				  tick ? " [x] " : " [ ] ");
		}
	}
	draw_totals(v);
	count = xasprintf(_("%zu participants, %zu days"), v->g.n, v->g.ndays);
	draw_text(LINES - 3, COLS - text_width(count) - 2, text_width(count), R_DIM, count);
	free(count);
}

/* F5: tick everyone not yet present on the day under the cursor. */
static void all_present(struct ui *ui, struct grid *v)
{
	struct sx_err err = {0};
	int marked = 0;

	for (size_t r = 0; r < v->g.n; r++) {
		unsigned char *cell = &v->g.present[r * v->g.ndays + (size_t)v->col];
		if (*cell)
			continue;
		if (attendance_mark(ui_ctx(ui)->db, v->s.uuid, v->g.people[r].person_uuid,
				    v->g.days[v->col], 1, &err) != 0) {
			ui_message(ui, 1, "%s", pending_why(ui, &err));
			sx_err_clear(&err);
			return;
		}
		*cell = 1;
		marked++;
	}
	ui_message(ui, 0, _("%d more ticked present. Type the number of someone absent, then "
			    "Space."), marked);
}

/* A digit: go to the row with the number typed so far (12 is 1, then 12). */
static void go_number(struct grid *v, int digit)
{
	int n = v->number * 10 + digit;
	v->number = n >= 1 && n <= (int)v->g.n ? n : digit;
	if (v->number >= 1 && v->number <= (int)v->g.n)
		v->row = v->number - 1;
}

static const char *row_name(size_t i, void *arg)
{
	return ((struct grid *)arg)->g.people[i].full_name;
}

/* Flip the cell under the cursor, save it, and move down to the next. */
static void toggle(struct ui *ui, struct grid *v)
{
	struct sx_err err = {0};
	unsigned char *cell = &v->g.present[(size_t)v->row * v->g.ndays + (size_t)v->col];
	const struct participant *p = &v->g.people[v->row];

	if (attendance_mark(ui_ctx(ui)->db, v->s.uuid, p->person_uuid, v->g.days[v->col],
			    !*cell, &err) != 0) {
		ui_message(ui, 1, "%s", pending_why(ui, &err));   /* the cell stays as saved */
	} else {
		*cell = !*cell;
		if (v->row + 1 < (int)v->g.n)
			v->row++;
	}
	sx_err_clear(&err);
}

static int grid_handle(struct ui *ui, void *state, const struct input *in)
{
	struct grid *v = state;
	int n = (int)v->g.n, page = rows_fit() - 1;

	if (in->act == ACT_CHAR && iswdigit((wint_t)in->ch) && n) {
		go_number(v, (int)(in->ch - L'0'));
		return RD_SCREEN;
	}
	v->number = 0;
	switch (in->act) {
	case ACT_BACK: ui_pop(ui); return RD_ALL;
	case ACT_UP: v->row--; break;
	case ACT_DOWN: v->row++; break;
	case ACT_PGUP: v->row -= page; break;
	case ACT_PGDN: v->row += page; break;
	case ACT_HOME: v->row = 0; break;
	case ACT_END: v->row = n - 1; break;
	case ACT_LEFT: case ACT_BTAB: v->col--; break;
	case ACT_RIGHT: case ACT_TAB: v->col++; break;
	case ACT_OK:
		if (n && v->g.ndays)
			toggle(ui, v);
		break;
	case ACT_FKEY:
		if (in->ch != 5 || !n || !v->g.ndays)
			return RD_NONE;
		all_present(ui, v);
		break;
	case ACT_CHAR:
		if (in->ch != ' ') {
			long to = listview_jump(v->g.n, v->row, in->ch, row_name, v);
			if (to < 0)
				return RD_NONE;
			v->row = (int)to;
		} else if (n && v->g.ndays) {
			toggle(ui, v);
		}
		break;
	default:
		return RD_NONE;
	}
	if (v->row >= n)
		v->row = n - 1;
	if (v->row < 0)
		v->row = 0;
	if (v->col >= (int)v->g.ndays)
		v->col = (int)v->g.ndays - 1;
	if (v->col < 0)
		v->col = 0;
	return RD_SCREEN;
}

static void grid_leave(struct ui *ui, void *state)
{
	struct grid *v = state;
	(void)ui;
	attendance_grid_free(&v->g);
	session_clear(&v->s);
	free(v);
}

const struct screen screen_attendance = {
	.name = "attendance",
	.enter = grid_enter,
	.draw = grid_draw,
	.handle = grid_handle,
	.leave = grid_leave,
	.keys = N_("Arrows move  Space/Enter present/absent  F5 all present  12 row 12  Esc back"),
	.help = N_("One row per participant, one column per day of the session. Space or "
		   "Enter ticks the person under the cursor present (or back to absent) and "
		   "moves down to the next, so a day's column is filled from top to bottom. "
		   "Left and Right (or Tab) change the day. F5 ticks everyone present on the "
		   "day; then type the number of a row (as on the printed sign-in sheet) to go "
		   "there and Space to mark that person absent. A letter jumps to the next name "
		   "starting with it. Each tick is saved at once; the Present row counts the "
		   "people ticked each day."),
};
