/* org_edit.c — one organisation of the support network, saved field by
 * field; each sector it covers is a yes/no row. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/mem.h"
#include "records/orgs.h"
#include "ui/draw.h"
#include "ui/editor.h"
#include "ui/screen.h"

enum { MAX_SECTORS = 8, MAX_KINDS = 8, NFIELDS = 7 + MAX_SECTORS };

struct oedit {
	struct ui *ui;
	struct org o;                     /* the record being edited */
	struct ed_choice kinds[MAX_KINDS];
	int covers[MAX_SECTORS];          /* one flag per facility sector */
	char *sector_labels[MAX_SECTORS]; /* "<sector>?" (does it cover it) */
	struct ed_field fields[NFIELDS];
	size_t nfields;
	struct editor ed;
	int saved;                        /* saved at least once */
	int created;                      /* made new in this screen */
};

/* o.sectors from the flags, in the order of facility_sectors. */
static void sectors_from_flags(struct oedit *s)
{
	char *out = xstrdup("");
	for (size_t i = 0; i < facility_nsectors && i < MAX_SECTORS; i++) {
		char *next;
		if (!s->covers[i])
			continue;
		next = xasprintf("%s%s%s", out, *out ? " " : "", facility_sectors[i].code);
		free(out);
		out = next;
	}
	free(s->o.sectors);
	s->o.sectors = out;
}

static void flags_from_sectors(struct oedit *s)
{
	const char *have = s->o.sectors ? s->o.sectors : "";
	for (size_t i = 0; i < facility_nsectors && i < MAX_SECTORS; i++) {
		size_t n = strlen(facility_sectors[i].code);
		const char *p = have;
		s->covers[i] = 0;
		while ((p = strstr(p, facility_sectors[i].code)) != NULL) {
			if ((p == have || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
				s->covers[i] = 1;
			p += n;
		}
	}
}

static int oedit_commit(void *arg, char *msg, size_t msglen)
{
	struct oedit *s = arg;
	struct sx_err err = {0};
	int rc;

	sectors_from_flags(s);
	rc = orgs_save(ui_ctx(s->ui)->db, &s->o, &err);
	if (rc != 0)
		snprintf(msg, msglen, "%s", sx_err_last(&err));
	else
		s->saved = 1;
	sx_err_clear(&err);
	return rc;
}

static void build_fields(struct oedit *s)
{
	struct org *o = &s->o;
	struct ed_field *d = s->fields;
	size_t k = 0;

	for (size_t i = 0; i < orgs_nkinds && i < MAX_KINDS; i++)
		s->kinds[i] = (struct ed_choice){ orgs_kinds[i].code, orgs_kinds[i].label };
	d[k++] = (struct ed_field){ .label = N_("Name"), .kind = ED_TEXT, .str = &o->name,
		.required = 1 };
	d[k++] = (struct ed_field){ .label = N_("Kind"), .kind = ED_CHOICE, .str = &o->kind,
		.choices = s->kinds, .nchoices = orgs_nkinds, .translate = 1, .required = 1 };
	for (size_t i = 0; i < facility_nsectors && i < MAX_SECTORS; i++) {
		s->sector_labels[i] = xasprintf(_("%s?"), _(facility_sectors[i].label));
		d[k++] = (struct ed_field){ .label = s->sector_labels[i], .kind = ED_BOOL,
			.flag = &s->covers[i] };
	}
	d[k++] = (struct ed_field){ .label = N_("Contact person"), .kind = ED_TEXT,
		.str = &o->contact_name };
	d[k++] = (struct ed_field){ .label = N_("Phone"), .kind = ED_PHONE, .str = &o->phone };
	d[k++] = (struct ed_field){ .label = N_("E-mail"), .kind = ED_TEXT, .str = &o->email };
	d[k++] = (struct ed_field){ .label = N_("Address"), .kind = ED_TEXT, .str = &o->address };
	d[k++] = (struct ed_field){ .label = N_("Notes"), .kind = ED_TEXT, .str = &o->note };
	s->nfields = k;
}

static void *oedit_enter(struct ui *ui, const void *varg)
{
	const struct record_arg *arg = varg;
	struct oedit *s = xcalloc(1, sizeof *s);
	struct sx_err err = {0};

	s->ui = ui;
	if (arg && arg->uuid && orgs_find(ui_ctx(ui)->db, arg->uuid, &s->o, &err) < 0)
		ui_message(ui, 1, "%s", sx_err_last(&err));
	if (!s->o.uuid[0]) {
		s->created = 1;
		s->o.name = arg && arg->name && *arg->name ? xstrdup(arg->name) : NULL;
		s->o.kind = xstrdup("cp_centre");
	}
	flags_from_sectors(s);
	build_fields(s);
	editor_init(&s->ed, s->fields, s->nfields, oedit_commit, s);
	/* A new organisation named from the search is saved at once, so Esc keeps it. */
	if (!s->o.uuid[0] && s->o.name)
		oedit_commit(s, s->ed.error, sizeof s->ed.error);
	sx_err_clear(&err);
	return s;
}

static void oedit_draw(struct ui *ui, void *state)
{
	struct oedit *s = state;
	ui_title(ui, s->created ? _("New organisation") : _("Organisation"));
	editor_draw(&s->ed, 2, COLS - 2, LINES - 5);
}

static int oedit_handle(struct ui *ui, void *state, const struct input *in)
{
	struct oedit *s = state;

	if (editor_handle(&s->ed, in))
		return RD_SCREEN;
	if (in->act == ACT_BACK || in->act == ACT_OK) {
		if (s->saved)
			ui_message(ui, 0, "%s", _("Saved."));
		ui_pop(ui);
		return RD_ALL;
	}
	return RD_NONE;
}

static void oedit_leave(struct ui *ui, void *state)
{
	struct oedit *s = state;
	(void)ui;
	org_clear(&s->o);
	for (size_t i = 0; i < MAX_SECTORS; i++)
		free(s->sector_labels[i]);
	free(s);
}

const struct screen screen_org_edit = {
	.name = "org_edit",
	.enter = oedit_enter,
	.draw = oedit_draw,
	.handle = oedit_handle,
	.leave = oedit_leave,
	.keys = N_("Up/Down field  Left/Right choose  Enter next  Esc back"),
	.help = N_("Fill the organisation's details. Each field is saved when you leave it. "
		   "The kind is a choice (Left/Right or Space); for each sector it covers, "
		   "press Space for yes or no."),
};
