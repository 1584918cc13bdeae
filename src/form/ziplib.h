/* ziplib.h — libzip, loaded when the first workbook is opened.
 *
 * Only reading an .xlsx form needs libzip, and on Linux its shared library
 * brings OpenSSL's libcrypto, bzip2 and zlib with it: linked at start-up
 * they cost every run of sxsh about 4 million instructions of dynamic
 * linking and 10 ms before the first screen (measured; src/ui/README.md).
 * With SXSH_ZIP_DLOPEN (the Makefile's native build) ziplib_load() dlopen()s
 * it on first use; otherwise (the static Windows build) the functions are
 * linked as usual.  After #include "form/ziplib.h" the zip_* calls below go
 * through the loaded table; call ziplib_load() before the first. */
#ifndef SX_ZIPLIB_H
#define SX_ZIPLIB_H

#include <zip.h>

#include "base/err.h"

/* 0 when libzip can be used, or -1 with err (the library is not
 * installed).  Loads it once; cheap afterwards. */
int ziplib_load(struct sx_err *err);

#ifdef SXSH_ZIP_DLOPEN
/* The libzip functions sxsh uses, as loaded. */
struct ziplib {
	zip_t *(*open)(const char *, int, int *);
	zip_t *(*open_from_source)(zip_source_t *, int, zip_error_t *);
	zip_source_t *(*source_buffer_create)(const void *, zip_uint64_t, int, zip_error_t *);
	void (*source_free)(zip_source_t *);
	int (*close)(zip_t *);
	void (*discard)(zip_t *);
	void (*stat_init)(zip_stat_t *);
	int (*stat)(zip_t *, const char *, zip_flags_t, zip_stat_t *);
	zip_file_t *(*fopen)(zip_t *, const char *, zip_flags_t);
	zip_int64_t (*fread)(zip_file_t *, void *, zip_uint64_t);
	int (*fclose)(zip_file_t *);
	const char *(*strerror)(zip_t *);
	const char *(*file_strerror)(zip_file_t *);
	void (*error_init)(zip_error_t *);
	void (*error_init_with_code)(zip_error_t *, int);
	void (*error_fini)(zip_error_t *);
	const char *(*error_strerror)(zip_error_t *);
};
extern struct ziplib ziplib;

#define zip_open (*ziplib.open)
#define zip_open_from_source (*ziplib.open_from_source)
#define zip_source_buffer_create (*ziplib.source_buffer_create)
#define zip_source_free (*ziplib.source_free)
#define zip_close (*ziplib.close)
#define zip_discard (*ziplib.discard)
#define zip_stat_init (*ziplib.stat_init)
#define zip_stat (*ziplib.stat)
#define zip_fopen (*ziplib.fopen)
#define zip_fread (*ziplib.fread)
#define zip_fclose (*ziplib.fclose)
#define zip_strerror (*ziplib.strerror)
#define zip_file_strerror (*ziplib.file_strerror)
#define zip_error_init (*ziplib.error_init)
#define zip_error_init_with_code (*ziplib.error_init_with_code)
#define zip_error_fini (*ziplib.error_fini)
#define zip_error_strerror (*ziplib.error_strerror)
#endif

#endif
