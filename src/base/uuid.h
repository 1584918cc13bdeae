/* uuid.h — RFC 9562 UUIDs, version 7 (time-ordered) for every synced row.
 *
 * Version 7 keys grow at the end of the key index, which keeps large
 * imports fast (see notes.md).  The generator is process-wide and not
 * thread-safe. */
#ifndef SX_UUID_H
#define SX_UUID_H

/* Write a new version 7 UUID (36 lower-case characters plus NUL) to out:
 * 48-bit Unix milliseconds from clock_now_ms() (so SXSH_NOW applies), a
 * 12-bit counter in rand_a (RFC 9562 §6.2 method 1: random start below
 * 0x800, +1 when the millisecond repeats or the clock goes back, the
 * timestamp advanced by 1 ms on overflow), 62 random bits from the system (platform_random).
 * Every UUID made in one process sorts after the one made before it. */
void uuid_v7(char out[37]);
/* 1 when s is a UUID of any version in 8-4-4-4-12 hex (either case). */
int uuid_valid(const char *s);
/* The Unix-millisecond timestamp of a version 7 UUID, or -1 when s is not
 * a valid version 7 (RFC variant) UUID. */
long long uuid_v7_ms(const char *s);

#endif
