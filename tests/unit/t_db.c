/* t_db.c — throwaway databases for unit tests. */
#include "t_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "t.h"

#include <sqlite3.h>

struct sx_db *t_db_fresh(char *path, size_t n)
{
	struct sx_err e = {0};
	struct sx_db *db;
	int fd;

	snprintf(path, n, "/tmp/sxsh-unit-XXXXXX");
	fd = mkstemp(path);
	if (fd < 0) {
		CHECK(fd >= 0);
		return NULL;
	}
	close(fd);
	unlink(path);   /* db_open() creates it owner-only itself */
	db = db_open(path, &e);
	CHECK_INT(sx_err_count(&e), 0);
	sx_err_clear(&e);
	return db;
}

void t_db_gone(struct sx_db *db, const char *path)
{
	char p[512];
	db_close(db);
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

void t_db_exec(struct sx_db *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db_sqlite(db), sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "sql failed: %s\n  %s\n", msg, sql);
		t_failures++;
	}
	sqlite3_free(msg);
}

int t_db_load(const char *path, const char *fixture)
{
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "sqlite3 '%s' < '%s/tests/unit/data/%s'", path, SXSH_SRCDIR,
		 fixture);
	return system(cmd);
}
