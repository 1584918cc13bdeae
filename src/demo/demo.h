/* demo.h — `sxsh demo`: realistic sample data for Sơn La, made through the
 * registries' own APIs (so keys, search keys and history are as the UI
 * would leave them).  The content is fixed (phone numbers and years of
 * birth come from a seeded generator), so two runs give the same records;
 * only the uuids and timestamps differ.  Dates lie in the 2016–2020 plan. */
#ifndef SX_DEMO_H
#define SX_DEMO_H

#include "db/db.h"
#include "base/err.h"

/* One answer of an embedded answer set. */
struct demo_answer {
	const char *name;   /* answer path */
	const char *value;  /* stored value */
};

/* The embedded answer sets (demo_data.c). */
enum demo_set {
	DEMO_CASSAVA, DEMO_COFFEE_WET, DEMO_COFFEE_DRY, DEMO_SUGAR,
	DEMO_TRACKER_COUNTED, DEMO_TRACKER_IN_PROGRESS, DEMO_NSETS
};
/* Each set ends with a { NULL, NULL } entry. */
extern const struct demo_answer *const demo_sets[DEMO_NSETS];

/* What demo_fill() added. */
struct demo_counts {
	long facilities;     /* facilities */
	long people;         /* people */
	long roster;         /* of whom on the officer roster */
	long sessions;       /* training and awareness sessions */
	long registrations;  /* participants registered */
	long ticks;          /* attendance days ticked present */
	long rapid;          /* rapid assessments */
	long rapid_complete; /* of which complete */
	long trackers;       /* detailed-assessment trackers */
};

/* 1 when the database already holds a live facility, 0 if not, -1 + err. */
int demo_has_data(struct sx_db *db, struct sx_err *err);
/* Add the sample data; the forms come from datadir/forms/.  Counts what it
 * added into *out.  0, or -1 with err (what was added so far stays). */
int demo_fill(struct sx_db *db, const char *datadir, struct demo_counts *out,
	      struct sx_err *err);

#endif
