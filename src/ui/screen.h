/* screen.h — screens as tables of functions, on a stack.
 *
 * A screen handles an action and returns what must be redrawn; the main
 * loop in app.c decides when to draw.  Screens reach the data only through
 * core modules (never SQLite directly). */
#ifndef SX_SCREEN_H
#define SX_SCREEN_H

#include "ctx.h"
#include "term.h"

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
	const char *keys;   /* help-bar text (N_) */
	const char *help;   /* F1 text (N_) */
};

/* Open a screen on top of the stack; arg goes to its enter(). */
void ui_push(struct ui *ui, const struct screen *s, const void *arg);
/* Close the top screen (the loop redraws the one below). */
void ui_pop(struct ui *ui);
/* Replace the whole stack with one screen. */
void ui_reset(struct ui *ui, const struct screen *s, const void *arg);
/* The run's context (database, language, paths). */
struct sx_ctx *ui_ctx(struct ui *ui);
/* Show a one-line message above the help bar until the next action. */
void ui_message(struct ui *ui, int is_error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Draw the title bar (row 0) with the screen's heading. */
void ui_title(struct ui *ui, const char *heading);

/* The screens. */
extern const struct screen screen_first_run;      /* language, name, district */
extern const struct screen screen_main_menu;      /* the areas of the product */
extern const struct screen screen_facility_list;  /* the facilities registry */
extern const struct screen screen_facility_edit;  /* one facility (arg below) */

/* What screen_facility_edit opens: an existing facility, or a new one. */
struct facility_edit_arg {
	const char *uuid;   /* the facility, or NULL for a new one */
	const char *name;   /* a new facility's name as searched, or NULL */
};

#endif
