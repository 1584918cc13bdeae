/* suggest.h — completing free text from what is already known: the common observations of
 * the sector (forms/data/observations.csv), earlier answers to the same question, the
 * question's own wording and the rest of the assessment.  The officer types the start; the
 * rest of a known phrase is offered and taken a word at a time.
 *
 * A suggest list owns copies of its phrases; suggest_free() releases them.  Phrases are kept
 * in the order added, which is the order of preference. */
#ifndef SX_SUGGEST_H
#define SX_SUGGEST_H

#include <stddef.h>
#include <wchar.h>

#include "base/err.h"
#include "db/db.h"

/* One phrase: its text and the same text folded (lower case, no marks), char for char. */
struct sg_phrase {
	wchar_t *text;
	wchar_t *fold;
	size_t len;
};

/* Phrases to complete from, in order of preference. */
struct suggest {
	struct sg_phrase *v;  /* owned */
	size_t n;
};

/* Add the phrases of text (UTF-8): its parts between , ; : . ? ! ( ) and line ends, trimmed;
 * parts shorter than two characters and ones already there are left out. */
void suggest_add(struct suggest *s, const char *text);
/* The continuation of typed (the whole field, the cursor at its end): the rest of the first
 * phrase (in order) that continues the longest tail of typed starting at a word (the whole
 * field, or a tail of at least two characters), ignoring case and marks.  Writes at most
 * max - 1 characters and a NUL to out; returns their number (0: nothing to offer). */
size_t suggest_complete(const struct suggest *s, const wchar_t *typed, wchar_t *out, size_t max);
/* How many characters of a continuation make its next word: the blanks before it and the
 * word up to the next blank. */
size_t suggest_word(const wchar_t *cont);
/* Free the phrases (not s itself). */
void suggest_free(struct suggest *s);

/* The common observations for question (a form field name) in sector, in lang ("vi" or
 * "en"), from DATADIR/forms/data/observations.csv: *out gets a NULL-terminated array of
 * strings (caller frees with suggest_strv_free), *n their number; question NULL gives every
 * observation of the sector.  0, or -1 with err (file:line: message). */
int suggest_observations(const char *datadir, const char *sector, const char *question,
			 const char *lang, char ***out, size_t *n, struct sx_err *err);
/* Earlier answers to question name in other assessments than uuid, the newest first, at most
 * limit: as suggest_observations.  0, or -1 with err. */
int suggest_answers(struct sx_db *db, const char *name, const char *uuid, int limit,
		    char ***out, size_t *n, struct sx_err *err);
/* Free an array from suggest_observations or suggest_answers. */
void suggest_strv_free(char **v);

#endif
