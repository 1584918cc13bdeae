/* text.h — Vietnamese text: normalisation, search keys, sorting, widths.
 *
 * Vietnamese arrives both precomposed (NFC) and decomposed (NFD, e.g. from
 * Windows-1258 files and some keyboards); everything stored is NFC.  All
 * strings are NUL-terminated UTF-8.  Functions returning char * allocate
 * through mem.h; the caller frees with free(). */
#ifndef SX_TEXT_H
#define SX_TEXT_H

#include <stddef.h>

/* s normalised to NFC; NULL when s is not valid UTF-8 (the caller reports
 * it).  Caller frees. */
char *text_nfc(const char *s);
/* 1 when the n bytes at s are valid UTF-8 (no overlongs, no surrogates;
 * a NUL byte counts as valid U+0000), else 0. */
int text_valid_utf8(const char *s, size_t n);
/* s trimmed of leading and trailing white space (ASCII and Unicode spaces
 * such as U+00A0).  Caller frees. */
char *text_trim(const char *s);

/* Search key of s: compatibility-normalised, diacritics (tone and vowel
 * marks) stripped, lower case, đ/Đ → d, white-space runs collapsed to one
 * space, trimmed, format characters (soft hyphen, zero-width space) dropped.
 * "Nguyễn Văn A", "NGUYEN VAN A" and NFD input all give "nguyen van a".
 * NULL when s is not valid UTF-8.  Caller frees. */
char *text_fold(const char *s);
/* 1 when every space-separated word of folded_needle is a substring of
 * folded_haystack (so "van" finds "Nguyễn Văn A" and "uyen" does too);
 * an empty needle matches everything.  Both arguments come from text_fold. */
int text_match(const char *folded_haystack, const char *folded_needle);

/* A safe file-name part of s: text_fold()ed, every run of characters other
 * than a-z and 0-9 made one '-', none at either end, cut at a '-' to at most
 * max bytes ("Tập huấn SXSH: Mai Sơn" → "tap-huan-sxsh-mai-son").  "" when
 * nothing is left.  Caller frees. */
char *text_slug(const char *s, size_t max);

/* Sort key of s: strcmp/memcmp order of keys is Vietnamese dictionary
 * order (see text.c).  The key is NUL-free, valid UTF-8, and only identical
 * NFC text gives identical keys, so it can be stored in a column and used
 * in ORDER BY.  NULL when s is not valid UTF-8.  Caller frees. */
char *text_collate_key(const char *s);
/* Tests: 1 makes text_fold() and text_collate_key() decompose every text
 * through utf8proc, not their table of the Latin code points (the
 * reference the table is checked against); 0 is the default. */
void text_table_off(int off);
/* <0, 0, >0 as a sorts before, equal to, after b in Vietnamese order;
 * strings that are not valid UTF-8 sort after all valid ones, by bytes. */
int text_cmp_vi(const char *a, const char *b);
/* The same, with sqlite3_create_collation()'s xCompare signature (arg is
 * unused; a and b are na and nb bytes, not NUL-terminated).  Builds two keys
 * per call: for big tables store text_collate_key() in a column instead. */
int text_collate_sqlite(void *arg, int na, const void *a, int nb, const void *b);

/* Terminal columns of code point cp, as text_width() counts them (combining
 * marks 0, CJK 2; an invalid code point 1). */
int text_char_width(long cp);
/* Terminal columns of s (wcwidth per code point: combining marks 0, CJK 2);
 * a byte that is not valid UTF-8 counts as one column (shown as U+FFFD). */
int text_width(const char *s);
/* Bytes of the longest prefix of s that fits in cols columns without
 * splitting a character or separating it from its combining marks. */
size_t text_prefix_bytes(const char *s, int cols);
/* s cut to at most cols columns.  When s is cut, the last column holds
 * "…" (U+2026, one column), so the reader sees that text is missing;
 * cols <= 0 gives "".  Caller frees. */
char *text_fit(const char *s, int cols);
/* The same from the other end: s keeps its last columns and begins with
 * "…" when cut (a path whose file name must stay in sight). */
char *text_fit_left(const char *s, int cols);

/* s made safe for a terminal or a tab-separated line: TAB, CR, LF and the
 * Unicode line separators become a space; other control characters (C0,
 * DEL, C1), bidirectional overrides and bytes that are not UTF-8 become
 * U+FFFD.  Everything else is kept.  Caller frees. */
char *text_printable(const char *s);

#endif
