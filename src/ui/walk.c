/* walk.c — the assessment walkthrough: one question, or one field-list
 * group, per screen; every answer saved when its field is left. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/date.h"
#include "ui/draw.h"
#include "records/facility.h"
#include "assess/assess.h"
#include "form/formdir.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/num.h"
#include "base/text.h"
#include "ui/pending.h"
#include "ui/walk.h"
#include "ui/listview.h"

static enum xform_type type_of(struct walk *w, size_t i)
{
	size_t n;
	const struct fs_item *it = fs_items(w->fs, &n);
	return w->form->nodes[it[i].node].type;
}

static const char *path_of(struct walk *w, size_t i)
{
	size_t n;
	return fs_items(w->fs, &n)[i].path;
}

int walk_typed(struct walk *w, size_t i)
{
	enum xform_type t = type_of(w, i);
	return t == XFT_TEXT || t == XFT_INTEGER || t == XFT_DECIMAL || t == XFT_DATE ||
	       t == XFT_TIME || t == XFT_DATETIME;
}

int walk_visible(struct walk *w, size_t i)
{
	return !fs_type_auto(type_of(w, i)) && fs_relevant(w->fs, i);
}

/* Put the current item's answer into the editing state. */
static void load_item(struct walk *w)
{
	const char *v = fs_get(w->fs, path_of(w, w->cur));
	char shown[11], typed[64];
	double num;

	w->dirty = 0;
	w->error[0] = '\0';
	w->preview[0] = '\0';
	free(w->choices);
	w->choices = fs_choices(w->fs, w->cur, &w->nchoices);
	w->csel = 0;
	for (size_t k = 0; k < w->nchoices; k++) {
		size_t n;
		const struct fs_item *it = fs_items(w->fs, &n);
		const struct xform_node *node = &w->form->nodes[it[w->cur].node];
		if (strcmp(w->form->lists[node->list].c[w->choices[k]].name, v) == 0)
			w->csel = k;
	}
	if (type_of(w, w->cur) == XFT_DATE && date_valid_iso(v)) {
		date_format_user(v, shown);
		lineedit_set(&w->le, shown);
	} else if (walk_numeric(w, w->cur) && num_parse_mark(v, '.', &num) == NUM_OK) {
		num_write_lang(num, i18n_lang(), 0, typed, sizeof typed);
		lineedit_set(&w->le, typed);   /* "3.75" is edited as "3,75" in Vietnamese */
	} else {
		lineedit_set(&w->le, v);
	}
	walk_text_load(w);
}

/* Save every answer that differs from the database (calculations and skip
 * logic included) in one small transaction.  When another sxsh holds the
 * write lock, the answers stay in the session, w->pending says so, and the
 * idle tick saves them: 0 then too.  -1 (w->error set) for other failures. */
static int save_all(struct walk *w)
{
	struct sx_db *db = ui_ctx(w->ui)->db;
	struct sx_err err = {0};
	int rc, previous = 0;

	if (w->pending)
		previous = pending_begin(w->ui);   /* already waiting: do not wait again */
	rc = assess_sync_all(db, w->uuid, w->fs, &err);
	if (w->pending)
		pending_end(w->ui, previous);
	if (rc != 0 && db_busy(db)) {
		w->pending = 1;
		rc = 0;
	} else if (rc != 0) {
		snprintf(w->error, sizeof w->error, "%s", sx_err_last(&err));
	} else {
		w->pending = 0;
	}
	sx_err_clear(&err);
	return rc;
}

/* Store value as the current item's answer and save everything that
 * changed with it. */
static int store(struct walk *w, const char *value)
{
	fs_set(w->fs, path_of(w, w->cur), value);
	return save_all(w);
}

/* A day and month without a year ("20/11") as a date of the current year. */
static int this_year(const char *text, char iso[11])
{
	char today[11], *full;
	int rc;
	size_t n = strlen(text);

	if (n < 3 || n > 5 || strspn(text, "0123456789/-.") != n || strpbrk(text, "/-.") == NULL)
		return -1;
	clock_date(clock_now_ms(), today);
	full = xasprintf("%s%c%.4s", text, *strpbrk(text, "/-."), today);
	rc = date_parse_user(full, iso);
	free(full);
	return rc;
}

/* Typed text as the form stores it: dates ISO, numbers canonical ("25500",
 * "3.75") as read in the UI language (walk_num.c); NULL with w->error set
 * when a number was not settled. */
static char *normalised(struct walk *w, char *text)
{
	enum xform_type t = type_of(w, w->cur);
	char iso[11], *num;

	if (t == XFT_DATE && *text && (date_parse_user(text, iso) == 0 || this_year(text, iso) == 0)) {
		free(text);
		return xstrdup(iso);
	}
	if (walk_numeric(w, w->cur) && *text) {
		num = walk_num_settle(w, text);
		free(text);
		return num;
	}
	return text;
}

/* Check and save the current item before leaving it.  0 when the officer
 * may leave: the answer passes, or is blank (required answers are enforced
 * when finishing, so a draft can be left half done). */
static int leave_item(struct walk *w)
{
	char *text;
	int rc = 0;

	if (!walk_typed(w, w->cur) || !w->dirty)
		return 0;
	text = normalised(w, lineedit_text(&w->le));
	if (!text)
		return -1;
	w->preview[0] = '\0';
	if (*text && fs_check(w->fs, w->cur, text, w->error, sizeof w->error) != 0)
		rc = -1;
	else if (store(w, text) == 0)
		w->dirty = 0;
	else
		rc = -1;
	free(text);
	return rc;
}

static void go_to(struct walk *w, size_t i)
{
	struct sx_err err = {0};
	int previous;

	w->cur = i;
	load_item(w);
	/* Only where to reopen: never worth waiting for another sxsh. */
	previous = pending_begin(w->ui);
	assess_set_position(ui_ctx(w->ui)->db, w->uuid, path_of(w, i), &err);
	pending_end(w->ui, previous);
	sx_err_clear(&err);
}

/* The next (dir 1) or previous (dir -1) visible item from `from`; `from`
 * itself when there is none. */
static size_t step(struct walk *w, size_t from, int dir)
{
	size_t n;
	fs_items(w->fs, &n);
	for (size_t i = from; dir > 0 ? i + 1 < n : i > 0; ) {
		i = dir > 0 ? i + 1 : i - 1;
		if (walk_visible(w, i))
			return i;
	}
	return from;
}

/* The first visible item of the page that item i is on. */
static size_t first_of_page(struct walk *w, size_t i)
{
	size_t n, j;
	const struct fs_item *it = fs_items(w->fs, &n);
	while ((j = step(w, i, -1)) != i && it[j].page == it[i].page)
		i = j;
	return i;
}

/* First visible item of the next or previous page. */
static size_t page_step(struct walk *w, int dir)
{
	size_t n, i = first_of_page(w, w->cur), j;
	const struct fs_item *it = fs_items(w->fs, &n);

	if (dir < 0) {
		j = step(w, i, -1);
		return j == i ? i : first_of_page(w, j);
	}
	for (j = step(w, w->cur, 1); j != w->cur && it[j].page == it[i].page; ) {
		size_t k = step(w, j, 1);
		if (k == j)
			return w->cur;   /* already on the last page */
		j = k;
	}
	return j;
}

/* Where the cursor lands when it comes to item i's page from elsewhere: past the notes that
 * open the page (they stay on screen) to its first question; i itself on a page of notes. */
static size_t land(struct walk *w, size_t i)
{
	size_t n, j = i;
	const struct fs_item *it = fs_items(w->fs, &n);

	if (type_of(w, i) != XFT_NOTE || first_of_page(w, i) != i)
		return i;
	for (size_t k; type_of(w, j) == XFT_NOTE; j = k)
		if ((k = step(w, j, 1)) == j || it[k].page != it[i].page)
			return i;
	return j;
}

/* Item i, or when it is a note followed by a question on the same page, that question: the
 * notes stay on screen, and Enter goes on to what is answered. */
static size_t past_notes(struct walk *w, size_t i)
{
	size_t n, j = i;
	const struct fs_item *it = fs_items(w->fs, &n);

	for (size_t k; type_of(w, j) == XFT_NOTE; j = k)
		if ((k = step(w, j, 1)) == j || it[k].page != it[i].page)
			return i;
	return j;
}

/* The choice name at the highlighted position. */
static const char *csel_name(struct walk *w)
{
	size_t n;
	const struct fs_item *it = fs_items(w->fs, &n);
	const struct xform_node *node = &w->form->nodes[it[w->cur].node];
	return w->form->lists[node->list].c[w->choices[w->csel]].name;
}

/* Space on a choice: select it (select_one) or toggle it (select_multiple). */
static void pick(struct walk *w)
{
	const char *name, *cur;
	char *next;
	size_t len;

	if (!w->nchoices)
		return;
	name = csel_name(w);
	if (type_of(w, w->cur) == XFT_SELECT_ONE) {
		store(w, name);
		return;
	}
	cur = fs_get(w->fs, path_of(w, w->cur));
	len = strlen(name);
	next = xcalloc(strlen(cur) + len + 2, 1);
	/* Rebuild the space-separated list without name, adding it if absent. */
	int had = 0;
	for (const char *p = cur; *p; ) {
		size_t k = strcspn(p, " ");
		if (k == len && strncmp(p, name, len) == 0)
			had = 1;
		else if (k)
			sprintf(next + strlen(next), "%s%.*s", *next ? " " : "", (int)k, p);
		p += k + (p[k] == ' ');
	}
	if (!had)
		sprintf(next + strlen(next), "%s%s", *next ? " " : "", name);
	store(w, next);
	free(next);
}

static const char *choice_label(size_t i, void *arg)
{
	struct walk *w = arg;
	return fs_choice_label(w->fs, w->cur, w->choices[i]);
}

/* A typed letter moves to the first choice whose label starts with it (listview_jump). */
static void jump_letter(struct walk *w, wchar_t ch)
{
	long to = listview_jump(w->nchoices, (long)w->csel, ch, choice_label, w);
	if (to >= 0)
		w->csel = (size_t)to;
}

static void save_changed(const char *path, const char *value, void *arg)
{
	(void)path;
	(void)value;
	(void)arg;   /* assess_sync_all() saves the whole difference afterwards */
}

/* F4 on a repeat: add an instance and go to its first question. */
static void repeat_add(struct walk *w)
{
	size_t n, count = fs_repeat_count(w->fs, w->cur) + 1;
	const struct fs_item *it;
	/* The repeat's item path is "rep"; its new instance is "rep[count]/".  Taken before
	 * adding: the new instance's items come before the repeat's own item. */
	char *prefix = xasprintf("%s[%zu]/", path_of(w, w->cur), count);

	if (fs_repeat_fixed(w->fs, w->cur) || fs_repeat_add(w->fs, w->cur) != 0) {
		ui_message(w->ui, 1, "%s", _("This part has a fixed number of entries."));
		free(prefix);
		return;
	}
	save_all(w);
	/* A typical option picked from the catalogue: on to its first question left open. */
	int picked = walk_cat_offer(w, prefix);
	if (picked)
		save_all(w);
	it = fs_items(w->fs, &n);
	for (int pass = picked ? 0 : 1; pass < 2; pass++)
		for (size_t i = 0; i < n; i++)
			if (strncmp(it[i].path, prefix, strlen(prefix)) == 0 && walk_visible(w, i) &&
			    (pass || (type_of(w, i) != XFT_NOTE && !*fs_get(w->fs, it[i].path)))) {
				go_to(w, i);
				pass = 2;
				break;
			}
	free(prefix);
}

/* The instance (1-based) of the innermost repeat holding the current item, or 0. */
static size_t instance_of(const char *path)
{
	const char *br = NULL;
	for (const char *p = path; (p = strchr(p, '[')) != NULL; p++)
		br = p;
	return br ? (size_t)strtoul(br + 1, NULL, 10) : 0;
}

/* The repeat that the current item's entry belongs to (its innermost), or w->cur. */
static size_t repeat_of(struct walk *w)
{
	size_t n, len;
	const struct fs_item *it = fs_items(w->fs, &n);
	const char *path = it[w->cur].path, *br = strrchr(path, '[');

	if (!br || type_of(w, w->cur) == XFT_REPEAT)
		return w->cur;
	len = (size_t)(br - path);
	for (size_t i = 0; i < n; i++)
		if (strlen(it[i].path) == len && strncmp(it[i].path, path, len) == 0 &&
		    type_of(w, i) == XFT_REPEAT)
			return i;
	return w->cur;
}

/* F8 inside a repeat instance: remove it after asking. */
static void repeat_remove(struct walk *w)
{
	struct sx_err err = {0};
	size_t k = instance_of(path_of(w, w->cur));
	char *ask;

	if (!k || type_of(w, w->cur) == XFT_REPEAT)
		return;
	ask = xasprintf(_("Remove entry %zu and its answers? They stay in the history."), k);
	if (draw_confirm(ask) && fs_repeat_remove(w->fs, w->cur, k, save_changed, NULL) == 0) {
		save_all(w);
		ui_message(w->ui, 0, _("Entry %zu removed."), k);
		size_t n;
		fs_items(w->fs, &n);
		go_to(w, w->cur < n ? (walk_visible(w, w->cur) ? w->cur : step(w, w->cur, -1)) : n - 1);
	}
	free(ask);
	sx_err_clear(&err);
}

static int walk_still_pending(struct walk *w);

/* Where a navigation key goes. */
enum nav { NAV_NEXT, NAV_PREV, NAV_PGDN, NAV_PGUP, NAV_HOME, NAV_END };

/* Save the current item (staying when refused), then move: the target is
 * found after saving, since the answer may change what is shown. */
static int go_item(struct walk *w, enum nav nav)
{
	size_t n, to;

	if (leave_item(w) != 0)
		return RD_SCREEN;
	fs_items(w->fs, &n);
	switch (nav) {
	case NAV_NEXT:
		to = step(w, w->cur, 1);
		if (fs_items(w->fs, &n)[to].page != fs_items(w->fs, &n)[w->cur].page)
			to = land(w, to);
		else
			to = past_notes(w, to);
		break;
	case NAV_PREV: to = step(w, w->cur, -1); break;
	case NAV_PGDN: to = land(w, page_step(w, 1)); break;
	case NAV_PGUP: to = land(w, page_step(w, -1)); break;
	case NAV_HOME: to = walk_visible(w, 0) ? 0 : step(w, 0, 1); break;
	default: to = walk_visible(w, n - 1) ? n - 1 : step(w, n - 1, -1); break;
	}
	if (to != w->cur)
		go_to(w, to);
	return RD_SCREEN;
}

int walk_digit(struct walk *w, wchar_t ch)
{
	if (ch < L'1' || ch > L'9' || w->nchoices > 9 || (size_t)(ch - L'1') >= w->nchoices)
		return -1;
	return (int)(ch - L'1');
}

/* Enter: on to the next question, or from the last one to the review. */
static int next_or_review(struct walk *w)
{
	struct walk_arg review = { .uuid = w->uuid };

	if (leave_item(w) != 0)
		return RD_SCREEN;
	if (step(w, w->cur, 1) != w->cur)   /* the answer may have shown a question after it */
		return go_item(w, NAV_NEXT);
	ui_push(w->ui, &screen_review, &review);
	return RD_ALL;
}

/* 1 when the choice key was handled here, 2 when a single choice was made with a digit
 * (the caller moves on), 0 when the key is the caller's. */
static int handle_choice(struct walk *w, const struct input *in)
{
	switch (in->act) {
	case ACT_UP: if (w->csel > 0) w->csel--; return 1;
	case ACT_DOWN: if (w->csel + 1 < w->nchoices) w->csel++; return 1;
	case ACT_CHAR:
		if (in->ch == ' ') {
			pick(w);
		} else if (walk_digit(w, in->ch) >= 0) {
			/* A digit chooses the numbered answer: a single choice is taken and the
			 * walkthrough moves on; a multiple choice is ticked or unticked. */
			w->csel = (size_t)walk_digit(w, in->ch);
			pick(w);
			if (type_of(w, w->cur) == XFT_SELECT_ONE)
				return 2;
		} else {
			jump_letter(w, in->ch);
		}
		return 1;
	case ACT_OK:
		/* Enter on a single choice takes the highlighted one. */
		if (type_of(w, w->cur) == XFT_SELECT_ONE && w->nchoices &&
		    strcmp(fs_get(w->fs, path_of(w, w->cur)), csel_name(w)) != 0)
			pick(w);
		return 0;
	default:
		return 0;
	}
}

static int walk_handle(struct ui *ui, void *state, const struct input *in)
{
	struct walk *w = state;
	enum xform_type t = type_of(w, w->cur);
	struct walk_arg review = { .uuid = w->uuid };
	char *hint;

	if (t == XFT_SELECT_ONE || t == XFT_SELECT_MULTIPLE) {
		int done = handle_choice(w, in);
		if (done == 2)
			return next_or_review(w);
		if (done)
			return RD_SCREEN;
	}
	if (t == XFT_ACKNOWLEDGE && in->act == ACT_CHAR && in->ch == ' ')
		return store(w, *fs_get(w->fs, path_of(w, w->cur)) ? NULL : "OK"), RD_SCREEN;
	if (walk_text_key(w, in))
		return RD_ALL;
	if (walk_typed(w, w->cur) && in->act != ACT_OK && lineedit_handle(&w->le, in)) {
		w->dirty = 1;
		w->error[0] = '\0';
		walk_num_preview(w);
		walk_text_update(w);
		return RD_SCREEN;
	}
	switch (in->act) {
	case ACT_OK: return next_or_review(w);
	case ACT_TAB: case ACT_DOWN: return go_item(w, NAV_NEXT);
	case ACT_BTAB: case ACT_UP: return go_item(w, NAV_PREV);
	case ACT_PGDN: return go_item(w, NAV_PGDN);
	case ACT_PGUP: return go_item(w, NAV_PGUP);
	case ACT_HOME: return go_item(w, NAV_HOME);
	case ACT_END: return go_item(w, NAV_END);
	case ACT_BACK:
		if (leave_item(w) != 0 || walk_still_pending(w))
			return RD_SCREEN;
		ui_message(ui, 0, "%s", _("Everything is saved; open it again from the list to go on."));
		ui_pop(ui);
		return RD_ALL;
	case ACT_FKEY:
		if (in->ch == 3) {
			hint = fs_hint(w->fs, w->cur);
			draw_popup(_("Hint"), *hint ? hint : _("This question has no hint."));
			free(hint);
			return RD_ALL;
		}
		if (in->ch == 4 && t == XFT_REPEAT)
			repeat_add(w);
		else if (in->ch == 4 && repeat_of(w) != w->cur && leave_item(w) == 0)
			go_to(w, repeat_of(w)), repeat_add(w);   /* inside an entry: one more */
		else if (in->ch == 6)
			walk_cat_show(w);
		else if (in->ch == 8)
			repeat_remove(w);
		else if (in->ch == 9 && leave_item(w) == 0)
			ui_push(ui, &screen_review, &review);
		return RD_ALL;
	default:
		return RD_NONE;
	}
}

/* The item at path (or the next one shown), else the first one shown. */
static size_t position_item(struct walk *w, const char *path)
{
	size_t n;
	const struct fs_item *it = fs_items(w->fs, &n);
	for (size_t i = 0; path && *path && i < n; i++)
		if (strcmp(it[i].path, path) == 0)
			return walk_visible(w, i) ? i : step(w, i, 1);
	return n && walk_visible(w, 0) ? 0 : step(w, 0, 1);
}

/* A new assessment opens at its first question that the facility record and the settings
 * did not answer (the first item shown when all are answered). */
static size_t first_unanswered(struct walk *w)
{
	size_t n, first = position_item(w, NULL);
	fs_items(w->fs, &n);
	for (size_t i = first, k; ; i = k) {
		enum xform_type t = type_of(w, i);
		if (t != XFT_NOTE && t != XFT_GROUP && t != XFT_REPEAT && !*fs_get(w->fs, path_of(w, i)))
			return i;
		if ((k = step(w, i, 1)) == i)
			return first;
	}
}

/* Open the form the assessment was filled with and its answers. */
static int open_assessment(struct walk *w, const struct walk_arg *arg)
{
	struct sx_ctx *ctx = ui_ctx(w->ui);
	struct sx_err err = {0};
	struct assess_row row;
	char *path = NULL;
	int rc = -1;

	if (assess_get(ctx->db, arg->uuid, &row, &err) != 0)
		goto out;
	w->title = xstrdup(row.facility_name);
	path = formdir_path(ctx->datadir, row.form_id, &err);
	if (path && (w->form = xform_load(path, &err)) != NULL) {
		char *who = db_setting(ctx->db, "officer_name");
		char *dev = xasprintf("sxsh:%s", db_origin(ctx->db));
		w->fs = fs_new(w->form, i18n_lang(), clock_now_ms());
		rc = assess_load(ctx->db, arg->uuid, w->fs, &err);
		fs_meta(w->fs, dev, who); /* deviceid, username: the metadata questions */
		free(dev);
		free(who);
	}
	if (rc == 0 && arg->fresh) {
		fs_defaults(w->fs);
		rc = assess_sync_all(ctx->db, arg->uuid, w->fs, &err);
	}
	if (rc == 0)
		w->cur = arg->fresh && !arg->jump ? first_unanswered(w)
			: position_item(w, arg->jump ? arg->jump : row.position);
	free(row.facility_name);
	free(row.form_id);
	free(row.status);
	free(row.position);
out:
	if (rc != 0)
		ui_message(w->ui, 1, "%s", sx_err_last(&err));
	free(path);
	sx_err_clear(&err);
	return rc;
}

static void *walk_enter(struct ui *ui, const void *varg)
{
	struct walk *w = xcalloc(1, sizeof *w);
	w->ui = ui;
	snprintf(w->uuid, sizeof w->uuid, "%s", ((const struct walk_arg *)varg)->uuid);
	if (open_assessment(w, varg) == 0)
		go_to(w, w->cur);
	return w;
}

static void walk_draw(struct ui *ui, void *state)
{
	struct walk *w = state;
	ui_title(ui, w->title ? w->title : "");
	if (w->fs)
		walk_draw_page(w);
	if (w->pending)   /* on the message line; a message of the moment wins */
		draw_bar(LINES - 2, R_ERROR,
			 _("Not saved yet: another sxsh is writing. Kept; saved as soon as it can."));
}

static int walk_handle_safe(struct ui *ui, void *state, const struct input *in)
{
	struct walk *w = state;
	if (!w->fs) {   /* the assessment could not be opened: only leave */
		if (in->act == ACT_BACK || in->act == ACT_OK)
			ui_pop(ui);
		return RD_ALL;
	}
	return walk_handle(ui, state, in);
}

/* Leaving with answers not saved yet: try once more (waiting the usual
 * time); 1 with a message when they still are not (the officer stays). */
static int walk_still_pending(struct walk *w)
{
	if (!w->pending)
		return 0;
	w->pending = 0;
	save_all(w);   /* sets pending again when still busy */
	if (w->pending)
		ui_message(w->ui, 1, "%s", _("Not saved yet: another sxsh is writing. Work on; it is saved when it can."));
	return w->pending;
}

static int walk_idle(struct ui *ui, void *state)
{
	struct walk *w = state;

	if (!w->fs || !w->pending)
		return RD_NONE;
	save_all(w);   /* no wait: pending */
	if (w->pending)
		return RD_NONE;
	ui_message(ui, 0, "%s", _("Saved: the other sxsh has finished writing."));
	return RD_SCREEN;
}

static int walk_unsaved(struct ui *ui, void *state)
{
	struct walk *w = state;
	(void)ui;
	return w->pending;
}

static void walk_leave(struct ui *ui, void *state)
{
	struct walk *w = state;
	(void)ui;
	walk_text_clear(w);
	fs_free(w->fs);
	xform_free(w->form);
	free(w->choices);
	free(w->title);
	free(w);
}

const struct screen screen_walk = {
	.name = "walk",
	.enter = walk_enter,
	.draw = walk_draw,
	.handle = walk_handle_safe,
	.leave = walk_leave,
	.idle = walk_idle,
	.unsaved = walk_unsaved,
	.keys = N_("F3 hint  F4/F8 add/delete  F6 options  F9 review  Esc leave  F1 keys"),
	.help = N_("Enter accepts an answer and moves on (past notes); on the last question it "
		   "opens the review. Every answer is saved as soon as you leave it. "
		   "Tab/Shift-Tab or Up/Down move between questions, PageUp/PageDown between "
		   "pages, Home/End to the first and last. In a list, the digit beside an answer "
		   "chooses it (a single answer moves on, a multiple one ticks); Space chooses "
		   "or ticks; a letter jumps to the first answer starting with it. In free text, "
		   "the rest of a known phrase shows in grey (common observations, earlier "
		   "answers, the catalogue): Right takes a word, End all; F5 lists observations "
		   "and earlier answers. F3 hint. F4/F8 add/remove an entry of a repeated part; "
		   "adding a CP option offers the sector's typical ones (Esc: your own); F6 "
		   "shows them with technique, cost, benefit and source. F9 review and finish. "
		   "Esc leaves; the draft stays."),
};
