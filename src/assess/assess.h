/* assess.h — assessments in the database: a form filled for a facility,
 * saved answer by answer.
 *
 * Every answer is written when the officer leaves its field, as its own
 * small transaction (WAL, synchronous=NORMAL), so a crash or a flat battery
 * loses at most the field being typed.  An assessment records the form id
 * and version it was filled with, its status (draft or complete) and where
 * the officer stopped. */
#ifndef SX_ASSESS_H
#define SX_ASSESS_H

#include <stddef.h>

#include "db/db.h"
#include "base/err.h"
#include "form/fsession.h"

/* One assessment as listed. */
struct assess_row {
	char uuid[37];        /* the assessment */
	char facility[37];    /* its facility */
	char *facility_name;  /* the facility's name */
	char *form_id;        /* the form it was filled with */
	char *status;         /* "draft" or "complete" */
	char *position;       /* answer path where the officer stopped, or "" */
	long long updated_at; /* last change, UTC ms */
	int answers;          /* stored answers */
};

/* Start an assessment of facility with form f (kind "rapid" or
 * "detailed"); its uuid goes to out.  0 or -1 with err. */
int assess_create(struct sx_db *db, const char *facility, const struct xform *f,
		  const char *kind, char out[37], struct sx_err *err);
/* Answer what sxsh already knows, for questions the form names so:
 * facility_name, owner_name, legal_form, sector, address, main_products
 * (from the facility record; a select only with a code its list has),
 * district (the choice labelled with the facility's district, the district
 * above its commune, or the one district a 2025 commune was formed in) and
 * officer_name (the officer of this
 * laptop).  0 or -1 with err. */
int assess_prefill(struct sx_db *db, const char *uuid, const struct xform *f,
		   const char *facility, struct sx_err *err);
/* Save one answer (value NULL or "" removes it).  0 or -1 with err. */
int assess_save(struct sx_db *db, const char *uuid, const char *path, const char *value,
		struct sx_err *err);
/* Save every answer of the session that differs from the database, in one
 * transaction (after calculations change many at once).  0 or -1. */
int assess_sync_all(struct sx_db *db, const char *uuid, struct fsession *s, struct sx_err *err);
/* Load the stored answers into a new session s, recalculated.  0 or -1. */
int assess_load(struct sx_db *db, const char *uuid, struct fsession *s, struct sx_err *err);
/* Remember where the officer is (an answer path).  0 or -1. */
int assess_set_position(struct sx_db *db, const char *uuid, const char *path, struct sx_err *err);
/* Mark complete (or back to draft with complete = 0).  0 or -1. */
int assess_set_status(struct sx_db *db, const char *uuid, int complete, struct sx_err *err);
/* Finish the assessment filled in s: the form's end questions take the
 * time now (fs_finish), the answers are saved and it is marked complete.
 * 0 or -1 with err. */
int assess_finish(struct sx_db *db, const char *uuid, struct fsession *s, struct sx_err *err);
/* Set when an assessment was started and (when complete) finished, for
 * records entered after the fact (the demo's visits); not a sync change. */
int assess_set_times(struct sx_db *db, const char *uuid, long long started_ms,
		     long long finished_ms, struct sx_err *err);
/* One assessment's row.  0 or -1 with err. */
int assess_get(struct sx_db *db, const char *uuid, struct assess_row *out, struct sx_err *err);
/* Assessments of a facility (facility non-NULL) or of every facility
 * (NULL): drafts first, then finished ones, newest first.  Returns the count or -1; free with assess_rows_free(). */
long assess_list(struct sx_db *db, const char *facility, struct assess_row **rows,
		 struct sx_err *err);
/* Free n rows (or the strings of one with n = 1). */
void assess_rows_free(struct assess_row *rows, size_t n);

/* How far a filling is: the one count the list, the walkthrough, the review and the
 * report show.  total is the number of questions that apply now (relevant), leaving out
 * notes, calculated results, the metadata the form fills itself and the "add another"
 * line of a repeat; each entry of a repeat counts its own questions.  answered is how
 * many of them have an answer; problems is fs_problems() (required and unanswered, or
 * not valid). */
struct assess_progress {
	size_t answered, total, problems;
};
void assess_progress(struct fsession *s, struct assess_progress *p);
/* "10/53 answered" in the UI language.  Caller frees. */
char *assess_progress_text(const struct assess_progress *p);

#endif
