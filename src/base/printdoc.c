/* printdoc.c — the frame of a printed, signed document: CSS, heading,
 * place and date line, signature blocks. */
#include "base/printdoc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/html.h"
#include "base/i18n.h"
#include "base/mem.h"

const char printdoc_fonts[] =
	"'Noto Serif', 'DejaVu Serif', 'Times New Roman', Times, serif";

/* s inside a double-quoted CSS string: quotes, backslashes and control
 * characters become escapes, so a translation cannot end the rule. */
static void css_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\' || c < 0x20)
			fprintf(out, "\\%x ", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

void printdoc_css(FILE *out, const char *size)
{
	fprintf(out, "@page { size: %s; margin: 15mm 15mm 16mm 20mm;\n"
		"  @bottom-center { content: ", size);
	css_string(out, _("Page"));
	fputs(" \" \" counter(page) \" / \" counter(pages);", out);
	fprintf(out, " font-family: %s; font-size: 9pt; } }\n", printdoc_fonts);
	fprintf(out, "body { font-family: %s; font-size: 11pt; color: #000; margin: 0; }\n",
		printdoc_fonts);
	fputs("thead { display: table-header-group; }\n"
	      "h1, h2, h3 { break-after: avoid; page-break-after: avoid; }\n"
	      "tr { page-break-inside: avoid; break-inside: avoid; }\n"
	      "table.doc { border-collapse: collapse; width: 100%; margin: 0 0 10pt; }\n"
	      "table.doc td, table.doc th { border: none; padding: 0 4pt; text-align: center;"
	      " vertical-align: top; font-weight: normal; }\n"
	      "table.doc .body { font-weight: bold; }\n"
	      "table.doc .motto { font-weight: bold; text-decoration: underline; }\n"
	      "table.doc .date { font-style: italic; padding-top: 6pt; }\n"
	      "table.sign { margin-top: 14pt; break-inside: avoid; page-break-inside: avoid; }\n"
	      "table.sign .title { font-weight: bold; text-transform: uppercase; }\n"
	      "table.sign .hint { font-style: italic; font-size: 9pt; }\n"
	      "table.sign .room { height: 22mm; }\n"
	      "table.sign .name { font-weight: bold; }\n", out);
}

char *printdoc_date_line(const char *place, const char *iso)
{
	static const char *const months[12] = {
		"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December",
	};
	int y, m, d;
	char *date, *line;

	if (!iso || !date_valid_iso(iso) || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return NULL;
	if (strcmp(i18n_lang(), "vi") == 0)
		date = xasprintf("ngày %02d tháng %0*d năm %d", d, m <= 2 ? 2 : 1, m, y);
	else
		date = xasprintf("%d %s %d", d, months[m - 1], y);
	if (!place || !*place)
		return date;
	line = xasprintf("%s, %s", place, date);
	free(date);
	return line;
}

static int has(const char *s)
{
	return s && *s;
}

void printdoc_heading(FILE *out, const struct printdoc_office *o)
{
	char *line = printdoc_date_line(o->place, o->date);

	fputs("<table class=\"doc head\">\n<tr><td style=\"width:42%\">", out);
	if (has(o->parent)) {
		html_put(out, o->parent);
		fputs("<br>", out);
	}
	fputs("<span class=\"body\">", out);
	html_put(out, has(o->name) ? o->name : "");
	fputs("</span></td>\n<td><span class=\"body\">", out);
	html_put(out, _("SOCIALIST REPUBLIC OF VIETNAM"));
	fputs("</span><br><span class=\"motto\">", out);
	html_put(out, _("Independence – Freedom – Happiness"));
	fputs("</span></td></tr>\n", out);
	if (line) {
		fputs("<tr><td></td><td class=\"date\">", out);
		html_put(out, line);
		fputs("</td></tr>\n", out);
	}
	fputs("</table>\n", out);
	free(line);
}

static void sign_block(FILE *out, const char *title, const char *name)
{
	fputs("<td style=\"width:50%\"><div class=\"title\">", out);
	html_put(out, has(title) ? title : "");
	fputs("</div><div class=\"hint\">", out);
	html_put(out, _("(signature and full name)"));
	fputs("</div><div class=\"room\"></div><div class=\"name\">", out);
	html_put(out, has(name) ? name : "");
	fputs("</div></td>", out);
}

void printdoc_signatures(FILE *out, const struct printdoc_office *o)
{
	fputs("<table class=\"doc sign\">\n<tr>", out);
	sign_block(out, o->left_title, o->left_name);
	sign_block(out, o->right_title, o->right_name);
	fputs("</tr>\n</table>\n", out);
}
