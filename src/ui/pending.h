/* pending.h — changes kept while another sxsh holds the database's write lock.
 *
 * A long import in another process holds the write lock for its whole run.
 * The interface waits UI_BUSY_MS for it, then keeps what was typed in memory,
 * says that it is not saved yet, lets the officer go on, and saves it on the
 * next idle tick that finds the database free (struct screen's idle).  A
 * screen is never left, nor sxsh quit, with such a change without a word. */
#ifndef SX_PENDING_H
#define SX_PENDING_H

#include "ui/editor.h"
#include "ui/screen.h"

/* How long an interface write waits for another sxsh before it says so. */
#define UI_BUSY_MS 1000

/* Set the database's wait for the interface (at start). */
void pending_init(struct ui *ui);
/* Try again without waiting: sets the database's wait to 0 and returns the
 * previous one, for pending_end(). */
int pending_begin(struct ui *ui);
void pending_end(struct ui *ui, int previous);

/* Idle tick of an editor screen: retry a pending save without waiting.
 * RD_SCREEN (and a message) when it was saved or refused now, else RD_NONE. */
int ui_editor_retry(struct ui *ui, struct editor *e);
/* Before leaving an editor screen: try a pending save once more (waiting
 * the usual time); 1 with a message when it is still not saved (stay). */
int ui_editor_pending(struct ui *ui, struct editor *e);

/* An editor screen's idle() and unsaved(), for a screen whose state has its
 * struct editor as first member: retry a pending save (ui_editor_retry), and
 * whether one is still pending. */
int ui_editor_idle(struct ui *ui, void *state);
int ui_editor_unsaved(struct ui *ui, void *state);
/* What an editor's commit callback returns for a save that returned rc:
 * rc when saved (*saved set) or refused (err's message in msg, msglen
 * bytes), 1 when another sxsh holds the lock (kept, saved later).  Clears
 * err. */
int ui_commit_result(struct ui *ui, int rc, struct sx_err *err, int *saved, char *msg,
		     size_t msglen);

/* Why a write failed, in the officer's words: when another sxsh holds the
 * lock, that (nothing was changed; try again), else err's last message. */
const char *pending_why(struct ui *ui, const struct sx_err *err);

#endif
