/* test_xlsform.c — the XLSForm loader: good forms (as the XLSForm docs write
 * them), spreadsheet variants (BOM, CRLF, ;), and every broken form in
 * tests/forms/broken/ against its .expected messages. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "t.h"
#include "base/err.h"
#include "form/expr.h"
#include "form/xlsform.h"
#include "base/mem.h"

/* A rapid-assessment fragment: settings, two languages, a field-list group,
 * selects with a choice_filter and benchmark columns, a repeat, calculations. */
static const char good_form[] =
	"survey,,,,,,,,,,,\n"
	",type,name,label::Tiếng Việt (vi),label::English (en),hint::vi,required,constraint,"
	"constraint_message::English (en),relevant,calculation,appearance\n"
	",begin group,facility,Cơ sở,Facility,,,,,,,field-list\n"
	",text,fac_name,Tên cơ sở,Facility name,\"Ví dụ: Công ty A, xã B\",yes,,,,,\n"
	",select_one sectors,sector,Ngành,Sector,,true(),,,,,minimal\n"
	",select_one products,product,Sản phẩm,Product,,,,,,,\n"
	",integer,workers,Số lao động,Workers,,,. >= 0 and . < 100000,Must be 0 to 99999,,,\n"
	",date,visit_date,Ngày khảo sát,Visit date,,TRUE,. <= today(),,,,\n"
	",end group,,,,,,,,,,\n"
	",decimal,output_t,Sản lượng (tấn),Output (t),,,. > 0,,,,\n"
	",decimal,water_m3,Nước (m³),Water (m3),,${output_t} != '',,,${output_t} > 0,,\n"
	",calculate,water_per_t,,,,,,,,\"if(${output_t} > 0, round(${water_m3} div ${output_t}, 2), '')\",\n"
	",note,water_note,Định mức nước: ${water_per_t} m³/t,Water use: ${water_per_t} m3/t,,,,,${water_per_t} != '',,\n"
	",begin_repeat,options,Giải pháp,Options,,,,,,,\n"
	",text,option_name,Tên giải pháp,Option,,yes,,,,,\n"
	",decimal,saving,Tiết kiệm (triệu đồng/năm),Saving (million VND/yr),,,,,,,\n"
	",end_repeat,,,,,,,,,,\n"
	",calculate,total_saving,,,,,,,,sum(${saving}),\n"
	",calculate,n_options,,,,,,,,count(${options}),\n"
	",acknowledge,agree,Đồng ý,I agree,,,,,count(${options}) > 0,,\n"
	"\n"
	"choices,,,,\n"
	",list_name,name,label::Tiếng Việt (vi),label::English (en),sector,water_benchmark\n"
	",sectors,cassava,Tinh bột sắn,Cassava starch,,\n"
	",sectors,coffee,Cà phê,Coffee,,\n"
	",products,starch,Tinh bột,Starch,cassava,12\n"
	",products,green_bean,Cà phê nhân,Green bean,coffee,4.5\n"
	"settings,,,,\n"
	",form_id,form_title,version,default_language,instance_name\n"
	",rapid_cp,Đánh giá nhanh SXSH,2024010101,Tiếng Việt (vi),\"concat(${fac_name}, ' ', ${visit_date})\"\n";

static struct xform *load_str(const char *name, const char *s, size_t len, struct sx_err *e)
{
	struct xform *f = xform_load_mem(name, s, len, e);
	if (!f)
		sx_err_print(e, stderr);
	return f;
}

static const char *lookup(void *arg, const char *name)
{
	(void)arg;
	if (strcmp(name, "output_t") == 0)
		return "200";
	if (strcmp(name, "water_m3") == 0)
		return "2500";
	return "";
}

static void check_good(const struct xform *f)
{
	int i;

	CHECK_INT(f->nnodes, 16);
	CHECK_STR(f->settings.form_id, "rapid_cp");
	CHECK_STR(f->settings.default_lang, "vi");
	CHECK_STR(f->settings.version, "2024010101");
	CHECK(f->settings.instance_name != NULL);
	i = xform_find(f, "facility");
	CHECK_INT(i, 0);
	CHECK_INT(f->nodes[0].type, XFT_GROUP);
	CHECK_INT(f->nodes[0].end, 6);
	CHECK_STR(f->nodes[0].appearance, "field-list");
	i = xform_find(f, "fac_name");
	CHECK_INT(i, 1);
	CHECK_INT(f->nodes[i].parent, 0);
	CHECK_INT(f->nodes[i].depth, 1);
	CHECK_INT(f->nodes[i].required, 1);
	CHECK_INT(f->nodes[i].line, 4);
	CHECK_STR(xform_text(f, &f->nodes[i].label, "en"), "Facility name");
	CHECK_STR(xform_text(f, &f->nodes[i].label, "vi"), "Tên cơ sở");
	CHECK_STR(xform_text(f, &f->nodes[i].label, "fr"), "Tên cơ sở"); /* default language */
	CHECK_STR(xform_text(f, &f->nodes[i].hint, "en"), "Ví dụ: Công ty A, xã B"); /* any */
	CHECK_STR(xform_text(f, &f->nodes[0].hint, "en"), "");
	i = xform_find(f, "sector");
	CHECK_INT(f->nodes[i].type, XFT_SELECT_ONE);
	CHECK_INT(f->nodes[i].required, 1);
	CHECK_STR(f->nodes[i].appearance, "minimal");
	CHECK(f->nodes[i].list >= 0);
	if (f->nodes[i].list >= 0) {
		const struct xform_list *l = &f->lists[f->nodes[i].list];
		CHECK_STR(l->name, "sectors");
		CHECK_INT(l->n, 2);
		CHECK_STR(xform_text(f, &l->c[1].label, "en"), "Coffee");
	}
	i = xform_list_find(f, "products");
	CHECK(i >= 0);
	if (i >= 0) {
		CHECK_STR(xform_choice_extra(&f->lists[i].c[1], "water_benchmark"), "4.5");
		CHECK_STR(xform_choice_extra(&f->lists[i].c[0], "sector"), "cassava");
		CHECK(xform_choice_extra(&f->lists[i].c[0], "nothing") == NULL);
	}
	i = xform_find(f, "workers");
	CHECK(f->nodes[i].constraint != NULL);
	CHECK_STR(xform_text(f, &f->nodes[i].constraint_msg, "vi"), "Must be 0 to 99999");
	CHECK_INT(f->nodes[xform_find(f, "visit_date")].required, 1);
	i = xform_find(f, "water_m3");
	CHECK_INT(f->nodes[i].parent, -1);
	CHECK_INT(f->nodes[i].required, 0);
	CHECK(f->nodes[i].required_if != NULL);
	CHECK(f->nodes[i].relevant != NULL);
	i = xform_find(f, "water_per_t");
	CHECK_INT(f->nodes[i].type, XFT_CALCULATE);
	if (f->nodes[i].calculation) {
		struct expr_env env = { .lookup = lookup };
		char *v = expr_eval(f->nodes[i].calculation, &env);
		CHECK_STR(v, "12.5");
		free(v);
	}
	i = xform_find(f, "saving");
	CHECK_INT(xform_repeat_of(f, i), xform_find(f, "options"));
	CHECK_INT(xform_repeat_of(f, xform_find(f, "fac_name")), -1);
	CHECK_INT(f->nodes[xform_find(f, "options")].end, i + 1);
	CHECK_INT(f->nodes[xform_find(f, "agree")].type, XFT_ACKNOWLEDGE);
	CHECK_INT(xform_find(f, "nope"), -1);
	CHECK_STR(xform_type_name(XFT_SELECT_MULTIPLE), "select_multiple");
}

static void test_good(void)
{
	struct sx_err e = { 0 };
	struct xform *f = load_str("good.csv", good_form, sizeof good_form - 1, &e);

	CHECK(f != NULL);
	CHECK_INT(sx_err_count(&e), 0);
	if (f)
		check_good(f);
	xform_free(f);
	sx_err_clear(&e);
}

/* What Excel on Windows saves: a byte-order mark and CRLF line ends. */
static void test_bom_crlf(void)
{
	size_t n = sizeof good_form - 1, k = 3;
	char *s = xmalloc(2 * n + 4);
	struct sx_err e = { 0 };
	struct xform *f;

	memcpy(s, "\xEF\xBB\xBF", 3);
	for (size_t i = 0; i < n; i++) {
		if (good_form[i] == '\n')
			s[k++] = '\r';
		s[k++] = good_form[i];
	}
	f = load_str("crlf.csv", s, k, &e);
	CHECK(f != NULL);
	if (f)
		check_good(f);
	xform_free(f);
	sx_err_clear(&e);
	free(s);
}

/* The smallest form as the XLSForm docs start it, loaded from a file, with
 * columns in another order and label/hint without languages. */
static void test_file_minimal(void)
{
	static const char text[] =
		"settings\n,form_id\n,hello\n"
		"survey\n,name,label,type,hint,default\n"
		",age,How old are you?,integer,,18\n"
		",today_is,Today,date,,today()\n"
		",name_q,\"Your name, please\",text,\"Two\nlines\",Nguyễn (vi)\n";
	char path[] = "/tmp/sxsh-xlsform-XXXXXX";
	int fd = mkstemp(path);
	struct sx_err e = { 0 };
	struct xform *f = NULL;

	CHECK(fd >= 0);
	if (fd < 0)
		return;
	CHECK(write(fd, text, sizeof text - 1) == (ssize_t)(sizeof text - 1));
	close(fd);
	f = xform_load(path, &e);
	CHECK(f != NULL);
	if (f) {
		CHECK_INT(f->nnodes, 3);
		CHECK_STR(xform_text(f, &f->nodes[0].label, "vi"), "How old are you?");
		CHECK_STR(f->nodes[0].default_value, "18");
		CHECK(f->nodes[1].default_expr != NULL);
		CHECK(f->nodes[1].default_value == NULL);
		CHECK_STR(f->nodes[2].default_value, "Nguyễn (vi)");
		CHECK_STR(xform_text(f, &f->nodes[2].label, NULL), "Your name, please");
		CHECK_STR(xform_text(f, &f->nodes[2].hint, "en"), "Two\nlines");
		CHECK_INT(f->nodes[2].line, 8);
		CHECK(f->settings.default_lang == NULL);
	}
	xform_free(f);
	sx_err_clear(&e);
	unlink(path);
	f = xform_load("/nonexistent/form.csv", &e);
	CHECK(f == NULL);
	CHECK_INT(sx_err_count(&e), 1);
	sx_err_clear(&e);
}

static void test_semicolon(void)
{
	static const char text[] =
		"survey;;;\n;type;name;label::vi;choice_filter\n"
		";select_one d;district;Huyện;\n"
		";select_one c;commune;Xã;district = ${district}\n"
		"choices;;;;\n;list_name;name;label::vi;district\n"
		";d;moc_chau;Mộc Châu;\n;c;chieng_son;Chiềng Sơn;moc_chau\n"
		"settings\n;form_id\n;places\n";
	struct sx_err e = { 0 };
	struct xform *f = load_str("semi.csv", text, sizeof text - 1, &e);

	CHECK(f != NULL);
	if (f) {
		CHECK_INT(f->nnodes, 2);
		CHECK(f->nodes[1].choice_filter != NULL);
		CHECK_INT(f->nlists, 2);
		CHECK_STR(xform_text(f, &f->lists[1].c[0].label, "vi"), "Chiềng Sơn");
	}
	xform_free(f);
	sx_err_clear(&e);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, got;

	if (!fp)
		return NULL;
	do {
		if (n + 4096 > cap)
			buf = xrealloc(buf, cap = cap * 2 + 8192);
		got = fread(buf + n, 1, cap - n - 1, fp);
		n += got;
	} while (got > 0);
	fclose(fp);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static char *joined(const struct sx_err *e)
{
	char *s = xstrdup("");

	for (size_t i = 0; i < e->n; i++) {
		char *t = xasprintf("%s%s\n", s, e->msgs[i]);
		free(s);
		s = t;
	}
	return s;
}

static int by_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* One broken form: refused, with exactly the messages in NAME.expected. */
static void check_broken(const char *dir, const char *file)
{
	char *path = xasprintf("%s/%s", dir, file);
	char *exp_path = xasprintf("%.*s.expected", (int)(strlen(path) - 4), path);
	size_t len, elen;
	char *buf = slurp(path, &len), *want = slurp(exp_path, &elen), *got;
	struct sx_err e = { 0 };
	struct xform *f;

	CHECK(buf != NULL);
	CHECK(want != NULL);
	if (buf && want) {
		f = xform_load_mem(file, buf, len, &e);
		CHECK(f == NULL);
		CHECK(sx_err_count(&e) > 0);
		got = joined(&e);
		if (strcmp(got, want) != 0) {
			t_failures++;
			fprintf(stderr, "%s: messages differ\n--- got\n%s--- want\n%s", path, got, want);
		}
		free(got);
		xform_free(f);
	}
	sx_err_clear(&e);
	free(buf);
	free(want);
	free(path);
	free(exp_path);
}

static void test_broken(void)
{
	const char *dir = "tests/forms/broken";
	char *alt = xasprintf("%s/tests/forms/broken", SXSH_SRCDIR);
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0;

	if (!d) {
		dir = alt; /* run from elsewhere than the repository root */
		d = opendir(dir);
	}
	CHECK(d != NULL);
	if (!d) {
		free(alt);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);
		if (l > 4 && strcmp(de->d_name + l - 4, ".csv") == 0) {
			names = xreallocarray(names, n + 1, sizeof *names);
			names[n++] = xstrdup(de->d_name);
		}
	}
	closedir(d);
	qsort(names, n, sizeof *names, by_str);
	CHECK(n >= 15); /* an emptied directory must not pass silently */
	for (size_t i = 0; i < n; i++) {
		check_broken(dir, names[i]);
		free(names[i]);
	}
	free(names);
	free(alt);
}

T_SUITE(xlsform) {
	{ "xlsform/good", test_good },
	{ "xlsform/bom_crlf", test_bom_crlf },
	{ "xlsform/file_minimal", test_file_minimal },
	{ "xlsform/semicolon", test_semicolon },
	{ "xlsform/broken", test_broken },
	{ 0 }
};
