/* unitlink.h — people whose unit (free text, e.g. from an imported sheet)
 * names a facility of the registry, offered for linking after an import so
 * that their attendance counts the facility as informed (coverage.h).
 * A unit matches when, capitals and accents aside (text_fold), it equals
 * the name of exactly one live facility; people already linked are left
 * alone. */
#ifndef SX_UNITLINK_H
#define SX_UNITLINK_H

#include "base/err.h"
#include "db/db.h"

/* One person and the facility their unit names. */
struct unit_link {
	char person[37], facility[37];  /* uuids */
	char *person_name;              /* people.full_name */
	char *facility_name;            /* facilities.name */
};

/* The candidates, by person name.  The count (*out allocated), or -1 + err. */
long unitlink_candidates(struct sx_db *db, struct unit_link **out, struct sx_err *err);
/* Link them (facility_uuid, as a new version from this installation), in
 * one transaction.  0, or -1 with err. */
int unitlink_apply(struct sx_db *db, const struct unit_link *v, long n, struct sx_err *err);
void unitlink_free(struct unit_link *v, long n);

#endif
