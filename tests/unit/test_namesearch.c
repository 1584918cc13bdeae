/* test_namesearch.c — the trigram index gives the same search results as
 * the sort-index walk (same rows, same order, same limit) on generated
 * Vietnamese names, whatever the query: accents or none, đ/Đ, capitals,
 * decomposed (NFD) input, 1- and 2-character words, more than four words,
 * quotes; by each plan (the best, the best after a first walk stopped at
 * once, the index alone); and it follows saves, renames, deletions and
 * the migration; its rowids, the ranks of the live rows in the walk's
 * order (schema step 8), follow every kind of write. */
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "t_db.h"
#include "db/db.h"
#include "db/schema.h"
#include "records/facility.h"
#include "records/namesearch.h"
#include "records/people.h"

static const char *const family[] = { "Lò", "Cầm", "Quàng", "Nguyễn", "Đặng", "Lường", "Hà",
				      "Đinh", "Điêu", "Bạc" };
static const char *const middle[] = { "Văn", "Thị", "Đức", "Ngọc", "Thu" };
static const char *const given[] = { "Người", "Hoa", "Dũng", "Xuân", "Thắng", "Ánh", "Hùng",
				     "Mai", "Sơn", "Lan", "Tuấn", "Đông", "Ðào" };

/* Every query of the comparison: typed as officers type them. */
static const char *const queries[] = {
	"", "n", "d", "đ", "Đ", "a", "lo", "Lò", "ng", "nguoi", "NGƯỜI", "Ngu\xcc\x9b\xcc\x80o\xcc\x9b\xcc\x80i",
	"dang", "Đặng", "D\xcc\xa3\xc4\x83\xcc\x80ng", "dinh", "dieu", "đông", "dong", "dao",
	"lo van", "lo thi hung", "van 19", "thi hoa 1", "1", "19", "199", "1999", "3999",
	"hung 7", "ung", "uan", "a a a a", "lo van nguoi 12 xyz", "xyz", "\"", "a\"b", "van\"",
	"  cầm   thu  ", "NGUYEN VAN", "ọc", "ngọc 3", "a bo cong ty tinh bot", "d thi hung lan", "0", "00", "000", "thu thu",
	/* 1- and 2-character words served by the index: rare, absent, at the
	 * end of the name (the last digit), the whole name, several of them. */
	"xy", "z", "q", "ơ", "7", "49", "u", "hu", "lo ha", "a 1 b 2", "đ o", "vu", "ba", "o 9",
	"thi 7", "van 49", "uan 3", "ao", "tu", "Ð", "ti", "a", NULL,
};

/* The uuids of two result lists are the same, in the same order. */
static int same_people(const struct person_row *a, long na, const struct person_row *b, long nb)
{
	if (na != nb)
		return 0;
	for (long i = 0; i < na; i++)
		if (strcmp(a[i].uuid, b[i].uuid) != 0)
			return 0;
	return 1;
}

static int same_facilities(const struct facility_row *a, long na, const struct facility_row *b,
			   long nb)
{
	if (na != nb)
		return 0;
	for (long i = 0; i < na; i++)
		if (strcmp(a[i].uuid, b[i].uuid) != 0 || a[i].assessments != b[i].assessments)
			return 0;
	return 1;
}

/* 4,000 people (more than the index serves for a common word), names
 * repeated so that ties in the sort key occur; a few written decomposed. */
static void add_people(struct sx_db *db)
{
	struct sx_err e = {0};
	CHECK_INT(db_exec(db, "BEGIN", &e), 0);
	for (int i = 0; i < 4000; i++) {
		char name[160];
		struct person p = {0};
		if (i % 401 == 7)  /* names of one or two characters */
			snprintf(name, sizeof name, "%s", i % 2 ? "Vũ" : "A");
		else if (i % 97 == 5)   /* "Nguyễn Đức Người" decomposed */
			snprintf(name, sizeof name, "Nguye\xcc\x82\xcc\x83n \xc4\x90u\xcc\x9b\xcc\x81" "c %d", i % 40);
		else
			snprintf(name, sizeof name, "%s %s %s %d", family[i % 10], middle[(i / 10) % 5],
				 given[(i / 50) % 13], i % 650);
		p.full_name = name;
		p.birth_year = 1950 + i % 50;
		CHECK_INT(person_save(db, &p, &e), 0);
	}
	CHECK_INT(db_exec(db, "COMMIT", &e), 0);
	CHECK_INT(sx_err_count(&e), 0);
	sx_err_clear(&e);
}

static void compare_people(struct sx_db *db, size_t limit)
{
	for (const char *const *q = queries; *q; q++) {
		struct sx_err e = {0};
		struct person_row *a, *b;
		long nb = people_search_how(db, *q, limit, PEOPLE_SEARCH_SCAN, &b, &e);
		for (int how = PEOPLE_SEARCH_BEST; how <= PEOPLE_SEARCH_INDEX; how += 2) {
			long na = people_search_how(db, *q, limit, how, &a, &e);
			CHECK_INT(sx_err_count(&e), 0);
			if (!same_people(a, na, b, nb)) {
				t_failures++;
				fprintf(stderr, "%s:%d: people \"%s\" limit %zu: %ld rows by the %s,"
					" %ld by the walk, or another order\n", __FILE__, __LINE__, *q,
					limit, na, how ? "index" : "best plan", nb);
			}
			people_rows_free(a, na > 0 ? (size_t)na : 0);
		}
		people_rows_free(b, nb > 0 ? (size_t)nb : 0);
		sx_err_clear(&e);
	}
}

static long long count(struct sx_db *db, const char *sql)
{
	sqlite3_stmt *st;
	long long n = -1;
	if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void test_match_expression(void)
{
	struct namesearch q;
	namesearch_parse("  Người  đi 1999 \"x\"y 5th-word  ", &q);
	CHECK_STR(q.match, "\"nguoi\" \"1999\" \"\"\"x\"\"y\"");
	CHECK_INT(q.shorts, 1);
	namesearch_free(&q);
	/* A short first word, then long ones (the buffer holds them all). */
	namesearch_parse("Na Bó Coffee Cooperatives", &q);
	CHECK_STR(q.match, "\"coffee\" \"cooperatives\"");
	namesearch_free(&q);
	namesearch_parse("Lò", &q);
	CHECK_STR(q.match, "");
	CHECK_INT(q.shorts, 1);
	namesearch_free(&q);
	namesearch_parse(NULL, &q);
	CHECK_STR(q.match, "");
	CHECK_INT(q.shorts, 0);
	namesearch_free(&q);
	/* Characters, not bytes: "ơi" is 2 characters in 3 bytes. */
	namesearch_parse("ơi đôi", &q);
	CHECK_STR(q.match, "\"doi\"");
	namesearch_free(&q);
}

static void test_people_same_as_walk(void)
{
	char path[128];
	struct sx_db *db = t_db_fresh(path, sizeof path);
	if (!db)
		return;
	add_people(db);
	/* The index holds every row. */
	CHECK_INT(count(db, "SELECT count(*) FROM people_fts WHERE people_fts MATCH '\"van\"'"),
		  count(db, "SELECT count(*) FROM people WHERE instr(name_key, 'van')"));
	CHECK(count(db, "SELECT count(*) FROM people WHERE instr(name_key, 'van')") > 400);
	/* A fifth of the 4,000, less the decomposed and the 10 short names. */
	CHECK_INT(count(db, "SELECT count(*) FROM people WHERE instr(name_key, 'van')"), 788);
	/* A 1- or 2-character word as the trigrams that begin with it: each is
	 * found, and the rows they give are exactly those that contain it
	 * (the indexed text ends in two spaces: "7" ends many names). */
	static const char *const shorts[] = { "lo", "7", "49", "vu", "a", "u", "ơ", "đ", NULL };
	for (const char *const *w = shorts; *w; w++) {
		struct sx_err e = {0};
		struct namesearch q;
		char sql[400], *x;
		double fewest;
		namesearch_parse(*w, &q);
		x = namesearch_expand(db, "SELECT term, doc FROM people_fts_vocab WHERE term >= ?1"
				      " AND term < ?2", &q, 1, 0, &fewest, &e);
		CHECK(x != NULL && x[0] == '(');
		sqlite3_snprintf(sizeof sql, sql, "SELECT count(*) FROM people_fts WHERE people_fts"
				 " MATCH %Q", x ? x : "");
		long long by_index = count(db, sql);
		sqlite3_snprintf(sizeof sql, sql, "SELECT count(*) FROM people WHERE instr(name_key,"
				 " %Q)", q.words);
		CHECK_INT(by_index, count(db, sql));
		CHECK(by_index > 0);
		CHECK(fewest >= (double)by_index);   /* the vocabulary's rows bound the candidates */
		free(x);
		namesearch_free(&q);
		CHECK_INT(sx_err_count(&e), 0);
	}
	/* In no name: the expression matches nothing. */
	{
		struct sx_err e = {0};
		struct namesearch q;
		char *x;
		double fewest;
		namesearch_parse("nguoi XY", &q);
		x = namesearch_expand(db, "SELECT term, doc FROM people_fts_vocab WHERE term >= ?1"
				      " AND term < ?2", &q, 1, 0, &fewest, &e);
		CHECK_STR(x ? x : "", "\"nguoi\" AND (\"xy\")");
		free(x);
		namesearch_free(&q);
	}
	/* Every plan of the choice taken: the first walk stops at once. */
	namesearch_probe_steps = 1;
	compare_people(db, 500);
	compare_people(db, 7);
	namesearch_probe_steps = NAMESEARCH_PROBE_STEPS;
	compare_people(db, 500);
	compare_people(db, 7);      /* a limit that cuts through ties */
	compare_people(db, 5000);   /* every match */
	t_db_gone(db, path);
}

static void test_index_follows_changes(void)
{
	char path[128];
	struct sx_db *db = t_db_fresh(path, sizeof path);
	struct sx_err e = {0};
	struct person p = { .full_name = (char *)"Điêu Chính Tấn" };
	struct person_row *r;
	long n;

	if (!db)
		return;
	CHECK_INT(person_save(db, &p, &e), 0);
	n = people_search(db, "chinh", 10, &r, &e);
	CHECK_INT(n, 1);
	people_rows_free(r, n > 0 ? (size_t)n : 0);
	p.full_name = (char *)"Điêu Thị Xuân";    /* renamed: the old name is gone */
	CHECK_INT(person_save(db, &p, &e), 0);
	n = people_search(db, "chinh", 10, &r, &e);
	CHECK_INT(n, 0);
	people_rows_free(r, n > 0 ? (size_t)n : 0);
	n = people_search(db, "xuan", 10, &r, &e);
	CHECK_INT(n, 1);
	people_rows_free(r, n > 0 ? (size_t)n : 0);
	CHECK_INT(person_delete(db, p.uuid, &e), 0);   /* a tombstone is not found */
	n = people_search(db, "xuan", 10, &r, &e);
	CHECK_INT(n, 0);
	people_rows_free(r, n > 0 ? (size_t)n : 0);
	/* A row removed outright (as a merge may) leaves the index too. */
	CHECK_INT(db_exec(db, "DELETE FROM people", &e), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM people_fts WHERE people_fts MATCH '\"xuan\"'"), 0);
	CHECK_INT(sqlite3_exec(db_sqlite(db), "INSERT INTO people_fts (people_fts)"
			       " VALUES ('integrity-check')", NULL, NULL, NULL), SQLITE_OK);
	CHECK_INT(sx_err_count(&e), 0);
	t_db_gone(db, path);
	sx_err_clear(&e);
}

static void test_facilities_same_as_walk(void)
{
	static const char *const kind[] = { "Công ty", "HTX", "Hộ", "Xưởng", "Cơ sở" };
	static const char *const trade[] = { "Tinh bột sắn", "Cà phê", "Mía đường", "Chè",
					     "Đồ gỗ" };
	char path[128], place[2][37] = { "", "" };
	struct sx_db *db = t_db_fresh(path, sizeof path);
	struct sx_err e = {0};
	sqlite3_stmt *st;
	int k = 0;

	if (!db)
		return;
	CHECK_INT(db_exec(db, "INSERT INTO places (uuid, updated_at, origin, kind, name) VALUES"
			  " ('0190a000-0000-7000-8000-000000000001', 1, 'o', 'district', 'Mai Sơn'),"
			  " ('0190a000-0000-7000-8000-000000000002', 1, 'o', 'district', 'Mường La')",
			  &e), 0);
	CHECK_INT(sqlite3_prepare_v2(db_sqlite(db), "SELECT uuid FROM places WHERE kind = 'district'"
				     " ORDER BY uuid LIMIT 2", -1, &st, NULL), SQLITE_OK);
	while (k < 2 && sqlite3_step(st) == SQLITE_ROW)
		snprintf(place[k++], 37, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	CHECK_INT(k, 2);
	CHECK_INT(db_exec(db, "BEGIN", &e), 0);
	for (int i = 0; i < 3500; i++) {
		char name[160];
		struct facility f = { .cp_potential = 1 };
		snprintf(name, sizeof name, "%s %s %s %d", kind[i % 5], trade[(i / 5) % 5],
			 family[(i / 25) % 10], i % 700);
		f.name = name;
		f.place_uuid = i % 3 ? place[i % 2] : NULL;
		CHECK_INT(facility_save(db, &f, &e), 0);
	}
	CHECK_INT(db_exec(db, "COMMIT", &e), 0);
	for (const char *const *q = queries; *q; q++) {
		for (int w = 0; w < 3; w++) {
			const char *in = w == 2 ? NULL : place[w];
			struct facility_row *a, *b;
			long nb = facility_search_how(db, *q, in, 50, FACILITY_SEARCH_SCAN, &b, &e);
			/* The best plan, the best plan after a first walk stopped at
			 * once, the index. */
			for (int how = 0; how < 3; how++) {
				namesearch_probe_steps = how == 1 ? 1 : NAMESEARCH_PROBE_STEPS;
				long na = facility_search_how(db, *q, in, 50, how == 2 ?
							      FACILITY_SEARCH_INDEX : FACILITY_SEARCH_BEST,
							      &a, &e);
				if (!same_facilities(a, na, b, nb)) {
					t_failures++;
					fprintf(stderr, "%s:%d: facilities \"%s\": %ld rows by plan %d,"
						" %ld by the walk, or another order\n", __FILE__, __LINE__,
						*q, na, how, nb);
				}
				facility_rows_free(a, na > 0 ? (size_t)na : 0);
			}
			namesearch_probe_steps = NAMESEARCH_PROBE_STEPS;
			facility_rows_free(b, nb > 0 ? (size_t)nb : 0);
		}
	}
	CHECK_INT(sx_err_count(&e), 0);
	t_db_gone(db, path);
	sx_err_clear(&e);
}

/* Ranks that disagree with the walk's order among the live people, plus
 * live people without a rank and ranks of rows not live: 0 when right. */
static long long rank_errors(struct sx_db *db)
{
	return count(db, "SELECT (SELECT count(*) FROM (SELECT row_number() OVER (ORDER BY r.rank)"
		     " AS a, row_number() OVER (ORDER BY x.sort_key, x.name_key, x.rowid) AS b"
		     " FROM people_rank r JOIN people x ON x.rowid = r.id) WHERE a <> b)"
		     " + (SELECT count(*) FROM people WHERE deleted = 0)"
		     " - (SELECT count(*) FROM people_rank r JOIN people x ON x.rowid = r.id"
		     " AND x.deleted = 0)"
		     " + (SELECT count(*) FROM people_rank r LEFT JOIN people x ON x.rowid = r.id"
		     " WHERE x.rowid IS NULL OR x.deleted <> 0)");
}

/* The ranks (the index's rowids) follow every kind of write, the plans
 * still agree after each: renames through the save function, rows put
 * one after another into one gap until it runs out (then every rank is
 * numbered again), rows deleted outright and tombstoned. */
static void test_ranks_follow_writes(void)
{
	char path[128];
	struct sx_db *db = t_db_fresh(path, sizeof path);
	struct sx_err e = {0};
	sqlite3_stmt *st;
	long long live, spaced;

	if (!db)
		return;
	add_people(db);
	CHECK_INT(rank_errors(db), 0);
	/* Renamed: 300 people get another family name (another place). */
	CHECK_INT(db_exec(db, "BEGIN", &e), 0);
	CHECK_INT(sqlite3_prepare_v2(db_sqlite(db), "SELECT uuid, full_name FROM people"
				     " WHERE rowid % 13 = 0 LIMIT 300", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct person p = {0};
		char name[200];
		snprintf(p.uuid, sizeof p.uuid, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(name, sizeof name, "Vàng %s", (const char *)sqlite3_column_text(st, 1));
		p.full_name = name;
		CHECK_INT(person_save(db, &p, &e), 0);
	}
	sqlite3_finalize(st);
	CHECK_INT(db_exec(db, "COMMIT", &e), 0);
	CHECK_INT(rank_errors(db), 0);
	compare_people(db, 500);
	CHECK_INT(count(db, "SELECT count(*) FROM people WHERE rowid = 100 AND deleted = 0"), 1);
	/* Saved one by one, the ranks are middles and the last + the gap. */
	CHECK(count(db, "SELECT count(*) FROM people_rank WHERE rank % 1099511627776 = 0") < 2000);
	/* 60 rows after one person, each sorting just before the one put
	 * before it (its key, then "~", "}", "|", ...): each takes half of the
	 * room left after that person, which runs out after some 20. */
	for (int i = 0; i < 60; i++) {
		char *sql = sqlite3_mprintf("INSERT INTO people (uuid, updated_at, origin, full_name,"
			" name_key, sort_key) SELECT '0190bbbb-0000-7000-8000-%012d', 1, 'x', full_name,"
			" name_key || char(%d), sort_key FROM people WHERE rowid = 100", i, 126 - i);
		CHECK_INT(db_exec(db, sql, &e), 0);
		sqlite3_free(sql);
	}
	CHECK_INT(rank_errors(db), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM people_rank WHERE rank < 0"), 0);  /* no marker */
	live = count(db, "SELECT count(*) FROM people WHERE deleted = 0");
	spaced = count(db, "SELECT count(*) FROM people_rank WHERE rank % 1099511627776 = 0");
	CHECK(spaced >= live - 60);   /* numbered again: only rows put after are in between */
	CHECK_INT(sqlite3_exec(db_sqlite(db), "INSERT INTO people_fts (people_fts)"
			       " VALUES ('integrity-check')", NULL, NULL, NULL), SQLITE_OK);
	compare_people(db, 500);
	compare_people(db, 7);
	/* Deleted outright (as a merge may) and tombstoned. */
	CHECK_INT(db_exec(db, "DELETE FROM people WHERE rowid % 17 = 3", &e), 0);
	CHECK_INT(sqlite3_prepare_v2(db_sqlite(db), "SELECT uuid FROM people WHERE rowid % 19 = 4"
				     " AND deleted = 0 LIMIT 100", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		CHECK_INT(person_delete(db, (const char *)sqlite3_column_text(st, 0), &e), 0);
	sqlite3_finalize(st);
	CHECK_INT(rank_errors(db), 0);
	CHECK_INT(sqlite3_exec(db_sqlite(db), "INSERT INTO people_fts (people_fts)"
			       " VALUES ('integrity-check')", NULL, NULL, NULL), SQLITE_OK);
	compare_people(db, 500);
	CHECK_INT(sx_err_count(&e), 0);
	sx_err_print(&e, stderr);
	t_db_gone(db, path);
	sx_err_clear(&e);
}

T_SUITE(namesearch) {
	{ "namesearch/match_expression", test_match_expression },
	{ "namesearch/people_same_as_walk", test_people_same_as_walk },
	{ "namesearch/index_follows_changes", test_index_follows_changes },
	{ "namesearch/ranks_follow_writes", test_ranks_follow_writes },
	{ "namesearch/facilities_same_as_walk", test_facilities_same_as_walk },
	{ 0 },
};
