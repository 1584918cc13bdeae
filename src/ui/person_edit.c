/* person_edit.c — one person's record, saved field by field, with their
 * training history underneath.  A new person added from the people list
 * starts with the unit, category, ethnicity and district of the one added
 * before (struct person_carry), said on screen; Ctrl-U empties a field. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "training/attendance.h"
#include "training/coverage.h"
#include "base/date.h"
#include "ui/draw.h"
#include "ui/editor.h"
#include "ui/pending.h"
#include "records/facility.h"
#include "ui/lineedit.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "records/people.h"
#include "records/places.h"
#include "ui/screen.h"
#include "ui/training.h"

enum { NFIELDS = 12 };
#define PICK_MAX 8   /* facilities offered while choosing where someone works */

struct pedit {
	struct editor ed;                /* first: ui_editor_idle() reads it */
	struct ui *ui;
	struct person p;                 /* the record being edited */
	char *year;                      /* p.birth_year as the editor's digits */
	struct place_list places;        /* districts to choose from */
	struct ed_choice *place_choices; /* the same as editor choices */
	struct ed_choice genders[4], categories[8];
	struct ed_field fields[NFIELDS];
	struct attendance_history *hist; /* sessions attended, newest first */
	long nhist;                      /* how many */
	int trained;                     /* 1 when counted as trained */
	char *facility;                  /* name of the facility they work at, or NULL */
	int picking;                     /* choosing the facility (F5) */
	struct lineedit pick;            /* the facility search being typed */
	struct facility_row *found;      /* facilities matching it */
	long nfound;                     /* how many */
	int fsel;                        /* the one selected */
	int saved;                       /* saved at least once */
	struct person_carry *carry;      /* shared fields in and out, or NULL */
	int carried;                     /* this new person started with them */
};

static int pedit_commit(void *arg, char *msg, size_t msglen)
{
	struct pedit *e = arg;
	struct sx_err err = {0};
	int rc;

	e->p.birth_year = e->year ? atoi(e->year) : 0;
	rc = person_save(ui_ctx(e->ui)->db, &e->p, &err);
	return ui_commit_result(e->ui, rc, &err, &e->saved, msg, msglen);
}

static void build_fields(struct pedit *e)
{
	struct person *p = &e->p;
	struct ed_field *d = e->fields;
	size_t k = 0;

	for (size_t i = 0; i < people_ngenders; i++)
		e->genders[i] = (struct ed_choice){ people_genders[i].code, people_genders[i].label };
	for (size_t i = 0; i < people_ncategories; i++)
		e->categories[i] = (struct ed_choice){ people_categories[i].code,
						       people_categories[i].label };
	d[k++] = (struct ed_field){ .label = N_("Full name"), .kind = ED_TEXT, .str = &p->full_name,
		.required = 1 };
	d[k++] = (struct ed_field){ .label = N_("Year of birth"), .kind = ED_INT, .str = &e->year,
		.min = 1900, .max = 2100 };
	d[k++] = (struct ed_field){ .label = N_("Gender"), .kind = ED_CHOICE, .str = &p->gender,
		.choices = e->genders, .nchoices = people_ngenders, .translate = 1 };
	d[k++] = (struct ed_field){ .label = N_("Ethnicity"), .kind = ED_TEXT, .str = &p->ethnicity };
	d[k++] = (struct ed_field){ .label = N_("Phone"), .kind = ED_PHONE, .str = &p->phone };
	d[k++] = (struct ed_field){ .label = N_("Unit"), .kind = ED_TEXT, .str = &p->unit };
	d[k++] = (struct ed_field){ .label = N_("Position"), .kind = ED_TEXT, .str = &p->position };
	d[k++] = (struct ed_field){ .label = N_("District"), .kind = ED_CHOICE, .str = &p->place_uuid,
		.choices = e->place_choices, .nchoices = e->places.n };
	d[k++] = (struct ed_field){ .label = N_("Category"), .kind = ED_CHOICE, .str = &p->category,
		.choices = e->categories, .nchoices = people_ncategories, .translate = 1 };
	d[k++] = (struct ed_field){ .label = N_("On the roster to be trained"), .kind = ED_BOOL,
		.flag = &p->on_roster };
	d[k++] = (struct ed_field){ .label = N_("Notes"), .kind = ED_TEXT, .str = &p->note };
	d[k++] = (struct ed_field){ .label = N_("Excluded from the roster"), .kind = ED_BOOL,
		.flag = &p->roster_excluded };
}

static void load_history(struct pedit *e, struct sx_db *db, struct sx_err *err)
{
	if (!e->p.uuid[0])
		return;
	e->nhist = attendance_history(db, e->p.uuid, &e->hist, err);
	e->trained = coverage_person_trained(db, e->p.uuid, err) == 1;
	if (e->nhist < 0) {
		ui_message(e->ui, 1, "%s", sx_err_last(err));
		e->nhist = 0;
	}
}

/* Remember the facility's name for display. */
static void load_facility(struct pedit *e, struct sx_db *db)
{
	struct sx_err err = {0};
	struct facility f;

	free(e->facility);
	e->facility = NULL;
	if (e->p.facility_uuid && facility_get(db, e->p.facility_uuid, &f, &err) == 0) {
		e->facility = xstrdup(f.name);
		facility_clear(&f);
	}
	sx_err_clear(&err);
}

static void search_facilities(struct pedit *e)
{
	struct sx_err err = {0};
	char *q = lineedit_text(&e->pick);

	facility_rows_free(e->found, e->nfound > 0 ? (size_t)e->nfound : 0);
	e->nfound = facility_search(ui_ctx(e->ui)->db, q, PICK_MAX, &e->found, &err);
	if (e->nfound < 0) {
		ui_message(e->ui, 1, "%s", sx_err_last(&err));
		e->nfound = 0;
	}
	e->fsel = 0;
	free(q);
	sx_err_clear(&err);
}

/* Link the person to a facility (NULL: none) and save at once. */
static void set_facility(struct pedit *e, const char *uuid)
{
	char msg[200];
	int rc;

	free(e->p.facility_uuid);
	e->p.facility_uuid = uuid ? xstrdup(uuid) : NULL;
	rc = pedit_commit(e, msg, sizeof msg);
	if (rc > 0)
		e->ed.pending = 1;   /* kept: the idle tick saves it */
	else if (rc < 0)
		ui_message(e->ui, 1, "%s", msg);
	load_facility(e, ui_ctx(e->ui)->db);
}

static void *pedit_enter(struct ui *ui, const void *varg)
{
	const struct record_arg *arg = varg;
	struct pedit *e = xcalloc(1, sizeof *e);
	struct sx_err err = {0};
	struct sx_db *db = ui_ctx(ui)->db;

	e->ui = ui;
	if (arg && arg->uuid && person_get(db, arg->uuid, &e->p, &err) != 0)
		ui_message(ui, 1, "%s", sx_err_last(&err));
	if (!e->p.uuid[0]) {
		struct person_carry *c = arg ? arg->carry : NULL;
		e->p.full_name = arg && arg->name && *arg->name ? xstrdup(arg->name) : NULL;
		e->carry = c;
		e->carried = c && (c->unit || c->category || c->ethnicity || c->place_uuid);
		e->p.unit = c && c->unit ? xstrdup(c->unit) : NULL;
		e->p.category = c && c->category ? xstrdup(c->category) : NULL;
		e->p.ethnicity = c && c->ethnicity ? xstrdup(c->ethnicity) : NULL;
		e->p.place_uuid = c && c->place_uuid ? xstrdup(c->place_uuid)
			: db_setting(db, "home_district");
	}
	if (e->p.birth_year)
		e->year = xasprintf("%d", e->p.birth_year);
	if (places_districts(db, &e->places, &err) != 0)
		ui_message(ui, 1, "%s", sx_err_last(&err));
	e->place_choices = xcalloc(e->places.n + 1, sizeof *e->place_choices);
	for (size_t i = 0; i < e->places.n; i++)
		e->place_choices[i] = (struct ed_choice){ e->places.v[i].uuid, e->places.v[i].label };
	build_fields(e);
	editor_init(&e->ed, e->fields, NFIELDS, pedit_commit, e);
	load_history(e, db, &err);
	load_facility(e, db);
	sx_err_clear(&err);
	return e;
}

static void draw_history(struct pedit *e, int y, int rows)
{
	char a[11], *line;

	if (rows < 2 || !e->p.uuid[0])
		return;
	line = xasprintf(_("Training history: %ld sessions — %s"), e->nhist,
			 e->trained ? _("trained (attended a training course)")
				    : _("not trained yet"));
	draw_text(y, 2, COLS - 4, R_TITLE, line);
	free(line);
	for (int i = 0; i < rows - 1 && i < e->nhist; i++) {
		const struct attendance_history *h = &e->hist[i];
		date_format_user(h->start_date, a);
		line = xasprintf(_("%s  %s — present %d of %d days (%s)"), a, h->title,
				 h->days_present, h->days, session_kind_label(h->kind));
		draw_text(y + 1 + i, 2, COLS - 4, R_NORMAL, line);
		free(line);
	}
}

static void draw_picker(struct pedit *e, int y)
{
	draw_text(y, 2, COLS - 4, R_TITLE, _("Facility where this person works — type to search, "
					     "Enter to choose, Esc to cancel:"));
	for (int i = 0; i < e->nfound && y + 2 + i < LINES - 2; i++) {
		enum role role = i == e->fsel ? R_SELECTED : R_NORMAL;
		if (role == R_SELECTED)
			draw_fill(y + 2 + i, 1, COLS - 2, role);
		draw_text(y + 2 + i, 4, COLS - 8, role, e->found[i].name);
	}
}

static void pedit_draw(struct ui *ui, void *state)
{
	struct pedit *e = state;
	int edrows = NFIELDS + 1 < LINES - 7 ? NFIELDS + 1 : LINES - 7;
	char *works = xasprintf("%s: %s", _("Works at"), e->facility ? e->facility : "—");

	ui_title(ui, e->p.uuid[0] ? _("Person") : _("New person"));
	draw_text(2 + edrows, 2, COLS - 4, R_NORMAL, works);
	free(works);
	if (e->picking) {
		draw_picker(e, 3 + edrows);
		editor_draw(&e->ed, 2, COLS - 2, edrows);
		lineedit_draw(&e->pick, 4 + edrows, 4, COLS - 8);   /* last: the cursor stays here */
		return;
	}
	if (e->carried && !e->saved)
		draw_text(3 + edrows, 2, COLS - 4, R_DIM, _("As for the last person: unit, category, "
							     "ethnicity, district; Ctrl-U clears."));
	draw_history(e, 3 + edrows, LINES - edrows - 6);
	editor_draw(&e->ed, 2, COLS - 2, edrows);
}

/* Keys while choosing the facility. */
static int pick_handle(struct pedit *e, const struct input *in)
{
	switch (in->act) {
	case ACT_BACK: e->picking = 0; return RD_ALL;
	case ACT_UP: if (e->fsel > 0) e->fsel--; return RD_SCREEN;
	case ACT_DOWN: if (e->fsel + 1 < e->nfound) e->fsel++; return RD_SCREEN;
	case ACT_OK:
		if (e->nfound)
			set_facility(e, e->found[e->fsel].uuid);
		e->picking = 0;
		return RD_ALL;
	default:
		break;
	}
	if (lineedit_handle(&e->pick, in)) {
		search_facilities(e);
		return RD_SCREEN;
	}
	return RD_NONE;
}

static int pedit_handle(struct ui *ui, void *state, const struct input *in)
{
	struct pedit *e = state;

	if (e->picking)
		return pick_handle(e, in);
	if (in->act == ACT_FKEY && (in->ch == 5 || in->ch == 6)) {
		if (!e->p.uuid[0] || editor_leave(&e->ed) != 0) {
			ui_message(ui, 1, "%s", _("Type the full name first."));
			return RD_SCREEN;
		}
		if (in->ch == 6) {
			set_facility(e, NULL);
			return RD_SCREEN;
		}
		e->picking = 1;
		lineedit_set(&e->pick, NULL);
		search_facilities(e);
		return RD_ALL;
	}
	if (editor_handle(&e->ed, in))
		return RD_SCREEN;
	if (in->act == ACT_BACK || in->act == ACT_OK) {
		if (ui_editor_pending(ui, &e->ed))
			return RD_SCREEN;
		if (e->saved)
			ui_message(ui, 0, "%s", _("Saved."));
		ui_pop(ui);
		return RD_ALL;
	}
	return RD_NONE;
}

/* Copy s into *dst (NULL or "" as NULL). */
static void carry_set(char **dst, const char *s)
{
	free(*dst);
	*dst = s && *s ? xstrdup(s) : NULL;
}

static void pedit_leave(struct ui *ui, void *state)
{
	struct pedit *e = state;
	(void)ui;
	if (e->carry && e->saved) {   /* the next new person starts as this one */
		carry_set(&e->carry->unit, e->p.unit);
		carry_set(&e->carry->category, e->p.category);
		carry_set(&e->carry->ethnicity, e->p.ethnicity);
		carry_set(&e->carry->place_uuid, e->p.place_uuid);
	}
	person_clear(&e->p);
	free(e->year);
	places_free(&e->places);
	free(e->place_choices);
	attendance_history_free(e->hist, e->nhist > 0 ? (size_t)e->nhist : 0);
	facility_rows_free(e->found, e->nfound > 0 ? (size_t)e->nfound : 0);
	free(e->facility);
	free(e);
}

const struct screen screen_person_edit = {
	.name = "person_edit",
	.enter = pedit_enter,
	.draw = pedit_draw,
	.handle = pedit_handle,
	.leave = pedit_leave,
	.idle = ui_editor_idle,
	.unsaved = ui_editor_unsaved,
	.keys = N_("Up/Down field  Left/Right choose  F5 facility  F6 no facility  Esc back"),
	.help = N_("A person in the registry. Each field is saved when you leave it. \"On the "
		   "roster\" marks the officers the plan wants trained; they count as trained "
		   "once ticked present on a day of a training course. F5 links the person to "
		   "the facility where they work (type part of its name, Enter to choose); F6 "
		   "removes the link. Below the fields: the sessions this person took part in "
		   "and the days they were present. A new person added from the people list "
		   "starts with the unit, category, ethnicity and district of the one added "
		   "before; Ctrl-U empties a field."),
};
