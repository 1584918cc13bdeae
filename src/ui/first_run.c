/* first_run.c — language, officer's name and home area (a commune or ward
 * in force today, or the provincial office), asked once (and again from
 * Settings).  The area is saved as "home_area" (the province's uuid for the
 * provincial office) and opens the dashboard; a commune is also the
 * default place of new records ("home_district"). */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "ui/draw.h"
#include "base/i18n.h"
#include "ui/lineedit.h"
#include "ui/listview.h"
#include "base/mem.h"
#include "base/clock.h"
#include "records/places.h"
#include "ui/screen.h"

enum step { STEP_LANG, STEP_NAME, STEP_DISTRICT };

struct first_state {
	enum step step;
	int first_run;                  /* 1 when nothing was set before */
	struct listview langs;
	const char *lang_labels[2];
	struct lineedit name;
	struct place_list places;       /* the units in force today */
	char province[37];              /* the provincial office's place */
	const char **place_labels;      /* [0] the provincial office, then places */
	struct listview districts;
};

static const char *const lang_codes[2] = { "vi", "en" };

static void *first_enter(struct ui *ui, const void *arg)
{
	struct first_state *f = xcalloc(1, sizeof *f);
	struct sx_db *db = ui_ctx(ui)->db;
	struct sx_err err = {0};
	char *name = db_setting(db, "officer_name");
	char *home = db_setting(db, "home_area");
	char today[11];

	(void)arg;
	f->first_run = name == NULL;
	f->lang_labels[0] = "Tiếng Việt";
	f->lang_labels[1] = "English";
	f->langs = (struct listview){ .items = f->lang_labels, .n = 2,
				      .sel = strcmp(i18n_lang(), "en") == 0 };
	lineedit_set(&f->name, name);
	if (!home)
		home = db_setting(db, "home_district");
	clock_date(clock_now_ms(), today);
	if (places_in_force(db, today, today, &f->places, &err) != 0)
		ui_message(ui, 1, "%s", sx_err_last(&err));
	sx_err_clear(&err);
	places_province(db, f->province);
	f->place_labels = xcalloc(f->places.n + 2, sizeof *f->place_labels);
	f->place_labels[0] = _("Provincial office (the whole province)");
	for (size_t i = 0; i < f->places.n; i++) {
		f->place_labels[i + 1] = f->places.v[i].name;
		if (home && strcmp(home, f->places.v[i].uuid) == 0)
			f->districts.sel = (int)i + 1;
	}
	f->districts.items = f->place_labels;
	f->districts.n = (int)f->places.n + 1;
	free(name);
	free(home);
	return f;
}

static void first_draw(struct ui *ui, void *state)
{
	struct first_state *f = state;
	int y = 2;

	ui_title(ui, f->first_run ? _("Welcome") : _("Settings"));
	if (f->first_run)
		y += draw_wrapped(y, 2, COLS - 4, 3, R_NORMAL,
			_("Welcome to sxsh, the cleaner-production (sản xuất sạch hơn) tool "
			  "for extension officers. Three questions before we start.")) + 1;
	switch (f->step) {
	case STEP_LANG:
		draw_text(y, 2, COLS - 4, R_TITLE, _("1/3  Language — Ngôn ngữ"));
		listview_draw(&f->langs, y + 2, 4, 30, 2);
		break;
	case STEP_NAME:
		draw_text(y, 2, COLS - 4, R_TITLE, _("2/3  Your full name (the officer using this laptop)"));
		lineedit_draw(&f->name, y + 2, 4, COLS - 8 > 50 ? 50 : COLS - 8);
		break;
	case STEP_DISTRICT:
		draw_text(y, 2, COLS - 4, R_TITLE,
			  _("3/3  Your commune or ward (or the provincial office)"));
		listview_draw(&f->districts, y + 2, 4, COLS - 8, LINES - y - 5);
		break;
	}
}

/* Save the step's answer; returns 0, or -1 after showing why not. */
static int save_step(struct ui *ui, struct first_state *f)
{
	struct sx_db *db = ui_ctx(ui)->db;
	struct sx_err err = {0};
	char *name;
	int rc = 0;

	switch (f->step) {
	case STEP_LANG:
		i18n_set_lang(lang_codes[f->langs.sel]);
		rc = db_set_setting(db, "language", lang_codes[f->langs.sel], &err);
		break;
	case STEP_NAME:
		name = lineedit_text(&f->name);
		if (!*name) {
			ui_message(ui, 1, "%s", _("Type your name, then press Enter."));
			free(name);
			return -1;
		}
		rc = db_set_setting(db, "officer_name", name, &err);
		free(name);
		break;
	case STEP_DISTRICT:
		if (f->districts.sel == 0) {
			if (*f->province)
				rc = db_set_setting(db, "home_area", f->province, &err);
			if (*f->province && rc == 0)
				rc = db_set_setting(db, "home_district", f->province, &err);
		} else {
			const char *u = f->places.v[f->districts.sel - 1].uuid;
			rc = db_set_setting(db, "home_area", u, &err);
			if (rc == 0)
				rc = db_set_setting(db, "home_district", u, &err);
		}
		break;
	}
	if (rc != 0)
		ui_message(ui, 1, "%s", sx_err_last(&err));
	sx_err_clear(&err);
	return rc;
}

static int first_handle(struct ui *ui, void *state, const struct input *in)
{
	struct first_state *f = state;

	if (in->act == ACT_BACK) {
		if (f->step > STEP_LANG)
			f->step--;
		else if (!f->first_run)
			ui_pop(ui);
		return RD_ALL;
	}
	if (in->act == ACT_OK) {
		if (save_step(ui, f) != 0)
			return RD_SCREEN;
		if (f->step < STEP_DISTRICT) {
			f->step++;
			return RD_ALL;
		}
		if (f->first_run)
			ui_reset(ui, &screen_main_menu, NULL);
		else
			ui_pop(ui);
		ui_message(ui, 0, "%s", _("Saved."));
		return RD_ALL;
	}
	if (f->step == STEP_LANG)
		return listview_handle(&f->langs, in, 2) ? RD_SCREEN : RD_NONE;
	if (f->step == STEP_NAME)
		return lineedit_handle(&f->name, in) ? RD_SCREEN : RD_NONE;
	return listview_handle(&f->districts, in, LINES - 9) ? RD_SCREEN : RD_NONE;
}

static void first_leave(struct ui *ui, void *state)
{
	struct first_state *f = state;
	(void)ui;
	places_free(&f->places);
	free(f->place_labels);
	free(f);
}

const struct screen screen_first_run = {
	.name = "first_run",
	.enter = first_enter,
	.draw = first_draw,
	.handle = first_handle,
	.leave = first_leave,
	.keys = N_("Enter next  Esc back  F1 help  F10 quit"),
	.help = N_("Choose the language of sxsh, type your name as it should appear on "
		   "assessments and sign-in sheets, and choose the commune or ward you work "
		   "in (the units in force since 1 July 2025), or the provincial office. The "
		   "dashboard opens on that area, and new records are placed there. You "
		   "can change all three later from Settings in the main menu."),
};
