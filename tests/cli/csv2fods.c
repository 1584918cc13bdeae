/* csv2fods.c — turn a form in pyxform's single-file CSV layout into a flat
 * OpenDocument spreadsheet (.fods) with one sheet per section, for
 * LibreOffice to save as .xlsx in the tests (test_xlsx.sh).  Cells that a
 * spreadsheet would take as numbers, booleans or dates are written as such,
 * so the workbook holds them the way Calc and Excel store them.
 * Usage: csv2fods FORM.csv > FORM.fods */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/csvread.h"
#include "base/err.h"

/* A number as a spreadsheet reads it back unchanged: -?digits(.digits)? with
 * no leading zero and no trailing zero after the point. */
static int plain_number(const char *s)
{
	const char *p = s + (*s == '-');
	const char *dot = strchr(p, '.');

	if (!isdigit((unsigned char)*p) || (p[0] == '0' && p[1] && p[1] != '.'))
		return 0;
	for (const char *q = p; *q; q++)
		if (!isdigit((unsigned char)*q) && q != dot)
			return 0;
	if (dot && (!dot[1] || dot[strlen(dot) - 1] == '0'))
		return 0;
	return strlen(p) < 16;
}

static int iso_date(const char *s)
{
	return strlen(s) == 10 && isdigit((unsigned char)s[0]) && s[4] == '-' && s[7] == '-' &&
	       isdigit((unsigned char)s[5]) && isdigit((unsigned char)s[8]);
}

/* Text as ODF paragraphs: '\n' starts a new one, space runs are <text:s/>. */
static void put_text(const char *s)
{
	fputs("<text:p>", stdout);
	for (; *s; s++) {
		if (*s == '\n') {
			fputs("</text:p><text:p>", stdout);
		} else if (*s == ' ' && (s[1] == ' ' || s[1] == '\0' || s[1] == '\n')) {
			int n = 0;
			while (s[n] == ' ')
				n++;
			printf("<text:s text:c=\"%d\"/>", n);
			s += n - 1;
		} else if (*s == '\t') {
			fputs("<text:tab/>", stdout);
		} else if (*s == '<') {
			fputs("&lt;", stdout);
		} else if (*s == '>') {
			fputs("&gt;", stdout);
		} else if (*s == '&') {
			fputs("&amp;", stdout);
		} else {
			putchar(*s);
		}
	}
	fputs("</text:p>", stdout);
}

static void put_cell(const char *s)
{
	if (!*s)
		fputs("<table:table-cell/>", stdout);
	else if (plain_number(s))
		printf("<table:table-cell office:value-type=\"float\" office:value=\"%s\"/>", s);
	else if (strcmp(s, "TRUE") == 0 || strcmp(s, "FALSE") == 0)
		printf("<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"%s\"/>",
		       s[0] == 'T' ? "true" : "false");
	else if (iso_date(s))
		printf("<table:table-cell office:value-type=\"date\" office:date-value=\"%s\"/>", s);
	else {
		fputs("<table:table-cell office:value-type=\"string\">", stdout);
		put_text(s);
		fputs("</table:table-cell>", stdout);
	}
}

int main(int argc, char **argv)
{
	struct sx_err err = { 0 };
	struct csvr *r;
	const struct csvr_rec *rec;
	int rc, open = 0;

	if (argc != 2 || !(r = csvr_open(argv[1], CSVR_DETECT_DELIM, &err))) {
		sx_err_print(&err, stderr);
		fputs("usage: csv2fods FORM.csv > FORM.fods\n", stderr);
		return 2;
	}
	puts("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	     "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
	     " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
	     " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
	     " office:version=\"1.2\""
	     " office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\">"
	     "<office:body><office:spreadsheet>");
	while ((rc = csvr_next(r, &rec, &err)) == 1) {
		if (rec->n && rec->f[0][0]) {
			if (open)
				puts("</table:table>");
			printf("<table:table table:name=\"%s\">\n", rec->f[0]);
			open = 1;
		}
		if (!open)
			continue;
		if (rec->f[0][0]) { /* the marker row: in a workbook, the sheet's name */
			int content = 0;
			for (size_t i = 1; i < rec->n; i++)
				content |= rec->f[i][0] != '\0';
			if (!content)
				continue;
		}
		fputs("<table:table-row>", stdout);
		for (size_t i = 1; i < rec->n; i++)
			put_cell(rec->f[i]);
		if (rec->n < 2)
			fputs("<table:table-cell/>", stdout);
		puts("</table:table-row>");
	}
	if (open)
		puts("</table:table>");
	puts("</office:spreadsheet></office:body></office:document>");
	csvr_close(r);
	if (rc < 0) {
		sx_err_print(&err, stderr);
		return 1;
	}
	return 0;
}
