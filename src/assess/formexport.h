/* formexport.h — sxsh export-form: one form's assessments as "wide" CSV in
 * ODK Central's layout, so that existing analysis scripts work.
 *
 * The layout is Central's (central-backend lib/data/briefcase.js and its
 * tests, test/unit/data/briefcase.js).  FORM.csv has one row per assessment:
 * SubmissionDate (when it was finished, ISO 8601 UTC), one column per
 * question and calculation named by its groups and name joined with '-'
 * ("sec_a1-facility_name"), a select_multiple as its space-separated value
 * (with split = 1 also one column per choice, "group-field/choice", 1 when
 * chosen and 0 otherwise), then meta-instanceID, KEY ("uuid:<id>"),
 * SubmitterID (empty), SubmitterName (the officer), AttachmentsPresent and
 * AttachmentsExpected (0), Status (empty; "draft" for a draft), ReviewState
 * (empty), DeviceID (the installation that made the last change), Edits
 * (answers corrected after finishing) and FormVersion.  Each repeat gets
 * FORM-REPEAT.csv with its fields, PARENT_KEY and KEY, whose path keeps the
 * groups around the repeat ("uuid:<id>/grp/options[2]").  Only relevant answers are written; notes are
 * left out, as Central does.  The files appear in DIR all at once (written
 * into a temporary folder, then renamed). */
#ifndef SX_FORMEXPORT_H
#define SX_FORMEXPORT_H

#include "db/db.h"
#include "base/err.h"
#include "form/xlsform.h"

/* What export-form wrote. */
struct formexport_result {
	long submissions;   /* rows of the main file */
	int files;          /* files written */
};

/* Export the assessments filled with form f (finished ones, or drafts too
 * with drafts = 1) into dir, for spreadsheets when spreadsheet = 1, with
 * select_multiple choice columns when split = 1.
 * 0, or -1 with err and dir unchanged. */
int formexport_run(struct sx_db *db, const struct xform *f, const char *dir, int drafts,
		   int spreadsheet, int split, struct formexport_result *res, struct sx_err *err);

#endif
