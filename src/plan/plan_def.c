/* plan_def.c — one plan's record, read and saved with bound statements. */
#include "plan/plan_def.h"

#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/uuid.h"

static char *opt(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s && *s ? xstrdup((const char *)s) : NULL;
}

int plan_def_get(struct sx_db *db, const char *code, struct plan_def *out, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT uuid, code, title_vi, title_en, decision, period_start,"
				   " period_end, closed_on FROM plans WHERE code = ?1 AND deleted = 0"
				   " ORDER BY uuid LIMIT 1", err);
	int rc;

	memset(out, 0, sizeof *out);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(out->uuid, sizeof out->uuid, "%s", (const char *)sqlite3_column_text(st, 0));
		out->code = opt(st, 1);
		out->title_vi = opt(st, 2);
		out->title_en = opt(st, 3);
		out->decision = opt(st, 4);
		out->period_start = opt(st, 5);
		out->period_end = opt(st, 6);
		out->closed_on = opt(st, 7);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return db_fail(db, err);
	sx_err_add(err, NULL, 0, _("no plan with the code '%s'"), code);
	return -1;
}

/* 1 when another live plan has code. */
static int code_taken(struct sx_db *db, const struct plan_def *p, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM plans WHERE code = ?1 AND deleted = 0"
				   " AND uuid <> ?2", err);
	int taken;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, p->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, p->uuid, -1, SQLITE_STATIC);
	taken = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return taken;
}

static void bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

int plan_def_save(struct sx_db *db, struct plan_def *p, struct sx_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (!p->code || !*p->code || !p->title_vi || !*p->title_vi) {
		sx_err_add(err, NULL, 0, "%s", _("a plan needs a code and a Vietnamese title"));
		return -1;
	}
	if (p->period_start && p->period_end && *p->period_start && *p->period_end
	    && strcmp(p->period_start, p->period_end) > 0) {
		sx_err_add(err, NULL, 0, "%s", _("the period ends before it starts"));
		return -1;
	}
	if ((rc = code_taken(db, p, err)) != 0) {
		if (rc > 0)
			sx_err_add(err, NULL, 0, _("the plan %s appears twice"), p->code);
		return -1;
	}
	st = db_stmt(db,
		"INSERT INTO plans (uuid, updated_at, origin, code, title_vi, title_en, decision,"
		" period_start, period_end, closed_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
		" ON CONFLICT (uuid) DO UPDATE SET updated_at = ?2, origin = ?3, code = ?4,"
		" title_vi = ?5, title_en = ?6, decision = ?7, period_start = ?8, period_end = ?9,"
		" closed_on = ?10", err);
	if (!st)
		return -1;
	if (!p->uuid[0])
		uuid_v7(p->uuid);
	sqlite3_bind_text(st, 1, p->uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, clock_now_ms());
	sqlite3_bind_text(st, 3, db_origin(db), -1, SQLITE_STATIC);
	bind_opt(st, 4, p->code);
	bind_opt(st, 5, p->title_vi);
	bind_opt(st, 6, p->title_en);
	bind_opt(st, 7, p->decision);
	bind_opt(st, 8, p->period_start);
	bind_opt(st, 9, p->period_end);
	bind_opt(st, 10, p->closed_on);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

void plan_def_clear(struct plan_def *p)
{
	free(p->code);
	free(p->title_vi);
	free(p->title_en);
	free(p->decision);
	free(p->period_start);
	free(p->period_end);
	free(p->closed_on);
	memset(p, 0, sizeof *p);
}
