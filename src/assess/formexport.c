/* formexport.c — assessments of one form in ODK Central's wide layout. */
#include "assess/formexport.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/clock.h"
#include "assess/assess.h"
#include "form/fsession.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/paths.h"
#include "base/platform.h"
#include "base/csvwrite.h"

/* One output file: the main one (repeat = -1) or one per repeat node. */
struct outfile {
	int repeat;            /* repeat node, or -1 */
	char *name;            /* file name in the folder */
	struct csvw *w;        /* open writer */
	int *cols;             /* nodes that are columns, in form order */
	size_t ncols;
};

/* Everything one export carries along. */
struct fx {
	struct sx_db *db;
	const struct xform *f;
	struct outfile *out;   /* out[0] is the main file */
	size_t nout;
	char *tmp;             /* the temporary folder */
	int spreadsheet;
	int split;             /* one 0/1 column per choice of a select_multiple */
	long submissions;
};

static int is_column(const struct xform_node *n)
{
	return n->type != XFT_GROUP && n->type != XFT_REPEAT && n->type != XFT_NOTE;
}

/* "group-sub-field": the groups between the file's repeat and the node. */
static char *column_name(const struct xform *f, int node, int repeat)
{
	char *name = xstrdup(f->nodes[node].name);
	for (int p = f->nodes[node].parent; p >= 0 && p != repeat; p = f->nodes[p].parent) {
		char *longer = xasprintf("%s-%s", f->nodes[p].name, name);
		free(name);
		name = longer;
	}
	return name;
}

static void header_field(struct fx *x, struct outfile *o, const char *s)
{
	(void)x;
	csvw_field(o->w, s, strlen(s), 1);
}

/* Write the header row of o: its fields, select_multiple choice columns,
 * then the file's fixed columns. */
static void write_header(struct fx *x, struct outfile *o)
{
	const struct xform *f = x->f;
	/* Central's root columns after the fields (lib/data/briefcase.js). */
	static const char *const main_meta[] = {
		"meta-instanceID", "KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent",
		"AttachmentsExpected", "Status", "ReviewState", "DeviceID", "Edits", "FormVersion",
	};
	if (o->repeat < 0)
		header_field(x, o, "SubmissionDate");
	for (size_t c = 0; c < o->ncols; c++) {
		const struct xform_node *n = &f->nodes[o->cols[c]];
		char *name = column_name(f, o->cols[c], o->repeat);
		header_field(x, o, name);
		for (size_t k = 0; x->split && n->type == XFT_SELECT_MULTIPLE && n->list >= 0 &&
				   k < f->lists[n->list].n; k++) {
			char *sub = xasprintf("%s/%s", name, f->lists[n->list].c[k].name);
			header_field(x, o, sub);
			free(sub);
		}
		free(name);
	}
	if (o->repeat < 0) {
		for (size_t k = 0; k < sizeof main_meta / sizeof main_meta[0]; k++)
			header_field(x, o, main_meta[k]);
	} else {
		header_field(x, o, "PARENT_KEY");
		header_field(x, o, "KEY");
	}
	csvw_end_row(o->w);
}

/* Item paths sorted, for finding an answer's item (and so its relevance). */
struct item_index {
	const char **path;
	size_t *item;
	size_t n;
};

static const char *const *sort_base;
static int by_path(const void *a, const void *b)
{
	return strcmp(sort_base[*(const size_t *)a], sort_base[*(const size_t *)b]);
}

static void index_items(struct fsession *s, struct item_index *ix)
{
	size_t n;
	const struct fs_item *it = fs_items(s, &n);
	const char **paths = xcalloc(n + 1, sizeof *paths);
	ix->item = xcalloc(n + 1, sizeof *ix->item);
	for (size_t i = 0; i < n; i++) {
		paths[i] = it[i].path;
		ix->item[i] = i;
	}
	sort_base = paths;
	qsort(ix->item, n, sizeof *ix->item, by_path);
	ix->path = paths;
	ix->n = n;
}

/* The item at path, or (size_t)-1. */
static size_t lookup(const struct item_index *ix, const char *path)
{
	size_t lo = 0, hi = ix->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(ix->path[ix->item[mid]], path);
		if (c == 0)
			return ix->item[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (size_t)-1;
}

/* 1 when the space-separated list v holds name. */
static int has_token(const char *v, const char *name)
{
	size_t len = strlen(name);
	for (const char *p = v; *p; ) {
		size_t k = strcspn(p, " ");
		if (k == len && strncmp(p, name, len) == 0)
			return 1;
		p += k + (p[k] == ' ');
	}
	return 0;
}

/* The value columns of one row: prefix is "" or "options[2]/". */
static void write_values(struct fx *x, struct outfile *o, struct fsession *s,
			 const struct item_index *ix, const char *prefix)
{
	const struct xform *f = x->f;
	for (size_t c = 0; c < o->ncols; c++) {
		const struct xform_node *n = &f->nodes[o->cols[c]];
		char *path = xasprintf("%s%s", prefix, n->name);
		size_t i = lookup(ix, path);
		const char *v = i != (size_t)-1 && fs_relevant(s, i) ? fs_get(s, path) : "";
		int text = n->type != XFT_INTEGER && n->type != XFT_DECIMAL && n->type != XFT_DATE;
		csvw_field(o->w, v, strlen(v), text);
		/* Central fills every split column with 0 first, then 1 where chosen. */
		for (size_t k = 0; x->split && n->type == XFT_SELECT_MULTIPLE && n->list >= 0 &&
				   k < f->lists[n->list].n; k++) {
			const char *bit = has_token(v, f->lists[n->list].c[k].name) ? "1" : "0";
			csvw_field(o->w, bit, strlen(bit), 0);
		}
		free(path);
	}
}

static void field(struct outfile *o, const char *s, int text)
{
	csvw_field(o->w, s ? s : "", s ? strlen(s) : 0, text);
}

/* Central's path of a repeat item: "outer[2]/inner" becomes
 * "grp/outer[2]/sub/inner", each repeat preceded by the groups between it
 * and the repeat (or root) around it, as in the submission's XML. */
static char *central_path(const struct xform *f, const char *path)
{
	char *out = xstrdup("");

	for (const char *p = path; *p; ) {
		size_t len = strcspn(p, "/"), name_len = strcspn(p, "[/");
		char *seg = xstrndup(p, len), *name = xstrndup(p, name_len), *groups = xstrdup("");
		int node = xform_find(f, name), stop = node >= 0 ? xform_repeat_of(f, node) : -1;
		for (int g = node >= 0 ? f->nodes[node].parent : -1; g >= 0 && g != stop;
		     g = f->nodes[g].parent) {
			char *longer = xasprintf("%s/%s", f->nodes[g].name, groups);
			free(groups);
			groups = longer;
		}
		char *longer = xasprintf("%s%s%s%s", out, *out ? "/" : "", groups, seg);
		free(out);
		out = longer;
		free(seg);
		free(name);
		free(groups);
		p += len + (p[len] == '/');
	}
	return out;
}

/* The rows of every instance of every repeat in s. */
static void write_repeats(struct fx *x, struct fsession *s, const struct item_index *ix,
			  const char *key)
{
	size_t n;
	const struct fs_item *it = fs_items(s, &n);

	for (size_t i = 0; i < n; i++) {
		struct outfile *o = NULL;
		for (size_t k = 1; k < x->nout; k++)
			if (x->out[k].repeat == it[i].node)
				o = &x->out[k];
		if (!o || !fs_relevant(s, i))
			continue;
		/* "outer[2]/inner": the parent is "uuid:X/outer[2]" (a repeat's
		 * instance, or the submission: groups alone are no parent). */
		const char *slash = strrchr(it[i].path, '/');
		char *outer = slash ? xstrndup(it[i].path, (size_t)(slash - it[i].path)) : NULL;
		char *outer_c = outer ? central_path(x->f, outer) : NULL;
		char *parent = outer ? xasprintf("%s/%s", key, outer_c) : xstrdup(key);
		char *path_c = central_path(x->f, it[i].path);
		size_t count = fs_repeat_count(s, i);
		free(outer);
		free(outer_c);
		for (size_t k = 1; k <= count; k++) {
			char *prefix = xasprintf("%s[%zu]/", it[i].path, k);
			char *rkey = xasprintf("%s/%s[%zu]", key, path_c, k);
			write_values(x, o, s, ix, prefix);
			field(o, parent, 1);
			field(o, rkey, 1);
			csvw_end_row(o->w);
			free(prefix);
			free(rkey);
		}
		free(path_c);
		free(parent);
	}
}

/* One assessment: its row in the main file and its repeat rows. */
static int write_submission(struct fx *x, sqlite3_stmt *row, struct sx_err *err)
{
	const char *uuid = (const char *)sqlite3_column_text(row, 0);
	const char *status = (const char *)sqlite3_column_text(row, 1);
	char when[25], *key = xasprintf("uuid:%s", uuid);
	struct fsession *s = fs_new(x->f, "", clock_now_ms());
	struct item_index ix;
	struct outfile *o = &x->out[0];
	int rc = assess_load(x->db, uuid, s, err);

	if (rc == 0) {
		index_items(s, &ix);
		clock_iso(sqlite3_column_int64(row, 2), when);
		field(o, when, 0);
		write_values(x, o, s, &ix, "");
		field(o, key, 1);                                  /* meta-instanceID */
		field(o, key, 1);                                  /* KEY */
		field(o, "", 1);                                   /* SubmitterID: no accounts */
		field(o, (const char *)sqlite3_column_text(row, 3), 1); /* SubmitterName */
		field(o, "0", 0);                                  /* AttachmentsPresent */
		field(o, "0", 0);                                  /* AttachmentsExpected */
		field(o, strcmp(status, "complete") == 0 ? "" : "draft", 1); /* Status */
		field(o, "", 1);                                   /* ReviewState */
		field(o, (const char *)sqlite3_column_text(row, 4), 1); /* DeviceID */
		field(o, (const char *)sqlite3_column_text(row, 6), 0); /* Edits */
		field(o, (const char *)sqlite3_column_text(row, 5), 1); /* FormVersion */
		csvw_end_row(o->w);
		write_repeats(x, s, &ix, key);
		x->submissions++;
		free(ix.path);
		free(ix.item);
	}
	fs_free(s);
	free(key);
	return rc;
}

/* The main file and one per repeat, each with the nodes that are its columns. */
static void plan_files(struct fx *x)
{
	const struct xform *f = x->f;
	x->out = xcalloc(f->nnodes + 1, sizeof *x->out);
	x->out[0].repeat = -1;
	x->out[0].name = xasprintf("%s.csv", f->settings.form_id);
	x->nout = 1;
	for (size_t i = 0; i < f->nnodes; i++) {
		if (f->nodes[i].type != XFT_REPEAT)
			continue;
		x->out[x->nout].repeat = (int)i;
		x->out[x->nout++].name = xasprintf("%s-%s.csv", f->settings.form_id, f->nodes[i].name);
	}
	for (size_t k = 0; k < x->nout; k++) {
		struct outfile *o = &x->out[k];
		o->cols = xcalloc(f->nnodes + 1, sizeof *o->cols);
		for (size_t i = 0; i < f->nnodes; i++)
			if (is_column(&f->nodes[i]) && xform_repeat_of(f, (int)i) == o->repeat)
				o->cols[o->ncols++] = (int)i;
	}
}

static int open_files(struct fx *x, struct sx_err *err)
{
	for (size_t k = 0; k < x->nout; k++) {
		char *path = xasprintf("%s/%s", x->tmp, x->out[k].name);
		x->out[k].w = csvw_create(path, x->spreadsheet, err);
		free(path);
		if (!x->out[k].w)
			return -1;
		write_header(x, &x->out[k]);
	}
	return 0;
}

/* Close every file (checking each), or abort them after a failure. */
static int close_files(struct fx *x, int ok, struct sx_err *err)
{
	char hex[65];
	int rc = ok ? 0 : -1;
	for (size_t k = 0; k < x->nout; k++) {
		if (!x->out[k].w)
			continue;
		if (rc == 0)
			rc = csvw_close(x->out[k].w, hex, err);
		else
			csvw_abort(x->out[k].w);
		x->out[k].w = NULL;
	}
	return rc;
}

/* Move the finished files into dir, then drop the temporary folder. */
static int publish(struct fx *x, const char *dir, int ok, struct sx_err *err)
{
	int rc = ok ? 0 : -1;
	for (size_t k = 0; k < x->nout; k++) {
		char *from = xasprintf("%s/%s", x->tmp, x->out[k].name);
		char *to = xasprintf("%s/%s", dir, x->out[k].name);
		if (rc == 0 && platform_rename(from, to) != 0) {
			sx_err_add(err, to, 0, _("cannot write: %s"), strerror(errno));
			rc = -1;
		}
		unlink(from);
		free(from);
		free(to);
	}
	rmdir(x->tmp);
	return rc;
}

int formexport_run(struct sx_db *db, const struct xform *f, const char *dir, int drafts,
		   int spreadsheet, int split, struct formexport_result *res, struct sx_err *err)
{
	/* Finished ones carry the time they were finished; drafts their last change. */
	sqlite3_stmt *st = db_stmt(db,
		"SELECT a.uuid, a.status, coalesce(a.finished_at, max(a.updated_at, coalesce("
		"(SELECT max(updated_at) FROM answers WHERE assessment_uuid = a.uuid), 0))),"
		" coalesce(a.officer, ''), a.origin, a.form_version,"
		/* Edits: answers corrected after the assessment was finished. */
		" (SELECT count(*) FROM history h WHERE h.tbl = 'answers' AND h.reason = 'replaced'"
		" AND json_extract(h.data, '$.assessment_uuid') = a.uuid AND h.saved_at > a.finished_at)"
		" FROM assessments a"
		" WHERE a.form_id = ? AND a.deleted = 0 AND (a.status = 'complete' OR ?)"
		" ORDER BY a.started_at, a.uuid", err);
	struct fx x = { .db = db, .f = f, .spreadsheet = spreadsheet, .split = split };
	int rc = SQLITE_DONE, ok = 1;

	memset(res, 0, sizeof *res);
	/* Never write outside dir, whatever loaded the form. */
	if (!xform_id_ok(f->settings.form_id)) {
		sx_err_add(err, NULL, 0, _("form_id '%s' cannot name a file; correct it in the form"),
			   f->settings.form_id ? f->settings.form_id : "");
		return -1;
	}
	if (!st || paths_mkdirs(dir, err) != 0)
		return -1;
	x.tmp = xasprintf("%s/.sxsh-export-form-XXXXXX", dir);
	if (!platform_mkdtemp(x.tmp)) {
		sx_err_add(err, dir, 0, _("cannot write: %s"), strerror(errno));
		free(x.tmp);
		return -1;
	}
	plan_files(&x);
	/* One read transaction: every file sees the same moment. */
	ok = open_files(&x, err) == 0 && db_exec(db, "BEGIN", err) == 0;
	sqlite3_bind_text(st, 1, f->settings.form_id, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, drafts);
	while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW)
		ok = write_submission(&x, st, err) == 0;
	if (ok && rc != SQLITE_DONE)
		ok = db_fail(db, err) == 0;
	sqlite3_reset(st);
	db_exec(db, "COMMIT", err);
	ok = close_files(&x, ok, err) == 0;
	rc = publish(&x, dir, ok, err);
	res->submissions = x.submissions;
	res->files = (int)x.nout;
	for (size_t k = 0; k < x.nout; k++) {
		free(x.out[k].name);
		free(x.out[k].cols);
	}
	free(x.out);
	free(x.tmp);
	return rc;
}
