/* places.h — the places list (province, districts, communes) as records.
 *
 * Places are data (forms/data/places.csv): the units before the reform of
 * 1 July 2025 (NQ 1681/NQ-UBTVQH15; districts and their communes, valid to
 * 2025-06-30, each commune naming the new unit it went into) and the 75
 * commune-level units after it (valid from 2025-07-01, directly below the
 * province).  Codes are reused across the reform, so a place is its uuid,
 * never its code.  A record keeps the place it was recorded with; the
 * area it counts under in a period is worked out by places_area(). */
#ifndef SX_PLACES_H
#define SX_PLACES_H

#include <stddef.h>

#include "db/db.h"

/* One place. */
struct place {
	char uuid[37];    /* its id */
	char *code;       /* official code, may be "" */
	char *kind;       /* province, city, district, town, ward, commune */
	char *name;       /* as written, e.g. "Mai Sơn" */
	char *label;      /* name, plus "(to 30/06/2025)" when no longer in force */
};

/* A list of places. */
struct place_list {
	struct place *v;  /* the places */
	size_t n;         /* how many */
};

/* The places directly below the province that are not deleted: those in
 * force today first, then the older ones (so an old record keeps its
 * place in a picker), each group in code order; the province itself last
 * (a record known only at the province level, the provincial office).  0, or -1 with err.  Free
 * with places_free(). */
int places_districts(struct sx_db *db, struct place_list *out, struct sx_err *err);
/* The name of the place with this uuid, or NULL.  Caller frees. */
char *places_name(struct sx_db *db, const char *uuid);
/* Free the list's contents. */
void places_free(struct place_list *l);

/* Every live place's names folded for search (text_fold): its name and its
 * other spellings (column alt_names, "|" between them, e.g. the old list's
 * "Xã Noong Lay" for "Xã Nong Lay"), each key being those names with "\n"
 * between them.  Worked out once and kept by the database until its data
 * changes (db_memo), so a search keystroke does not fold them again. */
struct place_keys {
	size_t n;
	struct place_key {
		char uuid[37];
		char *key;       /* "xa nong lay\nxa noong lay" */
	} *v;                    /* in uuid order */
};
/* The keys, or NULL with err.  Owned by db (or, worked out inside a
 * transaction, by places.c): valid until the next call or db_close(). */
const struct place_keys *places_keys(struct sx_db *db, struct sx_err *err);
/* 1 when one of the names in key (struct place_key) contains the folded
 * word, 2 when one of them is exactly word, else 0. */
int places_key_has(const char *key, const char *word);
/* The live place named text (its name or one of its other spellings, case
 * and diacritics ignored) into out: how many places have that name (out is
 * the first in uuid order), 0 when none, -1 with err. */
int places_find(struct sx_db *db, const char *text, char out[37], struct sx_err *err);

/* The province's uuid into out ("" when there is none). */
void places_province(struct sx_db *db, char out[37]);

/* The units directly below the province in force on some day of
 * [from, to] (yyyy-mm-dd; "" is open), in code order.  0, or -1 + err. */
int places_in_force(struct sx_db *db, const char *from, const char *to,
		    struct place_list *out, struct sx_err *err);

/* Every live place, for working out areas without a query per record. */
struct place_node {
	char uuid[37], parent[37], successor[37];  /* "" when none */
	char from[11], to[11];                     /* validity, "" when open */
	int top;                                   /* 1 when directly below the province */
};
struct place_tree {
	struct place_node *v;  /* sorted by uuid */
	size_t n;
	char province[37];     /* the province's uuid */
};
/* Load the tree.  0, or -1 with err.  Free with places_tree_free(). */
int places_tree_load(struct sx_db *db, struct place_tree *t, struct sx_err *err);
void places_tree_free(struct place_tree *t);
/* The area a record placed at uuid counts under when the areas are the
 * units in force in [from, to]: the place itself when it is such a unit;
 * else the unit it went into (successor) or the unit above it; a new unit
 * asked about for an older period goes to the one old district all its
 * parts came from.  When nothing in force fits, the top-level unit the
 * walk ended at.  NULL for the province itself, an empty or unknown
 * place.  The result points into t. */
const char *places_area(const struct place_tree *t, const char *uuid, const char *from,
			const char *to);

#endif
