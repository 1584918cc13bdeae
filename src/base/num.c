/* num.c — spreadsheet numbers in the Vietnamese and English conventions.
 * strtod and printf follow LC_NUMERIC, which the UI's locale may set to a
 * decimal comma: the locale's decimal point is swapped in and out here. */
#include "base/num.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NUM_MAX_LEN 400   /* longer "numbers" are refused */

/* The body of a number: digits and separators, between trimmed ends. */
struct body {
	const char *p;       /* first digit */
	size_t n;            /* length */
	int neg;             /* a '-' came before it */
};

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Trim white space and the sign; 0, or -1 when nothing number-like is left. */
static int get_body(const char *s, struct body *b)
{
	const char *e;

	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
			s++;
		else if (!strncmp(s, "\xc2\xa0", 2))
			s += 2;
		else
			break;
	}
	e = s + strlen(s);
	for (;;) {
		if (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
			e--;
		else if (e - s >= 2 && !strncmp(e - 2, "\xc2\xa0", 2))
			e -= 2;
		else
			break;
	}
	b->neg = *s == '-';
	s += b->neg;
	b->p = s;
	b->n = (size_t)(e - s);
	if (b->n == 0 || b->n > NUM_MAX_LEN || !is_digit(s[0]) || !is_digit(e[-1]))
		return -1;
	for (const char *q = s; q < e; q++)
		if (!is_digit(*q) && ((*q != '.' && *q != ',') || !is_digit(q[1])))
			return -1; /* a stray character, or two separators in a row */
	return 0;
}

/* How often c occurs in the body, and where last (n when never). */
static size_t count(const struct body *b, char c, size_t *last)
{
	size_t k = 0;

	*last = b->n;
	for (size_t i = 0; i < b->n; i++)
		if (b->p[i] == c) {
			k++;
			*last = i;
		}
	return k;
}

/* Choose the decimal mark automatically; returns it, 0 for an integer,
 * or NUM_AMBIGUOUS. */
static int auto_mark(const struct body *b)
{
	size_t ld, lc, nd = count(b, '.', &ld), nc = count(b, ',', &lc);
	size_t last;

	if (nd && nc)
		return ld > lc ? '.' : ',';
	if (nd + nc == 0 || nd + nc >= 2)
		return 0;
	last = nd ? ld : lc;
	if (b->n - last - 1 == 3 && last <= 3 && b->p[0] != '0')
		return NUM_AMBIGUOUS;
	return nd ? '.' : ',';
}

/* Check grouping with separator grp in the integer part b->p[0..end) and
 * copy its digits to out; returns the digit count, or -1. */
static int int_digits(const struct body *b, size_t end, char grp, char *out)
{
	size_t group = 0, k = 0;
	int grouped = 0;

	for (size_t i = 0; i < end; i++) {
		if (b->p[i] == grp) {
			if ((grouped ? group != 3 : group > 3))
				return -1;
			grouped = 1;
			group = 0;
		} else if (is_digit(b->p[i])) {
			out[k++] = b->p[i];
			group++;
		} else {
			return -1; /* the decimal mark twice, or a separator that cannot group */
		}
	}
	if (grouped && group != 3)
		return -1;
	return (int)k;
}

int num_parse_mark(const char *s, char mark, double *out)
{
	struct body b;
	char buf[NUM_MAX_LEN + 16], *end;
	const char *dp = localeconv()->decimal_point;
	size_t last, cut;
	int m = mark, k;
	char grp;
	double v;

	if (get_body(s, &b) != 0 || (mark && mark != '.' && mark != ','))
		return NUM_INVALID;
	if (!mark && (m = auto_mark(&b)) == NUM_AMBIGUOUS)
		return NUM_AMBIGUOUS;
	if (m && count(&b, (char)m, &last) > 1)
		return NUM_INVALID;
	cut = m ? last : b.n;
	grp = m == '.' ? ',' : m == ',' ? '.' : memchr(b.p, ',', b.n) ? ',' : '.';
	buf[0] = '-';
	k = int_digits(&b, cut, grp, buf + 1);
	if (k < 0)
		return NUM_INVALID;
	k++;
	if (cut < b.n) {
		size_t fl = b.n - cut - 1;
		if (memchr(b.p + cut + 1, grp, fl))
			return NUM_INVALID; /* a thousands separator after the decimal mark */
		k += snprintf(buf + k, sizeof buf - (size_t)k, "%s%.*s", dp, (int)fl, b.p + cut + 1);
	}
	buf[k] = '\0';
	v = strtod(b.neg ? buf : buf + 1, &end);
	if (*end || !isfinite(v))
		return NUM_INVALID;
	*out = v;
	return NUM_OK;
}

int num_parse(const char *s, double *out)
{
	return num_parse_mark(s, 0, out);
}

/* Replace the locale's decimal point in s by '.'. */
static void dot_decimal(char *s)
{
	const char *dp = localeconv()->decimal_point;
	size_t dl = strlen(dp);
	char *p;

	if (!strcmp(dp, ".") || !dl || !(p = strstr(s, dp)))
		return;
	*p = '.';
	memmove(p + 1, p + dl, strlen(p + dl) + 1);
}

void num_format(double v, char *out, size_t n)
{
	if (n == 0)
		return;
	if (!isfinite(v)) {
		out[0] = '\0';
		return;
	}
	if (v == 0)
		v = 0; /* no "-0" */
	if (v == floor(v) && fabs(v) < 1e17)
		snprintf(out, n, "%.0f", v);
	else
		snprintf(out, n, "%.10g", v);
	dot_decimal(out);
}
