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

enum areport_format { AREPORT_TEXT, AREPORT_HTML };

/* "text" or "html" to a format; 0, or -1 for anything else. */
int areport_format_parse(const char *s, enum areport_format *out);
/* Write assessment uuid (its form is found under datadir/forms) to out, in the UI
 * language.  0, or -1 with err. */
int areport_write(struct sx_db *db, const char *datadir, const char *uuid,
		  enum areport_format fmt, FILE *out, struct sx_err *err);

#endif
