/* sync_merge.h — the merging stage of an import: typed rows into one table.
 *
 * Last writer wins by (updated_at, origin), compared as a pair; a version
 * that loses is written to the history table, and one that is replaced is
 * copied there by the table's BEFORE UPDATE trigger, so no version is lost.
 * History rows are written once per version (a re-import adds nothing).
 *
 * Natural keys: participants(session, person), attendance(session, person,
 * day) and answers(assessment, name) are unique.  Two laptops may register
 * the same pair under different uuids; then the later version wins as a
 * whole row, uuid included, and the other goes to history.  The result
 * depends only on the set of versions seen, never on the order.  Only
 * leaf tables have natural keys, so no row refers to the uuid that goes.
 *
 * A row that refers to a row that is neither in the database nor earlier
 * in the import is rejected (not written) with its reason; the rest go on.
 * Every step runs inside the caller's transaction. */
#ifndef SX_SYNC_MERGE_H
#define SX_SYNC_MERGE_H

#include "db/db.h"
#include "base/err.h"
#include "sync/sync_row.h"
#include "sync/sync_table.h"

/* What happened to the rows of one table. */
struct sync_counts {
	long long added;        /* unknown uuid: inserted */
	long long updated;      /* newer than ours: replaced ours */
	long long unchanged;    /* the very version we have */
	long long conflicting;  /* two versions disagreed: one kept, one to history */
	long long rejected;     /* refers to something missing: not written */
};

/* Called for each conflicting row with a one-line translated message. */
typedef void sync_note_fn(void *arg, const char *msg);

struct sync_merger;

/* Prepare the statements for table t (which must outlive the merger).
 * NULL with err on failure.  Free with sync_merger_free(). */
struct sync_merger *sync_merger_new(struct sx_db *db, const struct sync_table *t,
				    sync_note_fn *note, void *arg, struct sx_err *err);
/* A row whose version stamp (updated_at, origin) equals the stored one but
 * whose content differs was edited outside sxsh.  By default it is counted
 * as conflicting, reported field by field through note, and kept only in
 * the history; with on = 1 it is written as a new version (updated_at now,
 * origin this installation), the stored one going to the history. */
void sync_merger_accept_edits(struct sync_merger *m, int on);
/* Rows seen so far with the stored version stamp but other content: what
 * becomes of them depends on sync_merger_accept_edits(), not only on the
 * versions, so the file they came from never goes into the ledger. */
long long sync_merger_outside(const struct sync_merger *m);
/* With on = 1 the natural key is not looked at: no twin is searched for,
 * so its UNIQUE index may be dropped while an empty table loads (the bulk
 * merge of sync_import.c).  The result is the row-by-row merge's exactly
 * when, at the end, no two rows share a natural key and no write changed
 * the natural key of a stored row (sync_merger_key_moved()): the twin
 * search would then have found nothing at every row (src/sync/README.md,
 * Performance).  Otherwise the caller merges the table again with on = 0. */
void sync_merger_defer_key(struct sync_merger *m, int on);
/* 1 when some write replaced a stored row by a version with another
 * natural key (counted whether or not the key is deferred). */
int sync_merger_key_moved(const struct sync_merger *m);
/* Merge one decoded row, counting it in c unless it is rejected.  0, or 1
 * when it is rejected (nothing written; see sync_merger_reason()), or -1 on
 * a database error (message in err).  Its derived columns are computed
 * (sync_row_derive()) unless it is the very version stored. */
int sync_merger_row(struct sync_merger *m, struct sync_row *r, struct sync_counts *c,
		    struct sx_err *err);
/* Why the last row was rejected (translated, without file:line). */
const char *sync_merger_reason(const struct sync_merger *m);
/* 1 when the last row was rejected for a missing row of its own table (a
 * parent place later in the same file: worth another try). */
int sync_merger_self(const struct sync_merger *m);
/* Batches, for a table that was empty when its merge began and whose
 * rows refer to no row of itself: rows are held and written 32 at a time
 * by one INSERT, which either writes them all (each then was a new uuid
 * with every reference there: counted as added, exactly what the
 * row-by-row merge does with it) or, refused, writes none; then each row
 * is merged by sync_merger_row() in order, and the next 128 rows too (a
 * run of known rows).  One statement for 32 rows saves the statement's
 * own cost (its journal, its start and end), ~0.75 µs a row.  0, or -1
 * on an error (err; sync_merger_line() says for which row).  A rejected
 * row is told to reject with its line, its reason and whether it was for
 * a row of its own table. */
typedef void sync_reject_fn(void *arg, long line, const char *reason, int self);
int sync_merger_batch(struct sync_merger *m, sync_reject_fn *reject, void *arg,
		      struct sx_err *err);
/* Merge r (of line), held in a batch after sync_merger_batch(), else at
 * once (a rejection told to the reject function all the same).  0, or -1
 * on an error. */
int sync_merger_add(struct sync_merger *m, struct sync_row *r, long line,
		    struct sync_counts *c, struct sx_err *err);
/* Merge the rows held (at a file's end, before the name index is
 * written).  0, or -1 on an error. */
int sync_merger_flush(struct sync_merger *m, struct sync_counts *c, struct sx_err *err);
/* The line of the row a database error of sync_merger_add() or
 * sync_merger_flush() came from. */
long sync_merger_line(const struct sync_merger *m);
/* Finalise the statements.  NULL is fine. */
void sync_merger_free(struct sync_merger *m);

#endif
