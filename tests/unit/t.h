/* t.h — the unit-test harness: tiny, no dependencies.
 *
 * A test file defines functions `static void test_xxx(void)` and lists them
 * in a TESTS table; tests/unit/runner.c finds every table through the
 * linker-generated list in tests/unit/all.h (made by the Makefile).
 * CHECK() records a failure and goes on; the runner's last line is
 * "N passed, N failed". */
#ifndef SX_T_H
#define SX_T_H

#include <stdio.h>
#include <string.h>

struct t_case {
	const char *name;     /* "module/what" */
	void (*fn)(void);     /* the test */
};

/* Failures in the current test case; the runner resets it. */
extern int t_failures;

#define CHECK(cond) do { if (!(cond)) { t_failures++; \
	fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); } } while (0)

#define CHECK_STR(got, want) do { const char *g_ = (got), *w_ = (want); \
	if (!g_ || !w_ || strcmp(g_, w_) != 0) { t_failures++; \
	fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, \
		g_ ? g_ : "(null)", w_ ? w_ : "(null)"); } } while (0)

#define CHECK_INT(got, want) do { long long g_ = (long long)(got), w_ = (long long)(want); \
	if (g_ != w_) { t_failures++; \
	fprintf(stderr, "%s:%d: %s = %lld, want %lld\n", __FILE__, __LINE__, #got, g_, w_); } } while (0)

/* Each test file ends with: T_SUITE(module) { {"module/a", test_a}, ..., {0} }; */
#define T_SUITE(mod) const struct t_case t_suite_##mod[] =

#endif
