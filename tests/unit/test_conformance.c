/* test_conformance.c — runs tests/forms/conformance.tsv: ODK expressions
 * with the value JavaRosa (ODK Collect's engine) gives, and where each
 * expectation comes from.  See the table's header for its columns. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "form/expr.h"
#include "base/mem.h"

#define MAXVARS 16
#define MAXINST 8

/* One ${name} of a row's context. */
struct var {
	char name[32];
	int type;                  /* enum expr_rtype */
	char *inst[MAXINST];       /* values; more than one: a repeat field */
	size_t n;
};

struct ctx {
	struct var v[MAXVARS];
	size_t n;
};

static struct var *find(struct ctx *c, const char *name)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i].name, name) == 0)
			return &c->v[i];
	return NULL;
}

static const char *cb_lookup(void *arg, const char *name)
{
	struct var *v = find(arg, name);
	return v ? v->inst[0] : NULL;
}

static size_t cb_count(void *arg, const char *name)
{
	struct var *v = find(arg, name);
	return v ? v->n : 0;
}

static const char *cb_nth(void *arg, const char *name, size_t i)
{
	struct var *v = find(arg, name);
	return v && i < v->n ? v->inst[i] : NULL;
}

static int cb_type(void *arg, const char *name)
{
	struct var *v = find(arg, name);
	return v ? v->type : EXR_STR;
}

static int type_named(const char *t)
{
	static const struct { const char *word; int type; } types[] = {
		{ "str", EXR_STR }, { "num", EXR_NUM }, { "date", EXR_DATE },
		{ "datetime", EXR_DATETIME }, { "auto", EXR_AUTO },
	};
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
		if (strcmp(types[i].word, t) == 0)
			return types[i].type;
	return -1;
}

/* Parse "a:num=3; r:num=1|2|; .:num=7" into c (and the dot into env);
 * 0, or -1 when it is malformed. */
static int parse_context(char *text, struct ctx *c, struct expr_env *env)
{
	for (char *item = strtok(text, ";"); item; item = strtok(NULL, ";")) {
		char *eq = strchr(item, '='), *colon;
		struct var *v;
		while (*item == ' ')
			item++;
		if (!eq || c->n == MAXVARS)
			return -1;
		*eq = '\0';
		v = &c->v[c->n++];
		v->type = EXR_STR;
		if ((colon = strchr(item, ':')) != NULL) {
			*colon = '\0';
			if ((v->type = type_named(colon + 1)) < 0)
				return -1;
		}
		snprintf(v->name, sizeof v->name, "%s", item);
		for (char *p = eq + 1; v->n < MAXINST;) {
			size_t len = strcspn(p, "|");
			v->inst[v->n++] = xstrndup(p, len);
			if (!p[len])
				break;
			p += len + 1;
		}
		if (strcmp(v->name, ".") == 0) {
			env->dot = v->inst[0];
			env->dot_type = v->type;
		}
	}
	return 0;
}

static void free_context(struct ctx *c)
{
	for (size_t i = 0; i < c->n; i++)
		for (size_t k = 0; k < c->v[i].n; k++)
			free(c->v[i].inst[k]);
}

/* Evaluate one row; 1 when it gives the expected value. */
static int run_row(long line, char *expr_src, char *context, const char *want)
{
	struct ctx c = { .n = 0 };
	/* 2024-03-10T20:30:00.123Z, in UTC as JavaRosa's date tests run */
	struct expr_env env = {
		.lookup = cb_lookup, .count = cb_count, .nth = cb_nth, .type = cb_type,
		.now_ms = 1710102600123LL, .tz_min = 0, .arg = &c,
	};
	char err[256], *got;
	struct expr *e;
	int ok;

	if (strcmp(context, "-") != 0 && parse_context(context, &c, &env) != 0) {
		fprintf(stderr, "conformance.tsv:%ld: bad context\n", line);
		free_context(&c);
		return 0;
	}
	e = expr_parse(expr_src, err, sizeof err, NULL);
	got = e ? expr_eval(e, &env) : xstrdup("(error)");
	if (e && !*got) {
		free(got);
		got = xstrdup("(empty)");
	}
	ok = strcmp(got, want) == 0;
	if (!ok)
		fprintf(stderr, "conformance.tsv:%ld: %s gives \"%s\", want \"%s\"%s%s\n", line,
			expr_src, got, want, e ? "" : ": ", e ? "" : err);
	free(got);
	expr_free(e);
	free_context(&c);
	return ok;
}

static void test_table(void)
{
	const char *path = SXSH_SRCDIR "/tests/forms/conformance.tsv";
	FILE *fp = fopen(path, "r");
	char line[2048];
	long no = 0, rows = 0;

	CHECK(fp != NULL);
	if (!fp)
		return;
	while (fgets(line, sizeof line, fp)) {
		char *f[4], *p = line;
		size_t n = 0;
		no++;
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0' || strncmp(line, "expression\t", 11) == 0)
			continue;
		while (n < 4) {
			f[n++] = p;
			p = strchr(p, '\t');
			if (!p)
				break;
			*p++ = '\0';
		}
		if (n != 4 || !*f[3]) {
			fprintf(stderr, "%s:%ld: want 4 tab-separated columns, source included\n",
				path, no);
			t_failures++;
			continue;
		}
		rows++;
		if (!run_row(no, f[0], f[1], f[2]))
			t_failures++;
	}
	fclose(fp);
	CHECK(rows >= 200);
}

T_SUITE(conformance) {
	{ "conformance/table", test_table },
	{ 0 },
};
