/* register.c — registering people for a session from one short form.
 *
 * While the officer types a name, the people already in the registry with
 * that name are listed under the form; those with the same year of birth
 * or phone are marked as likely the same person and Enter picks them
 * instead of creating a duplicate.  While the unit is typed, the facility
 * registry is searched: F3 takes the facility shown (and a unit typed as a
 * facility's exact name is linked too), so that the person works there
 * and their attendance counts the facility as informed (coverage.h); any
 * other text stays a free-text unit.
 *
 * Typing a course list from paper is mostly retyping: after each
 * registration the fields usually shared by the next person (unit and its
 * facility, category, ethnicity) stay filled and are marked as kept, F5
 * empties the whole form; a digit typed in the name goes on into the year,
 * a fifth digit of the year into the phone; the gender follows the middle
 * name (Văn, Thị) until it is chosen by hand.  Esc on a walk-in form
 * cancels that walk-in: the form is emptied. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "training/attendance.h"
#include "ui/draw.h"
#include "base/i18n.h"
#include "ui/lineedit.h"
#include "base/mem.h"
#include "base/phone.h"
#include "records/facility.h"
#include "records/people.h"
#include "ui/screen.h"
#include "training/session.h"
#include "base/text.h"
#include "ui/training.h"

/* The form's fields, in the order a walk-in is asked. */
enum { F_NAME, F_YEAR, F_PHONE, F_GENDER, F_ETHNIC, F_CATEGORY, F_UNIT, F_POSITION, NF };
#define LIST_MAX 30
#define LABEL_W 22

static const char *const labels[NF] = {
	N_("Full name"), N_("Year of birth"), N_("Phone"), N_("Gender"), N_("Ethnicity"),
	N_("Category"), N_("Unit"), N_("Position"),
};

struct register_draft {
	struct lineedit text[NF];   /* typed fields (unused for the two choices) */
	int gender;                 /* index in people_genders, -1 for none */
	int gender_by_hand;         /* chosen with the keys: the name no longer sets it */
	int kept;                   /* unit, category, ethnicity kept from the last person */
	int category;               /* index in people_categories, -1 for none */
	int focus;                  /* a field, or NF for the list of matches */
	char facility[37];          /* the facility the unit names, or "" */
};

struct reg {
	char session_uuid[37];      /* the session */
	char *title;                /* its title */
	int walk_in;                /* registering on the day */
	struct register_draft *d;   /* the form (owned by the session screen) */
	struct person_row *rows;    /* matches: likely duplicates first */
	long n;                     /* how many */
	long ndup;                  /* how many of them are likely duplicates */
	int sel, top;               /* selection in the matches */
	struct participant *in;     /* people already registered */
	long nin;                   /* how many */
	struct facility_row *units; /* facilities matching the typed unit */
	long nunits;                /* how many */
};

/* Search the facility registry for the typed unit; link it when the text
 * is exactly a facility's name (capitals and accents aside). */
static void find_units(struct ui *ui, struct reg *r)
{
	struct sx_err err = {0};
	char *unit = lineedit_text(&r->d->text[F_UNIT]), *want = text_fold(unit);

	facility_rows_free(r->units, r->nunits > 0 ? (size_t)r->nunits : 0);
	r->units = NULL;
	r->nunits = 0;
	r->d->facility[0] = '\0';
	if (*unit)
		r->nunits = facility_search(ui_ctx(ui)->db, unit, 3, &r->units, &err);
	if (r->nunits < 0)
		r->nunits = 0;
	for (long i = 0; want && i < r->nunits; i++) {
		char *name = text_fold(r->units[i].name);
		if (name && strcmp(name, want) == 0)
			snprintf(r->d->facility, sizeof r->d->facility, "%s", r->units[i].uuid);
		free(name);
	}
	free(want);
	free(unit);
	sx_err_clear(&err);
}

struct register_draft *register_draft_new(void)
{
	struct register_draft *d = xcalloc(1, sizeof *d);
	d->gender = d->category = -1;
	return d;
}

void register_draft_free(struct register_draft *d)
{
	free(d);
}

/* Empty the whole form. */
static void draft_reset(struct register_draft *d)
{
	memset(d, 0, sizeof *d);
	d->gender = d->category = -1;
}

/* Empty the fields of the person just registered; keep those the next
 * person usually shares (unit and facility, category, ethnicity). */
static void draft_next(struct register_draft *d)
{
	static const int own[] = { F_NAME, F_YEAR, F_PHONE, F_POSITION };
	for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
		lineedit_set(&d->text[own[i]], NULL);
	d->gender = -1;
	d->gender_by_hand = 0;
	d->focus = F_NAME;
	d->kept = d->category >= 0 || d->text[F_UNIT].len || d->text[F_ETHNIC].len;
}

/* The gender a Vietnamese middle name gives (Văn: male, Thị: female), or -1. */
static int gender_from_name(const char *name)
{
	char *f = text_fold(name);
	const char *p = f;
	int g = -1, words = 0;

	while (p && *p) {   /* not the first word (family name) nor the last (given name) */
		size_t n = strcspn(p, " ");
		if (words > 0 && p[n] && n == 3 && strncmp(p, "van", 3) == 0)
			g = 0;
		else if (words > 0 && p[n] && n == 3 && strncmp(p, "thi", 3) == 0)
			g = 1;
		words++;
		p += n;
		p += strspn(p, " ");
	}
	free(f);
	return g;
}

static int is_choice(int f)
{
	return f == F_GENDER || f == F_CATEGORY;
}

static int typed_year(const struct register_draft *d)
{
	char *y = lineedit_text(&d->text[F_YEAR]);
	int year = atoi(y);
	free(y);
	return year;
}

static int is_registered(const struct reg *r, const char *uuid)
{
	for (long i = 0; i < r->nin; i++)
		if (strcmp(r->in[i].person_uuid, uuid) == 0)
			return 1;
	return 0;
}

static void load_registered(struct ui *ui, struct reg *r)
{
	struct sx_err err = {0};
	attendance_participants_free(r->in, r->nin > 0 ? (size_t)r->nin : 0);
	r->nin = attendance_participants(ui_ctx(ui)->db, r->session_uuid, &r->in, &err);
	if (r->nin < 0) {
		ui_message(ui, 1, "%s", sx_err_last(&err));
		r->nin = 0;
	}
	sx_err_clear(&err);
}

/* Put the likely duplicates first, then other people with the name. */
static void merge(struct reg *r, struct person_row *dup, long nd, struct person_row *found,
		  long nf)
{
	r->rows = xcalloc((size_t)(nd + nf) + 1, sizeof *r->rows);
	for (long i = 0; i < nd; i++)
		r->rows[r->n++] = dup[i];
	for (long i = 0; i < nf; i++) {
		int seen = 0;
		for (long k = 0; k < nd; k++)
			seen |= strcmp(dup[k].uuid, found[i].uuid) == 0;
		if (seen) {     /* listed already as a likely duplicate */
			free(found[i].full_name);
			free(found[i].phone);
			free(found[i].unit);
			free(found[i].category);
		} else
			r->rows[r->n++] = found[i];
	}
	free(dup);
	free(found);
	r->ndup = nd;
}

/* Look the typed name up again (after every change to name, year, phone). */
static void find_matches(struct ui *ui, struct reg *r)
{
	struct sx_err err = {0};
	struct sx_db *db = ui_ctx(ui)->db;
	char *name = lineedit_text(&r->d->text[F_NAME]);
	char *phone = lineedit_text(&r->d->text[F_PHONE]);
	struct person_row *dup = NULL, *found = NULL;
	long nd = 0, nf = 0;

	people_rows_free(r->rows, r->n > 0 ? (size_t)r->n : 0);
	r->rows = NULL;
	r->n = r->ndup = 0;
	r->sel = r->top = 0;
	if (*name) {
		nd = people_duplicates(db, name, typed_year(r->d), phone, NULL, LIST_MAX, &dup, &err);
		if (nd >= 0)
			nf = people_search(db, name, LIST_MAX, &found, &err);
	}
	if (nd < 0 || nf < 0) {
		ui_message(ui, 1, "%s", sx_err_last(&err));
		people_rows_free(dup, nd > 0 ? (size_t)nd : 0);
		nd = nf = 0;
		dup = NULL;
	}
	merge(r, dup, nd, found, nf);
	free(name);
	free(phone);
	sx_err_clear(&err);
}

static void *reg_enter(struct ui *ui, const void *varg)
{
	const struct register_arg *a = varg;
	struct reg *r = xcalloc(1, sizeof *r);
	struct sx_err err = {0};
	struct session s;

	snprintf(r->session_uuid, sizeof r->session_uuid, "%s", a->session_uuid);
	r->walk_in = a->walk_in;
	r->d = a->draft;
	if (session_get(ui_ctx(ui)->db, r->session_uuid, &s, &err) == 0) {
		r->title = xstrdup(s.title);
		session_clear(&s);
	}
	sx_err_clear(&err);
	if (r->d->focus == NF)
		r->d->focus = F_NAME;
	load_registered(ui, r);
	find_matches(ui, r);
	return r;
}

static const char *choice_label(const struct register_draft *d, int f)
{
	if (f == F_GENDER && d->gender >= 0 && !d->gender_by_hand)
		return d->gender == 0 ? _("Male (from the middle name)")
				      : _("Female (from the middle name)");
	if (f == F_GENDER)
		return d->gender < 0 ? "—" : _(people_genders[d->gender].label);
	return d->category < 0 ? "—" : _(people_categories[d->category].label);
}

static void draw_form(struct reg *r)
{
	int x = 2 + LABEL_W, w = COLS - x - 2 > 50 ? 50 : COLS - x - 2, cy = -1;

	for (int f = 0; f < NF; f++) {
		int y = 4 + f, on = r->d->focus == f;
		draw_text(y, 2, LABEL_W - 1, on ? R_TITLE : R_NORMAL, _(labels[f]));
		if (is_choice(f)) {
			char *v = on ? xasprintf("< %s >", choice_label(r->d, f))
				: xstrdup(choice_label(r->d, f));
			draw_text(y, x, w, on ? R_SELECTED : R_NORMAL, v);
			free(v);
		} else if (!on) {
			lineedit_draw(&r->d->text[f], y, x, w);
		} else {
			cy = y;
		}
	}
	if (cy >= 0)   /* last, so that the terminal cursor stays in the field */
		lineedit_draw(&r->d->text[r->d->focus], cy, x, w);
}

static void draw_matches(struct reg *r)
{
	int y0 = 5 + NF, rows = LINES - y0 - 3, namew = COLS / 3;

	if (r->n == 0 || rows < 1)
		return;
	draw_text(y0, 2, COLS - 4, R_DIM, r->ndup
		  ? _("Probably already in the registry (!) — Enter, then Enter picks:")
		  : _("Already in the registry with this name — PgDn, then Enter picks:"));
	if (r->sel < r->top)
		r->top = r->sel;
	if (r->sel >= r->top + rows)
		r->top = r->sel - rows + 1;
	for (int i = 0; i < rows && r->top + i < r->n; i++) {
		const struct person_row *p = &r->rows[r->top + i];
		int on = r->d->focus == NF && r->top + i == r->sel, y = y0 + 1 + i;
		enum role role = on ? R_SELECTED : R_NORMAL;
		const char *note = is_registered(r, p->uuid) ? _("(already registered)") : "";
		int notew = text_width(note), restw = COLS - namew - 13 - (notew ? notew + 1 : 0);
		char *rest = xasprintf("%-12s  %s", p->phone, p->unit);
		char year[8];
		if (on)
			draw_fill(y, 1, COLS - 2, role);
		snprintf(year, sizeof year, "%d", p->birth_year);
		draw_text(y, 2, 2, p->likely_dup ? R_ERROR : role, p->likely_dup ? "!" : " ");
		draw_text(y, 4, namew, role, p->full_name);
		draw_text(y, 5 + namew, 5, role, p->birth_year ? year : "—");
		draw_text(y, 11 + namew, restw, role, rest);
		if (notew)   /* its own column: never cut off by a long unit */
			draw_text(y, COLS - 2 - notew, notew, on ? role : R_ERROR, note);
		free(rest);
	}
}

/* Under the title: the facility the unit links to, or the one F3 would take. */
static void draw_unit_hint(const struct reg *r)
{
	char *line = NULL;
	if (r->d->facility[0])
		line = xstrdup(_("Unit: linked to the facility registry (attending informs it)"));
	else if (r->d->focus == F_UNIT && r->nunits > 0)
		line = xasprintf(_("F3: %s%s%s (from the facility registry)"), r->units[0].name,
				 *r->units[0].place ? ", " : "", r->units[0].place);
	if (line)
		draw_text(3, 2, COLS - 4, r->d->facility[0] ? R_GOOD : R_DIM, line);
	free(line);
}

static void reg_draw(struct ui *ui, void *state)
{
	struct reg *r = state;
	char *head = xasprintf("%s: %s", r->walk_in ? _("Walk-in registration")
			       : _("Registration"), r->title ? r->title : "");
	char *count = xasprintf(_("%ld registered"), r->nin);

	ui_title(ui, r->walk_in ? _("Walk-in registration") : _("Registration"));
	draw_text(2, 2, COLS - text_width(count) - 6, R_TITLE, head);
	draw_text(2, COLS - text_width(count) - 2, text_width(count), R_DIM, count);
	if (r->d->kept)
		draw_text(4 + NF, 2, COLS - 4, R_DIM,
			  _("Unit, category and ethnicity stay for the next person; F5 empties the form."));
	draw_matches(r);
	draw_unit_hint(r);
	draw_form(r);
	free(head);
	free(count);
}

/* Register a person; 1 when registered (the form can be cleared). */
static int do_register(struct ui *ui, struct reg *r, const char *uuid, const char *name)
{
	struct sx_err err = {0};
	int rc = attendance_register(ui_ctx(ui)->db, r->session_uuid, uuid, r->walk_in, &err);
	int done = rc == 0;

	if (rc < 0) {
		ui_message(ui, 1, "%s", sx_err_last(&err));
	} else if (rc == 1) {
		ui_message(ui, 1, _("%s is already registered for this session."), name);
	} else {
		load_registered(ui, r);
		ui_message(ui, 0, _("Registered %s. Participants: %ld."), name, r->nin);
	}
	sx_err_clear(&err);
	return done;
}

/* Save the form as a new person and register them; 1 when done. */
static int register_new(struct ui *ui, struct reg *r)
{
	struct sx_db *db = ui_ctx(ui)->db;
	struct sx_err err = {0};
	struct person p = {0};
	char *name;
	int done = 0;

	p.full_name = lineedit_text(&r->d->text[F_NAME]);
	p.birth_year = typed_year(r->d);
	p.phone = lineedit_text(&r->d->text[F_PHONE]);
	p.unit = lineedit_text(&r->d->text[F_UNIT]);
	p.facility_uuid = r->d->facility[0] ? xstrdup(r->d->facility) : NULL;
	p.position = lineedit_text(&r->d->text[F_POSITION]);
	p.ethnicity = lineedit_text(&r->d->text[F_ETHNIC]);
	p.gender = r->d->gender < 0 ? NULL : xstrdup(people_genders[r->d->gender].code);
	p.category = r->d->category < 0 ? NULL
		: xstrdup(people_categories[r->d->category].code);
	p.place_uuid = db_setting(db, "home_district");
	char phone[PHONE_MAX] = "";
	if (p.phone && phone_canon(p.phone, phone) != 0) {
		ui_message(ui, 1, "%s", _("Not a phone number: a mobile is 0 and 9 digits (0912 345 678),"
			   " a landline 0, the area code and the number, 11 digits (0212 3852 123)."));
		person_clear(&p);
		return 0;
	}
	free(p.phone);
	p.phone = *phone ? xstrdup(phone) : NULL;
	if (person_save(db, &p, &err) != 0) {
		ui_message(ui, 1, "%s", sx_err_last(&err));
	} else {
		name = xstrdup(p.full_name);
		done = do_register(ui, r, p.uuid, name);
		free(name);
	}
	person_clear(&p);
	sx_err_clear(&err);
	return done;
}

/* Enter on the form: register, unless the person is probably known;
 * 1 when registered. */
static int submit(struct ui *ui, struct reg *r, int force_new)
{
	int done = 0;
	char *name = lineedit_text(&r->d->text[F_NAME]);
	char *year = lineedit_text(&r->d->text[F_YEAR]);
	int blank = !*name, bad_year = *year && (atoi(year) < 1900 || atoi(year) > 2100);

	if (blank || bad_year) {
		ui_message(ui, 1, "%s", blank ? _("Type the full name first.")
			   : _("The year of birth must be between 1900 and 2100."));
		r->d->focus = blank ? F_NAME : F_YEAR;
	} else if (r->ndup && !force_new) {
		r->d->focus = NF;
		r->sel = 0;
		ui_message(ui, 1, _("Likely the same person: %s. Enter picks them, F2 adds a new "
				    "person."), r->rows[0].full_name);
	} else {
		done = register_new(ui, r);
	}
	free(name);
	free(year);
	return done;
}

static void pick_choice(struct register_draft *d, int delta)
{
	int *v = d->focus == F_GENDER ? &d->gender : &d->category;
	if (d->focus == F_GENDER)
		d->gender_by_hand = 1;
	int n = d->focus == F_GENDER ? (int)people_ngenders : (int)people_ncategories;
	*v = ((*v < 0 ? (delta > 0 ? -1 : n) : *v) + delta + n + 1) % (n + 1);
	if (*v == n)
		*v = -1;
}

/* Keys while a field of the form has the focus; 1 when handled. */
static int form_key(struct ui *ui, struct reg *r, const struct input *in)
{
	struct register_draft *d = r->d;
	int f = d->focus;

	if (is_choice(f) && (in->act == ACT_LEFT || in->act == ACT_RIGHT ||
			     (in->act == ACT_CHAR && in->ch == ' '))) {
		pick_choice(d, in->act == ACT_LEFT ? -1 : 1);
		return 1;
	}
	if (is_choice(f))
		return 0;
	if (in->act == ACT_CHAR && iswdigit((wint_t)in->ch) &&
	    (f == F_NAME || (f == F_YEAR && d->text[F_YEAR].len >= 4)))
		d->focus = f = f + 1;   /* no digit in a name, 4 in a year: type on */
	if (f == F_YEAR && in->act == ACT_CHAR && !iswdigit((wint_t)in->ch))
		return 1;   /* only digits in a year */
	if (!lineedit_handle(&d->text[f], in))
		return 0;
	if (f == F_NAME && !d->gender_by_hand) {
		char *name = lineedit_text(&d->text[F_NAME]);
		d->gender = gender_from_name(name);
		free(name);
	}
	if (f == F_NAME || f == F_YEAR || f == F_PHONE)
		find_matches(ui, r);
	if (f == F_UNIT)
		find_units(ui, r);
	return 1;
}

static int move_focus(struct reg *r, int delta)
{
	int f = r->d->focus;
	if (f == NF) {
		if (delta > 0 && r->sel + 1 < r->n)
			r->sel++;
		else if (delta < 0 && r->sel > 0)
			r->sel--;
		else if (delta < 0)
			r->d->focus = NF - 1;
		return RD_SCREEN;
	}
	f += delta;
	if (f >= NF)
		f = r->n ? NF : NF - 1;
	r->d->focus = f < 0 ? 0 : f;
	return RD_SCREEN;
}

static int reg_handle(struct ui *ui, void *state, const struct input *in)
{
	struct reg *r = state;
	int done;

	switch (in->act) {
	case ACT_BACK:
		if (r->walk_in)   /* a walk-in cancelled: nothing of them stays */
			draft_reset(r->d);
		ui_pop(ui);       /* a registration form stays in the draft for next time */
		return RD_ALL;
	case ACT_PGDN:
		if (r->n)
			r->d->focus = NF;
		return RD_SCREEN;
	case ACT_UP: case ACT_BTAB: return move_focus(r, -1);
	case ACT_DOWN: case ACT_TAB: return move_focus(r, 1);
	case ACT_OK:
		if (r->d->focus == NF && r->n)
			done = do_register(ui, r, r->rows[r->sel].uuid, r->rows[r->sel].full_name);
		else
			done = submit(ui, r, 0);
		break;
	case ACT_FKEY:
		if (in->ch == 5) {
			draft_reset(r->d);
			find_matches(ui, r);
			find_units(ui, r);
			ui_message(ui, 0, "%s", _("The form is empty."));
			return RD_SCREEN;
		}
		if (in->ch == 3 && r->d->focus == F_UNIT && r->nunits > 0) {
			lineedit_set(&r->d->text[F_UNIT], r->units[0].name);
			find_units(ui, r);
			return RD_SCREEN;
		}
		if (in->ch != 2)
			return RD_NONE;
		done = submit(ui, r, 1);
		break;
	default:
		return r->d->focus < NF && form_key(ui, r, in) ? RD_SCREEN : RD_NONE;
	}
	if (done) {     /* the form for the next person, shared fields kept */
		draft_next(r->d);
		find_matches(ui, r);
	}
	return RD_SCREEN;
}

static void reg_leave(struct ui *ui, void *state)
{
	struct reg *r = state;
	(void)ui;
	people_rows_free(r->rows, r->n > 0 ? (size_t)r->n : 0);
	attendance_participants_free(r->in, r->nin > 0 ? (size_t)r->nin : 0);
	facility_rows_free(r->units, r->nunits > 0 ? (size_t)r->nunits : 0);
	free(r->title);
	free(r);
}

const struct screen screen_register = {
	.name = "register",
	.enter = reg_enter,
	.draw = reg_draw,
	.handle = reg_handle,
	.leave = reg_leave,
	.keys = N_("Enter register  F2 new anyway  F3 facility  F5 empty  PgDn list  Esc back"),
	.help = N_("Type the person's name, year of birth and phone (a digit typed in the name "
		   "goes on into the year, a fifth digit of the year into the phone); Up/Down "
		   "move between fields, Left/Right choose. The gender follows the middle name "
		   "(Văn, Thị) until you choose it. People already in the registry with that "
		   "name appear below; ! marks one with the same year of birth or phone, who is "
		   "probably the same person. Enter registers: a likely match is picked instead "
		   "of creating a duplicate (press Enter again to register them, or F2 to add a "
		   "new person anyway). PgDn moves into the list to pick someone else. Typing "
		   "the unit searches the facility registry: F3 takes the facility shown, so "
		   "that the person is linked to it and their attendance counts it as informed; "
		   "any other unit stays as typed. After each registration the unit, category "
		   "and ethnicity stay for the next person; F5 empties the whole form. Esc keeps "
		   "a registration form for later, but cancels a walk-in: its form is emptied."),
};
