/* seed.h — the data shipped with sxsh: places and the default plan.
 *
 * The rows live in forms/data/<table>.csv with fixed uuids, so every laptop
 * holds identical copies and sync sees them as the same records. */
#ifndef SX_SEED_H
#define SX_SEED_H

#include "db/db.h"
#include "base/err.h"

/* Insert the shipped rows that the database does not have yet (one
 * transaction).  Returns the number of rows added, or -1 with err. */
int seed_load(struct sx_db *db, const char *datadir, struct sx_err *err);

#endif
