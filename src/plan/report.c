/* report.c — text, CSV and HTML renderings of a computed plan. */
#include "plan/report.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/csvwrite.h"
#include "base/text.h"

int report_format_parse(const char *name, enum report_format *out)
{
	static const char *const names[] = { "text", "csv", "html" };
	for (int i = 0; i < 3; i++)
		if (strcmp(name, names[i]) == 0) {
			*out = (enum report_format)i;
			return 0;
		}
	return -1;
}

const char *report_short_label(const struct plan_indicator *ind)
{
	switch (ind->measure) {
	case PLAN_INFORMED_SHARE: return _("Informed");
	case PLAN_RAPID_COUNT: return _("Rapid");
	case PLAN_DETAILED_COUNT: return _("Detailed");
	case PLAN_ROSTER_SHARE: return _("Trained");
	case PLAN_AWARENESS_EVENTS: return _("Conferences");
	case PLAN_TRAINING_COURSES: return _("Courses");
	default: return ind->code;
	}
}

char *report_cell(const struct plan_indicator *ind, const struct plan_value *v)
{
	long shown = plan_shown(ind, v);
	if (!v->known)
		return xstrdup("—");
	if (!plan_is_share(ind))
		return xasprintf("%ld", v->value);
	if (shown < 0)
		return xasprintf("— (%ld/%ld)", v->value, v->total);
	return xasprintf("%ld %% (%ld/%ld)", shown, v->value, v->total);
}

char *report_target(const struct plan_indicator *ind)
{
	if (!ind->has_target)
		return xstrdup("—");
	return xasprintf(plan_is_share(ind) ? "%g %%" : "%g", ind->target);
}

char *report_row_target(const struct plan_indicator *ind, const struct plan_value *v)
{
	if (!v->has_target)
		return xstrdup("—");
	return xasprintf(plan_is_share(ind) ? "%g %%" : "%g", v->target);
}

const char *report_scope_title(enum plan_scope scope)
{
	switch (scope) {
	case PLAN_DISTRICT: return _("By area");
	case PLAN_SECTOR: return _("By sector");
	case PLAN_YEAR: return _("By year (done in the year; counts only)");
	case PLAN_PROGRAMME: return _("Annual programme: planned and done, by year and area");
	default: return "";
	}
}

/* A table of owned cells whose columns are padded to display width. */
struct table {
	char **cell;    /* nrows × ncols */
	size_t nrows, ncols;
};

/* Takes the cells, shown safe for a terminal (text from imports may hold
 * control characters). */
static void table_add(struct table *t, char **cells)
{
	t->cell = xreallocarray(t->cell, (t->nrows + 1) * t->ncols, sizeof *t->cell);
	for (size_t c = 0; c < t->ncols; c++) {
		t->cell[t->nrows * t->ncols + c] = text_printable(cells[c]);
		free(cells[c]);
	}
	t->nrows++;
}

/* Print t with two spaces between columns and no trailing blanks, then free it. */
static void table_print(struct table *t, FILE *out)
{
	int *w = xcalloc(t->ncols, sizeof *w);
	for (size_t i = 0; i < t->nrows * t->ncols; i++) {
		int cw = text_width(t->cell[i]);
		if (cw > w[i % t->ncols])
			w[i % t->ncols] = cw;
	}
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = t->cell[r * t->ncols + c];
			fputs(s, out);
			if (c + 1 < t->ncols)
				fprintf(out, "%*s", w[c] - text_width(s) + 2, "");
			free(t->cell[r * t->ncols + c]);
		}
		fputc('\n', out);
	}
	free(w);
	free(t->cell);
	t->cell = NULL;
	t->nrows = 0;
}

static void text_heading(const struct plan_report *r, FILE *out)
{
	char a[11], b[11];
	date_format_user(r->period_start, a);
	date_format_user(r->period_end, b);
	char *title = text_printable(r->title), *decision = text_printable(r->decision);
	fprintf(out, "%s\n", title);
	if (*decision)
		fprintf(out, "%s %s\n", _("Decision:"), decision);
	free(title);
	free(decision);
	fprintf(out, "%s %s – %s\n\n", _("Period:"), a, b);
}

/* The overall rows: one line per indicator with target and status. */
static void text_overall(const struct plan_report *r, FILE *out)
{
	struct table t = { .ncols = 5 };
	char *head[5] = { xstrdup(_("Indicator")), xstrdup(_("Result")), xstrdup(_("Target")),
			  xstrdup(_("Progress")), xstrdup(_("Status")) };
	char *label = text_printable(r->rows[0].label);
	fprintf(out, "%s\n", label);
	free(label);
	table_add(&t, head);
	for (size_t k = 0; k < r->nind; k++) {
		const struct plan_value *v = &r->rows[0].v[k];
		long p = plan_progress(&r->ind[k], v);
		char *row[5] = { xstrdup(r->ind[k].label), report_cell(&r->ind[k], v),
				 report_row_target(&r->ind[k], v),
				 p < 0 ? xstrdup("—") : xasprintf("%ld %%", p / 10),
				 xstrdup(!v->known ? "—" : !v->has_target ? _("no target")
					 : plan_met(&r->ind[k], v) ? _("met") : _("not met")) };
		table_add(&t, row);
	}
	table_print(&t, out);
}

/* 1 when a row has no records and no targets of its own. */
int report_row_empty(const struct plan_report *r, const struct plan_row *row)
{
	for (size_t k = 0; k < r->nind; k++)
		if (row->v[k].value || row->v[k].total || (row->v[k].has_target
		    && !plan_is_share(&r->ind[k])))
			return 0;
	return 1;
}

/* One breakdown: a row per area, a column per indicator. */
static void text_scope(const struct plan_report *r, enum plan_scope scope, FILE *out)
{
	struct table t = { .ncols = r->nind + 1 };
	char **cells = xcalloc(t.ncols, sizeof *cells);
	size_t hidden = 0;

	fprintf(out, "\n%s\n", report_scope_title(scope));
	cells[0] = xstrdup("");
	for (size_t k = 0; k < r->nind; k++)
		cells[k + 1] = xstrdup(report_short_label(&r->ind[k]));
	table_add(&t, cells);
	for (size_t i = 0; i < r->nrows; i++) {
		if (r->rows[i].scope != scope)
			continue;
		if (scope == PLAN_DISTRICT && report_row_empty(r, &r->rows[i])) {
			hidden++;
			continue;
		}
		cells[0] = xstrdup(r->rows[i].label);
		for (size_t k = 0; k < r->nind; k++)
			cells[k + 1] = scope != PLAN_SECTOR
				? report_done_planned(&r->ind[k], &r->rows[i].v[k])
				: report_cell(&r->ind[k], &r->rows[i].v[k]);
		table_add(&t, cells);
	}
	free(cells);
	table_print(&t, out);
	if (hidden)
		fprintf(out, _("(%zu areas with no records and no targets are not listed.)\n"), hidden);
}

/* 1 when some row of the breakdown exists. */
static int has_scope(const struct plan_report *r, enum plan_scope scope)
{
	for (size_t i = 0; i < r->nrows; i++)
		if (r->rows[i].scope == scope)
			return 1;
	return 0;
}

static void write_text(const struct plan_report *r, FILE *out)
{
	text_heading(r, out);
	if (r->nrows > 0)
		text_overall(r, out);
	for (enum plan_scope s = PLAN_DISTRICT; s <= PLAN_PROGRAMME; s++)
		if (has_scope(r, s))
			text_scope(r, s, out);
	fputc('\n', out);
	report_notes(r, out);
}

void report_notes(const struct plan_report *r, FILE *out)
{
	fprintf(out, "%s\n", _("Notes:"));
	fprintf(out, "- %s\n", _("Shares are the records as they are today; assessments and "
				 "sessions count when dated within the plan period."));
	fprintf(out, "- %s\n", _("Trained: a person on the roster (extension officers, industry "
				 "monitoring officers and collaborators, unless excluded by hand) "
				 "ticked present on at least one day of a training course."));
	fprintf(out, "- %s\n", _("Informed: a facility with CP potential where someone who works "
				 "there attended an awareness conference or a training course, or "
				 "marked informed by hand."));
	fprintf(out, "- %s\n", _("In the tables, 3/5 means 3 done of 5 planned: the target of "
				 "that area or year (the annual programme)."));
	fprintf(out, "- %s\n", _("Percentages are rounded to the nearest whole number; a target "
				 "counts as met only when the exact value reaches it."));
	fprintf(out, "- %s\n", r->areas == PLAN_AREAS_CURRENT
		? _("Areas: the units in force today; records made under older units count under "
		    "the unit they went into.")
		: _("Areas: the units in force during the plan period; each record counts under "
		    "the unit its place belonged to then."));
	if (r->outside > 0)
		fprintf(out, "- %s\n", report_outside_text(r));
}

const char *report_outside_text(const struct plan_report *r)
{
	static char buf[512];
	if (*r->outside_plan)
		snprintf(buf, sizeof buf, ngettext("%ld dated record falls outside this plan's "
						   "period; plan %s covers it.",
						   "%ld dated records fall outside this plan's "
						   "period; plan %s covers the latest of them.",
						   (unsigned long)r->outside),
			 r->outside, r->outside_plan);
	else
		snprintf(buf, sizeof buf, ngettext("%ld dated record falls outside this plan's "
						   "period, and no plan covers it: add one.",
						   "%ld dated records fall outside this plan's "
						   "period, and no plan covers the latest of them: "
						   "add one.", (unsigned long)r->outside), r->outside);
	return buf;
}

char *report_done_planned(const struct plan_indicator *ind, const struct plan_value *v)
{
	if (!v->known)
		return xstrdup("—");
	if (plan_is_share(ind) || !v->has_target)
		return report_cell(ind, v);
	return xasprintf("%ld/%g", v->value, v->target);
}

/* One CSV field, quoted when RFC 4180 needs it; sep is written before it. */
static void csv_field(FILE *out, const char *s, int first)
{
	/* A spreadsheet would run text that begins like a formula: a ' in front
	 * keeps it text (the numbers of the report never begin that way). */
	int formula = csvw_is_formula(s, strlen(s));
	if (!first)
		fputc(',', out);
	if (!strpbrk(s, ",\"\r\n")) {
		if (formula)
			fputc('\'', out);
		fputs(s, out);
		return;
	}
	fputc('"', out);
	if (formula)
		fputc('\'', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

static const char *const scope_codes[] = {
	[PLAN_OVERALL] = "overall", [PLAN_DISTRICT] = "district",
	[PLAN_SECTOR] = "sector", [PLAN_YEAR] = "year", [PLAN_PROGRAMME] = "programme",
};

/* One CSV row: an area and an indicator. */
static void csv_row(const struct plan_report *r, const struct plan_row *row, size_t k, FILE *out)
{
	const struct plan_indicator *ind = &r->ind[k];
	const struct plan_value *v = &row->v[k];
	long shown = plan_shown(ind, v);
	char *f[11] = {
		/* a programme row's label is "yyyy  area" (plan.c) */
		xstrdup(scope_codes[row->scope]),
		xstrdup(row->scope == PLAN_PROGRAMME && strlen(row->label) > 6 ? row->label + 6
			: row->label), xstrdup(ind->code),
		xstrdup(ind->label), v->known ? xasprintf("%ld", v->value) : xstrdup(""),
		v->known && plan_is_share(ind) ? xasprintf("%ld", v->total) : xstrdup(""),
		plan_is_share(ind) && shown >= 0 ? xasprintf("%ld", shown) : xstrdup(""),
		v->has_target ? xasprintf("%g", v->target) : xstrdup(""),
		v->known && v->has_target && (!plan_is_share(ind) || shown >= 0)
			? xasprintf("%d", plan_met(ind, v)) : xstrdup(""),
		row->year ? xasprintf("%d", row->year) : xstrdup(""), xstrdup(row->area),
	};
	for (int i = 0; i < 11; i++) {
		csv_field(out, f[i], i == 0);
		free(f[i]);
	}
	fputs("\r\n", out);
}

static void write_csv(const struct plan_report *r, FILE *out)
{
	fputs("scope,area,indicator,label,value,total,percent,target,met,year,place_uuid\r\n", out);
	for (size_t i = 0; i < r->nrows; i++)
		for (size_t k = 0; k < r->nind; k++)
			csv_row(r, &r->rows[i], k, out);
}

int report_write(const struct plan_report *r, enum report_format fmt, FILE *out,
		 struct sx_err *err)
{
	if (fmt == REPORT_TEXT)
		write_text(r, out);
	else if (fmt == REPORT_CSV)
		write_csv(r, out);
	else
		report_write_html(r, out);
	if (fflush(out) != 0 || ferror(out)) {
		sx_err_add(err, NULL, 0, _("could not write the report: %s"), strerror(errno));
		return -1;
	}
	return 0;
}
