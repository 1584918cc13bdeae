/* walk_num.c — numbers typed in the walkthrough, the UI language's way.
 *
 * While a number is typed the field shows what it is read as ("25.500"
 * shows "= 25 500" in Vietnamese, "12*300" shows "= 3 600"); leaving the
 * field stores the canonical form ("25500", "3.75") and asks when the text
 * could mean two numbers, or is a number only in the other convention.  A magnitude word
 * may follow the number: "30tr" is 30 000 000 (k / nghìn, tr / triệu / m, tỷ / bn). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/i18n.h"
#include "base/mem.h"
#include "base/num.h"
#include "ui/draw.h"
#include "ui/walk.h"

int walk_numeric(struct walk *w, size_t i)
{
	size_t n;
	const struct fs_item *it = fs_items(w->fs, &n);
	enum xform_type t = w->form->nodes[it[i].node].type;
	return t == XFT_INTEGER || t == XFT_DECIMAL;
}

/* A magnitude typed after the number ("30tr", "1,5 tỷ", "12k", "2m"): the factor, with the
 * word cut off text; 1 when there is none. */
static double magnitude(char *text)
{
	static const struct { const char *word; double factor; } words[] = {
		{ "nghìn", 1e3 }, { "ngàn", 1e3 }, { "k", 1e3 }, { "triệu", 1e6 }, { "tr", 1e6 },
		{ "m", 1e6 }, { "tỷ", 1e9 }, { "tỉ", 1e9 }, { "ty", 1e9 }, { "bn", 1e9 },
	};
	size_t n = strlen(text);
	while (n && text[n - 1] == ' ')
		text[--n] = '\0';
	for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
		size_t len = strlen(words[k].word);
		if (n > len && strcasecmp(text + n - len, words[k].word) == 0 &&
		    strchr("0123456789 .,", text[n - len - 1])) {
			text[n - len] = '\0';
			return words[k].factor;
		}
	}
	return 1;
}

/* num_read() with a magnitude word: both readings scaled. */
static int read_scaled(const char *typed, struct num_reading *r)
{
	char *text = xstrdup(typed);
	double f = magnitude(text);
	int rc = num_read(text, r);
	free(text);
	r->value *= f;
	r->alt *= f;
	return rc;
}

void walk_num_preview(struct walk *w)
{
	struct num_reading r;
	char *text, a[64], b[64];

	w->preview[0] = '\0';
	if (!walk_numeric(w, w->cur))
		return;
	text = lineedit_text(&w->le);
	if (*text) {
		read_scaled(text, &r);
		num_write(r.value, a, sizeof a);
		num_write_lang(r.alt, i18n_lang(), 4, b, sizeof b);
		if (r.rc == NUM_OK)
			snprintf(w->preview, sizeof w->preview, "= %s", a);
		else if (r.rc == NUM_AMBIGUOUS)
			snprintf(w->preview, sizeof w->preview, _("= %s or %s?"), a, b);
		else if (r.rc == NUM_OTHER)
			snprintf(w->preview, sizeof w->preview, _("= %s?"), b);
		else if (r.rc == NUM_RANGE)
			snprintf(w->preview, sizeof w->preview, "%s", _("too large"));
	}
	free(text);
}

/* The example of a decimal number in the UI language ("12,5"). */
static void example(char *out, size_t n)
{
	num_write(12.5, out, n);
}

/* Ask which of two readings was meant; 0 and *v, or -1 (Esc). */
static int ask_which(const char *typed, double mine, double other, double *v)
{
	char a[64], b[64], *title, *la, *lb;
	const char *labels[2];
	int k;

	num_write_lang(mine, i18n_lang(), 4, a, sizeof a);
	num_write_lang(other, i18n_lang(), 4, b, sizeof b);
	title = xasprintf(_("Which number is %s?"), typed);
	la = xasprintf("%s", a);
	lb = xasprintf("%s", b);
	labels[0] = la;
	labels[1] = lb;
	k = draw_choose(title, labels, 2);
	free(title);
	free(la);
	free(lb);
	if (k < 0)
		return -1;
	*v = k == 0 ? mine : other;
	return 0;
}

char *walk_num_settle(struct walk *w, const char *text)
{
	struct num_reading r;
	char shown[64], ex[16], canon[64], *ask;
	double v;
	int ok;

	example(ex, sizeof ex);
	switch (read_scaled(text, &r)) {
	case NUM_OK:
		v = r.value;
		break;
	case NUM_AMBIGUOUS:
		if (ask_which(text, r.value, r.alt, &v) != 0) {
			snprintf(w->error, sizeof w->error, "%s",
				 _("Choose which number you meant, or correct it."));
			return NULL;
		}
		break;
	case NUM_OTHER:
		num_write_lang(r.alt, i18n_lang(), 4, shown, sizeof shown);
		ask = xasprintf(_("%s is not how numbers are written here. Did you mean %s?"), text, shown);
		ok = draw_confirm(ask);
		free(ask);
		if (!ok) {
			snprintf(w->error, sizeof w->error, _("Enter a number, such as %s."), ex);
			return NULL;
		}
		v = r.alt;
		break;
	case NUM_RANGE:
		snprintf(w->error, sizeof w->error, "%s", _("This number is too large."));
		return NULL;
	default:
		snprintf(w->error, sizeof w->error, _("Enter a number, such as %s."), ex);
		return NULL;
	}
	/* What was understood goes back into the field, in the UI's convention. */
	num_write_lang(v, i18n_lang(), 0, shown, sizeof shown);
	lineedit_set(&w->le, shown);
	num_format(v, canon, sizeof canon);
	return xstrdup(canon);
}
