/* listview.c — selection movement and drawing for lists. */
#include "ui/listview.h"

#include "ui/draw.h"

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

int listview_handle(struct listview *l, const struct input *in, int rows)
{
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
