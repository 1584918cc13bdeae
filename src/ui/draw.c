/* draw.c — column-exact drawing of UTF-8 text. */
#include "ui/draw.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "base/i18n.h"
#include "base/mem.h"
#include "ui/term.h"
#include "base/text.h"

static attr_t attr_of(enum role role)
{
	int c = term_color();
	switch (role) {
	case R_BAR: return c ? COLOR_PAIR(1) : A_REVERSE;
	case R_SELECTED: return A_REVERSE;
	case R_ERROR: return c ? (COLOR_PAIR(2) | A_BOLD) : A_BOLD;
	case R_GOOD: return c ? COLOR_PAIR(3) : A_NORMAL;
	case R_TITLE: return A_BOLD;
	case R_DIM: return c ? A_DIM : A_NORMAL;
	default: return A_NORMAL;
	}
}

/* Draw the n bytes of UTF-8 at s from (y, x) as a wide string: ncurses on
 * Windows decodes multibyte text given to its narrow functions wrongly, and
 * the wide path is the same on every system.  (mbstowcs, not mbrtowc: wine's
 * UCRT gets mbrtowc wrong in a UTF-8 locale.)  Invalid UTF-8 goes the narrow way. */
static void add_utf8(int y, int x, const char *s, size_t n)
{
	char *mb = xstrndup(s, n);
	wchar_t *w = xmalloc((n + 1) * sizeof *w);
	size_t k = mbstowcs(w, mb, n + 1);

	if (k == (size_t)-1)
		mvaddnstr(y, x, s, (int)n);
	else
		mvaddnwstr(y, x, w, (int)k);
	free(w);
	free(mb);
}

void draw_text(int y, int x, int cols, enum role role, const char *s)
{
	size_t n;
	if (cols <= 0 || y < 0 || y >= LINES || x >= COLS)
		return;
	if (x + cols > COLS)
		cols = COLS - x;
	n = text_prefix_bytes(s, cols);
	attron(attr_of(role));
	if (s[n] != '\0' && cols > 1) {
		/* Cut: end in "…" so that a shortened name or figure never passes for whole. */
		n = text_prefix_bytes(s, cols - 1);
		add_utf8(y, x, s, n);
		addwstr(L"\u2026");
	} else {
		add_utf8(y, x, s, n);
	}
	attroff(attr_of(role));
}

void draw_fill(int y, int x, int cols, enum role role)
{
	if (y < 0 || y >= LINES || x >= COLS || cols <= 0)
		return;
	attron(attr_of(role));
	mvhline(y, x, ' ', x + cols > COLS ? COLS - x : cols);
	attroff(attr_of(role));
}

void draw_bar(int y, enum role role, const char *s)
{
	draw_fill(y, 0, COLS, role);
	draw_text(y, 1, COLS - 2, role, s);
}

/* Length in bytes of the next line of s that fits in cols columns, breaking
 * after a space when it can. */
static size_t line_len(const char *s, int cols, size_t *skip)
{
	size_t fit = text_prefix_bytes(s, cols), brk = 0;
	const char *nl = memchr(s, '\n', fit);

	*skip = 0;
	if (nl) {
		*skip = 1;
		return (size_t)(nl - s);
	}
	if (s[fit] == '\0')
		return fit;
	for (size_t i = 0; i < fit; i++)
		if (s[i] == ' ')
			brk = i;
	if (brk == 0 || s[fit] == ' ') {
		*skip = s[fit] == ' ';
		return fit;
	}
	*skip = 1;
	return brk;
}

int draw_wrapped(int y, int x, int cols, int rows, enum role role, const char *s)
{
	int used = 0;
	if (cols <= 0)
		return 0;
	while (*s && used < rows) {
		size_t skip, n = line_len(s, cols, &skip);
		char *line = xstrndup(s, n);
		draw_text(y + used, x, cols, role, line);
		free(line);
		s += n + skip;
		used++;
		if (n == 0 && skip == 0)
			break;   /* a character wider than the box */
	}
	return used;
}

int draw_wrapped_rows(int cols, const char *s)
{
	int used = 0;
	if (cols <= 0)
		return 0;
	while (*s) {
		size_t skip, n = line_len(s, cols, &skip);
		s += n + skip;
		used++;
		if (n == 0 && skip == 0)
			break;
	}
	return used;
}

int draw_too_small(void)
{
	if (COLS >= DRAW_MIN_COLS && LINES >= DRAW_MIN_ROWS)
		return 0;
	char msg[256];
	erase();
	/* TRANSLATORS: the sizes are columns by rows: needed, then the window's own. */
	snprintf(msg, sizeof msg, _("The window is too small: sxsh needs %d columns by %d rows, "
				    "this one has %d by %d. Make the window larger."),
		 DRAW_MIN_COLS, DRAW_MIN_ROWS, COLS, LINES);
	draw_wrapped(0, 0, COLS, LINES, R_NORMAL, msg);
	return 1;
}

/* Draw an empty box of h rows by w columns at (y, x). */
static void draw_box(int y, int x, int h, int w)
{
	for (int r = y; r < y + h; r++)
		mvhline(r, x, ' ', w);
	mvhline(y, x, ACS_HLINE, w);
	mvhline(y + h - 1, x, ACS_HLINE, w);
	mvvline(y, x, ACS_VLINE, h);
	mvvline(y, x + w - 1, ACS_VLINE, h);
	mvaddch(y, x, ACS_ULCORNER);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
}

int draw_choose(const char *title, const char *const *labels, int n)
{
	int w = COLS - 8 < 60 ? COLS - 8 : 60, h = n + 4 < LINES - 4 ? n + 4 : LINES - 4;
	int y = (LINES - h) / 2, x = (COLS - w) / 2, sel = 0;
	struct input in;

	for (;;) {
		draw_box(y, x, h, w);
		draw_text(y, x + 2, w - 4, R_TITLE, title);
		for (int k = 0; k < n && k < h - 3; k++) {
			if (k == sel)
				draw_fill(y + 2 + k, x + 1, w - 2, R_SELECTED);
			draw_text(y + 2 + k, x + 2, w - 4, k == sel ? R_SELECTED : R_NORMAL, labels[k]);
		}
		refresh();
		term_read(&in);
		if (in.act == ACT_BACK || in.act == ACT_SIGNAL)
			return -1;
		if (in.act == ACT_OK)
			return sel;
		if (in.act == ACT_UP && sel > 0)
			sel--;
		if (in.act == ACT_DOWN && sel + 1 < n && sel + 1 < h - 3)
			sel++;
	}
}

int draw_confirm(const char *question)
{
	int w = COLS - 8 < 60 ? COLS - 8 : 60, h = 7;
	int y = (LINES - h) / 2, x = (COLS - w) / 2;
	struct input in;

	draw_box(y, x, h, w);
	draw_wrapped(y + 1, x + 2, w - 4, 3, R_NORMAL, question);
	draw_text(y + h - 2, x + 2, w - 4, R_TITLE, _("y = yes, n or Esc = no"));
	refresh();
	for (;;) {
		term_read(&in);
		if (in.act == ACT_BACK || in.act == ACT_SIGNAL)
			return 0;
		if (in.act == ACT_CHAR && wcschr(L"yYcC", in.ch))
			return 1;
		if (in.act == ACT_CHAR && wcschr(L"nNkK", in.ch))
			return 0;
	}
}

void draw_popup(const char *title, const char *body)
{
	int w = COLS - 8 < 70 ? COLS - 8 : 70, h = LINES - 4;
	int y = 2, x = (COLS - w) / 2;
	struct input in;

	if (w < 20 || h < 5)
		return;
	draw_box(y, x, h, w);
	draw_text(y, x + 2, w - 4, R_TITLE, title);
	draw_wrapped(y + 1, x + 2, w - 4, h - 2, R_NORMAL, body);
	draw_text(y + h - 1, x + 2, w - 4, R_DIM, _(" Press any key to close "));
	refresh();
	do
		term_read(&in);
	while (in.act == ACT_RESIZE || in.act == ACT_NONE);
}
