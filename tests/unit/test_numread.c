/* test_numread.c — numbers as officers type and read them, in the UI language.
 *
 * The conventions come from the world, not from this code: glibc's vi_VN locale
 * (/usr/share/i18n/locales/vi_VN) has decimal_point "," and thousands_sep ".",
 * grouping 3;3, and en_US the reverse; ISO 80000-1 groups digits by threes with a
 * space, which neither convention reads as a decimal mark.  The cases are those of
 * issue 10 §1, seen on main: "25.500" typed in Vietnamese for the water used was
 * read as 25.5, "5.000.000" and "25 500" were refused, "12,5" was accepted. */
#include <math.h>

#include "base/num.h"
#include "t.h"

/* num_read_lang(s, lang) must give NUM_OK and exactly want. */
#define READ_OK(s, lang, want) do { struct num_reading r_; \
	CHECK_INT(num_read_lang(s, lang, &r_), NUM_OK); \
	if (r_.rc == NUM_OK && r_.value != (want)) { t_failures++; \
		fprintf(stderr, "%s:%d: \"%s\" (%s) gave %.17g, want %.17g\n", __FILE__, __LINE__, \
			s, lang, r_.value, (double)(want)); } } while (0)
/* num_read_lang(s, lang) must give code, with value (AMBIGUOUS) and alt. */
#define READ_ASK(s, lang, code, mine, other) do { struct num_reading r_; \
	CHECK_INT(num_read_lang(s, lang, &r_), code); \
	if ((code) == NUM_AMBIGUOUS) CHECK(r_.value == (mine)); \
	CHECK(r_.alt == (other)); } while (0)
#define READ_FAIL(s, lang, code) do { struct num_reading r_; \
	CHECK_INT(num_read_lang(s, lang, &r_), code); } while (0)

#define NBSP "\xc2\xa0"

static void test_vi_issue_cases(void)
{
	READ_OK("25.500", "vi", 25500);           /* was 25.5: the water verdict flipped */
	READ_OK("5.000.000", "vi", 5000000);      /* was refused */
	READ_OK("25 500", "vi", 25500);           /* was refused */
	READ_OK("12,5", "vi", 12.5);
	READ_OK("3,75", "vi", 3.75);
}

static void test_vi_grouping(void)
{
	READ_OK("1.500", "vi", 1500);             /* the grouping sign: never 1,5 */
	READ_OK("100.000", "vi", 100000);
	READ_OK("1.234.567,89", "vi", 1234567.89);
	READ_OK("25" NBSP "500", "vi", 25500);     /* no-break space, as sxsh writes it */
	READ_OK("1 234 567", "vi", 1234567);
	READ_OK("1.050", "vi", 1050);             /* a later group may start with 0 */
	READ_OK("  42  ", "vi", 42);
	READ_OK("-12,5", "vi", -12.5);
	READ_OK("0,035", "vi", 0.035);            /* a leading 0 is never a group */
	READ_OK("1234,567", "vi", 1234.567);      /* 4 digits cannot be a first group */
	READ_OK(",5", "vi", 0.5);
	READ_FAIL("25.50", "vi", NUM_OTHER);      /* groups are exactly 3 digits */
	READ_FAIL("1.2345", "vi", NUM_OTHER);
	READ_FAIL("1.500 000", "vi", NUM_INVALID); /* one kind of separator per number */
	READ_FAIL("12,5,5", "vi", NUM_INVALID);
	READ_FAIL("1.234,5.5", "vi", NUM_INVALID);
	READ_FAIL("1,234.5", "vi", NUM_OTHER);    /* English: asked as 1 234,5 */
}

static void test_vi_ask(void)
{
	/* A decimal comma before exactly 3 digits: English reads a thousands separator. */
	READ_ASK("1,500", "vi", NUM_AMBIGUOUS, 1.5, 1500);
	READ_ASK("12,345", "vi", NUM_AMBIGUOUS, 12.345, 12345);
	/* A number only in English: asked, never taken silently. */
	READ_ASK("12.5", "vi", NUM_OTHER, 0, 12.5);
	READ_ASK("0.5", "vi", NUM_OTHER, 0, 0.5);
	READ_ASK("1,234.5", "vi", NUM_OTHER, 0, 1234.5);
}

static void test_en(void)
{
	READ_OK("25,500", "en", 25500);
	READ_OK("5,000,000", "en", 5000000);
	READ_OK("25 500", "en", 25500);
	READ_OK("12.5", "en", 12.5);
	READ_OK("3.75", "en", 3.75);
	READ_OK("1,234,567.89", "en", 1234567.89);
	READ_OK("0.125", "en", 0.125);
	READ_ASK("1.500", "en", NUM_AMBIGUOUS, 1.5, 1500);
	READ_ASK("12,5", "en", NUM_OTHER, 0, 12.5);
	READ_ASK("25.500", "en", NUM_AMBIGUOUS, 25.5, 25500);
	READ_ASK("5.000.000", "en", NUM_OTHER, 0, 5000000);
	READ_ASK("1.234,5", "en", NUM_OTHER, 0, 1234.5);
	READ_FAIL("12,50", "en", NUM_OTHER);
}

static void test_arithmetic(void)
{
	struct num_reading r;

	READ_OK("12*300", "vi", 3600);
	READ_OK("85 x 300", "vi", 25500);
	READ_OK("85 × 300", "vi", 25500);
	READ_OK("85X300", "en", 25500);
	READ_OK("2+3*4", "en", 14);
	READ_OK("10 - 2 - 3", "en", 5);
	READ_OK("100/8", "en", 12.5);
	READ_OK("100 ÷ 8", "vi", 12.5);
	READ_OK("1,5 * 2", "vi", 3);
	READ_OK("1.500 x 2", "vi", 3000);
	READ_OK("5 * -2", "en", -10);
	READ_OK("0.1*3", "en", 0.1 * 3);
	CHECK_INT(num_read_lang("12*300", "vi", &r), NUM_OK);
	CHECK_INT(r.calc, 1);
	CHECK_INT(num_read_lang("12", "vi", &r), NUM_OK);
	CHECK_INT(r.calc, 0);
	/* An operand that could mean two things makes the whole ask. */
	READ_ASK("1,500 x 2", "vi", NUM_AMBIGUOUS, 3, 3000);
	READ_ASK("12.5 x 2", "vi", NUM_OTHER, 0, 25);
	READ_FAIL("12*", "vi", NUM_INVALID);
	READ_FAIL("*12", "vi", NUM_INVALID);
	READ_FAIL("12**3", "vi", NUM_INVALID);
	READ_FAIL("12 / 0", "vi", NUM_RANGE);
	READ_FAIL("- 5", "en", NUM_INVALID);
}

static void test_overflow_garbage(void)
{
	READ_FAIL("1.000.000.000.000.000", "vi", NUM_RANGE);  /* 1e15: no longer exact */
	READ_FAIL("99999999 * 99999999", "en", NUM_RANGE);
	READ_FAIL("1e308*1e308", "en", NUM_INVALID);
	READ_OK("999.999.999.999.999", "vi", 999999999999999.0);
	READ_FAIL("", "vi", NUM_INVALID);
	READ_FAIL("   ", "vi", NUM_INVALID);
	READ_FAIL("abc", "vi", NUM_INVALID);
	READ_FAIL("12 m3", "vi", NUM_INVALID);
	READ_FAIL("12..5", "en", NUM_INVALID);
	READ_FAIL("1.", "en", NUM_INVALID);
	READ_FAIL("2017-11-08x", "en", NUM_INVALID);
	READ_FAIL("0.500", "vi", NUM_OTHER);     /* not a group in Vietnamese; 0.5 in English */
	READ_FAIL("12 5", "vi", NUM_INVALID);    /* a space groups only threes */
	READ_FAIL("1+2+3+4+5+6+7+8+9+10+11+12+13+14+15+16+17", "en", NUM_INVALID);
	{
		char big[600];
		memset(big, '9', sizeof big - 1);
		big[sizeof big - 1] = '\0';
		READ_FAIL(big, "en", NUM_INVALID);
	}
}

static void test_write(void)
{
	char o[64];

	num_write_lang(25500, "vi", 5, o, sizeof o);
	CHECK_STR(o, "25" NBSP "500");
	num_write_lang(3.75, "vi", 5, o, sizeof o);
	CHECK_STR(o, "3,75");
	num_write_lang(3.75, "en", 5, o, sizeof o);
	CHECK_STR(o, "3.75");
	num_write_lang(12.5, "vi", 5, o, sizeof o);
	CHECK_STR(o, "12,5");
	num_write_lang(-1234567.5, "vi", 5, o, sizeof o);
	CHECK_STR(o, "-1" NBSP "234" NBSP "567,5");
	num_write_lang(1500, "vi", 5, o, sizeof o);
	CHECK_STR(o, "1500");                      /* 4 digits stay whole (years, codes) */
	num_write_lang(1500, "vi", 4, o, sizeof o);
	CHECK_STR(o, "1" NBSP "500");
	num_write_lang(5000000, "en", 5, o, sizeof o);
	CHECK_STR(o, "5" NBSP "000" NBSP "000");
	num_write_lang(25500, "vi", 0, o, sizeof o);
	CHECK_STR(o, "25500");
	num_write_lang(NAN, "vi", 5, o, sizeof o);
	CHECK_STR(o, "");
	num_write_lang(1234567, "vi", 5, o, 4);
	CHECK(strlen(o) == 3);                     /* cut, still terminated */
}

/* What is written is read back as the same number, in both languages. */
static void test_round_trip(void)
{
	static const double vals[] = { 0, 7, -7, 0.5, 3.75, 12.5, 1500, 25500, 1234567.89, -98765.4321 };
	static const char *const langs[] = { "vi", "en" };
	char o[64];

	for (size_t l = 0; l < 2; l++)
		for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++)
			for (int g = 0; g <= 5; g += 4) {
				struct num_reading r;
				num_write_lang(vals[i], langs[l], g, o, sizeof o);
				CHECK_INT(num_read_lang(o, langs[l], &r), NUM_OK);
				CHECK(r.value == vals[i]);
			}
}

T_SUITE(numread) {
	{ "numread/vi_issue_cases", test_vi_issue_cases },
	{ "numread/vi_grouping", test_vi_grouping },
	{ "numread/vi_ask", test_vi_ask },
	{ "numread/en", test_en },
	{ "numread/arithmetic", test_arithmetic },
	{ "numread/overflow_garbage", test_overflow_garbage },
	{ "numread/write", test_write },
	{ "numread/round_trip", test_round_trip },
	{ 0 }
};
