/* sync_result.c — the lower half of the Sync screen: the progress bar while
 * the engine works, then what an export, a dry run or an import did. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ui/draw.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "db/schema.h"
#include "ui/sync_ui.h"
#include "base/text.h"

/* The counts table: a name column, then five numbers, 78 columns in all. */
#define COL_NAME 16
#define COL_NUM 11
#define COL_X(i) (19 + 12 * (i))

/* Table names as the officer knows them. */
static const struct { const char *table, *label; } table_labels[] = {
	{ "places", N_("Places") }, { "facilities", N_("Facilities") },
	{ "people", N_("People") }, { "plans", N_("Plans") },
	{ "indicators", N_("Indicators") }, { "sessions", N_("Sessions") },
	{ "participants", N_("Participants") }, { "attendance", N_("Attendance") },
	{ "assessments", N_("Assessments") }, { "answers", N_("Answers") },
};

static const char *table_label(const char *table)
{
	for (size_t i = 0; i < sizeof table_labels / sizeof table_labels[0]; i++)
		if (strcmp(table, table_labels[i].table) == 0)
			return _(table_labels[i].label);
	return table;
}

/* Blank the result area. */
static void clear_area(void)
{
	for (int y = Y_RESULT; y < LINES - 2; y++)
		draw_fill(y, 0, COLS, R_NORMAL);
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* "doing  [#####     ]  45 %", as sync_ui.h says. */
void sync_ui_progress(struct sync_state *s, double frac, const char *detail)
{
	int w = COLS - 16 < 50 ? COLS - 16 : 50, fill;
	char pct[8];

	if (frac < 0)
		frac = 0;
	if (frac > 1)
		frac = 1;
	fill = (int)(frac * w + 0.5);
	clear_area();
	draw_text(Y_RESULT + 1, 2, COLS - 4, R_TITLE, s->doing);
	mvaddch(Y_RESULT + 3, 2, '[');
	for (int i = 0; i < w; i++)
		mvaddch(Y_RESULT + 3, 3 + i, i < fill ? '#' : ' ');
	mvaddch(Y_RESULT + 3, 3 + w, ']');
	snprintf(pct, sizeof pct, "%3d %%", (int)(frac * 100));
	draw_text(Y_RESULT + 3, 5 + w, 6, R_NORMAL, pct);
	draw_text(Y_RESULT + 5, 2, COLS - 4, R_DIM, detail);
	curs_set(0);
	refresh();
	s->drawn_ms = now_ms();
}

/* Progress of an import: rows read of about total. */
void sync_ui_import_progress(void *arg, const char *file, long long rows, long long total)
{
	struct sync_state *s = arg;
	const char *base = strrchr(file, '/');
	char *detail;

	if (now_ms() - s->drawn_ms < 100)
		return;   /* a terminal over SSH need not see every step */
	detail = xasprintf(_("%s: %lld rows read"), base ? base + 1 : file, rows);
	sync_ui_progress(s, total > 0 ? (double)rows / (double)total : 0, detail);
	free(detail);
}

/* Progress of an export: tables written of ntables. */
void sync_ui_export_progress(void *arg, const char *table, int done, int ntables, long long rows)
{
	struct sync_state *s = arg;
	char *detail;

	if (now_ms() - s->drawn_ms < 100 && done < ntables)
		return;
	detail = *table ? xasprintf(_("%s: %lld rows written"), table_label(table), rows)
			: xasprintf(_("%lld rows written"), rows);
	sync_ui_progress(s, ntables > 0 ? (double)done / ntables : 0, detail);
	free(detail);
}

/* The counts over every table. */
struct sync_counts sync_ui_total(const struct sync_import_result *res)
{
	struct sync_counts sum = {0};

	for (int i = 0; schema_synced_tables[i]; i++) {
		const struct sync_counts *c = &res->counts[i];
		sum.added += c->added, sum.updated += c->updated, sum.unchanged += c->unchanged;
		sum.conflicting += c->conflicting, sum.rejected += c->rejected;
	}
	return sum;
}

/* One line of the counts table: a name and five right-aligned numbers. */
static void draw_count_row(int y, const char *name, const struct sync_counts *c, enum role role)
{
	long long v[5] = { c->added, c->updated, c->unchanged, c->conflicting, c->rejected };
	char num[24];

	draw_text(y, 2, COL_NAME, role, name);
	for (int i = 0; i < 5; i++) {
		snprintf(num, sizeof num, "%lld", v[i]);
		draw_text(y, COL_X(i) + COL_NUM - text_width(num), COL_NUM, role, num);
	}
}

/* The counts per table from row y in at most rows rows (header and total
 * included); tables that do not fit are left out.  Returns the rows used. */
static int draw_counts(int y, int rows, const struct sync_import_result *res)
{
	const char *head[6] = { _("table"), _("new"), _("updated"), _("unchanged"),
				_("conflicting"), _("rejected") };
	struct sync_counts sum = sync_ui_total(res);
	int used = 1;

	draw_text(y, 2, COL_NAME, R_DIM, head[0]);
	for (int i = 1; i < 6; i++) {
		int w = text_width(head[i]) < COL_NUM ? text_width(head[i]) : COL_NUM;
		draw_text(y, COL_X(i - 1) + COL_NUM - w, COL_NUM, R_DIM, head[i]);
	}
	for (int i = 0; schema_synced_tables[i] && used < rows - 1; i++) {
		const struct sync_counts *c = &res->counts[i];
		if (c->added || c->updated || c->unchanged || c->conflicting || c->rejected)
			draw_count_row(y + used++, table_label(schema_synced_tables[i]), c, R_NORMAL);
	}
	draw_count_row(y + used++, _("total"), &sum, R_TITLE);
	return used;
}

/* msg with a leading $HOME/ shown as ~/, as the officer typed it.  Caller frees. */
static char *tilde(const char *msg)
{
	const char *home = getenv("HOME");
	size_t n = home ? strlen(home) : 0;

	if (n > 1 && strncmp(msg, home, n) == 0 && msg[n] == '/')
		return xasprintf("~%s", msg + n);
	return xstrdup(msg);
}

/* Messages from y down to (not including) end, wrapped; returns the next row. */
static int draw_msgs(int y, int end, enum role role, const struct sx_err *e)
{
	for (size_t i = 0; i < e->n && y < end; i++) {
		char *m = tilde(e->msgs[i]);
		y += draw_wrapped(y, 2, COLS - 4, end - y, role, m);
		free(m);
	}
	return y;
}

/* After an export: where the files went, or why not. */
static void draw_exported(const struct sync_state *s)
{
	int y = Y_RESULT + 1, end = LINES - 2;
	char *line;

	if (s->shown == SHOW_FAILED) {
		draw_text(y++, 2, COLS - 4, R_ERROR, _("Nothing was exported."));
		draw_msgs(y, end, R_NORMAL, &s->errs);
		return;
	}
	line = xasprintf(_("Exported %lld rows in %d files to %s."), s->out.rows, s->out.files,
			 s->where);
	y += draw_wrapped(y, 2, COLS - 4, end - y, R_GOOD, line) + 1;
	free(line);
	draw_wrapped(y, 2, COLS - 4, end - y, R_NORMAL,
		     _("Copy the whole folder to the other laptop (or send it to the provincial "
		       "office) and import it there: Sync, then the import field."));
}

/* 1 when an import of these counts would change nothing. */
static int nothing_new(const struct sync_import_result *res)
{
	struct sync_counts sum = sync_ui_total(res);

	return !sum.added && !sum.updated && !sum.conflicting && !sum.rejected;
}

/* The line above the counts: what they are. */
static void draw_heading(int y, const struct sync_state *s)
{
	char *line;

	if (s->shown == SHOW_DRY_RUN) {
		draw_text(y, 2, COLS - 4, R_TITLE,
			  _("Dry run — what the import would do (nothing is written yet):"));
		return;
	}
	line = xasprintf(_("Imported %lld rows from %d files."), s->res.rows, s->res.files);
	draw_text(y, 2, COLS - 4, R_GOOD, line);
	free(line);
}

/* After a dry run or an import: the counts, the warnings, then the
 * question or where the report is. */
static void draw_imported(const struct sync_state *s)
{
	int y = Y_RESULT, end = LINES - 3;
	char *report, *line = NULL;

	if (s->shown == SHOW_FAILED) {
		draw_text(y++, 2, COLS - 4, R_ERROR, _("Nothing was imported; the database is unchanged."));
		draw_msgs(draw_msgs(y, LINES - 2, R_NORMAL, &s->errs), LINES - 2, R_DIM, &s->warns);
		return;
	}
	draw_heading(y++, s);
	report = s->res.report ? tilde(s->res.report) : NULL;
	if (s->shown == SHOW_IMPORTED && report) {
		line = xasprintf(_("Report: %s — F3 shows it."), report);
		end -= draw_wrapped_rows(COLS - 4, line) - 1;
	}
	if (s->res.files > 0)
		y += draw_counts(y, end - y, &s->res);
	else
		draw_text(y++, 2, COLS - 4, R_NORMAL, _("There was nothing to import."));
	if (s->shown == SHOW_DRY_RUN && s->res.files > 0 && nothing_new(&s->res))
		draw_text(y++, 2, COLS - 4, R_GOOD,
			  _("Everything in these files is here already; nothing to import."));
	draw_msgs(y, end, R_DIM, &s->warns);
	if (s->confirming)
		draw_text(LINES - 3, 2, COLS - 4, R_TITLE,
			  _("Import these rows into this laptop's database? y = yes, n or Esc = no"));
	if (line)
		draw_wrapped(end, 2, COLS - 4, LINES - 2 - end, R_NORMAL, line);
	free(line);
	free(report);
}

void sync_ui_draw_result(const struct sync_state *s)
{
	if (s->shown == SHOW_EXPORTED || (s->shown == SHOW_FAILED && s->where))
		draw_exported(s);
	else if (s->shown != SHOW_NOTHING)
		draw_imported(s);
}
