/* sync_tmp.c — the export's temporary folder (see sync_tmp.h). */
#include "sync/sync_tmp.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/mem.h"
#include "base/platform.h"

#define PREFIX ".sxsh-export-tmp-"

/* What the signal handler removes: file paths, then the folder (all
 * allocated before the handler is installed). */
static char **doomed;
static size_t ndoomed;
static volatile sig_atomic_t armed;

static void on_signal(int sig)
{
	if (armed) {
		for (size_t i = 0; i < ndoomed; i++)
			(i + 1 < ndoomed ? unlink : rmdir)(doomed[i]);
		armed = 0;
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

int sync_tmp_check_dir(const char *dir, struct sx_err *err)
{
	char *d = xstrdup(dir);
	size_t n = strlen(d);
	int rc = 0, is_link, others;

	while (n > 1 && platform_is_sep(d[n - 1]))
		d[--n] = '\0';
	if (platform_dir_trust(d, &is_link, &others) != 0) {
		sx_err_add(err, dir, 0, _("cannot open: %s"), strerror(errno));
		rc = -1;
	} else if (is_link) {
		sx_err_add(err, dir, 0, _("is a symbolic link; the export holds personal data, so give"
					  " the folder it points to, or another folder"));
		rc = -1;
	} else if (others) {
		sx_err_add(err, dir, 0, _("belongs to another user, who could read or replace the"
					  " exported files; export into a folder of your own"));
		rc = -1;
	}
	free(d);
	return rc;
}

/* The pid in a temporary folder's name, or 0 when it has none (older sxsh). */
static long name_pid(const char *name)
{
	char *end;
	long pid = strtol(name + strlen(PREFIX), &end, 10);
	return end != name + strlen(PREFIX) && *end == '-' && pid > 0 ? pid : 0;
}

/* Remove one left-over folder: its regular files, then itself. */
static void remove_tree(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char *p = xasprintf("%s/%s", path, e->d_name);
		unlink(p);
		free(p);
	}
	closedir(d);
	rmdir(path);
}

void sync_tmp_sweep(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		long pid;
		if (strncmp(e->d_name, PREFIX, strlen(PREFIX)) != 0)
			continue;
		pid = name_pid(e->d_name);
		if (pid && platform_pid_alive(pid))
			continue; /* an export still running */
		char *p = xasprintf("%s/%s", dir, e->d_name);
		remove_tree(p);
		free(p);
	}
	closedir(d);
}

char *sync_tmp_create(const char *dir, const char *const *names, struct sx_err *err)
{
	char *tmp = xasprintf("%s/" PREFIX "%ld-XXXXXX", dir, (long)getpid());
	size_t n = 0;

	if (!platform_mkdtemp(tmp)) {
		sx_err_add(err, dir, 0, _("cannot write: %s"), strerror(errno));
		free(tmp);
		return NULL;
	}
	while (names[n])
		n++;
	doomed = xcalloc(n + 1, sizeof *doomed);
	for (size_t i = 0; i < n; i++)
		doomed[i] = xasprintf("%s/%s", tmp, names[i]);
	doomed[n] = xstrdup(tmp);
	ndoomed = n + 1;
	armed = 1;
	platform_signals_push(on_signal);
	return tmp;
}

void sync_tmp_remove(char *tmp)
{
	if (!tmp)
		return;
	armed = 0;
	platform_signals_pop();
	for (size_t i = 0; i < ndoomed; i++) {
		(i + 1 < ndoomed ? unlink : rmdir)(doomed[i]);
		free(doomed[i]);
	}
	free(doomed);
	doomed = NULL;
	ndoomed = 0;
	free(tmp);
}
