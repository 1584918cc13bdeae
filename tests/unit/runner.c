/* runner.c — runs every unit-test suite, or those whose names contain argv[1].
 * The last line is "N passed, N failed". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "suites.h"

int t_failures;

int main(int argc, char **argv)
{
	static const struct t_case *const suites[] = { T_ALL_SUITES };
	const char *filter = argc > 1 ? argv[1] : NULL;
	int passed = 0, failed = 0;

	for (size_t s = 0; suites[s]; s++) {
		for (const struct t_case *t = suites[s]; t->name; t++) {
			if (filter && !strstr(t->name, filter))
				continue;
			t_failures = 0;
			t->fn();
			if (t_failures) {
				failed++;
				printf("FAIL %s\n", t->name);
			} else {
				passed++;
			}
		}
	}
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
