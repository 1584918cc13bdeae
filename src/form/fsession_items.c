/* fsession_items.c — the expanded item list, relevance, repeats, labels. */
#include <stdlib.h>
#include <string.h>

#include "form/fsession_int.h"
#include "base/date.h"
#include "base/mem.h"
#include "base/num.h"

void fs_free_items(struct fsession *s)
{
	for (size_t i = 0; i < s->nitems; i++)
		free(s->items[i].path);
	free(s->items);
	free(s->rel);
	free(s->by_path);
	s->items = NULL;
	s->rel = NULL;
	s->by_path = NULL;
	s->nitems = s->capitems = 0;
	s->rel_valid = 0;
}

/* qsort over item indices by path; the session comes through sort_s. */
static const struct fsession *sort_s;
static int by_path_cmp(const void *a, const void *b)
{
	return strcmp(sort_s->items[*(const size_t *)a].path, sort_s->items[*(const size_t *)b].path);
}

long fs_item_at(const struct fsession *s, const char *path)
{
	size_t lo = 0, hi = s->by_path ? s->nitems : 0;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(s->items[s->by_path[mid]].path, path);
		if (c == 0)
			return (long)s->by_path[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

int fs_path_relevant(const struct fsession *s, const char *path)
{
	long i = fs_item_at(s, path);
	return i < 0 || !s->rel || s->rel[i];
}

void fs_refresh_relevance(struct fsession *s)
{
	/* Lookups read the cache while it is rebuilt; a few rounds settle
	 * relevance that depends on later (or skipped) questions. */
	for (int round = 0; round < 8; round++) {
		int changed = 0;
		for (size_t i = 0; i < s->nitems; i++) {
			unsigned char r = (unsigned char)fs_compute_relevant(s, i);
			changed |= r != s->rel[i];
			s->rel[i] = r;
		}
		if (!changed)
			break;
	}
	s->rel_valid = 1;
}

static void add_item(struct fsession *s, int node, const char *path, int group, int page)
{
	struct fs_item *it;
	if (s->nitems == s->capitems) {
		s->capitems = s->capitems ? s->capitems * 2 : 64;
		s->items = xreallocarray(s->items, s->capitems, sizeof *s->items);
	}
	it = &s->items[s->nitems++];
	it->node = node;
	it->path = xstrdup(path);
	it->group = group;
	it->page = page;
}

static int is_field_list(const struct xform_node *n)
{
	return n->appearance && strstr(n->appearance, "field-list") != NULL;
}

/* Expand nodes (first, end) under a repeat prefix; page < 0 outside a
 * field-list group (then every item gets its own page). */
static void expand(struct fsession *s, size_t first, size_t end, const char *prefix,
		   int group, int page, int *next_page)
{
	for (size_t i = first; i < end; ) {
		const struct xform_node *n = &s->f->nodes[i];
		char *path = xasprintf("%s%s", prefix, n->name);
		if (n->type == XFT_GROUP) {
			int pg = page >= 0 ? page : is_field_list(n) ? (*next_page)++ : -1;
			expand(s, i + 1, (size_t)n->end, prefix, (int)i, pg, next_page);
		} else if (n->type == XFT_REPEAT) {
			char *key = xasprintf("%s[]", path);
			size_t count = fs_count_of(s, key);
			for (size_t k = 1; k <= count; k++) {
				char *pre = xasprintf("%s[%zu]/", path, k);
				int pg = page >= 0 ? page : is_field_list(n) ? (*next_page)++ : -1;
				expand(s, i + 1, (size_t)n->end, pre, (int)i, pg, next_page);
				free(pre);
			}
			free(key);
			add_item(s, (int)i, path, group, page >= 0 ? page : (*next_page)++);
		} else {
			add_item(s, (int)i, path, group, page >= 0 ? page : (*next_page)++);
		}
		free(path);
		i = n->end > (int)i ? (size_t)n->end : i + 1;
	}
}

void fs_expand(struct fsession *s)
{
	int next_page = 0;
	fs_free_items(s);
	expand(s, 0, s->f->nnodes, "", -1, -1, &next_page);
	s->items_stale = 0;
	s->rel = xmalloc(s->nitems + 1);
	memset(s->rel, 1, s->nitems + 1);
	s->by_path = xcalloc(s->nitems + 1, sizeof *s->by_path);
	for (size_t i = 0; i < s->nitems; i++)
		s->by_path[i] = i;
	sort_s = s;
	qsort(s->by_path, s->nitems, sizeof *s->by_path, by_path_cmp);
	sort_s = NULL;
	s->rel_valid = 0;
}

const struct fs_item *fs_items(struct fsession *s, size_t *n)
{
	if (s->items_stale)
		fs_expand(s);
	*n = s->nitems;
	return s->items;
}

static const struct fs_item *item(struct fsession *s, size_t i)
{
	size_t n;
	const struct fs_item *it = fs_items(s, &n);
	return i < n ? &it[i] : NULL;
}

int fs_relevant(struct fsession *s, size_t i)
{
	if (!item(s, i))
		return 0;
	if (!s->rel_valid)
		fs_refresh_relevance(s);
	return s->rel[i];
}

int fs_compute_relevant(struct fsession *s, size_t i)
{
	return fs_node_relevant(s, s->items[i].node, s->items[i].path);
}

int fs_node_relevant(struct fsession *s, int node, const char *path)
{
	/* The node's own relevant, then every enclosing group's and repeat's,
	 * all in the item's repeat context. */
	for (int k = node; k >= 0; k = s->f->nodes[k].parent) {
		const struct xform_node *n = &s->f->nodes[k];
		if (n->relevant && !fs_eval_bool(s, n->relevant, path, fs_get(s, path)))
			return 0;
	}
	return 1;
}

int fs_required(struct fsession *s, size_t i)
{
	const struct fs_item *it = item(s, i);
	const struct xform_node *n;
	if (!it)
		return 0;
	n = &s->f->nodes[it->node];
	if (n->required_if)
		return fs_eval_bool(s, n->required_if, it->path, fs_get(s, it->path));
	return n->required;
}

int fs_read_only(struct fsession *s, size_t i)
{
	const struct fs_item *it = item(s, i);
	const struct xform_node *n;
	if (!it)
		return 1;
	n = &s->f->nodes[it->node];
	if (fs_type_auto(n->type) || n->type == XFT_NOTE || n->type == XFT_REPEAT)
		return 1;
	if (n->read_only_if)
		return fs_eval_bool(s, n->read_only_if, it->path, fs_get(s, it->path));
	return n->read_only;
}

/* The "rep[]" key of the repeat an item stands for (repeat items) or sits in. */
static char *count_key(struct fsession *s, const struct fs_item *it)
{
	const struct xform_node *n = &s->f->nodes[it->node];
	if (n->type == XFT_REPEAT)
		return xasprintf("%s[]", it->path);
	size_t plen = fs_prefix_len(it->path);
	while (plen > 0 && it->path[plen - 1] != '[')
		plen--;
	return plen ? xasprintf("%.*s[]", (int)plen - 1, it->path) : NULL;
}

size_t fs_repeat_count(struct fsession *s, size_t i)
{
	const struct fs_item *it = item(s, i);
	char *key = it ? count_key(s, it) : NULL;
	size_t n = key ? fs_count_of(s, key) : 0;
	free(key);
	return n;
}

int fs_repeat_fixed(struct fsession *s, size_t i)
{
	const struct fs_item *it = item(s, i);
	int r = it ? (s->f->nodes[it->node].type == XFT_REPEAT ? it->node
			: xform_repeat_of(s->f, it->node)) : -1;
	return r >= 0 && s->f->nodes[r].repeat_count != NULL;
}

int fs_repeat_add(struct fsession *s, size_t i)
{
	const struct fs_item *it = item(s, i);
	char *key = it ? count_key(s, it) : NULL, num[24];
	if (!key || fs_repeat_fixed(s, i)) {
		free(key);
		return -1;
	}
	size_t k = fs_count_of(s, key) + 1;
	snprintf(num, sizeof num, "%zu", k);
	fs_store(s, key, num);
	s->items_stale = 1;
	/* Defaults for the new instance only: "rep[k]/". */
	key[strlen(key) - 2] = '\0';
	char *prefix = xasprintf("%s[%zu]/", key, k);
	fs_defaults_under(s, prefix);
	free(prefix);
	free(key);
	return 0;
}

/* Renumber answers under base[...] after instance k is removed. */
static void shift_down(struct fsession *s, const char *base, size_t k,
		       void (*changed)(const char *path, const char *value, void *arg), void *arg)
{
	size_t blen = strlen(base), n = 0;
	struct fs_answer *moved = xcalloc(s->nans + 1, sizeof *moved);

	/* Take every answer of an instance out, then put the later ones back
	 * one instance lower. */
	for (size_t i = 0; i < s->nans; ) {
		const char *p = s->ans[i].path;
		char *end;
		long m;
		if (strncmp(p, base, blen) != 0 || p[blen] != '[' ||
		    (m = strtol(p + blen + 1, &end, 10)) < 1 || *end != ']' || end[1] != '/') {
			i++;
			continue;
		}
		if ((size_t)m != k)
			moved[n++] = (struct fs_answer){ xasprintf("%s[%ld]%s", base, m - 1, end + 1),
							 xstrdup(s->ans[i].value) };
		if (changed)
			changed(p, NULL, arg);
		fs_store(s, p, NULL);
	}
	for (size_t i = 0; i < n; i++) {
		fs_store(s, moved[i].path, moved[i].value);
		if (changed)
			changed(moved[i].path, moved[i].value, arg);
		free(moved[i].path);
		free(moved[i].value);
	}
	free(moved);
}

int fs_repeat_remove(struct fsession *s, size_t i, size_t k,
		     void (*changed)(const char *path, const char *value, void *arg), void *arg)
{
	const struct fs_item *it = item(s, i);
	char *key = it ? count_key(s, it) : NULL, num[24];
	size_t count = key ? fs_count_of(s, key) : 0;

	if (!key || k < 1 || k > count || fs_repeat_fixed(s, i)) {
		free(key);
		return -1;
	}
	key[strlen(key) - 2] = '\0';
	shift_down(s, key, k, changed, arg);
	strcat(key, "[]");
	snprintf(num, sizeof num, "%zu", count - 1);
	fs_store(s, key, count > 1 ? num : NULL);
	if (changed)
		changed(key, count > 1 ? num : NULL, arg);
	free(key);
	s->items_stale = 1;
	fs_recalc(s);
	return 0;
}

char *fs_label(struct fsession *s, size_t i)
{
	const struct fs_item *it = item(s, i);
	if (!it)
		return xstrdup("");
	return fs_interpolate(s, xform_text(s->f, &s->f->nodes[it->node].label, s->lang), it->path);
}

char *fs_hint(struct fsession *s, size_t i)
{
	const struct fs_item *it = item(s, i);
	if (!it)
		return xstrdup("");
	return fs_interpolate(s, xform_text(s->f, &s->f->nodes[it->node].hint, s->lang), it->path);
}

const char *fs_choice_label(struct fsession *s, size_t i, size_t c)
{
	const struct fs_item *it = item(s, i);
	const struct xform_node *n = it ? &s->f->nodes[it->node] : NULL;
	if (!n || n->list < 0 || c >= s->f->lists[n->list].n)
		return "";
	return xform_text(s->f, &s->f->lists[n->list].c[c].label, s->lang);
}

/* 1 when the space-separated list v holds name. */
static int has_token(const char *v, const char *name)
{
	size_t len = strlen(name);
	for (const char *p = v; *p; ) {
		size_t k = strcspn(p, " ");
		if (k == len && strncmp(p, name, len) == 0)
			return 1;
		p += k + (p[k] == ' ');
	}
	return 0;
}

char *fs_display(struct fsession *s, size_t i)
{
	const struct fs_item *it = item(s, i);
	const struct xform_node *node;
	const char *v;
	char d[11], *out;
	double num;

	if (!it)
		return xstrdup("");
	node = &s->f->nodes[it->node];
	v = fs_get(s, it->path);
	if (node->type == XFT_DATE && date_valid_iso(v)) {
		date_format_user(v, d);
		return xstrdup(d);
	}
	if ((node->type == XFT_INTEGER || node->type == XFT_DECIMAL) &&
	    num_parse_mark(v, '.', &num) == NUM_OK) {
		char shown[64];
		num_write_lang(num, s->lang, 5, shown, sizeof shown);
		return xstrdup(shown);
	}
	if (node->list < 0 || !*v)
		return xstrdup(v);
	out = xstrdup("");
	for (size_t c = 0; c < s->f->lists[node->list].n; c++) {
		if (!has_token(v, s->f->lists[node->list].c[c].name))
			continue;
		char *next = xasprintf("%s%s%s", out, *out ? ", " : "", fs_choice_label(s, i, c));
		free(out);
		out = next;
	}
	return out;
}
