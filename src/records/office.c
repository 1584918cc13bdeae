/* office.c — the issuing office of printed documents, from the settings. */
#include "records/office.h"

#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/i18n.h"
#include "base/mem.h"

/* The setting key, or def (copied) when it is unset or empty. */
static char *setting_or(struct sx_db *db, const char *key, const char *def)
{
	char *v = db ? db_setting(db, key) : NULL;
	if (v && *v)
		return v;
	free(v);
	return xstrdup(def);
}

void office_load(struct sx_db *db, struct office *o)
{
	memset(o, 0, sizeof *o);
	o->parent = setting_or(db, "office_parent", _("SON LA PROVINCIAL PEOPLE'S COMMITTEE"));
	o->name = setting_or(db, "office_name", _("DEPARTMENT OF INDUSTRY AND TRADE"));
	o->place = setting_or(db, "office_place", "Sơn La");
	o->head_title = setting_or(db, "office_head_title", _("Head of unit"));
	o->head_name = setting_or(db, "office_head_name", "");
	o->officer = setting_or(db, "officer_name", "");
	clock_date(clock_now_ms(), o->today);
}

int office_save(struct sx_db *db, const struct office *o, struct office *was,
		struct sx_err *err)
{
	const char *keys[] = { "office_parent", "office_name", "office_place",
			       "office_head_title", "office_head_name", "officer_name" };
	char *const now[] = { o->parent, o->name, o->place, o->head_title, o->head_name,
			      o->officer };
	char **before[] = { &was->parent, &was->name, &was->place, &was->head_title,
			    &was->head_name, &was->officer };

	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		const char *v = now[i] ? now[i] : "";
		if (*before[i] && strcmp(*before[i], v) == 0)
			continue;
		if (db_set_setting(db, keys[i], v, err) != 0)
			return -1;
		free(*before[i]);
		*before[i] = xstrdup(v);
	}
	return 0;
}

void office_free(struct office *o)
{
	free(o->parent);
	free(o->name);
	free(o->place);
	free(o->head_title);
	free(o->head_name);
	free(o->officer);
	memset(o, 0, sizeof *o);
}

void office_doc(const struct office *o, struct printdoc_office *d)
{
	memset(d, 0, sizeof *d);
	d->parent = o->parent;
	d->name = o->name;
	d->place = o->place;
	d->date = o->today;
	d->left_title = _("Prepared by");
	d->left_name = o->officer;
	d->right_title = o->head_title;
	d->right_name = o->head_name;
}
