/* test_sha256.c — both SHA-256 paths (portable C, and SHA-NI where the
 * processor has it) give the published digests (FIPS 180-2 examples, and
 * the well-known "quick brown fox" digest) and agree with each other on
 * every length from 0 to 300 bytes fed in uneven pieces. */
#include <stdio.h>
#include <string.h>

#include "t.h"
#include "base/sha256.h"

static void digest(const void *p, size_t n, size_t piece, char hex[65])
{
	struct sha256 s;
	const unsigned char *b = p;

	sha256_init(&s);
	for (size_t off = 0; off < n; off += piece)
		sha256_update(&s, b + off, n - off < piece ? n - off : piece);
	sha256_hex(&s, hex);
}

static void vectors(void)
{
	static char a[1000000];
	char hex[65];

	digest("abc", 3, 3, hex);
	CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	digest("", 0, 1, hex);
	CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, 7, hex);
	CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	digest("The quick brown fox jumps over the lazy dog", 43, 43, hex);
	CHECK_STR(hex, "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592");
	memset(a, 'a', sizeof a);
	digest(a, sizeof a, 4097, hex);
	CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static void test_both_paths(void)
{
	unsigned char data[300];
	unsigned long long r = 7;

	for (size_t i = 0; i < sizeof data; i++) {
		r = r * 6364136223846793005ULL + 1442695040888963407ULL;
		data[i] = (unsigned char)(r >> 56);
	}
	vectors();
	sha256_portable(1);
	vectors();
	for (size_t n = 0; n <= sizeof data; n++) {
		char slow[65], fast[65];
		digest(data, n, 1 + n % 67, slow);
		sha256_portable(0);
		digest(data, n, 1 + n % 29, fast);
		sha256_portable(1);
		if (strcmp(slow, fast) != 0)
			fprintf(stderr, "length %zu: %s vs %s\n", n, slow, fast);
		CHECK_STR(fast, slow);
	}
	sha256_portable(0);
}

T_SUITE(sha256) {
	{ "sha256/both_paths", test_both_paths },
	{ 0 }
};
