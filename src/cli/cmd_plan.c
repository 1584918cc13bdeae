/* cmd_plan.c — sxsh plan list | import FILE | export [-o FILE]: plans as
 * the one CSV layout of plan_io.h, for the office to edit. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "base/i18n.h"
#include "plan/plan_io.h"

static int run(struct sx_ctx *ctx, int (*fn)(struct sx_db *, FILE *, struct sx_err *),
	       const char *path)
{
	struct sx_err err = {0};
	struct sx_db *db = ctx_db(ctx, &err);
	FILE *out = stdout;
	int rc = SX_OK;

	if (db && path && !(out = fopen(path, "w"))) {
		sx_err_add(&err, path, 0, _("cannot write the file: %s"), strerror(errno));
		db = NULL;
	}
	if (!db || fn(db, out, &err) != 0)
		rc = SX_FAIL;
	if (out && out != stdout && fclose(out) != 0 && rc == SX_OK) {
		sx_err_add(&err, path, 0, _("cannot write the file: %s"), strerror(errno));
		rc = SX_FAIL;
	}
	if (rc == SX_OK && fflush(stdout) != 0) {
		sx_err_add(&err, NULL, 0, _("cannot write the output: %s"), strerror(errno));
		rc = SX_FAIL;
	}
	if (rc != SX_OK)
		cli_fail(&err);
	sx_err_clear(&err);
	return rc;
}

static int import(struct sx_ctx *ctx, const char *path)
{
	struct sx_err err = {0};
	struct sx_db *db = ctx_db(ctx, &err);
	int n = db ? plan_io_import(db, path, &err) : -1;

	if (n < 0) {
		cli_fail(&err);
		sx_err_clear(&err);
		return SX_FAIL;
	}
	printf(ngettext("%s: %d row added or changed\n", "%s: %d rows added or changed\n",
			(unsigned long)n), path, n);
	sx_err_clear(&err);
	return SX_OK;
}

int cmd_plan(struct sx_ctx *ctx, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage_error("%s", _("'plan' needs a subcommand: list, import or export"));
	if (strcmp(argv[1], "list") == 0) {
		if (argc > 2)
			return cli_usage_error(_("'plan list' takes no arguments (got '%s')"), argv[2]);
		return run(ctx, plan_io_list, NULL);
	}
	if (strcmp(argv[1], "import") == 0) {
		if (argc != 3)
			return cli_usage_error("%s", _("'plan import' needs exactly one FILE"));
		return import(ctx, argv[2]);
	}
	if (strcmp(argv[1], "export") == 0) {
		if (argc == 2)
			return run(ctx, plan_io_export, NULL);
		if (argc == 4 && strcmp(argv[2], "-o") == 0)
			return run(ctx, plan_io_export, argv[3]);
		if (argc == 3 && strncmp(argv[2], "-o", 2) == 0 && argv[2][2])
			return run(ctx, plan_io_export, argv[2] + 2);
		return cli_usage_error("%s", _("usage: sxsh plan export [-o FILE]"));
	}
	return cli_usage_error(_("unknown plan subcommand '%s': use list, import or export"), argv[1]);
}
