/* sync_bulk.h — the bulk path: how a large import into an empty or small
 * database writes its pages.
 *
 * The database lives in WAL mode, which lets the interface read while an
 * import runs, but writes every page twice (into the WAL, then back by the
 * checkpoint).  A large import into an empty or small database — the first
 * load of a laptop — has nothing worth reading meanwhile, so it runs with
 * a rollback journal instead (only the few pages that existed go into the
 * journal; every new page is written once) and synchronous = FULL
 * (crash-safe in that mode); WAL comes back after COMMIT.  The page cache
 * stays at 2 MB: 4 MB gained nothing measurable and cost 4.5 MB of the
 * 16 MB memory bar (src/sync/README.md, Performance).
 * Leaving WAL needs the only connection: when another one is open (an
 * interface), the import keeps WAL and goes on as before.  Crash safety is
 * SQLite's rollback journal: a killed import is rolled back by the next
 * opener, and db_open() sets WAL again. */
#ifndef SX_SYNC_BULK_H
#define SX_SYNC_BULK_H

#include "db/db.h"

/* Fewest incoming rows for the bulk path. */
#define SYNC_BULK_MIN_ROWS 20000

/* Before BEGIN: take the bulk path when rows incoming outnumber the rows
 * stored by four to one (and are at least SYNC_BULK_MIN_ROWS).  1 when
 * taken, 0 when not. */
int sync_bulk_begin(struct sx_db *db, long long incoming);
/* After COMMIT or ROLLBACK: back to WAL. */
void sync_bulk_end(struct sx_db *db);

#endif
