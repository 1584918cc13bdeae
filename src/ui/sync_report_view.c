/* sync_report_view.c — an import's report file, read-only and scrollable.
 * The report may list thousands of rejected rows; only the first MAX_LINES
 * are kept, so the process stays small whatever the file's size. */
#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/draw.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "ui/screen.h"
#include "base/text.h"

#define MAX_LINES 5000
#define MAX_LINE 1024

struct report_view {
	char *path;         /* the report file */
	char **lines;       /* its lines, without line ends */
	int n;              /* how many were kept */
	int more;           /* 1 when the file has more than were kept */
	int top;            /* first line shown */
	int left;           /* columns scrolled to the right */
};

/* Read up to MAX_LINES lines (each cut to MAX_LINE bytes); -1 with errno. */
static int read_lines(struct report_view *v)
{
	FILE *fp = fopen(v->path, "r");
	char buf[MAX_LINE];

	if (!fp)
		return -1;
	v->lines = xcalloc(MAX_LINES, sizeof *v->lines);
	while (fgets(buf, sizeof buf, fp)) {
		size_t len = strlen(buf);
		int whole = len && buf[len - 1] == '\n';
		if (v->n == MAX_LINES) {
			v->more = 1;
			break;
		}
		buf[strcspn(buf, "\r\n")] = '\0';
		v->lines[v->n++] = xstrdup(buf);
		while (!whole && fgets(buf, sizeof buf, fp))   /* the rest of a long line */
			whole = strchr(buf, '\n') != NULL;
	}
	fclose(fp);
	return 0;
}

static void *view_enter(struct ui *ui, const void *arg)
{
	struct report_view *v = xcalloc(1, sizeof *v);

	v->path = xstrdup(arg);
	if (read_lines(v) != 0)
		ui_message(ui, 1, _("%s: cannot read the report: %s"), v->path, strerror(errno));
	return v;
}

/* Rows the text gets on screen. */
static int page_rows(void)
{
	return LINES - 5;
}

/* s without its first cols columns (for Left/Right scrolling). */
static const char *skip_cols(const char *s, int cols)
{
	return cols > 0 && text_width(s) > cols ? s + text_prefix_bytes(s, cols) : cols > 0 ? "" : s;
}

static void view_draw(struct ui *ui, void *state)
{
	struct report_view *v = state;
	int rows = page_rows();
	char pos[64];

	ui_title(ui, _("Import report"));
	draw_text(1, 2, COLS - 4, R_DIM, v->path);
	for (int i = 0; i < rows && v->top + i < v->n; i++)
		draw_text(2 + i, 1, COLS - 2, R_NORMAL, skip_cols(v->lines[v->top + i], v->left));
	if (v->more && v->top + rows >= v->n)
		draw_text(2 + (v->n - v->top < rows ? v->n - v->top : rows - 1), 1, COLS - 2, R_DIM,
			  _("… the rest is in the file."));
	snprintf(pos, sizeof pos, _("lines %d–%d of %d"), v->n ? v->top + 1 : 0,
		 v->top + rows < v->n ? v->top + rows : v->n, v->n);
	draw_text(LINES - 3, COLS - text_width(pos) - 2, text_width(pos), R_DIM, pos);
}

static int view_handle(struct ui *ui, void *state, const struct input *in)
{
	struct report_view *v = state;
	int rows = page_rows(), last = v->n > rows ? v->n - rows : 0;

	switch (in->act) {
	case ACT_BACK: case ACT_OK:
		ui_pop(ui);
		return RD_ALL;
	case ACT_UP: v->top--; break;
	case ACT_DOWN: v->top++; break;
	case ACT_PGUP: v->top -= rows; break;
	case ACT_PGDN: v->top += rows; break;
	case ACT_HOME: v->top = 0; break;
	case ACT_END: v->top = last; break;
	case ACT_LEFT: v->left = v->left > 20 ? v->left - 20 : 0; break;
	case ACT_RIGHT: v->left += 20; break;
	default: return RD_NONE;
	}
	if (v->top > last)
		v->top = last;
	if (v->top < 0)
		v->top = 0;
	return RD_SCREEN;
}

static void view_leave(struct ui *ui, void *state)
{
	struct report_view *v = state;

	(void)ui;
	for (int i = 0; i < v->n; i++)
		free(v->lines[i]);
	free(v->lines);
	free(v->path);
	free(v);
}

const struct screen screen_sync_report = {
	.name = "sync_report",
	.enter = view_enter,
	.draw = view_draw,
	.handle = view_handle,
	.leave = view_leave,
	.keys = N_("Up/Down/PgUp/PgDn scroll  Left/Right sideways  Esc back  F1 help"),
	.help = N_("The report of the import, as saved beside the database: what was read, "
		   "the counts per table, every rejected row with the file, line and reason, "
		   "and every conflict (the older version is kept in the history). Fix the "
		   "rejected rows at their source, or import the missing records first, and "
		   "import the same files again: rows already here are left unchanged."),
};
