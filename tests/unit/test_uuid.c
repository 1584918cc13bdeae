/* test_uuid.c — UUID version 7: format, bits, order, fork safety. */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/clock.h"
#include "t.h"
#include "base/uuid.h"

/* 1 when s is 8-4-4-4-12 lower-case hex. */
static int lower_hex_form(const char *s)
{
	if (strlen(s) != 36)
		return 0;
	for (int i = 0; i < 36; i++) {
		int dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash != (s[i] == '-'))
			return 0;
		if (!dash && !strchr("0123456789abcdef", s[i]))
			return 0;
	}
	return 1;
}

static void test_format(void)
{
	char u[37];
	long long before = clock_now_ms(), after, ms;

	uuid_v7(u);
	after = clock_now_ms();
	CHECK(lower_hex_form(u));
	CHECK(u[14] == '7');                     /* version */
	CHECK(strchr("89ab", u[19]) != NULL);    /* RFC 9562 variant 10xx */
	CHECK(uuid_valid(u));
	ms = uuid_v7_ms(u);
	CHECK(ms >= before && ms <= after + 100); /* bursts of >2048/ms borrow a few ms */
}

static void test_monotonic(void)
{
	enum { N = 10000 };
	static char u[N][37];
	int ordered = 1, formed = 1, variant = 1;

	for (int i = 0; i < N; i++)
		uuid_v7(u[i]);
	for (int i = 0; i < N; i++) {
		formed &= lower_hex_form(u[i]) && u[i][14] == '7';
		variant &= strchr("89ab", u[i][19]) != NULL;
		if (i > 0)
			ordered &= strcmp(u[i - 1], u[i]) < 0;  /* strictly: also all distinct */
	}
	CHECK(formed);
	CHECK(variant);
	CHECK(ordered);
	CHECK(uuid_v7_ms(u[N - 1]) >= uuid_v7_ms(u[0]));
}

/* Under a fixed clock ahead of real time; runs in a child process so that
 * the generator of this process does not jump into the future. */
static void fixed_clock_child(void)
{
	char a[37], b[37];
	long long t;

	CHECK(clock_parse_iso("2090-01-02T03:04:05.678Z", &t) == 0);
	setenv("SXSH_NOW", "2090-01-02T03:04:05.678Z", 1);
	uuid_v7(a);
	CHECK_INT(uuid_v7_ms(a), t);
	for (int i = 0; i < 5000; i++) { /* more than one 12-bit counter holds */
		uuid_v7(b);
		CHECK(strcmp(a, b) < 0);
		memcpy(a, b, sizeof a);
	}
	CHECK(uuid_v7_ms(b) > t);     /* overflow borrowed the next milliseconds */
	CHECK(uuid_v7_ms(b) < t + 10);
}

static void test_fixed_clock(void)
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0) {
		fixed_clock_child();
		_exit(t_failures ? 1 : 0);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static void test_fork(void)
{
	char parent[37], child[37] = "";
	int fd[2];
	pid_t pid;

	uuid_v7(parent); /* fills the random pool before the fork */
	CHECK(pipe(fd) == 0);
	pid = fork();
	if (pid == 0) {
		uuid_v7(child);
		_exit(write(fd[1], child, 37) == 37 ? 0 : 1);
	}
	uuid_v7(parent);
	CHECK(read(fd[0], child, 37) == 37);
	waitpid(pid, NULL, 0);
	close(fd[0]);
	close(fd[1]);
	CHECK(uuid_valid(child));
	CHECK(strcmp(parent, child) != 0);            /* often the same ms and counter... */
	CHECK(strcmp(parent + 19, child + 19) != 0);  /* ...but fresh randomness */
}

static void test_valid(void)
{
	CHECK(uuid_valid("017f22e2-79b0-7cc3-98c4-dc0c0c07398f"));
	CHECK(uuid_valid("017F22E2-79B0-7CC3-98C4-DC0C0C07398F"));
	CHECK(uuid_valid("f81d4fae-7dec-41d0-a765-00a0c91e6bf6"));  /* version 4 */
	CHECK(uuid_valid("00000000-0000-0000-0000-000000000000"));
	CHECK(!uuid_valid(""));
	CHECK(!uuid_valid("017f22e2-79b0-7cc3-98c4-dc0c0c07398"));
	CHECK(!uuid_valid("017f22e2-79b0-7cc3-98c4-dc0c0c07398f0"));
	CHECK(!uuid_valid("017f22e279b07cc398c4dc0c0c07398f"));
	CHECK(!uuid_valid("017f22e2-79b0-7cc3-98c4_dc0c0c07398f"));
	CHECK(!uuid_valid("017f22e2-79b0-7cc3-98c4-dc0c0c07398g"));
	CHECK(!uuid_valid("{17f22e2-79b0-7cc3-98c4-dc0c0c07398f}"));
}

static void test_v7_ms(void)
{
	/* RFC 9562 appendix A.6: 2022-02-22T19:22:22Z. */
	CHECK_INT(uuid_v7_ms("017F22E2-79B0-7CC3-98C4-DC0C0C07398F"), 1645557742000LL);
	CHECK_INT(uuid_v7_ms("017f22e2-79b0-7cc3-98c4-dc0c0c07398f"), 1645557742000LL);
	CHECK_INT(uuid_v7_ms("f81d4fae-7dec-41d0-a765-00a0c91e6bf6"), -1);  /* version 4 */
	CHECK_INT(uuid_v7_ms("017f22e2-79b0-7cc3-48c4-dc0c0c07398f"), -1);  /* wrong variant */
	CHECK_INT(uuid_v7_ms("not a uuid"), -1);
}

T_SUITE(uuid) {
	{ "uuid/format", test_format },
	{ "uuid/monotonic", test_monotonic },
	{ "uuid/fixed_clock", test_fixed_clock },
	{ "uuid/fork", test_fork },
	{ "uuid/valid", test_valid },
	{ "uuid/v7_ms", test_v7_ms },
	{ 0 }
};
