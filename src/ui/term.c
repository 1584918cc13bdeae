/* term.c — curses setup and the input funnel. */
#include "ui/term.h"

#include <curses.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/mem.h"
#include "base/platform.h"

static int started;
static int colors;
static volatile sig_atomic_t got_signal;

static void on_signal(int sig)
{
	got_signal = sig;
}

int term_color(void)
{
	return colors;
}

int term_start(void)
{
	const char *no_color = getenv("NO_COLOR");

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return -1;
	if (!getenv("ESCDELAY"))
		set_escdelay(25);   /* a lone Esc must not take a second */
	platform_term_prepare();
	if (!initscr())
		return -1;
	started = 1;
	sx_set_die_hook(term_stop);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	if (platform_reads_keys())
		typeahead(-1);
	timeout(250);   /* wake up to notice SIGTERM/SIGINT */
	if (has_colors() && !(no_color && *no_color)) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_WHITE, COLOR_BLUE);   /* title and help bars */
		init_pair(2, COLOR_RED, -1);             /* errors */
		init_pair(3, COLOR_GREEN, -1);           /* good news */
		colors = 1;
	}
	platform_catch_signals(on_signal);
	return 0;
}

void term_stop(void)
{
	if (!started)
		return;
	started = 0;
	curs_set(1);
	endwin();
}

/* Keys with a fixed meaning everywhere. */
static const struct { int key; enum action act; } keymap[] = {
	{ KEY_UP, ACT_UP }, { KEY_DOWN, ACT_DOWN }, { KEY_LEFT, ACT_LEFT }, { KEY_RIGHT, ACT_RIGHT },
	{ KEY_PPAGE, ACT_PGUP }, { KEY_NPAGE, ACT_PGDN }, { KEY_HOME, ACT_HOME }, { KEY_END, ACT_END },
	{ KEY_ENTER, ACT_OK }, { KEY_BACKSPACE, ACT_BKSP }, { KEY_DC, ACT_DEL }, { KEY_BTAB, ACT_BTAB },
	{ KEY_F(1), ACT_HELP }, { KEY_F(10), ACT_QUIT }, { KEY_RESIZE, ACT_RESIZE },
	{ '\r', ACT_OK }, { '\n', ACT_OK }, { 27, ACT_BACK }, { '\t', ACT_TAB }, { 127, ACT_BKSP },
	{ 8, ACT_BKSP }, { 21, ACT_CLEAR },
};

/* Escape sequences that terminals send for the same keys as terminfo's, when the terminal
 * is not the one TERM names (PuTTY, rxvt and the Linux console under TERM=xterm):
 * the bytes after ESC, without modifier parameters ("[1;5H" is looked up as "[H"). */
static const struct { const char *seq; enum action act; } escmap[] = {
	{ "[A", ACT_UP }, { "[B", ACT_DOWN }, { "[C", ACT_RIGHT }, { "[D", ACT_LEFT },
	{ "OA", ACT_UP }, { "OB", ACT_DOWN }, { "OC", ACT_RIGHT }, { "OD", ACT_LEFT },
	{ "[H", ACT_HOME }, { "OH", ACT_HOME }, { "[1~", ACT_HOME }, { "[7~", ACT_HOME },
	{ "[F", ACT_END }, { "OF", ACT_END }, { "[4~", ACT_END }, { "[8~", ACT_END },
	{ "[3~", ACT_DEL }, { "[5~", ACT_PGUP }, { "[6~", ACT_PGDN }, { "[Z", ACT_BTAB },
	{ "OM", ACT_OK },
};
/* Function keys by the number in "ESC [ n ~" (VT220, PuTTY, rxvt) and "ESC O P..S". */
static const struct { const char *seq; int f; } fkeymap[] = {
	{ "[11~", 1 }, { "[12~", 2 }, { "[13~", 3 }, { "[14~", 4 }, { "[15~", 5 }, { "[17~", 6 },
	{ "[18~", 7 }, { "[19~", 8 }, { "[20~", 9 }, { "[21~", 10 }, { "[23~", 11 }, { "[24~", 12 },
	{ "OP", 1 }, { "OQ", 2 }, { "OR", 3 }, { "OS", 4 }, { "[[A", 1 }, { "[[B", 2 },
	{ "[[C", 3 }, { "[[D", 4 }, { "[[E", 5 },
};

/* The next byte already waiting after an ESC, or -1 (none within a few ms). */
static int esc_next(void)
{
	wint_t ch;
	int delay = get_escdelay();
	timeout(delay > 10 ? delay : 10);   /* the rest of a sequence comes as fast as Esc */
	int rc = get_wch(&ch);
	timeout(250);
	return rc == OK && ch < 128 ? (int)ch : (rc == ERR ? -1 : -2);
}

/* An ESC that curses did not decode: a lone Esc (back), or a sequence read to its end and
 * mapped through escmap/fkeymap.  A sequence the program does not know is dropped whole,
 * never typed into a field as "[1~". */
static void term_escape(struct input *in)
{
	char seq[16];
	size_t n = 0;
	int c = esc_next();

	if (c == -1) {
		in->act = ACT_BACK;
		return;
	}
	if (c != '[' && c != 'O')
		return;   /* Alt and a key, or noise: ignored */
	seq[n++] = (char)c;
	/* Parameter bytes (0x30-0x3f), then one final byte (0x40-0x7e); ";N" modifiers are
	 * dropped so that Ctrl-Home is Home; PuTTY's F1-F5 are "[[A".."[[E". */
	for (;;) {
		if ((c = esc_next()) < 0)
			return;   /* cut short: ignored */
		if (c == ';') {
			while ((c = esc_next()) >= '0' && c <= '9')
				;
			if (c < 0x40 || c > 0x7e)
				return;
		}
		if (n >= sizeof seq - 2)
			return;   /* longer than any key's: ignored */
		seq[n++] = (char)c;
		if (c == '[' && n == 2 && seq[0] == '[')
			continue;
		if (c >= 0x40 && c <= 0x7e)
			break;
		if (c < 0x30 || c > 0x3f)
			return;
	}
	seq[n] = '\0';
	/* "[1;5H" arrived as "[1H" once the modifier is dropped: the key is "[H". */
	if (n == 3 && seq[0] == '[' && seq[1] == '1' && seq[2] >= 'A' && seq[2] <= 'Z') {
		seq[1] = seq[2];
		seq[2] = '\0';
	}
	for (size_t i = 0; i < sizeof escmap / sizeof escmap[0]; i++)
		if (strcmp(seq, escmap[i].seq) == 0) {
			in->act = escmap[i].act;
			return;
		}
	for (size_t i = 0; i < sizeof fkeymap / sizeof fkeymap[0]; i++)
		if (strcmp(seq, fkeymap[i].seq) == 0) {
			in->act = fkeymap[i].f == 1 ? ACT_HELP : fkeymap[i].f == 10 ? ACT_QUIT : ACT_FKEY;
			in->ch = (wchar_t)fkeymap[i].f;
			return;
		}
}

void term_read(struct input *in)
{
	term_read_idle(in, 0);
}

void term_read_idle(struct input *in, int idle)
{
	wint_t ch;
	int rc;

	in->act = ACT_NONE;
	in->ch = 0;
	for (;;) {
		if (got_signal) {
			in->act = ACT_SIGNAL;
			return;
		}
		unsigned long wc;
		int direct = platform_read_char(250, &wc);
		if (direct < 0)
			continue;
		if (direct > 0) {
			ch = (wint_t)wc;
			rc = OK;
			break;
		}
		rc = get_wch(&ch);
		if (rc != ERR)
			break;
		if (idle)
			return;   /* ACT_NONE: a quarter of a second went by */
	}
	if (rc == OK && ch == 27) {
		term_escape(in);
		return;
	}
	for (size_t i = 0; i < sizeof keymap / sizeof keymap[0]; i++) {
		if ((int)ch == keymap[i].key && (rc == KEY_CODE_YES) == (keymap[i].key > 255)) {
			in->act = keymap[i].act;
			return;
		}
	}
	if (rc == KEY_CODE_YES && ch > KEY_F(1) && ch <= KEY_F(12)) {
		in->act = ACT_FKEY;
		in->ch = (wchar_t)(ch - KEY_F0);
		return;
	}
	if (rc == OK && ch >= 32) {
		in->act = ACT_CHAR;
		in->ch = (wchar_t)ch;
	}
}
