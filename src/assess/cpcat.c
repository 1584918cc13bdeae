/* cpcat.c — reading the sector guidance catalogue (forms/data/cp_options.csv). */
#include "assess/cpcat.h"

#include <stdlib.h>
#include <string.h>

#include "base/csvread.h"
#include "base/i18n.h"
#include "base/mem.h"

/* Columns of the file, found by header name. */
enum { C_SECTOR, C_STEP, C_OPTION, C_TECH, C_COST, C_BENEFIT, C_SOURCE, C_N };

/* The header's column index for each C_*, with the language's texts; -1 when missing. */
static int columns(const struct csvr_rec *h, const char *lang, int col[C_N])
{
	static const char *const plain[C_N] = { "sector", "step", "option", "technique",
		"cost_class", "benefit", "source" };
	const char *suffix = lang && strcmp(lang, "en") == 0 ? "_en" : "_vi";
	for (int c = 0; c < C_N; c++) {
		char want[32];
		int texts = c == C_STEP || c == C_OPTION || c == C_BENEFIT;
		snprintf(want, sizeof want, "%s%s", plain[c], texts ? suffix : "");
		col[c] = -1;
		for (size_t i = 0; i < h->n; i++)
			if (strcmp(h->f[i], want) == 0)
				col[c] = (int)i;
		if (col[c] < 0)
			return -1;
	}
	return 0;
}

/* Append the record's entry to c. */
static void add(struct cpcat *c, const struct csvr_rec *rec, const int col[C_N])
{
	struct cpcat_entry *e;
	c->v = xrealloc(c->v, (c->n + 1) * sizeof *c->v);
	e = &c->v[c->n++];
	e->sector = xstrdup(rec->f[col[C_SECTOR]]);
	e->step = xstrdup(rec->f[col[C_STEP]]);
	e->option = xstrdup(rec->f[col[C_OPTION]]);
	e->technique = xstrdup(rec->f[col[C_TECH]]);
	e->cost_class = xstrdup(rec->f[col[C_COST]]);
	e->benefit = xstrdup(rec->f[col[C_BENEFIT]]);
	e->source = xstrdup(rec->f[col[C_SOURCE]]);
}

/* One pass over the file, adding the entries whose sector is want (NULL: all but general). */
static int pass(const char *path, const char *want, const char *lang, struct cpcat *c,
		struct sx_err *err)
{
	struct csvr *r = csvr_open(path, 0, err);
	const struct csvr_rec *rec;
	int col[C_N], rc;

	if (!r)
		return -1;
	if ((rc = csvr_next(r, &rec, err)) != 1 || columns(rec, lang, col) != 0) {
		if (rc == 1)
			sx_err_add(err, csvr_name(r), rec->line, "%s",
				   _("the header lacks a column of the catalogue"));
		csvr_close(r);
		return -1;
	}
	while ((rc = csvr_next(r, &rec, err)) == 1) {
		const char *s;
		if (rec->n <= (size_t)col[C_SOURCE] || rec->n <= (size_t)col[C_BENEFIT]) {
			sx_err_add(err, csvr_name(r), rec->line, "%s", _("too few fields"));
			rc = -1;
			break;
		}
		s = rec->f[col[C_SECTOR]];
		if (want ? strcmp(s, want) == 0 : strcmp(s, "general") != 0)
			add(c, rec, col);
	}
	csvr_close(r);
	return rc < 0 ? -1 : 0;
}

int cpcat_load(const char *datadir, const char *sector, const char *lang, struct cpcat *out,
	       struct sx_err *err)
{
	char *path = xasprintf("%s/forms/data/cp_options.csv", datadir);
	int rc;

	*out = (struct cpcat){ 0 };
	rc = pass(path, sector && *sector ? sector : NULL, lang, out, err);
	if (rc == 0 && !(sector && strcmp(sector, "general") == 0))
		rc = pass(path, "general", lang, out, err);
	free(path);
	if (rc != 0)
		cpcat_free(out);
	return rc;
}

void cpcat_free(struct cpcat *c)
{
	for (size_t i = 0; i < c->n; i++) {
		struct cpcat_entry *e = &c->v[i];
		free(e->sector);
		free(e->step);
		free(e->option);
		free(e->technique);
		free(e->cost_class);
		free(e->benefit);
		free(e->source);
	}
	free(c->v);
	*c = (struct cpcat){ 0 };
}
