/* cmd_init.c — sxsh init: create the database, or confirm it is ready. */
#include <stdio.h>

#include "cli/commands.h"
#include "base/i18n.h"

int cmd_init(struct sx_ctx *ctx, int argc, char **argv)
{
	struct sx_err err = {0};
	struct sx_db *db;
	int rc = SX_OK;

	if (argc > 1)
		return cli_usage_error(_("'init' takes no arguments (got '%s')"), argv[1]);
	db = ctx_db(ctx, &err);
	if (!db) {
		rc = cli_fail(&err);
	} else if (db_is_new(db)) {
		printf(_("Created the database %s (installation %s).\n"), db_path(db), db_origin(db));
	} else {
		printf(_("The database %s is ready (installation %s).\n"), db_path(db), db_origin(db));
	}
	sx_err_clear(&err);
	return rc;
}
