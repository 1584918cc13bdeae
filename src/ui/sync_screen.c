/* sync_screen.c — Sync with other laptops: export every record to a folder,
 * or import a folder or files after a dry run that the officer confirms.
 * The work is the sync engine's (src/sync); this screen only asks, shows
 * progress and shows what happened. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "assess/answer_conv.h"
#include "base/clock.h"
#include "ui/draw.h"
#include "base/i18n.h"
#include "ui/lineedit.h"
#include "base/mem.h"
#include "ui/screen.h"
#include "ui/sync_ui.h"
#include "base/text.h"

/* Settings that remember what was typed, for the next time. */
#define SET_EXPORT_DIR "sync_export_dir"
#define SET_SPREADSHEET "sync_spreadsheet"
#define SET_IMPORT_PATH "sync_import_path"

/* path with a leading ~ replaced by $HOME, as a shell would.  Caller frees. */
static char *expand_home(const char *path)
{
	const char *home = getenv("HOME");

	if (path[0] == '~' && (path[1] == '/' || !path[1]) && home && *home)
		return xasprintf("%s%s", home, path + 1);
	return xstrdup(path);
}

/* The folder offered the first time: in the home folder, named after this
 * installation and the day, so exports from several laptops never clash. */
static char *default_dir(struct sx_db *db)
{
	char day[11];

	clock_date(clock_now_ms(), day);
	return xasprintf("~/sxsh-export-%.8s-%s", db_origin(db), day);
}

static void *sync_enter(struct ui *ui, const void *arg)
{
	struct sync_state *s = xcalloc(1, sizeof *s);
	struct sx_db *db = ui_ctx(ui)->db;
	char *dir = db_setting(db, SET_EXPORT_DIR), *sheet = db_setting(db, SET_SPREADSHEET);
	char *path = db_setting(db, SET_IMPORT_PATH);

	(void)arg;
	if (!dir || !*dir) {
		free(dir);
		dir = default_dir(db);
	}
	lineedit_set(&s->dir, dir);
	lineedit_set(&s->path, path);
	s->spreadsheet = sheet && strcmp(sheet, "1") == 0;
	free(dir);
	free(sheet);
	free(path);
	return s;
}

/* Save a setting; a failure only costs the officer retyping next time. */
static void remember(struct ui *ui, const char *key, const char *value)
{
	struct sx_err err = {0};

	if (db_set_setting(ui_ctx(ui)->db, key, value, &err) != 0)
		ui_message(ui, 1, "%s", sx_err_last(&err));
	sx_err_clear(&err);
}

/* Forget the last result before new work. */
static void clear_result(struct sync_state *s)
{
	for (int i = 0; i < s->npaths; i++)
		free(s->paths[i]);
	free(s->paths);
	s->paths = NULL;
	s->npaths = 0;
	free(s->res.report);
	memset(&s->res, 0, sizeof s->res);
	free(s->where);
	s->where = NULL;
	sx_err_clear(&s->errs);
	sx_err_clear(&s->warns);
	s->shown = SHOW_NOTHING;
	s->confirming = 0;
}

/* Enter on the export form: write the folder, show how it went. */
static void run_export(struct ui *ui, struct sync_state *s)
{
	struct sync_export_opts o = { .since = -1, .spreadsheet = s->spreadsheet,
				      .on_progress = sync_ui_export_progress, .progress_arg = s };
	char *typed = lineedit_text(&s->dir), *dir;

	if (!*typed) {
		ui_message(ui, 1, "%s", _("Type the folder to export to, for example on a USB stick."));
		free(typed);
		return;
	}
	clear_result(s);
	remember(ui, SET_EXPORT_DIR, typed);
	remember(ui, SET_SPREADSHEET, s->spreadsheet ? "1" : "0");
	dir = expand_home(typed);
	s->doing = _("Exporting…");
	sync_ui_progress(s, 0, typed);
	if (sync_export(ui_ctx(ui)->db, dir, &o, &s->out, &s->errs) == 0)
		s->shown = SHOW_EXPORTED;
	else
		s->shown = SHOW_FAILED;
	s->where = typed;
	free(dir);
}

/* The import field split at ';', each part trimmed and expanded. */
static void split_paths(struct sync_state *s, const char *typed)
{
	const char *p = typed;

	s->paths = xcalloc(strlen(typed) / 2 + 2, sizeof *s->paths);
	while (*p) {
		size_t n = strcspn(p, ";");
		char *part = xstrndup(p, n), *t = text_trim(part);
		if (*t)
			s->paths[s->npaths++] = expand_home(t);
		free(t);
		free(part);
		p += n + (p[n] == ';');
	}
}

/* Run the import over s->paths (dry or real); -1 when it failed. */
static int import_paths(struct ui *ui, struct sync_state *s, int dry_run)
{
	struct sync_import_opts o = { .dry_run = dry_run, .on_progress = sync_ui_import_progress,
				      .progress_arg = s };
	struct answer_conv *conv = answer_conv_new(ui_ctx(ui)->db, ui_ctx(ui)->datadir);
	struct sync_conv sc = { answer_conv_answer, conv };
	int rc;

	o.conv = &sc;
	free(s->res.report);
	s->res.report = NULL;
	sx_err_clear(&s->errs);
	sx_err_clear(&s->warns);
	s->doing = dry_run ? _("Checking the files (nothing is written yet)…") : _("Importing…");
	sync_ui_progress(s, 0, "");
	rc = sync_import(ui_ctx(ui)->db, s->paths, s->npaths, &o, &s->res, &s->errs, &s->warns);
	answer_conv_free(conv);
	return rc;
}

/* Enter on the import field: the dry run, then the question. */
static void run_dry_run(struct ui *ui, struct sync_state *s)
{
	char *typed = lineedit_text(&s->path);
	struct sync_counts sum;

	clear_result(s);
	split_paths(s, typed);
	if (!s->npaths) {
		ui_message(ui, 1, "%s", _("Type the export folder or the CSV files to import."));
		free(typed);
		return;
	}
	remember(ui, SET_IMPORT_PATH, typed);
	free(typed);
	if (import_paths(ui, s, 1) != 0) {
		s->shown = SHOW_FAILED;
		return;
	}
	sum = sync_ui_total(&s->res);
	s->shown = SHOW_DRY_RUN;
	s->confirming = s->res.files > 0 && (sum.added || sum.updated || sum.conflicting ||
					     sum.rejected);
}

/* y after the dry run: the real import. */
static void run_import(struct ui *ui, struct sync_state *s)
{
	s->confirming = 0;
	s->shown = import_paths(ui, s, 0) == 0 ? SHOW_IMPORTED : SHOW_FAILED;
}

/* A field's label, and its marker when it has the cursor. */
static void draw_label(const struct sync_state *s, enum field f, int y, int w, const char *label)
{
	if (s->at == f && !s->confirming)
		draw_text(y, 2, 1, R_TITLE, ">");
	draw_text(y, 4, w, R_NORMAL, label);
}

static void sync_draw(struct ui *ui, void *state)
{
	struct sync_state *s = state;
	const char *ldir = _("Folder:"), *lsheet = _("For a spreadsheet:");
	const char *lpath = _("Folder or files:");
	int lw = text_width(ldir), x, fw;
	const char *hint[NFIELDS] = {
		_("Enter exports. A missing folder is made; an older export in it is replaced."),
		_("Yes: the files open well in a spreadsheet (Space, Left or Right changes it)."),
		_("Enter checks first and asks before writing. Several files: separate with ;"),
	};

	if (text_width(lsheet) > lw)
		lw = text_width(lsheet);
	if (text_width(lpath) > lw)
		lw = text_width(lpath);
	x = 5 + lw, fw = COLS - x - 2;
	ui_title(ui, _("Sync with other laptops (CSV)"));
	draw_text(Y_EXPORT, 2, COLS - 4, R_TITLE, _("Export every record into a folder"));
	draw_label(s, F_DIR, Y_DIR, lw, ldir);
	draw_label(s, F_SHEET, Y_SHEET, lw, lsheet);
	draw_text(Y_SHEET, x, fw, s->at == F_SHEET ? R_SELECTED : R_NORMAL,
		  s->spreadsheet ? _("< Yes >") : _("< No >"));
	draw_text(Y_IMPORT, 2, COLS - 4, R_TITLE, _("Import a folder or files from another laptop"));
	draw_label(s, F_PATH, Y_PATH, lw, lpath);
	if (!s->confirming)
		draw_text(Y_HINT, 2, COLS - 4, R_DIM, hint[s->at]);
	sync_ui_draw_result(s);
	lineedit_draw(s->at == F_DIR ? &s->path : &s->dir, s->at == F_DIR ? Y_PATH : Y_DIR, x, fw);
	lineedit_draw(s->at == F_DIR ? &s->dir : &s->path, s->at == F_DIR ? Y_DIR : Y_PATH, x, fw);
	if (s->at == F_SHEET || s->confirming)
		curs_set(0);
}

/* y or n after the dry run. */
static int confirm_handle(struct ui *ui, struct sync_state *s, const struct input *in)
{
	if (in->act == ACT_CHAR && wcschr(L"yYcC", in->ch)) {
		run_import(ui, s);
		return RD_ALL;
	}
	if (in->act == ACT_BACK || (in->act == ACT_CHAR && wcschr(L"nNkK", in->ch))) {
		s->confirming = 0;
		ui_message(ui, 0, "%s", _("Nothing was imported."));
		return RD_SCREEN;
	}
	return RD_NONE;
}

/* Keys on the spreadsheet field: Space, Left, Right change it; y or n set it. */
static int sheet_handle(struct sync_state *s, const struct input *in)
{
	if (in->act == ACT_LEFT || in->act == ACT_RIGHT || (in->act == ACT_CHAR && in->ch == ' '))
		s->spreadsheet = !s->spreadsheet;
	else if (in->act == ACT_CHAR && wcschr(L"yYcC", in->ch))
		s->spreadsheet = 1;
	else if (in->act == ACT_CHAR && wcschr(L"nNkK", in->ch))
		s->spreadsheet = 0;
	else
		return RD_NONE;
	return RD_SCREEN;
}

static int sync_handle(struct ui *ui, void *state, const struct input *in)
{
	struct sync_state *s = state;

	if (s->confirming)
		return confirm_handle(ui, s, in);
	switch (in->act) {
	case ACT_BACK:
		ui_pop(ui);
		return RD_ALL;
	case ACT_UP: case ACT_BTAB:
		s->at = (s->at + NFIELDS - 1) % NFIELDS;
		return RD_SCREEN;
	case ACT_DOWN: case ACT_TAB:
		s->at = (s->at + 1) % NFIELDS;
		return RD_SCREEN;
	case ACT_OK:
		if (s->at == F_PATH)
			run_dry_run(ui, s);
		else
			run_export(ui, s);
		return RD_ALL;
	case ACT_FKEY:
		if (in->ch == 3 && s->shown == SHOW_IMPORTED && s->res.report) {
			ui_push(ui, &screen_sync_report, s->res.report);
			return RD_ALL;
		}
		return RD_NONE;
	default:
		break;
	}
	if (s->at == F_SHEET)
		return sheet_handle(s, in);
	return lineedit_handle(s->at == F_DIR ? &s->dir : &s->path, in) ? RD_SCREEN : RD_NONE;
}

/* Keep what was typed for next time, even when it was not used yet. */
static void sync_leave(struct ui *ui, void *state)
{
	struct sync_state *s = state;
	char *dir = lineedit_text(&s->dir), *path = lineedit_text(&s->path);

	if (*dir)
		remember(ui, SET_EXPORT_DIR, dir);
	remember(ui, SET_IMPORT_PATH, path);
	remember(ui, SET_SPREADSHEET, s->spreadsheet ? "1" : "0");
	free(dir);
	free(path);
	clear_result(s);
	free(s);
}

const struct screen screen_sync = {
	.name = "sync",
	.enter = sync_enter,
	.draw = sync_draw,
	.handle = sync_handle,
	.leave = sync_leave,
	.keys = N_("Up/Down field  Enter export/check  Space yes/no  F3 report  Esc back  F1 help"),
	.help = N_("Export writes every record into a folder, one CSV file per table and a "
		   "manifest; take the whole folder (a USB stick, an e-mail) to the other laptop "
		   "or the provincial office. \"For a spreadsheet\" makes files that open well in "
		   "Excel or LibreOffice; sxsh still imports them.\n\n"
		   "Import reads an export folder, or CSV files named after their table "
		   "(facilities.csv), several separated by ;. It first checks everything without "
		   "writing and shows, per table, the rows that are new, updated, unchanged, "
		   "conflicting (the older version is kept in the history) or rejected (they "
		   "refer to a record this laptop does not have). Press y to import them, n to "
		   "stop. The report of an import is kept beside the database; F3 shows it.\n\n"
		   "A leading ~ means your home folder. The folders you type are remembered."),
};
