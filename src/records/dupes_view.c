/* dupes_view.c — two likely duplicates side by side, as the officer reads
 * them: code labels, place and facility names, dd/mm/yyyy dates. */
#include "records/dupes.h"

#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/date.h"
#include "records/facility.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "records/people.h"
#include "records/places.h"

/* Rows of a person, in the order of person_values(). */
static const char *const person_labels[] = {
	N_("Full name"), N_("Year of birth"), N_("Gender"), N_("Ethnicity"), N_("Phone"),
	N_("Unit"), N_("Position"), N_("District"), N_("Category"),
	N_("On the roster to be trained"), N_("Facility"), N_("Notes"),
	N_("Training sessions"), N_("Last changed"),
};
#define PERSON_ROWS (sizeof person_labels / sizeof person_labels[0])

/* Rows of a facility, in the order of facility_values(). */
static const char *const facility_labels[] = {
	N_("Name"), N_("District"), N_("Commune, village, address"), N_("Sector"),
	N_("Legal form"), N_("Main products"), N_("Has CP potential"), N_("Owner or director"),
	N_("Contact person"), N_("Phone"), N_("Informed of CP on (date)"),
	N_("How it was informed"), N_("Notes"), N_("Assessments"), N_("People working here"),
	N_("Last changed"),
};
#define FACILITY_ROWS (sizeof facility_labels / sizeof facility_labels[0])

static char *str(const char *s)
{
	return xstrdup(s ? s : "");
}

static char *name_of_place(struct sx_db *db, const char *uuid)
{
	char *name = uuid ? places_name(db, uuid) : NULL;
	return name ? name : xstrdup("");
}

static char *name_of_facility(struct sx_db *db, const char *uuid)
{
	struct sx_err err = {0};
	struct facility f;
	char *name = xstrdup("");

	if (uuid && facility_get(db, uuid, &f, &err) == 0) {
		free(name);
		name = str(f.name);
		facility_clear(&f);
	}
	sx_err_clear(&err);
	return name;
}

static const char *code_label(const struct facility_code *v, size_t n, const char *code)
{
	for (size_t i = 0; code && i < n; i++)
		if (strcmp(code, v[i].code) == 0)
			return _(v[i].label);
	return code ? code : "";
}

static char *user_date(const char *iso)
{
	char d[11];
	date_format_user(iso ? iso : "", d);
	return xstrdup(d);
}

/* The integer a one-column statement gives for uuid into *v.  0 or -1. */
static int one_int(struct sx_db *db, const char *sql, const char *uuid, long long *v,
		   struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	*v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

static char *changed_on(long long ms)
{
	char iso[11];
	clock_date(ms, iso);
	return user_date(iso);
}

/* The values of person uuid into vals[PERSON_ROWS].  0 or -1. */
static int person_values(struct sx_db *db, const char *uuid, char **vals, struct sx_err *err)
{
	struct person p;
	long long sessions, changed;
	size_t k = 0;

	if (person_get(db, uuid, &p, err) != 0 ||
	    one_int(db, "SELECT count(*) FROM participants WHERE person_uuid = ? AND deleted = 0",
		    uuid, &sessions, err) != 0 ||
	    one_int(db, "SELECT updated_at FROM people WHERE uuid = ?", uuid, &changed, err) != 0) {
		person_clear(&p);
		return -1;
	}
	vals[k++] = str(p.full_name);
	vals[k++] = p.birth_year ? xasprintf("%d", p.birth_year) : xstrdup("");
	vals[k++] = str(people_gender_label(p.gender));
	vals[k++] = str(p.ethnicity);
	vals[k++] = str(p.phone);
	vals[k++] = str(p.unit);
	vals[k++] = str(p.position);
	vals[k++] = name_of_place(db, p.place_uuid);
	vals[k++] = str(people_category_label(p.category));
	vals[k++] = xstrdup(p.on_roster ? _("yes") : _("no"));
	vals[k++] = name_of_facility(db, p.facility_uuid);
	vals[k++] = str(p.note);
	vals[k++] = xasprintf("%lld", sessions);
	vals[k++] = changed_on(changed);
	person_clear(&p);
	return 0;
}

/* The values of facility uuid into vals[FACILITY_ROWS].  0 or -1. */
static int facility_values(struct sx_db *db, const char *uuid, char **vals, struct sx_err *err)
{
	struct facility f;
	long long assessments, staff, changed;
	size_t k = 0;

	if (facility_get(db, uuid, &f, err) != 0 ||
	    one_int(db, "SELECT count(*) FROM assessments WHERE facility_uuid = ? AND deleted = 0",
		    uuid, &assessments, err) != 0 ||
	    one_int(db, "SELECT count(*) FROM people WHERE facility_uuid = ? AND deleted = 0",
		    uuid, &staff, err) != 0 ||
	    one_int(db, "SELECT updated_at FROM facilities WHERE uuid = ?", uuid, &changed, err) != 0) {
		facility_clear(&f);
		return -1;
	}
	vals[k++] = str(f.name);
	vals[k++] = name_of_place(db, f.place_uuid);
	vals[k++] = str(f.address);
	vals[k++] = str(code_label(facility_sectors, facility_nsectors, f.sector));
	vals[k++] = str(code_label(facility_legal_forms, facility_nlegal_forms, f.legal_form));
	vals[k++] = str(f.products);
	vals[k++] = xstrdup(f.cp_potential ? _("yes") : _("no"));
	vals[k++] = str(f.owner);
	vals[k++] = str(f.contact);
	vals[k++] = str(f.phone);
	vals[k++] = user_date(f.informed_on);
	vals[k++] = str(f.informed_reason);
	vals[k++] = str(f.note);
	vals[k++] = xasprintf("%lld", assessments);
	vals[k++] = xasprintf("%lld", staff);
	vals[k++] = changed_on(changed);
	facility_clear(&f);
	return 0;
}

long dupes_compare(struct sx_db *db, enum dupes_kind kind, const char *a, const char *b,
		   struct dupes_field **out, struct sx_err *err)
{
	int person = kind == DUPES_PERSON;
	size_t n = person ? PERSON_ROWS : FACILITY_ROWS;
	const char *const *labels = person ? person_labels : facility_labels;
	int (*values)(struct sx_db *, const char *, char **, struct sx_err *) =
		person ? person_values : facility_values;
	char **va = xcalloc(n, sizeof *va), **vb = xcalloc(n, sizeof *vb);
	long rc = -1;

	*out = NULL;
	if (values(db, a, va, err) == 0 && values(db, b, vb, err) == 0) {
		*out = xcalloc(n, sizeof **out);
		for (size_t i = 0; i < n; i++)
			(*out)[i] = (struct dupes_field){ .label = labels[i], .a = va[i], .b = vb[i],
							  .differ = strcmp(va[i], vb[i]) != 0 };
		rc = (long)n;
	} else {
		for (size_t i = 0; i < n; i++) {
			free(va[i]);
			free(vb[i]);
		}
	}
	free(va);
	free(vb);
	return rc;
}

void dupes_fields_free(struct dupes_field *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++) {
		free(v[i].a);
		free(v[i].b);
	}
	free(v);
}
