/* cmd_sheet.c — sxsh sheet SESSION [--format html|text]: the sign-in sheet
 * of a session on standard output, for printing the day before. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "base/i18n.h"
#include "training/session.h"
#include "training/sheet.h"

/* The options of 'sheet'; 0, or SX_USAGE after printing why. */
static int parse_args(int argc, char **argv, const char **key, enum sheet_format *fmt,
		      const char **outpath)
{
	const char *format = "html";

	*key = NULL;
	*outpath = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--format") == 0) {
			if (i + 1 >= argc)
				return cli_usage_error(_("option '%s' needs a value"), a);
			format = argv[++i];
		} else if (strncmp(a, "--format=", 9) == 0) {
			format = a + 9;
		} else if (strcmp(a, "-o") == 0) {
			if (i + 1 >= argc)
				return cli_usage_error(_("option '%s' needs a value"), a);
			*outpath = argv[++i];
		} else if (a[0] == '-' && a[1]) {
			return cli_usage_error(_("unknown option '%s'"), a);
		} else if (*key) {
			return cli_usage_error(_("'sheet' takes one session (got '%s' too)"), a);
		} else {
			*key = a;
		}
	}
	if (!*key)
		return cli_usage_error("%s", _("'sheet' needs a session: its code or id"));
	if (sheet_format_parse(format, fmt) != 0)
		return cli_usage_error(_("unknown format '%s': use html or text"), format);
	return SX_OK;
}

int cmd_sheet(struct sx_ctx *ctx, int argc, char **argv)
{
	struct sx_err err = {0};
	struct session s;
	enum sheet_format fmt;
	const char *key, *outpath;
	struct sx_db *db;
	FILE *out = stdout;
	int rc = parse_args(argc, argv, &key, &fmt, &outpath);

	if (rc != SX_OK)
		return rc;
	db = ctx_db(ctx, &err);
	if (!db || session_find(db, key, &s, &err) != 0) {
		rc = cli_fail(&err);
		sx_err_clear(&err);
		return rc;
	}
	if (outpath && !(out = cli_output_open(outpath, &err)))
		rc = cli_fail(&err);
	else if (sheet_write(db, &s, fmt, out, &err) != 0)
		rc = cli_fail(&err);
	if (outpath && out && cli_output_close(out, outpath, rc == SX_OK, &err) != 0 && rc == SX_OK)
		rc = cli_fail(&err);
	session_clear(&s);
	sx_err_clear(&err);
	return rc;
}
