/* cmd_export.c — sxsh export DIR [--since DATE] [--place CODE] [--for-spreadsheet]. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "cli/commands.h"
#include "base/date.h"
#include "base/i18n.h"
#include "base/text.h"
#include "records/places.h"
#include "sync/sync_export.h"

/* --since as typed: an ISO timestamp, yyyy-mm-dd or dd/mm/yyyy (midnight UTC). */
static int parse_since(const char *s, long long *ms)
{
	char iso[11];

	if (clock_parse_iso(s, ms) == 0)
		return 0;
	return date_parse_user(s, iso) == 0 ? clock_parse_iso(iso, ms) : -1;
}

/* Options of the command; NULL dir when none was given. */
static int parse(int argc, char **argv, const char **dir, struct sync_export_opts *o)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--for-spreadsheet") == 0) {
			o->spreadsheet = 1;
		} else if (strcmp(a, "--since") == 0 || strcmp(a, "--place") == 0) {
			if (i + 1 >= argc)
				return cli_usage_error(_("option '%s' needs a value"), a);
			if (a[2] == 'p')
				o->place = argv[++i];
			else if (parse_since(argv[++i], &o->since) != 0)
				return cli_usage_error(_("--since: '%s' is not a date (write dd/mm/yyyy or"
							 " yyyy-mm-dd)"), argv[i]);
		} else if (a[0] == '-' && a[1]) {
			return cli_usage_error(_("unknown option '%s' for '%s'"), a, "export");
		} else if (*dir) {
			return cli_usage_error(_("'export' takes one folder (got '%s' too)"), a);
		} else {
			*dir = a;
		}
	}
	if (!*dir)
		return cli_usage_error(_("'export' needs a folder: sxsh export DIR"));
	return SX_OK;
}

/* --place as sync_export() reads it (a code or a name): a place named by
 * one of its other spellings only ("Xã Noong Lay", records/places.h) is
 * given by its name (*owned, freed by the caller); anything else as typed. */
static const char *official_name(struct sx_db *db, const char *arg, char **owned)
{
	char uuid[37], *name, *a, *b;
	int other;

	if (places_find(db, arg, uuid, NULL) != 1 || !(name = places_name(db, uuid)))
		return arg;
	a = text_fold(arg);
	b = text_fold(name);
	other = a && b && strcmp(a, b) != 0;
	free(a);
	free(b);
	if (!other) {
		free(name);
		return arg;
	}
	*owned = name;
	return name;
}

int cmd_export(struct sx_ctx *ctx, int argc, char **argv)
{
	struct sync_export_opts o = { .since = -1 };
	struct sync_export_result res;
	struct sx_err err = {0};
	const char *dir = NULL;
	char *name = NULL;
	struct sx_db *db;
	int rc = parse(argc, argv, &dir, &o);

	if (rc != SX_OK)
		return rc;
	db = ctx_db(ctx, &err);
	if (db && o.place)
		o.place = official_name(db, o.place, &name);
	if (!db || sync_export(db, dir, &o, &res, &err) != 0) {
		rc = cli_fail(&err);
	} else {
		printf(_("Exported %lld rows in %d files to %s.\n"), res.rows, res.files, dir);
	}
	free(name);
	sx_err_clear(&err);
	return rc;
}
