/* csvread.h — a pull reader of CSV records over libcsv, with positions.
 *
 * Strict RFC 4180 parsing (unterminated quotes are errors), a UTF-8
 * byte-order mark skipped, CRLF or LF, blank lines skipped, NUL bytes and
 * over-long fields refused.  Each record knows the line it began on, so
 * callers report "file:line: message".  Optionally the delimiter is detected
 * (comma, semicolon or tab, from the first line) and Windows-1258 text (what
 * Vietnamese Excel saves as "CSV (MS-DOS)") is converted to UTF-8.
 *
 * The encoding is decided from the whole source before the first record:
 * UTF-8 when every byte of it is; Windows-1258 (with CSVR_LEGACY_TEXT) when
 * no byte sequence in it is UTF-8 beyond ASCII and every byte is defined in
 * Windows-1258; anything else is refused at the first line that is neither,
 * with the byte found there. */
#ifndef SX_CSVREAD_H
#define SX_CSVREAD_H

#include <stddef.h>

#include "base/err.h"

/* Options for csvr_open(). */
enum {
	CSVR_DETECT_DELIM = 1,  /* pick , ; or tab from the first line */
	CSVR_LEGACY_TEXT = 2,   /* accept Windows-1258 when the text is not UTF-8 */
	/* Tests: libcsv reads every line.  Without it the reader reads the plain
	 * lines an export writes itself, as libcsv would (same records, lines
	 * and errors), and gives the others to libcsv. */
	CSVR_LIBCSV_ONLY = 4,
};

/* One record.  Fields are NUL-terminated; valid until the next csvr_next(). */
struct csvr_rec {
	size_t n;          /* number of fields */
	char **f;          /* the fields */
	size_t *len;       /* byte length of each field */
	long line;         /* line on which the record began (1-based) */
};

struct csvr;

/* Open a file for reading.  NULL on failure, with a message in err. */
struct csvr *csvr_open(const char *path, int options, struct sx_err *err);
/* Read from memory (not copied: buf must outlive the reader); name is used in
 * messages.  Never fails. */
struct csvr *csvr_open_mem(const char *name, const char *buf, size_t len, int options);
/* Next record: 1 and *rec set, 0 at the end, -1 on error (message in err,
 * "file:line: reason"; the reader cannot continue after an error). */
int csvr_next(struct csvr *r, const struct csvr_rec **rec, struct sx_err *err);
/* The delimiter in use (',' unless detected otherwise). */
char csvr_delim(const struct csvr *r);
/* 1 when the text was converted from Windows-1258. */
int csvr_was_legacy(const struct csvr *r);
/* The name used in messages. */
const char *csvr_name(const struct csvr *r);
/* Close and free; NULL is fine. */
void csvr_close(struct csvr *r);

/* Longest field accepted, in bytes. */
#define CSVR_MAX_FIELD (1024 * 1024)

#endif
