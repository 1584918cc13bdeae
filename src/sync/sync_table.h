/* sync_table.h — what sync needs to know about one synced table.
 *
 * Read from the database itself (pragma_table_info, pragma_foreign_key_list,
 * pragma_index_list), so a new column or table in schema.c travels without
 * touching sync.  Column kinds decide how a value is written to CSV and read
 * back:
 *  - INTEGER columns named *_at hold UTC milliseconds and travel as
 *    YYYY-MM-DDTHH:MM:SS.mmmZ (clock_iso), so spreadsheets read them;
 *  - TEXT columns named day, *_date, *_on or period_* hold yyyy-mm-dd dates
 *    (an import also accepts dd/mm/yyyy);
 *  - other INTEGER and REAL columns are numbers (an import accepts decimal
 *    commas); everything else is text. */
#ifndef SX_SYNC_TABLE_H
#define SX_SYNC_TABLE_H

#include <sqlite3.h>
#include <stddef.h>

#include "base/err.h"

/* How a column's values travel. */
enum sync_kind {
	SYNC_TEXT,   /* free text */
	SYNC_INT,    /* integer */
	SYNC_REAL,   /* decimal number */
	SYNC_TIME,   /* UTC milliseconds, ISO text in CSV */
	SYNC_DATE,   /* yyyy-mm-dd text */
};

/* Columns sxsh derives from another (name_key and sort_key from a name):
 * recomputed on import, never taken from the file, and left out when a
 * row's content is compared. */
enum { SYNC_DERIVED_NONE, SYNC_DERIVED_FOLD, SYNC_DERIVED_COLLATE };

/* One column. */
struct sync_col {
	char *name;     /* column name, also the CSV header */
	int kind;       /* enum sync_kind */
	int notnull;    /* 1 for NOT NULL: an empty text field is '' not NULL */
	int ref;        /* index into the table's fks, or -1 */
	int derived;    /* SYNC_DERIVED_*: sxsh computes it from column src */
	size_t src;
};

/* One foreign key: column col holds the uuid of a row of parent. */
struct sync_fk {
	size_t col;     /* the referencing column */
	char *parent;   /* the referenced table (its uuid column) */
};

/* A synced table. */
struct sync_table {
	char *name;              /* table name */
	struct sync_col *cols;   /* columns in table order */
	size_t ncols;            /* how many */
	struct sync_fk *fks;     /* foreign keys */
	size_t nfks;             /* how many */
	size_t key[4];           /* natural-key columns (a UNIQUE index), if any */
	size_t nkey;             /* how many (0: no natural key) */
	size_t c_uuid, c_updated, c_origin, c_deleted;  /* the sync columns */
	int self_ref;            /* 1 when a foreign key points at this table */
};

/* Describe table.  0, or -1 with a message in err.  Free with
 * sync_table_free(). */
int sync_table_load(sqlite3 *db, const char *table, struct sync_table *t, struct sx_err *err);
/* Free what t holds.  A zeroed t is fine. */
void sync_table_free(struct sync_table *t);
/* Index of the column named name, or -1. */
int sync_table_col(const struct sync_table *t, const char *name);
/* Index of table in schema_synced_tables, or -1 when it is not synced. */
int sync_table_index(const char *table);

#endif
