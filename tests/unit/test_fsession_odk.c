/* test_fsession_odk.c — the session behaves as ODK Collect (JavaRosa):
 * skipped answers read as empty, repeats aggregate over every entry, the
 * functions and types beyond the first subset, choice filters, defaults,
 * group prefixes in paths (issue 11 sections 1, 3 and 4). */
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "form/fsession.h"

static const char form_csv[] =
	"survey,type,name,label,relevant,calculation,constraint,default,choice_filter\n"
	",select_one yn,m,M,,,,,\n"
	",integer,w,W,${m} = 'yes',,,,\n"
	",calculate,c,,,${w} * 2,,,\n"
	",begin_group,g,G,${m} = 'yes',,,,\n"
	",integer,gw,GW,,,,,\n"
	",end_group,,,,,,,\n"
	",calculate,gc,,,\"coalesce(${gw}, 'none')\",,,\n"
	",integer,other,Other,,,. != ${w},,\n"
	",begin_repeat,rep,Rep,,,,,\n"
	",select_one yn,use,Use,,,,,\n"
	",decimal,amt,Amount,${use} = 'yes',,,,\n"
	",text,nm,Name,,,,,\n"
	",calculate,pos,,,position(..),,,\n"
	",end_repeat,,,,,,,\n"
	",calculate,total,,,sum(${amt}),,,\n"
	",calculate,n,,,count(${rep}),,,\n"
	",calculate,n_amt,,,count(${amt}),,,\n"
	",calculate,names,,,concat(${nm}),,,\n"
	",calculate,hi,,,max(${amt}),,,\n"
	",calculate,lo,,,min(${amt}),,,\n"
	",calculate,second,,,\"indexed-repeat(${nm}, ${rep}, 2)\",,,\n"
	",calculate,mlabel,,,\"jr:choice-name(${m}, '${m}')\",,,\n"
	",calculate,first_w,,,once(${w}),,,\n"
	",calculate,third,,,10 div 3,,,\n"
	",integer,dflt,D,,,,42,\n"
	",time,t,T,,,,,\n"
	",dateTime,dt,DT,,,,,\n"
	",start,st,,,,,,\n"
	",end,en,,,,,,\n"
	",today,td,,,,,,\n"
	",deviceid,dev,,,,,,\n"
	",username,usr,,,,,,\n"
	",select_one place,place,Place,,,,,side = ${m}\n"
	",begin_repeat,rp,RP,position(..) > 1,,,,\n"
	",integer,v,V,,,,,\n"
	",end_repeat,,,,,,,\n"
	",calculate,n_rp,,,count(${rp}),,,\n"
	",calculate,s_rp,,,sum(${v}),,,\n"
	"choices,list_name,name,label,side\n"
	",yn,yes,Yes,\n"
	",yn,no,No,\n"
	",place,a,A,yes\n"
	",place,b,B,no\n"
	"settings,form_id\n"
	",odk\n";

/* 2026-11-29T03:00:00Z: 10:00 in Sơn La. */
#define NOW 1795921200000LL

static struct fsession *start(struct xform **f)
{
	struct sx_err e = {0};
	*f = xform_load_mem("odk.csv", form_csv, sizeof form_csv - 1, &e);
	if (!*f)
		sx_err_print(&e, stderr);
	sx_err_clear(&e);
	return *f ? fs_new(*f, "", NOW) : NULL;
}

static size_t item_at(struct fsession *s, const char *path)
{
	size_t n;
	const struct fs_item *it = fs_items(s, &n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(it[i].path, path) == 0)
			return i;
	return (size_t)-1;
}

/* fs_check of value at path: 0 passes, -1 refused. */
static int check(struct fsession *s, const char *path, const char *value)
{
	char msg[256];
	return fs_check(s, item_at(s, path), value, msg, sizeof msg);
}

/* With m = no and the skipped w = 5, c = ${w} * 2 is empty in Collect. */
static void test_skipped_is_empty(void)
{
	struct xform *f;
	struct fsession *s = start(&f);
	CHECK(s != NULL);
	if (!s)
		return;
	fs_set(s, "m", "yes");
	fs_set(s, "w", "5");
	CHECK_STR(fs_get(s, "c"), "10");
	fs_set(s, "m", "no");
	CHECK_STR(fs_get(s, "w"), "5");     /* kept, as Collect keeps it */
	CHECK_STR(fs_get(s, "c"), "");      /* but read as empty */
	/* through a group's relevant */
	fs_set(s, "gw", "3");
	CHECK_STR(fs_get(s, "gc"), "none");
	fs_set(s, "m", "yes");
	CHECK_STR(fs_get(s, "gc"), "3");
	/* in a constraint: other != ${w} */
	CHECK_INT(check(s, "other", "5"), -1);
	fs_set(s, "m", "no");
	CHECK_INT(check(s, "other", "5"), 0);
	fs_free(s);
	xform_free(f);
}

static void test_repeat_aggregates(void)
{
	struct xform *f;
	struct fsession *s = start(&f);
	if (!s)
		return;
	fs_set(s, "rep[1]/use", "yes");
	fs_set(s, "rep[1]/amt", "10");
	fs_set(s, "rep[1]/nm", "A");
	fs_set(s, "rep[2]/use", "no");
	fs_set(s, "rep[2]/amt", "99");      /* skipped: left out of the sum */
	fs_set(s, "rep[2]/nm", "B");
	fs_set(s, "rep[3]/use", "yes");
	fs_set(s, "rep[3]/amt", "2.5");
	fs_set(s, "rep[3]/nm", "C");
	CHECK_STR(fs_get(s, "total"), "12.5");
	CHECK_STR(fs_get(s, "n"), "3");     /* count(${rep}): the entries */
	CHECK_STR(fs_get(s, "n_amt"), "2"); /* skipped nodes are left out of nodesets */
	CHECK_STR(fs_get(s, "names"), "ABC");
	CHECK_STR(fs_get(s, "hi"), "10");
	CHECK_STR(fs_get(s, "lo"), "2.5");
	CHECK_STR(fs_get(s, "second"), "B");
	CHECK_STR(fs_get(s, "rep[2]/pos"), "2");
	CHECK_STR(fs_get(s, "rep[3]/pos"), "3");
	fs_set(s, "rep[3]/amt", "");
	CHECK_STR(fs_get(s, "total"), "10"); /* sum of the others, not empty */
	/* a repeat whose first entry is not relevant, as in JavaRosa's
	 * TriggerableDagTest#non_relevant_nodes_are_excluded_from_nodeset_evaluation */
	fs_set(s, "rp[1]/v", "1");
	fs_set(s, "rp[2]/v", "2");
	fs_set(s, "rp[3]/v", "3");
	CHECK_STR(fs_get(s, "n_rp"), "2");
	CHECK_STR(fs_get(s, "s_rp"), "5");
	CHECK(!fs_relevant(s, item_at(s, "rp[1]/v")));
	CHECK(fs_relevant(s, item_at(s, "rp[2]/v")));
	fs_free(s);
	xform_free(f);
}

static void test_functions_and_types(void)
{
	struct xform *f;
	struct fsession *s = start(&f);
	if (!s)
		return;
	fs_set(s, "m", "yes");
	CHECK_STR(fs_get(s, "mlabel"), "Yes");
	fs_set(s, "w", "5");
	CHECK_STR(fs_get(s, "first_w"), "5");
	fs_set(s, "w", "6");
	CHECK_STR(fs_get(s, "first_w"), "5"); /* once() keeps the first value */
	CHECK_STR(fs_get(s, "third"), "3.3333333333333335");
	CHECK_INT(check(s, "t", "14:30"), 0);
	CHECK_INT(check(s, "t", "14:30:15.250+07:00"), 0);
	CHECK_INT(check(s, "t", "25:00"), -1);
	CHECK_INT(check(s, "dt", "2026-03-10T14:30:00.000+07:00"), 0);
	CHECK_INT(check(s, "dt", "2026-03-10"), -1);
	/* metadata, filled in automatically */
	CHECK_STR(fs_get(s, "st"), "2026-11-29T10:00:00.000+07:00");
	/* end: empty while filling, the time of finalising (JavaRosa's end
	 * preload is set on post-processing), a later finish the later time */
	CHECK_STR(fs_get(s, "en"), "");
	fs_set(s, "w", "7");
	CHECK_STR(fs_get(s, "en"), "");
	fs_finish(s, NOW + 25 * 60 * 1000);
	CHECK_STR(fs_get(s, "en"), "2026-11-29T10:25:00.000+07:00");
	CHECK_STR(fs_get(s, "st"), "2026-11-29T10:00:00.000+07:00");
	fs_set(s, "w", "8");
	CHECK_STR(fs_get(s, "en"), "2026-11-29T10:25:00.000+07:00");
	fs_finish(s, NOW + 3600 * 1000);
	CHECK_STR(fs_get(s, "en"), "2026-11-29T11:00:00.000+07:00");
	CHECK_STR(fs_get(s, "td"), "2026-11-29");
	CHECK_STR(fs_get(s, "dev"), "");
	fs_meta(s, "sxsh:0190abcd", "Lò Văn Minh");
	CHECK_STR(fs_get(s, "dev"), "sxsh:0190abcd");
	CHECK_STR(fs_get(s, "usr"), "Lò Văn Minh");
	CHECK(fs_read_only(s, item_at(s, "st")));
	fs_free(s);
	xform_free(f);
}

static void test_preview_rules(void)
{
	struct xform *f;
	struct fsession *s = start(&f);
	if (!s)
		return;
	/* default */
	CHECK_STR(fs_get(s, "dflt"), "");
	fs_defaults(s);
	CHECK_STR(fs_get(s, "dflt"), "42");
	/* a choice the choice_filter leaves out is refused */
	fs_set(s, "m", "yes");
	CHECK_INT(check(s, "place", "a"), 0);
	CHECK_INT(check(s, "place", "b"), -1);
	fs_set(s, "m", "no");
	CHECK_INT(check(s, "place", "b"), 0);
	/* paths with their groups */
	CHECK_INT(fs_set(s, "g/gw", "4"), 0);
	CHECK_STR(fs_get(s, "gw"), "4");
	CHECK_STR(fs_get(s, "g/gw"), "");
	CHECK_INT(fs_set(s, "nogroup/gw", "4"), -1);
	CHECK_INT(fs_set(s, "rep/nm", "X"), -1);       /* a repeat needs its [N] */
	CHECK_INT(fs_set(s, "g/rep[1]/nm", "X"), -1);  /* rep is not inside g */
	CHECK_INT(fs_set(s, "rep[1]/nm", "X"), 0);
	fs_free(s);
	xform_free(f);
}

T_SUITE(fsession_odk) {
	{ "fsession_odk/skipped_is_empty", test_skipped_is_empty },
	{ "fsession_odk/repeat_aggregates", test_repeat_aggregates },
	{ "fsession_odk/functions_and_types", test_functions_and_types },
	{ "fsession_odk/preview_rules", test_preview_rules },
	{ 0 }
};
