/* listview.c — selection movement and drawing for lists. */
#include "listview.h"

#include "draw.h"

int listview_handle(struct listview *l, const struct input *in, int rows)
{
	int page = rows > 1 ? rows - 1 : 1;
	switch (in->act) {
	case ACT_UP: l->sel--; break;
	case ACT_DOWN: l->sel++; break;
	case ACT_PGUP: l->sel -= page; break;
	case ACT_PGDN: l->sel += page; break;
	case ACT_HOME: l->sel = 0; break;
	case ACT_END: l->sel = l->n - 1; break;
	default: return 0;
	}
	if (l->sel >= l->n)
		l->sel = l->n - 1;
	if (l->sel < 0)
		l->sel = 0;
	return 1;
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
