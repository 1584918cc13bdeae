/* lineedit.c — wide-character single-line editing. */
#include "ui/lineedit.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/text.h"

void lineedit_set(struct lineedit *e, const char *utf8)
{
	size_t n = utf8 ? mbstowcs(e->buf, utf8, LINEEDIT_MAX) : 0;
	if (n == (size_t)-1)
		n = 0;
	e->buf[n] = L'\0';
	e->len = e->cur = (int)n;
}

int lineedit_handle(struct lineedit *e, const struct input *in)
{
	switch (in->act) {
	case ACT_CHAR:
		if (e->len == LINEEDIT_MAX || in->ch < 32)
			return 1;
		wmemmove(e->buf + e->cur + 1, e->buf + e->cur, (size_t)(e->len - e->cur + 1));
		e->buf[e->cur++] = in->ch;
		e->len++;
		return 1;
	case ACT_BKSP:
		if (e->cur == 0)
			return 1;
		e->cur--;
		/* fall through */
	case ACT_DEL:
		if (e->cur < e->len) {
			wmemmove(e->buf + e->cur, e->buf + e->cur + 1, (size_t)(e->len - e->cur));
			e->len--;
		}
		return 1;
	case ACT_CLEAR:
		e->len = e->cur = 0;
		e->buf[0] = L'\0';
		return 1;
	case ACT_LEFT: if (e->cur > 0) e->cur--; return 1;
	case ACT_RIGHT: if (e->cur < e->len) e->cur++; return 1;
	case ACT_HOME: e->cur = 0; return 1;
	case ACT_END: e->cur = e->len; return 1;
	default: return 0;
	}
}

static int colw(wchar_t c)
{
	return text_char_width((long)c);
}

void lineedit_draw(const struct lineedit *e, int y, int x, int cols)
{
	int start = 0, used = 0, curx = x;

	if (cols < 2)
		return;
	/* Scroll left until the cursor fits. */
	for (;;) {
		int w = 0;
		for (int i = start; i < e->cur; i++)
			w += colw(e->buf[i]);
		if (w < cols)
			break;
		start++;
	}
	attron(A_UNDERLINE);
	mvhline(y, x, ' ', cols);
	move(y, x);
	for (int i = start; i < e->len; i++) {
		int w = colw(e->buf[i]);
		if (used + w > cols)
			break;
		if (i == e->cur)
			curx = x + used;
		addnwstr(e->buf + i, 1);
		used += w;
	}
	attroff(A_UNDERLINE);
	if (e->cur >= e->len || e->cur < start)
		curx = x + used;
	if (e->cur == e->len)
		curx = x + used;
	move(y, curx);
	curs_set(1);
}

char *lineedit_text(const struct lineedit *e)
{
	size_t n = wcstombs(NULL, e->buf, 0);
	char *mb, *nfc, *trimmed;

	if (n == (size_t)-1)
		return xstrdup("");
	mb = xmalloc(n + 1);
	wcstombs(mb, e->buf, n + 1);
	nfc = text_nfc(mb);
	free(mb);
	trimmed = text_trim(nfc ? nfc : "");
	free(nfc);
	return trimmed;
}
