/* t_db.c — throwaway databases for unit tests. */
#include "t_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "t.h"

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
