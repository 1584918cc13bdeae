/* test_syncbulk.c — the bulk merge of sync_import.c (an empty table with a
 * natural key loaded without its UNIQUE index, twins looked for once at
 * the end) against the row-by-row merge: the same inputs imported once each
 * way into fresh databases must give the same database (every synced row,
 * every history row with its id and reason, the name index), the same
 * counts, the same messages and the same report.  Inputs: three laptops'
 * folders with uuid duplicates, older and newer versions, tombstones; then
 * natural-key twins, a newer version that moves a row to another natural
 * key, rejected rows (a loose file referring to nothing), and a tiny one. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "t.h"
#include "t_db.h"
#include "base/mem.h"
#include "db/db.h"
#include "db/schema.h"
#include "sync/sync_export.h"
#include "sync/sync_import.h"

static char dir[64];
/* The counts of the last compare(), summed over the tables. */
static struct sync_counts last;

static struct sx_db *open_fresh(const char *name)
{
	struct sx_err e = {0};
	char *p = xasprintf("%s/%s", dir, name);
	struct sx_db *db;

	unlink(p);
	db = db_open(p, &e);
	CHECK_INT(sx_err_count(&e), 0);
	sx_err_print(&e, stderr);
	sx_err_clear(&e);
	free(p);
	return db;
}


/* t_db_exec() of a printf-style statement (%Q, %d, ...). */
static void execf(struct sx_db *db, const char *fmt, ...)
{
	va_list ap;
	char *sql;

	va_start(ap, fmt);
	sql = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	t_db_exec(db, sql);
	sqlite3_free(sql);
}

static void export_to(struct sx_db *db, const char *name)
{
	struct sync_export_opts o = { .since = -1 };
	struct sync_export_result r;
	struct sx_err e = {0};
	char *p = xasprintf("%s/%s", dir, name);

	CHECK_INT(sync_export(db, p, &o, &r, &e), 0);
	sx_err_print(&e, stderr);
	sx_err_clear(&e);
	free(p);
}

/* What an import did, all of it that can be compared. */
struct outcome {
	int rc, bulk, redone;
	struct sync_counts c[SYNC_MAX_TABLES];
	char *dump, *err, *warn, *report;
};

static void append(char **s, size_t *n, size_t *cap, const char *add)
{
	size_t k = strlen(add);
	if (*n + k + 1 > *cap)
		*s = xrealloc(*s, *cap = (*n + k + 1) * 2);
	memcpy(*s + *n, add, k + 1);
	*n += k;
}

/* Rows of every synced table by uuid, the history by id (with its reason,
 * without the time it was saved), and the name index's own tables. */
static char *dump(struct sx_db *db)
{
	size_t n = 0, cap = 0;
	char *out = NULL;

	append(&out, &n, &cap, "");
	for (int i = 0;; i++) {
		const char *t = schema_synced_tables[i];
		char *sql = t ? sqlite3_mprintf("SELECT * FROM \"%w\" ORDER BY uuid", t)
			      : sqlite3_mprintf("SELECT id, tbl, uuid, updated_at, origin, deleted, data,"
					       " reason FROM history ORDER BY id;");
		sqlite3_stmt *st;
		CHECK_INT(sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL), SQLITE_OK);
		sqlite3_free(sql);
		while (sqlite3_step(st) == SQLITE_ROW) {
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				const char *v = (const char *)sqlite3_column_text(st, c);
				char *cell = xasprintf("%d:%s|", sqlite3_column_type(st, c), v ? v : "");
				append(&out, &n, &cap, cell);
				free(cell);
			}
			append(&out, &n, &cap, "\n");
		}
		sqlite3_finalize(st);
		if (!t)
			break;
	}
	for (int k = 0; k < 2; k++) {
		sqlite3_stmt *st;
		char *sql = sqlite3_mprintf("SELECT id, hex(block) FROM \"%w_fts_data\" ORDER BY id",
					    k ? "people" : "facilities");
		CHECK_INT(sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL), SQLITE_OK);
		sqlite3_free(sql);
		while (sqlite3_step(st) == SQLITE_ROW) {
			char *line = xasprintf("fts %lld %s\n", sqlite3_column_int64(st, 0),
					       (const char *)sqlite3_column_text(st, 1));
			append(&out, &n, &cap, line);
			free(line);
		}
		sqlite3_finalize(st);
	}
	return out;
}

static char *messages(const struct sx_err *e)
{
	size_t n = 0, cap = 0;
	char *out = NULL;

	append(&out, &n, &cap, "");
	for (size_t i = 0; i < e->n; i++) {
		append(&out, &n, &cap, e->msgs[i]);
		append(&out, &n, &cap, "\n");
	}
	return out;
}

/* The report without its first lines (database path, time). */
static char *report_body(const char *path)
{
	FILE *fp = path ? fopen(path, "r") : NULL;
	size_t n = 0, cap = 0;
	char line[4096], *out = NULL;
	int k = 0;

	append(&out, &n, &cap, "");
	while (fp && fgets(line, sizeof line, fp))
		if (k++ >= 4)
			append(&out, &n, &cap, line);
	if (fp)
		fclose(fp);
	return out;
}

/* Import the named inputs into a fresh database named db with the bulk
 * merge set to defer (sync_import_opts.defer_keys). */
static void run_import(const char *db_name, const char *const *names, int n, int defer,
		       struct outcome *out)
{
	struct sx_db *db = open_fresh(db_name);
	struct sync_import_opts o = { .defer_keys = defer };
	struct sync_import_result r;
	struct sx_err e = {0}, w = {0};
	char *paths[8];

	for (int i = 0; i < n; i++)
		paths[i] = xasprintf("%s/%s", dir, names[i]);
	out->rc = sync_import(db, paths, n, &o, &r, &e, &w);
	memcpy(out->c, r.counts, sizeof out->c);
	out->bulk = r.bulk_tables;
	out->redone = r.bulk_redone;
	out->dump = dump(db);
	out->err = messages(&e);
	out->warn = messages(&w);
	out->report = report_body(r.report);
	if (r.report)
		unlink(r.report);
	free(r.report);
	for (int i = 0; i < n; i++)
		free(paths[i]);
	sx_err_clear(&e);
	sx_err_clear(&w);
	db_close(db);
}

/* Import each of the steps (comma-separated inputs) in turn into a fresh
 * database named db_name, the plain indexes kept or not (keep); out holds
 * the database after the last step, *rebuilt the tables rebuilt at each
 * step (one digit per step). */
static void run_steps(const char *db_name, const char *const *steps, int n, int keep,
		      struct outcome *out, int *rebuilt)
{
	struct sx_db *db = open_fresh(db_name);
	struct sync_import_opts o = { .defer_keys = -1, .keep_indexes = keep };

	*rebuilt = 0;
	memset(out, 0, sizeof *out);
	for (int s = 0; s < n; s++) {
		struct sync_import_result r;
		struct sx_err e = {0}, w = {0};
		char *list = xstrdup(steps[s]), *paths[8], *tok, *save = NULL;
		int np = 0;
		for (tok = strtok_r(list, ",", &save); tok && np < 8; tok = strtok_r(NULL, ",", &save))
			paths[np++] = xasprintf("%s/%s", dir, tok);
		out->rc |= sync_import(db, paths, np, &o, &r, &e, &w);
		sx_err_print(&e, stderr);
		*rebuilt = *rebuilt * 10 + r.rebuilt;
		memcpy(out->c, r.counts, sizeof out->c);
		if (r.report)
			unlink(r.report);
		free(r.report);
		for (int i = 0; i < np; i++)
			free(paths[i]);
		free(list);
		sx_err_clear(&e);
		sx_err_clear(&w);
	}
	out->dump = dump(db);
	{	/* Every index is there and sound. */
		sqlite3_stmt *st;
		CHECK_INT(sqlite3_prepare_v2(db_sqlite(db), "SELECT group_concat(name, ' ') FROM"
					     " (SELECT name FROM sqlite_schema WHERE type = 'index'"
					     " ORDER BY name)", -1, &st, NULL), SQLITE_OK);
		CHECK_INT(sqlite3_step(st), SQLITE_ROW);
		out->warn = xstrdup((const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		CHECK_INT(sqlite3_prepare_v2(db_sqlite(db), "PRAGMA integrity_check", -1, &st, NULL),
			  SQLITE_OK);
		CHECK_INT(sqlite3_step(st), SQLITE_ROW);
		CHECK_STR((const char *)sqlite3_column_text(st, 0), "ok");
		sqlite3_finalize(st);
	}
	db_close(db);
}

/* The steps with the plain indexes rebuilt where sync_import sees fit and
 * kept: the same database, the same indexes.  Returns the rebuilds. */
static int compare_steps(const char *what, const char *const *steps, int n)
{
	struct outcome a, b;
	int ra, rb;

	run_steps("rebuilt.db", steps, n, 0, &a, &ra);
	run_steps("kept.db", steps, n, 1, &b, &rb);
	CHECK_INT(a.rc, 0);
	CHECK_INT(b.rc, 0);
	CHECK_INT(rb, 0);
	CHECK(memcmp(a.c, b.c, sizeof a.c) == 0);
	CHECK_STR(a.warn, b.warn);
	if (strcmp(a.dump, b.dump) != 0) {
		fprintf(stderr, "%s: rebuilding the indexes gives another database\n", what);
		t_failures++;
	}
	free(a.dump);
	free(a.warn);
	free(b.dump);
	free(b.warn);
	return ra;
}

static void outcome_free(struct outcome *o)
{
	free(o->dump);
	free(o->err);
	free(o->warn);
	free(o->report);
}

/* The inputs imported with the bulk merge (defer) and without it: equal in
 * everything.  Returns the bulk import's (bulk tables, redone) as b * 10 + r. */
static int compare(const char *what, const char *const *names, int n, int defer)
{
	struct outcome a, b;
	int ret;

	run_import("bulk.db", names, n, defer, &a);
	run_import("rows.db", names, n, -1, &b);
	CHECK_INT(a.rc, b.rc);
	CHECK_INT(b.bulk, 0);
	CHECK(memcmp(a.c, b.c, sizeof a.c) == 0);
	CHECK_STR(a.err, b.err);
	CHECK_STR(a.warn, b.warn);
	CHECK_STR(a.report, b.report);
	if (strcmp(a.dump, b.dump) != 0) {
		fprintf(stderr, "%s: the bulk merge gives another database\n", what);
		t_failures++;
	}
	for (int i = 0; schema_synced_tables[i]; i++)
		if (memcmp(&a.c[i], &b.c[i], sizeof a.c[i]) != 0)
			fprintf(stderr, "%s: %s: %lld/%lld/%lld/%lld/%lld against %lld/%lld/%lld/%lld/%lld\n",
				what, schema_synced_tables[i], a.c[i].added, a.c[i].updated, a.c[i].unchanged,
				a.c[i].conflicting, a.c[i].rejected, b.c[i].added, b.c[i].updated,
				b.c[i].unchanged, b.c[i].conflicting, b.c[i].rejected);
	memset(&last, 0, sizeof last);
	for (int i = 0; schema_synced_tables[i]; i++) {
		last.added += a.c[i].added;
		last.updated += a.c[i].updated;
		last.unchanged += a.c[i].unchanged;
		last.conflicting += a.c[i].conflicting;
		last.rejected += a.c[i].rejected;
	}
	ret = a.bulk * 10 + a.redone;
	outcome_free(&a);
	outcome_free(&b);
	return ret;
}

#define U(prefix) "printf('" prefix "-0000-7000-8000-%012d', i)"
#define SEQ(n) "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " #n ") "

/* Facilities, people, sessions and assessments every laptop starts from. */
static void base_rows(struct sx_db *db)
{
	t_db_exec(db, SEQ(30) "INSERT INTO facilities (uuid, updated_at, origin, name) SELECT "
	     U("0000000f") ", 1600000000000, 'base', 'Cơ sở ' || i FROM n");
	t_db_exec(db, SEQ(300) "INSERT INTO people (uuid, updated_at, origin, full_name) SELECT "
	     U("0000000e") ", 1600000000000, 'base', 'Lò Văn ' || i FROM n");
	t_db_exec(db, SEQ(10) "INSERT INTO sessions (uuid, updated_at, origin, kind, title, start_date,"
	     " end_date) SELECT " U("0000000d") ", 1600000000000, 'base', 'training', 'Lớp ' || i,"
	     " '2024-05-01', '2024-05-09' FROM n");
	t_db_exec(db, SEQ(40) "INSERT INTO assessments (uuid, updated_at, origin, facility_uuid, kind,"
	     " form_id, form_version, started_at) SELECT " U("0000000c") ", 1600000000000, 'base',"
	     " printf('0000000f-0000-7000-8000-%012d', 1 + i % 30), 'rapid', 'rapid', '1',"
	     " 1600000000000 FROM n");
}

/* A laptop's own rows: participants and attendance of people from..to in
 * every session, answers q1..q<names> of every assessment; uuids from tag. */
static void own_rows(struct sx_db *db, const char *tag, int from, int to, int names, long long ms)
{
	const char *o = db_origin(db);
	execf(db, SEQ(3000) "INSERT INTO participants (uuid, updated_at, origin, session_uuid,"
	      " person_uuid) SELECT printf('%q0000001-0000-7000-8000-%%012d', i), %lld + i, %Q,"
	      " printf('0000000d-0000-7000-8000-%%012d', 1 + i %% 10),"
	      " printf('0000000e-0000-7000-8000-%%012d', %d + i / 10) FROM n WHERE %d + i / 10 <= %d",
	      tag, ms, o, from, from, to);
	execf(db, SEQ(3000) "INSERT INTO attendance (uuid, updated_at, origin, session_uuid,"
	      " person_uuid, day, present) SELECT printf('%q0000002-0000-7000-8000-%%012d', i), %lld + i,"
	      " %Q, printf('0000000d-0000-7000-8000-%%012d', 1 + i %% 10),"
	      " printf('0000000e-0000-7000-8000-%%012d', %d + i / 10), '2024-05-02', i %% 2 FROM n"
	      " WHERE %d + i / 10 <= %d", tag, ms, o, from, from, to);
	execf(db, SEQ(30000) "INSERT INTO answers (uuid, updated_at, origin, assessment_uuid, name,"
	      " value) SELECT printf('%q0000003-0000-7000-8000-%%012d', i), %lld + i %% 977, %Q,"
	      " printf('0000000c-0000-7000-8000-%%012d', 1 + i %% 40), '%q' || (i / 40), i %% 7"
	      " FROM n WHERE i / 40 < %d", tag, ms, o, tag, names);
}

static void import_into(struct sx_db *db, const char *name)
{
	struct sync_import_opts o = { .defer_keys = -1 };
	struct sync_import_result r;
	struct sx_err e = {0}, w = {0};
	char *p = xasprintf("%s/%s", dir, name);

	CHECK_INT(sync_import(db, &p, 1, &o, &r, &e, &w), 0);
	sx_err_print(&e, stderr);
	if (r.report)
		unlink(r.report);
	free(r.report);
	free(p);
	sx_err_clear(&e);
	sx_err_clear(&w);
}

/* A loose attendance.csv: one row for an unknown session, one for an
 * unknown person, one that is fine. */
static void loose_file(void)
{
	char *d = xasprintf("%s/loose", dir), *p = xasprintf("%s/attendance.csv", d);
	FILE *fp;

	mkdir(d, 0700);
	fp = fopen(p, "w");
	if (!fp) {
		t_failures++;
	} else {
		fputs("uuid,updated_at,origin,deleted,session_uuid,person_uuid,day,present\n"
		      "0000000a-0000-7000-8000-000000000001,2023-11-14T22:13:20.000Z,loose,0,"
		      "0000000d-0000-7000-8000-999999999999,0000000e-0000-7000-8000-000000000001,"
		      "2024-05-03,1\n"
		      "0000000a-0000-7000-8000-000000000002,2023-11-14T22:13:20.000Z,loose,0,"
		      "0000000d-0000-7000-8000-000000000001,0000000e-0000-7000-8000-999999999999,"
		      "2024-05-03,1\n"
		      "0000000a-0000-7000-8000-000000000003,2023-11-14T22:13:20.000Z,loose,0,"
		      "0000000d-0000-7000-8000-000000000002,0000000e-0000-7000-8000-000000000002,"
		      "2024-05-04,1\n", fp);
		fclose(fp);
	}
	free(p);
	free(d);
}

static void test_bulk_equals_rows(void)
{
	struct sx_db *base, *l1, *l2, *l3, *l4, *l5, *l6;
	int r;

	snprintf(dir, sizeof dir, "/tmp/sxsh-syncbulk-XXXXXX");
	if (!mkdtemp(dir)) {
		t_failures++;
		return;
	}
	base = open_fresh("base.db");
	base_rows(base);
	export_to(base, "base");

	/* Laptop 1: its own rows (22,000 answers: over the bulk merge's 20,000),
	 * exported, then 150 answers edited and 30 attendance rows deleted. */
	l1 = open_fresh("l1.db");
	import_into(l1, "base");
	own_rows(l1, "a", 1, 150, 550, 1700000000000LL);
	export_to(l1, "e1");
	t_db_exec(l1, "UPDATE answers SET value = value || '0', updated_at = updated_at + 5000"
	     " WHERE rowid % 150 = 1");
	t_db_exec(l1, "UPDATE attendance SET deleted = 1, updated_at = updated_at + 5000"
	     " WHERE rowid % 50 = 3");
	export_to(l1, "e1b");

	/* Laptop 2 took e1: edits some of the same answers (some later, some
	 * earlier than laptop 1's edits, some at the same time), its own rows. */
	l2 = open_fresh("l2.db");
	import_into(l2, "base");
	import_into(l2, "e1");
	execf(l2, "UPDATE answers SET value = 'l2', updated_at = updated_at + 1000 * (rowid %% 9)"
	      " WHERE rowid %% 50 = 1");
	t_db_exec(l2, "UPDATE participants SET note = 'ghi chú', deleted = rowid % 2,"
	     " updated_at = updated_at + 7000 WHERE rowid % 40 = 7");
	own_rows(l2, "b", 151, 300, 20, 1700000100000LL);
	export_to(l2, "e2");

	/* Laptop 3: the same pairs as laptop 1 under its own uuids (twins). */
	l3 = open_fresh("l3.db");
	import_into(l3, "base");
	t_db_exec(l3, "INSERT INTO participants (uuid, updated_at, origin, session_uuid, person_uuid)"
	     " SELECT printf('0000000b-0000-7000-8000-%012d', rowid), 1700000000005, 'l3',"
	     " '0000000d-0000-7000-8000-000000000002', uuid FROM people WHERE rowid <= 4");
	t_db_exec(l3, "INSERT INTO answers (uuid, updated_at, origin, assessment_uuid, name, value)"
	     " SELECT printf('00000009-0000-7000-8000-%012d', rowid), 1699999999999 + 2 * rowid,"
	     " 'l3', '0000000c-0000-7000-8000-000000000003', 'a' || rowid, 'l3' FROM people"
	     " WHERE rowid <= 3");
	export_to(l3, "e3");

	/* Laptop 4 took e1, moved attendance row 6 to another day and row 5 to
	 * row 6's old natural key: merged in uuid order, row 5's new version
	 * meets row 6's old one (a twin for the row-by-row merge), which row 6's
	 * new version then moves away: no two rows share a key at the end. */
	l4 = open_fresh("l4.db");
	import_into(l4, "base");
	import_into(l4, "e1");
	t_db_exec(l4, "UPDATE attendance SET day = '2024-05-05', updated_at = updated_at + 9000"
	     " WHERE rowid = 6");
	t_db_exec(l4, "UPDATE attendance SET session_uuid = (SELECT session_uuid FROM attendance"
	     " WHERE rowid = 6), updated_at = updated_at + 9000 WHERE rowid = 5");
	export_to(l4, "e4");

	/* Laptop 5: one participant, and 8,500 people. */
	l5 = open_fresh("l5.db");
	import_into(l5, "base");
	t_db_exec(l5, "INSERT INTO participants (uuid, updated_at, origin, session_uuid, person_uuid)"
	     " VALUES ('00000008-0000-7000-8000-000000000001', 1700000000000, 'l5',"
	     " '0000000d-0000-7000-8000-000000000001', '0000000e-0000-7000-8000-000000000001')");
	/* More people than the name index's batch (SYNC_FTS_BATCH). */
	t_db_exec(l5, SEQ(8500) "INSERT INTO people (uuid, updated_at, origin, full_name) SELECT "
	     U("a0000004") ", 1700000000000 + i, 'l1', 'Cầm Thị ' || i FROM n");
	export_to(l5, "e5");
	/* Laptop 6: 21,000 people (a table with plain indexes: its facility and
	 * its sort key), then 210 of them renamed. */
	l6 = open_fresh("l6.db");
	import_into(l6, "base");
	t_db_exec(l6, SEQ(21000) "INSERT INTO people (uuid, updated_at, origin, full_name) SELECT "
	     U("a0000006") ", 1700000000000 + i, 'l6', 'Quàng Văn ' || i FROM n");
	export_to(l6, "e6");
	t_db_exec(l6, "UPDATE people SET full_name = full_name || ' Bé', updated_at = updated_at + 1"
	     " WHERE rowid % 100 = 7");
	export_to(l6, "e6b");
	loose_file();

	{	/* Duplicates across folders, versions, tombstones: no twins, the
		 * bulk merge holds for all three tables with a natural key (the
		 * default: over 20,000 rows, and when forced on). */
		const char *in[] = { "base", "e1", "e2", "e1b" };
		const char *rev[] = { "base", "e1b", "e2", "e1" };
		CHECK_INT(compare("duplicates", in, 4, 0), 10);  /* answers only: 20,000+ rows */
		CHECK_INT(compare("duplicates (forced)", in, 4, 1), 30);
		CHECK(last.updated > 100 && last.unchanged > 20000 && last.conflicting > 20);
		CHECK_INT(compare("duplicates, other order", rev, 4, 1), 30);
	}
	{	/* Natural-key twins: participants and answers are merged again. */
		const char *in[] = { "base", "e1", "e3" };
		const char *rev[] = { "base", "e3", "e2", "e1" };
		r = compare("twins", in, 3, 1);
		CHECK_INT(r, 12);
		CHECK_INT(last.conflicting, 7);  /* 4 participants, 3 answers */
		CHECK_INT(compare("twins, other order", rev, 4, 1), r);
	}
	{	/* A newer version with another natural key: merged again... */
		const char *in[] = { "base", "e1", "e4" };
		/* ... but not when it comes first (the older one only goes to history). */
		const char *rev[] = { "base", "e4", "e1" };
		CHECK_INT(compare("key moved", in, 3, 1), 21);
		CHECK_INT(compare("key moved, other order", rev, 3, 1), 30);
	}
	{	/* The plain indexes of a table that receives at least 20,000 rows and
		 * as many as it holds are dropped and built again: at once into an
		 * empty table, after the first 1,000 rows when those were mostly new
		 * (a few answers first, then laptop 1's 22,000), and not at all for a
		 * re-import in which few rows changed (150 of 22,000 answers). */
		const char *first[] = { "base", "e6" };
		const char *few_first[] = { "base,e5", "e6" };
		const char *changed[] = { "base,e6", "e6b" };
		CHECK_INT(compare_steps("first load", first, 2), 1);
		CHECK_INT(compare_steps("a few, then many new", few_first, 2), 1);
		CHECK_INT(compare_steps("a few changed", changed, 2), 10);
	}
	{	/* Rejected rows, with their lines in the messages and the report. */
		const char *in[] = { "base", "e1", "loose/attendance.csv" };
		const char *tiny[] = { "base", "e5" };
		CHECK_INT(compare("rejected", in, 3, 1), 30);
		CHECK_INT(last.rejected, 2);
		CHECK_INT(compare("tiny", tiny, 2, 1), 30);  /* empty files count too */
		CHECK_INT(compare("tiny, by default", tiny, 2, 0), 0);
		CHECK_INT(last.added, 8500 + 1 + 380);
	}
	db_close(base);
	db_close(l1);
	db_close(l2);
	db_close(l3);
	db_close(l4);
	db_close(l5);
	db_close(l6);
	{
		char *cmd = xasprintf("rm -rf '%s'", dir); /* test code only */
		CHECK_INT(system(cmd), 0);
		free(cmd);
	}
}

T_SUITE(syncbulk) {
	{ "syncbulk/bulk_equals_rows", test_bulk_equals_rows },
	{ 0 }
};
