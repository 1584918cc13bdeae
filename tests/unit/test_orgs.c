/* test_orgs.c — the support network: saving and finding organisations,
 * links to sessions and assessments, what each took part in, and the
 * round trip through sync export and import. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "t.h"
#include "t_db.h"
#include "base/mem.h"
#include "db/db.h"
#include "db/schema.h"
#include "records/orgs.h"
#include "sync/sync_export.h"
#include "sync/sync_import.h"

#define S1 "01a23400-0000-7000-8000-000000000011"
#define S2 "01a23400-0000-7000-8000-000000000012"
#define A1 "01a23400-0000-7000-8000-000000000031"

static void exec(struct sx_db *db, const char *sql)
{
	CHECK_INT(sqlite3_exec(db_sqlite(db), sql, NULL, NULL, NULL), SQLITE_OK);
}

static long count(struct sx_db *db, const char *sql)
{
	sqlite3_stmt *st;
	long n = -1;
	if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* A course in 2018, one in 2026, and a rapid assessment visited in 2019. */
static void fixture(struct sx_db *db)
{
	exec(db, "INSERT INTO sessions (uuid, updated_at, origin, kind, code, title, start_date,"
		 " end_date) VALUES ('01a23400-0000-7000-8000-000000000011', 1, 'o', 'training', 'TH-2018-01', 'Tập huấn SXSH',"
		 " '2018-09-10', '2018-09-11'), ('01a23400-0000-7000-8000-000000000012', 1, 'o', 'awareness', NULL,"
		 " 'Hội nghị tuyên truyền', '2026-05-12', '2026-05-12');"
		 "INSERT INTO facilities (uuid, updated_at, origin, name) VALUES"
		 " ('01a23400-0000-7000-8000-000000000021', 1, 'o', 'HTX Cà phê Chiềng Ban');"
		 "INSERT INTO assessments (uuid, updated_at, origin, facility_uuid, kind, form_id,"
		 " form_version, status, started_at) VALUES ('01a23400-0000-7000-8000-000000000031', 1, 'o', '01a23400-0000-7000-8000-000000000021', 'rapid', 'sxsh_rapid', '1', 'complete',"
		 " 1700000000000);"
		 "INSERT INTO answers (uuid, updated_at, origin, assessment_uuid, name, value) VALUES"
		 " ('01a23400-0000-7000-8000-000000000041', 1, 'o', '01a23400-0000-7000-8000-000000000031', 'visit_date', '2019-04-02');");
}

static void test_save_find_list(void)
{
	char path[256];
	struct sx_db *db = t_db_fresh(path, sizeof path);
	struct sx_err e = {0};
	struct org o = {0}, b = {0}, got, *list;
	size_t n;

	o.name = (char *)" Trung tâm Sản xuất sạch Việt Nam ";
	o.kind = (char *)"cp_centre";
	o.sectors = (char *)"cassava coffee_wet";
	o.phone = (char *)"024 3868 1686";
	CHECK_INT(orgs_save(db, &o, &e), 0);
	CHECK(o.uuid[0] != '\0');
	b.name = (char *)"Quỹ Bảo vệ môi trường Việt Nam";
	b.kind = (char *)"fund";
	CHECK_INT(orgs_save(db, &b, &e), 0);
	CHECK_INT(orgs_find(db, "trung tam san xuat sach viet nam", &got, &e), 1);
	CHECK_STR(got.name, "Trung tâm Sản xuất sạch Việt Nam");
	CHECK_STR(got.sectors, "cassava coffee_wet");
	org_clear(&got);
	CHECK_INT(orgs_find(db, b.uuid, &got, &e), 1);
	CHECK_STR(got.kind, "fund");
	org_clear(&got);
	CHECK_INT(orgs_find(db, "nobody", &got, &e), 0);
	CHECK_INT(orgs_list(db, "viet nam", &list, &n, &e), 0);
	CHECK_INT(n, 2);
	if (n == 2) {   /* Vietnamese order: Q before T */
		CHECK_STR(list[0].name, "Quỹ Bảo vệ môi trường Việt Nam");
		CHECK_STR(list[1].name, "Trung tâm Sản xuất sạch Việt Nam");
	}
	for (size_t i = 0; i < n; i++)
		org_clear(&list[i]);
	free(list);
	CHECK_INT(orgs_delete(db, b.uuid, &e), 0);
	CHECK_INT(orgs_list(db, NULL, &list, &n, &e), 0);
	CHECK_INT(n, 1);
	for (size_t i = 0; i < n; i++)
		org_clear(&list[i]);
	free(list);
	CHECK_INT(count(db, "SELECT count(*) FROM organisations WHERE deleted = 1"), 1);
	CHECK_INT(sx_err_count(&e), 0);
	sx_err_clear(&e);
	t_db_gone(db, path);
}

static void test_refusals(void)
{
	char path[256];
	struct sx_db *db = t_db_fresh(path, sizeof path);
	struct sx_err e = {0};
	struct org o = {0};

	o.name = (char *)"  ";
	o.kind = (char *)"consultant";
	CHECK_INT(orgs_save(db, &o, &e), -1);
	o.name = (char *)"Viện Môi trường";
	o.kind = (char *)"ngo";
	CHECK_INT(orgs_save(db, &o, &e), -1);
	o.kind = (char *)"university";
	o.sectors = (char *)"cassava steel";
	CHECK_INT(orgs_save(db, &o, &e), -1);
	CHECK_INT(sx_err_count(&e), 3);
	if (sx_err_count(&e) == 3) {
		CHECK_STR(e.msgs[0], "an organisation needs a name");
		CHECK_STR(e.msgs[1], "unknown kind of organisation 'ngo'");
		CHECK_STR(e.msgs[2], "unknown sector in 'cassava steel'");
	}
	CHECK_INT(count(db, "SELECT count(*) FROM organisations"), 0);
	sx_err_clear(&e);
	t_db_gone(db, path);
}

static void test_links_and_parts(void)
{
	char path[256];
	struct sx_db *db = t_db_fresh(path, sizeof path);
	struct sx_err e = {0};
	struct org o = {0};
	struct org_part *p;
	size_t n;

	fixture(db);
	o.name = (char *)"Trung tâm Khuyến công Sơn La";
	o.kind = (char *)"cp_centre";
	CHECK_INT(orgs_save(db, &o, &e), 0);
	CHECK_INT(orgs_link(db, o.uuid, "organiser", S1, &e), 1);
	CHECK_INT(orgs_link(db, o.uuid, "organiser", S1, &e), 0);   /* once */
	CHECK_INT(orgs_link(db, o.uuid, "trainer", S2, &e), 1);
	CHECK_INT(orgs_link(db, o.uuid, "adviser", A1, &e), 1);
	CHECK_INT(sx_err_count(&e), 0);
	CHECK_INT(orgs_link(db, o.uuid, "adviser", S1, &e), -1);    /* not an assessment */
	CHECK_INT(orgs_link(db, o.uuid, "sponsor", S1, &e), -1);
	CHECK_INT(sx_err_count(&e), 2);
	sx_err_clear(&e);
	CHECK_INT(orgs_parts(db, o.uuid, NULL, NULL, &p, &n, &e), 0);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_STR(p[0].role, "organiser");
		CHECK_STR(p[0].what, "TH-2018-01 Tập huấn SXSH");
		CHECK_STR(p[0].date, "2018-09-10");
		CHECK_STR(p[1].role, "adviser");
		CHECK_STR(p[1].what, "HTX Cà phê Chiềng Ban");
		CHECK_STR(p[1].date, "2019-04-02");   /* the visit, not the typing */
		CHECK_STR(p[2].what, "Hội nghị tuyên truyền");
	}
	orgs_parts_free(p, n);
	CHECK_INT(orgs_parts(db, o.uuid, "2016-12-31", "2020-12-31", &p, &n, &e), 0);
	CHECK_INT(n, 2);
	orgs_parts_free(p, n);
	CHECK_INT(orgs_unlink(db, o.uuid, "organiser", S1, &e), 0);
	CHECK_INT(orgs_parts(db, o.uuid, "2016-12-31", "2020-12-31", &p, &n, &e), 0);
	CHECK_INT(n, 1);
	orgs_parts_free(p, n);
	CHECK_INT(orgs_link(db, o.uuid, "organiser", S1, &e), 1);   /* comes back */
	CHECK_INT(count(db, "SELECT count(*) FROM org_roles WHERE role = 'organiser'"), 1);
	CHECK_INT(orgs_delete(db, o.uuid, &e), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM org_roles WHERE deleted = 0"), 0);
	CHECK_INT(sx_err_count(&e), 0);
	sx_err_clear(&e);
	t_db_gone(db, path);
}

static char *table_dump(struct sx_db *db, const char *sql)
{
	sqlite3_stmt *st;
	char *out = xstrdup("");
	if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) != SQLITE_OK)
		return out;
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int c = 0; c < sqlite3_column_count(st); c++) {
			const char *v = (const char *)sqlite3_column_text(st, c);
			char *next = xasprintf("%s%s|", out, v ? v : "NULL");
			free(out);
			out = next;
		}
	}
	sqlite3_finalize(st);
	return out;
}

/* Export from one database, import into a fresh one: the organisations and
 * their roles arrive as they were, tombstones included.  sort_key is left
 * out: the import normalises every text to NFC, and text_collate_key() ends
 * its keys with the name decomposed (NFD), so the key arrives recomposed —
 * as it does for people and facilities (reported to the lead). */
static void test_sync_round_trip(void)
{
	char pa[256], pb[256], dir[] = "/tmp/sxsh-orgs-XXXXXX", *sub, *paths[1], *x, *y;
	struct sx_db *a = t_db_fresh(pa, sizeof pa), *b = t_db_fresh(pb, sizeof pb);
	struct sync_export_opts eo = { .since = -1 };
	struct sync_export_result er;
	struct sync_import_opts io = { 0 };
	struct sync_import_result ir;
	struct sx_err e = {0}, w = {0};
	struct org o = {0}, gone = {0};
	static const char rows[] =
		"SELECT o.uuid, o.updated_at, o.origin, o.deleted, name, name_key, kind,"
		" sectors, contact_name, phone, email, address, o.note, r.uuid, r.role,"
		" r.session_uuid, r.assessment_uuid, r.deleted FROM organisations o"
		" LEFT JOIN org_roles r ON r.org_uuid = o.uuid ORDER BY o.uuid, r.uuid";

	CHECK(mkdtemp(dir) != NULL);
	fixture(a);
	o.name = (char *)"Viện Khoa học và Công nghệ Môi trường, Đại học Bách khoa Hà Nội";
	o.kind = (char *)"university";
	o.sectors = (char *)"sugar";
	o.contact_name = (char *)"Nguyễn Thị Hà";
	o.email = (char *)"inest@hust.edu.vn";
	o.address = (char *)"Số 1 Đại Cồ Việt, Hà Nội";
	CHECK_INT(orgs_save(a, &o, &e), 0);
	CHECK_INT(orgs_link(a, o.uuid, "trainer", S1, &e), 1);
	CHECK_INT(orgs_link(a, o.uuid, "adviser", A1, &e), 1);
	gone.name = (char *)"Hiệp hội Mía đường Việt Nam";
	gone.kind = (char *)"association";
	CHECK_INT(orgs_save(a, &gone, &e), 0);
	CHECK_INT(orgs_delete(a, gone.uuid, &e), 0);
	sub = xasprintf("%s/ex", dir);
	CHECK_INT(sync_export(a, sub, &eo, &er, &e), 0);
	paths[0] = sub;
	CHECK_INT(sync_import(b, paths, 1, &io, &ir, &e, &w), 0);
	sx_err_print(&e, stderr);
	x = table_dump(a, rows);
	y = table_dump(b, rows);
	CHECK(strlen(x) > 100);
	CHECK_STR(y, x);
	CHECK_INT(count(b, "SELECT count(*) FROM org_roles WHERE deleted = 0"), 2);
	CHECK_INT(count(b, "SELECT count(*) FROM organisations WHERE deleted = 1"), 1);
	free(x);
	free(y);
	if (ir.report)
		unlink(ir.report);
	free(ir.report);
	x = xasprintf("rm -rf '%s'", dir);
	CHECK_INT(system(x), 0);
	free(x);
	free(sub);
	sx_err_clear(&e);
	sx_err_clear(&w);
	t_db_gone(a, pa);
	t_db_gone(b, pb);
}

/* A database of schema version 1 (before the network: made by sxsh 0.1.0, dumped in
 * tests/unit/data/schema_v1.sql) is upgraded when opened: the two tables and their
 * history triggers appear, rows stay. */
static void test_upgrade_from_v1(void)
{
	char dir[] = "/tmp/sxsh-orgs-XXXXXX", path[128];
	struct sx_db *db;
	struct sx_err e = {0};
	struct org o = {0};

	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof path, "%s/v1.db", dir);
	CHECK_INT(t_db_load(path, "schema_v1.sql"), 0);
	db = db_open(path, &e);
	CHECK(db != NULL);
	if (!db)
		return;
	CHECK_INT(count(db, "PRAGMA user_version"), SCHEMA_VERSION);
	CHECK_INT(count(db, "SELECT count(*) FROM facilities"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
			    " AND tbl_name IN ('organisations', 'org_roles')"), 4);
	o.name = (char *)"Trung tâm Khuyến công Sơn La";
	o.kind = (char *)"cp_centre";
	CHECK_INT(orgs_save(db, &o, &e), 0);
	CHECK_INT(sx_err_count(&e), 0);
	sx_err_clear(&e);
	t_db_gone(db, path);
	rmdir(dir);
}

T_SUITE(orgs) {
	{ "orgs/a version 1 database is upgraded", test_upgrade_from_v1 },
	{ "orgs/save, find, list in Vietnamese order, delete", test_save_find_list },
	{ "orgs/a name, a known kind and known sectors are required", test_refusals },
	{ "orgs/links to sessions and assessments, parts by date", test_links_and_parts },
	{ "orgs/sync export and import round trip", test_sync_round_trip },
	{ 0 },
};
