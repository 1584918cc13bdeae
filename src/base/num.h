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

#endif
