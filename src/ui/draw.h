/* draw.h — drawing helpers that count columns, not bytes. */
#ifndef SX_DRAW_H
#define SX_DRAW_H

/* Text attributes by role; plain attributes when colours are off. */
enum role { R_NORMAL, R_BAR, R_SELECTED, R_ERROR, R_GOOD, R_TITLE, R_DIM };

/* Write UTF-8 text at (y, x), cut to at most cols columns, in a role. */
void draw_text(int y, int x, int cols, enum role role, const char *s);
/* Fill cols columns of row y from x with the role's background. */
void draw_fill(int y, int x, int cols, enum role role);
/* Fill row y with the role's background, then write text at x = 1. */
void draw_bar(int y, enum role role, const char *s);
/* Write text wrapped at word boundaries inside cols columns from (y, x),
 * at most rows rows; returns the number of rows used. */
int draw_wrapped(int y, int x, int cols, int rows, enum role role, const char *s);
/* Rows draw_wrapped() would use for s in cols columns (no limit). */
int draw_wrapped_rows(int cols, const char *s);
/* Show a centred box with a title and wrapped text until a key is pressed. */
void draw_popup(const char *title, const char *body);
/* Let the officer choose one of n labels in a box; the index, or -1 for Esc. */
int draw_choose(const char *title, const char *const *labels, int n);
/* Ask a yes/no question in a box; 1 when the officer answers yes. */
int draw_confirm(const char *question);
/* 1 when the window is too small to draw anything useful (shows a notice). */
int draw_too_small(void);

/* Smallest window the screens are drawn for. */
#define DRAW_MIN_COLS 80
#define DRAW_MIN_ROWS 24

#endif
