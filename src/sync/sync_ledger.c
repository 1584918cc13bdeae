/* sync_ledger.c — files already merged, and digests of files not touched since. */
#include "sync/sync_ledger.h"

#include <stdio.h>
#include <string.h>

#include "base/clock.h"
#include "db/schema.h"

#ifndef SXSH_VERSION
#define SXSH_VERSION "dev"
#endif
#define STR2(x) #x
#define STR(x) STR2(x)
/* The rules a file is read and merged by: this sxsh, this schema. */
static const char rules[] = SXSH_VERSION "/" STR(SCHEMA_VERSION) "/" SYNC_LEDGER_RULES;

/* A file whose times are this close to the moment it was hashed is not
 * remembered: the file system's clock is coarse (2 s on FAT), and a write
 * in the same tick would leave the times as they were. */
#define SETTLED_MS 3000
/* Stat-cache entries kept (the newest): one per file of an export folder. */
#define SEEN_KEEP 4096

int sync_ledger_find(struct sx_db *db, const struct sync_ledger_entry *e, long long *rows,
		     long long *merged_at, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT rows, merged_at FROM sync_ledger WHERE sha256 = ?1"
				   " AND tbl = ?2 AND spreadsheet = ?3 AND rules = ?4", err);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, e->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, e->table, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, e->spreadsheet != 0);
	sqlite3_bind_text(st, 4, rules, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*rows = sqlite3_column_int64(st, 0);
		*merged_at = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err);
	/* A clock set back since the merge: a local edit made now could be
	 * older than a row of the file; merge it as if it were new. */
	return rc == SQLITE_ROW && clock_now_ms() >= *merged_at;
}

int sync_ledger_add(struct sx_db *db, const struct sync_ledger_entry *e, struct sx_err *err)
{
	long long now = clock_now_ms();
	sqlite3_stmt *st;

	/* A row as new as the clock: a local edit a moment later could tie or
	 * lose against it, and would then be undone by a real merge. */
	if (e->max_updated >= now)
		return 0;
	st = db_stmt(db, "INSERT OR REPLACE INTO sync_ledger (sha256, tbl, spreadsheet, rules, rows,"
		     " max_updated_at, merged_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, e->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, e->table, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, e->spreadsheet != 0);
	sqlite3_bind_text(st, 4, rules, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, e->rows);
	sqlite3_bind_int64(st, 6, e->max_updated);
	sqlite3_bind_int64(st, 7, now);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_reset(st);
		return db_fail(db, err);
	}
	sqlite3_reset(st);
	return 0;
}

int sync_ledger_seen(struct sx_db *db, const char *path, const struct platform_file_stamp *s,
		     char hex[65], struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT sha256 FROM sync_seen WHERE path = ?1 AND dev = ?2"
				   " AND ino = ?3 AND size = ?4 AND mtime_ns = ?5 AND ctime_ns = ?6", err);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, s->dev);
	sqlite3_bind_int64(st, 3, s->ino);
	sqlite3_bind_int64(st, 4, s->size);
	sqlite3_bind_int64(st, 5, s->mtime_ns);
	sqlite3_bind_int64(st, 6, s->ctime_ns);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *h = (const char *)sqlite3_column_text(st, 0);
		rc = h && strlen(h) == 64 ? SQLITE_ROW : SQLITE_DONE;
		if (rc == SQLITE_ROW)
			memcpy(hex, h, 65);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err);
	return rc == SQLITE_ROW;
}

int sync_ledger_remember(struct sx_db *db, const char *path, const struct platform_file_stamp *s,
			 const char *hex, long long hashed_ms, struct sx_err *err)
{
	long long settled = (hashed_ms - SETTLED_MS) * 1000000LL;
	sqlite3_stmt *st;

	if (s->mtime_ns >= settled || s->ctime_ns >= settled)
		return 0;
	st = db_stmt(db, "INSERT OR REPLACE INTO sync_seen (path, dev, ino, size, mtime_ns, ctime_ns,"
		     " sha256, hashed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, s->dev);
	sqlite3_bind_int64(st, 3, s->ino);
	sqlite3_bind_int64(st, 4, s->size);
	sqlite3_bind_int64(st, 5, s->mtime_ns);
	sqlite3_bind_int64(st, 6, s->ctime_ns);
	sqlite3_bind_text(st, 7, hex, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, hashed_ms);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_reset(st);
		return db_fail(db, err);
	}
	sqlite3_reset(st);
	return 0;
}

int sync_ledger_prune(struct sx_db *db, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "DELETE FROM sync_seen WHERE hashed_at < (SELECT hashed_at"
				   " FROM sync_seen ORDER BY hashed_at DESC LIMIT 1 OFFSET ?1)", err);

	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, SEEN_KEEP);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_reset(st);
		return db_fail(db, err);
	}
	sqlite3_reset(st);
	return 0;
}
