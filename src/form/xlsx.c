/* xlsx.c — the workbook: its zip container (libzip), the list of sheets
 * (xl/workbook.xml and its relationships), shared strings and cell styles;
 * every sheet is read at open into rows (xlsx_sheet.c) and handed out one
 * by one.  Every limit is checked before memory is spent: a part larger
 * than XLSX_MAX_PART, more than XLSX_MAX_CELLS cells or a damaged part
 * refuses the workbook with its reason. */
#include "form/xlsx.h"

#include <stdlib.h>
#include <string.h>

#include "form/xlsx_int.h"
#include "form/ziplib.h"
#include "base/i18n.h"
#include "base/mem.h"

/* Read one part whole, NUL-terminated; NULL when absent (*missing = 1) or
 * unreadable (message in err). */
char *xlsx_part(struct xlsx *x, const char *part, size_t *len, int *missing, struct sx_err *err)
{
	zip_stat_t st;
	zip_file_t *zf;
	char *buf;
	zip_int64_t got = 0, n;

	*missing = 0;
	zip_stat_init(&st);
	if (zip_stat(x->zip, part, 0, &st) != 0) {
		*missing = 1;
		return NULL;
	}
	if (!(st.valid & ZIP_STAT_SIZE) || st.size > (zip_uint64_t)XLSX_MAX_PART) {
		sx_err_add(err, x->name, 0, _("%s is larger than %ld MB: not read"), part,
			   XLSX_MAX_PART / (1024 * 1024));
		return NULL;
	}
	if (!(zf = zip_fopen(x->zip, part, 0))) {
		sx_err_add(err, x->name, 0, _("%s cannot be read: %s"), part, zip_strerror(x->zip));
		return NULL;
	}
	buf = xmalloc((size_t)st.size + 1);
	while ((zip_uint64_t)got < st.size &&
	       (n = zip_fread(zf, buf + got, st.size - (zip_uint64_t)got)) > 0)
		got += n;
	if ((zip_uint64_t)got != st.size || zip_fread(zf, buf, 0) < 0) {
		sx_err_add(err, x->name, 0, _("%s cannot be read: %s"), part, zip_file_strerror(zf));
		zip_fclose(zf);
		free(buf);
		return NULL;
	}
	zip_fclose(zf);
	buf[got] = '\0';
	*len = (size_t)got;
	return buf;
}

/* "worksheets/sheet1.xml" relative to xl/, or "/xl/worksheets/sheet1.xml". */
static char *part_path(const char *target)
{
	return target[0] == '/' ? xstrdup(target + 1) : xasprintf("xl/%s", target);
}

/* The sheets in workbook order, each read into rows. */
static int read_sheets(struct xlsx *x, struct sx_err *err)
{
	struct xlsx_book b = { 0 };
	int rc = -1;

	if (xlsx_read_book(x, &b, err) != 0)
		goto out;
	x->sheets = xcalloc(b.n + 1, sizeof *x->sheets);
	x->sheets[0] = xstrdup("");
	x->nsheets = 1;
	for (size_t i = 0; i < b.n; i++) {
		const char *target = NULL;
		char *path;
		for (size_t k = 0; k < b.nrels && !target; k++)
			if (strcmp(b.rels[k].id, b.sheet[i].rid) == 0)
				target = b.rels[k].target;
		if (!target) {
			sx_err_add(err, x->name, 0, _("sheet '%s' has no part in the workbook"),
				   b.sheet[i].name);
			goto out;
		}
		if (x->nsheets >= XLSX_MAX_SHEETS) {
			sx_err_add(err, x->name, 0, _("more than %d sheets: not an XLSForm"), XLSX_MAX_SHEETS);
			goto out;
		}
		x->sheets[x->nsheets] = xstrdup(b.sheet[i].name);
		path = part_path(target);
		if (xlsx_read_sheet(x, path, (long)x->nsheets, err) != 0) {
			free(path);
			x->nsheets++;
			goto out;
		}
		free(path);
		x->nsheets++;
	}
	if (b.n == 0)
		sx_err_add(err, x->name, 0, "%s", _("the workbook has no sheets"));
	else
		rc = 0;
out:
	xlsx_free_book(&b);
	return rc;
}

static struct xlsx *finish_open(struct xlsx *x, zip_t *z, struct sx_err *err)
{
	x->zip = z;
	if (xlsx_read_strings(x, err) != 0 || xlsx_read_styles(x, err) != 0 ||
	    read_sheets(x, err) != 0) {
		xlsx_close(x);
		return NULL;
	}
	zip_close(x->zip); /* everything is in memory now */
	x->zip = NULL;
	return x;
}

static void zip_failed(const char *name, zip_error_t *ze, struct sx_err *err)
{
	sx_err_add(err, name, 0, _("not an .xlsx workbook (%s); save it from the spreadsheet as .xlsx"),
		   zip_error_strerror(ze));
}

struct xlsx *xlsx_open(const char *path, struct sx_err *err)
{
	struct xlsx *x;
	int code = 0;
	zip_t *z;

	if (ziplib_load(err) != 0)
		return NULL;
	x = xcalloc(1, sizeof *x);
	x->name = xstrdup(path);
	if (!(z = zip_open(path, ZIP_RDONLY, &code))) {
		zip_error_t ze;
		zip_error_init_with_code(&ze, code);
		zip_failed(path, &ze, err);
		zip_error_fini(&ze);
		xlsx_close(x);
		return NULL;
	}
	return finish_open(x, z, err);
}

struct xlsx *xlsx_open_mem(const char *name, const void *buf, size_t len, struct sx_err *err)
{
	struct xlsx *x;
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;

	if (ziplib_load(err) != 0)
		return NULL;
	x = xcalloc(1, sizeof *x);
	x->name = xstrdup(name);
	x->copy = xmalloc(len ? len : 1);
	memcpy(x->copy, buf, len);
	zip_error_init(&ze);
	src = zip_source_buffer_create(x->copy, len, 0, &ze);
	if (!src || !(z = zip_open_from_source(src, ZIP_RDONLY, &ze))) {
		zip_failed(name, &ze, err);
		zip_source_free(src);
		zip_error_fini(&ze);
		xlsx_close(x);
		return NULL;
	}
	zip_error_fini(&ze);
	return finish_open(x, z, err);
}

int xlsx_next(struct xlsx *x, const struct csvr_rec **rec, struct sx_err *err)
{
	struct xlsx_row *r;

	(void)err;
	if (x->pos >= x->nrows)
		return 0;
	r = &x->rows[x->pos++];
	/* The loader trims cells in place; each row is handed out once. */
	x->cur = (struct csvr_rec){ .n = r->n, .f = r->f, .len = r->len, .line = r->line };
	*rec = &x->cur;
	return 1;
}

char **xlsx_sheet_names(const struct xlsx *x, size_t *n)
{
	*n = x->nsheets;
	return x->sheets;
}

void xlsx_close(struct xlsx *x)
{
	if (!x)
		return;
	if (x->zip)
		zip_discard(x->zip);
	for (size_t i = 0; i < x->nstrings; i++)
		free(x->strings[i]);
	free(x->strings);
	free(x->date_xf);
	for (size_t i = 0; i < x->nsheets; i++)
		free(x->sheets[i]);
	free(x->sheets);
	for (size_t i = 0; i < x->nrows; i++) {
		for (size_t k = 0; k < x->rows[i].n; k++)
			free(x->rows[i].f[k]);
		free(x->rows[i].f);
		free(x->rows[i].len);
	}
	free(x->rows);
	free(x->copy);
	free(x->name);
	free(x);
}
