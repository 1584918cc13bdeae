/* facility.c — the facilities table through bound statements. */
#include "records/facility.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/mem.h"
#include "base/phone.h"
#include "base/text.h"
#include "records/namesearch.h"
#include "records/record.h"

const struct facility_code facility_sectors[] = {
	{ "cassava", N_("Cassava starch processing") },
	{ "coffee_wet", N_("Coffee, wet processing") },
	{ "coffee_dry", N_("Coffee, dry processing") },
	{ "sugar", N_("Cane sugar") },
	{ "other", N_("Other sector") },
};
const size_t facility_nsectors = sizeof facility_sectors / sizeof facility_sectors[0];

const struct facility_code facility_legal_forms[] = {
	{ "enterprise", N_("Enterprise") },
	{ "cooperative", N_("Cooperative") },
	{ "household", N_("Household business") },
};
const size_t facility_nlegal_forms = sizeof facility_legal_forms / sizeof facility_legal_forms[0];

/* The columns after the uuid, as the fields below list them. */
#define COLS "name, place_uuid, address, sector, legal_form, products, cp_potential," \
	" owner, contact, phone, informed_on, informed_reason, note"
#define PARAMS "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18"

#define FIELD(type, member) { RECORD_##type, offsetof(struct facility, member) }
static const struct record_field fields[] = {
	FIELD(UUID, uuid), FIELD(NAME, name), FIELD(TEXT, place_uuid), FIELD(TEXT, address),
	FIELD(TEXT, sector), FIELD(TEXT, legal_form), FIELD(TEXT, products),
	FIELD(INT, cp_potential), FIELD(TEXT, owner), FIELD(TEXT, contact), FIELD(TEXT, phone),
	FIELD(TEXT, informed_on), FIELD(TEXT, informed_reason), FIELD(TEXT, note),
};
#undef FIELD

static const struct record_kind kind = {
	.shape = RECORD_SHAPE(struct facility, fields),
	RECORD_SQL("facilities", COLS, PARAMS),
	.unknown = N_("no facility with id %s"),
	.nameless = N_("a facility needs a name"),
};

/* A line of the list: uuid, name, district, sector, assessments. */
#define FIELD(type, member) { RECORD_##type, offsetof(struct facility_row, member) }
static const struct record_field row_fields[] = {
	FIELD(UUID, uuid), FIELD(TEXT, name), FIELD(TEXT, place), FIELD(TEXT, sector),
	FIELD(INT, assessments),
};
#undef FIELD
static const struct record_shape row_shape = RECORD_SHAPE(struct facility_row, row_fields);

int facility_get(struct sx_db *db, const char *uuid, struct facility *f, struct sx_err *err)
{
	return record_get(db, &kind, uuid, f, err);
}

int facility_save(struct sx_db *db, struct facility *f, struct sx_err *err)
{
	char ph[PHONE_MAX];
	/* One stored form for a phone number (phone.h), as import stores it. */
	char *typed = f->phone;
	int rc;

	if (typed && phone_canon(typed, ph) == 0)
		f->phone = ph;   /* the caller's text stays the caller's */
	rc = record_save(db, &kind, f, err);
	f->phone = typed;
	return rc;
}

int facility_delete(struct sx_db *db, const char *uuid, struct sx_err *err)
{
	return record_delete(db, &kind, uuid, err);
}

void facility_clear(struct facility *f)
{
	record_clear(&kind.shape, f);
}

long facility_search(struct sx_db *db, const char *query, size_t limit,
		     struct facility_row **rows, struct sx_err *err)
{
	return facility_search_in(db, query, NULL, limit, rows, err);
}

/* Append item to the JSON array of strings *l ("[" so far, ids and codes
 * only: nothing to escape). */
static void add_item(char **l, const char *item)
{
	char *more = xasprintf("%s%s\"%s\"", *l, (*l)[1] ? "," : "", item);
	free(*l);
	*l = more;
}

/* For each word of query (split as record_bind_search does), the ids of
 * the places whose folded name contains it and the codes of the sectors
 * whose label (English, Vietnamese or the language shown) does, as JSON arrays, into
 * lists[i] and lists[RECORD_SEARCH_WORDS + i] ("[]" when none or no word).
 * 1 when a word is in some place's or sector's name. */
static int place_sector_words(struct sx_db *db, const char *query,
			      char *lists[2 * RECORD_SEARCH_WORDS])
{
	sqlite3_stmt *pl = db_stmt(db, "SELECT uuid, name FROM places WHERE deleted = 0", NULL);
	char *folded = text_fold(query ? query : ""), *save = NULL;
	char *w[RECORD_SEARCH_WORDS] = {0};
	char **places = lists, **sectors = lists + RECORD_SEARCH_WORDS;
	int nw = 0, any = 0;

	for (int k = 0; k < 2 * RECORD_SEARCH_WORDS; k++)
		lists[k] = xstrdup("[");
	for (char *t = folded ? strtok_r(folded, " ", &save) : NULL;
	     t && nw < RECORD_SEARCH_WORDS; t = strtok_r(NULL, " ", &save))
		w[nw++] = t;
	for (size_t i = 0; nw && i < facility_nsectors; i++) {
		/* Vietnamese too, whatever is shown: "san" finds cassava (F1 says so). */
		char *vi = i18n_text_in("vi", facility_sectors[i].label);
		char *both = xasprintf("%s %s %s", facility_sectors[i].label,
				       _(facility_sectors[i].label), vi), *key = text_fold(both);
		for (int k = 0; key && k < nw; k++)
			if (strstr(key, w[k])) {
				add_item(&sectors[k], facility_sectors[i].code);
				any = 1;
			}
		free(key);
		free(both);
		free(vi);
	}
	while (pl && nw && sqlite3_step(pl) == SQLITE_ROW) {
		char *key = text_fold((const char *)sqlite3_column_text(pl, 1));
		for (int k = 0; key && k < nw; k++)
			if (strstr(key, w[k])) {
				add_item(&places[k], (const char *)sqlite3_column_text(pl, 0));
				any = 1;
			}
		free(key);
	}
	if (pl)
		sqlite3_reset(pl);
	for (int k = 0; k < 2 * RECORD_SEARCH_WORDS; k++) {
		char *closed = xasprintf("%s]", lists[k]);
		free(lists[k]);
		lists[k] = closed;
	}
	free(folded);
	return any;
}

/* The columns of a row of facility_search_in() for the facility f. */
#define SEARCH_COLS \
	"SELECT f.uuid, f.name, coalesce(p.name, ''), coalesce(f.sector, '')," \
	" (SELECT count(*) FROM assessments a WHERE a.facility_uuid = f.uuid AND a.deleted = 0)"
/* The facilities that match ?1..?4 within the place ?6 ("" for all). */
#define SEARCH_WHERE \
	" f.deleted = 0 AND " RECORD_WORDS_IN("f.name_key") \
	" AND (?6 = '' OR f.place_uuid = ?6 OR p.parent_uuid = ?6 OR p.successor_uuid = ?6)"
#define SEARCH_ORDER " ORDER BY f.sort_key, f.name_key, f.rowid"
/* The index on (deleted, sort_key, name_key) yields rows in Vietnamese
 * order, so a screenful of matches costs a partial scan, not a sort; ties
 * end in rowid order, as the index stores them. */
static const char search_scan[] =
	SEARCH_COLS " FROM facilities f LEFT JOIN places p ON p.uuid = f.place_uuid"
	" WHERE" SEARCH_WHERE " ORDER BY f.deleted, f.sort_key, f.name_key, f.rowid LIMIT ?5";
/* The same rows in the same order from the trigram index's candidates
 * (?7 the match expression of records/namesearch.h); the assessments are
 * counted for the rows shown only. */
static const char search_index[] =
	SEARCH_COLS " FROM (SELECT f.rowid AS id FROM facilities_fts x CROSS JOIN facilities f"
	" LEFT JOIN places p ON p.uuid = f.place_uuid"
	" WHERE facilities_fts MATCH ?7 AND f.rowid = x.rowid AND" SEARCH_WHERE SEARCH_ORDER
	" LIMIT ?5) c CROSS JOIN facilities f ON f.rowid = c.id"
	" LEFT JOIN places p ON p.uuid = f.place_uuid" SEARCH_ORDER;
/* A word may also be in the place's name or the sector's label ("mai son"
 * finds the facilities of Mai Sơn): then this scan, whatever the plan. */
/* Word ?n is in the name, or the facility's place is in the JSON array ?p,
 * or its sector in ?sec (place_sector_words); an empty word matches at once. */
#define WORD_IN(n, p, sec) "(instr(f.name_key, ?" #n ") OR f.place_uuid IN (SELECT value" \
	" FROM json_each(?" #p ")) OR f.sector IN (SELECT value FROM json_each(?" #sec ")))"
static const char search_wide[] =
	SEARCH_COLS " FROM facilities f LEFT JOIN places p ON p.uuid = f.place_uuid"
	" WHERE f.deleted = 0 AND " WORD_IN(1, 21, 25) " AND " WORD_IN(2, 22, 26)
	" AND " WORD_IN(3, 23, 27) " AND " WORD_IN(4, 24, 28)
	" AND (?6 = '' OR f.place_uuid = ?6 OR p.parent_uuid = ?6 OR p.successor_uuid = ?6)"
	" ORDER BY f.deleted, f.sort_key, f.name_key, f.rowid LIMIT ?5";
static const struct namesearch_ops search_ops0 = {
	.max_rowid = "SELECT max(rowid) FROM facilities",
	.count = "SELECT count(*) FROM (SELECT 1 FROM facilities_fts WHERE facilities_fts MATCH ?1"
		" LIMIT ?2)",
	.vocab = "SELECT term, doc FROM facilities_fts_vocab WHERE term >= ?1 AND term < ?2",
};

/* What one plan of facility_search_how() needs and gives. */
struct search_arg {
	const char *query, *place;
	size_t limit;
	char **lists;   /* place_sector_words() when a word names one, else NULL */
	void *rows;
};

/* namesearch_ops.run: the wide scan (a word names a place or sector), the
 * walk, or the index with match. */
static long search_run(struct sx_db *db, void *arg, const char *match, struct sx_err *err)
{
	struct search_arg *a = arg;
	sqlite3_stmt *st = db_stmt(db, a->lists ? search_wide : match ? search_index : search_scan,
				   err);
	long n;

	a->rows = NULL;
	if (!st)
		return -1;
	record_bind_search(st, 1, a->query);
	for (int k = 0; a->lists && k < 2 * RECORD_SEARCH_WORDS; k++)
		sqlite3_bind_text(st, 21 + k, a->lists[k], -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)a->limit);
	sqlite3_bind_text(st, 6, a->place ? a->place : "", -1, SQLITE_TRANSIENT);
	if (match && !a->lists)
		sqlite3_bind_text(st, 7, match, -1, SQLITE_STATIC);
	n = record_rows(db, st, &row_shape, &a->rows, err);
	sqlite3_clear_bindings(st);
	return n;
}

long facility_search_how(struct sx_db *db, const char *query, const char *place, size_t limit,
			 int how, struct facility_row **rows, struct sx_err *err)
{
	char *lists[2 * RECORD_SEARCH_WORDS];
	int wide = place_sector_words(db, query, lists);
	struct search_arg a = { query, place, limit, wide ? lists : NULL, NULL };
	struct namesearch_ops ops = search_ops0;
	long n;

	ops.run = search_run;
	ops.arg = &a;
	/* A word in a place's or sector's name: the wide scan, whatever the plan. */
	n = namesearch_run(db, &ops, query, limit, how == FACILITY_SEARCH_SCAN || wide
			   ? NAMESEARCH_WALK : how == FACILITY_SEARCH_INDEX ? NAMESEARCH_INDEX
			   : NAMESEARCH_BEST, err);
	for (int k = 0; k < 2 * RECORD_SEARCH_WORDS; k++)
		free(lists[k]);
	*rows = a.rows;
	return n;
}

long facility_search_in(struct sx_db *db, const char *query, const char *place, size_t limit,
			struct facility_row **rows, struct sx_err *err)
{
	return facility_search_how(db, query, place, limit, FACILITY_SEARCH_BEST, rows, err);
}

void facility_rows_free(struct facility_row *rows, size_t n)
{
	record_rows_free(&row_shape, rows, n);
}
