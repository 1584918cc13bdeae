/* listimport.h — a participant list from a spreadsheet into a session.
 *
 * The file is CSV as spreadsheets save it (base/csvread.h: UTF-8 with or
 * without BOM, or Windows-1258; comma, semicolon or tab).  The header is the
 * first of the first ten rows that names a full-name column; columns are
 * known by their Vietnamese or English names, capitals and accents aside
 * ("Họ và tên"/"Full name", "Năm sinh"/"Year of birth", "Giới tính"/
 * "Gender", "Dân tộc"/"Ethnicity", "Chức vụ"/"Position", "Đơn vị"/"Unit",
 * "Đối tượng"/"Category", "Điện thoại"/"Phone"); others (STT, signature)
 * are ignored.
 *
 * Reading never writes: listimport_read() gives the preview, each row
 * classified with the duplicate checks of registration (people.h: the same
 * folded name and the same year of birth or phone) — a new person, one
 * already in the registry, one already registered for the session, the
 * same person as an earlier row, or a row in error with its reason.
 * listimport_apply() then writes it in one transaction, and only when no
 * row is in error. */
#ifndef SX_LISTIMPORT_H
#define SX_LISTIMPORT_H

#include <stddef.h>

#include "db/db.h"
#include "records/people.h"

/* What a row of the file will do. */
enum listimport_what {
	LI_NEW,         /* a new person, registered */
	LI_KNOWN,       /* already in the registry (a likely duplicate): registered */
	LI_REGISTERED,  /* already registered for the session: nothing */
	LI_REPEAT,      /* the same person as an earlier row: nothing */
	LI_ERROR,       /* refused: see error */
};

/* One row of the file. */
struct listimport_row {
	long line;                  /* its line in the file */
	enum listimport_what what;  /* what it will do */
	struct person p;            /* the person as read (owned) */
	char match[37];             /* the person it is (LI_KNOWN, LI_REGISTERED), or "" */
	char *match_name;           /* their name as in the registry, or NULL (owned) */
	long repeat_of;             /* LI_REPEAT: the earlier row's line */
	char *error;                /* LI_ERROR: why, without position (owned) */
};

/* The preview of a file. */
struct listimport {
	char *path;                 /* the file, for messages (owned) */
	struct listimport_row *rows;/* the rows after the header (owned) */
	size_t n;                   /* how many */
	size_t count[LI_ERROR + 1]; /* rows of each kind */
	char delim;                 /* the separator found */
	int legacy;                 /* 1 when read as Windows-1258 */
	char *ignored;              /* header names not used, ", "-separated, or NULL */
};

/* Read path as a participant list for the session: 0 and *out filled (free
 * with listimport_free), or -1 with "file:line: message" in err when the file
 * cannot be read at all (not CSV, no header, no full-name column). */
int listimport_read(struct sx_db *db, const char *session_uuid, const char *path,
		    struct listimport *out, struct sx_err *err);
/* Write the preview: new people saved and registered, known ones registered,
 * in one transaction.  0, or -1 with err (every row in error as
 * "file:line: message"; then nothing is written). */
int listimport_apply(struct sx_db *db, const char *session_uuid, struct listimport *li,
		     struct sx_err *err);
/* Free the preview's contents. */
void listimport_free(struct listimport *li);

#endif
