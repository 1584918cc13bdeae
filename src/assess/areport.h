/* areport.h — one assessment as a page to leave with the facility: the facility, the
 * inputs and outputs, specific consumption against the benchmarks (the form's notes), the
 * observations, each CP option with its payback, the score and the recommendation, in the
 * order of the form, as plain text or as a printable A4 HTML page.
 *
 * Everything comes from the form the assessment was filled with and its stored answers:
 * questions with an answer as "label: answer", notes that apply (with their values filled
 * in) except the opening notes of the checklist sections, a heading per group and per
 * repeated entry. */
#ifndef SX_AREPORT_H
#define SX_AREPORT_H

#include <stdio.h>

#include "base/err.h"
#include "db/db.h"
#include "form/fsession.h"

enum areport_format { AREPORT_TEXT, AREPORT_HTML };

/* "text" or "html" to a format; 0, or -1 for anything else. */
int areport_format_parse(const char *s, enum areport_format *out);
/* Write assessment uuid (its form is found under datadir/forms) to out, in the UI
 * language.  0, or -1 with err. */
int areport_write(struct sx_db *db, const char *datadir, const char *uuid,
		  enum areport_format fmt, FILE *out, struct sx_err *err);

/* The same into the file at path, created owner-only, whole or not at all (a temporary
 * file renamed).  0, or -1 with err. */
int areport_save(struct sx_db *db, const char *datadir, const char *uuid,
		 enum areport_format fmt, const char *path, struct sx_err *err);
/* A readable, safe file name for the report: "report" in the UI language, the
 * day of the visit and the facility's name, ASCII-folded (text_slug):
 * "bao-cao-2026-03-10-htx-ca-phe-hat-lot.html".  NULL with err when there is no
 * such assessment.  Caller frees. */
char *areport_file_name(struct sx_db *db, const char *uuid, enum areport_format fmt,
			struct sx_err *err);

/* The headings the report (and the review) put over the items of a filling: the item's
 * group label without a screen part ("D. Site observations (2/5)" gives "D. Site
 * observations", one heading for the five screens; "" outside groups), and the entry of a
 * repeated part ("E. CP options — entry 2").  Caller frees. */
char *areport_group_heading(struct fsession *fs, size_t item);
char *areport_entry_heading(struct fsession *fs, size_t item);
/* The entry number of the innermost repeat in an answer path ("options[2]/x": 2), or 0. */
long areport_entry_of(const char *path);

#endif
