/* sync_import.c — one transaction: read, validate, merge, report. */
#include "sync/sync_import.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "base/clock.h"
#include "base/csvread.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "db/schema.h"
#include "sync/sync_bulk.h"
#include "sync/sync_fts.h"
#include "sync/sync_indexes.h"
#include "sync/sync_inputs.h"
#include "sync/sync_ledger.h"
#include "sync/sync_report.h"
#include "sync/sync_row.h"
#include "sync/sync_table.h"

/* Messages after which an import stops looking for more. */
#define MAX_ERRORS 20
/* Rejected rows shown on stderr; the report has them all. */
#define MAX_SHOWN 10

/* The state of one import. */
struct run {
	struct sx_db *db;
	const struct sync_import_opts *o;
	struct sync_import_result *res;
	struct sx_err *err, *warn;
	struct sync_report *rep;   /* details for the report */
	int failed;                /* an error: stop writing, roll back */
	long long shown;           /* rejected rows shown so far */
	long long last_ms;         /* last progress line */
	long long total;           /* rows the inputs promise, for on_progress */
	long long file_max;        /* the newest updated_at of the file just merged */
	long long file_rejected;   /* its rows rejected */
	struct sync_fts fts;       /* the search index of the table being merged */
	int batch;                 /* the merger writes rows in batches (sync_merger_batch) */
	const char *file;          /* the file being merged, for on_reject */
	int table;                 /* its table */
	unsigned char rebuild[SYNC_MAX_TABLES]; /* drop and rebuild its plain indexes (plan_rebuilds) */
	int had_rows;              /* the table held rows when its merge began */
	struct sync_lines old;     /* the file's lines merged before (sync_lines_load) */
	struct sync_lines now;     /* its lines merged as versions, to record */
};

static void on_conflict(void *arg, const char *msg)
{
	struct run *run = arg;
	sync_report_line(run->rep, msg);
}

static void reject(struct run *run, const char *file, long line, const char *reason)
{
	char *msg = xasprintf("%s:%ld: %s", file, line, reason);

	sync_report_line(run->rep, msg);
	if (run->shown++ < MAX_SHOWN)
		sx_err_add(run->warn, file, line, _("row rejected: %s"), reason);
	free(msg);
}

/* A row of a batch rejected (sync_merger_batch()). */
static void on_reject(void *arg, long line, const char *reason, int self)
{
	struct run *run = arg;

	(void)self;  /* no batches for a table that refers to itself */
	run->res->counts[run->table].rejected++;
	reject(run, run->file, line, reason);
}

static void progress(struct run *run, const char *file, long long rows, int done)
{
	struct timespec ts;
	long long now;

	if (!run->o->progress)
		return;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	now = (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	if (!run->last_ms)
		run->last_ms = now; /* a short import shows nothing */
	if (!done && now - run->last_ms < 250)
		return;
	run->last_ms = now;
	fprintf(stderr, "\r\033[K");
	if (!done)
		fprintf(stderr, _("importing %s: %lld rows"), file, rows);
	fflush(stderr);
}

/* The caller's hook: every 4096 rows of a first pass, and at a file's end
 * (rows = 0 then, the file's rows being counted already). */
static void report_progress(struct run *run, const char *file, long long rows, int done)
{
	if (run->o->on_progress && (done || (rows & 4095) == 0))
		run->o->on_progress(run->o->progress_arg, file, run->res->rows + rows, run->total);
}

/* The spreadsheet conventions a file shows: its manifest says so, or it
 * starts with a byte-order mark, or it is not comma-separated. */
static void conventions(struct sync_row *row, const struct sync_input *in, struct csvr *r)
{
	FILE *fp = fopen(in->path, "rb");
	unsigned char bom[3] = { 0 };
	char delim = csvr_delim(r);

	if (fp) {
		if (fread(bom, 1, 3, fp) != 3)
			bom[0] = 0;
		fclose(fp);
	}
	row->strip_quote = in->spreadsheet || delim != ',' || memcmp(bom, "\xEF\xBB\xBF", 3) == 0;
	row->mark = delim == ',' ? '.' : delim == ';' ? ',' : 0;
}

/* A row held back because its parent (a row of the same table, such as a
 * place's parent place) was not there yet: a copy of its fields, its uuid
 * and the parent it waits for. */
struct held {
	struct csvr_rec rec;  /* the record, fields owned */
	char *uuid, *parent;
	int done;             /* merged (or rejected) since */
};

/* The rows a file held back. */
struct retry {
	struct held *h;
	size_t n, cap;
};

/* The text of column name in row (an owned copy; "" when NULL). */
static char *col_text(const struct sync_row *row, const char *name)
{
	for (size_t i = 0; i < row->t->ncols; i++)
		if (strcmp(row->t->cols[i].name, name) == 0 && row->v[i].type == SQLITE_TEXT)
			return xstrndup(row->v[i].s, row->v[i].n);
	return xstrdup("");
}

static void retry_add(struct retry *rt, const struct csvr_rec *rec, const struct sync_row *row)
{
	const struct sync_table *t = row->t;
	struct held *h;
	if (rt->n == rt->cap) {
		rt->cap = rt->cap ? rt->cap * 2 : 16;
		rt->h = xreallocarray(rt->h, rt->cap, sizeof *rt->h);
	}
	h = &rt->h[rt->n++];
	memset(h, 0, sizeof *h);
	h->rec.n = rec->n;
	h->rec.line = rec->line;
	h->rec.f = xcalloc(rec->n + 1, sizeof *h->rec.f);
	h->rec.len = xcalloc(rec->n + 1, sizeof *h->rec.len);
	for (size_t i = 0; i < rec->n; i++) {
		h->rec.f[i] = xstrndup(rec->f[i], rec->len[i]);
		h->rec.len[i] = rec->len[i];
	}
	h->uuid = col_text(row, "uuid");
	h->parent = xstrdup("");
	for (size_t k = 0; k < t->nfks; k++)
		if (strcmp(t->fks[k].parent, t->name) == 0 && row->v[t->fks[k].col].type == SQLITE_TEXT) {
			free(h->parent);
			h->parent = xstrndup(row->v[t->fks[k].col].s, row->v[t->fks[k].col].n);
			break;
		}
}

static void retry_free(struct retry *rt)
{
	for (size_t i = 0; i < rt->n; i++) {
		for (size_t k = 0; k < rt->h[i].rec.n; k++)
			free(rt->h[i].rec.f[k]);
		free(rt->h[i].rec.f);
		free(rt->h[i].rec.len);
		free(rt->h[i].uuid);
		free(rt->h[i].parent);
	}
	free(rt->h);
}

/* A file that does not match its manifest: refused, or with accept_changed
 * imported with a warning (every line is still validated). */
static void in_bad(struct run *run, const struct sync_input *in)
{
	if (run->o->accept_changed) {
		sx_err_add(run->warn, in->path, 0, _("changed since it was exported (it does not match"
			   " manifest.csv); imported anyway, as --accept-changed asks, with every line"
			   " checked"));
		return;
	}
	sx_err_add(run->err, in->path, 0, _("this file was changed after it was exported (it no longer"
		   " matches manifest.csv): saved by a spreadsheet, or copied only in part. If the"
		   " changes are wanted, import again with --accept-changed: every line is still"
		   " checked. Otherwise copy the folder again from the laptop that exported it."));
	run->failed = 1;
}

/* Try a held row again: 1 merged (or rejected when final), 0 still waiting
 * for its parent, -1 on an error. */
static int try_held(struct run *run, const struct sync_input *in, struct sync_merger *m,
		    struct sync_row *row, struct held *h, int final)
{
	struct sync_counts *c = &run->res->counts[in->table];
	int mr;
	if (sync_row_decode(row, &h->rec, in->path, run->err) != 0)
		return -1;
	mr = sync_merger_row(m, row, c, run->err);
	if (mr < 0) {
		if (!db_env_error(run->db))
			sx_err_add(run->err, in->path, h->rec.line, "%s",
				   _("the database refused this row (see the message above)"));
		return -1;
	}
	if (mr == 1 && !final && sync_merger_self(m))
		return 0;
	if (mr == 1) {
		c->rejected++;
		reject(run, in->path, h->rec.line, sync_merger_reason(m));
	}
	h->done = 1;
	return 1;
}

static const struct retry *by_parent_rt;
static int cmp_parent(const void *a, const void *b)
{
	const struct held *x = &by_parent_rt->h[*(const size_t *)a];
	const struct held *y = &by_parent_rt->h[*(const size_t *)b];
	return strcmp(x->parent, y->parent);
}

/* Merge the held rows in an order where parents come first (Kahn's
 * algorithm): each is tried once in file order and again when its parent
 * has been merged, so a file with children before parents costs
 * O(n log n), not a pass over the file per generation.  Those whose parent
 * never came are rejected with their reason. */
static void merge_held(struct run *run, const struct sync_input *in, struct sync_merger *m,
		       struct sync_row *row, struct retry *rt)
{
	size_t *order = xcalloc(rt->n, sizeof *order), *queue, qn = 0, qcap = rt->n * 2 + 1;

	queue = xcalloc(qcap, sizeof *queue);
	for (size_t i = 0; i < rt->n; i++)
		order[i] = i, queue[qn++] = i;
	by_parent_rt = rt;
	qsort(order, rt->n, sizeof *order, cmp_parent);
	for (size_t q = 0; q < qn && !run->failed; q++) {
		struct held *h = &rt->h[queue[q]];
		int r;
		if (h->done)
			continue;
		if ((r = try_held(run, in, m, row, h, 0)) < 0) {
			run->failed = 1;
			break;
		}
		if (r == 0 || !*h->uuid)
			continue;
		/* Its children may go in now. */
		size_t lo = 0, hi = rt->n;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (strcmp(rt->h[order[mid]].parent, h->uuid) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < rt->n && strcmp(rt->h[order[lo]].parent, h->uuid) == 0; lo++) {
			if (rt->h[order[lo]].done)
				continue;
			if (qn == qcap)
				queue = xreallocarray(queue, qcap *= 2, sizeof *queue);
			queue[qn++] = order[lo];
		}
	}
	for (size_t i = 0; i < rt->n && !run->failed; i++)
		if (!rt->h[i].done && try_held(run, in, m, row, &rt->h[i], 1) < 0)
			run->failed = 1;
	free(order);
	free(queue);
}

/* Merge one file: every row in file order; rows whose parent comes later
 * in the file are held and merged after it (merge_held).  Returns its rows;
 * run->file_max and run->file_rejected say more. */
static long long merge_file(struct run *run, const struct sync_input *in,
			    const struct sync_table *t, struct sync_merger *m)
{
	struct csvr *r = csvr_open(in->path, CSVR_DETECT_DELIM | CSVR_LEGACY_TEXT, run->err);
	struct sync_counts *c = &run->res->counts[in->table];
	const struct csvr_rec *rec;
	struct sync_row row = {0};
	struct retry held = {0};
	long long rows = 0;
	int rc = r ? csvr_next(r, &rec, run->err) : -1, ok = 0;
	long long rejected0 = c->rejected, outside0 = sync_merger_outside(m);
	long long clock = clock_now_ms();
	uint64_t reading = 0, dg = 0;
	int lines = 0;   /* the lines of this installation's last file apply */

	run->file_max = 0;
	run->file = in->path;
	run->table = in->table;
	if (rc == 0)
		sx_err_add(run->err, in->path, 0, _("the file is empty; it needs at least the header line"));
	if (rc == 1 && sync_row_init(&row, t, rec, in->path, run->err) == 0) {
		ok = 1;
		conventions(&row, in, r);
		row.conv = run->o->conv;
		/* The lines merged before (sync_ledger.h): only into a table that
		 * holds rows, as the ledger only for what the manifest vouches for. */
		if (in->installation && !run->o->no_ledger) {
			lines = 1;
			run->now.n = 0;
			run->old.n = 0;
			reading = sync_lines_reading(t->name, rec, csvr_delim(r), row.mark,
						     row.strip_quote, in->spreadsheet);
			if (run->had_rows && sync_lines_load(run->db, in->installation, t->name,
							     reading, &run->old, run->err) != 0)
				ok = 0;
		}
	}
	while (ok && (rc = csvr_next(r, &rec, run->err)) == 1) {
		long long outside;
		int mr;
		rows++;
		if (lines) {
			dg = sync_lines_digest(reading, rec);
			if (!run->failed && sync_lines_has(&run->old, dg)) {
				/* A version merged before: unchanged, not even decoded. */
				c->unchanged++;
				run->res->known_lines++;
				sync_lines_add(&run->now, dg);
				progress(run, in->path, rows, 0);
				report_progress(run, in->path, rows, 0);
				continue;
			}
		}
		if (sync_row_decode(&row, rec, in->path, run->err) != 0) {
			run->failed = 1;
			if (sx_err_count(run->err) >= MAX_ERRORS)
				break;
			continue;
		}
		if (run->failed)
			continue; /* only looking for more errors now */
		if (row.v[t->c_updated].type != SQLITE_INTEGER)
			run->file_max = LLONG_MAX;
		else if (row.v[t->c_updated].i > run->file_max)
			run->file_max = row.v[t->c_updated].i;
		if (run->batch) {
			/* The row first: the name index is written at the same rows. */
			if (sync_merger_add(m, &row, rec->line, c, run->err) != 0 ||
			    (sync_fts_due(&run->fts) && sync_merger_flush(m, c, run->err) != 0)) {
				if (!db_env_error(run->db))
					sx_err_add(run->err, in->path, sync_merger_line(m), "%s",
						   _("the database refused this row (see the message above)"));
				break;
			}
			if (sync_fts_row(run->db, &run->fts, run->err) != 0) {
				run->failed = 1;
				break;
			}
			/* (a rejection in a batch keeps the whole file out, below) */
			if (lines && row.v[t->c_updated].type == SQLITE_INTEGER &&
			    row.v[t->c_updated].i < clock)
				sync_lines_add(&run->now, dg);
			progress(run, in->path, rows, 0);
			report_progress(run, in->path, rows, 0);
			continue;
		}
		outside = sync_merger_outside(m);
		mr = sync_merger_row(m, &row, c, run->err);
		if (mr < 0) {
			/* Say which row (the database's own message has no position),
			 * unless the fault is the disk's, not the row's. */
			if (!db_env_error(run->db))
				sx_err_add(run->err, in->path, rec->line, "%s",
					   _("the database refused this row (see the message above)"));
			break;
		}
		if (sync_fts_row(run->db, &run->fts, run->err) != 0) {
			run->failed = 1;
			break;
		}
		if (mr == 1 && t->self_ref && sync_merger_self(m)) {
			retry_add(&held, rec, &row);
		} else if (mr == 1) {
			c->rejected++;
			reject(run, in->path, rec->line, sync_merger_reason(m));
		} else if (lines && sync_merger_outside(m) == outside &&
			   row.v[t->c_updated].type == SQLITE_INTEGER && row.v[t->c_updated].i < clock) {
			/* Merged as a version, older than the clock: recorded. */
			sync_lines_add(&run->now, dg);
		}
		progress(run, in->path, rows, 0);
		report_progress(run, in->path, rows, 0);
	}
	if (rc == 0 && ok && run->batch && !run->failed && sync_merger_flush(m, c, run->err) != 0) {
		if (!db_env_error(run->db))
			sx_err_add(run->err, in->path, sync_merger_line(m), "%s",
				   _("the database refused this row (see the message above)"));
		rc = -1;
	}
	if (rc != 0 || !ok)
		run->failed = 1;
	else if (in->rows >= 0 && rows != in->rows && !run->o->accept_changed)
		in_bad(run, in);
	if (held.n && !run->failed)
		merge_held(run, in, m, &row, &held);
	/* The file's lines, unless a batch rejected a row or changed one
	 * outside sxsh (which row is not told line by line). */
	if (lines && !run->failed && !(run->batch && (c->rejected > rejected0 ||
						     sync_merger_outside(m) > outside0)) &&
	    sync_lines_store(run->db, in->installation, t->name, reading, &run->now, run->err) != 0)
		run->failed = 1;
	run->res->rows += rows;
	run->res->files++;
	report_progress(run, in->path, 0, 1);
	progress(run, in->path, rows, 1);
	retry_free(&held);
	sync_row_free(&row);
	csvr_close(r);
	run->file_rejected = c->rejected - rejected0;
	return rows;
}

/* 1 when file i is in the ledger (its rows are then counted as unchanged,
 * and it is not read), 0 when it must be merged, -1 on an error.  A file
 * with a manifest is looked up by the digest the manifest promises first
 * (no waiting: most files are new), then confirmed by its own. */
static int already_merged(struct run *run, struct sync_inputs *in, size_t i)
{
	struct sync_input *v = &in->v[i];
	struct sync_ledger_entry e = { .table = schema_synced_tables[v->table],
				       .spreadsheet = v->spreadsheet };
	long long rows = 0, at = 0;
	const char *d = NULL;
	char day[25], *msg;
	int rc;

	if (run->o->no_ledger)
		return 0;
	if (!v->sha256[0] && !(d = sync_inputs_digest(in, i)))
		return 0;
	e.sha256 = v->sha256[0] ? v->sha256 : d;
	if ((rc = sync_ledger_find(run->db, &e, &rows, &at, run->err)) <= 0)
		return rc;
	if (v->sha256[0] && (!(d = sync_inputs_digest(in, i)) || strcmp(d, v->sha256) != 0))
		return 0;
	run->res->counts[v->table].unchanged += rows;
	run->res->rows += rows;
	run->res->files++;
	run->res->already++;
	clock_iso(at, day);
	msg = xasprintf(_("%s: already merged into this database (%lld rows, %.10s %.5s UTC):"
			  " nothing to do"), v->path, rows, day, day + 11);
	sync_report_merged(run->rep, msg);
	free(msg);
	report_progress(run, v->path, 0, 1);
	return 1;
}

/* After file i merged: into the ledger, when every row of it was merged as
 * the version it is (none rejected, none edited outside sxsh). */
static void note_merged(struct run *run, struct sync_inputs *in, size_t i, long long rows,
			long long outside)
{
	struct sync_input *v = &in->v[i];
	struct sync_ledger_entry e = { .table = schema_synced_tables[v->table],
				       .spreadsheet = v->spreadsheet, .rows = rows,
				       .max_updated = run->file_max };

	if (run->failed || run->o->dry_run || run->file_rejected || outside)
		return;
	if (!(e.sha256 = sync_inputs_digest(in, i)) || v->bad_sum)
		return;
	if (sync_ledger_add(run->db, &e, run->err) != 0)
		run->failed = 1;
}

/* Rows one file promises (or a guess from its size). */
static long long input_rows(const struct sync_input *v)
{
	struct stat st;

	if (v->rows >= 0)
		return v->rows;
	return stat(v->path, &st) == 0 ? st.st_size / 100 : 0;
}

/* Which tables have their plain indexes dropped while they merge and built
 * again after (one sort instead of an insert per row): many rows (at least
 * 20,000 and as many as the table holds, counting every file, also those
 * the ledger will skip) into a table that is empty or, judged by its first
 * file's first rows, receives mostly new rows — not a re-import in which a
 * few rows changed.  Returns 1 when any table does. */
static int plan_rebuilds(struct run *run, const struct sync_inputs *in)
{
	sqlite3 *h = db_sqlite(run->db);
	int any = 0;

	memset(run->rebuild, 0, sizeof run->rebuild);
	for (size_t i = 0; i < in->n;) {
		const char *t = schema_synced_tables[in->v[i].table];
		long long rows = 0;
		size_t j = i;
		for (; j < in->n && in->v[j].table == in->v[i].table; j++)
			rows += input_rows(&in->v[j]);
		if (!run->o->keep_indexes && sync_indexes_worth(h, t, rows, in->v[i].path))
			any = run->rebuild[in->v[i].table] = 1;
		i = j;
	}
	return any;
}

static void drop_indexes(struct run *run, const char *table, struct sync_dropped *d)
{
	if (sync_indexes_drop(run->db, table, d, run->err) != 0)
		run->failed = 1;
}

static void restore_indexes(struct run *run, struct sync_dropped *d, int build)
{
	if (build && d->n)
		run->res->rebuilt++;
	if (sync_indexes_restore(run->db, d, build && !run->failed, run->err) != 0)
		run->failed = 1;
}

/* The bulk merge (src/sync/README.md, Performance): a table with a natural
 * key that is empty when its merge begins loads without its UNIQUE
 * natural-key index; the merger does not look for twins.  Rebuilding the
 * index at the end (one sort) then tells whether the row-by-row merge would
 * have found any: if no two rows share a key and no write moved a stored
 * row to another key, no twin search could have found one, and the result
 * (rows, history, counts, report, messages) is the row-by-row merge's.
 * Otherwise everything since the table began is rolled back to a savepoint
 * and the table merged again row by row.  How it is chosen: */
static int defer_wanted(const struct sync_import_opts *o, long long rows)
{
	const char *e = getenv("SXSH_SYNC_DEFER");
	int mode = o->defer_keys;

	if (!mode && e)
		mode = strcmp(e, "on") == 0 ? 1 : strcmp(e, "off") == 0 ? -1 : 0;
	return mode > 0 || (mode == 0 && rows >= SYNC_BULK_MIN_ROWS);
}

/* 1 when table holds no row. */
static int table_empty(sqlite3 *h, const char *table)
{
	sqlite3_stmt *st;
	char *sql = sqlite3_mprintf("SELECT 1 FROM \"%w\" LIMIT 1", table);
	int empty = sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_DONE;

	sqlite3_finalize(st);
	sqlite3_free(sql);
	return empty;
}

/* "name|CREATE UNIQUE INDEX ..." of table's natural key (owned), or NULL
 * when table has none or is not empty. */
static char *defer_index(sqlite3 *h, const struct sync_table *t)
{
	sqlite3_stmt *st;
	char *sql, *key = NULL;

	if (!t->nkey || t->self_ref)
		return NULL;
	sql = sqlite3_mprintf("SELECT NOT EXISTS (SELECT 1 FROM \"%w\"), s.name, s.sql"
			      " FROM sqlite_schema s, pragma_index_list(?1) il WHERE s.type = 'index'"
			      " AND s.name = il.name AND il.\"unique\" AND il.origin = 'c'", t->name);
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0))
			key = xasprintf("%s|%s", sqlite3_column_text(st, 1), sqlite3_column_text(st, 2));
		if (key && sqlite3_step(st) == SQLITE_ROW) {  /* two unique indexes: not ours */
			free(key);
			key = NULL;
		}
	}
	sqlite3_finalize(st);
	sqlite3_free(sql);
	return key;
}

/* What the run had before a table's bulk merge, to go back to. */
struct mark {
	struct sync_counts c;
	long long rows, shown;
	int files;
	size_t nerr, nwarn;
	struct sync_report_pos rep;
};

static void err_back(struct sx_err *e, size_t n)
{
	while (e->n > n)
		free(e->msgs[--e->n]);
}

/* Merge the files of table t (in->v[i..i+n), those not known): 0, or 1 when
 * the bulk merge (key: its natural-key index, see above) must give way to
 * the row-by-row one. */
static int merge_files(struct run *run, struct sync_inputs *in, size_t i, size_t n,
		       const char *known, const struct sync_table *t, const char *key, int batch)
{
	sqlite3 *h = db_sqlite(run->db);
	struct sync_merger *m = NULL;
	struct sync_dropped d = {0};
	int redo = 0;

	run->had_rows = !table_empty(h, t->name);
	if (run->rebuild[in->v[i].table])   /* plan_rebuilds() */
		drop_indexes(run, t->name, &d);
	if (key && !run->failed) {
		char *name = xstrndup(key, strcspn(key, "|"));
		char *sql = sqlite3_mprintf("DROP INDEX \"%w\"", name);
		if (sqlite3_exec(h, sql, NULL, NULL, NULL) != SQLITE_OK)
			run->failed = db_fail(run->db, run->err) != 0;
		sqlite3_free(sql);
		free(name);
	}
	if (!run->failed && sync_fts_begin(run->db, t->name, &run->fts, run->err) != 0)
		run->failed = 1;
	if (!run->failed && !(m = sync_merger_new(run->db, t, on_conflict, run, run->err)))
		run->failed = 1;
	else if (m) {
		sync_merger_accept_edits(m, run->o->accept_changed);
		sync_merger_defer_key(m, key != NULL);
		if (batch && sync_merger_batch(m, on_reject, run, run->err) != 0)
			run->failed = 1;
		run->batch = batch && !run->failed;
	}
	for (size_t k = 0; k < n && m; k++) {
		long long outside = sync_merger_outside(m), got;
		if (known[k] || sx_err_count(run->err) >= MAX_ERRORS)
			continue;
		got = merge_file(run, &in->v[i + k], t, m);
		note_merged(run, in, i + k, got, sync_merger_outside(m) - outside);
	}
	/* A failure too: the row-by-row merge might have failed otherwise (or
	 * said other things on the way), once twins were about. */
	redo = key && (run->failed || (m && sync_merger_key_moved(m)));
	sync_merger_free(m);
	run->batch = 0;
	if (key && !redo && !run->failed &&
	    sqlite3_exec(h, strchr(key, '|') + 1, NULL, NULL, NULL) != SQLITE_OK) {
		if ((sqlite3_extended_errcode(h) & 0xff) == SQLITE_CONSTRAINT)
			redo = 1;
		else
			run->failed = db_fail(run->db, run->err) != 0;
	}
	/* The sort index first: sync_fts places the new rows by it. */
	restore_indexes(run, &d, !redo);
	if (sync_fts_end(run->db, &run->fts, run->failed || redo, run->err) != 0)
		run->failed = 1;
	return redo;
}

/* The bulk merge of table t inside a savepoint: 0 when done (or failed for
 * good), 1 when rolled back to be merged again row by row. */
static int merge_bulk(struct run *run, struct sync_inputs *in, size_t i, size_t n,
		      const char *known, const struct sync_table *t, const char *key)
{
	sqlite3 *h = db_sqlite(run->db);
	struct mark mk = { .c = run->res->counts[in->v[i].table], .rows = run->res->rows,
			   .shown = run->shown, .files = run->res->files,
			   .nerr = sx_err_count(run->err), .nwarn = sx_err_count(run->warn) };
	int again = 0;

	if (sqlite3_exec(h, "SAVEPOINT sync_bulk_table", NULL, NULL, NULL) != SQLITE_OK)
		return 1;
	sync_report_tell(run->rep, &mk.rep);
	if (merge_files(run, in, i, n, known, t, key, 1) == 0) {
		run->res->bulk_tables++;
	} else if (!sqlite3_get_autocommit(h) &&
		   sqlite3_exec(h, "ROLLBACK TO sync_bulk_table", NULL, NULL, NULL) == SQLITE_OK) {
		run->res->counts[in->v[i].table] = mk.c;
		run->res->rows = mk.rows;
		run->res->files = mk.files;
		run->shown = mk.shown;
		err_back(run->err, mk.nerr);
		err_back(run->warn, mk.nwarn);
		sync_report_back(run->rep, &mk.rep);
		run->failed = 0;
		run->res->bulk_redone++;
		again = 1;
	} else {
		run->failed = 1;  /* the transaction is gone: the import fails as it is */
	}
	if (!sqlite3_get_autocommit(h))
		sqlite3_exec(h, "RELEASE sync_bulk_table", NULL, NULL, NULL);
	return again;
}

/* Merge every file of the table at in->v[*i], advancing *i past them. */
static void merge_table(struct run *run, struct sync_inputs *in, size_t *i)
{
	int table = in->v[*i].table;
	sqlite3 *h = db_sqlite(run->db);
	struct sync_table t = {0};
	size_t n = 0, todo = 0;
	long long rows = 0;
	char *known, *key = NULL;

	/* Files already merged first: only the others count for the indexes. */
	while (*i + n < in->n && in->v[*i + n].table == table)
		n++;
	known = xcalloc(n, 1);
	for (size_t k = 0; k < n && !run->failed; k++) {
		int r = already_merged(run, in, *i + k);
		run->failed |= r < 0;
		known[k] = r != 0;
		todo += !known[k];
		rows += known[k] ? 0 : input_rows(&in->v[*i + k]);
	}
	if (todo && !run->failed &&
	    sync_table_load(h, schema_synced_tables[table], &t, run->err) != 0)
		run->failed = 1;
	if (todo && !run->failed && defer_wanted(run->o, rows) && (key = defer_index(h, &t)) &&
	    merge_bulk(run, in, *i, n, known, &t, key) == 0)
		todo = 0;
	/* A table without a natural key needs no savepoint: its batches are
	 * exact by themselves. */
	if (todo && !run->failed)
		merge_files(run, in, *i, n, known, &t, NULL, !key && !t.nkey && !t.self_ref &&
			    defer_wanted(run->o, rows) && table_empty(h, t.name));
	sync_table_free(&t);
	free(key);
	free(known);
	*i += n;
}

/* Checksums: a file that does not match explains every other error in it. */
static void check_sums(struct run *run, struct sync_inputs *in)
{
	if (sync_inputs_verify_join(in) == 0)
		return;
	if (!run->o->accept_changed)
		sx_err_clear(run->err);
	for (size_t i = 0; i < in->n; i++)
		if (in->v[i].bad_sum)
			in_bad(run, &in->v[i]);
}

/* Digests learnt from the stat cache instead of reading the files. */
static void recall_digests(struct run *run, struct sync_inputs *in)
{
	struct sx_err e = {0};  /* a cache: without it the files are read */

	for (size_t i = 0; i < in->n && !run->o->no_ledger; i++) {
		struct platform_file_stamp st;
		char hex[65];
		if (platform_file_stamp(in->v[i].path, &st) == 0 &&
		    sync_ledger_seen(run->db, in->v[i].path, &st, hex, &e) == 1)
			sync_inputs_set_digest(in, i, hex);
	}
	sx_err_clear(&e);
}

/* Remember what the files hashed in this import looked like. */
static int remember_digests(struct run *run, struct sync_inputs *in)
{
	for (size_t i = 0; i < in->n; i++) {
		const struct sync_input *v = &in->v[i];
		if (v->hashed && v->stamped && !v->cached &&
		    sync_ledger_remember(run->db, v->path, &v->stamp, v->digest, v->hashed_ms,
					 run->err) != 0)
			return -1;
	}
	return in->n ? sync_ledger_prune(run->db, run->err) : 0;
}

static int finish(struct run *run, struct sync_inputs *in, char *const *paths, int npaths)
{
	sqlite3 *h = db_sqlite(run->db);
	/* After a failed write SQLite may have rolled back already. */
	if (run->failed || run->o->dry_run) {
		if (!sqlite3_get_autocommit(h) && db_exec(run->db, "ROLLBACK", run->err) != 0)
			return -1;
		return run->failed ? -1 : 0;
	}
	if (remember_digests(run, in) != 0 || db_exec(run->db, "COMMIT", run->err) != 0) {
		if (!sqlite3_get_autocommit(h))
			sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	/* The WAL holds every page of the import: fold it back and shrink it. */
	sqlite3_exec(db_sqlite(run->db), "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	if (run->res->files > 0)
		run->res->report = sync_report_write(run->rep, run->db, run->res, paths, npaths, run->warn);
	return 0;
}

int sync_import(struct sx_db *db, char *const *paths, int npaths,
		const struct sync_import_opts *o, struct sync_import_result *res,
		struct sx_err *err, struct sx_err *warn)
{
	struct run run = { .db = db, .o = o, .res = res, .err = err, .warn = warn };
	struct sync_inputs in;
	long long incoming = 0;
	int rc = -1, bulk, mem_temp;

	memset(res, 0, sizeof *res);
	if (sync_inputs_collect(&in, paths, npaths, db_origin(db), err, warn) != 0) {
		sync_inputs_free(&in);
		return -1;
	}
	res->skipped = in.skipped;
	for (size_t i = 0; i < in.n; i++)
		incoming += input_rows(&in.v[i]);
	run.total = o->on_progress ? incoming : 0;
	run.rep = sync_report_new();
	bulk = !o->dry_run && sync_bulk_begin(db, incoming);
	/* Statement journals in memory: once one statement's journal outgrew
	 * 64 KiB it went to a temporary file for the rest of the transaction,
	 * 2.4 writes per row (src/sync/README.md, Performance).  Each holds one
	 * statement's pages, and sync_fts's log is bounded by its batch.  Not
	 * when indexes will be built again: their sort would be held in memory
	 * too (+36 MB for a first load of 1.78 M rows). */
	mem_temp = !plan_rebuilds(&run, &in);
	if (mem_temp)
		sqlite3_exec(db_sqlite(db), "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
	if (db_exec(db, "BEGIN IMMEDIATE", err) == 0) {
		recall_digests(&run, &in);
		sync_inputs_verify_start(&in);
		for (size_t i = 0; i < in.n && !run.failed;)
			merge_table(&run, &in, &i);
		check_sums(&run, &in);
		rc = finish(&run, &in, paths, npaths);
	}
	if (bulk)
		sync_bulk_end(db);
	if (mem_temp)
		sqlite3_exec(db_sqlite(db), "PRAGMA temp_store = DEFAULT", NULL, NULL, NULL);
	sync_report_free(run.rep);
	sync_inputs_free(&in);
	sync_lines_free(&run.old);
	sync_lines_free(&run.now);
	return rc;
}
