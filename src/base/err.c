/* err.c — positioned error messages. */
#include "base/err.h"

#include <stdarg.h>
#include <stdlib.h>

#include "base/mem.h"

static void push(struct sx_err *e, char *msg)
{
	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 8;
		e->msgs = xreallocarray(e->msgs, e->cap, sizeof *e->msgs);
	}
	e->msgs[e->n++] = msg;
}

static void vadd(struct sx_err *e, const char *file, long line, long col,
		 const char *fmt, va_list ap)
{
	char body[1024];
	char *msg;

	vsnprintf(body, sizeof body, fmt, ap);
	if (file && line > 0 && col > 0)
		msg = xasprintf("%s:%ld:%ld: %s", file, line, col, body);
	else if (file && line > 0)
		msg = xasprintf("%s:%ld: %s", file, line, body);
	else if (file)
		msg = xasprintf("%s: %s", file, body);
	else
		msg = xstrdup(body);
	push(e, msg);
}

void sx_err_add(struct sx_err *e, const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vadd(e, file, line, 0, fmt, ap);
	va_end(ap);
}

void sx_err_addc(struct sx_err *e, const char *file, long line, long col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vadd(e, file, line, col, fmt, ap);
	va_end(ap);
}

size_t sx_err_count(const struct sx_err *e)
{
	return e->n;
}

void sx_err_print(const struct sx_err *e, FILE *fp)
{
	for (size_t i = 0; i < e->n; i++)
		fprintf(fp, "%s\n", e->msgs[i]);
}

const char *sx_err_last(const struct sx_err *e)
{
	return e->n ? e->msgs[e->n - 1] : "";
}

void sx_err_clear(struct sx_err *e)
{
	for (size_t i = 0; i < e->n; i++)
		free(e->msgs[i]);
	free(e->msgs);
	e->msgs = NULL;
	e->n = e->cap = 0;
}
