/* phone.h — Vietnamese telephone numbers in one stored form.
 *
 * The numbering plan (Ministry of Information and Communications): since
 * 2018 a mobile number is 0 and 9 digits, the first 3, 5, 7, 8 or 9
 * (0912345678); since 2017 a landline is 0, an area code beginning with 2
 * and the subscriber number, 11 digits in all (0212 3852 123 in Sơn La,
 * 024 3825 1234 in Hà Nội); 1800 and 1900 service numbers have 4 to 6
 * digits after the prefix.  Stored: the digits alone, national form with
 * the leading 0 ("0900005639").  Read: any of those with spaces, dots,
 * dashes or brackets between the digits, the international forms (+84,
 * 0084 or 84 in front of the number without its 0), and a number whose
 * leading 0 a spreadsheet dropped (900005639, as LibreOffice Calc saves
 * 0900005639). */
#ifndef SX_PHONE_H
#define SX_PHONE_H

#include <stddef.h>

/* Room for a stored number and its NUL. */
#define PHONE_MAX 16

/* The stored form of s into out: 0 ("" for an empty or blank s), or -1
 * when s is not a Vietnamese phone number (out then holds ""). */
int phone_canon(const char *s, char out[PHONE_MAX]);

#endif
