/* test_prefill.c — assess_prefill(): what the facility registry knows answers the rapid
 * checklist's questions when an assessment starts. */
#include <stdlib.h>
#include <unistd.h>

#include "t.h"
#include "t_db.h"
#include "assess/assess.h"
#include "assess/cpcat.h"
#include "db/db.h"
#include "db/seed.h"
#include "form/xlsform.h"
#include "records/facility.h"

/* Mai Sơn district and Xã Hát Lót (a commune below it until 2025), forms/data/places.csv. */
#define MAI_SON "0159522d-0800-700a-8000-00535853480a"
#define HAT_LOT "0159522d-0800-7193-8000-005358530193"
/* Xã Mai Sơn (from 1/7/2025), formed from Hát Lót, Thị trấn Hát Lót and Cò Nòi, all of
 * Huyện Mai Sơn. */
#define XA_MAI_SON "0159522d-0800-7432-8000-005358530432"

/* The stored answer name of assessment uuid, or NULL; caller frees. */
static char *answer(struct sx_db *db, const char *uuid, const char *name)
{
	struct sx_err e = {0};
	sqlite3_stmt *st = db_stmt(db, "SELECT value FROM answers WHERE assessment_uuid = ?"
				   " AND name = ? AND deleted = 0", &e);
	char *v = NULL;
	CHECK(st != NULL);
	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	sx_err_clear(&e);
	return v;
}

/* CHECK_STR on a stored answer (want NULL: no answer). */
static void check_answer(struct sx_db *db, const char *uuid, const char *name, const char *want)
{
	char *v = answer(db, uuid, name);
	if (want)
		CHECK_STR(v, want);
	else if (v)
		CHECK_STR(v, "(no answer)");
	free(v);
}

/* A new assessment of a facility at place, prefilled; its uuid to out. */
static void start(struct sx_db *db, const struct xform *f, const char *place, char out[37])
{
	struct sx_err e = {0};
	struct facility fac = {0};
	fac.name = (char *)"Cơ sở tinh bột sắn Nà Bó";
	fac.cp_potential = 1;
	fac.sector = (char *)"cassava";
	fac.legal_form = (char *)"household";
	fac.owner = (char *)"Cầm Văn Hùng";
	fac.address = (char *)"Bản Nà Bó, xã Nà Bó";
	fac.products = (char *)"Tinh bột sắn ướt";
	fac.place_uuid = (char *)place;
	CHECK_INT(facility_save(db, &fac, &e), 0);
	CHECK_INT(assess_create(db, fac.uuid, f, "rapid", out, &e), 0);
	CHECK_INT(assess_prefill(db, out, f, fac.uuid, &e), 0);
	CHECK_INT(sx_err_count(&e), 0);
	sx_err_clear(&e);
}

static void test_prefill_registry(void)
{
	char path[256], a[37], b[37], formpath[512];
	struct sx_err e = {0};
	struct sx_db *db = t_db_fresh(path, sizeof path);
	struct xform *f;
	CHECK(db != NULL);
	if (!db)
		return;
	CHECK(seed_load(db, SXSH_SRCDIR, &e) >= 0);
	snprintf(formpath, sizeof formpath, "%s/forms/rapid_assessment.csv", SXSH_SRCDIR);
	f = xform_load(formpath, &e);
	CHECK(f != NULL);
	if (f) {
		start(db, f, MAI_SON, a);
		check_answer(db, a, "facility_name", "Cơ sở tinh bột sắn Nà Bó");
		check_answer(db, a, "owner_name", "Cầm Văn Hùng");
		check_answer(db, a, "legal_form", "household");
		check_answer(db, a, "sector", "cassava");
		check_answer(db, a, "district", "mai_son");
		check_answer(db, a, "address", "Bản Nà Bó, xã Nà Bó");
		check_answer(db, a, "main_products", "Tinh bột sắn ướt");
		/* A commune: the district above it is the form's choice. */
		start(db, f, HAT_LOT, b);
		check_answer(db, b, "district", "mai_son");
		start(db, f, XA_MAI_SON, b);
		check_answer(db, b, "district", "mai_son");
		/* No place: no district answer, nothing invented. */
		start(db, f, NULL, b);
		check_answer(db, b, "district", NULL);
	}
	xform_free(f);
	sx_err_clear(&e);
	t_db_gone(db, path);
}

/* 1 when list of form f has a choice named code. */
static int has_choice(const struct xform *f, const char *list, const char *code)
{
	int l = xform_list_find(f, list);
	for (size_t c = 0; l >= 0 && c < f->lists[l].n; c++)
		if (strcmp(f->lists[l].c[c].name, code) == 0)
			return 1;
	return 0;
}

static void test_catalogue(void)
{
	struct sx_err e = {0};
	struct cpcat c;
	char formpath[512];
	struct xform *f;

	CHECK_INT(cpcat_load(SXSH_SRCDIR, "cassava", "vi", &c, &e), 0);
	CHECK_INT(c.n, 10);  /* 6 cassava options, then the 4 general ones */
	if (c.n == 10) {
		CHECK_STR(c.v[0].step, "Rửa củ");
		CHECK_STR(c.v[0].technique, "onsite_recovery");
		CHECK_STR(c.v[6].sector, "general");
	}
	cpcat_free(&c);
	CHECK_INT(cpcat_load(SXSH_SRCDIR, "cassava", "en", &c, &e), 0);
	if (c.n)
		CHECK_STR(c.v[0].step, "Root washing");
	cpcat_free(&c);
	/* A sector without options of its own gets the general ones. */
	CHECK_INT(cpcat_load(SXSH_SRCDIR, "other", "vi", &c, &e), 0);
	CHECK_INT(c.n, 4);
	cpcat_free(&c);
	/* Every entry names a sector, technique and cost class the rapid form knows, and a source. */
	snprintf(formpath, sizeof formpath, "%s/forms/rapid_assessment.csv", SXSH_SRCDIR);
	f = xform_load(formpath, &e);
	CHECK(f != NULL);
	CHECK_INT(cpcat_load(SXSH_SRCDIR, NULL, "vi", &c, &e), 0);
	CHECK_INT(c.n, 23);
	for (size_t i = 0; f && i < c.n; i++) {
		const struct cpcat_entry *x = &c.v[i];
		if (!has_choice(f, "technique", x->technique) || !*x->source || !*x->option ||
		    !(strcmp(x->sector, "general") == 0 || has_choice(f, "sector", x->sector)) ||
		    !(strcmp(x->cost_class, "no_cost") == 0 || strcmp(x->cost_class, "low_cost") == 0 ||
		      strcmp(x->cost_class, "high_cost") == 0))
			CHECK_STR(x->option, "(an entry with a code the form does not know)");
	}
	cpcat_free(&c);
	xform_free(f);
	CHECK_INT(sx_err_count(&e), 0);
	sx_err_clear(&e);
}

T_SUITE(prefill) {
	{ "assess/prefill_registry", test_prefill_registry },
	{ "assess/catalogue", test_catalogue },
	{ 0 },
};
