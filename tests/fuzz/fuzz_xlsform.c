/* fuzz_xlsform.c — libFuzzer target for the form loader: load any bytes as
 * an XLSForm CSV; when a form loads, walk it and evaluate its expressions. */
#include <locale.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "base/err.h"
#include "form/expr.h"
#include "form/xlsform.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *lookup(void *arg, const char *name)
{
	const struct xform *f = arg;
	return xform_find(f, name) >= 0 ? "1" : NULL;
}

static void eval(const struct expr *e, const struct xform *f)
{
	const struct expr_env env = { .lookup = lookup, .dot = "2", .arg = (void *)f };

	if (e) {
		free(expr_eval(e, &env));
		(void)expr_eval_bool(e, &env);
	}
}

static void walk(const struct xform *f)
{
	for (size_t i = 0; i < f->nnodes; i++) {
		const struct xform_node *n = &f->nodes[i];
		(void)xform_text(f, &n->label, "vi");
		(void)xform_text(f, &n->hint, "en");
		(void)xform_repeat_of(f, (int)i);
		if (n->end <= (int)i || (size_t)n->end > f->nnodes)
			abort(); /* the end of a group lies within the form */
		if (n->list_name && (n->list < 0 || (size_t)n->list >= f->nlists))
			abort(); /* a loaded form resolved every list */
		eval(n->relevant, f);
		eval(n->constraint, f);
		eval(n->calculation, f);
		eval(n->default_expr, f);
		eval(n->required_if, f);
	}
	for (size_t i = 0; i < f->nlists; i++)
		for (size_t k = 0; k < f->lists[i].n; k++)
			(void)xform_choice_extra(&f->lists[i].c[k], "x");
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	setlocale(LC_ALL, "C.UTF-8"); /* as i18n_init() leaves the program */
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sx_err err = { 0 };
	struct xform *f = xform_load_mem("fuzz.csv", (const char *)data, size, &err);

	if (f) {
		if (sx_err_count(&err))
			abort(); /* a loaded form has no errors */
		walk(f);
		xform_free(f);
	} else if (!sx_err_count(&err)) {
		abort(); /* a refused form says why */
	}
	sx_err_clear(&err);
	return 0;
}
