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
	return xasprintf(plan_is_share(ind) ? "%g %%" : "%g", ind->target);
}

const char *report_scope_title(enum plan_scope scope)
{
	switch (scope) {
	case PLAN_DISTRICT: return _("By district");
	case PLAN_SECTOR: return _("By sector");
	case PLAN_YEAR: return _("By year (cumulative; assessments only)");
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
				 report_target(&r->ind[k]),
				 p < 0 ? xstrdup("—") : xasprintf("%ld %%", p / 10),
				 xstrdup(!v->known ? "—" : plan_met(&r->ind[k], v) ? _("met")
					 : _("not met")) };
		table_add(&t, row);
	}
	table_print(&t, out);
}

/* One breakdown: a row per area, a column per indicator. */
static void text_scope(const struct plan_report *r, enum plan_scope scope, FILE *out)
{
	struct table t = { .ncols = r->nind + 1 };
	char **cells = xcalloc(t.ncols, sizeof *cells);

	fprintf(out, "\n%s\n", report_scope_title(scope));
	cells[0] = xstrdup("");
	for (size_t k = 0; k < r->nind; k++)
		cells[k + 1] = xstrdup(report_short_label(&r->ind[k]));
	table_add(&t, cells);
	for (size_t i = 0; i < r->nrows; i++) {
		if (r->rows[i].scope != scope)
			continue;
		cells[0] = xstrdup(r->rows[i].label);
		for (size_t k = 0; k < r->nind; k++)
			cells[k + 1] = report_cell(&r->ind[k], &r->rows[i].v[k]);
		table_add(&t, cells);
	}
	free(cells);
	table_print(&t, out);
}

static void write_text(const struct plan_report *r, FILE *out)
{
	text_heading(r, out);
	if (r->nrows > 0)
		text_overall(r, out);
	text_scope(r, PLAN_DISTRICT, out);
	text_scope(r, PLAN_SECTOR, out);
	text_scope(r, PLAN_YEAR, out);
	fprintf(out, "\n%s\n", _("Shares are the records as they are today; rapid and detailed "
				 "assessments count when dated within the plan period."));
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
	[PLAN_SECTOR] = "sector", [PLAN_YEAR] = "year",
};

/* One CSV row: an area and an indicator. */
static void csv_row(const struct plan_report *r, const struct plan_row *row, size_t k, FILE *out)
{
	const struct plan_indicator *ind = &r->ind[k];
	const struct plan_value *v = &row->v[k];
	long shown = plan_shown(ind, v);
	char *f[9] = {
		xstrdup(scope_codes[row->scope]), xstrdup(row->label), xstrdup(ind->code),
		xstrdup(ind->label), v->known ? xasprintf("%ld", v->value) : xstrdup(""),
		v->known && plan_is_share(ind) ? xasprintf("%ld", v->total) : xstrdup(""),
		plan_is_share(ind) && shown >= 0 ? xasprintf("%ld", shown) : xstrdup(""),
		xasprintf("%g", ind->target),
		v->known && (!plan_is_share(ind) || shown >= 0) ? xasprintf("%d", plan_met(ind, v))
			: xstrdup(""),
	};
	for (int i = 0; i < 9; i++) {
		csv_field(out, f[i], i == 0);
		free(f[i]);
	}
	fputs("\r\n", out);
}

static void write_csv(const struct plan_report *r, FILE *out)
{
	fputs("scope,area,indicator,label,value,total,percent,target,met\r\n", out);
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
