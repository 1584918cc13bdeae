/* test_people.c — saving people, search, and the likely-duplicate rule. */
#include <stdlib.h>
#include <unistd.h>

#include "t.h"
#include "t_db.h"
#include "db/db.h"
#include "records/people.h"

static void add(struct sx_db *db, const char *name, int year, const char *phone, char uuid[37])
{
	struct sx_err e = {0};
	struct person p = {0};
	p.full_name = (char *)name;
	p.birth_year = year;
	p.phone = (char *)phone;
	CHECK_INT(person_save(db, &p, &e), 0);
	snprintf(uuid, 37, "%s", p.uuid);
	sx_err_clear(&e);
}

static void test_phone_key(void)
{
	char *k;
	k = people_phone_key("+84 912-345 678");
	CHECK_STR(k, "0912345678");
	free(k);
	k = people_phone_key("0912.345.678");
	CHECK_STR(k, "0912345678");
	free(k);
	k = people_phone_key("0084912345678");
	CHECK_STR(k, "0912345678");
	free(k);
	k = people_phone_key("12");     /* too short to compare */
	CHECK_STR(k, "");
	free(k);
	k = people_phone_key(NULL);
	CHECK_STR(k, "");
	free(k);
}

static void test_likely_same(void)
{
	/* Same folded name and same year: likely the same, whatever the accents. */
	CHECK(people_likely_same("Nguyễn Văn An", 1985, "", "NGUYEN VAN AN", 1985, NULL));
	/* Decomposed input and đ/d fold alike. */
	CHECK(people_likely_same("Đinh Thị Hoa", 1990, NULL, "Dinh Thi Hoa", 1990, NULL));
	CHECK(people_likely_same("Nguye\xcc\x82\xcc\x83n Văn An", 1985, NULL,
				 "Nguyễn Văn An", 1985, NULL));
	/* Same name, same phone written differently, unknown year. */
	CHECK(people_likely_same("Lò Văn Minh", 0, "+84 912 345 678", "Lò Văn Minh", 0,
				 "0912345678"));
	/* Same name only: not enough. */
	CHECK(!people_likely_same("Lò Văn Minh", 1980, "0912345678", "Lò Văn Minh", 1981,
				  "0987654321"));
	/* Unknown years and empty phones never match each other. */
	CHECK(!people_likely_same("Lò Văn Minh", 0, "", "Lò Văn Minh", 0, ""));
	/* Names differing only in a tone mark fold alike (a typing slip). */
	CHECK(people_likely_same("Lò Văn Minh", 1980, NULL, "Lò Văn Mình", 1980, NULL));
	/* Same year, different name: not the same person. */
	CHECK(!people_likely_same("Lò Văn Minh", 1980, "", "Lò Văn Nam", 1980, ""));
	CHECK(!people_likely_same("", 1980, "", "", 1980, ""));
}

static void test_save_and_search(void)
{
	char path[64], a[37], b[37], c[37];
	struct sx_err e = {0};
	struct person_row *rows;
	struct person p;
	struct sx_db *db = t_db_fresh(path, sizeof path);
	long n;

	if (!db)
		return;
	add(db, "  Nguyễn Văn An ", 1985, "0912345678", a);
	add(db, "Đặng Thị Bình", 1990, NULL, b);
	add(db, "Âu Văn Cường", 0, NULL, c);
	CHECK_INT(person_get(db, a, &p, &e), 0);
	CHECK_STR(p.full_name, "Nguyễn Văn An");   /* trimmed */
	CHECK_INT(p.birth_year, 1985);
	CHECK(p.gender == NULL);
	person_clear(&p);
	/* Diacritic-insensitive, "d" finds "Đ". */
	n = people_search(db, "dang binh", 10, &rows, &e);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(rows[0].uuid, b);
	people_rows_free(rows, n > 0 ? (size_t)n : 0);
	/* Vietnamese order: Âu < Đặng < Nguyễn. */
	n = people_search(db, "", 10, &rows, &e);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_STR(rows[0].full_name, "Âu Văn Cường");
		CHECK_STR(rows[1].full_name, "Đặng Thị Bình");
		CHECK_STR(rows[2].full_name, "Nguyễn Văn An");
	}
	people_rows_free(rows, n > 0 ? (size_t)n : 0);
	/* A limit stops the list; a bad year and a blank name are refused. */
	n = people_search(db, "", 2, &rows, &e);
	CHECK_INT(n, 2);
	people_rows_free(rows, n > 0 ? (size_t)n : 0);
	memset(&p, 0, sizeof p);
	p.full_name = (char *)"  ";
	CHECK_INT(person_save(db, &p, &e), -1);
	CHECK_STR(sx_err_last(&e), "a person needs a full name");
	p.full_name = (char *)"X";
	p.birth_year = 85;
	CHECK_INT(person_save(db, &p, &e), -1);
	/* Deleted people leave the search. */
	CHECK_INT(person_delete(db, c, &e), 0);
	n = people_search(db, "cuong", 10, &rows, &e);
	CHECK_INT(n, 0);
	people_rows_free(rows, 0);
	t_db_gone(db, path);
	sx_err_clear(&e);
}

static void test_duplicates(void)
{
	char path[64], a[37], b[37], c[37];
	struct sx_err e = {0};
	struct person_row *rows;
	struct sx_db *db = t_db_fresh(path, sizeof path);
	long n;

	if (!db)
		return;
	add(db, "Nguyễn Văn An", 1985, NULL, a);
	add(db, "Nguyễn Văn An", 1992, "0912 345 678", b);
	add(db, "Nguyễn Văn Anh", 1985, NULL, c);
	/* Typed without accents, same year as a: only a. */
	n = people_duplicates(db, "nguyen van an", 1985, NULL, NULL, 10, &rows, &e);
	CHECK_INT(n, 1);
	if (n == 1) {
		CHECK_STR(rows[0].uuid, a);
		CHECK_INT(rows[0].likely_dup, 1);
	}
	people_rows_free(rows, n > 0 ? (size_t)n : 0);
	/* Same phone as b (written another way), no year. */
	n = people_duplicates(db, "Nguyễn Văn An", 0, "+84912345678", NULL, 10, &rows, &e);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(rows[0].uuid, b);
	people_rows_free(rows, n > 0 ? (size_t)n : 0);
	/* Both, unless one is the person being edited. */
	n = people_duplicates(db, "Nguyễn Văn An", 1985, "0912345678", NULL, 10, &rows, &e);
	CHECK_INT(n, 2);
	people_rows_free(rows, n > 0 ? (size_t)n : 0);
	n = people_duplicates(db, "Nguyễn Văn An", 1985, "0912345678", a, 10, &rows, &e);
	CHECK_INT(n, 1);
	people_rows_free(rows, n > 0 ? (size_t)n : 0);
	/* Name alone, or another year: none. */
	n = people_duplicates(db, "Nguyễn Văn An", 0, NULL, NULL, 10, &rows, &e);
	CHECK_INT(n, 0);
	people_rows_free(rows, n > 0 ? (size_t)n : 0);
	n = people_duplicates(db, "Nguyễn Văn An", 1970, NULL, NULL, 10, &rows, &e);
	CHECK_INT(n, 0);
	people_rows_free(rows, n > 0 ? (size_t)n : 0);
	CHECK_INT(sx_err_count(&e), 0);
	t_db_gone(db, path);
	sx_err_clear(&e);
}

T_SUITE(people) {
	{ "people/phone_key", test_phone_key },
	{ "people/likely_same", test_likely_same },
	{ "people/save_search", test_save_and_search },
	{ "people/duplicates", test_duplicates },
	{ 0 }
};
