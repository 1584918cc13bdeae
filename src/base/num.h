/* num.h — numbers as spreadsheets write them, in both conventions.
 *
 * Vietnamese writes 1.234.567,89 (dot groups thousands, comma is the
 * decimal mark); English writes 1,234,567.89.  Parsing never guesses
 * silently: a string whose meaning differs between the two conventions is
 * reported as ambiguous, and the caller who knows the convention (a CSV
 * delimited by ';' comes from a decimal-comma spreadsheet) says so.
 *
 * Rules, automatic mode (mark 0):
 *  - both '.' and ',' present: the last one is the decimal mark and occurs
 *    once; the other groups thousands ("1.234,5", "1,234.5");
 *  - one kind occurring twice or more: thousands groups ("1.000.000");
 *  - one kind occurring once: the decimal mark ("1,5" = 1.5, "1234.5",
 *    "0,125") — except when it could be either: 1-3 digits not starting
 *    with 0, the mark, exactly 3 digits ("1.234", "100.000", "12,500"),
 *    which gives NUM_AMBIGUOUS;
 *  - thousands groups are 1-3 digits then groups of exactly 3, all before
 *    the decimal mark.
 * Also: surrounding white space (ASCII and U+00A0) is ignored; an optional
 * leading '-'; digits must begin and end the number; nothing else. */
#ifndef SX_NUM_H
#define SX_NUM_H

#include <stddef.h>

/* Results of num_parse(). */
enum num_result {
	NUM_OK = 0,          /* *out holds the value */
	NUM_INVALID = -1,    /* not a number */
	NUM_AMBIGUOUS = -2,  /* "1.234": 1234 or 1.234 depending on convention */
	NUM_OTHER = -3,      /* num_read(): a number only in the other convention */
	NUM_RANGE = -4,      /* num_read(): too large (1e15 or more), or no finite result */
};

/* Parse s by the automatic rules above into *out (written only on
 * NUM_OK); returns an enum num_result. */
int num_parse(const char *s, double *out);
/* The same, with the decimal mark known: mark ',' or '.' (the other
 * character may then only group thousands), or 0 for automatic. */
int num_parse_mark(const char *s, char mark, double *out);
/* v as text with '.' as the decimal mark into out (n bytes): integers
 * without decimals ("1234", up to 1e17), others with up to 10 significant
 * digits and no trailing zeros ("0.3", "1234.5", "1.5e-07" when tiny);
 * "" for NaN and infinities. */
void num_format(double v, char *out, size_t n);

/* ---- Numbers as officers type and read them (the UI language) ----------
 *
 * Vietnamese ("vi"): ',' is the decimal mark; '.' groups thousands.
 * English ("en"): '.' is the decimal mark; ',' groups thousands.
 * In both a space or a no-break space also groups thousands.  Groups are
 * 1-3 digits (not starting with 0) then groups of exactly 3, one kind of
 * separator per number.  Simple arithmetic is read too: + - * / and
 * x X × ÷ for times and divided by ("85 x 300"), * and / before + and -.
 *
 * Nothing is guessed silently:
 *  - the language's grouping sign followed by groups of 3 is grouping
 *    ("25.500" in Vietnamese is 25500);
 *  - the language's decimal mark after 1-3 digits and before exactly 3
 *    digits reads differently in the other convention ("1,500" in
 *    Vietnamese: 1,5 or 1500?): NUM_AMBIGUOUS, with both readings;
 *  - text that is a number only in the other convention ("12.5" in
 *    Vietnamese) gives NUM_OTHER with that reading, to be confirmed. */

/* What num_read() understood. */
struct num_reading {
	int rc;          /* NUM_OK, NUM_AMBIGUOUS, NUM_OTHER, NUM_INVALID, NUM_RANGE */
	double value;    /* NUM_OK, NUM_AMBIGUOUS: the reading in the language */
	double alt;      /* NUM_AMBIGUOUS, NUM_OTHER: the other convention's reading */
	int calc;        /* 1 when the text was a calculation ("12*300") */
};

/* Read typed text s in language lang ("vi", anything else is English) into
 * *r; returns r->rc. */
int num_read_lang(const char *s, const char *lang, struct num_reading *r);
/* The same in the UI language (i18n_lang()). */
int num_read(const char *s, struct num_reading *r);
/* v as people of lang read it into out (n bytes): the language's decimal
 * mark; whole parts of group digits or more (0: never) grouped by threes
 * with no-break spaces (U+00A0) — a space means the same in both
 * conventions ("25 500", "3,75", "1 234 567,5").  "" for NaN/infinity. */
void num_write_lang(double v, const char *lang, int group, char *out, size_t n);
/* The same in the UI language, grouping from 5 digits. */
void num_write(double v, char *out, size_t n);

#endif
