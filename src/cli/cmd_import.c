/* cmd_import.c — sxsh import PATH... [--dry-run]. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "assess/answer_conv.h"
#include "cli/commands.h"
#include "records/unitlink.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "db/schema.h"
#include "sync/sync_import.h"
#include "sync/sync_report.h"

static long long rejected(const struct sync_import_result *res)
{
	long long n = 0;

	for (int i = 0; schema_synced_tables[i]; i++)
		n += res->counts[i].rejected;
	return n;
}

static void print_warnings(const struct sx_err *warn, long long nrejected, int dry_run)
{
	for (size_t i = 0; i < warn->n; i++)
		cli_print_msg(warn->msgs[i]);
	if (nrejected > 10 && dry_run) /* sync_import shows the first 10 */
		fprintf(stderr, _("sxsh: %lld rows would be rejected in all\n"), nrejected);
	else if (nrejected > 10)
		fprintf(stderr, _("sxsh: %lld rows rejected in all; the report lists every one\n"),
			nrejected);
}

/* After an import: people whose unit names a facility are offered for linking. */
static void offer_links(struct sx_db *db)
{
	struct sx_err err = {0};
	struct unit_link *v = NULL;
	long n = unitlink_candidates(db, &v, &err);
	if (n > 0)
		printf(ngettext("%ld person's unit names a facility of the registry: 'sxsh link-units'"
				" lists them, 'sxsh link-units --apply' links them.\n",
				"%ld people's units name facilities of the registry: 'sxsh link-units'"
				" lists them, 'sxsh link-units --apply' links them.\n",
				(unsigned long)n), n);
	unitlink_free(v, n > 0 ? n : 0);
	sx_err_clear(&err);
}

int cmd_import(struct sx_ctx *ctx, int argc, char **argv)
{
	struct sync_import_opts o = { .progress = isatty(2) };
	struct sync_import_result res;
	struct sx_err err = {0}, warn = {0};
	char **paths = xcalloc((size_t)argc, sizeof *paths);
	int n = 0, rc = SX_OK;
	struct sx_db *db;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--dry-run") == 0)
			o.dry_run = 1;
		else if (strcmp(argv[i], "--accept-changed") == 0)
			o.accept_changed = 1;
		else if (argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "--") != 0)
			rc = cli_usage_error(_("unknown option '%s' for '%s'"), argv[i], "import");
		else if (strcmp(argv[i], "--") != 0)
			paths[n++] = argv[i];
		if (rc != SX_OK)
			break;
	}
	if (rc == SX_OK && n == 0)
		rc = cli_usage_error(_("'import' needs files or export folders: sxsh import PATH..."));
	if (rc != SX_OK) {
		free(paths);
		return rc;
	}
	/* One connection, used by one thread (the checksum thread does not touch
	 * SQLite): SQLite's per-call mutexes are pure cost here.  Must come
	 * before the database is opened; harmless if it is refused. */
	db = ctx_db(ctx, &err);
	struct answer_conv *conv = db ? answer_conv_new(db, ctx->datadir) : NULL;
	struct sync_conv sc = { answer_conv_answer, conv };
	o.conv = &sc;
	if (!db || sync_import(db, paths, n, &o, &res, &err, &warn) != 0) {
		print_warnings(&warn, 0, o.dry_run);
		rc = cli_fail(&err);
		fprintf(stderr, "sxsh: %s\n", _("nothing was imported; the database is unchanged"));
	} else {
		print_warnings(&warn, rejected(&res), o.dry_run);
		if (res.files > 0)
			sync_report_counts(stdout, &res, 0);
		if (res.already > 0)
			printf(ngettext("%d file was already merged into this database: not read again.\n",
					"%d files were already merged into this database: not read again.\n",
					(unsigned long)res.already), res.already);
		if (o.dry_run)
			printf("%s\n", _("Dry run: nothing was changed."));
		else if (res.files == 0)
			printf("%s\n", _("Nothing was imported."));
		else if (res.report)
			printf(_("Imported %lld rows from %d files; report: %s\n"), res.rows, res.files,
			       res.report);
		if (!o.dry_run && res.files > 0)
			offer_links(db);
		free(res.report);
	}
	answer_conv_free(conv);
	sx_err_clear(&err);
	sx_err_clear(&warn);
	free(paths);
	return rc;
}
