/* facility.c — the facilities table through bound statements. */
#include "records/facility.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/mem.h"
#include "base/phone.h"
#include "base/text.h"
#include "records/namesearch.h"
#include "records/places.h"
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

/* Sector i's label in Vietnamese, looked up once (the catalogue does not
 * change while sxsh runs; a lookup in another language resets gettext's
 * cache, too dear for every keystroke).  Owned here, kept until exit. */
static const char *sector_label_vi(size_t i)
{
	static char **vi;

	if (!vi) {
		vi = xcalloc(facility_nsectors, sizeof *vi);
		for (size_t k = 0; k < facility_nsectors; k++)
			vi[k] = i18n_text_in("vi", facility_sectors[k].label);
	}
	return vi[i];
}

/* For each word of query (split as record_bind_search does), the ids of
 * the places one of whose names (records/places.h: the name or another
 * spelling) contains it and the codes of the sectors whose label (English,
 * Vietnamese or the language shown) does, as JSON arrays, into lists[i] and
 * lists[RECORD_SEARCH_WORDS + i] ("[]" when none or no word).  The place
 * names come folded from places_keys(), kept while the data stays the same.
 * 1 when a word is in some place's or sector's name. */
static int place_sector_words(struct sx_db *db, const char *query,
			      char *lists[2 * RECORD_SEARCH_WORDS])
{
	const struct place_keys *pk = NULL;
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
		char *both = xasprintf("%s %s %s", facility_sectors[i].label,
				       _(facility_sectors[i].label), sector_label_vi(i));
		char *key = text_fold(both);
		for (int k = 0; key && k < nw; k++)
			if (strstr(key, w[k])) {
				add_item(&sectors[k], facility_sectors[i].code);
				any = 1;
			}
		free(key);
		free(both);
	}
	if (nw)
		pk = places_keys(db, NULL);
	for (size_t i = 0; pk && i < pk->n; i++)
		for (int k = 0; k < nw; k++)
			if (places_key_has(pk->v[i].key, w[k])) {
				add_item(&places[k], pk->v[i].uuid);
				any = 1;
			}
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
/* The same rows in the same order from the trigram index, whose rowid is
 * the rank of the row in that order (db/schema.c, version 8): its first ?5
 * matches in rowid order are the answer (?7 the match expression of
 * records/namesearch.h); the assessments are counted for the rows shown
 * only. */
static const char search_index[] =
	SEARCH_COLS " FROM (SELECT f.rowid AS id, x.rowid AS rk FROM facilities_fts x"
	" CROSS JOIN facilities_rank r ON r.rank = x.rowid CROSS JOIN facilities f ON f.rowid = r.id"
	" LEFT JOIN places p ON p.uuid = f.place_uuid"
	" WHERE facilities_fts MATCH ?7 AND" SEARCH_WHERE " ORDER BY x.rowid"
	" LIMIT ?5) c CROSS JOIN facilities f ON f.rowid = c.id"
	" LEFT JOIN places p ON p.uuid = f.place_uuid ORDER BY c.rk";
/* Word ?n is in the name, or the facility's place is in the JSON array ?p,
 * or its sector in ?sec (place_sector_words); an empty word matches at once. */
#define WORD_IN(n, p, sec) "(instr(f.name_key, ?" #n ") OR f.place_uuid IN (SELECT value" \
	" FROM json_each(?" #p ")) OR f.sector IN (SELECT value FROM json_each(?" #sec ")))"
/* A word may also be in the place's name or the sector's label ("mai son"
 * finds the facilities of Mai Sơn): then this walk, in the index that holds
 * the place and the sector too (db/schema.c, step 6: no row is read until it
 * matches; ties on the name are sorted by rowid as the other ways give them),
 * or search_wide_index below when one word's candidates are few. */
static const char search_wide[] =
	SEARCH_COLS " FROM facilities f INDEXED BY facilities_walk"
	" LEFT JOIN places p ON p.uuid = f.place_uuid"
	" WHERE f.deleted = 0 AND " WORD_IN(1, 21, 25) " AND " WORD_IN(2, 22, 26)
	" AND " WORD_IN(3, 23, 27) " AND " WORD_IN(4, 24, 28)
	" AND (?6 = '' OR f.place_uuid = ?6 OR p.parent_uuid = ?6 OR p.successor_uuid = ?6)"
	" ORDER BY f.deleted, f.sort_key, f.name_key, f.rowid LIMIT ?5";
/* search_wide from the candidates of one word ?7 (an FTS5 phrase), the
 * places ?8 and the sectors ?9 it names (place_sector_words): every row that
 * matches has that word in its name, place or sector, so these candidates
 * hold them all, fetched through the trigram, place and sector indexes. */
#define WIDE_CANDIDATES \
	" (SELECT r.id FROM facilities_fts x CROSS JOIN facilities_rank r ON r.rank = x.rowid" \
	" WHERE facilities_fts MATCH ?7" \
	" UNION SELECT rowid FROM facilities WHERE place_uuid IN (SELECT value FROM json_each(?8))" \
	" UNION SELECT rowid FROM facilities WHERE sector IN (SELECT value FROM json_each(?9)))"
static const char search_wide_index[] =
	SEARCH_COLS " FROM (SELECT f.rowid AS id FROM" WIDE_CANDIDATES " x CROSS JOIN facilities f"
	" LEFT JOIN places p ON p.uuid = f.place_uuid"
	" WHERE f.rowid = x.id AND f.deleted = 0 AND " WORD_IN(1, 21, 25) " AND " WORD_IN(2, 22, 26)
	" AND " WORD_IN(3, 23, 27) " AND " WORD_IN(4, 24, 28)
	" AND (?6 = '' OR f.place_uuid = ?6 OR p.parent_uuid = ?6 OR p.successor_uuid = ?6)"
	SEARCH_ORDER " LIMIT ?5) c CROSS JOIN facilities f ON f.rowid = c.id"
	" LEFT JOIN places p ON p.uuid = f.place_uuid" SEARCH_ORDER;
/* search_wide from the trigram index's matches of the words that name no
 * place and no sector (?7: they must be in the name), which come in the
 * walk's order (the index's rowid is the rank, db/schema.c version 8). */
static const char search_wide_ordered[] =
	SEARCH_COLS " FROM (SELECT f.rowid AS id, x.rowid AS rk FROM facilities_fts x"
	" CROSS JOIN facilities_rank r ON r.rank = x.rowid CROSS JOIN facilities f ON f.rowid = r.id"
	" LEFT JOIN places p ON p.uuid = f.place_uuid"
	" WHERE facilities_fts MATCH ?7 AND f.deleted = 0 AND " WORD_IN(1, 21, 25)
	" AND " WORD_IN(2, 22, 26) " AND " WORD_IN(3, 23, 27) " AND " WORD_IN(4, 24, 28)
	" AND (?6 = '' OR f.place_uuid = ?6 OR p.parent_uuid = ?6 OR p.successor_uuid = ?6)"
	" ORDER BY x.rowid LIMIT ?5) c CROSS JOIN facilities f ON f.rowid = c.id"
	" LEFT JOIN places p ON p.uuid = f.place_uuid ORDER BY c.rk";
/* How many candidates (up to ?4) one word's would be: those of each part,
 * a row counted once per part it is in. */
static const char wide_count[] =
	"SELECT count(*) FROM (SELECT 1 FROM facilities_fts WHERE facilities_fts MATCH ?1"
	" UNION ALL SELECT 1 FROM facilities WHERE place_uuid IN (SELECT value FROM json_each(?2))"
	" UNION ALL SELECT 1 FROM facilities WHERE sector IN (SELECT value FROM json_each(?3))"
	" LIMIT ?4)";

/* The word ?1 as an FTS5 phrase ("mai", quotes doubled), or NULL when it
 * has fewer than 3 characters (the trigram index cannot find it). */
static char *phrase(const char *w)
{
	size_t n = 0;
	char *o, *out;

	for (const char *c = w; *c; c++)
		n += ((unsigned char)*c & 0xC0) != 0x80;
	if (n < 3)
		return NULL;
	out = o = xmalloc(2 * strlen(w) + 3);
	*o++ = '"';
	for (const char *c = w; *c; c++) {
		if (*c == '"')
			*o++ = '"';
		*o++ = *c;
	}
	*o++ = '"';
	*o = '\0';
	return out;
}

/* For a query whose words may be in place names or sector labels: the word
 * whose candidates (name, place or sector: WIDE_CANDIDATES) are fewest, if
 * they are few enough that fetching them costs less than walking the sort
 * index (the bound of records/namesearch.h).  Its phrase into *match and its
 * index into *word; 1 when there is one, 0 when the walk is cheaper, -1. */
static int wide_driver(struct sx_db *db, const char *query, char *const lists[],
		       size_t limit, char **match, int *word, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT max(rowid) FROM facilities", err);
	char *folded = text_fold(query ? query : ""), *save = NULL;
	double rows = 0, cap;
	long best = -1;
	int k = 0, rc = 0;

	*match = NULL;
	if (!st || !folded) {
		free(folded);
		return st ? 0 : -1;
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		rows = sqlite3_column_double(st, 0);
	sqlite3_reset(st);
	cap = sqrt(rows * (double)limit / NAMESEARCH_COST_RATIO);
	st = db_stmt(db, wide_count, err);
	for (char *t = strtok_r(folded, " ", &save); st && t && k < RECORD_SEARCH_WORDS;
	     t = strtok_r(NULL, " ", &save), k++) {
		char *m = phrase(t);
		long n;
		if (!m)
			continue;
		sqlite3_bind_text(st, 1, m, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, lists[k], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, lists[RECORD_SEARCH_WORDS + k], -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, (sqlite3_int64)cap + 1);
		n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		if (n < 0) {
			free(m);
			rc = db_fail(db, err);
			break;
		}
		if (n <= (long)cap && (best < 0 || n < best)) {
			free(*match);
			*match = m;
			*word = k;
			best = n;
		} else {
			free(m);
		}
	}
	free(folded);
	if (rc < 0 || !st) {
		free(*match);
		*match = NULL;
		return -1;
	}
	return *match != NULL;
}

static const struct namesearch_ops search_ops0 = {
	.vocab = "SELECT term, doc FROM facilities_fts_vocab WHERE term >= ?1 AND term < ?2",
};

/* For a query with place or sector words: the trigram expression of its
 * words that name no place and no sector (records/namesearch.h), when
 * their candidates are at most twice the bound of wide_driver() (the
 * ordered plan then reads at most those), else NULL (also on an error, in
 * err, and when there is no such word). */
static char *name_only(struct sx_db *db, const char *query, char *const lists[], size_t limit,
		       struct sx_err *err)
{
	char *folded = text_fold(query ? query : ""), *save = NULL, *words, *expr = NULL;
	sqlite3_stmt *st;
	struct namesearch q;
	double fewest, rows = 0, cap;
	size_t len = 0;
	int k = 0;

	if (!folded)
		return NULL;
	words = xmalloc(strlen(folded) + 1);
	for (char *t = strtok_r(folded, " ", &save); t && k < RECORD_SEARCH_WORDS;
	     t = strtok_r(NULL, " ", &save), k++) {
		if (strcmp(lists[k], "[]") != 0 || strcmp(lists[RECORD_SEARCH_WORDS + k], "[]") != 0)
			continue;
		len += (size_t)sprintf(words + len, "%s%s", len ? " " : "", t);
	}
	words[len] = '\0';
	free(folded);
	namesearch_parse(words, &q);
	free(words);
	if (!q.nwords || !(st = db_stmt(db, "SELECT max(rowid) FROM facilities", err))) {
		namesearch_free(&q);
		return NULL;
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		rows = sqlite3_column_double(st, 0);
	sqlite3_reset(st);
	cap = 2 * sqrt(rows * (double)limit / NAMESEARCH_COST_RATIO);
	/* A short word in more rows than that is left out (it could not make
	 * the candidates few; listing its trigrams would cost more). */
	expr = namesearch_expand(db, search_ops0.vocab, &q, 1, cap, &fewest, err);
	namesearch_free(&q);
	if (!expr || !*expr || !(st = db_stmt(db, "SELECT count(*) FROM (SELECT 1 FROM facilities_fts"
			   " WHERE facilities_fts MATCH ?1 LIMIT ?2)", err))) {
		free(expr);
		return NULL;
	}
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)cap + 1);
	if (sqlite3_step(st) != SQLITE_ROW || sqlite3_column_double(st, 0) > cap) {
		free(expr);
		expr = NULL;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return expr;
}


/* What one plan of facility_search_how() needs and gives. */
struct search_arg {
	const char *query, *place;
	size_t limit;
	char **lists;   /* place_sector_words() when a word names one, else NULL */
	const char *wide_match; /* wide_driver()'s word, NULL for the wide walk */
	const char *ordered;    /* the name-only words' expression (search_wide_ordered) */
	int word;               /* its index */
	void *rows;
};

/* namesearch_ops.run: with lists, the wide walk or the candidates of the
 * wide driver's word; else the walk, or the index with match. */
static long search_run(struct sx_db *db, void *arg, const char *match, struct sx_err *err)
{
	struct search_arg *a = arg;
	const char *sql = a->lists ? a->ordered ? search_wide_ordered
		: a->wide_match ? search_wide_index : search_wide
		: match ? search_index : search_scan;
	sqlite3_stmt *st = db_stmt(db, sql, err);
	long n;

	a->rows = NULL;
	if (!st)
		return -1;
	record_bind_search(st, 1, a->query);
	for (int k = 0; a->lists && k < 2 * RECORD_SEARCH_WORDS; k++)
		sqlite3_bind_text(st, 21 + k, a->lists[k], -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)a->limit);
	sqlite3_bind_text(st, 6, a->place ? a->place : "", -1, SQLITE_TRANSIENT);
	if (a->lists && a->ordered) {
		sqlite3_bind_text(st, 7, a->ordered, -1, SQLITE_STATIC);
	} else if (a->lists && a->wide_match) {
		sqlite3_bind_text(st, 7, a->wide_match, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 8, a->lists[a->word], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 9, a->lists[RECORD_SEARCH_WORDS + a->word], -1, SQLITE_STATIC);
	} else if (match && !a->lists) {
		sqlite3_bind_text(st, 7, match, -1, SQLITE_STATIC);
	}
	n = record_rows(db, st, &row_shape, &a->rows, err);
	sqlite3_clear_bindings(st);
	return n;
}

long facility_search_how(struct sx_db *db, const char *query, const char *place, size_t limit,
			 int how, struct facility_row **rows, struct sx_err *err)
{
	char *lists[2 * RECORD_SEARCH_WORDS], *match = NULL;
	int wide = place_sector_words(db, query, lists), word = 0;
	struct search_arg a = { query, place, limit, wide ? lists : NULL, NULL, NULL, 0, NULL };
	struct namesearch_ops ops = search_ops0;
	long n = -1;

	ops.run = search_run;
	ops.arg = &a;
	if (wide) {
		/* A word in a place's or sector's name: the wide walk, or the
		 * candidates of its rarest word when they are few. */
		char *ordered = how == FACILITY_SEARCH_SCAN ? NULL
			: name_only(db, query, lists, limit, err);
		if (ordered) {
			a.ordered = ordered;
			n = search_run(db, &a, NULL, err);
			free(ordered);
			goto done;
		}
		int idx = how == FACILITY_SEARCH_SCAN ? 0
			: wide_driver(db, query, lists, limit, &match, &word, err);
		a.wide_match = idx > 0 ? match : NULL;
		a.word = word;
		if (idx >= 0)
			n = search_run(db, &a, NULL, err);
	} else {
		n = namesearch_run(db, &ops, query, limit, how == FACILITY_SEARCH_SCAN
				   ? NAMESEARCH_WALK : how == FACILITY_SEARCH_INDEX ? NAMESEARCH_INDEX
				   : NAMESEARCH_BEST, err);
	}
done:
	free(match);
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
