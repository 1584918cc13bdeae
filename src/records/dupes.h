/* dupes.h — likely duplicates with different uuids (the same person or
 * facility entered on two laptops and brought together by sync), and
 * merging a pair into one record.
 *
 * People are likely the same when their folded names (name_key) are equal
 * and their known years of birth or their phone keys (people_phone_key)
 * are; facilities when their folded names and their places are (a facility
 * whose place is unknown is never paired).  Deleted rows never pair, and a
 * pair the officer marked "not a duplicate" (dupes_ignore) is not listed
 * again on this laptop.
 *
 * A merge is one transaction: the survivor takes over the other record's
 * participants and attendance (a person) or assessments and staff (a
 * facility), its empty fields are filled from the other, and the other
 * becomes a tombstone.  Every changed row gets a new version (updated_at,
 * origin), so sync carries the merge and the history table keeps every
 * replaced version. */
#ifndef SX_DUPES_H
#define SX_DUPES_H

#include <stddef.h>

#include "db/db.h"
#include "base/err.h"

/* What a pair is made of. */
enum dupes_kind {
	DUPES_PERSON,    /* two rows of people */
	DUPES_FACILITY,  /* two rows of facilities */
};

/* One likely pair.  Strings are owned (free with dupes_free). */
struct dupes_pair {
	enum dupes_kind kind;   /* people or facilities */
	char a[37];             /* the record first in Vietnamese order */
	char b[37];             /* the other one */
	char *name_a;           /* a's name as stored */
	char *name_b;           /* b's name as stored */
	char *sort_key;         /* a's sort key (orders the list) */
	int birth_year;         /* people: the shared year of birth, or 0 */
	char *phone;            /* people: the shared phone key, or "" */
	char *place;            /* facilities: the shared place's name, or "" */
};

/* One row of a side-by-side comparison. */
struct dupes_field {
	const char *label;      /* N_() label: translate with _() */
	char *a;                /* the value in a, as shown ("" when empty); owned */
	char *b;                /* the value in b; owned */
	int differ;             /* 1 when the two values are not identical */
};

/* Every likely pair: people first, then facilities, each in Vietnamese
 * order of the first name; at most limit pairs.  *out is allocated (free
 * with dupes_free).  Returns the count or -1 with err. */
long dupes_list(struct sx_db *db, size_t limit, struct dupes_pair **out, struct sx_err *err);
/* Free n pairs and the array. */
void dupes_free(struct dupes_pair *v, size_t n);

/* The two records a and b side by side, field by field, values as the
 * officer reads them (labels of codes, place and facility names, dates),
 * ending with what hangs on each (sessions or assessments) and when each
 * was last changed.  *out is allocated (free with dupes_fields_free).
 * Returns the count, or -1 with err (also when either is gone). */
long dupes_compare(struct sx_db *db, enum dupes_kind kind, const char *a, const char *b,
		   struct dupes_field **out, struct sx_err *err);
/* Free n fields and the array. */
void dupes_fields_free(struct dupes_field *v, size_t n);

/* Merge drop into keep, in one transaction: see the top of this file.
 * Where both are registered to one session (or ticked on one day) the
 * survivor's row stays, present if either was, and the other's becomes a
 * tombstone.  0, or -1 with err (nothing changed). */
int dupes_merge(struct sx_db *db, enum dupes_kind kind, const char *keep, const char *drop,
		struct sx_err *err);
/* Remember that a and b (either order) are not the same, so that
 * dupes_list() leaves the pair out.  Local to this laptop, not synced.
 * 0 or -1 with err. */
int dupes_ignore(struct sx_db *db, const char *a, const char *b, struct sx_err *err);

#endif
