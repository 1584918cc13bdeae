/* sync_export.h — sxsh export: the synced tables as CSV files plus a manifest.
 *
 * The files are written into a hidden folder DIR/.sxsh-export-tmp-XXXXXX,
 * each synced to disk; then an old DIR/manifest.csv is removed, the data
 * files are renamed into DIR, and the manifest is renamed last.  A folder
 * whose manifest is missing or does not match its files is therefore never
 * taken for a complete export.  Everything is read in one transaction, so
 * the files agree with each other.  Rows go out in uuid order (time order
 * for UUIDv7 keys, which keeps the importing key index growing at its end).
 *
 * Value rules (an import reads them back exactly): NULL is an empty field;
 * an empty text in a NOT NULL column is an empty field too, read back as ''
 * because the column cannot be NULL.  Times (*_at) as
 * YYYY-MM-DDTHH:MM:SS.mmmZ, dates as yyyy-mm-dd, decimals with a '.'. */
#ifndef SX_SYNC_EXPORT_H
#define SX_SYNC_EXPORT_H

#include "db/db.h"
#include "base/err.h"

/* Told now and then how far an export is (at each table and every few
 * thousand rows): the table being written, tables finished of ntables, and
 * data rows written so far. */
typedef void sync_export_progress_fn(void *arg, const char *table, int done, int ntables,
				     long long rows);

/* What to export. */
struct sync_export_opts {
	long long since;          /* only rows with updated_at >= since (ms); -1 for all */
	const char *place;        /* a place code or name: only its facilities, sessions,
				     people and what hangs off them; NULL for all */
	int spreadsheet;          /* UTF-8 BOM, CRLF, formula cells neutralised */
	sync_export_progress_fn *on_progress;  /* optional, for the UI's progress bar */
	void *progress_arg;                    /* passed to on_progress */
};

/* The result, for the command's message. */
struct sync_export_result {
	long long rows;           /* data rows written, all tables */
	int files;                /* data files written */
};

/* Export db into dir (created owner-only when missing).  0, or -1 with a
 * message in err and dir as it was, apart from a leftover temporary folder
 * when the process is killed. */
int sync_export(struct sx_db *db, const char *dir, const struct sync_export_opts *opts,
		struct sync_export_result *res, struct sx_err *err);

/* clock_iso() for a run of times: the date of the last day is kept, the
 * time of day written by hand (snprintf was 16 % of an export).  The same
 * text as clock_iso() for every ms; start with day = -1. */
struct sync_iso {
	long long day;
	char date[11];
};
void sync_iso(struct sync_iso *c, long long ms, char out[25]);

#endif
