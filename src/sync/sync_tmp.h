/* sync_tmp.h — the export's temporary folder: where it may be made, and
 * that it never stays behind.
 *
 * An export writes its files into DIR/.sxsh-export-tmp-PID-XXXXXX and moves
 * them into DIR when all are on disk.  The folder is removed when the export
 * ends, when it is interrupted (SIGINT, SIGTERM, SIGHUP: the handler removes
 * it, then the signal takes its course), and — for one left by a killed
 * export — by the next export into DIR, once its process is gone. */
#ifndef SX_SYNC_TMP_H
#define SX_SYNC_TMP_H

#include "base/err.h"

/* 0 when dir may hold an export: not a symbolic link and owned by this user
 * (the files hold personal data; someone else's folder lets them read or
 * replace them).  -1 with the reason in err. */
int sync_tmp_check_dir(const char *dir, struct sx_err *err);
/* Remove temporary folders of exports into dir whose process is gone. */
void sync_tmp_sweep(const char *dir);
/* Create the temporary folder in dir and watch the signals; NULL with a
 * message in err.  names (NULL-terminated) are the files it may hold. */
char *sync_tmp_create(const char *dir, const char *const *names, struct sx_err *err);
/* Remove the folder and what it holds, restore the signals, free tmp. */
void sync_tmp_remove(char *tmp);

#endif
