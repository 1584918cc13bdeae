/* office_edit.c — the office named on printed documents (records/office.h):
 * the body above it, its name, the place on the date line, the head of
 * unit's title and name, and the officer who prepares documents; each field
 * is saved as it is left. */
#include <curses.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "base/mem.h"
#include "records/office.h"
#include "ui/draw.h"
#include "ui/editor.h"
#include "ui/screen.h"

enum { NFIELDS = 6 };

struct ofedit {
	struct ui *ui;
	struct office o;      /* as edited */
	struct office was;    /* as saved */
	struct ed_field fields[NFIELDS];
	struct editor ed;
	int saved;
};

static int ofedit_commit(void *arg, char *msg, size_t msglen)
{
	struct ofedit *e = arg;
	struct sx_err err = {0};
	int rc = office_save(ui_ctx(e->ui)->db, &e->o, &e->was, &err);

	if (rc != 0)
		snprintf(msg, msglen, "%s", sx_err_last(&err));
	else
		e->saved = 1;
	sx_err_clear(&err);
	return rc;
}

static void *ofedit_enter(struct ui *ui, const void *arg)
{
	struct ofedit *e = xcalloc(1, sizeof *e);
	struct ed_field *d = e->fields;
	size_t k = 0;

	(void)arg;
	e->ui = ui;
	office_load(ui_ctx(ui)->db, &e->o);
	office_load(ui_ctx(ui)->db, &e->was);
	d[k++] = (struct ed_field){ .label = N_("Body above the office"), .kind = ED_TEXT,
		.str = &e->o.parent };
	d[k++] = (struct ed_field){ .label = N_("Issuing office"), .kind = ED_TEXT,
		.str = &e->o.name };
	d[k++] = (struct ed_field){ .label = N_("Place on the date line"), .kind = ED_TEXT,
		.str = &e->o.place };
	d[k++] = (struct ed_field){ .label = N_("Title of the head of unit"), .kind = ED_TEXT,
		.str = &e->o.head_title };
	d[k++] = (struct ed_field){ .label = N_("Name of the head of unit"), .kind = ED_TEXT,
		.str = &e->o.head_name };
	d[k++] = (struct ed_field){ .label = N_("Prepared by (officer)"), .kind = ED_TEXT,
		.str = &e->o.officer };
	editor_init(&e->ed, e->fields, NFIELDS, ofedit_commit, e);
	return e;
}

static void ofedit_draw(struct ui *ui, void *state)
{
	struct ofedit *e = state;
	ui_title(ui, _("Office on printed documents"));
	editor_draw(&e->ed, 2, COLS - 2, NFIELDS + 1);
	draw_wrapped(NFIELDS + 4, 2, COLS - 4, 4, R_DIM,
		     _("These head the HTML report and the sign-in sheets and sign them. An "
		       "emptied field prints the default; the head's name may stay empty, to "
		       "be written by hand."));
}

static int ofedit_handle(struct ui *ui, void *state, const struct input *in)
{
	struct ofedit *e = state;

	if (editor_handle(&e->ed, in))
		return RD_SCREEN;
	if (in->act != ACT_BACK && in->act != ACT_OK)
		return RD_NONE;
	if (e->saved)
		ui_message(ui, 0, "%s", _("Saved."));
	ui_pop(ui);
	return RD_ALL;
}

static void ofedit_leave(struct ui *ui, void *state)
{
	struct ofedit *e = state;
	(void)ui;
	office_free(&e->o);
	office_free(&e->was);
	free(e);
}

const struct screen screen_office_edit = {
	.name = "office_edit",
	.enter = ofedit_enter,
	.draw = ofedit_draw,
	.handle = ofedit_handle,
	.leave = ofedit_leave,
	.keys = N_("Up/Down field  Enter next  Esc back  F1 help"),
	.help = N_("The office as printed documents name it: the body above it (e.g. the "
		   "provincial People's Committee), the issuing office, the place on the date "
		   "line (\"Sơn La, ngày … tháng … năm …\"), and who signs: the officer who "
		   "prepares the document and the head of unit, by title and name. Each field "
		   "is saved when you leave it; the next report or sign-in sheet uses it."),
};
