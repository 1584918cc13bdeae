/* facility_edit.c — one facility's record, saved field by field. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "ui/draw.h"
#include "ui/editor.h"
#include "ui/pending.h"
#include "records/facility.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "records/places.h"
#include "ui/screen.h"

enum { NFIELDS = 13 };

struct fedit {
	struct editor ed;                /* first: ui_editor_idle() reads it */
	struct ui *ui;
	struct facility f;               /* the record being edited */
	struct place_list places;        /* districts to choose from */
	struct ed_choice *place_choices; /* the same as editor choices */
	struct ed_choice sectors[8], forms[4];
	struct ed_field fields[NFIELDS];
	int saved;                       /* saved at least once */
	int created;                     /* made new in this screen */
};

static int fedit_commit(void *arg, char *msg, size_t msglen)
{
	struct fedit *s = arg;
	struct sx_db *db = ui_ctx(s->ui)->db;
	struct sx_err err = {0};
	int rc = facility_save(db, &s->f, &err);
	return ui_commit_result(s->ui, rc, &err, &s->saved, msg, msglen);
}

static void codes_to_choices(const struct facility_code *codes, size_t n, struct ed_choice *out)
{
	for (size_t i = 0; i < n; i++)
		out[i] = (struct ed_choice){ codes[i].code, codes[i].label };
}

/* The fields, in the order an officer fills them from a visit card. */
static void build_fields(struct fedit *s)
{
	struct facility *f = &s->f;
	struct ed_field *d = s->fields;
	size_t k = 0;

	codes_to_choices(facility_sectors, facility_nsectors, s->sectors);
	codes_to_choices(facility_legal_forms, facility_nlegal_forms, s->forms);
	d[k++] = (struct ed_field){ .label = N_("Name"), .kind = ED_TEXT, .str = &f->name, .required = 1 };
	d[k++] = (struct ed_field){ .label = N_("District"), .kind = ED_CHOICE, .str = &f->place_uuid,
		.choices = s->place_choices, .nchoices = s->places.n };
	d[k++] = (struct ed_field){ .label = N_("Commune, village, address"), .kind = ED_TEXT, .str = &f->address };
	d[k++] = (struct ed_field){ .label = N_("Sector"), .kind = ED_CHOICE, .str = &f->sector, .choices = s->sectors,
		.nchoices = facility_nsectors, .translate = 1 };
	d[k++] = (struct ed_field){ .label = N_("Legal form"), .kind = ED_CHOICE, .str = &f->legal_form,
		.choices = s->forms, .nchoices = facility_nlegal_forms, .translate = 1 };
	d[k++] = (struct ed_field){ .label = N_("Main products"), .kind = ED_TEXT, .str = &f->products };
	d[k++] = (struct ed_field){ .label = N_("Has CP potential"), .kind = ED_BOOL,
		.flag = &f->cp_potential };
	d[k++] = (struct ed_field){ .label = N_("Owner or director"), .kind = ED_TEXT, .str = &f->owner };
	d[k++] = (struct ed_field){ .label = N_("Contact person"), .kind = ED_TEXT, .str = &f->contact };
	d[k++] = (struct ed_field){ .label = N_("Phone"), .kind = ED_PHONE, .str = &f->phone };
	d[k++] = (struct ed_field){ .label = N_("Informed of CP on (date)"), .kind = ED_DATE, .str = &f->informed_on };
	d[k++] = (struct ed_field){ .label = N_("How it was informed"), .kind = ED_TEXT, .str = &f->informed_reason };
	d[k++] = (struct ed_field){ .label = N_("Notes"), .kind = ED_TEXT, .str = &f->note };
}

static void *fedit_enter(struct ui *ui, const void *varg)
{
	const struct record_arg *arg = varg;
	struct fedit *s = xcalloc(1, sizeof *s);
	struct sx_err err = {0};
	struct sx_db *db = ui_ctx(ui)->db;

	s->ui = ui;
	if (arg && arg->uuid && facility_get(db, arg->uuid, &s->f, &err) != 0)
		ui_message(ui, 1, "%s", sx_err_last(&err));
	if (!s->f.uuid[0]) {
		s->created = 1;
		s->f.cp_potential = 1;
		s->f.name = arg && arg->name && *arg->name ? xstrdup(arg->name) : NULL;
		s->f.place_uuid = db_setting(db, "home_district");
	}
	if (places_districts(db, &s->places, &err) != 0)
		ui_message(ui, 1, "%s", sx_err_last(&err));
	s->place_choices = xcalloc(s->places.n + 1, sizeof *s->place_choices);
	for (size_t i = 0; i < s->places.n; i++)
		s->place_choices[i] = (struct ed_choice){ s->places.v[i].uuid, s->places.v[i].label };
	build_fields(s);
	editor_init(&s->ed, s->fields, NFIELDS, fedit_commit, s);
	/* A new facility named from the search is saved at once, so Esc keeps it. */
	if (!s->f.uuid[0] && s->f.name)
		fedit_commit(s, s->ed.error, sizeof s->ed.error);
	sx_err_clear(&err);
	return s;
}

static void fedit_draw(struct ui *ui, void *state)
{
	struct fedit *s = state;
	ui_title(ui, s->created ? _("New facility") : _("Facility"));
	editor_draw(&s->ed, 2, COLS - 2, LINES - 5);
}

static int fedit_handle(struct ui *ui, void *state, const struct input *in)
{
	struct fedit *s = state;

	if (editor_handle(&s->ed, in))
		return RD_SCREEN;
	if (in->act == ACT_BACK || in->act == ACT_OK) {
		if (ui_editor_pending(ui, &s->ed))
			return RD_SCREEN;
		if (s->saved)
			ui_message(ui, 0, "%s", _("Saved."));
		ui_pop(ui);
		return RD_ALL;
	}
	return RD_NONE;
}

static void fedit_leave(struct ui *ui, void *state)
{
	struct fedit *s = state;
	(void)ui;
	facility_clear(&s->f);
	places_free(&s->places);
	free(s->place_choices);
	free(s);
}

const struct screen screen_facility_edit = {
	.name = "facility_edit",
	.enter = fedit_enter,
	.draw = fedit_draw,
	.handle = fedit_handle,
	.leave = fedit_leave,
	.idle = ui_editor_idle,
	.unsaved = ui_editor_unsaved,
	.keys = N_("Up/Down field  Left/Right choose  Enter next  Esc back"),
	.help = N_("Fill the facility's details. Each field is saved when you leave it, so "
		   "nothing is lost if the laptop shuts down. For a choice, press Left/Right "
		   "or Space, or type its first letter; for yes/no press Space. Fields marked "
		   "* are required. Dates are typed as dd/mm/yyyy."),
};
