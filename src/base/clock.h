/* clock.h — UTC time as Unix milliseconds, and its one text format.
 *
 * Every stored timestamp is the fixed-width YYYY-MM-DDTHH:MM:SS.mmmZ, so
 * that SQLite's string comparison (last writer wins on updated_at) orders
 * them correctly.  Years outside 0001-9999 are clamped. */
#ifndef SX_CLOCK_H
#define SX_CLOCK_H

/* Now, in UTC milliseconds since 1970.  For deterministic tests the
 * environment variable SXSH_NOW fixes it: either a timestamp that
 * clock_parse_iso() accepts or a plain (optionally negative) count of
 * milliseconds; the clock then stands still.  The timestamp may also carry
 * a UTC offset (2026-11-29T10:00:00+07:00).  An unparsable SXSH_NOW is
 * ignored and the real clock is used: callers that must not run on the
 * real clock by mistake ask clock_env_check() first. */
long long clock_now_ms(void);
/* 0 when SXSH_NOW is unset or empty, 1 when it fixes the clock, -1 when it
 * is set but not understood. */
int clock_env_check(void);
/* ms as YYYY-MM-DDTHH:MM:SS.mmmZ (24 characters plus NUL) into out. */
void clock_iso(long long ms, char out[25]);
/* Parse YYYY-MM-DDTHH:MM:SS.mmmZ, YYYY-MM-DDTHH:MM:SSZ, or YYYY-MM-DD
 * (midnight UTC) into *ms; returns 0, or -1 when s is anything else or
 * not a real time. */
int clock_parse_iso(const char *s, long long *ms);
/* The UTC date of ms as YYYY-MM-DD into out. */
void clock_date(long long ms, char out[11]);

#endif
