/* expr_func.c — the functions ODK expressions may call, as one table.
 *
 * The parser checks names and argument counts against expr_funcs[]; the
 * evaluator calls the handler with the call node, so a handler decides itself
 * which arguments to evaluate (if() and coalesce() are lazy). */
#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <string.h>

#include "form/expr_ast.h"
#include "base/mem.h"

/* Longest regex() pattern accepted, in bytes. */
#define RE_MAX_LEN 1024
/* Largest regex_cost() accepted: glibc expands x{n} into n copies. */
#define RE_MAX_COST 5000

static struct expr_val arg(const struct expr_node *n, size_t i, const struct expr_env *env)
{
	return expr_eval_node(n->kid[i], env);
}

double expr_arg_num(const struct expr_node *n, size_t i, const struct expr_env *env)
{
	struct expr_val v = arg(n, i, env);
	double d = exv_to_num(&v);
	exv_free(&v);
	return d;
}

int expr_arg_bool(const struct expr_node *n, size_t i, const struct expr_env *env)
{
	struct expr_val v = arg(n, i, env);
	int b = exv_to_bool(&v);
	exv_free(&v);
	return b;
}

/* The argument as a string the caller owns (numbers formatted). */
char *expr_arg_str(const struct expr_node *n, size_t i, const struct expr_env *env)
{
	struct expr_val v = arg(n, i, env);
	char buf[32];
	char *s;

	if (v.own)
		return v.own;
	s = xstrdup(exv_to_str(&v, buf));
	return s;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Number of space-separated tokens in list; with item, 1 when item is one of them. */
static size_t tokens(const char *list, const char *item)
{
	size_t count = 0, ilen = item ? strlen(item) : 0;

	for (const char *p = list;;) {
		size_t len = 0;
		while (is_space(*p))
			p++;
		while (p[len] && !is_space(p[len]))
			len++;
		if (!len)
			break;
		if (item && len == ilen && memcmp(p, item, len) == 0)
			return 1;
		count++;
		p += len;
	}
	return item ? 0 : count;
}

static struct expr_val f_if(const struct expr_node *n, const struct expr_env *env)
{
	return arg(n, expr_arg_bool(n, 0, env) ? 1 : 2, env);
}

static struct expr_val f_selected(const struct expr_node *n, const struct expr_env *env)
{
	char *list = expr_arg_str(n, 0, env), *item = expr_arg_str(n, 1, env), *it = item;
	size_t len;
	int found;

	/* JavaRosa trims the choice name, so selected(${q}, ' a') works. */
	while (is_space(*it))
		it++;
	len = strlen(it);
	while (len && is_space(it[len - 1]))
		it[--len] = '\0';
	found = len && tokens(list, it);
	free(list);
	free(item);
	return exv_bool(found);
}

static struct expr_val f_count_selected(const struct expr_node *n, const struct expr_env *env)
{
	char *list = expr_arg_str(n, 0, env);
	double c = (double)tokens(list, NULL);

	free(list);
	return exv_num(c);
}

static struct expr_val f_coalesce(const struct expr_node *n, const struct expr_env *env)
{
	struct expr_val v = arg(n, 0, env);

	/* JavaRosa's isNull(): an empty string or NaN */
	if (v.t == EXV_STR ? v.s[0] != '\0' : !(v.t == EXV_NUM && isnan(v.n)))
		return v;
	exv_free(&v);
	return arg(n, 1, env);
}

static struct expr_val f_concat(const struct expr_node *n, const struct expr_env *env)
{
	char *out = xstrdup("");
	size_t len = 0;

	if (n->nkid == 1 && n->kid[0]->kind == EXN_REF && env->count && env->nth) {
		free(out);
		return exv_own(expr_join_instances(n->kid[0]->str, env));
	}
	for (size_t i = 0; i < n->nkid; i++) {
		char *s = expr_arg_str(n, i, env);
		size_t sl = strlen(s);
		out = xrealloc(out, len + sl + 1);
		memcpy(out + len, s, sl + 1);
		len += sl;
		free(s);
	}
	return exv_own(out);
}

static struct expr_val f_string_length(const struct expr_node *n, const struct expr_env *env)
{
	char *s = n->nkid ? expr_arg_str(n, 0, env) : xstrdup(env->dot ? env->dot : "");
	size_t chars = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		chars += (*p & 0xC0) != 0x80; /* characters, not UTF-8 bytes */
	free(s);
	return exv_num((double)chars);
}

/* Read a decimal bound at *pp (none reads as `none`), saturating. */
static unsigned long bound(const char **pp, unsigned long none)
{
	const char *p = *pp;
	unsigned long v = 0;

	if (*p < '0' || *p > '9')
		return none;
	for (; *p >= '0' && *p <= '9'; p++)
		v = v > RE_MAX_COST ? v : v * 10 + (unsigned long)(*p - '0');
	*pp = p;
	return v;
}

/* An estimate of how large glibc's compiled form of a pattern grows: its
 * length times the product of its repetition bounds (x{n} is expanded into
 * n copies, nested bounds multiply, and x+ into x x*, so a run of + doubles).  Back-references (\1) count as too
 * costly: they make matching exponential. */
static unsigned long regex_cost(const char *pat)
{
	unsigned long cost = 1;

	for (const char *p = pat; *p && cost <= RE_MAX_COST; p++) {
		unsigned long lo, hi;
		if (p[0] == '\\' && p[1] >= '1' && p[1] <= '9')
			return RE_MAX_COST + 1;
		if (*p == '+')
			cost *= 2;
		if (*p != '{')
			continue;
		p++;
		lo = bound(&p, 0);
		hi = lo;
		if (*p == ',') {
			p++;
			hi = bound(&p, lo + 1); /* {n,} is n copies and a star */
		}
		cost *= (hi > lo ? hi : lo) + 1;
		if (!*p)
			break;
	}
	return cost * (strlen(pat) + 1);
}

regex_t *expr_regex_compile(const char *pattern)
{
	regex_t *re;

	if (strlen(pattern) > RE_MAX_LEN || regex_cost(pattern) > RE_MAX_COST)
		return NULL;
	re = xmalloc(sizeof *re);
	if (regcomp(re, pattern, REG_EXTENDED) != 0) {
		free(re);
		return NULL;
	}
	return re;
}

void expr_regex_free(regex_t *re)
{
	if (re) {
		regfree(re);
		free(re);
	}
}

/* POSIX matching is leftmost-longest, so the value matches as a whole exactly
 * when the match found starts at 0 and ends at its end.  This avoids wrapping
 * the pattern in ^( )$, which an unbalanced ')' in it could subvert. */
static int whole_match(const regex_t *re, const char *s)
{
	regmatch_t m;

	return regexec(re, s, 1, &m, 0) == 0 && m.rm_so == 0 && (size_t)m.rm_eo == strlen(s);
}

static struct expr_val f_regex(const struct expr_node *n, const struct expr_env *env)
{
	char *value = expr_arg_str(n, 0, env);
	int ok = 0;

	if (n->re) {
		ok = whole_match(n->re, value);
	} else {
		char *pattern = expr_arg_str(n, 1, env);
		regex_t *re = expr_regex_compile(pattern);
		ok = re && whole_match(re, value);
		expr_regex_free(re);
		free(pattern);
	}
	free(value);
	return exv_bool(ok);
}

static struct expr_val f_number(const struct expr_node *n, const struct expr_env *env)
{
	return exv_num(expr_arg_num(n, 0, env));
}

/* JavaRosa's toInt(): truncation; NaN and infinities stay. */
static struct expr_val f_int(const struct expr_node *n, const struct expr_env *env)
{
	double x = expr_arg_num(n, 0, env);

	if (isnan(x) || isinf(x) || fabs(x) >= 9.2e18)
		return exv_num(x);
	return exv_num(trunc(x));
}

static struct expr_val f_round(const struct expr_node *n, const struct expr_env *env)
{
	double x = expr_arg_num(n, 0, env);
	double d = n->nkid > 1 ? expr_arg_num(n, 1, env) : 0;

	return exv_num(expr_round(x, d));
}

/* Proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant). */
void expr_civil_from_days(long z, long *y, long *m, long *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

/* Local time in milliseconds since the epoch, within ±100,000 years. */
static long long local_ms(const struct expr_env *env)
{
	const long long lim = 3155760000000000LL;
	long long ms = env->now_ms, tz = env->tz_min;

	ms = ms > lim ? lim : ms < -lim ? -lim : ms;
	tz = tz > 1440 ? 1440 : tz < -1440 ? -1440 : tz;
	return ms + tz * 60000;
}

static long long floor_div(long long a, long long b)
{
	return a / b - (a % b < 0);
}

static struct expr_val f_today(const struct expr_node *n, const struct expr_env *env)
{
	long y, m, d;

	(void)n;
	long long day = floor_div(local_ms(env), 86400000);
	char *t;

	expr_civil_from_days((long)day, &y, &m, &d);
	t = xasprintf("%04ld-%02ld-%02ld", y, m, d);
	return exv_date(t, t, (double)day);
}

static struct expr_val f_now(const struct expr_node *n, const struct expr_env *env)
{
	long long ms = local_ms(env), day = floor_div(ms, 86400000);
	long long in = ms - day * 86400000;
	int tz = env->tz_min > 1440 ? 1440 : env->tz_min < -1440 ? -1440 : env->tz_min;
	int atz = tz < 0 ? -tz : tz;
	long y, m, d;

	(void)n;
	char *t;

	expr_civil_from_days((long)day, &y, &m, &d);
	t = xasprintf("%04ld-%02ld-%02ldT%02d:%02d:%02d.%03d%c%02d:%02d", y, m, d,
		      (int)(in / 3600000), (int)(in / 60000 % 60), (int)(in / 1000 % 60),
		      (int)(in % 1000), tz < 0 ? '-' : '+', atz / 60, atz % 60);
	return exv_date(t, t, (double)day);
}

static struct expr_val f_not(const struct expr_node *n, const struct expr_env *env)
{
	return exv_bool(!expr_arg_bool(n, 0, env));
}

static struct expr_val f_true(const struct expr_node *n, const struct expr_env *env)
{
	(void)n, (void)env;
	return exv_bool(1);
}

static struct expr_val f_false(const struct expr_node *n, const struct expr_env *env)
{
	(void)n, (void)env;
	return exv_bool(0);
}

/* sum() over every instance, skipping NaN (JavaRosa's sum()). */
static struct expr_val f_sum(const struct expr_node *n, const struct expr_env *env)
{
	const char *name = n->kid[0]->str;
	size_t count;
	double s = 0;

	if (!env->count || !env->nth) {
		double x = expr_arg_num(n, 0, env);
		return exv_num(isnan(x) ? 0 : x);
	}
	count = env->count(env->arg, name);
	for (size_t i = 0; i < count; i++) {
		double x = expr_instance_num(name, i, env);
		if (!isnan(x))
			s += x;
	}
	return exv_num(s);
}

static struct expr_val f_count(const struct expr_node *n, const struct expr_env *env)
{
	const char *name = n->kid[0]->str;

	if (env->count)
		return exv_num((double)env->count(env->arg, name));
	return exv_num(env->lookup && env->lookup(env->arg, name) ? 1 : 0);
}

const struct expr_func expr_funcs[] = {
	{ .name = "if", .min = 3, .max = 3, .fn = f_if },
	{ .name = "selected", .min = 2, .max = 2, .fn = f_selected },
	{ .name = "count-selected", .min = 1, .max = 1, .fn = f_count_selected },
	{ .name = "coalesce", .min = 2, .max = 2, .fn = f_coalesce },
	{ .name = "concat", .min = 0, .max = -1, .fn = f_concat },
	{ .name = "string-length", .min = 0, .max = 1, .fn = f_string_length },
	{ .name = "regex", .min = 2, .max = 2, .fn = f_regex },
	{ .name = "number", .min = 1, .max = 1, .fn = f_number },
	{ .name = "int", .min = 1, .max = 1, .fn = f_int },
	{ .name = "round", .min = 1, .max = 2, .fn = f_round },
	{ .name = "today", .min = 0, .max = 0, .fn = f_today },
	{ .name = "now", .min = 0, .max = 0, .fn = f_now },
	{ .name = "not", .min = 1, .max = 1, .fn = f_not },
	{ .name = "true", .min = 0, .max = 0, .fn = f_true },
	{ .name = "false", .min = 0, .max = 0, .fn = f_false },
	{ .name = "sum", .min = 1, .max = 1, .ref_arg = 1, .fn = f_sum },
	{ .name = "count", .min = 1, .max = 1, .ref_arg = 1, .fn = f_count },
	{ .name = "count-non-empty", .min = 1, .max = 1, .ref_arg = 1, .fn = exf_count_non_empty },
	{ .name = "max", .min = 1, .max = -1, .fn = exf_max },
	{ .name = "min", .min = 1, .max = -1, .fn = exf_min },
	{ .name = "boolean", .min = 1, .max = 1, .fn = exf_boolean },
	{ .name = "string", .min = 1, .max = 1, .fn = exf_string },
	{ .name = "contains", .min = 2, .max = 2, .fn = exf_contains },
	{ .name = "starts-with", .min = 2, .max = 2, .fn = exf_starts_with },
	{ .name = "ends-with", .min = 2, .max = 2, .fn = exf_ends_with },
	{ .name = "substr", .min = 2, .max = 3, .fn = exf_substr },
	{ .name = "selected-at", .min = 2, .max = 2, .fn = exf_selected_at },
	{ .name = "date", .min = 1, .max = 1, .fn = exf_date },
	{ .name = "decimal-date-time", .min = 1, .max = 1, .fn = exf_decimal_date_time },
	{ .name = "format-date", .min = 2, .max = 2, .fn = exf_format_date },
	{ .name = "once", .min = 1, .max = 1, .fn = exf_once },
	{ .name = "position", .min = 1, .max = 1, .fn = exf_position },
	{ .name = "indexed-repeat", .min = 3, .max = 5, .fn = exf_indexed_repeat },
	{ .name = "jr:choice-name", .min = 2, .max = 2, .fn = exf_choice_name },
	{ .name = NULL },
};
