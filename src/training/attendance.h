/* attendance.h — who takes part in a session and on which days they came.
 *
 * Each participant gets one attendance cell per day of the session.  Each
 * tick is one upsert on (session, person, day) — its own small
 * transaction — so nothing ticked is lost when the laptop dies. */
#ifndef SX_ATTENDANCE_H
#define SX_ATTENDANCE_H

#include <stddef.h>

#include "db/db.h"
#include "base/err.h"
#include "training/session.h"

/* A participant, with what the sign-in sheet and the grid show. */
struct participant {
	char person_uuid[37];   /* the person */
	char *full_name;        /* name */
	int birth_year;         /* 0 when unknown */
	char *gender;           /* gender code or "" */
	char *ethnicity;        /* "" when unknown */
	char *position;         /* "" when unknown */
	char *unit;             /* "" when unknown */
	char *category;         /* category code or "" */
	char *phone;            /* "" when unknown */
	int walk_in;            /* 1 when registered on the day */
};

/* The attendance grid of one session. */
struct attendance_grid {
	char days[SESSION_MAX_DAYS][11];  /* the session's days, yyyy-mm-dd */
	size_t ndays;                     /* how many */
	struct participant *people;       /* participants in Vietnamese order */
	size_t n;                         /* how many */
	unsigned char *present;           /* n × ndays cells, row-major: 1 present */
};

/* One session in a person's history. */
struct attendance_history {
	char session_uuid[37];  /* the session */
	char *title;            /* its title */
	char *kind;             /* kind code */
	char start_date[11];    /* first day */
	char end_date[11];      /* last day */
	int days_present;       /* days ticked present */
	int days;               /* days of the session */
};

/* Register a person for a session (walk_in 1 on the day).  0 when added,
 * 1 when already registered, -1 with err. */
int attendance_register(struct sx_db *db, const char *session_uuid, const char *person_uuid,
			int walk_in, struct sx_err *err);
/* Remove a participant and their attendance (tombstones).  0 or -1. */
int attendance_unregister(struct sx_db *db, const char *session_uuid,
			  const char *person_uuid, struct sx_err *err);
/* The participants in Vietnamese name order.  Free with
 * attendance_participants_free.  Count or -1. */
long attendance_participants(struct sx_db *db, const char *session_uuid,
			     struct participant **out, struct sx_err *err);
/* Free n participants. */
void attendance_participants_free(struct participant *v, size_t n);
/* Facilities represented: distinct facilities of the participants. */
long attendance_facilities(struct sx_db *db, const char *session_uuid, struct sx_err *err);

/* Load the grid of a session (days, participants, ticks).  0 or -1.
 * Free with attendance_grid_free. */
int attendance_grid_load(struct sx_db *db, const struct session *s, struct attendance_grid *g,
			 struct sx_err *err);
/* Free what g holds. */
void attendance_grid_free(struct attendance_grid *g);
/* Participants present on day d of the grid. */
int attendance_grid_total(const struct attendance_grid *g, size_t d);
/* Record a person present (1) or absent (0) on day (yyyy-mm-dd): one
 * upsert on (session, person, day), its own transaction.  0 or -1. */
int attendance_mark(struct sx_db *db, const char *session_uuid, const char *person_uuid,
		    const char *day, int present, struct sx_err *err);

/* A person's sessions, newest first, with days present.  Free with
 * attendance_history_free.  Count or -1. */
long attendance_history(struct sx_db *db, const char *person_uuid,
			struct attendance_history **out, struct sx_err *err);
/* Free n history rows. */
void attendance_history_free(struct attendance_history *v, size_t n);

#endif
