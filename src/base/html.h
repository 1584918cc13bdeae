/* html.h — writing text into the self-contained HTML pages (sheets, reports). */
#ifndef SX_HTML_H
#define SX_HTML_H

#include <stdio.h>

/* Write s to out with &, <, >, " and ' escaped, so any text is safe inside
 * an element or a quoted attribute. */
void html_put(FILE *out, const char *s);

#endif
