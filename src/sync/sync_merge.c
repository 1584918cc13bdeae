/* sync_merge.c — upsert by uuid, last writer wins, losers to history.
 *
 * The common cases cost one statement: INSERT ... ON CONFLICT DO NOTHING
 * adds an unknown row (a table empty when its merge began writes 32 such
 * rows per statement instead: sync_merger_batch()).
 * Only when the insert changes nothing is the stored version read and
 * compared: unchanged, newer (UPDATE, the trigger keeps the old one), older
 * (the incoming version goes to history), or a natural-key duplicate. */
#include "sync/sync_merge.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/i18n.h"
#include "base/mem.h"

/* The same expression as the history triggers in schema.c. */
#define NOW_MS "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"

enum { ST_INS, ST_GET, ST_SAME, ST_UPD, ST_KEY, ST_DEL, ST_HIST, ST_HISTCUR, ST_BATCH, ST_N };

/* Rows in one batch of the bulk merge (sync_merger_batch()). */
#define BATCH 32
/* Rows merged one by one after a batch that the database refused. */
#define BATCH_PAUSE (4 * BATCH)

struct sync_merger {
	struct sx_db *db;
	const struct sync_table *t;
	sqlite3_stmt *st[ST_N];   /* see the enum; ST_KEY is NULL without a natural key */
	sqlite3_stmt **fk;        /* SELECT 1 FROM parent WHERE uuid = ?, per foreign key */
	sync_note_fn *note;       /* told about conflicts */
	void *arg;                /* its argument */
	char reason[512];         /* why the last row was rejected */
	int self;                 /* it was rejected for a row of its own table */
	int known;                /* the row before was already stored */
	int accept_edits;         /* same stamp, other content: keep it as a new version */
	int defer_key;            /* natural key not looked at (its index is dropped) */
	int keydiff;              /* the row stored() read has another natural key */
	int key_moved;            /* a write changed a stored row's natural key */
	long long outside;        /* rows edited outside sxsh seen so far (see the .h) */
	/* Batches (sync_merger_batch()): the values of the rows held, texts as
	 * offsets into arena until the batch is written. */
	sync_reject_fn *reject;   /* told about a rejected row of a batch */
	void *rarg;               /* its argument */
	struct sync_val *bv;      /* BATCH rows of ncols values */
	long *bline;              /* their lines */
	size_t bn;                /* rows held */
	char *arena;              /* their texts */
	size_t alen, acap;
	int pause;                /* rows to merge one by one before batching again */
	long line;                /* the row a database error was for */
};

void sync_merger_accept_edits(struct sync_merger *m, int on) { m->accept_edits = on; }
long long sync_merger_outside(const struct sync_merger *m) { return m->outside; }
void sync_merger_defer_key(struct sync_merger *m, int on) { m->defer_key = on; }
int sync_merger_key_moved(const struct sync_merger *m) { return m->key_moved; }

/* How col_list() writes each column. */
enum { L_NAMES, L_PARAMS, L_SETS, L_JSON_PARAMS, L_JSON_COLS, L_SAME };

/* A comma-separated list with one item per column (parameter i + 1 stands
 * for column i); L_SETS and L_SAME (joined by AND) leave out the uuid.
 * sqlite3_free() it. */
static char *col_list(const struct sync_table *t, int how)
{
	char *s = sqlite3_mprintf(""), *n;

	for (size_t i = 0; i < t->ncols; i++) {
		const char *c = t->cols[i].name;
		char *part;
		int p = (int)i + 1;
		if ((how == L_SETS || how == L_SAME) && i == t->c_uuid)
			continue;
		if (how == L_SAME && t->cols[i].derived)
			continue;
		part = how == L_NAMES ? sqlite3_mprintf("\"%w\"", c)
		     : how == L_PARAMS ? sqlite3_mprintf("?%d", p)
		     : how == L_SETS ? sqlite3_mprintf("\"%w\" = ?%d", c, p)
		     : how == L_SAME ? sqlite3_mprintf("\"%w\" IS ?%d", c, p)
		     : how == L_JSON_PARAMS ? sqlite3_mprintf("'%q', ?%d", c, p)
		     : sqlite3_mprintf("'%q', \"%w\"", c, c);
		n = sqlite3_mprintf("%s%s%s", s, !*s ? "" : how == L_SAME ? " AND " : ", ", part);
		sqlite3_free(part);
		sqlite3_free(s);
		s = n;
	}
	return s;
}

static int prepare(struct sync_merger *m, sqlite3_stmt **st, char *sql, struct sx_err *err)
{
	int rc = sqlite3_prepare_v3(db_sqlite(m->db), sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL);
	sqlite3_free(sql);
	return rc == SQLITE_OK ? 0 : db_fail(m->db, err);
}

static int prepare_history(struct sync_merger *m, struct sx_err *err)
{
	const struct sync_table *t = m->t;
	char *json = col_list(t, L_JSON_PARAMS), *cols = col_list(t, L_JSON_COLS);
	int u = (int)t->c_uuid + 1, a = (int)t->c_updated + 1, o = (int)t->c_origin + 1;
	int d = (int)t->c_deleted + 1, n = (int)t->ncols;
	int rc = prepare(m, &m->st[ST_HIST], sqlite3_mprintf(
		"INSERT INTO history (tbl, uuid, updated_at, origin, deleted, data, saved_at, reason)"
		" SELECT ?%d, ?%d, ?%d, ?%d, ?%d, json_object(%s), " NOW_MS ", ?%d WHERE NOT EXISTS"
		" (SELECT 1 FROM history WHERE tbl = ?%d AND uuid = ?%d AND updated_at = ?%d"
		" AND origin = ?%d AND data = json_object(%s))",
		n + 1, u, a, o, d, json, n + 2, n + 1, u, a, o, json), err);
	if (rc == 0)
		rc = prepare(m, &m->st[ST_HISTCUR], sqlite3_mprintf(
			"INSERT INTO history (tbl, uuid, updated_at, origin, deleted, data, saved_at, reason)"
			" SELECT %Q, uuid, updated_at, origin, deleted, json_object(%s), " NOW_MS
			", 'replaced' FROM \"%w\" WHERE uuid = ?1", t->name, cols, t->name), err);
	sqlite3_free(json);
	sqlite3_free(cols);
	return rc;
}

static int prepare_key(struct sync_merger *m, struct sx_err *err)
{
	const struct sync_table *t = m->t;
	char *where = sqlite3_mprintf("uuid <> ?%d", (int)t->c_uuid + 1), *n;

	for (size_t k = 0; k < t->nkey; k++) {
		n = sqlite3_mprintf("%s AND \"%w\" = ?%d", where, t->cols[t->key[k]].name,
				    (int)t->key[k] + 1);
		sqlite3_free(where);
		where = n;
	}
	n = sqlite3_mprintf("SELECT uuid, updated_at, origin FROM \"%w\" WHERE %s", t->name, where);
	sqlite3_free(where);
	return prepare(m, &m->st[ST_KEY], n, err);
}

static int prepare_all(struct sync_merger *m, struct sx_err *err)
{
	const struct sync_table *t = m->t;
	char *cols = col_list(t, L_NAMES), *vals = col_list(t, L_PARAMS);
	char *sets = col_list(t, L_SETS), *same = col_list(t, L_SAME);
	int u = (int)t->c_uuid + 1, rc;

	rc = prepare(m, &m->st[ST_INS], sqlite3_mprintf("INSERT INTO \"%w\" (%s) VALUES (%s)"
		     " ON CONFLICT DO NOTHING", t->name, cols, vals), err);
	rc = rc ? rc : prepare(m, &m->st[ST_GET], sqlite3_mprintf(
		"SELECT %s FROM \"%w\" WHERE uuid = ?%d", cols, t->name, u), err);
	rc = rc ? rc : prepare(m, &m->st[ST_SAME], sqlite3_mprintf(
		"SELECT 1 FROM \"%w\" WHERE uuid = ?%d AND %s", t->name, u, same), err);
	rc = rc ? rc : prepare(m, &m->st[ST_UPD], sqlite3_mprintf(
		"UPDATE \"%w\" SET %s WHERE uuid = ?%d", t->name, sets, u), err);
	rc = rc ? rc : prepare(m, &m->st[ST_DEL], sqlite3_mprintf(
		"DELETE FROM \"%w\" WHERE uuid = ?1", t->name), err);
	rc = rc ? rc : prepare_history(m, err);
	if (rc == 0 && t->nkey)
		rc = prepare_key(m, err);
	for (size_t k = 0; rc == 0 && k < t->nfks; k++)
		rc = prepare(m, &m->fk[k], sqlite3_mprintf("SELECT 1 FROM \"%w\" WHERE uuid = ?1",
			     t->fks[k].parent), err);
	sqlite3_free(cols);
	sqlite3_free(vals);
	sqlite3_free(sets);
	sqlite3_free(same);
	return rc;
}

struct sync_merger *sync_merger_new(struct sx_db *db, const struct sync_table *t,
				    sync_note_fn *note, void *arg, struct sx_err *err)
{
	struct sync_merger *m = xcalloc(1, sizeof *m);

	m->db = db;
	m->t = t;
	m->note = note;
	m->arg = arg;
	m->fk = xcalloc(t->nfks + 1, sizeof *m->fk);
	if (prepare_all(m, err) != 0) {
		sync_merger_free(m);
		return NULL;
	}
	return m;
}

void sync_merger_free(struct sync_merger *m)
{
	if (!m)
		return;
	for (int i = 0; i < ST_N; i++)
		sqlite3_finalize(m->st[i]);
	free(m->bv);
	free(m->bline);
	free(m->arena);
	for (size_t k = 0; k < m->t->nfks; k++)
		sqlite3_finalize(m->fk[k]);
	free(m->fk);
	free(m);
}

const char *sync_merger_reason(const struct sync_merger *m) { return m->reason; }
int sync_merger_self(const struct sync_merger *m) { return m->self; }

static void bind_all(const struct sync_merger *m, const struct sync_row *r, sqlite3_stmt *st)
{
	for (size_t i = 0; i < m->t->ncols; i++)
		sync_row_bind(r, i, st, (int)i + 1);
}

/* Run a bound statement to the end; 0, or the error's result code. */
static int run(sqlite3_stmt *st)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : rc;
}

/* Order of the incoming version against (updated_at, origin[, uuid]) at
 * column base of a stepped statement; uuid_col < 0 leaves the uuid out. */
static int cmp_stamp(const struct sync_merger *m, const struct sync_row *r, sqlite3_stmt *st,
		     int at, int origin, int uuid_col)
{
	const struct sync_table *t = m->t;
	int c = sync_row_cmp(r, t->c_updated, st, at);

	if (!c)
		c = sync_row_cmp(r, t->c_origin, st, origin);
	if (!c && uuid_col >= 0)
		c = sync_row_cmp(r, t->c_uuid, st, uuid_col);
	return c;
}

/* Check every foreign key; 1 and m->reason when one points nowhere. */
static int missing_ref(struct sync_merger *m, const struct sync_row *r, struct sx_err *err)
{
	const struct sync_table *t = m->t;

	for (size_t k = 0; k < t->nfks; k++) {
		const struct sync_val *v = &r->v[t->fks[k].col];
		int rc;
		if (v->type == SQLITE_NULL)
			continue;
		sqlite3_bind_text(m->fk[k], 1, v->s, (int)v->n, SQLITE_STATIC);
		rc = sqlite3_step(m->fk[k]);
		sqlite3_reset(m->fk[k]);
		if (rc == SQLITE_ROW)
			continue;
		if (rc != SQLITE_DONE)
			return db_fail(m->db, err);
		snprintf(m->reason, sizeof m->reason,
			 _("%s %.*s refers to a row of %s that is neither in the database nor in"
			   " the import"), t->cols[t->fks[k].col].name, (int)v->n, v->s, t->fks[k].parent);
		m->self = strcmp(t->fks[k].parent, t->name) == 0;
		return 1;
	}
	return 0;
}

static int to_history(struct sync_merger *m, const struct sync_row *r, const char *reason,
		      struct sx_err *err)
{
	sqlite3_stmt *st = m->st[ST_HIST];
	int n = (int)m->t->ncols;

	bind_all(m, r, st);
	sqlite3_bind_text(st, n + 1, m->t->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, n + 2, reason, -1, SQLITE_STATIC);
	return run(st) ? db_fail(m->db, err) : 0;
}

static void note(struct sync_merger *m, const struct sync_row *r, const char *fmt)
{
	char msg[600];
	const struct sync_val *u = &r->v[m->t->c_uuid];

	if (!m->note)
		return;
	snprintf(msg, sizeof msg, fmt, m->t->name, (int)u->n, u->s);
	m->note(m->arg, msg);
}

/* A natural-key twin under another uuid: 1 when it wins over r (r then
 * goes to history), 2 when r wins (the twin is deleted; the trigger keeps
 * it), 0 when there is none, -1 on error. */
static int twin(struct sync_merger *m, const struct sync_row *r, struct sx_err *err)
{
	sqlite3_stmt *st = m->st[ST_KEY], *del = m->st[ST_DEL];
	int rc, c;

	if (!st || m->defer_key)
		return 0;
	bind_all(m, r, st);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? 0 : db_fail(m->db, err);
	}
	c = cmp_stamp(m, r, st, 1, 2, 0);
	if (c > 0)
		sqlite3_bind_text(del, 1, (const char *)sqlite3_column_text(st, 0), -1, SQLITE_TRANSIENT);
	sqlite3_reset(st);
	if (c < 0)
		return to_history(m, r, "duplicate", err) ? -1 : 1;
	return run(del) ? db_fail(m->db, err) : 2;
}

/* Compare r with the stored row of its uuid: 0 when there is none, 1 with
 * *stamp (version order) and *diff (content order, 0 when identical). */
static int stored(struct sync_merger *m, const struct sync_row *r, int *stamp, int *diff,
		  struct sx_err *err)
{
	const struct sync_table *t = m->t;
	sqlite3_stmt *st = m->st[ST_GET];
	int rc;

	sync_row_bind(r, t->c_uuid, st, (int)t->c_uuid + 1);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		if (rc != SQLITE_DONE)
			db_fail(m->db, err);
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? 0 : -1;
	}
	*stamp = cmp_stamp(m, r, st, (int)t->c_updated, (int)t->c_origin, -1);
	*diff = 0;
	for (size_t i = 0; i < t->ncols && !*diff; i++)
		if (!t->cols[i].derived)
			*diff = sync_row_cmp(r, i, st, (int)i);
	m->keydiff = 0;
	for (size_t k = 0; k < t->nkey && !m->keydiff; k++)
		m->keydiff = sync_row_cmp(r, t->key[k], st, (int)t->key[k]) != 0;
	sqlite3_reset(st);
	return 1;
}

/* Write r over its stored version, or as a new row. */
static int write_row(struct sync_merger *m, const struct sync_row *r, int found,
		     struct sx_err *err)
{
	sqlite3_stmt *st = m->st[found ? ST_UPD : ST_INS];

	if (found && m->keydiff)
		m->key_moved = 1;
	bind_all(m, r, st);
	return run(st) ? db_fail(m->db, err) : 0;
}

/* Value i of r as text, for messages (owned; "" for NULL). */
static char *val_text(const struct sync_row *r, size_t i)
{
	const struct sync_val *v = &r->v[i];
	return v->type == SQLITE_INTEGER ? xasprintf("%lld", v->i)
	     : v->type == SQLITE_FLOAT ? xasprintf("%.17g", v->d)
	     : v->type == SQLITE_TEXT ? xstrndup(v->s, v->n) : xstrdup("");
}

/* "table uuid: ...: col: "stored" → "file"; ..." for a row whose version
 * stamp equals the stored one but whose content does not. */
static void note_edits(struct sync_merger *m, const struct sync_row *r, const char *what)
{
	const struct sync_table *t = m->t;
	sqlite3_stmt *st = m->st[ST_GET];
	const struct sync_val *u = &r->v[t->c_uuid];
	char *msg = xasprintf("%s %.*s: %s:", t->name, (int)u->n, u->s, what), *n;

	sync_row_bind(r, t->c_uuid, st, (int)t->c_uuid + 1);
	if (sqlite3_step(st) == SQLITE_ROW) {
		int first = 1;
		for (size_t i = 0; i < t->ncols; i++) {
			const unsigned char *old;
			char *now;
			if (t->cols[i].derived || sync_row_cmp(r, i, st, (int)i) == 0)
				continue;
			old = sqlite3_column_text(st, (int)i);
			now = val_text(r, i);
			n = xasprintf("%s%s %s: \"%s\" → \"%s\"", msg, first ? "" : ";", t->cols[i].name,
				      old ? (const char *)old : "", now);
			free(now);
			free(msg);
			msg = n;
			first = 0;
		}
	}
	sqlite3_reset(st);
	if (m->note)
		m->note(m->arg, msg);
	free(msg);
}

/* Merge r knowing whether its uuid is stored (found), and if so how the
 * versions (stamp) and contents (diff) compare. */
static int merge_known(struct sync_merger *m, const struct sync_row *r, int found, int stamp,
		       int diff, struct sync_counts *c, struct sx_err *err)
{
	int tw, rc;

	if (found && stamp == 0 && diff == 0) {
		c->unchanged++;
		return 0;
	}
	if (found && stamp == 0)
		m->outside++;
	if (found && stamp == 0 && !m->accept_edits) {
		/* Same version stamp, other content: edited outside sxsh (a
		 * spreadsheet).  Never merged silently: reported field by field, the
		 * file's version kept in the history. */
		c->conflicting++;
		note_edits(m, r, _("changed outside sxsh (same version as the stored row, other"
				   " content), not merged; import with --accept-changed to keep it as"
				   " a new version"));
		return to_history(m, r, "edited-outside", err);
	}
	if (found && stamp == 0) {
		/* Accepted as a new version: now, by this installation; the trigger
		 * keeps the stored one in the history. */
		struct sync_row *w = (struct sync_row *)r;
		note_edits(m, r, _("changed outside sxsh; kept as a new version"));
		w->v[m->t->c_updated].type = SQLITE_INTEGER;
		w->v[m->t->c_updated].i = clock_now_ms();
		w->v[m->t->c_origin].type = SQLITE_TEXT;
		w->v[m->t->c_origin].s = db_origin(m->db);
		w->v[m->t->c_origin].n = strlen(db_origin(m->db));
		if ((rc = missing_ref(m, r, err)) != 0)
			return rc;
		c->updated++;
		return write_row(m, r, found, err);
	}
	if (found && stamp < 0) {
		c->conflicting++;
		note(m, r, _("%s %.*s: a newer version was kept; the imported one is in the history"));
		/* The label the trigger gives a replaced version: the history then
		 * reads the same whatever order the folders came in. */
		return to_history(m, r, "replaced", err);
	}
	if ((rc = missing_ref(m, r, err)) != 0)
		return rc;
	if ((tw = twin(m, r, err)) < 0)
		return -1;
	if (tw == 1) {
		c->conflicting++;
		note(m, r, _("%s %.*s: the same record exists under another uuid with a newer version;"
			     " the imported one is in the history"));
		return 0;
	}
	if (tw == 2) {
		c->conflicting++;
		note(m, r, _("%s %.*s: replaced another version of the same record; it is in the history"));
	} else if (found) {
		c->updated++;
	} else {
		c->added++;
	}
	return write_row(m, r, found, err);
}

/* Insert r as a new row: 1 when that worked, 0 when its uuid or natural
 * key is taken, 2 when it was rejected, -1 on error. */
static int try_insert(struct sync_merger *m, const struct sync_row *r, struct sx_err *err)
{
	sqlite3_stmt *ins = m->st[ST_INS];
	int rc, changed;

	bind_all(m, r, ins);
	rc = sqlite3_step(ins);
	if (rc == SQLITE_DONE) {
		changed = sqlite3_changes(db_sqlite(m->db));
		sqlite3_reset(ins);
		return changed ? 1 : 0;
	}
	if (rc != SQLITE_CONSTRAINT_FOREIGNKEY) {
		db_fail(m->db, err);
		sqlite3_reset(ins);
		return -1;
	}
	sqlite3_reset(ins);
	rc = missing_ref(m, r, err);
	if (rc == 0) {
		sx_err_add(err, NULL, 0, _("database error: %s"), "FOREIGN KEY constraint failed");
		return -1;
	}
	return rc < 0 ? -1 : 2;
}

/* 1 when the stored row of r's uuid is exactly r, 0 when not (or there is
 * none), -1 on error.  One step that compares inside SQLite: cheaper than
 * reading every column out for sync_row_cmp, and a re-import is nearly all
 * such rows.  IS compares as sync_row_cmp does for values of the column's
 * own type, which is what the decoder binds; anything it calls different
 * is looked at again, column by column, by stored(). */
static int same(struct sync_merger *m, const struct sync_row *r, struct sx_err *err)
{
	sqlite3_stmt *st = m->st[ST_SAME];
	int rc;

	bind_all(m, r, st);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		db_fail(m->db, err);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Rows come in runs (a first import: all new; a re-import: all known), so
 * the merger tries first what worked for the row before: the insert (one
 * statement for a new row) or the lookup (one for an unchanged row). */
int sync_merger_row(struct sync_merger *m, struct sync_row *r, struct sync_counts *c,
		    struct sx_err *err)
{
	int stamp = 0, diff = 0, found, rc;

	m->self = 0;
	m->reason[0] = '\0';
	if (m->known) {
		if ((rc = same(m, r, err)) != 0) {
			c->unchanged += rc > 0;
			return rc > 0 ? 0 : -1;
		}
		sync_row_derive(r);
		found = stored(m, r, &stamp, &diff, err);
		if (found != 0)
			return found < 0 ? -1 : merge_known(m, r, found, stamp, diff, c, err);
		m->known = 0;
	}
	sync_row_derive(r);
	rc = try_insert(m, r, err);
	if (rc == 1) {
		c->added++;
		return 0;
	}
	if (rc != 0)
		return rc < 0 ? -1 : 1;
	m->known = 1;
	found = stored(m, r, &stamp, &diff, err);
	return found < 0 ? -1 : merge_known(m, r, found, stamp, diff, c, err);
}

int sync_merger_batch(struct sync_merger *m, sync_reject_fn *reject, void *arg,
		      struct sx_err *err)
{
	const struct sync_table *t = m->t;
	char *cols = col_list(t, L_NAMES), *vals, *all = sqlite3_mprintf("");

	for (int k = 0; k < BATCH; k++) {
		char *n, *row = sqlite3_mprintf("");
		for (size_t i = 0; i < t->ncols; i++) {
			n = sqlite3_mprintf("%s%s?%d", row, i ? ", " : "", k * (int)t->ncols + (int)i + 1);
			sqlite3_free(row);
			row = n;
		}
		n = sqlite3_mprintf("%s%s(%s)", all, k ? ", " : "", row);
		sqlite3_free(row);
		sqlite3_free(all);
		all = n;
	}
	vals = all;
	m->reject = reject;
	m->rarg = arg;
	m->bv = xcalloc((size_t)BATCH * t->ncols, sizeof *m->bv);
	m->bline = xcalloc(BATCH, sizeof *m->bline);
	/* No ON CONFLICT: a batch is written whole or not at all. */
	if (prepare(m, &m->st[ST_BATCH], sqlite3_mprintf("INSERT INTO \"%w\" (%s) VALUES %s",
		    t->name, cols, vals), err) != 0) {
		sqlite3_free(cols);
		sqlite3_free(vals);
		return -1;
	}
	sqlite3_free(cols);
	sqlite3_free(vals);
	return 0;
}

long sync_merger_line(const struct sync_merger *m) { return m->line; }

/* Row k of the batch as a sync_row (texts pointing into the arena). */
static void batch_row(struct sync_merger *m, size_t k, struct sync_row *r)
{
	struct sync_val *v = &m->bv[k * m->t->ncols];

	memset(r, 0, sizeof *r);
	r->t = m->t;
	r->v = v;
	for (size_t i = 0; i < m->t->ncols; i++)
		if (v[i].type == SQLITE_TEXT)
			v[i].s = m->arena + (size_t)v[i].i;
}

/* Merge the held rows one by one, as sync_merger_row() would have. */
static int replay(struct sync_merger *m, struct sync_counts *c, struct sx_err *err)
{
	for (size_t k = 0; k < m->bn; k++) {
		struct sync_row r;
		int mr;
		batch_row(m, k, &r);
		if ((mr = sync_merger_row(m, &r, c, err)) < 0) {
			m->line = m->bline[k];
			return -1;
		}
		if (mr == 1 && m->reject)
			m->reject(m->rarg, m->bline[k], m->reason, m->self);
	}
	return 0;
}

int sync_merger_flush(struct sync_merger *m, struct sync_counts *c, struct sx_err *err)
{
	sqlite3_stmt *st = m->st[ST_BATCH];
	int rc = SQLITE_CONSTRAINT;

	if (!m->bn)
		return 0;
	if (m->bn < BATCH) {
		rc = replay(m, c, err);
		m->bn = 0;
		m->alen = 0;
		return rc;
	}
	{
		struct sync_row r;
		for (size_t k = 0; k < BATCH; k++) {
			batch_row(m, k, &r);
			for (size_t i = 0; i < m->t->ncols; i++)
				sync_row_bind(&r, i, st, (int)(k * m->t->ncols + i) + 1);
		}
		rc = sqlite3_step(st);
		sqlite3_reset(st);
	}
	if (rc == SQLITE_DONE) {
		/* Every row a new uuid, every reference there: what the row-by-row
		 * merge does to each of them, in the same order. */
		c->added += BATCH;
		m->known = 0;
	} else if ((sqlite3_extended_errcode(db_sqlite(m->db)) & 0xff) != SQLITE_CONSTRAINT) {
		m->line = m->bline[0];
		return db_fail(m->db, err);
	} else {
		/* A uuid already there, or a reference to nothing: the statement
		 * changed nothing; row by row. */
		m->pause = BATCH_PAUSE;
		if (replay(m, c, err) != 0)
			return -1;
	}
	m->bn = 0;
	m->alen = 0;
	return 0;
}

int sync_merger_add(struct sync_merger *m, struct sync_row *r, long line,
		    struct sync_counts *c, struct sx_err *err)
{
	const struct sync_table *t = m->t;
	struct sync_val *v;

	if (!m->bv || m->pause > 0) {
		int mr;
		m->pause -= m->pause > 0;
		m->self = 0;
		if ((mr = sync_merger_row(m, r, c, err)) < 0) {
			m->line = line;
			return -1;
		}
		if (mr == 1 && m->reject)
			m->reject(m->rarg, line, m->reason, m->self);
		return 0;
	}
	sync_row_derive(r);
	v = &m->bv[m->bn * t->ncols];
	for (size_t i = 0; i < t->ncols; i++) {
		v[i] = r->v[i];
		if (v[i].type != SQLITE_TEXT)
			continue;
		if (m->alen + v[i].n + 1 > m->acap)
			m->arena = xrealloc(m->arena, m->acap = (m->alen + v[i].n + 1) * 2);
		memcpy(m->arena + m->alen, v[i].s, v[i].n);
		v[i].i = (long long)m->alen;
		m->alen += v[i].n;
	}
	m->bline[m->bn++] = line;
	return m->bn == BATCH ? sync_merger_flush(m, c, err) : 0;
}
