/* sync_fts.c — the name search index kept in batches during a merge. */
#include "sync/sync_fts.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "db/schema.h"

static const char *const suffix[3] = { "_fts_insert", "_fts_delete", "_fts_update" };

static int run(struct sx_db *db, char *sql, struct sx_err *err)
{
	int rc = sql && sqlite3_exec(db_sqlite(db), sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
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
	/* Each change of a row's place in the index: its rowid, and the key it
	 * had (NULL for a new row); seq keeps the order. */
	return run(db, sqlite3_mprintf(
		"CREATE TEMP TABLE IF NOT EXISTS sync_fts_log (seq INTEGER PRIMARY KEY,"
		" rid INTEGER NOT NULL, old TEXT);"
		"DROP TRIGGER main.\"%w_fts_insert\"; DROP TRIGGER main.\"%w_fts_delete\";"
		" DROP TRIGGER main.\"%w_fts_update\";"
		"CREATE TEMP TRIGGER sync_fts_log_insert AFTER INSERT ON main.\"%w\""
		" WHEN NEW.deleted = 0 BEGIN"
		" INSERT INTO sync_fts_log (rid, old) VALUES (NEW.rowid, NULL); END;"
		"CREATE TEMP TRIGGER sync_fts_log_delete AFTER DELETE ON main.\"%w\" BEGIN"
		" INSERT INTO sync_fts_log (rid, old) VALUES (OLD.rowid, OLD.name_key); END;"
		"CREATE TEMP TRIGGER sync_fts_log_update AFTER UPDATE OF deleted, sort_key, name_key"
		" ON main.\"%w\" WHEN OLD.deleted IS NOT NEW.deleted OR OLD.sort_key IS NOT NEW.sort_key"
		" OR OLD.name_key IS NOT NEW.name_key BEGIN"
		" INSERT INTO sync_fts_log (rid, old) VALUES (OLD.rowid, OLD.name_key); END;",
		table, table, table, table, table, table), err);
}

int sync_fts_flush(struct sx_db *db, struct sync_fts *f, struct sx_err *err)
{
	if (!f->table || !f->logged)
		return 0;
	f->logged = 0;
	/* The rows changed leave the index and the rank table: the key a row
	 * was indexed with is the one it had at its first change since the
	 * last flush (a row first inserted has no rank).  One statement: one
	 * savepoint, one segment.  sync_fts_end() places them again. */
	return run(db, sqlite3_mprintf(
		"INSERT INTO main.\"%w_fts\" (\"%w_fts\", rowid, name_key)"
		" SELECT 'delete', r.rank, l.old || '  ' FROM (SELECT rid, min(seq) AS seq, old"
		" FROM temp.sync_fts_log GROUP BY rid) l CROSS JOIN main.\"%w_rank\" r ON r.id = l.rid"
		" WHERE l.old IS NOT NULL ORDER BY r.rank;"
		"DELETE FROM main.\"%w_rank\" WHERE id IN (SELECT rid FROM temp.sync_fts_log);"
		"DELETE FROM temp.sync_fts_log;", f->table, f->table, f->table, f->table), err);
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

/* The one number sql gives (bound to ?1 = id when id > 0), or -1 with
 * *null set when it gives NULL or no row; -2 on an error. */
static long long number(sqlite3_stmt *st, long long id, int *null)
{
	long long v = -1;
	int rc;

	if (id > 0)
		sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	*null = rc != SQLITE_ROW || sqlite3_column_type(st, 0) == SQLITE_NULL;
	if (rc == SQLITE_ROW && !*null)
		v = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? v : -2;
}

/* The statements of place(), for table t. */
enum { Q_LIVE, Q_RANKED, Q_NEW, Q_PRED, Q_SUCC, Q_ADD, Q_N };

/* One seek for the row nearest to x = ?1 in the walk's order, among the
 * live rows y (with the rank r of each), where and order as below. */
#define SEEK(cols, join, where, order) \
	"SELECT " cols " FROM main.\"%w\" x CROSS JOIN main.\"%w\" y " join " JOIN" \
	" main.\"%w_rank\" r ON r.id = y.rowid WHERE x.rowid = ?1 AND y.deleted = 0 AND " where \
	" ORDER BY " order " LIMIT 1"
#define W1(cmp) "y.sort_key = x.sort_key AND y.name_key = x.name_key AND y.rowid " cmp " x.rowid"
#define O1(dir) "y.rowid " dir
#define W2(cmp) "y.sort_key = x.sort_key AND y.name_key " cmp " x.name_key"
#define O2(dir) "y.name_key " dir ", y.rowid " dir
#define W3(cmp) "y.sort_key " cmp " x.sort_key"
#define O3(dir) "y.sort_key " dir ", y.name_key " dir ", y.rowid " dir

static int prepare(sqlite3 *h, const char *t, sqlite3_stmt *q[Q_N])
{
	const char *sql[Q_N] = {
		"SELECT count(*) FROM main.\"%w\" WHERE deleted = 0",
		"SELECT count(*) FROM main.\"%w_rank\"",
		/* The rows to place, in the walk's order. */
		"SELECT x.rowid FROM main.\"%w\" x WHERE x.deleted = 0 AND NOT EXISTS (SELECT 1"
		" FROM main.\"%w_rank\" r WHERE r.id = x.rowid) ORDER BY x.sort_key, x.name_key, x.rowid",
		/* The rank of the row before ?1 (placed: see place()): among the
		 * rows with its keys by rowid, else with its sort_key by name_key,
		 * else by sort_key (three seeks, as in db/schema.c's triggers). */
		"SELECT coalesce((" SEEK("r.rank", "CROSS", W1("<"), O1("DESC")) "), ("
		SEEK("r.rank", "CROSS", W2("<"), O2("DESC")) "), ("
		SEEK("r.rank", "CROSS", W3("<"), O3("DESC")) "))",
		/* The row after ?1 and its rank (NULL: not placed yet). */
		"SELECT id, rank FROM (SELECT * FROM ("
		SEEK("0 AS o, y.rowid AS id, r.rank AS rank", "LEFT", W1(">"), O1("")) ")"
		" UNION ALL SELECT * FROM (" SEEK("1, y.rowid, r.rank", "LEFT", W2(">"), O2("")) ")"
		" UNION ALL SELECT * FROM (" SEEK("2, y.rowid, r.rank", "LEFT", W3(">"), O3("")) "))"
		" ORDER BY o LIMIT 1",
		"INSERT INTO temp.sync_fts_new (rank, id) VALUES (?1, ?2)",
	};
	for (int k = 0; k < Q_N; k++)
		q[k] = NULL;
	for (int k = 0; k < Q_N; k++) {
		char *s = sqlite3_mprintf(sql[k], t, t, t, t, t, t, t, t, t);
		if (!s || sqlite3_prepare_v2(h, s, -1, &q[k], NULL) != SQLITE_OK) {
			sqlite3_free(s);
			return -1;
		}
		sqlite3_free(s);
	}
	return 0;
}

/* Rows ranked by place(), waiting in temp.sync_fts_new. */
struct pending {
	struct sx_db *db;
	const char *table;
	sqlite3_stmt *add;
	size_t n;
};

/* The waiting rows into the rank table and the index, each in one
 * statement (one segment; the statement journals, in memory during an
 * import, hold a batch's pages, not the table's).  0 or -1. */
static int move_pending(struct pending *p, struct sx_err *err)
{
	if (!p->n)
		return 0;
	p->n = 0;
	return run(p->db, sqlite3_mprintf(
		"INSERT INTO main.\"%w_rank\" (rank, id) SELECT rank, id FROM temp.sync_fts_new;"
		"INSERT INTO main.\"%w_fts\" (rowid, name_key) SELECT n.rank, x.name_key || '  '"
		" FROM temp.sync_fts_new n CROSS JOIN main.\"%w\" x ON x.rowid = n.id ORDER BY n.rank;"
		"DELETE FROM temp.sync_fts_new;", p->table, p->table, p->table), err);
}

/* Rank the m rows ids (in order, one run between the placed ranks lo and
 * hi, hi < 0 for none) evenly between them.  1 when there is no room, 0,
 * -1. */
static int spread(struct pending *p, const long long *ids, size_t m, long long lo, long long hi,
		  struct sx_err *err)
{
	long long step;

	if (hi < 0)
		step = (INT64_MAX - lo) / (long long)(m + 1) < SCHEMA_RANK_GAP
			? (INT64_MAX - lo) / (long long)(m + 1) : SCHEMA_RANK_GAP;
	else
		step = (hi - lo) / (long long)(m + 1);
	if (step < 1)
		return 1;
	for (size_t j = 0; j < m; j++) {
		sqlite3_bind_int64(p->add, 1, lo + step * (long long)(j + 1));
		sqlite3_bind_int64(p->add, 2, ids[j]);
		if (sqlite3_step(p->add) != SQLITE_DONE) {
			sqlite3_reset(p->add);
			return -1;
		}
		sqlite3_reset(p->add);
		if (++p->n >= SYNC_FTS_BATCH / 2 && move_pending(p, err) != 0)
			return -1;
	}
	return 0;
}

/* Rank the rows ids[0..n) (every live row without a rank, in the walk's
 * order): each run of them between two placed rows shares the room between
 * their ranks.  1 when some run has no room, 0, -1. */
static int place_runs(sqlite3_stmt *q[Q_N], struct pending *p, const long long *ids, size_t n,
		      struct sx_err *err)
{
	size_t i = 0;
	int null, rc = 0;

	while (i < n && rc == 0) {
		size_t j = i;
		long long lo = number(q[Q_PRED], ids[i], &null), hi = -1;
		if (lo < -1)
			return -1;
		lo = null ? 0 : lo;
		/* The run goes on while the row after is the next unplaced one. */
		for (;; j++) {
			int step;
			sqlite3_bind_int64(q[Q_SUCC], 1, ids[j]);
			step = sqlite3_step(q[Q_SUCC]);
			if (step != SQLITE_ROW && step != SQLITE_DONE) {
				sqlite3_reset(q[Q_SUCC]);
				return -1;
			}
			if (step == SQLITE_ROW && sqlite3_column_type(q[Q_SUCC], 1) == SQLITE_NULL &&
			    j + 1 < n && sqlite3_column_int64(q[Q_SUCC], 0) == ids[j + 1]) {
				sqlite3_reset(q[Q_SUCC]);
				continue;
			}
			if (step == SQLITE_ROW && sqlite3_column_type(q[Q_SUCC], 1) != SQLITE_NULL)
				hi = sqlite3_column_int64(q[Q_SUCC], 1);
			sqlite3_reset(q[Q_SUCC]);
			break;
		}
		rc = spread(p, ids + i, j - i + 1, lo, hi, err);
		i = j + 1;
	}
	return rc;
}

/* Give every live row of f->table without a rank one, and put it in the
 * index: in the gaps of the ranks there (a run of new rows between two
 * placed ones shares the room evenly), or, when none is placed yet or a
 * gap has no room, by numbering every rank again and rebuilding the index
 * (schema_rank_sql()).  0 or -1. */
static int place(struct sx_db *db, struct sync_fts *f, struct sx_err *err)
{
	sqlite3 *h = db_sqlite(db);
	sqlite3_stmt *q[Q_N];
	struct pending p = { db, f->table, NULL, 0 };
	long long live, ranked, *ids = NULL;
	size_t n = 0, cap = 0;
	int null, rc = -1;

	if (run(db, sqlite3_mprintf("CREATE TEMP TABLE IF NOT EXISTS sync_fts_new"
				    " (rank INTEGER PRIMARY KEY, id INTEGER NOT NULL);"
				    "DELETE FROM temp.sync_fts_new;"), err) != 0)
		return -1;
	if (prepare(h, f->table, q) != 0)
		goto out;
	p.add = q[Q_ADD];
	live = number(q[Q_LIVE], 0, &null);
	ranked = number(q[Q_RANKED], 0, &null);
	if (live < 0 || ranked < 0)
		goto out;
	if (live == ranked) {
		rc = 0;
		goto out;
	}
	if (ranked > 0) {
		int step;
		while ((step = sqlite3_step(q[Q_NEW])) == SQLITE_ROW) {
			if (n == cap)
				ids = xreallocarray(ids, cap = cap ? 2 * cap : 256, sizeof *ids);
			ids[n++] = sqlite3_column_int64(q[Q_NEW], 0);
		}
		sqlite3_reset(q[Q_NEW]);
		if (step != SQLITE_DONE || (rc = place_runs(q, &p, ids, n, err)) < 0)
			goto out;
		if (rc == 0) {
			rc = move_pending(&p, err);
			goto out;
		}
	}
	/* Rows moved already keep their ranks until numbered again. */
	sqlite3_exec(h, "DELETE FROM temp.sync_fts_new", NULL, NULL, NULL);
	rc = run(db, schema_rank_sql(f->table), err);
out:
	if (rc < 0 && !sx_err_count(err))
		db_fail(db, err);
	for (int k = 0; k < Q_N; k++)
		sqlite3_finalize(q[k]);
	sqlite3_exec(h, "DELETE FROM temp.sync_fts_new", NULL, NULL, NULL);
	free(ids);
	return rc;
}

int sync_fts_end(struct sx_db *db, struct sync_fts *f, int failed, struct sx_err *err)
{
	int rc = 0;

	if (!f->table)
		return 0;
	if (!failed) {
		f->logged = 1;
		rc = sync_fts_flush(db, f, err);
		if (rc == 0)
			rc = place(db, f, err);
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
