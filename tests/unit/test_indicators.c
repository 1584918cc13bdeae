/* test_indicators.c — issue 12's "done when": a hand-built database with
 * 2026 activity, recorded partly under the communes abolished on 1/7/2025,
 * against the plan that covers 2026 (889/QĐ-TTg, 2026–2030) with targets
 * imported per year and per commune; every figure of every row equals a
 * direct SQL count written here, edge cases included.  Also the mapping of
 * places across the reform (NQ 1681/NQ-UBTVQH15). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "t.h"
#include "t_db.h"
#include "db/db.h"
#include "db/seed.h"
#include "plan/plan.h"
#include "plan/plan_io.h"
#include "records/places.h"

/* Shipped places (forms/data/places.csv). */
#define PROVINCE "0159522d-0800-7001-8000-005358534801"
#define D_MAISON "0159522d-0800-700a-8000-00535853480a"   /* Huyện Mai Sơn, to 30/6/2025 */
#define D_MOCCHAU "0159522d-0800-7008-8000-005358534808"
#define N_CMAI "0159522d-0800-7431-8000-005358530431"     /* Xã Chiềng Mai, from 1/7/2025 */
#define N_MSON "0159522d-0800-7432-8000-005358530432"     /* Xã Mai Sơn */
#define N_CMUNG "0159522d-0800-7434-8000-005358530434"    /* Xã Chiềng Mung */
#define N_CSON "0159522d-0800-740a-8000-00535853040a"     /* Xã Chiềng Sơn (two old districts) */
#define O_CBAN "0159522d-0800-718e-8000-00535853018e"     /* Xã Chiềng Ban → Chiềng Mai */
#define O_HATLOT "0159522d-0800-7193-8000-005358530193"   /* Xã Hát Lót → Mai Sơn */
#define O_MBANG "0159522d-0800-718b-8000-00535853018b"    /* Xã Mường Bằng → Chiềng Mung */
#define O_CSON "0159522d-0800-7171-8000-005358530171"     /* old Xã Chiềng Sơn, Mộc Châu */

static const char data_sql[] =
	"INSERT INTO facilities (uuid, updated_at, origin, name, place_uuid, cp_potential,"
	" informed_on, deleted) VALUES"
	" ('f1', 1, 't', 'F1 new commune, attended', '" N_CMAI "', 1, NULL, 0),"
	" ('f2', 1, 't', 'F2 old commune, trained there', '" O_CBAN "', 1, NULL, 0),"
	" ('f3', 1, 't', 'F3 tick outside the dates', '" O_HATLOT "', 1, NULL, 0),"
	" ('f4', 1, 't', 'F4 informed by hand', '" N_MSON "', 1, '2026-02-01', 0),"
	" ('f5', 1, 't', 'F5 no CP potential', '" N_CMUNG "', 0, NULL, 0),"
	" ('f6', 1, 't', 'F6 deleted', '" N_CMAI "', 1, NULL, 1),"
	" ('f7', 1, 't', 'F7 only a district', '" D_MAISON "', 1, NULL, 0),"
	" ('f8', 1, 't', 'F8 no place', NULL, 1, NULL, 0);"
	"INSERT INTO people (uuid, updated_at, origin, full_name, place_uuid, category, on_roster,"
	" roster_excluded, facility_uuid, deleted) VALUES"
	" ('o1', 1, 't', 'O1 extension, trained', '" N_CMAI "', 'extension', 0, 0, NULL, 0),"
	" ('o2', 1, 't', 'O2 collaborator, old commune', '" O_MBANG "', 'collaborator', 0, 0, NULL, 0),"
	" ('o3', 1, 't', 'O3 monitoring, absent', '" N_MSON "', 'monitoring', 0, 0, NULL, 0),"
	" ('o4', 1, 't', 'O4 excluded', '" N_CMAI "', 'extension', 0, 1, NULL, 0),"
	" ('o5', 1, 't', 'O5 on the roster by hand, conference only', '" N_CMUNG "', 'community', 1, 0, NULL, 0),"
	" ('o6', 1, 't', 'O6 deleted', '" N_MSON "', 'collaborator', 0, 0, NULL, 1),"
	" ('o7', 1, 't', 'O7 removed from the course', '" N_CMAI "', 'extension', 0, 0, NULL, 0),"
	" ('w1', 1, 't', 'W1 of F1', NULL, 'enterprise', 0, 0, 'f1', 0),"
	" ('w2', 1, 't', 'W2 of F2', NULL, 'enterprise', 0, 0, 'f2', 0),"
	" ('w3', 1, 't', 'W3 of F3', NULL, 'enterprise', 0, 0, 'f3', 0),"
	" ('w5', 1, 't', 'W5 of F5', NULL, 'enterprise', 0, 0, 'f5', 0),"
	" ('w6', 1, 't', 'W6 of F6', NULL, 'enterprise', 0, 0, 'f6', 0);"
	"INSERT INTO sessions (uuid, updated_at, origin, kind, code, title, start_date, end_date,"
	" place_uuid, deleted) VALUES"
	" ('s1', 1, 't', 'awareness', 'HN-2026-01', 'Hội nghị', '2026-03-10', '2026-03-10', '" N_CMAI "', 0),"
	" ('s2', 1, 't', 'training', 'TH-2026-01', 'Tập huấn', '2026-04-01', '2026-04-02', '" N_MSON "', 0),"
	" ('s3', 1, 't', 'training', 'TH-2025-01', 'Tập huấn', '2025-05-12', '2025-05-13', '" O_CBAN "', 0),"
	" ('s4', 1, 't', 'awareness', 'HN-2026-02', 'Hội nghị', '2026-06-01', '2026-06-01', '" N_CMUNG "', 1),"
	" ('s5', 1, 't', 'awareness', 'HN-2026-03', 'Hội nghị', '2026-09-09', '2026-09-09', '" O_MBANG "', 0);"
	"INSERT INTO participants (uuid, updated_at, origin, session_uuid, person_uuid, deleted) VALUES"
	" ('p1', 1, 't', 's1', 'w1', 0), ('p2', 1, 't', 's3', 'w2', 0), ('p3', 1, 't', 's2', 'w3', 0),"
	" ('p4', 1, 't', 's1', 'w5', 0), ('p5', 1, 't', 's1', 'w6', 0), ('p6', 1, 't', 's2', 'o1', 0),"
	" ('p7', 1, 't', 's3', 'o2', 0), ('p8', 1, 't', 's2', 'o3', 0), ('p9', 1, 't', 's2', 'o4', 0),"
	" ('p10', 1, 't', 's1', 'o5', 0), ('p11', 1, 't', 's2', 'o7', 1);"
	"INSERT INTO attendance (uuid, updated_at, origin, session_uuid, person_uuid, day, present)"
	" VALUES ('a1', 1, 't', 's1', 'w1', '2026-03-10', 1), ('a2', 1, 't', 's3', 'w2', '2025-05-13', 1),"
	" ('a3', 1, 't', 's2', 'w3', '2026-04-05', 1), ('a4', 1, 't', 's1', 'w5', '2026-03-10', 1),"
	" ('a5', 1, 't', 's1', 'w6', '2026-03-10', 1), ('a6', 1, 't', 's2', 'o1', '2026-04-02', 1),"
	" ('a7', 1, 't', 's3', 'o2', '2025-05-12', 1), ('a8', 1, 't', 's2', 'o3', '2026-04-01', 0),"
	" ('a9', 1, 't', 's2', 'o4', '2026-04-01', 1), ('a10', 1, 't', 's1', 'o5', '2026-03-10', 1),"
	" ('a11', 1, 't', 's2', 'o7', '2026-04-01', 1);"
	"INSERT INTO assessments (uuid, updated_at, origin, facility_uuid, kind, form_id, form_version,"
	" status, started_at) VALUES"
	" ('r1', 1, 't', 'f1', 'rapid', 'sxsh_rapid', '1', 'complete', 1767225600000),"
	" ('r2', 1, 't', 'f2', 'rapid', 'sxsh_rapid', '1', 'complete', 1767225600000),"
	" ('r3', 1, 't', 'f3', 'rapid', 'sxsh_rapid', '1', 'draft', 1767225600000),"
	" ('r4', 1, 't', 'f4', 'rapid', 'sxsh_rapid', '1', 'complete', 1767225600000),"
	" ('r5', 1, 't', 'f6', 'rapid', 'sxsh_rapid', '1', 'complete', 1767225600000),"
	" ('r6', 1, 't', 'f1', 'rapid', 'sxsh_rapid', '1', 'complete', 1767225600000);"
	"INSERT INTO answers (uuid, updated_at, origin, assessment_uuid, name, value) VALUES"
	" ('n1', 1, 't', 'r1', 'visit_date', '2026-05-01'), ('n2', 1, 't', 'r2', 'visit_date', '2026-07-01'),"
	" ('n3', 1, 't', 'r3', 'visit_date', '2026-05-01'), ('n4', 1, 't', 'r4', 'visit_date', '2025-12-31'),"
	" ('n5', 1, 't', 'r5', 'visit_date', '2026-05-01'), ('n6', 1, 't', 'r6', 'visit_date', '2027-08-01');";

/* The annual programme for 2026 and a target for a commune, as the office
 * would import them (04132 is both the old and the new Chiềng Mai: the year
 * picks the new one). */
static const char plan_csv[] =
	"kind,plan,code,measure,year,area,target,unit,label_vi,label_en,decision,period_start,period_end,closed_on,source\n"
	"plan,VN-SPC-2026-2030,,,,,,,Chương trình 2026–2030,Programme 2026–2030,889/QĐ-TTg,2026-01-01,2030-12-31,,test\n"
	"indicator,VN-SPC-2026-2030,informed,informed_share,,,90,%,Cơ sở được tuyên truyền,Facilities informed,,,,,\n"
	"indicator,VN-SPC-2026-2030,rapid,rapid_count,,,10,count,Đánh giá nhanh,Rapid assessments,,,,,\n"
	"indicator,VN-SPC-2026-2030,trained,roster_trained_share,,,100,%,Tập huấn,Trained,,,,,\n"
	"indicator,VN-SPC-2026-2030,awareness,awareness_events,,,,count,Hội nghị,Conferences,,,,,\n"
	"indicator,VN-SPC-2026-2030,courses,training_courses,,,,count,Lớp,Courses,,,,,\n"
	"target,VN-SPC-2026-2030,rapid,,2026,,4,,,,,,,,\n"
	"target,VN-SPC-2026-2030,rapid,,2026,04132,2,,,,,,,,\n"
	"target,VN-SPC-2026-2030,awareness,,2026,04132,3,,,,,,,,\n"
	"target,VN-SPC-2026-2030,courses,,,04105,2,,,,,,,,\n";

/* The area a place counts under in 2026: a new unit itself, an old commune
 * the unit it went into, anything else itself. */
#define AREA(p) "coalesce(CASE WHEN " p ".valid_from IS NOT NULL THEN " p ".uuid" \
	" WHEN " p ".successor_uuid IS NOT NULL THEN " p ".successor_uuid ELSE " p ".uuid END, '')"
/* ?1: the area ('' = every record). */
#define IN_AREA(p) " (?1 = '' OR " AREA(p) " = ?1)"
#define PRESENT(person, kinds) \
	"EXISTS (SELECT 1 FROM attendance a JOIN sessions s ON s.uuid = a.session_uuid" \
	" JOIN participants pa ON pa.session_uuid = s.uuid AND pa.person_uuid = a.person_uuid" \
	" WHERE a.person_uuid = " person " AND a.present = 1 AND a.deleted = 0 AND s.deleted = 0" \
	" AND pa.deleted = 0 AND s.kind IN " kinds " AND a.day BETWEEN s.start_date AND s.end_date)"

static const char *const sql_of[] = {
	[PLAN_INFORMED_SHARE] = "SELECT sum(f.informed_on IS NOT NULL OR EXISTS (SELECT 1 FROM people w"
		" WHERE w.facility_uuid = f.uuid AND w.deleted = 0 AND " PRESENT("w.uuid", "('awareness', 'training')")
		")), count(*) FROM facilities f LEFT JOIN places p ON p.uuid = f.place_uuid"
		" WHERE f.deleted = 0 AND f.cp_potential = 1 AND" IN_AREA("p"),
	[PLAN_ROSTER_SHARE] = "SELECT sum(" PRESENT("o.uuid", "('training')") "), count(*) FROM people o"
		" LEFT JOIN places p ON p.uuid = o.place_uuid WHERE o.deleted = 0 AND o.roster_excluded = 0"
		" AND (o.on_roster = 1 OR o.category IN ('extension', 'monitoring', 'collaborator')) AND"
		IN_AREA("p"),
	[PLAN_RAPID_COUNT] = "SELECT count(DISTINCT f.uuid), 0 FROM assessments r JOIN facilities f"
		" ON f.uuid = r.facility_uuid JOIN answers n ON n.assessment_uuid = r.uuid"
		" AND n.name = 'visit_date' LEFT JOIN places p ON p.uuid = f.place_uuid"
		" WHERE r.deleted = 0 AND f.deleted = 0 AND r.status = 'complete' AND r.kind = 'rapid'"
		" AND n.value BETWEEN ?2 AND ?3 AND" IN_AREA("p"),
	[PLAN_DETAILED_COUNT] = "SELECT count(*), 0 FROM assessments WHERE form_id = 'sxsh_detailed'"
		" AND ?1 = ?1 AND ?2 = ?2 AND ?3 = ?3",
	[PLAN_AWARENESS_EVENTS] = "SELECT count(*), 0 FROM sessions s LEFT JOIN places p"
		" ON p.uuid = s.place_uuid WHERE s.deleted = 0 AND s.kind = 'awareness'"
		" AND s.start_date BETWEEN ?2 AND ?3 AND" IN_AREA("p"),
	[PLAN_TRAINING_COURSES] = "SELECT count(*), 0 FROM sessions s LEFT JOIN places p"
		" ON p.uuid = s.place_uuid WHERE s.deleted = 0 AND s.kind = 'training'"
		" AND s.start_date BETWEEN ?2 AND ?3 AND" IN_AREA("p"),
};

/* The SQL count of measure m in area over [from, to]: value and total. */
static void sql_count(struct sx_db *db, enum plan_measure m, const char *area, const char *from,
		      const char *to, long *value, long *total)
{
	sqlite3_stmt *st = NULL;
	*value = *total = -1;
	CHECK_INT(sqlite3_prepare_v2(db_sqlite(db), sql_of[m], -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, area, -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(st) >= 3) {
		sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
	}
	if (st && sqlite3_step(st) == SQLITE_ROW) {
		*value = (long)sqlite3_column_int64(st, 0);
		*total = (long)sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
}

static const struct plan_row *row_of(const struct plan_report *r, enum plan_scope scope,
				     const char *area, int year)
{
	for (size_t i = 0; i < r->nrows; i++)
		if (r->rows[i].scope == scope && strcmp(r->rows[i].area, area) == 0
		    && r->rows[i].year == year)
			return &r->rows[i];
	return NULL;
}

static size_t ind_of(const struct plan_report *r, enum plan_measure m)
{
	for (size_t k = 0; k < r->nind; k++)
		if (r->ind[k].measure == m)
			return k;
	return r->nind;
}

/* Every count and share of every area row (and of the 2026 programme) against SQL. */
static void compare_all(struct sx_db *db, const struct plan_report *r)
{
	int compared = 0;
	for (size_t i = 0; i < r->nrows; i++) {
		const struct plan_row *row = &r->rows[i];
		char from[11], to[11];
		if (row->scope != PLAN_OVERALL && row->scope != PLAN_DISTRICT
		    && row->scope != PLAN_PROGRAMME)
			continue;
		snprintf(from, sizeof from, "%s", r->period_start);
		snprintf(to, sizeof to, "%s", r->period_end);
		if (row->scope == PLAN_PROGRAMME) {
			snprintf(from, sizeof from, "%04d-01-01", row->year);
			snprintf(to, sizeof to, "%04d-12-31", row->year);
		}
		for (size_t k = 0; k < r->nind; k++) {
			long value, total;
			enum plan_measure m = r->ind[k].measure;
			if (row->scope == PLAN_PROGRAMME && plan_is_share(&r->ind[k]))
				continue;
			sql_count(db, m, row->area, from, to, &value, &total);
			if (row->v[k].value != value || (plan_is_share(&r->ind[k]) && row->v[k].total != total))
				fprintf(stderr, "row %s, %s: %ld/%ld, SQL %ld/%ld\n", row->label,
					r->ind[k].code, row->v[k].value, row->v[k].total, value, total);
			CHECK_INT(row->v[k].value, value);
			if (plan_is_share(&r->ind[k]))
				CHECK_INT(row->v[k].total, total);
			compared++;
		}
	}
	CHECK(compared > 75 * 5);   /* every commune and indicator, at least */
}

static void test_2026_against_sql(void)
{
	char path[64], csv[80];
	struct sx_err e = {0};
	struct sx_db *db = t_db_fresh(path, sizeof path);
	struct plan_report r;
	const struct plan_row *row;
	size_t k;
	FILE *f;

	if (!db)
		return;
	CHECK(seed_load(db, SXSH_SRCDIR, &e) > 0);
	CHECK_INT(sqlite3_exec(db_sqlite(db), data_sql, NULL, NULL, NULL), SQLITE_OK);
	snprintf(csv, sizeof csv, "%s.plan.csv", path);
	f = fopen(csv, "w");
	CHECK(f != NULL);
	if (f) {
		fputs(plan_csv, f);
		fclose(f);
	}
	CHECK(plan_io_import(db, csv, &e) > 0);
	CHECK_INT(sx_err_count(&e), 0);
	if (sx_err_count(&e))
		fprintf(stderr, "%s\n", sx_err_last(&e));
	unlink(csv);
	CHECK_INT(plan_compute(db, SXSH_SRCDIR, "VN-SPC-2026-2030", &r, &e), 0);
	if (sx_err_count(&e))
		fprintf(stderr, "%s\n", sx_err_last(&e));
	CHECK_INT(r.nind, 5);    /* the import dropped 'detailed' */
	compare_all(db, &r);
	/* The figures themselves, counted by hand from the rows above. */
	row = &r.rows[0];
	k = ind_of(&r, PLAN_INFORMED_SHARE);
	CHECK_INT(row->v[k].value, 3);    /* F1, F2, F4 of F1–F4, F7, F8 */
	CHECK_INT(row->v[k].total, 6);
	CHECK_INT(plan_shown(&r.ind[k], &row->v[k]), 50);
	k = ind_of(&r, PLAN_ROSTER_SHARE);
	CHECK_INT(row->v[k].value, 2);    /* O1, O2 of O1, O2, O3, O5, O7 */
	CHECK_INT(row->v[k].total, 5);
	k = ind_of(&r, PLAN_RAPID_COUNT);
	CHECK_INT(row->v[k].value, 2);    /* F1 (twice), F2; F4's is dated 2025 */
	row = row_of(&r, PLAN_DISTRICT, N_CMAI, 0);
	CHECK(row != NULL);
	if (row) {
		k = ind_of(&r, PLAN_INFORMED_SHARE);
		CHECK_INT(row->v[k].value, 2);     /* F2 was recorded under old Chiềng Ban */
		CHECK_INT(row->v[k].total, 2);
		k = ind_of(&r, PLAN_ROSTER_SHARE);
		CHECK_INT(row->v[k].value, 1);     /* O1 of O1, O7 (O4 excluded) */
		CHECK_INT(row->v[k].total, 2);
	}
	row = row_of(&r, PLAN_DISTRICT, N_CMUNG, 0);
	k = ind_of(&r, PLAN_ROSTER_SHARE);
	CHECK(row && row->v[k].value == 1 && row->v[k].total == 2);   /* O2 via Mường Bằng, O5 */
	/* The old district is no area in 2026; its facility still counts, in a row of its own. */
	row = row_of(&r, PLAN_DISTRICT, D_MAISON, 0);
	k = ind_of(&r, PLAN_INFORMED_SHARE);
	CHECK(row && row->v[k].total == 1);
	/* The annual programme 2026: planned against done, per commune. */
	row = row_of(&r, PLAN_PROGRAMME, N_CMAI, 2026);
	CHECK(row != NULL);
	if (row) {
		k = ind_of(&r, PLAN_RAPID_COUNT);
		CHECK_INT(row->v[k].value, 2);
		CHECK(row->v[k].has_target && row->v[k].target == 2);
		CHECK_INT(plan_met(&r.ind[k], &row->v[k]), 1);
		k = ind_of(&r, PLAN_AWARENESS_EVENTS);
		CHECK_INT(row->v[k].value, 1);     /* s1; s4 was deleted */
		CHECK(row->v[k].has_target && row->v[k].target == 3);
		CHECK_INT(plan_met(&r.ind[k], &row->v[k]), 0);
	}
	row = row_of(&r, PLAN_PROGRAMME, N_CMUNG, 2026);   /* s5, held under old Mường Bằng */
	k = ind_of(&r, PLAN_AWARENESS_EVENTS);
	CHECK(row && row->v[k].value == 1 && !row->v[k].has_target);
	row = row_of(&r, PLAN_YEAR, "", 2026);
	k = ind_of(&r, PLAN_RAPID_COUNT);
	CHECK(row && row->v[k].value == 2 && row->v[k].target == 4);
	row = row_of(&r, PLAN_DISTRICT, N_MSON, 0);
	k = ind_of(&r, PLAN_TRAINING_COURSES);
	CHECK(row && row->v[k].value == 1 && row->v[k].has_target && row->v[k].target == 2);
	/* Records outside the period: s3 (2025), r4 (2025-12-31); r6 (2027) is inside. */
	CHECK_INT(r.outside, 2);
	CHECK_STR(r.outside_plan, "VN-SPC-2021-2025");
	plan_report_free(&r);
	/* A course whose participants are linked to facilities and officers moves both. */
	CHECK_INT(sqlite3_exec(db_sqlite(db), "UPDATE people SET facility_uuid = 'f3' WHERE uuid = 'o3';"
			       "UPDATE attendance SET present = 1 WHERE uuid = 'a8'", NULL, NULL, NULL),
		  SQLITE_OK);
	CHECK_INT(plan_compute(db, SXSH_SRCDIR, "VN-SPC-2026-2030", &r, &e), 0);
	CHECK_INT(r.rows[0].v[ind_of(&r, PLAN_INFORMED_SHARE)].value, 4);
	CHECK_INT(r.rows[0].v[ind_of(&r, PLAN_ROSTER_SHARE)].value, 3);
	compare_all(db, &r);
	plan_report_free(&r);
	sx_err_clear(&e);
	t_db_gone(db, path);
}

static void test_places_across_the_reform(void)
{
	char path[64];
	struct sx_err e = {0};
	struct sx_db *db = t_db_fresh(path, sizeof path);
	struct place_tree t;
	const char *a;

	if (!db)
		return;
	CHECK(seed_load(db, SXSH_SRCDIR, &e) > 0);
	CHECK_INT(places_tree_load(db, &t, &e), 0);
	/* 2026: an old commune counts under the unit it went into. */
	a = places_area(&t, O_CBAN, "2026-01-01", "2030-12-31");
	CHECK_STR(a ? a : "", N_CMAI);
	a = places_area(&t, O_MBANG, "2026-01-01", "2030-12-31");
	CHECK_STR(a ? a : "", N_CMUNG);
	a = places_area(&t, O_CSON, "2026-01-01", "2030-12-31");
	CHECK_STR(a ? a : "", N_CSON);
	/* 2016–2020: the old commune under its district; a new unit under the one
	 * district all its parts came from, and Chiềng Sơn (Vân Hồ and Mộc Châu)
	 * under none, so itself. */
	a = places_area(&t, O_CBAN, "2016-12-31", "2020-12-31");
	CHECK_STR(a ? a : "", D_MAISON);
	a = places_area(&t, N_CMAI, "2016-12-31", "2020-12-31");
	CHECK_STR(a ? a : "", D_MAISON);
	a = places_area(&t, N_CSON, "2016-12-31", "2020-12-31");
	CHECK_STR(a ? a : "", N_CSON);
	a = places_area(&t, O_CSON, "2016-12-31", "2020-12-31");
	CHECK_STR(a ? a : "", D_MOCCHAU);
	/* 2021–2025 has both: the districts and the new units are areas. */
	a = places_area(&t, N_CMAI, "2021-01-01", "2025-12-31");
	CHECK_STR(a ? a : "", N_CMAI);
	a = places_area(&t, O_CBAN, "2021-01-01", "2025-12-31");
	CHECK_STR(a ? a : "", D_MAISON);
	CHECK(places_area(&t, PROVINCE, "2026-01-01", "2030-12-31") == NULL);
	CHECK(places_area(&t, "", "2026-01-01", "2030-12-31") == NULL);
	places_tree_free(&t);
	sx_err_clear(&e);
	t_db_gone(db, path);
}

T_SUITE(indicators) {
	{ "indicators/2026_against_sql", test_2026_against_sql },
	{ "indicators/places_across_the_reform", test_places_across_the_reform },
	{ 0 }
};
