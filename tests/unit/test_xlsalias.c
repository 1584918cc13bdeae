/* test_xlsalias.c — pyxform's spellings (aliases.py, question_type_dictionary.py,
 * parsing/sheet_headers.py) and the .xlsx reader on a workbook written here
 * part by part as ECMA-376 describes it (shared and inline strings, numbers,
 * booleans, a date style, the 1904 date system). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "t.h"
#include "base/err.h"
#include "form/xlsform.h"
#include "base/mem.h"

static const char aliases_csv[] =
	"survey,,,,,,,,\n"
	", Type ,NAME,Label:English,relevance,readonly,calculate,"
	"jr:constraintMsg,bind:jr:requiredMsg\n"
	",int,n,Number,,,,,\n"
	",select all that apply from yn,m,Many,${n} > 1,,,,\n"
	",string,s,Text,,yes,,,\n"
	",calculate,c,,,,${n} * 2,,\n"
	",trigger,t,OK?,,,,,\n"
	",add select one prompt using yn,o,One,,,,,\n"
	",begin   Group,g,Group,,,,,\n"
	",Q Decimal,d,Dec,,,,Too big,Needed\n"
	",end_group,,,,,,,\n"
	"choices,,,\n"
	",list name,value,label:english\n"
	",yn,yes,Yes\n"
	",yn,no,No\n"
	"settings,,\n"
	",id_string,set_form_title\n"
	",my_form,My form\n";

static struct xform *load(const char *name, const char *s, size_t len, struct sx_err *e)
{
	struct xform *f = xform_load_mem(name, s, len, e);
	if (!f)
		sx_err_print(e, stderr);
	return f;
}

static void test_header_and_type_aliases(void)
{
	struct sx_err e = { 0 };
	struct xform *f = load("a.csv", aliases_csv, sizeof aliases_csv - 1, &e);
	int i;

	CHECK(f != NULL);
	if (!f)
		return;
	CHECK_STR(f->settings.form_id, "my_form");
	CHECK_STR(f->settings.form_title, "My form");
	CHECK_INT(f->nnodes, 8);
	CHECK_INT(f->nodes[xform_find(f, "n")].type, XFT_INTEGER);
	i = xform_find(f, "m");
	CHECK_INT(f->nodes[i].type, XFT_SELECT_MULTIPLE);
	CHECK_STR(f->nodes[i].list_name, "yn");
	CHECK(f->nodes[i].relevant != NULL);           /* relevance */
	CHECK_STR(xform_text(f, &f->nodes[i].label, "english"), "Many");
	i = xform_find(f, "s");
	CHECK_INT(f->nodes[i].type, XFT_TEXT);         /* string */
	CHECK_INT(f->nodes[i].read_only, 1);           /* readonly */
	CHECK(f->nodes[xform_find(f, "c")].calculation != NULL); /* calculate column */
	CHECK_INT(f->nodes[xform_find(f, "t")].type, XFT_ACKNOWLEDGE); /* trigger */
	CHECK_INT(f->nodes[xform_find(f, "o")].type, XFT_SELECT_ONE);
	CHECK_INT(f->nodes[xform_find(f, "g")].type, XFT_GROUP);
	CHECK_INT(f->nodes[xform_find(f, "d")].type, XFT_DECIMAL);
	CHECK_INT(f->nodes[xform_find(f, "d")].parent, xform_find(f, "g"));
	CHECK_INT(f->nlists, 1);
	CHECK_INT(f->lists[0].n, 2);                   /* list name / value */
	CHECK_STR(f->lists[0].c[1].name, "no");
	i = xform_find(f, "d");
	CHECK_STR(xform_text(f, &f->nodes[i].constraint_msg, NULL), "Too big");
	CHECK_STR(xform_text(f, &f->nodes[i].required_msg, NULL), "Needed");
	CHECK_INT(sx_err_count(&f->warnings), 0); /* every header was understood */
	xform_free(f);
	sx_err_clear(&e);
}

static void test_unknown_column_warns(void)
{
	static const char csv[] = "survey,,,,\n,type,name,label,translator notes\n"
				  ",text,a,A,check the unit\n";
	struct sx_err e = { 0 };
	struct xform *f = load("forms/notes.csv", csv, sizeof csv - 1, &e);

	CHECK(f != NULL);
	if (f) {
		CHECK_STR(f->settings.form_id, "notes"); /* no settings: the file's name */
		CHECK_INT(sx_err_count(&f->warnings), 1);
		CHECK_STR(sx_err_last(&f->warnings),
			  "forms/notes.csv:2: warning: column 'translator notes' in the survey sheet "
			  "is not an XLSForm column sxsh knows: ignored");
	}
	xform_free(f);
	sx_err_clear(&e);
}

static void test_refusal_names_cause(void)
{
	static const char csv[] = "survey,,,\n,type,name,label\n,select_one yn,q,Q\n"
				  "choices,,,\n,lists,name,label\n,yn,yes,Yes\n,yn,no,No\n";
	struct sx_err e = { 0 };
	struct xform *f = xform_load_mem("c.csv", csv, sizeof csv - 1, &e);

	CHECK(f == NULL);
	/* One message for the header, none per choice row. */
	CHECK_INT(sx_err_count(&e), 2);
	CHECK_STR(e.msgs[1], "c.csv:5: the choices sheet has no list_name column (pyxform also reads 'list name')");
	xform_free(f);
	sx_err_clear(&e);
}

/* ---- .xlsx ---------------------------------------------------------------- */

static const char workbook[] =
	"<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
	" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
	"<workbookPr date1904=\"%s\"/><sheets><sheet name=\"survey\" sheetId=\"1\" r:id=\"rId1\"/>"
	"<sheet name=\"settings\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>";
static const char rels[] =
	"<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"x\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"x\" Target=\"/xl/worksheets/sheet2.xml\"/></Relationships>";
static const char strings[] =
	"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
	"<si><t>type</t></si><si><t>name</t></si><si><r><t>def</t></r><r><t>ault</t></r></si>"
	"<si><t>integer</t></si><si><t>date</t></si><si><t>text</t></si><si><t>form_id</t></si>"
	"<si><t xml:space=\"preserve\">a\xc2\xa0" "b</t><rPh><t>X</t></rPh></si></sst>";
static const char styles[] =
	"<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
	"<numFmts><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/><numFmt numFmtId=\"165\" formatCode=\"0.00&quot; d&quot;\"/></numFmts>"
	"<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs>"
	"<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/></cellXfs></styleSheet>";
/* B1.. headers; rows 2-5 hold an integer 18 stored as "18", a decimal as
 * Excel writes it (17 digits), two dates and a boolean as text. */
static const char sheet1[] =
	"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
	"<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"D1\" t=\"s\"><v>2</v></c></row>"
	"<row r=\"3\"><c r=\"A3\" t=\"s\"><v>3</v></c><c r=\"B3\" t=\"inlineStr\"><is><t>n</t></is></c><c r=\"D3\"><v>18</v></c></row>"
	"<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>decimal</t></is></c><c r=\"B4\" t=\"str\"><f>x</f><v>d</v></c>"
	"<c r=\"D4\"><v>18.309999999999999</v></c></row>"
	"<row r=\"5\"><c t=\"s\"><v>4</v></c><c t=\"inlineStr\"><is><t>day</t></is></c><c/><c s=\"1\"><v>40344</v></c></row>"
	"<row r=\"6\"><c t=\"s\"><v>4</v></c><c t=\"inlineStr\"><is><t>day2</t></is></c><c/><c s=\"2\"><v>40344.5</v></c></row>"
	"<row r=\"7\"><c t=\"s\"><v>5</v></c><c t=\"inlineStr\"><is><t>b</t></is></c><c/><c t=\"b\"><v>1</v></c></row>"
	"<row r=\"8\"><c t=\"s\"><v>5</v></c><c t=\"inlineStr\"><is><t>q</t></is></c><c/><c s=\"3\"><v>2.5</v></c></row>"
	"<row r=\"9\"><c t=\"s\"><v>5</v></c><c t=\"inlineStr\"><is><t>nb</t></is></c><c/><c t=\"s\"><v>7</v></c></row>"
	"<row r=\"10\"><c t=\"s\"><v>5</v></c><c t=\"inlineStr\"><is><t>bad</t></is></c><c/><c><v>-1E-3</v></c></row>"
	"</sheetData></worksheet>";
static const char sheet2[] =
	"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
	"<row r=\"1\"><c r=\"A1\" t=\"s\"><v>6</v></c></row><row r=\"2\"><c r=\"A2\"><v>2024010101</v></c></row>"
	"</sheetData></worksheet>";

/* A zip holding the parts, in memory; *len set; caller frees. */
static void *make_xlsx(size_t *len, const char *date1904, const char *sheet)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;
	char *wb = xasprintf(workbook, date1904);
	const char *parts[][2] = {
		{ "xl/workbook.xml", wb }, { "xl/_rels/workbook.xml.rels", rels },
		{ "xl/sharedStrings.xml", strings }, { "xl/styles.xml", styles },
		{ "xl/worksheets/sheet1.xml", sheet }, { "xl/worksheets/sheet2.xml", sheet2 },
	};
	void *out = NULL;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_source_keep(src);
	z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		zip_file_add(z, parts[i][0],
			     zip_source_buffer(z, parts[i][1], strlen(parts[i][1]), 0), 0);
	zip_close(z);
	zip_source_open(src);
	zip_source_seek(src, 0, SEEK_END);
	*len = (size_t)zip_source_tell(src);
	zip_source_seek(src, 0, SEEK_SET);
	out = xmalloc(*len);
	zip_source_read(src, out, *len);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	free(wb);
	return out;
}

/* or_other in a form with a default column and vi, fr labels: the added
 * choice `other` and question q_other have a label in each of the three
 * (without a message catalogue here, each the English source text). */
static void test_or_other_languages(void)
{
	static const char csv[] =
		"survey,type,name,label,label::Tiếng Việt (vi),label::Français (fr)\n"
		",select_one s or_other,q,Q,Câu,Quest\n"
		"choices,list_name,name,label,label::Tiếng Việt (vi),label::Français (fr)\n"
		",s,a,A,Một,Un\n";
	struct sx_err e = {0};
	struct xform *f = xform_load_mem("oo.csv", csv, sizeof csv - 1, &e);
	const struct xform_choice *c;
	int q;

	CHECK(f != NULL);
	if (!f)
		return;
	CHECK_INT(f->lists[0].n, 2);
	c = &f->lists[0].c[1];
	CHECK_STR(c->name, "other");
	CHECK_INT(c->label.n, f->nlangs);
	CHECK_STR(xform_text(f, &c->label, "fr"), "Other");
	CHECK_STR(xform_text(f, &c->label, "vi"), "Other");
	q = xform_find(f, "q_other");
	CHECK(q >= 0);
	if (q >= 0) {
		CHECK_INT(f->nodes[q].label.n, f->nlangs);
		CHECK_STR(xform_text(f, &f->nodes[q].label, "fr"), "Specify other.");
	}
	xform_free(f);
	sx_err_clear(&e);
}

static void test_xlsx_cells(void)
{
	size_t len;
	void *buf = make_xlsx(&len, "0", sheet1);
	struct sx_err e = { 0 };
	struct xform *f = xform_load_xlsx_mem("w.xlsx", buf, len, &e);

	if (!f)
		sx_err_print(&e, stderr);
	CHECK(f != NULL);
	if (f) {
		CHECK_INT(f->nnodes, 8);
		CHECK_STR(f->settings.form_id, "2024010101");         /* a number, integral */
		CHECK_STR(f->nodes[xform_find(f, "n")].default_value, "18");
		CHECK_STR(f->nodes[xform_find(f, "d")].default_value, "18.31"); /* shortest */
		CHECK_STR(f->nodes[xform_find(f, "day")].default_value, "2010-06-15"); /* numFmt 14 */
		CHECK_STR(f->nodes[xform_find(f, "day2")].default_value, "2010-06-15 12:00:00");
		CHECK_STR(f->nodes[xform_find(f, "b")].default_value, "TRUE");
		CHECK_STR(f->nodes[xform_find(f, "q")].default_value, "2.5"); /* "0.00 d" is no date */
		CHECK_STR(f->nodes[xform_find(f, "nb")].default_value, "a b"); /* no-break space, no rPh */
		CHECK_STR(f->nodes[xform_find(f, "bad")].default_value, "-0.001");
		/* the row in its sheet, as messages name it: w.xlsx:survey:5 */
		CHECK_INT(f->nodes[xform_find(f, "day")].line, 5);
		CHECK_STR(f->survey_at, "w.xlsx:survey");
	}
	xform_free(f);
	sx_err_clear(&e);
	free(buf);
	buf = make_xlsx(&len, "1", sheet1);
	f = xform_load_xlsx_mem("w.xlsx", buf, len, &e);
	CHECK(f != NULL);
	if (f) /* 1904 system: serial 40344 is four years and a day later */
		CHECK_STR(f->nodes[xform_find(f, "day")].default_value, "2014-06-16");
	xform_free(f);
	sx_err_clear(&e);
	free(buf);
}

static void test_xlsx_errors(void)
{
	static const char bad_sheet[] =
		"<worksheet><sheetData><row r=\"1\"><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c></row>"
		"<row r=\"2\"><c t=\"inlineStr\"><is><t>texte</t></is></c><c t=\"s\"><v>1</v></c></row>"
		"</sheetData></worksheet>";
	static const char broken_xml[] = "<worksheet><sheetData><row r=\"1\">";
	size_t len;
	void *buf = make_xlsx(&len, "0", bad_sheet);
	struct sx_err e = { 0 };
	struct xform *f = xform_load_xlsx_mem("w.xlsx", buf, len, &e);

	CHECK(f == NULL);
	CHECK_INT(sx_err_count(&e), 1);
	CHECK_STR(sx_err_last(&e), "w.xlsx:survey:2: unknown type 'texte'");
	sx_err_clear(&e);
	free(buf);
	buf = make_xlsx(&len, "0", broken_xml);
	f = xform_load_xlsx_mem("w.xlsx", buf, len, &e);
	CHECK(f == NULL);
	CHECK_STR(sx_err_last(&e), "w.xlsx: xl/worksheets/sheet1.xml:1: damaged part: no element found");
	sx_err_clear(&e);
	free(buf);
	f = xform_load_xlsx_mem("w.xlsx", "PK\003\004", 4, &e);
	CHECK(f == NULL);
	CHECK_INT(sx_err_count(&e), 1);
	sx_err_clear(&e);
}

const struct t_case t_suite_xlsalias[] = {
	{ "xlsalias/header_and_type_aliases", test_header_and_type_aliases },
	{ "xlsalias/unknown_column_warns", test_unknown_column_warns },
	{ "xlsalias/refusal_names_cause", test_refusal_names_cause },
	{ "xlsalias/or_other_languages", test_or_other_languages },
	{ "xlsalias/xlsx_cells", test_xlsx_cells },
	{ "xlsalias/xlsx_errors", test_xlsx_errors },
	{ NULL, NULL },
};
