/* listimport.c — a participant list from a spreadsheet (rules in listimport.h). */
#include "training/listimport.h"

#include <stdlib.h>
#include <string.h>

#include "base/csvread.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/text.h"
#include "training/attendance.h"

/* The columns sxsh reads. */
enum { C_NAME, C_YEAR, C_GENDER, C_ETHNIC, C_POSITION, C_UNIT, C_CATEGORY, C_PHONE, NCOL };

/* Header names of each column, folded (text_fold): Vietnamese, then English. */
static const char *const headers[NCOL][7] = {
	[C_NAME] = { "ho va ten", "ho ten", "ho va ten hoc vien", "full name", "name", NULL },
	[C_YEAR] = { "nam sinh", "year of birth", "birth year", "year born", NULL },
	[C_GENDER] = { "gioi tinh", "gender", "sex", NULL },
	[C_ETHNIC] = { "dan toc", "ethnicity", "ethnic group", NULL },
	[C_POSITION] = { "chuc vu", "position", "job title", NULL },
	[C_UNIT] = { "don vi", "don vi cong tac", "co quan", "unit", "organisation",
		     "organization", NULL },
	[C_CATEGORY] = { "doi tuong", "category", NULL },
	[C_PHONE] = { "dien thoai", "so dien thoai", "sdt", "dt", "phone", "telephone", NULL },
};

/* Header names that are known and deliberately not read. */
static const char *const skipped[] = { "stt", "tt", "no", "no.", "ky ten", "ky nhan",
				       "signature", "ghi chu", "note", "notes", NULL };

static int header_column(const char *folded)
{
	for (int c = 0; c < NCOL; c++)
		for (int i = 0; headers[c][i]; i++)
			if (strcmp(folded, headers[c][i]) == 0)
				return c;
	return -1;
}

static int is_skipped(const char *folded)
{
	for (int i = 0; skipped[i]; i++)
		if (strcmp(folded, skipped[i]) == 0)
			return 1;
	return !*folded;
}

/* The header's column of each field (-1 when absent); 1 when it names a full name. */
static int read_header(const struct csvr_rec *rec, int col[NCOL], char **ignored)
{
	for (int c = 0; c < NCOL; c++)
		col[c] = -1;
	free(*ignored);
	*ignored = NULL;
	for (size_t i = 0; i < rec->n; i++) {
		char *f = text_fold(rec->f[i]);
		int c = f ? header_column(f) : -1;
		if (c >= 0 && col[c] < 0) {
			col[c] = (int)i;
		} else if (f && !is_skipped(f)) {
			char *more = *ignored ? xasprintf("%s, %s", *ignored, rec->f[i])
					      : xstrdup(rec->f[i]);
			free(*ignored);
			*ignored = more;
		}
		free(f);
	}
	return col[C_NAME] >= 0;
}

/* Values as Vietnamese sheets write them, folded, whatever the language
 * shown: gender and category. */
static const struct { const char *folded, *code; } aliases[] = {
	{ "nam", "male" }, { "nu", "female" }, { "m", "male" }, { "f", "female" },
	{ "can bo khuyen cong", "extension" }, { "khuyen cong", "extension" },
	{ "can bo theo doi cong nghiep", "monitoring" }, { "cong tac vien", "collaborator" },
	{ "doanh nghiep", "enterprise" }, { "cong dong", "community" },
};

/* The code of a coded value written as its code, its label (English or the
 * language shown) or a Vietnamese alias, capitals and accents aside; NULL
 * when none fits. */
static const char *code_of(const struct people_code *codes, size_t n, const char *value)
{
	char *v = text_fold(value);
	const char *found = NULL;

	for (size_t i = 0; v && !found && i < n; i++) {
		char *a = text_fold(codes[i].label), *b = text_fold(_(codes[i].label));
		if (strcmp(v, codes[i].code) == 0 || (a && strcmp(v, a) == 0) ||
		    (b && strcmp(v, b) == 0))
			found = codes[i].code;
		free(a);
		free(b);
	}
	for (size_t i = 0; v && i < sizeof aliases / sizeof aliases[0]; i++)
		for (size_t k = 0; !found && k < n; k++)
			if (strcmp(v, aliases[i].folded) == 0 && strcmp(aliases[i].code, codes[k].code) == 0)
				found = codes[k].code;
	free(v);
	return found;
}

static const char *field(const struct csvr_rec *rec, const int col[NCOL], int c)
{
	return col[c] >= 0 && (size_t)col[c] < rec->n ? rec->f[col[c]] : "";
}

static char *opt(const char *s)
{
	return *s ? xstrdup(s) : NULL;
}

/* A row of the file as a person; its error, or NULL. */
static char *read_person(const struct csvr_rec *rec, const int col[NCOL], struct person *p)
{
	const char *year = field(rec, col, C_YEAR), *g = field(rec, col, C_GENDER);
	const char *cat = field(rec, col, C_CATEGORY);
	char *end = NULL;
	long y = *year ? strtol(year, &end, 10) : 0;

	p->full_name = opt(field(rec, col, C_NAME));
	p->ethnicity = opt(field(rec, col, C_ETHNIC));
	p->position = opt(field(rec, col, C_POSITION));
	p->unit = opt(field(rec, col, C_UNIT));
	p->phone = opt(field(rec, col, C_PHONE));
	if (!p->full_name)
		return xstrdup(_("the full name is empty"));
	if (*year && (*end || y < 1900 || y > 2100))
		return xasprintf(_("the year of birth \"%s\" is not a year between 1900 and 2100"),
				 year);
	p->birth_year = (int)y;
	if (*g) {
		const char *code = code_of(people_genders, people_ngenders, g);
		if (!code)
			return xasprintf(_("unknown gender \"%s\" (Nam/Nữ, male/female)"), g);
		p->gender = xstrdup(code);
	}
	if (*cat) {
		const char *code = code_of(people_categories, people_ncategories, cat);
		if (!code)
			return xasprintf(_("unknown category \"%s\""), cat);
		p->category = xstrdup(code);
	}
	return NULL;
}

/* 1 when every field of the record is blank. */
static int blank(const struct csvr_rec *rec)
{
	for (size_t i = 0; i < rec->n; i++)
		if (rec->f[i][strspn(rec->f[i], " \t")])
			return 0;
	return 1;
}

/* Classify row k against the registry, the session and the rows before it. */
static int classify(struct sx_db *db, const struct participant *in, long nin,
		    struct listimport *li, size_t k, struct sx_err *err)
{
	struct listimport_row *r = &li->rows[k];
	struct person_row *dup = NULL;
	long nd;

	for (size_t i = 0; i < k; i++) {
		const struct person *q = &li->rows[i].p;
		if (li->rows[i].what != LI_ERROR &&
		    people_likely_same(r->p.full_name, r->p.birth_year, r->p.phone, q->full_name,
				       q->birth_year, q->phone)) {
			r->what = LI_REPEAT;
			r->repeat_of = li->rows[i].line;
			return 0;
		}
	}
	nd = people_duplicates(db, r->p.full_name, r->p.birth_year, r->p.phone, NULL, 1, &dup,
			       err);
	if (nd < 0)
		return -1;
	r->what = nd ? LI_KNOWN : LI_NEW;
	if (nd) {
		snprintf(r->match, sizeof r->match, "%s", dup[0].uuid);
		r->match_name = xstrdup(dup[0].full_name);
		for (long i = 0; i < nin; i++)
			if (strcmp(in[i].person_uuid, r->match) == 0)
				r->what = LI_REGISTERED;
	}
	people_rows_free(dup, nd > 0 ? (size_t)nd : 0);
	return 0;
}

/* The records after the header, each as a row of the preview. */
static int read_rows(struct sx_db *db, const char *session_uuid, struct csvr *r,
		     const int col[NCOL], struct listimport *li, struct sx_err *err)
{
	struct participant *in = NULL;
	long nin = attendance_participants(db, session_uuid, &in, err);
	const struct csvr_rec *rec;
	size_t cap = 0;
	int rc;

	if (nin < 0)
		return -1;
	while ((rc = csvr_next(r, &rec, err)) == 1) {
		struct listimport_row *row;
		if (blank(rec))
			continue;
		if (li->n == cap)
			li->rows = xrealloc(li->rows, (cap = cap ? cap * 2 : 64) * sizeof *li->rows);
		row = memset(&li->rows[li->n++], 0, sizeof *li->rows);
		row->line = rec->line;
		row->p.place_uuid = db_setting(db, "home_district");
		row->error = read_person(rec, col, &row->p);
		row->what = LI_ERROR;
		if (!row->error && classify(db, in, nin, li, li->n - 1, err) != 0) {
			rc = -1;
			break;
		}
		li->count[row->what]++;
	}
	attendance_participants_free(in, (size_t)nin);
	return rc < 0 ? -1 : 0;
}

int listimport_read(struct sx_db *db, const char *session_uuid, const char *path,
		    struct listimport *out, struct sx_err *err)
{
	struct csvr *r = csvr_open(path, CSVR_DETECT_DELIM | CSVR_LEGACY_TEXT, err);
	const struct csvr_rec *rec;
	int col[NCOL], rc = 0, found = 0, seen = 0;

	memset(out, 0, sizeof *out);
	out->path = xstrdup(path);
	if (!r)
		return -1;
	for (; seen < 10 && !found && (rc = csvr_next(r, &rec, err)) == 1; seen++)
		found = read_header(rec, col, &out->ignored);
	if (rc >= 0 && seen && !found)
		sx_err_add(err, path, 1, "%s", _("no header row with a full-name column (\"Họ và "
						 "tên\" or \"Full name\") in the first 10 rows"));
	else if (rc == 0 && !seen)
		sx_err_add(err, path, 1, "%s", _("the file is empty"));
	if (found)
		rc = read_rows(db, session_uuid, r, col, out, err);
	out->delim = csvr_delim(r);
	out->legacy = csvr_was_legacy(r);
	csvr_close(r);
	if (!found || rc != 0) {
		listimport_free(out);
		return -1;
	}
	return 0;
}

/* Save and register one row; 0 or -1. */
static int apply_row(struct sx_db *db, const char *session_uuid, struct listimport_row *r,
		     struct sx_err *err)
{
	if (r->what == LI_NEW && person_save(db, &r->p, err) != 0)
		return -1;
	if (r->what != LI_NEW && r->what != LI_KNOWN)
		return 0;
	return attendance_register(db, session_uuid, r->what == LI_NEW ? r->p.uuid : r->match, 0,
				   err) < 0 ? -1 : 0;
}

int listimport_apply(struct sx_db *db, const char *session_uuid, struct listimport *li,
		     struct sx_err *err)
{
	if (li->count[LI_ERROR]) {
		for (size_t i = 0; i < li->n; i++)
			if (li->rows[i].what == LI_ERROR)
				sx_err_add(err, li->path, li->rows[i].line, "%s", li->rows[i].error);
		sx_err_add(err, NULL, 0, _("%zu rows in error: nothing was imported"),
			   li->count[LI_ERROR]);
		return -1;
	}
	if (db_exec(db, "BEGIN IMMEDIATE", err) != 0)
		return -1;
	for (size_t i = 0; i < li->n; i++)
		if (apply_row(db, session_uuid, &li->rows[i], err) != 0) {
			db_exec(db, "ROLLBACK", NULL);
			sx_err_add(err, li->path, li->rows[i].line, "%s", _("not imported"));
			return -1;
		}
	return db_exec(db, "COMMIT", err);
}

void listimport_free(struct listimport *li)
{
	for (size_t i = 0; i < li->n; i++) {
		person_clear(&li->rows[i].p);
		free(li->rows[i].match_name);
		free(li->rows[i].error);
	}
	free(li->rows);
	free(li->path);
	free(li->ignored);
	memset(li, 0, sizeof *li);
}
