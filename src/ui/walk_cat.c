/* walk_cat.c — the sector guidance catalogue in the walkthrough: a pick list when a CP
 * option is added (F4), and the catalogue to read (F6). */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "assess/cpcat.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "db/ctx.h"
#include "ui/draw.h"
#include "ui/walk.h"

/* The catalogue for the assessment's sector (the general options when none is chosen). */
static int load(struct walk *w, struct cpcat *c)
{
	struct sx_err err = {0};
	const char *sector = fs_get(w->fs, "sector");
	int rc = cpcat_load(ui_ctx(w->ui)->datadir, *sector ? sector : "general", i18n_lang(), c,
			    &err);
	if (rc != 0)
		ui_message(w->ui, 1, "%s", sx_err_last(&err));
	sx_err_clear(&err);
	return rc;
}

/* The label of choice code in the list of question name, in the UI language, or code. */
static const char *choice_text(struct walk *w, const char *name, const char *code)
{
	int i = xform_find(w->form, name), l = i < 0 ? -1 : w->form->nodes[i].list;
	for (size_t k = 0; l >= 0 && k < w->form->lists[l].n; k++)
		if (strcmp(w->form->lists[l].c[k].name, code) == 0)
			return xform_text(w->form, &w->form->lists[l].c[k].label, i18n_lang());
	return code;
}

/* A cost class in words. */
static const char *cost_text(const char *code)
{
	if (strcmp(code, "no_cost") == 0)
		return _("no cost");
	if (strcmp(code, "low_cost") == 0)
		return _("low cost");
	return _("high cost");
}

int walk_cat_offer(struct walk *w, const char *prefix)
{
	static const char *const names[] = { "opt_step", "opt_desc", "opt_notcp", "opt_technique" };
	struct cpcat c;
	const char **labels;
	char **owned;
	int pick;

	for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
		if (xform_find(w->form, names[k]) < 0)
			return 0;   /* not the rapid checklist's options */
	if (load(w, &c) != 0 || c.n == 0) {
		cpcat_free(&c);
		return 0;
	}
	labels = xcalloc(c.n + 1, sizeof *labels);
	owned = xcalloc(c.n, sizeof *owned);
	for (size_t i = 0; i < c.n; i++)
		labels[i] = owned[i] = xasprintf("%s: %s", c.v[i].step, c.v[i].option);
	labels[c.n] = _("Other: type the option yourself");
	pick = draw_choose(_("Typical CP options (Esc: type your own)"), labels, (int)c.n + 1);
	int picked = pick >= 0 && (size_t)pick < c.n;
	if (picked) {
		const struct cpcat_entry *e = &c.v[pick];
		const char *values[] = { e->step, e->option, "no", e->technique };
		for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
			char *path = xasprintf("%s%s", prefix, names[k]);
			fs_set(w->fs, path, values[k]);
			free(path);
		}
	}
	for (size_t i = 0; i < c.n; i++)
		free(owned[i]);
	free(owned);
	free(labels);
	cpcat_free(&c);
	return picked;
}

void walk_cat_show(struct walk *w)
{
	struct cpcat c;
	char *page = xstrdup(""), *title;
	int rows = 0, pages = 1, room = LINES - 8, cols = (COLS - 8 < 70 ? COLS - 8 : 70) - 4;

	if (load(w, &c) != 0 || c.n == 0) {
		if (c.n == 0)
			ui_message(w->ui, 1, "%s", _("The catalogue has no options for this sector."));
		cpcat_free(&c);
		free(page);
		return;
	}
	for (size_t i = 0; i < c.n; i++) {
		const struct cpcat_entry *e = &c.v[i];
		char *one = xasprintf("• %s: %s — %s, %s. %s. [%s]\n", e->step, e->option,
				      choice_text(w, "opt_technique", e->technique),
				      cost_text(e->cost_class), e->benefit, e->source);
		int need = draw_wrapped_rows(cols, one);
		if (rows && rows + need > room) {
			title = xasprintf(_("Typical CP options (page %d)"), pages++);
			draw_popup(title, page);
			free(title);
			page[0] = '\0';
			rows = 0;
		}
		char *joined = xasprintf("%s%s", page, one);
		free(page);
		page = joined;
		rows += need;
		free(one);
	}
	title = xasprintf(_("Typical CP options (page %d)"), pages);
	draw_popup(title, page);
	free(title);
	free(page);
	cpcat_free(&c);
}
