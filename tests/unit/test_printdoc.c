/* test_printdoc.c — the place and date line of printed documents.  The
 * Vietnamese rule is Decree 30/2020/NĐ-CP, Appendix I: a zero before days
 * under 10 and before months 1 and 2 (its examples: "Hà Nội, ngày 01 tháng 02
 * năm 2023", "Nam Định, ngày 05 tháng 8 năm 2023", as vietnam.vn quotes them). */
#include <stdlib.h>

#include "base/i18n.h"
#include "base/printdoc.h"
#include "t.h"

static void check_line(const char *place, const char *iso, const char *want)
{
	char *got = printdoc_date_line(place, iso);
	CHECK_STR(got, want);
	free(got);
}

static void test_vietnamese(void)
{
	const char *was = i18n_lang();

	i18n_set_lang("vi");
	check_line("Hà Nội", "2023-02-01", "Hà Nội, ngày 01 tháng 02 năm 2023");
	check_line("Nam Định", "2023-08-05", "Nam Định, ngày 05 tháng 8 năm 2023");
	check_line("Sơn La", "2026-12-01", "Sơn La, ngày 01 tháng 12 năm 2026");
	check_line("Sơn La", "2026-01-31", "Sơn La, ngày 31 tháng 01 năm 2026");
	check_line("Sơn La", "2026-03-10", "Sơn La, ngày 10 tháng 3 năm 2026");
	check_line(NULL, "2026-11-09", "ngày 09 tháng 11 năm 2026");
	i18n_set_lang(was);
}

static void test_english_and_errors(void)
{
	const char *was = i18n_lang();
	char *bad;

	i18n_set_lang("en");
	check_line("Sơn La", "2026-12-01", "Sơn La, 1 December 2026");
	check_line("", "2024-02-29", "29 February 2024");
	bad = printdoc_date_line("Sơn La", "2026-02-30");
	CHECK(bad == NULL);
	bad = printdoc_date_line("Sơn La", NULL);
	CHECK(bad == NULL);
	bad = printdoc_date_line("Sơn La", "01/12/2026");
	CHECK(bad == NULL);
	i18n_set_lang(was);
}

T_SUITE(printdoc) {
	{ "printdoc/date line in Vietnamese (Decree 30/2020)", test_vietnamese },
	{ "printdoc/date line in English, bad dates", test_english_and_errors },
	{ 0 },
};
