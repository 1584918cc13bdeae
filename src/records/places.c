/* places.c — reading the places list. */
#include "records/places.h"

#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/date.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/text.h"

static char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return xstrdup(s ? (const char *)s : "");
}

char *places_name(struct sx_db *db, const char *uuid)
{
	struct sx_err err = {0};
	sqlite3_stmt *st = db_stmt(db, "SELECT name FROM places WHERE uuid = ?", &err);
	char *name = NULL;

	sx_err_clear(&err);
	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		name = col(st, 0);
	sqlite3_reset(st);
	return name;
}

void places_free(struct place_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].code);
		free(l->v[i].kind);
		free(l->v[i].name);
		free(l->v[i].label);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Read the places of st (uuid, code, kind, name, valid_to) into out. */
static int read_list(struct sx_db *db, sqlite3_stmt *st, struct place_list *out,
		     struct sx_err *err)
{
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct place *p;
		const unsigned char *to = sqlite3_column_text(st, 4);
		if (out->n == cap) {
			cap = cap ? cap * 2 : 16;
			out->v = xreallocarray(out->v, cap, sizeof *out->v);
		}
		p = &out->v[out->n++];
		snprintf(p->uuid, sizeof p->uuid, "%s", (const char *)sqlite3_column_text(st, 0));
		p->code = col(st, 1);
		p->kind = col(st, 2);
		p->name = col(st, 3);
		if (to && *to) {
			char d[11];
			date_format_user((const char *)to, d);
			p->label = xasprintf(_("%s (to %s)"), p->name, d);
		} else {
			p->label = xstrdup(p->name);
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		places_free(out);
		return db_fail(db, err);
	}
	return 0;
}

/* Directly below the province (by the province row, or by having no parent). */
#define TOP_LEVEL \
	" p.deleted = 0 AND p.kind <> 'province' AND (p.parent_uuid IS NULL OR p.parent_uuid IN" \
	" (SELECT uuid FROM places WHERE kind = 'province'))"
#define IN_FORCE(from, to) \
	" (coalesce(p.valid_from, '') = '' OR " to " = '' OR p.valid_from <= " to ")" \
	" AND (coalesce(p.valid_to, '') = '' OR " from " = '' OR p.valid_to >= " from ")"

int places_districts(struct sx_db *db, struct place_list *out, struct sx_err *err)
{
	char today[11];
	sqlite3_stmt *st = db_stmt(db,
		"SELECT p.uuid, p.code, p.kind, p.name, coalesce(p.valid_to, '') FROM places p"
		" WHERE" TOP_LEVEL " OR (p.deleted = 0 AND p.kind = 'province')"
		" ORDER BY p.kind = 'province', NOT (" IN_FORCE("?1", "?1") "),"
		" p.kind NOT IN ('city', 'district', 'town'), p.kind <> 'city', p.code, p.name", err);

	memset(out, 0, sizeof *out);
	if (!st)
		return -1;
	clock_date(clock_now_ms(), today);
	sqlite3_bind_text(st, 1, today, -1, SQLITE_TRANSIENT);
	return read_list(db, st, out, err);
}

int places_in_force(struct sx_db *db, const char *from, const char *to,
		    struct place_list *out, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT p.uuid, p.code, p.kind, p.name, '' FROM places p"
		" WHERE" TOP_LEVEL " AND" IN_FORCE("?1", "?2")
		" ORDER BY p.kind NOT IN ('city', 'district', 'town'), p.kind <> 'city', p.code, p.name",
		err);

	memset(out, 0, sizeof *out);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, from ? from : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, to ? to : "", -1, SQLITE_TRANSIENT);
	return read_list(db, st, out, err);
}

static void copy_col(sqlite3_stmt *st, int i, char *dst, size_t n)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	snprintf(dst, n, "%s", s ? (const char *)s : "");
}

int places_tree_load(struct sx_db *db, struct place_tree *t, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT p.uuid, coalesce(p.parent_uuid, ''), coalesce(p.successor_uuid, ''),"
		" coalesce(p.valid_from, ''), coalesce(p.valid_to, ''), p.kind = 'province',"
		" " TOP_LEVEL " FROM places p WHERE p.deleted = 0 ORDER BY p.uuid", err);
	size_t cap = 0;
	int rc;

	memset(t, 0, sizeof *t);
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct place_node *p;
		if (t->n == cap) {
			cap = cap ? cap * 2 : 64;
			t->v = xreallocarray(t->v, cap, sizeof *t->v);
		}
		p = &t->v[t->n++];
		copy_col(st, 0, p->uuid, sizeof p->uuid);
		copy_col(st, 1, p->parent, sizeof p->parent);
		copy_col(st, 2, p->successor, sizeof p->successor);
		copy_col(st, 3, p->from, sizeof p->from);
		copy_col(st, 4, p->to, sizeof p->to);
		if (sqlite3_column_int(st, 5))
			snprintf(t->province, sizeof t->province, "%s", p->uuid);
		p->top = sqlite3_column_int(st, 6);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		places_tree_free(t);
		return db_fail(db, err);
	}
	return 0;
}

void places_tree_free(struct place_tree *t)
{
	free(t->v);
	memset(t, 0, sizeof *t);
}

static int node_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct place_node *)elem)->uuid);
}

static const struct place_node *find(const struct place_tree *t, const char *uuid)
{
	if (!uuid || !*uuid)
		return NULL;
	return bsearch(uuid, t->v, t->n, sizeof *t->v, node_cmp);
}

static int node_in_force(const struct place_node *p, const char *from, const char *to)
{
	return (!*p->from || !*to || strcmp(p->from, to) <= 0)
		&& (!*p->to || !*from || strcmp(p->to, from) >= 0);
}

/* The one parent shared by every place that went into p, or NULL. */
static const struct place_node *formed_from_parent(const struct place_tree *t,
						   const struct place_node *p)
{
	const char *parent = NULL;
	for (size_t i = 0; i < t->n; i++) {
		if (strcmp(t->v[i].successor, p->uuid) != 0)
			continue;
		if (parent && strcmp(parent, t->v[i].parent) != 0)
			return NULL;
		parent = t->v[i].parent;
	}
	return parent ? find(t, parent) : NULL;
}

const char *places_area(const struct place_tree *t, const char *uuid, const char *from,
			const char *to)
{
	const struct place_node *p = find(t, uuid), *next;

	from = from ? from : "";
	to = to ? to : "";
	for (int depth = 0; p && depth < 16; depth++, p = next) {
		int live = node_in_force(p, from, to);
		if (strcmp(p->uuid, t->province) == 0)
			return NULL;
		if (live && p->top)
			return p->uuid;
		if (!live && *p->successor)
			next = find(t, p->successor);
		else if (!p->top)
			next = find(t, p->parent);
		else
			next = formed_from_parent(t, p);
		if (!next || (p->top && next->top && !node_in_force(next, from, to)))
			return p->top ? p->uuid : NULL;
	}
	return p ? p->uuid : NULL;
}

void places_province(struct sx_db *db, char out[37])
{
	struct sx_err err = {0};
	sqlite3_stmt *st = db_stmt(db, "SELECT uuid FROM places WHERE kind = 'province'"
				   " AND deleted = 0 ORDER BY uuid LIMIT 1", &err);
	out[0] = '\0';
	if (st && sqlite3_step(st) == SQLITE_ROW)
		copy_col(st, 0, out, 37);
	if (st)
		sqlite3_reset(st);
	sx_err_clear(&err);
}

static void keys_free(void *p)
{
	struct place_keys *k = p;
	if (!k)
		return;
	for (size_t i = 0; i < k->n; i++)
		free(k->v[i].key);
	free(k->v);
	free(k);
}

/* The folded names of text "a|b|c", "\n" between them. */
static char *fold_names(const char *name, const char *alt)
{
	char *all = xasprintf("%s%s%s", name, *alt ? "|" : "", alt), *key = text_fold(all);

	free(all);
	for (char *c = key; c && *c; c++)
		if (*c == '|')
			*c = '\n';
	return key ? key : xstrdup("");
}

static const char memo_key[] = "places_keys";

const struct place_keys *places_keys(struct sx_db *db, struct sx_err *err)
{
	/* Worked out inside a transaction (not kept by db): freed by the next call. */
	static struct place_keys *unkept;
	struct place_keys *k = db_memo(db, memo_key);
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	if (k)
		return k;
	st = db_stmt(db, "SELECT uuid, name, coalesce(alt_names, '') FROM places"
		     " WHERE deleted = 0 ORDER BY uuid", err);
	if (!st)
		return NULL;
	k = xcalloc(1, sizeof *k);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (k->n == cap) {
			cap = cap ? cap * 2 : 256;
			k->v = xreallocarray(k->v, cap, sizeof *k->v);
		}
		copy_col(st, 0, k->v[k->n].uuid, sizeof k->v[k->n].uuid);
		k->v[k->n++].key = fold_names((const char *)sqlite3_column_text(st, 1),
					      (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		keys_free(k);
		db_fail(db, err);
		return NULL;
	}
	keys_free(unkept);
	unkept = NULL;
	if (!db_memo_keep(db, memo_key, k, keys_free))
		unkept = k;
	return k;
}

int places_key_has(const char *key, const char *word)
{
	size_t len = strlen(word);
	int found = 0;

	for (const char *s = key; s; ) {
		const char *end = strchr(s, '\n');
		size_t n = end ? (size_t)(end - s) : strlen(s);
		if (n == len && memcmp(s, word, n) == 0)
			return 2;
		for (size_t i = 0; !found && len && i + len <= n; i++)
			found = memcmp(s + i, word, len) == 0;
		s = end ? end + 1 : NULL;
	}
	return found;
}

int places_find(struct sx_db *db, const char *text, char out[37], struct sx_err *err)
{
	const struct place_keys *k = places_keys(db, err);
	char *want = text_fold(text ? text : "");
	int found = 0;

	out[0] = '\0';
	for (size_t i = 0; k && want && *want && i < k->n; i++)
		if (places_key_has(k->v[i].key, want) == 2 && found++ == 0)
			snprintf(out, 37, "%s", k->v[i].uuid);
	free(want);
	return k ? found : -1;
}
