/* report.h — a computed plan (plan.h) written for people and spreadsheets:
 * aligned plain text, RFC 4180 CSV, or one printable HTML page with bar
 * charts (inline SVG, no external resources, no script).  Text and HTML
 * are in the UI language; CSV has fixed English column names so that
 * scripts keep working whatever the language, and translated labels. */
#ifndef SX_REPORT_H
#define SX_REPORT_H

#include <stdio.h>

#include "base/err.h"
#include "base/printdoc.h"
#include "plan/plan.h"
#include "records/orgs.h"

/* Output formats. */
enum report_format {
	REPORT_TEXT,   /* columns aligned by display width */
	REPORT_CSV,    /* one row per area and indicator, CRLF, UTF-8 */
	REPORT_HTML,   /* self-contained page for A4 */
};

/* Parse "text", "csv" or "html" into *out; 0, or -1 for anything else. */
int report_format_parse(const char *name, enum report_format *out);
/* Write r to out.  0, or -1 with err when writing fails. */
int report_write(const struct plan_report *r, enum report_format fmt, FILE *out,
		 struct sx_err *err);

/* The short column heading of an indicator (by its measure). */
const char *report_short_label(const struct plan_indicator *ind);
/* 1 when an area row has no records and no target of its own: the reports
 * leave it out and say how many they left out. */
int report_row_empty(const struct plan_report *r, const struct plan_row *row);
/* A value as a cell: "61 % (8/13)" for a share, "6" for a count, "—" when
 * not known.  Caller frees. */
char *report_cell(const struct plan_indicator *ind, const struct plan_value *v);
/* The plan's target as text: "90 %", "15", or "—" when none.  Caller frees. */
char *report_target(const struct plan_indicator *ind);
/* A row's target (plan.h's rules) as text, "—" when none.  Caller frees. */
char *report_row_target(const struct plan_indicator *ind, const struct plan_value *v);
/* A count against its plan as "done/planned" ("3/5"), else report_cell(). */
char *report_done_planned(const struct plan_indicator *ind, const struct plan_value *v);
/* The notes under a report: definitions (trained, informed, rounding,
 * areas) and records outside the period. */
void report_notes(const struct plan_report *r, FILE *out);
/* "N dated records fall outside…" for r (r->outside > 0); a static buffer. */
const char *report_outside_text(const struct plan_report *r);
/* The HTML page alone (report_html.c; report_write() checks the stream). */
void report_write_html(const struct plan_report *r, FILE *out);
/* The same page as the office signs it: d's heading (issuing body, place
 * and date), page numbers, d's signature blocks, and when net is not NULL
 * the support network (nnet organisations with their parts in the plan
 * period, records/orgs.h) (report_html.c).  The caller checks the stream. */
void report_write_html_doc(const struct plan_report *r, const struct printdoc_office *d,
			   const struct orgs_entry *net, size_t nnet, FILE *out);
/* The heading of a breakdown ("By district", …); "" for the overall rows. */
const char *report_scope_title(enum plan_scope scope);

#endif
