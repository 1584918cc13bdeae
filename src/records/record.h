/* record.h — what the registries (facilities, people, sessions) do alike:
 * loading rows into structs, binding typed text, saving with uuid,
 * updated_at and origin, tombstones, and searching by words.
 *
 * A registry describes its struct once as a table of fields in column
 * order (struct record_shape) and its table as a struct record_kind; the
 * functions below do the rest.  Strings a load makes belong to the struct
 * and are freed by record_clear() / record_rows_free(). */
#ifndef SX_RECORD_H
#define SX_RECORD_H

#include <sqlite3.h>
#include <stddef.h>

#include "db/db.h"
#include "base/err.h"

/* Words of a search that count (the rest are ignored). */
#define RECORD_SEARCH_WORDS 4

/* How a struct member holds its column. */
enum record_type {
	RECORD_UUID,    /* char[37]; "" for SQL NULL */
	RECORD_NAME,    /* char * (owned, NULL for SQL NULL); saved required, trimmed
			 * NFC, with its search key (name_key) and sort key */
	RECORD_TEXT,    /* char * (owned, NULL for SQL NULL); saved trimmed NFC, "" as NULL */
	RECORD_INT,     /* int, 0 for SQL NULL; saved as it is */
	RECORD_BOOL,    /* int; saved as 0 or 1 */
	RECORD_YEAR,    /* int; saved as NULL when 0 */
};

/* One column and the struct member that holds it. */
struct record_field {
	enum record_type type;  /* how */
	size_t at;              /* offsetof the member */
};

/* A struct as the columns of a result row, in order. */
struct record_shape {
	size_t size;                        /* sizeof the struct */
	const struct record_field *fields;  /* column 0, 1, … */
	size_t nfields;                     /* how many */
};

/* A registry's table.  The shape's fields are the uuid, then the name
 * (RECORD_NAME), then the other columns as listed in the SQL. */
struct record_kind {
	struct record_shape shape;  /* the record */
	const char *get_sql;        /* SELECT uuid, the columns; ? the uuid (RECORD_SQL) */
	const char *save_sql;       /* the upsert: ?1 uuid, ?2 updated_at, ?3 origin,
				     * ?4 name_key, ?5 sort_key, ?6… the columns */
	const char *delete_sql;     /* the tombstone: ?1 updated_at, ?2 origin, ?3 uuid */
	const char *unknown;        /* N_() error for an unknown uuid, "%s" the uuid */
	const char *nameless;       /* N_() error for an empty name */
	/* Further rules before saving (NULL for none): 0, or -1 with err. */
	int (*check)(const void *rec, struct sx_err *err);
};

/* A record_shape for the struct type and its const array of fields. */
#define RECORD_SHAPE(type, fieldv) \
	{ .size = sizeof(type), .fields = (fieldv), .nfields = sizeof (fieldv) / sizeof (fieldv)[0] }

/* The statements of a kind (its get_sql, save_sql and delete_sql), for a
 * table, its columns after the uuid (name first) and their parameters
 * "?6, ?7, …" (one per column).  A new version's stamp is max(now, the
 * stored one + 1): two saves within one millisecond, or after the clock
 * was set back, are still two versions in order (history keeps the first,
 * and another laptop sees the second as newer). */
#define RECORD_SQL(table, cols, params) \
	.get_sql = "SELECT uuid, " cols " FROM " table " WHERE uuid = ? AND deleted = 0", \
	.save_sql = "INSERT INTO " table " (uuid, updated_at, origin, deleted, name_key," \
		" sort_key, " cols ") VALUES (?1, ?2, ?3, 0, ?4, ?5, " params ")" \
		" ON CONFLICT (uuid) DO UPDATE SET (updated_at, origin, name_key, sort_key, " \
		cols ") = (max(?2, updated_at + 1), ?3, ?4, ?5, " params ")", \
	.delete_sql = "UPDATE " table " SET deleted = 1, updated_at = max(?1, updated_at + 1)," \
		" origin = ?2 WHERE uuid = ?3 AND deleted = 0"

/* The SQL condition that col contains each word bound by record_bind_search
 * at ?1 .. ?4 (RECORD_SEARCH_WORDS). */
#define RECORD_WORDS_IN(col) \
	"instr(" col ", ?1) AND instr(" col ", ?2) AND instr(" col ", ?3) AND instr(" col ", ?4)"

/* Bind s to parameter i as trimmed NFC text, or NULL when it is empty. */
void record_bind_text(sqlite3_stmt *st, int i, const char *s);
/* Bind the words of query, folded (no case, no accents, đ = d), to the
 * parameters first .. first + RECORD_SEARCH_WORDS - 1; unused ones get ""
 * (which instr() finds everywhere). */
void record_bind_search(sqlite3_stmt *st, int first, const char *query);

/* Fill the zeroed struct out from the current result row of st. */
void record_load(const struct record_shape *shape, sqlite3_stmt *st, void *out);
/* Free the strings of the struct rec (not rec itself) and zero it. */
void record_clear(const struct record_shape *shape, void *rec);
/* Step st (prepared and bound) to the end, one struct per row into *rows
 * (allocated, NULL for none; free with record_rows_free), and reset it.
 * The count, or -1 with err (then *rows is NULL). */
long record_rows(struct sx_db *db, sqlite3_stmt *st, const struct record_shape *shape,
		 void **rows, struct sx_err *err);
/* Free n structs made by record_rows(), and the array. */
void record_rows_free(const struct record_shape *shape, void *rows, size_t n);
/* record_rows() of the constant statement sql, its ?1..?4 bound to the
 * words of query (record_bind_search) and ?5 to limit. */
long record_search(struct sx_db *db, const char *sql, const char *query, size_t limit,
		   const struct record_shape *shape, void **rows, struct sx_err *err);

/* Load the record uuid (not deleted) into rec.  0, or -1 with err (also
 * when unknown, with kind->unknown). */
int record_get(struct sx_db *db, const struct record_kind *kind, const char *uuid, void *rec,
	       struct sx_err *err);
/* Insert (uuid "") or update rec: the name checked and keyed, the other
 * text NFC, updated_at now, origin this installation; sets a new record's
 * uuid.  0, or -1 with err. */
int record_save(struct sx_db *db, const struct record_kind *kind, void *rec, struct sx_err *err);
/* Mark the record uuid deleted, as a new version from this installation,
 * so that sync carries it.  0, or -1 with err. */
int record_delete(struct sx_db *db, const struct record_kind *kind, const char *uuid,
		  struct sx_err *err);

#endif
