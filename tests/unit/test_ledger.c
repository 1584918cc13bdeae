/* test_ledger.c — the ledger of merged files (sync/sync_ledger.h).
 *
 * The property: import X; edit records locally (as the program does: stamp
 * now, this installation); import other folders; edit again; import X
 * again — the database is exactly, dump for dump and history included,
 * what merging X row by row gives (the same steps on a copy with the
 * ledger switched off), and the local edits stay.  Then the cases the
 * ledger must not record (a rejected row, a row restamped by
 * --accept-changed, a row from the future), a dry run, a restored backup,
 * the stat cache, and schema step 5 on a version-3 database. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "t.h"
#include "t_db.h"
#include "base/clock.h"
#include "base/mem.h"
#include "base/platform.h"
#include "db/db.h"
#include "db/schema.h"
#include "sync/sync_export.h"
#include "sync/sync_import.h"

static unsigned long long rng;
static char dir[64];

static unsigned rnd(unsigned n)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(rng >> 33) % n;
}

static struct sx_db *open_at(const char *name)
{
	struct sx_err e = {0};
	char *p = xasprintf("%s/%s", dir, name);
	struct sx_db *db = db_open(p, &e);

	CHECK(db != NULL);
	sx_err_print(&e, stderr);
	sx_err_clear(&e);
	free(p);
	return db;
}

/* A consistent copy of db at dir/name. */
static void copy_db(struct sx_db *db, const char *name)
{
	struct sx_err e = {0};
	char *p = xasprintf("%s/%s", dir, name);
	CHECK_INT(db_backup(db, p, &e), 0);
	sx_err_print(&e, stderr);
	sx_err_clear(&e);
	free(p);
}


static long long one(struct sx_db *db, const char *sql)
{
	sqlite3_stmt *st;
	long long n = -1;
	if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* A uuid made from the generator (the same on every run of a seed). */
static void det_uuid(char out[37])
{
	snprintf(out, 37, "01900000-0000-7000-8000-%04x%08x", rnd(0x10000), rnd(0x7fffffff));
}

/* The uuid at position k (mod the count) of table, or "" when empty. */
static void nth(struct sx_db *db, const char *table, unsigned k, char out[37])
{
	char *sql = sqlite3_mprintf("SELECT uuid FROM \"%w\" ORDER BY uuid LIMIT 1 OFFSET %u %%"
				    " max(1, (SELECT count(*) FROM \"%w\"))", table, k, table);
	sqlite3_stmt *st;

	out[0] = '\0';
	if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		snprintf(out, 37, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_free(sql);
}

/* n changes on a laptop at times ms + [0, 20) as origin: new people,
 * facilities, participants and attendance (natural-key twins across
 * laptops), edits and tombstones. */
static void changes(struct sx_db *db, int n, long long ms, const char *origin)
{
	t_db_exec(db, "BEGIN");
	for (int i = 0; i < n; i++) {
		char u[37], a[37], b[37], *sql = NULL;
		long long t = ms + rnd(20);
		det_uuid(u);
		switch (rnd(6)) {
		case 0:
			nth(db, "facilities", rnd(100), a);
			sql = sqlite3_mprintf("INSERT INTO people (uuid, updated_at, origin, full_name,"
				" birth_year, facility_uuid) VALUES (%Q, %lld, %Q, 'Lò Văn %u', %u, %Q)",
				u, t, origin, rnd(40), 1950 + rnd(50), a);
			break;
		case 1:
			nth(db, "sessions", rnd(100), a);
			nth(db, "people", rnd(100), b);
			sql = sqlite3_mprintf("INSERT OR IGNORE INTO participants (uuid, updated_at, origin,"
				" session_uuid, person_uuid, walk_in) VALUES (%Q, %lld, %Q, %Q, %Q, %u)",
				u, t, origin, a, b, rnd(2));
			break;
		case 2:
			nth(db, "sessions", rnd(100), a);
			nth(db, "people", rnd(100), b);
			sql = sqlite3_mprintf("INSERT OR IGNORE INTO attendance (uuid, updated_at, origin,"
				" session_uuid, person_uuid, day, present) VALUES (%Q, %lld, %Q, %Q, %Q,"
				" '2024-05-0%u', %u)", u, t, origin, a, b, 6 + rnd(2), rnd(2));
			break;
		case 3:
			nth(db, "people", rnd(100), a);
			sql = sqlite3_mprintf("UPDATE people SET phone = '09%08u', updated_at = %lld,"
				" origin = %Q%s WHERE uuid = %Q", rnd(1000), t, origin,
				rnd(5) ? "" : ", deleted = 1", a);
			break;
		case 4:
			nth(db, "facilities", rnd(100), a);
			sql = sqlite3_mprintf("UPDATE facilities SET note = 'ghi %u', updated_at = %lld,"
				" origin = %Q WHERE uuid = %Q", rnd(9), t, origin, a);
			break;
		default:
			nth(db, "participants", rnd(100), a);
			sql = sqlite3_mprintf("UPDATE participants SET note = 'n%u', updated_at = %lld,"
				" origin = %Q%s WHERE uuid = %Q", rnd(9), t, origin,
				rnd(4) ? "" : ", deleted = 1", a);
			break;
		}
		t_db_exec(db, sql);
		sqlite3_free(sql);
	}
	t_db_exec(db, "COMMIT");
}

/* Edits made here, as the program makes them: every one stamped ms (a
 * moment after every import so far) by this installation. */
static void local_edits(struct sx_db *db, unsigned seed, long long ms)
{
	rng = seed * 7919ULL;
	changes(db, 25, ms, db_origin(db));
}

static void base_rows(struct sx_db *db)
{
	t_db_exec(db, "INSERT INTO places (uuid, updated_at, origin, code, kind, name) VALUES"
	     " ('0159522d-0800-7001-8000-005358534801', 1483142400000, 'shipped', '14', 'province',"
	     " 'Tỉnh Sơn La')");
	for (int i = 0; i < 6; i++) {
		char *sql = sqlite3_mprintf("INSERT INTO facilities (uuid, updated_at, origin, name,"
			" place_uuid) VALUES ('01800000-0000-7000-8000-00000000000%d', 1600000000000,"
			" 'base', 'Cơ sở %d', '0159522d-0800-7001-8000-005358534801');"
			"INSERT INTO people (uuid, updated_at, origin, full_name) VALUES"
			" ('01800000-0000-7000-8000-00000000010%d', 1600000000000, 'base', 'Lò Thị %d');",
			i, i, i, i);
		t_db_exec(db, sql);
		sqlite3_free(sql);
	}
	t_db_exec(db, "INSERT INTO sessions (uuid, updated_at, origin, kind, title, start_date, end_date)"
	     " VALUES ('01800000-0000-7000-8000-000000000201', 1600000000000, 'base', 'training',"
	     " 'Lớp 1', '2024-05-06', '2024-05-07'), ('01800000-0000-7000-8000-000000000202',"
	     " 1600000000000, 'base', 'training', 'Lớp 2', '2024-05-06', '2024-05-07')");
}

static int do_export(struct sx_db *db, const char *name)
{
	struct sync_export_opts o = { .since = -1 };
	struct sync_export_result r;
	struct sx_err e = {0};
	char *p = xasprintf("%s/%s", dir, name);
	int rc = sync_export(db, p, &o, &r, &e);
	sx_err_print(&e, stderr);
	sx_err_clear(&e);
	free(p);
	return rc;
}

/* Import the named inputs (folders or files under dir) in one call. */
static int do_import(struct sx_db *db, const char *const *names, int n,
		     const struct sync_import_opts *o, struct sync_import_result *r)
{
	struct sx_err e = {0}, w = {0};
	char *paths[8] = {0};
	int rc;

	for (int i = 0; i < n; i++)
		paths[i] = xasprintf("%s/%s", dir, names[i]);
	rc = sync_import(db, paths, n, o, r, &e, &w);
	if (r->report)
		unlink(r->report);
	free(r->report);
	r->report = NULL;
	for (int i = 0; i < n; i++)
		free(paths[i]);
	sx_err_clear(&e);
	sx_err_clear(&w);
	return rc;
}

static int import1(struct sx_db *db, const char *name, int no_ledger, struct sync_import_result *r)
{
	struct sync_import_opts o = { .no_ledger = no_ledger };
	return do_import(db, &name, 1, &o, r);
}

static long long total(const struct sync_import_result *r, int what)
{
	long long n = 0;
	for (int i = 0; schema_synced_tables[i]; i++)
		n += what == 0 ? r->counts[i].added : what == 1 ? r->counts[i].updated
		   : what == 2 ? r->counts[i].unchanged : what == 3 ? r->counts[i].conflicting
		   : r->counts[i].rejected;
	return n;
}

/* Every synced row and every history version (without its id and time). */
static char *dump(struct sx_db *db)
{
	size_t cap = 1 << 16, n = 0;
	char *out = xmalloc(cap);

	for (int i = 0;; i++) {
		const char *t = schema_synced_tables[i];
		char *sql = t ? sqlite3_mprintf("SELECT * FROM \"%w\" ORDER BY uuid", t)
			      : sqlite3_mprintf("SELECT tbl, uuid, updated_at, origin, deleted, data,"
					       " reason FROM history ORDER BY 1, 2, 3, 4, 5, 6, 7");
		sqlite3_stmt *st;
		sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL);
		sqlite3_free(sql);
		while (sqlite3_step(st) == SQLITE_ROW) {
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				const char *v = (const char *)sqlite3_column_text(st, c);
				size_t k = (v ? strlen(v) : 0) + 8;
				if (n + k + 2 > cap)
					out = xrealloc(out, cap = (cap + k) * 2);
				n += (size_t)snprintf(out + n, cap - n, "%d:%s|", sqlite3_column_type(st, c),
						      v ? v : "");
			}
			out[n++] = '\n';
		}
		sqlite3_finalize(st);
		if (!t)
			break;
	}
	out[n] = '\0';
	return out;
}

static void fresh_dir(void)
{
	snprintf(dir, sizeof dir, "/tmp/sxsh-ledger-XXXXXX");
	CHECK(mkdtemp(dir) != NULL);
}

static void remove_dir(void)
{
	char *cmd = xasprintf("rm -rf '%s'", dir); /* test code only */
	CHECK_INT(system(cmd), 0);
	free(cmd);
}

/* Rows stamped by this installation at ms or later: the local edits. */
static long long local_rows(struct sx_db *db, long long ms)
{
	long long n = 0;
	for (int i = 0; schema_synced_tables[i]; i++) {
		char *sql = sqlite3_mprintf("SELECT count(*) FROM \"%w\" WHERE origin = %Q AND"
					    " updated_at >= %lld", schema_synced_tables[i],
					    db_origin(db), ms);
		n += one(db, sql);
		sqlite3_free(sql);
	}
	return n;
}

static void one_seed(unsigned seed)
{
	struct sync_import_result r;
	struct sx_db *base, *l, *k, *a, *b;
	const char *both[2] = { "x", "y" };
	struct sync_import_opts on = { 0 }, off = { .no_ledger = 1 };
	char *da, *db_;
	long long ms, before;

	fresh_dir();
	base = open_at("base.db");
	base_rows(base);
	CHECK_INT(do_export(base, "base"), 0);
	/* Laptop l makes X, laptop k makes Y (twins of X's pairs among them). */
	l = open_at("l.db");
	k = open_at("k.db");
	CHECK_INT(import1(l, "base", 1, &r), 0);
	CHECK_INT(import1(k, "base", 1, &r), 0);
	rng = seed;
	changes(l, 40, 1700000000000LL, "lap-l");
	changes(k, 40, 1700000000000LL, "lap-k");
	CHECK_INT(do_export(l, "x"), 0);
	CHECK_INT(do_export(k, "y"), 0);

	/* a and b: the same database (b a copy of a) after importing X. */
	a = open_at("a.db");
	CHECK_INT(import1(a, "x", 0, &r), 0);
	CHECK_INT(r.already, 0);
	copy_db(a, "b.db");
	b = open_at("b.db");
	CHECK_STR(db_origin(b), db_origin(a));

	ms = clock_now_ms() + 1000;
	local_edits(a, seed, ms);
	local_edits(b, seed, ms);
	CHECK_INT(import1(a, "y", 0, &r), 0);
	CHECK_INT(import1(b, "y", 1, &r), 0);
	local_edits(a, seed + 100, ms + 1000);
	local_edits(b, seed + 100, ms + 1000);
	before = local_rows(a, ms);
	CHECK(before > 10);

	/* X again: a by the ledger, b row by row. */
	CHECK_INT(import1(a, "x", 0, &r), 0);
	CHECK_INT(r.already, 12);
	CHECK_INT(total(&r, 0) + total(&r, 1) + total(&r, 3) + total(&r, 4), 0);
	CHECK_INT(import1(b, "x", 1, &r), 0);
	CHECK_INT(r.already, 0);
	CHECK_INT(local_rows(a, ms), before);    /* the local edits stay */
	da = dump(a);
	db_ = dump(b);
	CHECK(strcmp(da, db_) == 0);
	free(da);
	free(db_);
	/* Both folders in one import, again both ways. */
	CHECK_INT(do_import(a, both, 2, &on, &r), 0);
	CHECK_INT(r.already, 24);
	CHECK_INT(do_import(b, both, 2, &off, &r), 0);
	da = dump(a);
	db_ = dump(b);
	CHECK(strcmp(da, db_) == 0);
	CHECK_INT(local_rows(a, ms), before);
	free(da);
	free(db_);
	/* Laptop l edits again and exports X2: X's files changed, but most of
	 * their lines are X's lines, found in the ledger of lines and not
	 * decoded; the rest is merged.  The same database both ways. */
	changes(l, 40, 1700000500000LL, "lap-l");
	CHECK_INT(do_export(l, "x2"), 0);
	CHECK_INT(import1(a, "x2", 0, &r), 0);
	CHECK(r.known_lines > 10);
	CHECK(total(&r, 0) + total(&r, 1) > 0);
	CHECK_INT(import1(b, "x2", 1, &r), 0);
	CHECK_INT(r.known_lines, 0);
	CHECK_INT(local_rows(a, ms), before);
	da = dump(a);
	db_ = dump(b);
	CHECK(strcmp(da, db_) == 0);
	free(da);
	free(db_);
	db_close(a);
	db_close(b);
	db_close(l);
	db_close(k);
	db_close(base);
	remove_dir();
}

static void test_reimport_after_edits(void)
{
	for (unsigned seed = 1; seed <= 4; seed++)
		one_seed(seed);
}

/* Write text to dir/name. */
static void put(const char *name, const char *text)
{
	char *p = xasprintf("%s/%s", dir, name);
	FILE *fp = fopen(p, "w");
	CHECK(fp != NULL);
	if (fp) {
		fputs(text, fp);
		fclose(fp);
	}
	free(p);
}

static const char sessions_csv[] =
	"uuid,updated_at,origin,deleted,kind,code,title,plan_uuid,start_date,end_date,venue,"
	"place_uuid,organiser,trainer,topics,expected\n"
	"01800000-0000-7000-8000-000000000201,2024-01-01T00:00:00.000Z,lap,0,training,,Lớp 1,,"
	"2024-05-06,2024-05-07,,,,,,\n";

/* Files the ledger must not take, and a dry run. */
static void test_not_recorded(void)
{
	struct sync_import_result r, dry;
	struct sync_import_opts o = { .dry_run = 1 };
	const char *name = "participants.csv";
	struct sx_db *db;
	char *p, soon[25];

	fresh_dir();
	db = open_at("t.db");
	base_rows(db);
	/* A row whose session is unknown is rejected: the file is not recorded,
	 * and once the session came, importing it again brings the row in. */
	put("participants.csv", "uuid,updated_at,origin,deleted,session_uuid,person_uuid,walk_in,"
	    "allowance,note\n01900000-0000-7000-8000-000000000001,2024-01-01T00:00:00.000Z,lap,0,"
	    "01900000-0000-7000-8000-0000000009c1,01800000-0000-7000-8000-000000000101,0,,\n"
	    "01900000-0000-7000-8000-000000000002,2024-01-01T00:00:00.000Z,lap,0,"
	    "01800000-0000-7000-8000-000000000201,01800000-0000-7000-8000-000000000102,0,,\n");
	CHECK_INT(import1(db, "participants.csv", 0, &r), 0);
	CHECK_INT(total(&r, 4), 1);
	CHECK_INT(one(db, "SELECT count(*) FROM sync_ledger"), 0);
	t_db_exec(db, "INSERT INTO sessions (uuid, updated_at, origin, kind, title, start_date, end_date)"
	     " VALUES ('01900000-0000-7000-8000-0000000009c1', 1600000000000, 'lap', 'training',"
	     " 'Lớp 9', '2024-05-06', '2024-05-07')");
	CHECK_INT(import1(db, "participants.csv", 0, &r), 0);
	CHECK_INT(r.already, 0);
	CHECK_INT(total(&r, 0), 1);
	CHECK_INT(total(&r, 2), 1);
	CHECK_INT(one(db, "SELECT count(*) FROM sync_ledger"), 1);
	/* A dry run of a file in the ledger counts what the import does. */
	CHECK_INT(do_import(db, &name, 1, &o, &dry), 0);
	CHECK_INT(import1(db, "participants.csv", 0, &r), 0);
	CHECK_INT(dry.already, 1);
	CHECK_INT(r.already, 1);
	CHECK_INT(total(&dry, 2), 2);
	CHECK(memcmp(dry.counts, r.counts, sizeof r.counts) == 0);
	/* A dry run records nothing. */
	put("sessions.csv", sessions_csv);
	name = "sessions.csv";
	CHECK_INT(do_import(db, &name, 1, &o, &dry), 0);
	CHECK_INT(one(db, "SELECT count(*) FROM sync_ledger WHERE tbl = 'sessions'"), 0);
	/* A row newer than the clock (an hour: a laptop's clock ahead): not recorded. */
	clock_iso(clock_now_ms() + 3600000, soon);
	p = xasprintf("uuid,updated_at,origin,deleted,full_name,name_key,sort_key,gender,"
	    "birth_year,ethnicity,phone,unit,position,place_uuid,category,on_roster,facility_uuid,"
	    "note,roster_excluded\n01900000-0000-7000-8000-000000000a01,%s,lap,0,Lò Văn Sớm,,,,,,,"
	    ",,,,0,,,0\n", soon);
	put("people.csv", p);
	CHECK_INT(import1(db, "people.csv", 0, &r), 0);
	CHECK_INT(total(&r, 0), 1);
	CHECK_INT(one(db, "SELECT count(*) FROM sync_ledger WHERE tbl = 'people'"), 0);
	free(p);
	db_close(db);
	remove_dir();
}

/* A row edited outside sxsh (the stored version stamp, other content)
 * keeps its file out of the ledger: what it does depends on
 * --accept-changed, not only on the versions.  Imported without it, then
 * with it, then with it again: each time what merging row by row does. */
static void test_accept_changed(void)
{
	struct sync_import_result r, rb;
	struct sync_import_opts plain = { 0 }, acc = { .accept_changed = 1 };
	struct sync_import_opts acc_off = { .accept_changed = 1, .no_ledger = 1 };
	const char *name = "sessions.csv";
	struct sx_db *a, *b;

	fresh_dir();
	a = open_at("a.db");
	base_rows(a);
	t_db_exec(a, "UPDATE sessions SET updated_at = 1704067200000, origin = 'lap'"
	     " WHERE uuid = '01800000-0000-7000-8000-000000000201'");
	put("sessions.csv", "uuid,updated_at,origin,deleted,kind,code,title,plan_uuid,start_date,"
	    "end_date,venue,place_uuid,organiser,trainer,topics,expected\n"
	    "01800000-0000-7000-8000-000000000201,2024-01-01T00:00:00.000Z,lap,0,training,,"
	    "Lớp 1 (sửa),,2024-05-06,2024-05-07,,,,,,\n");
	CHECK_INT(do_import(a, &name, 1, &plain, &r), 0);
	CHECK_INT(total(&r, 3), 1);
	CHECK_INT(one(a, "SELECT count(*) FROM sync_ledger"), 0);
	copy_db(a, "b.db");
	b = open_at("b.db");
	for (int round = 0; round < 2; round++) {
		CHECK_INT(do_import(a, &name, 1, &acc, &r), 0);
		CHECK_INT(r.already, 0);
		CHECK_INT(total(&r, 1), round == 0);   /* kept as a new version, once */
		CHECK_INT(do_import(b, &name, 1, &acc_off, &rb), 0);
		/* The new version is stamped now: the same counts and versions. */
		CHECK(memcmp(r.counts, rb.counts, sizeof r.counts) == 0);
		CHECK_INT(one(a, "SELECT count(*) FROM history"), one(b, "SELECT count(*) FROM history"));
		CHECK_INT(one(a, "SELECT count(*) FROM sessions WHERE title = 'Lớp 1 (sửa)'"), 1);
	}
	db_close(a);
	db_close(b);
	remove_dir();
}

/* A backup made before the import knows nothing of it: restored, the same
 * folder merges again, row by row. */
static void test_restored_backup(void)
{
	struct sync_import_result r;
	struct sx_db *src, *db, *old;

	fresh_dir();
	src = open_at("src.db");
	base_rows(src);
	CHECK_INT(do_export(src, "ex"), 0);
	db = open_at("t.db");
	copy_db(db, "t-backup.db");
	CHECK_INT(import1(db, "ex", 0, &r), 0);
	CHECK_INT(total(&r, 0), 15);
	CHECK_INT(import1(db, "ex", 0, &r), 0);
	CHECK_INT(r.already, 12);
	old = open_at("t-backup.db");
	CHECK_INT(import1(old, "ex", 0, &r), 0);
	CHECK_INT(r.already, 0);
	CHECK_INT(total(&r, 0), 15);
	db_close(old);
	db_close(db);
	db_close(src);
	remove_dir();
}

/* The stat cache: a file not touched since it was hashed is not read; a
 * file changed in place (same size, its modification time put back) is.
 * Runs in a child: SXSH_NOW there, and the uuid clock it moves, stay there. */
static void stat_cache(void)
{
	struct sync_import_result r;
	struct sx_db *src, *db;
	struct timespec times[2];
	struct stat st;
	char *p;
	FILE *fp;

	fresh_dir();
	src = open_at("src.db");
	base_rows(src);
	CHECK_INT(do_export(src, "ex"), 0);
	/* The files are "old" for the clock: hashed a minute after they were written. */
	setenv("SXSH_NOW", "2099-01-01T00:00:00Z", 1);
	db = open_at("t.db");
	CHECK_INT(import1(db, "ex", 0, &r), 0);
	CHECK_INT(one(db, "SELECT count(*) FROM sync_seen"), 12);
	CHECK_INT(import1(db, "ex", 0, &r), 0);
	CHECK_INT(r.already, 12);
	/* Change one byte of a name in place, keeping size and mtime. */
	p = xasprintf("%s/ex/people.csv", dir);
	CHECK_INT(stat(p, &st), 0);
	fp = fopen(p, "r+");
	CHECK(fp != NULL);
	if (fp) {
		fseek(fp, -3, SEEK_END);
		fputc('9', fp);
		fclose(fp);
	}
	times[0] = st.st_atim;
	times[1] = st.st_mtim;
	CHECK_INT(utimensat(AT_FDCWD, p, times, 0), 0);
	CHECK_INT(import1(db, "ex", 0, &r), -1);    /* no longer matches its manifest */
	free(p);
	db_close(db);
	db_close(src);
	remove_dir();
}

static void test_stat_cache(void)
{
	int status = 0;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		stat_cache();
		_exit(t_failures ? 1 : 0);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* Schema step 5 on a database made by sxsh at version 3. */
static void test_migrate_v3(void)
{
	struct sync_import_result r;
	struct sx_db *db, *src;
	char cmd[300];

	fresh_dir();
	snprintf(cmd, sizeof cmd, "sqlite3 '%s/v3.db' < '%s/tests/unit/data/schema_v3_small.sql'", dir,
		 SXSH_SRCDIR);
	CHECK_INT(system(cmd), 0);
	db = open_at("v3.db");
	if (!db)
		return;
	CHECK_INT(one(db, "PRAGMA user_version"), SCHEMA_VERSION);
	snprintf(cmd, sizeof cmd, "ls '%s' | grep -q '^v3.db.v3-.*\\.bak$'", dir);
	CHECK_INT(system(cmd), 0);                   /* the backup before the upgrade */
	CHECK_INT(one(db, "SELECT count(*) FROM sqlite_schema WHERE name IN"
		      " ('sync_ledger', 'sync_seen')"), 2);
	CHECK_INT(one(db, "SELECT count(*) FROM places"), 2);
	CHECK_INT(one(db, "SELECT count(*) FROM people"), 1);
	CHECK_INT(one(db, "SELECT count(*) FROM sync_ledger"), 0);
	/* Imports go into the ledger. */
	src = open_at("src.db");
	base_rows(src);
	CHECK_INT(do_export(src, "ex"), 0);
	CHECK_INT(import1(db, "ex", 0, &r), 0);
	CHECK_INT(one(db, "SELECT count(*) FROM sync_ledger"), 12);
	CHECK_INT(import1(db, "ex", 0, &r), 0);
	CHECK_INT(r.already, 12);
	db_close(src);
	db_close(db);
	remove_dir();
}

T_SUITE(ledger) {
	{ "ledger/reimport_after_edits", test_reimport_after_edits },
	{ "ledger/not_recorded", test_not_recorded },
	{ "ledger/accept_changed", test_accept_changed },
	{ "ledger/restored_backup", test_restored_backup },
	{ "ledger/stat_cache", test_stat_cache },
	{ "ledger/migrate_v3", test_migrate_v3 },
	{ 0 }
};
