/* listview.c — selection movement and drawing for lists. */
#include "ui/listview.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "ui/draw.h"

/* Whether label i starts with the folded letter want. */
static int starts_with(const char *(*label)(size_t, void *), void *arg, size_t i, const char *want)
{
	char *l = text_fold(label(i, arg));
	int hit = l && strncmp(l, want, strlen(want)) == 0;
	free(l);
	return hit;
}

long listview_jump(size_t n, long cur, wchar_t letter,
		   const char *(*label)(size_t i, void *arg), void *arg)
{
	char typed[8] = "";
	long found = -1;
	int len = wctomb(typed, letter);
	char *want = len > 0 ? text_fold(typed) : NULL;

	if (!want || !*want || n == 0) {
		free(want);
		return -1;
	}
	/* The first press of a letter goes to the first entry from the top that
	 * starts with it, even when the selected one does too; pressing the same
	 * letter again, where it left the cursor, goes on to the next one. */
	static const void *last_arg;
	static wchar_t last_letter;
	static long last_to = -1;
	size_t from = 0;
	if (arg == last_arg && letter == last_letter && cur == last_to && cur >= 0
	    && (size_t)cur < n)
		from = (size_t)cur + 1;
	for (size_t k = 0; k < n && found < 0; k++) {
		size_t i = (from + k) % n;
		if (starts_with(label, arg, i, want))
			found = (long)i;
	}
	free(want);
	last_arg = arg;
	last_letter = letter;
	last_to = found;
	return found;
}

int listview_move(int *sel, long n, int page, const struct input *in, int home_end)
{
	long s = *sel;
	if (page < 1)
		page = 1;
	switch (in->act) {
	case ACT_UP: s--; break;
	case ACT_DOWN: s++; break;
	case ACT_PGUP: s -= page; break;
	case ACT_PGDN: s += page; break;
	case ACT_HOME: if (!home_end) return 0; s = 0; break;
	case ACT_END: if (!home_end) return 0; s = n - 1; break;
	default: return 0;
	}
	if (s >= n)
		s = n - 1;
	if (s < 0)
		s = 0;
	*sel = (int)s;
	return 1;
}

static const char *item_label(size_t i, void *arg)
{
	return ((const struct listview *)arg)->items[i];
}

int listview_handle(struct listview *l, const struct input *in, int rows)
{
	if (in->act == ACT_CHAR) {
		long to = listview_jump((size_t)l->n, l->sel, in->ch, item_label, l);
		if (to >= 0)
			l->sel = (int)to;
		return to >= 0;
	}
	return listview_move(&l->sel, l->n, rows > 1 ? rows - 1 : 1, in, 1);
}

void listview_draw(struct listview *l, int y, int x, int cols, int rows)
{
	if (rows <= 0)
		return;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
	for (int i = 0; i < rows && l->top + i < l->n; i++) {
		int k = l->top + i;
		if (k == l->sel)
			draw_fill(y + i, x, cols, R_SELECTED);
		draw_text(y + i, x + 2, cols - 2, k == l->sel ? R_SELECTED : R_NORMAL, l->items[k]);
	}
}
