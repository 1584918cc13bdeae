/* test_err.c — the error vocabulary. */
#include "t.h"
#include "base/err.h"

static void test_positions(void)
{
	struct sx_err e = {0};
	sx_err_add(&e, "a.csv", 12, "bad %s", "thing");
	sx_err_add(&e, "a.csv", 0, "no line");
	sx_err_add(&e, NULL, 0, "bare");
	sx_err_addc(&e, "f.csv", 3, 7, "col");
	CHECK_INT(sx_err_count(&e), 4);
	CHECK_STR(e.msgs[0], "a.csv:12: bad thing");
	CHECK_STR(e.msgs[1], "a.csv: no line");
	CHECK_STR(e.msgs[2], "bare");
	CHECK_STR(sx_err_last(&e), "f.csv:3:7: col");
	sx_err_clear(&e);
	CHECK_INT(sx_err_count(&e), 0);
	CHECK_STR(sx_err_last(&e), "");
}

T_SUITE(err) {
	{ "err/positions", test_positions },
	{ 0 }
};
