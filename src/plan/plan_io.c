/* plan_io.c — plans to and from the one CSV layout of plan_io.h. */
#include "plan/plan_io.h"

#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/csvread.h"
#include "base/date.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/uuid.h"
#include "plan/plan.h"

const char plan_io_header[] = "kind,plan,code,measure,year,area,target,unit,label_vi,label_en,"
	"decision,period_start,period_end,closed_on,source";

enum { F_KIND, F_PLAN, F_CODE, F_MEASURE, F_YEAR, F_AREA, F_TARGET, F_UNIT, F_LABEL_VI,
       F_LABEL_EN, F_DECISION, F_START, F_END, F_CLOSED, F_SOURCE, NFIELDS };

static const char *text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? (const char *)s : "";
}

/* One field, quoted when RFC 4180 needs it or it has outer blanks. */
static void put(FILE *out, const char *s, int last)
{
	size_t n = strlen(s);
	if (!strpbrk(s, ",\"\r\n") && !(n && (s[0] == ' ' || s[n - 1] == ' '))) {
		fputs(s, out);
	} else {
		fputc('"', out);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', out);
			fputc(*s, out);
		}
		fputc('"', out);
	}
	fputc(last ? '\n' : ',', out);
}

static void put_row(FILE *out, const char *const f[NFIELDS])
{
	for (int i = 0; i < NFIELDS; i++)
		put(out, f[i] ? f[i] : "", i == NFIELDS - 1);
}

long plan_io_codes(struct sx_db *db, char ***codes, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT code FROM plans WHERE deleted = 0"
				   " ORDER BY period_start, code", err);
	long n = 0;
	int rc;

	*codes = NULL;
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*codes = xreallocarray(*codes, (size_t)n + 1, sizeof **codes);
		(*codes)[n++] = xstrdup(text(st, 0));
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? n : db_fail(db, err);
}

int plan_io_list(struct sx_db *db, FILE *out, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT p.code, coalesce(p.period_start, ''), coalesce(p.period_end, ''),"
		" coalesce(p.closed_on, ''), (SELECT count(*) FROM indicators i WHERE i.plan_uuid = p.uuid"
		" AND i.deleted = 0 AND i.year IS NULL AND i.place_uuid IS NULL),"
		" CASE WHEN ?1 = 'en' AND coalesce(p.title_en, '') <> '' THEN p.title_en ELSE p.title_vi END"
		" FROM plans p WHERE p.deleted = 0 ORDER BY p.period_start, p.code", err);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, i18n_lang(), -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char a[11], b[11];
		date_format_user(text(st, 1), a);
		date_format_user(text(st, 2), b);
		fprintf(out, "%s\t%s – %s\t%s\t%d %s\t%s\n", text(st, 0), a, b,
			*text(st, 3) ? _("closed") : _("open"), sqlite3_column_int(st, 4),
			_("indicators"), text(st, 5));
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

/* The days a target's area is looked up in: its year, else the plan period. */
static void target_span(int year, const char *start, const char *end, char from[11], char to[11])
{
	if (year > 0) {
		snprintf(from, 11, "%04d-01-01", year % 10000);
		snprintf(to, 11, "%04d-12-31", year % 10000);
	} else {
		snprintf(from, 11, "%s", start);
		snprintf(to, 11, "%s", end);
	}
}

/* Live places with code in force on some day of [from, to]: how many, and
 * the first uuid into out. */
static int places_with_code(struct sx_db *db, const char *code, const char *from,
			    const char *to, char out[37], struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT uuid FROM places WHERE deleted = 0 AND code = ?1"
		" AND (coalesce(valid_from, '') = '' OR ?3 = '' OR valid_from <= ?3)"
		" AND (coalesce(valid_to, '') = '' OR ?2 = '' OR valid_to >= ?2) ORDER BY uuid", err);
	int n = 0, rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (n++ == 0)
			snprintf(out, 37, "%s", text(st, 0));
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? n : db_fail(db, err);
}

/* The area of a target as written: the code when it names one unit, else the uuid. */
static char *area_text(struct sx_db *db, const char *uuid, int year, const char *start,
		       const char *end, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT coalesce(code, '') FROM places WHERE uuid = ?", err);
	char from[11], to[11], found[37] = "", *code = NULL;

	if (!*uuid || !st)
		return xstrdup("");
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		code = xstrdup(text(st, 0));
	sqlite3_reset(st);
	target_span(year, start, end, from, to);
	if (code && *code && places_with_code(db, code, from, to, found, err) == 1
	    && strcmp(found, uuid) == 0)
		return code;
	free(code);
	return xstrdup(uuid);
}

/* The indicator rows of one plan: definitions first (targets == 0), then targets. */
static int export_rows(struct sx_db *db, FILE *out, const char *plan_uuid, const char *plan_code,
		       const char *start, const char *end, int targets, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT code, measure, target,"
		" coalesce(unit, ''), label_vi, coalesce(label_en, ''), coalesce(source, ''),"
		" coalesce(year, 0), coalesce(place_uuid, '') FROM indicators"
		" WHERE plan_uuid = ?1 AND deleted = 0"
		" AND ((year IS NULL AND place_uuid IS NULL) = (?2 = 0))"
		" ORDER BY CASE WHEN ?2 = 0 THEN uuid ELSE code END, coalesce(year, 0),"
		" coalesce(place_uuid, '')", err);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, plan_uuid, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, targets);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int year = sqlite3_column_int(st, 7);
		char y[12] = "", t[40] = "", *area = area_text(db, text(st, 8), year, start, end, err);
		const char *f[NFIELDS] = {0};
		if (sqlite3_column_type(st, 2) != SQLITE_NULL)
			snprintf(t, sizeof t, "%.15g", sqlite3_column_double(st, 2));
		if (year)
			snprintf(y, sizeof y, "%d", year);
		f[F_KIND] = targets ? "target" : "indicator";
		f[F_PLAN] = plan_code;
		f[F_CODE] = text(st, 0);
		f[F_TARGET] = t;
		f[F_SOURCE] = text(st, 6);
		if (targets) {
			f[F_YEAR] = y;
			f[F_AREA] = area;
		} else {
			f[F_MEASURE] = text(st, 1);
			f[F_UNIT] = text(st, 3);
			f[F_LABEL_VI] = text(st, 4);
			f[F_LABEL_EN] = text(st, 5);
		}
		put_row(out, f);
		free(area);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

int plan_io_export(struct sx_db *db, FILE *out, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT uuid, code, title_vi, coalesce(title_en, ''), coalesce(decision, ''),"
		" coalesce(period_start, ''), coalesce(period_end, ''), coalesce(closed_on, ''),"
		" coalesce(source, '') FROM plans WHERE deleted = 0 ORDER BY period_start, code", err);
	char **plans = NULL;
	size_t n = 0;
	int rc;

	if (!st)
		return -1;
	fprintf(out, "%s\n", plan_io_header);
	/* Read the plans first: export_rows() reuses the statement cache. */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		plans = xreallocarray(plans, (n + 1) * 9, sizeof *plans);
		for (int i = 0; i < 9; i++)
			plans[n * 9 + (size_t)i] = xstrdup(text(st, i));
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		rc = db_fail(db, err);
	else
		rc = 0;
	for (size_t p = 0; p < n; p++) {
		char **v = plans + p * 9;
		const char *f[NFIELDS] = {0};
		f[F_KIND] = "plan";
		f[F_PLAN] = v[1];
		f[F_LABEL_VI] = v[2];
		f[F_LABEL_EN] = v[3];
		f[F_DECISION] = v[4];
		f[F_START] = v[5];
		f[F_END] = v[6];
		f[F_CLOSED] = v[7];
		f[F_SOURCE] = v[8];
		if (rc == 0)
			put_row(out, f);
		if (rc == 0)
			rc = export_rows(db, out, v[0], v[1], v[5], v[6], 0, err);
		if (rc == 0)
			rc = export_rows(db, out, v[0], v[1], v[5], v[6], 1, err);
	}
	for (size_t i = 0; i < n * 9; i++)
		free(plans[i]);
	free(plans);
	return rc;
}

/* ---- import ---- */

/* One row of the file, checked. */
struct in_row {
	long line;
	char *f[NFIELDS];
	int year;           /* 0 when blank */
	char area[37];      /* resolved place uuid, "" for the province */
	int has_target;
	double target;
};

struct in_file {
	struct in_row *v;
	size_t n;
	const char *name;
};

static void in_free(struct in_file *in)
{
	for (size_t i = 0; i < in->n; i++)
		for (int k = 0; k < NFIELDS; k++)
			free(in->v[i].f[k]);
	free(in->v);
}

/* The plan row of code earlier in the file, or NULL. */
static const struct in_row *plan_row(const struct in_file *in, size_t before, const char *code)
{
	for (size_t i = 0; i < before; i++)
		if (strcmp(in->v[i].f[F_KIND], "plan") == 0 && strcmp(in->v[i].f[F_PLAN], code) == 0)
			return &in->v[i];
	return NULL;
}

/* The indicator row of (plan, code) earlier in the file, or NULL. */
static const struct in_row *indicator_row(const struct in_file *in, size_t before,
					  const char *plan, const char *code)
{
	for (size_t i = 0; i < before; i++)
		if (strcmp(in->v[i].f[F_KIND], "indicator") == 0
		    && strcmp(in->v[i].f[F_PLAN], plan) == 0 && strcmp(in->v[i].f[F_CODE], code) == 0)
			return &in->v[i];
	return NULL;
}

static int bad(struct in_file *in, const struct in_row *r, struct sx_err *err, const char *msg,
	       const char *what)
{
	sx_err_add(err, in->name, r->line, msg, what);
	return -1;
}

/* Check a date field: blank, or a real yyyy-mm-dd. */
static int check_date(struct in_file *in, struct in_row *r, int k, struct sx_err *err)
{
	if (*r->f[k] && !date_valid_iso(r->f[k]))
		return bad(in, r, err, _("'%s' is not a date: write yyyy-mm-dd"), r->f[k]);
	return 0;
}

/* The area of a target row into r->area. */
static int resolve_area(struct sx_db *db, struct in_file *in, struct in_row *r,
			const struct in_row *plan, struct sx_err *err)
{
	char from[11], to[11];
	const char *a = r->f[F_AREA];
	int n;

	r->area[0] = '\0';
	if (!*a)
		return 0;
	if (strlen(a) == 36 && uuid_valid(a)) {
		char name[37];
		sqlite3_stmt *st = db_stmt(db, "SELECT uuid FROM places WHERE uuid = ? AND deleted = 0", err);
		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
		n = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_reset(st);
		if (!n)
			return bad(in, r, err, _("no place has the id %s"), a);
		snprintf(name, sizeof name, "%s", a);
		memcpy(r->area, name, sizeof r->area);
		return 0;
	}
	target_span(r->year, plan->f[F_START], plan->f[F_END], from, to);
	n = places_with_code(db, a, from, to, r->area, err);
	if (n < 0)
		return -1;
	if (n == 0)
		return bad(in, r, err, _("no unit with the code %s is in force in the target's period"), a);
	if (n > 1)
		return bad(in, r, err, _("the code %s names more than one unit in the target's period:"
					 " give the place's id instead"), a);
	return 0;
}

/* Check row i against the rules of plan_io.h. */
static int check_row(struct sx_db *db, struct in_file *in, size_t i, struct sx_err *err)
{
	struct in_row *r = &in->v[i];
	const char *kind = r->f[F_KIND];
	const struct in_row *plan = plan_row(in, i, r->f[F_PLAN]);
	char *end;

	if (!*r->f[F_PLAN])
		return bad(in, r, err, "%s", _("the plan's code is missing"));
	if (*r->f[F_TARGET]) {
		r->target = strtod(r->f[F_TARGET], &end);
		if (*end || r->target < 0)
			return bad(in, r, err, _("'%s' is not a target: write a number"), r->f[F_TARGET]);
		r->has_target = 1;
	}
	if (*r->f[F_YEAR]) {
		r->year = (int)strtol(r->f[F_YEAR], &end, 10);
		if (*end || r->year < 1990 || r->year > 2100)
			return bad(in, r, err, _("'%s' is not a year"), r->f[F_YEAR]);
	}
	if (strcmp(kind, "plan") == 0) {
		if (plan)
			return bad(in, r, err, _("the plan %s appears twice"), r->f[F_PLAN]);
		if (!*r->f[F_LABEL_VI])
			return bad(in, r, err, "%s", _("the plan's Vietnamese title (label_vi) is missing"));
		if (check_date(in, r, F_START, err) || check_date(in, r, F_END, err)
		    || check_date(in, r, F_CLOSED, err))
			return -1;
		if (*r->f[F_START] && *r->f[F_END] && strcmp(r->f[F_START], r->f[F_END]) > 0)
			return bad(in, r, err, "%s", _("the period ends before it starts"));
		return 0;
	}
	if (!plan)
		return bad(in, r, err, _("the plan %s has no 'plan' row above this one"), r->f[F_PLAN]);
	if (!*r->f[F_CODE])
		return bad(in, r, err, "%s", _("the indicator's code is missing"));
	if (strcmp(kind, "indicator") == 0) {
		if (indicator_row(in, i, r->f[F_PLAN], r->f[F_CODE]))
			return bad(in, r, err, _("the indicator %s appears twice"), r->f[F_CODE]);
		if (plan_measure_parse(r->f[F_MEASURE]) == PLAN_UNKNOWN)
			return bad(in, r, err, _("unknown measure '%s': use informed_share, rapid_count,"
						 " detailed_count, roster_trained_share, awareness_events"
						 " or training_courses"), r->f[F_MEASURE]);
		if (!*r->f[F_LABEL_VI])
			return bad(in, r, err, "%s", _("the indicator's Vietnamese label (label_vi) is missing"));
		return 0;
	}
	if (strcmp(kind, "target") == 0) {
		if (!indicator_row(in, i, r->f[F_PLAN], r->f[F_CODE]))
			return bad(in, r, err, _("the indicator %s has no 'indicator' row above this one"),
				   r->f[F_CODE]);
		if (!*r->f[F_YEAR] && !*r->f[F_AREA])
			return bad(in, r, err, "%s", _("a target needs a year, an area or both"));
		if (!r->has_target)
			return bad(in, r, err, "%s", _("the target's value is missing"));
		return resolve_area(db, in, r, plan, err);
	}
	return bad(in, r, err, _("unknown kind '%s': use plan, indicator or target"), kind);
}

/* Read and check the whole file. */
static int read_file(struct sx_db *db, const char *path, struct in_file *in, struct sx_err *err)
{
	struct csvr *cr = csvr_open(path, CSVR_DETECT_DELIM | CSVR_LEGACY_TEXT, err);
	const struct csvr_rec *rec;
	int rc, first = 1;
	size_t errors = sx_err_count(err);

	memset(in, 0, sizeof *in);
	in->name = path;
	if (!cr)
		return -1;
	while ((rc = csvr_next(cr, &rec, err)) == 1) {
		struct in_row *r;
		if (first) {
			char *h = xstrdup("");
			for (size_t k = 0; k < rec->n; k++) {
				char *x = xasprintf("%s%s%s", h, k ? "," : "", rec->f[k]);
				free(h);
				h = x;
			}
			first = 0;
			if (strcmp(h, plan_io_header) != 0)
				sx_err_add(err, path, rec->line, _("the header must be: %s"), plan_io_header);
			free(h);
			if (sx_err_count(err) > errors)
				break;
			continue;
		}
		if (rec->n != NFIELDS) {
			sx_err_add(err, path, rec->line, _("expected %zu fields, found %zu"),
				   (size_t)NFIELDS, rec->n);
			continue;
		}
		in->v = xreallocarray(in->v, in->n + 1, sizeof *in->v);
		r = memset(&in->v[in->n++], 0, sizeof *in->v);
		r->line = rec->line;
		for (int k = 0; k < NFIELDS; k++)
			r->f[k] = xstrdup(rec->f[k]);
		check_row(db, in, in->n - 1, err);
	}
	csvr_close(cr);
	if (first && sx_err_count(err) == errors)
		sx_err_add(err, path, 0, "%s", _("the file is empty"));
	return rc < 0 || sx_err_count(err) > errors ? -1 : 0;
}

static void bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

/* The live row of sql (?1.. bound by the caller) into uuid; 1 found, 0 not, -1 error. */
static int find_uuid(struct sx_db *db, sqlite3_stmt *st, char uuid[37], struct sx_err *err)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(uuid, 37, "%s", text(st, 0));
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

/* Insert or update (only when something differs) the plan of row r. */
static int save_plan(struct sx_db *db, const struct in_row *r, char uuid[37], long *changed,
		     struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT uuid FROM plans WHERE code = ?1 AND deleted = 0"
				   " ORDER BY uuid LIMIT 1", err);
	int found;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, r->f[F_PLAN], -1, SQLITE_STATIC);
	if ((found = find_uuid(db, st, uuid, err)) < 0)
		return -1;
	if (!found)
		uuid_v7(uuid);
	st = db_stmt(db,
		"INSERT INTO plans (uuid, updated_at, origin, code, title_vi, title_en, decision,"
		" period_start, period_end, closed_on, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
		" ?9, ?10, ?11) ON CONFLICT (uuid) DO UPDATE SET updated_at = ?2, origin = ?3,"
		" title_vi = ?5, title_en = ?6, decision = ?7, period_start = ?8, period_end = ?9,"
		" closed_on = ?10, source = ?11 WHERE title_vi IS NOT ?5 OR title_en IS NOT ?6"
		" OR decision IS NOT ?7 OR period_start IS NOT ?8 OR period_end IS NOT ?9"
		" OR closed_on IS NOT ?10 OR source IS NOT ?11", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, clock_now_ms());
	sqlite3_bind_text(st, 3, db_origin(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, r->f[F_PLAN], -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, r->f[F_LABEL_VI], -1, SQLITE_TRANSIENT);
	bind_opt(st, 6, r->f[F_LABEL_EN]);
	bind_opt(st, 7, r->f[F_DECISION]);
	bind_opt(st, 8, r->f[F_START]);
	bind_opt(st, 9, r->f[F_END]);
	bind_opt(st, 10, r->f[F_CLOSED]);
	bind_opt(st, 11, r->f[F_SOURCE]);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_reset(st);
		return db_fail(db, err);
	}
	*changed += sqlite3_changes(db_sqlite(db));
	sqlite3_reset(st);
	return 0;
}

/* Insert or update an indicator or target row r (def: its indicator row). */
static int save_indicator(struct sx_db *db, const char *plan, const struct in_row *r,
			  const struct in_row *def, char uuid[37], long *changed, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT uuid FROM indicators WHERE plan_uuid = ?1 AND code = ?2 AND deleted = 0"
		" AND year IS ?3 AND place_uuid IS ?4 ORDER BY uuid LIMIT 1", err);
	int found;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, plan, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->f[F_CODE], -1, SQLITE_STATIC);
	if (r->year)
		sqlite3_bind_int(st, 3, r->year);
	bind_opt(st, 4, r->area);
	if ((found = find_uuid(db, st, uuid, err)) < 0)
		return -1;
	if (!found)
		uuid_v7(uuid);
	st = db_stmt(db,
		"INSERT INTO indicators (uuid, updated_at, origin, plan_uuid, code, label_vi, label_en,"
		" measure, target, unit, year, place_uuid, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
		" ?8, ?9, ?10, ?11, ?12, ?13) ON CONFLICT (uuid) DO UPDATE SET updated_at = ?2,"
		" origin = ?3, label_vi = ?6, label_en = ?7, measure = ?8, target = ?9, unit = ?10,"
		" source = ?13 WHERE label_vi IS NOT ?6 OR label_en IS NOT ?7 OR measure IS NOT ?8"
		" OR target IS NOT ?9 OR unit IS NOT ?10 OR source IS NOT ?13", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, clock_now_ms());
	sqlite3_bind_text(st, 3, db_origin(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, plan, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, r->f[F_CODE], -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, def->f[F_LABEL_VI], -1, SQLITE_TRANSIENT);
	bind_opt(st, 7, def->f[F_LABEL_EN]);
	sqlite3_bind_text(st, 8, def->f[F_MEASURE], -1, SQLITE_TRANSIENT);
	if (r->has_target)
		sqlite3_bind_double(st, 9, r->target);
	else
		sqlite3_bind_null(st, 9);
	bind_opt(st, 10, def->f[F_UNIT]);
	if (r->year)
		sqlite3_bind_int(st, 11, r->year);
	else
		sqlite3_bind_null(st, 11);
	bind_opt(st, 12, r->area);
	bind_opt(st, 13, r->f[F_SOURCE]);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_reset(st);
		return db_fail(db, err);
	}
	*changed += sqlite3_changes(db_sqlite(db));
	sqlite3_reset(st);
	return 0;
}

/* Tombstone the live indicator rows of plan that the file did not name. */
static int drop_missing(struct sx_db *db, const char *plan, char (*kept)[37], size_t nkept,
			long *changed, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT uuid FROM indicators WHERE plan_uuid = ?1"
				   " AND deleted = 0 ORDER BY uuid", err);
	char (*gone)[37] = NULL;
	size_t ngone = 0;
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, plan, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t k = 0;
		while (k < nkept && strcmp(kept[k], text(st, 0)) != 0)
			k++;
		if (k < nkept)
			continue;
		gone = xreallocarray(gone, ngone + 1, sizeof *gone);
		snprintf(gone[ngone++], 37, "%s", text(st, 0));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		rc = db_fail(db, err);
	else
		rc = 0;
	st = rc == 0 ? db_stmt(db, "UPDATE indicators SET deleted = 1, updated_at = ?1, origin = ?2"
			       " WHERE uuid = ?3", err) : NULL;
	for (size_t i = 0; st && i < ngone && rc == 0; i++) {
		sqlite3_bind_int64(st, 1, clock_now_ms());
		sqlite3_bind_text(st, 2, db_origin(db), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, gone[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db, err);
		sqlite3_reset(st);
		(*changed)++;
	}
	free(gone);
	return rc;
}

/* Write the checked file: plan by plan, then drop what it no longer names. */
static int write_file(struct sx_db *db, const struct in_file *in, long *changed,
		      struct sx_err *err)
{
	char (*uuids)[37] = xcalloc(in->n ? in->n : 1, sizeof *uuids);
	int rc = 0;

	for (size_t i = 0; i < in->n && rc == 0; i++) {
		const struct in_row *r = &in->v[i];
		if (strcmp(r->f[F_KIND], "plan") == 0) {
			rc = save_plan(db, r, uuids[i], changed, err);
		} else {
			const struct in_row *p = plan_row(in, i, r->f[F_PLAN]);
			const struct in_row *def = strcmp(r->f[F_KIND], "indicator") == 0 ? r
				: indicator_row(in, i, r->f[F_PLAN], r->f[F_CODE]);
			rc = save_indicator(db, uuids[p - in->v], r, def, uuids[i], changed, err);
		}
	}
	for (size_t i = 0; i < in->n && rc == 0; i++) {
		char (*kept)[37] = xcalloc(in->n, sizeof *kept);
		size_t nkept = 0;
		if (strcmp(in->v[i].f[F_KIND], "plan") != 0) {
			free(kept);
			continue;
		}
		for (size_t k = i + 1; k < in->n; k++)
			if (strcmp(in->v[k].f[F_PLAN], in->v[i].f[F_PLAN]) == 0)
				memcpy(kept[nkept++], uuids[k], 37);
		rc = drop_missing(db, uuids[i], kept, nkept, changed, err);
		free(kept);
	}
	free(uuids);
	return rc;
}

int plan_io_import(struct sx_db *db, const char *path, struct sx_err *err)
{
	struct in_file in;
	long changed = 0;
	int rc = read_file(db, path, &in, err);

	if (rc == 0)
		rc = db_exec(db, "BEGIN IMMEDIATE", err);
	if (rc == 0) {
		rc = write_file(db, &in, &changed, err);
		if (rc == 0)
			rc = db_exec(db, "COMMIT", err);
		else
			db_exec(db, "ROLLBACK", err);
	}
	in_free(&in);
	return rc == 0 ? (int)changed : -1;
}
