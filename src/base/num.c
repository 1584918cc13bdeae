/* num.c — spreadsheet numbers in the Vietnamese and English conventions.
 * strtod and printf follow LC_NUMERIC, which the UI's locale may set to a
 * decimal comma: the locale's decimal point is swapped in and out here. */
#include "base/num.h"

#include "base/i18n.h"

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

/* ---- Numbers as officers type them ------------------------------------ */

#define READ_MAX_TERMS 16
#define READ_LIMIT 1e15   /* beyond it doubles stop being exact whole numbers */

/* A separator at p (n bytes left): '.', ',' or ' ' for a space, a no-break
 * space or a narrow no-break space; its length in *len.  0 for none. */
static int sep_at(const char *p, size_t n, size_t *len)
{
	*len = 1;
	if (*p == '.' || *p == ',' || *p == ' ')
		return *p;
	if (n >= 2 && !strncmp(p, "\xc2\xa0", 2))
		return *len = 2, ' ';
	if (n >= 3 && !strncmp(p, "\xe2\x80\xaf", 3))
		return *len = 3, ' ';
	return 0;
}

/* Read t (n bytes, trimmed, an optional sign first) strictly with dec as
 * the decimal mark: the other of '.' and ',', or a space, groups.  0 and
 * *out, or -1. */
static int read_strict(const char *t, size_t n, char dec, double *out)
{
	char buf[NUM_MAX_LEN + 8];
	size_t i = 0, k = 0, group = 0, ngroups = 0, intd = 0, len;
	int sep = 0, seen_dec = 0, s;

	if (n == 0 || n > NUM_MAX_LEN)
		return -1;
	if (t[0] == '-' || t[0] == '+')
		buf[k++] = t[i++] == '-' ? '-' : '0';
	buf[k++] = '0';   /* ",5" is 0,5; a leading 0 changes nothing */
	while (i < n) {
		if (is_digit(t[i])) {
			buf[k++] = t[i++];
			if (!seen_dec) {
				intd++;
				group++;
			}
			continue;
		}
		if (!(s = sep_at(t + i, n - i, &len)) || seen_dec)
			return -1;   /* a stray character, or a separator after the decimals */
		if (s == dec) {
			if (ngroups && group != 3)
				return -1;
			seen_dec = 1;
			buf[k++] = '.';
		} else {
			if ((sep && s != sep) || (ngroups ? group != 3 : group < 1 || group > 3) ||
			    (!ngroups && t[i - group] == '0'))
				return -1;   /* groups are 1-3 digits, then exactly 3 */
			sep = s;
			ngroups++;
			group = 0;
		}
		i += len;
		if (i >= n || !is_digit(t[i]))
			return -1;   /* digits must follow every separator */
	}
	if (!seen_dec && ngroups && group != 3)
		return -1;
	if (!intd && !seen_dec)
		return -1;
	buf[k] = '\0';
	return num_parse_mark(buf, '.', out) == NUM_OK ? 0 : -1;
}

/* An operator at p: '*', '/', '+' or '-' (x, X and × are times, ÷ is
 * divided by), its length in *len; 0 for none. */
static int op_at(const char *p, size_t *len)
{
	*len = 1;
	if (*p == '*' || *p == '/' || *p == '+' || *p == '-')
		return *p;
	if (*p == 'x' || *p == 'X')
		return '*';
	*len = 2;
	if (!strncmp(p, "\xc3\x97", 2))
		return '*';
	if (!strncmp(p, "\xc3\xb7", 2))
		return '/';
	return 0;
}

static int is_blank_at(const char *p, const char *end, size_t *len)
{
	*len = 1;
	if (p < end && (*p == ' ' || *p == '\t'))
		return 1;
	*len = 2;
	return end - p >= 2 && !strncmp(p, "\xc2\xa0", 2);
}

/* v[0..n) joined by ops[0..n-1), * and / first; 0 and *out, or -1 when a
 * division by zero or an overflow leaves no finite result. */
static int eval_terms(const double *v, const char *ops, int n, double *out)
{
	double sum = 0, term = v[0];
	int sign = 1;

	for (int i = 1; i <= n; i++) {
		char op = i < n ? ops[i - 1] : '+';
		if (op == '*' || op == '/') {
			if (op == '/' && v[i] == 0)
				return -1;
			term = op == '*' ? term * v[i] : term / v[i];
			continue;
		}
		sum += sign * term;
		sign = op == '-' ? -1 : 1;
		if (i < n)
			term = v[i];
	}
	if (!isfinite(sum))
		return -1;
	*out = sum;
	return 0;
}

/* Split s into operands and operators: the first operand starts at s; a
 * sign right after an operator belongs to the next operand.  Each operand
 * is read in both conventions into a[] (the language's) and b[] (the other
 * one where the two differ).  Returns the count, or -1 for garbage. */
static int split(const char *s, char dec, double *a, double *b, char *ops, int *amb, int *other)
{
	const char *p = s, *end = s + strlen(s);
	int nt = 0;

	for (;;) {
		const char *q, *e;
		size_t len;
		double u, o;
		int uok, ook;

		while (is_blank_at(p, end, &len))
			p += len;
		q = p + (*p == '-' || *p == '+');
		while (q < end && !op_at(q, &len))
			q++;
		e = q;
		while (e > p && (e[-1] == ' ' || e[-1] == '\t' || (e - p >= 2 && !strncmp(e - 2, "\xc2\xa0", 2))))
			e -= e[-1] == ' ' || e[-1] == '\t' ? 1 : 2;
		if (nt == READ_MAX_TERMS)
			return -1;
		uok = read_strict(p, (size_t)(e - p), dec, &u) == 0;
		ook = read_strict(p, (size_t)(e - p), dec == ',' ? '.' : ',', &o) == 0;
		if (uok) {
			a[nt] = b[nt] = u;
			if (ook && o != u && memchr(p, dec, (size_t)(e - p))) {
				b[nt] = o;
				*amb = 1;
			}
		} else if (ook) {
			a[nt] = NAN;
			b[nt] = o;
			*other = 1;
		} else {
			return -1;
		}
		if (fabs(b[nt]) >= READ_LIMIT || (uok && fabs(a[nt]) >= READ_LIMIT))
			a[nt] = b[nt] = INFINITY;
		nt++;
		if (q >= end)
			return nt;
		ops[nt - 1] = (char)op_at(q, &len);
		p = q + len;
	}
}

int num_read_lang(const char *s, const char *lang, struct num_reading *r)
{
	double a[READ_MAX_TERMS], b[READ_MAX_TERMS], va = 0, vb = 0;
	char ops[READ_MAX_TERMS];
	int amb = 0, other = 0, nt;
	char dec = lang && !strcmp(lang, "vi") ? ',' : '.';

	memset(r, 0, sizeof *r);
	r->rc = NUM_INVALID;
	if (!s || strlen(s) > NUM_MAX_LEN || (nt = split(s, dec, a, b, ops, &amb, &other)) < 0)
		return r->rc;
	r->calc = nt > 1;
	if (eval_terms(b, ops, nt, &vb) != 0 || fabs(vb) >= READ_LIMIT ||
	    (!other && (eval_terms(a, ops, nt, &va) != 0 || fabs(va) >= READ_LIMIT)))
		return r->rc = NUM_RANGE;
	if (other) {
		r->alt = vb;
		return r->rc = NUM_OTHER;
	}
	r->value = va;
	if (amb && vb != va) {
		r->alt = vb;
		return r->rc = NUM_AMBIGUOUS;
	}
	return r->rc = NUM_OK;
}

int num_read(const char *s, struct num_reading *r)
{
	return num_read_lang(s, i18n_lang(), r);
}

void num_write_lang(double v, const char *lang, int group, char *out, size_t n)
{
	char c[64], buf[128];
	const char *d;
	size_t nd, o = 0;
	int vi = lang && !strcmp(lang, "vi");

	num_format(v, c, sizeof c);
	d = c + (c[0] == '-');
	nd = strspn(d, "0123456789");
	if (c[0] == '-')
		buf[o++] = '-';
	for (size_t i = 0; i < nd; i++) {
		if (group && nd >= (size_t)group && i && (nd - i) % 3 == 0 && !strchr(d, 'e')) {
			buf[o++] = '\xc2';
			buf[o++] = '\xa0';
		}
		buf[o++] = d[i];
	}
	for (const char *p = d + nd; *p; p++)
		buf[o++] = *p == '.' && vi ? ',' : *p;
	buf[o] = '\0';
	snprintf(out, n, "%s", buf);
}

void num_write(double v, char *out, size_t n)
{
	num_write_lang(v, i18n_lang(), 5, out, n);
}
