/* record.c — shared pieces of the registries. */
#include "records/record.h"

#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/mem.h"
#include "base/text.h"

void record_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	char *nfc = s && *s ? text_nfc(s) : NULL;
	char *t = nfc ? text_trim(nfc) : NULL;
	free(nfc);
	if (t && *t) {
		sqlite3_bind_text(st, i, t, -1, free);
	} else {
		free(t);
		sqlite3_bind_null(st, i);
	}
}

void record_bind_search(sqlite3_stmt *st, int first, const char *query)
{
	char *folded = text_fold(query ? query : ""), *save = NULL;
	char *w = folded ? strtok_r(folded, " ", &save) : NULL;

	for (int i = 0; i < RECORD_SEARCH_WORDS; i++) {
		sqlite3_bind_text(st, first + i, w ? w : "", -1, SQLITE_TRANSIENT);
		w = w ? strtok_r(NULL, " ", &save) : NULL;
	}
	free(folded);
}

/* One constant statement per table, so db_stmt() can cache it. */
static const struct {
	const char *table;
	const char *sql;
} tombstones[] = {
	{ "facilities", "UPDATE facilities SET deleted = 1, updated_at = ?, origin = ?"
			" WHERE uuid = ? AND deleted = 0" },
	{ "people", "UPDATE people SET deleted = 1, updated_at = ?, origin = ?"
		    " WHERE uuid = ? AND deleted = 0" },
};

int record_tombstone(struct sx_db *db, const char *table, const char *uuid, struct sx_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	for (size_t i = 0; i < sizeof tombstones / sizeof tombstones[0]; i++)
		if (strcmp(tombstones[i].table, table) == 0)
			st = db_stmt(db, tombstones[i].sql, err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, clock_now_ms());
	sqlite3_bind_text(st, 2, db_origin(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, uuid, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}
