/* term.h — the terminal: setup, restore, and the one input funnel. */
#ifndef SX_TERM_H
#define SX_TERM_H

#include <wchar.h>

/* What the officer asked for, whatever key they pressed for it. */
enum action {
	ACT_NONE, ACT_CHAR, ACT_UP, ACT_DOWN, ACT_LEFT, ACT_RIGHT, ACT_PGUP, ACT_PGDN, ACT_HOME, ACT_END,
	ACT_OK, ACT_BACK, ACT_HELP, ACT_QUIT, ACT_BKSP, ACT_DEL, ACT_TAB, ACT_BTAB, ACT_RESIZE, ACT_SIGNAL,
	ACT_CLEAR, /* Ctrl-U: empty the field */
	ACT_FKEY   /* F2..F9, F11, F12: the number in ch */
};

/* One input event. */
struct input {
	enum action act;  /* the action (ACT_CHAR for a typed character) */
	wchar_t ch;       /* the character for ACT_CHAR, the number for ACT_FKEY */
};

/* Start curses (the locale must already be set).  Returns 0, -1 when stdin
 * or stdout is not a terminal. */
int term_start(void);
/* Restore the terminal; safe to call twice and from sx_die(). */
void term_stop(void);
/* 1 when colours are in use (a colour terminal and no NO_COLOR). */
int term_color(void);
/* Wait for the next input.  Every key of the program comes through here. */
void term_read(struct input *in);
/* The same, but when idle is set it also returns ACT_NONE after a quarter
 * of a second without input (for work that waits, such as a pending save). */
void term_read_idle(struct input *in, int idle);

#endif
