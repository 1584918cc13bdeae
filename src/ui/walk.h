/* walk.h — the walkthrough's state, shared by walk.c and walk_draw.c. */
#ifndef SX_WALK_H
#define SX_WALK_H

#include <stddef.h>

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
};

/* 1 when item i is shown (relevant and not a calculation). */
int walk_visible(struct walk *w, size_t i);
/* 1 when the item is typed into (text, numbers, dates). */
int walk_typed(struct walk *w, size_t i);
/* 1 when the item is a number question (integer, decimal). */
int walk_numeric(struct walk *w, size_t i);
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
/* Draw the current page. */
void walk_draw_page(struct walk *w);

#endif
