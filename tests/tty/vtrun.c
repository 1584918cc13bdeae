/* vtrun.c — run a command in a pseudo-terminal and check its screen through libvterm.
 *
 * The driver of the terminal-test layer: a script (tests/tty/NAME.vt) types keys into the real
 * program and reads the screen back, Vietnamese text included.  The language is described in
 * tests/tty/README.md; `vtrun -h` prints a summary.  The script is parsed completely before the
 * command starts, so a typo is a usage error (status 2), not a half-run test.
 *
 *   vtrun [-s COLSxROWS] [-t TIMEOUT_MS] SCRIPT -- CMD [ARGS...]
 *
 * Exit status: 0 every step passed, 1 a step failed (file:line, what, and the screen are printed
 * on stderr), 2 usage error.  Single-threaded; the child is always reaped before exit. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <vterm.h>

enum {
	VTR_QUIET_MS = 50,        /* no output for this long = the child has finished drawing */
	VTR_ANSWER_QUIET_MS = 20, /* a pause this long ends the child's answer to a key */
	VTR_ANSWER_SETTLE_MS = 500, /* ...or this long after it began, for a ticking screen */
	VTR_ESC_PAUSE_MS = 60,    /* > ESCDELAY, so the next key is not read as an Alt chord */
	VTR_GRACE_MS = 1000,      /* time between SIGTERM and SIGKILL when the script ends */
	VTR_MAX_DIM = 1000,       /* largest accepted rows or columns */
	VTR_CELL_BYTES = VTERM_MAX_CHARS_PER_CELL * 4,  /* UTF-8 bytes one cell can need */
	VTR_READ_CAP = 1 << 16,   /* bytes read per pump, so a chatty child cannot starve us */
};

/* Cell attributes the `attr` command can check. */
enum {
	VTR_A_REVERSE = 1,
	VTR_A_BOLD = 2,
	VTR_A_UNDERLINE = 4,
	VTR_A_ITALIC = 8,
};

/* A growable vector of owned strings, NULL-terminated for execvp. */
struct vtr_strv {
	char **v;    /* the strings, v[n] == NULL */
	size_t n;    /* how many */
	size_t cap;  /* allocated slots */
};

/* A key as libvterm should encode it: a named key or a code point, with modifiers. */
struct vtr_key {
	VTermKey key;       /* VTERM_KEY_NONE for a character key */
	uint32_t ch;        /* the character, when key is VTERM_KEY_NONE */
	VTermModifier mod;  /* Shift, Alt, Ctrl */
};

struct vtr_step;
struct vtr_run;

/* One script command: how its argument is read and how it runs. */
struct vtr_cmd {
	const char *name;                                           /* as written in scripts */
	const char *(*parse)(struct vtr_step *st, char *arg);       /* NULL, or why arg is wrong */
	bool (*run)(struct vtr_run *r, const struct vtr_step *st);  /* false: the step failed */
};

/* One parsed script line. */
struct vtr_step {
	const struct vtr_cmd *cmd;  /* what to do */
	int line;                   /* script line, for messages */
	char *raw;                  /* the argument as written, owned, for messages */
	char *text;                 /* decoded TEXT or file name, owned, may be NULL */
	long n, m;                  /* numbers: row, ms, bytes, signal, status, cols x rows, count */
	struct vtr_key key;         /* for `key` */
};

/* A parsed script with its "#!" header settings. */
struct vtr_script {
	const char *path;        /* as given on the command line */
	struct vtr_step *steps;  /* the commands, owned */
	size_t nsteps, cap;      /* used and allocated steps */
	struct vtr_strv args;    /* "#! args:" — appended to the command */
	struct vtr_strv env;     /* "#! env:" NAME=VALUE — win over every default */
	int cols, rows;          /* "#! size:", 0 if absent */
	long timeout_ms;         /* "#! timeout:", 0 if absent */
};

/* The terminal, the child, and what the steps have observed. */
struct vtr_run {
	const struct vtr_script *sc;  /* for messages and the child's environment */
	char **argv;                  /* the command with the header's args, for (re)starting */
	VTerm *vt;                    /* the emulator, owned */
	VTermScreen *screen;          /* its screen layer */
	int rows, cols;               /* current size */
	long timeout_ms;              /* for wait, waitnot, exit and settling */
	int master;                   /* pty master, non-blocking */
	pid_t child;                  /* the command */
	int status;                   /* its wait status, once reaped */
	bool reaped;                  /* waitpid has returned it */
	bool eof;                     /* every slave fd is closed: no more output */
	unsigned long bytes;          /* bytes read from the child since `mark` */
	unsigned long total;          /* bytes read from the child since it started */
	unsigned long total_at_input; /* total when the last key, resize or start was sent */
	bool awaiting;                /* input sent and its answer not yet seen by a check */
	long started_ms;              /* when the child was (re)started, for `clock` */
	long output_ms;               /* when its latest output arrived, for `clock` */
	int mark_line;                /* script line of the last `mark` */
	unsigned long keys;           /* key presses sent since the start or `keymark` */
	char *pending;                /* keys libvterm encoded, not yet written, owned */
	size_t npending, cappending;  /* used and allocated bytes of pending */
	bool altscreen;               /* alternate screen active (libvterm termprop) */
	bool cursor_visible;          /* cursor shown (libvterm termprop) */
};

#define VTR_PRINTF(f, a) __attribute__((format(printf, f, a)))

/* ---- small utilities ------------------------------------------------------------------ */

/* Print "vtrun: out of memory" and exit: a test driver has nothing to save. */
static void vtr_oom(void)
{
	fputs("vtrun: out of memory\n", stderr);
	exit(2);
}

/* realloc that never returns NULL. */
static void *vtr_realloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p)
		vtr_oom();
	return p;
}

/* strdup that never returns NULL. */
static char *vtr_strdup(const char *s)
{
	size_t len = strlen(s) + 1;
	return memcpy(vtr_realloc(NULL, len), s, len);
}

/* Append a copy of s to v, keeping v NULL-terminated. */
static void vtr_strv_push(struct vtr_strv *v, const char *s)
{
	if (v->n + 2 > v->cap) {
		v->cap = v->cap ? 2 * v->cap : 8;
		v->v = vtr_realloc(v->v, v->cap * sizeof *v->v);
	}
	v->v[v->n++] = s ? vtr_strdup(s) : NULL;
	v->v[v->n] = NULL;
}

/* Free every string of v and v's array. */
static void vtr_strv_free(struct vtr_strv *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->v[i]);
	free(v->v);
	*v = (struct vtr_strv){ 0 };
}

/* Milliseconds on the monotonic clock. */
static long vtr_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Parse a whole decimal number in [lo, hi]; false if s is anything else. */
static bool vtr_parse_long(const char *s, long lo, long hi, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

/* Parse "COLSxROWS". */
static bool vtr_parse_size(const char *s, long *cols, long *rows)
{
	char buf[32];
	const char *x = strchr(s, 'x');
	if (!x || (size_t)(x - s) >= sizeof buf)
		return false;
	memcpy(buf, s, (size_t)(x - s));
	buf[x - s] = '\0';
	return vtr_parse_long(buf, 1, VTR_MAX_DIM, cols) && vtr_parse_long(x + 1, 1, VTR_MAX_DIM, rows);
}

/* Decode the escapes \n \t \s (space) \e (ESC) \\ \" of s in place; false on any other. */
static bool vtr_unescape(char *s)
{
	char *out = s;
	for (; *s; s++) {
		if (*s != '\\') {
			*out++ = *s;
			continue;
		}
		switch (*++s) {
		case 'n': *out++ = '\n'; break;
		case 't': *out++ = '\t'; break;
		case 's': *out++ = ' '; break;
		case 'e': *out++ = '\033'; break;
		case '\\': *out++ = '\\'; break;
		case '"': *out++ = '"'; break;
		default: return false;
		}
	}
	*out = '\0';
	return true;
}

/* Decode one UTF-8 code point at *s, advancing *s; returns (uint32_t)-1 if malformed. */
static uint32_t vtr_utf8_next(const char **s)
{
	const unsigned char *p = (const unsigned char *)*s;
	int len = p[0] < 0x80 ? 1 : p[0] < 0xC2 ? 0 : p[0] < 0xE0 ? 2
		: p[0] < 0xF0 ? 3 : p[0] < 0xF5 ? 4 : 0;
	uint32_t cp = len == 1 ? p[0] : len == 2 ? p[0] & 0x1Fu : len == 3 ? p[0] & 0x0Fu : p[0] & 0x07u;
	if (len == 0)
		return (uint32_t)-1;
	for (int i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return (uint32_t)-1;
		cp = cp << 6 | (p[i] & 0x3Fu);
	}
	static const uint32_t min[] = { 0, 0, 0x80, 0x800, 0x10000 };
	if (cp < min[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return (uint32_t)-1;
	*s += len;
	return cp;
}

/* Whether s is well-formed UTF-8. */
static bool vtr_utf8_valid(const char *s)
{
	while (*s)
		if (vtr_utf8_next(&s) == (uint32_t)-1)
			return false;
	return true;
}

/* Encode cp as UTF-8 into out (4 bytes room); a value no terminal should hold becomes U+FFFD. */
static size_t vtr_utf8_put(char *out, uint32_t cp)
{
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* ---- signals ---------------------------------------------------------------------------- */

/* Signal names a script may use, with or without the SIG prefix. */
static const struct { const char *name; int sig; } vtr_signals[] = {
	{ "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT }, { "ABRT", SIGABRT },
	{ "KILL", SIGKILL }, { "SEGV", SIGSEGV }, { "PIPE", SIGPIPE }, { "ALRM", SIGALRM },
	{ "TERM", SIGTERM }, { "USR1", SIGUSR1 }, { "USR2", SIGUSR2 }, { "CONT", SIGCONT },
	{ "STOP", SIGSTOP }, { "TSTP", SIGTSTP }, { "WINCH", SIGWINCH },
};

/* Signal number for "SIGTERM" or "TERM"; 0 if unknown. */
static int vtr_signal_number(const char *name)
{
	if (strncmp(name, "SIG", 3) == 0)
		name += 3;
	for (size_t i = 0; i < sizeof vtr_signals / sizeof vtr_signals[0]; i++)
		if (strcmp(name, vtr_signals[i].name) == 0)
			return vtr_signals[i].sig;
	return 0;
}

/* "SIGTERM" for SIGTERM, "signal 42" for one not in the table; buf holds 32 bytes. */
static const char *vtr_signal_name(int sig, char *buf)
{
	for (size_t i = 0; i < sizeof vtr_signals / sizeof vtr_signals[0]; i++)
		if (vtr_signals[i].sig == sig) {
			snprintf(buf, 32, "SIG%s", vtr_signals[i].name);
			return buf;
		}
	snprintf(buf, 32, "signal %d", sig);
	return buf;
}

/* ---- the terminal: input, output, screen ------------------------------------------------ */

/* libvterm's output: keys it encoded and answers to queries.  Queued, not written here, because
 * writing may have to read the child's output, and libvterm must not be re-entered. */
static void vtr_on_output(const char *s, size_t len, void *user)
{
	struct vtr_run *r = user;
	if (r->npending + len > r->cappending) {
		r->cappending = 2 * (r->npending + len);
		r->pending = vtr_realloc(r->pending, r->cappending);
	}
	memcpy(r->pending + r->npending, s, len);
	r->npending += len;
}

/* Mirror the terminal properties that `term` checks. */
static int vtr_on_termprop(VTermProp prop, VTermValue *val, void *user)
{
	struct vtr_run *r = user;
	if (prop == VTERM_PROP_ALTSCREEN)
		r->altscreen = val->boolean;
	else if (prop == VTERM_PROP_CURSORVISIBLE)
		r->cursor_visible = val->boolean;
	return 1;
}

/* Read what the child has written (up to VTR_READ_CAP) into libvterm; returns bytes read. */
static size_t vtr_read_ready(struct vtr_run *r)
{
	char buf[4096];
	size_t total = 0;
	while (!r->eof && total < VTR_READ_CAP) {
		ssize_t k = read(r->master, buf, sizeof buf);
		if (k > 0) {
			vterm_input_write(r->vt, buf, (size_t)k);
			total += (size_t)k;
			continue;
		}
		if (k < 0 && errno == EINTR)
			continue;
		/* EIO (Linux) or 0: every slave fd is closed, the child is gone. */
		if (k == 0 || errno != EAGAIN)
			r->eof = true;
		break;
	}
	r->bytes += total;
	r->total += total;
	if (total)
		r->output_ms = vtr_now_ms();
	return total;
}

/* Write the queued keys to the child, reading its output whenever the pty is full. */
static void vtr_flush_keys(struct vtr_run *r)
{
	size_t off = 0;
	while (off < r->npending && !r->eof) {
		ssize_t k = write(r->master, r->pending + off, r->npending - off);
		if (k > 0) {
			off += (size_t)k;
		} else if (k < 0 && errno == EAGAIN) {
			struct pollfd p = { .fd = r->master, .events = POLLIN | POLLOUT };
			if (poll(&p, 1, 100) > 0 && (p.revents & (POLLIN | POLLHUP)))
				vtr_read_ready(r);
		} else if (!(k < 0 && errno == EINTR)) {
			break;  /* EIO: the child is gone, its keys go nowhere */
		}
	}
	r->npending = 0;
}

/* Wait up to timeout_ms for output and feed it to libvterm; returns bytes read (0: none). */
static size_t vtr_pump(struct vtr_run *r, long timeout_ms)
{
	vtr_flush_keys(r);
	if (r->eof) {
		poll(NULL, 0, (int)timeout_ms);  /* nothing will come; just let the time pass */
		return 0;
	}
	struct pollfd p = { .fd = r->master, .events = POLLIN };
	if (poll(&p, 1, (int)timeout_ms) <= 0)
		return 0;
	size_t n = vtr_read_ready(r);
	vtr_flush_keys(r);  /* libvterm may have answered a query */
	return n;
}

/* Pump for exactly ms milliseconds. */
static void vtr_pause(struct vtr_run *r, long ms)
{
	long end = vtr_now_ms() + ms;
	for (long left = ms; left > 0; left = end - vtr_now_ms())
		vtr_pump(r, left);
}

/* Let the child finish drawing: pump until it is quiet for VTR_QUIET_MS (at most the timeout). */
static void vtr_settle(struct vtr_run *r)
{
	long end = vtr_now_ms() + r->timeout_ms;
	while (vtr_pump(r, VTR_QUIET_MS) > 0 && vtr_now_ms() < end)
		;
}

/* Input went to the child (a key, a resize, a start): the next check must see its answer. */
static void vtr_sent_input(struct vtr_run *r)
{
	r->total_at_input = r->total;
	r->awaiting = true;
}

/* Before a check reads the screen: if input was sent since the last check, wait until the
 * child has written something after it and then paused drawing (VTR_ANSWER_QUIET_MS).  So a
 * check never passes on the screen that the input was meant to leave, however slow the
 * child (a sanitizer build on a loaded machine).  Returns false if no answer came within
 * the timeout; the check then runs on the screen as it is and reports what it sees. */
static bool vtr_await_answer(struct vtr_run *r)
{
	if (!r->awaiting)
		return true;
	long end = vtr_now_ms() + r->timeout_ms;
	while (r->total == r->total_at_input && !r->eof) {
		long left = end - vtr_now_ms();
		if (left <= 0)
			return false;
		vtr_pump(r, left);
	}
	long quiet_end = vtr_now_ms() + VTR_ANSWER_SETTLE_MS;
	while (vtr_pump(r, VTR_ANSWER_QUIET_MS) > 0 && vtr_now_ms() < quiet_end)
		;
	r->awaiting = false;
	return true;
}

/* A cell's attributes as VTR_A_* bits. */
static unsigned char vtr_cell_attrs(const VTermScreenCell *cell)
{
	return (unsigned char)((cell->attrs.reverse ? VTR_A_REVERSE : 0)
		| (cell->attrs.bold ? VTR_A_BOLD : 0)
		| (cell->attrs.underline ? VTR_A_UNDERLINE : 0)
		| (cell->attrs.italic ? VTR_A_ITALIC : 0));
}

/* Write row `row` into buf (cols * VTR_CELL_BYTES + 1 bytes) as UTF-8, trailing blanks cut;
 * when attrs is not NULL, attrs[i] gets the VTR_A_* bits of the cell that byte i came from. */
static void vtr_row_text(const struct vtr_run *r, int row, char *buf, unsigned char *attrs)
{
	size_t len = 0, keep = 0;
	for (int col = 0; col < r->cols; col++) {
		VTermScreenCell cell;
		size_t start = len;
		if (!vterm_screen_get_cell(r->screen, (VTermPos){ .row = row, .col = col }, &cell))
			break;
		if (cell.chars[0] == (uint32_t)-1)
			continue;  /* right half of a wide character */
		if (cell.chars[0] == 0)
			buf[len++] = ' ';
		/* A cell holds a base character plus any combining marks. */
		for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i]; i++)
			len += vtr_utf8_put(buf + len, cell.chars[i]);
		if (attrs)
			memset(attrs + start, vtr_cell_attrs(&cell), len - start);
		/* chars[] is only filled up to its first 0: test chars[1] only after a ' '. */
		if (cell.chars[0] && (cell.chars[0] != ' ' || cell.chars[1]))
			keep = len;
		if (cell.width > 1)
			col += cell.width - 1;
	}
	buf[keep] = '\0';
}

/* The whole screen as UTF-8, rows joined by '\n'; the caller frees it.  With attrs, also a
 * parallel array of VTR_A_* bits per byte, which the caller frees too. */
static char *vtr_screen_text(const struct vtr_run *r, unsigned char **attrs)
{
	size_t size = (size_t)r->rows * ((size_t)r->cols * VTR_CELL_BYTES + 1) + 1, len = 0;
	char *text = vtr_realloc(NULL, size);
	unsigned char *a = attrs ? vtr_realloc(NULL, size) : NULL;
	for (int row = 0; row < r->rows; row++) {
		vtr_row_text(r, row, text + len, a ? a + len : NULL);
		len += strlen(text + len);
		if (row + 1 < r->rows) {
			if (a)
				a[len] = 0;
			text[len++] = '\n';
		}
	}
	text[len] = '\0';
	if (attrs)
		*attrs = a;
	return text;
}

/* Whether text appears anywhere on the screen (a '\n' in text spans a row end). */
static bool vtr_screen_has(const struct vtr_run *r, const char *text)
{
	char *screen = vtr_screen_text(r, NULL);
	bool found = strstr(screen, text) != NULL;
	free(screen);
	return found;
}

/* ---- the child -------------------------------------------------------------------------- */

/* Reap the child if it has exited (block: wait for it); returns whether it is reaped. */
static bool vtr_reap(struct vtr_run *r, bool block)
{
	pid_t p;
	if (r->reaped)
		return true;
	do
		p = waitpid(r->child, &r->status, block ? 0 : WNOHANG);
	while (p < 0 && errno == EINTR);
	if (p == r->child || p < 0)  /* p < 0 (ECHILD) cannot happen; don't wait forever if it does */
		r->reaped = true;
	return r->reaped;
}

/* Describe the child's state ("running", "exited with status 3", ...) into buf (64 bytes). */
static const char *vtr_child_state(struct vtr_run *r, char *buf)
{
	char sig[32];
	if (!vtr_reap(r, false))
		snprintf(buf, 64, "child running");
	else if (WIFEXITED(r->status))
		snprintf(buf, 64, "child exited with status %d", WEXITSTATUS(r->status));
	else if (WIFSIGNALED(r->status))
		snprintf(buf, 64, "child killed by %s", vtr_signal_name(WTERMSIG(r->status), sig));
	else
		snprintf(buf, 64, "child gone (wait status %#x)", (unsigned)r->status);
	return buf;
}

/* Pump output until the child exits or timeout_ms pass; returns whether it exited. */
static bool vtr_await_exit(struct vtr_run *r, long timeout_ms)
{
	long end = vtr_now_ms() + timeout_ms;
	while (!vtr_reap(r, false)) {
		long left = end - vtr_now_ms();
		if (left <= 0)
			return false;
		vtr_pump(r, left < 20 ? left : 20);  /* exit makes no fd event: poll for it */
	}
	/* Read what it wrote last (leaving the alternate screen, say) before anyone looks. */
	while (!r->eof && vtr_pump(r, VTR_QUIET_MS) > 0)
		;
	return true;
}

/* End the child if the script left it running: SIGTERM, then SIGKILL; always reap.  The
 * signals go to its process group (forkpty made it a session leader) so helpers it started
 * do not outlive the test holding the terminal. */
static void vtr_stop_child(struct vtr_run *r)
{
	if (r->child <= 0 || vtr_reap(r, false))
		return;
	kill(-r->child, SIGTERM);
	if (vtr_await_exit(r, VTR_GRACE_MS))
		return;
	kill(-r->child, SIGKILL);
	vtr_reap(r, true);
}

/* In the forked child: set the environment the tests rely on and exec argv; never returns. */
static void vtr_exec_child(char **argv, const struct vtr_script *sc)
{
	static const int sigs[] = { SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGCHLD };
	sigset_t none;
	/* A runner started in the background may have left these ignored; the `kill` step needs them. */
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		signal(sigs[i], SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	/* COLUMNS and LINES would override the pty size in ncurses; the user's TERM describes the
	 * user's terminal, not libvterm, which emulates an xterm. */
	unsetenv("COLUMNS");
	unsetenv("LINES");
	setenv("TERM", "xterm-256color", 1);
	setenv("LANG", "C.UTF-8", 0);
	setenv("ESCDELAY", "25", 1);
	for (size_t i = 0; i < sc->env.n; i++)
		putenv(sc->env.v[i]);  /* the script's own settings win over everything above */
	execvp(argv[0], argv);
	dprintf(STDERR_FILENO, "vtrun: cannot run %s: %s\r\n", argv[0], strerror(errno));
	_exit(127);
}

/* Start the command in a new pseudo-terminal of the run's size; false if that failed. */
static bool vtr_spawn(struct vtr_run *r)
{
	struct winsize ws = { .ws_row = (unsigned short)r->rows, .ws_col = (unsigned short)r->cols };
	fflush(NULL);  /* or the child would inherit, and flush, our buffered output */
	pid_t pid = forkpty(&r->master, NULL, NULL, &ws);
	if (pid < 0) {
		fprintf(stderr, "vtrun: forkpty: %s\n", strerror(errno));
		return false;
	}
	if (pid == 0)
		vtr_exec_child(r->argv, r->sc);
	r->child = pid;
	r->reaped = r->eof = false;
	vtr_sent_input(r);  /* the first check waits for the child's first screen */
	r->started_ms = vtr_now_ms();
	fcntl(r->master, F_SETFD, FD_CLOEXEC);
	fcntl(r->master, F_SETFL, fcntl(r->master, F_GETFL) | O_NONBLOCK);
	return true;
}

/* Create the emulator: UTF-8, alternate screen enabled, properties mirrored into r. */
static void vtr_terminal_open(struct vtr_run *r)
{
	static const VTermScreenCallbacks cbs = { .settermprop = vtr_on_termprop };
	r->vt = vterm_new(r->rows, r->cols);
	if (!r->vt)
		vtr_oom();
	vterm_set_utf8(r->vt, 1);
	vterm_output_set_callback(r->vt, vtr_on_output, r);
	r->screen = vterm_obtain_screen(r->vt);
	vterm_screen_set_callbacks(r->screen, &cbs, r);
	vterm_screen_enable_altscreen(r->screen, 1);
	vterm_screen_reset(r->screen, 1);
	r->cursor_visible = true;
}

/* ---- failure reports -------------------------------------------------------------------- */

/* Print the screen with row numbers, the cursor and the child's state. */
static void vtr_dump(struct vtr_run *r, FILE *out)
{
	char state[64];
	VTermPos cur;
	size_t rowsize = (size_t)r->cols * VTR_CELL_BYTES + 1;
	char *row = vtr_realloc(NULL, rowsize);
	vterm_state_get_cursorpos(vterm_obtain_state(r->vt), &cur);
	fprintf(out, "--- screen %dx%d, cursor row %d col %d, %s%s ---\n", r->cols, r->rows,
		cur.row, cur.col, vtr_child_state(r, state), r->altscreen ? ", alternate screen" : "");
	int blank = 0;  /* blank rows not printed yet: trailing ones collapse into one line */
	for (int i = 0; i < r->rows; i++, blank++) {
		vtr_row_text(r, i, row, NULL);
		if (!*row)
			continue;
		for (int b = i - blank; b < i; b++)
			fprintf(out, "%2d|\n", b);
		fprintf(out, "%2d|%s\n", i, row);
		blank = -1;
	}
	if (blank > 0)
		fprintf(out, "%2d|... (rows %d-%d blank)\n", r->rows - blank, r->rows - blank, r->rows - 1);
	fputs("---\n", out);
	fflush(out);
	free(row);
}

/* Report a failed step as "script:line: cmd ARG: why" plus the screen; returns false. */
VTR_PRINTF(3, 4)
static bool vtr_fail(struct vtr_run *r, const struct vtr_step *st, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s:%d: %s%s%s: ", r->sc->path, st->line, st->cmd->name,
		*st->raw ? " " : "", st->raw);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	vtr_dump(r, stderr);
	return false;
}

/* ---- argument parsers (one per kind of argument) ---------------------------------------- */

/* No argument. */
static const char *vtr_parse_none(struct vtr_step *st, char *arg)
{
	(void)st;
	return *arg ? "takes no argument" : NULL;
}

/* TEXT: escapes decoded, non-empty, well-formed UTF-8. */
static const char *vtr_parse_text(struct vtr_step *st, char *arg)
{
	if (!vtr_unescape(arg))
		return "unknown escape (use \\n \\t \\s \\\\ \\\")";
	if (!*arg)
		return "needs TEXT";
	if (!vtr_utf8_valid(arg))
		return "TEXT is not valid UTF-8";
	st->text = vtr_strdup(arg);
	return NULL;
}

/* N TEXT: a row number and the text it must contain. */
static const char *vtr_parse_row(struct vtr_step *st, char *arg)
{
	char *sp = arg + strcspn(arg, " \t");
	if (!*sp)
		return "needs a row number and TEXT";
	*sp++ = '\0';
	if (!vtr_parse_long(arg, 0, VTR_MAX_DIM - 1, &st->n))
		return "row must be a number from 0";
	return vtr_parse_text(st, sp + strspn(sp, " \t"));
}

/* A non-negative number (milliseconds, bytes). */
static const char *vtr_parse_number(struct vtr_step *st, char *arg)
{
	return vtr_parse_long(arg, 0, 3600L * 1000, &st->n) ? NULL : "needs a number";
}

/* COLSxROWS. */
static const char *vtr_parse_dims(struct vtr_step *st, char *arg)
{
	return vtr_parse_size(arg, &st->n, &st->m) ? NULL : "needs COLSxROWS, e.g. 80x24";
}

/* A signal name: KILL, SIGTERM, ... */
static const char *vtr_parse_signal(struct vtr_step *st, char *arg)
{
	st->n = vtr_signal_number(arg);
	return st->n ? NULL : "unknown signal (try SIGTERM, SIGKILL, SIGINT)";
}

/* An exit status 0..255, or a signal name for death by that signal (m = 1). */
static const char *vtr_parse_status(struct vtr_step *st, char *arg)
{
	if (vtr_parse_long(arg, 0, 255, &st->n))
		return NULL;
	st->m = 1;
	st->n = vtr_signal_number(arg);
	return st->n ? NULL : "needs a status 0-255 or a signal name";
}

/* A file name (escapes decoded). */
static const char *vtr_parse_file(struct vtr_step *st, char *arg)
{
	if (!vtr_unescape(arg) || !*arg)
		return "needs a file name";
	st->text = vtr_strdup(arg);
	return NULL;
}

/* ---- keys ------------------------------------------------------------------------------- */

/* Named keys; libvterm encodes them, honouring application cursor mode. */
static const struct {
	const char *name;   /* as written in scripts, any case */
	VTermKey key;       /* VTERM_KEY_NONE for a character */
	VTermModifier mod;  /* built in, for BackTab */
	uint32_t ch;        /* the character, for Space */
} vtr_keys[] = {
	{ "Enter", VTERM_KEY_ENTER, 0, 0 }, { "Esc", VTERM_KEY_ESCAPE, 0, 0 },
	{ "Escape", VTERM_KEY_ESCAPE, 0, 0 }, { "Tab", VTERM_KEY_TAB, 0, 0 },
	{ "BackTab", VTERM_KEY_TAB, VTERM_MOD_SHIFT, 0 }, { "Up", VTERM_KEY_UP, 0, 0 },
	{ "Down", VTERM_KEY_DOWN, 0, 0 }, { "Left", VTERM_KEY_LEFT, 0, 0 },
	{ "Right", VTERM_KEY_RIGHT, 0, 0 }, { "Home", VTERM_KEY_HOME, 0, 0 },
	{ "End", VTERM_KEY_END, 0, 0 }, { "PageUp", VTERM_KEY_PAGEUP, 0, 0 },
	{ "PageDown", VTERM_KEY_PAGEDOWN, 0, 0 }, { "Backspace", VTERM_KEY_BACKSPACE, 0, 0 },
	{ "Delete", VTERM_KEY_DEL, 0, 0 }, { "Insert", VTERM_KEY_INS, 0, 0 },
	{ "Space", VTERM_KEY_NONE, 0, ' ' },
};

/* Resolve a base key name (no modifiers): a named key, F1..F12, or one character. */
static bool vtr_key_base(const char *name, struct vtr_key *k)
{
	long f;
	for (size_t i = 0; i < sizeof vtr_keys / sizeof vtr_keys[0]; i++)
		if (strcasecmp(name, vtr_keys[i].name) == 0) {
			k->key = vtr_keys[i].key;
			k->mod |= vtr_keys[i].mod;
			k->ch = vtr_keys[i].ch;
			return true;
		}
	if ((name[0] == 'F' || name[0] == 'f') && vtr_parse_long(name + 1, 1, 12, &f)) {
		k->key = VTERM_KEY_FUNCTION((int)f);
		return true;
	}
	const char *p = name;
	k->ch = vtr_utf8_next(&p);
	return k->ch != (uint32_t)-1 && k->ch >= ' ' && *p == '\0';
}

/* Parse "[C-][S-][M-]NAME": modifiers, then a base key. */
static bool vtr_key_parse(const char *name, struct vtr_key *k)
{
	*k = (struct vtr_key){ .key = VTERM_KEY_NONE };
	for (;; name += 2) {
		if (strncmp(name, "C-", 2) == 0 && name[2])
			k->mod |= VTERM_MOD_CTRL;
		else if (strncmp(name, "S-", 2) == 0 && name[2])
			k->mod |= VTERM_MOD_SHIFT;
		else if (strncmp(name, "M-", 2) == 0 && name[2])
			k->mod |= VTERM_MOD_ALT;
		else
			break;
	}
	if (!vtr_key_base(name, k))
		return false;
	if (k->key == VTERM_KEY_NONE && (k->mod & VTERM_MOD_CTRL) && k->ch < 0x80) {
		if (k->ch >= 'A' && k->ch <= 'Z')
			k->ch += 'a' - 'A';
		/* libvterm sends CSI u for C-i, C-j, C-m; a real xterm sends the control byte. */
		if (k->ch == 'i' || k->ch == 'j' || k->ch == 'm') {
			k->ch &= 0x1F;
			k->mod &= ~VTERM_MOD_CTRL;
		}
	}
	return true;
}

/* NAME [COUNT]. */
static const char *vtr_parse_key(struct vtr_step *st, char *arg)
{
	char *sp = arg + strcspn(arg, " \t");
	st->m = 1;
	if (*sp) {
		*sp++ = '\0';
		if (!vtr_parse_long(sp + strspn(sp, " \t"), 1, 10000, &st->m))
			return "COUNT must be a number from 1";
	}
	if (!*arg)
		return "needs a key name";
	return vtr_key_parse(arg, &st->key) ? NULL
		: "unknown key (Enter Esc Tab BackTab Up Down Left Right Home End PageUp PageDown "
		  "Backspace Delete Insert Space F1..F12 C-x M-x S-Up)";
}

/* Send one key through libvterm. */
static void vtr_send_key(struct vtr_run *r, const struct vtr_key *k)
{
	if (k->key != VTERM_KEY_NONE)
		vterm_keyboard_key(r->vt, k->key, k->mod);
	else
		vterm_keyboard_unichar(r->vt, k->ch, k->mod);
	vtr_flush_keys(r);
}

/* ---- terminal-state checks (`term NAME on|off`) ----------------------------------------- */

/* Whether libvterm would send Up as ESC O A: the child enabled application cursor keys. */
static bool vtr_term_appcursor(struct vtr_run *r)
{
	size_t before = r->npending;
	vterm_keyboard_key(r->vt, VTERM_KEY_UP, VTERM_MOD_NONE);
	bool app = r->npending >= before + 2 && r->pending[before + 1] == 'O';
	r->npending = before;  /* a probe, not a key press */
	return app;
}

/* Whether the pty's line discipline has lflag set (the master reports the slave's termios). */
static bool vtr_term_lflag(struct vtr_run *r, tcflag_t flag)
{
	struct termios t;
	return tcgetattr(r->master, &t) == 0 && (t.c_lflag & flag);
}

/* Terminal properties a script can check: what a program must restore when it quits. */
static const char *const vtr_term_names[] = {
	"altscreen", "cursor", "appcursor", "echo", "icanon",
};

/* Current value of the property with index i in vtr_term_names. */
static bool vtr_term_get(struct vtr_run *r, long i)
{
	switch (i) {
	case 0: return r->altscreen;
	case 1: return r->cursor_visible;
	case 2: return vtr_term_appcursor(r);
	case 3: return vtr_term_lflag(r, ECHO);
	default: return vtr_term_lflag(r, ICANON);
	}
}

/* NAME on|off. */
static const char *vtr_parse_term(struct vtr_step *st, char *arg)
{
	char *sp = arg + strcspn(arg, " \t");
	const char *val = *sp ? sp + 1 + strspn(sp + 1, " \t") : "";
	*sp = '\0';
	st->n = -1;
	for (size_t i = 0; i < sizeof vtr_term_names / sizeof vtr_term_names[0]; i++)
		if (strcmp(arg, vtr_term_names[i]) == 0)
			st->n = (long)i;
	if (st->n < 0)
		return "unknown property (altscreen cursor appcursor echo icanon)";
	if (strcmp(val, "on") != 0 && strcmp(val, "off") != 0)
		return "needs on or off";
	st->m = strcmp(val, "on") == 0;
	return NULL;
}

/* ---- cell attributes (`attr NAME TEXT`) ------------------------------------------------- */

/* Attribute names, in VTR_A_* bit order. */
static const char *const vtr_attr_names[] = { "reverse", "bold", "underline", "italic" };

/* [no]NAME TEXT: n = the VTR_A_* bit, m = 1 for "drawn with it", 0 for "without". */
static const char *vtr_parse_attr(struct vtr_step *st, char *arg)
{
	char *sp = arg + strcspn(arg, " \t");
	const char *name = arg;
	if (!*sp)
		return "needs an attribute and TEXT";
	*sp++ = '\0';
	st->m = strncmp(name, "no", 2) != 0;
	name += st->m ? 0 : 2;
	for (size_t i = 0; i < sizeof vtr_attr_names / sizeof vtr_attr_names[0]; i++)
		if (strcmp(name, vtr_attr_names[i]) == 0)
			st->n = 1L << i;
	if (!st->n)
		return "unknown attribute ([no]reverse, [no]bold, [no]underline, [no]italic)";
	return vtr_parse_text(st, sp + strspn(sp, " \t"));
}

/* Whether text is on screen with every character drawn with (want) or without attribute bit. */
static bool vtr_screen_has_attr(const struct vtr_run *r, const char *text, unsigned bit, bool want)
{
	unsigned char *attrs;
	char *screen = vtr_screen_text(r, &attrs);
	size_t len = strlen(text);
	bool found = false;
	for (const char *p = screen; !found && (p = strstr(p, text)) != NULL; p++) {
		found = true;
		for (size_t i = 0; i < len; i++)
			if (p[i] != '\n' && ((attrs[p - screen + (ptrdiff_t)i] & bit) != 0) != want)
				found = false;
	}
	free(screen);
	free(attrs);
	return found;
}

/* ---- step runners ----------------------------------------------------------------------- */

/* Pump until the screen does (present) or does not show text, or the timeout passes. */
static bool vtr_wait_for(struct vtr_run *r, const char *text, bool present)
{
	if (present)
		vtr_await_answer(r);
	long end = vtr_now_ms() + r->timeout_ms;
	for (;;) {
		if (vtr_screen_has(r, text) == present)
			return true;
		long left = end - vtr_now_ms();
		if (left <= 0 || r->eof)
			return false;
		vtr_pump(r, left);
	}
}

/* attr [no]NAME TEXT: like wait, for TEXT drawn with (or without) an attribute. */
static bool vtr_run_attr(struct vtr_run *r, const struct vtr_step *st)
{
	vtr_await_answer(r);
	long end = vtr_now_ms() + r->timeout_ms;
	for (;;) {
		if (vtr_screen_has_attr(r, st->text, (unsigned)st->n, st->m != 0))
			return true;
		long left = end - vtr_now_ms();
		if (left <= 0 || r->eof)
			break;
		vtr_pump(r, left);
	}
	return vtr_fail(r, st, "%s after %ld ms", vtr_screen_has(r, st->text)
		? "on screen, but not drawn that way" : "not on screen", r->timeout_ms);
}

/* wait TEXT */
static bool vtr_run_wait(struct vtr_run *r, const struct vtr_step *st)
{
	if (vtr_wait_for(r, st->text, true))
		return true;
	return vtr_fail(r, st, r->eof ? "not on screen, and the child has closed the terminal"
		: "not on screen after %ld ms", r->timeout_ms);
}

/* waitnot TEXT */
static bool vtr_run_waitnot(struct vtr_run *r, const struct vtr_step *st)
{
	if (vtr_wait_for(r, st->text, false))
		return true;
	return vtr_fail(r, st, r->eof ? "still on screen, and the child has closed the terminal"
		: "still on screen after %ld ms", r->timeout_ms);
}

/* expect TEXT */
static bool vtr_run_expect(struct vtr_run *r, const struct vtr_step *st)
{
	vtr_await_answer(r);
	vtr_settle(r);
	return vtr_screen_has(r, st->text) || vtr_fail(r, st, "not on screen");
}

/* expectnot TEXT */
static bool vtr_run_expectnot(struct vtr_run *r, const struct vtr_step *st)
{
	vtr_await_answer(r);
	vtr_settle(r);
	return !vtr_screen_has(r, st->text) || vtr_fail(r, st, "on screen but should not be");
}

/* row N TEXT */
static bool vtr_run_row(struct vtr_run *r, const struct vtr_step *st)
{
	vtr_await_answer(r);
	vtr_settle(r);
	if (st->n >= r->rows)
		return vtr_fail(r, st, "the screen has only %d rows", r->rows);
	char *row = vtr_realloc(NULL, (size_t)r->cols * VTR_CELL_BYTES + 1);
	vtr_row_text(r, (int)st->n, row, NULL);
	bool ok = strstr(row, st->text) != NULL;
	if (!ok)
		vtr_fail(r, st, "row %ld is \"%s\"", st->n, row);
	free(row);
	return ok;
}

/* type TEXT: every character as a key press; \n is Enter and \t is Tab, as on a keyboard. */
static bool vtr_run_type(struct vtr_run *r, const struct vtr_step *st)
{
	for (const char *p = st->text; *p; r->keys++) {
		uint32_t c = vtr_utf8_next(&p);
		if (c == '\n')
			vterm_keyboard_key(r->vt, VTERM_KEY_ENTER, VTERM_MOD_NONE);
		else if (c == '\t')
			vterm_keyboard_key(r->vt, VTERM_KEY_TAB, VTERM_MOD_NONE);
		else
			vterm_keyboard_unichar(r->vt, c, VTERM_MOD_NONE);
	}
	vtr_sent_input(r);
	vtr_flush_keys(r);
	return true;
}

/* send TEXT: the bytes themselves, as a terminal other than libvterm's xterm would send
 * them (PuTTY's Home is "\e[1~"), in one write. */
static bool vtr_run_send(struct vtr_run *r, const struct vtr_step *st)
{
	vtr_on_output(st->text, strlen(st->text), r);
	r->keys++;  /* one key press of a terminal that encodes it so */
	vtr_sent_input(r);
	vtr_flush_keys(r);
	return true;
}

/* key NAME [COUNT] */
static bool vtr_run_key(struct vtr_run *r, const struct vtr_step *st)
{
	vtr_sent_input(r);
	for (long i = 0; i < st->m; i++, r->keys++) {
		vtr_send_key(r, &st->key);
		if (st->key.key == VTERM_KEY_ESCAPE && !st->key.mod)
			vtr_pause(r, VTR_ESC_PAUSE_MS);
	}
	return true;
}

/* resize COLSxROWS: the emulator first, so the child's redraw after SIGWINCH fits it. */
static bool vtr_run_resize(struct vtr_run *r, const struct vtr_step *st)
{
	struct winsize ws = { .ws_row = (unsigned short)st->m, .ws_col = (unsigned short)st->n };
	vtr_settle(r);
	vterm_set_size(r->vt, (int)st->m, (int)st->n);
	r->cols = (int)st->n;
	r->rows = (int)st->m;
	if (ioctl(r->master, TIOCSWINSZ, &ws) < 0)
		return vtr_fail(r, st, "TIOCSWINSZ: %s", strerror(errno));
	vtr_sent_input(r);
	return true;
}

/* sleep MS */
static bool vtr_run_sleep(struct vtr_run *r, const struct vtr_step *st)
{
	vtr_pause(r, st->n);
	return true;
}

/* kill SIGNAME */
static bool vtr_run_kill(struct vtr_run *r, const struct vtr_step *st)
{
	char state[64];
	if (vtr_reap(r, false))
		return vtr_fail(r, st, "%s", vtr_child_state(r, state));
	if (kill(r->child, (int)st->n) < 0)
		return vtr_fail(r, st, "kill: %s", strerror(errno));
	return true;
}

/* exit CODE|SIGNAME: the child ends within the timeout, with that status. */
static bool vtr_run_exit(struct vtr_run *r, const struct vtr_step *st)
{
	char state[64];
	if (!vtr_await_exit(r, r->timeout_ms))
		return vtr_fail(r, st, "child still running after %ld ms", r->timeout_ms);
	bool ok = st->m ? WIFSIGNALED(r->status) && WTERMSIG(r->status) == st->n
		: WIFEXITED(r->status) && WEXITSTATUS(r->status) == st->n;
	return ok || vtr_fail(r, st, "%s", vtr_child_state(r, state));
}

/* restart: run the command again in a fresh terminal (same size), e.g. to see that what
 * the first run saved is still there.  The first run must have ended: the script says how. */
static bool vtr_run_restart(struct vtr_run *r, const struct vtr_step *st)
{
	char state[64];
	if (!vtr_reap(r, false))
		return vtr_fail(r, st, "%s: end it first (a key, kill, exit)", vtr_child_state(r, state));
	close(r->master);
	r->master = -1;
	r->npending = 0;
	vterm_screen_reset(r->screen, 1);
	r->altscreen = false;
	r->cursor_visible = true;
	return vtr_spawn(r) || vtr_fail(r, st, "could not start the command again");
}

/* dump: the screen to stdout, for writing and debugging scripts. */
static bool vtr_run_dump(struct vtr_run *r, const struct vtr_step *st)
{
	vtr_settle(r);
	printf("%s:%d: dump\n", r->sc->path, st->line);
	vtr_dump(r, stdout);
	return true;
}

/* screenshot FILE: the screen text, one line per row. */
static bool vtr_run_screenshot(struct vtr_run *r, const struct vtr_step *st)
{
	vtr_settle(r);
	FILE *f = fopen(st->text, "w");
	if (!f)
		return vtr_fail(r, st, "%s", strerror(errno));
	char *text = vtr_screen_text(r, NULL);
	fprintf(f, "%s\n", text);
	free(text);
	if (fclose(f) != 0)
		return vtr_fail(r, st, "%s", strerror(errno));
	return true;
}

/* mark: count output bytes from here, once what earlier steps caused has arrived. */
static bool vtr_run_mark(struct vtr_run *r, const struct vtr_step *st)
{
	vtr_settle(r);
	r->bytes = 0;
	r->mark_line = st->line;
	return true;
}

/* maxbytes N: at most N bytes arrived since `mark`. */
static bool vtr_run_maxbytes(struct vtr_run *r, const struct vtr_step *st)
{
	vtr_settle(r);
	if (r->bytes <= (unsigned long)st->n)
		return true;
	return vtr_fail(r, st, "%lu bytes since the mark at line %d", r->bytes, r->mark_line);
}

/* term NAME on|off */
static bool vtr_run_term(struct vtr_run *r, const struct vtr_step *st)
{
	vtr_settle(r);
	if (vtr_term_get(r, st->n) == (st->m != 0))
		return true;
	return vtr_fail(r, st, "%s is %s", vtr_term_names[st->n], st->m ? "off" : "on");
}

/* clock LABEL: prints "LABEL: N ms", from the child's start to the last output that the
 * checks before it saw (for make bench: after a `wait` for the first screen, the time until
 * that screen was drawn completely, without the driver's own settling pause). */
static bool vtr_run_clock(struct vtr_run *r, const struct vtr_step *st)
{
	printf("%s: %ld ms\n", st->text, r->output_ms - r->started_ms);
	return true;
}

/* rss LABEL: prints "LABEL: N kB", the child's peak resident memory (VmHWM). */
static bool vtr_run_rss(struct vtr_run *r, const struct vtr_step *st)
{
	char path[64], line[256];
	long kb = -1;
	vtr_settle(r);
	snprintf(path, sizeof path, "/proc/%ld/status", (long)r->child);
	FILE *f = fopen(path, "r");
	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
			break;
	if (f)
		fclose(f);
	if (kb < 0)
		return vtr_fail(r, st, "cannot read %s", path);
	printf("%s: %ld kB\n", st->text, kb);
	return true;
}

/* bytes LABEL: prints "LABEL: N bytes", what the child wrote since `mark`. */
static bool vtr_run_bytes(struct vtr_run *r, const struct vtr_step *st)
{
	vtr_await_answer(r);
	vtr_settle(r);
	printf("%s: %lu bytes\n", st->text, r->bytes);
	return true;
}

/* keymark: count key presses from here (`type` counts each character, `key` each press,
 * `send` one). */
static bool vtr_run_keymark(struct vtr_run *r, const struct vtr_step *st)
{
	(void)st;
	r->keys = 0;
	return true;
}

/* keys LABEL: prints "LABEL: N keys", the key presses since the start or `keymark`. */
static bool vtr_run_keys(struct vtr_run *r, const struct vtr_step *st)
{
	printf("%s: %lu keys\n", st->text, r->keys);
	return true;
}

/* maxkeys N: at most N key presses since the start or `keymark`. */
static bool vtr_run_maxkeys(struct vtr_run *r, const struct vtr_step *st)
{
	if (r->keys <= (unsigned long)st->n)
		return true;
	return vtr_fail(r, st, "%lu keys, more than %ld", r->keys, st->n);
}

/* Every script command. */
static const struct vtr_cmd vtr_cmds[] = {
	{ .name = "wait", .parse = vtr_parse_text, .run = vtr_run_wait },
	{ .name = "waitnot", .parse = vtr_parse_text, .run = vtr_run_waitnot },
	{ .name = "expect", .parse = vtr_parse_text, .run = vtr_run_expect },
	{ .name = "expectnot", .parse = vtr_parse_text, .run = vtr_run_expectnot },
	{ .name = "row", .parse = vtr_parse_row, .run = vtr_run_row },
	{ .name = "type", .parse = vtr_parse_text, .run = vtr_run_type },
	{ .name = "send", .parse = vtr_parse_text, .run = vtr_run_send },
	{ .name = "key", .parse = vtr_parse_key, .run = vtr_run_key },
	{ .name = "resize", .parse = vtr_parse_dims, .run = vtr_run_resize },
	{ .name = "sleep", .parse = vtr_parse_number, .run = vtr_run_sleep },
	{ .name = "kill", .parse = vtr_parse_signal, .run = vtr_run_kill },
	{ .name = "exit", .parse = vtr_parse_status, .run = vtr_run_exit },
	{ .name = "dump", .parse = vtr_parse_none, .run = vtr_run_dump },
	{ .name = "screenshot", .parse = vtr_parse_file, .run = vtr_run_screenshot },
	{ .name = "mark", .parse = vtr_parse_none, .run = vtr_run_mark },
	{ .name = "maxbytes", .parse = vtr_parse_number, .run = vtr_run_maxbytes },
	{ .name = "term", .parse = vtr_parse_term, .run = vtr_run_term },
	{ .name = "attr", .parse = vtr_parse_attr, .run = vtr_run_attr },
	{ .name = "restart", .parse = vtr_parse_none, .run = vtr_run_restart },
	{ .name = "clock", .parse = vtr_parse_text, .run = vtr_run_clock },
	{ .name = "rss", .parse = vtr_parse_text, .run = vtr_run_rss },
	{ .name = "bytes", .parse = vtr_parse_text, .run = vtr_run_bytes },
	{ .name = "keymark", .parse = vtr_parse_none, .run = vtr_run_keymark },
	{ .name = "keys", .parse = vtr_parse_text, .run = vtr_run_keys },
	{ .name = "maxkeys", .parse = vtr_parse_number, .run = vtr_run_maxkeys },
};

/* ---- the script file -------------------------------------------------------------------- */

/* Split s into blank-separated words ("double quotes" group), unescape each, append to v. */
static bool vtr_split_words(char *s, struct vtr_strv *v)
{
	while (*(s += strspn(s, " \t"))) {
		char *out = s, *word = s;
		bool quoted = false;
		for (; *s && (quoted || (*s != ' ' && *s != '\t')); s++) {
			if (*s == '"')
				quoted = !quoted;
			else if (*s == '\\' && s[1])
				*out++ = *s++, *out++ = *s;
			else
				*out++ = *s;
		}
		char *next = *s ? s + 1 : s;
		*out = '\0';
		if (quoted || !vtr_unescape(word))
			return false;
		vtr_strv_push(v, word);
		s = next;
	}
	return true;
}

/* Apply a "#! KEY: VALUE" header line; returns NULL, or why it is wrong. */
static const char *vtr_header(struct vtr_script *sc, char *h)
{
	long cols, rows;
	char *val = strchr(h, ':');
	if (!val)
		return "header needs \"#! KEY: VALUE\"";
	*val++ = '\0';
	val += strspn(val, " \t");
	h += strspn(h, " \t");
	if (strcmp(h, "args") == 0)
		return vtr_split_words(val, &sc->args) ? NULL : "bad quoting or escape in args";
	if (strcmp(h, "env") == 0) {
		size_t before = sc->env.n;
		if (!vtr_split_words(val, &sc->env))
			return "bad quoting or escape in env";
		for (size_t i = before; i < sc->env.n; i++)
			if (!strchr(sc->env.v[i], '=') || sc->env.v[i][0] == '=')
				return "env needs NAME=VALUE words";
		return NULL;
	}
	if (strcmp(h, "size") == 0) {
		if (!vtr_parse_size(val, &cols, &rows))
			return "size needs COLSxROWS";
		sc->cols = (int)cols;
		sc->rows = (int)rows;
		return NULL;
	}
	if (strcmp(h, "timeout") == 0)
		return vtr_parse_long(val, 1, 3600L * 1000, &sc->timeout_ms) ? NULL : "timeout needs MS";
	return "unknown header (args, env, size, timeout)";
}

/* Parse a command line into a new step; returns NULL, or why it is wrong. */
static const char *vtr_command(struct vtr_script *sc, char *line, int lineno)
{
	char *arg = line + strcspn(line, " \t");
	if (*arg)
		*arg++ = '\0';
	arg += strspn(arg, " \t");
	const struct vtr_cmd *cmd = NULL;
	for (size_t i = 0; i < sizeof vtr_cmds / sizeof vtr_cmds[0]; i++)
		if (strcmp(line, vtr_cmds[i].name) == 0)
			cmd = &vtr_cmds[i];
	if (!cmd)
		return "unknown command";
	if (sc->nsteps == sc->cap) {
		sc->cap = sc->cap ? 2 * sc->cap : 32;
		sc->steps = vtr_realloc(sc->steps, sc->cap * sizeof *sc->steps);
	}
	struct vtr_step *st = &sc->steps[sc->nsteps++];
	*st = (struct vtr_step){ .cmd = cmd, .line = lineno, .raw = vtr_strdup(arg) };
	return cmd->parse(st, arg);
}

/* Parse one line of the script; false (after a message) if it is wrong. */
static bool vtr_script_line(struct vtr_script *sc, char *line, int lineno)
{
	size_t len = strlen(line);
	const char *err = NULL;
	while (len && strchr(" \t\r\n", line[len - 1]))
		line[--len] = '\0';  /* trailing blanks are invisible in an editor; \s keeps one */
	line += strspn(line, " \t");
	if (strncmp(line, "#!", 2) == 0) {
		err = sc->nsteps ? "headers go before the first command" : vtr_header(sc, line + 2);
		if (err)
			fprintf(stderr, "%s:%d: %s\n", sc->path, lineno, err);
	} else if (*line && *line != '#') {
		err = vtr_command(sc, line, lineno);  /* leaves line as just the command's name */
		if (err)
			fprintf(stderr, "%s:%d: %s: %s\n", sc->path, lineno, line, err);
	}
	return !err;
}

/* Read and parse the whole script; false (after messages) if it cannot be used. */
static bool vtr_script_load(struct vtr_script *sc, const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	int lineno = 0;
	bool ok = true;
	sc->path = path;
	if (!f) {
		fprintf(stderr, "vtrun: %s: %s\n", path, strerror(errno));
		return false;
	}
	while (ok && getline(&line, &cap, f) >= 0)
		ok = vtr_script_line(sc, line, ++lineno);
	free(line);
	fclose(f);
	return ok;
}

/* Free everything the script owns. */
static void vtr_script_free(struct vtr_script *sc)
{
	for (size_t i = 0; i < sc->nsteps; i++) {
		free(sc->steps[i].raw);
		free(sc->steps[i].text);
	}
	free(sc->steps);
	vtr_strv_free(&sc->args);
	vtr_strv_free(&sc->env);
}

/* ---- main ------------------------------------------------------------------------------- */

/* Print how to call vtrun; returns 2, the usage-error status. */
static int vtr_usage(void)
{
	fputs("usage: vtrun [-s COLSxROWS] [-t TIMEOUT_MS] SCRIPT -- CMD [ARGS...]\n"
	      "script commands: wait TEXT | waitnot TEXT | expect TEXT | expectnot TEXT |\n"
	      "  row N TEXT | type TEXT | key NAME [COUNT] | resize COLSxROWS | sleep MS |\n"
	      "  kill SIGNAME | exit CODE|SIGNAME | dump | screenshot FILE | mark | maxbytes N |\n"
	      "  term altscreen|cursor|appcursor|echo|icanon on|off |\n"
	      "  attr [no]reverse|[no]bold|[no]underline|[no]italic TEXT | restart |\n"
	      "  keymark | keys LABEL | maxkeys N\n"
	      "headers (before the first command): #! args: ... | #! env: NAME=VALUE ... |\n"
	      "  #! size: COLSxROWS | #! timeout: MS\n", stderr);
	return 2;
}

/* Run every step in order; returns 0 if all passed, 1 at the first failure. */
static int vtr_run_steps(struct vtr_run *r, const struct vtr_script *sc)
{
	for (size_t i = 0; i < sc->nsteps; i++)
		if (!sc->steps[i].cmd->run(r, &sc->steps[i]))
			return 1;
	return 0;
}

/* Start the command (with the header's args) in the terminal, run the script, clean up. */
static int vtr_main(struct vtr_run *r, const struct vtr_script *sc, char **cmd)
{
	struct vtr_strv argv = { 0 };
	int rc = 1;
	for (; *cmd; cmd++)
		vtr_strv_push(&argv, *cmd);
	for (size_t i = 0; i < sc->args.n; i++)
		vtr_strv_push(&argv, sc->args.v[i]);
	r->argv = argv.v;
	vtr_terminal_open(r);
	if (vtr_spawn(r)) {
		rc = vtr_run_steps(r, sc);
		vtr_stop_child(r);
	}
	if (r->master >= 0)
		close(r->master);
	vterm_free(r->vt);
	free(r->pending);
	vtr_strv_free(&argv);
	return rc;
}

/* vtrun [-s COLSxROWS] [-t TIMEOUT_MS] SCRIPT -- CMD [ARGS...] */
int main(int argc, char **argv)
{
	long cols = 0, rows = 0, timeout = 0;
	struct vtr_script sc = { 0 };
	int opt, rc;
	while ((opt = getopt(argc, argv, "+s:t:h")) != -1) {
		if (opt == 's' && vtr_parse_size(optarg, &cols, &rows))
			continue;
		if (opt == 't' && vtr_parse_long(optarg, 1, 3600L * 1000, &timeout))
			continue;
		return vtr_usage();
	}
	if (argc - optind < 2)
		return vtr_usage();
	char **cmd = argv + optind + 1;
	if (strcmp(*cmd, "--") == 0)
		cmd++;
	if (!*cmd)
		return vtr_usage();
	if (!vtr_script_load(&sc, argv[optind])) {
		vtr_script_free(&sc);
		return 2;
	}
	/* The command line wins over the script's header, which wins over the defaults. */
	struct vtr_run r = {
		.sc = &sc, .master = -1,
		.cols = cols ? (int)cols : sc.cols ? sc.cols : 80,
		.rows = rows ? (int)rows : sc.rows ? sc.rows : 24,
		.timeout_ms = timeout ? timeout : sc.timeout_ms ? sc.timeout_ms : 5000,
	};
	rc = vtr_main(&r, &sc, cmd);
	if (rc == 0)
		printf("ok %s (%zu step%s)\n", sc.path, sc.nsteps, sc.nsteps == 1 ? "" : "s");
	vtr_script_free(&sc);
	return rc;
}
