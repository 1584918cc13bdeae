/* fuzz_formtest.c — `sxsh form test`'s answers reader and the form session it
 * drives, on arbitrary bytes.  The answers file goes through the file reader
 * (csvr_open, delimiter detection, past its buffer sizes with
 * -len_control=0 and large seeds) and is read row by row as cmd_form.c's
 * read_rows/read_answers do (name,value header; dd/mm/yyyy dates to ISO;
 * fs_load, fs_defaults, fs_load, fs_recalc); then every item is listed,
 * labelled, displayed and checked as print_items does.  The first byte
 * picks the shipped form.  Oracles: no crash or leak; every text the session
 * shows is UTF-8; a failing check always says why; a path fs_load accepted
 * keeps the value it was given until the recalculation. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/csvread.h"
#include "base/date.h"
#include "base/err.h"
#include "base/text.h"
#include "form/fsession.h"
#include "form/xlsform.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct xform *forms[2];
static char path[64] = "/tmp/fuzz_formtest.XXXXXX";

static void cleanup(void)
{
	unlink(path);
	xform_free(forms[0]);
	xform_free(forms[1]);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct sx_err err = {0};
	int fd = mkstemp(path);

	(void)argc, (void)argv;
	if (fd < 0)
		abort();
	close(fd);
	forms[0] = xform_load("forms/rapid_assessment.csv", &err);
	forms[1] = xform_load("forms/detailed_tracker.csv", &err);
	if (!forms[0] || !forms[1]) {
		sx_err_print(&err, stderr);
		abort();
	}
	atexit(cleanup);
	return 0;
}

static void utf8(const char *s)
{
	if (s && !text_valid_utf8(s, strlen(s)))
		abort();
}

/* What print_items shows, checked. */
static void show(struct fsession *s)
{
	size_t n;
	const struct fs_item *it = fs_items(s, &n);
	const struct xform *f = fs_form(s);
	char msg[300];

	for (size_t i = 0; i < n; i++) {
		const struct xform_node *node = &f->nodes[it[i].node];
		char *label = fs_label(s, i), *hint = fs_hint(s, i), *shown = fs_display(s, i);
		utf8(label), utf8(hint), utf8(shown), utf8(fs_get(s, it[i].path));
		free(label), free(hint), free(shown);
		if (fs_type_auto(node->type) || node->type == XFT_NOTE || node->type == XFT_REPEAT ||
		    !fs_relevant(s, i))
			continue;
		msg[0] = '\0';
		if (fs_check(s, i, fs_get(s, it[i].path), msg, sizeof msg) != 0 && !*msg)
			abort();
		utf8(msg);
	}
	(void)fs_problems(s, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sx_err err = {0};
	const struct csvr_rec *rec;
	struct fsession *s;
	struct csvr *r;
	FILE *fp;
	char **names = NULL, **values = NULL;
	size_t n = 0;
	int header = 1;

	if (size == 0)
		return 0;
	if (!(fp = fopen(path, "wb")) || fwrite(data + 1, 1, size - 1, fp) != size - 1 || fclose(fp))
		abort();
	s = fs_new(forms[data[0] & 1], data[0] & 2 ? "en" : "vi", 1764000000000LL);
	fs_meta(s, "sxsh:fuzz", "fuzz");
	if ((r = csvr_open(path, CSVR_DETECT_DELIM, &err))) {
		while (csvr_next(r, &rec, &err) == 1) {
			char iso[11];
			if (header) {
				header = 0;
				if (rec->n == 2 && !strcmp(rec->f[0], "name") && !strcmp(rec->f[1], "value"))
					continue;
				break;
			}
			if (rec->n != 2)
				continue;
			names = realloc(names, (n + 1) * sizeof *names);
			values = realloc(values, (n + 1) * sizeof *values);
			if (!names || !values)
				abort();
			names[n] = strdup(rec->f[0]);
			values[n++] = strdup(date_parse_user(rec->f[1], iso) == 0 ? iso : rec->f[1]);
		}
		csvr_close(r);
	}
	for (size_t i = 0; i < n; i++)
		(void)fs_load(s, names[i], NULL);
	fs_defaults(s);
	for (size_t i = 0; i < n; i++) {
		/* The last answer to a path stands until the recalculation. */
		if (fs_load(s, names[i], values[i]) == 0 && !strchr(names[i], '[') &&
		    !strchr(names[i], '/') && strcmp(fs_get(s, names[i]), values[i]) != 0 &&
		    *values[i])
			abort();
	}
	fs_recalc(s);
	show(s);
	for (size_t i = 0; i < n; i++)
		free(names[i]), free(values[i]);
	free(names);
	free(values);
	fs_free(s);
	sx_err_clear(&err);
	return 0;
}
