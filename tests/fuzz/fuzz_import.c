/* fuzz_import.c — the import's reading half on arbitrary bytes: a table CSV
 * through sync_row (header check, validation, conversions) into
 * sync_merger (upsert, history, natural keys, references) on a real
 * schema, or a manifest.csv through manifest_read.
 *
 * The first byte chooses: its low nibble the table (schema_synced_tables;
 * 10 and up: the bytes are a manifest), bit 4 the spreadsheet quote
 * stripping, bits 5-6 the decimal mark, bit 7 the reader's delimiter
 * detection and Windows-1258 mode.  One database, opened once, holds a
 * parent row of every table so that child rows get past the reference
 * checks; every input runs in a transaction that is rolled back. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/csvread.h"
#include "db/db.h"
#include "base/err.h"
#include "db/schema.h"
#include "sync/manifest.h"
#include "sync/sync_merge.h"
#include "sync/sync_row.h"
#include "sync/sync_table.h"
#include "base/text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct sx_db *db;
static char dir[64] = "/tmp/fuzz_import.XXXXXX";
static char manifest_path[96];

#define U(n) "00000000-0000-7000-8000-00000000000" #n

/* One parent of every kind, committed once: what the seeds refer to. */
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
	" form_version, started_at) VALUES ('" U(6) "', 1, '" U(9) "', '" U(3) "', 'rapid', 'f',"
	" '1', 1);";

static void cleanup(void)
{
	db_close(db);
	for (const char *const *f = (const char *const[]){ "fuzz.db", "fuzz.db-wal", "fuzz.db-shm",
	     "manifest.csv", NULL }; *f; f++) {
		char p[128];
		snprintf(p, sizeof p, "%s/%s", dir, *f);
		unlink(p);
	}
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct sx_err err = {0};
	char path[96];

	(void)argc, (void)argv;
	if (!mkdtemp(dir))
		abort();
	snprintf(path, sizeof path, "%s/fuzz.db", dir);
	snprintf(manifest_path, sizeof manifest_path, "%s/manifest.csv", dir);
	if (!(db = db_open(path, &err)) || db_exec(db, parents, &err) != 0) {
		sx_err_print(&err, stderr);
		abort();
	}
	atexit(cleanup);
	return 0;
}

static void on_note(void *arg, const char *msg)
{
	(void)arg;
	if (!*msg)
		abort(); /* a conflict is always explained */
}

/* Every text from the file that would be stored is UTF-8 in NFC (this checks the
 * decoder's NFC shortcut against utf8proc).  Derived columns are sxsh's own keys,
 * recomputed on import (a sort key ends in the name's decomposed form): not checked. */
static void check_texts(const struct sync_row *row)
{
	for (size_t i = 0; i < row->t->ncols; i++) {
		const struct sync_val *v = &row->v[i];
		char *s, *nfc;
		if (v->type != SQLITE_TEXT || row->t->cols[i].derived)
			continue;
		if (!text_valid_utf8(v->s, v->n))
			abort();
		s = strndup(v->s, v->n);
		nfc = text_nfc(s);
		if (!nfc || strcmp(nfc, s) != 0)
			abort();
		free(nfc);
		free(s);
	}
}

/* Merge every record the reader yields, as pass() in sync_import.c does. */
static void merge_records(struct csvr *r, const struct sync_table *t, int flags)
{
	struct sx_err err = {0};
	struct sync_counts c = {0};
	struct sync_row row;
	struct sync_merger *m = sync_merger_new(db, t, on_note, NULL, &err);
	const struct csvr_rec *rec;

	if (m && csvr_next(r, &rec, &err) == 1 && sync_row_init(&row, t, rec, "fuzz.csv", &err) == 0) {
		row.strip_quote = flags >> 4 & 1;
		row.mark = (const char[]){ '.', ',', 0, '.' }[flags >> 5 & 3];
		while (csvr_next(r, &rec, &err) == 1) {
			if (sync_row_decode(&row, rec, "fuzz.csv", &err) != 0)
				continue;
			check_texts(&row);
			if (sync_merger_row(m, &row, &c, &err) > 0 && !*sync_merger_reason(m))
				abort(); /* a rejected row always says why */
		}
		sync_row_free(&row);
	}
	sync_merger_free(m);
	sx_err_clear(&err);
}

static void fuzz_table(const char *table, const uint8_t *data, size_t size, int flags)
{
	struct sx_err err = {0};
	struct sync_table t = {0};
	int opts = flags & 0x80 ? CSVR_DETECT_DELIM | CSVR_LEGACY_TEXT : 0;
	struct csvr *r;

	if (db_exec(db, "BEGIN", &err) != 0)
		abort();
	if (sync_table_load(db_sqlite(db), table, &t, &err) == 0) {
		r = csvr_open_mem("fuzz.csv", (const char *)data, size, opts);
		merge_records(r, &t, flags);
		csvr_close(r);
	}
	sync_table_free(&t);
	if (db_exec(db, "ROLLBACK", &err) != 0)
		abort();
	sx_err_clear(&err);
}

static void fuzz_manifest(const uint8_t *data, size_t size)
{
	struct sx_err err = {0};
	struct manifest m;
	FILE *fp = fopen(manifest_path, "wb");

	if (!fp || fwrite(data, 1, size, fp) != size || fclose(fp) != 0)
		abort();
	if (manifest_read(manifest_path, &m, &err) == 0) {
		for (size_t i = 0; i < m.nfiles; i++)
			if (!m.files[i].name || strlen(m.files[i].sha256) > 64)
				abort();
	}
	manifest_free(&m);
	sx_err_clear(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int flags = size ? data[0] : 0, k = flags & 15;

	if (size == 0)
		return 0;
	if (k < 10 && schema_synced_tables[k])
		fuzz_table(schema_synced_tables[k], data + 1, size - 1, flags);
	else
		fuzz_manifest(data + 1, size - 1);
	return 0;
}
