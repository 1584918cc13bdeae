/* sync_import.h — sxsh import: CSV files and export folders into the database.
 *
 * The pipeline: inputs (folders through their manifest, loose files by
 * their name: facilities.csv) → CSV reader → sync_row (validate, type) →
 * sync_merger (upsert, history), tables parents-first across all inputs so
 * that a row may refer to one from another folder.  Everything runs in ONE
 * transaction: any error that makes a file unreadable — a broken row, a
 * header that does not fit, a file that does not match its manifest —
 * rolls everything back, and a killed import leaves the database as
 * before.  Rows that refer to something missing are only rejected: the
 * rest is merged, and the reasons are printed and kept in the report.
 * A dry run is the same pipeline, rolled back at the end, so its counts
 * are exactly what a real import would do.
 *
 * Checksums are verified by a second thread while the rows are merged
 * (reading a file twice is cheap; hashing it is not), before COMMIT. */
#ifndef SX_SYNC_IMPORT_H
#define SX_SYNC_IMPORT_H

#include "db/db.h"
#include "base/err.h"
#include "sync/sync_merge.h"
#include "sync/sync_row.h"

/* How many synced tables at most (schema_synced_tables). */
#define SYNC_MAX_TABLES 32

/* Told now and then how far an import is (every few thousand rows and at
 * the end of each file): rows read so far of about total (loose files are
 * guessed from their size, so rows may pass total), and the file read. */
typedef void sync_import_progress_fn(void *arg, const char *file, long long rows,
				     long long total);

/* How to import. */
struct sync_import_opts {
	int dry_run;      /* merge, count, roll back */
	int accept_changed; /* import files that no longer match their manifest
			     * (a spreadsheet saved them), still checking every line */
	int progress;     /* show progress on stderr (when it is a terminal) */
	sync_import_progress_fn *on_progress;  /* optional, for the UI's progress bar */
	void *progress_arg;                    /* passed to on_progress */
	const struct sync_conv *conv;          /* optional: answers typed by their form */
	int no_ledger;    /* merge every file, even one already merged (tests: the
			   * ledger must give the same database as merging) */
	int defer_keys;   /* the bulk merge of a table with a natural key that is
			   * empty when its merge begins (sync_import.c): 0 when at
			   * least SYNC_BULK_MIN_ROWS rows come for it, 1 always (tests:
			   * it must give the row-by-row merge's database, counts and
			   * report), -1 never.  With 0, the environment variable
			   * SXSH_SYNC_DEFER=on or off says the same as 1 or -1. */
	int keep_indexes; /* never drop a table's plain indexes to build them again
			   * after its merge (tests: the database must not depend on it) */
};

/* What an import did. */
struct sync_import_result {
	struct sync_counts counts[SYNC_MAX_TABLES];  /* per table, as schema_synced_tables */
	long long rows;          /* rows read */
	int files;               /* files read */
	int skipped;             /* inputs skipped (exported from this database) */
	int already;             /* files already merged into this database: not read
				  * again, their rows counted as unchanged (sync_ledger.h) */
	int bulk_tables;         /* tables loaded by the bulk merge */
	int bulk_redone;         /* of those tried, merged again row by row (twins) */
	long long known_lines;   /* lines found among those merged before (sync_lines_*):
				  * counted as unchanged without being decoded */
	int rebuilt;             /* tables whose plain indexes were dropped during their
				  * merge and built again after it (many new rows) */
	char *report;            /* the report written beside the database, or NULL; free() */
};

/* Import paths (CSV files or export folders) into db.  0 when merged (or
 * counted, with dry_run), -1 when nothing was changed, with the reasons in
 * err.  Warnings (skipped folders, rejected rows) go to warn either way. */
int sync_import(struct sx_db *db, char *const *paths, int npaths,
		const struct sync_import_opts *o, struct sync_import_result *res,
		struct sx_err *err, struct sx_err *warn);

#endif
