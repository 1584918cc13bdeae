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

/* Instance of repeat rep in the context, or 1 when the context is outside it. */
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
	return 1;
}

/* Path of node i seen from the context: its repeats at the context's
 * instances (or the first), then its name; with last_index >= 1 the
 * innermost repeat takes that instance instead, and with count_key the
 * result is the innermost repeat's "rep[]" key. */
static const char *path_of(struct ctx *c, int i, long last_index, int count_key)
{
	const struct xform *f = c->s->f;
	int chain[16], n = 0;
	size_t len = 0;

	for (int r = xform_repeat_of(f, i); r >= 0 && n < 16; r = xform_repeat_of(f, r))
		chain[n++] = r;
	c->buf[0] = '\0';
	for (int k = n - 1; k >= 0; k--) {
		const char *name = f->nodes[chain[k]].name;
		long idx = k == 0 && last_index >= 1 ? last_index : instance_in(c, name);
		if (k == 0 && count_key) {
			snprintf(c->buf + len, sizeof c->buf - len, "%s[]", name);
			return c->buf;
		}
		len += (size_t)snprintf(c->buf + len, sizeof c->buf - len, "%s[%ld]/", name, idx);
		if (len >= sizeof c->buf)
			return "";
	}
	snprintf(c->buf + len, sizeof c->buf - len, "%s", f->nodes[i].name);
	return c->buf;
}

static const char *cb_lookup(void *arg, const char *name)
{
	struct ctx *c = arg;
	int i = xform_find(c->s->f, name);
	return i < 0 ? NULL : fs_get(c->s, path_of(c, i, 0, 0));
}

static size_t cb_count(void *arg, const char *name)
{
	struct ctx *c = arg;
	int i = xform_find(c->s->f, name);
	if (i < 0 || xform_repeat_of(c->s->f, i) < 0)
		return i < 0 ? 0 : 1;
	return fs_count_of(c->s, path_of(c, i, 0, 1));
}

static const char *cb_nth(void *arg, const char *name, size_t k)
{
	struct ctx *c = arg;
	int i = xform_find(c->s->f, name);
	if (i < 0)
		return NULL;
	if (xform_repeat_of(c->s->f, i) < 0)
		return fs_get(c->s, name);
	return fs_get(c->s, path_of(c, i, (long)k + 1, 0));
}

static void env_for(struct ctx *c, struct expr_env *env, struct fsession *s, const char *path,
		    const char *dot)
{
	c->s = s;
	c->prefix = path;
	c->plen = fs_prefix_len(path);
	memset(env, 0, sizeof *env);
	env->lookup = cb_lookup;
	env->count = cb_count;
	env->nth = cb_nth;
	env->dot = dot;
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

void fs_recalc(struct fsession *s)
{
	size_t n;
	const struct fs_item *it;

	fixed_counts(s);
	it = fs_items(s, &n);

	/* Calculations may depend on later ones: repeat until nothing moves
	 * (a cycle stops after a bounded number of passes). */
	for (int pass = 0; pass < 16; pass++) {
		int changed = 0;
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
