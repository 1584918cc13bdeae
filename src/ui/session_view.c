/* session_view.c — one session: its heading, its participants, and the way
 * to registration, the attendance grid, the sign-in sheet and the import of
 * a participant list.  The sheet goes to a folder the officer confirms on
 * the bottom line (the documents folder the first time, then the last one
 * used, remembered in the settings). */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "training/attendance.h"
#include "base/date.h"
#include "ui/draw.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "ui/lineedit.h"
#include "ui/outdir.h"
#include "ui/screen.h"
#include "training/session.h"
#include "training/sheet.h"
#include "base/text.h"
#include "ui/training.h"

/* Rows used by the heading above the list. */
#define HEAD_ROWS 5
/* Settings: the last list imported (the folder files go to: ui/outdir.h). */
#define SET_LIST_PATH "participants_list_path"

/* What the bottom line asks for. */
enum { ASK_NONE, ASK_HTML, ASK_TEXT, ASK_LIST };

struct sview {
	char uuid[37];                 /* the session */
	struct session s;              /* its record */
	struct participant *people;    /* its participants */
	long n;                        /* how many */
	long facilities;               /* facilities represented */
	int sel, top;                  /* selection and scroll */
	int stale;                     /* reload before drawing */
	struct register_draft *draft;  /* the registration form, kept across Esc */
	int ask;                       /* ASK_*: the folder or file being typed */
	struct lineedit path;          /* what is typed there */
};

static void reload(struct ui *ui, struct sview *v)
{
	struct sx_err err = {0};
	struct sx_db *db = ui_ctx(ui)->db;

	session_clear(&v->s);
	attendance_participants_free(v->people, v->n > 0 ? (size_t)v->n : 0);
	v->people = NULL;
	v->n = 0;
	if (session_get(db, v->uuid, &v->s, &err) != 0 ||
	    (v->n = attendance_participants(db, v->uuid, &v->people, &err)) < 0 ||
	    (v->facilities = attendance_facilities(db, v->uuid, &err)) < 0) {
		ui_message(ui, 1, "%s", sx_err_last(&err));
		if (v->n < 0)
			v->n = 0;
	}
	if (v->sel >= v->n)
		v->sel = v->n ? (int)v->n - 1 : 0;
	v->stale = 0;
	sx_err_clear(&err);
}

static void *sview_enter(struct ui *ui, const void *arg)
{
	struct sview *v = xcalloc(1, sizeof *v);
	snprintf(v->uuid, sizeof v->uuid, "%s", arg ? (const char *)arg : "");
	v->draft = register_draft_new();
	reload(ui, v);
	return v;
}

static void draw_heading(struct sview *v)
{
	char a[11], b[11], *line;
	long walk = 0;

	draw_text(2, 2, COLS - 4, R_TITLE, v->s.title ? v->s.title : "");
	date_format_user(v->s.start_date ? v->s.start_date : "", a);
	date_format_user(v->s.end_date ? v->s.end_date : "", b);
	line = xasprintf("%s · %s%s%s%s%s", session_kind_label(v->s.kind), a,
			 strcmp(a, b) ? " – " : "", strcmp(a, b) ? b : "",
			 v->s.venue ? " · " : "", v->s.venue ? v->s.venue : "");
	draw_text(3, 2, COLS - 4, R_NORMAL, line);
	free(line);
	for (long i = 0; i < v->n; i++)
		walk += v->people[i].walk_in;
	line = xasprintf(_("Participants: %ld   Walk-ins: %ld   Facilities represented: %ld"),
			 v->n, walk, v->facilities);
	draw_text(4, 2, COLS - 4, R_DIM, line);
	free(line);
}

static void draw_ask(struct sview *v);

static void sview_draw(struct ui *ui, void *state)
{
	struct sview *v = state;
	int y0 = HEAD_ROWS + 1, rows = LINES - y0 - 2, namew = COLS / 2 - 6;
	char num[16], year[8];

	if (v->stale)
		reload(ui, v);
	ui_title(ui, v->s.code ? v->s.code : _("Session"));
	draw_heading(v);
	if (v->sel < v->top)
		v->top = v->sel;
	if (v->sel >= v->top + rows)
		v->top = v->sel - rows + 1;
	draw_text(HEAD_ROWS, 2, 4, R_DIM, _("No."));
	draw_text(HEAD_ROWS, 7, namew, R_DIM, _("Full name"));
	draw_text(HEAD_ROWS, 8 + namew, 8, R_DIM, _("Born"));
	draw_text(HEAD_ROWS, 17 + namew, COLS - namew - 19, R_DIM, _("Unit"));
	if (v->n == 0)
		draw_text(y0, 2, COLS - 4, R_NORMAL,
			  _("Nobody registered yet. F2 registers people, F3 a walk-in."));
	for (int i = 0; i < rows && v->top + i < v->n; i++) {
		const struct participant *p = &v->people[v->top + i];
		enum role role = v->top + i == v->sel ? R_SELECTED : R_NORMAL;
		if (role == R_SELECTED)
			draw_fill(y0 + i, 1, COLS - 2, role);
		snprintf(num, sizeof num, "%3d%s", v->top + i + 1, p->walk_in ? "*" : "");
		snprintf(year, sizeof year, "%.4d", p->birth_year);
		draw_text(y0 + i, 2, 4, role, num);
		draw_text(y0 + i, 7, namew, role, p->full_name);
		draw_text(y0 + i, 8 + namew, 8, role, p->birth_year ? year : "");
		draw_text(y0 + i, 17 + namew, COLS - namew - 19, role, p->unit);
	}
	if (v->ask)
		draw_ask(v);
}

/* Start asking on the bottom line, the field filled with what was used last. */
static void start_ask(struct ui *ui, struct sview *v, int what)
{
	struct sx_db *db = ui_ctx(ui)->db;
	char *text = what == ASK_LIST ? db_setting(db, SET_LIST_PATH) : NULL;

	if (!text || !*text) {
		char *dir = outdir_current(db);
		free(text);
		text = what == ASK_LIST ? xasprintf("%s/", dir) : xstrdup(dir);
		free(dir);
	}
	lineedit_set(&v->path, text);
	v->ask = what;
	free(text);
}

/* Write the sign-in sheet into the folder typed, and remember that folder. */
static void write_sheet(struct ui *ui, struct sview *v, enum sheet_format fmt)
{
	struct sx_err err = {0};
	struct sx_db *db = ui_ctx(ui)->db;
	char *typed = lineedit_text(&v->path), *name = sheet_file_name(&v->s, fmt);
	char *path = outdir_file(typed, name);

	if (sheet_save(db, &v->s, fmt, path, &err) == 0) {
		char *shown = outdir_join(typed, name);   /* where, as the officer typed it */
		ui_message_path(ui, _("Written: %s"), shown);
		outdir_remember(db, typed);
		free(shown);
	} else {
		ui_message(ui, 1, "%s", sx_err_last(&err));
	}
	free(typed);
	free(name);
	free(path);
	sx_err_clear(&err);
}

/* Open the preview of the list typed, and remember its path. */
static void open_list(struct ui *ui, struct sview *v)
{
	char *typed = lineedit_text(&v->path), *path = outdir_expand(typed);
	struct list_import_arg a = { .session_uuid = v->uuid, .path = path };

	db_set_setting(ui_ctx(ui)->db, SET_LIST_PATH, typed, NULL);
	v->stale = 1;
	ui_push(ui, &screen_list_import, &a);
	free(typed);
	free(path);
}

/* Keys while the bottom line asks for a folder or a file. */
static int ask_handle(struct ui *ui, struct sview *v, const struct input *in)
{
	int what = v->ask;

	if (in->act == ACT_BACK) {
		v->ask = ASK_NONE;
		return RD_ALL;
	}
	if (in->act != ACT_OK)
		return lineedit_handle(&v->path, in) ? RD_SCREEN : RD_NONE;
	v->ask = ASK_NONE;
	if (what == ASK_LIST)
		open_list(ui, v);
	else
		write_sheet(ui, v, what == ASK_HTML ? SHEET_HTML : SHEET_TEXT);
	return RD_ALL;
}

static void draw_ask(struct sview *v)
{
	const char *label = v->ask == ASK_LIST ? _("List to import (CSV):")
		: _("Save in folder:");
	int x = 3 + text_width(label);

	draw_fill(LINES - 3, 1, COLS - 2, R_NORMAL);
	draw_text(LINES - 3, 2, COLS - 4, R_TITLE, label);
	draw_text(LINES - 2, 2, COLS - 4, R_DIM, v->ask == ASK_LIST
		  ? _("Enter shows what the list would do; nothing is written yet. Esc cancels.")
		  : _("Enter writes the file there (the folder is remembered). Esc cancels."));
	lineedit_draw(&v->path, LINES - 3, x, COLS - x - 2);   /* last: the cursor stays here */
}

static int remove_selected(struct ui *ui, struct sview *v)
{
	struct sx_err err = {0};
	const struct participant *p = &v->people[v->sel];
	char *ask = xasprintf(_("Remove %s from this session, with their attendance ticks?"),
			      p->full_name);
	if (draw_confirm(ask)) {
		if (attendance_unregister(ui_ctx(ui)->db, v->uuid, p->person_uuid, &err) == 0)
			ui_message(ui, 0, "%s", _("Removed."));
		else
			ui_message(ui, 1, "%s", sx_err_last(&err));
		reload(ui, v);
	}
	free(ask);
	sx_err_clear(&err);
	return RD_ALL;
}

static int sview_fkey(struct ui *ui, struct sview *v, int key)
{
	struct register_arg ra = { .session_uuid = v->uuid, .walk_in = key == 3,
				   .draft = v->draft };
	v->stale = 1;
	switch (key) {
	case 2: case 3: ui_push(ui, &screen_register, &ra); return RD_ALL;
	case 4: ui_push(ui, &screen_attendance, v->uuid); return RD_ALL;
	case 5: start_ask(ui, v, ASK_HTML); return RD_ALL;
	case 6: start_ask(ui, v, ASK_TEXT); return RD_ALL;
	case 9: start_ask(ui, v, ASK_LIST); return RD_ALL;
	case 7: ui_push(ui, &screen_session_edit, v->uuid); return RD_ALL;
	case 8: return v->n ? remove_selected(ui, v) : RD_NONE;
	default: return RD_NONE;
	}
}

static int sview_handle(struct ui *ui, void *state, const struct input *in)
{
	struct sview *v = state;
	int rows = LINES - HEAD_ROWS - 3;
	struct record_arg pa;

	if (v->ask)
		return ask_handle(ui, v, in);
	switch (in->act) {
	case ACT_UP: if (v->sel > 0) v->sel--; return RD_SCREEN;
	case ACT_DOWN: if (v->sel + 1 < v->n) v->sel++; return RD_SCREEN;
	case ACT_PGUP: v->sel = v->sel > rows ? v->sel - rows : 0; return RD_SCREEN;
	case ACT_PGDN: v->sel = v->sel + rows < v->n ? v->sel + rows : (int)v->n - 1;
		if (v->sel < 0) v->sel = 0;
		return RD_SCREEN;
	case ACT_HOME: v->sel = 0; return RD_SCREEN;
	case ACT_END: v->sel = v->n ? (int)v->n - 1 : 0; return RD_SCREEN;
	case ACT_BACK:
		ui_pop(ui);
		return RD_ALL;
	case ACT_OK:
		if (!v->n)
			return RD_NONE;
		v->stale = 1;
		pa = (struct record_arg){ .uuid = v->people[v->sel].person_uuid };
		ui_push(ui, &screen_person_edit, &pa);
		return RD_ALL;
	case ACT_FKEY:
		return sview_fkey(ui, v, (int)in->ch);
	default:
		return RD_NONE;
	}
}

static void sview_leave(struct ui *ui, void *state)
{
	struct sview *v = state;
	(void)ui;
	session_clear(&v->s);
	attendance_participants_free(v->people, v->n > 0 ? (size_t)v->n : 0);
	register_draft_free(v->draft);
	free(v);
}

const struct screen screen_session_view = {
	.name = "session_view",
	.enter = sview_enter,
	.draw = sview_draw,
	.handle = sview_handle,
	.leave = sview_leave,
	.keys = N_("F2 register  F3 walk-in  F4 attendance  F5/F6 sheet  F7 edit  F8 del  F9 list"),
	.help = N_("The participants of a session, in alphabetical order; * marks a walk-in. "
		   "F2 registers people before the day, F3 registers walk-ins on the day (both "
		   "warn when the person is probably already in the registry). F4 opens the "
		   "attendance grid. F5 writes the printable sign-in sheet as an HTML page, F6 "
		   "as plain text, into the folder shown on the bottom line (your documents "
		   "folder the first time, then the one you used last; Enter writes). F7 edits "
		   "the session. F8 removes the selected participant after asking. F9 imports "
		   "a participant list saved from a spreadsheet as CSV: type its path, see what "
		   "each row would do, then Enter registers them. Enter opens the selected "
		   "person."),
};
