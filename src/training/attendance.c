/* attendance.c — participants and daily attendance through bound statements. */
#include "training/attendance.h"

#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/mem.h"
#include "base/uuid.h"

static char *dup_col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return xstrdup(s ? (const char *)s : "");
}

static void copy_col(sqlite3_stmt *st, int i, char *out, size_t n)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	snprintf(out, n, "%s", s ? (const char *)s : "");
}

/* Run a statement with no result rows; 0 or -1 + err.  The statement is
 * reset either way. */
static int run(struct sx_db *db, sqlite3_stmt *st, struct sx_err *err)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

int attendance_register(struct sx_db *db, const char *session_uuid, const char *person_uuid,
			int walk_in, struct sx_err *err)
{
	/* The unique (session, person) pair turns a second registration into
	 * nothing, and revives one that was removed before. */
	sqlite3_stmt *st = db_stmt(db,
		"INSERT INTO participants (uuid, updated_at, origin, deleted, session_uuid,"
		" person_uuid, walk_in) VALUES (?1, ?2, ?3, 0, ?4, ?5, ?6)"
		" ON CONFLICT (session_uuid, person_uuid) DO UPDATE SET deleted = 0,"
		" updated_at = max(?2, updated_at + 1), origin = ?3, walk_in = ?6 WHERE deleted = 1", err);
	char id[37];

	if (!st)
		return -1;
	uuid_v7(id);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, clock_now_ms());
	sqlite3_bind_text(st, 3, db_origin(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, session_uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, person_uuid, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, walk_in != 0);
	if (run(db, st, err) != 0)
		return -1;
	return sqlite3_changes(db_sqlite(db)) ? 0 : 1;
}

int attendance_unregister(struct sx_db *db, const char *session_uuid,
			  const char *person_uuid, struct sx_err *err)
{
	static const char *const sql[] = {
		"UPDATE participants SET deleted = 1, updated_at = max(?1, updated_at + 1), origin = ?2"
		" WHERE session_uuid = ?3 AND person_uuid = ?4 AND deleted = 0",
		"UPDATE attendance SET deleted = 1, updated_at = max(?1, updated_at + 1), origin = ?2"
		" WHERE session_uuid = ?3 AND person_uuid = ?4 AND deleted = 0",
	};
	long long now = clock_now_ms();

	if (db_exec(db, "BEGIN IMMEDIATE", err) != 0)
		return -1;
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		sqlite3_stmt *st = db_stmt(db, sql[i], err);
		if (st) {
			sqlite3_bind_int64(st, 1, now);
			sqlite3_bind_text(st, 2, db_origin(db), -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 3, session_uuid, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 4, person_uuid, -1, SQLITE_STATIC);
		}
		if (!st || run(db, st, err) != 0) {
			db_exec(db, "ROLLBACK", NULL);
			return -1;
		}
	}
	return db_exec(db, "COMMIT", err);
}

long attendance_participants(struct sx_db *db, const char *session_uuid,
			     struct participant **out, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT pe.uuid, pe.full_name, coalesce(pe.birth_year, 0), pe.gender, pe.ethnicity,"
		" pe.position, pe.unit, pe.category, pe.phone, pa.walk_in"
		" FROM participants pa JOIN people pe ON pe.uuid = pa.person_uuid"
		" WHERE pa.session_uuid = ? AND pa.deleted = 0 AND pe.deleted = 0"
		" ORDER BY pe.sort_key, pe.uuid", err);
	size_t n = 0, cap = 0;
	int rc;

	*out = NULL;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, session_uuid, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct participant *p;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		p = &(*out)[n++];
		copy_col(st, 0, p->person_uuid, sizeof p->person_uuid);
		p->full_name = dup_col(st, 1);
		p->birth_year = sqlite3_column_int(st, 2);
		p->gender = dup_col(st, 3);
		p->ethnicity = dup_col(st, 4);
		p->position = dup_col(st, 5);
		p->unit = dup_col(st, 6);
		p->category = dup_col(st, 7);
		p->phone = dup_col(st, 8);
		p->walk_in = sqlite3_column_int(st, 9);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		attendance_participants_free(*out, n);
		*out = NULL;
		return db_fail(db, err);
	}
	return (long)n;
}

void attendance_participants_free(struct participant *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *fields[] = { v[i].full_name, v[i].gender, v[i].ethnicity, v[i].position,
				   v[i].unit, v[i].category, v[i].phone };
		for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
			free(fields[k]);
	}
	free(v);
}

long attendance_facilities(struct sx_db *db, const char *session_uuid, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT count(DISTINCT pe.facility_uuid) FROM participants pa"
		" JOIN people pe ON pe.uuid = pa.person_uuid"
		" JOIN facilities f ON f.uuid = pe.facility_uuid AND f.deleted = 0"
		" WHERE pa.session_uuid = ? AND pa.deleted = 0 AND pe.deleted = 0", err);
	long n = -1;
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, session_uuid, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? n : db_fail(db, err);
}

/* Row of the grid for a person, or -1; people are few, a scan is enough. */
static long grid_row(const struct attendance_grid *g, const char *person_uuid)
{
	for (size_t i = 0; i < g->n; i++)
		if (strcmp(g->people[i].person_uuid, person_uuid) == 0)
			return (long)i;
	return -1;
}

/* Column of the grid for a day, or -1. */
static long grid_col(const struct attendance_grid *g, const char *day)
{
	for (size_t d = 0; d < g->ndays; d++)
		if (strcmp(g->days[d], day) == 0)
			return (long)d;
	return -1;
}

int attendance_grid_load(struct sx_db *db, const struct session *s, struct attendance_grid *g,
			 struct sx_err *err)
{
	sqlite3_stmt *st;
	long n;
	int nd, rc;

	memset(g, 0, sizeof *g);
	nd = session_days(s->start_date, s->end_date, g->days);
	n = attendance_participants(db, s->uuid, &g->people, err);
	if (nd < 0 || n < 0) {
		attendance_grid_free(g);
		return -1;
	}
	g->ndays = (size_t)nd;
	g->n = (size_t)n;
	g->present = xcalloc(g->n * g->ndays + 1, 1);
	st = db_stmt(db, "SELECT person_uuid, day FROM attendance"
		     " WHERE session_uuid = ? AND deleted = 0 AND present = 1", err);
	if (!st) {
		attendance_grid_free(g);
		return -1;
	}
	sqlite3_bind_text(st, 1, s->uuid, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long r = grid_row(g, (const char *)sqlite3_column_text(st, 0));
		long c = grid_col(g, (const char *)sqlite3_column_text(st, 1));
		if (r >= 0 && c >= 0)
			g->present[(size_t)r * g->ndays + (size_t)c] = 1;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		attendance_grid_free(g);
		return db_fail(db, err);
	}
	return 0;
}

void attendance_grid_free(struct attendance_grid *g)
{
	attendance_participants_free(g->people, g->n);
	free(g->present);
	memset(g, 0, sizeof *g);
}

int attendance_grid_total(const struct attendance_grid *g, size_t d)
{
	int total = 0;
	for (size_t i = 0; d < g->ndays && i < g->n; i++)
		total += g->present[i * g->ndays + d];
	return total;
}

int attendance_mark(struct sx_db *db, const char *session_uuid, const char *person_uuid,
		    const char *day, int present, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"INSERT INTO attendance (uuid, updated_at, origin, deleted, session_uuid,"
		" person_uuid, day, present) VALUES (?1, ?2, ?3, 0, ?4, ?5, ?6, ?7)"
		" ON CONFLICT (session_uuid, person_uuid, day) DO UPDATE SET present = ?7,"
		" deleted = 0, updated_at = max(?2, updated_at + 1), origin = ?3", err);
	char id[37];

	if (!st)
		return -1;
	uuid_v7(id);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, clock_now_ms());
	sqlite3_bind_text(st, 3, db_origin(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, session_uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, person_uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, day, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 7, present != 0);
	return run(db, st, err);
}

long attendance_history(struct sx_db *db, const char *person_uuid,
			struct attendance_history **out, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT s.uuid, s.title, s.kind, s.start_date, s.end_date,"
		" (SELECT count(*) FROM attendance a WHERE a.session_uuid = s.uuid"
		" AND a.person_uuid = ?1 AND a.deleted = 0 AND a.present = 1)"
		" FROM participants pa JOIN sessions s ON s.uuid = pa.session_uuid"
		" WHERE pa.person_uuid = ?1 AND pa.deleted = 0 AND s.deleted = 0"
		" ORDER BY s.start_date DESC, s.uuid DESC", err);
	char days[SESSION_MAX_DAYS][11];
	size_t n = 0, cap = 0;
	int rc;

	*out = NULL;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, person_uuid, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct attendance_history *h;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		h = &(*out)[n++];
		copy_col(st, 0, h->session_uuid, sizeof h->session_uuid);
		h->title = dup_col(st, 1);
		h->kind = dup_col(st, 2);
		copy_col(st, 3, h->start_date, sizeof h->start_date);
		copy_col(st, 4, h->end_date, sizeof h->end_date);
		h->days_present = sqlite3_column_int(st, 5);
		h->days = session_days(h->start_date, h->end_date, days);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		attendance_history_free(*out, n);
		*out = NULL;
		return db_fail(db, err);
	}
	return (long)n;
}

void attendance_history_free(struct attendance_history *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].title);
		free(v[i].kind);
	}
	free(v);
}
