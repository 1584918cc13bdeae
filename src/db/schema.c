/* schema.c — tables, indexes and the history triggers, by version. */
#include "db/schema.h"

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/mem.h"

const char *const schema_synced_tables[] = {
	"places", "facilities", "people", "plans", "indicators", "sessions",
	"participants", "attendance", "assessments", "answers",
	"organisations", "org_roles", NULL   /* v2: the support network */
};

/* Columns every synced table carries. */
#define SYNC_COLS \
	"uuid TEXT PRIMARY KEY NOT NULL, " \
	"updated_at INTEGER NOT NULL, " \
	"origin TEXT NOT NULL, " \
	"deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))"

static const char schema_v1[] =
	"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE dupe_ignored (a TEXT NOT NULL, b TEXT NOT NULL, PRIMARY KEY (a, b));"
	/* name_key (text_fold) and sort_key (text_collate_key) are derived from
	 * the name by sxsh when it saves a row; they travel with the row. */
	/* Places as recorded: province, districts, communes; the list is data. */
	"CREATE TABLE places (" SYNC_COLS ", code TEXT, kind TEXT NOT NULL, name TEXT NOT NULL,"
	" parent_uuid TEXT REFERENCES places(uuid));"
	"CREATE TABLE facilities (" SYNC_COLS ", name TEXT NOT NULL, name_key TEXT NOT NULL DEFAULT '',"
	" sort_key TEXT NOT NULL DEFAULT '',"
	" place_uuid TEXT REFERENCES places(uuid), address TEXT, sector TEXT, legal_form TEXT,"
	" products TEXT, cp_potential INTEGER NOT NULL DEFAULT 1, owner TEXT, contact TEXT, phone TEXT,"
	" informed_on TEXT, informed_reason TEXT, note TEXT);"
	"CREATE TABLE people (" SYNC_COLS ", full_name TEXT NOT NULL, name_key TEXT NOT NULL DEFAULT '',"
	" sort_key TEXT NOT NULL DEFAULT '',"
	" gender TEXT, birth_year INTEGER, ethnicity TEXT, phone TEXT, unit TEXT, position TEXT,"
	" place_uuid TEXT REFERENCES places(uuid), category TEXT, on_roster INTEGER NOT NULL DEFAULT 0,"
	" facility_uuid TEXT REFERENCES facilities(uuid), note TEXT);"
	"CREATE TABLE plans (" SYNC_COLS ", code TEXT NOT NULL, title_vi TEXT NOT NULL, title_en TEXT,"
	" decision TEXT, period_start TEXT, period_end TEXT);"
	"CREATE TABLE indicators (" SYNC_COLS ", plan_uuid TEXT NOT NULL REFERENCES plans(uuid),"
	" code TEXT NOT NULL, label_vi TEXT NOT NULL, label_en TEXT, measure TEXT NOT NULL,"
	" target REAL NOT NULL, unit TEXT);"
	"CREATE TABLE sessions (" SYNC_COLS ", kind TEXT NOT NULL, code TEXT, title TEXT NOT NULL,"
	" plan_uuid TEXT REFERENCES plans(uuid), start_date TEXT NOT NULL, end_date TEXT NOT NULL,"
	" venue TEXT, place_uuid TEXT REFERENCES places(uuid), organiser TEXT, trainer TEXT,"
	" topics TEXT, expected INTEGER);"
	"CREATE TABLE participants (" SYNC_COLS ", session_uuid TEXT NOT NULL REFERENCES sessions(uuid),"
	" person_uuid TEXT NOT NULL REFERENCES people(uuid), walk_in INTEGER NOT NULL DEFAULT 0,"
	" allowance INTEGER, note TEXT);"
	"CREATE TABLE attendance (" SYNC_COLS ", session_uuid TEXT NOT NULL REFERENCES sessions(uuid),"
	" person_uuid TEXT NOT NULL REFERENCES people(uuid), day TEXT NOT NULL,"
	" present INTEGER NOT NULL DEFAULT 1);"
	"CREATE TABLE assessments (" SYNC_COLS ", facility_uuid TEXT NOT NULL REFERENCES facilities(uuid),"
	" kind TEXT NOT NULL, form_id TEXT NOT NULL, form_version TEXT NOT NULL,"
	" status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'complete')),"
	" position TEXT, started_at INTEGER NOT NULL, finished_at INTEGER, officer TEXT);"
	"CREATE TABLE answers (" SYNC_COLS ", assessment_uuid TEXT NOT NULL REFERENCES assessments(uuid),"
	" name TEXT NOT NULL, value TEXT NOT NULL);"
	/* Every overwritten or deleted version of a synced row, as JSON. */
	"CREATE TABLE history (id INTEGER PRIMARY KEY, tbl TEXT NOT NULL, uuid TEXT NOT NULL,"
	" updated_at INTEGER NOT NULL, origin TEXT NOT NULL, deleted INTEGER NOT NULL,"
	" data TEXT NOT NULL, saved_at INTEGER NOT NULL, reason TEXT NOT NULL);"
	"CREATE INDEX history_row ON history(tbl, uuid);"
	"CREATE INDEX places_parent ON places(parent_uuid);"
	"CREATE INDEX facilities_place ON facilities(place_uuid);"
	/* Lists walk the *_sort indexes in Vietnamese order, testing name_key
	 * in the index itself, and stop at a screenful; *_key serves the
	 * likely-duplicate lookups. */
	"CREATE INDEX facilities_sort ON facilities(deleted, sort_key, name_key);"
	"CREATE INDEX facilities_key ON facilities(name_key);"
	"CREATE INDEX people_sort ON people(deleted, sort_key, name_key);"
	"CREATE INDEX people_key ON people(name_key);"
	"CREATE INDEX people_facility ON people(facility_uuid);"
	"CREATE INDEX indicators_plan ON indicators(plan_uuid);"
	"CREATE UNIQUE INDEX participants_pair ON participants(session_uuid, person_uuid);"
	"CREATE INDEX participants_person ON participants(person_uuid);"
	"CREATE UNIQUE INDEX attendance_day ON attendance(session_uuid, person_uuid, day);"
	"CREATE INDEX attendance_person ON attendance(person_uuid);"
	"CREATE INDEX assessments_facility ON assessments(facility_uuid);"
	"CREATE UNIQUE INDEX answers_name ON answers(assessment_uuid, name);";

/* History triggers: the old version of a row is kept whenever an update
 * replaces it (a new updated_at or origin) and whenever a row is deleted, so
 * no code path can lose a version. */
static int add_history_triggers(sqlite3 *db, const char *table, struct sx_err *err)
{
	sqlite3_stmt *st;
	char *cols = xstrdup(""), *sql;
	int rc;

	sql = sqlite3_mprintf("SELECT name FROM pragma_table_info(%Q)", table);
	rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK) {
		sx_err_add(err, NULL, 0, "%s", sqlite3_errmsg(db));
		free(cols);
		return -1;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(st, 0);
		char *part = sqlite3_mprintf("%s%s'%q', OLD.\"%w\"", cols, *cols ? ", " : "", c, c);
		free(cols);
		cols = xstrdup(part);
		sqlite3_free(part);
	}
	sqlite3_finalize(st);

	static const char now_ms[] = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";
	sql = sqlite3_mprintf(
		"CREATE TRIGGER \"%w_keep_update\" BEFORE UPDATE ON \"%w\""
		" WHEN OLD.updated_at IS NOT NEW.updated_at OR OLD.origin IS NOT NEW.origin BEGIN"
		" INSERT INTO history (tbl, uuid, updated_at, origin, deleted, data, saved_at, reason)"
		" VALUES (%Q, OLD.uuid, OLD.updated_at, OLD.origin, OLD.deleted, json_object(%s), %s,"
		" 'replaced'); END;"
		"CREATE TRIGGER \"%w_keep_delete\" BEFORE DELETE ON \"%w\" BEGIN"
		" INSERT INTO history (tbl, uuid, updated_at, origin, deleted, data, saved_at, reason)"
		" VALUES (%Q, OLD.uuid, OLD.updated_at, OLD.origin, OLD.deleted, json_object(%s), %s,"
		" 'deleted'); END;",
		table, table, table, cols, now_ms, table, table, table, cols, now_ms);
	free(cols);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK) {
		sx_err_add(err, NULL, 0, "%s", sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

static int migrate_to_1(sqlite3 *db, struct sx_err *err)
{
	if (sqlite3_exec(db, schema_v1, NULL, NULL, NULL) != SQLITE_OK) {
		sx_err_add(err, NULL, 0, "%s", sqlite3_errmsg(db));
		return -1;
	}
	/* The tables of version 1 only: later steps add their own triggers. */
	for (size_t i = 0; schema_synced_tables[i]; i++) {
		if (strcmp(schema_synced_tables[i], "organisations") == 0)
			break;
		if (add_history_triggers(db, schema_synced_tables[i], err) != 0)
			return -1;
	}
	return 0;
}

/* v2: the network of CP support organisations (records/orgs.h) and the
 * part each took in a session (organiser, trainer) or an assessment
 * (adviser).  sectors holds facility sector codes separated by spaces. */
static const char schema_v2_orgs[] =
	"CREATE TABLE organisations (" SYNC_COLS ", name TEXT NOT NULL,"
	" name_key TEXT NOT NULL DEFAULT '', sort_key TEXT NOT NULL DEFAULT '',"
	" kind TEXT NOT NULL, sectors TEXT, contact_name TEXT, phone TEXT, email TEXT,"
	" address TEXT, place_uuid TEXT REFERENCES places(uuid), note TEXT);"
	"CREATE TABLE org_roles (" SYNC_COLS ", org_uuid TEXT NOT NULL REFERENCES organisations(uuid),"
	" role TEXT NOT NULL, session_uuid TEXT REFERENCES sessions(uuid),"
	" assessment_uuid TEXT REFERENCES assessments(uuid), note TEXT);"
	"CREATE INDEX organisations_sort ON organisations(deleted, sort_key, name_key);"
	"CREATE INDEX org_roles_org ON org_roles(org_uuid);"
	"CREATE INDEX org_roles_session ON org_roles(session_uuid);"
	"CREATE INDEX org_roles_assessment ON org_roles(assessment_uuid);";

static int migrate_to_2_orgs(sqlite3 *db, struct sx_err *err)
{
	if (sqlite3_exec(db, schema_v2_orgs, NULL, NULL, NULL) != SQLITE_OK) {
		sx_err_add(err, NULL, 0, "%s", sqlite3_errmsg(db));
		return -1;
	}
	if (add_history_triggers(db, "organisations", err) != 0 ||
	    add_history_triggers(db, "org_roles", err) != 0)
		return -1;
	return 0;
}

/* Version 3 (issue 12): places get validity dates and the unit each old
 * one went into (the 2025 reform); plans can be closed; an indicator row
 * with a year or a place is a per-year or per-area target of the
 * indicator of the same code (target NULL: none set); people in the
 * officer categories are on the roster unless excluded by hand; shipped
 * rows cite their source. */
static const char schema_v3_plans[] =
	"ALTER TABLE places ADD COLUMN valid_from TEXT;"
	"ALTER TABLE places ADD COLUMN valid_to TEXT;"
	"ALTER TABLE places ADD COLUMN successor_uuid TEXT REFERENCES places(uuid);"
	"ALTER TABLE places ADD COLUMN source TEXT;"
	"ALTER TABLE plans ADD COLUMN closed_on TEXT;"
	"ALTER TABLE plans ADD COLUMN source TEXT;"
	"ALTER TABLE people ADD COLUMN roster_excluded INTEGER DEFAULT 0;"
	"DROP TRIGGER indicators_keep_update; DROP TRIGGER indicators_keep_delete;"
	"CREATE TABLE indicators_v2 (" SYNC_COLS ", plan_uuid TEXT NOT NULL REFERENCES plans(uuid),"
	" code TEXT NOT NULL, label_vi TEXT NOT NULL, label_en TEXT, measure TEXT NOT NULL,"
	" target REAL, unit TEXT, year INTEGER, place_uuid TEXT REFERENCES places(uuid),"
	" source TEXT);"
	"INSERT INTO indicators_v2 (uuid, updated_at, origin, deleted, plan_uuid, code, label_vi,"
	" label_en, measure, target, unit) SELECT uuid, updated_at, origin, deleted, plan_uuid,"
	" code, label_vi, label_en, measure, target, unit FROM indicators;"
	"DROP TABLE indicators;"
	"ALTER TABLE indicators_v2 RENAME TO indicators;"
	"CREATE INDEX indicators_plan ON indicators(plan_uuid, code);"
	"CREATE INDEX places_successor ON places(successor_uuid);";

/* Recreate a table's history triggers so that they copy its new columns. */
static int renew_history_triggers(sqlite3 *db, const char *table, struct sx_err *err)
{
	char *sql = sqlite3_mprintf("DROP TRIGGER IF EXISTS \"%w_keep_update\";"
				    "DROP TRIGGER IF EXISTS \"%w_keep_delete\";", table, table);
	int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK) {
		sx_err_add(err, NULL, 0, "%s", sqlite3_errmsg(db));
		return -1;
	}
	return add_history_triggers(db, table, err);
}

static int migrate_to_3_plans(sqlite3 *db, struct sx_err *err)
{
	static const char *const changed[] = { "places", "plans", "people", "indicators", NULL };
	if (sqlite3_exec(db, schema_v3_plans, NULL, NULL, NULL) != SQLITE_OK) {
		sx_err_add(err, NULL, 0, "%s", sqlite3_errmsg(db));
		return -1;
	}
	for (size_t i = 0; changed[i]; i++)
		if (renew_history_triggers(db, changed[i], err) != 0)
			return -1;
	return 0;
}

/* Version 4 (issue 14): a trigram index over the search key of people and
 * facilities (FTS5, external content: the index holds only the trigrams
 * and a rowid; records/namesearch.h uses it), kept by triggers so that
 * every path that writes a row (saving, sync import, merging, the sqlite3
 * shell) keeps it, and filled from the rows already there.  Since version 7
 * the indexed text is the key followed by two spaces, so that every
 * character of the key starts a trigram: a word of one or two characters is
 * then found through the trigrams that begin with it, listed by the
 * vocabulary table <table>_fts_vocab (fts5vocab).
 *
 * Since version 8 the index's rowid is the row's rank in the walk's order
 * (sort_key, name_key, rowid) among the rows not deleted, kept in
 * <table>_rank (rank, id = the table's rowid), so that "MATCH ... ORDER BY
 * rowid LIMIT n" gives the first screenful in Vietnamese order without
 * looking at the other candidates.  Ranks are SCHEMA_RANK_GAP apart when
 * numbered; a new row takes the middle of its neighbours' ranks, at most
 * 2^20 after the one before (or the last rank + the gap), and when its neighbours' ranks are adjacent every
 * row is numbered again and the index rebuilt (a marker row, rank -1, says
 * so to the trigger's later statements; the numbering is joined to it, so
 * that it costs nothing when the marker is not there: a WHERE that does
 * not name a table would not stop the scans).  Tombstones are in neither. */
/* The rank of the nearest ranked row before (cmp <, dir DESC) or after NEW
 * in the walk's order: among the rows with the same keys by rowid, else
 * among those with the same sort_key by name_key, else by sort_key (three
 * seeks: with a row value SQLite seeks on the first column only and scans
 * the rows that share it, every row of a table whose keys are all ''). */
#define NEAR(where, order) \
	"(SELECT r.rank FROM \"@\" y CROSS JOIN \"@_rank\" r ON r.id = y.rowid" \
	" WHERE y.deleted = 0 AND r.rank > 0 AND " where " ORDER BY " order " LIMIT 1)"
#define RANK_OF(cmp, dir) \
	"coalesce(" NEAR("y.sort_key = NEW.sort_key AND y.name_key = NEW.name_key AND y.rowid " \
			 cmp " NEW.rowid", "y.rowid " dir) ", " \
	NEAR("y.sort_key = NEW.sort_key AND y.name_key " cmp " NEW.name_key", \
	     "y.name_key " dir ", y.rowid " dir) ", " \
	NEAR("y.sort_key " cmp " NEW.sort_key", "y.sort_key " dir ", y.name_key " dir \
	     ", y.rowid " dir) ")"
#define LO "coalesce(" RANK_OF("<", "DESC") ", 0)"
#define HI RANK_OF(">", "ASC")
#define GAP_S "1099511627776"
#define MAX_S "9223372036854775807"
/* At most this far after the row before: rows put one after another into
 * one gap (ties end in rowid order, so rows of equal keys always come so)
 * take 2^20 of it each, not half of what is left. */
#define STEP_S "1048576"
/* Place NEW (when cond) in the rank table and the index. */
#define PLACE(cond) \
	" INSERT INTO \"@_rank\" (rank, id) SELECT -1, -1 WHERE " cond " AND CASE WHEN " HI \
	" IS NULL THEN " LO " >= " MAX_S " - 1 ELSE " HI " - " LO " < 2 END;" \
	" DELETE FROM \"@_rank\" WHERE rank IN (SELECT r.rank FROM \"@_rank\" m CROSS JOIN \"@_rank\" r" \
	" WHERE m.rank = -1 AND r.rank > 0);" \
	" INSERT INTO \"@_rank\" (rank, id) SELECT w.n * " GAP_S ", w.id FROM \"@_rank\" m CROSS JOIN" \
	" (SELECT row_number() OVER (ORDER BY sort_key, name_key, rowid) AS n, rowid AS id" \
	" FROM \"@\" WHERE deleted = 0 AND rowid <> NEW.rowid) w WHERE m.rank = -1;" \
	" INSERT INTO \"@_fts\" (\"@_fts\") SELECT 'rebuild' WHERE EXISTS" \
	" (SELECT 1 FROM \"@_rank\" WHERE rank = -1);" \
	" DELETE FROM \"@_rank\" WHERE rank = -1;" \
	" INSERT INTO \"@_rank\" (rank, id) SELECT CASE WHEN " HI " IS NOT NULL THEN " LO \
	" + min((" HI " - " LO ") / 2, " STEP_S ") WHEN " LO " > " MAX_S " - " GAP_S " THEN " LO \
	" + (" MAX_S " - " LO ") / 2 ELSE " LO " + " GAP_S " END, NEW.rowid WHERE " cond ";" \
	" INSERT INTO \"@_fts\" (rowid, name_key) SELECT rank, NEW.name_key || '  '" \
	" FROM \"@_rank\" WHERE id = NEW.rowid AND " cond ";"
/* Take OLD out of the index and the rank table. */
#define UNPLACE \
	" INSERT INTO \"@_fts\" (\"@_fts\", rowid, name_key) SELECT 'delete', rank," \
	" OLD.name_key || '  ' FROM \"@_rank\" WHERE id = OLD.rowid;" \
	" DELETE FROM \"@_rank\" WHERE id = OLD.rowid;"

/* tmpl with every @ replaced by the identifier t (its quotes doubled, for
 * use inside "..."); sqlite3_free() it, NULL when out of memory. */
static char *named(const char *tmpl, const char *t)
{
	sqlite3_str *s = sqlite3_str_new(NULL);

	for (const char *c = tmpl; *c; c++) {
		if (*c != '@') {
			sqlite3_str_appendchar(s, 1, *c);
			continue;
		}
		for (const char *n = t; *n; n++)
			sqlite3_str_appendchar(s, *n == '"' ? 2 : 1, *n);
	}
	return sqlite3_str_finish(s);
}

char *schema_fts_trigger(const char *t, int which)
{
	switch (which) {
	case 0:
		return named("CREATE TRIGGER \"@_fts_insert\" AFTER INSERT ON \"@\""
			     " WHEN NEW.deleted = 0 BEGIN" PLACE("1") " END", t);
	case 1:
		return named("CREATE TRIGGER \"@_fts_delete\" AFTER DELETE ON \"@\" BEGIN"
			     UNPLACE " END", t);
	default:
		return named("CREATE TRIGGER \"@_fts_update\" AFTER UPDATE OF deleted, sort_key,"
			     " name_key ON \"@\" WHEN OLD.deleted IS NOT NEW.deleted"
			     " OR OLD.sort_key IS NOT NEW.sort_key OR OLD.name_key IS NOT NEW.name_key"
			     " BEGIN" UNPLACE PLACE("NEW.deleted = 0") " END", t);
	}
}

char *schema_rank_sql(const char *t)
{
	return named("DELETE FROM \"@_rank\";"
		     "INSERT INTO \"@_rank\" (rank, id) SELECT row_number() OVER (ORDER BY sort_key,"
		     " name_key, rowid) * " GAP_S ", rowid FROM \"@\" WHERE deleted = 0;"
		     "INSERT INTO \"@_fts\" (\"@_fts\") VALUES ('rebuild');", t);
}

static int exec_free(sqlite3 *db, char *sql, struct sx_err *err)
{
	int rc = sql ? sqlite3_exec(db, sql, NULL, NULL, NULL) : SQLITE_NOMEM;

	sqlite3_free(sql);
	if (rc != SQLITE_OK) {
		sx_err_add(err, NULL, 0, "%s", sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

int schema_search_index(sqlite3 *db, struct sx_err *err)
{
	static const char *const tables[] = { "people", "facilities", NULL };
	for (size_t i = 0; tables[i]; i++) {
		const char *t = tables[i];
		if (exec_free(db, named(
			"DROP TRIGGER IF EXISTS \"@_fts_insert\";"
			"DROP TRIGGER IF EXISTS \"@_fts_delete\";"
			"DROP TRIGGER IF EXISTS \"@_fts_update\";"
			"DROP TABLE IF EXISTS \"@_fts_vocab\";"
			"DROP TABLE IF EXISTS \"@_fts\";"
			"DROP VIEW IF EXISTS \"@_fts_text\";"
			"DROP TABLE IF EXISTS \"@_rank\";"
			"CREATE TABLE \"@_rank\" (rank INTEGER PRIMARY KEY, id INTEGER NOT NULL);"
			"CREATE UNIQUE INDEX \"@_rank_id\" ON \"@_rank\" (id);"
			"CREATE VIEW \"@_fts_text\" (id, name_key) AS"
			" SELECT r.rank, x.name_key || '  ' FROM \"@_rank\" r JOIN \"@\" x ON x.rowid = r.id;"
			"CREATE VIRTUAL TABLE \"@_fts\" USING fts5(name_key, content='@_fts_text',"
			" content_rowid='id', tokenize='trigram');"
			"CREATE VIRTUAL TABLE \"@_fts_vocab\" USING fts5vocab(\"@_fts\", row);", t), err) != 0)
			return -1;
		for (int k = 0; k < 3; k++)
			if (exec_free(db, schema_fts_trigger(t, k), err) != 0)
				return -1;
		if (exec_free(db, schema_rank_sql(t), err) != 0)
			return -1;
	}
	return 0;
}

/* Version 5 (issue 14): the ledger of merged files (sync/sync_ledger.h).
 * sync_ledger: a file's content (SHA-256), the table it was read into,
 * whether it was read with the spreadsheet conventions, and the rules it was
 * read by (sxsh's version and schema) — the file that changes nothing when
 * imported again; rows, the newest updated_at in it and when it was merged.
 * sync_seen: what a file looked like (device, inode, size, times) when it
 * was hashed, so that a file not touched since is not hashed again.  Both
 * are part of the database: a backup or restore carries them with the rows
 * they describe. */
static const char schema_v5_ledger[] =
	"CREATE TABLE sync_ledger (sha256 TEXT NOT NULL, tbl TEXT NOT NULL,"
	" spreadsheet INTEGER NOT NULL, rules TEXT NOT NULL, rows INTEGER NOT NULL,"
	" max_updated_at INTEGER NOT NULL, merged_at INTEGER NOT NULL,"
	" PRIMARY KEY (sha256, tbl, spreadsheet, rules)) WITHOUT ROWID;"
	"CREATE TABLE sync_seen (path TEXT PRIMARY KEY NOT NULL, dev INTEGER NOT NULL,"
	" ino INTEGER NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,"
	" ctime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL, hashed_at INTEGER NOT NULL)"
	" WITHOUT ROWID;";

static int migrate_to_5_ledger(sqlite3 *db, struct sx_err *err)
{
	if (sqlite3_exec(db, schema_v5_ledger, NULL, NULL, NULL) != SQLITE_OK) {
		sx_err_add(err, NULL, 0, "%s", sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

/* Version 6 (issue 12): places get their other spellings (alt_names: names
 * separated by "|", e.g. the old list's "Xã Noong Lay" for the resolution's
 * "Xã Nong Lay"), which every place search matches too; the shipped rows of
 * an existing database get them from the note their source gives
 * ('spelled "…" in the old list'), as forms/data/places.csv has them.
 * Facility search by place and sector words (records/facility.c): an index
 * on the sector fetches the few facilities of a rare sector, and
 * facilities_walk, the sort index with the place and the sector in it, lets
 * the walk in Vietnamese order test them without reading each row. */
static const char schema_v6_alt_names[] =
	"ALTER TABLE places ADD COLUMN alt_names TEXT;"
	"UPDATE places SET alt_names = substr(source, instr(source, 'spelled \"') + 9,"
	" instr(source, '\" in the old list') - instr(source, 'spelled \"') - 9)"
	" WHERE instr(source, 'spelled \"') > 0"
	" AND instr(source, '\" in the old list') > instr(source, 'spelled \"') + 9;"
	"CREATE INDEX facilities_sector ON facilities(sector);"
	"CREATE INDEX facilities_walk ON facilities(deleted, sort_key, name_key, place_uuid, sector);";

static int migrate_to_6_alt_names(sqlite3 *db, struct sx_err *err)
{
	if (sqlite3_exec(db, schema_v6_alt_names, NULL, NULL, NULL) != SQLITE_OK) {
		sx_err_add(err, NULL, 0, "%s", sqlite3_errmsg(db));
		return -1;
	}
	return renew_history_triggers(db, "places", err);
}

/* Version 9 (issue 14): the lines of files already merged (sync_ledger.h,
 * sync_lines_*): for each exporting installation and table, the digests of
 * the lines of the last file of it merged, and how it was read. */
static const char schema_v9_lines[] =
	"CREATE TABLE sync_lines (installation TEXT NOT NULL, tbl TEXT NOT NULL,"
	" reading INTEGER NOT NULL, digests BLOB NOT NULL, merged_at INTEGER NOT NULL,"
	" PRIMARY KEY (installation, tbl)) WITHOUT ROWID;";

static int migrate_to_9_lines(sqlite3 *db, struct sx_err *err)
{
	if (sqlite3_exec(db, schema_v9_lines, NULL, NULL, NULL) != SQLITE_OK) {
		sx_err_add(err, NULL, 0, "%s", sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

/* One step per version: steps[v - 1] takes a database from v - 1 to v. */
static int (*const steps[SCHEMA_VERSION])(sqlite3 *, struct sx_err *) = {
	migrate_to_1,
	migrate_to_2_orgs,
	migrate_to_3_plans,
	schema_search_index,
	migrate_to_5_ledger,
	migrate_to_6_alt_names,
	schema_search_index,    /* 7 (issue 14): the index serves 1- and 2-character words */
	schema_search_index,    /* 8 (issue 14): the index's rowid is the rank in the walk's order */
	migrate_to_9_lines,
};

int schema_migrate(sqlite3 *db, int from, struct sx_err *err)
{
	for (int v = from + 1; v <= SCHEMA_VERSION; v++) {
		char *sql;
		if (steps[v - 1](db, err) != 0) {
			sx_err_add(err, NULL, 0, _("could not upgrade the database to version %d"), v);
			return -1;
		}
		sql = sqlite3_mprintf("PRAGMA user_version = %d", v);
		sqlite3_exec(db, sql, NULL, NULL, NULL);
		sqlite3_free(sql);
	}
	return 0;
}
