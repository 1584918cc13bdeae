/* test_migrate.c — schema version 1 → 3 on a database made by sxsh 0.1.0
 * (tests/unit/data/schema_v1.sql, dumped from that build), then the 2025
 * places and the later plans seeded into it. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "t.h"
#include "sync/sync_ledger.h"
#include "t_db.h"
#include "db/db.h"
#include "db/schema.h"
#include "db/seed.h"
#include "records/people.h"

static long long count(struct sx_db *db, const char *sql)
{
	sqlite3_stmt *st;
	long long n = -1;
	if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* A version-1 database at dir/v1.db, made with the sqlite3 shell. */
static int make_v1(const char *dir, char *path, size_t n)
{
	snprintf(path, n, "%s/v1.db", dir);
	return t_db_load(path, "schema_v1.sql");
}

/* How many files in dir start with prefix. */
static int files_like(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;
	while (d && (e = readdir(d)) != NULL)
		n += strncmp(e->d_name, prefix, strlen(prefix)) == 0;
	if (d)
		closedir(d);
	return n;
}

static void test_v1_to_v3(void)
{
	char dir[] = "/tmp/sxsh-migrate-XXXXXX", path[128], cmd[200];
	struct sx_err e = {0};
	struct sx_db *db;

	CHECK(mkdtemp(dir) != NULL);
	CHECK_INT(make_v1(dir, path, sizeof path), 0);
	db = db_open(path, &e);
	CHECK(db != NULL);
	CHECK_INT(sx_err_count(&e), 0);
	if (!db)
		goto out;
	CHECK_INT(count(db, "PRAGMA user_version"), SCHEMA_VERSION);
	/* Version 2 on the way: the support network's tables. */
	CHECK_INT(count(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
			" AND name IN ('organisations', 'org_roles')"), 2);
	CHECK_INT(files_like(dir, "v1.db.v1-"), 1);     /* the backup before the upgrade */
	/* Nothing lost: 13 places, the plan, its 4 indicators, the records. */
	CHECK_INT(count(db, "SELECT count(*) FROM places"), 13);
	CHECK_INT(count(db, "SELECT count(*) FROM indicators"), 4);
	CHECK_INT(count(db, "SELECT count(*) FROM facilities"), 1);
	CHECK_INT(count(db, "SELECT target FROM indicators WHERE code = 'rapid'"), 20);
	CHECK_INT(count(db, "SELECT count(*) FROM people WHERE roster_excluded = 0"), 2);
	CHECK_INT(count(db, "SELECT count(*) FROM history WHERE tbl = 'indicators'"), 1);
	/* The new columns exist and the history triggers copy them. */
	CHECK_INT(count(db, "SELECT count(*) FROM pragma_table_info('places')"
			" WHERE name IN ('valid_from', 'valid_to', 'successor_uuid', 'source')"), 4);
	CHECK_INT(count(db, "SELECT count(*) FROM pragma_table_info('indicators')"
			" WHERE name IN ('year', 'place_uuid') OR (name = 'target' AND \"notnull\" = 0)"), 3);
	CHECK_INT(sqlite3_exec(db_sqlite(db), "UPDATE places SET valid_to = '2025-06-30',"
			       " updated_at = updated_at + 1 WHERE code = '125'", NULL, NULL, NULL),
		  SQLITE_OK);
	CHECK_INT(count(db, "SELECT count(*) FROM history WHERE tbl = 'places'"
			" AND json_extract(data, '$.valid_to') IS NULL"
			" AND json_type(data, '$.valid_to') = 'null'"), 1);
	/* Seeding again brings the reform: 289 places, old districts closed on
	 * 30/6/2025, the later plans; the target edited on a laptop stays. */
	CHECK(seed_load(db, SXSH_SRCDIR, &e) > 0);
	CHECK_INT(sx_err_count(&e), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM places"), 1 + 12 + 75 + 200);
	CHECK_INT(count(db, "SELECT count(*) FROM places WHERE kind = 'district'"
			" AND valid_to = '2025-06-30'"), 11);   /* Mộc Châu is shipped as a district */
	CHECK_INT(count(db, "SELECT count(*) FROM plans"), 3);
	CHECK_INT(count(db, "SELECT target FROM indicators WHERE code = 'rapid'"
			" AND plan_uuid = '0159522d-0800-7064-8000-005358534864'"), 20);
	/* Opening again changes nothing and makes no second backup. */
	db_close(db);
	db = db_open(path, &e);
	CHECK(db != NULL);
	CHECK_INT(files_like(dir, "v1.db.v1-"), 1);
	db_close(db);
out:
	sx_err_clear(&e);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	CHECK_INT(system(cmd), 0);
}

/* Version 3 → 4 on a database made by sxsh at schema 3 (main at b90bbe3,
 * 'sxsh demo', tests/unit/data/schema_v3.sql): the search index is filled
 * for the people and facilities already there, and kept from then on. */
static void test_v3_to_v4(void)
{
	char dir[] = "/tmp/sxsh-migrate-XXXXXX", path[128], cmd[700];
	struct sx_err e = {0};
	struct sx_db *db;
	struct person_row *r;
	long n;

	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof path, "%s/v3.db", dir);
	CHECK_INT(t_db_load(path, "schema_v3.sql"), 0);
	db = db_open(path, &e);
	CHECK(db != NULL);
	CHECK_INT(sx_err_count(&e), 0);
	if (!db)
		goto out;
	CHECK_INT(count(db, "PRAGMA user_version"), SCHEMA_VERSION);
	CHECK_INT(files_like(dir, "v3.db.v3-"), 1);     /* the backup before the upgrade */
	CHECK_INT(count(db, "SELECT count(*) FROM people"), 24);
	CHECK_INT(count(db, "SELECT count(*) FROM facilities"), 15);
	/* Every existing row is in the index, found by its first three letters. */
	CHECK_INT(count(db, "SELECT count(*) FROM people p WHERE p.rowid IN (SELECT r.id"
			" FROM people_fts x JOIN people_rank r ON r.rank = x.rowid"
			" WHERE people_fts MATCH '\"' || substr(p.name_key, 1, 3) || '\"')"), 24);
	CHECK_INT(count(db, "SELECT count(*) FROM facilities f WHERE f.rowid IN (SELECT r.id"
			" FROM facilities_fts x JOIN facilities_rank r ON r.rank = x.rowid"
			" WHERE facilities_fts MATCH '\"' || substr(f.name_key, 1, 3) || '\"')"), 15);
	n = people_search(db, "Thoại", 10, &r, &e);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(r[0].full_name, "Cầm Văn Thoại");
	people_rows_free(r, n > 0 ? (size_t)n : 0);
	/* A person saved after the upgrade is found through the index too. */
	struct person p = { .full_name = (char *)"Quàng Thị Xoan" };
	CHECK_INT(person_save(db, &p, &e), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM people_fts WHERE people_fts MATCH '\"xoan\"'"), 1);
	CHECK_INT(sx_err_count(&e), 0);
	db_close(db);
out:
	sx_err_clear(&e);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	CHECK_INT(system(cmd), 0);
}

/* Version 5 → 7 on a database made by sxsh at schema 5 (main at 1521654,
 * tests/unit/data/schema_v5.sql): the index is rebuilt over the padded
 * key, so that a 1- or 2-character word is found through it, for the rows
 * already there and those saved after. */
static void test_v5_to_v7(void)
{
	char dir[] = "/tmp/sxsh-migrate-XXXXXX", path[128], cmd[700];
	struct sx_err e = {0};
	struct sx_db *db;
	struct person_row *r;
	long n;

	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof path, "%s/v5.db", dir);
	CHECK_INT(t_db_load(path, "schema_v5.sql"), 0);
	db = db_open(path, &e);
	CHECK(db != NULL);
	CHECK_INT(sx_err_count(&e), 0);
	if (!db)
		goto out;
	CHECK_INT(count(db, "PRAGMA user_version"), SCHEMA_VERSION);
	CHECK_INT(files_like(dir, "v5.db.v5-"), 1);     /* the backup before the upgrade */
	CHECK_INT(count(db, "SELECT count(*) FROM people"), 24);
	/* "Lò" is a whole word of 4 names and begins trigrams only once padded:
	 * every row is in the index, and ends in the padding ("sinh" ends
	 * "Bàn Văn Sinh", found by its last letter). */
	CHECK_INT(count(db, "SELECT count(*) FROM people WHERE instr(name_key, 'lo ')"), 4);
	CHECK_INT(count(db, "SELECT count(*) FROM people_fts WHERE people_fts MATCH '\"lo \"'"), 4);
	CHECK_INT(count(db, "SELECT count(*) FROM people_fts WHERE people_fts MATCH '\"h  \"'"),
		  count(db, "SELECT count(*) FROM people WHERE name_key LIKE '%h'"));
	CHECK_INT(count(db, "SELECT count(*) FROM people_fts_vocab WHERE term = 'lo '"), 1);
	CHECK_INT(sqlite3_exec(db_sqlite(db), "INSERT INTO people_fts (people_fts)"
			       " VALUES ('integrity-check')", NULL, NULL, NULL), SQLITE_OK);
	CHECK_INT(sqlite3_exec(db_sqlite(db), "INSERT INTO facilities_fts (facilities_fts)"
			       " VALUES ('integrity-check')", NULL, NULL, NULL), SQLITE_OK);
	/* The index alone finds what the walk finds, a 2-character word too. */
	n = people_search_how(db, "lo v", 50, PEOPLE_SEARCH_INDEX, &r, &e);
	CHECK_INT(n, count(db, "SELECT count(*) FROM people WHERE instr(name_key, 'lo')"
			   " AND instr(name_key, 'v') AND deleted = 0"));
	CHECK(n >= 3);
	people_rows_free(r, n > 0 ? (size_t)n : 0);
	/* A person saved after the upgrade is found by a 1-character word. */
	struct person p = { .full_name = (char *)"Vàng Thị Ỷ" };
	CHECK_INT(person_save(db, &p, &e), 0);
	n = people_search_how(db, "y", 50, PEOPLE_SEARCH_INDEX, &r, &e);
	CHECK_INT(n, count(db, "SELECT count(*) FROM people WHERE instr(name_key, 'y')"
			   " AND deleted = 0"));
	CHECK(n >= 1);
	people_rows_free(r, n > 0 ? (size_t)n : 0);
	CHECK_INT(sx_err_count(&e), 0);
	db_close(db);
out:
	sx_err_clear(&e);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	CHECK_INT(system(cmd), 0);
}

/* Ranks that disagree with the walk's order (sort_key, name_key, rowid)
 * among the live rows of table t, plus the live rows without a rank and
 * the ranks of rows that are not live: 0 when the rank table is right. */
static long long rank_errors(struct sx_db *db, const char *t)
{
	char *sql = sqlite3_mprintf(
		"SELECT (SELECT count(*) FROM (SELECT row_number() OVER (ORDER BY r.rank) AS a,"
		" row_number() OVER (ORDER BY x.sort_key, x.name_key, x.rowid) AS b"
		" FROM \"%w_rank\" r JOIN \"%w\" x ON x.rowid = r.id) WHERE a <> b)"
		" + (SELECT count(*) FROM \"%w\" WHERE deleted = 0)"
		" - (SELECT count(*) FROM \"%w_rank\" r JOIN \"%w\" x ON x.rowid = r.id AND x.deleted = 0)"
		" + (SELECT count(*) FROM \"%w_rank\" r LEFT JOIN \"%w\" x ON x.rowid = r.id"
		" WHERE x.rowid IS NULL OR x.deleted <> 0)", t, t, t, t, t, t, t);
	long long n = count(db, sql);
	sqlite3_free(sql);
	return n;
}

/* The uuids people_search_how() gives for q by plan how, in order. */
static char *people_ids(struct sx_db *db, const char *q, int how)
{
	struct sx_err e = {0};
	struct person_row *r;
	long n = people_search_how(db, q, 100, how, &r, &e);
	char *out = sqlite3_mprintf("%ld:", n);
	for (long i = 0; i < n; i++) {
		char *more = sqlite3_mprintf("%s %s", out, r[i].uuid);
		sqlite3_free(out);
		out = more;
	}
	people_rows_free(r, n > 0 ? (size_t)n : 0);
	CHECK_INT(sx_err_count(&e), 0);
	sx_err_clear(&e);
	return out;
}

/* Version 7 → 8 on a database made by sxsh at schema 7 (main at 2c25e9e,
 * tests/unit/data/schema_v7.sql, its first person a tombstone): the index is
 * rebuilt with the ranks of the live rows in the walk's order as rowids, and
 * searches by the index give the walk's rows in the walk's order, for the
 * rows there and those written after (by SQL, as the sqlite3 shell would). */
static void test_v7_to_v8(void)
{
	static const char *const queries[] = { "lo", "van", "thi", "n", "ha", "a", "xyz", NULL };
	char dir[] = "/tmp/sxsh-migrate-XXXXXX", path[128], cmd[700];
	struct sx_err e = {0};
	struct sx_db *db;

	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof path, "%s/v7.db", dir);
	CHECK_INT(t_db_load(path, "schema_v7.sql"), 0);
	db = db_open(path, &e);
	CHECK(db != NULL);
	CHECK_INT(sx_err_count(&e), 0);
	if (!db)
		goto out;
	CHECK_INT(count(db, "PRAGMA user_version"), SCHEMA_VERSION);
	CHECK_INT(files_like(dir, "v7.db.v7-"), 1);     /* the backup before the upgrade */
	CHECK_INT(count(db, "SELECT count(*) FROM people"), 24);
	CHECK_INT(count(db, "SELECT count(*) FROM people WHERE deleted = 1"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM people_rank"), 23);   /* not the tombstone */
	CHECK_INT(count(db, "SELECT count(*) FROM facilities_rank"), 15);
	CHECK_INT(rank_errors(db, "people"), 0);
	CHECK_INT(rank_errors(db, "facilities"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM people_fts WHERE people_fts MATCH '\"lo \"'"),
		  count(db, "SELECT count(*) FROM people WHERE instr(name_key, 'lo ') AND deleted = 0"));
	CHECK_INT(sqlite3_exec(db_sqlite(db), "INSERT INTO people_fts (people_fts)"
			       " VALUES ('integrity-check')", NULL, NULL, NULL), SQLITE_OK);
	CHECK_INT(sqlite3_exec(db_sqlite(db), "INSERT INTO facilities_fts (facilities_fts)"
			       " VALUES ('integrity-check')", NULL, NULL, NULL), SQLITE_OK);
	/* Rows written by SQL: a new one first in the order, a rename to the
	 * end, a tombstone, a tombstone brought back. */
	CHECK_INT(sqlite3_exec(db_sqlite(db),
		"INSERT INTO people (uuid, updated_at, origin, full_name, name_key, sort_key)"
		" VALUES ('0190aaaa-0000-7000-8000-000000000001', 1, 'x', 'A Lò', 'a lo', '');"
		"UPDATE people SET name_key = 'zz lo', sort_key = 'zz lo', updated_at = updated_at + 1"
		" WHERE rowid = (SELECT min(rowid) FROM people WHERE deleted = 0);"
		"UPDATE people SET deleted = 1, updated_at = updated_at + 1"
		" WHERE rowid = (SELECT max(rowid) FROM people WHERE deleted = 0);"
		"UPDATE people SET deleted = 0, updated_at = updated_at + 1"
		" WHERE rowid = (SELECT min(rowid) FROM people WHERE deleted = 1);",
		NULL, NULL, NULL), SQLITE_OK);
	CHECK_INT(rank_errors(db, "people"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM people_rank"), 24);
	for (const char *const *q = queries; *q; q++) {
		char *walk = people_ids(db, *q, PEOPLE_SEARCH_SCAN);
		char *index = people_ids(db, *q, PEOPLE_SEARCH_INDEX);
		char *best = people_ids(db, *q, PEOPLE_SEARCH_BEST);
		CHECK_STR(index, walk);
		CHECK_STR(best, walk);
		sqlite3_free(walk);
		sqlite3_free(index);
		sqlite3_free(best);
	}
	CHECK_INT(sqlite3_exec(db_sqlite(db), "INSERT INTO people_fts (people_fts)"
			       " VALUES ('integrity-check')", NULL, NULL, NULL), SQLITE_OK);
	CHECK_INT(sx_err_count(&e), 0);
	db_close(db);
out:
	sx_err_clear(&e);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	CHECK_INT(system(cmd), 0);
}

/* Step 9 on a database made by the previous sxsh (schema 8): the ledger of
 * lines is there and empty, the ledger of files kept; a set of lines stored
 * is found again only for its installation, table and reading. */
static void test_v8_to_v9(void)
{
	char dir[] = "/tmp/sxsh-migrate-XXXXXX", path[128], cmd[700];
	struct sync_lines s = {0};
	struct sx_err e = {0};
	struct sx_db *db;

	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof path, "%s/v8.db", dir);
	CHECK_INT(t_db_load(path, "schema_v8.sql"), 0);
	db = db_open(path, &e);
	CHECK(db != NULL);
	CHECK_INT(sx_err_count(&e), 0);
	if (!db)
		goto out;
	CHECK_INT(count(db, "PRAGMA user_version"), SCHEMA_VERSION);
	CHECK_INT(files_like(dir, "v8.db.v8-"), 1);     /* the backup before the upgrade */
	CHECK_INT(count(db, "SELECT count(*) FROM sync_ledger"), 12);
	CHECK_INT(count(db, "SELECT count(*) FROM people"), 48);
	CHECK_INT(count(db, "SELECT count(*) FROM sync_lines"), 0);
	CHECK_INT(sync_lines_load(db, "lap-a", "people", 7, &s, &e), 0);
	CHECK_INT((int)s.n, 0);
	sync_lines_add(&s, 30);
	sync_lines_add(&s, 10);
	sync_lines_add(&s, UINT64_MAX);
	CHECK_INT(sync_lines_store(db, "lap-a", "people", 7, &s, &e), 0);
	CHECK_INT(sync_lines_load(db, "lap-a", "people", 7, &s, &e), 0);
	CHECK_INT((int)s.n, 3);
	CHECK(sync_lines_has(&s, 10) && sync_lines_has(&s, 30) && sync_lines_has(&s, UINT64_MAX));
	CHECK(!sync_lines_has(&s, 20) && !sync_lines_has(&s, 0));
	CHECK_INT(sync_lines_load(db, "lap-a", "people", 8, &s, &e), 0);   /* another reading */
	CHECK_INT((int)s.n, 0);
	CHECK_INT(sync_lines_load(db, "lap-b", "people", 7, &s, &e), 0);
	CHECK_INT((int)s.n, 0);
	CHECK_INT(sync_lines_load(db, "lap-a", "facilities", 7, &s, &e), 0);
	CHECK_INT((int)s.n, 0);
	sx_err_print(&e, stderr);
	CHECK_INT(sx_err_count(&e), 0);
	sync_lines_free(&s);
	db_close(db);
out:
	sx_err_clear(&e);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	CHECK_INT(system(cmd), 0);
}

T_SUITE(migrate) {
	{ "migrate/v8_to_v9", test_v8_to_v9 },
	{ "migrate/v1_to_v3", test_v1_to_v3 },
	{ "migrate/v3_to_v4", test_v3_to_v4 },
	{ "migrate/v5_to_v7", test_v5_to_v7 },
	{ "migrate/v7_to_v8", test_v7_to_v8 },
	{ 0 }
};
