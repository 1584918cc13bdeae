/* formdir.c — listing the form files (.csv and .xlsx). */
#include "form/formdir.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "form/xlsform.h"
#include "base/i18n.h"
#include "base/mem.h"

/* Rapid assessments first (the common case, preselected), then by file. */
static int by_kind_then_path(const void *a, const void *b)
{
	const struct formdir_entry *x = a, *y = b;
	int rx = strstr(x->form_id, "rapid") != NULL, ry = strstr(y->form_id, "rapid") != NULL;
	return rx != ry ? ry - rx : strcmp(x->path, y->path);
}

size_t formdir_scan(const char *datadir, struct formdir_entry **out, struct sx_err *err)
{
	char *dir = xasprintf("%s/forms", datadir);
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t n = 0, cap = 0;

	*out = NULL;
	if (!d) {
		sx_err_add(err, dir, 0, "%s", _("cannot open the forms folder"));
		free(dir);
		return 0;
	}
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);
		char *path;
		struct xform *f;
		if (!(len > 4 && strcasecmp(de->d_name + len - 4, ".csv") == 0) &&
		    !(len > 5 && strcasecmp(de->d_name + len - 5, ".xlsx") == 0))
			continue; /* a form is pyxform's CSV or an .xlsx workbook */
		path = xasprintf("%s/%s", dir, de->d_name);
		f = xform_load(path, err);
		if (!f) {
			free(path);
			continue;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		(*out)[n].path = path;
		(*out)[n].form_id = xstrdup(f->settings.form_id);
		(*out)[n].title = xstrdup(f->settings.form_title ? f->settings.form_title
							 : f->settings.form_id);
		n++;
		xform_free(f);
	}
	closedir(d);
	free(dir);
	if (n)
		qsort(*out, n, sizeof **out, by_kind_then_path);
	return n;
}

char *formdir_path(const char *datadir, const char *form_id, struct sx_err *err)
{
	struct sx_err ignore = {0};
	struct formdir_entry *e;
	size_t n = formdir_scan(datadir, &e, &ignore);
	char *path = NULL;

	for (size_t i = 0; i < n && !path; i++)
		if (strcmp(e[i].form_id, form_id) == 0)
			path = xstrdup(e[i].path);
	if (!path)
		sx_err_add(err, NULL, 0, _("the form \"%s\" is not installed in %s/forms"), form_id, datadir);
	formdir_free(e, n);
	sx_err_clear(&ignore);
	return path;
}

void formdir_free(struct formdir_entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(e[i].path);
		free(e[i].form_id);
		free(e[i].title);
	}
	free(e);
}
