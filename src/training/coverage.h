/* coverage.h — how far the plan's training and awareness targets are met.
 *
 * The rules, in one place for the dashboard and the reports:
 * - an officer on the roster counts as trained once they were ticked present
 *   on at least one day (within the session's dates) of a training course;
 * - a facility counts as informed when someone who works there was ticked
 *   present at an awareness conference or a training course, or when it was
 *   marked informed by hand (facilities.informed_on, with a reason);
 * only rows that are not deleted count (people, sessions, participants,
 * attendance, facilities).  A place filter matches a district and the
 * communes below it. */
#ifndef SX_COVERAGE_H
#define SX_COVERAGE_H

#include "db/db.h"
#include "base/err.h"

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
