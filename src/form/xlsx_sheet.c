/* xlsx_sheet.c — one worksheet (ECMA-376 part 1, 18.3) into rows: <row r>,
 * <c r t s> with <v> or an inline <is><t>, cells placed by their reference
 * (B7 is the second column), and each value turned into the text a
 * spreadsheet's CSV would hold (see xlsx.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/xlsx_int.h"
#include "base/i18n.h"
#include "base/mem.h"

struct sheet_ctx {
	struct xlsx *x;
	struct xlsx_sax *sax;
	long sheet;              /* its number */
	long row;                /* current row number, 0 before the first */
	long col;                /* current cell's column (0-based) */
	char type[12];           /* the cell's t attribute */
	long style;              /* its s attribute */
	char *text;              /* <v> or inline text being read */
	size_t len, cap;
	int in_row, in_c, in_v, in_is, in_t, in_rph;
	char **cells;            /* the row's cells by column, NULL = empty */
	size_t ncells;           /* one past the last column set */
};

static void stop(struct sheet_ctx *c, const char *why)
{
	c->sax->stop = 1;
	c->sax->stop_msg = why;
}

/* "AB12" → column 27 (0-based), or -1. */
static long ref_col(const char *ref)
{
	long col = 0;
	int letters = 0;

	for (; *ref >= 'A' && *ref <= 'Z'; ref++, letters++) {
		col = col * 26 + (*ref - 'A' + 1);
		if (col > XLSX_MAX_COLS)
			return -1;
	}
	return letters ? col - 1 : -1;
}

/* Days since 1970-01-01 to y-m-d (H. Hinnant's civil_from_days). */
static void civil(long z, long *y, unsigned *m, unsigned *d)
{
	long era, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	yoe = z - era * 146097;
	yoe = (yoe - yoe / 1460 + yoe / 36524 - yoe / 146096) / 365;
	doy = z - era * 146097 - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* An Excel serial day number as a date (and time of day when it has one). */
static char *serial_date(double v, int date1904)
{
	long days = (long)floor(v), secs = lround((v - floor(v)) * 86400.0), y;
	unsigned m, d;

	if (secs >= 86400)
		days++, secs -= 86400;
	if (!date1904 && days == 0)
		return xasprintf("%02ld:%02ld:%02ld", secs / 3600, secs / 60 % 60, secs % 60);
	/* 1900 system: day 1 is 1900-01-01 and day 60 the 29 February that
	 * 1900 did not have (Lotus's rule, kept by Excel). */
	if (date1904)
		days += -24107; /* 1904-01-01 */
	else
		days += days < 61 ? -25568 : -25569;
	civil(days, &y, &m, &d);
	if (!secs)
		return xasprintf("%04ld-%02u-%02u", y, m, d);
	return xasprintf("%04ld-%02u-%02u %02ld:%02ld:%02ld", y, m, d, secs / 3600,
			 secs / 60 % 60, secs % 60);
}

/* A number as Python's str() shows it (pyxform reads .xlsx with it): an
 * integral value without ".0", else the shortest text that reads back. */
static char *number_text(const char *s)
{
	char *end, buf[40];
	double v = strtod(s, &end);

	if (end == s || *end || !isfinite(v))
		return xstrdup(s);
	if (v == floor(v) && fabs(v) < 1e17)
		return xasprintf("%.0f", v == 0 ? 0.0 : v);
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(buf, sizeof buf, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	return xstrdup(buf);
}

/* Text with each no-break space (U+00A0) as a plain space, as pyxform. */
static char *plain_text(const char *s, size_t len)
{
	char *out = xmalloc(len + 1), *o = out;

	for (size_t i = 0; i < len; i++) {
		if ((unsigned char)s[i] == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
			*o++ = ' ';
			i++;
		} else {
			*o++ = s[i];
		}
	}
	*o = '\0';
	return out;
}

static char *cell_value(struct sheet_ctx *c)
{
	struct xlsx *x = c->x;
	const char *t = c->type, *v = c->text ? c->text : "";

	if (!c->len && strcmp(t, "inlineStr") != 0)
		return NULL;
	if (strcmp(t, "s") == 0) {
		char *end;
		long i = strtol(v, &end, 10);
		if (end == v || *end || i < 0 || (size_t)i >= x->nstrings)
			return NULL; /* reported by the caller */
		return plain_text(x->strings[i], strlen(x->strings[i]));
	}
	if (strcmp(t, "b") == 0)
		return xstrdup(strcmp(v, "1") == 0 ? "TRUE" : "FALSE");
	if (strcmp(t, "inlineStr") == 0 || strcmp(t, "str") == 0 || strcmp(t, "e") == 0 ||
	    strcmp(t, "d") == 0)
		return plain_text(v, c->len);
	if (c->style >= 0 && (size_t)c->style < x->nxf && x->date_xf[c->style]) {
		char *end;
		double d = strtod(v, &end);
		if (end != v && !*end && d >= 0 && d < 2958466)
			return serial_date(d, x->date1904);
	}
	return number_text(v);
}

static void flush_row(struct sheet_ctx *c)
{
	struct xlsx *x = c->x;
	struct xlsx_row *r;

	if (!c->ncells)
		return;
	/* Every cell up to the row's last one is stored: count them all. */
	x->ncells += (long)c->ncells + 1;
	if (x->ncells > XLSX_MAX_CELLS) {
		stop(c, _("too many cells for a form"));
		return;
	}
	if (x->nrows == x->caprows) {
		x->caprows = x->caprows ? x->caprows * 2 : 64;
		x->rows = xreallocarray(x->rows, x->caprows, sizeof *x->rows);
	}
	r = &x->rows[x->nrows++];
	r->line = c->sheet * XLSX_SHEET_STRIDE + c->row;
	r->n = c->ncells + 1;
	r->f = xcalloc(r->n, sizeof *r->f);
	r->len = xcalloc(r->n, sizeof *r->len);
	r->f[0] = xstrdup("");
	for (size_t i = 0; i < c->ncells; i++) {
		r->f[i + 1] = c->cells[i] ? c->cells[i] : xstrdup("");
		r->len[i + 1] = strlen(r->f[i + 1]);
		c->cells[i] = NULL;
	}
	c->ncells = 0;
}

static void end_cell(struct sheet_ctx *c)
{
	char *v;

	if (c->text)
		c->text[c->len] = '\0';
	v = cell_value(c);
	if (!v && strcmp(c->type, "s") == 0 && c->len) {
		stop(c, _("a cell refers to a shared string that does not exist"));
		return;
	}
	if (v && !*v) {
		free(v);
		v = NULL;
	}
	if (v) {
		free(c->cells[c->col]);
		c->cells[c->col] = v;
		if ((size_t)c->col + 1 > c->ncells)
			c->ncells = (size_t)c->col + 1;
	}
}

static void sheet_start(void *ud, const char *el, const char **attr)
{
	struct sheet_ctx *c = ud;

	if (strcmp(el, "row") == 0) {
		const char *r = xlsx_attr(attr, "r");
		long n = r ? strtol(r, NULL, 10) : c->row + 1;
		if (n <= c->row || n >= XLSX_SHEET_STRIDE)
			{
			stop(c, _("rows out of order or beyond the last row"));
			return;
		}
		c->row = n;
		c->col = -1;
		c->in_row = 1;
	} else if (strcmp(el, "c") == 0 && c->in_row) {
		const char *r = xlsx_attr(attr, "r"), *t = xlsx_attr(attr, "t"),
			   *s = xlsx_attr(attr, "s");
		long col = r ? ref_col(r) : c->col + 1;
		if (col < 0 || col >= XLSX_MAX_COLS)
			{
			stop(c, _("a cell reference is not a column of the sheet"));
			return;
		}
		c->col = col;
		snprintf(c->type, sizeof c->type, "%s", t ? t : "n");
		c->style = s ? strtol(s, NULL, 10) : -1;
		c->len = 0;
		c->in_c = 1;
	} else if (c->in_c && strcmp(el, "v") == 0) {
		c->in_v = 1;
	} else if (c->in_c && strcmp(el, "is") == 0) {
		c->in_is = 1;
	} else if (c->in_is && strcmp(el, "t") == 0) {
		c->in_t = 1;
	} else if (c->in_is && strcmp(el, "rPh") == 0) {
		c->in_rph = 1;
	}
}

static void sheet_end(void *ud, const char *el)
{
	struct sheet_ctx *c = ud;

	if (strcmp(el, "v") == 0)
		c->in_v = 0;
	else if (strcmp(el, "t") == 0)
		c->in_t = 0;
	else if (strcmp(el, "rPh") == 0)
		c->in_rph = 0;
	else if (strcmp(el, "is") == 0)
		c->in_is = 0;
	else if (strcmp(el, "c") == 0 && c->in_c) {
		c->in_c = 0;
		end_cell(c);
	} else if (strcmp(el, "row") == 0 && c->in_row) {
		c->in_row = 0;
		flush_row(c);
	}
}

static void sheet_text(void *ud, const char *s, int len)
{
	struct sheet_ctx *c = ud;

	if (!c->in_c || len <= 0 || !(c->in_v || (c->in_t && !c->in_rph)))
		return;
	if (c->len + (size_t)len + 1 > c->cap) {
		c->cap = (c->len + (size_t)len + 1) * 2;
		c->text = xrealloc(c->text, c->cap);
	}
	memcpy(c->text + c->len, s, (size_t)len);
	c->len += (size_t)len;
}

int xlsx_read_sheet(struct xlsx *x, const char *part, long sheet, struct sx_err *err)
{
	struct xlsx_sax sax = { .start = sheet_start, .end = sheet_end, .text = sheet_text };
	struct sheet_ctx c = { .x = x, .sax = &sax, .sheet = sheet, .col = -1 };
	size_t len = 0, marker;
	int missing, rc;
	char *buf = xlsx_part(x, part, &len, &missing, err);

	if (!buf) {
		if (missing)
			sx_err_add(err, x->name, 0, _("sheet '%s' (%s) is missing from the workbook"),
				   x->sheets[sheet], part);
		return -1;
	}
	/* The marker row that starts the sheet in the single-file layout. */
	if (x->nrows == x->caprows) {
		x->caprows = x->caprows ? x->caprows * 2 : 64;
		x->rows = xreallocarray(x->rows, x->caprows, sizeof *x->rows);
	}
	marker = x->nrows++;
	x->rows[marker] = (struct xlsx_row){ .line = sheet * XLSX_SHEET_STRIDE, .n = 1 };
	x->rows[marker].f = xcalloc(1, sizeof *x->rows[marker].f);
	x->rows[marker].len = xcalloc(1, sizeof *x->rows[marker].len);
	x->rows[marker].f[0] = xstrdup(x->sheets[sheet]);
	x->rows[marker].len[0] = strlen(x->sheets[sheet]);
	c.cells = xcalloc(XLSX_MAX_COLS, sizeof *c.cells);
	sax.ud = &c;
	rc = xlsx_parse(x, part, buf, len, &sax, err);
	for (size_t i = 0; i < XLSX_MAX_COLS; i++)
		free(c.cells[i]);
	free(c.cells);
	free(c.text);
	free(buf);
	return rc;
}
