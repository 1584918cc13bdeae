/* sync_inputs.h — the files an import reads, found and checked up front.
 *
 * An export folder is read through its manifest: the folder must have one,
 * be from a schema this sxsh knows, and hold every file the manifest
 * lists; a folder exported from this very database is skipped.  A loose
 * file is named after its table (facilities.csv; "facilities (2).csv" and
 * "facilities-huyen.csv" too, as e-mail and people rename files).  Then
 * the files are ordered parents-first, as an import must insert them. */
#ifndef SX_SYNC_INPUTS_H
#define SX_SYNC_INPUTS_H

#include <pthread.h>

#include "base/err.h"
#include "base/platform.h"
#include "sync/manifest.h"

/* One file to import. */
struct sync_input {
	char *path;           /* the file */
	int table;            /* index in schema_synced_tables */
	long long rows;       /* rows the manifest promises, -1 for a loose file */
	char sha256[65];      /* digest the manifest promises, "" for a loose file */
	int spreadsheet;      /* its manifest says --for-spreadsheet */
	char *installation;   /* the exporting installation its manifest names, or NULL */
	int bad_sum;          /* set by sync_inputs_verify(): digest differs */
	/* Set by the hashing (read them through sync_inputs_digest()): */
	char digest[65];      /* the file's own SHA-256; "" when it could not be read */
	int hashed;           /* 1 once digest is known */
	int cached;           /* digest came from the stat cache, not from reading */
	struct platform_file_stamp stamp;  /* the file as it was hashed */
	int stamped;          /* stamp holds (the file did not change while hashed) */
	long long hashed_ms;  /* when the hashing began */
};

/* All files of one import. */
struct sync_inputs {
	struct sync_input *v;   /* parents-first */
	size_t n;               /* how many */
	int skipped;            /* folders skipped: exported from this database */
	pthread_t hasher;       /* the thread checking digests */
	int hashing;            /* 1 while it runs */
	pthread_mutex_t mu;     /* guards digest and hashed while it runs */
	pthread_cond_t done;    /* signalled after each file */
};

/* Find the files behind paths.  origin is this database's installation id.
 * 0, or -1 with every problem in err.  Skipped folders are noted in warn.
 * Free with sync_inputs_free(). */
int sync_inputs_collect(struct sync_inputs *in, char *const *paths, int npaths,
			const char *origin, struct sx_err *err, struct sx_err *warn);
/* A digest known before hashing (the stat cache): file i is not read. */
void sync_inputs_set_digest(struct sync_inputs *in, size_t i, const char *hex);
/* Start hashing every file (checking those with a digest to match), in a
 * thread, in order.  0, or -1 when no thread could start (the files are
 * then hashed when asked for or at the join). */
int sync_inputs_verify_start(struct sync_inputs *in);
/* The SHA-256 of file i, waiting for the thread to get there; NULL when
 * the file could not be read. */
const char *sync_inputs_digest(struct sync_inputs *in, size_t i);
/* Wait for the hashing; sets bad_sum.  Returns the number of bad files. */
int sync_inputs_verify_join(struct sync_inputs *in);
/* Free what in holds. */
void sync_inputs_free(struct sync_inputs *in);

#endif
