/* test_text.c — Vietnamese text: NFC, folding, matching, sorting, widths. */
#include <sqlite3.h>
#include <stdlib.h>
#include <utf8proc.h>

#include "t.h"
#include "base/text.h"

/* CHECK_STR on a returned string, then free it. */
#define CHECK_OWNED(expr, want) do { char *o_ = (expr); CHECK_STR(o_, want); free(o_); } while (0)

static void test_nfc(void)
{
	CHECK_OWNED(text_nfc("Nguye\xcc\x82\xcc\x83n"), "Nguy\xe1\xbb\x85n"); /* Nguyễn */
	CHECK_OWNED(text_nfc("Nguyễn Văn A"), "Nguyễn Văn A");
	CHECK_OWNED(text_nfc("a\xcc\xa3\xcc\x86"), "ặ");   /* dot below, breve */
	CHECK_OWNED(text_nfc("a\xcc\x86\xcc\xa3"), "ặ");   /* reordered canonically */
	CHECK_OWNED(text_nfc("D\xcc\x9b"), "D\xcc\x9b");    /* horn on D composes to nothing */
	CHECK_OWNED(text_nfc("plain ascii"), "plain ascii");
	CHECK_OWNED(text_nfc(""), "");
	CHECK(text_nfc("\xff") == NULL);
	CHECK(text_nfc("Hà \xc3") == NULL);           /* truncated sequence */
	CHECK(text_nfc("\xed\xa0\x80") == NULL);      /* surrogate */
	CHECK(text_nfc("\xc0\xaf") == NULL);          /* overlong '/' */
}

static void test_valid_utf8(void)
{
	const char *s = "Sản xuất";

	CHECK(text_valid_utf8(s, strlen(s)));
	CHECK(text_valid_utf8("", 0));
	CHECK(!text_valid_utf8(s, 2));                /* cuts "ả" in half */
	CHECK(text_valid_utf8(s, 4));
	CHECK(text_valid_utf8("a\0b", 3));
	CHECK(!text_valid_utf8("\xc0\xaf", 2));
	CHECK(!text_valid_utf8("\xe0\x80\xaf", 3));   /* overlong, three bytes */
	CHECK(!text_valid_utf8("\xed\xa0\x80", 3));
	CHECK(!text_valid_utf8("\xf4\x90\x80\x80", 4)); /* above U+10FFFF */
	CHECK(!text_valid_utf8("\x80", 1));
	CHECK(text_valid_utf8("\xf0\x9f\x98\x80", 4));  /* emoji */
}

static void test_trim(void)
{
	CHECK_OWNED(text_trim("  \t Hà Nội \xc2\xa0\n"), "Hà Nội");
	CHECK_OWNED(text_trim("\xe3\x80\x80x y\xe2\x80\x83"), "x y"); /* ideographic, em space */
	CHECK_OWNED(text_trim("   "), "");
	CHECK_OWNED(text_trim(""), "");
	CHECK_OWNED(text_trim("x"), "x");
	CHECK_OWNED(text_trim(" \xff "), "\xff"); /* invalid bytes are kept, not eaten */
}

static void test_fold(void)
{
	CHECK_OWNED(text_fold("Nguyễn Văn A"), "nguyen van a");
	CHECK_OWNED(text_fold("NGUYỄN VĂN A"), "nguyen van a");
	CHECK_OWNED(text_fold("nguyen van a"), "nguyen van a");
	CHECK_OWNED(text_fold("NGUYEN VAN A"), "nguyen van a");
	CHECK_OWNED(text_fold("Nguye\xcc\x82\xcc\x83n Va\xcc\x86n A"), "nguyen van a");
	CHECK_OWNED(text_fold("  Đặng \t Thị\xc2\xa0\xc2\xa0Đào  "), "dang thi dao");
	CHECK_OWNED(text_fold("ĐƯỜNG ĐỖ đá"), "duong do da");
	CHECK_OWNED(text_fold("Ắ Ơ Ư ắ ơ ư Ặ Ậ Ệ Ộ Ợ Ự Ỵ"), "a o u a o u a a e o o u y");
	CHECK_OWNED(text_fold("Sản xuất sạch hơn"), "san xuat sach hon");
	CHECK_OWNED(text_fold("co\xc2\xadop"), "coop");  /* soft hyphen dropped */
	CHECK_OWNED(text_fold("\xef\xbc\xa1\xef\xbc\xa2"), "ab"); /* full-width ＡＢ */
	CHECK_OWNED(text_fold(""), "");
	CHECK_OWNED(text_fold(" \t "), "");
	CHECK(text_fold("Hà\xff") == NULL);
}

static void test_match(void)
{
	char *hay = text_fold("Nguyễn Văn Đức");

	CHECK(text_match(hay, "van"));
	CHECK(text_match(hay, "nguyen duc"));
	CHECK(text_match(hay, "duc nguyen"));   /* word order does not matter */
	CHECK(text_match(hay, "uyen"));         /* substring, not only prefix */
	CHECK(text_match(hay, "  van   d "));
	CHECK(text_match(hay, ""));
	CHECK(!text_match(hay, "nguyen b"));
	CHECK(!text_match(hay, "dung"));
	CHECK(!text_match(NULL, "x"));
	CHECK(!text_match("ab", "abc"));
	CHECK(text_match("xx ab", "b"));
	free(hay);

	char *needle = text_fold("nguyễn ĐỨC");
	hay = text_fold("NGUYEN VAN DUC");
	CHECK(text_match(hay, needle));
	free(needle);
	free(hay);
}

static int cmp_vi(const void *a, const void *b)
{
	return text_cmp_vi(*(const char *const *)a, *(const char *const *)b);
}

static int cmp_bytes(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* want shuffled by a fixed Fisher-Yates, so every run tests the same order. */
static void shuffle(const char **v, const char *const *want, size_t n)
{
	unsigned x = 12345;

	for (size_t i = 0; i < n; i++)
		v[i] = want[i];
	for (size_t i = n; i > 1; i--) {
		x = x * 1103515245u + 12345u;
		size_t j = (x >> 8) % i;
		const char *t = v[i - 1];
		v[i - 1] = v[j];
		v[j] = t;
	}
}

/* Sort a shuffled want with text_cmp_vi and by stored keys; both must
 * give want back. */
static void check_sorts(const char *const *want, size_t n)
{
	const char *got[64];
	char *keys[64];

	shuffle(got, want, n);
	CHECK(n < 2 || memcmp(got, want, n * sizeof *got) != 0);
	qsort(got, n, sizeof got[0], cmp_vi);
	for (size_t i = 0; i < n; i++)
		CHECK_STR(got[i], want[i]);

	shuffle(got, want, n);
	for (size_t i = 0; i < n; i++)
		keys[i] = text_collate_key(got[i]);
	qsort(keys, n, sizeof keys[0], cmp_bytes);
	for (size_t i = 0; i < n; i++) {
		char *k = text_collate_key(want[i]);
		CHECK_STR(keys[i], k);
		free(k);
		free(keys[i]);
	}
}

static void test_sort_names(void)
{
	static const char *const names[] = {
		"An", "Ăn", "Âm", "Bình", "Chi", "Dũng", "Dương", "Đào", "Em", "Ê",
		"Giang", "Hà", "Hạ", "Ích", "Khánh", "Long", "Nga", "Ngà", "Oanh",
		"Ông", "Ơn", "Phúc", "Uyên", "Ưng", "Yến",
	};
	check_sorts(names, sizeof names / sizeof names[0]);
}

static void test_sort_tones(void)
{
	/* The Vietnam Lexicography Centre's order: ngang, huyền, hỏi, ngã, sắc, nặng. */
	static const char *const tones[] = {
		"a", "à", "ả", "ã", "á", "ạ", "ă", "ằ", "ẳ", "ẵ", "ắ", "ặ", "â", "ầ", "ẩ",
		"ẫ", "ấ", "ậ", "b", "d", "đ", "e", "è", "ê", "ệ", "o", "ô", "ơ", "ợ", "u",
		"ư", "ừ", "y", "ỳ", "ỵ",
	};
	check_sorts(tones, sizeof tones / sizeof tones[0]);
}

static void test_sort_syllables(void)
{
	/* Letters of a syllable first, then its tones, then the next syllable;
	 * a shorter block before a longer one it begins; lower case first. */
	static const char *const words[] = {
		"a", "A", "à", "ác", "ách", "ảng", "anh", "ba", "ba ba", "bà", "bà ba",
		"bả", "cha", "chan", "Lê Văn Z", "Lễ An", "Nguyễn Văn An",
		"Nguyễn Văn Anh", "Nguyễn Văn Ân", "nguyễn văn bình", "Nguyễn Văn Bình",
	};
	check_sorts(words, sizeof words / sizeof words[0]);
}

static void test_sort_other(void)
{
	/* Punctuation, then digits, then letters, then other scripts. */
	static const char *const mixed[] = {
		"", "(Hà)", "-", "1", "10", "2", "a", "a-b", "ab", "zz", "ß", "中",
	};
	check_sorts(mixed, sizeof mixed / sizeof mixed[0]);
}

static void test_collate_key(void)
{
	char *a = text_collate_key("Nguyễn Văn A");
	char *b = text_collate_key("Nguye\xcc\x82\xcc\x83n Va\xcc\x86n A");

	CHECK_STR(a, b);                          /* NFD and NFC: one key */
	CHECK(a && text_valid_utf8(a, strlen(a)));
	free(a);
	free(b);
	CHECK(text_collate_key("\xff") == NULL);
	CHECK(text_cmp_vi("Nguyễn", "Nguye\xcc\x82\xcc\x83n") == 0);
	CHECK(text_cmp_vi("Nguyễn", "nguyễn") > 0);
	CHECK(text_cmp_vi("An  Bình", "An Bình") != 0); /* only identical text ties */
	CHECK(text_cmp_vi("zzz", "\xff") < 0);          /* invalid UTF-8 last */
	CHECK(text_cmp_vi("\xff", "zzz") > 0);
	CHECK(text_cmp_vi("\xfe", "\xff") < 0);
}

static void test_collate_sqlite(void)
{
	static const char *const want[] = { "An", "Âm", "Bình", "Dũng", "Đào", "Hà", "Hạ", "Ưng" };
	static const char *const ins = "INSERT INTO t VALUES ('Hạ'),('Đào'),('Ưng'),('An'),"
				      "('Hà'),('Bình'),('Âm'),('Dũng')";
	sqlite3 *db;
	sqlite3_stmt *st;
	int i = 0;

	CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK);
	CHECK(sqlite3_create_collation(db, "vi", SQLITE_UTF8, NULL, text_collate_sqlite) == SQLITE_OK);
	CHECK(sqlite3_exec(db, "CREATE TABLE t(name TEXT)", NULL, NULL, NULL) == SQLITE_OK);
	CHECK(sqlite3_exec(db, ins, NULL, NULL, NULL) == SQLITE_OK);
	CHECK(sqlite3_prepare_v2(db, "SELECT name FROM t ORDER BY name COLLATE vi", -1, &st, NULL)
	      == SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW && i < 8)
		CHECK_STR((const char *)sqlite3_column_text(st, 0), want[i++]);
	CHECK_INT(i, 8);
	sqlite3_finalize(st);
	CHECK(sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE name = 'dào' COLLATE vi "
				 "OR name = '' COLLATE vi", -1, &st, NULL) == SQLITE_OK);
	CHECK(sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

static void test_width(void)
{
	CHECK_INT(strlen("Sản xuất sạch hơn"), 24);
	CHECK_INT(text_width("Sản xuất sạch hơn"), 17);
	CHECK_INT(text_width("Sa\xcc\x89n xua\xcc\x82\xcc\x81t"), 8); /* NFD: marks take none */
	CHECK_INT(text_width(""), 0);
	CHECK_INT(text_width("中文"), 4);
	CHECK_INT(text_width("a\xffz"), 3);
}

static void test_prefix_fit(void)
{
	CHECK_INT(text_prefix_bytes("Sản", 2), 4);
	CHECK_INT(text_prefix_bytes("Sa\xcc\x89n", 2), 4);     /* the mark stays with its a */
	CHECK_INT(text_prefix_bytes("Sa\xcc\x89n", 1), 1);
	CHECK_INT(text_prefix_bytes("中文", 3), 3);            /* no half a wide character */
	CHECK_INT(text_prefix_bytes("abc", 0), 0);
	CHECK_INT(text_prefix_bytes("abc", 10), 3);
	CHECK_OWNED(text_fit("Sản xuất sạch hơn", 17), "Sản xuất sạch hơn");
	CHECK_OWNED(text_fit("Sản xuất sạch hơn", 40), "Sản xuất sạch hơn");
	CHECK_OWNED(text_fit("Sản xuất sạch hơn", 16), "Sản xuất sạch h…");
	CHECK_OWNED(text_fit("Sản xuất sạch hơn", 10), "Sản xuất …");
	CHECK_OWNED(text_fit("Sản xuất sạch hơn", 1), "…");
	CHECK_OWNED(text_fit_left("Sản xuất sạch hơn", 17), "Sản xuất sạch hơn");
	CHECK_OWNED(text_fit_left("Sản xuất sạch hơn", 16), "…n xuất sạch hơn");
	CHECK_OWNED(text_fit_left("Sản xuất sạch hơn", 5), "… hơn");
	CHECK_OWNED(text_fit_left("Sản xuất sạch hơn", 1), "…");
	CHECK_OWNED(text_fit_left("Sản xuất sạch hơn", 0), "");
	/* A decomposed ơ (o + U+031B) stays whole: never a mark alone. */
	CHECK_OWNED(text_fit_left("ho\xcc\x9bn", 2), "…n");
	CHECK_OWNED(text_fit_left("xho\xcc\x9bn", 3), "…o\xcc\x9bn");
	CHECK_OWNED(text_fit("Sản xuất sạch hơn", 0), "");
	CHECK_OWNED(text_fit("中文字", 4), "中…");
	char *f = text_fit("Nguyễn Văn Anh", 8);
	CHECK_INT(text_width(f), 8);
	free(f);
}

static void test_printable(void)
{
	char *s = text_printable("L\xc3\xb2\x1b]0;x\x07\tA\nB\r\x7f\xc2\x9b\xe2\x80\xae\xff\xe2\x80\xa8.");
	/* ESC, BEL, DEL, C1 CSI, RIGHT-TO-LEFT OVERRIDE and a stray byte: U+FFFD;
	 * TAB, LF, CR and LINE SEPARATOR: a space. */
	CHECK_STR(s, "L\xc3\xb2\xef\xbf\xbd]0;x\xef\xbf\xbd A B \xef\xbf\xbd\xef\xbf\xbd"
		  "\xef\xbf\xbd\xef\xbf\xbd .");
	free(s);
	s = text_printable("Nguy\xe1\xbb\x85n V\xc4\x83n \xc4\x90\xe1\xbb\xa9" "c");
	CHECK_STR(s, "Nguy\xe1\xbb\x85n V\xc4\x83n \xc4\x90\xe1\xbb\xa9" "c");
	free(s);
}

/* File-name parts for the files the UI writes (issue 13): ASCII, readable. */
static void test_slug(void)
{
	char *s;
	CHECK_STR((s = text_slug("Tập huấn SXSH: Mai Sơn", 80)), "tap-huan-sxsh-mai-son");
	free(s);
	CHECK_STR((s = text_slug("  Đường/../\\ ĐẮK  ", 80)), "duong-dak");
	free(s);
	/* Cut at a word boundary, never mid-word. */
	CHECK_STR((s = text_slug("Sản xuất sạch hơn cho cơ sở chế biến", 20)), "san-xuat-sach-hon");
	free(s);
	CHECK_STR((s = text_slug("???", 80)), "");
	free(s);
	CHECK_STR((s = text_slug("abcdefghij", 4)), "abcd");
	free(s);
}

/* 1 when text_fold and text_collate_key give the same through their table
 * as through utf8proc for s (NULL both times included). */
static int same_both_ways(const char *s)
{
	char *f[2], *k[2];
	int same;

	for (int off = 0; off < 2; off++) {
		text_table_off(off);
		f[off] = text_fold(s);
		k[off] = text_collate_key(s);
	}
	text_table_off(0);
	same = (!f[0] == !f[1]) && (!f[0] || strcmp(f[0], f[1]) == 0) && (!k[0] == !k[1]) &&
	       (!k[0] || strcmp(k[0], k[1]) == 0);
	if (!same)
		fprintf(stderr, "differs for \"%s\"\n", s);
	free(f[0]), free(f[1]), free(k[0]), free(k[1]);
	return same;
}

static size_t put_cp(char *p, int32_t cp)
{
	return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)p);
}

/* The table of Latin decompositions against utf8proc: every code point it
 * covers alone, between letters and before a combining mark; random
 * strings of those, marks, spaces and other scripts; broken bytes.  And the
 * shortcuts of is_space / is_mark / is_invisible against Unicode's
 * categories as utf8proc has them. */
static void test_fold_table(void)
{
	static const int32_t other[] = { 0x0300, 0x0301, 0x0302, 0x0303, 0x0306, 0x0309, 0x031B,
		0x0323, 0x0345, 0x00A0, 0x2003, 0x200B, 0x00AD, 0xFEFF, 0x4E2D, 0x0E01, 0x01C4,
		0x1E9E, 0x0130, 0x212A, 0x1F600, 0x0110, 0x00F0, ' ', '\t', 'A', 'z', '0', '-' };
	char buf[64];
	unsigned seed = 7;
	int bad = 0;

	for (int32_t cp = 1; cp < 0x1F00 && bad < 5; cp = cp == 0x24F ? 0x1E00 : cp + 1) {
		size_t n = put_cp(buf, cp);
		buf[n] = '\0';
		bad += !same_both_ways(buf);
		n = 0;
		buf[n++] = 'X';
		n += put_cp(buf + n, cp);
		buf[n++] = 'b';
		n += put_cp(buf + n, cp);
		n += put_cp(buf + n, 0x0323);
		buf[n] = '\0';
		bad += !same_both_ways(buf);
	}
	for (int t = 0; t < 20000 && bad < 5; t++) {
		size_t n = 0, len = (seed = seed * 1103515245 + 12345) >> 16 & 7;
		for (size_t i = 0; i <= len; i++) {
			unsigned r = (seed = seed * 1103515245 + 12345) >> 8;
			int32_t cp = r % 3 == 0 ? other[(r >> 4) % (sizeof other / sizeof other[0])]
				   : r % 3 == 1 ? (int32_t)(1 + (r >> 4) % 0x24F)
				   : (int32_t)(0x1E00 + (r >> 4) % 0x100);
			n += put_cp(buf + n, cp);
		}
		buf[n] = '\0';
		bad += !same_both_ways(buf);
	}
	bad += !same_both_ways("Nguy\xe1\xbb");             /* cut inside a character */
	bad += !same_both_ways("a\xc9\x90" "b");               /* U+0250, past the table */
	bad += !same_both_ways("\xc0\xaf \xed\xa0\x80"); /* overlong, surrogate */
	CHECK_INT(bad, 0);
	for (int32_t cp = 0; cp < 0x370; cp++) {
		utf8proc_category_t c = utf8proc_category(cp);
		int mark = c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC ||
			   c == UTF8PROC_CATEGORY_ME;
		CHECK(mark == (cp >= 0x300));
		if (cp < 0x80 && cp != ' ')
			CHECK(c != UTF8PROC_CATEGORY_ZS && c != UTF8PROC_CATEGORY_ZL &&
			      c != UTF8PROC_CATEGORY_ZP && c != UTF8PROC_CATEGORY_CF);
		if (cp < 0x80)
			CHECK((c == UTF8PROC_CATEGORY_CC) == (cp < 0x20 || cp == 0x7F));
	}
}

T_SUITE(text) {
	{ "text/slug", test_slug },
	{ "text/printable", test_printable },
	{ "text/nfc", test_nfc },
	{ "text/valid_utf8", test_valid_utf8 },
	{ "text/trim", test_trim },
	{ "text/fold", test_fold },
	{ "text/fold_table", test_fold_table },
	{ "text/match", test_match },
	{ "text/sort_names", test_sort_names },
	{ "text/sort_tones", test_sort_tones },
	{ "text/sort_syllables", test_sort_syllables },
	{ "text/sort_other", test_sort_other },
	{ "text/collate_key", test_collate_key },
	{ "text/collate_sqlite", test_collate_sqlite },
	{ "text/width", test_width },
	{ "text/prefix_fit", test_prefix_fit },
	{ 0 }
};
