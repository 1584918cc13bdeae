/* test_syncexport.c — the export's time writer gives clock_iso()'s text
 * for every time: runs within a day, day and year changes, leap days, the
 * limits of years 0001 and 9999, before 1970, and random times. */
#include <stdio.h>
#include <string.h>

#include "t.h"
#include "base/clock.h"
#include "sync/sync_export.h"

static void same(struct sync_iso *c, long long ms)
{
	char a[25], b[25];
	clock_iso(ms, a);
	memset(b, 'x', sizeof b);
	sync_iso(c, ms, b);
	if (strcmp(a, b) != 0)
		fprintf(stderr, "ms %lld: %s vs %.25s\n", ms, a, b);
	CHECK_STR(b, a);
}

static void test_iso_times(void)
{
	static const long long edges[] = { 0, 1, 999, 1000, 86399999, 86400000, -1, -86400000,
		951782400000LL /* 2000-02-29 */, 1709164800000LL /* 2024-02-29 */,
		1735689599999LL, 1735689600000LL, 253402300799999LL, 253402300800000LL,
		-62135596800000LL, -62135596800001LL, 9000000000000000LL, -9000000000000000LL };
	struct sync_iso c = { .day = -1 };
	unsigned long long r = 3;

	for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++) {
		same(&c, edges[i]);
		same(&c, edges[i]);
	}
	for (long long ms = 1700000000000LL; ms < 1700000000000LL + 3 * 86400000LL; ms += 7777)
		same(&c, ms);
	for (int i = 0; i < 20000; i++) {
		r = r * 6364136223846793005ULL + 1442695040888963407ULL;
		long long ms = (long long)(r >> 20) % 253402300800000LL;
		same(&c, ms);
		same(&c, ms + (long long)(r & 0xffff));
	}
}

T_SUITE(syncexport) {
	{ "syncexport/iso_times", test_iso_times },
	{ 0 }
};
