/* fuzz_report.c — the report code on imported data: the input is one table
 * file (byte 0 picks the table, as schema_synced_tables; byte 1 the plan and
 * the areas) imported by sync_import() into a copy of the demo database,
 * then the plan is computed and written as text, CSV and HTML.
 * Oracles: no crash, leak or undefined behaviour (tiny or huge targets,
 * dates outside any plan); every output is UTF-8; the text and CSV outputs
 * hold no control character but the line break (CRLF in CSV); the HTML none but line
 * breaks, and every '<' in it opens a tag that the demo's own report has
 * (imported text is escaped, never markup). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/err.h"
#include "base/text.h"
#include "db/db.h"
#include "db/schema.h"
#include "demo/demo.h"
#include "plan/plan.h"
#include "plan/report.h"
#include "sync/sync_import.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64] = "/tmp/fuzz_report.XXXXXX";
static char tmpl[96], dbpath[96], csvpath[128];
static unsigned char *tmpl_bytes;
static size_t tmpl_len;
static char tags[4096] = " ";   /* the demo report's tag names, " a b " */

static const char *const plans[] = { NULL, "SL-SXSH-2016-2020", "VN-SPC-2021-2025",
				     "VN-SPC-2026-2030" };

static void cleanup(void)
{
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		abort();
	free(tmpl_bytes);
}

/* The tag name at s (after '<' and an optional '/'), into name. */
static size_t tag_name(const char *s, char *name, size_t len)
{
	size_t n = 0;
	s += *s == '/';
	while (n + 1 < len && ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') ||
			       (s[n] >= 'A' && s[n] <= 'Z')))
		name[n] = s[n], n++;
	name[n] = '\0';
	return n;
}

static char *render(struct sx_db *db, const char *plan, enum plan_areas areas,
		    enum report_format fmt, size_t *len)
{
	struct sx_err err = {0};
	struct plan_report r;
	char *buf = NULL;
	FILE *out;

	*len = 0;
	if (plan_compute_areas(db, ".", plan, areas, &r, &err) != 0) {
		sx_err_clear(&err);
		return NULL;
	}
	if (!(out = open_memstream(&buf, len)))
		abort();
	if (fmt == REPORT_HTML)
		report_write_html(&r, out);
	else
		(void)report_write(&r, fmt, out, &err);
	fclose(out);
	plan_report_free(&r);
	sx_err_clear(&err);
	return buf;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct sx_err err = {0};
	struct demo_counts c;
	struct sx_db *db;
	FILE *fp;
	size_t n;
	char *html;

	(void)argc, (void)argv;
	if (!mkdtemp(dir))
		abort();
	snprintf(tmpl, sizeof tmpl, "%s/template.db", dir);
	snprintf(dbpath, sizeof dbpath, "%s/fuzz.db", dir);
	if (!(db = db_open(tmpl, &err)) || demo_fill(db, ".", &c, &err) != 0) {
		sx_err_print(&err, stderr);
		abort();
	}
	for (size_t p = 0; p < sizeof plans / sizeof plans[0]; p++) {
		html = render(db, plans[p], PLAN_AREAS_PERIOD, REPORT_HTML, &n);
		for (char *s = html; s && (s = strchr(s, '<')); s++) {
			char name[32], key[40];
			if (tag_name(s + 1, name, sizeof name) == 0)
				continue;
			snprintf(key, sizeof key, " %s ", name);
			if (!strstr(tags, key) && strlen(tags) + strlen(name) + 2 < sizeof tags)
				strcat(strcat(tags, name), " ");
		}
		free(html);
	}
	if (db_exec(db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE", &err) != 0)
		abort();
	db_close(db);
	if (!(fp = fopen(tmpl, "rb")) || fseek(fp, 0, SEEK_END) != 0)
		abort();
	tmpl_len = (size_t)ftell(fp);
	rewind(fp);
	if (!(tmpl_bytes = malloc(tmpl_len)) || fread(tmpl_bytes, 1, tmpl_len, fp) != tmpl_len)
		abort();
	fclose(fp);
	atexit(cleanup);
	return 0;
}

/* UTF-8 without control characters but line ends (CRLF allowed when crlf). */
static void check_plain(const char *s, size_t n, int crlf)
{
	if (!text_valid_utf8(s, n))
		abort();
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] < 0x20 && s[i] != '\n' &&
		     !(crlf && s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')) || s[i] == 0x7f)
			abort();
}

static void check_html(const char *s, size_t n)
{
	check_plain(s, n, 0);
	for (const char *p = s; (p = memchr(p, '<', n - (size_t)(p - s))); p++) {
		char name[32], key[40];
		if (p[1] == '!')
			continue;
		if (tag_name(p + 1, name, sizeof name) == 0)
			abort(); /* a bare '<' */
		snprintf(key, sizeof key, " %s ", name);
		if (!strstr(tags, key))
			abort(); /* markup that the report does not write */
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sx_err err = {0}, warn = {0};
	struct sync_import_opts o = { 0 };
	struct sync_import_result res;
	struct sx_db *db;
	char *paths[1] = { csvpath };
	FILE *fp;
	int k;

	if (size < 2 || !schema_synced_tables[k = data[0] % 12])
		return 0;
	snprintf(csvpath, sizeof csvpath, "%s/%s.csv", dir, schema_synced_tables[k]);
	if (!(fp = fopen(csvpath, "wb")) || fwrite(data + 2, 1, size - 2, fp) != size - 2 || fclose(fp))
		abort();
	unlink(dbpath);
	if (!(fp = fopen(dbpath, "wb")) || fwrite(tmpl_bytes, 1, tmpl_len, fp) != tmpl_len || fclose(fp))
		abort();
	if (!(db = db_open(dbpath, &err)))
		abort();
	if (sync_import(db, paths, 1, &o, &res, &err, &warn) == 0) {
		const char *plan = plans[data[1] & 3];
		enum plan_areas areas = data[1] & 4 ? PLAN_AREAS_CURRENT : PLAN_AREAS_PERIOD;
		for (int f = 0; f < 3; f++) {
			enum report_format fmt = f == 0 ? REPORT_TEXT : f == 1 ? REPORT_CSV : REPORT_HTML;
			size_t n;
			char *out = render(db, plan, areas, fmt, &n);
			if (out && fmt == REPORT_HTML)
				check_html(out, n);
			else if (out)
				check_plain(out, n, fmt == REPORT_CSV);
			free(out);
		}
		if (res.report)
			unlink(res.report);
		free(res.report);
	}
	unlink(csvpath);
	db_close(db);
	sx_err_clear(&err);
	sx_err_clear(&warn);
	return 0;
}
