/* test_assess.c — finishing an assessment: the form's end question takes
 * the time it is finished (JavaRosa sets end when the form is finalised),
 * start keeps the time it was opened, and a draft has no end. */
#include <stdlib.h>

#include "t.h"
#include "t_db.h"
#include "assess/assess.h"
#include "base/clock.h"
#include "base/mem.h"
#include "form/fsession.h"
#include "form/xlsform.h"
#include "records/facility.h"

static const char form_csv[] =
	"survey,type,name,label,required\n"
	",start,st,,\n"
	",end,en,,\n"
	",integer,n,N,yes\n"
	"settings,form_id\n"
	",timed\n";

/* A session of the stored answers of uuid, opened now. */
static struct fsession *reopen(struct sx_db *db, const struct xform *f, const char *uuid)
{
	struct sx_err e = {0};
	struct fsession *s = fs_new(f, "", clock_now_ms());
	CHECK_INT(assess_load(db, uuid, s, &e), 0);
	sx_err_clear(&e);
	return s;
}

static void test_finish_sets_end(void)
{
	char path[256], uuid[37];
	struct sx_err e = {0};
	struct sx_db *db = t_db_fresh(path, sizeof path);
	struct xform *f = xform_load_mem("timed.csv", form_csv, sizeof form_csv - 1, &e);
	struct facility fac = { .name = xstrdup("Cơ sở A"), .cp_potential = 1 };
	struct fsession *s;
	struct assess_row row = {0};

	CHECK(f != NULL);
	if (!db || !f)
		goto out;
	CHECK_INT(facility_save(db, &fac, &e), 0);
	CHECK_INT(assess_create(db, fac.uuid, f, "rapid", uuid, &e), 0);
	/* 09:00 in Sơn La: the officer opens the form and answers */
	setenv("SXSH_NOW", "2026-11-29T02:00:00Z", 1);
	s = fs_new(f, "", clock_now_ms());
	CHECK_INT(fs_set(s, "n", "4"), 0);
	CHECK_INT(assess_sync_all(db, uuid, s, &e), 0);
	fs_free(s);
	s = reopen(db, f, uuid);
	CHECK_STR(fs_get(s, "st"), "2026-11-29T09:00:00.000+07:00");
	CHECK_STR(fs_get(s, "en"), "");            /* a draft is not finalised */
	/* 10:45: finished from the review */
	setenv("SXSH_NOW", "2026-11-29T03:45:00Z", 1);
	CHECK_INT(assess_finish(db, uuid, s, &e), 0);
	fs_free(s);
	/* read back later: end is what finishing stored, not the clock now */
	setenv("SXSH_NOW", "2026-12-01T01:00:00Z", 1);
	s = reopen(db, f, uuid);
	CHECK_STR(fs_get(s, "en"), "2026-11-29T10:45:00.000+07:00");
	CHECK_STR(fs_get(s, "st"), "2026-11-29T09:00:00.000+07:00");
	fs_free(s);
	CHECK_INT(assess_get(db, uuid, &row, &e), 0);
	CHECK_STR(row.status, "complete");
	free(row.facility_name);
	free(row.form_id);
	free(row.status);
	free(row.position);
out:
	unsetenv("SXSH_NOW");
	sx_err_print(&e, stderr);
	sx_err_clear(&e);
	facility_clear(&fac);
	xform_free(f);
	if (db)
		t_db_gone(db, path);
}

T_SUITE(assess) {
	{ "assess/finish_sets_end", test_finish_sets_end },
	{ 0 }
};
