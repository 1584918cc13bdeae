/* expr.h — the XLSForm/ODK expression engine: parse once, evaluate many times.
 *
 * The language is the subset of ODK XPath that sxsh forms use:
 *   ${name}  .  numbers (12, 1.5, .5)  'single' or "double" quoted strings
 *   + - * div mod  unary -  = != < <= > >=  and or  ( )
 *   if selected count-selected coalesce concat string-length regex number
 *   int round today now not true false sum count
 * Precedence, loosest first: or; and; = !=; < <= > >=; + -; * div mod;
 * unary minus.  Anything else is a parse error with a column.
 *
 * Values follow ODK (JavaRosa) rather than textbook XPath where they differ:
 * - An empty answer is "" (never 0).  Arithmetic on it gives NaN, and a
 *   result that is NaN or infinite (also division by zero) is returned as "",
 *   as JavaRosa stores no answer for NaN.
 * - Numbers print as integers without a decimal point when they are whole
 *   and below 1e15 in size; otherwise with printf "%.10g" (10 significant
 *   digits, no trailing zeros, 1e+20 style for huge ones), always with '.'
 *   as the decimal point whatever the locale.
 * - A boolean result prints as "true" or "false" (XPath string()).  JavaRosa
 *   stores a BooleanData for a calculate of boolean type; sxsh keeps answers
 *   as text, and "true"/"false" is what ODK Central and Enketo export.
 * - = and !=: if either side is a boolean, booleans are compared; else if
 *   either side is a number, numbers (NaN equals nothing, so "" = 0 is false
 *   and "" != 0 is true, as in JavaRosa and XPath); else two strings that
 *   both read as numbers compare numerically ('1.0' = '1'), any other pair
 *   of strings compares as text ('' = '' is true).
 * - < <= > >=: two non-numeric, non-empty strings compare as text, which
 *   orders yyyy-mm-dd dates correctly; otherwise both sides become numbers
 *   and any NaN (an empty answer, a word) makes the comparison false.
 * - Strings become numbers when they read as a decimal number (optional
 *   sign, digits, optional fraction and exponent, surrounding blanks
 *   allowed) or as a yyyy-mm-dd date, which counts days since 1970-01-01
 *   (so `today() - ${birth}` is a number of days, as in JavaRosa).
 * - Strings become booleans by being non-empty, numbers by being non-zero
 *   and not NaN: a relevant of `${q}` is true whenever q is answered.
 * - regex(value, pattern) is true when the POSIX extended pattern matches
 *   the whole value under the UTF-8 LC_CTYPE that i18n_init() sets.  Patterns
 *   longer than 1024 bytes, with back-references, or whose length times the
 *   product of their repetition bounds (+ counting as 2) passes 5000 are
 *   refused: glibc expands x{n} into n copies and x+ into x x*, and could
 *   exhaust memory.
 * - sum(${f}) / count(${f}) run over every instance of f in its repeat;
 *   sum of an empty value is NaN, hence "" (ODK does the same).
 * - today() is the local date yyyy-mm-dd, now() the local time
 *   yyyy-mm-ddThh:mm:ss.mmm+hh:mm, both from the caller's clock.
 * - A ${name} the environment does not know evaluates to "".
 * - In a choice_filter (expr_parse_filter) a bare name is a choices column.
 *
 * Nesting (parentheses, calls, unary minus) is capped at EXPR_MAX_NEST and
 * the tree depth at EXPR_MAX_DEPTH, so evaluation never recurses deeply. */
#ifndef SX_EXPR_H
#define SX_EXPR_H

#include <stddef.h>

/* Deepest nesting of ( ), calls and unary minus that parses. */
#define EXPR_MAX_NEST 64
/* Deepest expression tree that parses (long chains like a+b+c+...). */
#define EXPR_MAX_DEPTH 256

/* A parsed expression; opaque. */
struct expr;

/* What an expression sees while it is evaluated.  All callbacks may be NULL. */
struct expr_env {
	/* Value of ${name} in the current context (the current repeat instance
	 * when inside one); NULL when the field is unknown.  The string must
	 * stay valid until expr_eval() returns. */
	const char *(*lookup)(void *arg, const char *name);
	/* For sum()/count(): how many instances of a repeated field exist. */
	size_t (*count)(void *arg, const char *name);
	/* For sum(): value of instance i (0-based) of a repeated field; NULL
	 * counts as "". */
	const char *(*nth)(void *arg, const char *name, size_t i);
	/* For choice_filter: value of a column of the choice being filtered
	 * ("name", "label", or an extra column); NULL counts as "". */
	const char *(*column)(void *arg, const char *name);
	const char *dot;   /* value of ".", the current answer; NULL means "" */
	long long now_ms;  /* clock for today()/now(): UTC milliseconds */
	int tz_min;        /* local offset from UTC in minutes (Vietnam: 420) */
	void *arg;         /* passed to every callback */
};

/* Parse src.  Returns a new expression the caller frees with expr_free(), or
 * NULL on error: then err (errlen bytes, may be NULL/0) holds a translated
 * message and *errcol (may be NULL) the 1-based column, in characters, where
 * the problem is.  src is copied; it need not outlive the result. */
struct expr *expr_parse(const char *src, char *err, size_t errlen, int *errcol);
/* Like expr_parse(), for a choice_filter: there a bare name such as
 * `district` in `district = ${district}` is a column of the choices sheet
 * (XLSForm's relative path), read through env->column. */
struct expr *expr_parse_filter(const char *src, char *err, size_t errlen, int *errcol);
/* Free an expression; NULL is fine. */
void expr_free(struct expr *e);
/* The source text it was parsed from (owned by e). */
const char *expr_source(const struct expr *e);
/* Call fn(name, arg) for every ${name} in e, in source order, repeats
 * included, to check references at load time and build dependency graphs. */
void expr_foreach_ref(const struct expr *e, void (*fn)(const char *name, void *arg), void *arg);
/* Call fn(name, arg) for every bare column name of a choice_filter. */
void expr_foreach_column(const struct expr *e, void (*fn)(const char *name, void *arg),
			 void *arg);
/* 1 when e is a bare literal (a number or string with nothing else), so a
 * caller can treat it as a constant. */
int expr_is_literal(const struct expr *e);

/* Evaluate e in env.  Returns the result as an ODK string (see above); never
 * NULL; the caller frees it with free(). */
char *expr_eval(const struct expr *e, const struct expr_env *env);
/* Evaluate e and return its XPath boolean(): 1 or 0.  For relevant,
 * constraint, required and choice_filter. */
int expr_eval_bool(const struct expr *e, const struct expr_env *env);

/* Format a number the way expr_eval() does, into buf (at least 32 bytes);
 * NaN and infinities give "".  Returns buf. */
char *expr_fmt_num(double x, char *buf, size_t len);
/* Read s as an ODK number (see above); NaN when it is not one. */
double expr_to_num(const char *s);

#endif
