/* dashboard.c — the plan's indicators as progress bars against their
 * targets, for the whole province or one area at a time (the units in force
 * in the plan's period), opening on the officer's home area; p steps
 * through the plans, y shows the annual programme (planned against done)
 * of a year.  Records dated outside the plan shown are counted on screen,
 * with the plan that covers them.  Bars are ASCII ([####------]) with the
 * numbers beside them, so they read the same on a text console and without
 * colour.  The values come from plan.h. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/date.h"
#include "ui/draw.h"
#include "plan/plan.h"
#include "plan/plan_io.h"
#include "plan/report.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "records/places.h"
#include "ui/screen.h"

/* Rows each indicator takes: its label, its bar, a blank row. */
#define ROWS_PER_IND 3

struct dash {
	struct plan_report r;   /* the computed plan */
	int loaded;             /* 1 when r holds a plan */
	size_t area;            /* the row shown: 0 whole province, then areas */
	size_t *areas;          /* indices of rows that can be shown */
	size_t nareas;          /* how many */
	char **plans;           /* live plan codes, by period */
	size_t nplans, plan;    /* how many, and which is shown */
	int programme;          /* 1: the annual programme of `year` */
	int year;               /* the programme's year */
	int opened;             /* 0 until the home area was looked for */
	size_t sel;             /* the selected figure: an indicator, or nind the
				 * records outside the plan (Enter lists them) */
};

/* The live plans' codes by period, and the default plan's index. */
static void load_plans(struct sx_db *db, struct dash *d, const char *current)
{
	struct sx_err err = {0};
	long n;

	for (size_t i = 0; i < d->nplans; i++)
		free(d->plans[i]);
	free(d->plans);
	n = plan_io_codes(db, &d->plans, &err);
	d->nplans = n > 0 ? (size_t)n : 0;
	for (size_t i = 0; current && i < d->nplans; i++)
		if (strcmp(current, d->plans[i]) == 0)
			d->plan = i;
	sx_err_clear(&err);
}

/* The area row of the officer's home area (as the plan's period sees it). */
static void open_home(struct sx_db *db, struct dash *d)
{
	struct sx_err err = {0};
	struct place_tree t;
	char *home = db_setting(db, "home_area");
	const char *area;

	if (!home)
		home = db_setting(db, "home_district");
	if (home && places_tree_load(db, &t, &err) == 0) {
		area = places_area(&t, home, d->r.period_start, d->r.period_end);
		for (size_t i = 0; area && i < d->nareas; i++)
			if (strcmp(d->r.rows[d->areas[i]].area, area) == 0)
				d->area = i;
		places_tree_free(&t);
	}
	free(home);
	sx_err_clear(&err);
}

/* The year the programme opens on: this year, within the plan's period. */
static int default_year(const struct plan_report *r)
{
	char today[11];
	int y, y0 = atoi(r->period_start), y1 = atoi(r->period_end);
	clock_date(clock_now_ms(), today);
	y = atoi(today);
	if (y1 > 0 && y > y1)
		y = y1;
	if (y0 > 0 && y < y0)
		y = y0;
	return y;
}

static void reload(struct ui *ui, struct dash *d)
{
	struct sx_err err = {0};
	struct sx_ctx *ctx = ui_ctx(ui);
	const char *code = d->nplans ? d->plans[d->plan] : NULL;
	char *keep = code ? xstrdup(code) : NULL;

	if (d->loaded)
		plan_report_free(&d->r);
	free(d->areas);
	d->areas = NULL;
	d->nareas = 0;
	d->loaded = plan_compute(ctx->db, ctx->datadir, keep, &d->r, &err) == 0;
	if (!d->loaded && keep) {   /* its code was changed: the default plan */
		sx_err_clear(&err);
		d->loaded = plan_compute(ctx->db, ctx->datadir, NULL, &d->r, &err) == 0;
	}
	if (!d->loaded)
		ui_message(ui, 1, "%s", sx_err_last(&err));
	load_plans(ctx->db, d, d->loaded ? d->r.code : NULL);
	free(keep);
	for (size_t i = 0; d->loaded && i < d->r.nrows; i++) {
		if (d->r.rows[i].scope != PLAN_OVERALL && d->r.rows[i].scope != PLAN_DISTRICT)
			continue;
		d->areas = xreallocarray(d->areas, d->nareas + 1, sizeof *d->areas);
		d->areas[d->nareas++] = i;
	}
	if (d->area >= d->nareas)
		d->area = 0;
	if (d->loaded && !d->opened) {
		open_home(ctx->db, d);
		d->opened = 1;
	}
	if (d->loaded && d->sel > d->r.nind)
		d->sel = 0;
	if (d->loaded && (d->year < atoi(d->r.period_start) || d->year > atoi(d->r.period_end)))
		d->year = default_year(&d->r);
	sx_err_clear(&err);
}

/* Show plan i, on the whole province. */
static void show_plan(struct ui *ui, struct dash *d, size_t i)
{
	d->plan = i;
	d->area = 0;
	d->year = 0;
	reload(ui, d);
}

static void *dash_enter(struct ui *ui, const void *arg)
{
	struct dash *d = xcalloc(1, sizeof *d);
	(void)arg;
	reload(ui, d);
	return d;
}

/* "[#####-----]" of inner width w, filled to progress (thousandths of the
 * target; a full bar means the target is reached).  Caller frees. */
static char *ascii_bar(long progress, int w)
{
	char *s = xmalloc((size_t)w + 3);
	long fill = progress < 0 ? 0 : progress * w / 1000;
	s[0] = '[';
	for (int i = 0; i < w; i++)
		s[i + 1] = i < fill ? '#' : '-';
	s[w + 1] = ']';
	s[w + 2] = '\0';
	return s;
}

/* One indicator at row y: its label, then the bar and the numbers. */
static void draw_indicator(int y, const struct plan_indicator *ind, const struct plan_value *v,
			   int selected)
{
	int w = COLS - 44;
	long p = plan_progress(ind, v);
	char *bar, *cell = report_cell(ind, v), *target = report_row_target(ind, v), *line;
	int met = plan_met(ind, v);

	if (w < 10)
		w = 10;
	bar = ascii_bar(p, w);
	if (selected)
		draw_fill(y, 1, COLS - 2, R_SELECTED);
	draw_text(y, 2, COLS - 4, selected ? R_SELECTED : R_NORMAL, ind->label);
	draw_text(y + 1, 2, w + 2, R_NORMAL, bar);
	line = xasprintf("%s  %s %s", cell, _("Target:"), target);
	draw_text(y + 1, w + 5, COLS - w - 15, R_NORMAL, line);
	draw_text(y + 1, COLS - 9, 8, met ? R_GOOD : R_DIM,
		  p < 0 ? "" : met ? _("Met") : _("Not met"));
	free(line);
	free(bar);
	free(cell);
	free(target);
}

/* The programme row of the shown area in d->year, or NULL (nothing planned or done). */
static const struct plan_row *programme_row(const struct dash *d, const struct plan_row *area)
{
	for (size_t i = 0; i < d->r.nrows; i++) {
		const struct plan_row *row = &d->r.rows[i];
		if (row->year != d->year)
			continue;
		if (area->scope == PLAN_OVERALL ? row->scope == PLAN_YEAR
		    : row->scope == PLAN_PROGRAMME && strcmp(row->area, area->area) == 0)
			return row;
	}
	return NULL;
}

/* The annual programme: each count indicator, done against planned. */
static void draw_programme(const struct dash *d, const struct plan_row *area)
{
	const struct plan_row *row = programme_row(d, area);
	int y = 5;
	char *line = xasprintf(_("Annual programme %d: planned and done"), d->year);

	draw_text(y++, 2, COLS - 4, R_TITLE, line);
	free(line);
	for (size_t k = 0; k < d->r.nind && y < LINES - 4; k++) {
		const struct plan_indicator *ind = &d->r.ind[k];
		struct plan_value none = { .known = 1 };
		const struct plan_value *v = row ? &row->v[k] : &none;
		char *cell;
		if (plan_is_share(ind))
			continue;
		cell = v->has_target ? xasprintf(_("%ld done of %g planned"), v->value, v->target)
			: xasprintf(_("%ld done, none planned"), v->value);
		draw_text(++y, 2, COLS - 30, R_NORMAL, ind->label);
		draw_text(y, COLS - 27, 25, v->has_target && v->value >= v->target ? R_GOOD : R_NORMAL,
			  cell);
		free(cell);
	}
}

static void dash_draw(struct ui *ui, void *state)
{
	struct dash *d = state;
	const struct plan_row *row;
	char a[11], b[11], *line;

	ui_title(ui, _("Plan dashboard"));
	if (!d->loaded || d->nareas == 0)
		return;
	row = &d->r.rows[d->areas[d->area]];
	draw_text(2, 2, COLS - 4, R_TITLE, d->r.title);
	date_format_user(d->r.period_start, a);
	date_format_user(d->r.period_end, b);
	line = xasprintf("%s %s – %s   %s %s (%zu/%zu)", _("Period:"), a, b, _("Area:"),
			 row->label, d->area + 1, d->nareas);
	draw_text(3, 2, COLS - 4, R_NORMAL, line);
	free(line);
	if (d->programme) {
		draw_programme(d, row);
	} else {
		for (size_t k = 0; k < d->r.nind; k++) {
			int y = 5 + (int)k * ROWS_PER_IND;
			if (y + 1 >= LINES - 4)
				break;
			draw_indicator(y, &d->r.ind[k], &row->v[k], k == d->sel);
		}
	}
	if (d->r.outside > 0 && !d->programme && d->sel == d->r.nind)
		draw_fill(LINES - 4, 1, COLS - 2, R_SELECTED);
	if (d->r.outside > 0)
		draw_text(LINES - 4, 2, COLS - 4,
			  !d->programme && d->sel == d->r.nind ? R_SELECTED : R_DIM,
			  *d->r.outside_plan
			  ? report_outside_text(&d->r)
			  : _("Some dated records fall outside every plan: add a plan that covers "
			      "them with 'sxsh plan import'."));
	draw_text(LINES - 3, 2, COLS - 4, R_DIM, d->programme
		  ? _("Counts are what was done in the year; the plan is that year's target.")
		  : _("A full bar: target reached. No bar: no target set for this area."));
}

/* The plan covering the records outside the one shown, or nplans. */
static size_t outside_plan(const struct dash *d)
{
	for (size_t i = 0; i < d->nplans; i++)
		if (*d->r.outside_plan && strcmp(d->plans[i], d->r.outside_plan) == 0)
			return i;
	return d->nplans;
}

/* The figure step places from the selected one (wrapping round): the
 * indicators shown, then the records outside the plan when there are any. */
static size_t next_figure(const struct dash *d, int step)
{
	size_t shown = 0, n;
	for (size_t k = 0; k < d->r.nind && 5 + (int)k * ROWS_PER_IND + 1 < LINES - 4; k++)
		shown++;
	n = shown + (d->r.outside > 0);
	if (n == 0)
		return 0;
	if (d->sel >= shown && d->sel != d->r.nind)
		return 0;
	{
		size_t at = d->sel == d->r.nind ? shown : d->sel;
		at = (at + n + (size_t)(step > 0 ? 1 : n - 1)) % n;
		return at == shown ? d->r.nind : at;
	}
}

static int dash_handle(struct ui *ui, void *state, const struct input *in)
{
	struct dash *d = state;
	size_t n = d->nareas ? d->nareas : 1;

	switch (in->act) {
	case ACT_BACK:
		ui_pop(ui);
		return RD_ALL;
	case ACT_RIGHT:
		d->area = (d->area + 1) % n;
		return RD_ALL;
	case ACT_LEFT:
		d->area = (d->area + n - 1) % n;
		return RD_ALL;
	case ACT_DOWN: case ACT_UP:
		if (d->loaded && !d->programme)
			d->sel = next_figure(d, in->act == ACT_DOWN ? 1 : -1);
		return RD_ALL;
	case ACT_OK:
		if (d->loaded && !d->programme && d->nareas > 0) {
			struct plan_records_arg a = { &d->r, d->sel, &d->r.rows[d->areas[d->area]] };
			ui_push(ui, &screen_plan_records, &a);
		}
		return RD_ALL;
	case ACT_PGDN: case ACT_PGUP:
		if (d->programme && d->loaded) {
			int y = d->year + (in->act == ACT_PGDN ? 1 : -1);
			if (y >= atoi(d->r.period_start) && y <= atoi(d->r.period_end))
				d->year = y;
		}
		return RD_ALL;
	case ACT_HOME:
		d->area = 0;
		return RD_ALL;
	case ACT_CHAR:
		if (in->ch == 'r' || in->ch == 'R') {   /* another laptop's import may have landed */
			reload(ui, d);
			return RD_ALL;
		}
		if ((in->ch == 'p' || in->ch == 'P') && d->nplans > 0) {
			show_plan(ui, d, (d->plan + 1) % d->nplans);
			return RD_ALL;
		}
		if ((in->ch == 'o' || in->ch == 'O') && d->loaded && outside_plan(d) < d->nplans) {
			show_plan(ui, d, outside_plan(d));
			return RD_ALL;
		}
		if ((in->ch == 'e' || in->ch == 'E') && d->loaded) {
			ui_push(ui, &screen_plan_edit, d->r.code);
			return RD_ALL;
		}
		if (in->ch == 'n' || in->ch == 'N') {
			ui_push(ui, &screen_plan_edit, NULL);
			return RD_ALL;
		}
		if (in->ch == 'y' || in->ch == 'Y') {
			d->programme = !d->programme;
			return RD_ALL;
		}
		return RD_NONE;
	default:
		return RD_NONE;
	}
}

static void dash_resume(struct ui *ui, void *state)
{
	reload(ui, state);
}

static void dash_leave(struct ui *ui, void *state)
{
	struct dash *d = state;
	(void)ui;
	if (d->loaded)
		plan_report_free(&d->r);
	for (size_t i = 0; i < d->nplans; i++)
		free(d->plans[i]);
	free(d->plans);
	free(d->areas);
	free(d);
}

const struct screen screen_dashboard = {
	.name = "dashboard",
	.enter = dash_enter,
	.draw = dash_draw,
	.handle = dash_handle,
	.leave = dash_leave,
	.resume = dash_resume,
	.keys = N_("Left/Right area  Up/Down Enter records  p/o plan  y programme  F1  Esc back"),
	.help = N_("Progress of the plan's indicators against their targets, for the whole "
		   "province or one area (the units in force in the plan's period); it opens "
		   "on your home area. A full bar means the target is reached; a share's "
		   "percentage is rounded and counts as met only when the exact value "
		   "reaches the target. Left and Right step through the areas, Home comes "
		   "back to the whole province, Up and Down select a figure and Enter lists "
		   "the records it counts (or those dated outside the plan), p shows the next plan, o the plan that covers "
		   "records dated outside this one, y the annual programme (planned against "
		   "done; PgUp/PgDn change the year), e edits the plan (its title, period, or a "
		   "closing date), n adds a plan, r counts again after an import. Trained: a person on the roster "
		   "(extension officers, industry monitoring officers and collaborators, "
		   "unless excluded) ticked present on at least one day of a training course. "
		   "Informed: a facility where someone who works there attended an awareness "
		   "conference or a training course, or marked informed by hand. The numbers "
		   "follow the same rules as 'sxsh report'."),
};
