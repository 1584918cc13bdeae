/* plan.h — a plan's indicators computed from the records: overall, per
 * district, per sector and per year, against the targets in the database.
 *
 * The rules (the dashboard and every report use these, nothing else):
 * - informed_share: facilities with CP potential informed / facilities with
 *   CP potential, as coverage_facilities_informed() counts them;
 * - roster_trained_share: officers on the roster trained / on the roster,
 *   as coverage_roster() counts them;
 * - rapid_count: distinct live facilities with a complete rapid assessment
 *   (kind 'rapid', status 'complete') whose date lies in the plan period;
 * - detailed_count: distinct live facilities whose latest detailed tracker
 *   (form sxsh_detailed) has da_counts = 1 when the form evaluates its
 *   stored answers (a draft counts: the tracker is kept up to date for
 *   months), dated in the plan period.
 * An assessment's date is the form's own date (visit_date for the rapid
 * assessment, da_start for the tracker), else the day it was finished or
 * started: records are often typed in after the visit.
 * - awareness_events / training_courses: live sessions of kind
 *   'awareness' / 'training' whose first day lies in the plan period.
 * Shares describe the records as they are now: coverage.h has no date
 * cut-off, so per-year rows carry counts only (shares are not known).
 * Per-year rows count what was done in that year (the annual programme).
 * Areas (PLAN_DISTRICT rows) are the units directly below the province in
 * force during the plan's period, or today (PLAN_AREAS_CURRENT: old units
 * mapped into the new ones); every record counts under the area
 * places_area() gives for its place, so a record keeps its place and is
 * still counted once.
 * Targets: an indicator's own row holds the whole plan's target (NULL:
 * none set); rows of the same code with a year and/or a place are that
 * year's, that area's, or that year-and-area's target.  A share's area row
 * without its own target is compared with the plan's; a count's is not
 * (a province's count is not a district's).
 * Percentages are rounded half up (6/7 shows 86 %); plan_met() compares
 * the exact value, so 89.6 % shows as 90 % and is not met. */
#ifndef SX_PLAN_H
#define SX_PLAN_H

#include <stddef.h>

#include "db/db.h"
#include "base/err.h"

/* What an indicator measures (indicators.measure). */
enum plan_measure {
	PLAN_INFORMED_SHARE,   /* "informed_share" */
	PLAN_RAPID_COUNT,      /* "rapid_count" */
	PLAN_DETAILED_COUNT,   /* "detailed_count" */
	PLAN_ROSTER_SHARE,     /* "roster_trained_share" */
	PLAN_AWARENESS_EVENTS, /* "awareness_events" */
	PLAN_TRAINING_COURSES, /* "training_courses" */
	PLAN_UNKNOWN,          /* anything else: shown, never computed */
};

/* One indicator of the plan, target from the database. */
struct plan_indicator {
	char *code;              /* indicators.code */
	char *label;             /* label in the UI language */
	char *measure_name;      /* indicators.measure as stored */
	enum plan_measure measure;  /* parsed measure */
	double target;           /* percent for shares, a number for counts */
	int has_target;          /* 0 when the plan sets none (target NULL) */
};

/* One computed value. */
struct plan_value {
	int known;     /* 0 when this breakdown has no value for the measure */
	long value;    /* count, or the numerator of a share */
	long total;    /* a share's denominator (0 for counts) */
	double target; /* this row's target (see the rules above) */
	int has_target;  /* 0 when this row has none */
};

/* Which breakdown a row belongs to. */
enum plan_scope { PLAN_OVERALL, PLAN_DISTRICT, PLAN_SECTOR, PLAN_YEAR,
		  PLAN_PROGRAMME /* one year in one area: the annual programme */ };

/* Which units the area rows are. */
enum plan_areas {
	PLAN_AREAS_PERIOD,   /* the units in force in the plan's period */
	PLAN_AREAS_CURRENT,  /* the units in force today (old ones mapped in) */
};

/* One row of the table: an area (or a year) and a value per indicator. */
struct plan_row {
	enum plan_scope scope;   /* its breakdown */
	char *key;               /* place uuid, sector code, year, or "" */
	char *label;             /* what a reader sees: district name, sector label, year */
	char *area;              /* the area's place uuid (area and programme rows), or "" */
	int year;                /* the year (year and programme rows), or 0 */
	struct plan_value *v;    /* one per indicator */
};

/* A plan and all its computed rows.  Free with plan_report_free(). */
struct plan_report {
	char uuid[37];           /* the plan */
	char *code;              /* plans.code */
	char *title;             /* title in the UI language */
	char *decision;          /* the decision it implements, or "" */
	char period_start[11];   /* yyyy-mm-dd, or "" */
	char period_end[11];     /* yyyy-mm-dd, or "" */
	struct plan_indicator *ind;  /* its indicators, in code order of the file */
	size_t nind;             /* how many */
	struct plan_row *rows;   /* overall first, then districts, sectors, years */
	size_t nrows;            /* how many */
	enum plan_areas areas;   /* what the area rows are */
	long outside;            /* dated records (sessions, complete rapid assessments,
				  * trackers) outside the period */
	char *outside_plan;      /* code of a plan covering the latest of them, or "" */
};

/* The measure named s (PLAN_UNKNOWN for anything else). */
enum plan_measure plan_measure_parse(const char *s);
/* Compute the plan with code (NULL: the default plan — the open one whose
 * period holds today, else the latest open one; a plan closed on or before
 * today only when every plan is closed; session_default_plan()).  datadir locates forms/ for the tracker.
 * 0, or -1 with err (an unknown plan code too). */
int plan_compute(struct sx_db *db, const char *datadir, const char *code,
		 struct plan_report *out, struct sx_err *err);
/* plan_compute() with the areas chosen. */
int plan_compute_areas(struct sx_db *db, const char *datadir, const char *code,
		       enum plan_areas areas, struct plan_report *out, struct sx_err *err);
/* Free what r holds. */
void plan_report_free(struct plan_report *r);

/* A share's percentage rounded half up (6/7 is 86 %); a count as it is;
 * -1 when the value is not known or the share has no denominator. */
long plan_shown(const struct plan_indicator *ind, const struct plan_value *v);
/* Progress towards the row's target (v->target) in thousandths (1000 =
 * reached; may exceed it, up to PLAN_PROGRESS_MAX however tiny the target),
 * or -1 when not known or there is no positive target. */
#define PLAN_PROGRESS_MAX 1000000L
long plan_progress(const struct plan_indicator *ind, const struct plan_value *v);
/* 1 when the value reaches the row's target (exactly, not rounded), else 0
 * (also when the row has no target). */
int plan_met(const struct plan_indicator *ind, const struct plan_value *v);
/* One record behind a figure (plan_records()). */
struct plan_record {
	char *uuid;    /* the facility, person or session; an assessment outside the period */
	char *label;   /* its name, or a session's code and title */
	char day[11];  /* the day it counts on, or "" (shares) */
};
/* The records behind indicator k's figure in row (r's overall row or an area
 * row): exactly what plan_compute() counted there — a share's numerator
 * (facilities informed, officers trained), a count's facilities or
 * sessions.  k == r->nind: the dated records outside r's period (r->outside
 * of them, whatever the row).  Sorted by label; *out allocated (free with
 * plan_records_free()).  0, or -1 with err. */
int plan_records(struct sx_db *db, const char *datadir, const struct plan_report *r, size_t k,
		 const struct plan_row *row, struct plan_record **out, size_t *n,
		 struct sx_err *err);
void plan_records_free(struct plan_record *v, size_t n);

/* 1 when the indicator is a share (its values and target are percents). */
int plan_is_share(const struct plan_indicator *ind);

#endif
