/* dashboard.c — the plan's indicators as progress bars against their
 * targets, for the whole province or one district at a time.  Bars are
 * ASCII ([####------]) with the numbers beside them, so they read the same
 * on a text console and without colour.  The values come from plan.h. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "ui/draw.h"
#include "plan/plan.h"
#include "plan/report.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "ui/screen.h"

/* Rows each indicator takes: its label, its bar, a blank row. */
#define ROWS_PER_IND 3

struct dash {
	struct plan_report r;   /* the computed plan */
	int loaded;             /* 1 when r holds a plan */
	size_t area;            /* the row shown: 0 whole province, then districts */
	size_t *areas;          /* indices of rows that can be shown */
	size_t nareas;          /* how many */
};

static void reload(struct ui *ui, struct dash *d)
{
	struct sx_err err = {0};
	struct sx_ctx *ctx = ui_ctx(ui);

	if (d->loaded)
		plan_report_free(&d->r);
	free(d->areas);
	d->areas = NULL;
	d->nareas = 0;
	d->loaded = plan_compute(ctx->db, ctx->datadir, NULL, &d->r, &err) == 0;
	if (!d->loaded)
		ui_message(ui, 1, "%s", sx_err_last(&err));
	for (size_t i = 0; d->loaded && i < d->r.nrows; i++) {
		if (d->r.rows[i].scope != PLAN_OVERALL && d->r.rows[i].scope != PLAN_DISTRICT)
			continue;
		d->areas = xreallocarray(d->areas, d->nareas + 1, sizeof *d->areas);
		d->areas[d->nareas++] = i;
	}
	if (d->area >= d->nareas)
		d->area = 0;
	sx_err_clear(&err);
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
static void draw_indicator(int y, const struct plan_indicator *ind, const struct plan_value *v)
{
	int w = COLS - 44;
	long p = plan_progress(ind, v);
	char *bar, *cell = report_cell(ind, v), *target = report_target(ind), *line;
	int met = plan_met(ind, v);

	if (w < 10)
		w = 10;
	bar = ascii_bar(p, w);
	draw_text(y, 2, COLS - 4, R_NORMAL, ind->label);
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
	for (size_t k = 0; k < d->r.nind; k++) {
		int y = 5 + (int)k * ROWS_PER_IND;
		if (y + 1 >= LINES - 3)
			break;
		draw_indicator(y, &d->r.ind[k], &row->v[k]);
	}
	if (row->scope == PLAN_DISTRICT)
		draw_text(LINES - 3, 2, COLS - 4, R_DIM,
			  _("Counts are compared with the whole province's target."));
}

static int dash_handle(struct ui *ui, void *state, const struct input *in)
{
	struct dash *d = state;
	size_t n = d->nareas ? d->nareas : 1;

	switch (in->act) {
	case ACT_BACK:
		ui_pop(ui);
		return RD_ALL;
	case ACT_RIGHT: case ACT_DOWN: case ACT_PGDN:
		d->area = (d->area + 1) % n;
		return RD_ALL;
	case ACT_LEFT: case ACT_UP: case ACT_PGUP:
		d->area = (d->area + n - 1) % n;
		return RD_ALL;
	case ACT_HOME:
		d->area = 0;
		return RD_ALL;
	case ACT_CHAR:
		if (in->ch == 'r' || in->ch == 'R') {   /* another laptop's import may have landed */
			reload(ui, d);
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
	.keys = N_("Left/Right district  Home whole province  r refresh  F1 help  Esc back"),
	.help = N_("Progress of the plan's indicators against their targets. A full bar "
		   "means the target is reached. Left and Right step through the whole "
		   "province and each district; Home comes back to the whole province. "
		   "The numbers follow the same rules as 'sxsh report': shares are the "
		   "records as they are today, and rapid and detailed assessments count "
		   "when dated within the plan period."),
};
