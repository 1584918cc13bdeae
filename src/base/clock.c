/* clock.c — UTC milliseconds and ISO 8601 text, without gmtime/timegm
 * (which depend on time_t's range and the TZ environment). */
#include "base/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/date.h"

#define MS_PER_DAY 86400000LL

/* Days from 1970-01-01 to y-m-d (Howard Hinnant's days_from_civil). */
static long long days_from_civil(long long y, int m, int d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The inverse: y-m-d of day z counted from 1970-01-01. */
static void civil_from_days(long long z, int *y, int *m, int *d)
{
	z += 719468;
	long long era = (z >= 0 ? z : z - 146096) / 146097;
	long long doe = z - era * 146097;
	long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Split ms (clamped to years 0001-9999) into calendar fields. */
static void split(long long ms, int f[7])
{
	const long long lo = days_from_civil(1, 1, 1) * MS_PER_DAY;
	const long long hi = (days_from_civil(9999, 12, 31) + 1) * MS_PER_DAY - 1;
	long long day, rem;

	ms = ms < lo ? lo : ms > hi ? hi : ms;
	day = ms / MS_PER_DAY;
	rem = ms % MS_PER_DAY;
	if (rem < 0) { /* floor division for times before 1970 */
		rem += MS_PER_DAY;
		day--;
	}
	civil_from_days(day, &f[0], &f[1], &f[2]);
	f[3] = (int)(rem / 3600000);
	f[4] = (int)(rem / 60000 % 60);
	f[5] = (int)(rem / 1000 % 60);
	f[6] = (int)(rem % 1000);
}

void clock_iso(long long ms, char out[25])
{
	int f[7];

	split(ms, f);
	snprintf(out, 25, "%04u-%02u-%02uT%02u:%02u:%02u.%03uZ",
		 (unsigned)f[0] % 10000u, (unsigned)f[1] % 100u, (unsigned)f[2] % 100u,
		 (unsigned)f[3] % 100u, (unsigned)f[4] % 100u, (unsigned)f[5] % 100u,
		 (unsigned)f[6] % 1000u); /* the modulos only tell the compiler the widths */
}

void clock_date(long long ms, char out[11])
{
	int f[7];

	split(ms, f);
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)f[0] % 10000u, (unsigned)f[1] % 100u,
		 (unsigned)f[2] % 100u);
}

/* Exactly n digits at s as a number, or -1. */
static int digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int clock_parse_iso(const char *s, long long *ms)
{
	size_t len = strlen(s);
	int y = digits(s, 4), mo, d, h = 0, mi = 0, sec = 0, milli = 0;

	if (len != 10 && len != 20 && len != 24)
		return -1;
	if (y < 0 || s[4] != '-' || s[7] != '-')
		return -1;
	mo = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (!date_valid_ymd(y, mo, d))
		return -1;
	if (len > 10) {
		if (s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[len - 1] != 'Z')
			return -1;
		h = digits(s + 11, 2);
		mi = digits(s + 14, 2);
		sec = digits(s + 17, 2);
		if (len == 24 && (s[19] != '.' || (milli = digits(s + 20, 3)) < 0))
			return -1;
		if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59)
			return -1;
	}
	*ms = days_from_civil(y, mo, d) * MS_PER_DAY + h * 3600000LL + mi * 60000LL +
	      sec * 1000LL + milli;
	return 0;
}

/* YYYY-MM-DDTHH:MM:SS[.mmm]±HH:MM, as ODK writes local times. */
static int parse_offset_time(const char *s, long long *ms)
{
	size_t len = strlen(s);
	char utc[25];
	int oh, om;

	if (len != 25 && len != 29)
		return -1;
	const char *o = s + len - 6;
	if ((o[0] != '+' && o[0] != '-') || o[3] != ':' || (oh = digits(o + 1, 2)) < 0 ||
	    (om = digits(o + 4, 2)) < 0 || oh > 14 || om > 59)
		return -1;
	snprintf(utc, sizeof utc, "%.*sZ", (int)(len - 6), s);
	if (clock_parse_iso(utc, ms) != 0)
		return -1;
	*ms -= (o[0] == '-' ? -1 : 1) * (oh * 3600000LL + om * 60000LL);
	return 0;
}

/* SXSH_NOW as milliseconds: an ISO timestamp (Z or an offset) or a plain integer. */
static int parse_env_now(const char *s, long long *ms)
{
	char *end;

	if (clock_parse_iso(s, ms) == 0 || parse_offset_time(s, ms) == 0)
		return 0;
	if ((*s >= '0' && *s <= '9') || (*s == '-' && s[1] >= '0' && s[1] <= '9')) {
		*ms = strtoll(s, &end, 10);
		return *end ? -1 : 0;
	}
	return -1;
}

int clock_env_check(void)
{
	const char *env = getenv("SXSH_NOW");
	long long ms;

	if (!env || !*env)
		return 0;
	return parse_env_now(env, &ms) == 0 ? 1 : -1;
}

long long clock_now_ms(void)
{
	const char *env = getenv("SXSH_NOW");
	struct timespec ts;
	long long ms;

	if (env && parse_env_now(env, &ms) == 0)
		return ms;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
