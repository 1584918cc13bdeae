/* test_expr.c — the ODK expression engine: syntax, ODK value semantics,
 * every function, and parse errors with their columns. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "form/expr.h"
#include "base/mem.h"

/* Answers of a fake form: name → value. */
static const char *const answers[][2] = {
	{ "a", "3" }, { "b", "4" }, { "empty", "" }, { "name", "Nguyễn" },
	{ "multi", "a b c" }, { "d1", "2024-01-15" }, { "d2", "2023-12-31" },
	{ "half", "2.5" }, { "word", "abc" }, { "neg", "-2" }, { "zero", "0" },
	{ "ten", "10" }, { "nine", "9" },
};

/* A fake repeat: field → its values in each instance. */
static const char *const rep_val[] = { "1", "2", "3.5" };
static const char *const rep_blank[] = { "1", "", "2" };

static const char *lookup(void *arg, const char *name)
{
	(void)arg;
	for (size_t i = 0; i < sizeof answers / sizeof answers[0]; i++)
		if (strcmp(answers[i][0], name) == 0)
			return answers[i][1];
	return NULL;
}

static size_t count(void *arg, const char *name)
{
	(void)arg;
	if (strcmp(name, "rep_val") == 0)
		return 3;
	if (strcmp(name, "rep_blank") == 0)
		return 3;
	return lookup(arg, name) ? 1 : 0;
}

static const char *nth(void *arg, const char *name, size_t i)
{
	if (strcmp(name, "rep_val") == 0)
		return rep_val[i];
	if (strcmp(name, "rep_blank") == 0)
		return rep_blank[i];
	return lookup(arg, name);
}

/* How each answer reads: numbers for integer/decimal questions, dates for
 * date questions, text for the rest (JavaRosa unpacks a node by its type). */
static int type(void *arg, const char *name)
{
	static const char *const nums[] = { "a", "b", "half", "neg", "zero", "ten", "nine",
					    "rep_val", "rep_blank" };
	(void)arg;
	for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++)
		if (strcmp(nums[i], name) == 0)
			return EXR_NUM;
	if (strcmp(name, "d1") == 0 || strcmp(name, "d2") == 0)
		return EXR_DATE;
	return EXR_STR;
}

/* 2024-03-10T20:30:00.123Z, in Vietnam (UTC+7) already the 11th. */
static const struct expr_env env = {
	.lookup = lookup, .count = count, .nth = nth, .type = type, .dot = "7",
	.dot_type = EXR_NUM,
	.now_ms = 1710102600123LL, .tz_min = 420,
};

/* Evaluate src in env; a parse error comes back as "ERR col: message". */
static char *ev_in(const char *src, const struct expr_env *e)
{
	char err[256];
	int col = 0;
	struct expr *x = expr_parse(src, err, sizeof err, &col);
	char *r;

	if (!x)
		return xasprintf("ERR %d: %s", col, err);
	r = expr_eval(x, e);
	expr_free(x);
	return r;
}

static char *ev(const char *src)
{
	return ev_in(src, &env);
}

#define EV(src, want) do { char *got_ = ev(src); CHECK_STR(got_, want); free(got_); } while (0)
#define EV_ENV(src, e, want) do { char *got_ = ev_in(src, e); CHECK_STR(got_, want); \
	free(got_); } while (0)

static int evb(const char *src)
{
	struct expr *x = expr_parse(src, NULL, 0, NULL);
	int r = x ? expr_eval_bool(x, &env) : -1;
	expr_free(x);
	return r;
}

static void test_tokens(void)
{
	EV("  1\t+\n2 \r", "3");
	EV("\"double\"", "double");
	EV("'say \"hi\"'", "say \"hi\"");
	EV("\"it's\"", "it's");
	EV(".5 + 5.", "5.5");
	EV("${a}+${b}", "7");
	EV("${a}-${b}", "-1");
	EV("${a}div${b}", "0.75");
	EV("${a} mod 2", "1");
	EV("'Nguyễn Văn A'", "Nguyễn Văn A");
	EV("${unknown}", "");
	EV(".", "7");
	EV("''", "");
	EV("007", "7");
}

static void test_precedence(void)
{
	EV("1 + 2 * 3", "7");
	EV("(1 + 2) * 3", "9");
	EV("2 * 3 div 2", "3");
	EV("10 - 4 - 3", "3");
	EV("12 div 2 div 3", "2");
	EV("7 mod 3 * 2", "2");
	EV("1 or 1 and 0", "true");
	EV("(1 or 1) and 0", "false");
	EV("1 < 2 = 1", "true");
	EV("1 + 1 = 2 and 3 > 2", "true");
	EV("2 * 3 > 5 or 1 div 0 = 1", "true");
}

static void test_unary(void)
{
	EV("-${a}", "-3");
	EV("--3", "3");
	EV("- - 3", "3");
	EV("2 - -1", "3");
	EV("2--1", "3");
	EV("-2 * -3", "6");
	EV("-0", "0");
	EV("-${empty}", "");
	EV("-${neg}", "2");
}

static void test_numbers(void)
{
	char buf[32];

	EV("10 div 4", "2.5");
	EV("1 div 3", "0.3333333333333333"); /* Java Double.toString */
	EV("2 div 3", "0.6666666666666666");
	EV("0.1 + 0.2", "0.30000000000000004");
	EV("2.50", "2.5");
	EV("1 div 0", "Infinity"); /* JavaRosa stores DecimalData(Infinity) */
	EV("0 div 0", "");
	EV("-7 mod 3", "-1");
	EV("7 mod 0", "");
	EV("100000000000000000000", "1.0E20");
	EV("999999999999999", "999999999999999");
	EV("123456.75 * 2", "246913.5");
	CHECK_STR(expr_fmt_num(1e15, buf, sizeof buf), "1000000000000000"); /* LongData */
	CHECK_STR(expr_fmt_num(0.000001, buf, sizeof buf), "1.0E-6");
	CHECK_STR(expr_fmt_num(-1.25, buf, sizeof buf), "-1.25");
	CHECK_STR(expr_fmt_num(0.0 / 0.0, buf, sizeof buf), "");
	CHECK(expr_to_num(" 12 ") == 12);
	CHECK(expr_to_num("+1.5e2") != expr_to_num("+1.5e2")); /* NaN: no + or exponent */
	CHECK(expr_to_num("1,5") == 1.5); /* JavaRosa reads , as . */
	CHECK(expr_to_num("") != expr_to_num(""));
	CHECK(expr_to_num("inf") != expr_to_num("inf"));
	CHECK(expr_to_num("0x10") != expr_to_num("0x10"));
	CHECK(expr_to_num("1970-01-02") != expr_to_num("1970-01-02")); /* a text, not a date */
	CHECK(expr_to_num("2023-02-29") != expr_to_num("2023-02-29"));
	CHECK(expr_to_num("-5.") == -5);
}

static void test_empty(void)
{
	EV("${empty} + 1", "");
	EV("${empty} * 0", "");
	EV("${empty} = ''", "true");
	EV("${empty} != ''", "false");
	EV("${empty} = 0", "false");
	EV("${empty} != 0", "true");
	EV("${empty} < 1", "false");
	EV("${empty} > 1", "false");
	EV("${empty} >= ''", "false");
	EV("${zero} = ''", "false");
	EV("${zero} != ''", "true");
	CHECK_INT(evb("${empty}"), 0);
	CHECK_INT(evb("${zero}"), 0); /* an integer 0 is a number: false */
	CHECK_INT(evb("${word}"), 1);
	CHECK_INT(evb("0"), 0);
	CHECK_INT(evb("${empty} + 1"), 0);
	CHECK_INT(evb("'false'"), 1);
	CHECK_INT(evb("${a} > 2"), 1);
}

static void test_compare(void)
{
	EV("${a} = '3'", "true");
	EV("${a} = 3", "true");
	EV("'1.0' = '1'", "false"); /* two strings compare as text */
	EV("'1.0' = 1", "true");
	EV("'abc' = 'abc'", "true");
	EV("'abc' != 'abd'", "true");
	EV("${ten} > ${nine}", "true");   /* numeric, not "10" < "9" */
	EV("'b' > 'a'", "false"); /* < > compare numbers: NaN */
	EV("${word} < 5", "false");
	EV("${word} > 5", "false");
	EV("${d1} > ${d2}", "true");
	EV("${d1} < '2024-02-01'", "false"); /* the string is NaN */
	EV("${d1} < date('2024-02-01')", "true");
	EV("${d1} = '2024-01-15'", "true");
	EV("1 = true()", "true");
	EV("0 = false()", "true");
	EV("'x' = true()", "true");
	EV("${half} >= 2.5", "true");
	EV("${half} <= 2.4", "false");
}

static void test_logic(void)
{
	EV("true()", "true");
	EV("false()", "false");
	EV("not(${empty})", "true");
	EV("not('false')", "false");
	EV("not(0)", "true");
	EV("1 and ${empty}", "false");
	EV("${empty} or 'x'", "true");
	EV("if(${a} > 2, 'big', 'small')", "big");
	EV("if(${empty}, 1, 2)", "2");
	EV("if(true(), 1 div 4, 'no')", "0.25");
	EV("if(${a} > 2, ${a} * 2, ${a})", "6");
}

static void test_select(void)
{
	EV("selected(${multi}, 'b')", "true");
	EV("selected(${multi}, 'a')", "true");
	EV("selected(${multi}, 'c')", "true");
	EV("selected(${multi}, 'd')", "false");
	EV("selected(${multi}, ' c ')", "true");
	EV("selected(${multi}, '')", "false");
	EV("selected('ab c', 'a')", "false");
	EV("selected(${empty}, 'a')", "false");
	EV("selected('  x\ty  ', 'y')", "true");
	EV("count-selected(${multi})", "3");
	EV("count-selected('')", "0");
	EV("count-selected('  x  ')", "1");
	EV("count-selected(${multi}) > 2", "true");
}

static void test_strings(void)
{
	EV("coalesce(${empty}, 'x')", "x");
	EV("coalesce(${a}, 'x')", "3");
	EV("coalesce(${empty}, ${empty})", "");
	EV("coalesce(1 div 0, 5)", "Infinity"); /* only "" and NaN are null */
	EV("coalesce(0 div 0, 5)", "5");
	EV("concat('a', 1, ${a}, true())", "a13true");
	EV("concat(${name}, '!')", "Nguyễn!");
	EV("concat(${empty})", "");
	EV("concat(1 div 4, '-', 2 * 2)", "0.25-4");
	EV("string-length(${name})", "6");
	EV("string-length('')", "0");
	EV("string-length(12.5)", "4");
	EV("string-length()", "1");
	EV("string-length(.) <= 3", "true");
}

static void test_regex(void)
{
	EV("regex('abc', 'b')", "false");
	EV("regex('abc', 'a.c')", "true");
	EV("regex('abc', '^a.c$')", "true");
	EV("regex('ab', 'a|ab')", "true");
	EV("regex('0912345678', '0[0-9]{9}')", "true");
	EV("regex('091234567', '0[0-9]{9}')", "false");
	EV("regex('09123456789', '0[0-9]{9}')", "false");
	EV("regex('', '[a-z]*')", "true");
	EV("regex(${empty}, '[a-z]+')", "false");
	EV("regex('abc', concat('a', 'bc'))", "true");
	EV("regex('x', concat('(', ''))", "false");
	EV("regex('aa', concat('(a)', '\\1'))", "false"); /* back-references refused */
	EV("regex(., '[0-9]+')", "true");
	/* '.' is one character, not one byte, under the UTF-8 locale that
	 * i18n_init() guarantees */
	if (setlocale(LC_CTYPE, "C.UTF-8")) {
		EV("regex('Sơn La', 'S.n La')", "true");
		EV("regex('đ', '[a-zđ]')", "true");
		setlocale(LC_CTYPE, "C");
	}
	EV("regex('a', '[')", "ERR 1: invalid or too complex regular expression '['");
	EV("regex('a', 'a++++++++++++++++++++')",
	   "ERR 1: invalid or too complex regular expression 'a++++++++++++++++++++'");
	EV("regex('+84912345678', '(0|\\+84)[0-9]{9,10}')", "true");
	EV("regex('a', 'a{1000}{1000}')",
	   "ERR 1: invalid or too complex regular expression 'a{1000}{1000}'");
}

static void test_number_funcs(void)
{
	EV("number('')", "");
	EV("number(' 12 ')", "12");
	EV("number('1,5')", "1.5");
	EV("number('abc')", "");
	EV("number('1e3')", "");
	EV("number(true())", "1");
	EV("number('2024-01-02')", "");
	EV("number(date('2024-01-02'))", "19724");
	EV("int(2.7)", "2");
	EV("int(-2.7)", "-2");
	EV("int('')", "");
	EV("int(${half})", "2");
	EV("round(2.675, 2)", "2.68");
	EV("round(2.5)", "3");
	EV("round(-2.5)", "-2"); /* BigDecimal HALF_DOWN for negatives */
	EV("round(2.4)", "2");
	EV("round(1234.5678, -2)", "1200");
	EV("round(1 div 3, 3)", "0.333");
	EV("round(${half})", "3");
	EV("round('')", "");
	EV("round(1.5, '')", "2"); /* NaN digits: (int) NaN is 0 */
}

static void test_dates(void)
{
	struct expr_env west = env;

	EV("today()", "2024-03-11");
	EV("now()", "2024-03-11T03:30:00.123+07:00");
	EV("today() - ${d1}", "56");
	EV("today() > ${d1}", "true");
	EV("int((today() - date('2000-03-11')) div 365.25)", "24");
	EV("int((today() - '2000-03-11') div 365.25)", "");
	west.now_ms = -3600000;
	west.tz_min = -300;
	EV_ENV("today()", &west, "1969-12-31");
	EV_ENV("now()", &west, "1969-12-31T18:00:00.000-05:00");
	EV_ENV("today()", NULL, "1970-01-01");
}

static void test_repeat(void)
{
	struct expr_env single = env;

	EV("sum(${rep_val})", "6.5");
	EV("count(${rep_val})", "3");
	EV("sum(${rep_blank})", "3"); /* NaN entries skipped */
	EV("count(${rep_blank})", "3");
	EV("sum(${nothing})", "0");
	EV("count(${nothing})", "0");
	EV("sum(${rep_val}) div count(${rep_val})", "2.1666666666666665");
	single.count = NULL;
	single.nth = NULL;
	EV_ENV("sum(${a})", &single, "3");
	EV_ENV("count(${a})", &single, "1");
	EV_ENV("count(${nothing})", &single, "0");
}

#define ERR(src, want) EV(src, want)

static void test_errors(void)
{
	ERR("", "ERR 1: the expression is empty");
	ERR("   ", "ERR 1: the expression is empty");
	ERR("1 +", "ERR 4: the expression ends too early");
	ERR("foo(1)", "ERR 1: unknown function 'foo'");
	ERR("1 + bar(2)", "ERR 5: unknown function 'bar'");
	ERR("${a} + ", "ERR 8: the expression ends too early");
	ERR("'abc", "ERR 1: string is not closed: add the missing '");
	ERR("\"abc'", "ERR 1: string is not closed: add the missing \"");
	ERR("${abc", "ERR 1: field reference is not closed: write ${name}");
	ERR("${}", "ERR 1: '' is not a valid field name");
	ERR("${1a}", "ERR 1: '1a' is not a valid field name");
	ERR("1 + # 2", "ERR 5: unexpected character '#'");
	ERR("(1 + 2", "ERR 7: expected ')'");
	ERR("if(1, 2)", "ERR 1: if() takes 3 argument(s), not 2");
	ERR("round(1, 2, 3)", "ERR 1: round() takes 1 to 2 arguments, not 3");
	ERR("max()", "ERR 1: max() takes at least 1 argument(s), not 0");
	EV("concat()", ""); /* JavaRosa XPathEvalTest#concat */
	ERR("today(1)", "ERR 1: today() takes 0 argument(s), not 1");
	ERR("sum(1)", "ERR 1: sum() needs a field reference such as ${name}");
	ERR("count(${a} + 1)", "ERR 1: count() needs a field reference such as ${name}");
	ERR("abc", "ERR 1: unknown name 'abc': refer to a field as ${abc}");
	ERR("true", "ERR 1: 'true' is a function: write true()");
	ERR("'Nguyễn' + ?", "ERR 12: unexpected character '?'");
	ERR("1 2", "ERR 3: unexpected '2'");
	ERR("1abc", "ERR 2: unexpected 'a' after a number");
	ERR("${a} div2", "ERR 6: unexpected 'div2'");
	ERR("'it''s'", "ERR 5: unexpected ''s''");
	ERR("concat(1 2)", "ERR 10: expected ',' or ')' in the call to concat()");
	ERR("1 = = 2", "ERR 5: unexpected '='");
	ERR(")", "ERR 1: unexpected ')'");
	ERR("1 and or 2", "ERR 7: unexpected 'or'");
	ERR("div 2", "ERR 1: unexpected 'div'");
	ERR("1 + 2)", "ERR 6: unexpected ')'");
}

static char *repeat(const char *a, int n, const char *mid, const char *b, int m)
{
	size_t la = strlen(a), lb = strlen(b), lm = strlen(mid);
	char *s = xmalloc(la * (size_t)n + lm + lb * (size_t)m + 1), *p = s;

	for (int i = 0; i < n; i++, p += la)
		memcpy(p, a, la);
	memcpy(p, mid, lm);
	p += lm;
	for (int i = 0; i < m; i++, p += lb)
		memcpy(p, b, lb);
	*p = '\0';
	return s;
}

static void test_limits(void)
{
	char *s;

	s = repeat("(", EXPR_MAX_NEST, "1", ")", EXPR_MAX_NEST);
	EV(s, "1");
	free(s);
	s = repeat("(", EXPR_MAX_NEST + 1, "1", ")", EXPR_MAX_NEST + 1);
	EV(s, "ERR 65: expression is nested too deeply (more than 64 levels)");
	free(s);
	s = repeat("-", 100, "1", "", 0);
	EV(s, "ERR 65: expression is nested too deeply (more than 64 levels)");
	free(s);
	s = repeat("", 0, "1", "+1", 200);
	EV(s, "201");
	free(s);
	s = repeat("", 0, "1", "+1", 300);
	EV(s, "ERR 512: expression is too long or too deeply nested");
	free(s);
	s = repeat("concat(", 40, "'x'", ")", 40);
	EV(s, "x");
	free(s);
}

static void add_ref(const char *name, void *arg)
{
	char *buf = arg;
	strcat(buf, name);
	strcat(buf, ",");
}

static void test_refs(void)
{
	char buf[128] = "";
	struct expr *x = expr_parse("${a} + if(${b}, sum(${c}), ${a}) + .", NULL, 0, NULL);

	CHECK(x != NULL);
	if (!x)
		return;
	expr_foreach_ref(x, add_ref, buf);
	CHECK_STR(buf, "a,b,c,a,");
	CHECK_STR(expr_source(x), "${a} + if(${b}, sum(${c}), ${a}) + .");
	CHECK_INT(expr_is_literal(x), 0);
	expr_free(x);
	x = expr_parse("'yes'", NULL, 0, NULL);
	CHECK(x && expr_is_literal(x));
	expr_free(x);
	/* parse once, evaluate many times: the cached regex is reused */
	x = expr_parse("regex(., '[0-9]{3}')", NULL, 0, NULL);
	CHECK(x != NULL);
	if (x) {
		struct expr_env e = env;
		CHECK_INT(expr_eval_bool(x, &e), 0);
		e.dot = "123";
		CHECK_INT(expr_eval_bool(x, &e), 1);
		e.dot = "12a";
		CHECK_INT(expr_eval_bool(x, &e), 0);
		expr_free(x);
	}
}

static void add_ref_at(const char *name, int col, void *arg)
{
	char *buf = arg;
	sprintf(buf + strlen(buf), "%s@%d,", name, col);
}

/* Columns count characters from 1: 'Đ' and 'ọ' are one each. */
static void test_refs_at(void)
{
	char buf[128] = "";
	struct expr *x = expr_parse("'Đọc' = ${a} or concat(${b},\t${c}) != ''", NULL, 0, NULL);

	CHECK(x != NULL);
	if (!x)
		return;
	expr_foreach_ref_at(x, add_ref_at, buf);
	CHECK_STR(buf, "a@9,b@24,c@30,");
	expr_free(x);
	x = expr_parse_filter("district = ${a} and  name != 'x'", NULL, 0, NULL);
	CHECK(x != NULL);
	if (!x)
		return;
	buf[0] = '\0';
	expr_foreach_column_at(x, add_ref_at, buf);
	CHECK_STR(buf, "district@1,name@22,");
	expr_free(x);
}

static const char *column(void *arg, const char *name)
{
	(void)arg;
	if (strcmp(name, "district") == 0)
		return "3";
	if (strcmp(name, "name") == 0)
		return "moc_chau";
	return NULL;
}

static void test_filter(void)
{
	struct expr_env e = env;
	char buf[64] = "";
	struct expr *x = expr_parse_filter("district = ${a} and name != 'x'", NULL, 0, NULL);

	e.column = column;
	CHECK(x != NULL);
	if (!x)
		return;
	CHECK_INT(expr_eval_bool(x, &e), 1);
	CHECK_INT(expr_eval_bool(x, &env), 0); /* no column callback: "" */
	expr_foreach_column(x, add_ref, buf);
	CHECK_STR(buf, "district,name,");
	buf[0] = '\0';
	expr_foreach_ref(x, add_ref, buf);
	CHECK_STR(buf, "a,");
	expr_free(x);
	EV("district = 1", "ERR 1: unknown name 'district': refer to a field as ${district}");
}

T_SUITE(expr) {
	{ "expr/tokens", test_tokens },
	{ "expr/precedence", test_precedence },
	{ "expr/unary", test_unary },
	{ "expr/numbers", test_numbers },
	{ "expr/empty", test_empty },
	{ "expr/compare", test_compare },
	{ "expr/logic", test_logic },
	{ "expr/select", test_select },
	{ "expr/strings", test_strings },
	{ "expr/regex", test_regex },
	{ "expr/number_funcs", test_number_funcs },
	{ "expr/dates", test_dates },
	{ "expr/repeat", test_repeat },
	{ "expr/errors", test_errors },
	{ "expr/limits", test_limits },
	{ "expr/refs", test_refs },
	{ "expr/refs_at", test_refs_at },
	{ "expr/filter", test_filter },
	{ 0 }
};
