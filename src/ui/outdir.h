/* outdir.h — the folder the files the UI writes (sign-in sheets, assessment reports) go
 * to: the one the officer used last (the output_dir setting), else the documents folder,
 * and the bottom-line prompt that shows it before writing.  The prompt's state belongs to
 * the screen that asks; the strings returned are the caller's to free. */
#ifndef SX_OUTDIR_H
#define SX_OUTDIR_H

#include "db/db.h"
#include "ui/lineedit.h"

/* The folder as the officer would type it ("~/Documents").  Caller frees. */
char *outdir_current(struct sx_db *db);
/* The file name in the folder typed, as typed ("~/Documents/x.html").  Caller frees. */
char *outdir_join(const char *typed, const char *name);
/* The same as a path to open (a leading ~ is $HOME, as in a shell).  Caller frees. */
char *outdir_file(const char *typed, const char *name);
/* Remember the folder typed for the next file. */
void outdir_remember(struct sx_db *db, const char *typed);
/* A leading ~ replaced by $HOME.  Caller frees. */
char *outdir_expand(const char *path);

/* The prompt on the bottom lines: "Save in folder: ~/Documents". */
struct outdir_ask {
	int on;               /* shown and reading keys */
	struct lineedit le;   /* the folder being typed */
};
enum { OUTDIR_EDIT, OUTDIR_CANCEL, OUTDIR_GO };
/* Show it, filled with outdir_current(). */
void outdir_ask_start(struct outdir_ask *a, struct sx_db *db);
/* Draw it over the two rows above the key bar (last: the cursor stays in it). */
void outdir_ask_draw(const struct outdir_ask *a);
/* A key while it is shown: OUTDIR_GO for Enter (the prompt closes; the folder is
 * lineedit_text(&a->le)), OUTDIR_CANCEL for Esc, else OUTDIR_EDIT. */
int outdir_ask_handle(struct outdir_ask *a, const struct input *in);

#endif
