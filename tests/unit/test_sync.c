/* test_sync.c — SHA-256, CSV writing, and the sync properties: three
 * simulated laptops edit at random, export, and are merged in all six
 * orders into fresh databases, which must end up identical (rows and
 * history), idempotent, losing no version, and round-tripping. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

#include "t.h"
#include "db/db.h"
#include "base/mem.h"
#include "db/schema.h"
#include "base/sha256.h"
#include "base/csvwrite.h"
#include "sync/sync_export.h"
#include "sync/sync_import.h"
#include "sync/sync_row.h"
#include "base/text.h"
#include "base/uuid.h"
#include "base/clock.h"
#include "sync/sync_table.h"
#include "t_db.h"

static void test_sha256(void)
{
	struct sha256 s;
	char hex[65], big[1001];

	sha256_init(&s);
	sha256_update(&s, "abc", 3);
	sha256_hex(&s, hex);
	CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha256_init(&s);
	sha256_update(&s, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56);
	sha256_hex(&s, hex);
	CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	memset(big, 'a', sizeof big);
	sha256_init(&s);
	for (int i = 0; i < 1000; i++) /* one million 'a', fed unevenly */
		sha256_update(&s, big, i % 2 ? 999 : 1001);
	sha256_hex(&s, hex);
	CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static void test_formula_cells(void)
{
	CHECK(csvw_is_formula("=SUM(A1)", 8));
	CHECK(csvw_is_formula("+84 912", 7));
	CHECK(csvw_is_formula("@x", 2));
	CHECK(!csvw_is_formula("-5", 2));
	CHECK(!csvw_is_formula("-1.5", 4));
	CHECK(!csvw_is_formula("Xưởng", 7));
	CHECK(!csvw_is_formula("", 0));
}

/* The decoder's NFC shortcut (sync_row_nfc_already) against utf8proc:
 * every code point it accepts is NFC alone and after any other accepted
 * one, so a text made only of them needs no normalising. */
static void test_nfc_shortcut(void)
{
	static const long ranges[][2] = { { 0x20, 0x7e }, { 0x80, 0x2ff }, { 0x1e00, 0x1eff } };
	char s[16], *nfc;
	long cps[1500];
	size_t n = 0, bad = 0;

	for (size_t r = 0; r < 3; r++)
		for (long c = ranges[r][0]; c <= ranges[r][1]; c++)
			cps[n++] = c;
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < n; j++) {
			size_t k = (size_t)utf8proc_encode_char((utf8proc_int32_t)cps[i], (utf8proc_uint8_t *)s);
			k += (size_t)utf8proc_encode_char((utf8proc_int32_t)cps[j], (utf8proc_uint8_t *)s + k);
			s[k] = '\0';
			if (!sync_row_nfc_already(s, k))
				bad++;
			else if (!(nfc = text_nfc(s)) || strcmp(nfc, s) != 0)
				bad++;
			free(nfc);
			nfc = NULL;
		}
	}
	CHECK(bad == 0);
	CHECK(!sync_row_nfc_already("Cu\xcc\x89" "a", 5));     /* a combining hook above */
	CHECK(!sync_row_nfc_already("\xe2\x84\xab", 3));    /* U+212B, NFC is U+00C5 */
	CHECK(!sync_row_nfc_already("\xc3", 1));              /* cut short */
	CHECK(!sync_row_nfc_already("\xe1\xbb", 2));
	CHECK(!sync_row_nfc_already("\xc0\x80", 2));          /* overlong */
	CHECK(sync_row_nfc_already("\xc4\x90\xe1\xbb\xa9" "c", 6)); /* Đức */
	/* The same after runs of ASCII of every length (read eight bytes at a time). */
	for (size_t pad = 0; pad < 20; pad++) {
		char t[64];
		memset(t, 'a', pad);
		memcpy(t + pad, "Cu\xcc\x89" "a", 6);
		CHECK(!sync_row_nfc_already(t, pad + 5));
		memcpy(t + pad, "\xc4\x90\xe1\xbb\xa9" "c" "abcdefghij", 17);
		CHECK(sync_row_nfc_already(t, pad + 16));
		CHECK(!sync_row_nfc_already(t, pad + 4)); /* cut inside ứ */
		t[pad] = '\xc3';
		CHECK(!sync_row_nfc_already(t, pad + 1));
	}
}

/* ---- the simulation ---------------------------------------------------- */

static unsigned long long rng;

static unsigned rnd(unsigned n)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(rng >> 33) % n;
}

static char tmpdir[64];

static struct sx_db *open_db(const char *name)
{
	struct sx_err e = {0};
	char *p = xasprintf("%s/%s", tmpdir, name);
	struct sx_db *db = db_open(p, &e);
	CHECK_INT(sx_err_count(&e), 0);
	sx_err_print(&e, stderr);
	sx_err_clear(&e);
	free(p);
	return db;
}


/* A random existing uuid of table, or NULL; caller frees. */
static char *pick(struct sx_db *db, const char *table)
{
	char *sql = sqlite3_mprintf("SELECT uuid FROM \"%w\" ORDER BY uuid LIMIT 1 OFFSET"
				    " abs(?) %% max(1, (SELECT count(*) FROM \"%w\"))", table, table);
	sqlite3_stmt *st;
	char *u = NULL;

	sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL);
	sqlite3_free(sql);
	sqlite3_bind_int(st, 1, (int)rnd(1000));
	if (sqlite3_step(st) == SQLITE_ROW)
		u = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return u;
}

/* One random insert into table on db, as origin, at time ms. */
static void insert_random(struct sx_db *db, const char *table, long long ms)
{
	char id[37], *sql = NULL;
	const char *o = db_origin(db);
	char *a = NULL, *b = NULL;

	uuid_v7(id);
	if (!strcmp(table, "facilities")) {
		a = pick(db, "places");
		sql = sqlite3_mprintf("INSERT INTO facilities (uuid, updated_at, origin, name, place_uuid,"
			" cp_potential, note) VALUES (%Q, %lld, %Q, 'Cơ sở %d', %Q, %d, %s)", id, ms, o,
			rnd(50), a, rnd(2), rnd(2) ? "NULL" : "'=1+1'");
	} else if (!strcmp(table, "people")) {
		a = pick(db, "facilities");
		sql = sqlite3_mprintf("INSERT INTO people (uuid, updated_at, origin, full_name, birth_year,"
			" facility_uuid, phone) VALUES (%Q, %lld, %Q, 'Lò Văn %d', %d, %Q, '0%d')", id, ms,
			o, rnd(40), 1950 + rnd(50), rnd(3) ? a : NULL, 912000000 + rnd(1000));
	} else if (!strcmp(table, "sessions")) {
		sql = sqlite3_mprintf("INSERT INTO sessions (uuid, updated_at, origin, kind, title,"
			" start_date, end_date) VALUES (%Q, %lld, %Q, 'training', 'Lớp %d', '2024-05-0%d',"
			" '2024-05-09')", id, ms, o, rnd(9), 1 + rnd(8));
	} else if (!strcmp(table, "participants") || !strcmp(table, "attendance")) {
		a = pick(db, "sessions");
		b = pick(db, "people");
		if (a && b && table[0] == 'p')
			sql = sqlite3_mprintf("INSERT OR IGNORE INTO participants (uuid, updated_at, origin,"
				" session_uuid, person_uuid, walk_in) VALUES (%Q, %lld, %Q, %Q, %Q, %d)",
				id, ms, o, a, b, rnd(2));
		else if (a && b)
			sql = sqlite3_mprintf("INSERT OR IGNORE INTO attendance (uuid, updated_at, origin,"
				" session_uuid, person_uuid, day, present) VALUES (%Q, %lld, %Q, %Q, %Q,"
				" '2024-05-0%d', %d)", id, ms, o, a, b, 1 + rnd(2), rnd(2));
	} else if (!strcmp(table, "assessments")) {
		a = pick(db, "facilities");
		if (a)
			sql = sqlite3_mprintf("INSERT INTO assessments (uuid, updated_at, origin, facility_uuid,"
				" kind, form_id, form_version, started_at) VALUES (%Q, %lld, %Q, %Q, 'rapid',"
				" 'rapid', '1', %lld)", id, ms, o, a, ms);
	} else if (!strcmp(table, "organisations")) {
		sql = sqlite3_mprintf("INSERT INTO organisations (uuid, updated_at, origin, name, kind,"
			" sectors, phone) VALUES (%Q, %lld, %Q, 'Trung tâm %d', 'cp_centre', %Q, '0%d')",
			id, ms, o, rnd(20), rnd(2) ? "cassava sugar" : NULL, 912000000 + rnd(1000));
	} else if (!strcmp(table, "org_roles")) {
		a = pick(db, "organisations");
		b = pick(db, rnd(2) ? "sessions" : "assessments");
		if (a && b)
			sql = sqlite3_mprintf("INSERT INTO org_roles (uuid, updated_at, origin, org_uuid,"
				" role, session_uuid, assessment_uuid) SELECT %Q, %lld, %Q, %Q,"
				" CASE WHEN EXISTS (SELECT 1 FROM sessions WHERE uuid = %Q) THEN 'trainer'"
				" ELSE 'adviser' END, (SELECT uuid FROM sessions WHERE uuid = %Q),"
				" (SELECT uuid FROM assessments WHERE uuid = %Q)", id, ms, o, a, b, b, b);
	} else if (!strcmp(table, "answers")) {
		a = pick(db, "assessments");
		if (a)
			sql = sqlite3_mprintf("INSERT OR IGNORE INTO answers (uuid, updated_at, origin,"
				" assessment_uuid, name, value) VALUES (%Q, %lld, %Q, %Q, 'q%d', '%d,5')",
				id, ms, o, a, rnd(4), rnd(100));
	}
	if (sql)
		t_db_exec(db, sql);
	sqlite3_free(sql);
	free(a);
	free(b);
}

/* Edit a random row: a changed field, or a tombstone. */
static void update_random(struct sx_db *db, const char *table, long long ms)
{
	static const struct { const char *table, *set; } edits[] = {
		{ "facilities", "name = 'Xưởng ' || abs(random() % 9)" },
		{ "people", "phone = '09' || (12000000 + abs(random() % 99))" },
		{ "sessions", "venue = 'Hội trường ' || abs(random() % 5)" },
		{ "participants", "note = 'ghi chú ' || abs(random() % 5)" },
		{ "attendance", "present = 1 - present" },
		{ "assessments", "status = 'complete', finished_at = updated_at" },
		{ "answers", "value = '-' || abs(random() % 7)" },
		{ "organisations", "contact_name = 'Lò Thị ' || abs(random() % 9)" },
		{ "org_roles", "note = 'vai trò ' || abs(random() % 5)" },
	};
	char *u = pick(db, table), *sql;

	for (size_t i = 0; u && i < sizeof edits / sizeof edits[0]; i++) {
		if (strcmp(edits[i].table, table))
			continue;
		sql = sqlite3_mprintf("UPDATE \"%w\" SET %s, updated_at = %lld, origin = %Q%s"
				      " WHERE uuid = %Q", table, edits[i].set, ms, db_origin(db),
				      rnd(6) ? "" : ", deleted = 1", u);
		t_db_exec(db, sql);
		sqlite3_free(sql);
	}
	free(u);
}

static void random_edits(struct sx_db *db, int n)
{
	static const char *const tables[] = { "facilities", "people", "sessions", "participants",
		"attendance", "assessments", "answers", "organisations", "org_roles" };
	t_db_exec(db, "BEGIN");
	for (int i = 0; i < n; i++) {
		/* Times from a small range: laptops often tie, and origin decides. */
		long long ms = 1700000000000LL + rnd(20);
		const char *t = tables[rnd(9)];
		if (rnd(2))
			insert_random(db, t, ms);
		else
			update_random(db, t, ms);
	}
	t_db_exec(db, "COMMIT");
}

static int do_export(struct sx_db *db, const char *name)
{
	struct sync_export_opts o = { .since = -1 };
	struct sync_export_result r;
	struct sx_err e = {0};
	char *dir = xasprintf("%s/%s", tmpdir, name);
	int rc = sync_export(db, dir, &o, &r, &e);
	sx_err_print(&e, stderr);
	sx_err_clear(&e);
	free(dir);
	return rc;
}

/* Conflicts seen by every import of a test, to show the test merges
 * something worth merging. */
static long long conflicts_seen;
/* sync_import_opts.defer_keys for every import of the test (1: the bulk
 * merge for every empty table with a natural key, however few its rows),
 * and the tables it loaded and merged again (twins) in all. */
static int defer_keys;
static long long bulk_tables, bulk_redone;

/* Import the named folders in one call; rejected rows are added up. */
static int do_import(struct sx_db *db, const char *const *names, int n, long long *rejected)
{
	struct sync_import_opts o = { .defer_keys = defer_keys };
	struct sync_import_result r;
	struct sx_err e = {0}, w = {0};
	char *paths[8];
	int rc;

	for (int i = 0; i < n; i++)
		paths[i] = xasprintf("%s/%s", tmpdir, names[i]);
	rc = sync_import(db, paths, n, &o, &r, &e, &w);
	sx_err_print(&e, stderr);
	bulk_tables += r.bulk_tables;
	bulk_redone += r.bulk_redone;
	for (int i = 0; schema_synced_tables[i]; i++) {
		*rejected += r.counts[i].rejected;
		conflicts_seen += r.counts[i].conflicting;
	}
	if (r.report)
		unlink(r.report);
	free(r.report);
	for (int i = 0; i < n; i++)
		free(paths[i]);
	sx_err_clear(&e);
	sx_err_clear(&w);
	return rc;
}

/* Every synced row and every history version (without its id, time and
 * reason, which depend on the order things happened), as one string. */
static char *dump(struct sx_db *db)
{
	size_t cap = 1 << 16, n = 0;
	char *out = xmalloc(cap);

	for (int i = 0;; i++) {
		const char *t = schema_synced_tables[i];
		char *sql = t ? sqlite3_mprintf("SELECT * FROM \"%w\" ORDER BY uuid", t)
			      : sqlite3_mprintf("SELECT tbl, uuid, updated_at, origin, deleted, data"
					       " FROM history ORDER BY 1, 2, 3, 4, 5, 6");
		sqlite3_stmt *st;
		sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL);
		sqlite3_free(sql);
		while (sqlite3_step(st) == SQLITE_ROW) {
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				const char *v = (const char *)sqlite3_column_text(st, c);
				int ty = sqlite3_column_type(st, c);
				size_t k = (v ? strlen(v) : 0) + 8;
				if (n + k + 2 > cap)
					out = xrealloc(out, cap = (cap + k) * 2);
				n += (size_t)snprintf(out + n, cap - n, "%d:%s|", ty, v ? v : "");
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

/* Versions of src (attached) found neither in db's tables nor its history. */
static long long lost_versions(struct sx_db *db, const char *src)
{
	long long lost = 0;
	char *p = xasprintf("%s/%s", tmpdir, src), *sql = sqlite3_mprintf("ATTACH %Q AS src", p);

	t_db_exec(db, sql);
	sqlite3_free(sql);
	for (int i = 0; schema_synced_tables[i]; i++) {
		sqlite3_stmt *st;
		sql = sqlite3_mprintf("SELECT count(*) FROM src.\"%w\" s WHERE NOT EXISTS (SELECT 1 FROM"
			" main.\"%w\" m WHERE m.uuid = s.uuid AND m.updated_at = s.updated_at AND m.origin"
			" = s.origin) AND NOT EXISTS (SELECT 1 FROM main.history h WHERE h.tbl = %Q AND"
			" h.uuid = s.uuid AND h.updated_at = s.updated_at AND h.origin = s.origin)",
			schema_synced_tables[i], schema_synced_tables[i], schema_synced_tables[i]);
		sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL);
		if (sqlite3_step(st) == SQLITE_ROW)
			lost += sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		sqlite3_free(sql);
	}
	t_db_exec(db, "DETACH src");
	free(p);
	return lost;
}

static void remove_tree(const char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir); /* test code only */
	if (system(cmd) != 0)
		t_failures++;
	free(cmd);
}

/* The laptops' base: places, facilities, people, a session. */
static void base_rows(struct sx_db *db)
{
	t_db_exec(db, "INSERT INTO places (uuid, updated_at, origin, code, kind, name) VALUES"
	     " ('0159522d-0800-7001-8000-005358534801', 1483142400000, 'shipped', '14', 'province',"
	     " 'Tỉnh Sơn La')");
	t_db_exec(db, "INSERT INTO places (uuid, updated_at, origin, code, kind, name, parent_uuid) VALUES"
	     " ('0159522d-0800-7002-8000-005358534802', 1483142400000, 'shipped', '125', 'district',"
	     " 'Mai Sơn', '0159522d-0800-7001-8000-005358534801')");
	for (int i = 0; i < 4; i++) {
		insert_random(db, "facilities", 1600000000000LL);
		insert_random(db, "people", 1600000000000LL);
	}
	insert_random(db, "sessions", 1600000000000LL);
	insert_random(db, "assessments", 1600000000000LL);
}

static void one_seed(unsigned seed)
{
	static const int perm[6][3] = { {0,1,2}, {0,2,1}, {1,0,2}, {1,2,0}, {2,0,1}, {2,1,0} };
	static const char *const lap[3] = { "l0.db", "l1.db", "l2.db" };
	static const char *const out[3] = { "e0", "e1", "e2" };
	struct sx_db *base, *l[3], *m;
	const char *b[1] = { "base" };
	char *first = NULL, name[32];
	long long rejected = 0;

	rng = seed;
	base = open_db("base.db");
	base_rows(base);
	CHECK_INT(do_export(base, "base"), 0);
	for (int i = 0; i < 3; i++) {
		l[i] = open_db(lap[i]);
		CHECK_INT(do_import(l[i], b, 1, &rejected), 0);
		random_edits(l[i], 60);
		CHECK_INT(do_export(l[i], out[i]), 0);
	}
	for (int p = 0; p < 6; p++) {
		char *d;
		snprintf(name, sizeof name, "m%d.db", p);
		m = open_db(name);
		if (p % 2) { /* one import of three folders */
			const char *all[3] = { out[perm[p][0]], out[perm[p][1]], out[perm[p][2]] };
			CHECK_INT(do_import(m, all, 3, &rejected), 0);
		} else {     /* three imports in a row */
			for (int i = 0; i < 3; i++)
				CHECK_INT(do_import(m, &out[perm[p][i]], 1, &rejected), 0);
		}
		d = dump(m);
		if (!first) {
			first = d;
			for (int i = 0; i < 3; i++)
				CHECK_INT(lost_versions(m, lap[i]), 0);
			CHECK_INT(do_import(m, out, 3, &rejected), 0); /* twice = once */
			d = dump(m);
			CHECK(strcmp(d, first) == 0);
			CHECK_INT(do_export(m, "rt1"), 0);
		} else if (strcmp(d, first) != 0) {
			fprintf(stderr, "seed %u: order %d gives another database\n", seed, p);
			t_failures++;
		}
		free(d);
		db_close(m);
	}
	CHECK_INT(rejected, 0);
	/* Round trip: export → import into an empty database → export again. */
	m = open_db("rt.db");
	b[0] = "rt1";
	CHECK_INT(do_import(m, b, 1, &rejected), 0);
	CHECK_INT(do_export(m, "rt2"), 0);
	for (int i = 0; schema_synced_tables[i]; i++) {
		char *x = xasprintf("cmp -s %s/rt1/%s.csv %s/rt2/%s.csv", tmpdir, schema_synced_tables[i],
				    tmpdir, schema_synced_tables[i]);
		CHECK_INT(system(x), 0);
		free(x);
	}
	db_close(m);
	free(first);
	for (int i = 0; i < 3; i++)
		db_close(l[i]);
	db_close(base);
}

/* The decoder's uuid check against uuid_valid() (base/uuid.h): a uuid of
 * either case at every length and with every byte of every position
 * changed; upper case comes out lower case.  And a row stamped past the
 * clock's reading plus a day is refused however often the clock was read
 * before (the decoder keeps its last reading). */
static void test_decode_uuid(void)
{
	char path[256];
	struct sx_db *db = t_db_fresh(path, sizeof path);
	struct sync_table t;
	struct sync_row row;
	struct sx_err e = {0};
	static const char *const H[] = { "uuid", "updated_at", "origin", "deleted", "code", "title_vi",
		"title_en", "decision", "period_start", "period_end", "closed_on", "source" };
	static const char *const V[] = { "", "2024-05-31T08:30:00.000Z",
		"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "0", "P1", "Kế hoạch", "Plan", "",
		"2016-01-01", "2020-12-31", "", "" };
	enum { NC = sizeof H / sizeof H[0] };
	char hb[NC][40], vb[NC][40], *hdr[NC], *f[NC], u[40];
	size_t hlen[NC], len[NC];
	struct csvr_rec h = { NC, hdr, hlen, 1 }, rec = h;
	int bad = 0;

	for (int i = 0; i < NC; i++) {
		hdr[i] = strcpy(hb[i], H[i]);
		hlen[i] = strlen(hdr[i]);
	}
	CHECK(db && sync_table_load(db_sqlite(db), "plans", &t, &e) == 0);
	CHECK(sync_row_init(&row, &t, &h, "plans.csv", &e) == 0);
	rec.f = f;
	rec.len = len;
	for (int k = 0; k < NC; k++) {
		f[k] = strcpy(vb[k], V[k]);
		len[k] = strlen(V[k]);
	}
	for (size_t n = 34; n <= 38; n++)
		for (size_t pos = 0; pos < n; pos++)
			for (int c = 1; c < 256; c++) {
				memcpy(u, "0190A1B2-c3d4-7E5F-8a9b-0c1d2e3f4a5bff", n);
				u[n] = '\0';
				if (pos != 5 || c != 1)
					u[pos] = (char)c; /* once the uuid itself */
				f[0] = u;
				len[0] = n;
				int ok = sync_row_decode(&row, &rec, "plans.csv", &e) == 0;
				sx_err_clear(&e);
				bad += ok != (uuid_valid(u) == 1);
				if (ok) {
					for (size_t i = 0; i < 36; i++)
						bad += row.v[t.c_uuid].s[i] != (char)(u[i] >= 'A' && u[i] <= 'F' ? u[i] + 32 : u[i]);
				}
			}
	CHECK_INT(bad, 0);
	f[0] = strcpy(u, "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
	len[0] = 36;
	char ahead[32];
	clock_iso(clock_now_ms() + SYNC_CLOCK_AHEAD_MS + 60000, ahead);
	f[1] = ahead;
	len[1] = strlen(ahead);
	CHECK(sync_row_decode(&row, &rec, "plans.csv", &e) == -1);
	CHECK(strstr(sx_err_last(&e), "is more than a day ahead") != NULL);
	sx_err_clear(&e);
	sync_row_free(&row);
	sync_table_free(&t);
	t_db_gone(db, path);
}

static void merge_properties(int defer)
{
	defer_keys = defer;
	bulk_tables = bulk_redone = 0;
	conflicts_seen = 0;
	for (unsigned seed = 1; seed <= 6; seed++) {
		snprintf(tmpdir, sizeof tmpdir, "/tmp/sxsh-synctest-XXXXXX");
		if (!mkdtemp(tmpdir)) {
			t_failures++;
			return;
		}
		one_seed(seed);
		remove_tree(tmpdir);
	}
	CHECK(conflicts_seen > 50);
}

static void test_merge_properties(void)
{
	merge_properties(0);
	CHECK_INT(bulk_tables + bulk_redone, 0);  /* small imports: row by row */
}

/* The same with the bulk merge wherever a table is empty (sync_import.c):
 * both ways out of it, kept and merged again, must be taken. */
static void test_merge_properties_bulk(void)
{
	merge_properties(1);
	CHECK(bulk_tables > 10);
	CHECK(bulk_redone > 0);
	defer_keys = 0;
}

T_SUITE(sync) {
	{ "sync/sha256", test_sha256 },
	{ "sync/formula_cells", test_formula_cells },
	{ "sync/nfc_shortcut", test_nfc_shortcut },
	{ "sync/decode_uuid", test_decode_uuid },
	{ "sync/merge_properties", test_merge_properties },
	{ "sync/merge_properties_bulk", test_merge_properties_bulk },
	{ 0 }
};
