/* cmd_demo.c — sxsh demo [--force]: sample data for trying sxsh out, the
 * dashboard and the reports; refused on a database that has facilities. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "demo/demo.h"
#include "base/i18n.h"

static void print_counts(const struct demo_counts *n)
{
	printf(_("Added sample data for Son La:\n"));
	printf(_("  %ld facilities\n"), n->facilities);
	printf(_("  %ld people, %ld of them on the officer roster\n"), n->people, n->roster);
	printf(_("  %ld training and awareness sessions, %ld registrations, "
		 "%ld days ticked present\n"), n->sessions, n->registrations, n->ticks);
	printf(_("  %ld rapid assessments (%ld complete)\n"), n->rapid, n->rapid_complete);
	printf(_("  %ld detailed-assessment trackers\n"), n->trackers);
}

int cmd_demo(struct sx_ctx *ctx, int argc, char **argv)
{
	struct sx_err err = {0};
	struct demo_counts n;
	struct sx_db *db;
	int force = 0, has, rc = SX_OK;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--force") == 0)
			force = 1;
		else if (argv[i][0] == '-' && argv[i][1])
			return cli_usage_error(_("unknown option '%s'"), argv[i]);
		else
			return cli_usage_error(_("'demo' takes no arguments (got '%s')"), argv[i]);
	}
	db = ctx_db(ctx, &err);
	has = db ? demo_has_data(db, &err) : -1;
	if (has == 1 && !force) {
		fprintf(stderr, "sxsh: %s\n", _("the database already has facilities: sample data "
					       "would mix with real records (use --force to add it anyway)"));
		return SX_FAIL;
	}
	if (has < 0 || demo_fill(db, ctx->datadir, &n, &err) != 0)
		rc = cli_fail(&err);
	else
		print_counts(&n);
	sx_err_clear(&err);
	return rc;
}
