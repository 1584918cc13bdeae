/* session.c — sessions and plans through bound statements.  Participants
 * and attendance live in attendance.c. */
#include "training/session.h"

#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/date.h"
#include "base/i18n.h"
#include "records/record.h"
#include "base/mem.h"
#include "base/text.h"
#include "base/uuid.h"

const struct people_code session_kinds[] = {
	{ "awareness", N_("Awareness conference") },
	{ "training", N_("Training course") },
	{ "demo", N_("Demonstration visit") },
};
const size_t session_nkinds = sizeof session_kinds / sizeof session_kinds[0];

/* Column order shared by session_get() and session_save(). */
#define SESSION_COLS "kind, code, title, plan_uuid, start_date, end_date, venue," \
	" place_uuid, organiser, trainer, topics, expected"

const char *session_kind_label(const char *code)
{
	if (!code)
		return "";
	for (size_t i = 0; i < session_nkinds; i++)
		if (strcmp(code, session_kinds[i].code) == 0)
			return _(session_kinds[i].label);
	return code;
}

static char *dup_col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? xstrdup((const char *)s) : NULL;
}

static void copy_col(sqlite3_stmt *st, int i, char *out, size_t n)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	snprintf(out, n, "%s", s ? (const char *)s : "");
}

/* Fill s from a row of SELECT uuid, SESSION_COLS. */
static void read_session(sqlite3_stmt *st, struct session *s)
{
	copy_col(st, 0, s->uuid, sizeof s->uuid);
	s->kind = dup_col(st, 1);
	s->code = dup_col(st, 2);
	s->title = dup_col(st, 3);
	s->plan_uuid = dup_col(st, 4);
	s->start_date = dup_col(st, 5);
	s->end_date = dup_col(st, 6);
	s->venue = dup_col(st, 7);
	s->place_uuid = dup_col(st, 8);
	s->organiser = dup_col(st, 9);
	s->trainer = dup_col(st, 10);
	s->topics = dup_col(st, 11);
	s->expected = sqlite3_column_int(st, 12);
}

int session_get(struct sx_db *db, const char *uuid, struct session *s, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT uuid, " SESSION_COLS " FROM sessions"
				   " WHERE uuid = ? AND deleted = 0", err);
	int rc;

	memset(s, 0, sizeof *s);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_session(st, s);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		sx_err_add(err, NULL, 0, _("no session with id %s"), uuid);
	else
		db_fail(db, err);
	return -1;
}

int session_find(struct sx_db *db, const char *key, struct session *s, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT uuid, " SESSION_COLS " FROM sessions"
				   " WHERE deleted = 0 AND (uuid = lower(?1) OR code = ?1) LIMIT 2", err);
	int rc, found = 0;

	memset(s, 0, sizeof *s);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && ++found == 1)
		read_session(st, s);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		session_clear(s);
		return db_fail(db, err);
	}
	if (found == 1)
		return 0;
	session_clear(s);
	if (found == 0)
		sx_err_add(err, NULL, 0, _("no session with the code or id '%s'"), key);
	else
		sx_err_add(err, NULL, 0, _("several sessions have the code '%s'; give the id instead"),
			   key);
	return -1;
}

/* Check what session_save() needs; fills in the end date and the plan. */
static int check_session(struct sx_db *db, struct session *s, struct sx_err *err)
{
	char days[SESSION_MAX_DAYS][11], plan[37];
	char *title = text_trim(s->title ? s->title : "");
	int blank = !*title;

	free(title);
	if (blank) {
		sx_err_add(err, NULL, 0, _("a session needs a title"));
		return -1;
	}
	if (!s->kind || session_kind_label(s->kind) == s->kind) {   /* the code came back: unknown */
		sx_err_add(err, NULL, 0, _("unknown kind of session '%s'"), s->kind ? s->kind : "");
		return -1;
	}
	if (!s->start_date || !date_valid_iso(s->start_date)) {
		sx_err_add(err, NULL, 0, _("a session needs a start date"));
		return -1;
	}
	if (!s->end_date || !*s->end_date) {
		free(s->end_date);
		s->end_date = xstrdup(s->start_date);
	}
	if (session_days(s->start_date, s->end_date, days) < 0) {
		sx_err_add(err, NULL, 0, _("the last day must be on or after the first day, "
					   "at most %d days later"), SESSION_MAX_DAYS - 1);
		return -1;
	}
	if ((!s->plan_uuid || !*s->plan_uuid) && session_default_plan(db, s->start_date, plan) == 0) {
		free(s->plan_uuid);
		s->plan_uuid = xstrdup(plan);
	}
	return 0;
}

int session_save(struct sx_db *db, struct session *s, struct sx_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (check_session(db, s, err) != 0)
		return -1;
	st = db_stmt(db,
		"INSERT INTO sessions (uuid, updated_at, origin, deleted, " SESSION_COLS ")"
		" VALUES (?1, ?2, ?3, 0, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
		" ON CONFLICT (uuid) DO UPDATE SET updated_at = max(?2, updated_at + 1), origin = ?3, kind = ?4,"
		" code = ?5, title = ?6, plan_uuid = ?7, start_date = ?8, end_date = ?9,"
		" venue = ?10, place_uuid = ?11, organiser = ?12, trainer = ?13, topics = ?14,"
		" expected = ?15", err);
	if (!st)
		return -1;
	if (!s->uuid[0])
		uuid_v7(s->uuid);
	sqlite3_bind_text(st, 1, s->uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, clock_now_ms());
	sqlite3_bind_text(st, 3, db_origin(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, s->kind, -1, SQLITE_STATIC);
	record_bind_text(st, 5, s->code);
	record_bind_text(st, 6, s->title);
	record_bind_text(st, 7, s->plan_uuid);
	sqlite3_bind_text(st, 8, s->start_date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, s->end_date, -1, SQLITE_STATIC);
	record_bind_text(st, 10, s->venue);
	record_bind_text(st, 11, s->place_uuid);
	record_bind_text(st, 12, s->organiser);
	record_bind_text(st, 13, s->trainer);
	record_bind_text(st, 14, s->topics);
	if (s->expected > 0)
		sqlite3_bind_int(st, 15, s->expected);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

int session_delete(struct sx_db *db, const char *uuid, struct sx_err *err)
{
	static const char *const sql[] = {
		"UPDATE sessions SET deleted = 1, updated_at = max(?1, updated_at + 1), origin = ?2"
		" WHERE uuid = ?3 AND deleted = 0",
		"UPDATE participants SET deleted = 1, updated_at = max(?1, updated_at + 1), origin = ?2"
		" WHERE session_uuid = ?3 AND deleted = 0",
		"UPDATE attendance SET deleted = 1, updated_at = max(?1, updated_at + 1), origin = ?2"
		" WHERE session_uuid = ?3 AND deleted = 0",
	};
	long long now = clock_now_ms();

	if (db_exec(db, "BEGIN IMMEDIATE", err) != 0)
		return -1;
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		sqlite3_stmt *st = db_stmt(db, sql[i], err);
		int rc;
		if (!st) {
			db_exec(db, "ROLLBACK", NULL);
			return -1;
		}
		sqlite3_bind_int64(st, 1, now);
		sqlite3_bind_text(st, 2, db_origin(db), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, uuid, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE) {
			db_fail(db, err);
			db_exec(db, "ROLLBACK", NULL);
			return -1;
		}
	}
	return db_exec(db, "COMMIT", err);
}

void session_clear(struct session *s)
{
	char *fields[] = { s->kind, s->code, s->title, s->plan_uuid, s->start_date, s->end_date,
			   s->venue, s->place_uuid, s->organiser, s->trainer, s->topics };
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		free(fields[i]);
	memset(s, 0, sizeof *s);
}

long session_list(struct sx_db *db, const char *query, size_t limit,
		  struct session_row **rows, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT s.uuid, coalesce(s.code, ''), s.title, s.kind, s.start_date, s.end_date,"
		" (SELECT count(*) FROM participants p WHERE p.session_uuid = s.uuid"
		" AND p.deleted = 0) FROM sessions s WHERE s.deleted = 0"
		" ORDER BY s.start_date DESC, s.uuid DESC", err);
	char *want = text_fold(query ? query : "");
	size_t n = 0, cap = 0;
	int rc;

	*rows = NULL;
	if (!st) {
		free(want);
		return -1;
	}
	while (n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 1);
		const char *title = (const char *)sqlite3_column_text(st, 2);
		char *both = xasprintf("%s %s", code, title), *hay = text_fold(both);
		int hit = !want || text_match(hay ? hay : "", want);
		struct session_row *r;
		free(both);
		free(hay);
		if (!hit)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			*rows = xreallocarray(*rows, cap, sizeof **rows);
		}
		r = &(*rows)[n++];
		copy_col(st, 0, r->uuid, sizeof r->uuid);
		r->code = xstrdup(code);
		r->title = xstrdup(title);
		r->kind = dup_col(st, 3);
		copy_col(st, 4, r->start_date, sizeof r->start_date);
		copy_col(st, 5, r->end_date, sizeof r->end_date);
		r->participants = sqlite3_column_int(st, 6);
	}
	if (n == limit)
		rc = SQLITE_DONE;
	sqlite3_reset(st);
	free(want);
	if (rc != SQLITE_DONE) {
		session_rows_free(*rows, n);
		*rows = NULL;
		return db_fail(db, err);
	}
	return (long)n;
}

void session_rows_free(struct session_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].code);
		free(rows[i].title);
		free(rows[i].kind);
	}
	free(rows);
}

int session_default_plan(struct sx_db *db, const char *date, char out[37])
{
	struct sx_err err = {0};
	sqlite3_stmt *st = db_stmt(db,
		"SELECT uuid, (coalesce(closed_on, '') = '' OR closed_on > ?1) AS open FROM plans"
		" WHERE deleted = 0 ORDER BY (open AND coalesce(period_start, '') <= ?1"
		" AND coalesce(nullif(period_end, ''), '9999') >= ?1) DESC, open DESC,"
		" (coalesce(period_start, '') <= ?1 AND coalesce(period_end, '9999') >= ?1) DESC,"
		" period_start DESC LIMIT 1", &err);
	int rc;

	out[0] = '\0';
	sx_err_clear(&err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, date ? date : "", -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		copy_col(st, 0, out, 37);
	sqlite3_reset(st);
	return out[0] ? 0 : -1;
}

char *session_plan_title(struct sx_db *db, const char *plan_uuid)
{
	struct sx_err err = {0};
	sqlite3_stmt *st = db_stmt(db,
		"SELECT CASE WHEN ?2 = 'en' AND coalesce(title_en, '') <> '' THEN title_en"
		" ELSE title_vi END, coalesce(decision, '') FROM plans WHERE uuid = ?1", &err);
	char *title = NULL;

	sx_err_clear(&err);
	if (!st || !plan_uuid)
		return NULL;
	sqlite3_bind_text(st, 1, plan_uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, i18n_lang(), -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		const char *d = (const char *)sqlite3_column_text(st, 1);
		title = *d ? xasprintf("%s (%s)", t, d) : xstrdup(t);
	}
	sqlite3_reset(st);
	return title;
}

long session_plans(struct sx_db *db, struct session_plan **out, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT uuid, CASE WHEN ?1 = 'en' AND coalesce(title_en, '') <> '' THEN title_en"
		" ELSE title_vi END FROM plans WHERE deleted = 0 ORDER BY period_start DESC", err);
	size_t n = 0, cap = 0;
	int rc;

	*out = NULL;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, i18n_lang(), -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 4;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		copy_col(st, 0, (*out)[n].uuid, sizeof (*out)[n].uuid);
		(*out)[n++].title = dup_col(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		session_plans_free(*out, n);
		*out = NULL;
		return db_fail(db, err);
	}
	return (long)n;
}

void session_plans_free(struct session_plan *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].title);
	free(v);
}

int session_days(const char *start, const char *end, char days[SESSION_MAX_DAYS][11])
{
	int y, m, d, n = 0;

	if (!start || !end || !date_valid_iso(start) || !date_valid_iso(end) ||
	    strcmp(start, end) > 0 || sscanf(start, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return -1;
	for (;;) {
		if (n == SESSION_MAX_DAYS)
			return -1;
		snprintf(days[n], 11, "%04d-%02d-%02d", y, m, d);
		if (strcmp(days[n++], end) == 0)
			return n;
		if (++d > date_days_in_month(y, m)) {
			d = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
}
