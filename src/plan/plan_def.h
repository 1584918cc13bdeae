/* plan_def.h — a plan's own record (code, titles, decision, period,
 * closing date) as the plan screen edits it; indicators and targets go
 * through plan_io.h's CSV. */
#ifndef SX_PLAN_DEF_H
#define SX_PLAN_DEF_H

#include "base/err.h"
#include "db/db.h"

/* A plan; strings owned (NULL = empty). */
struct plan_def {
	char uuid[37];       /* "" for a plan not saved yet */
	char *code, *title_vi, *title_en, *decision;
	char *period_start, *period_end;   /* yyyy-mm-dd */
	char *closed_on;     /* yyyy-mm-dd once closed */
};

/* The live plan with code into out.  0, or -1 with err (also when unknown). */
int plan_def_get(struct sx_db *db, const char *code, struct plan_def *out, struct sx_err *err);
/* Insert (uuid "") or update the plan, as a new version from this
 * installation.  A code and a Vietnamese title are required, the code must
 * be unused by another live plan, and the period must not end before it
 * starts.  0, or -1 with err. */
int plan_def_save(struct sx_db *db, struct plan_def *p, struct sx_err *err);
void plan_def_clear(struct plan_def *p);

#endif
