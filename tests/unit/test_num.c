/* test_num.c — spreadsheet numbers in both conventions. */
#include "base/num.h"
#include "t.h"

/* num_parse_mark(s, mark) must succeed with exactly want. */
#define CHECK_NUM(s, mark, want) do { double v_ = -12345.678; \
	int r_ = num_parse_mark(s, mark, &v_); CHECK_INT(r_, NUM_OK); \
	if (v_ != (want)) { t_failures++; \
		fprintf(stderr, "%s:%d: \"%s\" gave %.17g, want %.17g\n", __FILE__, __LINE__, \
			s, v_, (double)(want)); } } while (0)
/* num_parse_mark(s, mark) must fail with code, leaving the output alone. */
#define CHECK_NUM_FAIL(s, mark, code) do { double v_ = 7; \
	CHECK_INT(num_parse_mark(s, mark, &v_), code); CHECK(v_ == 7); } while (0)

static void test_plain(void)
{
	double v = 0;

	CHECK_INT(num_parse("1234.5", &v), NUM_OK);
	CHECK(v == 1234.5);
	CHECK_NUM("0", 0, 0);
	CHECK_NUM("42", 0, 42);
	CHECK_NUM("-42", 0, -42);
	CHECK_NUM("  7 ", 0, 7);
	CHECK_NUM("\xc2\xa0" "7\t", 0, 7);
	CHECK_NUM("007", 0, 7);
	CHECK_NUM("1234.5", 0, 1234.5);
	CHECK_NUM("0.1", 0, 0.1);
}

static void test_decimal_comma(void)
{
	CHECK_NUM("1,5", 0, 1.5);               /* never 15 */
	CHECK_NUM("1234,5", 0, 1234.5);
	CHECK_NUM("-0,25", 0, -0.25);
	CHECK_NUM("0,125", 0, 0.125);           /* a leading 0 never starts a group */
	CHECK_NUM("12,3456", 0, 12.3456);
	CHECK_NUM("1234,567", 0, 1234.567);     /* 4 digits cannot be a first group */
	CHECK_NUM("1.234,5", 0, 1234.5);
	CHECK_NUM("1.234.567,89", 0, 1234567.89);
	CHECK_NUM("-1.000,0", 0, -1000);
}

static void test_thousands(void)
{
	CHECK_NUM("1.000.000", 0, 1000000);     /* one million, Vietnamese */
	CHECK_NUM("1,000,000", 0, 1000000);
	CHECK_NUM("1,234.5", 0, 1234.5);
	CHECK_NUM("12,345,678.9", 0, 12345678.9);
	CHECK_NUM("0.5", 0, 0.5);
}

static void test_ambiguous(void)
{
	CHECK_NUM_FAIL("1.234", 0, NUM_AMBIGUOUS);
	CHECK_NUM_FAIL("1,234", 0, NUM_AMBIGUOUS);
	CHECK_NUM_FAIL("100.000", 0, NUM_AMBIGUOUS);
	CHECK_NUM_FAIL("-12,500", 0, NUM_AMBIGUOUS);
	/* The caller who knows the convention settles it. */
	CHECK_NUM("1.234", ',', 1234);
	CHECK_NUM("1,234", ',', 1.234);
	CHECK_NUM("1.234", '.', 1.234);
	CHECK_NUM("1,234", '.', 1234);
	CHECK_NUM("100.000", ',', 100000);
	CHECK_NUM("1.234.567,5", ',', 1234567.5);
	CHECK_NUM("1,5", ',', 1.5);
	CHECK_NUM("15", '.', 15);
}

static void test_invalid(void)
{
	static const char *const bad[] = {
		"", " ", "-", "+5", "1e5", "0x10", "abc", "12a", "1 234", "1,,5", "1.,5",
		",5", ".5", "5.", "5,", "--5", "- 5", "1.2.3", "1,23,456", "12.34.567",
		"1.234,5.6", "1,5,000.2", "1.234,56,7", "inf", "nan", "1,5%", ("1\xc2\xa0" "000"),
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		double v = 7;
		int r = num_parse(bad[i], &v);
		if (r != NUM_INVALID || v != 7) {
			t_failures++;
			fprintf(stderr, "%s:%d: \"%s\" gave %d\n", __FILE__, __LINE__, bad[i], r);
		}
	}
	CHECK_NUM_FAIL("1,5", '.', NUM_INVALID);       /* ',' only groups thousands here */
	CHECK_NUM_FAIL("1.5", ',', NUM_INVALID);
	CHECK_NUM_FAIL("1,5", ';', NUM_INVALID);       /* not a decimal mark */
	CHECK_NUM_FAIL("1.234.5", ',', NUM_INVALID);
}

static void test_format(void)
{
	char o[64];

	num_format(1234, o, sizeof o);
	CHECK_STR(o, "1234");
	num_format(-0.0, o, sizeof o);
	CHECK_STR(o, "0");
	num_format(1234.5, o, sizeof o);
	CHECK_STR(o, "1234.5");
	num_format(0.1 + 0.2, o, sizeof o);
	CHECK_STR(o, "0.3");
	num_format(-2.50, o, sizeof o);
	CHECK_STR(o, "-2.5");
	num_format(1.0 / 3, o, sizeof o);
	CHECK_STR(o, "0.3333333333");
	num_format(1e15, o, sizeof o);
	CHECK_STR(o, "1000000000000000");
	num_format(1.5e-7, o, sizeof o);
	CHECK_STR(o, "1.5e-07");
	num_format(1.0 / 0.0, o, sizeof o);
	CHECK_STR(o, "");
	num_format(123456.5, o, 4);
	CHECK_STR(o, "123");                            /* truncated, still terminated */
}

static void test_round_trip(void)
{
	static const double vals[] = { 0, 1, -1, 0.5, 1234.5, -98765.4321, 1e9, 3.25, 0.001 };
	char o[64];

	for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
		double v = 12345;
		num_format(vals[i], o, sizeof o);
		CHECK_INT(num_parse_mark(o, '.', &v), NUM_OK);
		CHECK(v == vals[i]);
	}
}

T_SUITE(num) {
	{ "num/plain", test_plain },
	{ "num/decimal_comma", test_decimal_comma },
	{ "num/thousands", test_thousands },
	{ "num/ambiguous", test_ambiguous },
	{ "num/invalid", test_invalid },
	{ "num/format", test_format },
	{ "num/round_trip", test_round_trip },
	{ 0 }
};
