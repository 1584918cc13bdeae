/* sync_ledger.c — files already merged, and digests of files not touched since. */
#include "sync/sync_ledger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/mem.h"
#include "db/schema.h"

#ifndef SXSH_VERSION
#define SXSH_VERSION "dev"
#endif
#define STR2(x) #x
#define STR(x) STR2(x)
/* The rules a file is read and merged by: this sxsh, this schema. */
static const char rules[] = SXSH_VERSION "/" STR(SCHEMA_VERSION) "/" SYNC_LEDGER_RULES;

/* A file whose times are this close to the moment it was hashed is not
 * remembered: the file system's clock is coarse (2 s on FAT), and a write
 * in the same tick would leave the times as they were. */
#define SETTLED_MS 3000
/* Stat-cache entries kept (the newest): one per file of an export folder. */
#define SEEN_KEEP 4096

int sync_ledger_find(struct sx_db *db, const struct sync_ledger_entry *e, long long *rows,
		     long long *merged_at, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT rows, merged_at FROM sync_ledger WHERE sha256 = ?1"
				   " AND tbl = ?2 AND spreadsheet = ?3 AND rules = ?4", err);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, e->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, e->table, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, e->spreadsheet != 0);
	sqlite3_bind_text(st, 4, rules, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*rows = sqlite3_column_int64(st, 0);
		*merged_at = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err);
	/* A clock set back since the merge: a local edit made now could be
	 * older than a row of the file; merge it as if it were new. */
	return rc == SQLITE_ROW && clock_now_ms() >= *merged_at;
}

int sync_ledger_add(struct sx_db *db, const struct sync_ledger_entry *e, struct sx_err *err)
{
	long long now = clock_now_ms();
	sqlite3_stmt *st;

	/* A row as new as the clock: a local edit a moment later could tie or
	 * lose against it, and would then be undone by a real merge. */
	if (e->max_updated >= now)
		return 0;
	st = db_stmt(db, "INSERT OR REPLACE INTO sync_ledger (sha256, tbl, spreadsheet, rules, rows,"
		     " max_updated_at, merged_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, e->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, e->table, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, e->spreadsheet != 0);
	sqlite3_bind_text(st, 4, rules, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, e->rows);
	sqlite3_bind_int64(st, 6, e->max_updated);
	sqlite3_bind_int64(st, 7, now);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_reset(st);
		return db_fail(db, err);
	}
	sqlite3_reset(st);
	return 0;
}

int sync_ledger_seen(struct sx_db *db, const char *path, const struct platform_file_stamp *s,
		     char hex[65], struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT sha256 FROM sync_seen WHERE path = ?1 AND dev = ?2"
				   " AND ino = ?3 AND size = ?4 AND mtime_ns = ?5 AND ctime_ns = ?6", err);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, s->dev);
	sqlite3_bind_int64(st, 3, s->ino);
	sqlite3_bind_int64(st, 4, s->size);
	sqlite3_bind_int64(st, 5, s->mtime_ns);
	sqlite3_bind_int64(st, 6, s->ctime_ns);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *h = (const char *)sqlite3_column_text(st, 0);
		rc = h && strlen(h) == 64 ? SQLITE_ROW : SQLITE_DONE;
		if (rc == SQLITE_ROW)
			memcpy(hex, h, 65);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err);
	return rc == SQLITE_ROW;
}

int sync_ledger_remember(struct sx_db *db, const char *path, const struct platform_file_stamp *s,
			 const char *hex, long long hashed_ms, struct sx_err *err)
{
	long long settled = (hashed_ms - SETTLED_MS) * 1000000LL;
	sqlite3_stmt *st;

	if (s->mtime_ns >= settled || s->ctime_ns >= settled)
		return 0;
	st = db_stmt(db, "INSERT OR REPLACE INTO sync_seen (path, dev, ino, size, mtime_ns, ctime_ns,"
		     " sha256, hashed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, s->dev);
	sqlite3_bind_int64(st, 3, s->ino);
	sqlite3_bind_int64(st, 4, s->size);
	sqlite3_bind_int64(st, 5, s->mtime_ns);
	sqlite3_bind_int64(st, 6, s->ctime_ns);
	sqlite3_bind_text(st, 7, hex, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, hashed_ms);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_reset(st);
		return db_fail(db, err);
	}
	sqlite3_reset(st);
	return 0;
}

int sync_ledger_prune(struct sx_db *db, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "DELETE FROM sync_seen WHERE hashed_at < (SELECT hashed_at"
				   " FROM sync_seen ORDER BY hashed_at DESC LIMIT 1 OFFSET ?1)", err);

	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, SEEN_KEEP);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_reset(st);
		return db_fail(db, err);
	}
	sqlite3_reset(st);
	return 0;
}

/* ---- the lines of files already merged ---------------------------------- */

/* A 64-bit digest, not cryptographic: words mixed in as they come, each
 * field's length first, then a strong finish (the constants are the 64-bit
 * golden ratio and MurmurHash3's finaliser).  Two different lines of one
 * laptop's file collide with a chance of about one in 2^64 / (its lines). */
struct dig {
	uint64_t h, n;
};

static uint64_t fmix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

static void dig_word(struct dig *d, uint64_t w)
{
	d->h = (d->h ^ fmix(w + 0x9e3779b97f4a7c15ULL * ++d->n)) * 0x9e3779b97f4a7c15ULL;
	d->h = (d->h << 27) | (d->h >> 37);
}

static void dig_bytes(struct dig *d, const void *p, size_t n)
{
	const unsigned char *b = p;

	dig_word(d, n);
	for (; n >= 8; b += 8, n -= 8) {
		uint64_t w = 0;
		for (int k = 7; k >= 0; k--)
			w = w << 8 | b[k];
		dig_word(d, w);
	}
	if (n) {
		uint64_t w = 0;
		for (size_t k = n; k-- > 0;)
			w = w << 8 | b[k];
		dig_word(d, w);
	}
}

uint64_t sync_lines_reading(const char *table, const struct csvr_rec *h, char delim, char mark,
			    int strip_quote, int spreadsheet)
{
	struct dig d = { 0x5358534800000001ULL, 0 };
	char conv[4] = { delim, mark, (char)(strip_quote != 0), (char)(spreadsheet != 0) };

	dig_bytes(&d, rules, strlen(rules));
	dig_bytes(&d, table, strlen(table));
	dig_bytes(&d, conv, sizeof conv);
	for (size_t i = 0; i < h->n; i++)
		dig_bytes(&d, h->f[i], h->len[i]);
	return fmix(d.h ^ d.n);
}

uint64_t sync_lines_digest(uint64_t reading, const struct csvr_rec *r)
{
	struct dig d = { reading, 0 };

	for (size_t i = 0; i < r->n; i++)
		dig_bytes(&d, r->f[i], r->len[i]);
	return fmix(d.h ^ d.n);
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

int sync_lines_load(struct sx_db *db, const char *installation, const char *table,
		    uint64_t reading, struct sync_lines *s, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT digests, merged_at FROM sync_lines WHERE"
				   " installation = ?1 AND tbl = ?2 AND reading = ?3", err);
	int rc;

	s->n = 0;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, installation, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)reading);
	rc = sqlite3_step(st);
	/* Not while the clock reads earlier than the merge (set back since). */
	if (rc == SQLITE_ROW && clock_now_ms() >= sqlite3_column_int64(st, 1)) {
		const unsigned char *b = sqlite3_column_blob(st, 0);
		size_t n = (size_t)sqlite3_column_bytes(st, 0) / 8;
		if (n > s->cap)
			s->d = xreallocarray(s->d, s->cap = n, sizeof *s->d);
		for (size_t i = 0; i < n; i++) {
			uint64_t w = 0;
			for (int k = 7; k >= 0; k--)
				w = w << 8 | b[8 * i + (size_t)k];
			s->d[i] = w;
		}
		s->n = n;
		/* Stored sorted; a set that is not (damaged) is not used. */
		for (size_t i = 1; i < n && s->n; i++)
			if (s->d[i - 1] > s->d[i])
				s->n = 0;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

int sync_lines_has(const struct sync_lines *s, uint64_t d)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->d[mid] < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->n && s->d[lo] == d;
}

void sync_lines_add(struct sync_lines *s, uint64_t d)
{
	if (s->n == s->cap)
		s->d = xreallocarray(s->d, s->cap = s->cap ? s->cap * 2 : 1024, sizeof *s->d);
	s->d[s->n++] = d;
}

int sync_lines_store(struct sx_db *db, const char *installation, const char *table,
		     uint64_t reading, struct sync_lines *s, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT OR REPLACE INTO sync_lines (installation, tbl,"
				   " reading, digests, merged_at) VALUES (?1, ?2, ?3, ?4, ?5)", err);
	unsigned char *b;
	int rc;

	if (!st)
		return -1;
	if (s->n)
		qsort(s->d, s->n, sizeof *s->d, cmp_u64);
	b = xmalloc(s->n * 8 + 1);
	for (size_t i = 0; i < s->n; i++)
		for (int k = 0; k < 8; k++)
			b[8 * i + (size_t)k] = (unsigned char)(s->d[i] >> (8 * k));
	sqlite3_bind_text(st, 1, installation, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)reading);
	sqlite3_bind_blob64(st, 4, b, s->n * 8, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, clock_now_ms());
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	free(b);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

void sync_lines_free(struct sync_lines *s)
{
	free(s->d);
	memset(s, 0, sizeof *s);
}
