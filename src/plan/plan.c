/* plan.c — the plan's indicators from the records (rules in plan.h). */
#include "plan/plan.h"

#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/text.h"
#include "plan/plan_int.h"
#include "records/facility.h"
#include "records/places.h"
#include "training/session.h"

static const char *const measure_names[] = {
	[PLAN_INFORMED_SHARE] = "informed_share",
	[PLAN_RAPID_COUNT] = "rapid_count",
	[PLAN_DETAILED_COUNT] = "detailed_count",
	[PLAN_ROSTER_SHARE] = "roster_trained_share",
	[PLAN_AWARENESS_EVENTS] = "awareness_events",
	[PLAN_TRAINING_COURSES] = "training_courses",
};

enum plan_measure plan_measure_parse(const char *s)
{
	for (int m = 0; m < PLAN_UNKNOWN; m++)
		if (s && strcmp(s, measure_names[m]) == 0)
			return (enum plan_measure)m;
	return PLAN_UNKNOWN;
}

static char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return xstrdup(s ? (const char *)s : "");
}

/* 1 when fact f falls in row. */
static int in_row(const struct fact *f, const struct plan_row *row)
{
	switch (row->scope) {
	case PLAN_DISTRICT:
		return f->area && strcmp(f->area, row->area) == 0;
	case PLAN_SECTOR:
		return f->sector && strcmp(f->sector, row->key) == 0;
	case PLAN_YEAR:
		return atoi(f->day) == row->year;
	case PLAN_PROGRAMME:
		return atoi(f->day) == row->year && f->area && strcmp(f->area, row->area) == 0;
	default:
		return 1;
	}
}

/* Count fs into v for row; shares have no year, sessions and the roster no sector. */
static void count_row(enum plan_measure m, const struct facts *fs, const struct plan_row *row,
		      struct plan_value *v)
{
	int share = m == PLAN_INFORMED_SHARE || m == PLAN_ROSTER_SHARE;
	if (share && (row->scope == PLAN_YEAR || row->scope == PLAN_PROGRAMME))
		return;
	if (row->scope == PLAN_SECTOR && m != PLAN_INFORMED_SHARE && m != PLAN_RAPID_COUNT
	    && m != PLAN_DETAILED_COUNT)
		return;
	v->known = 1;
	for (size_t i = 0; i < fs->n; i++) {
		if (!in_row(&fs->v[i], row))
			continue;
		v->value += fs->v[i].hit;
		v->total += share;
	}
}

static struct plan_row *add_row(struct plan_report *r, enum plan_scope scope, const char *key,
				const char *label, const char *area, int year)
{
	struct plan_row *row;
	r->rows = xreallocarray(r->rows, r->nrows + 1, sizeof *r->rows);
	row = &r->rows[r->nrows++];
	row->scope = scope;
	row->key = xstrdup(key);
	row->label = xstrdup(label);
	row->area = xstrdup(area ? area : "");
	row->year = year;
	row->v = NULL;
	return row;
}

static struct plan_row *find_row(struct plan_report *r, enum plan_scope scope, const char *area,
				 int year)
{
	for (size_t i = 0; i < r->nrows; i++)
		if (r->rows[i].scope == scope && r->rows[i].year == year
		    && strcmp(r->rows[i].area, area ? area : "") == 0)
			return &r->rows[i];
	return NULL;
}

/* The area row for place uuid, added (named as the place) when missing. */
static struct plan_row *area_row(struct sx_db *db, struct plan_report *r, const char *area)
{
	struct plan_row *row = find_row(r, PLAN_DISTRICT, area, 0);
	if (!row) {
		char *name = places_name(db, area);
		char *label = xasprintf(_("%s (not in force in this period)"), name ? name : area);
		row = add_row(r, PLAN_DISTRICT, area, label, area, 0);
		free(label);
		free(name);
	}
	return row;
}

/* The programme row of a year in an area, added when missing. */
static struct plan_row *programme_row(struct sx_db *db, struct plan_report *r, const char *area,
				      int year)
{
	struct plan_row *row = find_row(r, PLAN_PROGRAMME, area, year);
	if (!row) {
		char *name = places_name(db, area), key[60];
		char *label = xasprintf("%04d  %s", year, name ? name : area);
		snprintf(key, sizeof key, "%04d %s", year, area);
		row = add_row(r, PLAN_PROGRAMME, key, label, area, year);
		free(label);
		free(name);
	}
	return row;
}

/* The period that decides which units are areas. */
static void area_period(const struct plan_report *r, const char **from, const char **to,
			char today[11])
{
	if (r->areas == PLAN_AREAS_CURRENT) {
		clock_date(clock_now_ms(), today);
		*from = *to = today;
	} else {
		*from = r->period_start;
		*to = r->period_end;
	}
}

/* The rows: overall, the areas, the sectors, the years of the period. */
static int build_rows(struct sx_db *db, struct plan_report *r, struct sx_err *err)
{
	struct place_list pl;
	int y0 = atoi(r->period_start), y1 = atoi(r->period_end);
	const char *from, *to;
	char today[11];

	add_row(r, PLAN_OVERALL, "", _("Whole province"), "", 0);
	area_period(r, &from, &to, today);
	if (places_in_force(db, from, to, &pl, err) != 0)
		return -1;
	for (size_t i = 0; i < pl.n; i++)
		add_row(r, PLAN_DISTRICT, pl.v[i].uuid, pl.v[i].name, pl.v[i].uuid, 0);
	places_free(&pl);
	for (size_t i = 0; i < facility_nsectors; i++)
		add_row(r, PLAN_SECTOR, facility_sectors[i].code, _(facility_sectors[i].label), "", 0);
	for (int y = y0; y0 > 0 && y <= y1 && y < y0 + 50; y++) {
		char key[12];
		snprintf(key, sizeof key, "%04d", y);
		add_row(r, PLAN_YEAR, key, key, "", y);
	}
	return 0;
}

/* Gather every indicator's facts and resolve their areas. */
static int gather(struct sx_db *db, const char *datadir, struct plan_report *r,
		  const struct place_tree *t, struct facts *fs, struct sx_err *err)
{
	const char *from, *to;
	char today[11];

	area_period(r, &from, &to, today);
	for (size_t k = 0; k < r->nind; k++) {
		if (plan_facts(db, datadir, r, r->ind[k].measure, &fs[k], err) != 0)
			return -1;
		for (size_t i = 0; i < fs[k].n; i++)
			fs[k].v[i].area = places_area(t, fs[k].v[i].place, from, to);
	}
	return 0;
}

/* Rows for areas and programme years that records fall in. */
static void rows_for_facts(struct sx_db *db, struct plan_report *r, const struct facts *fs)
{
	for (size_t k = 0; k < r->nind; k++)
		for (size_t i = 0; i < fs[k].n; i++) {
			const struct fact *f = &fs[k].v[i];
			int y = atoi(f->day);
			if (!f->area)
				continue;
			area_row(db, r, f->area);
			if (y > 0 && f->hit)
				programme_row(db, r, f->area, y);
		}
}

/* Set the targets of the rows from the indicator rows with a year or place. */
static int load_targets(struct sx_db *db, struct plan_report *r, const struct place_tree *t,
			struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT code, coalesce(year, 0), coalesce(place_uuid, ''), target FROM indicators"
		" WHERE plan_uuid = ?1 AND deleted = 0 AND target IS NOT NULL"
		" AND (year IS NOT NULL OR place_uuid IS NOT NULL) ORDER BY uuid", err);
	const char *from, *to;
	char today[11];
	int rc;

	if (!st)
		return -1;
	area_period(r, &from, &to, today);
	sqlite3_bind_text(st, 1, r->uuid, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 0);
		int year = sqlite3_column_int(st, 1);
		const char *place = (const char *)sqlite3_column_text(st, 2);
		const char *area = *place ? places_area(t, place, from, to) : "";
		struct plan_row *row;
		if (!area)
			continue;
		if (*area)
			row = year ? programme_row(db, r, area, year) : area_row(db, r, area);
		else
			row = find_row(r, PLAN_YEAR, "", year);
		for (size_t k = 0; row && k < r->nind; k++)
			if (strcmp(r->ind[k].code, code) == 0) {
				if (!row->v)
					row->v = xcalloc(r->nind, sizeof *row->v);
				row->v[k].target = sqlite3_column_double(st, 3);
				row->v[k].has_target = 1;
			}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

/* Fill every value of every row; the plan's own target where a row has none. */
static void fill(struct plan_report *r, const struct facts *fs)
{
	for (size_t i = 0; i < r->nrows; i++) {
		struct plan_row *row = &r->rows[i];
		if (!row->v)
			row->v = xcalloc(r->nind ? r->nind : 1, sizeof *row->v);
		for (size_t k = 0; k < r->nind; k++) {
			const struct plan_indicator *ind = &r->ind[k];
			struct plan_value *v = &row->v[k];
			count_row(ind->measure, &fs[k], row, v);
			if (!v->has_target && ind->has_target
			    && (row->scope == PLAN_OVERALL || (plan_is_share(ind)
				&& (row->scope == PLAN_DISTRICT || row->scope == PLAN_SECTOR)))) {
				v->target = ind->target;
				v->has_target = 1;
			}
		}
	}
}

/* Rows in breakdown order (stable), programme rows by year then area. */
static void sort_rows(struct plan_report *r)
{
	for (size_t i = 1; i < r->nrows; i++) {
		struct plan_row x = r->rows[i];
		size_t j = i;
		while (j > 0 && (r->rows[j - 1].scope > x.scope || (x.scope == PLAN_PROGRAMME
			&& r->rows[j - 1].scope == PLAN_PROGRAMME
			&& strcmp(r->rows[j - 1].label, x.label) > 0))) {
			r->rows[j] = r->rows[j - 1];
			j--;
		}
		r->rows[j] = x;
	}
}

/* The plan's row (by code, or the default plan) into r's heading fields. */
static int load_plan(struct sx_db *db, const char *code, struct plan_report *r,
		     struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT uuid, code, CASE WHEN ?3 = 'en' AND coalesce(title_en, '') <> ''"
		" THEN title_en ELSE title_vi END, coalesce(decision, ''),"
		" coalesce(period_start, ''), coalesce(period_end, '') FROM plans"
		" WHERE deleted = 0 AND (?1 IS NULL AND uuid = ?2 OR code = ?1)"
		" ORDER BY period_end DESC LIMIT 1", err);
	char today[11], uuid[37] = "";
	int rc;

	if (!st)
		return -1;
	if (!code) {
		clock_date(clock_now_ms(), today);
		session_default_plan(db, today, uuid);
	}
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, i18n_lang(), -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(r->uuid, sizeof r->uuid, "%s", (const char *)sqlite3_column_text(st, 0));
		r->code = col(st, 1);
		r->title = col(st, 2);
		r->decision = col(st, 3);
		snprintf(r->period_start, sizeof r->period_start, "%s", (const char *)sqlite3_column_text(st, 4));
		snprintf(r->period_end, sizeof r->period_end, "%s", (const char *)sqlite3_column_text(st, 5));
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return db_fail(db, err);
	if (code)
		sx_err_add(err, NULL, 0, _("no plan with the code '%s'"), code);
	else
		sx_err_add(err, NULL, 0, "%s", _("there is no plan in the database"));
	return -1;
}

/* The plan's indicators with their whole-plan targets, in uuid order. */
static int load_indicators(struct sx_db *db, struct plan_report *r, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT code, CASE WHEN ?2 = 'en' AND coalesce(label_en, '') <> '' THEN label_en"
		" ELSE label_vi END, measure, target FROM indicators"
		" WHERE plan_uuid = ?1 AND deleted = 0 AND year IS NULL AND place_uuid IS NULL"
		" ORDER BY uuid", err);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, r->uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, i18n_lang(), -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct plan_indicator *ind;
		r->ind = xreallocarray(r->ind, r->nind + 1, sizeof *r->ind);
		ind = &r->ind[r->nind++];
		ind->code = col(st, 0);
		ind->label = col(st, 1);
		ind->measure_name = col(st, 2);
		ind->measure = plan_measure_parse(ind->measure_name);
		ind->has_target = sqlite3_column_type(st, 3) != SQLITE_NULL;
		ind->target = sqlite3_column_double(st, 3);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

int plan_compute_areas(struct sx_db *db, const char *datadir, const char *code,
		       enum plan_areas areas, struct plan_report *out, struct sx_err *err)
{
	struct place_tree t = {0};
	struct facts *fs = NULL;
	int rc;

	memset(out, 0, sizeof *out);
	out->areas = areas;
	out->outside_plan = xstrdup("");
	rc = load_plan(db, code, out, err);
	if (rc == 0)
		rc = load_indicators(db, out, err);
	if (rc == 0)
		rc = places_tree_load(db, &t, err);
	if (rc == 0)
		rc = build_rows(db, out, err);
	fs = xcalloc(out->nind ? out->nind : 1, sizeof *fs);
	if (rc == 0)
		rc = gather(db, datadir, out, &t, fs, err);
	if (rc == 0)
		rows_for_facts(db, out, fs);
	if (rc == 0)
		rc = load_targets(db, out, &t, err);
	if (rc == 0) {
		sort_rows(out);
		fill(out, fs);
		rc = plan_outside(db, out, err);
	}
	for (size_t k = 0; k < out->nind; k++)
		plan_facts_free(&fs[k]);
	free(fs);
	places_tree_free(&t);
	if (rc != 0)
		plan_report_free(out);
	return rc;
}

int plan_compute(struct sx_db *db, const char *datadir, const char *code,
		 struct plan_report *out, struct sx_err *err)
{
	return plan_compute_areas(db, datadir, code, PLAN_AREAS_PERIOD, out, err);
}

void plan_report_free(struct plan_report *r)
{
	for (size_t i = 0; i < r->nind; i++) {
		free(r->ind[i].code);
		free(r->ind[i].label);
		free(r->ind[i].measure_name);
	}
	for (size_t i = 0; i < r->nrows; i++) {
		free(r->rows[i].key);
		free(r->rows[i].label);
		free(r->rows[i].area);
		free(r->rows[i].v);
	}
	free(r->ind);
	free(r->rows);
	free(r->code);
	free(r->title);
	free(r->decision);
	free(r->outside_plan);
	memset(r, 0, sizeof *r);
}

int plan_is_share(const struct plan_indicator *ind)
{
	return ind->measure == PLAN_INFORMED_SHARE || ind->measure == PLAN_ROSTER_SHARE;
}

long plan_shown(const struct plan_indicator *ind, const struct plan_value *v)
{
	if (!v->known)
		return -1;
	if (!plan_is_share(ind))
		return v->value;
	return v->total > 0 ? (v->value * 200 + v->total) / (2 * v->total) : -1;
}

long plan_progress(const struct plan_indicator *ind, const struct plan_value *v)
{
	double got, p;
	if (!v->known || !v->has_target || !(v->target > 0) || (plan_is_share(ind) && v->total <= 0))
		return -1;
	got = plan_is_share(ind) ? 100.0 * (double)v->value / (double)v->total : (double)v->value;
	p = got * 1000.0 / v->target + 1e-9;
	/* A tiny target makes p huge (or infinite): converting that is undefined. */
	if (!(p < (double)PLAN_PROGRESS_MAX))
		return PLAN_PROGRESS_MAX;
	return p < 0 ? 0 : (long)p;
}

int plan_met(const struct plan_indicator *ind, const struct plan_value *v)
{
	if (!v->known || !v->has_target || (plan_is_share(ind) && v->total <= 0))
		return 0;
	if (plan_is_share(ind))
		return (double)v->value * 100.0 >= v->target * (double)v->total;
	return (double)v->value >= v->target;
}

static int record_cmp(const void *a, const void *b)
{
	const struct plan_record *x = a, *y = b;
	int c = text_cmp_vi(x->label, y->label);
	return c ? c : strcmp(x->uuid, y->uuid);
}

/* The facts behind indicator k (k == r->nind: the records outside the period). */
static int record_facts(struct sx_db *db, const char *datadir, const struct plan_report *r,
			size_t k, struct facts *fs, struct sx_err *err)
{
	const char *from, *to;
	char today[11];
	struct place_tree t = {0};
	int rc;

	if (k == r->nind)
		return plan_outside_facts(db, r, fs, err);
	rc = plan_facts(db, datadir, r, r->ind[k].measure, fs, err);
	if (rc == 0)
		rc = places_tree_load(db, &t, err);
	area_period(r, &from, &to, today);
	for (size_t i = 0; rc == 0 && i < fs->n; i++) {
		const char *a = places_area(&t, fs->v[i].place, from, to);
		fs->v[i].area = NULL;
		if (a) {   /* the tree is freed below: keep a copy in place of the place */
			char *keep = xstrdup(a);
			free(fs->v[i].place);
			fs->v[i].place = keep;
			fs->v[i].area = keep;
		}
	}
	places_tree_free(&t);
	return rc;
}

int plan_records(struct sx_db *db, const char *datadir, const struct plan_report *r, size_t k,
		 const struct plan_row *row, struct plan_record **out, size_t *n,
		 struct sx_err *err)
{
	struct facts fs = {0};
	int rc = k <= r->nind ? record_facts(db, datadir, r, k, &fs, err) : 0;

	*out = NULL;
	*n = 0;
	for (size_t i = 0; rc == 0 && i < fs.n; i++) {
		struct fact *f = &fs.v[i];
		struct plan_record *p;
		if (!f->hit || (k < r->nind && !in_row(f, row)))
			continue;
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		p = &(*out)[(*n)++];
		p->uuid = f->uuid;
		p->label = f->label;
		memcpy(p->day, f->day, sizeof p->day);
		f->uuid = f->label = NULL;   /* moved */
	}
	plan_facts_free(&fs);
	if (rc == 0)
		qsort(*out, *n, sizeof **out, record_cmp);
	else
		plan_records_free(*out, *n), *out = NULL, *n = 0;
	return rc;
}

void plan_records_free(struct plan_record *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].uuid);
		free(v[i].label);
	}
	free(v);
}
