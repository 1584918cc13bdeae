/* sync_row.c — validating and typing the fields of one CSV record. */
#include "sync/sync_row.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/csvwrite.h"
#include "base/date.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/num.h"
#include "base/phone.h"
#include "base/text.h"

/* The header's column map; 0, or -1 with "file:line: reason". */
static int map_header(struct sync_row *r, const struct sync_table *t, const struct csvr_rec *h,
		      const char *file, struct sx_err *err)
{
	r->t = t;
	r->nfields = h->n;
	r->map = xcalloc(t->ncols, sizeof *r->map);
	r->v = xcalloc(t->ncols, sizeof *r->v);
	for (size_t i = 0; i < t->ncols; i++)
		r->map[i] = (size_t)-1;
	for (size_t f = 0; f < h->n; f++) {
		int c = sync_table_col(t, h->f[f]);
		if (c < 0) {
			sx_err_add(err, file, h->line, _("unknown column \"%s\" for the table %s"),
				   h->f[f], t->name);
			return -1;
		}
		if (r->map[c] != (size_t)-1) {
			sx_err_add(err, file, h->line, _("the column \"%s\" appears twice"), h->f[f]);
			return -1;
		}
		r->map[c] = f;
	}
	for (size_t i = 0; i < t->ncols; i++) {
		/* A file from an older sxsh lacks the columns added since; one that
		 * may be NULL is read as empty. */
		if (r->map[i] == (size_t)-1 && !t->cols[i].notnull)
			continue;
		if (r->map[i] == (size_t)-1) {
			sx_err_add(err, file, h->line, _("the column \"%s\" is missing"), t->cols[i].name);
			return -1;
		}
	}
	return 0;
}

int sync_row_init(struct sync_row *r, const struct sync_table *t, const struct csvr_rec *h,
		  const char *file, struct sx_err *err)
{
	int places = strcmp(t->name, "places") == 0, answers = strcmp(t->name, "answers") == 0;

	memset(r, 0, sizeof *r);
	r->c_phone = sync_table_col(t, "phone");
	/* Looked up once here, not per record. */
	r->c_code = places ? sync_table_col(t, "code") : -1;
	r->c_kind = places ? sync_table_col(t, "kind") : -1;
	r->c_value = answers ? sync_table_col(t, "value") : -1;
	r->c_assess = answers ? sync_table_col(t, "assessment_uuid") : -1;
	r->c_name = answers ? sync_table_col(t, "name") : -1;
	r->now_ms = clock_now_ms();
	if (map_header(r, t, h, file, err) == 0)
		return 0;
	sync_row_free(r); /* a refused header leaves nothing to free */
	return -1;
}

static const char *own(struct sync_row *r, char *s)
{
	if (r->nowned == r->capowned) {
		r->capowned = r->capowned ? r->capowned * 2 : 8;
		r->owned = xreallocarray(r->owned, r->capowned, sizeof *r->owned);
	}
	r->owned[r->nowned++] = s;
	return s;
}

/* The test is cheap because text_nfc is not (a malloc and a trip through
 * utf8proc for every field with a Vietnamese letter in it).  The accepted code points are all NFC_Quick_Check=Yes starters
 * that compose with no following starter, which tests/unit/test_sync.c
 * checks against utf8proc.  Anything else (combining marks, other scripts,
 * broken bytes) takes the slow path, which also refuses bad UTF-8. */
int sync_row_nfc_already(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;

	for (size_t i = 0; i < n;) {
		uint64_t w;
		if (n - i >= 8 && (memcpy(&w, s + i, 8), !(w & 0x8080808080808080ULL))) {
			i += 8; /* eight ASCII bytes */
		} else if (s[i] < 0x80) {
			i++;
		} else if (s[i] >= 0xC2 && s[i] <= 0xCB && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
			i += 2;
		} else if (s[i] == 0xE1 && i + 2 < n && s[i + 1] >= 0xB8 && s[i + 1] <= 0xBB &&
			   (s[i + 2] & 0xC0) == 0x80) {
			i += 3;
		} else {
			return 0;
		}
	}
	return 1;
}

static void set_text(struct sync_val *v, const char *s, size_t n)
{
	v->type = SQLITE_TEXT;
	v->s = s;
	v->n = n;
}

/* A uuid, lower-cased so that keys written in either case meet. */
/* uuid_valid and a look for upper case in one pass (three or four uuids
 * a row): -1 when s is not a uuid, else 1 when it has upper case. */
static int uuid_shape(const char *s, size_t n)
{
	/* 1 lower-case hex digit, 2 upper-case one, 0 anything else. */
	static const unsigned char hex[256] = {
		['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,
		['7'] = 1, ['8'] = 1, ['9'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1,
		['e'] = 1, ['f'] = 1, ['A'] = 2, ['B'] = 2, ['C'] = 2, ['D'] = 2, ['E'] = 2,
		['F'] = 2,
	};
	static const unsigned char part[5][2] = { { 0, 8 }, { 9, 4 }, { 14, 4 }, { 19, 4 }, { 24, 12 } };
	const unsigned char *u = (const unsigned char *)s;
	unsigned any = 0;

	if (n != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-')
		return -1;
	for (int k = 0; k < 5; k++)
		for (unsigned i = part[k][0]; i < part[k][0] + part[k][1]; i++) {
			unsigned h = hex[u[i]];
			if (!h)
				return -1;
			any |= h;
		}
	return (any & 2) != 0;
}

static int take_uuid(struct sync_row *r, struct sync_val *v, const char *s, size_t n)
{
	int shape = uuid_shape(s, n);

	if (shape < 0)
		return -1;
	if (shape > 0) {
		char *low = xstrdup(s);
		for (char *p = low; *p; p++)
			if (*p >= 'A' && *p <= 'F')
				*p = (char)(*p - 'A' + 'a');
		s = own(r, low);
	}
	set_text(v, s, n);
	return 0;
}

static int take_text(struct sync_row *r, struct sync_val *v, const char *s, size_t n)
{
	char *nfc;

	/* Undo csvw's neutralising: it put a ' before a formula-like text and
	 * before a text that was ' followed by a formula-like one. */
	if (r->strip_quote && n > 1 && s[0] == '\'' && (csvw_is_formula(s + 1, n - 1) ||
	    (s[1] == '\'' && csvw_is_formula(s + 2, n - 2))))
		s++, n--;
	if (sync_row_nfc_already(s, n)) {
		set_text(v, s, n);
		return 0;
	}
	if (!(nfc = text_nfc(s)))
		return -1;
	set_text(v, own(r, nfc), strlen(nfc));
	return 0;
}

/* A phone number in its one stored form (phone.h), whatever a spreadsheet
 * made of it (900005639 for 0900005639). */
static int take_phone(struct sync_row *r, struct sync_val *v, const char *s, size_t n)
{
	char canon[PHONE_MAX], *t;
	int rc;

	if (take_text(r, v, s, n) != 0)
		return -1;
	t = xstrndup(v->s, v->n);
	rc = phone_canon(t, canon);
	free(t);
	if (rc != 0)
		return -6;
	if (strlen(canon) != v->n || memcmp(canon, v->s, v->n) != 0)
		set_text(v, own(r, xstrdup(canon)), strlen(canon));
	if (!*canon)
		v->type = SQLITE_NULL;
	return 0;
}

static int take_date(struct sync_row *r, struct sync_val *v, const char *s, size_t n)
{
	char iso[11];

	if (n == 10 && date_valid_iso(s)) {
		set_text(v, s, n);
		return 0;
	}
	if (date_parse_user(s, iso) != 0)
		return -1;
	set_text(v, own(r, xstrdup(iso)), 10);
	return 0;
}

/* Plain digits with an optional '-' (0/1 flags, years, counts: most
 * numbers of an import) without strtod and its locale look-up; 15 digits
 * at most, so the value is exact as a double too.  0 when s is anything
 * else, for num_parse_mark to decide. */
static int plain_integer(const char *s, long long *out)
{
	int neg = *s == '-';
	long long x = 0;
	size_t k = 0;

	for (s += neg; s[k] >= '0' && s[k] <= '9'; k++)
		x = x * 10 + (s[k] - '0');
	if (k == 0 || k > 15 || s[k])
		return 0;
	*out = neg ? -x : x;
	return 1;
}

static int take_number(struct sync_row *r, struct sync_val *v, const char *s, int kind)
{
	double d;
	long long ms;
	char *end;

	if (kind != SYNC_TIME && plain_integer(s, &ms)) {
		v->type = kind == SYNC_REAL ? SQLITE_FLOAT : SQLITE_INTEGER;
		v->i = ms;
		/* "-0" is -0.0 as num_parse_mark reads it */
		v->d = *s == '-' && ms == 0 ? -0.0 : (double)ms;
		return 0;
	}
	if (kind == SYNC_TIME) {
		if (clock_parse_iso(s, &ms) != 0) {
			ms = strtoll(s, &end, 10);
			if (*end || end == s)
				return -1;
		}
		v->type = SQLITE_INTEGER;
		v->i = ms;
		return 0;
	}
	int rc = num_parse_mark(s, r->mark, &d);
	if (rc != NUM_OK)
		return rc == NUM_AMBIGUOUS ? -2 : -1;
	if (kind == SYNC_REAL) {
		v->type = SQLITE_FLOAT;
		v->d = d;
		return 0;
	}
	if (d != floor(d) || fabs(d) > 9007199254740992.0)
		return -1;
	v->type = SQLITE_INTEGER;
	v->i = (long long)d;
	return 0;
}

/* Decode field s into column i; -1 / -2 (ambiguous) when it cannot. */
static int take(struct sync_row *r, size_t i, const char *s, size_t n)
{
	const struct sync_col *c = &r->t->cols[i];
	struct sync_val *v = &r->v[i];

	v->type = SQLITE_NULL;
	if (n == 0) {
		if (!c->notnull)
			return 0;
		if (c->kind != SYNC_TEXT || i == r->t->c_uuid || i == r->t->c_origin)
			return -3;
		set_text(v, "", 0);
		return 0;
	}
	if (i == r->t->c_uuid || c->ref >= 0)
		return take_uuid(r, v, s, n);
	switch (c->kind) {
	case SYNC_TEXT:
		if ((int)i == r->c_phone)
			return take_phone(r, v, s, n);
		return take_text(r, v, s, n);
	case SYNC_DATE:
		return take_date(r, v, s, n);
	case SYNC_TIME:
		if (take_number(r, v, s, c->kind) != 0)
			return -1;
		/* A time must survive export as YYYY-MM-DDTHH:MM:SS.mmmZ, and a version
		 * from the future would win every later merge. */
		if (v->i < 0 || v->i > SYNC_TIME_MAX)
			return -4;
		/* The clock is read again only for a row that looks ahead of the
		 * last reading: a later reading can only move the limit forward. */
		if (i == r->t->c_updated && v->i > r->now_ms + SYNC_CLOCK_AHEAD_MS &&
		    v->i > (r->now_ms = clock_now_ms()) + SYNC_CLOCK_AHEAD_MS)
			return -5;
		return 0;
	default:
		return take_number(r, v, s, c->kind);
	}
}

static void field_error(const struct sync_row *r, size_t i, int why, const char *s,
			const char *file, struct sx_err *err)
{
	const struct sync_col *c = &r->t->cols[i];
	const char *name = c->name;

	if (why == -3)
		sx_err_add(err, file, r->line, _("%s: a value is required"), name);
	else if (why == -4)
		sx_err_add(err, file, r->line, _("%s: \"%s\" is not a time between 1970 and 9999"),
			   name, s);
	else if (why == -5)
		sx_err_add(err, file, r->line, _("%s: \"%s\" is more than a day ahead of this"
			   " computer's clock; check the date and time of both laptops, then export"
			   " again"), name, s);
	else if (why == -6)
		sx_err_add(err, file, r->line, _("%s: \"%s\" is not a phone number (a mobile is 0 and 9"
			   " digits, such as 0912345678; a landline 0, the area code and the number,"
			   " 11 digits, such as 02123852123; +84 may stand for the 0)"), name, s);
	else if (why == -2)
		sx_err_add(err, file, r->line, _("%s: \"%s\" could be read two ways; write it without"
			   " thousands separators"), name, s);
	else if (i == r->t->c_uuid || c->ref >= 0)
		sx_err_add(err, file, r->line, _("%s: \"%s\" is not a uuid"), name, s);
	else if (c->kind == SYNC_TIME)
		sx_err_add(err, file, r->line, _("%s: \"%s\" is not a time like"
			   " 2024-05-31T08:30:00.000Z"), name, s);
	else if (c->kind == SYNC_DATE)
		sx_err_add(err, file, r->line, _("%s: \"%s\" is not a date (write dd/mm/yyyy or"
			   " yyyy-mm-dd)"), name, s);
	else if (c->kind == SYNC_TEXT)
		sx_err_add(err, file, r->line, _("%s: the text is not valid UTF-8"), name);
	else
		sx_err_add(err, file, r->line, _("%s: \"%s\" is not a number"), name, s);
}

/* Recompute the derived columns from their source, as sxsh does when it
 * saves a row, whatever the file held. */
static void derive(struct sync_row *r)
{
	for (size_t i = 0; i < r->t->ncols; i++) {
		const struct sync_col *c = &r->t->cols[i];
		const struct sync_val *src = &r->v[c->src];
		char *name, *key;
		if (!c->derived)
			continue;
		name = xstrndup(src->type == SQLITE_TEXT ? src->s : "", src->type == SQLITE_TEXT ? src->n : 0);
		key = c->derived == SYNC_DERIVED_FOLD ? text_fold(name) : text_collate_key(name);
		free(name);
		if (!key)
			key = xstrdup("");
		own(r, key);
		r->v[i].type = SQLITE_TEXT;
		r->v[i].s = key;
		r->v[i].n = strlen(key);
	}
}

void sync_row_derive(struct sync_row *r)
{
	if (r->underived) {
		r->underived = 0;
		derive(r);
	}
}

/* The width of an official place code by its kind (Decision 124/2004/QĐ-TTg:
 * provinces 2 digits, districts 3, communes 5), or 0. */
static size_t code_width(const struct sync_val *kind)
{
	static const struct { const char *kind; size_t w; } w[] = {
		{ "province", 2 }, { "district", 3 }, { "city", 3 }, { "town", 3 },
		{ "commune", 5 }, { "ward", 5 }, { "township", 5 },
	};
	for (size_t i = 0; kind->type == SQLITE_TEXT && i < sizeof w / sizeof w[0]; i++)
		if (kind->n == strlen(w[i].kind) && memcmp(kind->s, w[i].kind, kind->n) == 0)
			return w[i].w;
	return 0;
}

/* A place code whose leading zeros a spreadsheet dropped (03646 → 3646, as
 * LibreOffice saves a number) gets them back. */
static void place_code(struct sync_row *r)
{
	int c = r->c_code, k = r->c_kind;
	struct sync_val *v;
	size_t w;

	if (c < 0 || k < 0)
		return;
	v = &r->v[c];
	w = code_width(&r->v[k]);
	if (v->type != SQLITE_TEXT || !v->n || v->n >= w)
		return;
	for (size_t i = 0; i < v->n; i++)
		if (v->s[i] < '0' || v->s[i] > '9')
			return;
	char *t = xasprintf("%0*d%.*s", (int)(w - v->n), 0, (int)v->n, v->s);
	set_text(v, own(r, t), w);
}

/* The text of column c ("" when it is NULL or not a text).  Every text the
 * decoder sets ends in a NUL at s[n] (a field of the record, or a string it
 * made) and holds none before it (the reader refuses NUL bytes). */
static const char *text_of(const struct sync_row *r, int c)
{
	const struct sync_val *v = c < 0 ? NULL : &r->v[c];

	return v && v->type == SQLITE_TEXT ? v->s : "";
}

/* An answer's value through r->conv: kept, replaced by its canonical
 * text, or refused with its line. */
static int convert(struct sync_row *r, const char *file, struct sx_err *err)
{
	int c = r->c_value, rc;
	char *out = NULL, why[256] = "";

	if (!r->conv || !r->conv->answer || c < 0)
		return 0;
	rc = r->conv->answer(r->conv->arg, text_of(r, r->c_assess), text_of(r, r->c_name),
			     text_of(r, c), r->mark, &out, why, sizeof why);
	if (rc < 0)
		sx_err_add(err, file, r->line, "%s", why);
	else if (rc > 0 && out)
		set_text(&r->v[c], own(r, out), strlen(out));
	else
		free(out);
	return rc < 0 ? -1 : 0;
}

int sync_row_decode(struct sync_row *r, const struct csvr_rec *rec, const char *file,
		    struct sx_err *err)
{
	const struct sync_val *del;

	for (size_t i = 0; i < r->nowned; i++)
		free(r->owned[i]);
	r->nowned = 0;
	r->line = rec->line;
	if (rec->n != r->nfields) {
		sx_err_add(err, file, rec->line, _("expected %zu fields, found %zu"), r->nfields, rec->n);
		return -1;
	}
	for (size_t i = 0; i < r->t->ncols; i++) {
		size_t f = r->map[i];
		int why = f == (size_t)-1 ? take(r, i, "", 0) : take(r, i, rec->f[f], rec->len[f]);
		if (why != 0) {
			field_error(r, i, why, f == (size_t)-1 ? "" : rec->f[f], file, err);
			return -1;
		}
	}
	r->underived = 1;
	del = &r->v[r->t->c_deleted];
	if (del->type != SQLITE_INTEGER || (del->i != 0 && del->i != 1)) {
		sx_err_add(err, file, rec->line, _("deleted: must be 0 or 1"));
		return -1;
	}
	place_code(r);
	return convert(r, file, err);
}

void sync_row_bind(const struct sync_row *r, size_t i, sqlite3_stmt *st, int p)
{
	const struct sync_val *v = &r->v[i];

	switch (v->type) {
	case SQLITE_INTEGER:
		sqlite3_bind_int64(st, p, v->i);
		break;
	case SQLITE_FLOAT:
		sqlite3_bind_double(st, p, v->d);
		break;
	case SQLITE_TEXT:
		sqlite3_bind_text(st, p, v->s, (int)v->n, SQLITE_STATIC);
		break;
	default:
		sqlite3_bind_null(st, p);
	}
}

static int rank(int type)
{
	return type == SQLITE_NULL ? 0 : type == SQLITE_TEXT ? 2 : type == SQLITE_BLOB ? 3 : 1;
}

int sync_row_cmp(const struct sync_row *r, size_t i, sqlite3_stmt *st, int c)
{
	const struct sync_val *v = &r->v[i];
	int t = sqlite3_column_type(st, c), a = rank(v->type), b = rank(t);

	if (a != b)
		return a < b ? -1 : 1;
	if (a == 0)
		return 0;
	if (a == 1) {
		if (v->type == SQLITE_INTEGER && t == SQLITE_INTEGER) {
			long long x = sqlite3_column_int64(st, c);
			return v->i < x ? -1 : v->i > x;
		}
		double x = v->type == SQLITE_INTEGER ? (double)v->i : v->d;
		double y = sqlite3_column_double(st, c);
		return x < y ? -1 : x > y;
	}
	size_t n = (size_t)sqlite3_column_bytes(st, c);
	const void *s = a == 2 ? (const void *)sqlite3_column_text(st, c) : sqlite3_column_blob(st, c);
	int m = memcmp(v->s, s, v->n < n ? v->n : n);
	return m ? m : v->n < n ? -1 : v->n > n;
}

void sync_row_free(struct sync_row *r)
{
	for (size_t i = 0; i < r->nowned; i++)
		free(r->owned[i]);
	free(r->owned);
	free(r->map);
	free(r->v);
	memset(r, 0, sizeof *r);
}
