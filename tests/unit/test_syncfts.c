/* test_syncfts.c — an import keeps the name search index (schema steps 4
 * and 8) as its triggers would, its ranks in the walk's order: the index batched by sync_fts during a
 * merge must pass FTS5's own integrity check against the rows, answer every
 * query as SQLite's LIKE over the stored name_key does (new rows, renamed
 * rows, more rows than one batch), and leave the triggers as the schema
 * made them, working for the next local edit.  A dry run changes nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "t.h"
#include "t_db.h"
#include "base/err.h"
#include "base/mem.h"
#include "base/text.h"
#include "db/db.h"
#include "db/schema.h"
#include "sync/sync_export.h"
#include "sync/sync_fts.h"
#include "sync/sync_import.h"

static char dir[64];

static const char *const family[] = { "Lò", "Cầm", "Quàng", "Nguyễn", "Đặng", "Lường", "Hà" };
static const char *const given[] = { "Người", "Hoa", "Dũng", "Xuân", "Thắng", "Ánh", "Sơn" };
/* Queries over folded names (name_key is text_fold of the name). */
static const char *const queries[] = { "lo van", "nguoi", "dang thi", "son 1", "ng 12", "xuan",
				       "anh 8", "quang", "hoa 9", "zzz", "cam", "duc", NULL };

static struct sx_db *open_at(const char *name)
{
	struct sx_err e = {0};
	char *p = xasprintf("%s/%s", dir, name);
	struct sx_db *db = db_open(p, &e);

	CHECK(db != NULL);
	sx_err_print(&e, stderr);
	sx_err_clear(&e);
	free(p);
	return db;
}


static long long one(struct sx_db *db, const char *sql, const char *arg)
{
	sqlite3_stmt *st;
	long long n = -1;
	if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return n;
}

/* n people (and a facility every 50) named from the lists, stamped at ms;
 * from = the first number, so that a second call renames rows it made. */
static void put_people(struct sx_db *db, int from, int n, long long ms, int rename)
{
	sqlite3_stmt *st;
	t_db_exec(db, "BEGIN");
	CHECK(sqlite3_prepare_v2(db_sqlite(db), rename
		? "UPDATE people SET full_name = ?2, name_key = ?3, updated_at = ?4"
		  " WHERE uuid = ?1"
		: "INSERT INTO people (uuid, updated_at, origin, full_name, name_key) VALUES"
		  " (?1, ?4, 'laptop-a', ?2, ?3)", -1, &st, NULL) == SQLITE_OK);
	for (int i = from; i < from + n; i++) {
		char u[37], *name, *key;
		snprintf(u, sizeof u, "01900000-0000-7000-8000-%012d", i);
		name = xasprintf("%s %s %s %d", family[(i + rename) % 7], i % 2 ? "Văn" : "Thị",
				 given[(i / 7 + rename * 3) % 7], i);
		key = text_fold(name);
		sqlite3_bind_text(st, 1, u, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, key, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 4, ms + i);
		CHECK_INT(sqlite3_step(st), SQLITE_DONE);
		sqlite3_reset(st);
		free(name);
		free(key);
	}
	sqlite3_finalize(st);
	for (int i = from; i < from + n && !rename; i += 50) {
		char *sql = sqlite3_mprintf("INSERT INTO facilities (uuid, updated_at, origin, name,"
			" name_key) VALUES ('01900000-0000-7000-9000-%012d', %lld, 'laptop-a',"
			" 'Hợp tác xã Cà phê %d', 'hop tac xa ca phe %d')", i, ms + i, i, i);
		t_db_exec(db, sql);
		sqlite3_free(sql);
	}
	t_db_exec(db, "COMMIT");
}

static void export_to(struct sx_db *db, const char *name)
{
	struct sync_export_opts o = { .since = -1 };
	struct sync_export_result r;
	struct sx_err e = {0};
	char *p = xasprintf("%s/%s", dir, name);
	CHECK_INT(sync_export(db, p, &o, &r, &e), 0);
	sx_err_print(&e, stderr);
	sx_err_clear(&e);
	free(p);
}

static int import_from(struct sx_db *db, const char *name, int dry)
{
	struct sync_import_opts o = { .dry_run = dry };
	struct sync_import_result r;
	struct sx_err e = {0}, w = {0};
	char *p = xasprintf("%s/%s", dir, name);
	int rc = sync_import(db, &p, 1, &o, &r, &e, &w);

	sx_err_print(&e, stderr);
	if (r.report)
		unlink(r.report);
	free(r.report);
	sx_err_clear(&e);
	sx_err_clear(&w);
	free(p);
	return rc;
}

/* The index agrees with the rows: FTS5's integrity check, and every query
 * finds by MATCH what LIKE finds in the name_key of the live rows. */
static void check_index(struct sx_db *db)
{
	t_db_exec(db, "INSERT INTO people_fts (people_fts) VALUES ('integrity-check')");
	t_db_exec(db, "INSERT INTO facilities_fts (facilities_fts) VALUES ('integrity-check')");
	for (int i = 0; queries[i]; i++) {
		char *q = xasprintf("\"%s\"", queries[i]);
		long long by_index = one(db, "SELECT count(*) FROM people_fts WHERE people_fts MATCH ?1", q);
		long long by_scan = one(db, "SELECT count(*) FROM people WHERE name_key LIKE"
					    " '%' || ?1 || '%' AND deleted = 0", queries[i]);
		if (by_index != by_scan)
			fprintf(stderr, "query %s: index %lld, scan %lld\n", queries[i], by_index, by_scan);
		CHECK_INT(by_index, by_scan);
		free(q);
	}
	CHECK(one(db, "SELECT count(*) FROM facilities_fts WHERE facilities_fts MATCH '\"ca phe 50\"'",
		  NULL) >= 1);
	/* The index's rowids are the ranks of the live rows in the walk's
	 * order (schema step 8), each row once. */
	for (int t = 0; t < 2; t++) {
		char *sql = sqlite3_mprintf(
			"SELECT (SELECT count(*) FROM (SELECT row_number() OVER (ORDER BY r.rank) AS a,"
			" row_number() OVER (ORDER BY x.sort_key, x.name_key, x.rowid) AS b"
			" FROM \"%w_rank\" r JOIN \"%w\" x ON x.rowid = r.id) WHERE a <> b)"
			" + (SELECT count(*) FROM \"%w\" WHERE deleted = 0)"
			" - (SELECT count(*) FROM \"%w_rank\" r JOIN \"%w\" x ON x.rowid = r.id"
			" AND x.deleted = 0)", t ? "facilities" : "people", t ? "facilities" : "people",
			t ? "facilities" : "people", t ? "facilities" : "people",
			t ? "facilities" : "people");
		CHECK_INT(one(db, sql, NULL), 0);
		sqlite3_free(sql);
	}
}

/* The triggers of db are those of a new database, and no temporary one is
 * left. */
static void check_triggers(struct sx_db *db, struct sx_db *fresh)
{
	static const char sql[] = "SELECT group_concat(name || ':' || sql, ';') FROM (SELECT name, sql"
				  " FROM main.sqlite_schema WHERE type = 'trigger' AND name LIKE '%fts%'"
				  " ORDER BY name)";
	sqlite3_stmt *a, *b;
	CHECK(sqlite3_prepare_v2(db_sqlite(db), sql, -1, &a, NULL) == SQLITE_OK);
	CHECK(sqlite3_prepare_v2(db_sqlite(fresh), sql, -1, &b, NULL) == SQLITE_OK);
	CHECK_INT(sqlite3_step(a), SQLITE_ROW);
	CHECK_INT(sqlite3_step(b), SQLITE_ROW);
	CHECK(sqlite3_column_text(b, 0) != NULL);
	CHECK_STR((const char *)sqlite3_column_text(a, 0), (const char *)sqlite3_column_text(b, 0));
	sqlite3_finalize(a);
	sqlite3_finalize(b);
	CHECK_INT(one(db, "SELECT count(*) FROM sqlite_temp_schema WHERE type = 'trigger'", NULL), 0);
}

static void test_index_after_import(void)
{
	struct sx_db *src, *dst, *fresh;
	long long before;

	snprintf(dir, sizeof dir, "/tmp/sxsh-syncfts-XXXXXX");
	CHECK(mkdtemp(dir) != NULL);
	src = open_at("src.db");
	dst = open_at("dst.db");
	fresh = open_at("fresh.db");
	/* More rows than one batch, so that the log is replayed in the middle. */
	put_people(src, 0, SYNC_FTS_BATCH + 700, 1700000000000LL, 0);
	export_to(src, "x");
	CHECK_INT(import_from(dst, "x", 0), 0);
	CHECK_INT(one(dst, "SELECT count(*) FROM people", NULL), SYNC_FTS_BATCH + 700);
	check_index(dst);
	check_triggers(dst, fresh);

	/* Renamed rows (updates of name_key) and new ones in the next folder. */
	put_people(src, 100, 2000, 1750000000000LL, 1);
	put_people(src, SYNC_FTS_BATCH + 700, 300, 1750000000000LL, 0);
	export_to(src, "y");
	before = one(dst, "SELECT count(*) FROM people_fts WHERE people_fts MATCH '\"nguoi\"'", NULL);
	CHECK_INT(import_from(dst, "y", 1), 0);  /* a dry run changes nothing */
	CHECK_INT(one(dst, "SELECT count(*) FROM people_fts WHERE people_fts MATCH '\"nguoi\"'", NULL),
		  before);
	check_triggers(dst, fresh);
	CHECK_INT(import_from(dst, "y", 0), 0);
	CHECK_INT(one(dst, "SELECT count(*) FROM people", NULL), SYNC_FTS_BATCH + 1000);
	CHECK(one(dst, "SELECT count(*) FROM people_fts WHERE people_fts MATCH '\"nguoi\"'", NULL)
	      != before);
	check_index(dst);
	check_triggers(dst, fresh);

	/* A few changes into many rows: placed in the gaps of the ranks there
	 * (not numbered again), tombstones leave the index. */
	put_people(src, 3000, 40, 1760000000000LL, 1);
	put_people(src, SYNC_FTS_BATCH + 1000, 25, 1760000000000LL, 0);
	t_db_exec(src, "UPDATE people SET deleted = 1, updated_at = 1760000000000 WHERE rowid % 500 = 7");
	export_to(src, "z");
	before = one(dst, "SELECT count(*) FROM people_rank WHERE rank % 1099511627776 <> 0", NULL);
	CHECK_INT(import_from(dst, "z", 0), 0);
	CHECK_INT(one(dst, "SELECT count(*) FROM people", NULL), SYNC_FTS_BATCH + 1025);
	CHECK(one(dst, "SELECT count(*) FROM people WHERE deleted = 1", NULL) > 10);
	CHECK(one(dst, "SELECT count(*) FROM people_rank WHERE rank % 1099511627776 <> 0", NULL)
	      > before);
	check_index(dst);
	check_triggers(dst, fresh);

	/* The triggers work again for a local edit. */
	t_db_exec(dst, "UPDATE people SET name_key = 'qqzzqq' WHERE rowid = 5");
	CHECK_INT(one(dst, "SELECT count(*) FROM people_fts WHERE people_fts MATCH '\"qqzzqq\"'", NULL), 1);
	check_index(dst);

	db_close(src);
	db_close(dst);
	db_close(fresh);
	char *cmd = xasprintf("rm -rf '%s'", dir); /* test code only */
	CHECK_INT(system(cmd), 0);
	free(cmd);
}

/* A database made by this version has the triggers sync_fts stands in for:
 * the batching is used, not silently skipped (it was, once the schema's
 * triggers changed and sync_fts's copy of them did not). */
static void test_recognises_schema(void)
{
	struct sx_err e = {0};
	struct sync_fts f;
	struct sx_db *db;

	snprintf(dir, sizeof dir, "/tmp/sxsh-syncfts-XXXXXX");
	CHECK(mkdtemp(dir) != NULL);
	db = open_at("new.db");
	t_db_exec(db, "BEGIN");
	CHECK_INT(sync_fts_begin(db, "people", &f, &e), 0);
	CHECK(f.table != NULL);
	CHECK_INT(sync_fts_end(db, &f, 0, &e), 0);
	CHECK_INT(sync_fts_begin(db, "facilities", &f, &e), 0);
	CHECK(f.table != NULL);
	CHECK_INT(sync_fts_end(db, &f, 0, &e), 0);
	t_db_exec(db, "COMMIT");
	sx_err_print(&e, stderr);
	sx_err_clear(&e);
	db_close(db);
	char *cmd = xasprintf("rm -rf '%s'", dir); /* test code only */
	CHECK_INT(system(cmd), 0);
	free(cmd);
}

T_SUITE(syncfts) {
	{ "syncfts/index_after_import", test_index_after_import },
	{ "syncfts/recognises_schema", test_recognises_schema },
	{ 0 }
};
