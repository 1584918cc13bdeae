/* session_list.c — training and awareness sessions as a searchable list:
 * open, add, delete; the people registry is one key away. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "base/date.h"
#include "base/i18n.h"
#include "training/session.h"
#include "ui/searchlist.h"

static long query(struct sx_ctx *ctx, const char *q, const char *scope, size_t limit,
		  void **rows, struct sx_err *err)
{
	(void)scope;
	struct session_row *v = NULL;
	long n = session_list(ctx->db, q, limit, &v, err);
	*rows = v;
	return n;
}

/* Dates, title (with the code), kind, participants. */
static int columns(int cols, struct searchlist_col col[SEARCHLIST_COLS])
{
	int datew = 16, kindw = cols > 100 ? 28 : 20, numw = 5;
	int titlew = cols - datew - kindw - numw - 8;
	col[0] = (struct searchlist_col){ N_("Dates"), 2, datew };
	col[1] = (struct searchlist_col){ N_("Title"), 3 + datew, titlew };
	col[2] = (struct searchlist_col){ N_("Kind"), 4 + datew + titlew, kindw };
	col[3] = (struct searchlist_col){ N_("Ppl."), cols - numw - 2, numw };
	return 4;
}

/* "12/05/2025" or "12/05–13/05/2025" style dates of a row. */
static void row_dates(const struct session_row *r, char *out, size_t n)
{
	char a[11], b[11];
	date_format_user(r->start_date, a);
	date_format_user(r->end_date, b);
	if (strcmp(a, b) == 0)
		snprintf(out, n, "%s", a);
	else
		snprintf(out, n, "%.5s–%s", a, b);
}

static const char *cell(const void *row, int c, char *buf, size_t n)
{
	const struct session_row *r = row;
	switch (c) {
	case 0:
		row_dates(r, buf, n);
		return buf;
	case 1:
		if (!*r->code)
			return r->title;
		snprintf(buf, n, "%s · %s", r->code, r->title);
		return buf;
	case 2: return session_kind_label(r->kind);
	default:
		snprintf(buf, n, "%4d", r->participants);
		return buf;
	}
}

static void free_rows(void *rows, size_t n)
{
	session_rows_free(rows, n);
}

/* Enter: the session's participants, registration and attendance. */
static int open_row(struct ui *ui, struct searchlist *l, const void *row)
{
	ui_push(ui, &screen_session_view, searchlist_uuid(l, row));
	return RD_ALL;
}

/* F2: a new session. */
static int add_session(struct ui *ui, struct searchlist *l, const void *row)
{
	(void)l, (void)row;
	ui_push(ui, &screen_session_edit, NULL);
	return RD_ALL;
}

/* F3: the people registry. */
static int people(struct ui *ui, struct searchlist *l, const void *row)
{
	(void)l, (void)row;
	ui_push(ui, &screen_people_list, NULL);
	return RD_ALL;
}

static const struct searchlist_key keys[] = {
	{ .fkey = 0, .needs_row = 1, .stale = 1, .act = open_row },
	{ .fkey = 2, .stale = 1, .act = add_session },
	{ .fkey = 3, .act = people },
	{ 0 },
};

static const struct searchlist_ops ops = {
	.title = N_("Training and awareness events"),
	.empty = N_("No session yet. Press F2 to add one."),
	.query = query, .free_rows = free_rows,
	.row_size = sizeof(struct session_row),
	.columns = columns, .cell = cell,
	.keys = keys,
	.confirm = N_("Delete the session \"%s\" with its registrations and attendance?"),
	.label_at = offsetof(struct session_row, title),
	.remove = session_delete,
};

const struct screen screen_session_list = {
	.name = "session_list",
	.spec = &ops,
	.enter = searchlist_enter, .draw = searchlist_draw,
	.handle = searchlist_handle, .leave = searchlist_leave,
	.keys = N_("Type to search  Enter open  F2 new  F3 people  F8 delete  Esc back"),
	.help = N_("The training courses, awareness conferences and demonstration visits, "
		   "newest first. Type part of a title or code to find one. Enter opens the "
		   "selected session: its participants, registration, the attendance grid and "
		   "the sign-in sheet. F2 adds a session, F3 opens the people registry, F8 "
		   "deletes the selected session after asking."),
};
