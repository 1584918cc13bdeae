/* people.c — the people table through bound statements. */
#include "records/people.h"

#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "records/namesearch.h"
#include "records/record.h"
#include "base/mem.h"
#include "base/phone.h"
#include "base/text.h"

const struct people_code people_categories[] = {
	{ "extension", N_("Extension officer") },
	{ "monitoring", N_("Industry monitoring officer") },
	{ "collaborator", N_("Collaborator") },
	{ "enterprise", N_("Enterprise") },
	{ "community", N_("Community") },
};
const size_t people_ncategories = sizeof people_categories / sizeof people_categories[0];

const struct people_code people_genders[] = {
	{ "male", N_("Male") },
	{ "female", N_("Female") },
};
const size_t people_ngenders = sizeof people_genders / sizeof people_genders[0];

/* The columns after the uuid, as the fields below list them. */
#define COLS "full_name, gender, birth_year, ethnicity, phone, unit, position, place_uuid," \
	" category, on_roster, facility_uuid, note, roster_excluded"
#define PARAMS "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18"

/* A birth year, when given, is plausible. */
static int check_year(const void *rec, struct sx_err *err)
{
	const struct person *p = rec;
	if (p->birth_year && (p->birth_year < 1900 || p->birth_year > 2100)) {
		sx_err_add(err, NULL, 0, _("the year of birth must be between 1900 and 2100"));
		return -1;
	}
	return 0;
}

#define FIELD(type, member) { RECORD_##type, offsetof(struct person, member) }
static const struct record_field fields[] = {
	FIELD(UUID, uuid), FIELD(NAME, full_name), FIELD(TEXT, gender), FIELD(YEAR, birth_year),
	FIELD(TEXT, ethnicity), FIELD(TEXT, phone), FIELD(TEXT, unit), FIELD(TEXT, position),
	FIELD(TEXT, place_uuid), FIELD(TEXT, category), FIELD(BOOL, on_roster),
	FIELD(TEXT, facility_uuid), FIELD(TEXT, note), FIELD(BOOL, roster_excluded),
};
#undef FIELD

static const struct record_kind kind = {
	.shape = RECORD_SHAPE(struct person, fields),
	RECORD_SQL("people", COLS, PARAMS),
	.unknown = N_("no person with id %s"),
	.nameless = N_("a person needs a full name"),
	.check = check_year,
};

/* Columns of a list row, after the uuid (see row_fields). */
#define ROW_COLS "p.full_name, coalesce(p.birth_year, 0), coalesce(p.phone, ''), " \
	"coalesce(p.unit, ''), coalesce(p.category, ''), p.on_roster"

#define FIELD(type, member) { RECORD_##type, offsetof(struct person_row, member) }
static const struct record_field row_fields[] = {
	FIELD(UUID, uuid), FIELD(TEXT, full_name), FIELD(INT, birth_year), FIELD(TEXT, phone),
	FIELD(TEXT, unit), FIELD(TEXT, category), FIELD(INT, on_roster),
};
#undef FIELD
static const struct record_shape row_shape = RECORD_SHAPE(struct person_row, row_fields);

static const char *code_label(const struct people_code *v, size_t n, const char *code)
{
	if (!code || !*code)
		return "";
	for (size_t i = 0; i < n; i++)
		if (strcmp(code, v[i].code) == 0)
			return _(v[i].label);
	return code;
}

const char *people_category_label(const char *code)
{
	return code_label(people_categories, people_ncategories, code);
}

const char *people_gender_label(const char *code)
{
	return code_label(people_genders, people_ngenders, code);
}

int person_get(struct sx_db *db, const char *uuid, struct person *p, struct sx_err *err)
{
	return record_get(db, &kind, uuid, p, err);
}

int person_save(struct sx_db *db, struct person *p, struct sx_err *err)
{
	char ph[PHONE_MAX];
	/* One stored form for a phone number (phone.h), as import stores it. */
	char *typed = p->phone;
	int rc;

	if (typed && phone_canon(typed, ph) == 0)
		p->phone = ph;   /* the caller's text stays the caller's */
	rc = record_save(db, &kind, p, err);
	p->phone = typed;
	return rc;
}

int person_delete(struct sx_db *db, const char *uuid, struct sx_err *err)
{
	return record_delete(db, &kind, uuid, err);
}

void person_clear(struct person *p)
{
	record_clear(&kind.shape, p);
}

/* The search of people_search() (?1..?4 the words, ?5 the limit), walking
 * the (deleted, sort_key, name_key) index in Vietnamese order, so a
 * screenful of matches costs a partial scan, not a sort; ties end in rowid
 * order, as the index stores them. */
static const char search_scan[] =
	"SELECT p.uuid, " ROW_COLS " FROM people p"
	" WHERE p.deleted = 0 AND " RECORD_WORDS_IN("p.name_key")
	" ORDER BY p.deleted, p.sort_key, p.name_key, p.rowid LIMIT ?5";
/* The same rows in the same order from the trigram index, whose rowid is
 * the rank of the row in that order (db/schema.c, version 8): its matches
 * in rowid order are the walk's, so the first ?5 end the search (?6 the
 * match expression of records/namesearch.h). */
static const char search_index[] =
	"SELECT p.uuid, " ROW_COLS " FROM people_fts f CROSS JOIN people_rank r ON r.rank = f.rowid"
	" CROSS JOIN people p ON p.rowid = r.id"
	" WHERE people_fts MATCH ?6 AND p.deleted = 0 AND " RECORD_WORDS_IN("p.name_key")
	" ORDER BY f.rowid LIMIT ?5";
static const struct namesearch_ops search_ops0 = {
	.vocab = "SELECT term, doc FROM people_fts_vocab WHERE term >= ?1 AND term < ?2",
};

/* What one plan of people_search_how() needs and gives. */
struct search_arg {
	const char *query;
	size_t limit;
	void *rows;
};

/* namesearch_ops.run: the walk, or the index with match. */
static long search_run(struct sx_db *db, void *arg, const char *match, struct sx_err *err)
{
	struct search_arg *a = arg;
	sqlite3_stmt *st = db_stmt(db, match ? search_index : search_scan, err);
	long n;

	a->rows = NULL;
	if (!st)
		return -1;
	record_bind_search(st, 1, a->query);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)a->limit);
	if (match)
		sqlite3_bind_text(st, 6, match, -1, SQLITE_STATIC);
	n = record_rows(db, st, &row_shape, &a->rows, err);
	sqlite3_clear_bindings(st);
	return n;
}

long people_search_how(struct sx_db *db, const char *query, size_t limit, int how,
		       struct person_row **rows, struct sx_err *err)
{
	struct search_arg a = { query, limit, NULL };
	struct namesearch_ops ops = search_ops0;
	long n;

	ops.run = search_run;
	ops.arg = &a;
	n = namesearch_run(db, &ops, query, limit, how == PEOPLE_SEARCH_SCAN ? NAMESEARCH_WALK
			   : how == PEOPLE_SEARCH_INDEX ? NAMESEARCH_INDEX : NAMESEARCH_BEST, err);
	*rows = a.rows;
	return n;
}

long people_search(struct sx_db *db, const char *query, size_t limit,
		   struct person_row **rows, struct sx_err *err)
{
	return people_search_how(db, query, limit, PEOPLE_SEARCH_BEST, rows, err);
}

long people_duplicates(struct sx_db *db, const char *full_name, int birth_year,
		       const char *phone, const char *exclude_uuid, size_t limit,
		       struct person_row **rows, struct sx_err *err)
{
	/* "+p.deleted" keeps the planner off the (deleted, sort_key) index, so
	 * an index on name_key (when the schema has one) finds the few people
	 * with this exact name instead of walking the whole table. */
	sqlite3_stmt *st = db_stmt(db,
		"SELECT p.uuid, " ROW_COLS " FROM people p"
		" WHERE +p.deleted = 0 AND p.name_key = ?1 AND p.uuid <> ?2"
		" ORDER BY p.sort_key", err);
	char *key = text_fold(full_name ? full_name : "");
	char *pkey = people_phone_key(phone);
	int nothing = birth_year <= 0 && !*pkey;   /* a name alone never matches */
	void *v = NULL;
	size_t kept = 0;
	long n;

	free(pkey);
	*rows = NULL;
	if (!st || !key || !*key || nothing) {
		free(key);
		return st ? 0 : -1;
	}
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, exclude_uuid ? exclude_uuid : "", -1, SQLITE_STATIC);
	n = record_rows(db, st, &row_shape, &v, err);
	free(key);
	*rows = v;
	if (n < 0)
		return -1;
	for (size_t i = 0; i < (size_t)n; i++) {
		struct person_row *r = &(*rows)[i];
		if (kept < limit && people_likely_same(full_name, birth_year, phone,
						       r->full_name, r->birth_year, r->phone)) {
			struct person_row t = *r;
			t.likely_dup = 1;
			(*rows)[i] = (*rows)[kept];
			(*rows)[kept++] = t;
		}
	}
	for (size_t i = kept; i < (size_t)n; i++)
		record_clear(&row_shape, &(*rows)[i]);
	if (!kept) {
		free(*rows);
		*rows = NULL;
	}
	return (long)kept;
}

void people_rows_free(struct person_row *rows, size_t n)
{
	record_rows_free(&row_shape, rows, n);
}

char *people_phone_key(const char *phone)
{
	size_t len = phone ? strlen(phone) : 0, n = 0;
	char *d = xmalloc(len + 2);

	for (size_t i = 0; i < len; i++)
		if (isdigit((unsigned char)phone[i]))
			d[n++] = phone[i];
	d[n] = '\0';
	if (n > 9 && strncmp(d, "84", 2) == 0) {    /* +84 912…, 0084 … */
		memmove(d + 1, d + 2, n - 1);
		d[0] = '0';
		n--;
	} else if (n > 10 && strncmp(d, "0084", 4) == 0) {
		memmove(d + 1, d + 4, n - 3);
		n -= 3;
	}
	if (n < 6)
		d[0] = '\0';
	return d;
}

int people_likely_same(const char *name_a, int year_a, const char *phone_a,
		       const char *name_b, int year_b, const char *phone_b)
{
	char *ka = text_fold(name_a ? name_a : ""), *kb = text_fold(name_b ? name_b : "");
	char *pa, *pb;
	int same = ka && kb && *ka && strcmp(ka, kb) == 0, match = 0;

	free(ka);
	free(kb);
	if (!same)
		return 0;
	if (year_a > 0 && year_a == year_b)
		return 1;
	pa = people_phone_key(phone_a);
	pb = people_phone_key(phone_b);
	match = *pa && strcmp(pa, pb) == 0;
	free(pa);
	free(pb);
	return match;
}
