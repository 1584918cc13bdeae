/* uuid.c — UUID version 7 with a monotonic counter (RFC 9562 §5.7, §6.2). */
#include "base/uuid.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "base/clock.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/platform.h"

/* The process-wide generator: monotonicity needs memory of the last UUID. */
static struct {
	long long ms;                 /* timestamp of the last UUID */
	unsigned counter;             /* its 12-bit rand_a counter */
	unsigned char pool[512];      /* random bytes not yet used */
	size_t left;                  /* how many at the end of pool are unused */
	pid_t pid;                    /* process that filled pool (a fork refills) */
} gen = { .ms = -1 };

static void refill(void)
{
	if (platform_random(gen.pool, sizeof gen.pool) != 0)
		sx_die(_("cannot read random bytes: %s"), strerror(errno));
	gen.left = sizeof gen.pool;
	gen.pid = getpid();
}

/* n fresh random bytes; n <= sizeof gen.pool. */
static void random_bytes(unsigned char *out, size_t n)
{
	if (gen.left < n || gen.pid != getpid())
		refill();
	memcpy(out, gen.pool + sizeof gen.pool - gen.left, n);
	memset(gen.pool + sizeof gen.pool - gen.left, 0, n);
	gen.left -= n;
}

/* A counter start in 0..0x7ff: random, with room for 2048 more in the ms. */
static unsigned counter_seed(void)
{
	unsigned char r[2];

	random_bytes(r, 2);
	return ((unsigned)r[0] << 8 | r[1]) & 0x7ff;
}

void uuid_v7(char out[37])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char b[16];
	long long now = clock_now_ms();
	char *p = out;

	if (now < 0)
		now = 0; /* 48 unsigned bits: nothing before 1970 */
	if (now > gen.ms) {
		gen.ms = now;
		gen.counter = counter_seed();
	} else if (++gen.counter > 0xfff) {
		gen.ms++; /* counter exhausted: borrow the next millisecond */
		gen.counter = counter_seed();
	}
	for (int i = 0; i < 6; i++)
		b[i] = (unsigned char)((unsigned long long)gen.ms >> (40 - 8 * i));
	b[6] = (unsigned char)(0x70 | gen.counter >> 8);
	b[7] = (unsigned char)(gen.counter & 0xff);
	random_bytes(b + 8, 8);
	b[8] = (unsigned char)(0x80 | (b[8] & 0x3f));
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*p++ = '-';
		*p++ = hex[b[i] >> 4];
		*p++ = hex[b[i] & 15];
	}
	*p = '\0';
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int uuid_valid(const char *s)
{
	for (int i = 0; i < 36; i++) {
		int dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash ? s[i] != '-' : hexval(s[i]) < 0)
			return 0;
	}
	return s[36] == '\0';
}

long long uuid_v7_ms(const char *s)
{
	long long ms = 0;

	if (!uuid_valid(s) || s[14] != '7' || (hexval(s[19]) & 0xc) != 0x8)
		return -1;
	for (int i = 0; i < 13; i++)
		if (i != 8)
			ms = ms << 4 | hexval(s[i]);
	return ms;
}
