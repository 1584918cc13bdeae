/* date.h — calendar dates as officers type them, stored as ISO yyyy-mm-dd.
 *
 * Proleptic Gregorian calendar, years 0001-9999.  Vietnamese write the day
 * first (dd/mm/yyyy); two-digit years are refused because they are
 * ambiguous for birth years. */
#ifndef SX_DATE_H
#define SX_DATE_H

/* 1 when y is a leap year. */
int date_is_leap(int y);
/* Days in month m (1-12) of year y; 0 when m is out of range. */
int date_days_in_month(int y, int m);
/* 1 when y-m-d is a real day with 1 <= y <= 9999, else 0. */
int date_valid_ymd(int y, int m, int d);

/* Parse a date as typed: dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy (one
 * separator kind throughout), or year first yyyy-mm-dd (also with / or .);
 * surrounding white space is ignored.  Checks the calendar (31/04 and
 * 29/02/2023 are refused).  Writes yyyy-mm-dd to out; returns 0, or -1
 * (out then holds ""). */
int date_parse_user(const char *s, char out[11]);
/* iso (yyyy-mm-dd, optionally followed by "T..." as in a timestamp) as
 * dd/mm/yyyy; out gets "" when iso does not start with a valid date. */
void date_format_user(const char *iso, char out[11]);
/* 1 when s is exactly a valid yyyy-mm-dd date, else 0. */
int date_valid_iso(const char *s);

#endif
