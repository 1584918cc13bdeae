/* report_html.c — the plan report as one printable HTML page.  Bars are
 * inline SVG rather than CSS backgrounds: browsers drop backgrounds when
 * printing unless told otherwise, but they always print SVG fills. */
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "plan/report.h"
#include "base/html.h"
#include "base/i18n.h"
#include "base/mem.h"

static const char html_style[] =
	"@page { size: A4 portrait; margin: 15mm; }\n"
	"body { font-family: 'Times New Roman', serif; font-size: 11pt; color: #000; margin: 0; }\n"
	"h1 { font-size: 14pt; text-align: center; margin: 0 0 4pt; }\n"
	"p.sub { text-align: center; margin: 0 0 10pt; }\n"
	"h2 { font-size: 12pt; margin: 12pt 0 4pt; }\n"
	"table { border-collapse: collapse; width: 100%; }\n"
	"th, td { border: 1px solid #000; padding: 2pt 4pt; text-align: left; vertical-align: middle; }\n"
	"th { font-weight: bold; }\n"
	"td.met { font-weight: bold; }\n"
	"svg { display: block; }\n"
	"p.note { font-size: 9pt; margin-top: 10pt; }\n"
	"tr { page-break-inside: avoid; break-inside: avoid; }\n";

/* A bar of width px: the value's progress filled, the target as a line at
 * 80 % of the width (so overshooting stays visible); empty when unknown. */
static void put_bar(FILE *out, long progress, int px, int h)
{
	int target_x = px * 4 / 5;
	long fill = progress < 0 ? 0 : progress >= 1000L * px ? px : progress * target_x / 1000;
	if (fill > px)
		fill = px;
	fprintf(out, "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">"
		"<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#fff\" stroke=\"#000\"/>"
		"<rect x=\"0\" y=\"0\" width=\"%ld\" height=\"%d\" fill=\"%s\"/>"
		"<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\" stroke=\"#000\" stroke-width=\"2\""
		" stroke-dasharray=\"3,2\"/></svg>",
		px, h, px, h, px, h, fill, h, progress >= 1000 ? "#2e7d32" : "#607d8b",
		target_x, target_x, h);
}

static void html_heading(const struct plan_report *r, FILE *out)
{
	char a[11], b[11];
	date_format_user(r->period_start, a);
	date_format_user(r->period_end, b);
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<title>", i18n_lang());
	html_put(out, _("Plan progress"));
	fputs(" — ", out);
	html_put(out, r->title);
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>", html_style);
	html_put(out, r->title);
	fputs("</h1>\n<p class=\"sub\">", out);
	if (*r->decision) {
		html_put(out, _("Decision:"));
		fputc(' ', out);
		html_put(out, r->decision);
		fputs(" · ", out);
	}
	html_put(out, _("Period:"));
	fprintf(out, " %s – %s</p>\n", a, b);
}

/* The overall table: label, result, target, a bar, status. */
static void html_overall(const struct plan_report *r, FILE *out)
{
	static const char *const heads[] = { N_("Indicator"), N_("Result"), N_("Target"),
					     N_("Progress"), N_("Status") };
	fputs("<h2>", out);
	html_put(out, r->rows[0].label);
	fputs("</h2>\n<table class=\"overall\">\n<tr>", out);
	for (int i = 0; i < 5; i++) {
		fputs("<th>", out);
		html_put(out, _(heads[i]));
		fputs("</th>", out);
	}
	fputs("</tr>\n", out);
	for (size_t k = 0; k < r->nind; k++) {
		const struct plan_value *v = &r->rows[0].v[k];
		long p = plan_progress(&r->ind[k], v);
		char *cell = report_cell(&r->ind[k], v), *target = report_target(&r->ind[k]);
		int met = plan_met(&r->ind[k], v);
		fputs("<tr><td>", out);
		html_put(out, r->ind[k].label);
		fputs("</td><td>", out);
		html_put(out, cell);
		fputs("</td><td>", out);
		html_put(out, target);
		fputs("</td><td>", out);
		put_bar(out, p, 200, 14);
		fprintf(out, "</td><td%s>", met ? " class=\"met\"" : "");
		html_put(out, !v->known ? "—" : met ? _("met") : _("not met"));
		fputs("</td></tr>\n", out);
		free(cell);
		free(target);
	}
	fputs("</table>\n", out);
}

/* One breakdown with a small bar under each known cell. */
static void html_scope(const struct plan_report *r, enum plan_scope scope, FILE *out)
{
	fputs("<h2>", out);
	html_put(out, report_scope_title(scope));
	fputs("</h2>\n<table>\n<tr><th></th>", out);
	for (size_t k = 0; k < r->nind; k++) {
		fputs("<th>", out);
		html_put(out, report_short_label(&r->ind[k]));
		fputs("</th>", out);
	}
	fputs("</tr>\n", out);
	for (size_t i = 0; i < r->nrows; i++) {
		if (r->rows[i].scope != scope)
			continue;
		fputs("<tr><td>", out);
		html_put(out, r->rows[i].label);
		fputs("</td>", out);
		for (size_t k = 0; k < r->nind; k++) {
			char *cell = report_cell(&r->ind[k], &r->rows[i].v[k]);
			long p = plan_progress(&r->ind[k], &r->rows[i].v[k]);
			fputs("<td>", out);
			html_put(out, cell);
			if (p >= 0)
				put_bar(out, p, 80, 6);
			fputs("</td>", out);
			free(cell);
		}
		fputs("</tr>\n", out);
	}
	fputs("</table>\n", out);
}

void report_write_html(const struct plan_report *r, FILE *out)
{
	html_heading(r, out);
	if (r->nrows > 0)
		html_overall(r, out);
	html_scope(r, PLAN_DISTRICT, out);
	html_scope(r, PLAN_SECTOR, out);
	html_scope(r, PLAN_YEAR, out);
	fputs("<p class=\"note\">", out);
	html_put(out, _("Bars show progress towards the target (the dashed line). Counts by "
			"district and sector are compared with the whole province's target."));
	fputc(' ', out);
	html_put(out, _("Shares are the records as they are today; rapid and detailed "
			"assessments count when dated within the plan period."));
	fputs("</p>\n</body>\n</html>\n", out);
}
