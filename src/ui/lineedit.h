/* lineedit.h — a one-line text field that counts columns, not bytes. */
#ifndef SX_LINEEDIT_H
#define SX_LINEEDIT_H

#include <wchar.h>

#include "ui/term.h"

#define LINEEDIT_MAX 256

/* The field's text and cursor. */
struct lineedit {
	wchar_t buf[LINEEDIT_MAX + 1];  /* the text, NUL-terminated */
	int len;                        /* characters in buf */
	int cur;                        /* cursor position, 0..len */
};

/* Set the text from UTF-8 (NULL for empty); the cursor goes to the end. */
void lineedit_set(struct lineedit *e, const char *utf8);
/* Apply an editing action; returns 1 when it was an editing action. */
int lineedit_handle(struct lineedit *e, const struct input *in);
/* Draw at (y, x) in cols columns, scrolled so the cursor shows, and place
 * the terminal cursor there. */
void lineedit_draw(const struct lineedit *e, int y, int x, int cols);
/* The text as NFC UTF-8, trimmed.  Caller frees. */
char *lineedit_text(const struct lineedit *e);

#endif
