/* list_import.c — the preview of a participant list from a spreadsheet
 * (training/listimport.h): what each row would do, and Enter to register
 * them; nothing is written before that Enter. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/mem.h"
#include "base/text.h"
#include "training/listimport.h"
#include "ui/draw.h"
#include "ui/listview.h"
#include "ui/screen.h"
#include "ui/training.h"

#define FIRST_ROW 5   /* the first row of the file shown */

struct limp {
	char session_uuid[37];   /* the session */
	struct listimport li;    /* the preview */
	int ok;                  /* the file was read */
	char *why;               /* why not, or NULL */
	int sel;                 /* the row selected */
};

static void *limp_enter(struct ui *ui, const void *varg)
{
	const struct list_import_arg *a = varg;
	struct limp *v = xcalloc(1, sizeof *v);
	struct sx_err err = {0};

	snprintf(v->session_uuid, sizeof v->session_uuid, "%s", a->session_uuid);
	v->ok = listimport_read(ui_ctx(ui)->db, a->session_uuid, a->path, &v->li, &err) == 0;
	if (!v->ok)
		v->why = xstrdup(sx_err_last(&err));
	for (size_t i = v->li.n; i-- > 0;)   /* open on the first row in error */
		if (v->li.rows[i].what == LI_ERROR)
			v->sel = (int)i;
	sx_err_clear(&err);
	return v;
}

/* What a row would do, in words.  Caller frees. */
static char *row_what(const struct listimport_row *r)
{
	switch (r->what) {
	case LI_NEW: return xstrdup(_("new person"));
	case LI_KNOWN: return xasprintf(_("in the registry as %s"), r->match_name);
	case LI_REGISTERED: return xasprintf(_("already registered (%s)"), r->match_name);
	case LI_REPEAT: return xasprintf(_("same person as line %ld"), r->repeat_of);
	default: return xstrdup(r->error);
	}
}

static void draw_row(const struct limp *v, size_t i, int y)
{
	const struct listimport_row *r = &v->li.rows[i];
	int on = (int)i == v->sel, namew = COLS / 3;
	enum role role = on ? R_SELECTED : r->what == LI_ERROR ? R_ERROR : R_NORMAL;
	char num[16], year[8] = "", *what = row_what(r);

	if (on)
		draw_fill(y, 1, COLS - 2, role);
	snprintf(num, sizeof num, "%5ld", r->line);
	if (r->p.birth_year)
		snprintf(year, sizeof year, "%d", r->p.birth_year);
	draw_text(y, 2, 5, role, num);
	draw_text(y, 8, namew, role, r->p.full_name ? r->p.full_name : "");
	draw_text(y, 9 + namew, 4, role, year);
	draw_text(y, 14 + namew, COLS - namew - 16, role, what);
	free(what);
}

static void limp_draw(struct ui *ui, void *state)
{
	struct limp *v = state;
	const struct listimport *li = &v->li;
	int rows = LINES - FIRST_ROW - 5, top;
	char *line;

	ui_title(ui, _("Import participants"));
	if (!v->ok) {
		draw_wrapped(2, 2, COLS - 4, LINES - 5, R_ERROR, v->why ? v->why : "");
		return;
	}
	draw_text(2, 2, COLS - 4, R_TITLE, li->path);
	line = xasprintf(_("%zu new, %zu in the registry, %zu already registered, %zu repeated, "
			   "%zu in error."), li->count[LI_NEW], li->count[LI_KNOWN],
			 li->count[LI_REGISTERED], li->count[LI_REPEAT], li->count[LI_ERROR]);
	draw_text(3, 2, COLS - 4, li->count[LI_ERROR] ? R_ERROR : R_NORMAL, line);
	free(line);
	draw_text(4, 2, 5, R_DIM, _("Line"));
	draw_text(4, 8, COLS / 3, R_DIM, _("Full name"));
	top = v->sel >= rows ? v->sel - rows + 1 : 0;
	for (int i = 0; i < rows && (size_t)(top + i) < li->n; i++)
		draw_row(v, (size_t)(top + i), FIRST_ROW + i);
	if ((size_t)v->sel < li->n) {   /* the selected row in full, under the list */
		const struct listimport_row *r = &li->rows[v->sel];
		char *what = row_what(r);
		line = xasprintf(_("Line %ld: %s"), r->line, what);
		draw_wrapped(LINES - 4, 2, COLS - 4, 2, r->what == LI_ERROR ? R_ERROR : R_DIM, line);
		free(line);
		free(what);
	}
}

/* Enter: register the list, unless a row is in error. */
static int do_import(struct ui *ui, struct limp *v)
{
	struct sx_err err = {0};

	if (v->li.count[LI_ERROR]) {
		ui_message(ui, 1, "%s", _("Correct the rows in error in the spreadsheet first; "
					  "nothing was written."));
		return RD_SCREEN;
	}
	if (listimport_apply(ui_ctx(ui)->db, v->session_uuid, &v->li, &err) != 0) {
		ui_message(ui, 1, "%s", sx_err_last(&err));
	} else {
		ui_message(ui, 0, _("Registered: %zu new people, %zu from the registry."),
			   v->li.count[LI_NEW], v->li.count[LI_KNOWN]);
		ui_pop(ui);
	}
	sx_err_clear(&err);
	return RD_ALL;
}

static int limp_handle(struct ui *ui, void *state, const struct input *in)
{
	struct limp *v = state;

	if (in->act == ACT_BACK) {
		ui_message(ui, 0, "%s", _("Nothing was imported."));
		ui_pop(ui);
		return RD_ALL;
	}
	if (in->act == ACT_OK && v->ok)
		return do_import(ui, v);
	if (listview_move(&v->sel, (long)v->li.n, LINES - FIRST_ROW - 6, in, 1))
		return RD_SCREEN;
	return RD_NONE;
}

static void limp_leave(struct ui *ui, void *state)
{
	struct limp *v = state;
	(void)ui;
	listimport_free(&v->li);
	free(v->why);
	free(v);
}

const struct screen screen_list_import = {
	.name = "list_import",
	.enter = limp_enter,
	.draw = limp_draw,
	.handle = limp_handle,
	.leave = limp_leave,
	.keys = N_("Enter register the list  Up/Down rows  Esc cancel, nothing written"),
	.help = N_("What each row of the participant list would do: a new person, someone "
		   "already in the registry (the same name and year of birth or phone: they "
		   "are registered, not added twice), someone already registered for this "
		   "session, the same person as an earlier row, or a row in error with its "
		   "reason. The header is the first row with a full-name column (\"Họ và "
		   "tên\" or \"Full name\"); columns are known by their Vietnamese or English "
		   "names. Nothing is written until Enter, and not at all while a row is in "
		   "error: correct the spreadsheet, save it as CSV again and press F9 in the "
		   "session. Esc goes back without writing."),
};
