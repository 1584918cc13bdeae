/* paths.c — data folders, the default database and owner-only folders. */
#include "base/paths.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/mem.h"

#ifndef SXSH_SRCDIR
#define SXSH_SRCDIR "."
#endif

char *paths_default_db(void)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	if (xdg && xdg[0] == '/')
		return xasprintf("%s/sxsh/sxsh.db", xdg);
	if (home && *home)
		return xasprintf("%s/.local/share/sxsh/sxsh.db", home);
	return NULL;
}

int paths_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The folder of the running binary, or NULL. */
static char *exe_dir(void)
{
	char buf[4096];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	return paths_dirname(buf);
}

/* PREFIX/share/sxsh when the binary is installed as PREFIX/bin/sxsh. */
static char *installed_share(const char *sub)
{
	char *dir = exe_dir(), *path;
	if (!dir)
		return NULL;
	path = xasprintf("%s/../share/%s", dir, sub);
	free(dir);
	return path;
}

char *paths_datadir(void)
{
	const char *env = getenv("SXSH_DATADIR");
	char *inst, *forms;

	if (env && *env)
		return xstrdup(env);
	inst = installed_share("sxsh");
	if (inst) {
		forms = xasprintf("%s/forms", inst);
		int ok = paths_is_dir(forms);
		free(forms);
		if (ok)
			return inst;
		free(inst);
	}
	return xstrdup(SXSH_SRCDIR);
}

char *paths_localedir(void)
{
	char *inst = installed_share("sxsh/forms");
	int installed = inst && paths_is_dir(inst);
	free(inst);
	if (installed)
		return installed_share("locale");
	return xstrdup(SXSH_SRCDIR "/build/locale");
}

char *paths_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

int paths_mkdirs(const char *dir, struct sx_err *err)
{
	char *p = xstrdup(dir);
	int rc = 0;

	for (char *s = p + 1; ; s++) {
		char c = *s;
		if (c != '/' && c != '\0')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			sx_err_add(err, p, 0, _("cannot create folder: %s"), strerror(errno));
			rc = -1;
			break;
		}
		if (!paths_is_dir(p)) {
			sx_err_add(err, p, 0, _("exists but is not a folder; choose another path"));
			rc = -1;
			break;
		}
		*s = c;
		if (!c)
			break;
	}
	free(p);
	return rc;
}
