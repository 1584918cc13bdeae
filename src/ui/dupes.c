/* dupes.c — likely duplicates after a merge: the list of pairs, and one
 * pair side by side where the officer keeps one record or says the two are
 * different.  The data comes from the dupes_* core module. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "ui/draw.h"
#include "records/dupes.h"
#include "base/i18n.h"
#include "ui/listview.h"
#include "base/mem.h"
#include "ui/screen.h"
#include "base/text.h"

/* Pairs shown at most (a province-wide merge rarely has more). */
#define SHOW_MAX 2000

struct dlist {
	struct dupes_pair *pairs;   /* the pairs, people first */
	long n;                     /* how many */
	int sel, top;               /* selection and scroll */
};

/* One pair open side by side. */
struct dpair {
	struct dupes_pair p;        /* kind, uuids and names (strings owned) */
	struct dupes_field *f;      /* the rows */
	long n;                     /* how many */
	int top;                    /* first row shown */
};

static const struct screen screen_dupes_pair;

static void reload(struct ui *ui, struct dlist *l)
{
	struct sx_err err = {0};

	dupes_free(l->pairs, l->n > 0 ? (size_t)l->n : 0);
	l->n = dupes_list(ui_ctx(ui)->db, SHOW_MAX, &l->pairs, &err);
	if (l->n < 0) {
		ui_message(ui, 1, "%s", sx_err_last(&err));
		l->n = 0;
	}
	if (l->sel >= l->n)
		l->sel = l->n ? (int)l->n - 1 : 0;
	sx_err_clear(&err);
}

static void *dlist_enter(struct ui *ui, const void *arg)
{
	struct dlist *l = xcalloc(1, sizeof *l);
	(void)arg;
	reload(ui, l);
	return l;
}

/* What the two share, as a short text: a year, a phone, a place. */
static char *shared(const struct dupes_pair *p)
{
	if (p->kind == DUPES_FACILITY)
		return xstrdup(p->place);
	if (p->birth_year)
		return xasprintf(_("born %d"), p->birth_year);
	return xasprintf(_("phone %s"), p->phone);
}

static void dlist_draw(struct ui *ui, void *state)
{
	struct dlist *l = state;
	int rows = LINES - 7, kindw = 10, sharew = COLS / 5, namew = (COLS - kindw - sharew - 6) / 2;
	char count[64];

	ui_title(ui, _("Likely duplicates"));
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
	snprintf(count, sizeof count, _("pairs: %ld"), l->n);
	draw_text(2, 2, COLS - 4, R_TITLE, _("Records that are probably the same, entered twice:"));
	draw_text(2, COLS - text_width(count) - 2, 20, R_DIM, count);
	draw_text(3, 2, kindw, R_DIM, _("Kind"));
	draw_text(3, 3 + kindw, namew, R_DIM, _("First record"));
	draw_text(3, 4 + kindw + namew, namew, R_DIM, _("Second record"));
	draw_text(3, 5 + kindw + 2 * namew, sharew, R_DIM, _("Shared"));
	if (l->n == 0)
		draw_text(5, 2, COLS - 4, R_NORMAL, _("No likely duplicates."));
	for (int i = 0; i < rows && l->top + i < l->n; i++) {
		const struct dupes_pair *p = &l->pairs[l->top + i];
		enum role role = l->top + i == l->sel ? R_SELECTED : R_NORMAL;
		char *s = shared(p);
		if (role == R_SELECTED)
			draw_fill(4 + i, 1, COLS - 2, role);
		draw_text(4 + i, 2, kindw, role, p->kind == DUPES_PERSON ? _("Person") : _("Facility"));
		draw_text(4 + i, 3 + kindw, namew, role, p->name_a);
		draw_text(4 + i, 4 + kindw + namew, namew, role, p->name_b);
		draw_text(4 + i, 5 + kindw + 2 * namew, sharew, role, s);
		free(s);
	}
}

/* F8: remember that the pair is two different records, after asking;
 * 1 when it was remembered. */
static int not_same(struct ui *ui, const struct dupes_pair *p)
{
	struct sx_err err = {0};
	int done = 0;
	char *ask = xasprintf(_("\"%s\" and \"%s\" are different records: stop listing them "
				"as likely duplicates?"), p->name_a, p->name_b);
	if (draw_confirm(ask)) {
		done = dupes_ignore(ui_ctx(ui)->db, p->a, p->b, &err) == 0;
		if (done)
			ui_message(ui, 0, "%s", _("They will not be listed again."));
		else
			ui_message(ui, 1, "%s", sx_err_last(&err));
	}
	free(ask);
	sx_err_clear(&err);
	return done;
}

static int dlist_handle(struct ui *ui, void *state, const struct input *in)
{
	struct dlist *l = state;

	if (listview_move(&l->sel, l->n, LINES - 7, in, 1))
		return RD_SCREEN;
	if (in->act == ACT_BACK) {
		ui_pop(ui);
		return RD_ALL;
	}
	if (in->act == ACT_OK && l->n) {
		ui_push(ui, &screen_dupes_pair, &l->pairs[l->sel]);
		return RD_ALL;
	}
	if (in->act == ACT_FKEY && in->ch == 8 && l->n) {
		not_same(ui, &l->pairs[l->sel]);
		reload(ui, l);
		return RD_ALL;
	}
	return RD_NONE;
}

/* Back from a pair: it may be merged or set aside. */
static void dlist_resume(struct ui *ui, void *state)
{
	reload(ui, state);
}

static void dlist_leave(struct ui *ui, void *state)
{
	struct dlist *l = state;
	(void)ui;
	dupes_free(l->pairs, (size_t)l->n);
	free(l);
}

const struct screen screen_dupes = {
	.name = "dupes",
	.enter = dlist_enter,
	.draw = dlist_draw,
	.handle = dlist_handle,
	.leave = dlist_leave,
	.resume = dlist_resume,
	.keys = N_("Enter compare  F8 not a duplicate  Esc back"),
	.help = N_("When files from several laptops are merged, one person or facility may "
		   "have been entered on two of them. Listed here are people with the same name "
		   "(accents and capitals aside) and the same year of birth or phone, and "
		   "facilities with the same name in the same district. Enter shows the two side "
		   "by side, where you keep one of them; F8 says they are different records, and "
		   "the pair is not listed again."),
};

static void *dpair_enter(struct ui *ui, const void *arg)
{
	const struct dupes_pair *src = arg;
	struct dpair *s = xcalloc(1, sizeof *s);
	struct sx_err err = {0};

	s->p = *src;
	s->p.name_a = xstrdup(src->name_a);
	s->p.name_b = xstrdup(src->name_b);
	s->p.sort_key = s->p.phone = s->p.place = NULL;
	s->n = dupes_compare(ui_ctx(ui)->db, s->p.kind, s->p.a, s->p.b, &s->f, &err);
	if (s->n < 0) {
		ui_message(ui, 1, "%s", sx_err_last(&err));
		s->n = 0;
	}
	sx_err_clear(&err);
	return s;
}

static void dpair_draw(struct ui *ui, void *state)
{
	struct dpair *s = state;
	int rows = LINES - 6, lw = COLS * 7 / 20, cw = (COLS - lw - 6) / 2;
	int xa = lw + 4, xb = xa + cw + 1;

	ui_title(ui, _("Compare likely duplicates"));
	draw_text(2, xa, cw, R_TITLE, _("Left: F5 keeps it"));
	draw_text(2, xb, cw, R_TITLE, _("Right: F6 keeps it"));
	if (s->top > s->n - rows)
		s->top = s->n - rows > 0 ? (int)s->n - rows : 0;
	for (int i = 0; i < rows && s->top + i < s->n; i++) {
		const struct dupes_field *f = &s->f[s->top + i];
		enum role role = f->differ ? R_TITLE : R_NORMAL;
		if (f->differ)
			draw_text(3 + i, 1, 1, R_ERROR, "*");
		draw_text(3 + i, 3, lw, R_DIM, _(f->label));
		draw_text(3 + i, xa, cw, role, f->a);
		draw_text(3 + i, xb, cw, role, f->b);
	}
	if (s->n)
		draw_text(LINES - 3, 2, COLS - 4, R_DIM, _("* the two records differ here"));
}

/* F5/F6: keep one side and merge the other into it, after asking. */
static int keep(struct ui *ui, struct dpair *s, int left)
{
	struct sx_err err = {0};
	const char *k = left ? s->p.a : s->p.b, *d = left ? s->p.b : s->p.a;
	const char *name = left ? s->p.name_a : s->p.name_b;
	char *ask = xasprintf(left ? _("Keep the left record, \"%s\", and merge the right one "
				       "into it? The right one is then deleted.")
				   : _("Keep the right record, \"%s\", and merge the left one "
				       "into it? The left one is then deleted."), name);
	int done = 0;

	if (draw_confirm(ask)) {
		if (dupes_merge(ui_ctx(ui)->db, s->p.kind, k, d, &err) == 0) {
			ui_message(ui, 0, _("Merged into \"%s\"."), name);
			done = 1;
		} else {
			ui_message(ui, 1, "%s", sx_err_last(&err));
		}
	}
	free(ask);
	sx_err_clear(&err);
	return done;
}

static int dpair_handle(struct ui *ui, void *state, const struct input *in)
{
	struct dpair *s = state;

	switch (in->act) {
	case ACT_UP:
		s->top -= s->top > 0;
		return RD_SCREEN;
	case ACT_DOWN:
		s->top++;
		return RD_SCREEN;
	case ACT_BACK:
		ui_pop(ui);
		return RD_ALL;
	case ACT_FKEY:
		if ((in->ch == 5 || in->ch == 6) && s->n && keep(ui, s, in->ch == 5)) {
			ui_pop(ui);
			return RD_ALL;
		}
		if (in->ch == 8 && s->n && not_same(ui, &s->p))
			ui_pop(ui);
		return RD_ALL;
	default:
		return RD_NONE;
	}
}

static void dpair_leave(struct ui *ui, void *state)
{
	struct dpair *s = state;
	(void)ui;
	dupes_fields_free(s->f, s->n > 0 ? (size_t)s->n : 0);
	free(s->p.name_a);
	free(s->p.name_b);
	free(s);
}

static const struct screen screen_dupes_pair = {
	.name = "dupes_pair",
	.enter = dpair_enter,
	.draw = dpair_draw,
	.handle = dpair_handle,
	.leave = dpair_leave,
	.keys = N_("F5 keep left  F6 keep right  F8 not a duplicate  Esc back"),
	.help = N_("The two records side by side; rows marked * differ. F5 keeps the left "
		   "record, F6 the right one: the record you keep takes over the other's training "
		   "sessions and attendance (a person) or assessments and staff (a facility), its "
		   "empty fields are filled from the other, and the other is deleted. Every "
		   "replaced version stays in the history, and the merge reaches the other "
		   "laptops with the next sync. F8 says they are different records."),
};
