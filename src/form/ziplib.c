/* ziplib.c — loading libzip on first use (see ziplib.h). */
#include "form/ziplib.h"

#ifndef SXSH_ZIP_DLOPEN

int ziplib_load(struct sx_err *err)
{
	(void)err;
	return 0;
}

#else

#include <dlfcn.h>
#include <stddef.h>
#include <string.h>

#include "base/i18n.h"

struct ziplib ziplib;

/* Each member of struct ziplib and the symbol that fills it. */
static const struct { const char *sym; size_t at; } syms[] = {
#define SYM(m) { "zip_" #m, offsetof(struct ziplib, m) }
	SYM(open), SYM(open_from_source), SYM(source_buffer_create), SYM(source_free),
	SYM(close), SYM(discard), SYM(stat_init), SYM(stat), SYM(fopen), SYM(fread),
	SYM(fclose), SYM(strerror), SYM(file_strerror), SYM(error_init),
	SYM(error_init_with_code), SYM(error_fini), SYM(error_strerror),
#undef SYM
};

int ziplib_load(struct sx_err *err)
{
	/* The shared library of Debian's libzip4, then any other soname. */
	static const char *const names[] = { "libzip.so.4", "libzip.so.5", "libzip.so" };
	static int state;   /* 0 not tried, 1 loaded, -1 missing */
	void *h = NULL;

	if (state == 0) {
		for (size_t i = 0; !h && i < sizeof names / sizeof names[0]; i++)
			h = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
		state = h ? 1 : -1;
		for (size_t i = 0; h && i < sizeof syms / sizeof syms[0]; i++) {
			void *f = dlsym(h, syms[i].sym);
			if (!f)
				state = -1;
			/* POSIX: a function's address comes back as void *. */
			memcpy((char *)&ziplib + syms[i].at, &f, sizeof f);
		}
	}
	if (state < 0) {
		sx_err_add(err, NULL, 0, _("cannot read .xlsx workbooks: the libzip library is missing"
			   " (install the package libzip4), or save the form as CSV"));
		return -1;
	}
	return 0;
}

#endif
