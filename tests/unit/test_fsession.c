/* test_fsession.c — the form session: relevance, calculations, repeats,
 * validation, completion. */
#include <stdlib.h>

#include "t.h"
#include "form/fsession.h"

static const char form_csv[] =
	"survey,type,name,label::English (en),label::Tiếng Việt (vi),relevant,calculation,"
	"constraint,constraint_message::English (en),required,default,appearance,choice_filter\n"
	",select_one sector,sector,Sector,Ngành,,,,,yes,,,\n"
	",decimal,water,Water (m3),Nước (m³),,,. >= 0,Must not be negative,,,,\n"
	",decimal,product,Product (t),Sản phẩm (t),,,. > 0,More than 0,yes,,,\n"
	",calculate,per_t,,,,\"if(${water} != '' and ${product} != '', round(${water} div ${product}, 2), '')\",,,,,,\n"
	",note,verdict,Water per tonne: ${per_t},Nước mỗi tấn: ${per_t},${sector} = 'cassava',,,,,,,\n"
	",begin_repeat,opts,Options,Giải pháp,,,,,,,,\n"
	",decimal,cost,Cost,Chi phí,,,,,,,,\n"
	",decimal,saving,Saving,Tiết kiệm,,,,,yes,0,,\n"
	",calculate,payback,,,,\"if(${saving} > 0, round(${cost} div ${saving}, 1), '')\",,,,,,\n"
	",end_repeat,,,,,,,,,,,\n"
	",calculate,total_saving,,,,sum(${saving}),,,,,,\n"
	",calculate,n_opts,,,,count(${cost}),,,,,,\n"
	",select_one step,step,Step,Công đoạn,,,,,,,,sector = ${sector}\n"
	"choices,list_name,name,label::English (en),label::Tiếng Việt (vi),sector\n"
	",sector,cassava,Cassava,Sắn,\n"
	",sector,sugar,Sugar,Mía,\n"
	",step,wash,Washing,Rửa,cassava\n"
	",step,dry,Drying,Sấy,cassava\n"
	",step,mill,Milling,Ép,sugar\n"
	"settings,form_id,version\n"
	",t_form,1\n";

static struct xform *load(void)
{
	struct sx_err e = {0};
	struct xform *f = xform_load_mem("t.csv", form_csv, sizeof form_csv - 1, &e);
	if (!f)
		sx_err_print(&e, stderr);
	sx_err_clear(&e);
	return f;
}

/* Index of the item with this path, or (size_t)-1. */
static size_t find_item(struct fsession *s, const char *path)
{
	size_t n;
	const struct fs_item *it = fs_items(s, &n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(it[i].path, path) == 0)
			return i;
	return (size_t)-1;
}

static void test_relevance_and_calculation(void)
{
	struct xform *f = load();
	struct fsession *s;
	char *label;
	CHECK(f != NULL);
	if (!f)
		return;
	s = fs_new(f, "en", 0);
	CHECK_INT(fs_relevant(s, find_item(s, "verdict")), 0);
	fs_set(s, "sector", "cassava");
	CHECK_INT(fs_relevant(s, find_item(s, "verdict")), 1);
	CHECK_STR(fs_get(s, "per_t"), "");
	fs_set(s, "water", "150");
	fs_set(s, "product", "12");
	CHECK_STR(fs_get(s, "per_t"), "12.5");
	label = fs_label(s, find_item(s, "verdict"));
	CHECK_STR(label, "Water per tonne: 12.5");
	free(label);
	/* Big whole numbers are grouped by threes in labels, not in answers. */
	fs_set(s, "water", "1500000");
	fs_set(s, "product", "1");
	CHECK_STR(fs_get(s, "per_t"), "1500000");
	label = fs_label(s, find_item(s, "verdict"));
	CHECK_STR(label, "Water per tonne: 1\xc2\xa0" "500\xc2\xa0" "000");
	free(label);
	fs_set(s, "water", "");
	CHECK_STR(fs_get(s, "per_t"), "");
	CHECK_INT(fs_set(s, "nosuch", "1"), -1);
	fs_free(s);
	xform_free(f);
}

static void test_repeats(void)
{
	struct xform *f = load();
	struct fsession *s;
	if (!f)
		return;
	s = fs_new(f, "vi", 0);
	CHECK_STR(fs_get(s, "n_opts"), "0");
	fs_set(s, "opts[2]/cost", "1000");   /* grows the repeat to 2 */
	CHECK_STR(fs_get(s, "opts[]"), "2");
	fs_set(s, "opts[1]/cost", "300");
	fs_set(s, "opts[1]/saving", "100");
	fs_set(s, "opts[2]/saving", "500");
	CHECK_STR(fs_get(s, "opts[1]/payback"), "3");
	CHECK_STR(fs_get(s, "opts[2]/payback"), "2");
	CHECK_STR(fs_get(s, "total_saving"), "600");
	CHECK_STR(fs_get(s, "n_opts"), "2");
	fs_repeat_add(s, find_item(s, "opts"));
	CHECK_STR(fs_get(s, "opts[]"), "3");
	CHECK_STR(fs_get(s, "opts[3]/saving"), "0");   /* the default */
	CHECK_INT(fs_repeat_remove(s, find_item(s, "opts"), 1, NULL, NULL), 0);
	CHECK_STR(fs_get(s, "opts[]"), "2");
	CHECK_STR(fs_get(s, "opts[1]/cost"), "1000");
	CHECK_STR(fs_get(s, "opts[1]/payback"), "2");
	CHECK_STR(fs_get(s, "opts[3]/cost"), "");
	CHECK_STR(fs_get(s, "total_saving"), "500");
	fs_free(s);
	xform_free(f);
}

static void test_validation_and_completion(void)
{
	struct xform *f = load();
	struct fsession *s;
	char msg[200];
	size_t first = 99, *ch, n;
	if (!f)
		return;
	s = fs_new(f, "en", 0);
	CHECK_INT(fs_check(s, find_item(s, "water"), "-3", msg, sizeof msg), -1);
	CHECK_STR(msg, "Must not be negative");
	CHECK_INT(fs_check(s, find_item(s, "water"), "abc", msg, sizeof msg), -1);
	CHECK_STR(msg, "Enter a number, such as 12.5.");
	CHECK_INT(fs_check(s, find_item(s, "water"), "", msg, sizeof msg), 0);
	CHECK_INT(fs_check(s, find_item(s, "product"), "", msg, sizeof msg), -1);
	CHECK_STR(msg, "This question needs an answer.");
	CHECK_INT(fs_check(s, find_item(s, "sector"), "coal", msg, sizeof msg), -1);
	CHECK_INT(fs_problems(s, &first), 2);     /* sector and product */
	CHECK_INT(first, find_item(s, "sector"));
	fs_set(s, "sector", "sugar");
	fs_set(s, "product", "5");
	CHECK_INT(fs_problems(s, NULL), 0);
	ch = fs_choices(s, find_item(s, "step"), &n);
	CHECK_INT(n, 1);
	CHECK_STR(fs_choice_label(s, find_item(s, "step"), ch[0]), "Milling");
	free(ch);
	fs_free(s);
	xform_free(f);
}

static void test_repeat_count(void)
{
	static const char csv[] =
		"survey,type,name,label,repeat_count,calculation\n"
		",integer,n_days,Days,,\n"
		",begin_repeat,days,Day,${n_days},\n"
		",integer,present,Present,,\n"
		",end_repeat,,,,\n"
		",calculate,total,,,sum(${present})\n"
		"settings,form_id\n"
		",rc\n";
	struct sx_err e = {0};
	struct xform *f = xform_load_mem("rc.csv", csv, sizeof csv - 1, &e);
	struct fsession *s;
	CHECK(f != NULL);
	if (!f) {
		sx_err_print(&e, stderr);
		sx_err_clear(&e);
		return;
	}
	s = fs_new(f, "en", 0);
	CHECK_STR(fs_get(s, "days[]"), "");
	fs_set(s, "n_days", "3");
	CHECK_STR(fs_get(s, "days[]"), "3");
	CHECK(find_item(s, "days[3]/present") != (size_t)-1);
	CHECK_INT(fs_repeat_fixed(s, find_item(s, "days")), 1);
	CHECK_INT(fs_repeat_add(s, find_item(s, "days")), -1);
	fs_set(s, "days[1]/present", "20");
	fs_set(s, "days[2]/present", "18");
	fs_set(s, "days[3]/present", "19");
	CHECK_STR(fs_get(s, "total"), "57");
	fs_set(s, "n_days", "2");
	CHECK_STR(fs_get(s, "days[]"), "2");
	CHECK(find_item(s, "days[3]/present") == (size_t)-1);
	CHECK_STR(fs_get(s, "total"), "38");
	fs_free(s);
	xform_free(f);
}

T_SUITE(fsession) {
	{ "fsession/repeat_count", test_repeat_count },
	{ "fsession/relevance_calc", test_relevance_and_calculation },
	{ "fsession/repeats", test_repeats },
	{ "fsession/validation", test_validation_and_completion },
	{ 0 }
};
