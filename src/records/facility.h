/* facility.h — the facilities registry: records, search, tombstones. */
#ifndef SX_FACILITY_H
#define SX_FACILITY_H

#include <stddef.h>

#include "db/db.h"
#include "base/err.h"

/* A facility as the officer edits it.  Strings are owned (NULL = empty). */
struct facility {
	char uuid[37];          /* "" for a facility not saved yet */
	char *name;             /* full name, NFC */
	char *place_uuid;       /* district (places.uuid), or NULL */
	char *address;          /* commune, village */
	char *sector;           /* cassava, coffee_wet, coffee_dry, sugar, other */
	char *legal_form;       /* enterprise, cooperative, household */
	char *products;         /* main products */
	int cp_potential;       /* 1 when the facility has CP potential */
	char *owner;            /* owner or director */
	char *contact;          /* contact person */
	char *phone;            /* phone number; saved as phone_canon() writes it when it is one */
	char *informed_on;      /* ISO date informed of CP by hand, or NULL */
	char *informed_reason;  /* why it was marked informed by hand */
	char *note;             /* free text */
};

/* One line of a facilities list. */
struct facility_row {
	char uuid[37];          /* the facility */
	char *name;             /* its name */
	char *place;            /* its district's name, or "" */
	char *sector;           /* its sector code, or "" */
	int assessments;        /* assessments recorded for it */
};

/* A coded value and its English label (translate with gettext). */
struct facility_code {
	const char *code;   /* stored value */
	const char *label;  /* N_() label */
};
/* Sectors: cassava, coffee_wet, coffee_dry, sugar, other. */
extern const struct facility_code facility_sectors[];
extern const size_t facility_nsectors;
/* Legal forms: enterprise, cooperative, household. */
extern const struct facility_code facility_legal_forms[];
extern const size_t facility_nlegal_forms;

/* Load one facility (not deleted).  0, or -1 with err (also when unknown). */
int facility_get(struct sx_db *db, const char *uuid, struct facility *out, struct sx_err *err);
/* Insert (uuid "") or update a facility: NFC text, search and sort keys,
 * updated_at now, origin this installation.  Sets f->uuid for a new one.
 * 0, or -1 with err (a name is required). */
int facility_save(struct sx_db *db, struct facility *f, struct sx_err *err);
/* Mark a facility deleted (a tombstone that sync carries).  0 or -1. */
int facility_delete(struct sx_db *db, const char *uuid, struct sx_err *err);
/* Free the strings of f (not f itself). */
void facility_clear(struct facility *f);

/* Facilities whose name, place name or sector label (in English or the
 * language shown) contain every word of query, ignoring case and
 * diacritics, in Vietnamese order; at most limit rows.  *rows is
 * allocated (free with facility_rows_free).  Returns the count or -1. */
long facility_search(struct sx_db *db, const char *query, size_t limit,
		     struct facility_row **rows, struct sx_err *err);
/* facility_search() within a place (NULL or "": everywhere): facilities
 * recorded at it, at a place below it, or at an old commune that went
 * into it (2025 reform). */
long facility_search_in(struct sx_db *db, const char *query, const char *place, size_t limit,
			struct facility_row **rows, struct sx_err *err);
/* How facility_search_how() finds the rows: the faster way for the query
 * (records/namesearch.h), always the sort-index walk (the reference the
 * tests compare the others with), or the trigram index whenever no word
 * names a place or sector. */
enum { FACILITY_SEARCH_BEST, FACILITY_SEARCH_SCAN, FACILITY_SEARCH_INDEX };
/* facility_search_in(), found as how says; the same rows either way. */
long facility_search_how(struct sx_db *db, const char *query, const char *place, size_t limit,
			 int how, struct facility_row **rows, struct sx_err *err);
/* Free n rows. */
void facility_rows_free(struct facility_row *rows, size_t n);

#endif
