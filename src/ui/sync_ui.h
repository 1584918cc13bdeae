/* sync_ui.h — what the parts of the Sync screen share: its state, and the
 * drawing of progress and results (sync_result.c) that sync_screen.c uses. */
#ifndef SX_SYNC_UI_H
#define SX_SYNC_UI_H

#include "base/err.h"
#include "ui/lineedit.h"
#include "sync/sync_export.h"
#include "sync/sync_import.h"

/* Rows of the screen: the two forms on top, the result area below. */
enum sync_row_y { Y_EXPORT = 2, Y_DIR = 3, Y_SHEET = 4, Y_IMPORT = 5, Y_PATH = 6, Y_HINT = 7, Y_RESULT = 8 };

/* The fields, in the order Up and Down move through them. */
enum field { F_DIR, F_SHEET, F_PATH, NFIELDS };

/* What the result area shows. */
enum shown { SHOW_NOTHING, SHOW_EXPORTED, SHOW_DRY_RUN, SHOW_IMPORTED, SHOW_FAILED };

/* The Sync screen's state. */
struct sync_state {
	struct lineedit dir;            /* export folder as typed (~ allowed) */
	int spreadsheet;                /* export for a spreadsheet */
	struct lineedit path;           /* import folders or files, separated by ; */
	enum field at;                  /* the field with the cursor */
	enum shown shown;               /* what the result area holds */
	int confirming;                 /* the dry run waits for y or n */
	char *where;                    /* folder exported to, as typed */
	char **paths;                   /* what the dry run read (expanded); NULL-ended */
	int npaths;                     /* how many */
	struct sync_export_result out;  /* the last export */
	struct sync_import_result res;  /* the last dry run or import */
	struct sx_err errs;             /* why the last work failed */
	struct sx_err warns;            /* warnings of the last import (rejected rows…) */
	const char *doing;              /* the work in progress, for the bar */
	long long drawn_ms;             /* when the bar was last drawn */
};

/* Draw the bar for s->doing at frac (0..1) with a detail line, and show it
 * at once: the main loop does not draw while the engine works. */
void sync_ui_progress(struct sync_state *s, double frac, const char *detail);
/* The engine's progress hooks; arg is the struct sync_state. */
sync_import_progress_fn sync_ui_import_progress;
sync_export_progress_fn sync_ui_export_progress;
/* The counts of res summed over every table. */
struct sync_counts sync_ui_total(const struct sync_import_result *res);
/* Draw the result area for s->shown (export or import, done or failed). */
void sync_ui_draw_result(const struct sync_state *s);

#endif
