/* seed.c — load the shipped forms/data CSV files into their tables. */
#include "db/seed.h"

#include <stdlib.h>
#include <string.h>

#include "base/csvread.h"
#include "base/i18n.h"
#include "base/mem.h"

/* Shipped tables, parents first. */
static const char *const seed_tables[] = { "places", "plans", "indicators", NULL };

/* 1 when col is a column of table. */
static int has_column(struct sx_db *db, const char *table, const char *col)
{
	struct sx_err err = {0};
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM pragma_table_info(?) WHERE name = ?", &err);
	int found = 0;
	sx_err_clear(&err);
	if (st) {
		sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, col, -1, SQLITE_STATIC);
		found = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_reset(st);
	}
	return found;
}

/* "INSERT OR IGNORE INTO table (h1, h2, ...) VALUES (?, ?, ...)", or NULL
 * when a header names no column of the table. */
static char *insert_sql(struct sx_db *db, const char *table, const struct csvr_rec *h,
			const char *file, struct sx_err *err)
{
	char *cols = sqlite3_mprintf(""), *vals = sqlite3_mprintf(""), *sets = sqlite3_mprintf("");
	char *sql, *out;

	for (size_t i = 0; i < h->n; i++) {
		char *c, *v;
		if (!has_column(db, table, h->f[i])) {
			sx_err_add(err, file, h->line, _("unknown column \"%s\""), h->f[i]);
			sqlite3_free(cols);
			sqlite3_free(vals);
			sqlite3_free(sets);
			return NULL;
		}
		c = sqlite3_mprintf("%s%s\"%w\"", cols, i ? ", " : "", h->f[i]);
		v = sqlite3_mprintf("%s%s?", vals, i ? ", " : "");
		sqlite3_free(cols);
		sqlite3_free(vals);
		cols = c;
		vals = v;
		c = sqlite3_mprintf("%s%s\"%w\" = excluded.\"%w\"", sets, i ? ", " : "",
				    h->f[i], h->f[i]);
		sqlite3_free(sets);
		sets = c;
	}
	/* A newer shipped version replaces an older one; a row someone edited
	 * (its origin is then their laptop) stays as they left it. */
	sql = sqlite3_mprintf("INSERT INTO \"%w\" (%s) VALUES (%s) ON CONFLICT (uuid) DO UPDATE"
			      " SET %s WHERE origin = 'shipped' AND excluded.origin = 'shipped'"
			      " AND excluded.updated_at > updated_at", table, cols, vals, sets);
	out = xstrdup(sql);
	sqlite3_free(sql);
	sqlite3_free(cols);
	sqlite3_free(vals);
	sqlite3_free(sets);
	return out;
}

static int load_rows(struct sx_db *db, struct csvr *r, sqlite3_stmt *st, size_t ncols,
		     struct sx_err *err)
{
	const struct csvr_rec *rec;
	int rc, added = 0;

	while ((rc = csvr_next(r, &rec, err)) == 1) {
		if (rec->n != ncols) {
			sx_err_add(err, csvr_name(r), rec->line, _("expected %zu fields, found %zu"),
				   ncols, rec->n);
			return -1;
		}
		sqlite3_reset(st);
		for (size_t i = 0; i < rec->n; i++) {
			if (rec->len[i])
				sqlite3_bind_text(st, (int)i + 1, rec->f[i], (int)rec->len[i], SQLITE_STATIC);
			else
				sqlite3_bind_null(st, (int)i + 1);
		}
		if (sqlite3_step(st) != SQLITE_DONE) {
			sx_err_add(err, csvr_name(r), rec->line, "%s", sqlite3_errmsg(db_sqlite(db)));
			return -1;
		}
		added += sqlite3_changes(db_sqlite(db));
	}
	return rc < 0 ? -1 : added;
}

static int load_table(struct sx_db *db, const char *datadir, const char *table, struct sx_err *err)
{
	char *path = xasprintf("%s/forms/data/%s.csv", datadir, table), *sql = NULL;
	struct csvr *r = csvr_open(path, 0, err);
	const struct csvr_rec *h;
	sqlite3_stmt *st = NULL;
	int added = -1;

	if (!r)
		goto out;
	if (csvr_next(r, &h, err) != 1) {
		if (!sx_err_count(err))
			sx_err_add(err, path, 0, _("the file is empty"));
		goto out;
	}
	size_t ncols = h->n;
	sql = insert_sql(db, table, h, path, err);
	if (!sql)
		goto out;
	if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) != SQLITE_OK) {
		db_fail(db, err);
		goto out;
	}
	added = load_rows(db, r, st, ncols, err);
out:
	sqlite3_finalize(st);
	csvr_close(r);
	free(sql);
	free(path);
	return added;
}

int seed_load(struct sx_db *db, const char *datadir, struct sx_err *err)
{
	int total = 0;

	if (db_exec(db, "BEGIN IMMEDIATE", err) != 0)
		return -1;
	for (size_t i = 0; seed_tables[i]; i++) {
		int n = load_table(db, datadir, seed_tables[i], err);
		if (n < 0) {
			db_exec(db, "ROLLBACK", err);
			return -1;
		}
		total += n;
	}
	if (db_exec(db, "COMMIT", err) != 0)
		return -1;
	return total;
}
