/* review.c — every question shown and its answer; jump to fix; finish. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "ui/draw.h"
#include "assess/assess.h"
#include "form/formdir.h"
#include "base/i18n.h"
#include "ui/listview.h"
#include "base/mem.h"
#include "ui/screen.h"

/* One line of the review. */
struct rline {
	char *text;      /* "label: answer" */
	char *path;      /* the item's path, to jump to */
	int problem;     /* 1 when missing or invalid */
};

struct review {
	char uuid[37];
	struct xform *form;
	struct fsession *fs;
	struct rline *lines;
	size_t n, problems;
	int sel, top;
	char *status;
	int over_walk;   /* a walkthrough is under the review (else the list) */
};

static void free_lines(struct review *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->lines[i].text);
		free(r->lines[i].path);
	}
	free(r->lines);
	r->lines = NULL;
	r->n = 0;
}

/* Build the lines from the stored answers (the walkthrough saved them). */
static void build(struct ui *ui, struct review *r)
{
	struct sx_ctx *ctx = ui_ctx(ui);
	struct sx_err err = {0};
	struct assess_row row;
	size_t n;
	const struct fs_item *it;
	char *path = NULL, msg[256];

	free_lines(r);
	fs_free(r->fs);
	xform_free(r->form);
	r->fs = NULL;
	r->form = NULL;
	if (assess_get(ctx->db, r->uuid, &row, &err) != 0)
		goto out;
	free(r->status);
	r->status = xstrdup(row.status);
	path = formdir_path(ctx->datadir, row.form_id, &err);
	if (!path || !(r->form = xform_load(path, &err)))
		goto out_row;
	r->fs = fs_new(r->form, i18n_lang(), clock_now_ms());
	assess_load(ctx->db, r->uuid, r->fs, &err);
	it = fs_items(r->fs, &n);
	r->lines = xcalloc(n + 1, sizeof *r->lines);
	r->problems = 0;
	for (size_t i = 0; i < n; i++) {
		enum xform_type t = r->form->nodes[it[i].node].type;
		const char *v = fs_get(r->fs, it[i].path);
		char *label, *shown;
		int bad;
		if (fs_type_auto(t) || t == XFT_NOTE || t == XFT_REPEAT || !fs_relevant(r->fs, i))
			continue;
		bad = fs_check(r->fs, i, v, msg, sizeof msg) != 0;
		label = fs_label(r->fs, i);
		shown = fs_display(r->fs, i);
		r->lines[r->n].text = xasprintf("%s %s: %s", bad ? "!" : " ", label,
						bad ? msg : *shown ? shown : "—");
		free(shown);
		r->lines[r->n].path = xstrdup(it[i].path);
		r->lines[r->n++].problem = bad;
		r->problems += (size_t)bad;
		free(label);
	}
out_row:
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

/* The next line with a problem after line from (wrapping), or from when there is none. */
static int next_problem(const struct review *r, int from)
{
	for (size_t k = 1; k <= r->n; k++) {
		size_t i = ((size_t)from + k) % r->n;
		if (r->lines[i].problem)
			return (int)i;
	}
	return from;
}

static void *review_enter(struct ui *ui, const void *arg)
{
	struct review *r = xcalloc(1, sizeof *r);
	snprintf(r->uuid, sizeof r->uuid, "%s", ((const struct walk_arg *)arg)->uuid);
	r->over_walk = !((const struct walk_arg *)arg)->from_list;
	build(ui, r);
	/* Open on the first problem, so that Enter goes to fix it. */
	if (r->problems && r->n)
		r->sel = r->lines[0].problem ? 0 : next_problem(r, 0);
	return r;
}

static void review_draw(struct ui *ui, void *state)
{
	struct review *r = state;
	int rows = LINES - 6;
	char *head;

	ui_title(ui, _("Review"));
	head = r->problems
		? xasprintf(_("%zu answers to check or complete (marked !). Enter jumps to one."), r->problems)
		: xstrdup(strcmp(r->status ? r->status : "", "complete") == 0
			? _("Finished. Changes you make now are kept in the history.")
			: _("Everything is answered. F9 finishes the assessment."));
	draw_text(1, 1, COLS - 2, r->problems ? R_ERROR : R_GOOD, head);
	free(head);
	if (r->sel < r->top)
		r->top = r->sel;
	if (r->sel >= r->top + rows)
		r->top = r->sel - rows + 1;
	for (int k = 0; k < rows && r->top + k < (int)r->n; k++) {
		const struct rline *l = &r->lines[r->top + k];
		enum role role = r->top + k == r->sel ? R_SELECTED : l->problem ? R_ERROR : R_NORMAL;
		if (role == R_SELECTED)
			draw_fill(3 + k, 1, COLS - 2, role);
		draw_text(3 + k, 1, COLS - 2, role, l->text);
	}
}

static int review_handle(struct ui *ui, void *state, const struct input *in)
{
	struct review *r = state;
	struct sx_err err = {0};
	int rows = LINES - 6;

	if (listview_move(&r->sel, (long)r->n, rows, in, 1))
		return RD_SCREEN;
	switch (in->act) {
	case ACT_BACK:
		ui_pop(ui);
		return RD_ALL;
	case ACT_TAB:
		if (r->n)
			r->sel = next_problem(r, r->sel);
		return RD_SCREEN;
	case ACT_OK:
		if (r->n) {
			/* Open the walkthrough at this question, over the review's parent. */
			char uuid[37], *path = xstrdup(r->lines[r->sel].path);
			struct walk_arg a = { .uuid = uuid, .jump = path };
			int over_walk = r->over_walk;
			snprintf(uuid, sizeof uuid, "%s", r->uuid);
			ui_pop(ui);
			if (over_walk)
				ui_pop(ui);
			ui_push(ui, &screen_walk, &a);
			free(path);
		}
		return RD_ALL;
	case ACT_FKEY:
		if (in->ch != 9)
			return RD_NONE;
		if (r->problems) {
			ui_message(ui, 1, _("Not finished: %zu answers still need attention."), r->problems);
			return RD_SCREEN;
		}
		if (!r->fs)
			return RD_NONE;
		if (assess_finish(ui_ctx(ui)->db, r->uuid, r->fs, &err) == 0) {
			/* Done: back to the list of assessments, past the walkthrough. */
			ui_message(ui, 0, "%s", _("The assessment is finished and saved."));
			int over_walk = r->over_walk;
			sx_err_clear(&err);
			ui_pop(ui);
			if (over_walk)
				ui_pop(ui);
			return RD_ALL;
		}
		ui_message(ui, 1, "%s", sx_err_last(&err));
		sx_err_clear(&err);
		build(ui, r);
		return RD_ALL;
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
	.keys = N_("Up/Down move  Enter edit  Tab next problem  F9 finish  Esc back"),
	.help = N_("The review lists every question that applies and its answer. Answers "
		   "marked ! are missing or not valid: the review opens on the first one, Tab goes "
		   "to the next one and Enter goes to fix it. When nothing is marked, F9 finishes "
		   "the assessment and returns to the list of assessments. A finished assessment "
		   "can still be corrected; every change is kept in the history."),
};
