/* db.c — opening, migrating and the statement cache. */
#include "db/db.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/clock.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/paths.h"
#include "base/platform.h"
#include "db/schema.h"
#include "base/uuid.h"

#define STMT_CACHE 64
#define MEMOS 4

struct cached {
	const char *sql;        /* the constant text it was prepared from */
	sqlite3_stmt *st;
};

struct sx_db {
	sqlite3 *h;
	char *path;
	char origin[37];
	int is_new;
	int readonly;      /* opened read-only: the file or its folder cannot be written */
	struct cached cache[STMT_CACHE];
	size_t ncache;
	int last_fail;          /* SQLite's code at the last db_fail() */
	int busy_ms;            /* the busy timeout */
	struct memo {           /* db_memo(): values worked out from the data */
		const char *key;
		void *value;
		void (*free_fn)(void *);
		long long version, changes;   /* the data they were worked out from */
	} memo[MEMOS];
};

sqlite3 *db_sqlite(struct sx_db *db) { return db->h; }
const char *db_path(const struct sx_db *db) { return db->path; }
const char *db_origin(const struct sx_db *db) { return db->origin; }
int db_is_new(const struct sx_db *db) { return db->is_new; }

int db_env_error(const struct sx_db *db)
{
	int c = sqlite3_errcode(db->h) & 0xff;
	return c == SQLITE_FULL || c == SQLITE_IOERR || c == SQLITE_READONLY || c == SQLITE_BUSY
	       || c == SQLITE_LOCKED || c == SQLITE_CANTOPEN || c == SQLITE_NOMEM;
}

int db_fail(struct sx_db *db, struct sx_err *err)
{
	int c = sqlite3_errcode(db->h) & 0xff, e = sqlite3_system_errno(db->h);

	db->last_fail = sqlite3_extended_errcode(db->h);
	/* What happened around the database, in the officer's words. */
	int x = sqlite3_extended_errcode(db->h);
	if (c == SQLITE_FULL || x == SQLITE_IOERR_WRITE || x == SQLITE_IOERR_FSYNC
	    || x == SQLITE_IOERR_TRUNCATE || (c == SQLITE_IOERR && (e == ENOSPC || e == EFBIG)))
		sx_err_add(err, db->path, 0, _("the database cannot grow (%s): the disk is full or a"
			   " file size limit was reached; free space and try again"),
			   c == SQLITE_FULL ? strerror(ENOSPC) : e ? strerror(e) : sqlite3_errstr(x));
	else if (c == SQLITE_READONLY)
		sx_err_add(err, db->path, 0, _("the database cannot be written: its file or folder is"
			   " read-only; copy it to a writable place, or give another file with --db"));
	else if (c == SQLITE_BUSY || c == SQLITE_LOCKED)
		sx_err_add(err, db->path, 0, _("another sxsh is writing to this database and did not"
			   " finish within %d seconds; try again when it has finished"),
			   (db_busy_ms(db) + 999) / 1000);
	else
		sx_err_add(err, db->path, 0, _("database error: %s"), sqlite3_errmsg(db->h));
	return -1;
}

sqlite3_stmt *db_stmt(struct sx_db *db, const char *sql, struct sx_err *err)
{
	sqlite3_stmt *st;

	db->last_fail = 0;   /* a new operation: db_busy() speaks of it alone */
	for (size_t i = 0; i < db->ncache; i++) {
		if (db->cache[i].sql == sql || strcmp(db->cache[i].sql, sql) == 0) {
			st = db->cache[i].st;
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return st;
		}
	}
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		db_fail(db, err);
		return NULL;
	}
	if (db->ncache == STMT_CACHE) {
		/* Full: drop the oldest; callers never hold one across calls. */
		sqlite3_finalize(db->cache[0].st);
		memmove(db->cache, db->cache + 1, (STMT_CACHE - 1) * sizeof db->cache[0]);
		db->ncache--;
	}
	db->cache[db->ncache].sql = sql;
	db->cache[db->ncache++].st = st;
	return st;
}

int db_exec(struct sx_db *db, const char *sql, struct sx_err *err)
{
	db->last_fail = 0;
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(db, err);
	return 0;
}

char *db_setting(struct sx_db *db, const char *key)
{
	struct sx_err err = {0};
	sqlite3_stmt *st = db_stmt(db, "SELECT value FROM settings WHERE key = ?", &err);
	char *value = NULL;

	sx_err_clear(&err);
	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		value = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return value;
}

int db_set_setting(struct sx_db *db, const char *key, const char *value, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO settings (key, value) VALUES (?, ?)"
				   " ON CONFLICT (key) DO UPDATE SET value = excluded.value", err);
	int rc;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

int db_backup(struct sx_db *db, const char *dest, struct sx_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(db->h, "VACUUM INTO ?", -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err);
	sqlite3_bind_text(st, 1, dest, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err);
	chmod(dest, 0600);
	return 0;
}

/* Create the file ourselves so that it is the owner's alone from the start. */
static int create_private(const char *path, int *created, struct sx_err *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	*created = 0;
	if (fd >= 0) {
		close(fd);
		*created = 1;
		return 0;
	}
	if (errno == EEXIST)
		return 0;
	sx_err_add(err, path, 0, _("cannot create the database: %s"), strerror(errno));
	return -1;
}

static int int_pragma(struct sx_db *db, const char *sql)
{
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* 1 when path cannot be written where it is (a read-only disk or folder). */
static int unwritable(const char *path)
{
	char *dir = paths_dirname(path);
	int ro = access(path, W_OK) != 0 || access(dir, W_OK) != 0 || platform_read_only_fs(dir);
	free(dir);
	return ro;
}

/* Open path again read-only and immutable (SQLite then needs no -wal or
 * -shm file beside it), so that a database on read-only media can still be
 * exported and reported on.  0, or -1. */
static int reopen_readonly(struct sx_db *db)
{
	char *uri = xmalloc(strlen(db->path) * 3 + 32), *o = uri;
	int rc;
	o += sprintf(o, "file:");
	for (const unsigned char *p = (const unsigned char *)db->path; *p; p++)
		o += strchr("?#%", *p) || *p < 0x21 ? sprintf(o, "%%%02X", *p) : sprintf(o, "%c", *p);
	strcpy(o, "?immutable=1");
	sqlite3_close(db->h);
	rc = sqlite3_open_v2(uri, &db->h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
			     NULL);
	free(uri);
	db->readonly = rc == SQLITE_OK;
	return rc == SQLITE_OK ? 0 : -1;
}

int db_readonly(const struct sx_db *db) { return db->readonly; }

static int has_tables(struct sx_db *db)
{
	return int_pragma(db, "SELECT count(*) FROM sqlite_schema") > 0;
}

/* Copy an older database aside before its schema changes. */
static int backup_before_migration(struct sx_db *db, int version, struct sx_err *err)
{
	char stamp[25], *dest;
	int rc;

	clock_iso(clock_now_ms(), stamp);
	stamp[10] = '-';
	stamp[13] = stamp[16] = '.';
	stamp[19] = '\0';
	dest = xasprintf("%s.v%d-%s.bak", db->path, version, stamp);
	rc = db_backup(db, dest, err);
	free(dest);
	return rc;
}

static int load_origin(struct sx_db *db, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT value FROM meta WHERE key = 'installation_id'", err);
	int rc;
	if (!st)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(db->origin, sizeof db->origin, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (rc != SQLITE_ROW) {
		sx_err_add(err, db->path, 0, _("the database has no installation id; it is damaged"));
		return -1;
	}
	return 0;
}

/* Create or upgrade the schema in one transaction; a new database also gets
 * its installation id. */
static int migrate(struct sx_db *db, int version, struct sx_err *err)
{
	char id[37], sql[160];

	if (version > 0 && backup_before_migration(db, version, err) != 0)
		return -1;
	if (db_exec(db, "BEGIN IMMEDIATE", err) != 0)
		return -1;
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d", SCHEMA_APP_ID);
	if (db_exec(db, sql, err) != 0 || schema_migrate(db->h, version, err) != 0)
		goto fail;
	if (version == 0) {
		sqlite3_stmt *st = db_stmt(db, "INSERT INTO meta (key, value) VALUES"
					   " ('installation_id', ?), ('created_at', ?)", err);
		char now[25];
		if (!st)
			goto fail;
		uuid_v7(id);
		clock_iso(clock_now_ms(), now);
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			db_fail(db, err);
			goto fail;
		}
		sqlite3_reset(st);
	}
	if (db_exec(db, "COMMIT", err) != 0)
		goto fail;
	return 0;
fail:
	sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

static int check_identity(struct sx_db *db, int created, int version, struct sx_err *err)
{
	int app = int_pragma(db, "PRAGMA application_id");

	if (version < 0 && db_env_error(db))
		return db_fail(db, err);   /* the disk or a lock, not the file's content */
	if (version < 0) {
		sx_err_add(err, db->path, 0, _("not an sxsh database (%s); give another file with --db"),
			   sqlite3_errmsg(db->h));
		return -1;
	}
	if ((app != 0 && app != SCHEMA_APP_ID) || (app == 0 && !created && has_tables(db))) {
		sx_err_add(err, db->path, 0, _("not an sxsh database; give another file with --db"));
		return -1;
	}
	if (version > SCHEMA_VERSION) {
		sx_err_add(err, db->path, 0,
			   _("made by a newer sxsh (schema %d; this one knows %d): install the newer sxsh"),
			   version, SCHEMA_VERSION);
		return -1;
	}
	return 0;
}

struct sx_db *db_open(const char *path, struct sx_err *err)
{
	struct sx_db *db;
	char *dir = paths_dirname(path);
	int created, version, rc;

	rc = paths_mkdirs(dir, err);
	free(dir);
	if (rc != 0 || create_private(path, &created, err) != 0)
		return NULL;
	db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	db->is_new = created;
	/* One connection per thread: no SQLite mutexes needed (the import hashes
	 * files in a second thread, which never touches the connection). */
	if (sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		sx_err_add(err, path, 0, _("cannot open the database: %s"), sqlite3_errmsg(db->h));
		goto fail;
	}
	db_set_busy_ms(db, 10000);
	sqlite3_extended_result_codes(db->h, 1);
	version = int_pragma(db, "PRAGMA user_version");
	if (version < 0 && !created && db_env_error(db) && unwritable(path) && reopen_readonly(db) == 0) {
		sqlite3_busy_timeout(db->h, 10000);
		sqlite3_extended_result_codes(db->h, 1);
		version = int_pragma(db, "PRAGMA user_version");
	}
	if (check_identity(db, created, version, err) != 0)
		goto fail;
	if (db->readonly) {
		if (version < SCHEMA_VERSION) {
			sx_err_add(err, path, 0, _("the database is read-only and made by an older sxsh,"
				   " so it cannot be upgraded; copy it to a writable place first"));
			goto fail;
		}
		if (load_origin(db, err) != 0)
			goto fail;
		return db;
	}
	if (db_exec(db, "PRAGMA journal_mode = WAL", err) != 0 ||
	    db_exec(db, "PRAGMA synchronous = NORMAL", err) != 0 ||
	    db_exec(db, "PRAGMA foreign_keys = ON", err) != 0)
		goto fail;
	if (version < SCHEMA_VERSION && migrate(db, version, err) != 0)
		goto fail;
	if (load_origin(db, err) != 0)
		goto fail;
	return db;
fail:
	db_close(db);
	return NULL;
}

/* Where the data stands: PRAGMA data_version (commits by other
 * connections) and this connection's changes; 0, or -1 when unknown. */
static int data_stamp(struct sx_db *db, long long *version, long long *changes)
{
	struct sx_err err = {0};
	sqlite3_stmt *st = db_stmt(db, "PRAGMA data_version", &err);
	int rc = st && sqlite3_step(st) == SQLITE_ROW ? 0 : -1;

	*version = rc == 0 ? sqlite3_column_int64(st, 0) : 0;
	*changes = sqlite3_total_changes(db->h);
	if (st)
		sqlite3_reset(st);
	sx_err_clear(&err);
	return rc;
}

static void memo_drop(struct memo *m)
{
	if (m->value && m->free_fn)
		m->free_fn(m->value);
	memset(m, 0, sizeof *m);
}

void *db_memo(struct sx_db *db, const char *key)
{
	long long version, changes;

	for (int i = 0; i < MEMOS; i++) {
		struct memo *m = &db->memo[i];
		if (!m->key || strcmp(m->key, key) != 0)
			continue;
		if (data_stamp(db, &version, &changes) == 0 && version == m->version
		    && changes == m->changes)
			return m->value;
		memo_drop(m);
	}
	return NULL;
}

int db_memo_keep(struct sx_db *db, const char *key, void *value, void (*free_fn)(void *))
{
	struct memo *m = &db->memo[0];
	long long version, changes;

	for (int i = 0; i < MEMOS; i++)
		if (!db->memo[i].key || strcmp(db->memo[i].key, key) == 0) {
			m = &db->memo[i];
			break;
		}
	memo_drop(m);
	/* Inside a transaction the data may still be rolled back: not kept. */
	if (!sqlite3_get_autocommit(db->h) || data_stamp(db, &version, &changes) != 0)
		return 0;
	*m = (struct memo){ key, value, free_fn, version, changes };
	return 1;
}

void db_close(struct sx_db *db)
{
	if (!db)
		return;
	for (int i = 0; i < MEMOS; i++)
		memo_drop(&db->memo[i]);
	for (size_t i = 0; i < db->ncache; i++)
		sqlite3_finalize(db->cache[i].st);
	sqlite3_close(db->h);
	free(db->path);
	free(db);
}

int db_busy(const struct sx_db *db)
{
	int c = db->last_fail & 0xff;
	return c == SQLITE_BUSY || c == SQLITE_LOCKED;
}

void db_set_busy_ms(struct sx_db *db, int ms)
{
	db->busy_ms = ms;
	sqlite3_busy_timeout(db->h, ms);
}

int db_busy_ms(const struct sx_db *db)
{
	return db->busy_ms;
}
