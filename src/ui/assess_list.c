/* assess_list.c — the assessments (drafts first) of every facility or of
 * one, how far each got and whether it has errors; open, review, start,
 * name an adviser from the support network (records/orgs.h). */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/date.h"
#include "ui/draw.h"
#include "assess/assess.h"
#include "form/formdir.h"
#include "base/i18n.h"
#include "ui/listview.h"
#include "base/mem.h"
#include "records/orgs.h"
#include "ui/outdir.h"
#include "ui/screen.h"

struct alist {
	char facility[37];          /* "" for every draft */
	struct assess_row *rows;    /* the assessments */
	char **progress;            /* form, date, score, "12/48 answered" per row */
	size_t *problems;           /* answers that need attention, per row */
	long n;
	int sel, top;
	char picked[37];            /* set by the facility picker */
	int picking;                /* waiting for the picker */
	char adviser[37];           /* set by the organisation picker */
	char advised[37];           /* the assessment it advises, "" when not picking */
	struct outdir_ask ask;      /* F5: the folder the report goes to */
};

/* Forms loaded for one reload: each form file is read once, not once per row. */
struct form_cache {
	char **ids;            /* form ids */
	struct xform **forms;  /* their forms, NULL when missing */
	size_t n;
};

static struct xform *cached_form(struct ui *ui, struct form_cache *c, const char *form_id)
{
	struct sx_err err = {0};
	char *path;

	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->ids[i], form_id) == 0)
			return c->forms[i];
	c->ids = xreallocarray(c->ids, c->n + 1, sizeof *c->ids);
	c->forms = xreallocarray(c->forms, c->n + 1, sizeof *c->forms);
	path = formdir_path(ui_ctx(ui)->datadir, form_id, &err);
	c->ids[c->n] = xstrdup(form_id);
	c->forms[c->n] = path ? xform_load(path, &err) : NULL;
	free(path);
	sx_err_clear(&err);
	return c->forms[c->n++];
}

static void free_cache(struct form_cache *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->ids[i]);
		xform_free(c->forms[i]);
	}
	free(c->ids);
	free(c->forms);
}

/* The second line of an assessment: its form, date, score and how far it got (the one
 * count, assess_progress()).  Caller frees. */
static char *progress_of(struct ui *ui, struct form_cache *cache, const struct assess_row *row,
			 size_t *problems)
{
	struct sx_err err = {0};
	struct xform *f = cached_form(ui, cache, row->form_id);
	struct fsession *s;
	struct assess_progress p;
	char day[11], iso[11], *count, *score, *out;
	const char *visit;

	if (!f)
		return xstrdup(_("form missing"));
	s = fs_new(f, i18n_lang(), clock_now_ms());
	assess_load(ui_ctx(ui)->db, row->uuid, s, &err);
	assess_progress(s, &p);
	count = assess_progress_text(&p);
	/* The day of the visit; until it is answered, the day of the last change. */
	visit = fs_get(s, "visit_date");
	clock_date(row->updated_at, iso);
	date_format_user(*visit ? visit : iso, day);
	score = *fs_get(s, "score") ? xasprintf(_("score %s"), fs_get(s, "score")) : xstrdup("");
	out = xasprintf("%s · %s%s%s · %s", f->settings.form_title ? f->settings.form_title
			: f->settings.form_id, day, *score ? " · " : "", score, count);
	*problems = p.problems;
	free(score);
	free(count);
	fs_free(s);
	sx_err_clear(&err);
	return out;
}

static void reload(struct ui *ui, struct alist *l)
{
	struct form_cache cache = {0};
	struct sx_err err = {0};
	for (long i = 0; i < l->n; i++)
		free(l->progress[i]);
	free(l->progress);
	free(l->problems);
	assess_rows_free(l->rows, l->n > 0 ? (size_t)l->n : 0);
	l->n = assess_list(ui_ctx(ui)->db, l->facility[0] ? l->facility : NULL, &l->rows, &err);
	if (l->n < 0) {
		ui_message(ui, 1, "%s", sx_err_last(&err));
		l->n = 0;
	}
	l->progress = xcalloc((size_t)l->n + 1, sizeof *l->progress);
	l->problems = xcalloc((size_t)l->n + 1, sizeof *l->problems);
	for (long i = 0; i < l->n; i++)
		l->progress[i] = progress_of(ui, &cache, &l->rows[i], &l->problems[i]);
	free_cache(&cache);
	if (l->sel >= l->n)
		l->sel = l->n ? (int)l->n - 1 : 0;
	sx_err_clear(&err);
}

static void *alist_enter(struct ui *ui, const void *varg)
{
	const struct assess_list_arg *arg = varg;
	struct alist *l = xcalloc(1, sizeof *l);
	if (arg && arg->facility)
		snprintf(l->facility, sizeof l->facility, "%s", arg->facility);
	reload(ui, l);
	return l;
}

/* Rows of the list: each assessment takes two. */
static int list_rows(void)
{
	return (LINES - 5) / 2;
}

static void alist_draw(struct ui *ui, void *state)
{
	struct alist *l = state;
	int rows = list_rows(), namew = COLS - 32;

	ui_title(ui, l->facility[0] ? _("Assessments of the facility") : _("Assessments"));
	if (l->n == 0)
		draw_wrapped(2, 2, COLS - 4, 3, R_NORMAL, l->facility[0]
			? _("No assessment yet. F2 starts one.")
			: _("No assessment yet. F2 starts a rapid assessment: choose the facility, then the form."));
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
	for (int k = 0; k < rows && l->top + k < l->n; k++) {
		const struct assess_row *r = &l->rows[l->top + k];
		int y = 2 + 2 * k, sel = l->top + k == l->sel;
		enum role role = sel ? R_SELECTED : R_NORMAL;
		if (sel) {
			draw_fill(y, 1, COLS - 2, role);
			draw_fill(y + 1, 1, COLS - 2, role);
		}
		const char *status = strcmp(r->status, "complete") == 0 ? _("finished") : _("draft");
		char *shown = l->problems[l->top + k]
			? xasprintf(_("%s, %zu to fix"), status, l->problems[l->top + k]) : xstrdup(status);
		draw_text(y, 2, namew, role, r->facility_name);
		draw_text(y, namew + 3, COLS - namew - 5, role, shown);
		free(shown);
		draw_text(y + 1, 4, COLS - 6, sel ? role : R_DIM, l->progress[l->top + k]);
	}
	if (l->ask.on)
		outdir_ask_draw(&l->ask);
}

/* Ask which form, create the assessment and open it. */
static void start(struct ui *ui, struct alist *l, const char *facility)
{
	struct sx_ctx *ctx = ui_ctx(ui);
	struct sx_err err = {0};
	struct formdir_entry *forms;
	size_t n = formdir_scan(ctx->datadir, &forms, &err);
	const char **labels = xcalloc(n + 1, sizeof *labels);
	struct xform *f = NULL;
	char uuid[37];
	int pick;

	for (size_t i = 0; i < n; i++)
		labels[i] = forms[i].title;
	pick = n == 1 ? 0 : draw_choose(_("Which form?"), labels, (int)n);
	if (pick >= 0 && (size_t)pick < n && (f = xform_load(forms[pick].path, &err)) != NULL &&
	    assess_create(ctx->db, facility, f, strstr(f->settings.form_id, "detailed")
			  ? "detailed" : "rapid", uuid, &err) == 0 &&
	    assess_prefill(ctx->db, uuid, f, facility, &err) == 0) {
		struct walk_arg a = { .uuid = uuid, .fresh = 1 };
		reload(ui, l);
		ui_push(ui, &screen_walk, &a);
	} else if (sx_err_count(&err)) {
		ui_message(ui, 1, "%s", sx_err_last(&err));
	}
	xform_free(f);
	free(labels);
	formdir_free(forms, n);
	sx_err_clear(&err);
}

static int alist_handle(struct ui *ui, void *state, const struct input *in)
{
	struct alist *l = state;
	int rows = list_rows();

	if (l->ask.on) {
		if (outdir_ask_handle(&l->ask, in) == OUTDIR_GO && l->n)
			review_write_report(ui, l->rows[l->sel].uuid, &l->ask.le);
		return RD_ALL;
	}
	if (listview_move(&l->sel, (long)l->n, rows, in, 1))
		return RD_SCREEN;
	switch (in->act) {
	case ACT_BACK:
		ui_pop(ui);
		return RD_ALL;
	case ACT_OK:
		if (l->n) {
			struct walk_arg a = { .uuid = l->rows[l->sel].uuid };
			ui_push(ui, &screen_walk, &a);
		}
		return RD_ALL;
	case ACT_FKEY:
		if (in->ch == 2 && l->facility[0]) {
			start(ui, l, l->facility);
		} else if (in->ch == 2) {
			struct pick_arg a = { .picked = l->picked };
			l->picked[0] = '\0';
			l->picking = 1;
			ui_push(ui, &screen_facility_pick, &a);
		} else if (in->ch == 4 && l->n) {
			struct pick_arg a = { .picked = l->adviser };
			l->adviser[0] = '\0';
			snprintf(l->advised, sizeof l->advised, "%s", l->rows[l->sel].uuid);
			ui_push(ui, &screen_org_list, &a);
		} else if (in->ch == 5 && l->n) {
			outdir_ask_start(&l->ask, ui_ctx(ui)->db);
		} else if (in->ch == 9 && l->n) {
			struct walk_arg a = { .uuid = l->rows[l->sel].uuid, .from_list = 1 };
			ui_push(ui, &screen_review, &a);
		}
		return RD_ALL;
	default:
		return RD_NONE;
	}
}

/* After the organisation picker: name it adviser of the assessment. */
static void name_adviser(struct ui *ui, struct alist *l)
{
	struct sx_err err = {0};
	struct org o = {0};

	if (!l->adviser[0])
		return;
	if (orgs_link(ui_ctx(ui)->db, l->adviser, "adviser", l->advised, &err) < 0
	    || orgs_find(ui_ctx(ui)->db, l->adviser, &o, &err) < 0)
		ui_message(ui, 1, "%s", sx_err_last(&err));
	else
		ui_message(ui, 0, _("%s of this assessment: %s (saved)."),
			   orgs_role_label("adviser"), o.name);
	org_clear(&o);
	sx_err_clear(&err);
}

/* Back on top: after the facility picker, start; after a walkthrough,
 * show the new progress. */
static void alist_resume(struct ui *ui, void *state)
{
	struct alist *l = state;
	if (l->advised[0]) {
		name_adviser(ui, l);
		l->advised[0] = '\0';
	}
	if (l->picking) {
		l->picking = 0;
		if (l->picked[0]) {
			start(ui, l, l->picked);
			return;
		}
	}
	reload(ui, l);
}

static void alist_leave(struct ui *ui, void *state)
{
	struct alist *l = state;
	(void)ui;
	for (long i = 0; i < l->n; i++)
		free(l->progress[i]);
	free(l->progress);
	free(l->problems);
	assess_rows_free(l->rows, (size_t)l->n);
	free(l);
}

const struct screen screen_assess_list = {
	.name = "assess_list",
	.enter = alist_enter,
	.draw = alist_draw,
	.handle = alist_handle,
	.leave = alist_leave,
	.resume = alist_resume,
	.keys = N_("Enter continue  F2 new  F4 adviser  F5 report  F9 review  Esc back"),
	.help = N_("Each assessment takes two lines: the facility and whether it is a draft or "
		   "finished; then the form, the date of the visit (until it is answered, of "
		   "the last change), the score the form calculates, and how many questions "
		   "are answered out of those that apply now (\"32/55 answered\": notes and "
		   "calculated results are not counted, and the total grows or shrinks as "
		   "answers open or skip parts of the form; the walkthrough and the review show "
		   "the same count), with how many still need attention. Enter continues where "
		   "it stopped; F9 opens the review, where it is finished; F2 starts a new one "
		   "(choose the facility, then the form); F4 names an organisation of the "
		   "support network as adviser of the selected assessment (the report lists "
		   "it); F5 writes the selected assessment's report for the facility as a "
		   "printable HTML page into the folder shown on the bottom line (your "
		   "documents folder the first time, then the one you used last)."),
};
