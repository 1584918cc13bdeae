/* formlint.h — warnings for expressions that JavaRosa (ODK Collect)
 * evaluates differently from what their author most likely meant.
 *
 * These patterns, found in every expression of a loaded form:
 * - a date (a date question, today(), date(...)) ordered against a string
 *   literal: ${d} < '2026-02-01' is always false in Collect, because < and >
 *   compare numbers and the literal is not one; write date('2026-02-01');
 * - a text or choice question compared with a number: ${t} > 5 reads the
 *   answer as a number (so "" and words make it false, and "5.0" = 5 is
 *   true while "5.0" = '5' is false); make the question integer or decimal,
 *   or compare with a quoted text;
 * - jr:choice-name() naming no select question, indexed-repeat() with a
 *   repeat that does not hold its field (Collect refuses those forms).
 * The form still loads: these are warnings, not errors.  Each is
 * "where:row:col: warning: …" with where f->survey_at and col the place of
 * the comparison's operator or the function's name in the cell. */
#ifndef SX_FORMLINT_H
#define SX_FORMLINT_H

#include "base/err.h"
#include "form/xlsform.h"

/* Add one "file:row: warning: ..." entry to warn per finding; returns how
 * many were added. */
size_t formlint(const struct xform *f, struct sx_err *warn);

#endif
