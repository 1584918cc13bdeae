/* dupes.c — finding likely duplicate pairs, and "not a duplicate".
 * (Merging is in dupes_merge.c; the side-by-side view in dupes_view.c.) */
#include "records/dupes.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "records/people.h"

/* A person of a name group, as the pairing compares them. */
struct member {
	char uuid[37];
	char *name;       /* full_name */
	char *sort_key;   /* Vietnamese order */
	int year;         /* birth year, 0 when unknown */
	char *phone;      /* people_phone_key(), "" when unknown */
};

/* The pairs found so far: at most 2 × limit are held, the first limit in
 * list order kept each time it fills, so memory stays bounded whatever the
 * number of pairs. */
struct found {
	struct dupes_pair *v;   /* the pairs */
	size_t n, cap;          /* held, allocated */
	size_t limit;           /* pairs wanted */
	int any_ignored;        /* dupe_ignored has rows (else no look-ups) */
};

static int cmp_pairs(const void *x, const void *y);
static void pair_clear(struct dupes_pair *p);

static char *col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return xstrdup(s ? (const char *)s : "");
}

static void member_clear(struct member *m)
{
	free(m->name);
	free(m->sort_key);
	free(m->phone);
}

/* 1 when the officer said a and b are not the same; -1 on error. */
static int ignored(struct sx_db *db, const char *a, const char *b, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM dupe_ignored WHERE a = ?1 AND b = ?2", err);
	int rc;

	if (!st)
		return -1;
	if (strcmp(a, b) > 0) {
		const char *t = a;
		a = b;
		b = t;
	}
	sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

/* Sort the pairs held and drop those beyond the limit. */
static void compact(struct found *f)
{
	if (f->n)
		qsort(f->v, f->n, sizeof *f->v, cmp_pairs);
	for (; f->n > f->limit; f->n--)
		pair_clear(&f->v[f->n - 1]);
}

static struct dupes_pair *push(struct found *f, enum dupes_kind kind, const char *a,
			       const char *b)
{
	struct dupes_pair *p;
	if (f->limit < SIZE_MAX / 2 && f->n >= 2 * f->limit + 1)
		compact(f);
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 16;
		f->v = xreallocarray(f->v, f->cap, sizeof *f->v);
	}
	p = &f->v[f->n++];
	memset(p, 0, sizeof *p);
	p->kind = kind;
	snprintf(p->a, sizeof p->a, "%s", a);
	snprintf(p->b, sizeof p->b, "%s", b);
	return p;
}

static int cmp_members(const void *x, const void *y)
{
	const struct member *p = x, *q = y;
	int c = strcmp(p->sort_key, q->sort_key);
	return c ? c : strcmp(p->uuid, q->uuid);
}

/* Pair the members of one name group that share a known year of birth or
 * a phone key, the first in Vietnamese order as a.  0 or -1. */
static int pair_group(struct sx_db *db, struct member *g, size_t n, struct found *f,
		      struct sx_err *err)
{
	if (n > 1)
		qsort(g, n, sizeof *g, cmp_members);
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			int year = g[i].year > 0 && g[i].year == g[j].year;
			int phone = *g[i].phone && strcmp(g[i].phone, g[j].phone) == 0;
			int skip;
			if (!year && !phone)
				continue;
			skip = f->any_ignored ? ignored(db, g[i].uuid, g[j].uuid, err) : 0;
			if (skip) {
				if (skip < 0)
					return -1;
				continue;
			}
			struct dupes_pair *p = push(f, DUPES_PERSON, g[i].uuid, g[j].uuid);
			p->name_a = xstrdup(g[i].name);
			p->name_b = xstrdup(g[j].name);
			p->sort_key = xstrdup(g[i].sort_key);
			p->birth_year = year ? g[i].year : 0;
			p->phone = xstrdup(phone ? g[i].phone : "");
			p->place = xstrdup("");
		}
	return 0;
}

/* People pairs.  Only names that occur more than once are read: the
 * GROUP BY walks the name_key index alone, without touching the table, and
 * each such name is looked up in that index ("+p.deleted" keeps the
 * planner off the (deleted, sort_key) index, which would walk every row);
 * one group at a time, phone keys made once per person, so a large group
 * costs comparisons, not allocations. */
static int list_people(struct sx_db *db, struct found *f, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT p.uuid, p.name_key, p.full_name, p.sort_key, coalesce(p.birth_year, 0),"
		" p.phone FROM people p WHERE p.name_key IN (SELECT name_key FROM people"
		" WHERE name_key <> '' GROUP BY name_key HAVING count(*) > 1) AND +p.deleted = 0"
		" ORDER BY p.name_key", err);
	struct member *g = NULL;
	size_t n = 0, cap = 0;
	char *key = xstrdup("");
	int rc = SQLITE_DONE, bad = 0;

	if (!st) {
		free(key);
		return -1;
	}
	while (!bad && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 1);
		if (strcmp(k, key) != 0) {
			bad = pair_group(db, g, n, f, err) != 0;
			for (size_t i = 0; i < n; i++)
				member_clear(&g[i]);
			n = 0;
			free(key);
			key = xstrdup(k);
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			g = xreallocarray(g, cap, sizeof *g);
		}
		snprintf(g[n].uuid, sizeof g[n].uuid, "%s", (const char *)sqlite3_column_text(st, 0));
		g[n].name = col_dup(st, 2);
		g[n].sort_key = col_dup(st, 3);
		g[n].year = sqlite3_column_int(st, 4);
		g[n].phone = people_phone_key((const char *)sqlite3_column_text(st, 5));
		n++;
	}
	sqlite3_reset(st);
	if (!bad && rc == SQLITE_DONE)
		bad = pair_group(db, g, n, f, err) != 0;
	else if (!bad)
		bad = db_fail(db, err) != 0;
	for (size_t i = 0; i < n; i++)
		member_clear(&g[i]);
	free(g);
	free(key);
	return bad ? -1 : 0;
}

/* Facility pairs: a self-join on name_key (its index), limited to names
 * that occur more than once, with the same known place. */
static int list_facilities(struct sx_db *db, struct found *f, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT a.uuid, b.uuid, a.name, b.name, a.sort_key, coalesce(pl.name, '')"
		" FROM facilities a JOIN facilities b ON b.name_key = a.name_key"
		" AND b.place_uuid = a.place_uuid AND (b.sort_key, b.uuid) > (a.sort_key, a.uuid)"
		" LEFT JOIN places pl ON pl.uuid = a.place_uuid"
		" WHERE a.name_key IN (SELECT name_key FROM facilities WHERE name_key <> ''"
		" GROUP BY name_key HAVING count(*) > 1) AND a.deleted = 0 AND b.deleted = 0"
		" AND NOT EXISTS (SELECT 1 FROM dupe_ignored i WHERE i.a = min(a.uuid, b.uuid)"
		" AND i.b = max(a.uuid, b.uuid))", err);
	int rc;

	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct dupes_pair *p = push(f, DUPES_FACILITY, (const char *)sqlite3_column_text(st, 0),
					    (const char *)sqlite3_column_text(st, 1));
		p->name_a = col_dup(st, 2);
		p->name_b = col_dup(st, 3);
		p->sort_key = col_dup(st, 4);
		p->phone = xstrdup("");
		p->place = col_dup(st, 5);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

static void pair_clear(struct dupes_pair *p)
{
	free(p->name_a);
	free(p->name_b);
	free(p->sort_key);
	free(p->phone);
	free(p->place);
}

static int cmp_pairs(const void *x, const void *y)
{
	const struct dupes_pair *p = x, *q = y;
	int c;
	if (p->kind != q->kind)
		return p->kind < q->kind ? -1 : 1;
	if ((c = strcmp(p->sort_key, q->sort_key)) != 0)
		return c;
	if ((c = strcmp(p->a, q->a)) != 0)
		return c;
	return strcmp(p->b, q->b);
}

long dupes_list(struct sx_db *db, size_t limit, struct dupes_pair **out, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT EXISTS (SELECT 1 FROM dupe_ignored)", err);
	struct found f = { .limit = limit };

	*out = NULL;
	if (!st)
		return -1;
	f.any_ignored = sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (list_people(db, &f, err) != 0 || list_facilities(db, &f, err) != 0) {
		dupes_free(f.v, f.n);
		return -1;
	}
	compact(&f);
	*out = f.v;
	return (long)f.n;
}

void dupes_free(struct dupes_pair *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		pair_clear(&v[i]);
	free(v);
}

int dupes_ignore(struct sx_db *db, const char *a, const char *b, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT OR IGNORE INTO dupe_ignored (a, b)"
				   " VALUES (min(?1, ?2), max(?1, ?2))", err);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}
