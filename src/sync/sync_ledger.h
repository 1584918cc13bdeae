/* sync_ledger.h — the files already merged into this database.
 *
 * A file whose content (SHA-256) was merged into this database, read into
 * the same table with the same conventions by the same rules, is known to
 * change nothing when it is imported again: the database's state is a
 * function of the set of versions it has seen, and that set already holds
 * every row of the file (the argument, case by case, is in
 * src/sync/README.md, "The ledger").  So such a file costs a look-up.
 *
 * A file goes into the ledger only when the import merged every one of its
 * rows as a version (none rejected, none restamped by --accept-changed) and
 * every row is older than the clock at the merge; the entry is written in
 * the import's transaction, so it exists exactly when the rows do (a
 * rollback, a dry run, a restored older backup: no entry).
 *
 * The stat cache (sync_seen) remembers what a file looked like when it was
 * hashed (device, inode, size, mtime, ctime), so that a file nobody touched
 * since is not read again to learn its digest. */
#ifndef SX_SYNC_LEDGER_H
#define SX_SYNC_LEDGER_H

#include <stdint.h>

#include "db/db.h"
#include "base/csvread.h"
#include "base/err.h"
#include "base/platform.h"

/* Bump when reading or merging a file changes what the same bytes do. */
#define SYNC_LEDGER_RULES "1"

/* One entry: a file read into table. */
struct sync_ledger_entry {
	const char *sha256;    /* 64 hex digits */
	const char *table;     /* the table it was read into */
	int spreadsheet;       /* read with the spreadsheet conventions of its manifest */
	long long rows;        /* its rows */
	long long max_updated; /* the newest updated_at among them (UTC ms) */
};

/* 1 and *rows, *merged_at when the entry e (rows and max_updated ignored) is
 * in the ledger and usable now (the clock is not behind its merge), 0 when
 * not, -1 on a database error (message in err). */
int sync_ledger_find(struct sx_db *db, const struct sync_ledger_entry *e, long long *rows,
		     long long *merged_at, struct sx_err *err);
/* Record e as merged now.  0 without writing when it cannot be trusted (a
 * row as new as the clock); 0 or -1 with err. */
int sync_ledger_add(struct sx_db *db, const struct sync_ledger_entry *e, struct sx_err *err);

/* The lines of a file already merged (schema step 9).  A file that changed
 * since it was merged is read again, but most of its lines are the very
 * lines merged before: each such line is a version the database has seen,
 * so merging it again changes nothing — the ledger's argument, line by line
 * (src/sync/README.md).  For each exporting installation and table the
 * ledger keeps a 64-bit digest of every line of the last file of it that was
 * merged, read the same way (the reading: the rules, the table, the header,
 * the delimiter, the decimal mark, the spreadsheet conventions).  A line
 * whose digest is there is counted as unchanged without being decoded.
 * Only lines merged as versions go in: not a rejected one, not one changed
 * outside sxsh (or restamped by --accept-changed), not one as new as the
 * clock; a set is not used while the clock reads earlier than its merge. */
struct sync_lines {
	uint64_t *d;           /* digests (sorted once loaded or stored) */
	size_t n, cap;         /* how many, and room for how many */
};
/* The reading of a file of table whose header is h, as conventions set it. */
uint64_t sync_lines_reading(const char *table, const struct csvr_rec *h, char delim, char mark,
			    int strip_quote, int spreadsheet);
/* The digest of record r read so. */
uint64_t sync_lines_digest(uint64_t reading, const struct csvr_rec *r);
/* Load into s (emptied first) the lines last merged from installation into
 * table with that reading: 0 (s may stay empty), or -1 with err. */
int sync_lines_load(struct sx_db *db, const char *installation, const char *table,
		    uint64_t reading, struct sync_lines *s, struct sx_err *err);
/* 1 when d is in s (loaded). */
int sync_lines_has(const struct sync_lines *s, uint64_t d);
void sync_lines_add(struct sync_lines *s, uint64_t d);
/* Record s (sorted here) as the lines last merged from installation into
 * table, replacing what was there.  0 or -1 with err. */
int sync_lines_store(struct sx_db *db, const char *installation, const char *table,
		     uint64_t reading, struct sync_lines *s, struct sx_err *err);
void sync_lines_free(struct sync_lines *s);

/* The digest remembered for path when the file still looks as s says: 1
 * with hex, 0 when not (or unknown), -1 on a database error. */
int sync_ledger_seen(struct sx_db *db, const char *path, const struct platform_file_stamp *s,
		     char hex[65], struct sx_err *err);
/* Remember that path, looking as s, hashed to hex at hashed_ms (only when
 * its times are well before hashed_ms: a file written in the same moment
 * could change again without its times showing it).  0 or -1 with err. */
int sync_ledger_remember(struct sx_db *db, const char *path, const struct platform_file_stamp *s,
			 const char *hex, long long hashed_ms, struct sx_err *err);
/* Forget all but the newest few thousand files remembered.  0 or -1. */
int sync_ledger_prune(struct sx_db *db, struct sx_err *err);

#endif
