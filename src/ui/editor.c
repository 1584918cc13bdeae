/* editor.c — editing a record field by field, saving on leaving each. */
#include "ui/editor.h"
#include "ui/listview.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "ui/draw.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/num.h"
#include "base/phone.h"
#include "base/text.h"

static const struct ed_field *cur(const struct editor *e)
{
	return &e->fields[e->sel];
}

static int is_typed(enum ed_kind k)
{
	return k == ED_TEXT || k == ED_INT || k == ED_DATE || k == ED_PHONE;
}

/* Put the stored value of the current field into the line editor. */
static void load(struct editor *e)
{
	const struct ed_field *f = cur(e);
	char shown[11];

	e->dirty = 0;
	if (!is_typed(f->kind))
		return;
	if (f->kind == ED_DATE && *f->str && date_valid_iso(*f->str)) {
		date_format_user(*f->str, shown);
		lineedit_set(&e->le, shown);
	} else {
		lineedit_set(&e->le, *f->str);
	}
}

void editor_reload(struct editor *e)
{
	load(e);
}

void editor_init(struct editor *e, const struct ed_field *fields, size_t n,
		 int (*commit)(void *arg, char *msg, size_t msglen), void *arg)
{
	memset(e, 0, sizeof *e);
	e->fields = fields;
	e->n = n;
	e->commit = commit;
	e->arg = arg;
	load(e);
}

/* Check typed text for the field; the value to store (NULL for empty) or
 * (char *)-1 with e->error set. */
static char *checked(struct editor *e, const struct ed_field *f, char *text)
{
	char iso[11];
	long v;

	if (!*text) {
		if (f->required) {
			snprintf(e->error, sizeof e->error, "%s", _("This field is required."));
			return (char *)-1;
		}
		return NULL;
	}
	if (f->kind == ED_INT) {
		/* The program's one number reader, in the UI language ("1.500" is
		 * 1500 in Vietnamese); anything it is unsure of is refused here. */
		struct num_reading r;
		int ok = num_read(text, &r) == NUM_OK && r.value == (double)(long)r.value;
		v = ok ? (long)r.value : 0;
		if (!ok || (f->min < f->max && (v < f->min || v > f->max))) {
			if (f->min < f->max)
				snprintf(e->error, sizeof e->error, _("Enter a whole number from %ld to %ld."),
					 f->min, f->max);
			else
				snprintf(e->error, sizeof e->error, "%s", _("Enter a whole number."));
			return (char *)-1;
		}
		return xasprintf("%ld", v);
	}
	if (f->kind == ED_DATE) {
		if (date_parse_user(text, iso) != 0) {
			snprintf(e->error, sizeof e->error, "%s",
				 _("Enter a date as dd/mm/yyyy, for example 25/03/2026."));
			return (char *)-1;
		}
		return xstrdup(iso);
	}
	if (f->kind == ED_PHONE) {
		char phone[PHONE_MAX];
		if (phone_canon(text, phone) != 0) {
			snprintf(e->error, sizeof e->error, "%s", _("Not a phone number: a mobile is 0 and"
				 " 9 digits (0912 345 678), a landline 0, the area code and the number,"
				 " 11 digits (0212 3852 123)."));
			return (char *)-1;
		}
		return *phone ? xstrdup(phone) : NULL;
	}
	return xstrdup(text);
}

/* Save through the commit callback.  A busy database keeps the value and
 * lets the officer go on: the record is pending until editor_retry(). */
static int save(struct editor *e)
{
	int rc = e->commit ? e->commit(e->arg, e->error, sizeof e->error) : 0;

	if (rc < 0)
		return -1;
	e->pending = rc > 0;
	e->error[0] = '\0';
	return 0;
}

int editor_retry(struct editor *e)
{
	int rc;

	if (!e->pending || !e->commit)
		return 0;
	rc = e->commit(e->arg, e->error, sizeof e->error);
	if (rc > 0)
		return 0;
	e->pending = 0;
	if (rc < 0)
		return -1;
	e->error[0] = '\0';
	return 1;
}

int editor_leave(struct editor *e)
{
	const struct ed_field *f = cur(e);
	char *text, *value;

	if (f->kind == ED_CHOICE && f->required && !(*f->str && **f->str)) {
		snprintf(e->error, sizeof e->error, "%s", _("Choose one with Left/Right or Space."));
		return -1;
	}
	if (!is_typed(f->kind) || !e->dirty) {
		e->error[0] = '\0';
		return 0;
	}
	text = lineedit_text(&e->le);
	value = checked(e, f, text);
	free(text);
	if (value == (char *)-1)
		return -1;
	free(*f->str);
	*f->str = value;
	e->dirty = 0;
	return save(e);
}

static void move_to(struct editor *e, int sel)
{
	if (sel < 0)
		sel = 0;
	if (sel >= (int)e->n)
		sel = (int)e->n - 1;
	e->sel = sel;
	load(e);
}

static const char *field_choice_label(size_t i, void *arg)
{
	const struct ed_field *f = arg;
	return f->translate ? _(f->choices[i].label) : f->choices[i].label;
}

/* Step a choice by delta (wrapping), or jump to the first one whose label starts with the
 * typed letter (listview_jump). */
static void choose(struct editor *e, int delta, wchar_t letter)
{
	const struct ed_field *f = cur(e);
	size_t n = f->nchoices;
	long at = -1;

	if (!n)
		return;
	for (size_t i = 0; i < n; i++)
		if (*f->str && strcmp(*f->str, f->choices[i].code) == 0)
			at = (long)i;
	if (letter) {
		long to = listview_jump(n, at, letter, field_choice_label, (void *)f);
		if (to < 0)
			return;
		at = to;
	} else if (at >= 0) {
		at = (at + (long)n + (long)(delta % (int)n)) % (long)n;
	} else {
		at = delta > 0 ? 0 : (long)n - 1;   /* the first step from nothing */
	}
	free(*f->str);
	*f->str = xstrdup(f->choices[at].code);
	save(e);
}

static void toggle(struct editor *e, int value)
{
	const struct ed_field *f = cur(e);
	*f->flag = value < 0 ? !*f->flag : value;
	save(e);
}

/* Keys for a choice or yes/no field; 1 when handled. */
static int handle_pick(struct editor *e, const struct input *in)
{
	const struct ed_field *f = cur(e);
	int right = in->act == ACT_RIGHT || (in->act == ACT_CHAR && in->ch == ' ');

	if (f->kind == ED_BOOL) {
		if (in->act == ACT_LEFT || right)
			toggle(e, -1);
		else if (in->act == ACT_CHAR && wcschr(L"cCyY", in->ch))
			toggle(e, 1);
		else if (in->act == ACT_CHAR && wcschr(L"kKnN", in->ch))
			toggle(e, 0);
		else
			return 0;
		return 1;
	}
	if (in->act == ACT_LEFT)
		choose(e, -1, 0);
	else if (right)
		choose(e, 1, 0);
	else if (in->act == ACT_CHAR)
		choose(e, 0, in->ch);
	else
		return 0;
	return 1;
}

int editor_handle(struct editor *e, const struct input *in)
{
	const struct ed_field *f = cur(e);
	int last = e->sel == (int)e->n - 1;

	switch (in->act) {
	case ACT_UP: case ACT_BTAB:
		if (editor_leave(e) == 0)
			move_to(e, e->sel - 1);
		return 1;
	case ACT_DOWN: case ACT_TAB:
		if (editor_leave(e) == 0)
			move_to(e, e->sel + 1);
		return 1;
	case ACT_PGUP: case ACT_PGDN:
		if (editor_leave(e) == 0)
			move_to(e, e->sel + (in->act == ACT_PGUP ? -8 : 8));
		return 1;
	case ACT_OK:
		if (editor_leave(e) != 0)
			return 1;
		if (last)
			return 0;
		move_to(e, e->sel + 1);
		return 1;
	case ACT_BACK:
		if (editor_leave(e) == 0)
			return 0;
		if (e->dirty == 2) {
			/* Second Esc on a refused value: drop the edit and go. */
			load(e);
			e->error[0] = '\0';
			return 0;
		}
		e->dirty = 2;
		return 1;
	default:
		break;
	}
	if (is_typed(f->kind)) {
		if (!lineedit_handle(&e->le, in))
			return 0;
		e->dirty = 1;
		return 1;
	}
	return handle_pick(e, in);
}

/* The value of a field as shown when the cursor is elsewhere. */
static void shown_value(const struct ed_field *f, char *buf, size_t n)
{
	buf[0] = '\0';
	if (f->kind == ED_BOOL) {
		snprintf(buf, n, "%s", *f->flag ? _("yes") : _("no"));
	} else if (f->kind == ED_CHOICE) {
		for (size_t i = 0; *f->str && i < f->nchoices; i++)
			if (strcmp(*f->str, f->choices[i].code) == 0)
				snprintf(buf, n, "%s", f->translate ? _(f->choices[i].label)
								 : f->choices[i].label);
	} else if (f->kind == ED_DATE && *f->str && date_valid_iso(*f->str)) {
		char d[11];
		date_format_user(*f->str, d);
		snprintf(buf, n, "%s", d);
	} else if (*f->str) {
		snprintf(buf, n, "%s", *f->str);
	}
}

void editor_draw(struct editor *e, int y, int cols, int rows)
{
	int labelw = cols * 2 / 5 > 32 ? 32 : cols * 2 / 5, x = 2 + labelw + 1;
	int vis = rows - 1, cy = -1, cx = 0;
	char value[300];

	if (vis < 1)
		return;
	if (e->sel < e->top)
		e->top = e->sel;
	if (e->sel >= e->top + vis)
		e->top = e->sel - vis + 1;
	for (int i = 0; i < vis && e->top + i < (int)e->n; i++) {
		int k = e->top + i;
		const struct ed_field *f = &e->fields[k];
		char *label = xasprintf("%s%s", _(f->label), f->required ? " *" : "");
		draw_text(y + i, 2, labelw, k == e->sel ? R_TITLE : R_NORMAL, label);
		free(label);
		if (k == e->sel && is_typed(f->kind)) {
			cy = y + i;
			cx = x;
			continue;
		}
		shown_value(f, value, sizeof value);
		if (k == e->sel) {
			char *pick = xasprintf("< %s >", *value ? value : "…");
			draw_text(y + i, x, cols - x, R_SELECTED, pick);
			free(pick);
		} else {
			draw_text(y + i, x, cols - x, R_NORMAL, value);
		}
	}
	if (e->error[0])
		draw_text(y + vis, 2, cols - 4, R_ERROR, e->error);
	else if (e->pending)
		draw_text(y + vis, 2, cols - 4, R_ERROR,
			  _("Not saved yet: another sxsh is writing. Kept; saved as soon as it can."));
	if (cy >= 0)
		lineedit_draw(&e->le, cy, cx, cols - cx - 1);
}
