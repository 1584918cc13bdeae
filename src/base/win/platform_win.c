/* platform_win.c — platform.h for Windows (mingw-w64 with the UCRT runtime).
 *
 * Text inside sxsh is UTF-8; Windows speaks UTF-16 to its wide (W) functions,
 * so every path that reaches the system goes through to_wide() here. */
#include "base/platform.h"

#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <wchar.h>

#include <windows.h>
#include <bcrypt.h>
#include <shellapi.h>
#include <shlobj.h>

#include "base/mem.h"

/* UTF-8 -> UTF-16; caller frees. */
static wchar_t *to_wide(const char *s)
{
	int n = MultiByteToWideChar(CP_UTF8, 0, s, -1, NULL, 0);
	wchar_t *w;

	if (n <= 0)
		return NULL;
	w = xmalloc((size_t)n * sizeof *w);
	MultiByteToWideChar(CP_UTF8, 0, s, -1, w, n);
	return w;
}

/* UTF-16 -> UTF-8; caller frees. */
static char *from_wide(const wchar_t *w)
{
	int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
	char *s;

	if (n <= 0)
		return xstrdup("");
	s = xmalloc((size_t)n);
	WideCharToMultiByte(CP_UTF8, 0, w, -1, s, n, NULL, NULL);
	return s;
}

void platform_init(int *argc, char ***argv)
{
	int n = 0;
	wchar_t **wargv = CommandLineToArgvW(GetCommandLineW(), &n);

	/* Same bytes as on Linux: no CRLF translation, no ^Z end of file. */
	_set_fmode(_O_BINARY);
	/* Redirected output too; a console keeps text mode, so "\n" starts a line. */
	for (int fd = 0; fd <= 2; fd++)
		if (!_isatty(fd))
			_setmode(fd, _O_BINARY);
	SetConsoleOutputCP(CP_UTF8);
	SetConsoleCP(CP_UTF8);
	/* The C runtime's argv is in the ANSI code page; sxsh wants UTF-8. */
	if (wargv && n > 0) {
		char **v = xcalloc((size_t)n + 1, sizeof *v);
		for (int i = 0; i < n; i++)
			v[i] = from_wide(wargv[i]);
		*argc = n;
		*argv = v;
		LocalFree(wargv);
	}
}

int platform_utf8_locale(void)
{
	/* Only the UCRT has UTF-8 locales (msvcrt refuses ".UTF-8"). */
	return setlocale(LC_ALL, ".UTF-8") ? 0 : -1;
}

int platform_setenv(const char *name, const char *value)
{
	return _putenv_s(name, value) == 0 ? 0 : -1;
}

char *platform_default_db(void)
{
	static const wchar_t *const vars[] = { L"LOCALAPPDATA", L"APPDATA" };

	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const wchar_t *v = _wgetenv(vars[i]);
		if (v && *v) {
			char *dir = from_wide(v), *db = xasprintf("%s\\sxsh\\sxsh.db", dir);
			free(dir);
			return db;
		}
	}
	return NULL;
}

char *platform_documents_dir(void)
{
	wchar_t buf[MAX_PATH];
	const wchar_t *profile = _wgetenv(L"USERPROFILE");

	/* CSIDL_PERSONAL is the Documents known folder (FOLDERID_Documents). */
	if (SHGetFolderPathW(NULL, CSIDL_PERSONAL, NULL, SHGFP_TYPE_CURRENT, buf) == S_OK)
		return from_wide(buf);
	return profile && *profile ? from_wide(profile) : NULL;
}

char *platform_exe_dir(void)
{
	wchar_t buf[32768];
	DWORD n = GetModuleFileNameW(NULL, buf, sizeof buf / sizeof buf[0]);
	wchar_t *sep;

	if (n == 0 || n >= sizeof buf / sizeof buf[0])
		return NULL;
	sep = wcsrchr(buf, L'\\');
	if (!sep)
		return NULL;
	*sep = L'\0';
	return from_wide(buf);
}

char *platform_bundle_dir(void)
{
	char *dir = platform_exe_dir(), *forms;
	wchar_t *w;
	DWORD attr;

	if (!dir)
		return NULL;
	forms = xasprintf("%s\\forms", dir);
	w = to_wide(forms);
	attr = w ? GetFileAttributesW(w) : INVALID_FILE_ATTRIBUTES;
	free(w);
	free(forms);
	if (attr != INVALID_FILE_ATTRIBUTES && (attr & FILE_ATTRIBUTE_DIRECTORY))
		return dir;
	free(dir);
	return NULL;
}

int platform_is_sep(char c)
{
	return c == '/' || c == '\\';
}

size_t platform_root_len(const char *path)
{
	size_t n = 0;

	if (((path[0] | 0x20) >= 'a' && (path[0] | 0x20) <= 'z') && path[1] == ':')
		return platform_is_sep(path[2]) ? 3 : 2;
	if (platform_is_sep(path[0]) && platform_is_sep(path[1])) {
		/* \\server\share\: two names after the leading pair */
		n = 2;
		for (int names = 0; names < 2 && path[n]; names++) {
			while (path[n] && !platform_is_sep(path[n]))
				n++;
			if (path[n])
				n++;
		}
		return n;
	}
	return platform_is_sep(path[0]);
}

int platform_mkdir(const char *path)
{
	wchar_t *w = to_wide(path);
	int rc;

	if (!w) {
		errno = EINVAL;
		return -1;
	}
	rc = _wmkdir(w);
	free(w);
	return rc;
}

char *platform_mkdtemp(char *tmpl)
{
	static const char digits[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	size_t n = strlen(tmpl);
	char *x = tmpl + n - 6;

	if (n < 6 || strcmp(x, "XXXXXX") != 0) {
		errno = EINVAL;
		return NULL;
	}
	for (int tries = 0; tries < 100; tries++) {
		unsigned char r[6];
		if (platform_random(r, sizeof r) != 0)
			return NULL;
		for (int i = 0; i < 6; i++)
			x[i] = digits[r[i] % (sizeof digits - 1)];
		if (platform_mkdir(tmpl) == 0)
			return tmpl;
		if (errno != EEXIST)
			return NULL;
	}
	return NULL;
}

int platform_private_fd(int fd)
{
	(void)fd;   /* the per-user folder's ACL already keeps others out */
	return 0;
}

int platform_dir_trust(const char *path, int *is_link, int *others)
{
	wchar_t *w = to_wide(path);
	DWORD attr = w ? GetFileAttributesW(w) : INVALID_FILE_ATTRIBUTES;

	free(w);
	if (attr == INVALID_FILE_ATTRIBUTES) {
		errno = ENOENT;
		return -1;
	}
	*is_link = (attr & FILE_ATTRIBUTE_REPARSE_POINT) != 0;
	*others = 0;
	return 0;
}

int platform_read_only_fs(const char *dir)
{
	(void)dir;
	return 0;
}

/* 100-ns ticks since 1601 (a FILETIME or LARGE_INTEGER time) to ns since 1970. */
static long long win_time_ns(long long ticks)
{
	return (ticks - 116444736000000000LL) * 100;
}

/* The volume serial number and file index stand for the device and inode;
 * ChangeTime, which no program can set back, for ctime.  File systems that
 * keep no change time or file index (FAT on some drivers gives 0) give -1:
 * nothing is trusted there. */
int platform_file_stamp(const char *path, struct platform_file_stamp *s)
{
	wchar_t *w = to_wide(path);
	BY_HANDLE_FILE_INFORMATION bh;
	FILE_BASIC_INFO basic;
	HANDLE h;
	int ok;

	if (!w)
		return -1;
	h = CreateFileW(w, FILE_READ_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
			NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
	free(w);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	ok = GetFileInformationByHandle(h, &bh) &&
	     GetFileInformationByHandleEx(h, FileBasicInfo, &basic, sizeof basic) &&
	     !(bh.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) && basic.ChangeTime.QuadPart != 0 &&
	     (bh.nFileIndexHigh | bh.nFileIndexLow) != 0;
	CloseHandle(h);
	if (!ok)
		return -1;
	s->dev = (long long)bh.dwVolumeSerialNumber;
	s->ino = (long long)(((unsigned long long)bh.nFileIndexHigh << 32) | bh.nFileIndexLow);
	s->size = (long long)(((unsigned long long)bh.nFileSizeHigh << 32) | bh.nFileSizeLow);
	s->mtime_ns = win_time_ns((long long)(((unsigned long long)bh.ftLastWriteTime.dwHighDateTime << 32) |
					      bh.ftLastWriteTime.dwLowDateTime));
	s->ctime_ns = win_time_ns(basic.ChangeTime.QuadPart);
	return 0;
}

int platform_pid_alive(long pid)
{
	HANDLE h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, (DWORD)pid);
	DWORD code = 0;
	int alive;

	if (!h)
		return GetLastError() == ERROR_ACCESS_DENIED;
	alive = GetExitCodeProcess(h, &code) && code == STILL_ACTIVE;
	CloseHandle(h);
	return alive;
}

int platform_rename(const char *from, const char *to)
{
	wchar_t *wf = to_wide(from), *wt = to_wide(to);
	int ok = wf && wt && MoveFileExW(wf, wt, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH);

	if (!ok)
		errno = GetLastError() == ERROR_FILE_NOT_FOUND ? ENOENT : EACCES;
	free(wf);
	free(wt);
	return ok ? 0 : -1;
}

int platform_fsync(int fd)
{
	return _commit(fd);
}

int platform_fsync_dir(const char *dir)
{
	(void)dir;
	return 0;
}

int platform_random(void *buf, size_t n)
{
	if (n > 0xFFFFFFFFu)
		return -1;
	return BCryptGenRandom(NULL, buf, (ULONG)n, BCRYPT_USE_SYSTEM_PREFERRED_RNG) == 0 ? 0 : -1;
}

void platform_term_prepare(void)
{
	/* ncurses picks its Windows console driver only for TERM "#win32con" or
	 * an empty TERM, and an empty TERM means "ms-terminal" on newer Windows;
	 * a TERM inherited from a Unix shell would select terminfo and garble. */
	const char *t = getenv("SXSH_TERM");
	_putenv_s("TERM", t && *t ? t : "#win32con");
}

/* 1 for a console event curses would skip over while reading the next key —
 * and so swallow a character queued behind it: key releases, Shift/Ctrl/Alt
 * and other keys that type nothing, focus and menu events. */
static int skipped_by_curses(const INPUT_RECORD *r)
{
	const KEY_EVENT_RECORD *k = &r->Event.KeyEvent;

	if (r->EventType == FOCUS_EVENT || r->EventType == MENU_EVENT)
		return 1;
	if (r->EventType != KEY_EVENT)
		return 0;
	if (!k->bKeyDown)
		return 1;
	switch (k->wVirtualKeyCode) {
	case VK_SHIFT: case VK_CONTROL: case VK_MENU: case VK_CAPITAL: case VK_NUMLOCK:
	case VK_SCROLL: case VK_LWIN: case VK_RWIN: case VK_LSHIFT: case VK_RSHIFT:
	case VK_LCONTROL: case VK_RCONTROL: case VK_LMENU: case VK_RMENU:
		return 1;
	default:
		return 0;
	}
}

int platform_read_char(int ms, unsigned long *wc)
{
	HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
	INPUT_RECORD r;
	DWORD n;

	if (GetFileType(in) != FILE_TYPE_CHAR)
		return 0;
	if (WaitForSingleObject(in, (DWORD)ms) != WAIT_OBJECT_0)
		return -1;
	while (PeekConsoleInputW(in, &r, 1, &n) && n == 1) {
		WCHAR c = r.Event.KeyEvent.uChar.UnicodeChar;
		if (skipped_by_curses(&r)) {
			ReadConsoleInputW(in, &r, 1, &n);
			continue;
		}
		/* Esc comes without its character under wine, and ncurses drops it. */
		if (r.EventType == KEY_EVENT && r.Event.KeyEvent.wVirtualKeyCode == VK_ESCAPE)
			c = 27;
		/* Printable characters and Esc are ours; other keys curses'. */
		else if (r.EventType != KEY_EVENT || c < 0x20 || c == 0x7f)
			return 0;
		ReadConsoleInputW(in, &r, 1, &n);
		*wc = c;
		return 1;
	}
	return -1;   /* only events nobody needs: nothing to read */
}

int platform_reads_keys(void)
{
	return 1;
}

void platform_catch_signals(void (*handler)(int))
{
	signal(SIGTERM, handler);
	signal(SIGINT, handler);
}

static void (*saved_int)(int), (*saved_term)(int);

void platform_signals_push(void (*handler)(int))
{
	saved_int = signal(SIGINT, handler);
	saved_term = signal(SIGTERM, handler);
}

void platform_signals_pop(void)
{
	signal(SIGINT, saved_int);
	signal(SIGTERM, saved_term);
}
