/* answer_conv.h — imported answers converted by their form's question type.
 *
 * answers.value is text typed by the assessment's form: a date is stored
 * yyyy-mm-dd, a decimal with a '.' and no grouping, a select its choice
 * names.  A spreadsheet rewrites such text (08/11/2017, 0,035, 1.234,5),
 * and the report then counts nothing.  answer_conv_answer() has the shape
 * of sync_conv.answer (sync/sync_row.h; src/assess may not include
 * src/sync, so src/cli and src/ui put the two together): for each answer
 * of an import it finds the
 * assessment's form_id (in the database, where the import has just merged
 * the assessments), loads that form from DATADIR/forms once, and
 *
 * - keeps a value that already has its canonical form, byte for byte;
 * - converts one that has another spelling of the same value: a date as
 *   dd/mm/yyyy (day first, the Vietnamese convention; also d/m/yyyy,
 *   dd-mm-yyyy, dd.mm.yyyy), a number with the file's decimal mark or
 *   grouped thousands, a time or dateTime with seconds added or AM/PM,
 *   select choices separated by several spaces;
 * - refuses, as "answers.csv:LINE: reason", what it cannot read: a date
 *   that only reads month first (11/28/2017, as Excel en-US writes), a
 *   number for an integer question with decimals, a choice the list does
 *   not have.
 *
 * Answers of an assessment that is unknown (the row will be rejected), of
 * a form that is not installed, and of names the form does not have
 * (calculations, notes) are left as they are. */
#ifndef SX_ANSWER_CONV_H
#define SX_ANSWER_CONV_H

#include <stddef.h>

#include "db/db.h"
#include "form/xlsform.h"

struct answer_conv;

/* A converter reading forms from datadir/forms and assessments from db
 * (both must outlive it).  Free with answer_conv_free(). */
struct answer_conv *answer_conv_new(struct sx_db *db, const char *datadir);
/* Free c and the forms it loaded; NULL is fine. */
void answer_conv_free(struct answer_conv *c);
/* The answer called name of assessment (a uuid) with value, as read from a
 * file whose decimal mark is mark ('.', ',' or 0 for either): 0 when value
 * is to be kept as it is, 1 with its canonical text (malloc'd) in *out, -1
 * with the reason in why (len bytes).  arg is the struct answer_conv. */
int answer_conv_answer(void *arg, const char *assessment, const char *name, const char *value,
		       char mark, char **out, char *why, size_t len);

/* The same for value as the answer to node of form f. */
int answer_conv_value(const struct xform *f, int node, const char *value, char mark, char **out,
		      char *why, size_t len);

#endif
