/* places.c — reading the places list. */
#include "records/places.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"

static char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return xstrdup(s ? (const char *)s : "");
}

int places_districts(struct sx_db *db, struct place_list *out, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT uuid, code, kind, name FROM places"
		" WHERE deleted = 0 AND kind IN ('city', 'district', 'town')"
		" ORDER BY kind <> 'city', code, name", err);
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct place *p;
		if (out->n == cap) {
			cap = cap ? cap * 2 : 16;
			out->v = xreallocarray(out->v, cap, sizeof *out->v);
		}
		p = &out->v[out->n++];
		snprintf(p->uuid, sizeof p->uuid, "%s", (const char *)sqlite3_column_text(st, 0));
		p->code = col(st, 1);
		p->kind = col(st, 2);
		p->name = col(st, 3);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		places_free(out);
		return db_fail(db, err);
	}
	return 0;
}

char *places_name(struct sx_db *db, const char *uuid)
{
	struct sx_err err = {0};
	sqlite3_stmt *st = db_stmt(db, "SELECT name FROM places WHERE uuid = ?", &err);
	char *name = NULL;

	sx_err_clear(&err);
	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		name = col(st, 0);
	sqlite3_reset(st);
	return name;
}

void places_free(struct place_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].code);
		free(l->v[i].kind);
		free(l->v[i].name);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}
