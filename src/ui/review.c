/* review.c — every question that applies and its whole answer (wrapped), the results the
 * form calculates, a heading per section and per repeated entry; jump to fix, come back to
 * the same place, write the facility's report, finish. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "ui/draw.h"
#include "assess/areport.h"
#include "assess/assess.h"
#include "form/formdir.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "ui/outdir.h"
#include "ui/screen.h"

/* What a line of the review is. */
enum rkind { RL_HEAD, RL_ANSWER, RL_RESULT };

/* One line of the review (drawn over as many rows as its text needs). */
struct rline {
	enum rkind kind;
	char *text;      /* the heading, "label: answer" or the result */
	char *path;      /* the item's path, to jump to (NULL for a heading) */
	int problem;     /* 1 when missing or invalid */
};

struct review {
	char uuid[37];
	struct xform *form;
	struct fsession *fs;
	struct rline *lines;
	size_t n, cap;
	struct assess_progress progress;
	int sel, top;    /* selected line (never a heading), first line drawn */
	char *status;
	int over_walk;   /* a walkthrough is under the review (else the list) */
	struct outdir_ask ask;   /* F5: the folder the report goes to */
};

/* Where the review was when Enter left it to edit an answer: the next review of the same
 * assessment opens there (one review is open at a time). */
static struct {
	char uuid[37];
	char *path;      /* the selected line's item */
	char *top_path;  /* the first line's item, or NULL for a heading */
	int top;         /* the first line's index, when top_path is NULL */
} back;

static void free_lines(struct review *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->lines[i].text);
		free(r->lines[i].path);
	}
	free(r->lines);
	r->lines = NULL;
	r->n = r->cap = 0;
}

/* Add a line (text owned from now on). */
static void add(struct review *r, enum rkind kind, char *text, const char *path, int problem)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->lines = xreallocarray(r->lines, r->cap, sizeof *r->lines);
	}
	r->lines[r->n++] = (struct rline){ kind, text, path ? xstrdup(path) : NULL, problem };
}

/* 1 for a note that is not the opening text of a section (as the report has them). */
static int result_note(const struct xform_node *node)
{
	size_t len = strlen(node->name);
	return !(len >= 6 && strcmp(node->name + len - 6, "_intro") == 0);
}

/* The headings a line at item i needs before it. */
static void headings(struct review *r, size_t i, int *group, long *entry, char **last)
{
	size_t n;
	const struct fs_item *it = fs_items(r->fs, &n);
	long e = areport_entry_of(it[i].path);

	if (e && e != *entry) {
		add(r, RL_HEAD, areport_entry_heading(r->fs, i), NULL, 0);
		*group = it[i].group;
	} else if (!e && it[i].group != *group && it[i].group >= 0) {
		char *h = areport_group_heading(r->fs, i);
		if (!*last || strcmp(*last, h) != 0)
			add(r, RL_HEAD, xstrdup(h), NULL, 0);
		free(*last);
		*last = h;
		*group = it[i].group;
	}
	*entry = e;
}

/* The lines from the session: in the form's order, each question that applies with its
 * answer (or why it needs attention), each result note, and the headings. */
static void fill(struct review *r)
{
	size_t n;
	const struct fs_item *it = fs_items(r->fs, &n);
	int group = -2;
	long entry = 0;
	char *last = NULL, msg[256];

	for (size_t i = 0; i < n; i++) {
		const struct xform_node *node = &r->form->nodes[it[i].node];
		const char *v = fs_get(r->fs, it[i].path);
		char *label, *shown;
		int bad;

		if (fs_type_auto(node->type) || !fs_relevant(r->fs, i) ||
		    (node->type == XFT_NOTE && !result_note(node)) ||
		    (node->type == XFT_REPEAT && fs_repeat_fixed(r->fs, i)))
			continue;
		headings(r, i, &group, &entry, &last);
		label = fs_label(r->fs, i);
		if (node->type == XFT_REPEAT) {   /* after its entries: how many, Enter adds */
			add(r, RL_ANSWER, xasprintf(_("%s — entries: %zu (Enter, then F4 adds one)"),
						    label, fs_repeat_count(r->fs, i)), it[i].path, 0);
			free(label);
			continue;
		}
		if (node->type == XFT_NOTE) {
			add(r, RL_RESULT, xasprintf("= %s", label), it[i].path, 0);
			free(label);
			continue;
		}
		bad = fs_check(r->fs, i, v, msg, sizeof msg) != 0;
		shown = fs_display(r->fs, i);
		add(r, RL_ANSWER, xasprintf("%s: %s", label, bad ? msg : *shown ? shown : "—"),
		    it[i].path, bad);
		free(shown);
		free(label);
	}
	free(last);
}

/* Build the lines from the stored answers (the walkthrough saved them). */
static void build(struct ui *ui, struct review *r)
{
	struct sx_ctx *ctx = ui_ctx(ui);
	struct sx_err err = {0};
	struct assess_row row;
	char *path = NULL;

	free_lines(r);
	fs_free(r->fs);
	xform_free(r->form);
	r->fs = NULL;
	r->form = NULL;
	memset(&r->progress, 0, sizeof r->progress);
	if (assess_get(ctx->db, r->uuid, &row, &err) != 0)
		goto out;
	free(r->status);
	r->status = xstrdup(row.status);
	path = formdir_path(ctx->datadir, row.form_id, &err);
	if (path && (r->form = xform_load(path, &err)) != NULL) {
		r->fs = fs_new(r->form, i18n_lang(), clock_now_ms());
		assess_load(ctx->db, r->uuid, r->fs, &err);
		fill(r);
		assess_progress(r->fs, &r->progress);
	}
	free(row.facility_name);
	free(row.form_id);
	free(row.status);
	free(row.position);
out:
	if (sx_err_count(&err))
		ui_message(ui, 1, "%s", sx_err_last(&err));
	free(path);
	sx_err_clear(&err);
}

/* The next line after from in direction dir (+1, -1) that can be selected, with a problem
 * when only_problems is set (wrapping then); from itself when there is none. */
static int next_line(const struct review *r, int from, int dir, int only_problems)
{
	for (size_t k = 1; k <= r->n; k++) {
		long i = (long)from + dir * (long)k;
		if (only_problems)
			i = ((i % (long)r->n) + (long)r->n) % (long)r->n;
		else if (i < 0 || i >= (long)r->n)
			break;
		if (r->lines[i].kind != RL_HEAD && (!only_problems || r->lines[i].problem))
			return (int)i;
	}
	return from;
}

/* The line whose item is path, or -1. */
static int line_of(const struct review *r, const char *path)
{
	for (size_t i = 0; path && i < r->n; i++)
		if (r->lines[i].path && strcmp(r->lines[i].path, path) == 0)
			return (int)i;
	return -1;
}

/* Columns and rows the lines are drawn in. */
static int text_cols(void) { return COLS - 4; }
static int list_rows(void) { return LINES - 6; }

static int rows_of(const struct rline *l)
{
	int h = draw_wrapped_rows(text_cols(), l->text);
	return h < 1 ? 1 : h > list_rows() ? list_rows() : h;
}

/* Rows of lines a..b (inclusive). */
static int rows_between(const struct review *r, int a, int b)
{
	int h = 0;
	for (int i = a; i <= b && i < (int)r->n; i++)
		h += rows_of(&r->lines[i]);
	return h;
}

/* Scroll so that the selected line shows whole (with its heading when there is room). */
static void scroll_to_sel(struct review *r)
{
	if (r->sel < r->top)
		r->top = r->sel > 0 && r->lines[r->sel - 1].kind == RL_HEAD ? r->sel - 1 : r->sel;
	while (r->top < r->sel && rows_between(r, r->top, r->sel) > list_rows())
		r->top++;
}

/* Open where the officer left it to edit, else on the first problem (Enter fixes it),
 * else at the top. */
static void place(struct review *r)
{
	int first = r->n && r->lines[0].kind != RL_HEAD ? 0 : next_line(r, 0, 1, 0);
	int at = strcmp(back.uuid, r->uuid) == 0 ? line_of(r, back.path) : -1;

	r->sel = first;
	if (at >= 0) {
		int top = back.top_path ? line_of(r, back.top_path) : back.top;
		r->sel = at;
		r->top = top >= 0 && top <= at ? top : at;
	} else if (r->progress.problems && r->n && !r->lines[first].problem) {
		r->sel = next_line(r, first, 1, 1);
	}
	back.uuid[0] = '\0';
	if (r->n && r->sel < (int)r->n && r->lines[r->sel].kind == RL_HEAD)
		r->sel = next_line(r, r->sel, 1, 0);
	scroll_to_sel(r);
}

static void *review_enter(struct ui *ui, const void *arg)
{
	struct review *r = xcalloc(1, sizeof *r);
	snprintf(r->uuid, sizeof r->uuid, "%s", ((const struct walk_arg *)arg)->uuid);
	r->over_walk = !((const struct walk_arg *)arg)->from_list;
	build(ui, r);
	place(r);
	return r;
}

static void review_draw(struct ui *ui, void *state)
{
	struct review *r = state;
	char *head, *count = assess_progress_text(&r->progress);
	size_t problems = r->progress.problems;
	int y = 3, bottom = 3 + list_rows();

	ui_title(ui, _("Review"));
	head = problems
		? xasprintf(_("%zu answers to check or complete (marked !). Enter jumps to one."), problems)
		: xstrdup(strcmp(r->status ? r->status : "", "complete") == 0
			? _("Finished. Changes you make now are kept in the history.")
			: _("Everything is answered. F9 finishes the assessment."));
	draw_text(1, 1, COLS - 2, problems ? R_ERROR : R_GOOD, head);
	draw_text(2, 1, COLS - 2, R_DIM, count);
	free(head);
	free(count);
	scroll_to_sel(r);
	for (int i = r->top; i < (int)r->n && y < bottom; i++) {
		const struct rline *l = &r->lines[i];
		int h = rows_of(l);
		enum role role = i == r->sel ? R_SELECTED : l->kind == RL_HEAD ? R_TITLE
			: l->problem ? R_ERROR : R_NORMAL;
		if (h > bottom - y)
			h = bottom - y;
		if (role == R_SELECTED)
			for (int k = 0; k < h; k++)
				draw_fill(y + k, 1, COLS - 2, role);
		if (l->problem)
			draw_text(y, 1, 1, role, "!");
		draw_wrapped(y, l->kind == RL_HEAD ? 1 : 3, l->kind == RL_HEAD ? COLS - 2
			     : text_cols(), h, role, l->text);
		y += h;
	}
	if (r->ask.on)
		outdir_ask_draw(&r->ask);
}

/* Move for Up, Down, PageUp, PageDown, Home, End; 1 when it was one of them. */
static int move_sel(struct review *r, const struct input *in)
{
	int to = r->sel, nx;

	switch (in->act) {
	case ACT_UP: to = next_line(r, r->sel, -1, 0); break;
	case ACT_DOWN: to = next_line(r, r->sel, 1, 0); break;
	case ACT_HOME: to = next_line(r, -1, 1, 0); break;
	case ACT_END: to = next_line(r, (int)r->n, -1, 0); break;
	case ACT_PGDN:   /* about a screen of rows further */
		while ((nx = next_line(r, to, 1, 0)) != to && rows_between(r, r->sel + 1, nx) <= list_rows())
			to = nx;
		if (to == r->sel)
			to = next_line(r, to, 1, 0);
		break;
	case ACT_PGUP:
		while ((nx = next_line(r, to, -1, 0)) != to && rows_between(r, nx, r->sel - 1) <= list_rows())
			to = nx;
		if (to == r->sel)
			to = next_line(r, to, -1, 0);
		break;
	default:
		return 0;
	}
	if (to >= 0 && to < (int)r->n)
		r->sel = to;
	return 1;
}

/* Enter: open the walkthrough at this line's item, over the review's parent; the next
 * review of this assessment comes back here. */
static int edit(struct ui *ui, struct review *r)
{
	char uuid[37], *path = xstrdup(r->lines[r->sel].path);
	struct walk_arg a = { .uuid = uuid, .jump = path };
	int over_walk = r->over_walk;

	snprintf(uuid, sizeof uuid, "%s", r->uuid);
	snprintf(back.uuid, sizeof back.uuid, "%s", r->uuid);
	free(back.path);
	free(back.top_path);
	back.path = xstrdup(path);
	back.top_path = r->lines[r->top].path ? xstrdup(r->lines[r->top].path) : NULL;
	back.top = r->top;
	ui_pop(ui);
	if (over_walk)
		ui_pop(ui);
	ui_push(ui, &screen_walk, &a);
	free(path);
	return RD_ALL;
}

void review_write_report(struct ui *ui, const char *uuid, const struct lineedit *folder)
{
	struct sx_ctx *ctx = ui_ctx(ui);
	struct sx_err err = {0};
	char *typed = lineedit_text(folder);
	char *name = areport_file_name(ctx->db, uuid, AREPORT_HTML, &err);
	char *path = name ? outdir_file(typed, name) : NULL;

	if (path && areport_save(ctx->db, ctx->datadir, uuid, AREPORT_HTML, path, &err) == 0) {
		char *shown = outdir_join(typed, name);   /* where, as the officer typed it */
		ui_message_path(ui, _("Written: %s"), shown);
		outdir_remember(ctx->db, typed);
		free(shown);
	} else {
		ui_message(ui, 1, "%s", sx_err_last(&err));
	}
	free(typed);
	free(name);
	free(path);
	sx_err_clear(&err);
}

static int finish(struct ui *ui, struct review *r)
{
	struct sx_err err = {0};

	if (r->progress.problems) {
		ui_message(ui, 1, _("Not finished: %zu answers still need attention."),
			   r->progress.problems);
		return RD_SCREEN;
	}
	if (!r->fs)
		return RD_NONE;
	if (assess_finish(ui_ctx(ui)->db, r->uuid, r->fs, &err) == 0) {
		/* Done: back to the list of assessments, past the walkthrough. */
		int over_walk = r->over_walk;
		ui_message(ui, 0, "%s", _("The assessment is finished and saved."));
		sx_err_clear(&err);
		ui_pop(ui);
		if (over_walk)
			ui_pop(ui);
		return RD_ALL;
	}
	ui_message(ui, 1, "%s", sx_err_last(&err));
	sx_err_clear(&err);
	build(ui, r);
	place(r);
	return RD_ALL;
}

static int review_handle(struct ui *ui, void *state, const struct input *in)
{
	struct review *r = state;

	if (r->ask.on) {
		if (outdir_ask_handle(&r->ask, in) == OUTDIR_GO)
			review_write_report(ui, r->uuid, &r->ask.le);
		return RD_ALL;
	}
	if (r->n && move_sel(r, in))
		return RD_SCREEN;
	switch (in->act) {
	case ACT_BACK:
		ui_pop(ui);
		return RD_ALL;
	case ACT_TAB:
		if (r->n)
			r->sel = next_line(r, r->sel, 1, 1);
		return RD_SCREEN;
	case ACT_OK:
		return r->n && r->lines[r->sel].path ? edit(ui, r) : RD_NONE;
	case ACT_FKEY:
		if (in->ch == 5) {
			outdir_ask_start(&r->ask, ui_ctx(ui)->db);
			return RD_ALL;
		}
		return in->ch == 9 ? finish(ui, r) : RD_NONE;
	default:
		return RD_NONE;
	}
}

static void review_leave(struct ui *ui, void *state)
{
	struct review *r = state;
	(void)ui;
	free_lines(r);
	fs_free(r->fs);
	xform_free(r->form);
	free(r->status);
	free(r);
}

const struct screen screen_review = {
	.name = "review",
	.enter = review_enter,
	.draw = review_draw,
	.handle = review_handle,
	.leave = review_leave,
	.keys = N_("Up/Down move  Enter edit  Tab next problem  F5 report  F9 finish  Esc back"),
	.help = N_("The review lists, section by section and entry by entry of the repeated "
		   "parts (such as the CP options), every question that applies with its whole "
		   "answer, and the results the form calculates (lines starting with =: "
		   "specific consumption, benchmark verdicts, payback, score). Answers marked ! "
		   "are missing or not valid: the review opens on the first one, Tab goes to the "
		   "next one and Enter goes to fix it; F9 in the walkthrough comes back to the "
		   "same place. The second line counts the questions that apply now (notes and "
		   "calculated results not counted) and how many have an answer, as the list of "
		   "assessments and the walkthrough count them. F5 writes the report for the "
		   "facility as a printable HTML page into the folder shown on the bottom line "
		   "(your documents folder the first time, then the one you used last). When "
		   "nothing is marked, F9 finishes the assessment and returns to the list of "
		   "assessments. A finished assessment can still be corrected; every change is "
		   "kept in the history."),
};
