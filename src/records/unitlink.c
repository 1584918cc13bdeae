/* unitlink.c — people whose unit names a facility (rules in unitlink.h). */
#include "records/unitlink.h"

#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/mem.h"
#include "base/text.h"

/* The one live facility named key (folded), into l; 1 found, 0 none or several. */
static int facility_named(struct sx_db *db, const char *key, struct unit_link *l,
			  struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT uuid, name FROM facilities WHERE deleted = 0"
				   " AND name_key = ?1 ORDER BY uuid LIMIT 2", err);
	int n = 0;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		if (n++ == 0) {
			snprintf(l->facility, sizeof l->facility, "%s", (const char *)sqlite3_column_text(st, 0));
			l->facility_name = xstrdup((const char *)sqlite3_column_text(st, 1));
		}
	sqlite3_reset(st);
	if (n != 1) {
		free(l->facility_name);
		l->facility_name = NULL;
	}
	return n == 1;
}

long unitlink_candidates(struct sx_db *db, struct unit_link **out, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT uuid, full_name, unit FROM people WHERE deleted = 0"
				   " AND facility_uuid IS NULL AND coalesce(unit, '') <> ''"
				   " ORDER BY sort_key, uuid", err);
	char (*ids)[37] = NULL, **names = NULL, **units = NULL;
	long n = 0, m = 0;

	*out = NULL;
	if (!st)
		return -1;
	/* Read the people first: facility_named() uses the statement cache. */
	while (sqlite3_step(st) == SQLITE_ROW) {
		ids = xreallocarray(ids, (size_t)n + 1, sizeof *ids);
		names = xreallocarray(names, (size_t)n + 1, sizeof *names);
		units = xreallocarray(units, (size_t)n + 1, sizeof *units);
		snprintf(ids[n], 37, "%s", (const char *)sqlite3_column_text(st, 0));
		names[n] = xstrdup((const char *)sqlite3_column_text(st, 1));
		units[n] = xstrdup((const char *)sqlite3_column_text(st, 2));
		n++;
	}
	sqlite3_reset(st);
	for (long i = 0; i < n; i++) {
		char *key = text_fold(units[i]);
		struct unit_link l = {0};
		if (key && m >= 0 && facility_named(db, key, &l, err) == 1) {
			memcpy(l.person, ids[i], sizeof l.person);
			l.person_name = xstrdup(names[i]);
			*out = xreallocarray(*out, (size_t)m + 1, sizeof **out);
			(*out)[m++] = l;
		}
		free(key);
		free(names[i]);
		free(units[i]);
	}
	free(ids);
	free(names);
	free(units);
	return m;
}

int unitlink_apply(struct sx_db *db, const struct unit_link *v, long n, struct sx_err *err)
{
	sqlite3_stmt *st;
	int rc = 0;

	if (db_exec(db, "BEGIN IMMEDIATE", err) != 0)
		return -1;
	st = db_stmt(db, "UPDATE people SET facility_uuid = ?1, updated_at = max(?2, updated_at + 1), origin = ?3"
		     " WHERE uuid = ?4 AND facility_uuid IS NULL", err);
	for (long i = 0; st && i < n && rc == 0; i++) {
		sqlite3_bind_text(st, 1, v[i].facility, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, clock_now_ms());
		sqlite3_bind_text(st, 3, db_origin(db), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, v[i].person, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db, err);
		sqlite3_reset(st);
	}
	if (!st)
		rc = -1;
	if (rc == 0)
		return db_exec(db, "COMMIT", err);
	db_exec(db, "ROLLBACK", err);
	return -1;
}

void unitlink_free(struct unit_link *v, long n)
{
	for (long i = 0; i < n; i++) {
		free(v[i].person_name);
		free(v[i].facility_name);
	}
	free(v);
}
