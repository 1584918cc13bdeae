/* test_busy.c — a write refused because another connection holds the write lock is told
 * apart from other failures (issue 10 §4: the interface keeps such a change and saves it
 * later, and must not mistake a validation error for a busy database). */
#include <sqlite3.h>
#include <string.h>

#include "db/db.h"
#include "records/facility.h"
#include "t.h"
#include "t_db.h"

static void test_busy_and_not(void)
{
	char path[256];
	struct sx_db *db = t_db_fresh(path, sizeof path);
	struct sx_err err = {0};
	struct facility f;
	sqlite3 *other = NULL;

	if (!db)
		return;
	memset(&f, 0, sizeof f);
	f.name = (char *)"Xưởng chè Tà Xùa";
	CHECK_INT(facility_save(db, &f, &err), 0);
	CHECK_INT(db_busy(db), 0);
	/* A second connection, as a long import in another sxsh, takes the write lock. */
	CHECK_INT(sqlite3_open(path, &other), SQLITE_OK);
	CHECK_INT(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	db_set_busy_ms(db, 50);
	CHECK_INT(db_busy_ms(db), 50);
	f.note = (char *)"Đã lắp đồng hồ nước";
	CHECK_INT(facility_save(db, &f, &err), -1);
	CHECK_INT(db_busy(db), 1);
	/* A refusal for another reason right after is not "busy". */
	f.name = (char *)"  ";
	CHECK_INT(facility_save(db, &f, &err), -1);
	CHECK_INT(db_busy(db), 0);
	/* Once the lock is released the same record saves. */
	f.name = (char *)"Xưởng chè Tà Xùa";
	CHECK_INT(sqlite3_exec(other, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	CHECK_INT(facility_save(db, &f, &err), 0);
	CHECK_INT(db_busy(db), 0);
	sqlite3_close(other);
	sx_err_clear(&err);
	f.name = f.note = NULL;
	facility_clear(&f);
	t_db_gone(db, path);
}

T_SUITE(busy) {
	{ "busy/busy_and_not", test_busy_and_not },
	{ 0 }
};
