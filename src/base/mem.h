/* mem.h — allocation that never returns NULL, and the one way to die.
 *
 * Every allocation in sxsh goes through these functions.  On failure they
 * call sx_die(), which runs the registered cleanup hook (the UI registers one
 * that restores the terminal) and exits with status 1. */
#ifndef SX_MEM_H
#define SX_MEM_H

#include <stddef.h>

/* malloc(n); never returns NULL.  Caller frees with free(). */
void *xmalloc(size_t n);
/* calloc(n, size); never returns NULL, checks n*size for overflow. */
void *xcalloc(size_t n, size_t size);
/* realloc(p, n); never returns NULL. */
void *xrealloc(void *p, size_t n);
/* reallocarray(p, n, size) with an overflow check; never returns NULL. */
void *xreallocarray(void *p, size_t n, size_t size);
/* strdup(s); never returns NULL.  xstrdup(NULL) returns NULL. */
char *xstrdup(const char *s);
/* strndup(s, n); never returns NULL. */
char *xstrndup(const char *s, size_t n);
/* printf into a fresh buffer; caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Hook run by sx_die() before exiting (e.g. endwin()); NULL to clear. */
void sx_set_die_hook(void (*hook)(void));
/* Print "sxsh: message" to stderr after running the hook, then exit(1). */
_Noreturn void sx_die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
