/* expr_func_more.c — the functions beyond the first subset: strings,
 * max/min over repeats, dates, once, position, indexed-repeat and
 * jr:choice-name, each as JavaRosa's XPathFuncExpr defines it.
 *
 * Where JavaRosa throws (date('not a date'), an unknown format-date escape)
 * Collect shows an error; here the result is empty, and `form check` cannot
 * see it either, since it depends on the answers. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/expr_ast.h"
#include "base/mem.h"

/* Number of characters (UTF-8 code points) in s. */
static size_t u8len(const char *s)
{
	size_t n = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		n += (*p & 0xC0) != 0x80;
	return n;
}

/* Byte offset of character k of s (k <= u8len(s)). */
static size_t u8off(const char *s, size_t k)
{
	size_t i = 0;

	for (; s[i] && k; k -= 1) {
		i++;
		while (((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
	}
	return i;
}

double expr_instance_num(const char *name, size_t i, const struct expr_env *env)
{
	const char *v = env->nth(env->arg, name, i);
	int type = env->type ? env->type(env->arg, name) : EXR_AUTO;
	struct expr_val x = expr_typed(v, type, env->tz_min);
	double d = exv_to_num(&x);

	exv_free(&x);
	return d;
}

char *expr_join_instances(const char *name, const struct expr_env *env)
{
	size_t count = env->count(env->arg, name), len = 0;
	char *out = xstrdup(""), buf[32];
	int type = env->type ? env->type(env->arg, name) : EXR_AUTO;

	for (size_t i = 0; i < count; i++) {
		struct expr_val x = expr_typed(env->nth(env->arg, name, i), type, env->tz_min);
		const char *t = exv_to_str(&x, buf);
		size_t tl = strlen(t);
		out = xrealloc(out, len + tl + 1);
		memcpy(out + len, t, tl + 1);
		len += tl;
		exv_free(&x);
	}
	return out;
}

/* max/min: of one repeated ${f} its instances, else of the arguments; NaN
 * ones are skipped and NaN comes back when none is left. */
static struct expr_val extreme(const struct expr_node *n, const struct expr_env *env, int want_max)
{
	double best = NAN;
	int single = n->nkid == 1 && n->kid[0]->kind == EXN_REF && env->count && env->nth;
	size_t count = single ? env->count(env->arg, n->kid[0]->str) : n->nkid;

	for (size_t i = 0; i < count; i++) {
		double x = single ? expr_instance_num(n->kid[0]->str, i, env) : expr_arg_num(n, i, env);
		if (isnan(x))
			continue;
		if (isnan(best) || (want_max ? x > best : x < best))
			best = x;
	}
	return exv_num(best);
}

struct expr_val exf_max(const struct expr_node *n, const struct expr_env *env)
{
	return extreme(n, env, 1);
}

struct expr_val exf_min(const struct expr_node *n, const struct expr_env *env)
{
	return extreme(n, env, 0);
}

struct expr_val exf_count_non_empty(const struct expr_node *n, const struct expr_env *env)
{
	const char *name = n->kid[0]->str;
	size_t count, k = 0;

	if (!env->count || !env->nth) {
		const char *v = env->lookup ? env->lookup(env->arg, name) : NULL;
		return exv_num(v && *v ? 1 : 0);
	}
	count = env->count(env->arg, name);
	for (size_t i = 0; i < count; i++) {
		const char *v = env->nth(env->arg, name, i);
		k += v && *v;
	}
	return exv_num((double)k);
}

struct expr_val exf_boolean(const struct expr_node *n, const struct expr_env *env)
{
	return exv_bool(expr_arg_bool(n, 0, env));
}

struct expr_val exf_string(const struct expr_node *n, const struct expr_env *env)
{
	return exv_own(expr_arg_str(n, 0, env));
}

/* contains / starts-with / ends-with: which is 0, 1, 2. */
static struct expr_val str_test(const struct expr_node *n, const struct expr_env *env, int which)
{
	char *a = expr_arg_str(n, 0, env), *b = expr_arg_str(n, 1, env);
	size_t al = strlen(a), bl = strlen(b);
	int r;

	if (which == 0)
		r = strstr(a, b) != NULL;
	else if (which == 1)
		r = strncmp(a, b, bl) == 0;
	else
		r = bl <= al && strcmp(a + al - bl, b) == 0;
	free(a);
	free(b);
	return exv_bool(r);
}

struct expr_val exf_contains(const struct expr_node *n, const struct expr_env *env)
{
	return str_test(n, env, 0);
}

struct expr_val exf_starts_with(const struct expr_node *n, const struct expr_env *env)
{
	return str_test(n, env, 1);
}

struct expr_val exf_ends_with(const struct expr_node *n, const struct expr_env *env)
{
	return str_test(n, env, 2);
}

/* Java's (int) of a double. */
static long jint(double x)
{
	if (isnan(x))
		return 0;
	if (x >= 2147483647.0)
		return 2147483647L;
	if (x <= -2147483648.0)
		return -2147483647L - 1;
	return (long)x;
}

/* substr(s, start [, end]): characters start..end-1 from 0; negative counts
 * from the end (JavaRosa's substring()). */
struct expr_val exf_substr(const struct expr_node *n, const struct expr_env *env)
{
	char *s = expr_arg_str(n, 0, env);
	long len = (long)u8len(s), start = jint(expr_arg_num(n, 1, env));
	long end = n->nkid > 2 ? jint(expr_arg_num(n, 2, env)) : len;
	char *out;

	if (start < 0)
		start += len;
	if (end < 0)
		end += len;
	end = end < 0 ? 0 : end > len ? len : end;
	start = start < 0 ? 0 : start > len ? len : start;
	if (start > end) {
		free(s);
		return exv_borrow("");
	}
	size_t a = u8off(s, (size_t)start), b = u8off(s, (size_t)end);
	out = xstrndup(s + a, b - a);
	free(s);
	return exv_own(out);
}

/* selected-at(list, i): the i-th (from 0) space-separated item, or "". */
struct expr_val exf_selected_at(const struct expr_node *n, const struct expr_env *env)
{
	char *list = expr_arg_str(n, 0, env);
	long want = jint(expr_arg_num(n, 1, env)), k = 0;
	char *out = NULL;

	for (char *p = list; *p && !out;) {
		size_t len;
		while (*p == ' ')
			p++;
		len = strcspn(p, " ");
		if (!len)
			break;
		if (k++ == want)
			out = xstrndup(p, len);
		p += len;
	}
	free(list);
	return out ? exv_own(out) : exv_borrow("");
}

/* A date value of day number day. */
static struct expr_val date_of_day(double day)
{
	long y, m, d;
	char *t;

	expr_civil_from_days((long)day, &y, &m, &d);
	t = xasprintf("%04ld-%02ld-%02ld", y, m, d);
	return exv_date(t, t, day);
}

/* The argument as milliseconds since the epoch (UTC) and local day number;
 * 0 when it is empty or NaN (*ms untouched), -1 when it is no date. */
static int arg_time(const struct expr_node *n, size_t i, const struct expr_env *env, double *ms,
		    double *day)
{
	struct expr_val v = expr_eval_node(n->kid[i], env);
	int rc = 1;

	if (v.t == EXV_NUM || v.t == EXV_BOOL) {
		if (isnan(v.n))
			rc = 0;
		else if (isinf(v.n) || fabs(v.n) > 2147483647.0)
			rc = -1;
		else
			*ms = v.n * 86400000.0, *day = floor(v.n);
	} else if (!v.s[0]) {
		rc = 0;
	} else if (!expr_parse_datetime(v.s, env->tz_min, day, ms)) {
		rc = -1;
	}
	exv_free(&v);
	return rc;
}

/* date(x): a number of days since 1970 (truncated) or a date text. */
struct expr_val exf_date(const struct expr_node *n, const struct expr_env *env)
{
	struct expr_val v = expr_eval_node(n->kid[0], env);
	double day, ms;

	if (v.t == EXV_DATE) {
		day = v.n;
		exv_free(&v);
		return date_of_day(day);
	}
	if (v.t == EXV_NUM) {
		day = trunc(v.n);
		if (isnan(day) || isinf(day) || fabs(day) > 2147483647.0)
			return exv_num(NAN);
		return date_of_day(day);
	}
	if (v.t == EXV_BOOL || !v.s[0] || !expr_parse_datetime(v.s, env->tz_min, &day, &ms)) {
		exv_free(&v);
		return exv_borrow("");
	}
	exv_free(&v);
	return date_of_day(day);
}

/* decimal-date-time(x): days since 1970-01-01T00:00Z, with the fraction. */
struct expr_val exf_decimal_date_time(const struct expr_node *n, const struct expr_env *env)
{
	double ms = 0, day;
	int rc = arg_time(n, 0, env, &ms, &day);

	if (rc == 0)
		return exv_borrow("");
	if (rc < 0)
		return exv_num(NAN);
	return exv_num(ms / 86400000.0);
}

/* format-date(date, format) with JavaRosa's escapes %Y %y %m %n %b %d %e
 * %H %h %M %S %3 %a %%, in local time; English month and day names. */
struct expr_val exf_format_date(const struct expr_node *n, const struct expr_env *env)
{
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	static const char *const wday[] = { "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed" };
	double ms = 0, day;
	char *fmt, *out;
	size_t len = 0, cap;
	long y, m, d;

	if (arg_time(n, 0, env, &ms, &day) <= 0)
		return exv_borrow("");
	double local = ms + env->tz_min * 60000.0;
	long long lday = (long long)floor(local / 86400000.0);
	long long in = (long long)(local - (double)lday * 86400000.0);
	expr_civil_from_days((long)lday, &y, &m, &d);
	fmt = expr_arg_str(n, 1, env);
	cap = strlen(fmt) * 4 + 16;
	out = xmalloc(cap);
	for (const char *p = fmt; *p; p++) {
		char piece[16];
		if (*p != '%') {
			piece[0] = *p, piece[1] = '\0';
		} else {
			switch (*++p) {
			case '%': snprintf(piece, sizeof piece, "%%"); break;
			case 'Y': snprintf(piece, sizeof piece, "%04ld", y); break;
			case 'y': snprintf(piece, sizeof piece, "%02ld", y % 100); break;
			case 'm': snprintf(piece, sizeof piece, "%02ld", m); break;
			case 'n': snprintf(piece, sizeof piece, "%ld", m); break;
			case 'b': snprintf(piece, sizeof piece, "%s", mon[m - 1]); break;
			case 'd': snprintf(piece, sizeof piece, "%02ld", d); break;
			case 'e': snprintf(piece, sizeof piece, "%ld", d); break;
			case 'H': snprintf(piece, sizeof piece, "%02d", (int)(in / 3600000)); break;
			case 'h': snprintf(piece, sizeof piece, "%d", (int)(in / 3600000)); break;
			case 'M': snprintf(piece, sizeof piece, "%02d", (int)(in / 60000 % 60)); break;
			case 'S': snprintf(piece, sizeof piece, "%02d", (int)(in / 1000 % 60)); break;
			case '3': snprintf(piece, sizeof piece, "%03d", (int)(in % 1000)); break;
			case 'a': snprintf(piece, sizeof piece, "%s", wday[((lday % 7) + 7) % 7]); break;
			default:
				free(fmt);
				free(out);
				return exv_borrow(""); /* JavaRosa: unrecognized escape */
			}
		}
		size_t pl = strlen(piece);
		if (len + pl + 1 > cap)
			out = xrealloc(out, cap = (len + pl + 1) * 2);
		memcpy(out + len, piece, pl + 1);
		len += pl;
	}
	out[len] = '\0';
	free(fmt);
	return exv_own(out);
}

/* once(x): the current value when there is one, else x. */
struct expr_val exf_once(const struct expr_node *n, const struct expr_env *env)
{
	if (env->dot && *env->dot)
		return expr_typed(env->dot, env->dot_type, env->tz_min);
	return expr_eval_node(n->kid[0], env);
}

/* position(..): the current repeat entry's number from 1. */
struct expr_val exf_position(const struct expr_node *n, const struct expr_env *env)
{
	(void)n;
	return exv_num(env->position ? (double)env->position(env->arg) : 0);
}

/* indexed-repeat(${f}, ${rep}, i [, ${rep2}, j]): an index below 1 counts as 1. */
struct expr_val exf_indexed_repeat(const struct expr_node *n, const struct expr_env *env)
{
	const char *reps[2];
	long idx[2];
	size_t k = 0;
	const char *v;

	for (size_t i = 1; i + 1 < n->nkid && k < 2; i += 2, k++) {
		double x = expr_arg_num(n, i + 1, env);
		reps[k] = n->kid[i]->str;
		idx[k] = jint(x) < 1 ? 1 : jint(x);
	}
	v = env->indexed ? env->indexed(env->arg, n->kid[0]->str, reps, idx, k) : NULL;
	return expr_typed(v, env->type ? env->type(env->arg, n->kid[0]->str) : EXR_AUTO,
			  env->tz_min);
}

/* jr:choice-name(value, '${field}'): the choice's label in the form's language. */
struct expr_val exf_choice_name(const struct expr_node *n, const struct expr_env *env)
{
	char *value = expr_arg_str(n, 0, env);
	const char *field = n->kid[1]->str, *label = NULL;
	char name[128];
	size_t len;

	if (strncmp(field, "${", 2) == 0 && (len = strlen(field)) > 3 && field[len - 1] == '}' &&
	    len - 3 < sizeof name) {
		memcpy(name, field + 2, len - 3);
		name[len - 3] = '\0';
		if (env->choice_label)
			label = env->choice_label(env->arg, name, value);
	}
	free(value);
	return exv_own(xstrdup(label ? label : ""));
}
