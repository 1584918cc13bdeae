/* listview.h — a scrolling list of one-line items with a selection. */
#ifndef SX_LISTVIEW_H
#define SX_LISTVIEW_H

#include "ui/term.h"

/* The list's view state; the items belong to the caller. */
struct listview {
	const char *const *items;  /* UTF-8 labels */
	int n;                     /* how many */
	int sel;                   /* selected index */
	int top;                   /* first visible index */
};

/* Move *sel among n rows for Up, Down, PageUp, PageDown (by page rows)
 * and, when home_end is set, Home and End (lists with a search field leave
 * those to it); 1 when the input was one of them. */
int listview_move(int *sel, long n, int page, const struct input *in, int home_end);
/* Move the selection for up/down/page/home/end; returns 1 when handled. */
int listview_handle(struct listview *l, const struct input *in, int rows);
/* The row a typed letter jumps to among n rows whose labels label(i, arg) gives: the
 * first row from the top whose label starts with the letter (case, accents and đ folded),
 * even when the row at cur starts with it too; the same letter pressed again on the row
 * it jumped to (same list arg) goes on to the next such row (wrapping), so that pressing
 * "c" twice visits both "Có …" answers in order.  cur < 0 means no row is chosen yet.
 * Returns -1 when no label starts with the letter. */
long listview_jump(size_t n, long cur, wchar_t letter,
		   const char *(*label)(size_t i, void *arg), void *arg);
/* Draw rows rows at (y, x), cols wide, the selection highlighted. */
void listview_draw(struct listview *l, int y, int x, int cols, int rows);

#endif
