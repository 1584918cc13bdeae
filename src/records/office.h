/* office.h — the office that issues printed documents (the plan report,
 * sign-in sheets): its name, the body above it, the place on the date
 * line, the officer who prepares documents and the head who signs them.
 *
 * Settings keys (db_setting), each with a default when unset:
 *   office_parent      "UBND TỈNH SƠN LA" (translated default)
 *   office_name        "SỞ CÔNG THƯƠNG" (translated default)
 *   office_place       "Sơn La"
 *   office_head_title  "GIÁM ĐỐC" … the head of unit's title (translated)
 *   office_head_name   "" (written by hand when empty)
 *   officer_name       the officer (set on first run). */
#ifndef SX_OFFICE_H
#define SX_OFFICE_H

#include "base/printdoc.h"
#include "db/db.h"

/* The office as configured.  Every string is owned; free with office_free(). */
struct office {
	char *parent;       /* body above the issuer */
	char *name;         /* issuing body */
	char *place;        /* place on the date line */
	char *head_title;   /* title of the head of unit */
	char *head_name;    /* name of the head of unit, or "" */
	char *officer;      /* the officer preparing the document, or "" */
	char today[11];     /* today (clock.h, so SXSH_NOW fixes it), yyyy-mm-dd */
};

/* Read the office from the settings of db (NULL: defaults only). */
void office_load(struct sx_db *db, struct office *o);
/* Free what o holds. */
void office_free(struct office *o);
/* Save into db's settings each field of o that differs from was (what
 * office_load() gave; an empty field brings back the default); was is
 * updated to match.  0, or -1 with err. */
int office_save(struct sx_db *db, const struct office *o, struct office *was,
		struct sx_err *err);
/* The document frame of the office: heading with o's names, dated today,
 * signed "prepared by" the officer and by the head of unit.  d borrows
 * from o. */
void office_doc(const struct office *o, struct printdoc_office *d);

#endif
