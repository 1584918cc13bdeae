/* fuzz_importdir.c — the import orchestration on arbitrary bytes: an export
 * folder made from the input (manifest.csv and one or two table files, or
 * loose table files without a manifest) through sync_import() — inputs,
 * manifest checks, checksum thread, merge order, held rows and their retry
 * loop, answers converted by their form (assess/answer_conv) — into a copy
 * of one database that holds a parent of every kind.
 *
 * Input: byte 0 picks the two tables (low and high nibble, as
 * schema_synced_tables; 12 and up: none), byte 1 the options (bit 0 a dry
 * run first, bit 1 --accept-changed, bit 2 no manifest); the rest is split
 * at NUL bytes into the manifest and the two files.  Oracles: no crash or
 * leak; a refusal says why; an import that fails changes nothing; a dry run
 * changes nothing; an import that succeeded (without --accept-changed), run
 * again, changes no row and adds no history. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assess/answer_conv.h"
#include "base/err.h"
#include "db/db.h"
#include "db/schema.h"
#include "sync/sync_import.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64] = "/tmp/fuzz_importdir.XXXXXX";
static char tmpl[96], dbpath[96], folder[96];
static unsigned char *tmpl_bytes;
static size_t tmpl_len;

#define U(n) "00000000-0000-7000-8000-00000000000" #n

static const char parents[] =
	"INSERT INTO places (uuid, updated_at, origin, kind, name)"
	" VALUES ('" U(1) "', 1, '" U(9) "', 'province', 'Sơn La');"
	"INSERT INTO plans (uuid, updated_at, origin, code, title_vi)"
	" VALUES ('" U(2) "', 1, '" U(9) "', 'P', 'Kế hoạch');"
	"INSERT INTO facilities (uuid, updated_at, origin, name, place_uuid)"
	" VALUES ('" U(3) "', 1, '" U(9) "', 'Cơ sở', '" U(1) "');"
	"INSERT INTO people (uuid, updated_at, origin, full_name)"
	" VALUES ('" U(4) "', 1, '" U(9) "', 'Lò Văn A');"
	"INSERT INTO sessions (uuid, updated_at, origin, kind, title, start_date, end_date)"
	" VALUES ('" U(5) "', 1, '" U(9) "', 'training', 'T', '2024-01-01', '2024-01-02');"
	"INSERT INTO assessments (uuid, updated_at, origin, facility_uuid, kind, form_id,"
	" form_version, started_at) VALUES ('" U(6) "', 1, '" U(9) "', '" U(3) "', 'rapid',"
	" 'sxsh_rapid', '1', 1);";

static void rm(const char *d, const char *name)
{
	char p[160];
	snprintf(p, sizeof p, "%s/%s", d, name);
	unlink(p);
}

static void clean_db(void)
{
	static const char *const f[] = { "fuzz.db", "fuzz.db-wal", "fuzz.db-shm", "fuzz.db-journal", NULL };
	for (size_t i = 0; f[i]; i++)
		rm(dir, f[i]);
}

static void clean_folder(void)
{
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", folder);
	if (system(cmd) != 0)
		abort();
}

static void cleanup(void)
{
	clean_db();
	clean_folder();
	unlink(tmpl);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		abort();
	free(tmpl_bytes);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct sx_err err = {0};
	struct sx_db *db;
	FILE *fp;

	(void)argc, (void)argv;
	if (!mkdtemp(dir))
		abort();
	snprintf(tmpl, sizeof tmpl, "%s/template.db", dir);
	snprintf(dbpath, sizeof dbpath, "%s/fuzz.db", dir);
	snprintf(folder, sizeof folder, "%s/in", dir);
	if (!(db = db_open(tmpl, &err)) || db_exec(db, parents, &err) != 0 ||
	    db_exec(db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE", &err) != 0) {
		sx_err_print(&err, stderr);
		abort();
	}
	db_close(db);
	if (!(fp = fopen(tmpl, "rb")) || fseek(fp, 0, SEEK_END) != 0)
		abort();
	tmpl_len = (size_t)ftell(fp);
	rewind(fp);
	tmpl_bytes = malloc(tmpl_len);
	if (!tmpl_bytes || fread(tmpl_bytes, 1, tmpl_len, fp) != tmpl_len)
		abort();
	fclose(fp);
	atexit(cleanup);
	return 0;
}

static void write_file(const char *name, const uint8_t *p, size_t n)
{
	char path[160];
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", folder, name);
	if (!(fp = fopen(path, "wb")) || fwrite(p, 1, n, fp) != n || fclose(fp) != 0)
		abort();
}

/* Everything the database holds that an import may change: every synced
 * row's version stamp and the history's size. */
static char *digest(struct sx_db *db)
{
	char *all = sqlite3_mprintf("%s", ""), *sql, *next;
	sqlite3_stmt *st;

	for (size_t i = 0; schema_synced_tables[i]; i++) {
		sql = sqlite3_mprintf("SELECT count(*), group_concat(uuid || updated_at || origin ||"
				      " deleted) FROM (SELECT * FROM \"%w\" ORDER BY uuid)",
				      schema_synced_tables[i]);
		if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) != SQLITE_OK ||
		    sqlite3_step(st) != SQLITE_ROW)
			abort();
		sqlite3_free(sql);
		next = sqlite3_mprintf("%s|%lld:%s", all, sqlite3_column_int64(st, 0),
				       sqlite3_column_text(st, 1) ? (const char *)sqlite3_column_text(st, 1) : "");
		sqlite3_finalize(st);
		sqlite3_free(all);
		all = next;
	}
	if (sqlite3_prepare_v2(db_sqlite(db), "SELECT count(*) FROM history", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW)
		abort();
	next = sqlite3_mprintf("%s|history:%lld", all, sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	sqlite3_free(all);
	all = strdup(next);
	sqlite3_free(next);
	return all;
}

static int import(struct sx_db *db, struct answer_conv *ac, int dry, int accept)
{
	struct sync_conv sc = { answer_conv_answer, ac };
	struct sync_import_opts o = { .dry_run = dry, .accept_changed = accept, .conv = &sc };
	struct sync_import_result res;
	struct sx_err err = {0}, warn = {0};
	char *paths[1] = { folder };
	int rc = sync_import(db, paths, 1, &o, &res, &err, &warn);

	if (rc != 0 && err.n == 0)
		abort(); /* a refusal always says why */
	if (rc == 0 && res.report)
		unlink(res.report);
	free(res.report);
	sx_err_clear(&err);
	sx_err_clear(&warn);
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sx_err err = {0};
	const uint8_t *part[3] = { 0 }, *p, *end;
	size_t len[3] = { 0 }, k = 0;
	int tables[2], opts;
	struct sx_db *db;
	struct answer_conv *ac;
	char *before, *after;
	FILE *fp;

	if (size < 2)
		return 0;
	tables[0] = data[0] & 15, tables[1] = data[0] >> 4, opts = data[1];
	for (p = data + 2, end = data + size; k < 3; k++) {
		const uint8_t *z = memchr(p, 0, (size_t)(end - p));
		part[k] = p;
		len[k] = z ? (size_t)(z - p) : (size_t)(end - p);
		p = z ? z + 1 : end;
	}
	clean_folder();
	if (mkdir(folder, 0700) != 0)
		abort();
	if (!(opts & 4))
		write_file("manifest.csv", part[0], len[0]);
	for (int t = 0; t < 2; t++)
		if (tables[t] < 12 && schema_synced_tables[tables[t]]) {
			char name[64];
			snprintf(name, sizeof name, "%s.csv", schema_synced_tables[tables[t]]);
			write_file(name, part[1 + t], len[1 + t]);
		}
	clean_db();
	if (!(fp = fopen(dbpath, "wb")) || fwrite(tmpl_bytes, 1, tmpl_len, fp) != tmpl_len || fclose(fp))
		abort();
	if (!(db = db_open(dbpath, &err)))
		abort();
	ac = answer_conv_new(db, ".");
	before = digest(db);
	if (opts & 1) {
		import(db, ac, 1, opts & 2);
		after = digest(db);
		if (strcmp(before, after) != 0)
			abort(); /* a dry run changes nothing */
		free(after);
	}
	if (import(db, ac, 0, opts & 2) != 0) {
		after = digest(db);
		if (strcmp(before, after) != 0)
			abort(); /* a refused import changes nothing */
	} else if (!(opts & 2)) {
		/* (With --accept-changed an edited row became a version of this
		 * laptop; the file's own version then loses, and goes to history.) */
		char *once = digest(db);
		if (import(db, ac, 0, opts & 2) != 0)
			abort(); /* what was imported imports again */
		after = digest(db);
		if (strcmp(once, after) != 0)
			abort(); /* and changes nothing the second time */
		free(once);
	} else {
		after = NULL;
	}
	free(before);
	free(after);
	answer_conv_free(ac);
	db_close(db);
	sx_err_clear(&err);
	return 0;
}
