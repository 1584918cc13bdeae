/* db.h — the sxsh database: opening, migrating, settings, statements.
 *
 * One SQLite file per laptop, in WAL mode (each answer is its own small
 * transaction), with foreign keys on and a busy timeout so that the UI and an
 * import in another process wait for each other instead of failing. */
#ifndef SX_DB_H
#define SX_DB_H

#include <sqlite3.h>

#include "base/err.h"

struct sx_db;

/* Open (creating the folder and file for the owner only) and migrate the
 * database at path; an older schema is first copied to a backup file beside
 * it.  NULL on failure, with a message in err.  Free with db_close(). */
struct sx_db *db_open(const char *path, struct sx_err *err);
/* Finalise every cached statement and close.  NULL is fine. */
void db_close(struct sx_db *db);
/* Values worked out from the data and kept while nothing changes it (such as
 * the folded place names every search keystroke needs).  db_memo() gives the
 * value kept under key while nothing has been written to the database since
 * (by this connection or another), else NULL.  db_memo_keep() keeps value
 * under key (a constant string) and returns 1: db then owns it until it is out
 * of date and frees it with free_fn.  Inside a transaction (the data may still
 * be rolled back) it keeps nothing and returns 0: the caller still owns value. */
void *db_memo(struct sx_db *db, const char *key);
int db_memo_keep(struct sx_db *db, const char *key, void *value, void (*free_fn)(void *));

/* The SQLite handle, for core modules (never for src/ui/). */
sqlite3 *db_sqlite(struct sx_db *db);
/* The file path given to db_open(). */
const char *db_path(const struct sx_db *db);
/* This installation's id (a UUID made once), the origin of its changes. */
const char *db_origin(const struct sx_db *db);
/* 1 when db_open() created a new database. */
int db_is_new(const struct sx_db *db);

/* A prepared statement for a constant SQL text, prepared once and cached;
 * it comes back reset with its bindings cleared.  Do not finalise it.
 * NULL on a prepare error, with a message in err. */
sqlite3_stmt *db_stmt(struct sx_db *db, const char *sql, struct sx_err *err);
/* Run SQL without results (BEGIN, COMMIT, fixed DDL).  0 or -1 + err. */
int db_exec(struct sx_db *db, const char *sql, struct sx_err *err);
/* Add "database: <sqlite message>" to err and return -1; a full disk, a
 * read-only file and a held lock are said in plain words instead. */
int db_fail(struct sx_db *db, struct sx_err *err);
/* 1 when the current operation (since the last db_stmt() or db_exec())
 * failed through db_fail() because another connection holds the write lock (SQLITE_BUSY or SQLITE_LOCKED: another
 * sxsh, such as a long import, is writing); the change can be tried again. */
int db_busy(const struct sx_db *db);
/* How long a write waits for another connection's lock before failing, in
 * ms (db_open() sets 10 s; the interface waits less and says so). */
void db_set_busy_ms(struct sx_db *db, int ms);
/* The current wait set by db_set_busy_ms(). */
int db_busy_ms(const struct sx_db *db);
/* 1 when the last error was the surroundings' (disk full, I/O, read-only,
 * locked), not the data's. */
int db_env_error(const struct sx_db *db);
/* 1 when the database was opened read-only because its file or folder
 * cannot be written (read-only media): reading and export work, writes fail
 * with a message saying so. */
int db_readonly(const struct sx_db *db);

/* A setting's value, or NULL when unset.  Caller frees. */
char *db_setting(struct sx_db *db, const char *key);
/* Store a setting (its own transaction).  0 or -1 + err. */
int db_set_setting(struct sx_db *db, const char *key, const char *value, struct sx_err *err);

/* Copy the database to dest consistently (VACUUM INTO), owner-only.  0 or -1. */
int db_backup(struct sx_db *db, const char *dest, struct sx_err *err);

#endif
