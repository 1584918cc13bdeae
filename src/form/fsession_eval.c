/* fsession_eval.c — evaluation context (repeat instances), calculations,
 * the expanded item list. */
#include <stdlib.h>
#include <string.h>

#include "form/fsession_int.h"
#include "base/mem.h"
#include "base/num.h"

/* What the expression callbacks see. */
struct ctx {
	struct fsession *s;
	const char *prefix;   /* the item's repeat context, e.g. "a[1]/b[2]/" */
	size_t plen;          /* its length */
	char buf[512];        /* path being built */
};

size_t fs_prefix_len(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? (size_t)(slash - path) + 1 : 0;
}

/* Instance of repeat rep in the context, or 0 when the context is outside it. */
static long instance_in(const struct ctx *c, const char *rep)
{
	size_t n = strlen(rep);
	const char *p = c->prefix, *end = c->prefix + c->plen;
	while (p < end) {
		const char *seg_end = memchr(p, '/', (size_t)(end - p));
		if (!seg_end)
			break;
		if ((size_t)(seg_end - p) > n && strncmp(p, rep, n) == 0 && p[n] == '[')
			return strtol(p + n + 1, NULL, 10);
		p = seg_end + 1;
	}
	return 0;
}

/* Path of node i seen from the context: its repeats at the context's
 * instances (or the first), except those named in over[] which take
 * idx[]; then its name, or with count_key the innermost repeat's "rep[]"
 * key (node i being that repeat). */
static const char *path_over(struct ctx *c, int i, const char *const *over, const long *idx,
			     size_t nover, int count_key)
{
	const struct xform *f = c->s->f;
	int chain[16], n = 0;
	size_t len = 0;

	if (count_key)
		chain[n++] = i;
	for (int r = xform_repeat_of(f, i); r >= 0 && n < 16; r = xform_repeat_of(f, r))
		chain[n++] = r;
	c->buf[0] = '\0';
	for (int k = n - 1; k >= 0; k--) {
		const char *name = f->nodes[chain[k]].name;
		long at = instance_in(c, name);
		for (size_t o = 0; o < nover; o++)
			if (strcmp(over[o], name) == 0)
				at = idx[o];
		if (k == 0 && count_key) {
			snprintf(c->buf + len, sizeof c->buf - len, "%s[]", name);
			return c->buf;
		}
		len += (size_t)snprintf(c->buf + len, sizeof c->buf - len, "%s[%ld]/", name,
					at ? at : 1);
		if (len >= sizeof c->buf)
			return "";
	}
	snprintf(c->buf + len, sizeof c->buf - len, "%s", f->nodes[i].name);
	return c->buf;
}

/* The value at path as expressions see it: empty when not relevant. */
static const char *visible(struct ctx *c, const char *path)
{
	return fs_path_relevant(c->s, path) ? fs_get(c->s, path) : "";
}

static const char *cb_lookup(void *arg, const char *name)
{
	struct ctx *c = arg;
	int i = xform_find(c->s->f, name);
	return i < 0 ? NULL : visible(c, path_over(c, i, NULL, NULL, 0, 0));
}

/* The innermost repeat of node i that the context is not inside, or -1:
 * the repeat whose instances ${i} stands for (pyxform makes a reference
 * within the same repeat relative, so there it is one value). */
static int spread_repeat(const struct ctx *c, int i)
{
	int r = xform_repeat_of(c->s->f, i);
	return r >= 0 && !instance_in(c, c->s->f->nodes[r].name) ? r : -1;
}

/* 1 when entry `at` of repeat node r, seen from the context, is relevant
 * (its relevant and its groups'; JavaRosa leaves non-relevant nodes out
 * of nodesets).  A relevant that counts its own repeat would recurse: past
 * a few levels an entry counts as relevant. */
static int entry_relevant(struct ctx *c, int r, long at)
{
	const char *name = c->s->f->nodes[r].name;
	char path[520];
	int rel;

	if (c->s->depth > 3)
		return 1;
	snprintf(path, sizeof path, "%s", path_over(c, r, &name, &at, 1, 1));
	path[strlen(path) - 1] = '\0'; /* "outer[1]/rep[]" -> "outer[1]/rep[" */
	snprintf(path + strlen(path), sizeof path - strlen(path), "%ld]/.", at);
	c->s->depth++;
	rel = fs_node_relevant(c->s, r, path);
	c->s->depth--;
	return rel;
}

/* The instance number (from 1) of the k-th (from 0) relevant node that
 * ${name} stands for, or with k = -1 how many there are. */
static long relevant_nodes(struct ctx *c, int i, long k)
{
	int r = c->s->f->nodes[i].type == XFT_REPEAT ? i : spread_repeat(c, i);
	const char *rname;
	long n, found = 0;

	if (r < 0) /* one node: the field itself */
		return k < 0 ? fs_path_relevant(c->s, path_over(c, i, NULL, NULL, 0, 0)) : 1;
	rname = c->s->f->nodes[r].name;
	n = (long)fs_count_of(c->s, path_over(c, r, NULL, NULL, 0, 1));
	for (long at = 1; at <= n; at++) {
		int rel = r == i ? entry_relevant(c, r, at)
				 : fs_path_relevant(c->s, path_over(c, i, &rname, &at, 1, 0));
		if (rel && found++ == k)
			return at;
	}
	return k < 0 ? found : 0;
}

static size_t cb_count(void *arg, const char *name)
{
	struct ctx *c = arg;
	int i = xform_find(c->s->f, name);
	return i < 0 ? 0 : (size_t)relevant_nodes(c, i, -1);
}

static const char *cb_nth(void *arg, const char *name, size_t k)
{
	struct ctx *c = arg;
	int i = xform_find(c->s->f, name), r;
	long at;
	if (i < 0)
		return NULL;
	if ((r = spread_repeat(c, i)) < 0)
		return cb_lookup(arg, name);
	if ((at = relevant_nodes(c, i, (long)k)) == 0)
		return "";
	return visible(c, path_over(c, i, (const char *const[]){ c->s->f->nodes[r].name }, &at,
				    1, 0));
}

static int cb_type(void *arg, const char *name)
{
	struct ctx *c = arg;
	int i = xform_find(c->s->f, name);
	return i < 0 ? EXR_STR : fs_rtype(c->s->f->nodes[i].type);
}

static long cb_position(void *arg)
{
	struct ctx *c = arg;
	const char *p = c->prefix, *br = NULL;
	for (const char *q = p; q < p + c->plen; q++)
		if (*q == '[')
			br = q;
	return br ? strtol(br + 1, NULL, 10) : 0;
}

static const char *cb_indexed(void *arg, const char *field, const char *const *reps,
			      const long *idx, size_t n)
{
	struct ctx *c = arg;
	int i = xform_find(c->s->f, field);
	return i < 0 ? NULL : visible(c, path_over(c, i, reps, idx, n, 0));
}

static const char *cb_choice_label(void *arg, const char *field, const char *value)
{
	struct ctx *c = arg;
	int i = xform_find(c->s->f, field), l;
	if (i < 0 || (l = c->s->f->nodes[i].list) < 0)
		return NULL;
	for (size_t k = 0; k < c->s->f->lists[l].n; k++)
		if (strcmp(c->s->f->lists[l].c[k].name, value) == 0)
			return xform_text(c->s->f, &c->s->f->lists[l].c[k].label, c->s->lang);
	return NULL;
}

int fs_rtype(enum xform_type t)
{
	switch (t) {
	case XFT_INTEGER:
	case XFT_DECIMAL:
		return EXR_NUM;
	case XFT_DATE:
	case XFT_TODAY:
		return EXR_DATE;
	case XFT_DATETIME:
	case XFT_START:
	case XFT_END:
		return EXR_DATETIME;
	case XFT_CALCULATE:
		return EXR_AUTO;
	default:
		return EXR_STR;
	}
}

static void env_for(struct ctx *c, struct expr_env *env, struct fsession *s, const char *path,
		    const char *dot)
{
	int node = fs_node_of(s, path);
	c->s = s;
	c->prefix = path;
	c->plen = fs_prefix_len(path);
	memset(env, 0, sizeof *env);
	env->lookup = cb_lookup;
	env->count = cb_count;
	env->nth = cb_nth;
	env->type = cb_type;
	env->position = cb_position;
	env->indexed = cb_indexed;
	env->choice_label = cb_choice_label;
	env->dot = dot;
	env->dot_type = node >= 0 ? fs_rtype(s->f->nodes[node].type) : EXR_STR;
	env->now_ms = s->now_ms;
	env->tz_min = 7 * 60;   /* Indochina Time, no daylight saving */
	env->arg = c;
}

char *fs_eval(struct fsession *s, const struct expr *e, const char *path, const char *dot)
{
	struct ctx c;
	struct expr_env env;
	env_for(&c, &env, s, path, dot);
	return expr_eval(e, &env);
}

int fs_eval_bool(struct fsession *s, const struct expr *e, const char *path, const char *dot)
{
	struct ctx c;
	struct expr_env env;
	env_for(&c, &env, s, path, dot);
	return expr_eval_bool(e, &env);
}

/* Repeats whose repeat_count says how many entries they have: bring the
 * stored counts in line (and the expanded items with them).  A count
 * depends on answers, and answers inside may feed other counts: a few
 * rounds settle it. */
static void fixed_counts(struct fsession *s)
{
	for (int round = 0; round < 4; round++) {
		size_t n;
		const struct fs_item *it = fs_items(s, &n);
		int changed = 0;
		for (size_t i = 0; i < n && !changed; i++) {
			const struct xform_node *node = &s->f->nodes[it[i].node];
			char *v, *key, num[24];
			double want;
			if (node->type != XFT_REPEAT || !node->repeat_count)
				continue;
			v = fs_eval(s, node->repeat_count, it[i].path, "");
			want = expr_to_num(v);
			free(v);
			want = want >= 0 && want <= 1000 ? (double)(long)want : 0;
			snprintf(num, sizeof num, "%ld", (long)want);
			key = xasprintf("%s[]", it[i].path);
			if (fs_store(s, key, want > 0 ? num : NULL)) {
				s->items_stale = 1;
				changed = 1;
			}
			free(key);
		}
		if (!changed)
			return;
	}
}

/* Local ISO date and time of the clock at ms, as now() writes it. */
static char *clock_text(long long ms, int date_only)
{
	static const struct expr *now_e, *today_e;
	struct expr_env env = { .now_ms = ms, .tz_min = 7 * 60 };
	if (!now_e) {
		now_e = expr_parse("now()", NULL, 0, NULL);
		today_e = expr_parse("today()", NULL, 0, NULL);
	}
	return expr_eval(date_only ? today_e : now_e, &env);
}

/* Metadata questions: start, today, deviceid and username once; end is
 * left to fs_finish(), as JavaRosa fills it only when the form is
 * finalised. */
static int fill_meta(struct fsession *s, const struct fs_item *it, size_t n)
{
	int changed = 0;
	for (size_t i = 0; i < n; i++) {
		enum xform_type t = s->f->nodes[it[i].node].type;
		char *v = NULL;
		if (t < XFT_START || t == XFT_END || *fs_get(s, it[i].path))
			continue;
		if (t == XFT_START || t == XFT_TODAY)
			v = clock_text(s->now_ms, t == XFT_TODAY);
		else
			v = xstrdup(t == XFT_DEVICEID ? s->deviceid : s->username);
		changed |= fs_store(s, it[i].path, v);
		free(v);
	}
	return changed;
}

void fs_finish(struct fsession *s, long long now_ms)
{
	size_t n;
	const struct fs_item *it = fs_items(s, &n);
	char *v = clock_text(now_ms, 0);

	for (size_t i = 0; i < n; i++)
		if (s->f->nodes[it[i].node].type == XFT_END)
			fs_store(s, it[i].path, v);
	free(v);
	fs_recalc(s);
}

void fs_meta(struct fsession *s, const char *deviceid, const char *username)
{
	if (deviceid)
		snprintf(s->deviceid, sizeof s->deviceid, "%s", deviceid);
	if (username)
		snprintf(s->username, sizeof s->username, "%s", username);
	fs_recalc(s);
}

void fs_recalc(struct fsession *s)
{
	size_t n;
	const struct fs_item *it;

	fixed_counts(s);
	it = fs_items(s, &n);
	fill_meta(s, it, n);

	/* Calculations may depend on later ones, and on relevance that
	 * depends on them: repeat until nothing moves (a cycle stops after a
	 * bounded number of passes). */
	for (int pass = 0; pass < 16; pass++) {
		int changed = 0;
		if (!s->rel_valid)
			fs_refresh_relevance(s);
		for (size_t i = 0; i < n; i++) {
			const struct xform_node *node = &s->f->nodes[it[i].node];
			char *v;
			if (node->type != XFT_CALCULATE || !node->calculation)
				continue;
			v = fs_eval(s, node->calculation, it[i].path, fs_get(s, it[i].path));
			changed |= fs_store(s, it[i].path, v);
			free(v);
		}
		if (!changed)
			break;
	}
}

void fs_defaults_under(struct fsession *s, const char *prefix)
{
	size_t n, plen = strlen(prefix);
	const struct fs_item *it = fs_items(s, &n);

	for (size_t i = 0; i < n; i++) {
		if (strncmp(it[i].path, prefix, plen) != 0)
			continue;
		const struct xform_node *node = &s->f->nodes[it[i].node];
		char *v = NULL;
		if (*fs_get(s, it[i].path) || node->type == XFT_CALCULATE || node->type == XFT_REPEAT)
			continue;
		if (node->default_expr)
			v = fs_eval(s, node->default_expr, it[i].path, "");
		else if (node->default_value)
			v = xstrdup(node->default_value);
		if (v)
			fs_store(s, it[i].path, v);
		free(v);
	}
	fs_recalc(s);
}

void fs_defaults(struct fsession *s)
{
	fs_defaults_under(s, "");
}

/* A number as people of the session's language read it: "21600000000" ->
 * "21 600 000 000" with no-break spaces (a space is neither a decimal mark
 * in Vietnamese nor in English, and no line break falls inside), "3.75" ->
 * "3,75" in Vietnamese (base/num.h).  Only values of numeric questions and
 * calculations in canonical form are rewritten; codes and phone numbers
 * (a leading 0) and other text stay as they are.  Writes into buf (len
 * bytes) and returns it, or returns v. */
static const char *grouped(const struct fsession *s, int node, const char *v, char *buf, size_t len)
{
	enum xform_type t = node >= 0 ? s->f->nodes[node].type : XFT_TEXT;
	const char *digits = v + (*v == '-');
	size_t n = strspn(digits, "0123456789");
	double d;

	if ((t != XFT_INTEGER && t != XFT_DECIMAL && t != XFT_CALCULATE) || !n ||
	    (digits[0] == '0' && n > 1) || (digits[n] && (digits[n] != '.' ||
	    strspn(digits + n + 1, "0123456789") != strlen(digits + n + 1))) ||
	    num_parse_mark(v, '.', &d) != NUM_OK)
		return v;
	num_write_lang(d, s->lang, 5, buf, len);
	return buf;
}

char *fs_interpolate(struct fsession *s, const char *text, const char *path)
{
	struct ctx c = { .s = s, .prefix = path, .plen = fs_prefix_len(path) };
	size_t cap = strlen(text) + 64, len = 0;
	char *out = xmalloc(cap), num[96];

	for (const char *p = text; *p; ) {
		const char *close = p[0] == '$' && p[1] == '{' ? strchr(p, '}') : NULL;
		const char *v = NULL;
		size_t vlen;
		if (close && (size_t)(close - p - 2) < 200) {
			char name[200];
			memcpy(name, p + 2, (size_t)(close - p - 2));
			name[close - p - 2] = '\0';
			v = cb_lookup(&c, name);
			if (v)
				v = grouped(s, xform_find(s->f, name), v, num, sizeof num);
		}
		vlen = v ? strlen(v) : 1;
		if (len + vlen + 1 > cap) {
			cap = (len + vlen + 1) * 2;
			out = xrealloc(out, cap);
		}
		if (v) {
			memcpy(out + len, v, vlen);
			p = close + 1;
		} else {
			out[len] = *p++;
		}
		len += vlen;
	}
	out[len] = '\0';
	return out;
}

/* A choice being filtered: the column callback reads its cells. */
struct filter_ctx {
	struct ctx c;                  /* must be first: the lookups use it */
	const struct xform_choice *ch; /* the choice */
	const char *label;             /* its label in the session's language */
};

static const char *cb_column(void *arg, const char *name)
{
	struct filter_ctx *fc = arg;
	if (strcmp(name, "name") == 0)
		return fc->ch->name;
	if (strcmp(name, "label") == 0)
		return fc->label;
	return xform_choice_extra(fc->ch, name);
}

size_t *fs_choices(struct fsession *s, size_t i, size_t *n)
{
	size_t count;
	const struct fs_item *it = fs_items(s, &count);
	const struct xform_node *node = i < count ? &s->f->nodes[it[i].node] : NULL;
	const struct xform_list *l;
	struct filter_ctx fc = { .c = { .s = s } };
	struct expr_env env;
	size_t *out;

	*n = 0;
	if (!node || node->list < 0)
		return xcalloc(1, sizeof *out);
	l = &s->f->lists[node->list];
	out = xcalloc(l->n + 1, sizeof *out);
	env_for(&fc.c, &env, s, it[i].path, fs_get(s, it[i].path));
	env.column = cb_column;
	env.arg = &fc;
	for (size_t k = 0; k < l->n; k++) {
		fc.ch = &l->c[k];
		fc.label = xform_text(s->f, &l->c[k].label, s->lang);
		if (!node->choice_filter || expr_eval_bool(node->choice_filter, &env))
			out[(*n)++] = k;
	}
	return out;
}
