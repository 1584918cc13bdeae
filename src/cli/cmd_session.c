/* cmd_session.c — sxsh session import-participants SESSION FILE [--apply]:
 * a participant list from a spreadsheet (listimport.h), shown row by row,
 * and written only with --apply. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/text.h"
#include "training/listimport.h"
#include "training/session.h"

/* What a row will do, in words. */
static char *row_what(const struct listimport_row *r)
{
	switch (r->what) {
	case LI_NEW: return xasprintf("%s", _("new person"));
	case LI_KNOWN: return xasprintf(_("in the registry as %s"), r->match_name);
	case LI_REGISTERED: return xasprintf(_("already registered (%s)"), r->match_name);
	case LI_REPEAT: return xasprintf(_("same person as line %ld"), r->repeat_of);
	default: return xasprintf("%s", _("error"));
	}
}

/* The preview on stdout, the rows in error on stderr; 0 when none is. */
static int print_preview(const struct listimport *li)
{
	for (size_t i = 0; i < li->n; i++) {
		const struct listimport_row *r = &li->rows[i];
		char *what = row_what(r), *line, *clean;
		char year[16] = "";
		if (r->p.birth_year)
			snprintf(year, sizeof year, ", %d", r->p.birth_year);
		line = r->what == LI_ERROR ? xasprintf("%s:%ld: %s", li->path, r->line, r->error)
			: xasprintf("%s:%ld: %s%s: %s", li->path, r->line, r->p.full_name, year, what);
		if (r->what == LI_ERROR) {
			fflush(stdout);
			cli_print_msg(line);
		} else {
			clean = text_printable(line);
			printf("%s\n", clean);
			free(clean);
		}
		free(line);
		free(what);
	}
	if (li->ignored) {
		char *clean = text_printable(li->ignored);
		printf(_("Columns not read: %s\n"), clean);
		free(clean);
	}
	printf(_("%zu new, %zu in the registry, %zu already registered, %zu repeated, "
		 "%zu in error.\n"), li->count[LI_NEW], li->count[LI_KNOWN],
	       li->count[LI_REGISTERED], li->count[LI_REPEAT], li->count[LI_ERROR]);
	return li->count[LI_ERROR] != 0;
}

static int import_list(struct sx_ctx *ctx, const char *key, const char *path, int apply)
{
	struct sx_err err = {0};
	struct listimport li;
	struct session s;
	struct sx_db *db = ctx_db(ctx, &err);
	int rc = SX_OK;

	if (!db || session_find(db, key, &s, &err) != 0) {
		rc = cli_fail(&err);
		sx_err_clear(&err);
		return rc;
	}
	if (listimport_read(db, s.uuid, path, &li, &err) != 0) {
		rc = cli_fail(&err);
	} else if (print_preview(&li) && !apply) {
		rc = SX_FAIL;
		printf("%s\n", _("Nothing was written: correct the rows in error first."));
	} else if (!apply) {
		printf("%s\n", _("Nothing was written: run again with --apply to import."));
	} else if (listimport_apply(db, s.uuid, &li, &err) != 0) {
		rc = cli_fail(&err);
	} else {
		printf(_("Registered for %s: %zu new people, %zu from the registry.\n"),
		       s.code && *s.code ? s.code : s.uuid, li.count[LI_NEW], li.count[LI_KNOWN]);
	}
	listimport_free(&li);   /* harmless after a failed read */
	session_clear(&s);
	sx_err_clear(&err);
	return rc;
}

int cmd_session(struct sx_ctx *ctx, int argc, char **argv)
{
	const char *args[2] = {0};
	int n = 0, apply = 0;

	if (argc < 2 || strcmp(argv[1], "import-participants") != 0)
		return cli_usage_error("%s", _("usage: sxsh session import-participants SESSION "
					       "FILE [--apply]"));
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--apply") == 0)
			apply = 1;
		else if (argv[i][0] == '-' && argv[i][1])
			return cli_usage_error(_("unknown option '%s'"), argv[i]);
		else if (n < 2)
			args[n++] = argv[i];
		else
			return cli_usage_error("%s", _("usage: sxsh session import-participants "
						       "SESSION FILE [--apply]"));
	}
	if (n != 2)
		return cli_usage_error("%s", _("usage: sxsh session import-participants SESSION "
					       "FILE [--apply]"));
	return import_list(ctx, args[0], args[1], apply);
}
