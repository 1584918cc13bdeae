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

#endif
