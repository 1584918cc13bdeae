/* fsession.c — answers by path, the expanded item list, evaluation context. */
#include "form/fsession.h"

#include <stdlib.h>
#include <string.h>

#include "form/fsession_int.h"
#include "base/mem.h"

const struct xform *fs_form(const struct fsession *s) { return s->f; }
const char *fs_lang(const struct fsession *s) { return s->lang; }

struct fsession *fs_new(const struct xform *f, const char *lang, long long now_ms)
{
	struct fsession *s = xcalloc(1, sizeof *s);
	s->f = f;
	snprintf(s->lang, sizeof s->lang, "%s", lang ? lang : "");
	s->now_ms = now_ms;
	s->items_stale = 1;
	fs_recalc(s);
	return s;
}

void fs_free(struct fsession *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nans; i++) {
		free(s->ans[i].path);
		free(s->ans[i].value);
	}
	free(s->ans);
	fs_free_items(s);
	free(s);
}

/* Index of path in the sorted answers, or where it would go (negative - 1). */
static long find(const struct fsession *s, const char *path)
{
	size_t lo = 0, hi = s->nans;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(s->ans[mid].path, path);
		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -(long)lo - 1;
}

const char *fs_get(const struct fsession *s, const char *path)
{
	long i = find(s, path);
	return i >= 0 ? s->ans[i].value : "";
}

int fs_store(struct fsession *s, const char *path, const char *value)
{
	long i = find(s, path);

	if (!value || !*value) {
		if (i < 0)
			return 0;
		s->rel_valid = 0;
		free(s->ans[i].path);
		free(s->ans[i].value);
		memmove(s->ans + i, s->ans + i + 1, (s->nans - (size_t)i - 1) * sizeof *s->ans);
		s->nans--;
		return 1;
	}
	if (i >= 0) {
		if (strcmp(s->ans[i].value, value) == 0)
			return 0;
		s->rel_valid = 0;
		free(s->ans[i].value);
		s->ans[i].value = xstrdup(value);
		return 1;
	}
	if (s->nans == s->capans) {
		s->capans = s->capans ? s->capans * 2 : 64;
		s->ans = xreallocarray(s->ans, s->capans, sizeof *s->ans);
	}
	s->rel_valid = 0;
	i = -i - 1;
	memmove(s->ans + i + 1, s->ans + i, (s->nans - (size_t)i) * sizeof *s->ans);
	s->ans[i].path = xstrdup(path);
	s->ans[i].value = xstrdup(value);
	s->nans++;
	return 1;
}

void fs_each(const struct fsession *s, void (*fn)(const char *path, const char *value, void *arg),
	     void *arg)
{
	for (size_t i = 0; i < s->nans; i++)
		fn(s->ans[i].path, s->ans[i].value, arg);
}

/* Instances of the repeat whose count key is key ("rep[]"). */
size_t fs_count_of(const struct fsession *s, const char *key)
{
	const char *v = fs_get(s, key);
	long n = *v ? strtol(v, NULL, 10) : 0;
	return n > 0 ? (size_t)n : 0;
}

/* Split "a[1]/b[2]/name" into the last name (returned) and grow every
 * repeat on the way to hold the indices; -1 on a malformed path. */
static int ensure_instances(struct fsession *s, const char *path)
{
	const char *p = path, *br;
	char key[512];

	while ((br = strchr(p, '[')) != NULL) {
		const char *close = strchr(br, ']');
		long k;
		if (!close || close[1] != '/' || (size_t)(br - path) + 3 > sizeof key)
			return -1;
		k = strtol(br + 1, NULL, 10);
		if (k < 1 || k > 10000)
			return -1;
		snprintf(key, sizeof key, "%.*s[]", (int)(br - path), path);
		if (fs_count_of(s, key) < (size_t)k) {
			char n[24];
			snprintf(n, sizeof n, "%ld", k);
			fs_store(s, key, n);
			s->items_stale = 1;
		}
		p = close + 2;
	}
	return 0;
}

/* The node a path names ("rep[2]/x" -> x, "rep[]" -> rep), or -1. */
int fs_node_of(const struct fsession *s, const char *path)
{
	const char *slash = strrchr(path, '/'), *name = slash ? slash + 1 : path;
	char buf[256];
	size_t len = strlen(name);

	if (len >= 2 && strcmp(name + len - 2, "[]") == 0)
		len -= 2;
	if (len >= sizeof buf)
		return -1;
	memcpy(buf, name, len);
	buf[len] = '\0';
	return xform_find(s->f, buf);
}

/* "grp/sub/x" → "x", "grp/rep[2]/x" → "rep[2]/x": drop the segments that
 * name groups around the node, as ODK paths carry them.  Into out (len
 * bytes); -1 when a segment names no enclosing group or repeat. */
static int strip_groups(const struct fsession *s, const char *path, char *out, size_t len)
{
	const char *last = strrchr(path, '/');
	char name[256];
	size_t o = 0;
	int node;

	if (!last)
		return snprintf(out, len, "%s", path) < (int)len ? 0 : -1;
	node = fs_node_of(s, path);
	for (const char *p = path; p <= last;) {
		size_t seg = strcspn(p, "/"), nlen = strcspn(p, "[/");
		int g, ok = 0;
		if (nlen >= sizeof name)
			return -1;
		memcpy(name, p, nlen);
		name[nlen] = '\0';
		g = xform_find(s->f, name);
		for (int k = node >= 0 ? s->f->nodes[node].parent : -1; k >= 0; k = s->f->nodes[k].parent)
			ok |= k == g;
		if (!ok || (s->f->nodes[g].type == XFT_REPEAT) != (nlen < seg))
			return -1; /* a repeat needs its [N], a group has none */
		if (s->f->nodes[g].type == XFT_REPEAT) {
			if (o + seg + 2 > len)
				return -1;
			memcpy(out + o, p, seg + 1);
			o += seg + 1;
		}
		p += seg + 1;
	}
	return snprintf(out + o, len - o, "%s", last + 1) < (int)(len - o) ? 0 : -1;
}

int fs_load(struct fsession *s, const char *given, const char *value)
{
	char path[512];
	size_t len;
	int node;

	if (strip_groups(s, given, path, sizeof path) != 0)
		return -1;
	len = strlen(path);
	node = fs_node_of(s, path);

	if (node < 0)
		return -1;
	if (len >= 2 && strcmp(path + len - 2, "[]") == 0) {
		if (s->f->nodes[node].type != XFT_REPEAT)
			return -1;
		s->items_stale = 1;
	} else if (s->f->nodes[node].type == XFT_REPEAT || s->f->nodes[node].type == XFT_GROUP) {
		return -1;
	}
	if (ensure_instances(s, path) != 0)
		return -1;
	fs_store(s, path, value);
	return 0;
}

int fs_set(struct fsession *s, const char *path, const char *value)
{
	if (fs_load(s, path, value) != 0)
		return -1;
	fs_recalc(s);
	return 0;
}
