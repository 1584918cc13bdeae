/* facility.c — the facilities table through bound statements. */
#include "records/facility.h"

#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/i18n.h"
#include "records/record.h"
#include "base/mem.h"
#include "base/text.h"
#include "base/uuid.h"

/* Column order shared by facility_get() and facility_save(). */
#define FACILITY_COLS "name, place_uuid, address, sector, legal_form, products," \
	" cp_potential, owner, contact, phone, informed_on, informed_reason, note"

const struct facility_code facility_sectors[] = {
	{ "cassava", N_("Cassava starch processing") },
	{ "coffee_wet", N_("Coffee, wet processing") },
	{ "coffee_dry", N_("Coffee, dry processing") },
	{ "sugar", N_("Cane sugar") },
	{ "other", N_("Other sector") },
};
const size_t facility_nsectors = sizeof facility_sectors / sizeof facility_sectors[0];

const struct facility_code facility_legal_forms[] = {
	{ "enterprise", N_("Enterprise") },
	{ "cooperative", N_("Cooperative") },
	{ "household", N_("Household business") },
};
const size_t facility_nlegal_forms = sizeof facility_legal_forms / sizeof facility_legal_forms[0];

static char *dup_col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? xstrdup((const char *)s) : NULL;
}

int facility_get(struct sx_db *db, const char *uuid, struct facility *f, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " FACILITY_COLS " FROM facilities"
				   " WHERE uuid = ? AND deleted = 0", err);
	int rc;

	memset(f, 0, sizeof *f);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(f->uuid, sizeof f->uuid, "%s", uuid);
		f->name = dup_col(st, 0);
		f->place_uuid = dup_col(st, 1);
		f->address = dup_col(st, 2);
		f->sector = dup_col(st, 3);
		f->legal_form = dup_col(st, 4);
		f->products = dup_col(st, 5);
		f->cp_potential = sqlite3_column_int(st, 6);
		f->owner = dup_col(st, 7);
		f->contact = dup_col(st, 8);
		f->phone = dup_col(st, 9);
		f->informed_on = dup_col(st, 10);
		f->informed_reason = dup_col(st, 11);
		f->note = dup_col(st, 12);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		sx_err_add(err, NULL, 0, _("no facility with id %s"), uuid);
	else
		db_fail(db, err);
	return -1;
}

int facility_save(struct sx_db *db, struct facility *f, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"INSERT INTO facilities (uuid, updated_at, origin, deleted, name_key, sort_key, "
		FACILITY_COLS ") VALUES (?1, ?2, ?3, 0, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
		" ?14, ?15, ?16, ?17, ?18) ON CONFLICT (uuid) DO UPDATE SET updated_at = ?2,"
		" origin = ?3, name_key = ?4, sort_key = ?5, name = ?6, place_uuid = ?7,"
		" address = ?8, sector = ?9, legal_form = ?10, products = ?11, cp_potential = ?12,"
		" owner = ?13, contact = ?14, phone = ?15, informed_on = ?16,"
		" informed_reason = ?17, note = ?18", err);
	char *name = f->name ? text_nfc(f->name) : NULL, *trimmed;
	int rc;

	trimmed = text_trim(name ? name : "");
	free(name);
	if (!*trimmed) {
		free(trimmed);
		sx_err_add(err, NULL, 0, _("a facility needs a name"));
		return -1;
	}
	if (!st) {
		free(trimmed);
		return -1;
	}
	if (!f->uuid[0])
		uuid_v7(f->uuid);
	sqlite3_bind_text(st, 1, f->uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, clock_now_ms());
	sqlite3_bind_text(st, 3, db_origin(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, text_fold(trimmed), -1, free);
	sqlite3_bind_text(st, 5, text_collate_key(trimmed), -1, free);
	sqlite3_bind_text(st, 6, trimmed, -1, free);
	record_bind_text(st, 7, f->place_uuid);
	record_bind_text(st, 8, f->address);
	record_bind_text(st, 9, f->sector);
	record_bind_text(st, 10, f->legal_form);
	record_bind_text(st, 11, f->products);
	sqlite3_bind_int(st, 12, f->cp_potential);
	record_bind_text(st, 13, f->owner);
	record_bind_text(st, 14, f->contact);
	record_bind_text(st, 15, f->phone);
	record_bind_text(st, 16, f->informed_on);
	record_bind_text(st, 17, f->informed_reason);
	record_bind_text(st, 18, f->note);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

int facility_delete(struct sx_db *db, const char *uuid, struct sx_err *err)
{
	return record_tombstone(db, "facilities", uuid, err);
}

void facility_clear(struct facility *f)
{
	char *fields[] = { f->name, f->place_uuid, f->address, f->sector, f->legal_form,
			   f->products, f->owner, f->contact, f->phone, f->informed_on,
			   f->informed_reason, f->note };
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		free(fields[i]);
	memset(f, 0, sizeof *f);
}

long facility_search(struct sx_db *db, const char *query, size_t limit,
		     struct facility_row **rows, struct sx_err *err)
{
	return facility_search_in(db, query, NULL, limit, rows, err);
}

long facility_search_in(struct sx_db *db, const char *query, const char *place, size_t limit,
			struct facility_row **rows, struct sx_err *err)
{
	/* The index on (deleted, sort_key) yields rows in Vietnamese order, so
	 * a screenful of matches costs a partial scan, not a sort. */
	sqlite3_stmt *st = db_stmt(db,
		"SELECT f.uuid, f.name, coalesce(p.name, ''), coalesce(f.sector, ''),"
		" (SELECT count(*) FROM assessments a WHERE a.facility_uuid = f.uuid AND a.deleted = 0)"
		" FROM facilities f LEFT JOIN places p ON p.uuid = f.place_uuid"
		" WHERE f.deleted = 0 AND instr(f.name_key, ?1) AND instr(f.name_key, ?2)"
		" AND instr(f.name_key, ?3) AND instr(f.name_key, ?4)"
		" AND (?6 = '' OR f.place_uuid = ?6 OR p.parent_uuid = ?6 OR p.successor_uuid = ?6)"
		" ORDER BY f.deleted, f.sort_key LIMIT ?5", err);
	size_t n = 0, cap = 0;
	int rc;

	*rows = NULL;
	if (!st)
		return -1;
	record_bind_search(st, 1, query);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)limit);
	sqlite3_bind_text(st, 6, place ? place : "", -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct facility_row *r;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			*rows = xreallocarray(*rows, cap, sizeof **rows);
		}
		r = &(*rows)[n++];
		snprintf(r->uuid, sizeof r->uuid, "%s", (const char *)sqlite3_column_text(st, 0));
		r->name = dup_col(st, 1);
		r->place = dup_col(st, 2);
		r->sector = dup_col(st, 3);
		r->assessments = sqlite3_column_int(st, 4);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		facility_rows_free(*rows, n);
		*rows = NULL;
		return db_fail(db, err);
	}
	return (long)n;
}

void facility_rows_free(struct facility_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].name);
		free(rows[i].place);
		free(rows[i].sector);
	}
	free(rows);
}
