/* sync_indexes.h — a table's plain indexes dropped for a big import and
 * built again at its end: one sort beats a million random inserts into an
 * index that does not fit the cache.  Unique indexes stay (the merge needs
 * them).  All inside the caller's transaction, so a killed import loses
 * nothing.  Which tables: src/sync/README.md, "Line by line" and the bulk
 * merge. */
#ifndef SX_SYNC_INDEXES_H
#define SX_SYNC_INDEXES_H

#include <stddef.h>
#include <sqlite3.h>

#include "base/err.h"
#include "db/db.h"

/* The indexes dropped, to build again. */
struct sync_dropped {
	char **sql;      /* "name|CREATE INDEX ..." */
	size_t n;        /* how many */
};

/* 1 when table, receiving rows (counted over every file, first the first
 * of them), is worth its plain indexes dropped: at least 20,000 rows and as
 * many as it holds, and it is empty or at least half the uuids in the first
 * 1,000 rows of first are not in it (a file that cannot be read counts as
 * new: its errors come when it is merged) — not a re-import in which a few
 * rows changed. */
int sync_indexes_worth(sqlite3 *h, const char *table, long long rows, const char *first);
/* Drop the plain indexes of table into d (zeroed by the caller).  0, or -1
 * with err. */
int sync_indexes_drop(struct sx_db *db, const char *table, struct sync_dropped *d,
		      struct sx_err *err);
/* Build d's indexes again when build, and free d.  0, or -1 with err. */
int sync_indexes_restore(struct sx_db *db, struct sync_dropped *d, int build, struct sx_err *err);

#endif
