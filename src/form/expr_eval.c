/* expr_eval.c — evaluating parsed expressions with ODK value semantics.
 *
 * Values are strings, numbers, booleans or dates (struct expr_val); answers
 * come in as strings from the environment, typed by env->type as JavaRosa
 * unpacks a node, and are converted where an operator needs it, following
 * the rules documented in expr.h (XPathEqExpr, XPathCmpExpr, toNumeric).  Numbers are read and written
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

/* n digits at s as a number, or -1. */
static long num_at(const char *s, size_t n)
{
	long v = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int valid_ymd(long y, long m, long d)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	return !(m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
}

int expr_parse_datetime(const char *s, int tz_min, double *days, double *ms)
{
	size_t n = strlen(s);
	long y, mo, d, h = 0, mi = 0, sec = 0, milli = 0, off = tz_min;
	const char *p;

	if (n < 10 || s[4] != '-' || s[7] != '-')
		return 0;
	y = num_at(s, 4);
	mo = num_at(s + 5, 2);
	d = num_at(s + 8, 2);
	if (y < 0 || !valid_ymd(y, mo, d))
		return 0;
	p = s + 10;
	if (*p == 'T') {
		if ((h = num_at(p + 1, 2)) < 0 || p[3] != ':' || (mi = num_at(p + 4, 2)) < 0)
			return 0;
		p += 6;
		if (*p == ':') {
			if ((sec = num_at(p + 1, 2)) < 0)
				return 0;
			p += 3;
			if (*p == '.') {
				size_t k = 1;
				long scale = 100;
				milli = 0;
				for (; p[k] >= '0' && p[k] <= '9'; k++, scale /= 10)
					milli += (p[k] - '0') * scale;
				if (k == 1)
					return 0;
				p += k;
			}
		}
		if (h > 23 || mi > 59 || sec > 59)
			return 0;
		if (*p == 'Z') {
			off = 0;
			p++;
		} else if (*p == '+' || *p == '-') {
			long sign = *p == '-' ? -1 : 1, oh = num_at(p + 1, 2), om = 0;
			if (oh < 0 || oh > 14)
				return 0;
			if (p[3] == ':') {
				if ((om = num_at(p + 4, 2)) < 0)
					return 0;
				p += 6;
			} else if ((om = num_at(p + 3, 2)) >= 0) {
				p += 5;
			} else {
				om = 0;
				p += 3;
			}
			if (om > 59)
				return 0;
			off = sign * (oh * 60 + om);
		}
	}
	if (*p)
		return 0;
	double utc = ((double)days_from_civil(y, mo, d) * 86400000.0 + h * 3600000.0 +
		      mi * 60000.0 + sec * 1000.0 + milli) - off * 60000.0;
	if (ms)
		*ms = utc;
	/* the day number as the clock at tz_min shows it (JavaRosa: local) */
	*days = floor((utc + tz_min * 60000.0) / 86400000.0);
	return 1;
}

/* ---- operators --------------------------------------------------------- */

/* JavaRosa's XPathEqExpr: booleans, else numbers within 1e-12, else texts. */
static int values_equal(const struct expr_val *a, const struct expr_val *b)
{
	char ba[32], bb[32];

	if (a->t == EXV_BOOL || b->t == EXV_BOOL)
		return exv_to_bool(a) == exv_to_bool(b);
	if (a->t == EXV_NUM || b->t == EXV_NUM) {
		double x = exv_to_num(a), y = exv_to_num(b);
		if (isinf(x) || isinf(y))
			return x == y;
		return fabs(x - y) < 1e-12;
	}
	return strcmp(exv_to_str(a, ba), exv_to_str(b, bb)) == 0;
}

/* XPathCmpExpr: both sides as numbers, whatever they are. */
static int compare(const struct expr_val *a, const struct expr_val *b, int op)
{
	double x = exv_to_num(a), y = exv_to_num(b);

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

/* A stored answer of type `type` as a value. */
struct expr_val expr_typed(const char *v, int type, int tz_min)
{
	double days, n;

	if (!v || !*v)
		return exv_borrow("");
	switch (type) {
	case EXR_STR:
		return exv_borrow(v);
	case EXR_NUM:
		return exv_num(expr_to_num(v));
	case EXR_DATE:
	case EXR_DATETIME:
		if (expr_parse_datetime(v, tz_min, &days, NULL))
			return exv_date(v, NULL, days);
		return exv_borrow(v);
	default:
		/* JavaRosa keeps a calculation's result typed: IntegerData,
		 * DecimalData, BooleanData, DateData read back as such. */
		if (strcmp(v, "true") == 0 || strcmp(v, "false") == 0)
			return exv_bool(v[0] == 't');
		n = expr_stored_num(v);
		if (!isnan(n))
			return exv_num(n);
		if (strlen(v) == 10 && expr_parse_datetime(v, tz_min, &days, NULL))
			return exv_date(v, NULL, days);
		return exv_borrow(v);
	}
}

static struct expr_val ref_value(const char *name, const struct expr_env *env)
{
	const char *v = env->lookup ? env->lookup(env->arg, name) : NULL;
	int type = env->type ? env->type(env->arg, name) : EXR_AUTO;

	return expr_typed(v, type, env->tz_min);
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
		return ref_value(n->str, env);
	case EXN_DOT:
		return expr_typed(env->dot, env->dot_type, env->tz_min);
	case EXN_COL:
		return exv_borrow(env->column ? env->column(env->arg, n->str) : NULL);
	case EXN_PARENT:
		return exv_borrow("");
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

	if (v.t == EXV_NUM) {
		s = xstrdup(expr_fmt_num(v.n, buf, sizeof buf));
	} else if (v.own) {
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
