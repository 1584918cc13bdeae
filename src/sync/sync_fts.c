/* sync_fts.c — the name search index kept in batches during a merge. */
#include "sync/sync_fts.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "db/schema.h"

static const char *const suffix[3] = { "_fts_insert", "_fts_delete", "_fts_update" };

static int run(struct sx_db *db, char *sql, struct sx_err *err)
{
	int rc = sqlite3_exec(db_sqlite(db), sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
	sqlite3_free(sql);
	if (rc != 0)
		db_fail(db, err);
	return rc;
}

/* 1 when table's three index triggers are there and read as expected. */
static int recognised(sqlite3 *h, const char *t)
{
	sqlite3_stmt *st;
	int ok = 0;

	if (sqlite3_prepare_v2(h, "SELECT sql FROM main.sqlite_schema WHERE type = 'trigger'"
			       " AND tbl_name = ?1 AND name = ?1 || ?2", -1, &st, NULL) != SQLITE_OK)
		return 0;
	for (int k = 0; k < 3; k++) {
		char *want = schema_fts_trigger(t, k);
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, t, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, suffix[k], -1, SQLITE_STATIC);
		ok += sqlite3_step(st) == SQLITE_ROW && want &&
		      strcmp((const char *)sqlite3_column_text(st, 0), want) == 0;
		sqlite3_free(want);
	}
	sqlite3_finalize(st);
	return ok == 3;
}

int sync_fts_begin(struct sx_db *db, const char *table, struct sync_fts *f, struct sx_err *err)
{
	sqlite3 *h = db_sqlite(db);

	memset(f, 0, sizeof *f);
	if (!recognised(h, table))
		return 0;
	f->table = xstrdup(table);
	f->n = 3;
	f->sql = xcalloc(3, sizeof *f->sql);
	for (int k = 0; k < 3; k++) {
		char *s = schema_fts_trigger(table, k);
		f->sql[k] = xstrdup(s);
		sqlite3_free(s);
	}
	/* seq keeps the order of the commands; del/ins say which of them a
	 * change gives (an update of name_key: both). */
	return run(db, sqlite3_mprintf(
		"CREATE TEMP TABLE IF NOT EXISTS sync_fts_log (seq INTEGER PRIMARY KEY,"
		" rid INTEGER NOT NULL, del INTEGER NOT NULL, old TEXT, ins INTEGER NOT NULL, new TEXT);"
		"DROP TRIGGER main.\"%w_fts_insert\"; DROP TRIGGER main.\"%w_fts_delete\";"
		" DROP TRIGGER main.\"%w_fts_update\";"
		"CREATE TEMP TRIGGER sync_fts_log_insert AFTER INSERT ON main.\"%w\" BEGIN"
		" INSERT INTO sync_fts_log (rid, del, old, ins, new) VALUES (NEW.rowid, 0, NULL, 1, NEW.name_key); END;"
		"CREATE TEMP TRIGGER sync_fts_log_delete AFTER DELETE ON main.\"%w\" BEGIN"
		" INSERT INTO sync_fts_log (rid, del, old, ins, new) VALUES (OLD.rowid, 1, OLD.name_key, 0, NULL); END;"
		"CREATE TEMP TRIGGER sync_fts_log_update AFTER UPDATE OF name_key ON main.\"%w\""
		" WHEN OLD.name_key IS NOT NEW.name_key BEGIN"
		" INSERT INTO sync_fts_log (rid, del, old, ins, new)"
		" VALUES (OLD.rowid, 1, OLD.name_key, 0, NULL), (NEW.rowid, 0, NULL, 1, NEW.name_key); END;",
		table, table, table, table, table, table), err);
}

int sync_fts_flush(struct sx_db *db, struct sync_fts *f, struct sx_err *err)
{
	if (!f->table || !f->logged)
		return 0;
	f->logged = 0;
	/* One statement: one savepoint, one segment.  A NULL command column is a
	 * plain insert; the text is the key and two spaces, as the triggers index it. */
	return run(db, sqlite3_mprintf(
		"INSERT INTO main.\"%w_fts\" (\"%w_fts\", rowid, name_key)"
		" SELECT CASE WHEN del THEN 'delete' END, rid, CASE WHEN del THEN old ELSE new END || '  '"
		" FROM temp.sync_fts_log ORDER BY seq;"
		"DELETE FROM temp.sync_fts_log;", f->table, f->table), err);
}

int sync_fts_due(const struct sync_fts *f)
{
	return f->table && f->logged + 1 >= SYNC_FTS_BATCH;
}

int sync_fts_row(struct sx_db *db, struct sync_fts *f, struct sx_err *err)
{
	if (!f->table || ++f->logged < SYNC_FTS_BATCH)
		return 0;
	return sync_fts_flush(db, f, err);
}

int sync_fts_end(struct sx_db *db, struct sync_fts *f, int failed, struct sx_err *err)
{
	int rc = 0;

	if (!f->table)
		return 0;
	if (!failed) {
		f->logged = 1;
		rc = sync_fts_flush(db, f, err);
	}
	/* After a failure the transaction is rolled back anyway; the temporary
	 * triggers go in any case (they are not part of the main database). */
	sqlite3_exec(db_sqlite(db), "DROP TRIGGER IF EXISTS temp.sync_fts_log_insert;"
		     "DROP TRIGGER IF EXISTS temp.sync_fts_log_delete;"
		     "DROP TRIGGER IF EXISTS temp.sync_fts_log_update;"
		     "DELETE FROM temp.sync_fts_log;", NULL, NULL, NULL);
	for (size_t k = 0; k < f->n; k++) {
		if (rc == 0 && !failed &&
		    sqlite3_exec(db_sqlite(db), f->sql[k], NULL, NULL, NULL) != SQLITE_OK)
		{
			db_fail(db, err);
			rc = -1;
		}
		free(f->sql[k]);
	}
	free(f->sql);
	free(f->table);
	memset(f, 0, sizeof *f);
	return rc;
}
