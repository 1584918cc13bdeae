/* platform.h — what differs between Linux and Windows, in one place.
 *
 * platform_posix.c implements this for Linux (and any POSIX system),
 * platform_win.c for Windows (mingw-w64, linked with the UCRT C runtime).
 * Everything else in src/ calls these instead of the system call that differs.
 * Paths are UTF-8 everywhere; the Windows side converts to UTF-16 itself.
 *
 * Owner-only files: on Linux new files and folders get mode 0600/0700.  On
 * Windows the database lives in the per-user application data folder
 * (%LOCALAPPDATA%\sxsh), whose ACL already admits only its owner (and
 * administrators); the mode arguments are ignored there. */
#ifndef SX_PLATFORM_H
#define SX_PLATFORM_H

#include <stddef.h>

#ifdef _WIN32
/* POSIX open() flags the Windows C runtime lacks; it has no fork to leak to. */
#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif
/* Symbolic links need administrator rights to make on Windows. */
#ifndef O_NOFOLLOW
#define O_NOFOLLOW 0
#endif
#endif

/* Once, first thing in main(): on Windows, binary file I/O by default, a
 * UTF-8 console, and argv re-read as UTF-8 (*argv may be replaced; it stays
 * valid until exit).  On Linux, SIGXFSZ ignored: over a file-size limit
 * (ulimit -f) a write fails with EFBIG and is reported like a full disk,
 * instead of the process dying without a word (Windows has no such signal). */
void platform_init(int *argc, char ***argv);
/* Set a UTF-8 locale for LC_ALL: the environment's if it is UTF-8, else
 * C.UTF-8 (Linux); ".UTF-8" with the UCRT (Windows).  Returns 0, or -1 when no
 * UTF-8 locale could be set. */
int platform_utf8_locale(void);
/* Set environment variable name to value (overwriting).  Returns 0 or -1. */
int platform_setenv(const char *name, const char *value);

/* The default database: $XDG_DATA_HOME/sxsh/sxsh.db, else
 * ~/.local/share/sxsh/sxsh.db (Linux); %LOCALAPPDATA%\sxsh\sxsh.db, else
 * %APPDATA%\sxsh\sxsh.db (Windows).  Caller frees; NULL when none is set. */
char *platform_default_db(void);
/* Where files for the officer go by default (sign-in sheets, reports): the
 * user's documents folder — $XDG_DOCUMENTS_DIR, else XDG_DOCUMENTS_DIR in
 * user-dirs.dirs, else ~/Documents when it exists, else ~ (Linux); the
 * Documents known folder, else %USERPROFILE% (Windows).  Caller frees; NULL
 * when no home is known. */
char *platform_documents_dir(void);
/* The folder of the running program.  Caller frees; NULL if unknown. */
char *platform_exe_dir(void);
/* The folder that holds forms/ and locale/ when the program runs from an
 * unpacked bundle (the Windows zip: the program's own folder); NULL when the
 * installed or source-tree layout applies (Linux).  Caller frees. */
char *platform_bundle_dir(void);
/* 1 when c separates folders in a path ('/', and '\\' on Windows). */
int platform_is_sep(char c);
/* Bytes of path's root, which no one creates: "/" (1) on Linux; "C:\\" (3),
 * "C:" (2) or "\\\\server\\share\\" on Windows; 0 for a relative path. */
size_t platform_root_len(const char *path);

/* mkdir owner-only.  Returns 0 or -1 with errno (EEXIST when it exists). */
int platform_mkdir(const char *path);
/* mkdtemp(3): replace the trailing XXXXXX of tmpl and create that folder
 * owner-only.  Returns tmpl, or NULL with errno. */
char *platform_mkdtemp(char *tmpl);
/* Make an open file owner-only (fchmod 0600; nothing on Windows).  0 or -1. */
int platform_private_fd(int fd);
/* What sxsh must know of a folder before writing personal data into it:
 * *is_link when path itself is a symbolic link (or, on Windows, a reparse
 * point), *others when another user owns it (never on Windows, where the
 * folder's ACL decides).  Returns 0, or -1 with errno when path is missing. */
int platform_dir_trust(const char *path, int *is_link, int *others);
/* 1 when the file system holding dir is mounted read-only (Linux; on Windows
 * always 0: there the access() check on the file and folder has to do). */
int platform_read_only_fs(const char *dir);
/* What tells a file's content has not changed since it was last read,
 * without reading it: device, inode, size, and the times of the last change
 * of content (mtime) and of the inode (ctime, which no program can set back),
 * in nanoseconds (on Windows: the volume serial number, the file index and
 * the change time).  0, or -1 when not known, and then nothing is trusted by it. */
struct platform_file_stamp {
	long long dev, ino, size, mtime_ns, ctime_ns;
};
int platform_file_stamp(const char *path, struct platform_file_stamp *s);
/* 1 when process pid is still running. */
int platform_pid_alive(long pid);
/* rename(2) that replaces an existing target, also on Windows.  0 or -1. */
int platform_rename(const char *from, const char *to);
/* Flush an open file descriptor to the disk.  Returns 0 or -1 with errno. */
int platform_fsync(int fd);
/* Make the names in folder dir durable (fsync of the folder on Linux; NTFS
 * journals names itself, so nothing on Windows).  Returns 0 or -1 with errno. */
int platform_fsync_dir(const char *dir);
/* Fill buf with n bytes from the system's random source.  0 or -1. */
int platform_random(void *buf, size_t n);

/* Before initscr(): make ncurses drive this terminal properly.  On Windows
 * that is its console driver (TERM=#win32con), whatever TERM the environment
 * holds, unless SXSH_TERM names another terminal type.  Nothing on Linux. */
void platform_term_prepare(void);
/* Wait up to ms milliseconds for a key.  Returns 1 with *wc set when the key is
 * a character curses would misread (on Windows every printable character: the
 * console driver of ncurses 6.4 reads keys as single bytes of the ANSI code
 * page and drops what it cannot map, often together with the keys typed just
 * after; and Esc, 27, which wine delivers without its character code), 0 when
 * curses should read the input itself (other named and control keys;
 * everything on Linux), -1 when nothing came in time. */
int platform_read_char(int ms, unsigned long *wc);
/* 1 when platform_read_char() takes keys from under curses (Windows): curses
 * must then not read ahead to look for typeahead, or it swallows them. */
int platform_reads_keys(void);
/* Call handler on SIGTERM, SIGINT and (where it exists) SIGHUP. */
void platform_catch_signals(void (*handler)(int));
/* The same, remembering the handlers it replaces, which platform_signals_pop()
 * puts back; one level deep. */
void platform_signals_push(void (*handler)(int));
void platform_signals_pop(void);

#endif
