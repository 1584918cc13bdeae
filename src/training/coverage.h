/* coverage.h — how far the plan's training and awareness targets are met.
 *
 * The rules, in one place for the dashboard, the reports and F1:
 * - the roster of people who must be trained is everyone in the officer
 *   categories the plan names — cán bộ khuyến công (extension), cán bộ theo
 *   dõi công nghiệp (monitoring), cộng tác viên (collaborator) — plus anyone
 *   put on it by hand (on_roster), minus anyone excluded by hand
 *   (roster_excluded);
 * - a person counts as trained once they were ticked present on at least
 *   one day (within the session's dates) of a training course (kind
 *   'training'; an awareness conference does not train);
 * - a facility counts as informed when someone who works there (people.
 *   facility_uuid) was ticked present at an awareness conference or a
 *   training course, or when it was marked informed by hand
 *   (facilities.informed_on, with a reason);
 * only rows that are not deleted count (people, sessions, participants,
 * attendance, facilities).  A place filter matches a district and the
 * communes below it.  The SQL fragments below are the rules themselves;
 * plan.c builds its per-area counts from them. */
#ifndef SX_COVERAGE_H
#define SX_COVERAGE_H

#include "db/db.h"
#include "base/err.h"

/* The rules as SQL.  COVERAGE_ATTENDED(person, kinds) is a subquery for
 * EXISTS: the person ticked present on a day of a live session of the
 * given kinds, the participant row live too. */
#define COVERAGE_ATTENDED(person, kinds) \
	"SELECT 1 FROM attendance a JOIN sessions s ON s.uuid = a.session_uuid" \
	" JOIN participants pa ON pa.session_uuid = a.session_uuid" \
	" AND pa.person_uuid = a.person_uuid AND pa.deleted = 0" \
	" WHERE a.person_uuid = " person " AND a.deleted = 0 AND a.present = 1" \
	" AND s.deleted = 0 AND s.kind IN " kinds \
	" AND a.day BETWEEN s.start_date AND s.end_date"
/* The session kinds that train, and those that inform a facility. */
#define COVERAGE_TRAINING_KINDS "('training')"
#define COVERAGE_INFORMING_KINDS "('awareness', 'training')"
/* The officer categories on the roster (people.category codes). */
#define COVERAGE_ROSTER_CATEGORIES "('extension', 'monitoring', 'collaborator')"
/* True for a live person p on the roster. */
#define COVERAGE_ON_ROSTER(p) \
	"(" p ".deleted = 0 AND coalesce(" p ".roster_excluded, 0) = 0 AND (" p ".on_roster = 1" \
	" OR " p ".category IN " COVERAGE_ROSTER_CATEGORIES "))"
/* True when person p is trained. */
#define COVERAGE_TRAINED(p) \
	"EXISTS (" COVERAGE_ATTENDED(p ".uuid", COVERAGE_TRAINING_KINDS) ")"
/* True when facility f is informed (by attendance or by hand). */
#define COVERAGE_INFORMED(f) \
	"(coalesce(" f ".informed_on, '') <> '' OR EXISTS (SELECT 1 FROM people pe" \
	" WHERE pe.facility_uuid = " f ".uuid AND pe.deleted = 0 AND EXISTS (" \
	COVERAGE_ATTENDED("pe.uuid", COVERAGE_INFORMING_KINDS) ")))"

/* How a facility came to count as informed. */
enum coverage_informed {
	COVERAGE_NOT_INFORMED = 0,  /* neither */
	COVERAGE_BY_ATTENDANCE = 1, /* someone from it attended awareness or training */
	COVERAGE_BY_HAND = 2,       /* marked by hand (and nobody attended) */
};

/* People on the roster (*total) and those trained (*trained), in a place
 * (NULL = everywhere).  0, or -1 with err. */
int coverage_roster(struct sx_db *db, const char *place_uuid, long *trained, long *total,
		    struct sx_err *err);
/* Facilities with CP potential (*total) and those informed (*informed), in
 * a place (NULL = everywhere) and a sector (NULL = all).  0, or -1 + err. */
int coverage_facilities_informed(struct sx_db *db, const char *place_uuid, const char *sector,
				 long *informed, long *total, struct sx_err *err);
/* How one facility counts (enum coverage_informed), or -1 with err. */
int coverage_facility_informed(struct sx_db *db, const char *facility_uuid, struct sx_err *err);
/* 1 when the person was trained (the roster rule above), 0 if not, -1 + err. */
int coverage_person_trained(struct sx_db *db, const char *person_uuid, struct sx_err *err);

#endif
