/* plan_records.c — the records behind one figure of the dashboard (the
 * facilities, officers or sessions it counts, or the records dated outside
 * the plan), as a searchable list: exactly plan_records() (plan.h), so the
 * list's count is the figure. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/mem.h"
#include "base/date.h"
#include "base/text.h"
#include "plan/plan.h"
#include "ui/draw.h"
#include "ui/searchlist.h"

/* What the screen holds: the records, folded for search, and its heading. */
struct held {
	struct plan_record *v;
	char **folded;
	size_t n;
	char *heading;      /* the figure and the area */
	struct searchlist *l;
};

/* One row of the list: a record the screen holds. */
struct row {
	char uuid[37];
	const struct plan_record *rec;
};

static long query_kept(void *kept, const char *q, size_t limit, void **rows, struct sx_err *err)
{
	struct held *h = kept;
	char *fq = text_fold(q);
	struct row *v = xcalloc(h->n ? h->n : 1, sizeof *v);
	size_t n = 0;

	(void)err;
	for (size_t i = 0; i < h->n && n < limit; i++)
		if (!*fq || text_match(h->folded[i], fq)) {
			snprintf(v[n].uuid, sizeof v[n].uuid, "%s", h->v[i].uuid);
			v[n++].rec = &h->v[i];
		}
	free(fq);
	*rows = v;
	return (long)n;
}

static void free_rows(void *rows, size_t n)
{
	(void)n;
	free(rows);
}

static int columns(int cols, struct searchlist_col col[SEARCHLIST_COLS])
{
	col[0] = (struct searchlist_col){ N_("Name"), 2, cols - 16 };
	col[1] = (struct searchlist_col){ N_("Date"), cols - 12, 10 };
	return 2;
}

static const char *cell(const void *row, int c, char *buf, size_t n)
{
	const struct row *r = row;
	if (c == 0)
		return r->rec->label;
	if (!*r->rec->day)
		return "";
	date_format_user(r->rec->day, buf);
	(void)n;
	return buf;
}

static const struct searchlist_ops ops = {
	.title = N_("Records behind the figure"),
	.empty = N_("No record is counted in this figure."),
	.query_kept = query_kept, .free_rows = free_rows,
	.row_size = sizeof(struct row),
	.columns = columns, .cell = cell,
};

static void *precords_enter(struct ui *ui, const void *arg)
{
	const struct plan_records_arg *a = arg;
	struct sx_ctx *ctx = ui_ctx(ui);
	struct sx_err err = {0};
	struct held *h = xcalloc(1, sizeof *h);

	if (plan_records(ctx->db, ctx->datadir, a->r, a->k, a->row, &h->v, &h->n, &err) != 0)
		ui_message(ui, 1, "%s", sx_err_last(&err));
	h->folded = xcalloc(h->n ? h->n : 1, sizeof *h->folded);
	for (size_t i = 0; i < h->n; i++)
		h->folded[i] = text_fold(h->v[i].label);
	h->heading = a->k < a->r->nind
		? xasprintf("%s — %s", a->r->ind[a->k].label, a->row->label)
		: xasprintf("%s — %s", _("Dated records outside the plan's period"), a->r->title);
	sx_err_clear(&err);
	h->l = searchlist_open_kept(ui, &ops, h);
	return h;
}

static void precords_draw(struct ui *ui, void *state)
{
	struct held *h = state;
	searchlist_draw(ui, h->l);
	draw_text(1, 2, COLS - 4, R_TITLE, h->heading);
}

static int precords_handle(struct ui *ui, void *state, const struct input *in)
{
	struct held *h = state;
	return searchlist_handle(ui, h->l, in);
}

static void precords_leave(struct ui *ui, void *state)
{
	struct held *h = state;
	searchlist_leave(ui, h->l);
	for (size_t i = 0; i < h->n; i++)
		free(h->folded[i]);
	free(h->folded);
	plan_records_free(h->v, h->n);
	free(h->heading);
	free(h);
}

const struct screen screen_plan_records = {
	.name = "plan_records",
	.enter = precords_enter,
	.draw = precords_draw,
	.handle = precords_handle,
	.leave = precords_leave,
	.keys = N_("Type to search  Esc back"),
	.help = N_("The records a figure of the dashboard counts, by the same rules as the "
		   "figure: for a share the facilities informed or the officers trained, for a "
		   "count the facilities assessed or the sessions held, in the area shown; or the "
		   "dated records outside the plan's period. The count at the top right is the "
		   "figure. Type part of a name to narrow the list."),
};
