/* walk_draw.c — drawing one page of the walkthrough. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "assess/assess.h"
#include "base/text.h"
#include "ui/draw.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "ui/walk.h"

#define LABEL_ROWS 4
#define CHOICE_ROWS 9

static const struct xform_node *node_of(struct walk *w, size_t i)
{
	size_t n;
	return &w->form->nodes[fs_items(w->fs, &n)[i].node];
}

static const char *path_of(struct walk *w, size_t i)
{
	size_t n;
	return fs_items(w->fs, &n)[i].path;
}

/* "* label [F3]": required mark and hint mark.  Caller frees. */
static char *decorated_label(struct walk *w, size_t i)
{
	char *label = fs_label(w->fs, i), *hint = fs_hint(w->fs, i), *out;
	out = xasprintf("%s%s%s", fs_required(w->fs, i) ? "* " : "", label, *hint ? "  [F3]" : "");
	free(label);
	free(hint);
	return out;
}

/* The answer as shown when the item is not being edited.  Caller frees. */
static char *shown_answer(struct walk *w, size_t i)
{
	if (node_of(w, i)->type == XFT_REPEAT)
		return xasprintf(_("%zu entries. F4 adds another."), fs_repeat_count(w->fs, i));
	return fs_display(w->fs, i);
}

/* Rows the item needs (drawn when draw is set, from row y). */
static int item_rows(struct walk *w, size_t i, int y, int draw)
{
	const struct xform_node *node = node_of(w, i);
	int cols = COLS - 6, cur = i == w->cur, rows;
	char *label = decorated_label(w, i);

	rows = draw_wrapped_rows(cols, label);
	if (rows > LABEL_ROWS && node->type != XFT_NOTE)
		rows = LABEL_ROWS;
	if (draw)
		draw_wrapped(y, 3, cols, rows, cur ? R_TITLE : R_NORMAL, label);
	free(label);
	if (cur && draw)
		mvaddstr(y, 1, ">");
	if (node->type == XFT_NOTE)
		return rows + 1;
	if (cur && (node->type == XFT_SELECT_ONE || node->type == XFT_SELECT_MULTIPLE)) {
		int shown = (int)w->nchoices < CHOICE_ROWS ? (int)w->nchoices : CHOICE_ROWS;
		int top = (int)w->csel >= shown ? (int)w->csel - shown + 1 : 0;
		const char *v = fs_get(w->fs, path_of(w, i));
		for (int k = 0; draw && k < shown; k++) {
			size_t c = w->choices[top + k];
			const char *name = w->form->lists[node->list].c[c].name;
			size_t len = strlen(name);
			int on = 0;
			for (const char *p = v; *p; p += strcspn(p, " ") + (p[strcspn(p, " ")] == ' '))
				on |= strcspn(p, " ") == len && strncmp(p, name, len) == 0;
			char num[16] = "";
			if (walk_digit(w, (wchar_t)(L'1' + top + k)) >= 0)   /* the digit that picks it */
				snprintf(num, sizeof num, "%d ", top + k + 1);
			char *line = xasprintf("%s%s %s", num, node->type == XFT_SELECT_ONE
				? (on ? "(*)" : "( )") : (on ? "[x]" : "[ ]"), fs_choice_label(w->fs, i, c));
			enum role role = top + k == (int)w->csel ? R_SELECTED : R_NORMAL;
			if (role == R_SELECTED)
				draw_fill(y + rows + k, 5, cols - 2, role);
			draw_text(y + rows + k, 5, cols - 2, role, line);
			free(line);
		}
		rows += shown ? shown : 1;
	} else if (cur && walk_typed(w, i)) {
		/* The editor goes last, so the terminal cursor stays in it. */
		int ew = cols - 4 > 60 ? 60 : cols - 4;
		if (draw && w->error[0])
			draw_text(y + rows + 1, 5, cols - 2, R_ERROR, w->error);
		if (walk_numeric(w, i) && ew > 30) {
			/* A number needs few columns: what it is read as goes beside it. */
			ew = 24;
			if (draw && w->preview[0])
				draw_text(y + rows, 5 + ew + 2, cols - ew - 4, R_TITLE, w->preview);
		}
		if (draw) {
			lineedit_draw(&w->le, y + rows, 5, ew);
			if (!w->error[0])   /* the offered words and their keys */
				walk_text_draw(w, y + rows, 5, ew, y + rows + 1);
		}
		return rows + 1 + (w->error[0] ? 1 : 0) + 1;
	} else {
		char *v = shown_answer(w, i);
		if (draw)
			draw_text(y + rows, 5, cols - 2, *v ? R_NORMAL : R_DIM, *v ? v : "—");
		free(v);
		rows++;
	}
	if (cur && w->error[0]) {
		if (draw)
			draw_text(y + rows, 5, cols - 2, R_ERROR, w->error);
		rows++;
	}
	return rows + 1;
}

/* Section heading: the current item's group, and its entry in a repeat; on the right the
 * one count of how far the assessment is (assess_progress(), as the list shows it). */
static void draw_heading(struct walk *w)
{
	size_t n;
	const struct fs_item *it = fs_items(w->fs, &n);
	const char *section = it[w->cur].group >= 0
		? xform_text(w->form, &w->form->nodes[it[w->cur].group].label, fs_lang(w->fs)) : "";
	struct assess_progress p;
	char *head, *pos;
	const char *br = strrchr(it[w->cur].path, '[');
	int pw;

	assess_progress(w->fs, &p);
	pos = assess_progress_text(&p);
	pw = text_width(pos);
	if (br && node_of(w, w->cur)->type != XFT_REPEAT)
		head = xasprintf(_("%s — entry %ld"), section, strtol(br + 1, NULL, 10));
	else
		head = xstrdup(section);
	draw_text(1, 1, COLS - pw - 4, R_TITLE, head);
	draw_text(1, COLS - pw - 1, pw, R_DIM, pos);
	free(head);
	free(pos);
}

void walk_draw_page(struct walk *w)
{
	size_t n, first, cur_y = 0;
	const struct fs_item *it = fs_items(w->fs, &n);
	int avail = LINES - 5, used = 0, y = 3;
	size_t page[128], np = 0, start = 0;

	if (!n || w->cur >= n)
		return;
	draw_heading(w);
	for (first = 0; first < n; first++)
		if (it[first].page == it[w->cur].page && walk_visible(w, first) && np < 128)
			page[np++] = first;
	/* Start late enough that the current item fits on the screen. */
	for (;;) {
		used = 0;
		for (size_t k = start; k < np && page[k] <= w->cur; k++)
			used += item_rows(w, page[k], 0, 0);
		if (used <= avail || start + 1 >= np || page[start] == w->cur)
			break;
		start++;
	}
	for (size_t k = start; k < np; k++) {
		int h = item_rows(w, page[k], y, 0);
		if (y + h > 3 + avail && page[k] != w->cur)
			break;
		if (page[k] == w->cur)
			cur_y = (size_t)y;
		else
			item_rows(w, page[k], y, 1);
		y += h;
	}
	item_rows(w, w->cur, (int)cur_y, 1);
}
