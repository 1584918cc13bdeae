/* searchlist.h — the one searchable list screen the registries configure.
 *
 * A search field (the list is searched again as each key is typed), a
 * count, column headings, a page of rows with a cursor (Up, Down, PageUp,
 * PageDown; Home and End stay with the field), an empty-state line and the
 * screen's key bar.  A list screen is a `struct screen` whose spec is its
 * `struct searchlist_ops` and whose enter, draw, handle and leave are the
 * searchlist_* functions below.  The table says where the rows come from (a
 * data part's query), how a row reads in columns, which record editor Enter
 * and F2 open, what F8 deletes, and what other keys do.
 *
 * The keys every list has, unless its own table names the key first:
 * Enter opens the row in ops->editor (a struct record_arg with its uuid), or,
 * when the list was opened with a struct pick_arg, stores the row's uuid
 * there and closes; F2 opens ops->editor for a new record named as searched;
 * F8 asks and deletes the row (searchlist_remove) when ops->remove is set. */
#ifndef SX_SEARCHLIST_H
#define SX_SEARCHLIST_H

#include <stddef.h>

#include "db/db.h"
#include "ui/screen.h"

/* Most columns a list may have. */
#define SEARCHLIST_COLS 8
/* Bytes a cell may build in its buffer (longer text is cut there). */
#define SEARCHLIST_CELL 1024

/* One column of the list for the current window width. */
struct searchlist_col {
	const char *heading;   /* N_() heading above the column, or NULL for none */
	int x, w;              /* first screen column and width in columns */
};

struct searchlist;

/* What Enter or an F-key does.  A table of these ends with act NULL. */
struct searchlist_key {
	int fkey;              /* the F-key's number, 0 for Enter */
	int needs_row;         /* does nothing while the list is empty */
	int stale;             /* search again when the list is back on top */
	/* Act on the selected row (NULL when the list is empty); returns RD_*. */
	int (*act)(struct ui *ui, struct searchlist *l, const void *row);
};

/* A list screen as a table; every string is N_() text. */
struct searchlist_ops {
	const char *title;     /* the title bar's heading */
	const char *empty;     /* the line shown when nothing matches */
	size_t row_size;       /* sizeof one row */
	/* At most limit rows matching query (the field's trimmed NFC text) and,
	 * when scope is not NULL, within that place, into *rows (allocated, or
	 * NULL); the count, or -1 with err. */
	long (*query)(struct sx_ctx *ctx, const char *query, const char *scope, size_t limit,
		      void **rows, struct sx_err *err);
	/* Instead of query (when set): the same, given what the screen kept
	 * (searchlist_open_kept()), for lists of rows the screen already holds. */
	long (*query_kept)(void *kept, const char *query, size_t limit, void **rows,
			   struct sx_err *err);
	void (*free_rows)(void *rows, size_t n);   /* free what query() made */
	/* Fill col[] for a window cols wide; returns how many columns. */
	int (*columns)(int cols, struct searchlist_col col[SEARCHLIST_COLS]);
	/* The text of column c of row: a string of the row, or buf filled in
	 * (n bytes). */
	const char *(*cell)(const void *row, int c, char *buf, size_t n);
	const struct searchlist_key *keys;        /* the list's own keys, or NULL */
	const struct screen *editor;  /* the record editor of Enter and F2, or NULL */
	size_t uuid_at;        /* offsetof the row's uuid (char[37]); 0: the first member */
	/* For searchlist_remove (NULL when the list deletes nothing): */
	const char *confirm;   /* the question, "%s" the row's label */
	size_t label_at;       /* offsetof the row's label (a char *) */
	int (*remove)(struct sx_db *db, const char *uuid, struct sx_err *err); /* 0 or -1 */
};

/* The screen's enter(): the list's state for the screen's spec (a static
 * struct searchlist_ops); arg NULL, or a struct pick_arg whose buffer
 * outlives the list. */
void *searchlist_enter(struct ui *ui, const void *arg);
/* For a screen that shows a list inside its own state: the list's state
 * for ops, whose query_kept (when set) is given kept (owned by the caller). */
void *searchlist_open_kept(struct ui *ui, const struct searchlist_ops *ops, void *kept);
/* What searchlist_open_kept() was given (F2 hands it to the editor as
 * record_arg.carry). */
void *searchlist_kept(const struct searchlist *l);
/* The screen's draw, handle and leave. */
void searchlist_draw(struct ui *ui, void *state);
int searchlist_handle(struct ui *ui, void *state, const struct input *in);
void searchlist_leave(struct ui *ui, void *state);

/* The uuid of a row of l. */
const char *searchlist_uuid(const struct searchlist *l, const void *row);
/* The search text as typed (trimmed NFC).  Caller frees. */
char *searchlist_text(const struct searchlist *l);
/* The place the list is limited to, or NULL. */
const char *searchlist_scope(const struct searchlist *l);
/* Limit the list to the place uuid called name (uuid NULL: everywhere) and search again. */
void searchlist_set_scope(struct ui *ui, struct searchlist *l, const char *uuid, const char *name);
/* Search again now (after a change the action made). */
void searchlist_refresh(struct ui *ui, struct searchlist *l);
/* An action: ask ops->confirm about the row, then ops->remove it, say so,
 * and search again.  Returns RD_ALL. */
int searchlist_remove(struct ui *ui, struct searchlist *l, const void *row);

#endif
