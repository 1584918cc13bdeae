/* coverage.c — the training and awareness rules as SQL over live rows. */
#include "training/coverage.h"

#define ATTENDED COVERAGE_ATTENDED

/* Step a statement that yields two counts into *a and *b. */
static int two_counts(struct sx_db *db, sqlite3_stmt *st, long *a, long *b, struct sx_err *err)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*a = (long)sqlite3_column_int64(st, 0);
		*b = (long)sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : db_fail(db, err);
}

int coverage_roster(struct sx_db *db, const char *place_uuid, long *trained, long *total,
		    struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT coalesce(sum(" COVERAGE_TRAINED("p") "), 0), count(*)"
		" FROM people p LEFT JOIN places pl ON pl.uuid = p.place_uuid"
		" WHERE " COVERAGE_ON_ROSTER("p")
		" AND (?1 IS NULL OR p.place_uuid = ?1 OR pl.parent_uuid = ?1)", err);

	*trained = *total = 0;
	if (!st)
		return -1;
	if (place_uuid)
		sqlite3_bind_text(st, 1, place_uuid, -1, SQLITE_STATIC);
	return two_counts(db, st, trained, total, err);
}

int coverage_facilities_informed(struct sx_db *db, const char *place_uuid, const char *sector,
				 long *informed, long *total, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT coalesce(sum(" COVERAGE_INFORMED("f") "), 0), count(*)"
		" FROM facilities f LEFT JOIN places pl ON pl.uuid = f.place_uuid"
		" WHERE f.deleted = 0 AND f.cp_potential = 1"
		" AND (?1 IS NULL OR f.place_uuid = ?1 OR pl.parent_uuid = ?1)"
		" AND (?2 IS NULL OR f.sector = ?2)", err);

	*informed = *total = 0;
	if (!st)
		return -1;
	if (place_uuid)
		sqlite3_bind_text(st, 1, place_uuid, -1, SQLITE_STATIC);
	if (sector)
		sqlite3_bind_text(st, 2, sector, -1, SQLITE_STATIC);
	return two_counts(db, st, informed, total, err);
}

int coverage_facility_informed(struct sx_db *db, const char *facility_uuid, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT EXISTS (SELECT 1 FROM people pe WHERE pe.facility_uuid = f.uuid"
		" AND pe.deleted = 0 AND EXISTS (" ATTENDED("pe.uuid", COVERAGE_INFORMING_KINDS)
		")), coalesce(f.informed_on, '') <> '' FROM facilities f"
		" WHERE f.uuid = ?1 AND f.deleted = 0", err);
	long attended = 0, by_hand = 0;
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, facility_uuid, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		attended = sqlite3_column_int(st, 0);
		by_hand = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err);
	return attended ? COVERAGE_BY_ATTENDANCE : by_hand ? COVERAGE_BY_HAND
		: COVERAGE_NOT_INFORMED;
}

int coverage_person_trained(struct sx_db *db, const char *person_uuid, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT EXISTS (" ATTENDED("?1", COVERAGE_TRAINING_KINDS) ")", err);
	int rc, trained = 0;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, person_uuid, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		trained = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? trained : db_fail(db, err);
}
