/* cmd_assessment.c — sxsh assessment report ID [--format text|html] [-o FILE]: one
 * assessment as the page the officer leaves with the facility. */
#include <stdio.h>
#include <string.h>

#include "assess/areport.h"
#include "base/i18n.h"
#include "cli/commands.h"

/* The options of 'assessment report'; 0, or SX_USAGE after printing why. */
static int parse_args(int argc, char **argv, const char **id, enum areport_format *fmt,
		      const char **outpath)
{
	const char *format = "text";

	*id = NULL;
	*outpath = NULL;
	if (argc < 2 || strcmp(argv[1], "report") != 0)
		return cli_usage_error("%s", _("use: sxsh assessment report ID [--format text|html] [-o FILE]"));
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--format") == 0 || strcmp(a, "-o") == 0) {
			if (i + 1 >= argc)
				return cli_usage_error(_("option '%s' needs a value"), a);
			*(a[1] == 'o' ? outpath : &format) = argv[++i];
		} else if (strncmp(a, "--format=", 9) == 0) {
			format = a + 9;
		} else if (a[0] == '-' && a[1]) {
			return cli_usage_error(_("unknown option '%s'"), a);
		} else if (*id) {
			return cli_usage_error(_("'assessment report' takes one assessment (got '%s' too)"), a);
		} else {
			*id = a;
		}
	}
	if (!*id)
		return cli_usage_error("%s", _("'assessment report' needs the id of an assessment"));
	if (areport_format_parse(format, fmt) != 0)
		return cli_usage_error(_("unknown format '%s': use html or text"), format);
	return SX_OK;
}

int cmd_assessment(struct sx_ctx *ctx, int argc, char **argv)
{
	struct sx_err err = {0};
	enum areport_format fmt;
	const char *id, *outpath;
	struct sx_db *db;
	FILE *out = stdout;
	int rc = parse_args(argc, argv, &id, &fmt, &outpath);

	if (rc != SX_OK)
		return rc;
	db = ctx_db(ctx, &err);
	if (!db) {
		rc = cli_fail(&err);
	} else if (outpath && !(out = cli_output_open(outpath, &err))) {
		rc = cli_fail(&err);
	} else if (areport_write(db, ctx->datadir, id, fmt, out, &err) != 0) {
		rc = cli_fail(&err);
	}
	if (outpath && out && cli_output_close(out, outpath, rc == SX_OK, &err) != 0 && rc == SX_OK)
		rc = cli_fail(&err);
	sx_err_clear(&err);
	return rc;
}
