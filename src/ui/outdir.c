/* outdir.c — the folder files are written to, and the prompt that shows it. */
#include "ui/outdir.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/mem.h"
#include "base/platform.h"
#include "base/text.h"
#include "ui/draw.h"

/* The setting that keeps the folder. */
#define SET_OUTPUT_DIR "output_dir"

char *outdir_expand(const char *path)
{
	const char *home = getenv("HOME");

	if (path[0] == '~' && (path[1] == '/' || !path[1]) && home && *home)
		return xasprintf("%s%s", home, path + 1);
	return xstrdup(path);
}

/* path with a leading $HOME shown as ~, as the officer would type it.  Caller frees. */
static char *tilde(const char *path)
{
	const char *home = getenv("HOME");
	size_t n = home ? strlen(home) : 0;

	if (n > 1 && strncmp(path, home, n) == 0 && (path[n] == '/' || !path[n]))
		return xasprintf("~%s", path + n);
	return xstrdup(path);
}

char *outdir_current(struct sx_db *db)
{
	char *dir = db_setting(db, SET_OUTPUT_DIR), *shown;

	if (dir && *dir)
		return dir;
	free(dir);
	dir = platform_documents_dir();
	shown = tilde(dir ? dir : ".");
	free(dir);
	return shown;
}

char *outdir_join(const char *typed, const char *name)
{
	char *dir = xstrdup(*typed ? typed : ".");
	char *path = xasprintf("%s%s%s", dir, platform_is_sep(dir[strlen(dir) - 1]) ? "" : "/",
			       name);
	free(dir);
	return path;
}

char *outdir_file(const char *typed, const char *name)
{
	char *shown = outdir_join(typed, name), *path = outdir_expand(shown);
	free(shown);
	return path;
}

void outdir_remember(struct sx_db *db, const char *typed)
{
	db_set_setting(db, SET_OUTPUT_DIR, typed, NULL);
}

void outdir_ask_start(struct outdir_ask *a, struct sx_db *db)
{
	char *dir = outdir_current(db);
	lineedit_set(&a->le, dir);
	a->on = 1;
	free(dir);
}

void outdir_ask_draw(const struct outdir_ask *a)
{
	const char *label = _("Save in folder:");
	int x = 3 + text_width(label);

	draw_fill(LINES - 3, 1, COLS - 2, R_NORMAL);
	draw_text(LINES - 3, 2, COLS - 4, R_TITLE, label);
	draw_text(LINES - 2, 2, COLS - 4, R_DIM,
		  _("Enter writes the file there (the folder is remembered). Esc cancels."));
	lineedit_draw(&a->le, LINES - 3, x, COLS - x - 2);
}

int outdir_ask_handle(struct outdir_ask *a, const struct input *in)
{
	if (in->act == ACT_BACK) {
		a->on = 0;
		return OUTDIR_CANCEL;
	}
	if (in->act == ACT_OK) {
		a->on = 0;
		return OUTDIR_GO;
	}
	lineedit_handle(&a->le, in);
	return OUTDIR_EDIT;
}
