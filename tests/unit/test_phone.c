/* test_phone.c — Vietnamese phone numbers read in their usual spellings.
 * Expected forms from the numbering plan: mobiles 0 + 9 digits with the
 * prefixes 03/05/07/08/09 since the 2018 conversion (0169 → 039, 0123 →
 * 083), landlines 0 + 2xx area code + number = 11 digits since 2017 (Sơn La
 * 0212, Hà Nội 024 with 8-digit numbers), 1800/1900 service numbers. */
#include "base/phone.h"
#include "t.h"

#define CHECK_PHONE_RC(s, want, rc) do { char o_[PHONE_MAX] = "junk"; \
	int r_ = phone_canon(s, o_); CHECK_STR(o_, want); CHECK_INT(r_, rc); } while (0)
#define CHECK_PHONE(s, want) CHECK_PHONE_RC(s, want, *(want) ? 0 : -1)

static void test_forms(void)
{
	CHECK_PHONE("0900005639", "0900005639");
	CHECK_PHONE("0912 345 678", "0912345678");
	CHECK_PHONE("0912.345.678", "0912345678");
	CHECK_PHONE("0912-345-678", "0912345678");
	CHECK_PHONE("+84 912 345 678", "0912345678");
	CHECK_PHONE("+84912345678", "0912345678");
	CHECK_PHONE("84912345678", "0912345678");     /* a spreadsheet's +84… */
	CHECK_PHONE("0084912345678", "0912345678");
	CHECK_PHONE("900005639", "0900005639");       /* Calc dropped the 0 */
	CHECK_PHONE("849123456", "0849123456");       /* 084 is a mobile prefix */
	CHECK_PHONE("0399333999", "0399333999");
	CHECK_PHONE("(0212) 3852 123", "02123852123");
	CHECK_PHONE("2123852123", "02123852123");     /* landline, 0 dropped */
	CHECK_PHONE("+84 212 3852 123", "02123852123");
	CHECK_PHONE("024 3825 1234", "02438251234");
	CHECK_PHONE("1800 1091", "18001091");
	CHECK_PHONE_RC("", "", 0);
	CHECK_PHONE_RC("   ", "", 0);
}

static void test_refused(void)
{
	CHECK_PHONE("12345", "");
	CHECK_PHONE("0912 345 67", "");               /* 9 digits with its 0 */
	CHECK_PHONE("09123456789", "");               /* 11 digits, not 02… */
	CHECK_PHONE("01699333999", "");               /* before the 2018 conversion */
	CHECK_PHONE("0112345678", "");                /* no 01 mobile prefix */
	CHECK_PHONE("+1 202 555 0100", "");           /* another country */
	CHECK_PHONE("0912345678 / 0987654321", "");
	CHECK_PHONE("không có", "");
	CHECK_PHONE("0912345678x", "");
	CHECK_PHONE("+", "");
}

T_SUITE(phone) {
	{ "phone/forms", test_forms },
	{ "phone/refused", test_refused },
	{ 0 }
};
