/* plan_facts.c — the records behind each indicator (rules in plan.h). */
#include "plan/plan_int.h"

#include <stdlib.h>
#include <string.h>

#include "assess/assess.h"
#include "base/clock.h"
#include "base/mem.h"
#include "form/formdir.h"
#include "form/fsession.h"
#include "training/coverage.h"

/* The form whose computed da_counts decides the detailed indicator. */
#define PLAN_TRACKER_FORM "sxsh_detailed"

static char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return xstrdup(s ? (const char *)s : "");
}

/* A fact from columns first.. (place, sector or NULL, day, hit, uuid, label). */
static void facts_add(struct facts *fs, sqlite3_stmt *st, int first)
{
	struct fact *f;
	const unsigned char *day = sqlite3_column_text(st, first + 2);
	if (fs->n == fs->cap) {
		fs->cap = fs->cap ? fs->cap * 2 : 16;
		fs->v = xreallocarray(fs->v, fs->cap, sizeof *fs->v);
	}
	f = &fs->v[fs->n++];
	f->place = col(st, first);
	f->sector = sqlite3_column_type(st, first + 1) == SQLITE_NULL ? NULL : col(st, first + 1);
	snprintf(f->day, sizeof f->day, "%s", day ? (const char *)day : "");
	f->hit = sqlite3_column_int(st, first + 3);
	f->area = NULL;
	f->uuid = col(st, first + 4);
	f->label = col(st, first + 5);
}

void plan_facts_free(struct facts *fs)
{
	for (size_t i = 0; i < fs->n; i++) {
		free(fs->v[i].place);
		free(fs->v[i].sector);
		free(fs->v[i].uuid);
		free(fs->v[i].label);
	}
	free(fs->v);
	memset(fs, 0, sizeof *fs);
}

/* Step st into facts read from column first; 0, or -1 with err. */
static int collect(struct sx_db *db, sqlite3_stmt *st, int first, struct facts *out,
		   struct sx_err *err)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		facts_add(out, st, first);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

/* Where a facility is, as facts_add() reads it. */
#define FACILITY_COLS "coalesce(f.place_uuid, ''), coalesce(f.sector, '')"

/* An assessment's date: the form's own date answer (?3), else the day it
 * was finished, else the day it was started. */
#define ASSESS_DAY \
	"coalesce(nullif((SELECT substr(an.value, 1, 10) FROM answers an" \
	" WHERE an.assessment_uuid = a.uuid AND an.name = ?3 AND an.deleted = 0), ''), " \
	"date(coalesce(a.finished_at, a.started_at) / 1000, 'unixepoch'))"

static void bind_period(sqlite3_stmt *st, const struct plan_report *r)
{
	sqlite3_bind_text(st, 1, r->period_start, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->period_end, -1, SQLITE_STATIC);
}

/* Facilities with a complete rapid assessment in the period, each with the
 * date of its first one. */
static int rapid_facts(struct sx_db *db, const struct plan_report *r, struct facts *out,
		       struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT f.uuid, " FACILITY_COLS ", min(d.day), 1, f.uuid, f.name FROM (SELECT a.facility_uuid AS fu, "
		ASSESS_DAY " AS day FROM assessments a WHERE a.deleted = 0 AND a.kind = 'rapid'"
		" AND a.status = 'complete') d JOIN facilities f ON f.uuid = d.fu AND f.deleted = 0"
		" WHERE (?1 = '' OR d.day >= ?1) AND (?2 = '' OR d.day <= ?2)"
		" GROUP BY f.uuid ORDER BY f.uuid", err);

	if (!st)
		return -1;
	bind_period(st, r);
	sqlite3_bind_text(st, 3, "visit_date", -1, SQLITE_STATIC);
	return collect(db, st, 1, out, err);
}

/* The latest tracker of every live facility, dated in the period; the
 * tracker's uuid in column 0. */
static int tracker_rows(struct sx_db *db, const struct plan_report *r, struct facts *cand,
			char ***uuids, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT a.uuid, " FACILITY_COLS ", " ASSESS_DAY " AS day, 1, f.uuid, f.name FROM assessments a"
		" JOIN facilities f ON f.uuid = a.facility_uuid AND f.deleted = 0"
		" WHERE a.deleted = 0 AND a.form_id = ?4 AND NOT EXISTS (SELECT 1 FROM assessments b"
		" WHERE b.facility_uuid = a.facility_uuid AND b.deleted = 0 AND b.form_id = ?4"
		" AND (b.started_at > a.started_at OR (b.started_at = a.started_at AND b.uuid > a.uuid)))"
		" AND (?1 = '' OR day >= ?1) AND (?2 = '' OR day <= ?2) ORDER BY a.uuid", err);
	int rc;

	if (!st)
		return -1;
	bind_period(st, r);
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
	plan_facts_free(&cand);
	xform_free(f);
	return rc;
}

/* Every facility with CP potential, hit when informed (coverage.h). */
static int informed_facts(struct sx_db *db, struct facts *out, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT " FACILITY_COLS ", '', " COVERAGE_INFORMED("f") ", f.uuid, f.name FROM facilities f"
		" WHERE f.deleted = 0 AND f.cp_potential = 1 ORDER BY f.uuid", err);
	return st ? collect(db, st, 0, out, err) : -1;
}

/* Everyone on the roster, hit when trained (coverage.h); no sector. */
static int roster_facts(struct sx_db *db, struct facts *out, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT coalesce(p.place_uuid, ''), NULL, '', " COVERAGE_TRAINED("p")
		", p.uuid, p.full_name FROM people p WHERE " COVERAGE_ON_ROSTER("p") " ORDER BY p.uuid", err);
	return st ? collect(db, st, 0, out, err) : -1;
}

/* Live sessions of a kind whose first day is in the period; no sector. */
static int session_facts(struct sx_db *db, const struct plan_report *r, const char *kind,
			 struct facts *out, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT coalesce(place_uuid, ''), NULL, start_date, 1, uuid,"
		" trim(coalesce(code, '') || ' ' || coalesce(title, '')) FROM sessions"
		" WHERE deleted = 0 AND kind = ?3 AND (?1 = '' OR start_date >= ?1)"
		" AND (?2 = '' OR start_date <= ?2) ORDER BY uuid", err);
	if (!st)
		return -1;
	bind_period(st, r);
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
	return collect(db, st, 0, out, err);
}

int plan_facts(struct sx_db *db, const char *datadir, const struct plan_report *r,
	       enum plan_measure m, struct facts *out, struct sx_err *err)
{
	switch (m) {
	case PLAN_INFORMED_SHARE: return informed_facts(db, out, err);
	case PLAN_ROSTER_SHARE: return roster_facts(db, out, err);
	case PLAN_RAPID_COUNT: return rapid_facts(db, r, out, err);
	case PLAN_DETAILED_COUNT: return detailed_facts(db, datadir, r, out, err);
	case PLAN_AWARENESS_EVENTS: return session_facts(db, r, "awareness", out, err);
	case PLAN_TRAINING_COURSES: return session_facts(db, r, "training", out, err);
	default: return 0;
	}
}

int plan_outside(struct sx_db *db, struct plan_report *r, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"WITH d(day) AS (SELECT start_date FROM sessions WHERE deleted = 0"
		" UNION ALL SELECT " ASSESS_DAY " FROM assessments a WHERE a.deleted = 0"
		" AND a.kind = 'rapid' AND a.status = 'complete'"
		" UNION ALL SELECT coalesce(nullif((SELECT substr(an.value, 1, 10) FROM answers an"
		" WHERE an.assessment_uuid = a.uuid AND an.name = 'da_start' AND an.deleted = 0), ''),"
		" date(coalesce(a.finished_at, a.started_at) / 1000, 'unixepoch'))"
		" FROM assessments a WHERE a.deleted = 0 AND a.form_id = ?4),"
		" o(day) AS (SELECT day FROM d WHERE (?1 <> '' AND day < ?1) OR (?2 <> '' AND day > ?2)),"
		" m(day) AS (SELECT max(day) FROM o)"
		" SELECT (SELECT count(*) FROM o), (SELECT p.code FROM plans p, m WHERE p.deleted = 0"
		" AND p.uuid <> ?5 AND coalesce(p.period_start, '') <= m.day"
		" AND coalesce(nullif(p.period_end, ''), '9999') >= m.day"
		" ORDER BY p.period_start DESC LIMIT 1)", err);
	int rc;

	if (!st)
		return -1;
	bind_period(st, r);
	sqlite3_bind_text(st, 3, "visit_date", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, PLAN_TRACKER_FORM, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, r->uuid, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		r->outside = (long)sqlite3_column_int64(st, 0);
		free(r->outside_plan);
		r->outside_plan = col(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : db_fail(db, err);
}

int plan_outside_facts(struct sx_db *db, const struct plan_report *r, struct facts *out,
		       struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"WITH d(place, day, uuid, label) AS (SELECT coalesce(place_uuid, ''), start_date, uuid,"
		" trim(coalesce(code, '') || ' ' || coalesce(title, '')) FROM sessions WHERE deleted = 0"
		" UNION ALL SELECT coalesce(f.place_uuid, ''), " ASSESS_DAY ", a.uuid, coalesce(f.name, '')"
		" FROM assessments a LEFT JOIN facilities f ON f.uuid = a.facility_uuid"
		" WHERE a.deleted = 0 AND a.kind = 'rapid' AND a.status = 'complete'"
		" UNION ALL SELECT coalesce(f.place_uuid, ''), coalesce(nullif((SELECT substr(an.value, 1, 10)"
		" FROM answers an WHERE an.assessment_uuid = a.uuid AND an.name = 'da_start'"
		" AND an.deleted = 0), ''), date(coalesce(a.finished_at, a.started_at) / 1000, 'unixepoch')),"
		" a.uuid, coalesce(f.name, '') FROM assessments a LEFT JOIN facilities f"
		" ON f.uuid = a.facility_uuid WHERE a.deleted = 0 AND a.form_id = ?4)"
		" SELECT place, NULL, day, 1, uuid, label FROM d"
		" WHERE (?1 <> '' AND day < ?1) OR (?2 <> '' AND day > ?2) ORDER BY day, uuid", err);

	if (!st)
		return -1;
	bind_period(st, r);
	sqlite3_bind_text(st, 3, "visit_date", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, PLAN_TRACKER_FORM, -1, SQLITE_STATIC);
	return collect(db, st, 0, out, err);
}
