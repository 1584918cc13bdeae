/* walk.h — the walkthrough's state, shared by walk.c and walk_draw.c. */
#ifndef SX_WALK_H
#define SX_WALK_H

#include <stddef.h>

#include "assess/suggest.h"
#include "form/fsession.h"
#include "ui/lineedit.h"
#include "ui/screen.h"

/* One assessment being walked through. */
struct walk {
	struct ui *ui;
	char uuid[37];            /* the assessment */
	char *title;              /* facility name for the title bar */
	struct xform *form;       /* the form it is filled with, owned */
	struct fsession *fs;      /* its answers, owned */
	size_t cur;               /* the current item */
	struct lineedit le;       /* typing into the current item */
	int dirty;                /* le differs from the stored answer */
	size_t *choices;          /* current select item's choices (filtered), owned */
	size_t nchoices;          /* how many */
	size_t csel;              /* highlighted choice */
	char error[256];          /* why the current answer was refused, or "" */
	int pending;              /* answers kept but not saved yet: another sxsh is writing */
	char preview[128];        /* the number being typed as understood ("= 25 500"), or "" */
	struct suggest sg;        /* phrases to complete the current free text from, owned */
	wchar_t ghost[LINEEDIT_MAX + 1]; /* the continuation offered now, or L"" */
	char *picks[32];          /* F5: common observations and earlier answers, owned */
	size_t npicks;            /* how many */
};

/* 1 when item i is shown (relevant and not a calculation). */
int walk_visible(struct walk *w, size_t i);
/* 1 when the item is typed into (text, numbers, dates). */
int walk_typed(struct walk *w, size_t i);
/* 1 when the item is a number question (integer, decimal). */
int walk_numeric(struct walk *w, size_t i);
/* The choice (0-based) that digit key ch picks on the current list, or -1: digits 1-9 number
 * the answers of a list of at most nine. */
int walk_digit(struct walk *w, wchar_t ch);
/* Refresh w->preview from the text being typed into the current item. */
void walk_num_preview(struct walk *w);
/* Read typed text as a number in the UI language, asking when it could mean
 * two things: the canonical value to store (caller frees), or NULL with
 * w->error set. */
char *walk_num_settle(struct walk *w, const char *text);
/* F4 on the CP options: offer the sector's typical options (walk_cat.c); a pick fills the
 * new instance (under prefix "options[N]/") and returns 1, Esc or "other" returns 0. */
int walk_cat_offer(struct walk *w, const char *prefix);
/* F6: the sector's typical CP options with technique, cost, benefit and source. */
void walk_cat_show(struct walk *w);
/* Free text (walk_text.c): gather the phrases for the current item (any kind: cleared when
 * it is not free text), refresh the offered continuation after an edit, handle Right / End
 * (take the next word / all of it) and F5 (the picks): 1 when the key was handled; draw the
 * continuation after the editor on row y (x, cols: the editor's place) and the keys on row
 * hint_y.  walk_text_clear frees it all. */
void walk_text_load(struct walk *w);
void walk_text_update(struct walk *w);
int walk_text_key(struct walk *w, const struct input *in);
void walk_text_draw(struct walk *w, int y, int x, int cols, int hint_y);
void walk_text_clear(struct walk *w);
/* Draw the current page. */
void walk_draw_page(struct walk *w);

#endif
