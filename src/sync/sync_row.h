/* sync_row.h — one CSV record of a synced table turned into typed values.
 *
 * The validating stage of an import: header → column map, then per record
 * the field count, the uuid, the times, numbers and dates, NOT NULL, UTF-8
 * and NFC.  What it cannot read is an error "file:line: reason" that stops
 * the import (nothing is written).  Rules for empty fields: NULL in a
 * nullable column, '' in a NOT NULL text column, an error in a NOT NULL
 * number or time column. */
#ifndef SX_SYNC_ROW_H
#define SX_SYNC_ROW_H

#include <sqlite3.h>
#include <stddef.h>

#include "base/csvread.h"
#include "base/err.h"
#include "sync/sync_table.h"

/* The last time a CSV can hold: 9999-12-31T23:59:59.999Z. */
#define SYNC_TIME_MAX 253402300799999LL
/* How far ahead of this computer's clock an imported updated_at may be (a
 * laptop whose clock runs ahead); later ones are refused with their line. */
#define SYNC_CLOCK_AHEAD_MS (24LL * 3600 * 1000)

/* One typed value. */
struct sync_val {
	int type;            /* SQLITE_NULL, SQLITE_INTEGER, SQLITE_FLOAT or SQLITE_TEXT */
	long long i;         /* the integer */
	double d;            /* the decimal */
	const char *s;       /* the text (valid until the next decode) */
	size_t n;            /* its length in bytes */
};

/* A conversion that src/sync cannot make itself, passed in by a part
 * above it: an answer is typed by its form's question (the rule of the
 * dependency order keeps src/form out of src/sync; assess/answer_conv.h
 * implements it).  answer() gets the answer's assessment uuid, its name,
 * its value and the file's decimal mark ('.', ',' or 0 for either), and
 * returns 0 to keep the value, 1 with a malloc'd canonical text in *out,
 * or -1 with the reason in why (len bytes): the record is then refused as
 * "file:line: reason" and the import changes nothing. */
struct sync_conv {
	int (*answer)(void *arg, const char *assessment, const char *name, const char *value,
		      char mark, char **out, char *why, size_t len);
	void *arg;
};

/* A decoder for one file of one table. */
struct sync_row {
	const struct sync_table *t;  /* the table */
	size_t *map;         /* CSV field index of each column */
	size_t nfields;      /* fields a record must have */
	char mark;           /* decimal mark for numbers: '.', ',' or 0 (either) */
	int strip_quote;     /* strip a spreadsheet's neutralising ' from text */
	struct sync_val *v;  /* the decoded record, one value per column */
	long line;           /* the record's line */
	char **owned;        /* converted texts, freed at the next decode */
	size_t nowned, capowned;  /* how many, and room for how many */
	const struct sync_conv *conv; /* optional conversions, not owned */
	int c_phone;         /* the column read as a phone number (phone.h), or -1 */
	int c_code, c_kind;  /* places: the code and its kind, else -1 */
	int c_value, c_assess, c_name; /* answers (with conv): value, assessment, name; else -1 */
	long long now_ms;    /* the clock as last read (the check of updated_at) */
	int underived;       /* the derived columns still hold the file's text */
};

/* Check the header (every column once, in any order, nothing else) and set
 * up r.  0, or -1 with "file:line: reason" in err (r is then zeroed and
 * holds nothing).  Free with sync_row_free(). */
int sync_row_init(struct sync_row *r, const struct sync_table *t, const struct csvr_rec *header,
		  const char *file, struct sx_err *err);
/* Decode one record into r->v.  0, or -1 with "file:line: reason".  The
 * derived columns (name_key, sort_key) are left for sync_row_derive(): a
 * re-import mostly finds the very version stored, which is compared without
 * them, and computing a sort key costs more than the comparison. */
int sync_row_decode(struct sync_row *r, const struct csvr_rec *rec, const char *file,
		    struct sx_err *err);
/* Compute the derived columns of the record decoded last from their
 * source, as sxsh does when it saves a row, whatever the file held (once;
 * before any of them is read or bound for a write). */
void sync_row_derive(struct sync_row *r);
/* Bind column i's value to parameter p of st. */
void sync_row_bind(const struct sync_row *r, size_t i, sqlite3_stmt *st, int p);
/* Compare column i's value with column c of a stepped statement: 0 when
 * equal, else <0 / >0 in a fixed total order (NULL < numbers < text). */
int sync_row_cmp(const struct sync_row *r, size_t i, sqlite3_stmt *st, int c);
/* 1 when the n bytes at s are UTF-8 that is certainly NFC already (ASCII,
 * U+0080..U+02FF, U+1E00..U+1EFF: all of Vietnamese); 0 means "maybe not,
 * ask text_nfc". */
int sync_row_nfc_already(const char *s, size_t n);
/* Free what r holds. */
void sync_row_free(struct sync_row *r);

#endif
