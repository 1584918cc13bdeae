/* test_date.c — dates as officers type them. */
#include "base/date.h"
#include "t.h"

/* date_parse_user(s) must give want ("" for a refusal). */
#define CHECK_DATE(s, want) do { char o_[11] = "junk"; int r_ = date_parse_user(s, o_); \
	CHECK_STR(o_, want); CHECK_INT(r_, *(want) ? 0 : -1); } while (0)

static void test_parse_user(void)
{
	CHECK_DATE("05/03/2024", "2024-03-05");
	CHECK_DATE("5/3/2024", "2024-03-05");
	CHECK_DATE("05-03-2024", "2024-03-05");
	CHECK_DATE("05.03.2024", "2024-03-05");
	CHECK_DATE("2024-03-05", "2024-03-05");
	CHECK_DATE("2024/03/05", "2024-03-05");
	CHECK_DATE(" 31/12/1999 ", "1999-12-31");
	CHECK_DATE("29/02/2024", "2024-02-29");   /* leap day */
	CHECK_DATE("29/02/2000", "2000-02-29");   /* divisible by 400 */
	CHECK_DATE("01/01/0001", "0001-01-01");
}

static void test_parse_user_bad(void)
{
	CHECK_DATE("29/02/2023", "");
	CHECK_DATE("29/02/1900", "");             /* divisible by 100 */
	CHECK_DATE("31/04/2024", "");
	CHECK_DATE("00/01/2024", "");
	CHECK_DATE("01/00/2024", "");
	CHECK_DATE("32/01/2024", "");
	CHECK_DATE("01/13/2024", "");
	CHECK_DATE("05/03/24", "");               /* two-digit year */
	CHECK_DATE("05/03-2024", "");             /* mixed separators */
	CHECK_DATE("005/03/2024", "");
	CHECK_DATE("05/03/2024x", "");
	CHECK_DATE("2024-03-05T00:00:00Z", "");
	CHECK_DATE("2024-02-30", "");
	CHECK_DATE("01/01/0000", "");
	CHECK_DATE("", "");
	CHECK_DATE("//", "");
	CHECK_DATE("-5/03/2024", "");
}

static void test_format_user(void)
{
	char o[11];

	date_format_user("2024-03-05", o);
	CHECK_STR(o, "05/03/2024");
	date_format_user("2024-02-29T10:00:00.000Z", o);
	CHECK_STR(o, "29/02/2024");
	date_format_user("2023-02-29", o);
	CHECK_STR(o, "");
	date_format_user("2024-03-05x", o);
	CHECK_STR(o, "");
	date_format_user("2024-3-5", o);
	CHECK_STR(o, "");
	date_format_user("", o);
	CHECK_STR(o, "");
}

static void test_valid_iso(void)
{
	CHECK(date_valid_iso("2024-02-29"));
	CHECK(date_valid_iso("1999-12-31"));
	CHECK(!date_valid_iso("2023-02-29"));
	CHECK(!date_valid_iso("2024-04-31"));
	CHECK(!date_valid_iso("2024-02-29 "));
	CHECK(!date_valid_iso("2024-2-29"));
	CHECK(!date_valid_iso("29/02/2024"));
	CHECK(!date_valid_iso(""));
	CHECK_INT(date_days_in_month(2024, 2), 29);
	CHECK_INT(date_days_in_month(2100, 2), 28);
	CHECK_INT(date_days_in_month(2024, 13), 0);
}

T_SUITE(date) {
	{ "date/parse_user", test_parse_user },
	{ "date/parse_user_bad", test_parse_user_bad },
	{ "date/format_user", test_format_user },
	{ "date/valid_iso", test_valid_iso },
	{ 0 }
};
