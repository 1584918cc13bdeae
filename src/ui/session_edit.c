/* session_edit.c — one session's record (kind, title, dates, venue, plan),
 * saved field by field; F3 on the organiser or trainer names an
 * organisation of the support network in that role (records/orgs.h). */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "ui/draw.h"
#include "ui/editor.h"
#include "ui/pending.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "records/orgs.h"
#include "records/places.h"
#include "ui/screen.h"
#include "training/session.h"

enum { NFIELDS = 12, F_ORGANISER = 7, F_TRAINER = 8 };

struct sedit {
	struct editor ed;                /* first: ui_editor_idle() reads it */
	struct ui *ui;
	struct session s;                /* the record being edited */
	char *expected;                  /* s.expected as the editor's digits */
	char *end;                       /* the last day as typed (NULL: one-day session) */
	struct place_list places;        /* districts to choose from */
	struct ed_choice *place_choices; /* the same as editor choices */
	struct session_plan *plans;      /* plans to choose from */
	long nplans;                     /* how many */
	struct ed_choice *plan_choices;  /* the same as editor choices */
	struct ed_choice kinds[4];       /* session kinds */
	struct ed_field fields[NFIELDS];
	int saved;                       /* saved at least once */
	int is_new;                      /* opened for a new session */
	char picked[37];                 /* set by the organisation picker */
	const char *picking;             /* the role being picked, or NULL */
};

static int sedit_commit(void *arg, char *msg, size_t msglen)
{
	struct sedit *e = arg;
	struct sx_err err = {0};
	int rc;

	e->s.expected = e->expected ? atoi(e->expected) : 0;
	/* A new session is saved once it has a title and a first day; until
	 * then the form just keeps what was typed. */
	if (!e->s.uuid[0] && (!e->s.title || !e->s.start_date))
		return 0;
	free(e->s.end_date);   /* session_save fills an empty one in */
	e->s.end_date = xstrdup(e->end);
	rc = session_save(ui_ctx(e->ui)->db, &e->s, &err);
	return ui_commit_result(e->ui, rc, &err, &e->saved, msg, msglen);
}

/* The fields, in the order of an invitation letter. */
static void build_fields(struct sedit *e)
{
	struct session *s = &e->s;
	struct ed_field *d = e->fields;
	size_t k = 0;

	for (size_t i = 0; i < session_nkinds; i++)
		e->kinds[i] = (struct ed_choice){ session_kinds[i].code, session_kinds[i].label };
	d[k++] = (struct ed_field){ .label = N_("Title"), .kind = ED_TEXT, .str = &s->title,
		.required = 1 };
	d[k++] = (struct ed_field){ .label = N_("Kind"), .kind = ED_CHOICE, .str = &s->kind,
		.choices = e->kinds, .nchoices = session_nkinds, .translate = 1, .required = 1 };
	d[k++] = (struct ed_field){ .label = N_("Code"), .kind = ED_TEXT, .str = &s->code };
	d[k++] = (struct ed_field){ .label = N_("First day"), .kind = ED_DATE, .str = &s->start_date,
		.required = 1 };
	d[k++] = (struct ed_field){ .label = N_("Last day (empty: one day)"), .kind = ED_DATE, .str = &e->end };
	d[k++] = (struct ed_field){ .label = N_("Venue"), .kind = ED_TEXT, .str = &s->venue };
	d[k++] = (struct ed_field){ .label = N_("District"), .kind = ED_CHOICE, .str = &s->place_uuid,
		.choices = e->place_choices, .nchoices = e->places.n };
	d[k++] = (struct ed_field){ .label = N_("Organiser"), .kind = ED_TEXT, .str = &s->organiser };
	d[k++] = (struct ed_field){ .label = N_("Trainer"), .kind = ED_TEXT, .str = &s->trainer };
	d[k++] = (struct ed_field){ .label = N_("Topics"), .kind = ED_TEXT, .str = &s->topics };
	d[k++] = (struct ed_field){ .label = N_("Expected participants"), .kind = ED_INT,
		.str = &e->expected, .min = 0, .max = 100000 };
	d[k++] = (struct ed_field){ .label = N_("Plan"), .kind = ED_CHOICE, .str = &s->plan_uuid,
		.choices = e->plan_choices, .nchoices = (size_t)e->nplans };
}

/* Choices for the district and plan fields. */
static void load_choices(struct sedit *e, struct sx_db *db, struct sx_err *err)
{
	if (places_districts(db, &e->places, err) != 0)
		ui_message(e->ui, 1, "%s", sx_err_last(err));
	e->place_choices = xcalloc(e->places.n + 1, sizeof *e->place_choices);
	for (size_t i = 0; i < e->places.n; i++)
		e->place_choices[i] = (struct ed_choice){ e->places.v[i].uuid, e->places.v[i].label };
	e->nplans = session_plans(db, &e->plans, err);
	if (e->nplans < 0) {
		ui_message(e->ui, 1, "%s", sx_err_last(err));
		e->nplans = 0;
	}
	e->plan_choices = xcalloc((size_t)e->nplans + 1, sizeof *e->plan_choices);
	for (long i = 0; i < e->nplans; i++)
		e->plan_choices[i] = (struct ed_choice){ e->plans[i].uuid, e->plans[i].title };
}

static void *sedit_enter(struct ui *ui, const void *arg)
{
	struct sedit *e = xcalloc(1, sizeof *e);
	struct sx_err err = {0};
	struct sx_db *db = ui_ctx(ui)->db;

	e->ui = ui;
	if (arg && session_get(db, arg, &e->s, &err) != 0)
		ui_message(ui, 1, "%s", sx_err_last(&err));
	if (!e->s.uuid[0]) {
		e->is_new = 1;
		e->s.kind = xstrdup("training");
		e->s.place_uuid = db_setting(db, "home_district");
	}
	if (e->s.expected > 0)
		e->expected = xasprintf("%d", e->s.expected);
	if (e->s.end_date && e->s.start_date && strcmp(e->s.end_date, e->s.start_date) != 0)
		e->end = xstrdup(e->s.end_date);
	load_choices(e, db, &err);
	build_fields(e);
	editor_init(&e->ed, e->fields, NFIELDS, sedit_commit, e);
	sx_err_clear(&err);
	return e;
}

static void sedit_draw(struct ui *ui, void *state)
{
	struct sedit *e = state;
	struct sx_db *db = ui_ctx(ui)->db;
	char *org = e->s.uuid[0] ? orgs_session_names(db, e->s.uuid, "organiser") : NULL;
	char *tr = e->s.uuid[0] ? orgs_session_names(db, e->s.uuid, "trainer") : NULL;
	char *l1 = xasprintf("%s: %s", orgs_role_label("organiser"), org ? org : "—");
	char *l2 = xasprintf("%s: %s", orgs_role_label("trainer"), tr ? tr : "—");

	ui_title(ui, e->is_new ? _("New session") : _("Session"));
	editor_draw(&e->ed, 2, COLS - 2, NFIELDS + 1);
	draw_text(NFIELDS + 4, 2, COLS - 4, R_DIM, _("In the support network:"));
	draw_text(NFIELDS + 5, 4, COLS - 6, R_DIM, l1);
	draw_text(NFIELDS + 6, 4, COLS - 6, R_DIM, l2);
	free(l1);
	free(l2);
	free(org);
	free(tr);
}

/* F3 on the organiser or trainer field: pick an organisation of the network. */
static int pick_org(struct ui *ui, struct sedit *e)
{
	struct pick_arg a = { .picked = e->picked };

	if (e->ed.sel != F_ORGANISER && e->ed.sel != F_TRAINER) {
		ui_message(ui, 1, "%s", _("F3 on Organiser or Trainer names an organisation of "
					  "the support network."));
		return RD_SCREEN;
	}
	if (editor_leave(&e->ed) != 0)
		return RD_SCREEN;
	if (!e->s.uuid[0]) {
		ui_message(ui, 1, "%s", _("Type the title and the first day first: the session "
					  "is saved then."));
		return RD_SCREEN;
	}
	e->picking = e->ed.sel == F_ORGANISER ? "organiser" : "trainer";
	e->picked[0] = '\0';
	ui_push(ui, &screen_org_list, &a);
	return RD_ALL;
}

/* Back from the picker: link the organisation, and name it in the field
 * when the field is empty (the sign-in sheet's header reads it). */
static void sedit_resume(struct ui *ui, void *state)
{
	struct sedit *e = state;
	struct sx_err err = {0};
	struct org o = {0};
	const char *role = e->picking;
	char **field;
	char msg[200];

	e->picking = NULL;
	if (!role || !e->picked[0])
		return;
	field = strcmp(role, "organiser") == 0 ? &e->s.organiser : &e->s.trainer;
	if (orgs_link(ui_ctx(ui)->db, e->picked, role, e->s.uuid, &err) < 0
	    || orgs_find(ui_ctx(ui)->db, e->picked, &o, &err) < 0) {
		ui_message(ui, 1, "%s", sx_err_last(&err));
	} else {
		if (!*field || !**field) {
			free(*field);
			*field = xstrdup(o.name);
			if (sedit_commit(e, msg, sizeof msg) < 0)
				ui_message(ui, 1, "%s", msg);
			editor_reload(&e->ed);
		}
		ui_message(ui, 0, _("%s of this session: %s (saved)."), orgs_role_label(role),
			   o.name);
	}
	org_clear(&o);
	sx_err_clear(&err);
}

static int sedit_handle(struct ui *ui, void *state, const struct input *in)
{
	struct sedit *e = state;
	char uuid[37];

	if (in->act == ACT_FKEY && in->ch == 3)
		return pick_org(ui, e);
	if (editor_handle(&e->ed, in))
		return RD_SCREEN;
	if (in->act != ACT_BACK && in->act != ACT_OK)
		return RD_NONE;
	if (ui_editor_pending(ui, &e->ed))
		return RD_SCREEN;
	if (e->is_new && !e->saved && (e->s.title || e->s.start_date) &&
	    !draw_confirm(_("This session has no title or first day yet, so it is not "
			    "saved. Leave and lose what you typed?")))
		return RD_ALL;
	if (e->saved)
		ui_message(ui, 0, "%s", _("Saved."));
	/* A new session goes on to its participants: registering comes next. */
	snprintf(uuid, sizeof uuid, "%s", e->is_new && e->saved ? e->s.uuid : "");
	ui_pop(ui);
	if (uuid[0])
		ui_push(ui, &screen_session_view, uuid);
	return RD_ALL;
}

static void sedit_leave(struct ui *ui, void *state)
{
	struct sedit *e = state;
	(void)ui;
	session_clear(&e->s);
	free(e->expected);
	free(e->end);
	places_free(&e->places);
	free(e->place_choices);
	session_plans_free(e->plans, (size_t)e->nplans);
	free(e->plan_choices);
	free(e);
}

const struct screen screen_session_edit = {
	.name = "session_edit",
	.enter = sedit_enter,
	.draw = sedit_draw,
	.handle = sedit_handle,
	.leave = sedit_leave,
	.resume = sedit_resume,
	.idle = ui_editor_idle,
	.unsaved = ui_editor_unsaved,
	.keys = N_("Up/Down field  Left/Right choose  F3 from the network  Esc back  F1 help"),
	.help = N_("A session: a training course, an awareness conference or a demonstration "
		   "visit. Type the title first; each field is saved when you leave it. Dates "
		   "are typed dd/mm/yyyy; leave the last day empty for a one-day session. The "
		   "plan is filled in from the plan whose period contains the first day. On "
		   "Organiser or Trainer, F3 picks an organisation of the support network: it "
		   "is named in that role (the report lists it) and in the field when empty."),
};
