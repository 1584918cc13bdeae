/* expr_num.c — numbers as JavaRosa reads, prints and rounds them.
 *
 * JavaRosa (the engine inside ODK Collect) is Java: a number becomes text
 * through Double.toString (the shortest digits that read back to the same
 * double, "3.3333333333333335", "1.0E10"), and text becomes a number only
 * when it holds nothing but digits, '-' and '.' (a ',' counts as '.').
 * Everything here works with '.' whatever LC_NUMERIC says. */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/expr_ast.h"

/* strtod() of a C-locale number text (digits, '.', 'e'), whatever the locale. */
static double c_strtod(const char *s)
{
	const char *dp = localeconv()->decimal_point;
	char buf[64], *o = buf;
	size_t dpl = strlen(dp);

	for (; *s && o + dpl + 1 < buf + sizeof buf; s++) {
		if (*s == '.' && dpl) {
			memcpy(o, dp, dpl);
			o += dpl;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
	return strtod(buf, NULL);
}

/* The shortest decimal digits of a finite x != 0 that read back as x:
 * digits into dig (at least 18 bytes), returns the decimal exponent e of
 * the first digit (x = d.ddd × 10^e).  The sign is left out. */
static int shortest(double x, char *dig)
{
	char buf[40];
	int e = 0;

	x = fabs(x);
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(buf, sizeof buf, "%.*e", prec - 1, x);
		/* buf is d[.ddd]e±xx in the C locale or with a local point */
		char *ep = strchr(buf, 'e');
		size_t n = 0;
		for (char *p = buf; p < ep; p++)
			if (*p >= '0' && *p <= '9')
				dig[n++] = *p;
		dig[n] = '\0';
		e = atoi(ep + 1);
		char back[48];
		snprintf(back, sizeof back, "%c.%se%d", dig[0], dig + 1, e);
		if (c_strtod(back) == x)
			break;
	}
	for (size_t n = strlen(dig); n > 1 && dig[n - 1] == '0'; n--)
		dig[n - 1] = '\0';
	return e;
}

char *expr_java_dtoa(double x, char *buf, size_t len)
{
	char dig[20];
	int e, n;
	size_t o = 0;

	if (isnan(x))
		return snprintf(buf, len, "NaN"), buf;
	if (isinf(x))
		return snprintf(buf, len, "%sInfinity", x < 0 ? "-" : ""), buf;
	if (x == 0)
		return snprintf(buf, len, "%s0.0", signbit(x) ? "-" : ""), buf;
	e = shortest(x, dig);
	n = (int)strlen(dig);
	char out[64];
	if (x < 0)
		out[o++] = '-';
	if (fabs(x) >= 1e-3 && fabs(x) < 1e7) {
		if (e < 0) {
			out[o++] = '0';
			out[o++] = '.';
			for (int i = 0; i < -e - 1; i++)
				out[o++] = '0';
			memcpy(out + o, dig, (size_t)n);
			o += (size_t)n;
		} else {
			for (int i = 0; i <= e; i++)
				out[o++] = i < n ? dig[i] : '0';
			out[o++] = '.';
			if (n > e + 1) {
				memcpy(out + o, dig + e + 1, (size_t)(n - e - 1));
				o += (size_t)(n - e - 1);
			} else {
				out[o++] = '0';
			}
		}
		out[o] = '\0';
	} else {
		snprintf(out + o, sizeof out - o, "%c.%sE%d", dig[0], n > 1 ? dig + 1 : "0", e);
	}
	snprintf(buf, len, "%s", out);
	return buf;
}

/* Java's (int) of a double: truncation, NaN as 0, saturating. */
static double java_int(double x)
{
	if (isnan(x))
		return 0;
	if (x >= 2147483647.0)
		return 2147483647.0;
	if (x <= -2147483648.0)
		return -2147483648.0;
	return trunc(x);
}

/* Java's (long) of a double, as a double. */
static double java_long(double x)
{
	if (isnan(x))
		return 0;
	if (x >= 9223372036854775807.0)
		return 9223372036854775807.0;
	if (x <= -9223372036854775808.0)
		return -9223372036854775808.0;
	return trunc(x);
}

char *expr_xpath_num_str(double x, char *buf, size_t len)
{
	if (isnan(x))
		snprintf(buf, len, "NaN");
	else if (fabs(x) < 1e-12)
		snprintf(buf, len, "0");
	else if (isinf(x))
		snprintf(buf, len, "%sInfinity", x < 0 ? "-" : "");
	else if (fabs(x - java_int(x)) < 1e-12)
		snprintf(buf, len, "%.0f", java_int(x));
	else
		expr_java_dtoa(x, buf, len);
	return buf;
}

char *expr_fmt_num(double x, char *buf, size_t len)
{
	double l = java_long(x);

	if (!len)
		return buf;
	buf[0] = '\0';
	if (isnan(x))
		return buf;
	if (fabs(x - l) < 1e-9 && isfinite(x))
		snprintf(buf, len, "%.0f", l == 0 ? 0.0 : l);
	else
		expr_java_dtoa(x, buf, len);
	return buf;
}

/* Read [-] digits [. digits] (at least one digit) of s[0..n); NAN if not. */
static double plain_number(const char *s, size_t n)
{
	char buf[64];
	size_t i = 0, mant = 0;

	if (n == 0 || n >= sizeof buf)
		return NAN;
	memcpy(buf, s, n);
	buf[n] = '\0';
	for (size_t k = 0; k < n; k++)
		if (buf[k] == ',')
			buf[k] = '.'; /* JavaRosa: "some locales use ',' instead of '.'" */
	if (buf[i] == '-')
		i++;
	while (buf[i] >= '0' && buf[i] <= '9')
		i++, mant++;
	if (buf[i] == '.') {
		i++;
		while (buf[i] >= '0' && buf[i] <= '9')
			i++, mant++;
	}
	if (!mant || i != n)
		return NAN;
	return c_strtod(buf);
}

double expr_to_num(const char *s)
{
	size_t len;

	while (*s && (unsigned char)*s <= ' ')
		s++; /* Java's trim() drops every control character and space */
	len = strlen(s);
	while (len && (unsigned char)s[len - 1] <= ' ')
		len--;
	if (len > 63)
		return NAN;
	return plain_number(s, len);
}

double expr_stored_num(const char *s)
{
	size_t n = strlen(s), i = 0, mant = 0;

	if (strcmp(s, "Infinity") == 0)
		return INFINITY;
	if (strcmp(s, "-Infinity") == 0)
		return -INFINITY;
	if (n == 0 || n > 40)
		return NAN;
	if (s[i] == '-')
		i++;
	while (s[i] >= '0' && s[i] <= '9')
		i++, mant++;
	if (s[i] == '.') {
		i++;
		while (s[i] >= '0' && s[i] <= '9')
			i++, mant++;
	}
	if (!mant)
		return NAN;
	if (s[i] == 'E') {
		i++;
		i += s[i] == '-';
		if (s[i] < '0' || s[i] > '9')
			return NAN;
		while (s[i] >= '0' && s[i] <= '9')
			i++;
	}
	return i == n ? c_strtod(s) : NAN;
}

/* Round the decimal text of |x| (digits dig, exponent e: d.ddd × 10^e) at
 * `places` after the point; up is 1 for JavaRosa's HALF_UP (x >= 0) and 0
 * for HALF_DOWN (x < 0).  Returns the rounded magnitude. */
static double round_text(const char *dig, int e, int places, int up)
{
	int n = (int)strlen(dig), keep = e + 1 + places; /* digits kept */
	char buf[80];
	int carry = 0;

	if (keep < 0)
		return 0;
	if (keep < n) {
		int first = dig[keep] - '0', rest = 0;
		for (int i = keep + 1; i < n; i++)
			rest |= dig[i] != '0';
		carry = up ? first >= 5 : (first > 5 || (first == 5 && rest));
	} else {
		keep = n;
	}
	/* the kept digits as an integer, plus the carry, times 10^(e+1-keep) */
	snprintf(buf, sizeof buf, "%.*s", keep, dig);
	double v = keep ? c_strtod(buf) : 0;
	v += carry;
	snprintf(buf, sizeof buf, "%.17ge%d", v, e + 1 - keep);
	return c_strtod(buf);
}

double expr_round(double x, double digits)
{
	int d = (int)java_int(digits);
	char dig[20], buf[64];
	int e;

	if (isnan(x) || isinf(x))
		return x;
	if (d > 30 || d < -30)
		return NAN;
	if (x == 0)
		return x;
	e = shortest(x, dig);
	if (d >= 0) {
		double r = round_text(dig, e, d, x >= 0);
		return x < 0 ? -r : r;
	}
	/* BigDecimal.valueOf(x).scaleByPowerOfTen(d), to double, + 0.5, (long) */
	snprintf(buf, sizeof buf, "%s%c.%se%d", x < 0 ? "-" : "", dig[0], dig + 1, e + d);
	double scaled = java_long(c_strtod(buf) + 0.5);
	snprintf(buf, sizeof buf, "%.0fe%d", scaled, -d);
	return c_strtod(buf);
}
