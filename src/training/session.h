/* session.h — training and awareness sessions: kind, dates, venue, plan.
 *
 * A session runs from start_date to end_date (ISO, one or several days);
 * its participants and their daily attendance are in attendance.h. */
#ifndef SX_SESSION_H
#define SX_SESSION_H

#include <stddef.h>

#include "db/db.h"
#include "base/err.h"
#include "records/people.h"

/* The most days one session may span (a sign-in sheet column each). */
#define SESSION_MAX_DAYS 31

/* Kinds: awareness (conference), training (course), demo (visit). */
extern const struct people_code session_kinds[];
extern const size_t session_nkinds;

/* A session as the officer edits it.  Strings are owned (NULL = empty). */
struct session {
	char uuid[37];          /* "" for a session not saved yet */
	char *kind;             /* a session_kinds code */
	char *code;             /* course code, e.g. "TH-2025-01", or NULL */
	char *title;            /* title, NFC */
	char *plan_uuid;        /* the plan it belongs to (NULL: the default plan) */
	char *start_date;       /* first day, yyyy-mm-dd */
	char *end_date;         /* last day, yyyy-mm-dd (NULL: same as start) */
	char *venue;            /* hall, address */
	char *place_uuid;       /* district (places.uuid), or NULL */
	char *organiser;        /* organising body */
	char *trainer;          /* trainer or speaker */
	char *topics;           /* topics covered */
	int expected;           /* expected participants, 0 when not set */
};

/* One line of the sessions list. */
struct session_row {
	char uuid[37];          /* the session */
	char *code;             /* "" when none */
	char *title;            /* its title */
	char *kind;             /* kind code */
	char start_date[11];    /* first day */
	char end_date[11];      /* last day */
	int participants;       /* participants registered */
};

/* A plan to choose from. */
struct session_plan {
	char uuid[37];          /* the plan */
	char *title;            /* its title in the UI language */
};

/* Load one session (not deleted).  0, or -1 with err (also when unknown). */
int session_get(struct sx_db *db, const char *uuid, struct session *out, struct sx_err *err);
/* Find a session by its code or its uuid.  0, or -1 with err (unknown, or a
 * code shared by several sessions). */
int session_find(struct sx_db *db, const char *code_or_uuid, struct session *out,
		 struct sx_err *err);
/* Insert (uuid "") or update: checks title, kind and dates (end may be
 * empty = start; at most SESSION_MAX_DAYS days), fills in the default plan
 * when plan_uuid is empty.  Sets s->uuid for a new one.  0, or -1 + err. */
int session_save(struct sx_db *db, struct session *s, struct sx_err *err);
/* Tombstone a session with its participants and attendance (one
 * transaction).  0 or -1. */
int session_delete(struct sx_db *db, const char *uuid, struct sx_err *err);
/* Free the strings of s (not s itself). */
void session_clear(struct session *s);

/* Sessions whose title or code contains every word of query (folded),
 * newest first; at most limit.  Free with session_rows_free.  Count or -1. */
long session_list(struct sx_db *db, const char *query, size_t limit,
		  struct session_row **rows, struct sx_err *err);
/* Free n rows. */
void session_rows_free(struct session_row *rows, size_t n);

/* The default plan on date (yyyy-mm-dd), for a session starting then or the
 * dashboard today: the plan open on that date (no closing date, or a later
 * one) whose period contains it, else the latest open plan; a closed plan
 * only when every plan is closed (then one whose period contains the date,
 * else the latest).  0, or -1 when there is none. */
int session_default_plan(struct sx_db *db, const char *date, char out[37]);
/* Title of a plan in the UI language, or NULL.  Caller frees. */
char *session_plan_title(struct sx_db *db, const char *plan_uuid);
/* The plans (not deleted), latest period first.  Free with
 * session_plans_free.  Count or -1. */
long session_plans(struct sx_db *db, struct session_plan **out, struct sx_err *err);
/* Free n plans. */
void session_plans_free(struct session_plan *v, size_t n);
/* The days from start to end inclusive into days; the count, or -1 when
 * the dates are invalid, reversed or span more than SESSION_MAX_DAYS. */
int session_days(const char *start, const char *end, char days[SESSION_MAX_DAYS][11]);

/* The translated label of a kind code ("" for NULL). */
const char *session_kind_label(const char *code);

#endif
