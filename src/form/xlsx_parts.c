/* xlsx_parts.c — the XML parts around the sheets (expat): the workbook's
 * sheet list and date system, its relationships, the shared strings and
 * which cell styles are date formats (ECMA-376 part 1, 18.8.30: built-in
 * formats 14-22 and 45-47 are dates and times; a custom format is a date
 * when its code has d, m, y or h outside quotes and brackets). */
#include <ctype.h>
#include <expat.h>
#include <stdlib.h>
#include <string.h>

#include "form/xlsx_int.h"
#include "base/i18n.h"
#include "base/mem.h"

static const char *local(const char *el)
{
	const char *c = strrchr(el, ':');
	return c ? c + 1 : el;
}

const char *xlsx_attr(const char **attr, const char *name)
{
	for (size_t i = 0; attr[i]; i += 2)
		if (strcmp(local(attr[i]), name) == 0)
			return attr[i + 1];
	return NULL;
}

struct sax_ctx {
	struct xlsx_sax *sax;
	XML_Parser p;
};

static void XMLCALL on_start(void *ud, const XML_Char *el, const XML_Char **attr)
{
	struct sax_ctx *c = ud;
	if (c->sax->start && !c->sax->stop)
		c->sax->start(c->sax->ud, local(el), attr);
	if (c->sax->stop)
		XML_StopParser(c->p, XML_FALSE);
}

static void XMLCALL on_end(void *ud, const XML_Char *el)
{
	struct sax_ctx *c = ud;
	if (c->sax->end && !c->sax->stop)
		c->sax->end(c->sax->ud, local(el));
	if (c->sax->stop)
		XML_StopParser(c->p, XML_FALSE);
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
	struct sax_ctx *c = ud;
	if (c->sax->text && !c->sax->stop)
		c->sax->text(c->sax->ud, s, len);
}

int xlsx_parse(struct xlsx *x, const char *part, const char *buf, size_t len,
	       struct xlsx_sax *sax, struct sx_err *err)
{
	XML_Parser p = XML_ParserCreate("UTF-8");
	struct sax_ctx c = { sax, p };
	int rc = 0;

	XML_SetUserData(p, &c);
	XML_SetElementHandler(p, on_start, on_end);
	XML_SetCharacterDataHandler(p, on_text);
	if (XML_Parse(p, buf, (int)len, XML_TRUE) == XML_STATUS_ERROR || sax->stop) {
		const char *why = sax->stop ? sax->stop_msg : XML_ErrorString(XML_GetErrorCode(p));
		sx_err_add(err, x->name, 0, _("%s:%lu: damaged part: %s"), part,
			   (unsigned long)XML_GetCurrentLineNumber(p), why);
		rc = -1;
	}
	XML_ParserFree(p);
	return rc;
}

/* Read a part and parse it; a missing part is fine when optional. */
static int parse_part(struct xlsx *x, const char *part, int optional, struct xlsx_sax *sax,
		      struct sx_err *err)
{
	size_t len = 0;
	int missing, rc;
	char *buf = xlsx_part(x, part, &len, &missing, err);

	if (!buf) {
		if (missing && !optional)
			sx_err_add(err, x->name, 0, _("not an .xlsx workbook: %s is missing"), part);
		return missing && optional ? 0 : -1;
	}
	if (len > (size_t)XLSX_MAX_PART) /* xlsx_part checks; int for expat below */
		rc = -1;
	else
		rc = xlsx_parse(x, part, buf, len, sax, err);
	free(buf);
	return rc;
}

/* ---- workbook and relationships ----------------------------------------- */

static void book_start(void *ud, const char *el, const char **attr)
{
	struct xlsx_book *b = ((void **)ud)[0];
	struct xlsx *x = ((void **)ud)[1];
	const char *name = xlsx_attr(attr, "name"), *rid = xlsx_attr(attr, "id");

	if (strcmp(el, "workbookPr") == 0) {
		const char *d = xlsx_attr(attr, "date1904");
		x->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
	} else if (strcmp(el, "sheet") == 0 && name && rid && b->n < XLSX_MAX_SHEETS) {
		b->sheet = xreallocarray(b->sheet, b->n + 1, sizeof *b->sheet);
		b->sheet[b->n].name = xstrdup(name);
		b->sheet[b->n++].rid = xstrdup(rid);
	}
}

static void rels_start(void *ud, const char *el, const char **attr)
{
	struct xlsx_book *b = ud;
	const char *id = xlsx_attr(attr, "Id"), *target = xlsx_attr(attr, "Target");

	if (strcmp(el, "Relationship") == 0 && id && target && b->nrels < 4 * XLSX_MAX_SHEETS) {
		b->rels = xreallocarray(b->rels, b->nrels + 1, sizeof *b->rels);
		b->rels[b->nrels].id = xstrdup(id);
		b->rels[b->nrels++].target = xstrdup(target);
	}
}

int xlsx_read_book(struct xlsx *x, struct xlsx_book *b, struct sx_err *err)
{
	void *both[2] = { b, x };
	struct xlsx_sax book = { .start = book_start, .ud = both };
	struct xlsx_sax rels = { .start = rels_start, .ud = b };

	if (parse_part(x, "xl/workbook.xml", 0, &book, err) != 0)
		return -1;
	return parse_part(x, "xl/_rels/workbook.xml.rels", 0, &rels, err);
}

void xlsx_free_book(struct xlsx_book *b)
{
	for (size_t i = 0; i < b->n; i++) {
		free(b->sheet[i].name);
		free(b->sheet[i].rid);
	}
	free(b->sheet);
	for (size_t i = 0; i < b->nrels; i++) {
		free(b->rels[i].id);
		free(b->rels[i].target);
	}
	free(b->rels);
}

/* ---- shared strings ------------------------------------------------------ */

struct strings_ctx {
	struct xlsx *x;
	struct xlsx_sax *sax;
	char *buf;        /* the string being read */
	size_t len, cap;
	int in_si, in_t, in_rph; /* inside <si>, <t>, <rPh> (phonetic: skipped) */
};

static void str_start(void *ud, const char *el, const char **attr)
{
	struct strings_ctx *c = ud;

	(void)attr;
	if (strcmp(el, "si") == 0) {
		c->in_si = 1;
		c->len = 0;
	} else if (strcmp(el, "t") == 0) {
		c->in_t = 1;
	} else if (strcmp(el, "rPh") == 0) {
		c->in_rph = 1;
	}
}

static void str_end(void *ud, const char *el)
{
	struct strings_ctx *c = ud;
	struct xlsx *x = c->x;

	if (strcmp(el, "t") == 0) {
		c->in_t = 0;
	} else if (strcmp(el, "rPh") == 0) {
		c->in_rph = 0;
	} else if (strcmp(el, "si") == 0 && c->in_si) {
		if ((long)x->nstrings >= XLSX_MAX_CELLS) {
			c->sax->stop = 1;
			c->sax->stop_msg = _("too many shared strings");
			return;
		}
		x->strings = xreallocarray(x->strings, x->nstrings + 1, sizeof *x->strings);
		x->strings[x->nstrings++] = xstrndup(c->buf ? c->buf : "", c->len);
		c->in_si = 0;
	}
}

static void str_text(void *ud, const char *s, int len)
{
	struct strings_ctx *c = ud;

	if (!c->in_si || !c->in_t || c->in_rph || len <= 0)
		return;
	if (c->len + (size_t)len + 1 > c->cap) {
		c->cap = (c->len + (size_t)len + 1) * 2;
		c->buf = xrealloc(c->buf, c->cap);
	}
	memcpy(c->buf + c->len, s, (size_t)len);
	c->len += (size_t)len;
}

int xlsx_read_strings(struct xlsx *x, struct sx_err *err)
{
	struct xlsx_sax sax = { .start = str_start, .end = str_end, .text = str_text };
	struct strings_ctx c = { .x = x, .sax = &sax };
	int rc;

	sax.ud = &c;
	rc = parse_part(x, "xl/sharedStrings.xml", 1, &sax, err);
	free(c.buf);
	return rc;
}

/* ---- styles: which cell formats are dates ------------------------------- */

struct styles_ctx {
	struct xlsx *x;
	struct { long id; int date; } fmt[256]; /* custom numFmts */
	size_t nfmt;
	int in_xfs; /* inside <cellXfs> */
};

static int builtin_date(long id)
{
	return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) ||
	       (id >= 50 && id <= 58);
}

/* A custom format code is a date or time when d, m, y, h or s appear
 * outside "quoted text", [colour or locale] and \escaped characters. */
static int code_is_date(const char *s)
{
	for (; *s; s++) {
		if (*s == '"') {
			while (s[1] && s[1] != '"')
				s++;
			if (s[1])
				s++;
		} else if (*s == '[') {
			while (s[1] && s[1] != ']')
				s++;
		} else if (*s == '\\' && s[1]) {
			s++;
		} else if (strchr("dmyhsDMYHS", *s)) {
			return 1;
		}
	}
	return 0;
}

static void styles_start(void *ud, const char *el, const char **attr)
{
	struct styles_ctx *c = ud;
	struct xlsx *x = c->x;
	const char *id = xlsx_attr(attr, "numFmtId"), *code = xlsx_attr(attr, "formatCode");

	if (strcmp(el, "numFmt") == 0 && id && code && c->nfmt < sizeof c->fmt / sizeof c->fmt[0]) {
		c->fmt[c->nfmt].id = strtol(id, NULL, 10);
		c->fmt[c->nfmt++].date = code_is_date(code);
	} else if (strcmp(el, "cellXfs") == 0) {
		c->in_xfs = 1;
	} else if (strcmp(el, "xf") == 0 && c->in_xfs && x->nxf < 65536) {
		long n = id ? strtol(id, NULL, 10) : 0;
		int date = builtin_date(n);
		for (size_t i = 0; i < c->nfmt; i++)
			if (c->fmt[i].id == n)
				date = c->fmt[i].date;
		x->date_xf = xrealloc(x->date_xf, x->nxf + 1);
		x->date_xf[x->nxf++] = (unsigned char)date;
	}
}

static void styles_end(void *ud, const char *el)
{
	struct styles_ctx *c = ud;

	if (strcmp(el, "cellXfs") == 0)
		c->in_xfs = 0;
}

int xlsx_read_styles(struct xlsx *x, struct sx_err *err)
{
	struct styles_ctx *c = xcalloc(1, sizeof *c);
	struct xlsx_sax sax = { .start = styles_start, .end = styles_end, .ud = c };
	int rc;

	c->x = x;
	rc = parse_part(x, "xl/styles.xml", 1, &sax, err);
	free(c);
	return rc;
}
