/* manifest.c — writing and reading manifest.csv. */
#include "sync/manifest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/csvread.h"
#include "base/csvwrite.h"
#include "base/i18n.h"
#include "base/mem.h"

void manifest_add(struct manifest *m, const char *name, long long rows, const char *sha256)
{
	struct manifest_file *f;

	m->files = xreallocarray(m->files, m->nfiles + 1, sizeof *m->files);
	f = &m->files[m->nfiles++];
	f->name = xstrdup(name);
	f->rows = rows;
	snprintf(f->sha256, sizeof f->sha256, "%s", sha256);
}

static void row(struct csvw *w, const char *name, const char *value, const char *rows,
		const char *sha)
{
	csvw_field(w, name, strlen(name), 1);
	csvw_field(w, value, strlen(value), 1);
	csvw_field(w, rows, strlen(rows), 0);
	csvw_field(w, sha, strlen(sha), 0);
	csvw_end_row(w);
}

int manifest_write(const struct manifest *m, const char *path, struct sx_err *err)
{
	struct csvw *w = csvw_create(path, 0, err);
	char num[32], hex[65];

	if (!w)
		return -1;
	row(w, "name", "value", "rows", "sha256");
	snprintf(num, sizeof num, "%d", m->format);
	row(w, "sxsh_export", num, "", "");
	snprintf(num, sizeof num, "%d", m->schema_version);
	row(w, "schema_version", num, "", "");
	row(w, "installation", m->installation, "", "");
	row(w, "exported_at", m->exported_at, "", "");
	row(w, "since", m->since ? m->since : "", "", "");
	row(w, "place", m->place ? m->place : "", "", "");
	row(w, "spreadsheet", m->spreadsheet ? "1" : "0", "", "");
	for (size_t i = 0; i < m->nfiles; i++) {
		snprintf(num, sizeof num, "%lld", m->files[i].rows);
		row(w, "file", m->files[i].name, num, m->files[i].sha256);
	}
	return csvw_close(w, hex, err);
}

static int parse_int(const char *s, long long *v)
{
	char *end;

	if (!*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 15)
		return -1;
	*v = strtoll(s, &end, 10);
	return 0;
}

/* Take one row of the manifest; -1 with a message when it is malformed. */
static int take(struct manifest *m, const struct csvr_rec *r, const char *path, struct sx_err *err)
{
	const char *k = r->f[0], *v = r->f[1];
	long long n;

	if (strcmp(k, "file") == 0) {
		if (parse_int(r->f[2], &n) != 0 || strlen(r->f[3]) != 64 || strchr(v, '/') || !*v)
			goto bad;
		manifest_add(m, v, n, r->f[3]);
	} else if (strcmp(k, "sxsh_export") == 0 || strcmp(k, "schema_version") == 0) {
		if (parse_int(v, &n) != 0 || n > 1000000)
			goto bad;
		*(k[1] == 'x' ? &m->format : &m->schema_version) = (int)n;
	} else if (strcmp(k, "installation") == 0) {
		free(m->installation), m->installation = xstrdup(v);
	} else if (strcmp(k, "exported_at") == 0) {
		free(m->exported_at), m->exported_at = xstrdup(v);
	} else if (strcmp(k, "since") == 0) {
		free(m->since), m->since = xstrdup(v);
	} else if (strcmp(k, "place") == 0) {
		free(m->place), m->place = xstrdup(v);
	} else if (strcmp(k, "spreadsheet") == 0) {
		m->spreadsheet = strcmp(v, "1") == 0;
	} /* unknown facts come from a newer sxsh; the format number decides */
	return 0;
bad:
	sx_err_add(err, path, r->line, _("the manifest is damaged; export the folder again"));
	return -1;
}

int manifest_read(const char *path, struct manifest *m, struct sx_err *err)
{
	struct csvr *r;
	const struct csvr_rec *rec;
	int rc, first = 1;

	memset(m, 0, sizeof *m);
	if (!(r = csvr_open(path, 0, err)))
		return -1;
	while ((rc = csvr_next(r, &rec, err)) == 1) {
		if (rec->n != 4) {
			sx_err_add(err, path, rec->line, _("the manifest is damaged; export the folder again"));
			rc = -1;
			break;
		}
		if (first) {
			first = 0;
			continue; /* the header */
		}
		if ((rc = take(m, rec, path, err)) != 0)
			break;
	}
	csvr_close(r);
	if (rc == 0 && (m->format <= 0 || !m->installation || !m->exported_at)) {
		sx_err_add(err, path, 0, _("the manifest is damaged; export the folder again"));
		rc = -1;
	}
	return rc;
}

void manifest_free(struct manifest *m)
{
	for (size_t i = 0; i < m->nfiles; i++)
		free(m->files[i].name);
	free(m->files);
	free(m->installation);
	free(m->exported_at);
	free(m->since);
	free(m->place);
	memset(m, 0, sizeof *m);
}
