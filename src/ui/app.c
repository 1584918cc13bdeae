/* app.c — the main loop: one input funnel, a screen stack, redraw flags. */
#include "ui/ui.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/draw.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "ui/pending.h"
#include "ui/screen.h"
#include "base/text.h"

#define MAX_DEPTH 16

/* An open screen and its state. */
struct frame {
	const struct screen *s;
	void *state;
};

struct ui {
	struct sx_ctx *ctx;
	struct frame stack[MAX_DEPTH];
	int depth;
	char msg[256];        /* message line, "" for none */
	int msg_error;        /* the message is an error */
	int resetting;        /* ui_reset() is emptying the stack: no resume() */
	int quit_warned;      /* F10 was refused once because of unsaved changes */
};

struct sx_ctx *ui_ctx(struct ui *ui) { return ui->ctx; }

const void *ui_spec(struct ui *ui)
{
	return ui->depth ? ui->stack[ui->depth - 1].s->spec : NULL;
}

void ui_push(struct ui *ui, const struct screen *s, const void *arg)
{
	if (ui->depth == MAX_DEPTH)
		return;
	ui->stack[ui->depth].s = s;
	ui->stack[ui->depth].state = NULL;
	ui->depth++;
	ui->stack[ui->depth - 1].state = s->enter ? s->enter(ui, arg) : NULL;
}

void ui_pop(struct ui *ui)
{
	struct frame *f;
	if (!ui->depth)
		return;
	f = &ui->stack[--ui->depth];
	if (f->s->leave)
		f->s->leave(ui, f->state);
	f = ui->depth ? &ui->stack[ui->depth - 1] : NULL;
	if (f && f->s->resume && !ui->resetting)
		f->s->resume(ui, f->state);
}

void ui_reset(struct ui *ui, const struct screen *s, const void *arg)
{
	ui->resetting = 1;
	while (ui->depth)
		ui_pop(ui);
	ui->resetting = 0;
	ui_push(ui, s, arg);
}

void ui_message(struct ui *ui, int is_error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	va_end(ap);
	ui->msg_error = is_error;
}

void ui_message_path(struct ui *ui, const char *fmt, const char *path)
{
	char *line = xasprintf(fmt, path);
	int over = text_width(line) - (COLS - 2);

	free(line);
	if (over > 0) {
		char *cut = text_fit_left(path, text_width(path) - over);
		ui_message(ui, 0, fmt, cut);
		free(cut);
	} else {
		ui_message(ui, 0, fmt, path);
	}
}

void ui_title(struct ui *ui, const char *heading)
{
	char *who = NULL, *line;
	struct sx_db *db = ui->ctx->db;

	if (db && (who = db_setting(db, "officer_name")) != NULL && !*who) {
		free(who);
		who = NULL;
	}
	line = xasprintf("%s — %s", _("SXSH · Cleaner production"), heading);
	draw_bar(0, R_BAR, line);
	if (who) {
		int w = text_width(who);
		if (w + 4 < COLS - text_width(line))
			draw_text(0, COLS - w - 1, w, R_BAR, who);
	}
	free(line);
	free(who);
}

static void draw_all(struct ui *ui)
{
	struct frame *f = &ui->stack[ui->depth - 1];
	int y, x;

	erase();
	if (draw_too_small()) {
		refresh();
		return;
	}
	curs_set(0);
	f->s->draw(ui, f->state);
	getyx(stdscr, y, x);   /* where an editing screen left the cursor */
	if (ui->msg[0])
		draw_bar(LINES - 2, ui->msg_error ? R_ERROR : R_GOOD, ui->msg);
	draw_bar(LINES - 1, R_BAR, _(f->s->keys));
	move(y, x);
	refresh();
}

/* F1: the screen's help, then the keys that work everywhere. */
static void show_help(struct ui *ui)
{
	struct frame *f = &ui->stack[ui->depth - 1];
	char *body = xasprintf("%s\n\n%s", _(f->s->help),
		_("Everywhere: Esc goes back one level and keeps what you typed; "
		  "F1 shows this help; F10 leaves sxsh. Every answer is saved "
		  "when you leave its field."));
	draw_popup(_("Help"), body);
	free(body);
}

/* 1 when a screen on the stack holds changes not saved yet. */
static int unsaved(struct ui *ui)
{
	for (int i = ui->depth - 1; i >= 0; i--) {
		struct frame *f = &ui->stack[i];
		if (f->s->unsaved && f->s->unsaved(ui, f->state))
			return 1;
	}
	return 0;
}

static int loop(struct ui *ui)
{
	struct input in;
	int rd = RD_ALL;
	struct frame *top;

	while (ui->depth) {
		if (rd & RD_QUIT)
			break;
		if (rd & RD_ALL)
			clearok(curscr, TRUE);
		if (rd)
			draw_all(ui);
		top = &ui->stack[ui->depth - 1];
		term_read_idle(&in, top->s->idle != NULL);
		if (in.act == ACT_SIGNAL)
			return 1;
		if (in.act == ACT_NONE) {
			rd = top->s->idle ? top->s->idle(ui, top->state) : RD_NONE;
			continue;
		}
		if (in.act == ACT_RESIZE) {
			rd = RD_ALL;
			continue;
		}
		ui->msg[0] = '\0';
		if (in.act == ACT_HELP) {
			show_help(ui);
			rd = RD_ALL;
			continue;
		}
		if (in.act == ACT_QUIT) {
			if (ui->quit_warned || !unsaved(ui))
				break;
			/* Never lose a change silently: say so, and leave on a second F10. */
			ui->quit_warned = 1;
			ui_message(ui, 1, "%s", _("Not saved yet: another sxsh is writing. F10 again leaves without it."));
			rd = RD_SCREEN;
			continue;
		}
		ui->quit_warned = 0;
		rd = ui->stack[ui->depth - 1].s->handle(ui, ui->stack[ui->depth - 1].state, &in);
		if (!ui->depth)
			break;
		rd |= RD_SCREEN;
	}
	return 0;
}

int ui_main(struct sx_ctx *ctx)
{
	struct sx_err err = {0};
	struct ui ui = { .ctx = ctx };
	char *officer;
	int rc;

	if (!ctx_db(ctx, &err)) {
		rc = 1;
		for (size_t i = 0; i < err.n; i++)
			fprintf(stderr, "sxsh: %s\n", err.msgs[i]);
		sx_err_clear(&err);
		return rc;
	}
	if (term_start() != 0) {
		fprintf(stderr, "sxsh: %s\n", _("the interface needs a terminal; "
			"for scripts use a command (see 'sxsh --help')"));
		return 1;
	}
	pending_init(&ui);
	officer = db_setting(ctx->db, "officer_name");
	ui_push(&ui, officer ? &screen_main_menu : &screen_first_run, NULL);
	free(officer);
	rc = loop(&ui);
	while (ui.depth)
		ui_pop(&ui);
	term_stop();
	return rc;
}
