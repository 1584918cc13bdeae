/* main_menu.c — the areas of sxsh. */
#include <curses.h>
#include <stdlib.h>

#include "ui/draw.h"
#include "base/i18n.h"
#include "ui/listview.h"
#include "base/mem.h"
#include "ui/screen.h"

/* One entry of the menu: its label, and the screen it opens (NULL for
 * quitting). */
struct entry {
	const char *label;              /* N_() */
	const struct screen *opens;     /* screen, or NULL */
	int quits;                      /* 1 for "Quit" */
};

static const struct entry entries[] = {
	{ N_("Rapid assessments"), &screen_assess_list, 0 },
	{ N_("Facilities"), &screen_facility_list, 0 },
	{ N_("Training and awareness events"), &screen_session_list, 0 },
	{ N_("Sync with other laptops (CSV)"), &screen_sync, 0 },
	{ N_("Likely duplicates (after a merge)"), &screen_dupes, 0 },
	{ N_("Support network (CP organisations)"), &screen_org_list, 0 },
	{ N_("Office on printed documents"), &screen_office_edit, 0 },
	{ N_("Plan dashboard"), &screen_dashboard, 0 },
	{ N_("Settings: language, officer, district"), &screen_first_run, 0 },
	{ N_("Quit"), NULL, 1 },
};
#define NENTRIES (int)(sizeof entries / sizeof entries[0])

struct menu_state {
	const char *labels[NENTRIES];  /* translated labels */
	struct listview list;
};

static void *menu_enter(struct ui *ui, const void *arg)
{
	struct menu_state *m = xcalloc(1, sizeof *m);
	(void)ui;
	(void)arg;
	m->list.items = m->labels;
	m->list.n = NENTRIES;
	return m;
}

static void menu_draw(struct ui *ui, void *state)
{
	struct menu_state *m = state;
	for (int i = 0; i < NENTRIES; i++)   /* the language may have changed */
		m->labels[i] = _(entries[i].label);
	ui_title(ui, _("Main menu"));
	draw_text(2, 2, COLS - 4, R_TITLE, _("What would you like to do?"));
	listview_draw(&m->list, 4, 2, COLS - 4, LINES - 7);
}

static int menu_handle(struct ui *ui, void *state, const struct input *in)
{
	struct menu_state *m = state;
	const struct entry *e;

	if (in->act == ACT_CHAR && (in->ch == 'q' || in->ch == 'Q'))
		return RD_QUIT;
	if (listview_handle(&m->list, in, LINES - 7))
		return RD_SCREEN;
	if (in->act == ACT_BACK) {
		/* The top level: a stray Esc must not close the program. */
		ui_message(ui, 0, "%s", _("This is the main menu. Press q to leave sxsh."));
		return RD_SCREEN;
	}
	if (in->act != ACT_OK)
		return RD_NONE;
	e = &entries[m->list.sel];
	if (e->quits)
		return RD_QUIT;
	ui_push(ui, e->opens, NULL);
	return RD_ALL;
}

static void menu_leave(struct ui *ui, void *state)
{
	(void)ui;
	free(state);
}

const struct screen screen_main_menu = {
	.name = "main_menu",
	.enter = menu_enter,
	.draw = menu_draw,
	.handle = menu_handle,
	.leave = menu_leave,
	.keys = N_("Up/Down choose  Enter open  F1 help  q quit"),
	.help = N_("The main menu lists the areas of sxsh. Move with the Up and Down "
		   "arrows and press Enter to open one; Esc in an area comes back here. "
		   "q (or F10 anywhere) leaves sxsh."),
};
