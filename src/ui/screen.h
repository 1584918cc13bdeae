/* screen.h — screens as tables of functions, on a stack.
 *
 * A screen handles an action and returns what must be redrawn; the main
 * loop in app.c decides when to draw.  Screens reach the data only through
 * core modules (never SQLite directly). */
#ifndef SX_SCREEN_H
#define SX_SCREEN_H

#include "db/ctx.h"
#include "ui/term.h"

/* What a handler asks the loop to do next. */
enum {
	RD_NONE = 0,     /* nothing changed */
	RD_SCREEN = 1,   /* redraw the top screen */
	RD_ALL = 2,      /* clear and redraw everything */
	RD_QUIT = 4,     /* leave the program */
};

struct ui;

/* One kind of screen. */
struct screen {
	const char *name;                                   /* for debugging */
	void *(*enter)(struct ui *ui, const void *arg);     /* make its state */
	void (*draw)(struct ui *ui, void *state);           /* draw it whole */
	int (*handle)(struct ui *ui, void *state, const struct input *in); /* an action */
	void (*leave)(struct ui *ui, void *state);          /* free its state */
	void (*resume)(struct ui *ui, void *state);         /* on top again (may be NULL) */
	/* About four times a second while on top and without input (may be
	 * NULL): retry what waits, such as a save refused by a busy database;
	 * returns what to redraw. */
	int (*idle)(struct ui *ui, void *state);
	/* 1 when the screen holds changes not saved yet (may be NULL); asked
	 * before sxsh quits. */
	int (*unsaved)(struct ui *ui, void *state);
	const char *keys;   /* help-bar text (N_) */
	const char *help;   /* F1 text (N_) */
	/* The table a generic screen is made from (struct searchlist_ops for a
	 * list screen), read by its enter() through ui_spec(); NULL otherwise. */
	const void *spec;
};

/* Open a screen on top of the stack; arg goes to its enter(). */
void ui_push(struct ui *ui, const struct screen *s, const void *arg);
/* Close the top screen (the loop redraws the one below). */
void ui_pop(struct ui *ui);
/* Replace the whole stack with one screen. */
void ui_reset(struct ui *ui, const struct screen *s, const void *arg);
/* The spec of the screen on top (during enter(), the one being entered). */
const void *ui_spec(struct ui *ui);
/* The run's context (database, language, paths). */
struct sx_ctx *ui_ctx(struct ui *ui);
/* Show a one-line message above the help bar until the next action. */
void ui_message(struct ui *ui, int is_error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The same for a message about a file (fmt has one %s, the path): a path
 * too long for the line loses its beginning, so its file name stays. */
void ui_message_path(struct ui *ui, const char *fmt, const char *path);
/* Draw the title bar (row 0) with the screen's heading. */
void ui_title(struct ui *ui, const char *heading);

/* The screens. */
extern const struct screen screen_first_run;      /* language, name, district */
extern const struct screen screen_main_menu;      /* the areas of the product */
extern const struct screen screen_facility_list;  /* the facilities registry */
extern const struct screen screen_facility_pick;  /* choose one (struct pick_arg) */
extern const struct screen screen_facility_edit;  /* one facility (struct record_arg) */
extern const struct screen screen_session_list;   /* training events (arg NULL) */
extern const struct screen screen_session_edit;   /* one session (arg uuid or NULL) */
extern const struct screen screen_session_view;   /* a session's participants (arg uuid) */
extern const struct screen screen_register;       /* add people (struct register_arg) */
extern const struct screen screen_attendance;     /* the grid (arg session uuid) */
extern const struct screen screen_list_import;    /* a list's preview (struct list_import_arg) */
extern const struct screen screen_people_list;    /* the people registry (arg NULL) */
extern const struct screen screen_person_edit;    /* one person (struct record_arg) */
extern const struct screen screen_dupes;          /* likely duplicates after a merge (arg NULL) */

extern const struct screen screen_assess_list;    /* drafts, or one facility's assessments */
extern const struct screen screen_walk;           /* the walkthrough (arg below) */
extern const struct screen screen_review;         /* review and finish (arg below) */
extern const struct screen screen_dashboard;      /* the plan's progress bars (arg NULL) */
extern const struct screen screen_plan_edit;      /* one plan (arg its code, or NULL: new) */
extern const struct screen screen_sync;           /* export and import (arg NULL) */
extern const struct screen screen_sync_report;    /* an import's report (arg its path) */
extern const struct screen screen_org_list;       /* the support network (arg NULL) */
extern const struct screen screen_org_edit;       /* one organisation (struct record_arg) */
extern const struct screen screen_office_edit;    /* the office on printed documents (arg NULL) */
extern const struct screen screen_plan_records;   /* the records behind a figure (arg below) */

/* What screen_walk and screen_review open. */
struct walk_arg {
	const char *uuid;   /* the assessment */
	const char *jump;   /* answer path to start at, or NULL for where it stopped */
	int fresh;          /* just created: fill the form's defaults */
	int from_list;      /* review: opened from the list, not over a walkthrough */
};

struct lineedit;
/* F5 in the review and the list of assessments: assessment uuid's report for the facility
 * as an HTML page into the folder typed (ui/outdir.h), and a message saying where. */
void review_write_report(struct ui *ui, const char *uuid, const struct lineedit *folder);

/* What screen_assess_list shows. */
struct assess_list_arg {
	const char *facility;   /* a facility's assessments, or NULL for every draft */
};

/* What a record editor (facility, person, organisation) opens: an existing
 * record, or a new one; a list screen's Enter and F2 make it. */
struct record_arg {
	const char *uuid;   /* the record, or NULL for a new one */
	const char *name;   /* a new record's name as searched, or NULL */
	void *carry;        /* for a new record: what its list keeps for the next one
			     * (the people list: struct person_carry), or NULL */
};

/* What screen_plan_records lists: the records behind indicator k of r in
 * row (plan_records()); read during enter only. */
struct plan_records_arg {
	const struct plan_report *r;
	size_t k;                       /* r->nind: the records outside the period */
	const struct plan_row *row;     /* the overall row or an area row of r */
};

/* A list screen opened to pick a row: Enter stores the row's uuid in
 * `picked` and closes the list. */
struct pick_arg {
	char *picked;       /* 37 bytes, set to the chosen row's uuid */
};

#endif
