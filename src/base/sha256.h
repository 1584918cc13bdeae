/* sha256.h — SHA-256 (FIPS 180-4), to checksum export files.
 *
 * The manifest of an export holds one digest per file, so that an import
 * can tell a complete file from one cut short by a full USB stick or
 * changed by hand.  Plain C, no dependency. */
#ifndef SX_SHA256_H
#define SX_SHA256_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

/* A digest in progress. */
struct sha256 {
	uint32_t h[8];          /* chaining state */
	uint64_t len;           /* bytes hashed so far */
	unsigned char buf[64];  /* a partial block */
	size_t nbuf;            /* bytes in buf */
};

/* Start a digest. */
void sha256_init(struct sha256 *s);
/* Hash n more bytes. */
void sha256_update(struct sha256 *s, const void *data, size_t n);
/* Finish and write the digest as 64 lower-case hex digits plus NUL. */
void sha256_hex(struct sha256 *s, char out[65]);
/* Tests: 1 = the portable code even where SHA-NI is there, 0 = back to the
 * fastest (not thread-safe: call it with no digest running). */
void sha256_portable(int on);
/* Digest of a whole file into out.  0, or -1 with "path: reason" in err. */
int sha256_file(const char *path, char out[65], struct sx_err *err);

#endif
