/* term.c — curses setup and the input funnel. */
#include "ui/term.h"

#include <curses.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/mem.h"

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
	struct sigaction sa;
	const char *no_color = getenv("NO_COLOR");

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return -1;
	if (!getenv("ESCDELAY"))
		set_escdelay(25);   /* a lone Esc must not take a second */
	if (!initscr())
		return -1;
	started = 1;
	sx_set_die_hook(term_stop);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	timeout(250);   /* wake up to notice SIGTERM/SIGINT */
	if (has_colors() && !(no_color && *no_color)) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_WHITE, COLOR_BLUE);   /* title and help bars */
		init_pair(2, COLOR_RED, -1);             /* errors */
		init_pair(3, COLOR_GREEN, -1);           /* good news */
		colors = 1;
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
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
	{ 8, ACT_BKSP },
};

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
		rc = get_wch(&ch);
		if (rc != ERR)
			break;
		if (idle)
			return;   /* ACT_NONE: a quarter of a second went by */
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
