/* paths.c — data folders, the default database and owner-only folders. */
#include "base/paths.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/i18n.h"
#include "base/mem.h"
#include "base/platform.h"

#ifndef SXSH_SRCDIR
#define SXSH_SRCDIR "."
#endif

char *paths_default_db(void)
{
	return platform_default_db();
}

int paths_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* PREFIX/share/sxsh when the binary is installed as PREFIX/bin/sxsh. */
static char *installed_share(const char *sub)
{
	char *dir = platform_exe_dir(), *path;
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
	inst = platform_bundle_dir();
	if (inst)
		return inst;
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
	char *inst = platform_bundle_dir();
	int installed;

	if (inst) {
		char *dir = xasprintf("%s/locale", inst);
		free(inst);
		return dir;
	}
	inst = installed_share("sxsh/forms");
	installed = inst && paths_is_dir(inst);
	free(inst);
	if (installed)
		return installed_share("locale");
	return xstrdup(SXSH_SRCDIR "/build/locale");
}

char *paths_dirname(const char *path)
{
	const char *slash = NULL;
	for (const char *s = path; *s; s++)
		if (platform_is_sep(*s))
			slash = s;
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

int paths_mkdirs(const char *dir, struct sx_err *err)
{
	char *p = xstrdup(dir);
	size_t root = platform_root_len(dir);
	int rc = 0;

	for (char *s = p + (root > 0 ? root : 1); ; s++) {
		char c = *s;
		if (!platform_is_sep(c) && c != '\0')
			continue;
		*s = '\0';
		/* An existing folder is left alone ("C:" cannot be created). */
		if (!paths_is_dir(p) && platform_mkdir(p) != 0 && errno != EEXIST) {
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
