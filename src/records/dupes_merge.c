/* dupes_merge.c — merging a likely pair into one record, in one
 * transaction, as new versions that sync carries.
 *
 * Every statement below sets updated_at = max(now, updated_at + 1): the new
 * version must beat the old one under last-writer-wins even when the clock
 * stands still (SXSH_NOW) or lags another laptop, and the history triggers
 * only keep the old version when updated_at or origin changes. */
#include "records/dupes.h"

#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "records/facility.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "records/people.h"

/* A new version of the row, from this laptop. */
#define BUMP "updated_at = max(?3, updated_at + 1), origin = ?4"

/* Moving a person's rows: ?1 the survivor, ?2 the other. */
static const char *const person_moves[] = {
	/* A session both are registered to keeps the survivor's row, live if
	 * either was; the other's row becomes a tombstone. */
	"UPDATE participants SET deleted = 0, " BUMP " WHERE person_uuid = ?1 AND deleted = 1"
	" AND session_uuid IN (SELECT session_uuid FROM participants"
	" WHERE person_uuid = ?2 AND deleted = 0)",
	"UPDATE participants SET deleted = 1, " BUMP " WHERE person_uuid = ?2 AND deleted = 0"
	" AND session_uuid IN (SELECT session_uuid FROM participants WHERE person_uuid = ?1)",
	"UPDATE participants SET person_uuid = ?1, " BUMP " WHERE person_uuid = ?2 AND deleted = 0",
	/* A day both were ticked on: the survivor's cell, present if either was. */
	"UPDATE attendance SET present = CASE WHEN deleted = 1 THEN d.p"
	" ELSE max(present, d.p) END, deleted = 0, " BUMP
	" FROM (SELECT session_uuid AS s, day AS dy, present AS p FROM attendance"
	" WHERE person_uuid = ?2 AND deleted = 0) AS d"
	" WHERE person_uuid = ?1 AND session_uuid = d.s AND day = d.dy"
	" AND (deleted = 1 OR present < d.p)",
	"UPDATE attendance SET deleted = 1, " BUMP " WHERE person_uuid = ?2 AND deleted = 0"
	" AND EXISTS (SELECT 1 FROM attendance k WHERE k.session_uuid = attendance.session_uuid"
	" AND k.person_uuid = ?1 AND k.day = attendance.day)",
	"UPDATE attendance SET person_uuid = ?1, " BUMP " WHERE person_uuid = ?2 AND deleted = 0",
	"UPDATE people SET deleted = 1, " BUMP " WHERE uuid = ?2 AND deleted = 0",
	NULL
};

/* Moving a facility's rows: ?1 the survivor, ?2 the other. */
static const char *const facility_moves[] = {
	"UPDATE assessments SET facility_uuid = ?1, " BUMP
	" WHERE facility_uuid = ?2 AND deleted = 0",
	"UPDATE people SET facility_uuid = ?1, " BUMP " WHERE facility_uuid = ?2 AND deleted = 0",
	"UPDATE facilities SET deleted = 1, " BUMP " WHERE uuid = ?2 AND deleted = 0",
	NULL
};

/* *dst takes src when *dst is empty and src is not; 1 when it did. */
static int fill(char **dst, const char *src)
{
	if ((*dst && **dst) || !src || !*src)
		return 0;
	free(*dst);
	*dst = xstrdup(src);
	return 1;
}

/* The survivor's empty fields take the other's values (its name, and
 * every field it has, stay as they are); saved as a new version only when
 * something was filled.  0 or -1. */
static int fill_person(struct sx_db *db, const char *keep, const char *drop, struct sx_err *err)
{
	struct person k = {0}, d = {0};
	int changed = 0, rc = -1;

	if (person_get(db, keep, &k, err) == 0 && person_get(db, drop, &d, err) == 0) {
		changed |= fill(&k.gender, d.gender) | fill(&k.ethnicity, d.ethnicity);
		changed |= fill(&k.phone, d.phone) | fill(&k.unit, d.unit);
		changed |= fill(&k.position, d.position) | fill(&k.place_uuid, d.place_uuid);
		changed |= fill(&k.category, d.category) | fill(&k.facility_uuid, d.facility_uuid);
		changed |= fill(&k.note, d.note);
		if (!k.birth_year && d.birth_year) {
			k.birth_year = d.birth_year;
			changed = 1;
		}
		if (!k.on_roster && d.on_roster) {  /* either laptop put them on the roster */
			k.on_roster = 1;
			changed = 1;
		}
		rc = changed ? person_save(db, &k, err) : 0;
	}
	person_clear(&k);
	person_clear(&d);
	return rc;
}

/* The same for a facility (cp_potential is left as the survivor has it). */
static int fill_facility(struct sx_db *db, const char *keep, const char *drop,
			 struct sx_err *err)
{
	struct facility k = {0}, d = {0};
	int changed = 0, rc = -1;

	if (facility_get(db, keep, &k, err) == 0 && facility_get(db, drop, &d, err) == 0) {
		changed |= fill(&k.place_uuid, d.place_uuid) | fill(&k.address, d.address);
		changed |= fill(&k.sector, d.sector) | fill(&k.legal_form, d.legal_form);
		changed |= fill(&k.products, d.products) | fill(&k.owner, d.owner);
		changed |= fill(&k.contact, d.contact) | fill(&k.phone, d.phone);
		changed |= fill(&k.note, d.note);
		if (fill(&k.informed_on, d.informed_on)) {   /* the date and its reason go together */
			free(k.informed_reason);
			k.informed_reason = d.informed_reason ? xstrdup(d.informed_reason) : NULL;
			changed = 1;
		}
		rc = changed ? facility_save(db, &k, err) : 0;
	}
	facility_clear(&k);
	facility_clear(&d);
	return rc;
}

/* Run each statement of sql with the survivor, the other, now, origin. */
static int run_moves(struct sx_db *db, const char *const *sql, const char *keep,
		     const char *drop, struct sx_err *err)
{
	long long now = clock_now_ms();

	for (size_t i = 0; sql[i]; i++) {
		sqlite3_stmt *st = db_stmt(db, sql[i], err);
		int rc;
		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, keep, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, drop, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, now);
		sqlite3_bind_text(st, 4, db_origin(db), -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return db_fail(db, err);
	}
	return 0;
}

int dupes_merge(struct sx_db *db, enum dupes_kind kind, const char *keep, const char *drop,
		struct sx_err *err)
{
	int person = kind == DUPES_PERSON;

	if (strcmp(keep, drop) == 0) {
		sx_err_add(err, NULL, 0, "%s", _("a record cannot be merged with itself"));
		return -1;
	}
	if (db_exec(db, "BEGIN IMMEDIATE", err) != 0)
		return -1;
	if ((person ? fill_person(db, keep, drop, err) : fill_facility(db, keep, drop, err)) != 0 ||
	    run_moves(db, person ? person_moves : facility_moves, keep, drop, err) != 0) {
		db_exec(db, "ROLLBACK", NULL);
		return -1;
	}
	return db_exec(db, "COMMIT", err);
}
