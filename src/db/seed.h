/* seed.h — the data shipped with sxsh: places and the default plan.
 *
 * The rows live in forms/data/<table>.csv with fixed uuids, so every laptop
 * holds identical copies and sync sees them as the same records.  Their
 * updated_at is artificial: 1483142400000 (31/12/2016) for the first
 * release, one millisecond later for a changed or added shipped row (the
 * 2025 places, the plans after 2020), so that the newer shipped version
 * wins a merge and yet an `export --since` of recent work does not carry
 * every shipped row. */
#ifndef SX_SEED_H
#define SX_SEED_H

#include "db/db.h"
#include "base/err.h"

/* The version of the shipped data: a database seeded with an older one
 * (settings "seeded") is seeded again, so the 2025 places and the plans
 * after 2020 reach databases made before them. */
#define SEED_DATA_VERSION "2"

/* Insert the shipped rows that the database does not have yet (one
 * transaction); a shipped row with a newer updated_at replaces an older
 * shipped version that nobody edited.  Returns the number of rows added, or -1 with err. */
int seed_load(struct sx_db *db, const char *datadir, struct sx_err *err);

#endif
