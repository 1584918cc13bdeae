/* ui.h — the full-screen interface (the only part of sxsh that uses curses). */
#ifndef SX_UI_H
#define SX_UI_H

#include "db/ctx.h"

/* Run the interface on a terminal until the officer quits.  Opens the
 * database through ctx; returns the exit status. */
int ui_main(struct sx_ctx *ctx);

#endif
