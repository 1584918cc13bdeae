/* people.c — the people table through bound statements. */
#include "records/people.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/i18n.h"
#include "records/record.h"
#include "base/mem.h"
#include "base/text.h"
#include "base/uuid.h"

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

/* Column order shared by person_get() and person_save(). */
#define PERSON_COLS "full_name, gender, birth_year, ethnicity, phone, unit, position," \
	" place_uuid, category, on_roster, facility_uuid, note"

/* Columns of a list row, after the uuid (see read_row). */
#define ROW_COLS "p.full_name, coalesce(p.birth_year, 0), coalesce(p.phone, ''), " \
	"coalesce(p.unit, ''), coalesce(p.category, ''), p.on_roster"

static char *dup_col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? xstrdup((const char *)s) : NULL;
}

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
	sqlite3_stmt *st = db_stmt(db, "SELECT " PERSON_COLS " FROM people"
				   " WHERE uuid = ? AND deleted = 0", err);
	int rc;

	memset(p, 0, sizeof *p);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(p->uuid, sizeof p->uuid, "%s", uuid);
		p->full_name = dup_col(st, 0);
		p->gender = dup_col(st, 1);
		p->birth_year = sqlite3_column_int(st, 2);
		p->ethnicity = dup_col(st, 3);
		p->phone = dup_col(st, 4);
		p->unit = dup_col(st, 5);
		p->position = dup_col(st, 6);
		p->place_uuid = dup_col(st, 7);
		p->category = dup_col(st, 8);
		p->on_roster = sqlite3_column_int(st, 9);
		p->facility_uuid = dup_col(st, 10);
		p->note = dup_col(st, 11);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		sx_err_add(err, NULL, 0, _("no person with id %s"), uuid);
	else
		db_fail(db, err);
	return -1;
}

/* The trimmed NFC name, or NULL (with err) when it is empty or invalid. */
static char *checked_name(const struct person *p, struct sx_err *err)
{
	char *nfc = p->full_name ? text_nfc(p->full_name) : NULL;
	char *name = text_trim(nfc ? nfc : "");
	free(nfc);
	if (!*name) {
		free(name);
		sx_err_add(err, NULL, 0, _("a person needs a full name"));
		return NULL;
	}
	if (p->birth_year && (p->birth_year < 1900 || p->birth_year > 2100)) {
		free(name);
		sx_err_add(err, NULL, 0, _("the year of birth must be between 1900 and 2100"));
		return NULL;
	}
	return name;
}

int person_save(struct sx_db *db, struct person *p, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"INSERT INTO people (uuid, updated_at, origin, deleted, name_key, sort_key, "
		PERSON_COLS ") VALUES (?1, ?2, ?3, 0, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
		" ?13, ?14, ?15, ?16, ?17) ON CONFLICT (uuid) DO UPDATE SET updated_at = ?2,"
		" origin = ?3, name_key = ?4, sort_key = ?5, full_name = ?6, gender = ?7,"
		" birth_year = ?8, ethnicity = ?9, phone = ?10, unit = ?11, position = ?12,"
		" place_uuid = ?13, category = ?14, on_roster = ?15, facility_uuid = ?16,"
		" note = ?17", err);
	char *name = checked_name(p, err);
	int rc;

	if (!name || !st) {
		free(name);
		return -1;
	}
	if (!p->uuid[0])
		uuid_v7(p->uuid);
	sqlite3_bind_text(st, 1, p->uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, clock_now_ms());
	sqlite3_bind_text(st, 3, db_origin(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, text_fold(name), -1, free);
	sqlite3_bind_text(st, 5, text_collate_key(name), -1, free);
	sqlite3_bind_text(st, 6, name, -1, free);
	record_bind_text(st, 7, p->gender);
	if (p->birth_year)
		sqlite3_bind_int(st, 8, p->birth_year);
	record_bind_text(st, 9, p->ethnicity);
	record_bind_text(st, 10, p->phone);
	record_bind_text(st, 11, p->unit);
	record_bind_text(st, 12, p->position);
	record_bind_text(st, 13, p->place_uuid);
	record_bind_text(st, 14, p->category);
	sqlite3_bind_int(st, 15, p->on_roster != 0);
	record_bind_text(st, 16, p->facility_uuid);
	record_bind_text(st, 17, p->note);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

int person_delete(struct sx_db *db, const char *uuid, struct sx_err *err)
{
	return record_tombstone(db, "people", uuid, err);
}

void person_clear(struct person *p)
{
	char *fields[] = { p->full_name, p->gender, p->ethnicity, p->phone, p->unit,
			   p->position, p->place_uuid, p->category, p->facility_uuid, p->note };
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		free(fields[i]);
	memset(p, 0, sizeof *p);
}

static void free_strings(struct person_row *rows, size_t n);

/* Append the current result row (uuid, then ROW_COLS) to *rows. */
static void read_row(sqlite3_stmt *st, struct person_row **rows, size_t *n, size_t *cap)
{
	struct person_row *r;
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		*rows = xreallocarray(*rows, *cap, sizeof **rows);
	}
	r = &(*rows)[(*n)++];
	memset(r, 0, sizeof *r);
	snprintf(r->uuid, sizeof r->uuid, "%s", (const char *)sqlite3_column_text(st, 0));
	r->full_name = dup_col(st, 1);
	r->birth_year = sqlite3_column_int(st, 2);
	r->phone = dup_col(st, 3);
	r->unit = dup_col(st, 4);
	r->category = dup_col(st, 5);
	r->on_roster = sqlite3_column_int(st, 6);
}

long people_search(struct sx_db *db, const char *query, size_t limit,
		   struct person_row **rows, struct sx_err *err)
{
	/* The index on (deleted, sort_key) yields rows in Vietnamese order, so
	 * a screenful of matches costs a partial scan, not a sort. */
	sqlite3_stmt *st = db_stmt(db,
		"SELECT p.uuid, " ROW_COLS " FROM people p"
		" WHERE p.deleted = 0 AND instr(p.name_key, ?1) AND instr(p.name_key, ?2)"
		" AND instr(p.name_key, ?3) AND instr(p.name_key, ?4)"
		" ORDER BY p.deleted, p.sort_key LIMIT ?5", err);
	size_t n = 0, cap = 0;
	int rc;

	*rows = NULL;
	if (!st)
		return -1;
	record_bind_search(st, 1, query);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		read_row(st, rows, &n, &cap);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		people_rows_free(*rows, n);
		*rows = NULL;
		return db_fail(db, err);
	}
	return (long)n;
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
	size_t n = 0, cap = 0, kept = 0;
	int rc;

	free(pkey);
	*rows = NULL;
	if (!st || !key || !*key || nothing) {
		free(key);
		return st ? 0 : -1;
	}
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, exclude_uuid ? exclude_uuid : "", -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		read_row(st, rows, &n, &cap);
	sqlite3_reset(st);
	free(key);
	if (rc != SQLITE_DONE) {
		people_rows_free(*rows, n);
		*rows = NULL;
		return db_fail(db, err);
	}
	for (size_t i = 0; i < n; i++) {
		struct person_row *r = &(*rows)[i];
		if (kept < limit && people_likely_same(full_name, birth_year, phone,
						       r->full_name, r->birth_year, r->phone)) {
			struct person_row t = *r;
			t.likely_dup = 1;
			(*rows)[i] = (*rows)[kept];
			(*rows)[kept++] = t;
		}
	}
	if (*rows)   /* no rows: NULL, and NULL + 0 is undefined (clang's UBSan) */
		free_strings(*rows + kept, n - kept);
	if (!kept) {
		free(*rows);
		*rows = NULL;
	}
	return (long)kept;
}

static void free_strings(struct person_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].full_name);
		free(rows[i].phone);
		free(rows[i].unit);
		free(rows[i].category);
	}
}

void people_rows_free(struct person_row *rows, size_t n)
{
	free_strings(rows, n);
	free(rows);
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
