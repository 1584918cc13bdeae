/* suggest.c — completing free text from known phrases (suggest.h). */
#include "assess/suggest.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "base/csvread.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/text.h"

/* c lower-cased and without its marks ("Ệ" → "e", "Đ" → "d"), one character for one. */
static wchar_t fold_char(wchar_t c)
{
	char mb[8], *f;
	wchar_t out = c;
	int n;

	if (c < 0x80)
		return (wchar_t)towlower((wint_t)c);
	if (c == L'Đ' || c == L'đ')
		return L'd';
	if ((n = wctomb(mb, c)) <= 0)
		return c;
	mb[n] = '\0';
	if ((f = text_fold(mb)) != NULL && *f && mbtowc(&out, f, strlen(f)) <= 0)
		out = c;
	free(f);
	return out;
}

/* A letter or a digit: words are made of these. */
static int wordy(wchar_t c)
{
	return iswalnum((wint_t)c) || c == L'-' || c == L'/';
}

/* Add one part (len characters from p), trimmed. */
static void add_part(struct suggest *s, const wchar_t *p, size_t len)
{
	while (len && iswspace((wint_t)*p))
		p++, len--;
	while (len && iswspace((wint_t)p[len - 1]))
		len--;
	if (len < 2)
		return;
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].len == len && wmemcmp(s->v[i].text, p, len) == 0)
			return;
	s->v = xrealloc(s->v, (s->n + 1) * sizeof *s->v);
	struct sg_phrase *ph = &s->v[s->n++];
	ph->len = len;
	ph->text = xcalloc(len + 1, sizeof *ph->text);
	ph->fold = xcalloc(len + 1, sizeof *ph->fold);
	wmemcpy(ph->text, p, len);
	for (size_t i = 0; i < len; i++)
		ph->fold[i] = fold_char(p[i]);
}

void suggest_add(struct suggest *s, const char *text)
{
	size_t n = text ? mbstowcs(NULL, text, 0) : (size_t)-1;
	wchar_t *w;

	if (n == (size_t)-1 || n == 0)
		return;
	w = xcalloc(n + 1, sizeof *w);
	mbstowcs(w, text, n + 1);
	for (size_t from = 0, i = 0; i <= n; i++)
		if (i == n || wcschr(L",;:.?!()\n\r", w[i])) {
			add_part(s, w + from, i - from);
			from = i + 1;
		}
	free(w);
}

/* The rest of the first phrase holding q (ql folded characters) at a word start, or 0. */
static size_t find(const struct suggest *s, const wchar_t *q, size_t ql, wchar_t *out, size_t max)
{
	for (size_t k = 0; k < s->n; k++) {
		const struct sg_phrase *ph = &s->v[k];
		for (size_t pos = 0; pos + ql < ph->len; pos++) {
			if (pos && wordy(ph->fold[pos - 1]))
				continue;
			if (wmemcmp(ph->fold + pos, q, ql) != 0)
				continue;
			size_t rest = ph->len - pos - ql;
			if (rest >= max)
				rest = max - 1;
			wmemcpy(out, ph->text + pos + ql, rest);
			out[rest] = L'\0';
			return rest;
		}
	}
	return 0;
}

size_t suggest_complete(const struct suggest *s, const wchar_t *typed, wchar_t *out, size_t max)
{
	size_t len = wcslen(typed), got = 0;
	wchar_t *q;

	if (max)
		out[0] = L'\0';
	if (!len || max < 2 || !s->n || iswspace((wint_t)typed[len - 1]))
		return 0;
	q = xcalloc(len + 1, sizeof *q);
	for (size_t i = 0; i < len; i++)
		q[i] = fold_char(typed[i]);
	/* The longest tail first: the whole field, then from each later word. */
	for (size_t p = 0; p < len && !got; p++) {
		if (p && (wordy(typed[p - 1]) || !wordy(typed[p])))
			continue;
		if (p && len - p < 2)
			break;
		got = find(s, q + p, len - p, out, max);
	}
	free(q);
	return got;
}

size_t suggest_word(const wchar_t *cont)
{
	size_t i = 0;
	while (cont[i] && !wordy(cont[i]))
		i++;
	while (cont[i] && wordy(cont[i]))
		i++;
	return i;
}

void suggest_free(struct suggest *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].text);
		free(s->v[i].fold);
	}
	free(s->v);
	*s = (struct suggest){ 0 };
}

/* Append a copy of text to the NULL-terminated array *v of *n strings. */
static void push(char ***v, size_t *n, const char *text)
{
	*v = xrealloc(*v, (*n + 2) * sizeof **v);
	(*v)[(*n)++] = xstrdup(text);
	(*v)[*n] = NULL;
}

/* The header's index of column name, or -1. */
static int column(const struct csvr_rec *h, const char *name)
{
	for (size_t i = 0; i < h->n; i++)
		if (strcmp(h->f[i], name) == 0)
			return (int)i;
	return -1;
}

int suggest_observations(const char *datadir, const char *sector, const char *question,
			 const char *lang, char ***out, size_t *n, struct sx_err *err)
{
	char *path = xasprintf("%s/forms/data/observations.csv", datadir);
	struct csvr *r = csvr_open(path, 0, err);
	const struct csvr_rec *rec;
	int rc, cs, cq, ct;

	*out = NULL;
	*n = 0;
	free(path);
	if (!r)
		return -1;
	if ((rc = csvr_next(r, &rec, err)) != 1 || (cs = column(rec, "sector")) < 0 ||
	    (cq = column(rec, "question")) < 0 ||
	    (ct = column(rec, lang && strcmp(lang, "en") == 0 ? "text_en" : "text_vi")) < 0 ||
	    column(rec, "source") < 0) {
		if (rc == 1)
			sx_err_add(err, csvr_name(r), rec->line, "%s",
				   _("the header lacks a column of the catalogue"));
		csvr_close(r);
		return -1;
	}
	while ((rc = csvr_next(r, &rec, err)) == 1) {
		if (rec->n <= (size_t)cs || rec->n <= (size_t)cq || rec->n <= (size_t)ct) {
			sx_err_add(err, csvr_name(r), rec->line, "%s", _("too few fields"));
			rc = -1;
			break;
		}
		if (strcmp(rec->f[cs], sector ? sector : "") == 0 &&
		    (!question || strcmp(rec->f[cq], question) == 0) && *rec->f[ct])
			push(out, n, rec->f[ct]);
	}
	csvr_close(r);
	if (rc < 0) {
		suggest_strv_free(*out);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

int suggest_answers(struct sx_db *db, const char *name, const char *uuid, int limit,
		    char ***out, size_t *n, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT value FROM answers WHERE name = ?1 AND assessment_uuid <> ?2 AND deleted = 0"
		" AND value <> '' GROUP BY value ORDER BY max(updated_at) DESC LIMIT ?3", err);
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, uuid, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		push(out, n, (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		suggest_strv_free(*out);
		*out = NULL;
		*n = 0;
		return db_fail(db, err);
	}
	return 0;
}

void suggest_strv_free(char **v)
{
	for (size_t i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}
