/* test_plan.c — the indicator rules of plan.h: which assessments count,
 * the plan period, the tracker's da_counts, targets from the database, and
 * the rounding of shares. */
#include <stdlib.h>
#include <unistd.h>

#include "t.h"
#include "t_db.h"
#include "db/db.h"
#include "records/facility.h"
#include "assess/assess.h"
#include "demo/demo.h"
#include "plan/plan.h"
#include "form/xlsform.h"
#include "db/seed.h"

/* A fresh database with the shipped places and plan. */
static struct sx_db *fresh(char *path, size_t n)
{
	struct sx_err e = {0};
	struct sx_db *db = t_db_fresh(path, n);
	if (db)
		CHECK(seed_load(db, SXSH_SRCDIR, &e) >= 0);
	CHECK_INT(sx_err_count(&e), 0);
	sx_err_clear(&e);
	return db;
}

static void facility(struct sx_db *db, const char *name, char uuid[37])
{
	struct sx_err e = {0};
	struct facility f = {0};
	f.name = (char *)name;
	f.cp_potential = 1;
	f.sector = (char *)"cassava";
	CHECK_INT(facility_save(db, &f, &e), 0);
	snprintf(uuid, 37, "%s", f.uuid);
	sx_err_clear(&e);
}

static struct xform *form(const char *file)
{
	struct sx_err e = {0};
	char path[512];
	struct xform *f;
	snprintf(path, sizeof path, "%s/forms/%s", SXSH_SRCDIR, file);
	f = xform_load(path, &e);
	CHECK(f != NULL);
	sx_err_clear(&e);
	return f;
}

/* An assessment of facility with form f, kind, a date answer, complete or not. */
static void assessment(struct sx_db *db, const struct xform *f, const char *facility,
		       const char *kind, const char *date_name, const char *date, int complete,
		       char uuid[37])
{
	struct sx_err e = {0};
	CHECK_INT(assess_create(db, facility, f, kind, uuid, &e), 0);
	CHECK_INT(assess_save(db, uuid, date_name, date, &e), 0);
	if (complete)
		CHECK_INT(assess_set_status(db, uuid, 1, &e), 0);
	sx_err_clear(&e);
}

/* The overall value of the indicator with measure m. */
static const struct plan_value *overall(const struct plan_report *r, enum plan_measure m,
					const struct plan_indicator **ind)
{
	for (size_t k = 0; k < r->nind; k++)
		if (r->ind[k].measure == m) {
			*ind = &r->ind[k];
			return &r->rows[0].v[k];
		}
	return NULL;
}

static long count_of(struct sx_db *db, enum plan_measure m)
{
	struct sx_err e = {0};
	struct plan_report r;
	const struct plan_indicator *ind;
	const struct plan_value *v;
	long n = -1;
	if (plan_compute(db, SXSH_SRCDIR, "SL-SXSH-2016-2020", &r, &e) != 0) {
		fprintf(stderr, "plan_compute: %s\n", sx_err_last(&e));
		sx_err_clear(&e);
		return -2;
	}
	v = overall(&r, m, &ind);
	if (v)
		n = v->value;
	plan_report_free(&r);
	return n;
}

static void test_rapid_rules(void)
{
	char path[64], a[37], b[37], c[37], u[37];
	struct sx_db *db = fresh(path, sizeof path);
	struct xform *f = form("rapid_assessment.csv");
	struct sx_err e = {0};

	facility(db, "Tinh bột sắn A", a);
	facility(db, "Tinh bột sắn B", b);
	facility(db, "Tinh bột sắn C", c);
	CHECK_INT(count_of(db, PLAN_RAPID_COUNT), 0);
	/* Two complete assessments of one facility count once. */
	assessment(db, f, a, "rapid", "visit_date", "2018-03-01", 1, u);
	assessment(db, f, a, "rapid", "visit_date", "2019-03-01", 1, u);
	CHECK_INT(count_of(db, PLAN_RAPID_COUNT), 1);
	/* A draft does not count; nor does one dated after the plan period. */
	assessment(db, f, b, "rapid", "visit_date", "2019-05-01", 0, u);
	assessment(db, f, c, "rapid", "visit_date", "2021-01-01", 1, u);
	CHECK_INT(count_of(db, PLAN_RAPID_COUNT), 1);
	/* The last day of the period still counts. */
	assessment(db, f, c, "rapid", "visit_date", "2020-12-31", 1, u);
	CHECK_INT(count_of(db, PLAN_RAPID_COUNT), 2);
	/* A deleted facility no longer counts. */
	CHECK_INT(facility_delete(db, a, &e), 0);
	CHECK_INT(count_of(db, PLAN_RAPID_COUNT), 1);
	sx_err_clear(&e);
	xform_free(f);
	t_db_gone(db, path);
}

/* Save an embedded answer set into assessment uuid. */
static void answers(struct sx_db *db, const char *uuid, enum demo_set set)
{
	struct sx_err e = {0};
	for (const struct demo_answer *a = demo_sets[set]; a->name; a++)
		CHECK_INT(assess_save(db, uuid, a->name, a->value, &e), 0);
	sx_err_clear(&e);
}

static void test_detailed_rules(void)
{
	char path[64], a[37], b[37], u[37];
	struct sx_db *db = fresh(path, sizeof path);
	struct xform *f = form("detailed_tracker.csv");
	struct sx_err e = {0};

	facility(db, "Tinh bột sắn A", a);
	facility(db, "Tinh bột sắn B", b);
	/* Steps 1-4 done and an option in use: counts, as a draft too. */
	assessment(db, f, a, "detailed", "da_start", "2019-04-01", 0, u);
	answers(db, u, DEMO_TRACKER_COUNTED);
	CHECK_INT(assess_save(db, u, "da_start", "2019-04-01", &e), 0);
	/* Still in progress: does not count. */
	assessment(db, f, b, "detailed", "da_start", "2019-04-01", 0, u);
	answers(db, u, DEMO_TRACKER_IN_PROGRESS);
	CHECK_INT(assess_save(db, u, "da_start", "2019-04-01", &e), 0);
	CHECK_INT(count_of(db, PLAN_DETAILED_COUNT), 1);
	/* Only the latest tracker of a facility decides: a newer one in progress. */
	assessment(db, f, a, "detailed", "da_start", "2020-02-01", 0, u);
	answers(db, u, DEMO_TRACKER_IN_PROGRESS);
	CHECK_INT(assess_save(db, u, "da_start", "2020-02-01", &e), 0);
	CHECK_INT(count_of(db, PLAN_DETAILED_COUNT), 0);
	sx_err_clear(&e);
	xform_free(f);
	t_db_gone(db, path);
}

static void test_targets_from_database(void)
{
	char path[64];
	struct sx_db *db = fresh(path, sizeof path);
	struct sx_err e = {0};
	struct plan_report r;
	const struct plan_indicator *ind = NULL;

	CHECK_INT(sqlite3_exec(db_sqlite(db), "UPDATE indicators SET target = 20"
			       " WHERE measure = 'rapid_count'", NULL, NULL, NULL), SQLITE_OK);
	CHECK_INT(plan_compute(db, SXSH_SRCDIR, "SL-SXSH-2016-2020", &r, &e), 0);
	CHECK_INT(r.nind, 4);
	CHECK(overall(&r, PLAN_RAPID_COUNT, &ind) != NULL);
	CHECK(ind && ind->target == 20);
	CHECK_STR(r.period_start, "2016-12-31");
	/* Whole province, 12 districts, 5 sectors, 5 years. */
	CHECK_INT(r.nrows, 1 + 12 + 5 + 5);
	plan_report_free(&r);
	CHECK_INT(plan_compute(db, SXSH_SRCDIR, "NO-SUCH-PLAN", &r, &e), -1);
	CHECK_STR(sx_err_last(&e), "no plan with the code 'NO-SUCH-PLAN'");
	sx_err_clear(&e);
	t_db_gone(db, path);
}

static void test_shown_and_met(void)
{
	struct plan_indicator share = { .measure = PLAN_INFORMED_SHARE, .target = 90,
					.has_target = 1 };
	struct plan_indicator count = { .measure = PLAN_RAPID_COUNT, .target = 15,
					.has_target = 1 };
	struct plan_value v = { .known = 1, .value = 899, .total = 1000, .target = 90,
				.has_target = 1 };

	CHECK_INT(plan_shown(&share, &v), 90);     /* 89.9 % is shown rounded, as 90 */
	CHECK_INT(plan_met(&share, &v), 0);        /* but it does not reach 90 % */
	v.value = 6, v.total = 7;
	CHECK_INT(plan_shown(&share, &v), 86);     /* issue 12: 6/7 is 86 %, not 85 % */
	v.value = 1, v.total = 8;
	CHECK_INT(plan_shown(&share, &v), 13);     /* 12.5 % rounds half up */
	v.value = 1, v.total = 3;
	CHECK_INT(plan_shown(&share, &v), 33);
	v.value = 2, v.total = 3;
	CHECK_INT(plan_shown(&share, &v), 67);
	v.value = 900, v.total = 1000;
	CHECK_INT(plan_met(&share, &v), 1);
	CHECK_INT(plan_progress(&share, &v), 1000);
	v.has_target = 0;                          /* a row without a target */
	CHECK_INT(plan_met(&share, &v), 0);
	CHECK_INT(plan_progress(&share, &v), -1);
	v.has_target = 1;
	v.total = 0;
	CHECK_INT(plan_shown(&share, &v), -1);     /* nothing to inform: no share */
	CHECK_INT(plan_met(&share, &v), 0);
	v = (struct plan_value){ .known = 1, .value = 15, .target = 15, .has_target = 1 };
	CHECK_INT(plan_met(&count, &v), 1);
	v.value = 6;
	CHECK_INT(plan_progress(&count, &v), 400);
	v.known = 0;
	CHECK_INT(plan_shown(&count, &v), -1);
	/* A tiny target (as an import can bring) is far exceeded, never undefined. */
	v = (struct plan_value){ .known = 1, .value = 5, .target = 1e-300, .has_target = 1 };
	CHECK_INT(plan_progress(&count, &v), PLAN_PROGRESS_MAX);
	v.target = 0.0 / 0.0;
	CHECK_INT(plan_progress(&count, &v), -1);
	v = (struct plan_value){ .known = 1, .value = 1, .total = 3, .target = 1e-300,
				 .has_target = 1 };
	CHECK_INT(plan_progress(&share, &v), PLAN_PROGRESS_MAX);
	CHECK_INT(plan_measure_parse("roster_trained_share"), PLAN_ROSTER_SHARE);
	CHECK_INT(plan_measure_parse("tonnes"), PLAN_UNKNOWN);
}

T_SUITE(plan) {
	{ "plan/rapid_rules", test_rapid_rules },
	{ "plan/detailed_rules", test_detailed_rules },
	{ "plan/targets_from_database", test_targets_from_database },
	{ "plan/shown_and_met", test_shown_and_met },
	{ 0 },
};
