/* sync_export.c — database → CSV files → manifest, atomically. */
#include "sync/sync_export.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/clock.h"
#include "base/csvwrite.h"
#include "base/i18n.h"
#include "sync/manifest.h"
#include "base/mem.h"
#include "base/paths.h"
#include "base/platform.h"
#include "db/schema.h"
#include "sync/sync_table.h"
#include "sync/sync_tmp.h"

/* More than the synced tables (db/schema.h). */
#define SYNC_MAX_TABLES 32
#include "base/text.h"

/* With --place: which rows of each table belong to the place.  pl is the
 * place and everything below it, fac/ses/asm its facilities, sessions and
 * assessments.  People come along when they belong to the place, work at one
 * of its facilities, or take part in one of its sessions, so that the
 * attendance exported can be imported.  Tables not listed (places, plans,
 * indicators, organisations: small shared lists) go out whole. */
static const struct { const char *table, *where; } place_rows[] = {
	{ "facilities", "place_uuid IN pl" },
	{ "people", "place_uuid IN pl OR facility_uuid IN fac"
		    " OR uuid IN (SELECT person_uuid FROM participants WHERE session_uuid IN ses)"
		    " OR uuid IN (SELECT person_uuid FROM attendance WHERE session_uuid IN ses)" },
	{ "sessions", "place_uuid IN pl" },
	{ "participants", "session_uuid IN ses" },
	{ "attendance", "session_uuid IN ses" },
	{ "assessments", "facility_uuid IN fac" },
	{ "answers", "assessment_uuid IN asm" },
	/* organisations go out whole, like the other shared lists */
	{ "org_roles", "session_uuid IN ses OR assessment_uuid IN asm" },
};

static const char place_cte[] =
	"WITH RECURSIVE pl(u) AS (SELECT ?1 UNION SELECT p.uuid FROM places p JOIN pl ON p.parent_uuid = pl.u),"
	" fac(u) AS (SELECT uuid FROM facilities WHERE place_uuid IN pl),"
	" ses(u) AS (SELECT uuid FROM sessions WHERE place_uuid IN pl),"
	" asm(u) AS (SELECT uuid FROM assessments WHERE facility_uuid IN fac) ";

static const char *place_where(const char *table)
{
	for (size_t i = 0; i < sizeof place_rows / sizeof place_rows[0]; i++)
		if (strcmp(place_rows[i].table, table) == 0)
			return place_rows[i].where;
	return "1";
}

/* The uuid of the place named by code or name (folded), into out. */
static int find_place(struct sx_db *db, const char *arg, char out[37], struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT uuid, name FROM places WHERE deleted = 0", err);
	char *want = text_fold(arg);
	int found = 0;

	if (!st || !want) {
		free(want);
		return -1;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		char *name = text_fold((const char *)sqlite3_column_text(st, 1));
		int hit = name && strcmp(name, want) == 0;
		free(name);
		if (hit && found++ == 0)
			snprintf(out, 37, "%s", (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_reset(st);
	st = db_stmt(db, "SELECT uuid FROM places WHERE code = ? AND deleted = 0", err);
	if (st && !found) {
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW)
			if (found++ == 0)
				snprintf(out, 37, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_reset(st);
	}
	free(want);
	if (found == 1)
		return 0;
	sx_err_add(err, NULL, 0, found ? _("more than one place is called '%s'; give its code")
			      : _("no place has the code or name '%s'"), arg);
	return -1;
}

/* A REAL as the shortest text that reads back as the same double. */
static size_t fmt_real(double v, char *out, size_t n)
{
	char *comma;

	snprintf(out, n, "%.15g", v);
	if (strtod(out, NULL) != v)
		snprintf(out, n, "%.17g", v);
	if ((comma = strchr(out, ',')) != NULL)
		*comma = '.'; /* a decimal-comma LC_NUMERIC */
	return strlen(out);
}

void sync_iso(struct sync_iso *c, long long ms, char out[25])
{
	static const long long year_10000 = 253402300800000LL;
	long long day = ms / 86400000, rem = ms % 86400000;
	int f[4];

	if (ms < 0 || ms >= year_10000 || day != c->day) {
		clock_iso(ms, out);
		memcpy(c->date, out, 10);
		c->day = ms < 0 || ms >= year_10000 ? -1 : day;
		return;
	}
	f[0] = (int)(rem / 3600000), f[1] = (int)(rem / 60000 % 60);
	f[2] = (int)(rem / 1000 % 60), f[3] = (int)(rem % 1000);
	memcpy(out, c->date, 10);
	out[10] = 'T', out[13] = ':', out[16] = ':', out[19] = '.', out[23] = 'Z', out[24] = '\0';
	for (int i = 0; i < 3; i++) {
		out[11 + 3 * i] = (char)('0' + f[i] / 10);
		out[12 + 3 * i] = (char)('0' + f[i] % 10);
	}
	out[20] = (char)('0' + f[3] / 100);
	out[21] = (char)('0' + f[3] / 10 % 10);
	out[22] = (char)('0' + f[3] % 10);
}

static void write_value(struct csvw *w, sqlite3_stmt *st, int i, int kind, struct sync_iso *iso)
{
	char buf[40];
	int type = sqlite3_column_type(st, i);

	if (type == SQLITE_NULL) {
		csvw_field(w, "", 0, 0);
	} else if (kind == SYNC_TIME && type == SQLITE_INTEGER) {
		sync_iso(iso, sqlite3_column_int64(st, i), buf);
		csvw_field(w, buf, 24, 0);
	} else if (type == SQLITE_FLOAT) {
		csvw_field(w, buf, fmt_real(sqlite3_column_double(st, i), buf, sizeof buf), 0);
	} else {
		const char *s = (const char *)sqlite3_column_text(st, i);
		csvw_field(w, s, (size_t)sqlite3_column_bytes(st, i), kind == SYNC_TEXT);
	}
}

static char *select_sql(const struct sync_table *t, const char *place_uuid)
{
	char *cols = sqlite3_mprintf(""), *sql, *out;

	for (size_t i = 0; i < t->ncols; i++) {
		char *c = sqlite3_mprintf("%s%s\"%w\"", cols, i ? ", " : "", t->cols[i].name);
		sqlite3_free(cols);
		cols = c;
	}
	sql = sqlite3_mprintf("%sSELECT %s FROM \"%w\" WHERE (%s) AND (?2 IS NULL OR updated_at >= ?2)"
			      " ORDER BY uuid", place_uuid ? place_cte : "", cols, t->name,
			      place_uuid ? place_where(t->name) : "1");
	out = xstrdup(sql);
	sqlite3_free(sql);
	sqlite3_free(cols);
	return out;
}

/* Tables in an export, for the progress hook. */
static int ntables(void)
{
	int n = 0;

	while (schema_synced_tables[n])
		n++;
	return n;
}

/* The caller's progress hook, if any: done says how many tables are written. */
static void report_progress(const struct sync_export_opts *o, const char *table,
		 const struct sync_export_result *done, long long rows)
{
	if (o->on_progress)
		o->on_progress(o->progress_arg, table, done->files, ntables(), rows);
}

/* Write one table to path; its row count and digest go to the manifest.
 * done is what the tables before it wrote (for the progress hook). */
static int export_table(struct sx_db *db, const struct sync_table *t, const char *path,
			const char *place_uuid, const struct sync_export_opts *o,
			const struct sync_export_result *done,
			long long *rows, char hex[65], struct sx_err *err)
{
	char *sql = select_sql(t, place_uuid);
	sqlite3_stmt *st = NULL;
	struct csvw *w;
	struct sync_iso iso = { .day = -1 };
	int rc;

	*rows = 0;
	if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) != SQLITE_OK) {
		free(sql);
		return db_fail(db, err);
	}
	free(sql);
	if (!(w = csvw_create(path, o->spreadsheet, err))) {
		sqlite3_finalize(st);
		return -1;
	}
	if (place_uuid)
		sqlite3_bind_text(st, 1, place_uuid, -1, SQLITE_STATIC);
	if (o->since >= 0)
		sqlite3_bind_int64(st, 2, o->since);
	for (size_t i = 0; i < t->ncols; i++)
		csvw_field(w, t->cols[i].name, strlen(t->cols[i].name), 0);
	csvw_end_row(w);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (size_t i = 0; i < t->ncols; i++)
			write_value(w, st, (int)i, t->cols[i].kind, &iso);
		csvw_end_row(w);
		if ((++*rows & 4095) == 0)
			report_progress(o, t->name, done, done->rows + *rows);
	}
	if (rc != SQLITE_DONE) {
		db_fail(db, err);
		sqlite3_finalize(st);
		csvw_abort(w);
		return -1;
	}
	sqlite3_finalize(st);
	return csvw_close(w, hex, err);
}

/* Every table into tmp, then the manifest; all synced to disk. */
static int write_all(struct sx_db *db, const char *tmp, const struct sync_export_opts *o,
		     struct manifest *m, struct sync_export_result *res, struct sx_err *err)
{
	char place_uuid[37], hex[65];
	int rc = 0;

	if (db_exec(db, "BEGIN", err) != 0)
		return -1;
	if (o->place && find_place(db, o->place, place_uuid, err) != 0)
		rc = -1;
	for (size_t i = 0; rc == 0 && schema_synced_tables[i]; i++) {
		struct sync_table t;
		char *name = xasprintf("%s.csv", schema_synced_tables[i]);
		char *path = xasprintf("%s/%s", tmp, name);
		long long rows;
		rc = sync_table_load(db_sqlite(db), schema_synced_tables[i], &t, err);
		report_progress(o, schema_synced_tables[i], res, res->rows);
		if (rc == 0)
			rc = export_table(db, &t, path, o->place ? place_uuid : NULL, o, res, &rows,
					  hex, err);
		if (rc == 0) {
			manifest_add(m, name, rows, hex);
			res->rows += rows;
			res->files++;
		}
		sync_table_free(&t);
		free(name);
		free(path);
	}
	db_exec(db, "COMMIT", err);
	if (rc == 0)
		report_progress(o, "", res, res->rows);
	if (rc == 0) {
		char *mp = xasprintf("%s/%s", tmp, MANIFEST_NAME);
		rc = manifest_write(m, mp, err);
		free(mp);
	}
	return rc == 0 && platform_fsync_dir(tmp) != 0 ? -1 : rc;
}

/* Move the files from tmp into dir, the manifest last. */
static int publish(const char *tmp, const char *dir, const struct manifest *m, struct sx_err *err)
{
	char *old = xasprintf("%s/%s", dir, MANIFEST_NAME);
	int rc = 0;

	if (unlink(old) != 0 && errno != ENOENT) {
		sx_err_add(err, old, 0, _("cannot remove the old manifest: %s"), strerror(errno));
		rc = -1;
	}
	free(old);
	platform_fsync_dir(dir);
	for (size_t i = 0; rc == 0 && i <= m->nfiles; i++) {
		const char *name = i < m->nfiles ? m->files[i].name : MANIFEST_NAME;
		char *from = xasprintf("%s/%s", tmp, name), *to = xasprintf("%s/%s", dir, name);
		if (platform_rename(from, to) != 0) {
			sx_err_add(err, to, 0, _("cannot write: %s"), strerror(errno));
			rc = -1;
		}
		free(from);
		free(to);
	}
	if (rc == 0 && platform_fsync_dir(dir) != 0) {
		sx_err_add(err, dir, 0, _("cannot write: %s"), strerror(errno));
		rc = -1;
	}
	return rc;
}

int sync_export(struct sx_db *db, const char *dir, const struct sync_export_opts *opts,
		struct sync_export_result *res, struct sx_err *err)
{
	struct manifest m = { .format = MANIFEST_FORMAT, .schema_version = SCHEMA_VERSION };
	char now[25], since[25] = "", *tmp;
	int rc;

	const char *names[SYNC_MAX_TABLES + 2];
	char *owned[SYNC_MAX_TABLES + 1];
	size_t n = 0;

	memset(res, 0, sizeof *res);
	if (paths_mkdirs(dir, err) != 0 || sync_tmp_check_dir(dir, err) != 0)
		return -1;
	sync_tmp_sweep(dir);
	for (; schema_synced_tables[n] && n < SYNC_MAX_TABLES; n++)
		names[n] = owned[n] = xasprintf("%s.csv", schema_synced_tables[n]);
	names[n] = MANIFEST_NAME;
	names[n + 1] = NULL;
	tmp = sync_tmp_create(dir, names, err);
	for (size_t i = 0; i < n; i++)
		free(owned[i]);
	if (!tmp)
		return -1;
	clock_iso(clock_now_ms(), now);
	if (opts->since >= 0)
		clock_iso(opts->since, since);
	m.installation = xstrdup(db_origin(db));
	m.exported_at = xstrdup(now);
	m.since = xstrdup(since);
	m.place = xstrdup(opts->place ? opts->place : "");
	m.spreadsheet = opts->spreadsheet;
	rc = write_all(db, tmp, opts, &m, res, err);
	if (rc == 0)
		rc = publish(tmp, dir, &m, err);
	sync_tmp_remove(tmp);
	manifest_free(&m);
	return rc;
}
