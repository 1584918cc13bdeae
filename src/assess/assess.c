/* assess.c — assessments and their answers through bound statements. */
#include "assess/assess.h"

#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/uuid.h"

int assess_create(struct sx_db *db, const char *facility, const struct xform *f,
		  const char *kind, char out[37], struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"INSERT INTO assessments (uuid, updated_at, origin, facility_uuid, kind, form_id,"
		" form_version, status, started_at, officer) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
		" 'draft', ?2, (SELECT value FROM settings WHERE key = 'officer_name'))", err);
	int rc;
	if (!st)
		return -1;
	uuid_v7(out);
	sqlite3_bind_text(st, 1, out, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, clock_now_ms());
	sqlite3_bind_text(st, 3, db_origin(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, facility, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, f->settings.form_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, f->settings.version ? f->settings.version : "", -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

/* 1 when node name exists and, for a select, its list has value. */
static int fits(const struct xform *f, const char *name, const char *value)
{
	int i = xform_find(f, name);
	const struct xform_node *n;
	if (i < 0 || !value || !*value)
		return 0;
	n = &f->nodes[i];
	if (n->list < 0)
		return n->type == XFT_TEXT;
	for (size_t c = 0; c < f->lists[n->list].n; c++)
		if (strcmp(f->lists[n->list].c[c].name, value) == 0)
			return 1;
	return 0;
}

/* The choice of list whose label, in any language, is text; NULL when none. */
static const char *choice_by_label(const struct xform *f, int list, const char *text)
{
	if (list < 0 || !text || !*text)
		return NULL;
	for (size_t c = 0; c < f->lists[list].n; c++) {
		const struct xform_text *t = &f->lists[list].c[c].label;
		for (size_t k = 0; k < t->n; k++)
			if (strcmp(t->tr[k].text, text) == 0)
				return f->lists[list].c[c].name;
	}
	return NULL;
}

/* The value for question names[k] from column k: a select's place name becomes the choice
 * labelled so (the facility's district, else the district above its commune, or, for a
 * commune formed in 2025, the one district its old communes were in). */
static const char *prefill_value(const struct xform *f, const char *name, char *const *v,
				 int k)
{
	int i = xform_find(f, name);
	if (i < 0 || strcmp(name, "district") != 0 || f->nodes[i].list < 0)
		return v[k];
	const char *c = choice_by_label(f, f->nodes[i].list, v[k]);
	return c ? c : choice_by_label(f, f->nodes[i].list, v[k + 1]);
}

int assess_prefill(struct sx_db *db, const char *uuid, const struct xform *f,
		   const char *facility, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT f.name, f.sector, (SELECT value FROM settings"
				   " WHERE key = 'officer_name'), f.owner, f.legal_form, f.address,"
				   " f.products, p.name, COALESCE((SELECT q.name FROM places q WHERE"
				   " q.uuid = p.parent_uuid AND q.kind IN ('district', 'city')),"
				   " (SELECT CASE WHEN COUNT(DISTINCT d.uuid) = 1 THEN MIN(d.name) END"
				   " FROM places o JOIN places d ON d.uuid = o.parent_uuid WHERE"
				   " o.successor_uuid = p.uuid AND d.kind IN ('district', 'city')))"
				   " FROM facilities f LEFT JOIN places p ON p.uuid = f.place_uuid"
				   " WHERE f.uuid = ?", err);
	/* Question names in column order; the last column only helps "district". */
	static const char *const names[] = { "facility_name", "sector", "officer_name",
		"owner_name", "legal_form", "address", "main_products", "district" };
	enum { NQ = sizeof names / sizeof names[0], NCOL = NQ + 1 };
	char *values[NCOL] = { NULL };
	int rc = 0;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, facility, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		for (int k = 0; k < NCOL; k++)
			if (sqlite3_column_text(st, k))
				values[k] = xstrdup((const char *)sqlite3_column_text(st, k));
	sqlite3_reset(st);
	for (int k = 0; k < NQ; k++) {
		const char *v = prefill_value(f, names[k], values, k);
		if (!rc && fits(f, names[k], v))
			rc = assess_save(db, uuid, names[k], v, err);
	}
	for (int k = 0; k < NCOL; k++)
		free(values[k]);
	return rc;
}

/* The stored value of one answer; NULL when absent.  Caller frees. */
static char *stored(struct sx_db *db, const char *uuid, const char *path, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT value FROM answers WHERE assessment_uuid = ?"
				   " AND name = ? AND deleted = 0", err);
	char *v = NULL;
	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return v;
}

int assess_save(struct sx_db *db, const char *uuid, const char *path, const char *value,
		struct sx_err *err)
{
	/* An answer keeps its uuid for life; a removed answer becomes a
	 * tombstone so that sync removes it elsewhere too. */
	sqlite3_stmt *st = db_stmt(db,
		"INSERT INTO answers (uuid, updated_at, origin, deleted, assessment_uuid, name, value)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (assessment_uuid, name) DO UPDATE"
		" SET updated_at = max(?2, updated_at + 1), origin = ?3, deleted = ?4, value = ?7"
		" WHERE value IS NOT ?7 OR deleted IS NOT ?4", err);
	char id[37];
	int rc, gone = !value || !*value;

	if (!st)
		return -1;
	uuid_v7(id);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, clock_now_ms());
	sqlite3_bind_text(st, 3, db_origin(db), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, gone);
	sqlite3_bind_text(st, 5, uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, path, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, gone ? "" : value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err);
	return 0;
}

/* What assess_sync_all() walks with. */
struct sync_walk {
	struct sx_db *db;
	const char *uuid;
	struct sx_err *err;
	int rc;
};

static void save_if_changed(const char *path, const char *value, void *arg)
{
	struct sync_walk *w = arg;
	char *old;
	if (w->rc)
		return;
	old = stored(w->db, w->uuid, path, w->err);
	if (!old || strcmp(old, value) != 0)
		w->rc = assess_save(w->db, w->uuid, path, value, w->err);
	free(old);
}

/* Tombstone stored answers the session no longer has. */
static int drop_missing(struct sx_db *db, const char *uuid, struct fsession *s, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT name FROM answers WHERE assessment_uuid = ?"
				   " AND deleted = 0", err);
	char **gone = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		if (*fs_get(s, name))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			gone = xreallocarray(gone, cap, sizeof *gone);
		}
		gone[n++] = xstrdup(name);
	}
	sqlite3_reset(st);
	for (size_t i = 0; i < n; i++) {
		if (!rc)
			rc = assess_save(db, uuid, gone[i], NULL, err);
		free(gone[i]);
	}
	free(gone);
	return rc;
}

int assess_sync_all(struct sx_db *db, const char *uuid, struct fsession *s, struct sx_err *err)
{
	struct sync_walk w = { db, uuid, err, 0 };
	if (db_exec(db, "BEGIN IMMEDIATE", err) != 0)
		return -1;
	fs_each(s, save_if_changed, &w);
	if (!w.rc)
		w.rc = drop_missing(db, uuid, s, err);
	if (w.rc) {
		db_exec(db, "ROLLBACK", err);
		return -1;
	}
	return db_exec(db, "COMMIT", err);
}

int assess_load(struct sx_db *db, const char *uuid, struct fsession *s, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT name, value FROM answers WHERE assessment_uuid = ?"
				   " AND deleted = 0 ORDER BY name", err);
	int rc;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	/* Counts ("rep[]") sort before their instances ("rep[1]/x"): '[' ']'. */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fs_load(s, (const char *)sqlite3_column_text(st, 0),
			(const char *)sqlite3_column_text(st, 1));
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err);
	fs_recalc(s);
	return 0;
}

static int touch(struct sx_db *db, const char *sql, const char *uuid, const char *text,
		 struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc;
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, clock_now_ms());
	sqlite3_bind_text(st, 2, db_origin(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, text, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, uuid, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

int assess_set_position(struct sx_db *db, const char *uuid, const char *path, struct sx_err *err)
{
	/* The position is a convenience of this laptop: it does not make a
	 * new version of the assessment (updated_at and origin stay). */
	sqlite3_stmt *st = db_stmt(db, "UPDATE assessments SET position = ? WHERE uuid = ?", err);
	int rc;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, uuid, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

int assess_set_status(struct sx_db *db, const char *uuid, int complete, struct sx_err *err)
{
	return touch(db, "UPDATE assessments SET updated_at = max(?1, updated_at + 1),"
		     " origin = ?2, status = ?3, finished_at = CASE ?3 WHEN 'complete' THEN ?1 END WHERE uuid = ?4",
		     uuid, complete ? "complete" : "draft", err);
}

int assess_finish(struct sx_db *db, const char *uuid, struct fsession *s, struct sx_err *err)
{
	fs_finish(s, clock_now_ms());
	if (assess_sync_all(db, uuid, s, err) != 0)
		return -1;
	return assess_set_status(db, uuid, 1, err);
}

int assess_set_times(struct sx_db *db, const char *uuid, long long started_ms,
		     long long finished_ms, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE assessments SET started_at = ?1, finished_at ="
				   " CASE status WHEN 'complete' THEN ?2 END WHERE uuid = ?3", err);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, started_ms);
	sqlite3_bind_int64(st, 2, finished_ms);
	sqlite3_bind_text(st, 3, uuid, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

static char *dup_col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return xstrdup(s ? (const char *)s : "");
}

static void fill_row(sqlite3_stmt *st, struct assess_row *r)
{
	snprintf(r->uuid, sizeof r->uuid, "%s", (const char *)sqlite3_column_text(st, 0));
	snprintf(r->facility, sizeof r->facility, "%s", (const char *)sqlite3_column_text(st, 1));
	r->facility_name = dup_col(st, 2);
	r->form_id = dup_col(st, 3);
	r->status = dup_col(st, 4);
	r->position = dup_col(st, 5);
	r->updated_at = sqlite3_column_int64(st, 6);
	r->answers = sqlite3_column_int(st, 7);
}

#define ROW_SQL "SELECT a.uuid, a.facility_uuid, coalesce(f.name, ''), a.form_id, a.status," \
	" coalesce(a.position, ''), max(a.updated_at, coalesce((SELECT max(updated_at) FROM answers" \
	" WHERE assessment_uuid = a.uuid), 0)), (SELECT count(*) FROM answers WHERE" \
	" assessment_uuid = a.uuid AND deleted = 0 AND name NOT LIKE '%[]')" \
	" FROM assessments a LEFT JOIN facilities f ON f.uuid = a.facility_uuid"

int assess_get(struct sx_db *db, const char *uuid, struct assess_row *out, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, ROW_SQL " WHERE a.uuid = ? AND a.deleted = 0", err);
	int rc;
	memset(out, 0, sizeof *out);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		fill_row(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		sx_err_add(err, NULL, 0, _("no assessment with id %s"), uuid);
	else
		db_fail(db, err);
	return -1;
}

long assess_list(struct sx_db *db, const char *facility, struct assess_row **rows,
		 struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, ROW_SQL " WHERE a.deleted = 0 AND (?1 IS NULL OR"
				   " a.facility_uuid = ?1) ORDER BY a.status = 'complete', 7 DESC", err);
	size_t n = 0, cap = 0;
	int rc;

	*rows = NULL;
	if (!st)
		return -1;
	if (facility)
		sqlite3_bind_text(st, 1, facility, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			*rows = xreallocarray(*rows, cap, sizeof **rows);
		}
		fill_row(st, &(*rows)[n++]);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		assess_rows_free(*rows, n);
		*rows = NULL;
		return db_fail(db, err);
	}
	return (long)n;
}

void assess_rows_free(struct assess_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].facility_name);
		free(rows[i].form_id);
		free(rows[i].status);
		free(rows[i].position);
	}
	free(rows);
}

void assess_progress(struct fsession *s, struct assess_progress *p)
{
	const struct xform *f = fs_form(s);
	size_t n;
	const struct fs_item *it = fs_items(s, &n);

	p->answered = p->total = 0;
	for (size_t i = 0; i < n; i++) {
		enum xform_type t = f->nodes[it[i].node].type;
		if (fs_type_auto(t) || t == XFT_NOTE || t == XFT_REPEAT || t == XFT_GROUP ||
		    !fs_relevant(s, i))
			continue;
		p->total++;
		p->answered += *fs_get(s, it[i].path) != '\0';
	}
	p->problems = fs_problems(s, NULL);
}

char *assess_progress_text(const struct assess_progress *p)
{
	return xasprintf(_("%zu/%zu answered"), p->answered, p->total);
}
