/* cmd_link_units.c — sxsh link-units [--apply]: people whose unit names a
 * facility (unitlink.h), listed, or linked with --apply. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "base/i18n.h"
#include "records/unitlink.h"

/* s for a terminal: control characters (C0, DEL, C1) written as '?'. */
static void put_clean(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	for (; *u; u++) {
		if (*u < 0x20 || *u == 0x7f) {
			putchar('?');
		} else if (*u == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f) {
			putchar('?');
			u++;
		} else {
			putchar(*u);
		}
	}
}

int cmd_link_units(struct sx_ctx *ctx, int argc, char **argv)
{
	struct sx_err err = {0};
	struct unit_link *v = NULL;
	int apply = argc == 2 && strcmp(argv[1], "--apply") == 0, rc = SX_OK;
	struct sx_db *db;
	long n;

	if (argc > 2 || (argc == 2 && !apply))
		return cli_usage_error("%s", _("usage: sxsh link-units [--apply]"));
	db = ctx_db(ctx, &err);
	n = db ? unitlink_candidates(db, &v, &err) : -1;
	if (n >= 0 && apply && unitlink_apply(db, v, n, &err) != 0)
		n = -1;
	if (n < 0) {
		rc = cli_fail(&err);
	} else {
		for (long i = 0; i < n; i++) {
			printf("%s\t", apply ? _("linked") : _("would link"));
			put_clean(v[i].person_name);
			putchar('\t');
			put_clean(v[i].facility_name);
			putchar('\n');
		}
		printf(apply ? ngettext("%ld person linked to a facility.\n",
					"%ld people linked to facilities.\n", (unsigned long)n)
		       : ngettext("%ld person's unit names a facility; --apply links them.\n",
				  "%ld people's units name facilities; --apply links them.\n",
				  (unsigned long)n), n);
	}
	unitlink_free(v, n > 0 ? n : 0);
	sx_err_clear(&err);
	return rc;
}
