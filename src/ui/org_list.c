/* org_list.c — the support network as a searchable list (records/orgs.h):
 * open, add, delete. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "records/orgs.h"
#include "ui/searchlist.h"

static long query(struct sx_ctx *ctx, const char *q, const char *scope, size_t limit,
		  void **rows, struct sx_err *err)
{
	struct org *v = NULL;
	size_t n = 0;

	(void)scope;
	if (orgs_list(ctx->db, q, &v, &n, err) != 0)
		return -1;
	for (size_t i = limit; i < n; i++)   /* a network is small; keep a screenful */
		org_clear(&v[i]);
	*rows = v;
	return (long)(n < limit ? n : limit);
}

static void free_rows(void *rows, size_t n)
{
	struct org *v = rows;
	for (size_t i = 0; i < n; i++)
		org_clear(&v[i]);
	free(v);
}

static int columns(int cols, struct searchlist_col col[SEARCHLIST_COLS])
{
	int namew = cols * 2 / 5, kindw = 24;
	col[0] = (struct searchlist_col){ N_("Organisation"), 2, namew };
	col[1] = (struct searchlist_col){ N_("Kind"), 3 + namew, kindw };
	col[2] = (struct searchlist_col){ N_("Phone"), 4 + namew + kindw, cols - namew - kindw - 5 };
	return 3;
}

static const char *cell(const void *row, int c, char *buf, size_t n)
{
	const struct org *o = row;
	(void)buf, (void)n;
	return c == 0 ? o->name : c == 1 ? orgs_kind_label(o->kind) : o->phone ? o->phone : "";
}

static const struct searchlist_ops ops = {
	.title = N_("Support network"),
	.empty = N_("No organisation matches. Press F2 to add one."),
	.query = query, .free_rows = free_rows,
	.row_size = sizeof(struct org),
	.columns = columns, .cell = cell,
	.editor = &screen_org_edit,
	.confirm = N_("Delete \"%s\" from the network, with the parts it took?"),
	.label_at = offsetof(struct org, name),
	.remove = orgs_delete,
};

const struct screen screen_org_list = {
	.name = "org_list",
	.spec = &ops,
	.enter = searchlist_enter, .draw = searchlist_draw,
	.handle = searchlist_handle, .leave = searchlist_leave,
	.keys = N_("Type to search  Enter open  F2 new  F8 delete  Esc back"),
	.help = N_("The network of cleaner-production support organisations: CP centres, "
		   "consultants, universities and institutes, funds and banks, associations. "
		   "Type part of a name to find one; capitals and accents do not matter. Enter "
		   "opens it, F2 adds a new one named as you searched, F8 deletes the selected "
		   "one after asking. Name an organisation as organiser or trainer with F3 in a "
		   "session's record, as adviser with F4 in the list of assessments (or with "
		   "'sxsh org link'); the HTML report lists what each took part in."),
};
