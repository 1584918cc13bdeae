/* manifest.h — the manifest.csv that makes a folder an sxsh export.
 *
 * Written last, after every data file is complete and synced, so a folder
 * without one is an export that did not finish.  A CSV with the header
 * name,value,rows,sha256: one row per fact (sxsh_export = format version,
 * schema_version, installation, exported_at, since, place, spreadsheet)
 * and one "file" row per data file with its row count and SHA-256. */
#ifndef SX_MANIFEST_H
#define SX_MANIFEST_H

#include <stddef.h>

#include "base/err.h"

/* The manifest's own format version. */
#define MANIFEST_FORMAT 1
/* Its file name inside an export folder. */
#define MANIFEST_NAME "manifest.csv"

/* One data file of an export. */
struct manifest_file {
	char *name;          /* file name inside the folder, e.g. "people.csv" */
	long long rows;      /* data rows (the header not counted) */
	char sha256[65];     /* hex digest of the file's bytes */
};

/* An export's description. */
struct manifest {
	int format;              /* MANIFEST_FORMAT of the writer */
	int schema_version;      /* the writer's SCHEMA_VERSION */
	char *installation;      /* the exporting installation's id */
	char *exported_at;       /* YYYY-MM-DDTHH:MM:SS.mmmZ */
	char *since;             /* --since as ISO, or "" */
	char *place;             /* --place as given, or "" */
	int spreadsheet;         /* 1 for --for-spreadsheet */
	struct manifest_file *files;  /* the data files, in import order */
	size_t nfiles;           /* how many */
};

/* Add a data file (name copied). */
void manifest_add(struct manifest *m, const char *name, long long rows, const char *sha256);
/* Write m to path (created owner-only, must not exist), synced to disk.
 * 0, or -1 with a message in err. */
int manifest_write(const struct manifest *m, const char *path, struct sx_err *err);
/* Read the manifest at path into m (zeroed first).  0, or -1 with a
 * message in err ("path:line: reason").  Free with manifest_free(). */
int manifest_read(const char *path, struct manifest *m, struct sx_err *err);
/* Free what m holds; the struct can be reused. */
void manifest_free(struct manifest *m);

#endif
