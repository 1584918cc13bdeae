/* plan.c — the plan's indicators from the records (rules in plan.h). */
#include "plan/plan.h"

#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "training/coverage.h"
#include "records/facility.h"
#include "assess/assess.h"
#include "form/formdir.h"
#include "form/fsession.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "records/places.h"
#include "training/session.h"

/* The form whose computed da_counts decides the detailed indicator. */
#define PLAN_TRACKER_FORM "sxsh_detailed"

/* One facility that reached a count indicator, and when. */
struct fact {
	char *place;    /* facilities.place_uuid, or "" */
	char *parent;   /* that place's parent, or "" */
	char *sector;   /* sector code, or "" */
	char day[11];   /* yyyy-mm-dd of its (first) qualifying assessment */
};

/* The facts of one count indicator. */
struct facts {
	struct fact *v;
	size_t n, cap;
};

static const char *const measure_names[] = {
	[PLAN_INFORMED_SHARE] = "informed_share",
	[PLAN_RAPID_COUNT] = "rapid_count",
	[PLAN_DETAILED_COUNT] = "detailed_count",
	[PLAN_ROSTER_SHARE] = "roster_trained_share",
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

static void facts_add(struct facts *fs, sqlite3_stmt *st, int first)
{
	struct fact *f;
	if (fs->n == fs->cap) {
		fs->cap = fs->cap ? fs->cap * 2 : 16;
		fs->v = xreallocarray(fs->v, fs->cap, sizeof *fs->v);
	}
	f = &fs->v[fs->n++];
	f->place = col(st, first);
	f->parent = col(st, first + 1);
	f->sector = col(st, first + 2);
	snprintf(f->day, sizeof f->day, "%s", (const char *)sqlite3_column_text(st, first + 3));
}

static void facts_free(struct facts *fs)
{
	for (size_t i = 0; i < fs->n; i++) {
		free(fs->v[i].place);
		free(fs->v[i].parent);
		free(fs->v[i].sector);
	}
	free(fs->v);
	memset(fs, 0, sizeof *fs);
}

/* Where a facility is, as facts_add() reads it from columns 1.. of a row. */
#define FACILITY_COLS \
	"coalesce(f.place_uuid, ''), coalesce(pl.parent_uuid, ''), coalesce(f.sector, '')"

/* An assessment's date: the form's own date answer (?3), else the day it
 * was finished, else the day it was started. */
#define ASSESS_DAY \
	"coalesce(nullif((SELECT substr(an.value, 1, 10) FROM answers an" \
	" WHERE an.assessment_uuid = a.uuid AND an.name = ?3 AND an.deleted = 0), ''), " \
	"date(coalesce(a.finished_at, a.started_at) / 1000, 'unixepoch'))"

/* Facilities with a complete rapid assessment in the period, each with the
 * date of its first one. */
static int rapid_facts(struct sx_db *db, const struct plan_report *r, struct facts *out,
		       struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT f.uuid, " FACILITY_COLS ", min(d.day) FROM (SELECT a.facility_uuid AS fu, "
		ASSESS_DAY " AS day FROM assessments a WHERE a.deleted = 0 AND a.kind = 'rapid'"
		" AND a.status = 'complete') d JOIN facilities f ON f.uuid = d.fu AND f.deleted = 0"
		" LEFT JOIN places pl ON pl.uuid = f.place_uuid"
		" WHERE (?1 = '' OR d.day >= ?1) AND (?2 = '' OR d.day <= ?2)"
		" GROUP BY f.uuid ORDER BY f.uuid", err);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, r->period_start, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->period_end, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, "visit_date", -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		facts_add(out, st, 1);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

/* The latest tracker of every live facility (uuid in column 0), in the
 * period; the facts of those whose tracker says da_counts = 1. */
static int tracker_rows(struct sx_db *db, const struct plan_report *r, struct facts *cand,
			char ***uuids, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT a.uuid, " FACILITY_COLS ", " ASSESS_DAY " AS day FROM assessments a"
		" JOIN facilities f ON f.uuid = a.facility_uuid AND f.deleted = 0"
		" LEFT JOIN places pl ON pl.uuid = f.place_uuid"
		" WHERE a.deleted = 0 AND a.form_id = ?4 AND NOT EXISTS (SELECT 1 FROM assessments b"
		" WHERE b.facility_uuid = a.facility_uuid AND b.deleted = 0 AND b.form_id = ?4"
		" AND (b.started_at > a.started_at OR (b.started_at = a.started_at AND b.uuid > a.uuid)))"
		" AND (?1 = '' OR day >= ?1) AND (?2 = '' OR day <= ?2) ORDER BY a.uuid", err);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, r->period_start, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->period_end, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, "da_start", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, PLAN_TRACKER_FORM, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		facts_add(cand, st, 1);
		*uuids = xreallocarray(*uuids, cand->n, sizeof **uuids);
		(*uuids)[cand->n - 1] = col(st, 0);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

/* 1 when the tracker's answers make da_counts 1 under form f, 0 if not. */
static int tracker_counts(struct sx_db *db, const struct xform *f, const char *uuid,
			  struct sx_err *err)
{
	struct fsession *s = fs_new(f, "", clock_now_ms());
	int counts = -1;
	if (assess_load(db, uuid, s, err) == 0)
		counts = strcmp(fs_get(s, "da_counts"), "1") == 0;
	fs_free(s);
	return counts;
}

/* Keep the candidates whose tracker counts. */
static int detailed_facts(struct sx_db *db, const char *datadir, const struct plan_report *r,
			  struct facts *out, struct sx_err *err)
{
	struct facts cand = {0};
	char **uuids = NULL, *path;
	struct xform *f = NULL;
	int rc = tracker_rows(db, r, &cand, &uuids, err);

	if (rc == 0 && cand.n > 0) {
		path = formdir_path(datadir, PLAN_TRACKER_FORM, err);
		f = path ? xform_load(path, err) : NULL;
		free(path);
		rc = f ? 0 : -1;
	}
	for (size_t i = 0; i < cand.n; i++) {
		int c = rc == 0 ? tracker_counts(db, f, uuids[i], err) : 0;
		if (c < 0)
			rc = -1;
		if (c == 1) {   /* move the fact over; cand keeps an empty shell */
			if (out->n == out->cap) {
				out->cap = out->cap ? out->cap * 2 : 16;
				out->v = xreallocarray(out->v, out->cap, sizeof *out->v);
			}
			out->v[out->n++] = cand.v[i];
			memset(&cand.v[i], 0, sizeof cand.v[i]);
		}
		free(uuids[i]);
	}
	free(uuids);
	facts_free(&cand);
	xform_free(f);
	return rc;
}

/* Facts that fall in a row: its district, its sector, or by its year's end. */
static long count_facts(const struct facts *fs, const struct plan_row *row)
{
	long n = 0;
	for (size_t i = 0; i < fs->n; i++) {
		const struct fact *f = &fs->v[i];
		if (row->scope == PLAN_DISTRICT)
			n += strcmp(f->place, row->key) == 0 || strcmp(f->parent, row->key) == 0;
		else if (row->scope == PLAN_SECTOR)
			n += strcmp(f->sector, row->key) == 0;
		else if (row->scope == PLAN_YEAR)
			n += strncmp(f->day, row->key, 4) <= 0;
		else
			n++;
	}
	return n;
}

/* A share from coverage.h for a row; years have none, nor the roster by sector. */
static int share(struct sx_db *db, enum plan_measure m, const struct plan_row *row,
		 struct plan_value *v, struct sx_err *err)
{
	const char *place = row->scope == PLAN_DISTRICT ? row->key : NULL;
	const char *sector = row->scope == PLAN_SECTOR ? row->key : NULL;

	if (row->scope == PLAN_YEAR || (m == PLAN_ROSTER_SHARE && sector))
		return 0;
	v->known = 1;
	if (m == PLAN_ROSTER_SHARE)
		return coverage_roster(db, place, &v->value, &v->total, err);
	return coverage_facilities_informed(db, place, sector, &v->value, &v->total, err);
}

/* Fill every value of every row. */
static int fill(struct sx_db *db, struct plan_report *r, const struct facts *rapid,
		const struct facts *detailed, struct sx_err *err)
{
	for (size_t i = 0; i < r->nrows; i++) {
		struct plan_row *row = &r->rows[i];
		row->v = xcalloc(r->nind ? r->nind : 1, sizeof *row->v);
		for (size_t k = 0; k < r->nind; k++) {
			enum plan_measure m = r->ind[k].measure;
			struct plan_value *v = &row->v[k];
			if (m == PLAN_RAPID_COUNT || m == PLAN_DETAILED_COUNT) {
				v->known = 1;
				v->value = count_facts(m == PLAN_RAPID_COUNT ? rapid : detailed, row);
			} else if (m != PLAN_UNKNOWN && share(db, m, row, v, err) != 0) {
				return -1;
			}
		}
	}
	return 0;
}

static void add_row(struct plan_report *r, enum plan_scope scope, const char *key,
		    const char *label)
{
	struct plan_row *row;
	r->rows = xreallocarray(r->rows, r->nrows + 1, sizeof *r->rows);
	row = &r->rows[r->nrows++];
	row->scope = scope;
	row->key = xstrdup(key);
	row->label = xstrdup(label);
	row->v = NULL;
}

/* The rows: overall, the districts, the sectors, the years of the period. */
static int build_rows(struct sx_db *db, struct plan_report *r, struct sx_err *err)
{
	struct place_list pl;
	int y0 = atoi(r->period_start), y1 = atoi(r->period_end);

	add_row(r, PLAN_OVERALL, "", _("Whole province"));
	if (places_districts(db, &pl, err) != 0)
		return -1;
	for (size_t i = 0; i < pl.n; i++)
		add_row(r, PLAN_DISTRICT, pl.v[i].uuid, pl.v[i].name);
	places_free(&pl);
	for (size_t i = 0; i < facility_nsectors; i++)
		add_row(r, PLAN_SECTOR, facility_sectors[i].code, _(facility_sectors[i].label));
	for (int y = y0; y0 > 0 && y <= y1 && y < y0 + 50; y++) {
		char key[12];
		snprintf(key, sizeof key, "%04d", y);
		add_row(r, PLAN_YEAR, key, key);
	}
	return 0;
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

/* The plan's indicators with their targets, in the order they were loaded. */
static int load_indicators(struct sx_db *db, struct plan_report *r, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT code, CASE WHEN ?2 = 'en' AND coalesce(label_en, '') <> '' THEN label_en"
		" ELSE label_vi END, measure, target FROM indicators"
		" WHERE plan_uuid = ?1 AND deleted = 0 ORDER BY uuid", err);
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
		ind->target = sqlite3_column_double(st, 3);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

int plan_compute(struct sx_db *db, const char *datadir, const char *code,
		 struct plan_report *out, struct sx_err *err)
{
	struct facts rapid = {0}, detailed = {0};
	int rc;

	memset(out, 0, sizeof *out);
	rc = load_plan(db, code, out, err);
	if (rc == 0)
		rc = load_indicators(db, out, err);
	if (rc == 0)
		rc = build_rows(db, out, err);
	if (rc == 0)
		rc = rapid_facts(db, out, &rapid, err);
	if (rc == 0)
		rc = detailed_facts(db, datadir, out, &detailed, err);
	if (rc == 0)
		rc = fill(db, out, &rapid, &detailed, err);
	facts_free(&rapid);
	facts_free(&detailed);
	if (rc != 0)
		plan_report_free(out);
	return rc;
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
		free(r->rows[i].v);
	}
	free(r->ind);
	free(r->rows);
	free(r->code);
	free(r->title);
	free(r->decision);
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
	return v->total > 0 ? v->value * 100 / v->total : -1;
}

long plan_progress(const struct plan_indicator *ind, const struct plan_value *v)
{
	double got, p;
	if (!v->known || !(ind->target > 0) || (plan_is_share(ind) && v->total <= 0))
		return -1;
	got = plan_is_share(ind) ? 100.0 * (double)v->value / (double)v->total : (double)v->value;
	p = got * 1000.0 / ind->target + 1e-9;
	/* A tiny target makes p huge (or infinite): converting that is undefined. */
	if (!(p < (double)PLAN_PROGRESS_MAX))
		return PLAN_PROGRESS_MAX;
	return p < 0 ? 0 : (long)p;
}

int plan_met(const struct plan_indicator *ind, const struct plan_value *v)
{
	if (!v->known || (plan_is_share(ind) && v->total <= 0))
		return 0;
	if (plan_is_share(ind))
		return (double)v->value * 100.0 >= ind->target * (double)v->total;
	return (double)v->value >= ind->target;
}
