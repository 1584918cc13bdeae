/* orgs.c — the support network: organisations and the part each took. */
#include "records/orgs.h"

#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/phone.h"
#include "base/text.h"
#include "base/uuid.h"
#include "records/record.h"

const struct facility_code orgs_kinds[] = {
	{ "cp_centre", N_("Cleaner-production centre") },
	{ "consultant", N_("Consultant") },
	{ "university", N_("University or institute") },
	{ "fund", N_("Fund or bank") },
	{ "association", N_("Association") },
	{ "other", N_("Other") },
};
const size_t orgs_nkinds = sizeof orgs_kinds / sizeof orgs_kinds[0];

const struct facility_code orgs_roles[] = {
	{ "organiser", N_("Organiser") },
	{ "trainer", N_("Trainer") },
	{ "adviser", N_("Adviser") },
};
const size_t orgs_nroles = sizeof orgs_roles / sizeof orgs_roles[0];

#define ORG_COLS "name, kind, sectors, contact_name, phone, email, address, note"

static const char *label_of(const struct facility_code *t, size_t n, const char *code)
{
	for (size_t i = 0; code && i < n; i++)
		if (strcmp(t[i].code, code) == 0)
			return _(t[i].label);
	return code ? code : "";
}

const char *orgs_kind_label(const char *code)
{
	return label_of(orgs_kinds, orgs_nkinds, code);
}

const char *orgs_role_label(const char *code)
{
	return label_of(orgs_roles, orgs_nroles, code);
}

static int known(const struct facility_code *t, size_t n, const char *code, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(t[i].code) == len && strncmp(t[i].code, code, len) == 0)
			return 1;
	return 0;
}

/* Call fn on each space-separated word of s; stop at the first nonzero. */
static int each_word(const char *s, int (*fn)(const char *w, size_t n, void *arg), void *arg)
{
	while (s && *s) {
		size_t n;
		s += strspn(s, " ,");
		n = strcspn(s, " ,");
		if (n && fn(s, n, arg))
			return 1;
		s += n;
	}
	return 0;
}

static int unknown_sector(const char *w, size_t n, void *arg)
{
	(void)arg;
	return !known(facility_sectors, facility_nsectors, w, n);
}

static int add_label(const char *w, size_t n, void *arg)
{
	char **out = arg, *code = xstrndup(w, n), *next;
	next = xasprintf("%s%s%s", *out, **out ? "; " : "",
			 label_of(facility_sectors, facility_nsectors, code));
	free(code);
	free(*out);
	*out = next;
	return 0;
}

char *orgs_sectors_label(const char *sectors)
{
	char *out = xstrdup("");
	each_word(sectors, add_label, &out);
	return out;
}

/* The trimmed NFC name, or NULL (with err) when o is not fit to save. */
static char *checked(const struct org *o, struct sx_err *err)
{
	char *nfc = o->name ? text_nfc(o->name) : NULL;
	char *name = text_trim(nfc ? nfc : "");
	free(nfc);
	if (!*name)
		sx_err_add(err, NULL, 0, _("an organisation needs a name"));
	else if (!o->kind || !known(orgs_kinds, orgs_nkinds, o->kind, strlen(o->kind)))
		sx_err_add(err, NULL, 0, _("unknown kind of organisation '%s'"), o->kind ? o->kind : "");
	else if (each_word(o->sectors, unknown_sector, NULL))
		sx_err_add(err, NULL, 0, _("unknown sector in '%s'"), o->sectors);
	else
		return name;
	free(name);
	return NULL;
}

int orgs_save(struct sx_db *db, struct org *o, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"INSERT INTO organisations (uuid, updated_at, origin, deleted, name_key, sort_key, "
		ORG_COLS ") VALUES (?1, ?2, ?3, 0, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
		" ON CONFLICT (uuid) DO UPDATE SET updated_at = max(?2, updated_at + 1), origin = ?3, deleted = 0,"
		" name_key = ?4, sort_key = ?5, name = ?6, kind = ?7, sectors = ?8,"
		" contact_name = ?9, phone = ?10, email = ?11, address = ?12, note = ?13", err);
	char *name = st ? checked(o, err) : NULL;
	int rc;

	if (!name)
		return -1;
	if (!o->uuid[0])
		uuid_v7(o->uuid);
	sqlite3_bind_text(st, 1, o->uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, clock_now_ms());
	sqlite3_bind_text(st, 3, db_origin(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, text_fold(name), -1, free);
	sqlite3_bind_text(st, 5, text_collate_key(name), -1, free);
	sqlite3_bind_text(st, 6, name, -1, free);
	record_bind_text(st, 7, o->kind);
	record_bind_text(st, 8, o->sectors);
	record_bind_text(st, 9, o->contact_name);
	/* One stored form for a phone number (phone.h), as import stores it. */
	char ph[PHONE_MAX];
	record_bind_text(st, 10, o->phone && phone_canon(o->phone, ph) == 0 ? ph : o->phone);
	record_bind_text(st, 11, o->email);
	record_bind_text(st, 12, o->address);
	record_bind_text(st, 13, o->note);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

static char *col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return xstrdup(s ? s : "");
}

/* The row of a "SELECT uuid, " ORG_COLS statement into o. */
static void read_org(sqlite3_stmt *st, struct org *o)
{
	char **f[8] = { &o->name, &o->kind, &o->sectors, &o->contact_name, &o->phone,
			&o->email, &o->address, &o->note };
	memset(o, 0, sizeof *o);
	snprintf(o->uuid, sizeof o->uuid, "%s", (const char *)sqlite3_column_text(st, 0));
	for (int i = 0; i < 8; i++)
		*f[i] = col(st, i + 1);
}

int orgs_find(struct sx_db *db, const char *key, struct org *out, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT uuid, " ORG_COLS " FROM organisations"
		" WHERE deleted = 0 AND (uuid = lower(?1) OR name_key = ?2)"
		" ORDER BY uuid = lower(?1) DESC, sort_key LIMIT 1", err);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, text_fold(key), -1, free);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_org(st, out);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

int orgs_list(struct sx_db *db, const char *query, struct org **out, size_t *n,
	      struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT uuid, " ORG_COLS " FROM organisations"
		" WHERE deleted = 0 AND instr(name_key, ?1) AND instr(name_key, ?2)"
		" AND instr(name_key, ?3) AND instr(name_key, ?4) ORDER BY deleted, sort_key", err);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	record_bind_search(st, 1, query ? query : "");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		read_org(st, &(*out)[(*n)++]);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

/* Run a tombstone statement binding now, origin and one uuid. */
static int stamp(struct sx_db *db, const char *sql, const char *uuid, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, clock_now_ms());
	sqlite3_bind_text(st, 2, db_origin(db), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, uuid, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

int orgs_delete(struct sx_db *db, const char *uuid, struct sx_err *err)
{
	if (stamp(db, "UPDATE org_roles SET deleted = 1, updated_at = max(?1, updated_at + 1), origin = ?2"
		  " WHERE org_uuid = ?3 AND deleted = 0", uuid, err) != 0)
		return -1;
	return stamp(db, "UPDATE organisations SET deleted = 1, updated_at = max(?1, updated_at + 1), origin = ?2"
		     " WHERE uuid = ?3 AND deleted = 0", uuid, err);
}

void org_clear(struct org *o)
{
	free(o->name);
	free(o->kind);
	free(o->sectors);
	free(o->contact_name);
	free(o->phone);
	free(o->email);
	free(o->address);
	free(o->note);
	memset(o, 0, sizeof *o);
}
