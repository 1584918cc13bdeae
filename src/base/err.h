/* err.h — the one error vocabulary: a list of positioned messages.
 *
 * Functions that can fail take a `struct sx_err *` and add messages of the
 * form "file:line: message" (or "file: message", or just "message" when there
 * is no file).  Loaders keep going where that is safe, so one call may add
 * many messages; callers print them all and end with a count. */
#ifndef SX_ERR_H
#define SX_ERR_H

#include <stddef.h>
#include <stdio.h>

/* Exit statuses of the command line. */
enum sx_status { SX_OK = 0, SX_FAIL = 1, SX_USAGE = 2 };

struct sx_err {
	char **msgs;  /* formatted messages, owned */
	size_t n;     /* how many */
	size_t cap;   /* allocated slots */
};

/* Add "file:line: message"; file may be NULL, line 0 means "no line". */
void sx_err_add(struct sx_err *e, const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Add "file:line:col: message" (col 0 means none). */
void sx_err_addc(struct sx_err *e, const char *file, long line, long col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Number of messages. */
size_t sx_err_count(const struct sx_err *e);
/* Print every message, one per line, to fp. */
void sx_err_print(const struct sx_err *e, FILE *fp);
/* The last message added, or "" when there is none. */
const char *sx_err_last(const struct sx_err *e);
/* Free the messages; the struct can be reused. */
void sx_err_clear(struct sx_err *e);

#endif
