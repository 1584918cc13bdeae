/* sync_table.c — a synced table's columns, kinds and keys, from SQLite. */
#include "sync/sync_table.h"

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/mem.h"
#include "db/schema.h"

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);
	return n >= m && strcmp(s + n - m, tail) == 0;
}

/* The kind a column travels as; see the header for the naming rules. */
static int kind_of(const char *name, const char *type)
{
	if (strcasecmp(type, "INTEGER") == 0)
		return ends_with(name, "_at") ? SYNC_TIME : SYNC_INT;
	if (strcasecmp(type, "REAL") == 0)
		return SYNC_REAL;
	if (strcmp(name, "day") == 0 || ends_with(name, "_date") || ends_with(name, "_on") ||
	    strncmp(name, "period_", 7) == 0)
		return SYNC_DATE;
	return SYNC_TEXT;
}

static int prep(sqlite3 *db, const char *sql, const char *table, sqlite3_stmt **st,
		struct sx_err *err)
{
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK) {
		sx_err_add(err, NULL, 0, "%s", sqlite3_errmsg(db));
		return -1;
	}
	sqlite3_bind_text(*st, 1, table, -1, SQLITE_STATIC);
	return 0;
}

static int load_cols(sqlite3 *db, struct sync_table *t, struct sx_err *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;

	if (prep(db, "SELECT name, type, \"notnull\" FROM pragma_table_info(?1) ORDER BY cid",
		 t->name, &st, err) != 0)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct sync_col *c;
		if (t->ncols == cap) {
			cap = cap ? cap * 2 : 16;
			t->cols = xreallocarray(t->cols, cap, sizeof *t->cols);
		}
		c = &t->cols[t->ncols++];
		c->name = xstrdup((const char *)sqlite3_column_text(st, 0));
		c->kind = kind_of(c->name, (const char *)sqlite3_column_text(st, 1));
		c->notnull = sqlite3_column_int(st, 2);
		c->ref = -1;
		c->derived = SYNC_DERIVED_NONE;
		c->src = 0;
	}
	sqlite3_finalize(st);
	/* name_key and sort_key come from the table's name (full_name for people). */
	for (size_t i = 0; i < t->ncols; i++) {
		struct sync_col *c = &t->cols[i];
		int how = strcmp(c->name, "name_key") == 0 ? SYNC_DERIVED_FOLD
			: strcmp(c->name, "sort_key") == 0 ? SYNC_DERIVED_COLLATE : SYNC_DERIVED_NONE;
		for (size_t k = 0; how && k < t->ncols; k++)
			if (strcmp(t->cols[k].name, "name") == 0 || strcmp(t->cols[k].name, "full_name") == 0) {
				c->derived = how;
				c->src = k;
			}
	}
	return 0;
}

static int load_fks(sqlite3 *db, struct sync_table *t, struct sx_err *err)
{
	sqlite3_stmt *st;

	if (prep(db, "SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1)", t->name, &st, err))
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		int c = sync_table_col(t, (const char *)sqlite3_column_text(st, 0));
		const char *parent = (const char *)sqlite3_column_text(st, 1);
		if (c < 0)
			continue;
		t->fks = xreallocarray(t->fks, t->nfks + 1, sizeof *t->fks);
		t->fks[t->nfks].col = (size_t)c;
		t->fks[t->nfks].parent = xstrdup(parent);
		t->cols[c].ref = (int)t->nfks++;
		if (strcmp(parent, t->name) == 0)
			t->self_ref = 1;
	}
	sqlite3_finalize(st);
	return 0;
}

/* The natural key: the columns of the one UNIQUE index made by CREATE INDEX. */
static int load_key(sqlite3 *db, struct sync_table *t, struct sx_err *err)
{
	sqlite3_stmt *st;

	if (prep(db, "SELECT ii.name FROM pragma_index_list(?1) il, pragma_index_info(il.name) ii"
		 " WHERE il.\"unique\" AND il.origin = 'c' ORDER BY il.name, ii.seqno",
		 t->name, &st, err) != 0)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW && t->nkey < 4) {
		int c = sync_table_col(t, (const char *)sqlite3_column_text(st, 0));
		if (c >= 0)
			t->key[t->nkey++] = (size_t)c;
	}
	sqlite3_finalize(st);
	return 0;
}

int sync_table_load(sqlite3 *db, const char *table, struct sync_table *t, struct sx_err *err)
{
	int u, a, o, d;

	memset(t, 0, sizeof *t);
	t->name = xstrdup(table);
	if (load_cols(db, t, err) != 0 || load_fks(db, t, err) != 0 || load_key(db, t, err) != 0)
		return -1;
	u = sync_table_col(t, "uuid");
	a = sync_table_col(t, "updated_at");
	o = sync_table_col(t, "origin");
	d = sync_table_col(t, "deleted");
	if (u < 0 || a < 0 || o < 0 || d < 0) {
		sx_err_add(err, NULL, 0, _("%s: not a synced table"), table);
		return -1;
	}
	t->c_uuid = (size_t)u, t->c_updated = (size_t)a, t->c_origin = (size_t)o;
	t->c_deleted = (size_t)d;
	return 0;
}

void sync_table_free(struct sync_table *t)
{
	for (size_t i = 0; i < t->ncols; i++)
		free(t->cols[i].name);
	for (size_t i = 0; i < t->nfks; i++)
		free(t->fks[i].parent);
	free(t->cols);
	free(t->fks);
	free(t->name);
	memset(t, 0, sizeof *t);
}

int sync_table_col(const struct sync_table *t, const char *name)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i].name, name) == 0)
			return (int)i;
	return -1;
}

int sync_table_index(const char *table)
{
	for (int i = 0; schema_synced_tables[i]; i++)
		if (strcmp(schema_synced_tables[i], table) == 0)
			return i;
	return -1;
}
