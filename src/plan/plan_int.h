/* plan_int.h — what plan.c and plan_facts.c share: the records behind each
 * indicator ("facts"), before they are counted into rows. */
#ifndef SX_PLAN_INT_H
#define SX_PLAN_INT_H

#include "plan/plan.h"

/* One record behind an indicator: a facility that reached a count, a
 * session held, or a member of a share's denominator. */
struct fact {
	char *place;       /* the place it was recorded with, or "" */
	char *sector;      /* sector code, "" when none, NULL when it has no sector */
	char day[11];      /* yyyy-mm-dd it counts on, or "" (shares) */
	int hit;           /* shares: 1 when in the numerator; counts: 1 */
	const char *area;  /* the area it counts under (places_area), or NULL */
	char *uuid;        /* the record's uuid (facility, person or session) */
	char *label;       /* what a reader sees: its name, or a session's code and title */
};

/* The facts of one indicator. */
struct facts {
	struct fact *v;
	size_t n, cap;
};

void plan_facts_free(struct facts *fs);
/* The facts of measure m for plan r (period in r).  0, or -1 with err. */
int plan_facts(struct sx_db *db, const char *datadir, const struct plan_report *r,
	       enum plan_measure m, struct facts *out, struct sx_err *err);
/* Dated records outside r's period into r->outside, and the code of a plan
 * covering the latest of them into r->outside_plan.  0, or -1 with err. */
int plan_outside(struct sx_db *db, struct plan_report *r, struct sx_err *err);
/* The dated records outside r's period (as plan_outside() counts them), as
 * facts (day set, hit 1, no sector).  0, or -1 with err. */
int plan_outside_facts(struct sx_db *db, const struct plan_report *r, struct facts *out,
		       struct sx_err *err);

#endif
