/* fuzz_expr.c — libFuzzer target for the expression engine: parse any bytes,
 * then evaluate the tree against a fake form (plain answers, a repeat, "."). */
#include <locale.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form/expr.h"
#include "base/mem.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names[][2] = {
	{ "a", "3" }, { "b", "-2.5" }, { "e", "" }, { "s", "a b c" },
	{ "d", "2024-02-29" }, { "t", "Nguyễn Văn A" }, { "r", "7" },
};
static const char *const rep[] = { "1", "", "2.5", "x" };

static const char *lookup(void *arg, const char *name)
{
	(void)arg;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i][0], name) == 0)
			return names[i][1];
	return NULL;
}

static size_t count(void *arg, const char *name)
{
	if (strcmp(name, "r") == 0)
		return sizeof rep / sizeof rep[0];
	return lookup(arg, name) ? 1 : 0;
}

static const char *nth(void *arg, const char *name, size_t i)
{
	if (strcmp(name, "r") == 0)
		return i < sizeof rep / sizeof rep[0] ? rep[i] : NULL;
	return lookup(arg, name);
}

/* a, b, r are numbers, d a date, the rest text, e.g. a calculation */
static int type(void *arg, const char *name)
{
	(void)arg;
	if (!strcmp(name, "a") || !strcmp(name, "b") || !strcmp(name, "r"))
		return EXR_NUM;
	if (!strcmp(name, "d"))
		return EXR_DATE;
	return !strcmp(name, "e") ? EXR_AUTO : EXR_STR;
}

static long position(void *arg)
{
	(void)arg;
	return 2;
}

static const char *indexed(void *arg, const char *field, const char *const *reps,
			   const long *idx, size_t n)
{
	(void)reps;
	return n && !strcmp(field, "r") ? nth(arg, field, (size_t)(idx[0] - 1)) : lookup(arg, field);
}

static const char *choice_label(void *arg, const char *field, const char *value)
{
	(void)arg;
	return !strcmp(field, "s") && !strcmp(value, "a") ? "Ánh" : NULL;
}

static void on_ref(const char *name, void *arg)
{
	size_t *n = arg;
	*n += strlen(name);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	setlocale(LC_ALL, "C.UTF-8"); /* as i18n_init() leaves the program */
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct expr_env env = {
		.lookup = lookup, .count = count, .nth = nth, .type = type, .position = position,
		.indexed = indexed, .choice_label = choice_label, .dot = "12", .dot_type = EXR_NUM,
		.now_ms = 1710102600123LL, .tz_min = 420,
	};
	char *src = xmalloc(size + 1), err[256];
	int col = 0;
	size_t refs = 0;
	struct expr *e;

	memcpy(src, data, size);
	src[size] = '\0';
	e = expr_parse(src, err, sizeof err, &col);
	if (e) {
		char *r = expr_eval(e, &env);
		free(r);
		(void)expr_eval_bool(e, &env);
		(void)expr_eval_bool(e, NULL);
		expr_foreach_ref(e, on_ref, &refs);
		expr_free(e);
	} else if (col < 1 || !err[0]) {
		abort(); /* every error has a message and a column */
	}
	free(src);
	return 0;
}
