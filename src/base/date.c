/* date.c — calendar checks and the date formats officers type. */
#include "base/date.h"

#include <string.h>

int date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12)
		return 0;
	return days[m - 1] + (m == 2 && date_is_leap(y));
}

int date_valid_ymd(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && d >= 1 && d <= date_days_in_month(y, m);
}

/* Read 1..max digits at *s into *v, advancing *s; returns the digit count
 * (0 when there is none or more than max). */
static int read_num(const char **s, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (**s >= '0' && **s <= '9') {
		if (++n > max)
			return 0;
		*v = *v * 10 + (**s - '0');
		(*s)++;
	}
	return n;
}

/* v (0 <= v < 10^width) as exactly width digits at p, no NUL. */
static void put_digits(char *p, int v, int width)
{
	for (int i = width - 1; i >= 0; i--, v /= 10)
		p[i] = (char)('0' + v % 10);
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int date_parse_user(const char *s, char out[11])
{
	int a, b, c, na, nb, nc, y, m, d;
	char sep;

	out[0] = '\0';
	while (is_blank(*s))
		s++;
	na = read_num(&s, 4, &a);
	sep = *s;
	if (!na || (sep != '/' && sep != '-' && sep != '.'))
		return -1;
	s++;
	nb = read_num(&s, 2, &b);
	if (!nb || *s++ != sep)
		return -1;
	nc = read_num(&s, 4, &c);
	while (is_blank(*s))
		s++;
	if (!nc || *s)
		return -1;
	if (na == 4 && nc <= 2) {
		y = a, m = b, d = c; /* year first, as ISO */
	} else if (na <= 2 && nc == 4) {
		d = a, m = b, y = c;
	} else {
		return -1;
	}
	if (!date_valid_ymd(y, m, d))
		return -1;
	put_digits(out, y, 4);
	out[4] = '-';
	put_digits(out + 5, m, 2);
	out[7] = '-';
	put_digits(out + 8, d, 2);
	out[10] = '\0';
	return 0;
}

/* Parse exactly yyyy-mm-dd at s (what follows is not looked at). */
static int parse_iso_prefix(const char *s, int *y, int *m, int *d)
{
	for (int i = 0; i < 10; i++) {
		int dash = i == 4 || i == 7;
		if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return -1;
	}
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	*d = (s[8] - '0') * 10 + (s[9] - '0');
	return date_valid_ymd(*y, *m, *d) ? 0 : -1;
}

void date_format_user(const char *iso, char out[11])
{
	int y, m, d;

	out[0] = '\0';
	if (parse_iso_prefix(iso, &y, &m, &d) != 0 || (iso[10] && iso[10] != 'T'))
		return;
	put_digits(out, d, 2);
	out[2] = '/';
	put_digits(out + 3, m, 2);
	out[5] = '/';
	put_digits(out + 6, y, 4);
	out[10] = '\0';
}

int date_valid_iso(const char *s)
{
	int y, m, d;

	return parse_iso_prefix(s, &y, &m, &d) == 0 && s[10] == '\0';
}
