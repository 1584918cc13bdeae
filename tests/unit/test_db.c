/* test_db.c — opening, settings and the history triggers. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "t.h"
#include "db/db.h"
#include "db/schema.h"
#include "base/uuid.h"

static struct sx_db *fresh(char *dir, size_t n)
{
	struct sx_err e = {0};
	char *path;
	struct sx_db *db;
	snprintf(dir, n, "/tmp/sxsh-dbtest-XXXXXX");
	if (!mkdtemp(dir))
		return NULL;
	path = malloc(strlen(dir) + 16);
	sprintf(path, "%s/sub/t.db", dir);
	db = db_open(path, &e);
	free(path);
	CHECK_INT(sx_err_count(&e), 0);
	sx_err_clear(&e);
	return db;
}

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

static void cleanup(struct sx_db *db, const char *dir)
{
	char cmd[300];
	db_close(db);
	snprintf(cmd, sizeof cmd, "%s/sub/t.db", dir);
	unlink(cmd);
	snprintf(cmd, sizeof cmd, "%s/sub", dir);
	rmdir(cmd);
	rmdir(dir);
}

static void test_open_and_settings(void)
{
	char dir[64];
	struct sx_err e = {0};
	struct sx_db *db = fresh(dir, sizeof dir);
	struct stat st;
	char path[128], *v;

	CHECK(db != NULL);
	if (!db)
		return;
	CHECK(db_is_new(db));
	CHECK(uuid_valid(db_origin(db)));
	snprintf(path, sizeof path, "%s/sub/t.db", dir);
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
	CHECK(db_setting(db, "officer_name") == NULL);
	CHECK_INT(db_set_setting(db, "officer_name", "Lò Văn Sơn", &e), 0);
	v = db_setting(db, "officer_name");
	CHECK_STR(v, "Lò Văn Sơn");
	free(v);
	CHECK_INT(count(db, "PRAGMA foreign_keys"), 1);
	CHECK_INT(count(db, "PRAGMA user_version"), SCHEMA_VERSION);
	cleanup(db, dir);
	sx_err_clear(&e);
}

static void test_history_keeps_versions(void)
{
	char dir[64];
	struct sx_err e = {0};
	struct sx_db *db = fresh(dir, sizeof dir);
	if (!db)
		return;
	CHECK_INT(db_exec(db,
		"INSERT INTO facilities (uuid, updated_at, origin, name) VALUES ('f1', 1, 'a', 'Xưởng sắn A');"
		"UPDATE facilities SET name = 'Xưởng sắn B', updated_at = 2 WHERE uuid = 'f1';"
		"UPDATE facilities SET phone = '0212' WHERE uuid = 'f1';"   /* same version: no copy */
		"DELETE FROM facilities WHERE uuid = 'f1';", &e), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM history WHERE tbl = 'facilities'"), 2);
	CHECK_INT(count(db, "SELECT count(*) FROM history WHERE reason = 'replaced'"
			    " AND json_extract(data, '$.name') = 'Xưởng sắn A' AND updated_at = 1"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM history WHERE reason = 'deleted'"
			    " AND json_extract(data, '$.phone') = '0212'"), 1);
	cleanup(db, dir);
	sx_err_clear(&e);
}

static void test_statement_cache(void)
{
	char dir[64];
	struct sx_err e = {0};
	struct sx_db *db = fresh(dir, sizeof dir);
	sqlite3_stmt *a, *b;
	if (!db)
		return;
	a = db_stmt(db, "SELECT 1", &e);
	b = db_stmt(db, "SELECT 1", &e);
	CHECK(a != NULL && a == b);
	CHECK(db_stmt(db, "SELEKT nonsense", &e) == NULL);
	CHECK(strstr(sx_err_last(&e), "database error: near \"SELEKT\"") != NULL);
	cleanup(db, dir);
	sx_err_clear(&e);
}

T_SUITE(db) {
	{ "db/open_settings", test_open_and_settings },
	{ "db/history", test_history_keeps_versions },
	{ "db/stmt_cache", test_statement_cache },
	{ 0 }
};
