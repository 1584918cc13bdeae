/* orgs.h — the network of cleaner-production support organisations (the
 * plan asks the province to build and keep one): CP centres, consultants,
 * universities and institutes, funds and banks, associations, with a
 * contact and the sectors each covers; and the part each took in the
 * programme — organiser or trainer of a session, adviser of an assessment.
 * Both tables (organisations, org_roles) are synced. */
#ifndef SX_ORGS_H
#define SX_ORGS_H

#include <stddef.h>

#include "base/err.h"
#include "db/db.h"
#include "records/facility.h"

/* Kinds of organisation: cp_centre, consultant, university, fund,
 * association, other (codes stored, N_() labels). */
extern const struct facility_code orgs_kinds[];
extern const size_t orgs_nkinds;
/* Roles: organiser and trainer (of a session), adviser (of an assessment). */
extern const struct facility_code orgs_roles[];
extern const size_t orgs_nroles;

/* An organisation.  Strings owned ("" or NULL when unknown); free with
 * org_clear(). */
struct org {
	char uuid[37];        /* "" until saved */
	char *name;           /* required */
	char *kind;           /* a code of orgs_kinds */
	char *sectors;        /* facility sector codes separated by spaces */
	char *contact_name;   /* the person to call */
	char *phone;          /* phone */
	char *email;          /* e-mail */
	char *address;        /* postal address */
	char *note;           /* free text */
};

/* One part an organisation took: the role, what in, when.  Owned. */
struct org_part {
	char *role;           /* a code of orgs_roles */
	char *what;           /* the session's code and title, or the facility assessed */
	char date[11];        /* the session's first day or the assessment's date, or "" */
};

/* The label of a kind or role code (translated), or the code itself. */
const char *orgs_kind_label(const char *code);
const char *orgs_role_label(const char *code);
/* Sector codes as translated labels joined with "; " (labels hold commas).  Caller frees. */
char *orgs_sectors_label(const char *sectors);

/* Insert (uuid "") or update o: NFC text, search and sort keys, now, this
 * installation; sets o->uuid for a new one.  0, or -1 with err (a name is
 * required, the kind and the sectors must be known codes). */
int orgs_save(struct sx_db *db, struct org *o, struct sx_err *err);
/* Load the live organisation whose uuid is key, else the one whose name
 * folds to key (case and accents ignored).  1 found, 0 not, -1 error. */
int orgs_find(struct sx_db *db, const char *key, struct org *out, struct sx_err *err);
/* Live organisations whose name contains every word of query (NULL or ""
 * for all), in Vietnamese order.  *out is an array of *n (caller frees
 * each with org_clear() and the array with free()).  0 or -1. */
int orgs_list(struct sx_db *db, const char *query, struct org **out, size_t *n,
	      struct sx_err *err);
/* Mark an organisation deleted, and its roles.  0 or -1. */
int orgs_delete(struct sx_db *db, const char *uuid, struct sx_err *err);
/* Free the strings of o (not o). */
void org_clear(struct org *o);

/* Name org as role of target: a session uuid for organiser and trainer,
 * an assessment uuid for adviser.  Linking twice keeps one row; a removed
 * link comes back.  1 when added, 0 when it was there, -1 with err (an
 * unknown role or target). */
int orgs_link(struct sx_db *db, const char *org_uuid, const char *role, const char *target,
	      struct sx_err *err);
/* Remove that link (a tombstone).  0 or -1. */
int orgs_unlink(struct sx_db *db, const char *org_uuid, const char *role, const char *target,
		struct sx_err *err);
/* What org took part in whose date lies in [from, to] (yyyy-mm-dd; NULL or
 * "" leaves that end open), by date.  *out has *n parts; free with
 * orgs_parts_free().  0 or -1. */
int orgs_parts(struct sx_db *db, const char *org_uuid, const char *from, const char *to,
	       struct org_part **out, size_t *n, struct sx_err *err);
void orgs_parts_free(struct org_part *p, size_t n);

/* The names of the live organisations named as role ("organiser",
 * "trainer") of a session, in Vietnamese order, joined with ", "; NULL
 * when there is none (or on a database error).  Caller frees. */
char *orgs_session_names(struct sx_db *db, const char *session_uuid, const char *role);

/* One organisation of the network with what it took part in. */
struct orgs_entry {
	struct org org;           /* the organisation */
	struct org_part *parts;   /* its parts in the period, by date */
	size_t nparts;            /* how many */
};
/* Every live organisation in Vietnamese order, each with its parts dated
 * in [from, to] (as orgs_parts).  Free with orgs_network_free().  0 or -1. */
int orgs_network(struct sx_db *db, const char *from, const char *to, struct orgs_entry **out,
		 size_t *n, struct sx_err *err);
void orgs_network_free(struct orgs_entry *e, size_t n);

#endif
