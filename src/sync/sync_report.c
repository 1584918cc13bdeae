/* sync_report.c — details while importing, the report file after COMMIT. */
#include "sync/sync_report.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/clock.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/platform.h"
#include "db/schema.h"
#include "base/text.h"

struct sync_report {
	FILE *details;     /* anonymous temporary file, NULL when none could be made */
	long long lines;   /* lines in it */
	char *merged;      /* the files already merged, a line each (NULL: none) */
};

struct sync_report *sync_report_new(void)
{
	struct sync_report *r = xcalloc(1, sizeof *r);
	r->details = tmpfile();
	return r;
}

void sync_report_line(struct sync_report *r, const char *line)
{
	/* One line each, whatever the imported text in it holds. */
	if (r->details) {
		char *safe = text_printable(line);
		fprintf(r->details, "%s\n", safe);
		free(safe);
	}
	r->lines++;
}

void sync_report_tell(struct sync_report *r, struct sync_report_pos *p)
{
	p->lines = r->lines;
	p->off = r->details && fflush(r->details) == 0 ? ftell(r->details) : 0;
}

void sync_report_back(struct sync_report *r, const struct sync_report_pos *p)
{
	/* Later lines overwrite what was written since; the report copies
	 * the file only up to the position of the last line. */
	r->lines = p->lines;
	if (r->details && fflush(r->details) == 0)
		fseek(r->details, p->off, SEEK_SET);
}

void sync_report_merged(struct sync_report *r, const char *line)
{
	char *safe = text_printable(line), *n;

	n = xasprintf("%s  %s\n", r->merged ? r->merged : "", safe);
	free(r->merged);
	free(safe);
	r->merged = n;
}

void sync_report_free(struct sync_report *r)
{
	if (!r)
		return;
	free(r->merged);
	if (r->details)
		fclose(r->details);
	free(r);
}

/* Create <db>.import-YYYYMMDD-HHMMSS[-N].txt, owner-only, not overwriting. */
static FILE *create(const char *db, char **path)
{
	char stamp[25], name[16];
	int fd = -1;

	clock_iso(clock_now_ms(), stamp);
	snprintf(name, sizeof name, "%.4s%.2s%.2s-%.2s%.2s%.2s", stamp, stamp + 5, stamp + 8,
		 stamp + 11, stamp + 14, stamp + 17);
	for (int n = 1; fd < 0 && n < 100; n++) {
		*path = n == 1 ? xasprintf("%s.import-%s.txt", db, name)
			       : xasprintf("%s.import-%s-%d.txt", db, name, n);
		fd = open(*path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0) {
			free(*path);
			*path = NULL;
			if (errno != EEXIST)
				break;
		}
	}
	return fd < 0 ? NULL : fdopen(fd, "w");
}

/* s in w terminal columns, right-aligned (left-aligned when left). */
static void cell(FILE *fp, const char *s, int w, int left)
{
	int pad = w - text_width(s);

	if (!left)
		fprintf(fp, "%*s", pad > 0 ? pad : 0, "");
	fputs(s, fp);
	if (left)
		fprintf(fp, "%*s", pad > 0 ? pad : 0, "");
}

static void counts_row(FILE *fp, const char *name, const struct sync_counts *c)
{
	long long v[5] = { c->added, c->updated, c->unchanged, c->conflicting, c->rejected };
	char num[32];

	cell(fp, name, 14, 1);
	for (int i = 0; i < 5; i++) {
		snprintf(num, sizeof num, "%lld", v[i]);
		fputc(' ', fp);
		cell(fp, num, 10, 0);
	}
	fputc('\n', fp);
}

void sync_report_counts(FILE *fp, const struct sync_import_result *res, int all)
{
	const char *head[6] = { _("table"), _("new"), _("updated"), _("unchanged"),
				_("conflicting"), _("rejected") };
	struct sync_counts sum = {0};

	for (int i = 0; i < 6; i++) {
		if (i)
			fputc(' ', fp);
		cell(fp, head[i], i ? 10 : 14, i == 0);
	}
	fputc('\n', fp);
	for (int i = 0; schema_synced_tables[i]; i++) {
		const struct sync_counts *c = &res->counts[i];
		if (!all && !c->added && !c->updated && !c->unchanged && !c->conflicting && !c->rejected)
			continue;
		counts_row(fp, schema_synced_tables[i], c);
		sum.added += c->added, sum.updated += c->updated, sum.unchanged += c->unchanged;
		sum.conflicting += c->conflicting, sum.rejected += c->rejected;
	}
	counts_row(fp, _("total"), &sum);
}

char *sync_report_write(struct sync_report *r, struct sx_db *db,
			const struct sync_import_result *res, char *const *paths, int npaths,
			struct sx_err *warn)
{
	char now[25], buf[8192], *path = NULL;
	FILE *fp = create(db_path(db), &path);
	size_t n;

	if (!fp) {
		sx_err_add(warn, db_path(db), 0, _("the import is done, but its report could not be"
			   " written: %s"), strerror(errno));
		free(path);
		return NULL;
	}
	clock_iso(clock_now_ms(), now);
	fprintf(fp, _("sxsh import report\ndatabase: %s\ninstallation: %s\ntime: %s\n"),
		db_path(db), db_origin(db), now);
	fprintf(fp, "%s\n", _("imported:"));
	for (int i = 0; i < npaths; i++)
		fprintf(fp, "  %s\n", paths[i]);
	fputc('\n', fp);
	sync_report_counts(fp, res, 1);
	if (r->merged)
		fprintf(fp, "\n%s\n%s", _("Files already merged into this database (nothing in them"
			" can change it; their rows are counted as unchanged):"), r->merged);
	if (r->lines && r->details && fflush(r->details) == 0) {
		long end = ftell(r->details);
		fprintf(fp, "\n%s\n", _("Rejected rows and conflicts (every version not kept is in the"
			" history table):"));
		rewind(r->details);
		while (end > 0 && (n = fread(buf, 1, end < (long)sizeof buf ? (size_t)end : sizeof buf,
					      r->details)) > 0) {
			fwrite(buf, 1, n, fp);
			end -= (long)n;
		}
	}
	if (fflush(fp) != 0 || platform_fsync(fileno(fp)) != 0 || fclose(fp) != 0) {
		sx_err_add(warn, path, 0, _("cannot write: %s"), strerror(errno));
		return path;
	}
	return path;
}
