/* csvwrite.h — RFC 4180 CSV output with a running SHA-256, for exports.
 *
 * Fields are quoted only when they must be: they hold a comma, a quote, a
 * line break, or leading or trailing white space (which CSV readers such as
 * libcsv drop from unquoted fields), or a semicolon or a tab (which a
 * spreadsheet opening the file splits on: LibreOffice Calc's Text Import
 * has comma, semicolon and tab ticked by default).  Spreadsheet mode writes a UTF-8
 * byte-order mark and CRLF line ends, and neutralises text cells that a
 * spreadsheet would run as a formula (OWASP: = + - @ tab CR) by putting a
 * ' in front; a text that already begins with ' and one of those gets one
 * more, so that an import, which strips one ', gets the text back. */
#ifndef SX_CSVWRITE_H
#define SX_CSVWRITE_H

#include <stddef.h>

#include "base/err.h"

struct csvw;

/* Create path (it must not exist; owner-only) for writing.  NULL on
 * failure, with a message in err.  Finish with csvw_close(). */
struct csvw *csvw_create(const char *path, int spreadsheet, struct sx_err *err);
/* Write one field of the current row; text = 1 for a text cell (which
 * spreadsheet mode may neutralise), 0 for numbers, dates and times. */
void csvw_field(struct csvw *w, const char *s, size_t n, int text);
/* End the current row. */
void csvw_end_row(struct csvw *w);
/* Flush, fsync and close; the SHA-256 of everything written goes to hex.
 * 0, or -1 with a message in err (the file is then incomplete).  Frees w. */
int csvw_close(struct csvw *w, char hex[65], struct sx_err *err);
/* Close and free without checking anything (on an error path).  NULL ok. */
void csvw_abort(struct csvw *w);

/* 1 when text begins like a formula (= + - @ tab CR) and is not a number. */
int csvw_is_formula(const char *s, size_t n);

#endif
