/* platform_posix.c — platform.h for Linux and other POSIX systems. */
#include "base/platform.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "base/mem.h"

void platform_init(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	signal(SIGXFSZ, SIG_IGN);
}

static int utf8_codeset(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

int platform_utf8_locale(void)
{
	if (setlocale(LC_ALL, "") && utf8_codeset())
		return 0;
	/* The environment names a missing or non-UTF-8 locale: fall back to
	 * C.UTF-8, the one UTF-8 locale a fresh Debian machine has. */
	return setlocale(LC_ALL, "C.UTF-8") || setlocale(LC_ALL, "C.utf8") ? 0 : -1;
}

int platform_setenv(const char *name, const char *value)
{
	return setenv(name, value, 1);
}

char *platform_default_db(void)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	if (xdg && xdg[0] == '/')
		return xasprintf("%s/sxsh/sxsh.db", xdg);
	if (home && *home)
		return xasprintf("%s/.local/share/sxsh/sxsh.db", home);
	return NULL;
}

/* XDG_DOCUMENTS_DIR from user-dirs.dirs (xdg-user-dirs: a line
 * XDG_DOCUMENTS_DIR="$HOME/Documents", the value "$HOME/…" or absolute), or NULL. */
static char *user_dirs_documents(const char *home)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	char *path = xdg && xdg[0] == '/' ? xasprintf("%s/user-dirs.dirs", xdg)
		: xasprintf("%s/.config/user-dirs.dirs", home);
	FILE *f = fopen(path, "r");
	char line[4096], *dir = NULL;

	while (f && !dir && fgets(line, sizeof line, f)) {
		char *v = line + strspn(line, " \t"), *end;
		if (strncmp(v, "XDG_DOCUMENTS_DIR=\"", 19) != 0 || !(end = strrchr(v + 19, '"')))
			continue;
		*end = '\0';
		v += 19;
		if (strncmp(v, "$HOME/", 6) == 0)
			dir = xasprintf("%s/%s", home, v + 6);
		else if (v[0] == '/')
			dir = xstrdup(v);
	}
	if (f)
		fclose(f);
	free(path);
	return dir;
}

char *platform_documents_dir(void)
{
	const char *env = getenv("XDG_DOCUMENTS_DIR"), *home = getenv("HOME");
	struct stat st;
	char *dir;

	if (env && env[0] == '/')
		return xstrdup(env);
	if (!home || !*home)
		return NULL;
	if ((dir = user_dirs_documents(home)) != NULL && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
		return dir;
	free(dir);
	dir = xasprintf("%s/Documents", home);
	if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
		return dir;
	free(dir);
	return xstrdup(home);
}

char *platform_exe_dir(void)
{
	char buf[4096];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	char *slash;

	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	slash = strrchr(buf, '/');
	if (!slash)
		return NULL;
	return xstrndup(buf, slash == buf ? 1 : (size_t)(slash - buf));
}

char *platform_bundle_dir(void)
{
	return NULL;
}

int platform_is_sep(char c)
{
	return c == '/';
}

size_t platform_root_len(const char *path)
{
	return path[0] == '/';
}

int platform_mkdir(const char *path)
{
	return mkdir(path, 0700);
}

char *platform_mkdtemp(char *tmpl)
{
	return mkdtemp(tmpl);
}

int platform_private_fd(int fd)
{
	return fchmod(fd, 0600);
}

int platform_dir_trust(const char *path, int *is_link, int *others)
{
	struct stat st;

	if (lstat(path, &st) != 0)
		return -1;
	*is_link = S_ISLNK(st.st_mode);
	*others = st.st_uid != geteuid();
	return 0;
}

int platform_read_only_fs(const char *dir)
{
	struct statvfs vs;
	return statvfs(dir, &vs) == 0 && (vs.f_flag & ST_RDONLY);
}

int platform_file_stamp(const char *path, struct platform_file_stamp *s)
{
	struct stat st;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return -1;
	s->dev = (long long)st.st_dev;
	s->ino = (long long)st.st_ino;
	s->size = (long long)st.st_size;
	s->mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
	s->ctime_ns = (long long)st.st_ctim.tv_sec * 1000000000LL + st.st_ctim.tv_nsec;
	return 0;
}

int platform_pid_alive(long pid)
{
	return kill((pid_t)pid, 0) == 0 || errno == EPERM;
}

int platform_rename(const char *from, const char *to)
{
	return rename(from, to);
}

int platform_fsync(int fd)
{
	return fsync(fd);
}

int platform_fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc, e;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	e = errno;
	close(fd);
	errno = e;
	return rc;
}

int platform_random(void *buf, size_t n)
{
	unsigned char *p = buf;

	while (n > 0) {
		ssize_t k = getrandom(p, n, 0);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

void platform_term_prepare(void)
{
}

int platform_read_char(int ms, unsigned long *wc)
{
	(void)ms;
	(void)wc;
	return 0;
}

int platform_reads_keys(void)
{
	return 0;
}

void platform_catch_signals(void (*handler)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

static struct sigaction saved_int, saved_term, saved_hup;

void platform_signals_push(void (*handler)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &saved_int);
	sigaction(SIGTERM, &sa, &saved_term);
	sigaction(SIGHUP, &sa, &saved_hup);
}

void platform_signals_pop(void)
{
	sigaction(SIGINT, &saved_int, NULL);
	sigaction(SIGTERM, &saved_term, NULL);
	sigaction(SIGHUP, &saved_hup, NULL);
}
