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
#include "base/printdoc.h"
#include "records/office.h"
#include "records/orgs.h"

static const char html_style[] =
	"h1 { font-size: 14pt; text-align: center; margin: 0 0 4pt; }\n"
	"p.sub { text-align: center; margin: 0 0 10pt; }\n"
	"h2 { font-size: 12pt; margin: 12pt 0 4pt; }\n"
	"table { border-collapse: collapse; width: 100%; }\n"
	"th, td { border: 1px solid #000; padding: 2pt 4pt; text-align: left; vertical-align: middle; }\n"
	"th { font-weight: bold; }\n"
	"td.met { font-weight: bold; }\n"
	"svg { display: block; }\n"
	"p.note { font-size: 9pt; margin-top: 10pt; }\n"
	"p.hidden { font-size: 9pt; font-style: italic; margin: 2pt 0 0; }\n"
	"tr.target td, tr.target th { font-style: italic; font-weight: normal; }\n"
	"table.overall { font-size: 10pt; }\n"
	"table.overall td:nth-child(n+2), table.overall th { white-space: nowrap; }\n"
	"table.overall td:first-child { width: 45%; }\n"
	"span.part { white-space: nowrap; }\n"
	"table.network { font-size: 10pt; }\n"
	"table.network td:nth-child(1) { width: 26%; }\n"
	"table.network td:nth-child(2) { width: 13%; }\n"
	"table.network td:nth-child(3) { width: 19%; }\n"
	"table.network td:nth-child(4) { width: 12%; }\n";

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

static void html_heading(const struct plan_report *r, const struct printdoc_office *d,
			 FILE *out)
{
	char a[11], b[11];
	date_format_user(r->period_start, a);
	date_format_user(r->period_end, b);
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<title>", i18n_lang());
	html_put(out, _("Plan progress"));
	fputs(" — ", out);
	html_put(out, r->title);
	fputs("</title>\n<style>\n", out);
	printdoc_css(out, "A4 portrait");
	fprintf(out, "%s</style>\n</head>\n<body>\n", html_style);
	printdoc_heading(out, d);
	fputs("<h1>", out);
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
	fputs("</h2>\n<table class=\"overall\">\n<thead>\n<tr>", out);
	for (int i = 0; i < 5; i++) {
		fputs("<th>", out);
		html_put(out, _(heads[i]));
		fputs("</th>", out);
	}
	fputs("</tr>\n</thead>\n<tbody>\n", out);
	for (size_t k = 0; k < r->nind; k++) {
		const struct plan_value *v = &r->rows[0].v[k];
		long p = plan_progress(&r->ind[k], v);
		char *cell = report_cell(&r->ind[k], v), *target = report_row_target(&r->ind[k], v);
		int met = plan_met(&r->ind[k], v);
		fputs("<tr><td>", out);
		html_put(out, r->ind[k].label);
		fputs("</td><td>", out);
		html_put(out, cell);
		fputs("</td><td>", out);
		html_put(out, target);
		fputs("</td><td>", out);
		put_bar(out, p, 110, 14);
		fprintf(out, "</td><td%s>", met ? " class=\"met\"" : "");
		html_put(out, !v->known ? "—" : !v->has_target ? _("no target")
			 : met ? _("met") : _("not met"));
		fputs("</td></tr>\n", out);
		free(cell);
		free(target);
	}
	fputs("</tbody>\n</table>\n", out);
}

/* 1 when the plan sets a target for some indicator. */
static int plan_has_targets(const struct plan_report *r)
{
	for (size_t k = 0; k < r->nind; k++)
		if (r->ind[k].has_target)
			return 1;
	return 0;
}

/* The target row under a breakdown's heading, repeated with it on every
 * page, when the plan sets targets: the plan's own.  A share's holds for
 * every area; a count's is the province's total, and a row is compared
 * only with a target set for its own area or year (its cell then reads
 * done/planned, plan.h's rules). */
static void html_targets(const struct plan_report *r, FILE *out)
{
	if (!plan_has_targets(r))
		return;
	fputs("<tr class=\"target\"><th>", out);
	html_put(out, _("Target"));
	fputs("</th>", out);
	for (size_t k = 0; k < r->nind; k++) {
		char *target = report_target(&r->ind[k]);
		fputs("<th>", out);
		html_put(out, target);
		if (r->ind[k].has_target && !plan_is_share(&r->ind[k])) {
			fputc(' ', out);
			html_put(out, _("(province)"));
		}
		fputs("</th>", out);
		free(target);
	}
	fputs("</tr>\n", out);
}

/* 1 when some row belongs to the breakdown. */
static int html_has_scope(const struct plan_report *r, enum plan_scope scope)
{
	for (size_t i = 0; i < r->nrows; i++)
		if (r->rows[i].scope == scope)
			return 1;
	return 0;
}

/* One breakdown with a small bar under each known cell; areas with no
 * records and no target are left out, and counted under the table. */
static void html_scope(const struct plan_report *r, enum plan_scope scope, FILE *out)
{
	size_t hidden = 0;

	fputs("<h2>", out);
	html_put(out, report_scope_title(scope));
	fputs("</h2>\n<table>\n<thead>\n<tr><th></th>", out);
	for (size_t k = 0; k < r->nind; k++) {
		fputs("<th>", out);
		html_put(out, report_short_label(&r->ind[k]));
		fputs("</th>", out);
	}
	fputs("</tr>\n", out);
	html_targets(r, out);
	fputs("</thead>\n<tbody>\n", out);
	for (size_t i = 0; i < r->nrows; i++) {
		if (r->rows[i].scope != scope)
			continue;
		if (scope == PLAN_DISTRICT && report_row_empty(r, &r->rows[i])) {
			hidden++;
			continue;
		}
		fputs("<tr><td>", out);
		html_put(out, r->rows[i].label);
		fputs("</td>", out);
		for (size_t k = 0; k < r->nind; k++) {
			char *cell = scope != PLAN_SECTOR
				? report_done_planned(&r->ind[k], &r->rows[i].v[k])
				: report_cell(&r->ind[k], &r->rows[i].v[k]);
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
	fputs("</tbody>\n</table>\n", out);
	if (hidden) {
		char *line = xasprintf(_("%zu areas with no records and no targets are not listed."),
				       hidden);
		fputs("<p class=\"hidden\">", out);
		html_put(out, line);
		fputs("</p>\n", out);
		free(line);
	}
}

void report_write_html(const struct plan_report *r, FILE *out)
{
	struct printdoc_office d;
	struct office o;

	office_load(NULL, &o);
	office_doc(&o, &d);
	report_write_html_doc(r, &d, NULL, 0, out);
	office_free(&o);
}

/* The support network: each organisation, its contact, and what it took
 * part in during the plan period. */
static void html_network(const struct orgs_entry *net, size_t n, FILE *out)
{
	static const char *const heads[] = { N_("Organisation"), N_("Kind"), N_("Sectors"),
					     N_("Contact"), N_("Took part in") };
	fputs("<h2>", out);
	html_put(out, _("Support network"));
	fputs("</h2>\n", out);
	if (!n) {
		fputs("<p>", out);
		html_put(out, _("No organisation is in the network yet ('sxsh org add')."));
		fputs("</p>\n", out);
		return;
	}
	fputs("<table class=\"network\">\n<thead>\n<tr>", out);
	for (int i = 0; i < 5; i++) {
		fputs("<th>", out);
		html_put(out, _(heads[i]));
		fputs("</th>", out);
	}
	fputs("</tr>\n</thead>\n<tbody>\n", out);
	for (size_t i = 0; i < n; i++) {
		const struct org *o = &net[i].org;
		char *sectors = orgs_sectors_label(o->sectors);
		fputs("<tr><td>", out);
		html_put(out, o->name);
		fputs("</td><td>", out);
		html_put(out, orgs_kind_label(o->kind));
		fputs("</td><td>", out);
		html_put(out, sectors);
		fputs("</td><td>", out);
		html_put(out, o->contact_name);
		if (*o->contact_name && *o->phone)
			fputs("<br>", out);
		html_put(out, o->phone);
		fputs("</td><td>", out);
		for (size_t k = 0; k < net[i].nparts; k++) {
			const struct org_part *p = &net[i].parts[k];
			char day[11];
			date_format_user(p->date, day);
			/* The date and the role on one line, whatever the font. */
			fprintf(out, "%s<span class=\"part\">%s ", k ? "<br>" : "", *p->date ? day : "");
			html_put(out, orgs_role_label(p->role));
			fputs(":</span> ", out);
			html_put(out, p->what);
		}
		if (!net[i].nparts)
			fputs("—", out);
		fputs("</td></tr>\n", out);
		free(sectors);
	}
	fputs("</tbody>\n</table>\n", out);
}

void report_write_html_doc(const struct plan_report *r, const struct printdoc_office *d,
			   const struct orgs_entry *net, size_t nnet, FILE *out)
{
	html_heading(r, d, out);
	if (r->nrows > 0)
		html_overall(r, out);
	for (enum plan_scope s = PLAN_DISTRICT; s <= PLAN_PROGRAMME; s++)
		if (s != PLAN_PROGRAMME || html_has_scope(r, s))
			html_scope(r, s, out);
	if (net)
		html_network(net, nnet, out);
	fputs("<p class=\"note\">", out);
	html_put(out, _("Bars show progress towards each row's target (the dashed line); "
			"3/5 means 3 done of 5 planned for that area or year. A share by area is "
			"compared with the plan's target, a count only with one set for its area "
			"or year."));
	fputc(' ', out);
	html_put(out, _("Shares are the records as they are today; rapid and detailed "
			"assessments count when dated within the plan period."));
	fputs("</p>\n", out);
	printdoc_signatures(out, d);
	fputs("</body>\n</html>\n", out);
}
