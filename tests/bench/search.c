/* search.c — how long one keystroke's search takes on the registries at the product's
 * scale: 50,000 facilities and 200,000 people, made through the program's own save
 * functions (so their search and sort keys are what the program writes).  The bar is
 * 20 ms for every query, selective ones included.
 *
 *   bench-search DB [gen]     with gen, the registries are made first
 *
 * Prints one line per query (the whole query and its slowest keystroke, each
 * prefix best of 5) and, per registry, "worst: N ms" over every keystroke. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/db.h"
#include "db/seed.h"
#include "records/facility.h"
#include "records/people.h"

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* 50,000 facilities with names like a province's, each at one of the shipped
 * places (old and new units, in code order) and in one of the sectors, so that
 * place and sector words ("muong sai", "coffee") find them as in the office. */
static void gen_facilities(struct sx_db *db, struct sx_err *e)
{
	static const char *const kind[] = { "Công ty", "HTX", "Hộ", "Xưởng", "Cơ sở" };
	static const char *const trade[] = { "Tinh bột sắn", "Cà phê", "Mía đường", "Chè", "Nông sản" };
	static const char *const where[] = { "Mai Sơn", "Thuận Châu", "Hát Lót", "Chiềng Ban",
					     "Nà Bó", "Cò Nòi", "Mường Bon", "Phiêng Cằm" };
	sqlite3_stmt *st = db_stmt(db, "SELECT uuid FROM places WHERE kind <> 'province'"
				   " ORDER BY code, uuid", e);
	char (*place)[37] = NULL;
	size_t np = 0;

	while (st && sqlite3_step(st) == SQLITE_ROW) {
		place = realloc(place, (np + 1) * sizeof *place);
		snprintf(place[np++], 37, "%s", (const char *)sqlite3_column_text(st, 0));
	}
	if (st)
		sqlite3_reset(st);
	db_exec(db, "BEGIN", e);
	for (int i = 0; i < 50000; i++) {
		struct facility f = { .cp_potential = 1 };
		char name[200];
		snprintf(name, sizeof name, "%s %s %s %d", kind[i % 5], trade[(i / 5) % 5],
			 where[(i / 25) % 8], i);
		f.name = name;
		f.place_uuid = np ? place[(size_t)i % np] : NULL;
		f.sector = (char *)facility_sectors[(size_t)(i / 7) % facility_nsectors].code;
		facility_save(db, &f, e);
	}
	db_exec(db, "COMMIT", e);
	free(place);
}

/* 200,000 people with Vietnamese names, years of birth and phone numbers. */
static void gen_people(struct sx_db *db, struct sx_err *e)
{
	static const char *const family[] = { "Lò", "Cầm", "Quàng", "Nguyễn", "Đặng", "Lường", "Hà" };
	static const char *const middle[] = { "Văn", "Thị", "Đức", "Ngọc" };
	static const char *const given[] = { "Người", "Hoa", "Dũng", "Xuân", "Thắng", "Ánh", "Hùng",
					     "Mai", "Sơn", "Lan", "Tuấn" };
	db_exec(db, "BEGIN", e);
	for (int i = 0; i < 200000; i++) {
		char name[120], phone[16];
		snprintf(name, sizeof name, "%s %s %s %d", family[i % 7], middle[(i / 7) % 4],
			 given[(i / 28) % 11], i);
		snprintf(phone, sizeof phone, "09%08d", i);
		struct person p = { .full_name = name, .birth_year = 1950 + i % 50, .phone = phone };
		person_save(db, &p, e);
	}
	db_exec(db, "COMMIT", e);
}

typedef long (*search_fn)(struct sx_db *db, const char *q, struct sx_err *e);

static long facilities(struct sx_db *db, const char *q, struct sx_err *e)
{
	struct facility_row *rows;
	long n = facility_search(db, q, 500, &rows, e);
	facility_rows_free(rows, n > 0 ? (size_t)n : 0);
	return n;
}

static long people(struct sx_db *db, const char *q, struct sx_err *e)
{
	struct person_row *rows;
	long n = people_search(db, q, 500, &rows, e);
	people_rows_free(rows, n > 0 ? (size_t)n : 0);
	return n;
}

/* The time of one search of q, best of 5. */
static double best_of_5(struct sx_db *db, search_fn fn, const char *q, long *n, struct sx_err *e)
{
	double best = 1e9;
	for (int r = 0; r < 5; r++) {
		double t = now_ms(), d;
		*n = fn(db, q, e);
		if ((d = now_ms() - t) < best)
			best = d;
	}
	return best;
}

/* The spaces that fill s out to 20 columns (one per character: the queries
 * are precomposed Vietnamese, one column each; printf pads by bytes). */
static int pad20(const char *s)
{
	int chars = 0;
	for (; *s; s++)
		chars += ((unsigned char)*s & 0xC0) != 0x80;
	return chars < 20 ? 20 - chars : 0;
}

/* Every query as typed: each prefix that ends on a character boundary (the
 * search a keystroke starts), best of 5 per prefix; prints per query the
 * rows and time of the whole query and its slowest keystroke; returns the
 * slowest keystroke of all. */
static double bench(struct sx_db *db, const char *what, search_fn fn, const char *const *q,
		    struct sx_err *e)
{
	double worst = 0;
	printf("%s search per keystroke (every prefix as typed, best of 5 each; bar: 20 ms)\n",
	       what);
	printf("  %-20s %6s %10s   %s\n", "query", "rows", "whole", "slowest keystroke");
	for (; *q; q++) {
		size_t len = strlen(*q);
		char pre[128], slow[128] = "";
		double whole, top = 0;
		long n = 0, m;

		whole = best_of_5(db, fn, *q, &n, e);
		for (size_t k = 1; k <= len && k < sizeof pre; k++) {
			double t;
			if (k < len && ((unsigned char)(*q)[k] & 0xC0) == 0x80)
				continue;   /* inside a character */
			memcpy(pre, *q, k);
			pre[k] = '\0';
			if ((t = best_of_5(db, fn, pre, &m, e)) > top) {
				top = t;
				snprintf(slow, sizeof slow, "%s", pre);
			}
		}
		if (whole > top) {
			top = whole;
			snprintf(slow, sizeof slow, "%s", *q);
		}
		printf("  %s%*s %6ld %7.2f ms   %7.2f ms at \"%s\"\n", **q ? *q : "(all)",
		       pad20(**q ? *q : "(all)"), "", n, whole, top, slow);
		if (top > worst)
			worst = top;
	}
	printf("  %s worst: %.2f ms\n", what, worst);
	return worst;
}

int main(int argc, char **argv)
{
	static const char *const fq[] = { "", "m", "mai", "mai son", "cong ty tinh", "hat lot 4",
					  "xyz", "phieng cam 49999", "49999", "cong ty", "che hat", "ty 4",
					  "Cà phê Mai Sơn", "xuong che",
					  /* place and sector words */
					  "muong sai", "thuan chau", "noong lay", "muong sai 4",
					  "thuan chau 49999", "coffee", "sugar", "coffee 4999", "cane sugar muong",
					  "xa", "ph", NULL };
	static const char *const pq[] = { "", "n", "nguoi", "lo van", "nguoi 1999", "dang thi hoa",
					  "xyz", "199999", "0900012345", "van 199", "thi hung 1", "lo thi hung", "ngoc 4",
					  "Lò Văn Hùng 1", "ha thi", "quang duc", NULL };
	struct sx_err e = {0};
	struct sx_db *db = argc > 1 ? db_open(argv[1], &e) : NULL;

	if (!db) {
		sx_err_print(&e, stderr);
		return 1;
	}
	if (argc > 2) {
		seed_load(db, SXSH_SRCDIR, &e);    /* the shipped places, as sxsh init loads them */
		gen_facilities(db, &e);
		gen_people(db, &e);
	}
	if (e.n) {
		sx_err_print(&e, stderr);
		return 1;
	}
	bench(db, "facility", facilities, fq, &e);
	bench(db, "people", people, pq, &e);
	db_close(db);
	return 0;
}
