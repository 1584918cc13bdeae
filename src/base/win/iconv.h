/* iconv.h — the part of iconv(3) sxsh uses, for Windows, whose C runtime has
 * none: Windows-1258 (Vietnamese spreadsheets saved as "CSV (MS-DOS)") to
 * UTF-8.  Tone marks come out as combining characters, as from glibc's
 * decoder before it composes; callers normalise to NFC anyway. */
#ifndef SX_WIN_ICONV_H
#define SX_WIN_ICONV_H

#include <stddef.h>

typedef struct sx_iconv *iconv_t;

/* Only to "UTF-8" from "WINDOWS-1258" or "CP1258"; anything else gives
 * (iconv_t)-1 with errno EINVAL.  Free with iconv_close(). */
iconv_t iconv_open(const char *to, const char *from);
/* Convert as iconv(3): -1 with EILSEQ at a byte Windows-1258 does not
 * define, E2BIG when out is full; otherwise 0. */
size_t iconv(iconv_t cd, char **in, size_t *inleft, char **out, size_t *outleft);
/* Free cd.  Returns 0. */
int iconv_close(iconv_t cd);

#endif
