/* formdir.h — the forms shipped in DATADIR/forms/, found by their form_id. */
#ifndef SX_FORMDIR_H
#define SX_FORMDIR_H

#include <stddef.h>

#include "base/err.h"

/* One form file. */
struct formdir_entry {
	char *path;      /* the file */
	char *form_id;   /* its settings' form_id */
	char *title;     /* its form_title, or the form_id */
};

/* Every form in datadir/forms/ that loads without error, rapid assessments
 * first, then by file name; forms that do not load are reported in err and left out.  Returns
 * the count; free with formdir_free(). */
size_t formdir_scan(const char *datadir, struct formdir_entry **out, struct sx_err *err);
/* The file of form_id, or NULL (with a message in err).  Caller frees. */
char *formdir_path(const char *datadir, const char *form_id, struct sx_err *err);
/* Free n entries. */
void formdir_free(struct formdir_entry *e, size_t n);

#endif
