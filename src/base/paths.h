/* paths.h — where sxsh finds its data and keeps its database. */
#ifndef SX_PATHS_H
#define SX_PATHS_H

#include "base/err.h"

/* The default database (platform_default_db(): under $XDG_DATA_HOME or
 * ~/.local/share on Linux, %LOCALAPPDATA% on Windows).  Caller frees; NULL
 * when the environment names no such folder. */
char *paths_default_db(void);
/* Folder holding forms/ (and forms/data/): $SXSH_DATADIR, else the unpacked
 * bundle (the Windows zip), else the installed PREFIX/share/sxsh next to the
 * binary, else the source tree.  Caller frees. */
char *paths_datadir(void);
/* Folder holding compiled translations (LANG/LC_MESSAGES/sxsh.mo).  Caller
 * frees. */
char *paths_localedir(void);
/* Create dir and its missing parents, new ones readable by the owner only.
 * Returns 0, or -1 with a message in err. */
int paths_mkdirs(const char *dir, struct sx_err *err);
/* The folder part of path ("." when there is none).  Caller frees. */
char *paths_dirname(const char *path);
/* 1 when path is an existing directory. */
int paths_is_dir(const char *path);

#endif
