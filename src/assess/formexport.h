/* formexport.h — sxsh export-form: one form's assessments as "wide" CSV in
 * ODK Central's layout, so that existing analysis scripts work.
 *
 * FORM.csv has one row per assessment: SubmissionDate (ISO 8601), one
 * column per question and calculation named by its groups and name joined
 * with '-' ("sec_a1-facility_name"), a select_multiple as its
 * space-separated value plus one 0/1 column per choice ("group-field/choice"),
 * then meta-instanceID, KEY ("uuid:<id>"), SubmitterName, Status, DeviceID
 * (the installation that made the last change) and FormVersion.  Each repeat
 * gets FORM-REPEAT.csv with its fields, PARENT_KEY and KEY
 * ("uuid:<id>/options[2]").  Only relevant answers are written; notes are
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
 * with drafts = 1) into dir, for spreadsheets when spreadsheet = 1.
 * 0, or -1 with err and dir unchanged. */
int formexport_run(struct sx_db *db, const struct xform *f, const char *dir, int drafts,
		   int spreadsheet, struct formexport_result *res, struct sx_err *err);

#endif
