/* sync_report.h — the report an import leaves beside the database.
 *
 * <db>.import-YYYYMMDD-HHMMSS.txt, owner-only: the inputs, the counts per
 * table, every rejected row with its reason and every conflict.  Details
 * gather in an anonymous temporary file while the import runs (memory stays
 * bounded whatever their number); the report is written after COMMIT. */
#ifndef SX_SYNC_REPORT_H
#define SX_SYNC_REPORT_H

#include <stdio.h>

#include "db/db.h"
#include "base/err.h"
#include "sync/sync_import.h"

struct sync_report;

/* Start collecting details.  Free with sync_report_free(). */
struct sync_report *sync_report_new(void);
/* Add one line of detail. */
void sync_report_line(struct sync_report *r, const char *line);
/* A position in the details, to go back to when a table is merged again
 * (sync_import.c's bulk merge falling back to the row-by-row one). */
struct sync_report_pos {
	long off;          /* in the temporary file */
	long long lines;   /* lines before it */
};
/* Where the details are now. */
void sync_report_tell(struct sync_report *r, struct sync_report_pos *p);
/* Forget every line added since p was told. */
void sync_report_back(struct sync_report *r, const struct sync_report_pos *p);
/* Add the line that says a file was already merged (one per such file). */
void sync_report_merged(struct sync_report *r, const char *line);
/* Write the report beside the database; returns its path (caller frees),
 * or NULL with a warning in warn when it could not be written. */
char *sync_report_write(struct sync_report *r, struct sx_db *db,
			const struct sync_import_result *res, char *const *paths, int npaths,
			struct sx_err *warn);
/* The counts per table as an aligned table with a total line; all = 0
 * leaves out tables with nothing to count. */
void sync_report_counts(FILE *fp, const struct sync_import_result *res, int all);
/* Free the collector.  NULL is fine. */
void sync_report_free(struct sync_report *r);

#endif
