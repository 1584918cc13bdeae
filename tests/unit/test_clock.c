/* test_clock.c — UTC milliseconds and the ISO timestamp format. */
#include <limits.h>
#include <stdlib.h>

#include "base/clock.h"
#include "t.h"

static void test_iso(void)
{
	char s[25];

	clock_iso(0, s);
	CHECK_STR(s, "1970-01-01T00:00:00.000Z");
	clock_iso(1645557742000LL, s);
	CHECK_STR(s, "2022-02-22T19:22:22.000Z");
	clock_iso(1709208000123LL, s);
	CHECK_STR(s, "2024-02-29T12:00:00.123Z");
	clock_iso(-1, s);
	CHECK_STR(s, "1969-12-31T23:59:59.999Z");
	clock_iso(951782400000LL, s);                 /* 2000 is a leap year */
	CHECK_STR(s, "2000-02-29T00:00:00.000Z");
	clock_iso(LLONG_MAX, s);
	CHECK_STR(s, "9999-12-31T23:59:59.999Z");
	clock_iso(LLONG_MIN, s);
	CHECK_STR(s, "0001-01-01T00:00:00.000Z");
}

static void test_date(void)
{
	char d[11];

	clock_date(0, d);
	CHECK_STR(d, "1970-01-01");
	clock_date(1709251199999LL, d);
	CHECK_STR(d, "2024-02-29");
	clock_date(1709251200000LL, d);
	CHECK_STR(d, "2024-03-01");
}

static void test_parse(void)
{
	long long ms = 42;

	CHECK(clock_parse_iso("2024-02-29T12:00:00.123Z", &ms) == 0);
	CHECK_INT(ms, 1709208000123LL);
	CHECK(clock_parse_iso("2024-02-29T12:00:00Z", &ms) == 0);
	CHECK_INT(ms, 1709208000000LL);
	CHECK(clock_parse_iso("2024-02-29", &ms) == 0);
	CHECK_INT(ms, 1709164800000LL);
	CHECK(clock_parse_iso("1969-12-31T23:59:59.999Z", &ms) == 0);
	CHECK_INT(ms, -1);
	ms = 42;
	CHECK(clock_parse_iso("2023-02-29", &ms) == -1);
	CHECK(clock_parse_iso("2024-04-31T00:00:00Z", &ms) == -1);
	CHECK(clock_parse_iso("2024-01-01T24:00:00Z", &ms) == -1);
	CHECK(clock_parse_iso("2024-01-01T23:60:00Z", &ms) == -1);
	CHECK(clock_parse_iso("2024-01-01T23:59:60Z", &ms) == -1);
	CHECK(clock_parse_iso("2024-01-01 00:00:00Z", &ms) == -1);
	CHECK(clock_parse_iso("2024-01-01T00:00:00", &ms) == -1);
	CHECK(clock_parse_iso("2024-01-01T00:00:00.00Z", &ms) == -1);
	CHECK(clock_parse_iso("2024-01-01T00:00:00.1234Z", &ms) == -1);
	CHECK(clock_parse_iso("2024-01-01T00:00:00+07:00", &ms) == -1);
	CHECK(clock_parse_iso("2024-1-01", &ms) == -1);
	CHECK(clock_parse_iso("", &ms) == -1);
	CHECK(clock_parse_iso("0000-01-01", &ms) == -1);
	CHECK_INT(ms, 42);  /* untouched on failure */
}

static void test_round_trip(void)
{
	char s[25], prev[25] = "";
	long long ms, back;
	int ok = 1, sorted = 1;

	/* From 1900 to 2100 in uneven steps: text round-trips and sorts as numbers. */
	for (ms = -2208988800000LL; ms < 4102444800000LL; ms += 86399999LL * 13 + 7) {
		clock_iso(ms, s);
		ok &= clock_parse_iso(s, &back) == 0 && back == ms && strlen(s) == 24;
		sorted &= strcmp(prev, s) < 0;
		memcpy(prev, s, sizeof s);
	}
	CHECK(ok);
	CHECK(sorted);
}

static void test_now_env(void)
{
	long long now;

	setenv("SXSH_NOW", "2024-03-05T06:07:08.009Z", 1);
	CHECK_INT(clock_now_ms(), 1709618828009LL);
	setenv("SXSH_NOW", "1700000000123", 1);
	CHECK_INT(clock_now_ms(), 1700000000123LL);
	setenv("SXSH_NOW", "2024-03-05", 1);
	CHECK_INT(clock_now_ms(), 1709596800000LL);
	/* an offset: 13:07:08.009+07:00 is 06:07:08.009Z */
	setenv("SXSH_NOW", "2024-03-05T13:07:08.009+07:00", 1);
	CHECK_INT(clock_now_ms(), 1709618828009LL);
	CHECK_INT(clock_env_check(), 1);
	setenv("SXSH_NOW", "2024-03-05T01:07:08-05:00", 1);
	CHECK_INT(clock_now_ms(), 1709618828000LL);
	setenv("SXSH_NOW", "2024-03-05T13:07:08+0700", 1);
	CHECK_INT(clock_env_check(), -1);
	setenv("SXSH_NOW", "2024-03-05T13:07:08+15:00", 1);
	CHECK_INT(clock_env_check(), -1);
	setenv("SXSH_NOW", "yesterday", 1);
	CHECK_INT(clock_env_check(), -1);
	now = clock_now_ms();
	CHECK(now > 1704067200000LL);  /* the real clock: after 2024-01-01 */
	unsetenv("SXSH_NOW");
	CHECK(clock_now_ms() - now < 60000);
	CHECK_INT(clock_env_check(), 0);
}

T_SUITE(clock) {
	{ "clock/iso", test_iso },
	{ "clock/date", test_date },
	{ "clock/parse", test_parse },
	{ "clock/round_trip", test_round_trip },
	{ "clock/now_env", test_now_env },
	{ 0 }
};
