/* plan_edit.c — one plan's record (code, titles, decision, period, closed
 * on), saved field by field; opened from the dashboard (e the plan shown,
 * n a new one).  Closing a plan is giving it a closing date.  Indicators
 * and targets per year and area are edited as CSV (sxsh plan export /
 * import). */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/mem.h"
#include "plan/plan_def.h"
#include "ui/draw.h"
#include "ui/editor.h"
#include "ui/screen.h"

enum { NFIELDS = 7 };

struct pedit {
	struct ui *ui;
	struct plan_def p;
	struct ed_field fields[NFIELDS];
	struct editor ed;
	int is_new, saved;
};

static int pedit_commit(void *arg, char *msg, size_t msglen)
{
	struct pedit *e = arg;
	struct sx_err err = {0};
	int rc;

	if (!e->p.uuid[0] && (!e->p.code || !e->p.title_vi))
		return 0;   /* a new plan is saved once it has a code and a title */
	rc = plan_def_save(ui_ctx(e->ui)->db, &e->p, &err);
	if (rc != 0)
		snprintf(msg, msglen, "%s", sx_err_last(&err));
	else
		e->saved = 1;
	sx_err_clear(&err);
	return rc;
}

static void *pedit_enter(struct ui *ui, const void *arg)
{
	struct pedit *e = xcalloc(1, sizeof *e);
	struct sx_err err = {0};
	struct ed_field *d = e->fields;
	size_t k = 0;

	e->ui = ui;
	if (arg && plan_def_get(ui_ctx(ui)->db, arg, &e->p, &err) != 0)
		ui_message(ui, 1, "%s", sx_err_last(&err));
	e->is_new = !e->p.uuid[0];
	d[k++] = (struct ed_field){ .label = N_("Code"), .kind = ED_TEXT, .str = &e->p.code,
		.required = 1 };
	d[k++] = (struct ed_field){ .label = N_("Title (Vietnamese)"), .kind = ED_TEXT,
		.str = &e->p.title_vi, .required = 1 };
	d[k++] = (struct ed_field){ .label = N_("Title (English)"), .kind = ED_TEXT,
		.str = &e->p.title_en };
	d[k++] = (struct ed_field){ .label = N_("Decision"), .kind = ED_TEXT, .str = &e->p.decision };
	d[k++] = (struct ed_field){ .label = N_("First day"), .kind = ED_DATE,
		.str = &e->p.period_start };
	d[k++] = (struct ed_field){ .label = N_("Last day"), .kind = ED_DATE, .str = &e->p.period_end };
	d[k++] = (struct ed_field){ .label = N_("Closed on (empty: open)"), .kind = ED_DATE,
		.str = &e->p.closed_on };
	editor_init(&e->ed, e->fields, NFIELDS, pedit_commit, e);
	sx_err_clear(&err);
	return e;
}

static void pedit_draw(struct ui *ui, void *state)
{
	struct pedit *e = state;
	ui_title(ui, e->is_new ? _("New plan") : _("Plan"));
	editor_draw(&e->ed, 2, COLS - 2, NFIELDS + 1);
	draw_wrapped(NFIELDS + 4, 2, COLS - 4, 4, R_DIM,
		     _("Indicators and targets per year and per area: sxsh plan export -o FILE, "
		       "edit the file, sxsh plan import FILE."));
}

static int pedit_handle(struct ui *ui, void *state, const struct input *in)
{
	struct pedit *e = state;

	if (editor_handle(&e->ed, in))
		return RD_SCREEN;
	if (in->act != ACT_BACK && in->act != ACT_OK)
		return RD_NONE;
	if (e->is_new && !e->saved && (e->p.code || e->p.title_vi) &&
	    !draw_confirm(_("This plan has no code or Vietnamese title yet, so it is not "
			    "saved. Leave and lose what you typed?")))
		return RD_ALL;
	if (e->saved)
		ui_message(ui, 0, "%s", _("Saved."));
	ui_pop(ui);
	return RD_ALL;
}

static void pedit_leave(struct ui *ui, void *state)
{
	struct pedit *e = state;
	(void)ui;
	plan_def_clear(&e->p);
	free(e);
}

const struct screen screen_plan_edit = {
	.name = "plan_edit",
	.enter = pedit_enter,
	.draw = pedit_draw,
	.handle = pedit_handle,
	.leave = pedit_leave,
	.keys = N_("Up/Down field  Enter next  Esc back  F1 help"),
	.help = N_("A plan: its code, titles, the decision it implements and its period. "
		   "Each field is saved when you leave it; dates are typed dd/mm/yyyy. A "
		   "closing date closes the plan; empty it to reopen the plan. Indicators and "
		   "their targets, per year and per area, are edited as a CSV file with "
		   "'sxsh plan export' and 'sxsh plan import'."),
};
