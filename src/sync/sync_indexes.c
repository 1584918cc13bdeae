/* sync_indexes.c — plain indexes dropped for a big import and built again. */
#include "sync/sync_indexes.h"

#include <stdlib.h>
#include <string.h>

#include "base/csvread.h"
#include "base/mem.h"

/* The rows table holds (its largest rowid), or -1. */
static long long held(sqlite3 *h, const char *table)
{
	sqlite3_stmt *st;
	long long have = -1;
	char *sql = sqlite3_mprintf("SELECT coalesce(max(rowid), 0) FROM \"%w\"", table);

	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		have = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_free(sql);
	return have;
}

/* 1 when most of the first PROBE_ROWS records of the file at path have a
 * uuid that table does not hold (or the file cannot be read). */
#define PROBE_ROWS 1000
static int mostly_new(sqlite3 *h, const char *path, const char *table)
{
	struct sx_err e = {0};
	struct csvr *r = csvr_open(path, CSVR_DETECT_DELIM | CSVR_LEGACY_TEXT, &e);
	const struct csvr_rec *rec;
	sqlite3_stmt *st = NULL;
	char *sql = sqlite3_mprintf("SELECT 1 FROM \"%w\" WHERE uuid = lower(?1)", table);
	long long n = 0, added = 0;
	size_t col = (size_t)-1;

	if (r && csvr_next(r, &rec, &e) == 1)
		for (size_t i = 0; i < rec->n; i++)
			if (strcmp(rec->f[i], "uuid") == 0)
				col = i;
	if (col != (size_t)-1 && sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK)
		while (n < PROBE_ROWS && csvr_next(r, &rec, &e) == 1 && col < rec->n) {
			sqlite3_bind_text(st, 1, rec->f[col], (int)rec->len[col], SQLITE_STATIC);
			added += sqlite3_step(st) != SQLITE_ROW;
			sqlite3_reset(st);
			n++;
		}
	sqlite3_finalize(st);
	sqlite3_free(sql);
	csvr_close(r);
	sx_err_clear(&e);
	return col == (size_t)-1 || 2 * added >= n;
}

int sync_indexes_worth(sqlite3 *h, const char *table, long long rows, const char *first)
{
	long long have = held(h, table);

	if (have < 0 || rows < 20000 || rows < have)
		return 0;
	return have == 0 || mostly_new(h, first, table);
}

int sync_indexes_drop(struct sx_db *db, const char *table, struct sync_dropped *d,
		      struct sx_err *err)
{
	sqlite3 *h = db_sqlite(db);
	sqlite3_stmt *st;
	int rc = 0;

	if (sqlite3_prepare_v2(h, "SELECT s.name, s.sql FROM sqlite_schema s, pragma_index_list(?1) il"
			       " WHERE s.type = 'index' AND s.name = il.name AND NOT il.\"unique\""
			       " AND il.origin = 'c'", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		d->sql = xreallocarray(d->sql, d->n + 1, sizeof *d->sql);
		d->sql[d->n++] = xasprintf("%s|%s", sqlite3_column_text(st, 0), sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	for (size_t k = 0; k < d->n; k++) {
		char *name = xstrndup(d->sql[k], strcspn(d->sql[k], "|"));
		char *sql = sqlite3_mprintf("DROP INDEX \"%w\"", name);
		if (sqlite3_exec(h, sql, NULL, NULL, NULL) != SQLITE_OK)
			rc = db_fail(db, err) != 0 ? -1 : rc;
		sqlite3_free(sql);
		free(name);
	}
	return rc;
}

int sync_indexes_restore(struct sx_db *db, struct sync_dropped *d, int build, struct sx_err *err)
{
	int rc = 0;

	for (size_t k = 0; k < d->n; k++) {
		const char *sql = strchr(d->sql[k], '|') + 1;
		if (build && rc == 0 && sqlite3_exec(db_sqlite(db), sql, NULL, NULL, NULL) != SQLITE_OK)
			rc = db_fail(db, err) != 0 ? -1 : 0;
		free(d->sql[k]);
	}
	free(d->sql);
	d->sql = NULL;
	d->n = 0;
	return rc;
}
