/* cmd_dupes.c — sxsh dupes: the likely duplicate pairs for the provincial
 * office, one line each, tab-separated so that a spreadsheet opens it:
 *
 *   person|facility  uuid-a  name-a  uuid-b  name-b  birth_year|phone|place  value
 *
 * The first two columns are words for scripts (not translated); merging
 * is done in the interface, where the two records are shown side by side. */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "cli/commands.h"
#include "records/dupes.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/text.h"

static void print_pair(const struct dupes_pair *p)
{
	int person = p->kind == DUPES_PERSON;
	const char *what = !person ? "place" : p->birth_year ? "birth_year" : "phone";
	/* Imported text never reaches the terminal raw, and a TAB or line break
	 * in it cannot make extra columns or rows. */
	char *f[5] = { text_printable(p->a), text_printable(p->name_a), text_printable(p->b),
		       text_printable(p->name_b), text_printable(person ? p->phone : p->place) };

	printf("%s\t%s\t%s\t%s\t%s\t%s\t", person ? "person" : "facility", f[0], f[1], f[2], f[3],
	       what);
	if (person && p->birth_year)
		printf("%d\n", p->birth_year);
	else
		printf("%s\n", f[4]);
	for (int i = 0; i < 5; i++)
		free(f[i]);
}

int cmd_dupes(struct sx_ctx *ctx, int argc, char **argv)
{
	struct sx_err err = {0};
	struct dupes_pair *pairs;
	struct sx_db *db;
	long n;
	int rc = SX_OK;

	if (argc > 1)
		return cli_usage_error(_("'dupes' takes no arguments (got '%s')"), argv[1]);
	db = ctx_db(ctx, &err);
	n = db ? dupes_list(db, SIZE_MAX, &pairs, &err) : -1;
	if (n < 0) {
		rc = cli_fail(&err);
		sx_err_clear(&err);
		return rc;
	}
	for (long i = 0; i < n; i++)
		print_pair(&pairs[i]);
	dupes_free(pairs, (size_t)n);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "sxsh: %s\n", _("could not write the list"));
		rc = SX_FAIL;
	}
	return rc;
}
