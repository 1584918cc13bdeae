/* schema.h — the database schema and its migrations. */
#ifndef SX_SCHEMA_H
#define SX_SCHEMA_H

#include <sqlite3.h>

#include "base/err.h"

/* The schema version this build writes (PRAGMA user_version). */
#define SCHEMA_VERSION 9
/* PRAGMA application_id of an sxsh database ("SXSH"). */
#define SCHEMA_APP_ID 0x53585348

/* Tables that travel between laptops, parents before children (the order an
 * import must insert in).  NULL-terminated.  Every one has the columns uuid,
 * updated_at (UTC ms), origin (installation id) and deleted (tombstone). */
extern const char *const schema_synced_tables[];

/* Bring the schema from version `from` to SCHEMA_VERSION inside the caller's
 * transaction.  Returns 0, or -1 with a message in err. */
int schema_migrate(sqlite3 *db, int from, struct sx_err *err);

/* (Re)create the trigram search indexes people_fts and facilities_fts over
 * name_key (padded with two spaces, through the views <table>_fts_text),
 * their vocabulary tables <table>_fts_vocab, their rank tables
 * <table>_rank (the index's rowid: the rank of a row in the walk's order,
 * version 8) and triggers, and fill them from the rows (steps 4, 7 and 8).  A later
 * step that rebuilds the people or facilities table (and so drops its
 * triggers or renumbers its rowids) calls it again.  0, or -1 with err. */
int schema_search_index(sqlite3 *db, struct sx_err *err);
/* The CREATE statement of table t's index trigger which (0 insert, 1 delete,
 * 2 update), as schema_search_index() makes it and sqlite_schema keeps it
 * (sync/sync_fts.c stands in for these).  sqlite3_free() it; NULL when out
 * of memory. */
char *schema_fts_trigger(const char *t, int which);
/* SQL that numbers the ranks of table t again (its live rows,
 * SCHEMA_RANK_GAP apart in the walk's order) and rebuilds its index over
 * them; sqlite3_free() it, NULL when out of memory. */
char *schema_rank_sql(const char *t);
/* The distance between two ranks numbered by schema_rank_sql(). */
#define SCHEMA_RANK_GAP 1099511627776LL

#endif
