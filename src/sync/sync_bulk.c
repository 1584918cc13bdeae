/* sync_bulk.c — a rollback journal for a first load. */
#include "sync/sync_bulk.h"

#include <string.h>
#include <strings.h>

#include "db/schema.h"

/* Rows stored in the synced tables, estimated from the largest rowid
 * (one B-tree step per table). */
static long long stored(sqlite3 *h)
{
	long long n = 0;

	for (size_t i = 0; schema_synced_tables[i]; i++) {
		char *sql = sqlite3_mprintf("SELECT coalesce(max(rowid), 0) FROM \"%w\"",
					    schema_synced_tables[i]);
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			n += sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		sqlite3_free(sql);
	}
	return n;
}

/* The journal mode a PRAGMA journal_mode statement answers. */
static int set_mode(sqlite3 *h, const char *sql, const char *want)
{
	sqlite3_stmt *st;
	int ok = 0;

	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *mode = (const char *)sqlite3_column_text(st, 0);
		ok = mode && strcasecmp(mode, want) == 0;
	}
	sqlite3_finalize(st);
	return ok;
}

int sync_bulk_begin(struct sx_db *db, long long incoming)
{
	sqlite3 *h = db_sqlite(db);
	int wait = db_busy_ms(db), ok;

	if (incoming < SYNC_BULK_MIN_ROWS || stored(h) * 4 > incoming)
		return 0;
	/* Another connection open: answered at once, and WAL stays. */
	db_set_busy_ms(db, 0);
	ok = set_mode(h, "PRAGMA journal_mode = TRUNCATE", "truncate");
	db_set_busy_ms(db, wait);
	if (!ok)
		return 0;
	sqlite3_exec(h, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
	return 1;
}

void sync_bulk_end(struct sx_db *db)
{
	sqlite3 *h = db_sqlite(db);

	set_mode(h, "PRAGMA journal_mode = WAL", "wal");
	sqlite3_exec(h, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
}
