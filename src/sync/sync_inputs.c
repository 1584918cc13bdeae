/* sync_inputs.c — folders, manifests, loose files, checksums. */
#include "sync/sync_inputs.h"

#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/clock.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/paths.h"
#include "db/schema.h"
#include "base/sha256.h"
#include "sync/sync_table.h"

static void add(struct sync_inputs *in, const char *path, int table, long long rows,
		const char *sha, int spreadsheet, const char *installation)
{
	struct sync_input *f;

	in->v = xreallocarray(in->v, in->n + 1, sizeof *in->v);
	f = &in->v[in->n++];
	memset(f, 0, sizeof *f);
	f->path = xstrdup(path);
	f->table = table;
	f->rows = rows;
	snprintf(f->sha256, sizeof f->sha256, "%s", sha ? sha : "");
	f->spreadsheet = spreadsheet;
	f->installation = installation && *installation ? xstrdup(installation) : NULL;
}

/* The table a file name stands for: "people.csv", "people (2).csv",
 * "people-son-la.csv"; -1 when none. */
static int table_of(const char *path)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	size_t n = strlen(base);
	int best = -1;

	if (n < 5 || strcasecmp(base + n - 4, ".csv") != 0)
		return -1;
	for (int i = 0; schema_synced_tables[i]; i++) {
		size_t k = strlen(schema_synced_tables[i]);
		if (k < n && strncasecmp(base, schema_synced_tables[i], k) == 0 &&
		    strchr(". -_(", base[k]))
			best = i;
	}
	return best;
}

static int add_folder(struct sync_inputs *in, const char *dir, const char *origin,
		      struct sx_err *err, struct sx_err *warn)
{
	char *mpath = xasprintf("%s/%s", dir, MANIFEST_NAME);
	struct manifest m;
	int rc = 0;
	struct stat st;

	if (stat(mpath, &st) != 0) {
		sx_err_add(err, dir, 0, _("not an sxsh export folder: it has no %s (or the export did"
			   " not finish); export it again"), MANIFEST_NAME);
		free(mpath);
		return -1;
	}
	if (manifest_read(mpath, &m, err) != 0) {
		free(mpath);
		manifest_free(&m);
		return -1;
	}
	if (m.format > MANIFEST_FORMAT || m.schema_version > SCHEMA_VERSION) {
		sx_err_add(err, dir, 0, _("exported by a newer sxsh (schema %d; this one knows %d):"
			   " install the newer sxsh, then import again"), m.schema_version, SCHEMA_VERSION);
		rc = -1;
	} else if (strcmp(m.installation, origin) == 0) {
		sx_err_add(warn, dir, 0, _("exported from this very database; skipped"));
		in->skipped++;
	}
	for (size_t i = 0; rc == 0 && !(strcmp(m.installation, origin) == 0) && i < m.nfiles; i++) {
		char *p = xasprintf("%s/%s", dir, m.files[i].name);
		int t = table_of(p);
		if (t < 0) {
			sx_err_add(err, mpath, 0, _("the manifest is damaged; export the folder again"));
			rc = -1;
		} else if (stat(p, &st) != 0) {
			sx_err_add(err, p, 0, _("missing from the export folder (its manifest lists it);"
				   " copy the whole folder again"));
			rc = -1;
		} else {
			add(in, p, t, m.files[i].rows, m.files[i].sha256, m.spreadsheet, m.installation);
		}
		free(p);
	}
	free(mpath);
	manifest_free(&m);
	return rc;
}

static int add_path(struct sync_inputs *in, const char *path, const char *origin,
		    struct sx_err *err, struct sx_err *warn)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	struct stat st;
	int t;

	if (stat(path, &st) != 0) {
		sx_err_add(err, path, 0, _("cannot open: %s"), strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode))
		return add_folder(in, path, origin, err, warn);
	if (strcmp(base, MANIFEST_NAME) == 0) {
		char *dir = paths_dirname(path);
		int rc = add_folder(in, dir, origin, err, warn);
		free(dir);
		return rc;
	}
	if ((t = table_of(path)) < 0) {
		sx_err_add(err, path, 0, _("cannot tell which table this file holds; name it after"
			   " the table, e.g. facilities.csv"));
		return -1;
	}
	add(in, path, t, -1, NULL, 0, NULL);
	return 0;
}

static int by_table(const void *a, const void *b)
{
	const struct sync_input *x = a, *y = b;
	return x->table != y->table ? x->table - y->table : x->bad_sum - y->bad_sum;
}

int sync_inputs_collect(struct sync_inputs *in, char *const *paths, int npaths,
			const char *origin, struct sx_err *err, struct sx_err *warn)
{
	int rc = 0;

	memset(in, 0, sizeof *in);
	for (int i = 0; i < npaths; i++)
		if (add_path(in, paths[i], origin, err, warn) != 0)
			rc = -1;
	/* Files of one table keep the order given: bad_sum holds it for qsort. */
	for (size_t i = 0; i < in->n; i++)
		in->v[i].bad_sum = (int)i;
	if (in->n)
		qsort(in->v, in->n, sizeof *in->v, by_table);
	for (size_t i = 0; i < in->n; i++)
		in->v[i].bad_sum = 0;
	return rc;
}

/* Hash file i (outside the lock), then publish the result under it. */
static void hash_one(struct sync_inputs *in, size_t i)
{
	struct sync_input *f = &in->v[i];
	struct platform_file_stamp before, after;
	struct sx_err e = {0};
	char hex[65] = "";
	long long t = clock_now_ms();
	int stamped = platform_file_stamp(f->path, &before) == 0, bad;

	if (sha256_file(f->path, hex, &e) != 0)
		hex[0] = '\0';
	sx_err_clear(&e);
	if (stamped)
		stamped = platform_file_stamp(f->path, &after) == 0 &&
			  memcmp(&before, &after, sizeof before) == 0;
	bad = f->sha256[0] && (!hex[0] || strcmp(hex, f->sha256) != 0);
	if (in->hashing)
		pthread_mutex_lock(&in->mu);
	memcpy(f->digest, hex, sizeof hex);
	f->stamp = before;
	f->stamped = stamped && hex[0];
	f->hashed_ms = t;
	f->bad_sum = bad;
	f->hashed = 1;
	if (in->hashing) {
		pthread_cond_broadcast(&in->done);
		pthread_mutex_unlock(&in->mu);
	}
}

static void *hash_all(void *arg)
{
	struct sync_inputs *in = arg;

	for (size_t i = 0; i < in->n; i++)
		if (!in->v[i].hashed)
			hash_one(in, i);
	return NULL;
}

void sync_inputs_set_digest(struct sync_inputs *in, size_t i, const char *hex)
{
	struct sync_input *f = &in->v[i];

	snprintf(f->digest, sizeof f->digest, "%s", hex);
	f->bad_sum = f->sha256[0] && strcmp(hex, f->sha256) != 0;
	f->cached = f->hashed = 1;
}

int sync_inputs_verify_start(struct sync_inputs *in)
{
	in->hashing = 1;
	pthread_mutex_init(&in->mu, NULL);
	pthread_cond_init(&in->done, NULL);
	if (pthread_create(&in->hasher, NULL, hash_all, in) != 0) {
		pthread_cond_destroy(&in->done);
		pthread_mutex_destroy(&in->mu);
		in->hashing = 0;
	}
	return in->hashing ? 0 : -1;
}

const char *sync_inputs_digest(struct sync_inputs *in, size_t i)
{
	struct sync_input *f = &in->v[i];

	if (in->hashing) {
		pthread_mutex_lock(&in->mu);
		while (!f->hashed)
			pthread_cond_wait(&in->done, &in->mu);
		pthread_mutex_unlock(&in->mu);
	} else if (!f->hashed) {
		hash_one(in, i);
	}
	return f->digest[0] ? f->digest : NULL;
}

static void stop_hashing(struct sync_inputs *in)
{
	if (!in->hashing)
		return;
	pthread_join(in->hasher, NULL);
	pthread_cond_destroy(&in->done);
	pthread_mutex_destroy(&in->mu);
	in->hashing = 0;
}

int sync_inputs_verify_join(struct sync_inputs *in)
{
	int bad = 0;

	if (in->hashing)
		stop_hashing(in);
	else
		hash_all(in);
	for (size_t i = 0; i < in->n; i++)
		bad += in->v[i].bad_sum;
	return bad;
}

void sync_inputs_free(struct sync_inputs *in)
{
	stop_hashing(in);
	for (size_t i = 0; i < in->n; i++) {
		free(in->v[i].path);
		free(in->v[i].installation);
	}
	free(in->v);
	memset(in, 0, sizeof *in);
}
