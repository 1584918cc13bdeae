/* pending.c — saving what waits for another sxsh's write lock. */
#include "ui/pending.h"

#include <stdio.h>

#include "base/i18n.h"
#include "db/db.h"

void pending_init(struct ui *ui)
{
	db_set_busy_ms(ui_ctx(ui)->db, UI_BUSY_MS);
}

int pending_begin(struct ui *ui)
{
	struct sx_db *db = ui_ctx(ui)->db;
	int previous = db_busy_ms(db);
	db_set_busy_ms(db, 0);
	return previous;
}

void pending_end(struct ui *ui, int previous)
{
	db_set_busy_ms(ui_ctx(ui)->db, previous);
}

int ui_editor_retry(struct ui *ui, struct editor *e)
{
	int rc, previous;

	if (!e->pending)
		return RD_NONE;
	previous = pending_begin(ui);
	rc = editor_retry(e);
	pending_end(ui, previous);
	if (rc == 0)
		return RD_NONE;
	if (rc > 0)
		ui_message(ui, 0, "%s", _("Saved: the other sxsh has finished writing."));
	return RD_SCREEN;
}

int ui_editor_pending(struct ui *ui, struct editor *e)
{
	if (!e->pending)
		return 0;
	if (editor_retry(e) > 0) {
		ui_message(ui, 0, "%s", _("Saved: the other sxsh has finished writing."));
		return 0;
	}
	if (!e->pending)
		return 1;   /* refused: the editor shows why */
	ui_message(ui, 1, "%s", _("Not saved yet: another sxsh is writing. Work on; it is saved when it can."));
	return 1;
}

int ui_editor_idle(struct ui *ui, void *state)
{
	return ui_editor_retry(ui, state);
}

int ui_editor_unsaved(struct ui *ui, void *state)
{
	const struct editor *e = state;
	(void)ui;
	return e->pending;
}

int ui_commit_result(struct ui *ui, int rc, struct sx_err *err, int *saved, char *msg,
		     size_t msglen)
{
	if (rc != 0 && db_busy(ui_ctx(ui)->db))
		rc = 1;   /* another sxsh is writing: kept, saved later */
	else if (rc != 0)
		snprintf(msg, msglen, "%s", sx_err_last(err));
	else
		*saved = 1;
	sx_err_clear(err);
	return rc;
}

const char *pending_why(struct ui *ui, const struct sx_err *err)
{
	if (db_busy(ui_ctx(ui)->db))
		return _("Not saved: another sxsh is writing (an import?). Try again in a moment.");
	return sx_err_last(err);
}
