/* search.c — how long a facilities search takes on a registry of 50,000
 * facilities (the product asks for at most 20 ms per keystroke).
 * Usage: search DB [gen]; with gen, the registry is made first. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "db/db.h"
#include "records/facility.h"

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* 50,000 facilities with names like a province's. */
static void generate(struct sx_db *db, struct sx_err *e)
{
	static const char *const kind[] = { "Công ty", "HTX", "Hộ", "Xưởng", "Cơ sở" };
	static const char *const trade[] = { "Tinh bột sắn", "Cà phê", "Mía đường", "Chè", "Nông sản" };
	static const char *const where[] = { "Mai Sơn", "Thuận Châu", "Hát Lót", "Chiềng Ban",
					     "Nà Bó", "Cò Nòi", "Mường Bon", "Phiêng Cằm" };
	db_exec(db, "BEGIN", e);
	for (int i = 0; i < 50000; i++) {
		struct facility f = { .cp_potential = 1 };
		char name[200];
		snprintf(name, sizeof name, "%s %s %s %d", kind[i % 5], trade[(i / 5) % 5],
			 where[(i / 25) % 8], i);
		f.name = name;
		facility_save(db, &f, e);
	}
	db_exec(db, "COMMIT", e);
}

int main(int argc, char **argv)
{
	static const char *const queries[] = { "", "m", "mai", "mai son", "cong ty tinh",
						"hat lot 4", "xyz", "phieng cam 49999" };
	struct sx_err e = {0};
	struct sx_db *db = argc > 1 ? db_open(argv[1], &e) : NULL;

	if (!db) {
		sx_err_print(&e, stderr);
		return 1;
	}
	if (argc > 2)
		generate(db, &e);
	printf("facility search, 50,000 facilities (best of 5; bar: 20 ms)\n");
	for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
		double best = 1e9;
		long n = 0;
		for (int r = 0; r < 5; r++) {
			struct facility_row *rows;
			double t = now_ms();
			n = facility_search(db, queries[q], 500, &rows, &e);
			if (now_ms() - t < best)
				best = now_ms() - t;
			facility_rows_free(rows, n > 0 ? (size_t)n : 0);
		}
		printf("  %-18s %5ld rows  %6.2f ms\n", *queries[q] ? queries[q] : "(all)", n, best);
	}
	db_close(db);
	return 0;
}
