/* places.h — the places list (province, districts, communes) as records. */
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
};

/* A list of places. */
struct place_list {
	struct place *v;  /* the places */
	size_t n;         /* how many */
};

/* The places directly below the province level (city and districts) that
 * are not deleted, in code order.  0, or -1 with err.  Free with
 * places_free(). */
int places_districts(struct sx_db *db, struct place_list *out, struct sx_err *err);
/* The name of the place with this uuid, or NULL.  Caller frees. */
char *places_name(struct sx_db *db, const char *uuid);
/* Free the list's contents. */
void places_free(struct place_list *l);

#endif
