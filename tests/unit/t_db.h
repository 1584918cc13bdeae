/* t_db.h — throwaway databases for unit tests. */
#ifndef SX_T_DB_H
#define SX_T_DB_H

#include <stddef.h>

#include "db/db.h"

/* Open a new database under /tmp; its file name goes to path (n bytes).
 * NULL (and a failed CHECK) when it cannot be made. */
struct sx_db *t_db_fresh(char *path, size_t n);
/* Close db and delete its file with the -wal and -shm beside it. */
void t_db_gone(struct sx_db *db, const char *path);
/* Run sql on db; a failure prints the statement and counts as a failed check. */
void t_db_exec(struct sx_db *db, const char *sql);
/* Make the database file path from tests/unit/data/<fixture> (an SQL dump)
 * with the sqlite3 shell: its exit status (0 when made). */
int t_db_load(const char *path, const char *fixture);

#endif
