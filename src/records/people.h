/* people.h — the people registry: officers on the training roster,
 * trainees, facility contacts; search and likely-duplicate detection. */
#ifndef SX_PEOPLE_H
#define SX_PEOPLE_H

#include <stddef.h>

#include "db/db.h"
#include "base/err.h"

/* A coded value and its English label (translate with gettext). */
struct people_code {
	const char *code;   /* stored value */
	const char *label;  /* N_() label */
};
/* Trainee categories: extension, monitoring, collaborator, enterprise,
 * community (the first three are the officers the plan wants trained). */
extern const struct people_code people_categories[];
extern const size_t people_ncategories;
/* Genders: male, female. */
extern const struct people_code people_genders[];
extern const size_t people_ngenders;

/* A person as the officer edits them.  Strings are owned (NULL = empty). */
struct person {
	char uuid[37];          /* "" for a person not saved yet */
	char *full_name;        /* full name, NFC */
	char *gender;           /* a people_genders code, or NULL */
	int birth_year;         /* year of birth, 0 when unknown */
	char *ethnicity;        /* dân tộc, as typed (Kinh, Thái, Mông, …) */
	char *phone;            /* phone number; saved as phone_canon() writes it when it is one */
	char *unit;             /* work unit (office, enterprise, commune) */
	char *position;         /* position in the unit */
	char *place_uuid;       /* district or commune (places.uuid), or NULL */
	char *category;         /* a people_categories code, or NULL */
	int on_roster;          /* 1 when put on the roster by hand (officers in the
				 * plan's categories are on it anyway: coverage.h) */
	int roster_excluded;    /* 1 when taken off the roster by hand */
	char *facility_uuid;    /* the facility where they work, or NULL */
	char *note;             /* free text */
};

/* One line of a people list (also of a duplicate check). */
struct person_row {
	char uuid[37];          /* the person */
	char *full_name;        /* their name */
	int birth_year;         /* 0 when unknown */
	char *phone;            /* "" when unknown */
	char *unit;             /* "" when unknown */
	char *category;         /* category code, or "" */
	int on_roster;          /* 1 when on the roster */
	int likely_dup;         /* 1 when the row is a likely duplicate of the query */
};

/* Load one person (not deleted).  0, or -1 with err (also when unknown). */
int person_get(struct sx_db *db, const char *uuid, struct person *out, struct sx_err *err);
/* Insert (uuid "") or update a person: NFC text, search and sort keys,
 * updated_at now, origin this installation.  Sets p->uuid for a new one.
 * 0, or -1 with err (a name is required; a birth year must be 1900-2100). */
int person_save(struct sx_db *db, struct person *p, struct sx_err *err);
/* Mark a person deleted (a tombstone that sync carries).  0 or -1. */
int person_delete(struct sx_db *db, const char *uuid, struct sx_err *err);
/* Free the strings of p (not p itself). */
void person_clear(struct person *p);

/* People whose name contains every word of query, ignoring case and
 * diacritics, in Vietnamese order; at most limit rows.  *rows is allocated
 * (free with people_rows_free).  Returns the count or -1. */
long people_search(struct sx_db *db, const char *query, size_t limit,
		   struct person_row **rows, struct sx_err *err);
/* How people_search_how() finds the rows: the faster way for the query
 * (records/namesearch.h), always the sort-index walk (the reference the
 * tests compare the others with), or always the trigram index. */
enum { PEOPLE_SEARCH_BEST, PEOPLE_SEARCH_SCAN, PEOPLE_SEARCH_INDEX };
/* people_search(), found as how says; the same rows either way. */
long people_search_how(struct sx_db *db, const char *query, size_t limit, int how,
		       struct person_row **rows, struct sx_err *err);
/* People who are likely the same as a person being typed: the same folded
 * name and the same year of birth or the same phone (people_phone_key);
 * exclude_uuid (may be NULL) is left out.  Rows as people_search, all with
 * likely_dup set.  Returns the count or -1. */
long people_duplicates(struct sx_db *db, const char *full_name, int birth_year,
		       const char *phone, const char *exclude_uuid, size_t limit,
		       struct person_row **rows, struct sx_err *err);
/* Free n rows. */
void people_rows_free(struct person_row *rows, size_t n);

/* The comparable form of a phone number: its digits, with a leading
 * country code 84 turned into 0 ("+84 912-345 678" → "0912345678").
 * "" when it has fewer than 6 digits.  Caller frees. */
char *people_phone_key(const char *phone);
/* 1 when two people are likely the same: equal folded names (text_fold)
 * and equal known years of birth or equal phone keys (people_phone_key).
 * Years 0 and empty phones never match. */
int people_likely_same(const char *name_a, int year_a, const char *phone_a,
		       const char *name_b, int year_b, const char *phone_b);
/* The translated label of a category or gender code ("" for NULL/""; an
 * unknown code is returned as it is). */
const char *people_category_label(const char *code);
/* The same for genders. */
const char *people_gender_label(const char *code);

#endif
