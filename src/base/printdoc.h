/* printdoc.h — the frame of a document the office prints and signs (the
 * plan report, sign-in sheets): paged-media CSS with page numbers and
 * repeated table headers, a font list that covers Vietnamese, the heading
 * of an administrative document (issuing body, national motto, place and
 * date), and signature blocks.  Layout follows Decree 30/2020/NĐ-CP,
 * Appendix I, as far as a browser prints it.
 *
 * Page numbers come from @page margin boxes (counter(page), counter(pages)),
 * which Chromium prints since version 131; tests/cli/test_print.sh checks
 * them in a real PDF. */
#ifndef SX_PRINTDOC_H
#define SX_PRINTDOC_H

#include <stdio.h>

/* The CSS font-family list of every printed page.  Fonts that have every
 * Vietnamese letter come first: on Linux "Times New Roman" resolves to
 * Liberation Serif 1.x, which lacks ơ, ư and every letter with a dot or
 * hook (ế, ấ, ộ …), so the browser would mix two fonts inside a word. */
extern const char printdoc_fonts[];

/* What the heading and the signature blocks say.  Every field is borrowed;
 * NULL or "" leaves that part out. */
struct printdoc_office {
	const char *parent;      /* the body above the issuer: "UBND TỈNH SƠN LA" */
	const char *name;        /* the issuing body: "SỞ CÔNG THƯƠNG" */
	const char *place;       /* place of the date line: "Sơn La" */
	const char *date;        /* date of issue, yyyy-mm-dd */
	const char *left_title;  /* left signature block: "PREPARED BY" */
	const char *left_name;   /* the name under it (the officer) */
	const char *right_title; /* right signature block: "HEAD OF UNIT" */
	const char *right_name;  /* the name under it */
};

/* Write the CSS shared by printed pages (inside <style>): @page with size
 * ("A4 portrait" or "A4 landscape"), margins and a page number "Page N / M"
 * in the UI language at the bottom centre; the body font; tables whose
 * header repeats on every page and whose rows never split. */
void printdoc_css(FILE *out, const char *size);
/* The place and date line in the UI language: "Sơn La, ngày 01 tháng 12
 * năm 2026" (Vietnamese: a zero before days 1–9 and months 1 and 2, as
 * Decree 30/2020 asks) or "Sơn La, 1 December 2026".  place may be NULL
 * or "" (the date alone); iso is yyyy-mm-dd.  NULL when iso is not a
 * date.  Caller frees. */
char *printdoc_date_line(const char *place, const char *iso);
/* The heading: issuing body on the left, the national motto on the right,
 * the place and date line under the motto. */
void printdoc_heading(FILE *out, const struct printdoc_office *o);
/* The two signature blocks side by side: title, "(signature and full
 * name)", room to sign, the name. */
void printdoc_signatures(FILE *out, const struct printdoc_office *o);

#endif
