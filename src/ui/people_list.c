/* people_list.c — the people registry as a searchable list: open (with
 * the person's training history), add, delete. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "base/mem.h"
#include "records/people.h"
#include "ui/searchlist.h"
#include "ui/training.h"

static long query(struct sx_ctx *ctx, const char *q, const char *scope, size_t limit,
		  void **rows, struct sx_err *err)
{
	(void)scope;
	struct person_row *v = NULL;
	long n = people_search(ctx->db, q, limit, &v, err);
	*rows = v;
	return n;
}

/* R (on the roster), name, year of birth, unit, category. */
static int columns(int cols, struct searchlist_col col[SEARCHLIST_COLS])
{
	int namew = cols / 3, catw = 20, unitw = cols - namew - catw - 19;
	col[0] = (struct searchlist_col){ NULL, 2, 1 };
	col[1] = (struct searchlist_col){ N_("Full name"), 4, namew };
	col[2] = (struct searchlist_col){ N_("Born"), 5 + namew, 8 };
	col[3] = (struct searchlist_col){ N_("Unit"), 14 + namew, unitw };
	col[4] = (struct searchlist_col){ N_("Category"), 15 + namew + unitw, catw };
	return 5;
}

static const char *cell(const void *row, int c, char *buf, size_t n)
{
	const struct person_row *r = row;
	switch (c) {
	case 0: return r->on_roster ? "R" : " ";
	case 1: return r->full_name;
	case 2:
		snprintf(buf, n, "%d", r->birth_year);
		return r->birth_year ? buf : "";
	case 3: return r->unit;
	default: return people_category_label(r->category);
	}
}

static void free_rows(void *rows, size_t n)
{
	people_rows_free(rows, n);
}

static const struct searchlist_ops ops = {
	.title = N_("People"),
	.empty = N_("Nobody matches. Press F2 to add a person."),
	.query = query, .free_rows = free_rows,
	.row_size = sizeof(struct person_row),
	.columns = columns, .cell = cell,
	.editor = &screen_person_edit,
	.confirm = N_("Delete %s from the registry? Their attendance records are kept."),
	.label_at = offsetof(struct person_row, full_name),
	.remove = person_delete,
};

static void *plist_enter(struct ui *ui, const void *arg)
{
	(void)arg;
	return searchlist_open_kept(ui, &ops, xcalloc(1, sizeof(struct person_carry)));
}

/* The carried fields live as long as the list. */
static void plist_leave(struct ui *ui, void *state)
{
	struct person_carry *c = searchlist_kept(state);
	searchlist_leave(ui, state);
	free(c->unit);
	free(c->category);
	free(c->ethnicity);
	free(c->place_uuid);
	free(c);
}

const struct screen screen_people_list = {
	.name = "people_list",
	.spec = &ops,
	.enter = plist_enter, .draw = searchlist_draw,
	.handle = searchlist_handle, .leave = plist_leave,
	.keys = N_("Type to search  Enter open  F2 new  F8 delete  Esc back"),
	.help = N_("Officers, trainees and facility contacts. Type part of a name to find "
		   "someone; capitals and accents do not matter (\"nguyen van a\" finds "
		   "\"Nguyễn Văn A\", \"d\" finds \"đ\"). R marks people on the roster of "
		   "officers who must be trained. Enter opens the selected person with their "
		   "training history, F2 adds a new one named as you searched, F8 deletes the "
		   "selected one after asking."),
};
