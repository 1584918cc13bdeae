/* record.c — shared plumbing of the registries: rows into structs and
 * back through bound statements. */
#include "records/record.h"

#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/text.h"
#include "base/uuid.h"

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

/* The member a field names in the struct rec. */
static void *member(void *rec, const struct record_field *f)
{
	return (char *)rec + f->at;
}

void record_load(const struct record_shape *shape, sqlite3_stmt *st, void *out)
{
	for (size_t i = 0; i < shape->nfields; i++) {
		const struct record_field *f = &shape->fields[i];
		const unsigned char *s = sqlite3_column_text(st, (int)i);
		switch (f->type) {
		case RECORD_UUID:
			snprintf(member(out, f), 37, "%s", s ? (const char *)s : "");
			break;
		case RECORD_NAME:
		case RECORD_TEXT:
			*(char **)member(out, f) = s ? xstrdup((const char *)s) : NULL;
			break;
		default:
			*(int *)member(out, f) = sqlite3_column_int(st, (int)i);
			break;
		}
	}
}

void record_clear(const struct record_shape *shape, void *rec)
{
	for (size_t i = 0; i < shape->nfields; i++) {
		const struct record_field *f = &shape->fields[i];
		if (f->type == RECORD_NAME || f->type == RECORD_TEXT)
			free(*(char **)member(rec, f));
	}
	memset(rec, 0, shape->size);
}

long record_rows(struct sx_db *db, sqlite3_stmt *st, const struct record_shape *shape,
		 void **rows, struct sx_err *err)
{
	size_t n = 0, cap = 0;
	int rc;

	*rows = NULL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *row;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			*rows = xreallocarray(*rows, cap, shape->size);
		}
		row = (char *)*rows + n++ * shape->size;
		memset(row, 0, shape->size);
		record_load(shape, st, row);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		record_rows_free(shape, *rows, n);
		*rows = NULL;
		return db_fail(db, err);
	}
	return (long)n;
}

void record_rows_free(const struct record_shape *shape, void *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		record_clear(shape, (char *)rows + i * shape->size);
	free(rows);
}

long record_search(struct sx_db *db, const char *sql, const char *query, size_t limit,
		   const struct record_shape *shape, void **rows, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);

	*rows = NULL;
	if (!st)
		return -1;
	record_bind_search(st, 1, query);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)limit);
	return record_rows(db, st, shape, rows, err);
}

int record_get(struct sx_db *db, const struct record_kind *kind, const char *uuid, void *rec,
	       struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, kind->get_sql, err);
	int rc;

	memset(rec, 0, kind->shape.size);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		record_load(&kind->shape, st, rec);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		sx_err_add(err, NULL, 0, _(kind->unknown), uuid);
	else
		db_fail(db, err);
	return -1;
}

/* The record's name, trimmed NFC, when it is there and the kind's rules
 * hold; else NULL with err.  Caller frees. */
static char *checked_name(const struct record_kind *kind, const void *rec, struct sx_err *err)
{
	const char *raw = *(char *const *)((const char *)rec + kind->shape.fields[1].at);
	char *nfc = raw ? text_nfc(raw) : NULL;
	char *name = text_trim(nfc ? nfc : "");

	free(nfc);
	if (!*name) {
		free(name);
		sx_err_add(err, NULL, 0, "%s", _(kind->nameless));
		return NULL;
	}
	if (kind->check && kind->check(rec, err) != 0) {
		free(name);
		return NULL;
	}
	return name;
}

/* Bind field i (after the uuid and the name) to its parameter, 5 + i. */
static void bind_field(sqlite3_stmt *st, const struct record_field *f, int i, void *rec)
{
	int v;

	if (f->type == RECORD_TEXT || f->type == RECORD_NAME) {
		record_bind_text(st, 5 + i, *(char **)member(rec, f));
		return;
	}
	v = *(int *)member(rec, f);
	if (f->type == RECORD_BOOL)
		v = v != 0;
	if (f->type != RECORD_YEAR || v)
		sqlite3_bind_int(st, 5 + i, v);
}

int record_save(struct sx_db *db, const struct record_kind *kind, void *rec, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, kind->save_sql, err);
	char *name = checked_name(kind, rec, err);
	char *uuid = member(rec, &kind->shape.fields[0]);
	int rc;

	if (!name || !st) {
		free(name);
		return -1;
	}
	if (!uuid[0])
		uuid_v7(uuid);
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, clock_now_ms());
	sqlite3_bind_text(st, 3, db_origin(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, text_fold(name), -1, free);
	sqlite3_bind_text(st, 5, text_collate_key(name), -1, free);
	sqlite3_bind_text(st, 6, name, -1, free);
	for (size_t i = 2; i < kind->shape.nfields; i++)
		bind_field(st, &kind->shape.fields[i], (int)i, rec);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

int record_delete(struct sx_db *db, const struct record_kind *kind, const char *uuid,
		  struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, kind->delete_sql, err);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, clock_now_ms());
	sqlite3_bind_text(st, 2, db_origin(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, uuid, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}
