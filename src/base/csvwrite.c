/* csvwrite.c — buffered CSV writing, hashed as it goes. */
#include "base/csvwrite.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/mem.h"
#include "base/num.h"
#include "base/platform.h"
#include "base/sha256.h"

#define BUFSZ (64 * 1024)

struct csvw {
	int fd;                  /* the file, -1 after an error */
	char *path;              /* for messages */
	int spreadsheet;         /* BOM, CRLF, formulas neutralised */
	int errnum;              /* first write error, 0 when none */
	int row_started;         /* a field was written on this row */
	struct sha256 sha;       /* digest of the bytes written */
	size_t n;                /* bytes in buf */
	char buf[BUFSZ];         /* output not yet written */
};

static void flush(struct csvw *w)
{
	size_t off = 0;

	sha256_update(&w->sha, w->buf, w->n);
	while (off < w->n && !w->errnum) {
		ssize_t k = write(w->fd, w->buf + off, w->n - off);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			w->errnum = errno;
		else
			off += (size_t)k;
	}
	w->n = 0;
}

static void put(struct csvw *w, const char *s, size_t n)
{
	while (n) {
		size_t take = BUFSZ - w->n < n ? BUFSZ - w->n : n;
		memcpy(w->buf + w->n, s, take);
		w->n += take, s += take, n -= take;
		if (w->n == BUFSZ)
			flush(w);
	}
}

static void putc1(struct csvw *w, char c)
{
	if (w->n == BUFSZ)
		flush(w);
	w->buf[w->n++] = c;
}

struct csvw *csvw_create(const char *path, int spreadsheet, struct sx_err *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	struct csvw *w;

	if (fd < 0) {
		sx_err_add(err, path, 0, _("cannot create: %s"), strerror(errno));
		return NULL;
	}
	w = xcalloc(1, sizeof *w);
	w->fd = fd;
	w->path = xstrdup(path);
	w->spreadsheet = spreadsheet;
	sha256_init(&w->sha);
	if (spreadsheet)
		put(w, "\xEF\xBB\xBF", 3);
	return w;
}

int csvw_is_formula(const char *s, size_t n)
{
	double v;

	if (n == 0 || !strchr("=+-@\t\r", s[0]))
		return 0;
	return num_parse(s, &v) == NUM_INVALID; /* "-5" is a number, not a formula */
}

static int needs_quotes(const char *s, size_t n)
{
	if (n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		return 1;
	for (size_t i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r' || s[i] == ';' ||
		    s[i] == '\t')
			return 1;
	return 0;
}

void csvw_field(struct csvw *w, const char *s, size_t n, int text)
{
	int prefix = 0;

	if (w->row_started)
		putc1(w, ',');
	w->row_started = 1;
	if (text && w->spreadsheet)
		prefix = csvw_is_formula(s, n) || (n > 1 && s[0] == '\'' && csvw_is_formula(s + 1, n - 1));
	if (!needs_quotes(s, n)) {
		if (prefix)
			putc1(w, '\'');
		put(w, s, n);
		return;
	}
	putc1(w, '"');
	if (prefix)
		putc1(w, '\'');
	for (const char *q; n && (q = memchr(s, '"', n)); n -= (size_t)(q - s) + 1, s = q + 1) {
		put(w, s, (size_t)(q - s) + 1);
		putc1(w, '"');
	}
	put(w, s, n);
	putc1(w, '"');
}

void csvw_end_row(struct csvw *w)
{
	if (w->spreadsheet)
		putc1(w, '\r');
	putc1(w, '\n');
	w->row_started = 0;
}

static void destroy(struct csvw *w)
{
	if (w->fd >= 0)
		close(w->fd);
	free(w->path);
	free(w);
}

int csvw_close(struct csvw *w, char hex[65], struct sx_err *err)
{
	int rc = 0;

	flush(w);
	if (!w->errnum && platform_fsync(w->fd) != 0)
		w->errnum = errno;
	if (close(w->fd) != 0 && !w->errnum)
		w->errnum = errno;
	w->fd = -1;
	if (w->errnum) {
		sx_err_add(err, w->path, 0, _("cannot write: %s"), strerror(w->errnum));
		rc = -1;
	}
	sha256_hex(&w->sha, hex);
	destroy(w);
	return rc;
}

void csvw_abort(struct csvw *w)
{
	if (w)
		destroy(w);
}
