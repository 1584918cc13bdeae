/* answer_conv.c — imported answers in the canonical text of their question type. */
#include "assess/answer_conv.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/num.h"
#include "form/expr.h"
#include "form/expr_ast.h"
#include "form/formdir.h"

/* A form loaded once per import (f NULL: not installed). */
struct conv_form {
	char *id;
	struct xform *f;
};

struct answer_conv {
	struct sx_db *db;
	char *datadir;
	struct conv_form *forms;
	size_t nforms;
	char last[37];             /* the assessment looked up last */
	const struct xform *last_f; /* its form, or NULL */
};

struct answer_conv *answer_conv_new(struct sx_db *db, const char *datadir)
{
	struct answer_conv *c = xcalloc(1, sizeof *c);

	c->db = db;
	c->datadir = xstrdup(datadir ? datadir : "");
	return c;
}

void answer_conv_free(struct answer_conv *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nforms; i++) {
		free(c->forms[i].id);
		xform_free(c->forms[i].f);
	}
	free(c->forms);
	free(c->datadir);
	free(c);
}

/* The installed form called id, loaded on first use; NULL when there is none. */
static const struct xform *form_of(struct answer_conv *c, const char *id)
{
	struct sx_err err = {0};
	char *path;

	for (size_t i = 0; i < c->nforms; i++)
		if (strcmp(c->forms[i].id, id) == 0)
			return c->forms[i].f;
	c->forms = xreallocarray(c->forms, c->nforms + 1, sizeof *c->forms);
	c->forms[c->nforms].id = xstrdup(id);
	path = xform_id_ok(id) ? formdir_path(c->datadir, id, &err) : NULL;
	c->forms[c->nforms].f = path ? xform_load(path, &err) : NULL;
	free(path);
	sx_err_clear(&err);
	return c->forms[c->nforms++].f;
}

/* The form an assessment was filled with, or NULL (unknown assessment or form). */
static const struct xform *assessment_form(struct answer_conv *c, const char *uuid)
{
	struct sx_err err = {0};
	sqlite3_stmt *st;
	char *id = NULL;

	if (strlen(uuid) == 36 && strcmp(uuid, c->last) == 0)
		return c->last_f;
	st = db_stmt(c->db, "SELECT form_id FROM assessments WHERE uuid = ?", &err);
	sx_err_clear(&err);
	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		id = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	c->last_f = id ? form_of(c, id) : NULL;
	snprintf(c->last, sizeof c->last, "%s", strlen(uuid) == 36 ? uuid : "");
	free(id);
	return c->last_f;
}

/* A copy of s without leading and trailing blanks. */
static char *trimmed(const char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return xstrndup(s, n);
}

/* 1 when s is a decimal as the walkthrough stores it (fsession_check.c's
 * rule: an ODK number, no decimal comma, no '-' inside). */
static int canonical_decimal(const char *s)
{
	return !isnan(expr_to_num(s)) && !strchr(s + (*s == '-'), '-') && !strchr(s, ',');
}

/* v with a '.' and the fewest decimals that read back as v. */
static char *decimal_text(double v)
{
	char buf[64];

	for (int d = 0; d <= 17; d++) {
		snprintf(buf, sizeof buf, "%.*f", d, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	if (strcmp(buf, "-0") == 0)
		snprintf(buf, sizeof buf, "0");
	return xstrdup(buf);
}

/* A number as a spreadsheet may have written it, read with the file's
 * decimal mark, else either: -1 when it is none, -2 when it reads two ways.
 * "0,035" and "0.035" have a decimal mark whatever the file's: nobody
 * groups thousands after a lone 0. */
static int read_number(const char *s, char mark, double *v)
{
	char *t = trimmed(s);
	const char *d = t + (*t == '-');
	int rc;

	if (d[0] == '0' && (d[1] == ',' || d[1] == '.') && d[2] && strspn(d + 2, "0123456789") == strlen(d + 2))
		mark = d[1];
	rc = num_parse_mark(t, mark, v);
	if (rc == NUM_INVALID && mark)
		rc = num_parse_mark(t, 0, v);
	free(t);
	if (rc == NUM_OK && isfinite(*v) && fabs(*v) < 1e15)
		return 0;
	return rc == NUM_AMBIGUOUS ? -2 : -1;
}

static int conv_number(const struct xform_node *n, const char *value, char mark, char **out,
		       char *why, size_t len)
{
	double v;
	int rc;

	if (n->type == XFT_DECIMAL && canonical_decimal(value))
		return 0;
	if (n->type == XFT_INTEGER) {
		const char *p = value + (*value == '-');
		if (*p && strspn(p, "0123456789") == strlen(p) && strlen(p) <= 15)
			return 0;
	}
	rc = read_number(value, mark, &v);
	if (rc == -2) {
		snprintf(why, len, _("%s: \"%s\" could be read two ways; write it without thousands"
			 " separators"), n->name, value);
		return -1;
	}
	if (rc != 0 || (n->type == XFT_INTEGER && v != floor(v))) {
		snprintf(why, len, n->type == XFT_INTEGER ? _("%s: \"%s\" is not a whole number")
			 : _("%s: \"%s\" is not a number"), n->name, value);
		return -1;
	}
	*out = n->type == XFT_INTEGER ? xasprintf("%lld", (long long)v) : decimal_text(v);
	return 1;
}

/* Day first (dd/mm/yyyy) always; a date that only reads month first is
 * refused, since a file that has one was written month first throughout. */
static int conv_date(const struct xform_node *n, const char *value, char **out, char *why,
		     size_t len)
{
	char iso[11];
	int a, b, y;
	char s1, s2, rest;

	if (date_valid_iso(value))
		return 0;
	if (date_parse_user(value, iso) == 0) {
		*out = xstrdup(iso);
		return 1;
	}
	if (sscanf(value, " %d%c%d%c%d %c", &a, &s1, &b, &s2, &y, &rest) == 5 && s1 == s2 &&
	    (s1 == '/' || s1 == '-' || s1 == '.') && date_valid_ymd(y, a, b))
		snprintf(why, len, _("%s: \"%s\" reads only as month/day/year; sxsh reads dates day"
			 " first (dd/mm/yyyy) or as yyyy-mm-dd: check the file's dates"), n->name, value);
	else
		snprintf(why, len, _("%s: \"%s\" is not a date (write dd/mm/yyyy or yyyy-mm-dd)"),
			 n->name, value);
	return -1;
}

/* H:MM[:SS][ AM|PM] as HH:MM:SS; -1 when s is not such a time. */
static int clock_text(const char *s, char out[40])
{
	int h, m, sec = 0, k = 0;
	char ampm[3] = "";

	if (sscanf(s, " %2d:%2d%n", &h, &m, &k) != 2)
		return -1;
	s += k;
	if (*s == ':' && sscanf(s, ":%2d%n", &sec, &k) == 1)
		s += k;
	while (*s == ' ')
		s++;
	if (*s && sscanf(s, "%2[AaPp]%*[Mm]", ampm) == 1) {
		if (h < 1 || h > 12)
			return -1;
		h = h % 12 + (tolower((unsigned char)ampm[0]) == 'p' ? 12 : 0);
		s += 2;
	}
	while (*s == ' ')
		s++;
	if (*s || h > 23 || m > 59 || sec > 59 || h < 0 || m < 0 || sec < 0)
		return -1;
	snprintf(out, 40, "%02d:%02d:%02d", h, m, sec);
	return 0;
}

static int time_ok(const char *v, int with_date)
{
	double days;
	char *dt = with_date ? xstrdup(v) : xasprintf("1970-01-01T%s", v);
	int ok = (!with_date || (strlen(v) > 10 && v[10] == 'T')) &&
		 expr_parse_datetime(dt, 420, &days, NULL);

	free(dt);
	return ok;
}

static int conv_time(const struct xform_node *n, const char *value, char **out, char *why,
		     size_t len)
{
	char t[40], iso[11], *day;
	const char *sp;

	if (time_ok(value, n->type == XFT_DATETIME))
		return 0;
	if (n->type == XFT_TIME && clock_text(value, t) == 0) {
		*out = xstrdup(t);
		return 1;
	}
	/* dateTime: a date, a space (or T) and a clock time. */
	sp = n->type == XFT_DATETIME ? strpbrk(value, " T") : NULL;
	if (sp) {
		day = xstrndup(value, (size_t)(sp - value));
		if (date_parse_user(day, iso) == 0 && clock_text(sp + 1, t) == 0) {
			*out = xasprintf("%sT%s", iso, t);
			free(day);
			return 1;
		}
		free(day);
	}
	snprintf(why, len, n->type == XFT_TIME ? _("%s: \"%s\" is not a time such as 14:30")
		 : _("%s: \"%s\" is not a date and time such as 2026-03-10T14:30"), n->name, value);
	return -1;
}

static int is_choice(const struct xform_list *l, const char *name, size_t n)
{
	for (size_t i = 0; i < l->n; i++)
		if (strlen(l->c[i].name) == n && memcmp(l->c[i].name, name, n) == 0)
			return 1;
	return 0;
}

/* Choices: each must be in the list; select_multiple joined by one space. */
static int conv_select(const struct xform *f, const struct xform_node *n, const char *value,
		       char **out, char *why, size_t len)
{
	const struct xform_list *l;
	char *canon = xstrdup(""), *t;
	const char *p = value;
	int count = 0;

	if (n->list < 0 || (size_t)n->list >= f->nlists) {
		free(canon);
		return 0;
	}
	l = &f->lists[n->list];
	while (*p) {
		size_t k = strspn(p, " \t"), m;
		p += k;
		m = strcspn(p, " \t");
		if (!m)
			break;
		if (!is_choice(l, p, m) || (n->type == XFT_SELECT_ONE && count)) {
			snprintf(why, len, n->type == XFT_SELECT_ONE && count
				 ? _("%s: \"%s\" is more than one choice") :
				 _("%s: \"%s\" is not a choice of the list %s"), n->name, value, l->name);
			free(canon);
			return -1;
		}
		t = xasprintf("%s%s%.*s", canon, count ? " " : "", (int)m, p);
		free(canon);
		canon = t;
		count++;
		p += m;
	}
	if (strcmp(canon, value) == 0) {
		free(canon);
		return 0;
	}
	*out = canon;
	return 1;
}

/* A calculation's stored value may be any text, but only a spreadsheet
 * writes a number with a decimal comma (0,035) or a date day first: those
 * two are converted back, anything else is kept. */
static int conv_calc(const struct xform_node *n, const char *value, char **out, char *why,
		     size_t len)
{
	const char *p = value + (*value == '-');
	size_t a = strspn(p, "0123456789");
	char iso[11];

	if (a && p[a] == ',' && p[a + 1] && strspn(p + a + 1, "0123456789") == strlen(p + a + 1)) {
		struct xform_node num = *n;
		num.type = XFT_DECIMAL;
		return conv_number(&num, value, ',', out, why, len);
	}
	if (strchr(value, '/') && date_parse_user(value, iso) == 0) {
		*out = xstrdup(iso);
		return 1;
	}
	return 0;
}

int answer_conv_value(const struct xform *f, int node, const char *value, char mark, char **out,
		      char *why, size_t len)
{
	const struct xform_node *n = &f->nodes[node];

	*out = NULL;
	if (!*value)
		return 0;
	switch (n->type) {
	case XFT_INTEGER:
	case XFT_DECIMAL:
		return conv_number(n, value, mark, out, why, len);
	case XFT_DATE:
		return conv_date(n, value, out, why, len);
	case XFT_TIME:
	case XFT_DATETIME:
		return conv_time(n, value, out, why, len);
	case XFT_SELECT_ONE:
	case XFT_SELECT_MULTIPLE:
		return conv_select(f, n, value, out, why, len);
	case XFT_CALCULATE:
		return conv_calc(n, value, out, why, len);
	default:
		return 0;
	}
}

int answer_conv_answer(void *arg, const char *assessment, const char *name, const char *value,
		       char mark, char **out, char *why, size_t len)
{
	struct answer_conv *c = arg;
	const struct xform *f = assessment_form(c, assessment);
	const char *base = strrchr(name, '/');
	size_t n;
	char *q;
	int node, rc;

	*out = NULL;
	if (!f)
		return 0;
	base = base ? base + 1 : name;
	n = strcspn(base, "[");
	if (base[n] == '[' && strcmp(base + n, "[]") == 0) {
		/* A repeat's number of entries: a whole number. */
		struct xform_node count = { .type = XFT_INTEGER, .name = (char *)name };
		return conv_number(&count, value, mark, out, why, len);
	}
	q = xstrndup(base, n);
	node = xform_find(f, q);
	free(q);
	if (node < 0)
		return 0;
	rc = answer_conv_value(f, node, value, mark, out, why, len);
	return rc;
}
