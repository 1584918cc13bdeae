/* expr_eval.c — evaluating parsed expressions with ODK value semantics.
 *
 * Values are strings, numbers or booleans (struct expr_val); answers come in
 * as strings from the environment and are converted where an operator needs
 * it, following the rules documented in expr.h.  Numbers are read and written
 * with '.' whatever LC_NUMERIC says: a Vietnamese locale uses ',', and a form
 * must compute the same everywhere. */
#include "form/expr.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/expr_ast.h"
#include "base/mem.h"

/* ---- numbers and dates ------------------------------------------------- */

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static long days_from_civil(long y, long m, long d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* yyyy-mm-dd (nothing else) → days since the epoch; 0 when it is not a date. */
static int parse_date(const char *s, size_t n, double *days)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	long y, m, d;

	if (n != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4) || !digits(s + 5, 2) ||
	    !digits(s + 8, 2))
		return 0;
	y = strtol(s, NULL, 10);
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return 0;
	*days = (double)days_from_civil(y, m, d);
	return 1;
}

/* Length of a decimal number at s ([+-] digits [. digits] [e [+-] digits]), 0 if none. */
static size_t number_len(const char *s)
{
	size_t i = 0, mant = 0;

	if (s[i] == '+' || s[i] == '-')
		i++;
	while (s[i] >= '0' && s[i] <= '9')
		i++, mant++;
	if (s[i] == '.') {
		i++;
		while (s[i] >= '0' && s[i] <= '9')
			i++, mant++;
	}
	if (!mant)
		return 0;
	if (s[i] == 'e' || s[i] == 'E') {
		size_t j = i + 1;
		if (s[j] == '+' || s[j] == '-')
			j++;
		if (s[j] >= '0' && s[j] <= '9') {
			while (s[j] >= '0' && s[j] <= '9')
				j++;
			i = j;
		}
	}
	return i;
}

/* strtod() with '.' as the decimal point whatever the locale says. */
static double c_strtod(const char *s, size_t n)
{
	const char *dp = localeconv()->decimal_point;
	size_t dpl = strlen(dp);
	char *buf = xmalloc(n * (dpl ? dpl : 1) + 1), *o = buf;
	double v;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.' && dpl) {
			memcpy(o, dp, dpl);
			o += dpl;
		} else {
			*o++ = s[i];
		}
	}
	*o = '\0';
	v = strtod(buf, NULL);
	free(buf);
	return v;
}

double expr_to_num(const char *s)
{
	size_t n, len;
	double days;

	while (is_blank(*s))
		s++;
	len = strlen(s);
	while (len && is_blank(s[len - 1]))
		len--;
	if (parse_date(s, len, &days))
		return days;
	n = number_len(s);
	if (!n || n != len)
		return NAN;
	return c_strtod(s, n);
}

char *expr_fmt_num(double x, char *buf, size_t len)
{
	const char *dp = localeconv()->decimal_point;
	char *p;

	if (!len)
		return buf;
	buf[0] = '\0';
	if (!isfinite(x))
		return buf;
	if (x == 0)
		x = 0; /* no "-0" */
	if (fabs(x) < 1e15 && x == trunc(x))
		snprintf(buf, len, "%.0f", x);
	else
		snprintf(buf, len, "%.10g", x);
	if (strcmp(dp, ".") != 0 && *dp && (p = strstr(buf, dp)) != NULL) {
		*p = '.';
		memmove(p + 1, p + strlen(dp), strlen(p + strlen(dp)) + 1);
	}
	return buf;
}

/* ---- operators --------------------------------------------------------- */

static int values_equal(const struct expr_val *a, const struct expr_val *b)
{
	double x, y;

	if (a->t == EXV_BOOL || b->t == EXV_BOOL)
		return exv_to_bool(a) == exv_to_bool(b);
	if (a->t == EXV_NUM || b->t == EXV_NUM)
		return exv_to_num(a) == exv_to_num(b);
	x = expr_to_num(a->s);
	y = expr_to_num(b->s);
	if (!isnan(x) && !isnan(y))
		return x == y;
	return strcmp(a->s, b->s) == 0;
}

static int compare(const struct expr_val *a, const struct expr_val *b, int op)
{
	double x = exv_to_num(a), y = exv_to_num(b);

	if (a->t == EXV_STR && b->t == EXV_STR && isnan(x) && isnan(y) && a->s[0] && b->s[0]) {
		int c = strcmp(a->s, b->s);
		x = c;
		y = 0;
	}
	switch (op) {
	case EXB_LT: return x < y;
	case EXB_LE: return x <= y;
	case EXB_GT: return x > y;
	default: return x >= y;
	}
}

static double arith(double x, double y, int op)
{
	switch (op) {
	case EXB_ADD: return x + y;
	case EXB_SUB: return x - y;
	case EXB_MUL: return x * y;
	case EXB_DIV: return x / y;
	default: return fmod(x, y); /* XPath mod truncates, like fmod */
	}
}

static struct expr_val eval_bin(const struct expr_node *n, const struct expr_env *env)
{
	struct expr_val a = expr_eval_node(n->kid[0], env), b, r;

	if (n->op == EXB_OR || n->op == EXB_AND) {
		int l = exv_to_bool(&a);
		exv_free(&a);
		if (l == (n->op == EXB_OR))
			return exv_bool(l); /* short-circuit, as XPath does */
		b = expr_eval_node(n->kid[1], env);
		r = exv_bool(exv_to_bool(&b));
		exv_free(&b);
		return r;
	}
	b = expr_eval_node(n->kid[1], env);
	if (n->op == EXB_EQ || n->op == EXB_NE)
		r = exv_bool(values_equal(&a, &b) == (n->op == EXB_EQ));
	else if (n->op >= EXB_LT && n->op <= EXB_GE)
		r = exv_bool(compare(&a, &b, n->op));
	else
		r = exv_num(arith(exv_to_num(&a), exv_to_num(&b), n->op));
	exv_free(&a);
	exv_free(&b);
	return r;
}

struct expr_val expr_eval_node(const struct expr_node *n, const struct expr_env *env)
{
	struct expr_val v;
	double d;

	switch (n->kind) {
	case EXN_NUM:
		return exv_num(n->num);
	case EXN_STR:
		return exv_borrow(n->str);
	case EXN_REF:
		return exv_borrow(env->lookup ? env->lookup(env->arg, n->str) : NULL);
	case EXN_DOT:
		return exv_borrow(env->dot);
	case EXN_COL:
		return exv_borrow(env->column ? env->column(env->arg, n->str) : NULL);
	case EXN_NEG:
		v = expr_eval_node(n->kid[0], env);
		d = exv_to_num(&v);
		exv_free(&v);
		return exv_num(-d);
	case EXN_BIN:
		return eval_bin(n, env);
	case EXN_CALL:
		return expr_funcs[n->op].fn(n, env);
	}
	return exv_borrow("");
}

/* Evaluation with no environment sees no fields and the epoch as its clock. */
static const struct expr_env no_env;

char *expr_eval(const struct expr *e, const struct expr_env *env)
{
	struct expr_val v = expr_eval_node(e->root, env ? env : &no_env);
	char buf[32];
	char *s;

	if (v.own) {
		s = v.own; /* hand over the buffer rather than copy it */
		v.own = NULL;
	} else {
		s = xstrdup(exv_to_str(&v, buf));
	}
	return s;
}

int expr_eval_bool(const struct expr *e, const struct expr_env *env)
{
	struct expr_val v = expr_eval_node(e->root, env ? env : &no_env);
	int b = exv_to_bool(&v);

	exv_free(&v);
	return b;
}
