/* orgs_parts.c — the part an organisation took: links to sessions and
 * assessments (org_roles), and the list the report shows. */
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/uuid.h"
#include "records/orgs.h"

/* The column of org_roles that role's target goes in, or NULL. */
static const char *target_col(const char *role)
{
	if (!role)
		return NULL;
	if (strcmp(role, "organiser") == 0 || strcmp(role, "trainer") == 0)
		return "session_uuid";
	return strcmp(role, "adviser") == 0 ? "assessment_uuid" : NULL;
}

/* 1 when target is a live session (sessions) or assessment, 0 not, -1 error. */
static int target_live(struct sx_db *db, const char *colname, const char *target,
		       struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, colname[0] == 's'
		? "SELECT 1 FROM sessions WHERE uuid = ?1 AND deleted = 0"
		: "SELECT 1 FROM assessments WHERE uuid = ?1 AND deleted = 0", err);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, target, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

/* The uuid of the link row (live or not) into out and its deleted flag;
 * 1 found, 0 not, -1 error. */
static int find_link(struct sx_db *db, const char *org, const char *role, const char *target,
		     char out[37], int *deleted, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT uuid, deleted FROM org_roles WHERE org_uuid = ?1"
		" AND role = ?2 AND coalesce(session_uuid, assessment_uuid) = ?3"
		" ORDER BY deleted, uuid LIMIT 1", err);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, org, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, target, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(out, 37, "%s", (const char *)sqlite3_column_text(st, 0));
		*deleted = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

/* Write the link row uuid with deleted set to del (a new version). */
static int put_link(struct sx_db *db, const char *uuid, const char *org, const char *role,
		    const char *target, int del, struct sx_err *err)
{
	int adviser = strcmp(target_col(role), "assessment_uuid") == 0;
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO org_roles (uuid, updated_at, origin, deleted,"
		" org_uuid, role, session_uuid, assessment_uuid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
		" ON CONFLICT (uuid) DO UPDATE SET updated_at = max(?2, updated_at + 1), origin = ?3, deleted = ?4", err);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, clock_now_ms());
	sqlite3_bind_text(st, 3, db_origin(db), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, del);
	sqlite3_bind_text(st, 5, org, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, role, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, adviser ? 8 : 7, target, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

int orgs_link(struct sx_db *db, const char *org_uuid, const char *role, const char *target,
	      struct sx_err *err)
{
	const char *colname = target_col(role);
	char uuid[37];
	int deleted = 0, found, live;

	if (!colname) {
		sx_err_add(err, NULL, 0, _("unknown role '%s': use organiser, trainer or adviser"),
			   role ? role : "");
		return -1;
	}
	live = target_live(db, colname, target, err);
	if (live <= 0) {
		if (live == 0)
			sx_err_add(err, NULL, 0, colname[0] == 's' ? _("no session '%s'")
				   : _("no assessment '%s'"), target);
		return -1;
	}
	found = find_link(db, org_uuid, role, target, uuid, &deleted, err);
	if (found < 0)
		return -1;
	if (found && !deleted)
		return 0;
	if (!found)
		uuid_v7(uuid);
	return put_link(db, uuid, org_uuid, role, target, 0, err) == 0 ? 1 : -1;
}

int orgs_unlink(struct sx_db *db, const char *org_uuid, const char *role, const char *target,
		struct sx_err *err)
{
	char uuid[37];
	int deleted = 0, found;

	if (!target_col(role)) {
		sx_err_add(err, NULL, 0, _("unknown role '%s': use organiser, trainer or adviser"),
			   role ? role : "");
		return -1;
	}
	found = find_link(db, org_uuid, role, target, uuid, &deleted, err);
	if (found <= 0 || deleted)
		return found < 0 ? -1 : 0;
	return put_link(db, uuid, org_uuid, role, target, 1, err);
}

/* Sessions and assessments the organisation took part in, with their date:
 * a session's first day; an assessment's own date (visit_date, da_start)
 * else the day it was finished or started, as plan.h dates them. */
static const char parts_sql[] =
	"WITH p AS ("
	" SELECT r.role AS role, trim(coalesce(s.code || ' ', '') || s.title) AS what,"
	"  s.start_date AS day"
	" FROM org_roles r JOIN sessions s ON s.uuid = r.session_uuid AND s.deleted = 0"
	" WHERE r.org_uuid = ?1 AND r.deleted = 0"
	" UNION ALL"
	" SELECT r.role, f.name, coalesce("
	"  (SELECT value FROM answers WHERE assessment_uuid = a.uuid AND deleted = 0"
	"   AND name IN ('visit_date', 'da_start') ORDER BY name DESC LIMIT 1),"
	"  date(coalesce(a.finished_at, a.started_at) / 1000, 'unixepoch'))"
	" FROM org_roles r JOIN assessments a ON a.uuid = r.assessment_uuid AND a.deleted = 0"
	" JOIN facilities f ON f.uuid = a.facility_uuid"
	" WHERE r.org_uuid = ?1 AND r.deleted = 0)"
	" SELECT role, what, coalesce(day, '') FROM p"
	" WHERE (?2 = '' OR day >= ?2) AND (?3 = '' OR day <= ?3) ORDER BY day, role, what";

int orgs_parts(struct sx_db *db, const char *org_uuid, const char *from, const char *to,
	       struct org_part **out, size_t *n, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, parts_sql, err);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, org_uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, from ? from : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, to ? to : "", -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct org_part *p;
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		p = &(*out)[(*n)++];
		p->role = xstrdup((const char *)sqlite3_column_text(st, 0));
		p->what = xstrdup((const char *)sqlite3_column_text(st, 1));
		snprintf(p->date, sizeof p->date, "%s", (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

void orgs_parts_free(struct org_part *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(p[i].role);
		free(p[i].what);
	}
	free(p);
}

int orgs_network(struct sx_db *db, const char *from, const char *to, struct orgs_entry **out,
		 size_t *n, struct sx_err *err)
{
	struct org *list;
	size_t k;

	*out = NULL;
	*n = 0;
	if (orgs_list(db, NULL, &list, &k, err) != 0)
		return -1;
	*out = xcalloc(k ? k : 1, sizeof **out);
	for (size_t i = 0; i < k; i++) {
		struct orgs_entry *e = &(*out)[i];
		e->org = list[i];
		if (orgs_parts(db, e->org.uuid, from, to, &e->parts, &e->nparts, err) != 0) {
			for (size_t j = i + 1; j < k; j++)
				org_clear(&list[j]);
			*n = i + 1;
			free(list);
			orgs_network_free(*out, *n);
			*out = NULL;
			*n = 0;
			return -1;
		}
	}
	*n = k;
	free(list);
	return 0;
}

void orgs_network_free(struct orgs_entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		org_clear(&e[i].org);
		orgs_parts_free(e[i].parts, e[i].nparts);
	}
	free(e);
}

char *orgs_session_names(struct sx_db *db, const char *session_uuid, const char *role)
{
	struct sx_err e = {0};
	sqlite3_stmt *st = db_stmt(db, "SELECT o.name FROM org_roles r JOIN organisations o"
		" ON o.uuid = r.org_uuid AND o.deleted = 0 WHERE r.session_uuid = ?1 AND r.role = ?2"
		" AND r.deleted = 0 ORDER BY o.sort_key", &e);
	char *out = NULL;

	sx_err_clear(&e);
	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, session_uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		char *next = out ? xasprintf("%s, %s", out, name) : xstrdup(name);
		free(out);
		out = next;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return out;
}
