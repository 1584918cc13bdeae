/* cmd_form.c — sxsh form check|test: the form author's tools. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "base/csvread.h"
#include "base/clock.h"
#include "base/date.h"
#include "form/formlint.h"
#include "form/fsession.h"
#include "form/xlsform.h"
#include "base/i18n.h"
#include "base/mem.h"

/* sxsh form check FILE... — every problem of every file; exit 1 if any. */
static int form_check(int argc, char **argv)
{
	int bad = 0;

	if (argc < 2)
		return cli_usage_error("%s", _("'form check' needs at least one form file"));
	for (int i = 1; i < argc; i++) {
		struct sx_err err = {0};
		struct xform *f = xform_load(argv[i], &err);
		if (f) {
			size_t questions = 0, calcs = 0;
			struct sx_err warn = {0};
			sx_err_print(&f->warnings, stderr);
			if (formlint(f, &warn))
				sx_err_print(&warn, stderr);
			sx_err_clear(&warn);
			for (size_t k = 0; k < f->nnodes; k++) {
				enum xform_type t = f->nodes[k].type;
				calcs += t == XFT_CALCULATE;
				questions += t != XFT_GROUP && t != XFT_REPEAT && !fs_type_auto(t) &&
					     t != XFT_NOTE;
			}
			printf(_("%s: ok (form %s: %zu questions, %zu calculations, %zu choice lists)\n"),
			       argv[i], f->settings.form_id, questions, calcs, f->nlists);
		} else {
			sx_err_print(&err, stderr);
			fprintf(stderr, _("%s: problems found: %zu\n"), argv[i], sx_err_count(&err));
			bad = 1;
		}
		xform_free(f);
		sx_err_clear(&err);
	}
	return bad ? SX_FAIL : SX_OK;
}

/* One row of the answers file. */
struct answer_row {
	char *path, *value;  /* owned */
	long line;           /* in the file */
};

/* Read "name,value" rows into rows (*n of them); 0, or -1 with every problem. */
static int read_rows(const char *path, struct answer_row **rows, size_t *n, struct sx_err *err)
{
	struct csvr *r = csvr_open(path, CSVR_DETECT_DELIM, err);
	const struct csvr_rec *rec;
	int rc, header = 1;
	size_t before = sx_err_count(err);

	*rows = NULL;
	*n = 0;
	if (!r)
		return -1;
	while ((rc = csvr_next(r, &rec, err)) == 1) {
		char iso[11];
		if (header) {
			header = 0;
			if (rec->n == 2 && strcmp(rec->f[0], "name") == 0 && strcmp(rec->f[1], "value") == 0)
				continue;
			sx_err_add(err, path, rec->line, "%s", _("the first row must be: name,value"));
			break;
		}
		if (rec->n != 2) {
			sx_err_add(err, path, rec->line, _("expected 2 fields (name,value), found %zu"), rec->n);
			continue;
		}
		*rows = xreallocarray(*rows, *n + 1, sizeof **rows);
		(*rows)[*n].path = xstrdup(rec->f[0]);
		(*rows)[*n].value = xstrdup(date_parse_user(rec->f[1], iso) == 0 ? iso : rec->f[1]);
		(*rows)[(*n)++].line = rec->line;
	}
	csvr_close(r);
	return rc < 0 || sx_err_count(err) > before ? -1 : 0;
}

/* Fill the session as Collect would: the repeat entries the answers name,
 * then every default, then the answers (which win, an empty one clears). */
static int read_answers(struct fsession *s, const char *path, struct sx_err *err)
{
	struct answer_row *rows;
	size_t n, before = sx_err_count(err);
	int rc = read_rows(path, &rows, &n, err);

	for (size_t i = 0; i < n; i++)
		if (fs_load(s, rows[i].path, NULL) != 0)
			sx_err_add(err, path, rows[i].line, _("the form has no question \"%s\""),
				   rows[i].path);
	fs_defaults(s);
	for (size_t i = 0; i < n; i++) {
		fs_load(s, rows[i].path, rows[i].value);
		free(rows[i].path);
		free(rows[i].value);
	}
	free(rows);
	fs_recalc(s);
	return rc < 0 || sx_err_count(err) > before ? -1 : 0;
}

/* One line per item: path, type, relevance, value (a note's text). */
static void print_items(struct fsession *s)
{
	size_t n, problems;
	const struct fs_item *it = fs_items(s, &n);
	const struct xform *f = fs_form(s);
	char msg[300];

	for (size_t i = 0; i < n; i++) {
		const struct xform_node *node = &f->nodes[it[i].node];
		int rel = fs_relevant(s, i);
		char *shown = NULL;
		if (node->type == XFT_NOTE)
			shown = fs_label(s, i);
		else if (node->type == XFT_REPEAT)
			shown = xasprintf("%zu", fs_repeat_count(s, i));
		printf("%s\t%s\t%s\t%s\n", it[i].path, xform_type_name(node->type),
		       rel ? "relevant" : "skipped", shown ? shown : fs_get(s, it[i].path));
		free(shown);
	}
	for (size_t i = 0; i < n; i++) {
		enum xform_type t = f->nodes[it[i].node].type;
		if (fs_type_auto(t) || t == XFT_NOTE || t == XFT_REPEAT || !fs_relevant(s, i))
			continue;
		if (fs_check(s, i, fs_get(s, it[i].path), msg, sizeof msg) != 0)
			printf("error\t%s\t%s\n", it[i].path, msg);
	}
	problems = fs_problems(s, NULL);
	printf("complete\t%s\t%zu\n", problems ? "no" : "yes", problems);
}

/* sxsh form test FORM ANSWERS.csv — a form author's preview. */
static int form_test(int argc, char **argv)
{
	struct sx_err err = {0};
	struct xform *f;
	struct fsession *s;
	int rc = SX_OK;

	if (argc != 3)
		return cli_usage_error("%s", _("usage: sxsh form test FORM.csv ANSWERS.csv"));
	f = xform_load(argv[1], &err);
	if (!f) {
		sx_err_print(&err, stderr);
		sx_err_clear(&err);
		return SX_FAIL;
	}
	sx_err_print(&f->warnings, stderr);
	/* A fixed clock keeps today() in the output stable when SXSH_NOW is
	 * set; a value we cannot read must not fall back to the real clock. */
	if (clock_env_check() < 0) {
		fprintf(stderr, "%s", _("sxsh: SXSH_NOW is not a time: write it as "
					"2026-11-29T10:00:00+07:00, 2026-11-29T03:00:00Z or 2026-11-29\n"));
		xform_free(f);
		return SX_FAIL;
	}
	s = fs_new(f, i18n_lang(), clock_now_ms());
	fs_meta(s, "sxsh:form-test", "form-test");
	if (read_answers(s, argv[2], &err) != 0) {
		sx_err_print(&err, stderr);
		rc = SX_FAIL;
	} else {
		/* Answers that make the form complete stand for finalising it in
		 * Collect, which fills end then; an incomplete one stays a draft. */
		if (fs_problems(s, NULL) == 0)
			fs_finish(s, clock_now_ms());
		print_items(s);
	}
	fs_free(s);
	xform_free(f);
	sx_err_clear(&err);
	return rc;
}

int cmd_form(struct sx_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	if (argc < 2)
		return cli_usage_error("%s", _("'form' needs a subcommand: check or test"));
	if (strcmp(argv[1], "check") == 0)
		return form_check(argc - 1, argv + 1);
	if (strcmp(argv[1], "test") == 0)
		return form_test(argc - 1, argv + 1);
	return cli_usage_error(_("unknown form subcommand '%s': use check or test"), argv[1]);
}
