/* cpcat.h — the sector guidance catalogue: typical cleaner-production options per sector
 * (forms/data/cp_options.csv), each with its process step, technique, cost class, benefit
 * and source, in the officer's language.  Offered when a CP option is added and readable
 * from the walkthrough.
 *
 * The catalogue owns its strings; cpcat_free() releases them. */
#ifndef SX_CPCAT_H
#define SX_CPCAT_H

#include <stddef.h>

#include "base/err.h"

/* One typical option.  Strings are owned by the catalogue. */
struct cpcat_entry {
	char *sector;      /* cassava, coffee_wet, coffee_dry, sugar or general */
	char *step;        /* process step, in the language asked for */
	char *option;      /* what to do */
	char *technique;   /* one of the form's technique codes (housekeeping...) */
	char *cost_class;  /* no_cost, low_cost or high_cost */
	char *benefit;     /* typical benefit */
	char *source;      /* where it comes from */
};

/* The options for one sector, then the general ones. */
struct cpcat {
	struct cpcat_entry *v;  /* entries, owned */
	size_t n;               /* how many */
};

/* Load the entries of sector (NULL or "": every sector) followed by the general ones from
 * DATADIR/forms/data/cp_options.csv, texts in lang ("vi" or "en"; others: Vietnamese).
 * 0, or -1 with err (file:line: message). */
int cpcat_load(const char *datadir, const char *sector, const char *lang, struct cpcat *out,
	       struct sx_err *err);
/* Free the entries (not c itself). */
void cpcat_free(struct cpcat *c);

#endif
