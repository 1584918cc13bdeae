/* test_suggest.c — completing free text (assess/suggest.h): which phrase continues what the
 * officer typed, a word at a time; the common observations of forms/data/observations.csv;
 * earlier answers to the same question. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "t.h"
#include "t_db.h"
#include "assess/suggest.h"
#include "form/xlsform.h"

/* The continuation offered for typed, as UTF-8 in out. */
static const char *cont(const struct suggest *s, const wchar_t *typed, char out[512])
{
	wchar_t w[256];
	suggest_complete(s, typed, w, 256);
	wcstombs(out, w, 512);
	return out;
}

/* The UI runs in a UTF-8 locale (main.c): so do these tests; the old locale back after. */
static char *utf8_locale(void)
{
	char *old = strdup(setlocale(LC_CTYPE, NULL));
	CHECK(setlocale(LC_CTYPE, "C.UTF-8") != NULL);
	return old;
}

static void locale_back(char *old)
{
	setlocale(LC_CTYPE, old);
	free(old);
}

static void test_complete(void)
{
	struct suggest s = {0};
	char out[512], *old = utf8_locale();

	/* Two phrases of one text: split at the comma. */
	suggest_add(&s, "Sửa rò rỉ, khoá van nước và tắt máy khi nghỉ");
	suggest_add(&s, "Bã sắn để lộ thiên và bốc mùi");
	suggest_add(&s, "Bã sắn để lộ thiên và bốc mùi");   /* kept once */
	CHECK_INT(s.n, 3);
	CHECK_STR(cont(&s, L"B", out), "ã sắn để lộ thiên và bốc mùi");
	/* Case and marks do not matter; the officer's own letters stay. */
	CHECK_STR(cont(&s, L"ba san", out), " để lộ thiên và bốc mùi");
	CHECK_STR(cont(&s, L"KHOA V", out), "an nước và tắt máy khi nghỉ");
	/* A phrase continues a later word of the text too ("tắt máy" after the officer's own). */
	CHECK_STR(cont(&s, L"Cần tắt m", out), "áy khi nghỉ");
	/* Nothing after a blank, for a single letter inside the text, or when no phrase fits. */
	CHECK_STR(cont(&s, L"Bã ", out), "");
	CHECK_STR(cont(&s, L"Cần t", out), "");
	CHECK_STR(cont(&s, L"Không có", out), "");
	/* A word at a time: the blanks before it and the word. */
	CHECK_INT(suggest_word(L" sắn để"), 4);
	CHECK_INT(suggest_word(L"ã sắn"), 1);
	CHECK_INT(suggest_word(L"; mùi"), 5);
	suggest_free(&s);
	CHECK_INT(s.n, 0);
	locale_back(old);
}

/* 1 when the form's choice list called list has a choice called name. */
static int form_has_choice(const struct xform *f, const char *list, const char *name)
{
	int l = xform_list_find(f, list);
	for (size_t i = 0; l >= 0 && i < f->lists[l].n; i++)
		if (strcmp(f->lists[l].c[i].name, name) == 0)
			return 1;
	return 0;
}

/* 1 when the form's question name is free text. */
static int is_text(const struct xform *f, const char *name)
{
	int i = xform_find(f, name);
	return i >= 0 && f->nodes[i].type == XFT_TEXT;
}

static void test_observations(void)
{
	struct sx_err e = {0};
	char **v, **en, formpath[512];
	size_t n, m;
	struct xform *f;

	CHECK_INT(suggest_observations(SXSH_SRCDIR, "cassava", "d_waste_pile_note", "vi", &v, &n, &e), 0);
	CHECK_INT(n, 2);
	if (n == 2)
		CHECK_STR(v[0], "Bã sắn để lộ thiên và bốc mùi");
	suggest_strv_free(v);
	CHECK_INT(suggest_observations(SXSH_SRCDIR, "cassava", "d_waste_pile_note", "en", &v, &n, &e), 0);
	if (n)
		CHECK_STR(v[0], "Pulp heaped in the open and smelling");
	suggest_strv_free(v);
	/* The other sectors of the form's sector list have theirs; a sector the form
	 * does not have has none. */
	CHECK_INT(suggest_observations(SXSH_SRCDIR, "sugar", "d_leaks_note", "vi", &v, &n, &e), 0);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(v[0], "Rò rỉ nước mía và mật ở bơm và đường ống");
	suggest_strv_free(v);
	CHECK_INT(suggest_observations(SXSH_SRCDIR, "coffee_wet", "d_waste_pile_note", "en", &v, &n,
				       &e), 0);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(v[0], "Pulp left in the open and not composted");
	suggest_strv_free(v);
	CHECK_INT(suggest_observations(SXSH_SRCDIR, "other", NULL, "vi", &v, &n, &e), 0);
	CHECK_INT(n, 0);
	suggest_strv_free(v);
	/* Every row answers a free-text question of the rapid form, in both languages. */
	snprintf(formpath, sizeof formpath, "%s/forms/rapid_assessment.csv", SXSH_SRCDIR);
	f = xform_load(formpath, &e);
	CHECK(f != NULL);
	static const char *const questions[] = { "complaint_note", "emission_note",
		"d_water_idle_note", "d_leaks_note", "d_steam_note", "d_raw_loss_note", "d_spill_note",
		"d_drain_screen_note", "d_idle_equipment_note", "d_meters_note", "d_waste_pile_note",
		"d_safety_note", "findings" };
	static const struct { const char *sector; size_t rows; } sectors[] = {
		{ "cassava", 26 }, { "coffee_wet", 15 }, { "coffee_dry", 8 }, { "sugar", 16 } };
	for (size_t k = 0; k < sizeof sectors / sizeof sectors[0]; k++) {
		const char *sector = sectors[k].sector;
		size_t total = 0;
		CHECK_INT(suggest_observations(SXSH_SRCDIR, sector, NULL, "vi", &v, &n, &e), 0);
		CHECK_INT(suggest_observations(SXSH_SRCDIR, sector, NULL, "en", &en, &m, &e), 0);
		CHECK_INT(n, sectors[k].rows);
		CHECK_INT(m, n);
		suggest_strv_free(v);
		suggest_strv_free(en);
		for (size_t q = 0; f && q < sizeof questions / sizeof questions[0]; q++) {
			CHECK(is_text(f, questions[q]));
			CHECK_INT(suggest_observations(SXSH_SRCDIR, sector, questions[q], "vi", &v, &n,
						       &e), 0);
			total += n;
			suggest_strv_free(v);
		}
		CHECK_INT(total, sectors[k].rows);   /* no row for a question the form lacks */
		CHECK(f == NULL || form_has_choice(f, "sector", sector));
	}
	xform_free(f);
	CHECK_INT(sx_err_count(&e), 0);
	sx_err_clear(&e);
}

static void test_answers(void)
{
	char path[256], **v;
	size_t n;
	struct sx_err e = {0};
	struct sx_db *db = t_db_fresh(path, sizeof path);

	if (!db)
		return;
	CHECK_INT(db_exec(db,
		"INSERT INTO facilities (uuid, updated_at, origin, name) VALUES ('f1', 1, 'o', 'Nà Bó');"
		"INSERT INTO assessments (uuid, updated_at, origin, facility_uuid, kind, form_id,"
		" form_version, started_at) VALUES ('a1', 1, 'o', 'f1', 'rapid', 'sxsh_rapid', '1', 1),"
		" ('a2', 2, 'o', 'f1', 'rapid', 'sxsh_rapid', '1', 2),"
		" ('a3', 3, 'o', 'f1', 'rapid', 'sxsh_rapid', '1', 3);"
		"INSERT INTO answers (uuid, updated_at, origin, assessment_uuid, name, value) VALUES"
		" ('n1', 10, 'o', 'a1', 'd_leaks_note', 'Rò rỉ sữa bột ở bể lắng'),"
		" ('n2', 20, 'o', 'a2', 'd_leaks_note', 'Rò rỉ hơi ở nồi hơi'),"
		" ('n3', 30, 'o', 'a3', 'd_leaks_note', 'what this assessment says'),"
		" ('n4', 40, 'o', 'a2', 'd_spill_note', 'Bột rơi vãi'),"
		" ('n5', 50, 'o', 'a1', 'd_leaks_note2', ''),"
		" ('n6', 60, 'o', 'a1', 'findings', '')", &e), 0);
	/* The newest first, not the assessment asked from, only that question. */
	CHECK_INT(suggest_answers(db, "d_leaks_note", "a3", 10, &v, &n, &e), 0);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(v[0], "Rò rỉ hơi ở nồi hơi");
		CHECK_STR(v[1], "Rò rỉ sữa bột ở bể lắng");
		CHECK(v[2] == NULL);
	}
	suggest_strv_free(v);
	CHECK_INT(suggest_answers(db, "d_leaks_note", "a3", 1, &v, &n, &e), 0);
	CHECK_INT(n, 1);
	suggest_strv_free(v);
	/* Blank answers are no suggestion. */
	CHECK_INT(suggest_answers(db, "findings", "a3", 10, &v, &n, &e), 0);
	CHECK_INT(n, 0);
	suggest_strv_free(v);
	CHECK_INT(sx_err_count(&e), 0);
	sx_err_clear(&e);
	t_db_gone(db, path);
}

T_SUITE(suggest) {
	{ "assess/suggest_complete", test_complete },
	{ "assess/suggest_observations", test_observations },
	{ "assess/suggest_answers", test_answers },
	{ 0 },
};
