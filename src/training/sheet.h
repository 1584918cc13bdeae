/* sheet.h — the printable sign-in sheet of a session (danh sách học viên
 * có ký nhận): heading and one row per participant with a signature column
 * per day, as plain text or as a self-contained HTML page for A4. */
#ifndef SX_SHEET_H
#define SX_SHEET_H

#include <stdio.h>

#include "db/db.h"
#include "base/err.h"
#include "training/session.h"

/* Output formats. */
enum sheet_format {
	SHEET_TEXT,   /* columns aligned by display width */
	SHEET_HTML,   /* one HTML page, inline CSS, no external resources */
};

/* Parse "text" or "html" into *out; 0, or -1 for anything else. */
int sheet_format_parse(const char *name, enum sheet_format *out);
/* Write the sheet of session s (loaded, not deleted) to out in the UI
 * language.  0, or -1 with err (database or write error). */
int sheet_write(struct sx_db *db, const struct session *s, enum sheet_format fmt, FILE *out,
		struct sx_err *err);
/* Write the sheet to path atomically (temporary file in the same folder,
 * fsync, rename), readable by its owner only: it holds personal data.
 * 0, or -1 with err naming the file. */
int sheet_save(struct sx_db *db, const struct session *s, enum sheet_format fmt,
	       const char *path, struct sx_err *err);
/* A readable, safe file name for the sheet: the words "sign-in-sheet" in
 * the language shown, the first day and the title, ASCII-folded
 * (text_slug): "danh-sach-ky-ten-2026-12-01-tap-huan-sxsh.html" (the
 * title cut at a word to 30 bytes).  Caller
 * frees. */
char *sheet_file_name(const struct session *s, enum sheet_format fmt);

#endif
