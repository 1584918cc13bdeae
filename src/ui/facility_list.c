/* facility_list.c — the facilities registry as a searchable list: open,
 * pick (for a new assessment), add, list assessments, delete. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/mem.h"
#include "records/facility.h"
#include "records/places.h"
#include "ui/searchlist.h"

static long query(struct sx_ctx *ctx, const char *q, const char *scope, size_t limit,
		  void **rows, struct sx_err *err)
{
	struct facility_row *v = NULL;
	long n = facility_search_in(ctx->db, q, scope, limit, &v, err);
	*rows = v;
	return n;
}

static int columns(int cols, struct searchlist_col col[SEARCHLIST_COLS])
{
	int namew = cols / 2, placew = (cols - namew - 6) / 2;
	col[0] = (struct searchlist_col){ N_("Name"), 2, namew };
	col[1] = (struct searchlist_col){ N_("District"), 3 + namew, placew };
	col[2] = (struct searchlist_col){ N_("Sector"), 4 + namew + placew,
					  cols - namew - placew - 5 };
	return 3;
}

static const char *sector_label(const char *code)
{
	for (size_t i = 0; i < facility_nsectors; i++)
		if (strcmp(code, facility_sectors[i].code) == 0)
			return _(facility_sectors[i].label);
	return code;
}

static const char *cell(const void *row, int c, char *buf, size_t n)
{
	const struct facility_row *r = row;
	(void)buf, (void)n;
	return c == 0 ? r->name : c == 1 ? r->place : sector_label(r->sector);
}

static void free_rows(void *rows, size_t n)
{
	facility_rows_free(rows, n);
}

/* F5: the facility's assessments. */
static int assessments(struct ui *ui, struct searchlist *l, const void *row)
{
	struct assess_list_arg a = { .facility = searchlist_uuid(l, row) };
	ui_push(ui, &screen_assess_list, &a);
	return RD_ALL;
}

/* F6: only the officer's home area (a commune or ward, with the old communes it was
 * formed from), or everywhere again. */
static int toggle_area(struct ui *ui, struct searchlist *l, const void *row)
{
	struct sx_db *db = ui_ctx(ui)->db;
	char province[37], *home, *name;

	(void)row;
	if (searchlist_scope(l)) {
		searchlist_set_scope(ui, l, NULL, NULL);
		return RD_SCREEN;
	}
	home = db_setting(db, "home_area");
	places_province(db, province);
	if (!home || strcmp(home, province) == 0) {
		ui_message(ui, 1, "%s", _("Your home area is the whole province: choose a commune "
					  "or ward in Settings to filter by it."));
		free(home);
		return RD_ALL;
	}
	name = places_name(db, home);
	searchlist_set_scope(ui, l, home, name);
	free(name);
	free(home);
	return RD_SCREEN;
}

static const struct searchlist_key keys[] = {
	{ .fkey = 5, .needs_row = 1, .act = assessments },
	{ .fkey = 6, .act = toggle_area },
	{ 0 },
};

static const struct searchlist_ops ops = {
	.title = N_("Facilities"),
	.empty = N_("No facility matches. Press F2 to add one."),
	.query = query, .free_rows = free_rows,
	.row_size = sizeof(struct facility_row),
	.columns = columns, .cell = cell,
	.keys = keys, .editor = &screen_facility_edit,
	.confirm = N_("Delete the facility \"%s\"? Its assessments are kept."),
	.label_at = offsetof(struct facility_row, name),
	.remove = facility_delete,
};

/* Picking a facility (for a new assessment): Enter chooses, F2 adds one;
 * deleting and the assessments list are not offered there. */
static const struct searchlist_key pick_keys[] = {
	{ .fkey = 6, .act = toggle_area },
	{ 0 },
};
static const struct searchlist_ops pick_ops = {
	.title = N_("Facilities"),
	.empty = N_("No facility matches. Press F2 to add one."),
	.query = query, .free_rows = free_rows,
	.row_size = sizeof(struct facility_row),
	.columns = columns, .cell = cell,
	.keys = pick_keys, .editor = &screen_facility_edit,
	.label_at = offsetof(struct facility_row, name),
};

const struct screen screen_facility_list = {
	.name = "facility_list",
	.spec = &ops,
	.enter = searchlist_enter, .draw = searchlist_draw,
	.handle = searchlist_handle, .leave = searchlist_leave,
	.keys = N_("Type to search  Enter open  F2 new  F5 assessments  F6 my area  F8 delete"),
	.help = N_("Type part of a facility's name, place or sector to find it; capitals and "
		   "accents do not matter (\"mai son\" finds the facilities of Mai Sơn, "
		   "\"d\" finds \"đ\", \"san\" those processing cassava). The list is in "
		   "Vietnamese alphabetical order. Enter opens the selected facility, F2 adds a "
		   "new one named as you searched, F5 lists its assessments and starts a new "
		   "one, F8 deletes the selected one after asking. F6 shows only the "
		   "facilities of your commune or ward (with those recorded under the old "
		   "communes it was formed from), and F6 again all of them."),
};

const struct screen screen_facility_pick = {
	.name = "facility_pick",
	.spec = &pick_ops,   /* opened with a struct pick_arg: Enter picks a facility */
	.enter = searchlist_enter, .draw = searchlist_draw,
	.handle = searchlist_handle, .leave = searchlist_leave,
	.keys = N_("Type to search  Enter choose  F2 new  F6 my area  Esc back"),
	.help = N_("Choose the facility to assess: type part of its name, place or sector "
		   "(capitals and accents do not matter), then Enter. F2 adds a new facility "
		   "named as you searched. F6 shows only the facilities of your commune or "
		   "ward, and F6 again all of them. Esc goes back without starting."),
};
