/* test_dupes.c — likely duplicates across laptops: which pairs are listed,
 * "not a duplicate", and merging (rows moved, unique indexes respected,
 * history kept, tombstone made, all or nothing). */
#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

#include "t.h"
#include "t_db.h"
#include "training/attendance.h"
#include "db/db.h"
#include "records/dupes.h"
#include "records/facility.h"
#include "records/people.h"

/* Run SQL made with sqlite3_mprintf's %Q (test set-up only). */
static void sql(struct sx_db *db, const char *fmt, ...)
{
	va_list ap;
	char *s, *msg = NULL;
	va_start(ap, fmt);
	s = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	if (sqlite3_exec(db_sqlite(db), s, NULL, NULL, &msg) != SQLITE_OK) {
		t_failures++;
		fprintf(stderr, "set-up SQL failed: %s\n%s\n", msg, s);
	}
	sqlite3_free(msg);
	sqlite3_free(s);
}

/* The first column of the first row of a query, as a number (or -1). */
static long long num(struct sx_db *db, const char *fmt, ...)
{
	va_list ap;
	sqlite3_stmt *st;
	long long v = -1;
	char *s;
	va_start(ap, fmt);
	s = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	if (sqlite3_prepare_v2(db_sqlite(db), s, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_free(s);
	return v;
}

static void person(struct sx_db *db, const char *name, int year, const char *phone,
		   char uuid[37])
{
	struct sx_err e = {0};
	struct person p = {0};
	p.full_name = (char *)name;
	p.birth_year = year;
	p.phone = (char *)phone;
	CHECK_INT(person_save(db, &p, &e), 0);
	snprintf(uuid, 37, "%s", p.uuid);
	sx_err_clear(&e);
}

static void facility(struct sx_db *db, const char *name, const char *place, char uuid[37])
{
	struct sx_err e = {0};
	struct facility f = {0};
	f.name = (char *)name;
	f.place_uuid = (char *)place;
	f.cp_potential = 1;
	CHECK_INT(facility_save(db, &f, &e), 0);
	snprintf(uuid, 37, "%s", f.uuid);
	sx_err_clear(&e);
}

static void place(struct sx_db *db, const char *uuid, const char *name)
{
	sql(db, "INSERT INTO places (uuid, updated_at, origin, kind, name)"
		" VALUES (%Q, 1, 'test', 'district', %Q)", uuid, name);
}

static long list(struct sx_db *db, struct dupes_pair **v)
{
	struct sx_err e = {0};
	long n = dupes_list(db, 100, v, &e);
	CHECK_INT(sx_err_count(&e), 0);
	sx_err_clear(&e);
	return n;
}

static void test_people_pairs(void)
{
	char path[64], an1[37], an2[37], an3[37], mai1[37], mai2[37], mai3[37], x[37], y[37];
	struct sx_db *db = t_db_fresh(path, sizeof path);
	struct dupes_pair *v;
	struct sx_err e = {0};
	long n;

	person(db, "Nguyễn Văn An", 1985, NULL, an1);
	person(db, "NGUYEN VAN AN", 1985, NULL, an2);           /* accents and case aside */
	person(db, "Nguyễn Văn An", 1990, NULL, an3);           /* another man of that name */
	person(db, "Lò Thị Mai", 0, "+84 912 345 678", mai1);
	person(db, "Lo Thi Mai", 0, "0912.345.678", mai2);      /* the same phone, written alike */
	person(db, "Lò Thị Mai", 1970, "0988 000 111", mai3);   /* neither year nor phone shared */
	person(db, "Cầm Văn Hùng", 0, NULL, x);                 /* a name alone is not enough */
	person(db, "Cam Van Hung", 0, NULL, y);
	person(db, "Đinh Văn Bình", 1980, NULL, x);
	person(db, "Dinh Van Binh", 1980, NULL, y);
	CHECK_INT(person_delete(db, y, &e), 0);                 /* deleted rows never pair */

	n = list(db, &v);
	CHECK_INT(n, 2);
	if (n == 2) {
		/* Vietnamese order: L before N. */
		CHECK_INT(v[0].kind, DUPES_PERSON);
		CHECK_STR(v[0].phone, "0912345678");
		CHECK_INT(v[0].birth_year, 0);
		CHECK_STR(v[0].a, mai2);       /* "Lo" before "Lò": tones after the letter */
		CHECK_STR(v[0].b, mai1);
		CHECK_INT(v[1].birth_year, 1985);
		CHECK_STR(v[1].phone, "");
		CHECK((!strcmp(v[1].a, an1) && !strcmp(v[1].b, an2)) ||
		      (!strcmp(v[1].a, an2) && !strcmp(v[1].b, an1)));
	}
	/* "Not a duplicate", given in either order, hides the pair for good. */
	if (n == 2)
		CHECK_INT(dupes_ignore(db, v[1].b, v[1].a, &e), 0);
	dupes_free(v, (size_t)(n > 0 ? n : 0));
	n = list(db, &v);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(v[0].name_b, "Lò Thị Mai");
	dupes_free(v, (size_t)(n > 0 ? n : 0));
	(void)an3;
	(void)mai3;
	sx_err_clear(&e);
	t_db_gone(db, path);
}

static void test_facility_pairs(void)
{
	char path[64], f1[37], f2[37], f3[37], f4[37], f5[37];
	struct sx_db *db = t_db_fresh(path, sizeof path);
	struct dupes_pair *v;
	long n;

	place(db, "00000000-0000-7000-8000-000000000001", "Mai Sơn");
	place(db, "00000000-0000-7000-8000-000000000002", "Yên Châu");
	facility(db, "Xưởng sắn Nà Ớt", "00000000-0000-7000-8000-000000000001", f1);
	facility(db, "XUONG SAN NA OT", "00000000-0000-7000-8000-000000000001", f2);
	facility(db, "Xưởng sắn Nà Ớt", "00000000-0000-7000-8000-000000000002", f3); /* elsewhere */
	facility(db, "Cà phê Chiềng Ban", NULL, f4);    /* places unknown: not paired */
	facility(db, "Cà phê Chiềng Ban", NULL, f5);
	n = list(db, &v);
	CHECK_INT(n, 1);
	if (n == 1) {
		CHECK_INT(v[0].kind, DUPES_FACILITY);
		CHECK_STR(v[0].place, "Mai Sơn");
		CHECK((!strcmp(v[0].a, f1) && !strcmp(v[0].b, f2)) ||
		      (!strcmp(v[0].a, f2) && !strcmp(v[0].b, f1)));
	}
	dupes_free(v, (size_t)(n > 0 ? n : 0));
	(void)f3;
	(void)f4;
	(void)f5;
	t_db_gone(db, path);
}

static void session(struct sx_db *db, const char *uuid, const char *start, const char *end)
{
	sql(db, "INSERT INTO sessions (uuid, updated_at, origin, kind, title, start_date, end_date)"
		" VALUES (%Q, 1, 'test', 'training', 'Tập huấn', %Q, %Q)", uuid, start, end);
}

#define S1 "00000000-0000-7000-8000-0000000000a1"
#define S2 "00000000-0000-7000-8000-0000000000a2"
#define S3 "00000000-0000-7000-8000-0000000000a3"

static void test_merge_people(void)
{
	char path[64], a[37], b[37];
	struct sx_db *db = t_db_fresh(path, sizeof path);
	struct sx_err e = {0};
	struct person p;
	long long b_version;

	person(db, "Nguyễn Văn An", 1985, NULL, a);
	person(db, "NGUYEN VAN AN", 1985, "0912 345 678", b);
	session(db, S1, "2025-05-12", "2025-05-13");
	session(db, S2, "2025-06-02", "2025-06-02");
	session(db, S3, "2025-07-07", "2025-07-07");
	/* S1: both registered (the unique pair collides); day 1 A absent and B
	 * present, day 2 only B.  S2: only B.  S3: A removed, B registered. */
	CHECK_INT(attendance_register(db, S1, a, 0, &e), 0);
	CHECK_INT(attendance_register(db, S1, b, 1, &e), 0);
	CHECK_INT(attendance_mark(db, S1, a, "2025-05-12", 0, &e), 0);
	CHECK_INT(attendance_mark(db, S1, b, "2025-05-12", 1, &e), 0);
	CHECK_INT(attendance_mark(db, S1, b, "2025-05-13", 1, &e), 0);
	CHECK_INT(attendance_register(db, S2, b, 0, &e), 0);
	CHECK_INT(attendance_mark(db, S2, b, "2025-06-02", 1, &e), 0);
	CHECK_INT(attendance_register(db, S3, a, 0, &e), 0);
	CHECK_INT(attendance_unregister(db, S3, a, &e), 0);
	CHECK_INT(attendance_register(db, S3, b, 0, &e), 0);
	b_version = num(db, "SELECT updated_at FROM people WHERE uuid = %Q", b);
	sql(db, "DELETE FROM history");

	CHECK_INT(dupes_merge(db, DUPES_PERSON, a, b, &e), 0);
	CHECK_INT(sx_err_count(&e), 0);

	/* The survivor is in all three sessions, once each; the other in none. */
	CHECK_INT(num(db, "SELECT count(*) FROM participants WHERE person_uuid = %Q"
		      " AND deleted = 0", a), 3);
	CHECK_INT(num(db, "SELECT count(*) FROM participants WHERE person_uuid = %Q"
		      " AND deleted = 0", b), 0);
	CHECK_INT(num(db, "SELECT deleted FROM participants WHERE person_uuid = %Q"
		      " AND session_uuid = %Q", b, S1), 1);     /* the collision: a tombstone */
	CHECK_INT(num(db, "SELECT walk_in FROM participants WHERE person_uuid = %Q"
		      " AND session_uuid = %Q", a, S1), 0);     /* the survivor's row kept */
	/* Attendance: present if either was; moved days; no cell twice. */
	CHECK_INT(num(db, "SELECT present FROM attendance WHERE person_uuid = %Q AND session_uuid = %Q"
		      " AND day = '2025-05-12' AND deleted = 0", a, S1), 1);
	CHECK_INT(num(db, "SELECT count(*) FROM attendance WHERE person_uuid = %Q AND deleted = 0"
		      " AND present = 1", a), 3);
	CHECK_INT(num(db, "SELECT count(*) FROM attendance WHERE person_uuid = %Q"
		      " AND deleted = 0", b), 0);
	/* The other is a tombstone from this laptop, a newer version than before. */
	CHECK_INT(num(db, "SELECT deleted FROM people WHERE uuid = %Q", b), 1);
	CHECK_INT(num(db, "SELECT origin = %Q FROM people WHERE uuid = %Q", db_origin(db), b), 1);
	CHECK(num(db, "SELECT updated_at FROM people WHERE uuid = %Q", b) > b_version);
	/* The history holds every replaced version: the person, the survivor
	 * (its phone was filled), participants and attendance. */
	CHECK_INT(num(db, "SELECT count(*) FROM history WHERE tbl = 'people' AND uuid = %Q"
		      " AND deleted = 0 AND json_extract(data, '$.full_name') = 'NGUYEN VAN AN'", b), 1);
	CHECK_INT(num(db, "SELECT count(*) FROM history WHERE tbl = 'people' AND uuid = %Q"
		      " AND json_extract(data, '$.phone') IS NULL", a), 1);
	CHECK_INT(num(db, "SELECT count(*) FROM history WHERE tbl = 'participants'"), 4);
	CHECK_INT(num(db, "SELECT count(*) FROM history WHERE tbl = 'attendance'"), 4);
	/* Empty fields of the survivor were filled; its name stays. */
	CHECK_INT(person_get(db, a, &p, &e), 0);
	CHECK_STR(p.full_name, "Nguyễn Văn An");
	CHECK_STR(p.phone, "0912345678");   /* stored in one form (phone.h) */
	person_clear(&p);
	/* The pair is no longer listed. */
	struct dupes_pair *v;
	long n = list(db, &v);
	CHECK_INT(n, 0);
	dupes_free(v, (size_t)(n > 0 ? n : 0));
	sx_err_clear(&e);
	t_db_gone(db, path);
}

static void assessment(struct sx_db *db, const char *uuid, const char *fac)
{
	sql(db, "INSERT INTO assessments (uuid, updated_at, origin, facility_uuid, kind, form_id,"
		" form_version, started_at) VALUES (%Q, 1, 'test', %Q, 'rapid', 'rapid', '1', 1);"
		"INSERT INTO answers (uuid, updated_at, origin, assessment_uuid, name, value)"
		" VALUES (%Q || '-a', 1, 'test', %Q, 'A1', 'x')", uuid, fac, uuid, uuid);
}

static void test_merge_facilities(void)
{
	char path[64], f1[37], f2[37], worker[37];
	struct sx_db *db = t_db_fresh(path, sizeof path);
	struct sx_err e = {0};
	struct person p;

	place(db, "00000000-0000-7000-8000-000000000001", "Mai Sơn");
	facility(db, "Xưởng sắn Nà Ớt", "00000000-0000-7000-8000-000000000001", f1);
	facility(db, "XUONG SAN NA OT", "00000000-0000-7000-8000-000000000001", f2);
	sql(db, "UPDATE facilities SET owner = 'Lò Văn Páo', updated_at = updated_at + 1"
		" WHERE uuid = %Q", f2);
	assessment(db, "00000000-0000-7000-8000-0000000000b1", f1);
	assessment(db, "00000000-0000-7000-8000-0000000000b2", f2);
	assessment(db, "00000000-0000-7000-8000-0000000000b3", f2);
	person(db, "Quàng Văn Tú", 1980, NULL, worker);
	sql(db, "UPDATE people SET facility_uuid = %Q WHERE uuid = %Q", f2, worker);
	sql(db, "DELETE FROM history");

	CHECK_INT(dupes_merge(db, DUPES_FACILITY, f1, f2, &e), 0);
	CHECK_INT(num(db, "SELECT count(*) FROM assessments WHERE facility_uuid = %Q"
		      " AND deleted = 0", f1), 3);
	CHECK_INT(num(db, "SELECT count(*) FROM answers WHERE deleted = 0"), 3);
	CHECK_INT(person_get(db, worker, &p, &e), 0);
	CHECK_STR(p.facility_uuid, f1);
	person_clear(&p);
	CHECK_INT(num(db, "SELECT deleted FROM facilities WHERE uuid = %Q", f2), 1);
	CHECK_INT(num(db, "SELECT owner = 'Lò Văn Páo' FROM facilities WHERE uuid = %Q", f1), 1);
	CHECK_INT(num(db, "SELECT count(*) FROM history WHERE tbl = 'assessments'"
		      " AND json_extract(data, '$.facility_uuid') = %Q", f2), 2);
	CHECK_INT(num(db, "SELECT count(*) FROM history WHERE tbl = 'facilities' AND uuid = %Q"
		      " AND deleted = 0", f2), 1);
	sx_err_clear(&e);
	t_db_gone(db, path);
}

/* A merge that cannot be done, or fails half-way, changes nothing. */
static void test_merge_refused(void)
{
	char path[64], a[37], b[37], c[37];
	struct sx_db *db = t_db_fresh(path, sizeof path);
	struct sx_err e = {0};
	long long before;

	person(db, "Hà Văn Lả", 1975, NULL, a);
	person(db, "Ha Van La", 1975, "0912000111", b);
	person(db, "HA VAN LA", 1975, NULL, c);
	session(db, S1, "2025-05-12", "2025-05-12");
	CHECK_INT(attendance_register(db, S1, b, 0, &e), 0);
	CHECK_INT(dupes_merge(db, DUPES_PERSON, a, a, &e), -1);
	sx_err_clear(&e);
	CHECK_INT(person_delete(db, c, &e), 0);
	before = num(db, "SELECT count(*) FROM history");
	CHECK_INT(dupes_merge(db, DUPES_PERSON, a, c, &e), -1);  /* c is gone */
	CHECK(sx_err_count(&e) > 0);
	sx_err_clear(&e);
	/* The last step (the tombstone) fails: the filled phone and the moved
	 * registration are rolled back with it. */
	sql(db, "CREATE TEMP TRIGGER no_tombstone BEFORE UPDATE OF deleted ON people"
		" WHEN NEW.deleted = 1 BEGIN SELECT RAISE(ABORT, 'refused'); END");
	CHECK_INT(dupes_merge(db, DUPES_PERSON, a, b, &e), -1);
	CHECK(sx_err_count(&e) > 0);
	CHECK_INT(num(db, "SELECT count(*) FROM history"), before);
	CHECK_INT(num(db, "SELECT phone IS NULL FROM people WHERE uuid = %Q", a), 1);
	CHECK_INT(num(db, "SELECT count(*) FROM participants WHERE person_uuid = %Q", a), 0);
	CHECK_INT(num(db, "SELECT count(*) FROM participants WHERE person_uuid = %Q"
		      " AND deleted = 0", b), 1);
	sql(db, "DROP TRIGGER no_tombstone");
	CHECK_INT(dupes_merge(db, DUPES_PERSON, a, b, &e), 0);  /* and then it works */
	sx_err_clear(&e);
	t_db_gone(db, path);
}

static void test_compare(void)
{
	char path[64], a[37], b[37];
	struct sx_db *db = t_db_fresh(path, sizeof path);
	struct sx_err e = {0};
	struct dupes_field *f;
	long n;

	person(db, "Nguyễn Văn An", 1985, NULL, a);
	person(db, "NGUYEN VAN AN", 1985, "0912 345 678", b);
	n = dupes_compare(db, DUPES_PERSON, a, b, &f, &e);
	CHECK(n > 10);
	for (long i = 0; i < n; i++) {
		if (!strcmp(f[i].label, "Full name"))
			CHECK_INT(f[i].differ, 1);
		if (!strcmp(f[i].label, "Year of birth")) {
			CHECK_STR(f[i].a, "1985");
			CHECK_INT(f[i].differ, 0);
		}
		if (!strcmp(f[i].label, "Phone")) {
			CHECK_STR(f[i].a, "");
			CHECK_STR(f[i].b, "0912345678");   /* stored in one form (phone.h) */
		}
	}
	dupes_fields_free(f, (size_t)(n > 0 ? n : 0));
	CHECK_INT(dupes_compare(db, DUPES_FACILITY, a, b, &f, &e), -1);  /* not facilities */
	sx_err_clear(&e);
	t_db_gone(db, path);
}

T_SUITE(dupes) {
	{ "dupes/people_pairs", test_people_pairs },
	{ "dupes/facility_pairs", test_facility_pairs },
	{ "dupes/merge_people", test_merge_people },
	{ "dupes/merge_facilities", test_merge_facilities },
	{ "dupes/merge_refused", test_merge_refused },
	{ "dupes/compare", test_compare },
	{ 0 },
};
