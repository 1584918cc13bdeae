/* cmd_report.c — sxsh report [--format text|csv|html] [--plan CODE]
 * [--areas plan|current] [--records INDICATOR|outside] [-o FILE]: the plan's
 * indicators against their targets, for the provincial office, or the
 * records behind one figure of the whole province. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "plan/plan.h"
#include "plan/report.h"
#include "base/i18n.h"
#include "base/text.h"
#include "records/office.h"
#include "records/orgs.h"

/* The value of option name at argv[*i] ("--name V" or "--name=V"), moving
 * *i past it; NULL when argv[*i] is not that option.  *bad is set when the
 * value is missing. */
static const char *option(int argc, char **argv, int *i, const char *name, int *bad)
{
	size_t n = strlen(name);
	if (strncmp(argv[*i], name, n) != 0)
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		*bad = 1;
		return NULL;
	}
	return argv[++*i];
}

/* The options of 'report'; SX_OK, or SX_USAGE after printing why. */
static int parse_args(int argc, char **argv, enum report_format *fmt, const char **plan,
		      enum plan_areas *areas, const char **outpath, const char **records)
{
	const char *format = "text", *area = "plan";

	*plan = NULL;
	*records = NULL;
	*outpath = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		int bad = 0;
		if ((v = option(argc, argv, &i, "--format", &bad)) != NULL)
			format = v;
		else if ((v = option(argc, argv, &i, "--plan", &bad)) != NULL)
			*plan = v;
		else if ((v = option(argc, argv, &i, "--areas", &bad)) != NULL)
			area = v;
		else if ((v = option(argc, argv, &i, "--records", &bad)) != NULL)
			*records = v;
		else if ((v = option(argc, argv, &i, "-o", &bad)) != NULL)
			*outpath = v;
		else if (bad)
			return cli_usage_error(_("option '%s' needs a value"), a);
		else if (a[0] == '-' && a[1])
			return cli_usage_error(_("unknown option '%s'"), a);
		else
			return cli_usage_error(_("'report' takes no arguments (got '%s')"), a);
	}
	if (report_format_parse(format, fmt) != 0)
		return cli_usage_error(_("unknown format '%s': use text, csv or html"), format);
	if (strcmp(area, "plan") != 0 && strcmp(area, "current") != 0)
		return cli_usage_error(_("unknown areas '%s': use plan or current"), area);
	*areas = strcmp(area, "current") == 0 ? PLAN_AREAS_CURRENT : PLAN_AREAS_PERIOD;
	return SX_OK;
}

/* The HTML page headed and signed by the office in db's settings, with the
 * support network's part in the plan period. */
static int write_signed(struct sx_db *db, const struct plan_report *r, FILE *out,
			struct sx_err *err)
{
	struct printdoc_office d;
	struct orgs_entry *net;
	struct office o;
	size_t n;

	if (orgs_network(db, r->period_start, r->period_end, &net, &n, err) != 0)
		return cli_fail(err);
	office_load(db, &o);
	office_doc(&o, &d);
	report_write_html_doc(r, &d, net, n, out);
	office_free(&o);
	orgs_network_free(net, n);
	if (fflush(out) != 0 || ferror(out)) {
		sx_err_add(err, NULL, 0, _("could not write the report: %s"), strerror(errno));
		return cli_fail(err);
	}
	return SX_OK;
}

/* --records: the records behind indicator code (or "outside") for the whole
 * province, one a line: day (or -), uuid, label, tab-separated. */
static int write_records(struct sx_ctx *ctx, struct sx_db *db, const struct plan_report *r,
			 const char *code, FILE *out, struct sx_err *err)
{
	struct plan_record *v;
	size_t k = strcmp(code, "outside") == 0 ? r->nind : r->nind + 1, n;

	for (size_t i = 0; k > r->nind && i < r->nind; i++)
		if (strcmp(r->ind[i].code, code) == 0)
			k = i;
	if (k > r->nind) {
		sx_err_add(err, NULL, 0, _("plan %s has no indicator '%s'"), r->code, code);
		return cli_fail(err);
	}
	if (plan_records(db, ctx->datadir, r, k, &r->rows[0], &v, &n, err) != 0)
		return cli_fail(err);
	for (size_t i = 0; i < n; i++) {
		char *label = text_printable(v[i].label);
		fprintf(out, "%s\t%s\t%s\n", *v[i].day ? v[i].day : "-", v[i].uuid, label);
		free(label);
	}
	plan_records_free(v, n);
	if (fflush(out) != 0 || ferror(out)) {
		sx_err_add(err, NULL, 0, _("could not write the report: %s"), strerror(errno));
		return cli_fail(err);
	}
	return SX_OK;
}

int cmd_report(struct sx_ctx *ctx, int argc, char **argv)
{
	struct sx_err err = {0};
	struct plan_report r;
	enum report_format fmt;
	const char *plan, *outpath, *records;
	enum plan_areas areas = PLAN_AREAS_PERIOD;
	struct sx_db *db;
	FILE *out = stdout;
	int rc = parse_args(argc, argv, &fmt, &plan, &areas, &outpath, &records);

	if (rc != SX_OK)
		return rc;
	db = ctx_db(ctx, &err);
	if (!db || plan_compute_areas(db, ctx->datadir, plan, areas, &r, &err) != 0) {
		rc = cli_fail(&err);
		sx_err_clear(&err);
		return rc;
	}
	if (outpath && !(out = cli_output_open(outpath, &err)))
		rc = cli_fail(&err);
	else if (records)
		rc = write_records(ctx, db, &r, records, out, &err);
	else if (fmt == REPORT_HTML)
		rc = write_signed(db, &r, out, &err);
	else if (report_write(&r, fmt, out, &err) != 0)
		rc = cli_fail(&err);
	if (outpath && out && cli_output_close(out, outpath, rc == SX_OK, &err) != 0 && rc == SX_OK)
		rc = cli_fail(&err);
	plan_report_free(&r);
	sx_err_clear(&err);
	return rc;
}
