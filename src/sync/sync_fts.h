/* sync_fts.h — the name search index (schema steps 4 and 8) and its ranks
 * kept in batches while an import merges a table.
 *
 * people_fts and facilities_fts are FTS5 tables whose rowid is the rank of
 * a live row in the walk's order (<table>_rank, db/schema.c), kept by
 * triggers on their table.  SQLite opens a statement savepoint for every
 * row the merger writes, and FTS5 writes its pending entries out as a new
 * segment at every savepoint: one segment per row, merged again and again
 * (31 % of the instructions of the daily case, src/sync/README.md,
 * Performance); a rank also costs the seeks of its neighbours.  For the
 * time of one table's merge the three triggers are replaced by temporary
 * ones that log each change of a row's place (rowid, the key it had) in a
 * temporary table; sync_fts_flush() takes the logged rows out of the index
 * and the rank table with one statement each; sync_fts_end(), once the
 * table's sort index is there again, ranks every live row without a rank —
 * in the gaps between the ranks there, in batches, or, for a first import
 * or a gap without room, by numbering every rank again and rebuilding the
 * index — and puts the triggers back exactly as they were (their SQL from
 * sqlite_schema).  Everything happens inside the import's transaction: a
 * rollback or a killed import leaves the triggers and the index as they
 * were.  The index and the ranks end as the triggers would order them (the
 * ranks' values may differ).  Owns the saved trigger SQL. */
#ifndef SX_SYNC_FTS_H
#define SX_SYNC_FTS_H

#include "base/err.h"
#include "db/db.h"

/* Log entries after which the merger flushes them (bounds the memory of the
 * temporary table). */
#define SYNC_FTS_BATCH 8192

struct sync_fts {
	char *table;     /* the table, NULL when it has no index (nothing to do) */
	char **sql;      /* the triggers' CREATE statements */
	size_t n;
	long long logged; /* rows written since the last flush (an upper bound) */
};

/* Start batching for table (inside the transaction).  0 (also when the table
 * has no search index: f->table stays NULL), -1 on an error. */
int sync_fts_begin(struct sx_db *db, const char *table, struct sync_fts *f, struct sx_err *err);
/* 1 when the next sync_fts_row() writes the index (the merger's batch is
 * written first, so that the index is written at the same rows as when
 * the rows are merged one by one). */
int sync_fts_due(const struct sync_fts *f);
/* A row was written: flush the log every SYNC_FTS_BATCH rows.  0 or -1. */
int sync_fts_row(struct sx_db *db, struct sync_fts *f, struct sx_err *err);
/* Take the logged rows out of the index and the rank table.  0 or -1. */
int sync_fts_flush(struct sx_db *db, struct sync_fts *f, struct sx_err *err);
/* Unless failed: flush, then rank and index every live row without a rank
 * (the table's sort index must be there).  Restores the triggers; frees f.
 * 0 or -1. */
int sync_fts_end(struct sx_db *db, struct sync_fts *f, int failed, struct sx_err *err);

#endif
