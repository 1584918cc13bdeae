/* fsession.h — one filling of a form: answers, relevance, calculations,
 * repeats and validation, without any screen or database.
 *
 * The UI, `sxsh form test` and the tests drive this one model.  Answers are
 * kept by path: "name" for a question outside repeats, "rep[2]/name" for
 * instance 2 of repeat rep ("outer[1]/inner[3]/name" when nested).  The
 * number of instances of a repeat is kept as the answer "rep[]" (or
 * "outer[1]/inner[]"), so a saved draft restores empty instances too.
 * Answers to questions that are not relevant are kept, but left out of
 * completion checks, and every expression reads them as empty (as
 * JavaRosa does, also through a group's relevant).  Calculations and the
 * metadata questions are brought up to date after every change, except
 * end, which fs_finish() fills when the filling is finalised. */
#ifndef SX_FSESSION_H
#define SX_FSESSION_H

#include <stddef.h>

#include "form/xlsform.h"

struct fsession;

/* One question, note, calculation or repeat of the expanded form, in order.
 * A repeat's item comes after its instances' items (it stands for "add
 * another"). */
struct fs_item {
	int node;          /* index into the form's nodes */
	char *path;        /* answer path, e.g. "options[2]/saving"; for a repeat "options" */
	int group;         /* innermost enclosing group node, or -1 */
	int page;          /* items with the same page are shown together (field-list) */
};

/* Start a session on form f (not copied: it must outlive the session) in
 * language lang ("vi", "en"), with the clock now_ms (UTC) for today() and
 * now().  Free with fs_free(). */
struct fsession *fs_new(const struct xform *f, const char *lang, long long now_ms);
/* Free a session; NULL is fine. */
void fs_free(struct fsession *s);
/* The form. */
const struct xform *fs_form(const struct fsession *s);

/* Set an answer by path ("" or NULL clears it), then recalculate.  Setting
 * "rep[]" sets a repeat's instance count; setting "rep[3]/x" grows rep to at
 * least 3 instances.  The groups around a question may be written in front
 * ("grp/x", "grp/rep[3]/x", as ODK paths have them).  Returns 0, or -1 when
 * the path names no question (or a group that does not hold it). */
int fs_set(struct fsession *s, const char *path, const char *value);
/* Set a literal answer without recalculating (for loading many; call
 * fs_recalc() after).  Same paths as fs_set(). */
int fs_load(struct fsession *s, const char *path, const char *value);
/* Bring every calculation up to date. */
void fs_recalc(struct fsession *s);
/* Fill defaults of questions without an answer (a new filling, or a new
 * repeat instance). */
void fs_defaults(struct fsession *s);
/* The answer at path, or "" when there is none.  Valid until the next change. */
const char *fs_get(const struct fsession *s, const char *path);
/* Call fn for every stored answer (repeat counts included), in path order. */
void fs_each(const struct fsession *s, void (*fn)(const char *path, const char *value, void *arg),
	     void *arg);

/* The expanded items; valid until the next change.  *n gets the count. */
const struct fs_item *fs_items(struct fsession *s, size_t *n);
/* 1 when the item is relevant now (its own relevant and every enclosing
 * group's and repeat's). */
int fs_relevant(struct fsession *s, size_t item);
/* 1 when the item is required now. */
int fs_required(struct fsession *s, size_t item);
/* 1 when the item is read-only now (calculations and notes always are). */
int fs_read_only(struct fsession *s, size_t item);
/* Instances of the repeat whose item this is. */
size_t fs_repeat_count(struct fsession *s, size_t item);
/* 1 when the repeat's count is fixed by repeat_count. */
int fs_repeat_fixed(struct fsession *s, size_t item);
/* Add an instance at the end of the repeat of this item (with defaults). 0/-1. */
int fs_repeat_add(struct fsession *s, size_t item);
/* Remove instance k (1-based) of the repeat of this item, moving the later
 * ones down.  Calls changed(path, value, arg) for every answer that changed
 * (value NULL when removed), so the caller can save them.  0 or -1. */
int fs_repeat_remove(struct fsession *s, size_t item, size_t k,
		     void (*changed)(const char *path, const char *value, void *arg), void *arg);

/* The item's label (hint) in the session's language, with ${name}
 * references replaced by their values (whole numbers of 5 digits or more
 * grouped by threes with no-break spaces).  Caller frees. */
char *fs_label(struct fsession *s, size_t item);
char *fs_hint(struct fsession *s, size_t item);
/* The item's answer as a person reads it: choice labels joined by ", ",
 * dates as dd/mm/yyyy, other values as stored; "" when unanswered.
 * Caller frees. */
char *fs_display(struct fsession *s, size_t item);
/* Choices of a select item that pass its choice_filter now: indices into
 * the list's choices, count in *n.  Caller frees the array. */
size_t *fs_choices(struct fsession *s, size_t item, size_t *n);
/* Label of choice c of the item's list in the session's language. */
const char *fs_choice_label(struct fsession *s, size_t item, size_t c);

/* Check value as the answer to item (type, choices, required, constraint),
 * without storing it.  0 when it passes; else -1 and the form's message (or
 * ours) in msg.  A blank value passes unless the item is required. */
int fs_check(struct fsession *s, size_t item, const char *value, char *msg, size_t len);
/* Number of problems that keep the filling from being complete: relevant
 * required items without an answer, and relevant answers that fail
 * fs_check().  When first is not NULL it gets the first such item. */
size_t fs_problems(struct fsession *s, size_t *first);

/* 1 for the types the form fills without the user: calculations and the
 * metadata (start, end, today, deviceid, username). */
static inline int fs_type_auto(enum xform_type t)
{
	return t == XFT_CALCULATE || t >= XFT_START;
}
/* The filling is finalised (saved complete) at now_ms (UTC): every end
 * question takes that time, as JavaRosa's end preload does on finalising;
 * a later finish takes the later time.  Until then end stays empty. */
void fs_finish(struct fsession *s, long long now_ms);
/* What deviceid and username questions get (copied; NULL leaves it). */
void fs_meta(struct fsession *s, const char *deviceid, const char *username);

/* The session's language. */
const char *fs_lang(const struct fsession *s);

#endif
