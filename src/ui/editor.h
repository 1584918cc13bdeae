/* editor.h — a record editor: labelled fields, one per row, edited in place.
 *
 * The field under the cursor is always editable: typing changes it, and
 * leaving it (Up, Down, Tab, Shift-Tab, Enter, Esc) checks the value, stores
 * it through the field's pointer and calls the commit callback, which saves
 * the record — so every answer is in the database once its field is left.
 * A value that does not pass keeps the officer on the field with a message. */
#ifndef SX_EDITOR_H
#define SX_EDITOR_H

#include <stddef.h>

#include "ui/lineedit.h"
#include "ui/term.h"

/* Kinds of field. */
enum ed_kind {
	ED_TEXT,    /* free text (value: char *) */
	ED_INT,     /* whole number, optional range (value: char * holding digits) */
	ED_DATE,    /* dd/mm/yyyy typed, ISO stored (value: char *) */
	ED_CHOICE,  /* one of a list (value: char * holding the code) */
	ED_BOOL,    /* yes / no (value: int *) */
	ED_PHONE,   /* a phone number, stored as phone_canon() writes it (value: char *) */
};

/* One choice of an ED_CHOICE field. */
struct ed_choice {
	const char *code;    /* stored value */
	const char *label;   /* shown; passed through gettext when translate is set */
};

/* One field: a row of the editor. */
struct ed_field {
	const char *label;               /* N_() label */
	enum ed_kind kind;               /* how it is edited */
	char **str;                      /* value of text, int, date and choice fields */
	int *flag;                       /* value of bool fields */
	const struct ed_choice *choices; /* for ED_CHOICE */
	size_t nchoices;                 /* how many choices */
	int translate;                   /* choice labels are N_() strings */
	int required;                    /* an empty value is refused */
	long min, max;                   /* range of ED_INT when min < max */
};

/* The editor's state. */
struct editor {
	const struct ed_field *fields;   /* the fields, owned by the caller */
	size_t n;                        /* how many */
	int sel;                         /* the field under the cursor */
	int top;                         /* first field shown */
	struct lineedit le;              /* text being typed into sel */
	int dirty;                       /* le differs from the stored value */
	char error[200];                 /* why the last value was refused, or "" */
	int pending;                     /* kept but not saved yet: the database was busy */
	/* Save the record after a field changed; 0, or -1 with a message in
	 * msg (msglen bytes), which keeps the officer on the field, or 1 when
	 * the database is busy (another sxsh is writing): the value is kept,
	 * the officer may go on, and editor_retry() saves it later. */
	int (*commit)(void *arg, char *msg, size_t msglen);
	void *arg;                       /* for commit */
};

/* Start editing fields[0..n-1]; the cursor on the first field. */
void editor_init(struct editor *e, const struct ed_field *fields, size_t n,
		 int (*commit)(void *arg, char *msg, size_t msglen), void *arg);
/* Handle an input.  Returns 1 when handled; 0 for actions the screen should
 * handle (Esc after a successful leave, unknown keys).  Leaving the last
 * field with Enter returns 0 with in->act == ACT_OK for the screen. */
int editor_handle(struct editor *e, const struct input *in);
/* Check and store the field under the cursor; 0, or -1 with e->error set. */
int editor_leave(struct editor *e);
/* Show again the stored value of the field under the cursor (after the
 * screen changed it). */
void editor_reload(struct editor *e);
/* Try again to save a pending record (the commit callback); 1 when it is
 * saved now, 0 when still pending (or nothing was), -1 when refused. */
int editor_retry(struct editor *e);
/* Draw the fields in rows rows from row y, cols wide (the last row says
 * why a value was refused, or that changes are kept but not saved yet). */
void editor_draw(struct editor *e, int y, int cols, int rows);

#endif
