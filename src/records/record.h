/* record.h — what the registries (facilities, people, sessions) do alike:
 * storing typed text, tombstones, and searching by words. */
#ifndef SX_RECORD_H
#define SX_RECORD_H

#include <sqlite3.h>

#include "db/db.h"
#include "base/err.h"

/* Words of a search that count (the rest are ignored). */
#define RECORD_SEARCH_WORDS 4

/* Bind s to parameter i as trimmed NFC text, or NULL when it is empty. */
void record_bind_text(sqlite3_stmt *st, int i, const char *s);
/* Bind the words of query, folded (no case, no accents, đ = d), to the
 * parameters first .. first + RECORD_SEARCH_WORDS - 1; unused ones get ""
 * (which instr() finds everywhere). */
void record_bind_search(sqlite3_stmt *st, int first, const char *query);
/* Mark the row uuid of table ("facilities" or "people") deleted,
 * as a new version from this installation, so that sync carries it.
 * 0, or -1 with err. */
int record_tombstone(struct sx_db *db, const char *table, const char *uuid, struct sx_err *err);

#endif
