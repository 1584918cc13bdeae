/* test_coverage.c — sessions, registration, attendance and the coverage
 * rules (roster trained, facilities informed). */
#include <stdlib.h>
#include <unistd.h>

#include "t.h"
#include "t_db.h"
#include "training/attendance.h"
#include "training/coverage.h"
#include "db/db.h"
#include "records/facility.h"
#include "records/people.h"
#include "training/session.h"

static void person(struct sx_db *db, const char *name, int roster, const char *facility,
		   char uuid[37])
{
	struct sx_err e = {0};
	struct person p = {0};
	p.full_name = (char *)name;
	/* The roster is the officer categories (coverage.h), not a flag. */
	p.category = (char *)(roster ? "extension" : "enterprise");
	p.facility_uuid = (char *)facility;
	CHECK_INT(person_save(db, &p, &e), 0);
	snprintf(uuid, 37, "%s", p.uuid);
	sx_err_clear(&e);
}

static void session(struct sx_db *db, const char *kind, const char *code, const char *start,
		    const char *end, char uuid[37])
{
	struct sx_err e = {0};
	struct session s = {0};
	s.kind = (char *)kind;
	s.code = (char *)code;
	s.title = (char *)"Sản xuất sạch hơn";
	s.start_date = (char *)start;
	s.end_date = end ? (char *)end : NULL;
	CHECK_INT(session_save(db, &s, &e), 0);
	if (!end)
		free(s.end_date);   /* filled in from the start date */
	free(s.plan_uuid);      /* the default plan, when there is one */
	snprintf(uuid, 37, "%s", s.uuid);
	sx_err_clear(&e);
}

static void facility(struct sx_db *db, const char *name, int potential, char uuid[37])
{
	struct sx_err e = {0};
	struct facility f = {0};
	f.name = (char *)name;
	f.cp_potential = potential;
	CHECK_INT(facility_save(db, &f, &e), 0);
	snprintf(uuid, 37, "%s", f.uuid);
	sx_err_clear(&e);
}

static void test_days(void)
{
	char d[SESSION_MAX_DAYS][11];
	CHECK_INT(session_days("2025-05-12", "2025-05-12", d), 1);
	CHECK_INT(session_days("2024-02-28", "2024-03-01", d), 3);
	CHECK_STR(d[1], "2024-02-29");
	CHECK_STR(d[2], "2024-03-01");
	CHECK_INT(session_days("2025-12-31", "2026-01-01", d), 2);
	CHECK_STR(d[1], "2026-01-01");
	CHECK_INT(session_days("2025-05-13", "2025-05-12", d), -1);   /* reversed */
	CHECK_INT(session_days("2025-05-01", "2025-06-30", d), -1);   /* too long */
	CHECK_INT(session_days("2025-02-30", "2025-03-01", d), -1);
}

static void test_session_rules(void)
{
	char path[64], id[37];
	struct sx_err e = {0};
	struct session s = {0}, got;
	struct sx_db *db = t_db_fresh(path, sizeof path);

	if (!db)
		return;
	s.kind = (char *)"training";
	s.title = (char *)"Lớp tập huấn";
	CHECK_INT(session_save(db, &s, &e), -1);              /* no start date */
	s.start_date = (char *)"2025-05-12";
	s.end_date = (char *)"2025-05-11";
	CHECK_INT(session_save(db, &s, &e), -1);              /* reversed */
	s.kind = (char *)"party";
	s.end_date = (char *)"2025-05-13";
	CHECK_INT(session_save(db, &s, &e), -1);
	CHECK_STR(sx_err_last(&e), "unknown kind of session 'party'");
	sx_err_clear(&e);
	session(db, "training", "TH-01", "2025-05-12", "2025-05-13", id);
	CHECK_INT(session_find(db, "TH-01", &got, &e), 0);
	CHECK_STR(got.uuid, id);
	session_clear(&got);
	CHECK_INT(session_find(db, id, &got, &e), 0);
	session_clear(&got);
	CHECK_INT(session_find(db, "TH-99", &got, &e), -1);
	CHECK_STR(sx_err_last(&e), "no session with the code or id 'TH-99'");
	session(db, "demo", "TH-01", "2025-06-01", NULL, id);
	CHECK_INT(session_find(db, "TH-01", &got, &e), -1);   /* code now shared */
	CHECK(strstr(sx_err_last(&e), "several sessions") != NULL);
	t_db_gone(db, path);
	sx_err_clear(&e);
}

static void test_default_plan(void)
{
	char path[64], plan[37];
	struct sx_err e = {0};
	struct session s = {0};
	struct sx_db *db = t_db_fresh(path, sizeof path);

	if (!db)
		return;
	CHECK_INT(session_default_plan(db, "2025-01-01", plan), -1);   /* no plans */
	CHECK_INT(db_exec(db, "INSERT INTO plans (uuid, updated_at, origin, code, title_vi,"
		" period_start, period_end) VALUES"
		" ('p16', 1, 'o', 'A', 'Kế hoạch 2016–2020', '2016-12-31', '2020-12-31'),"
		" ('p21', 1, 'o', 'B', 'Kế hoạch 2021–2025', '2021-01-01', '2025-12-31')", &e), 0);
	CHECK_INT(session_default_plan(db, "2018-06-01", plan), 0);
	CHECK_STR(plan, "p16");
	CHECK_INT(session_default_plan(db, "2030-06-01", plan), 0);   /* the latest */
	CHECK_STR(plan, "p21");
	s.kind = (char *)"awareness";
	s.title = (char *)"Hội nghị";
	s.start_date = (char *)"2019-03-04";
	CHECK_INT(session_save(db, &s, &e), 0);
	CHECK_STR(s.plan_uuid, "p16");
	CHECK_STR(s.end_date, "2019-03-04");
	free(s.plan_uuid);
	free(s.end_date);
	CHECK_INT(sx_err_count(&e), 0);
	t_db_gone(db, path);
	sx_err_clear(&e);
}

static void test_register_and_mark(void)
{
	char path[64], s1[37], a[37], b[37];
	struct sx_err e = {0};
	struct attendance_grid g;
	struct session s;
	struct sx_db *db = t_db_fresh(path, sizeof path);

	if (!db)
		return;
	session(db, "training", "TH-01", "2025-05-12", "2025-05-13", s1);
	person(db, "Nguyễn Văn An", 1, NULL, a);
	person(db, "Bùi Thị Lan", 1, NULL, b);
	CHECK_INT(attendance_register(db, s1, a, 0, &e), 0);
	CHECK_INT(attendance_register(db, s1, a, 0, &e), 1);   /* already there */
	CHECK_INT(attendance_register(db, s1, b, 1, &e), 0);
	CHECK_INT(attendance_mark(db, s1, a, "2025-05-12", 1, &e), 0);
	CHECK_INT(attendance_mark(db, s1, a, "2025-05-13", 1, &e), 0);
	CHECK_INT(attendance_mark(db, s1, b, "2025-05-13", 1, &e), 0);
	CHECK_INT(attendance_mark(db, s1, a, "2025-05-13", 0, &e), 0);   /* untick */
	CHECK_INT(session_get(db, s1, &s, &e), 0);
	CHECK_INT(attendance_grid_load(db, &s, &g, &e), 0);
	CHECK_INT(g.ndays, 2);
	CHECK_INT(g.n, 2);
	if (g.n == 2 && g.ndays == 2) {
		CHECK_STR(g.people[0].full_name, "Bùi Thị Lan");   /* Vietnamese order */
		CHECK_INT(g.people[0].walk_in, 1);
		CHECK_INT(attendance_grid_total(&g, 0), 1);
		CHECK_INT(attendance_grid_total(&g, 1), 1);
		CHECK_INT(g.present[1 * 2 + 0], 1);   /* An, day 1 */
		CHECK_INT(g.present[1 * 2 + 1], 0);   /* An, day 2 unticked */
	}
	attendance_grid_free(&g);
	/* Removing a participant removes them from the grid and the history. */
	CHECK_INT(attendance_unregister(db, s1, b, &e), 0);
	CHECK_INT(attendance_grid_load(db, &s, &g, &e), 0);
	CHECK_INT(g.n, 1);
	attendance_grid_free(&g);
	CHECK_INT(attendance_register(db, s1, b, 0, &e), 0);   /* back again */
	CHECK_INT(attendance_grid_load(db, &s, &g, &e), 0);
	CHECK_INT(g.n, 2);
	CHECK_INT(attendance_grid_total(&g, 1), 0);   /* the old tick stays removed */
	attendance_grid_free(&g);
	session_clear(&s);
	CHECK_INT(sx_err_count(&e), 0);
	t_db_gone(db, path);
	sx_err_clear(&e);
}

static void test_roster(void)
{
	char path[64], course[37], conf[37], a[37], b[37], c[37], d[37];
	struct sx_err e = {0};
	struct sx_db *db = t_db_fresh(path, sizeof path);
	long trained, total;

	if (!db)
		return;
	session(db, "training", "TH-01", "2025-05-12", "2025-05-13", course);
	session(db, "awareness", "HN-01", "2025-04-01", NULL, conf);
	person(db, "A trained", 1, NULL, a);
	person(db, "B registered, never ticked", 1, NULL, b);
	person(db, "C only at the conference", 1, NULL, c);
	person(db, "D trained but not on the roster", 0, NULL, d);
	attendance_register(db, course, a, 0, &e);
	attendance_register(db, course, b, 0, &e);
	attendance_register(db, conf, c, 0, &e);
	attendance_register(db, course, d, 0, &e);
	attendance_mark(db, course, a, "2025-05-13", 1, &e);
	attendance_mark(db, course, b, "2025-05-12", 0, &e);
	attendance_mark(db, conf, c, "2025-04-01", 1, &e);
	attendance_mark(db, course, d, "2025-05-12", 1, &e);
	CHECK_INT(coverage_roster(db, NULL, &trained, &total, &e), 0);
	CHECK_INT(total, 3);
	CHECK_INT(trained, 1);
	CHECK_INT(coverage_person_trained(db, a, &e), 1);
	CHECK_INT(coverage_person_trained(db, c, &e), 0);
	/* A tick outside the course's dates does not count. */
	attendance_mark(db, course, b, "2025-05-20", 1, &e);
	CHECK_INT(coverage_roster(db, NULL, &trained, &total, &e), 0);
	CHECK_INT(trained, 1);
	/* A removed participant, or a deleted course, no longer counts. */
	attendance_unregister(db, course, a, &e);
	CHECK_INT(coverage_roster(db, NULL, &trained, &total, &e), 0);
	CHECK_INT(trained, 0);
	attendance_register(db, course, a, 0, &e);
	attendance_mark(db, course, a, "2025-05-12", 1, &e);
	CHECK_INT(coverage_roster(db, NULL, &trained, &total, &e), 0);
	CHECK_INT(trained, 1);
	CHECK_INT(session_delete(db, course, &e), 0);
	CHECK_INT(coverage_roster(db, NULL, &trained, &total, &e), 0);
	CHECK_INT(trained, 0);
	/* A deleted person leaves the roster. */
	CHECK_INT(person_delete(db, b, &e), 0);
	CHECK_INT(coverage_roster(db, NULL, &trained, &total, &e), 0);
	CHECK_INT(total, 2);
	/* Excluded by hand: off the roster although an officer; a collaborator
	 * or a monitoring officer is on it without any flag; anyone put on it by
	 * hand is on it whatever their category. */
	CHECK_INT(sqlite3_exec(db_sqlite(db), "UPDATE people SET roster_excluded = 1"
			       " WHERE full_name LIKE 'C %'", NULL, NULL, NULL), SQLITE_OK);
	CHECK_INT(coverage_roster(db, NULL, &trained, &total, &e), 0);
	CHECK_INT(total, 1);
	CHECK_INT(sqlite3_exec(db_sqlite(db), "UPDATE people SET category = 'collaborator'"
			       " WHERE full_name LIKE 'D %'", NULL, NULL, NULL), SQLITE_OK);
	CHECK_INT(coverage_roster(db, NULL, &trained, &total, &e), 0);
	CHECK_INT(total, 2);
	CHECK_INT(trained, 0);    /* D's course was deleted above */
	CHECK_INT(sqlite3_exec(db_sqlite(db), "UPDATE people SET category = 'community',"
			       " on_roster = 1 WHERE full_name LIKE 'D %'", NULL, NULL, NULL), SQLITE_OK);
	CHECK_INT(coverage_roster(db, NULL, &trained, &total, &e), 0);
	CHECK_INT(total, 2);
	/* Excluding through the registry (the person screen's field) is kept and counts. */
	{
		struct person p;
		CHECK_INT(person_get(db, a, &p, &e), 0);
		CHECK_INT(p.roster_excluded, 0);
		p.roster_excluded = 1;
		CHECK_INT(person_save(db, &p, &e), 0);
		person_clear(&p);
		CHECK_INT(person_get(db, a, &p, &e), 0);
		CHECK_INT(p.roster_excluded, 1);
		person_clear(&p);
		CHECK_INT(coverage_roster(db, NULL, &trained, &total, &e), 0);
		CHECK_INT(total, 1);
	}
	CHECK_INT(sx_err_count(&e), 0);
	t_db_gone(db, path);
	sx_err_clear(&e);
}

static void test_facilities_informed(void)
{
	char path[64], conf[37], demo[37], f1[37], f2[37], f3[37], f4[37], a[37], b[37];
	struct sx_err e = {0};
	struct facility f;
	struct sx_db *db = t_db_fresh(path, sizeof path);
	long informed, total;

	if (!db)
		return;
	session(db, "awareness", "HN-01", "2025-04-01", NULL, conf);
	session(db, "demo", "TQ-01", "2025-04-02", NULL, demo);
	facility(db, "Xưởng sắn 1 (someone attended)", 1, f1);
	facility(db, "Xưởng sắn 2 (demo visit only)", 1, f2);
	facility(db, "Xưởng sắn 3 (marked by hand)", 1, f3);
	facility(db, "Xưởng 4 (no CP potential)", 0, f4);
	person(db, "A from 1", 0, f1, a);
	person(db, "B from 2", 0, f2, b);
	attendance_register(db, conf, a, 0, &e);
	attendance_register(db, demo, b, 0, &e);
	attendance_mark(db, conf, a, "2025-04-01", 1, &e);
	attendance_mark(db, demo, b, "2025-04-02", 1, &e);
	CHECK_INT(facility_get(db, f3, &f, &e), 0);
	free(f.informed_on);
	f.informed_on = strdup("2025-03-01");
	f.informed_reason = strdup("leaflets handed over at the facility");
	CHECK_INT(facility_save(db, &f, &e), 0);
	facility_clear(&f);
	CHECK_INT(coverage_facilities_informed(db, NULL, NULL, &informed, &total, &e), 0);
	CHECK_INT(total, 3);
	CHECK_INT(informed, 2);
	CHECK_INT(coverage_facility_informed(db, f1, &e), COVERAGE_BY_ATTENDANCE);
	CHECK_INT(coverage_facility_informed(db, f2, &e), COVERAGE_NOT_INFORMED);
	CHECK_INT(coverage_facility_informed(db, f3, &e), COVERAGE_BY_HAND);
	/* Registered but ticked absent: not informed. */
	attendance_mark(db, conf, a, "2025-04-01", 0, &e);
	CHECK_INT(coverage_facility_informed(db, f1, &e), COVERAGE_NOT_INFORMED);
	/* Facilities represented at a session come from its participants. */
	CHECK_INT(attendance_facilities(db, conf, &e), 1);
	CHECK_INT(sx_err_count(&e), 0);
	t_db_gone(db, path);
	sx_err_clear(&e);
}

T_SUITE(coverage) {
	{ "coverage/days", test_days },
	{ "coverage/session_rules", test_session_rules },
	{ "coverage/default_plan", test_default_plan },
	{ "coverage/register_mark", test_register_and_mark },
	{ "coverage/roster", test_roster },
	{ "coverage/facilities_informed", test_facilities_informed },
	{ 0 }
};
