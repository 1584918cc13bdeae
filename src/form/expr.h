/* expr.h — the XLSForm/ODK expression engine: parse once, evaluate many times.
 *
 * The language is the subset of ODK XPath that sxsh forms use:
 *   ${name}  .  ..(in position() only)  numbers (12, 1.5, .5)  'single' or
 *   "double" quoted strings  + - * div mod  unary -  = != < <= > >=  and or
 *   the functions of expr_funcs[] (expr_func*.c): if selected selected-at
 *   count-selected coalesce concat string-length regex number int round
 *   today now not true false sum count count-non-empty max min boolean string
 *   contains starts-with ends-with substr date decimal-date-time format-date
 *   once position indexed-repeat jr:choice-name.
 * Precedence, loosest first: or; and; = !=; < <= > >=; + -; * div mod;
 * unary minus.  Anything else is a parse error with a column.
 *
 * Values follow JavaRosa (the engine of ODK Collect), checked against its
 * XPathEvalTest (tests/forms/conformance.tsv lists each rule with its source):
 * - A reference reads as its field's type (env->type): integer and decimal
 *   questions as numbers, dates as dates, text and choices as strings, a
 *   calculation as what its stored text looks like.  An empty answer, and the
 *   answer of a question that is not relevant, is the empty string.
 * - = and !=: if either side is a boolean, booleans; else if either is a
 *   number, numbers equal within 1e-12 (6.1 - 7.8 = -1.7 is true); else the
 *   two texts ('017.' = '17.000' is false; a date reads as yyyy-mm-dd).
 * - < <= > >= always compare numbers: 'abc' < 'abcd' is false, and so is a
 *   date compared with a date written as a string literal ('2026-02-01' is
 *   not a number); write date('2026-02-01').
 * - Text becomes a number only when it is [-]digits[.digits] after trimming,
 *   with ',' read as '.': no exponent, no '+', no "Infinity" (NaN otherwise).
 *   Dates become their day number since 1970-01-01.
 * - Numbers print, inside an expression (concat, string), as JavaRosa's
 *   string(): NaN, Infinity, -Infinity, whole numbers of Java's int range
 *   without a point, anything else as Java's Double.toString (shortest
 *   round-trip digits, 1.0E10 style outside 1e-3..1e7).  The result of an
 *   expression (expr_eval, what a calculation stores) is printed as JavaRosa
 *   stores it: NaN and "" as no answer, whole numbers of the long range as
 *   digits, others by Double.toString (10 div 3 is 3.3333333333333335,
 *   1 div 0 Infinity).  Booleans print as "true"/"false".
 * - round(x, d) rounds the decimal text of x half up (half towards zero for
 *   negatives: round(-2.5) is -2), as JavaRosa's BigDecimal does.
 * - regex(value, pattern) is true when the POSIX extended pattern matches
 *   the whole value under the UTF-8 LC_CTYPE that i18n_init() sets.  Patterns
 *   longer than 1024 bytes, with back-references, or whose length times the
 *   product of their repetition bounds (+ counting as 2) passes 5000 are
 *   refused: glibc expands x{n} into n copies and x+ into x x*, and could
 *   exhaust memory.
 * - sum, max, min and concat of one ${f} in a repeat (seen from outside it)
 *   run over every instance env->count/nth give (fsession: the relevant
 *   ones, as JavaRosa leaves non-relevant nodes out of nodesets), skipping
 *   what is empty or not a number (sum of none is 0, max of none NaN);
 *   count counts them (count of a repeat its entries).
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

/* How a reference reads (JavaRosa unpacks a field by its data type). */
enum expr_rtype {
	EXR_AUTO,     /* a calculation: a number, boolean or date if its text is one */
	EXR_STR,      /* text, choices, time */
	EXR_NUM,      /* integer, decimal */
	EXR_DATE,     /* date: yyyy-mm-dd */
	EXR_DATETIME, /* dateTime, start, end */
};

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
	/* The type a ${name} reads as (enum expr_rtype); NULL: EXR_AUTO. */
	int (*type)(void *arg, const char *name);
	/* position(..): the number (from 1) of the current repeat entry, 0 outside. */
	long (*position)(void *arg);
	/* indexed-repeat(${field}, ${rep}, i [, ${rep2}, j]): the field's value
	 * in entry idx[k] of repeat reps[k] (others as the context's); NULL "". */
	const char *(*indexed)(void *arg, const char *field, const char *const *reps,
			       const long *idx, size_t n);
	/* jr:choice-name(value, '${field}'): the label of choice value of the
	 * field's list; NULL when there is none. */
	const char *(*choice_label)(void *arg, const char *field, const char *value);
	const char *dot;   /* value of ".", the current answer; NULL means "" */
	int dot_type;      /* its enum expr_rtype */
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
/* The same, with col the 1-based column (in characters) of the name in the
 * source, for messages that say where. */
void expr_foreach_ref_at(const struct expr *e, void (*fn)(const char *name, int col, void *arg),
			 void *arg);
void expr_foreach_column_at(const struct expr *e,
			    void (*fn)(const char *name, int col, void *arg), void *arg);
/* 1 when e is a bare literal (a number or string with nothing else), so a
 * caller can treat it as a constant. */
int expr_is_literal(const struct expr *e);

/* Evaluate e in env.  Returns the result as an ODK string (see above); never
 * NULL; the caller frees it with free(). */
char *expr_eval(const struct expr *e, const struct expr_env *env);
/* Evaluate e and return its XPath boolean(): 1 or 0.  For relevant,
 * constraint, required and choice_filter. */
int expr_eval_bool(const struct expr *e, const struct expr_env *env);

/* Format a number the way expr_eval() stores it, into buf (at least 32
 * bytes); NaN gives "".  Returns buf. */
char *expr_fmt_num(double x, char *buf, size_t len);
/* Read s as an ODK number (see above); NaN when it is not one. */
double expr_to_num(const char *s);

#endif
