/* searchlist.c — the searchable list screen: state, drawing, keys. */
#include "ui/searchlist.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "base/mem.h"
#include "base/text.h"
#include "ui/draw.h"
#include "ui/lineedit.h"
#include "ui/listview.h"

/* Rows asked of the data part at the most (the count says "first N"). */
#define SHOW_MAX 500

struct searchlist {
	const struct searchlist_ops *ops;  /* the screen's table */
	char *picked;                      /* picking: the caller's uuid buffer, or NULL */
	void *kept;                        /* what ops->query_kept reads, or NULL */
	struct lineedit search;            /* the query being typed */
	void *rows;                        /* matches, in the data part's order */
	long n;                            /* how many */
	int sel, top;                      /* selection and scroll */
	int stale;                         /* re-run the search before drawing */
	char *scope;                       /* only rows within this place, or NULL */
	char *scope_name;                  /* its name, for the count */
};

/* Rows of the window the list shows (below the headings, above the bars). */
static int page_rows(void)
{
	return LINES - 7;
}

static const void *row_at(const struct searchlist *l, long i)
{
	return (const char *)l->rows + (size_t)i * l->ops->row_size;
}

void searchlist_refresh(struct ui *ui, struct searchlist *l)
{
	struct sx_err err = {0};
	char *q = lineedit_text(&l->search);

	l->ops->free_rows(l->rows, l->n > 0 ? (size_t)l->n : 0);
	l->rows = NULL;
	l->n = l->ops->query_kept ? l->ops->query_kept(l->kept, q, SHOW_MAX, &l->rows, &err)
		: l->ops->query(ui_ctx(ui), q, l->scope, SHOW_MAX, &l->rows, &err);
	if (l->n < 0) {
		ui_message(ui, 1, "%s", sx_err_last(&err));
		l->n = 0;
	}
	if (l->sel >= l->n)
		l->sel = l->n ? (int)l->n - 1 : 0;
	l->stale = 0;
	free(q);
	sx_err_clear(&err);
}

void *searchlist_enter(struct ui *ui, const void *arg)
{
	const struct pick_arg *pick = arg;
	struct searchlist *l = xcalloc(1, sizeof *l);
	l->ops = ui_spec(ui);
	l->picked = pick ? pick->picked : NULL;
	searchlist_refresh(ui, l);
	return l;
}

void *searchlist_kept(const struct searchlist *l)
{
	return l->kept;
}

void *searchlist_open_kept(struct ui *ui, const struct searchlist_ops *ops, void *kept)
{
	struct searchlist *l = xcalloc(1, sizeof *l);
	l->ops = ops;
	l->kept = kept;
	searchlist_refresh(ui, l);
	return l;
}

/* The headings and a page of rows from the top one, the selection filled. */
static void draw_rows(const struct searchlist *l, int rows)
{
	struct searchlist_col col[SEARCHLIST_COLS];
	int ncol = l->ops->columns(COLS, col);
	char buf[SEARCHLIST_CELL];

	for (int c = 0; c < ncol; c++)
		if (col[c].heading)
			draw_text(3, col[c].x, col[c].w, R_DIM, _(col[c].heading));
	if (l->n == 0)
		draw_text(5, 2, COLS - 4, R_NORMAL, _(l->ops->empty));
	for (int i = 0; i < rows && l->top + i < l->n; i++) {
		const void *r = row_at(l, l->top + i);
		enum role role = l->top + i == l->sel ? R_SELECTED : R_NORMAL;
		if (role == R_SELECTED)
			draw_fill(4 + i, 1, COLS - 2, role);
		for (int c = 0; c < ncol; c++)
			draw_text(4 + i, col[c].x, col[c].w, role,
				  l->ops->cell(r, c, buf, sizeof buf));
	}
}

void searchlist_draw(struct ui *ui, void *state)
{
	struct searchlist *l = state;
	int rows = page_rows();
	char count[64];

	if (l->stale)
		searchlist_refresh(ui, l);
	ui_title(ui, _(l->ops->title));
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
	draw_rows(l, rows);
	if (l->scope)
		snprintf(count, sizeof count, _("%ld in %s"), l->n, l->scope_name);
	else
		snprintf(count, sizeof count, l->n >= SHOW_MAX ? _("first %ld") : _("%ld found"),
			 l->n);
	draw_text(2, COLS - text_width(count) - 2, text_width(count), R_DIM, count);
	draw_text(2, 2, 10, R_TITLE, _("Search:"));
	lineedit_draw(&l->search, 2, 12, COLS - 36);
}

/* Enter: pick the row, or open it in the editor. */
static int open_row(struct ui *ui, struct searchlist *l, const void *row)
{
	struct record_arg a = { .uuid = searchlist_uuid(l, row) };

	if (l->picked) {
		snprintf(l->picked, 37, "%s", a.uuid);
		ui_pop(ui);
	} else if (l->ops->editor) {
		ui_push(ui, l->ops->editor, &a);
	}
	return RD_ALL;
}

/* F2: a new record in the editor, named as searched. */
static int add_named(struct ui *ui, struct searchlist *l, const void *row)
{
	struct record_arg a = { .name = searchlist_text(l), .carry = l->kept };

	(void)row;
	ui_push(ui, l->ops->editor, &a);
	free((char *)a.name);
	return RD_ALL;
}

/* The keys every list has (see searchlist.h). */
static const struct searchlist_key common_keys[] = {
	{ .fkey = 0, .needs_row = 1, .stale = 1, .act = open_row },
	{ .fkey = 2, .stale = 1, .act = add_named },
	{ .fkey = 8, .needs_row = 1, .act = searchlist_remove },
	{ 0 },
};

/* Does the list have common key k (its table entry above)? */
static int has_common(const struct searchlist *l, const struct searchlist_key *k)
{
	if (k->act == add_named)
		return l->ops->editor != NULL;
	if (k->act == searchlist_remove)
		return l->ops->remove != NULL;
	return l->ops->editor || l->picked;
}

/* The entry for Enter (fkey 0) or an F-key: the list's own, else a common one. */
static const struct searchlist_key *find_key(const struct searchlist *l, int fkey)
{
	for (const struct searchlist_key *k = l->ops->keys; k && k->act; k++)
		if (k->fkey == fkey)
			return k;
	for (const struct searchlist_key *k = common_keys; k->act; k++)
		if (k->fkey == fkey && has_common(l, k))
			return k;
	return NULL;
}

/* Enter or an F-key; `none` is what a key that does nothing returns. */
static int run_key(struct ui *ui, struct searchlist *l, int fkey, int none)
{
	const struct searchlist_key *k = find_key(l, fkey);

	if (!k || (k->needs_row && !l->n))
		return none;
	if (k->stale)
		l->stale = 1;
	return k->act(ui, l, l->n ? row_at(l, l->sel) : NULL);
}

int searchlist_handle(struct ui *ui, void *state, const struct input *in)
{
	struct searchlist *l = state;

	if (listview_move(&l->sel, l->n, page_rows(), in, 0))
		return RD_SCREEN;
	switch (in->act) {
	case ACT_BACK:
		ui_pop(ui);
		return RD_ALL;
	case ACT_OK:
		return run_key(ui, l, 0, RD_ALL);
	case ACT_FKEY:
		return run_key(ui, l, (int)in->ch, RD_NONE);
	default:
		break;
	}
	if (lineedit_handle(&l->search, in)) {
		l->sel = l->top = 0;
		searchlist_refresh(ui, l);
		return RD_SCREEN;
	}
	return RD_NONE;
}

void searchlist_leave(struct ui *ui, void *state)
{
	struct searchlist *l = state;
	(void)ui;
	l->ops->free_rows(l->rows, l->n > 0 ? (size_t)l->n : 0);
	free(l->scope);
	free(l->scope_name);
	free(l);
}

const char *searchlist_scope(const struct searchlist *l)
{
	return l->scope;
}

void searchlist_set_scope(struct ui *ui, struct searchlist *l, const char *uuid, const char *name)
{
	free(l->scope);
	free(l->scope_name);
	l->scope = uuid ? xstrdup(uuid) : NULL;
	l->scope_name = uuid ? xstrdup(name ? name : uuid) : NULL;
	l->sel = l->top = 0;
	searchlist_refresh(ui, l);
}

const char *searchlist_uuid(const struct searchlist *l, const void *row)
{
	return (const char *)row + l->ops->uuid_at;
}

char *searchlist_text(const struct searchlist *l)
{
	return lineedit_text(&l->search);
}

int searchlist_remove(struct ui *ui, struct searchlist *l, const void *row)
{
	struct sx_err err = {0};
	const char *label = *(char *const *)(const void *)((const char *)row + l->ops->label_at);
	char *ask = xasprintf(_(l->ops->confirm), label);

	if (draw_confirm(ask)) {
		if (l->ops->remove(ui_ctx(ui)->db, searchlist_uuid(l, row), &err) == 0)
			ui_message(ui, 0, "%s", _("Deleted."));
		else
			ui_message(ui, 1, "%s", sx_err_last(&err));
		searchlist_refresh(ui, l);
	}
	free(ask);
	sx_err_clear(&err);
	return RD_ALL;
}
