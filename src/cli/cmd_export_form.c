/* cmd_export_form.c — sxsh export-form FORM DIR: one form's assessments as
 * wide CSV files in ODK Central's layout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/commands.h"
#include "form/formdir.h"
#include "assess/formexport.h"
#include "form/xlsform.h"
#include "base/i18n.h"

/* FORM is a form file, or the form_id of an installed form. */
static struct xform *load_form(struct sx_ctx *ctx, const char *form, struct sx_err *err)
{
	struct stat st;
	char *path;
	struct xform *f;

	if (stat(form, &st) == 0)
		return xform_load(form, err);
	path = formdir_path(ctx->datadir, form, err);
	f = path ? xform_load(path, err) : NULL;
	free(path);
	return f;
}

int cmd_export_form(struct sx_ctx *ctx, int argc, char **argv)
{
	struct sx_err err = {0};
	struct formexport_result res;
	const char *pos[2] = { NULL, NULL };
	int npos = 0, drafts = 0, sheet = 0, split = 0, rc = SX_OK;
	struct xform *f = NULL;
	struct sx_db *db;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--drafts") == 0)
			drafts = 1;
		else if (strcmp(argv[i], "--for-spreadsheet") == 0)
			sheet = 1;
		else if (strcmp(argv[i], "--split-select-multiples") == 0)
			split = 1;
		else if (argv[i][0] == '-' && argv[i][1])
			return cli_usage_error(_("unknown option '%s' for '%s'"), argv[i], "export-form");
		else if (npos < 2)
			pos[npos++] = argv[i];
		else
			return cli_usage_error(_("'export-form' takes a form and a folder (got '%s' too)"),
					       argv[i]);
	}
	if (npos != 2)
		return cli_usage_error("%s", _("usage: sxsh export-form FORM DIR [--drafts] [--for-spreadsheet] [--split-select-multiples]"));
	if (!(db = ctx_db(ctx, &err)) || !(f = load_form(ctx, pos[0], &err)) ||
	    formexport_run(db, f, pos[1], drafts, sheet, split, &res, &err) != 0)
		rc = cli_fail(&err);
	else
		printf(_("Exported %ld assessments of %s in %d files to %s.\n"), res.submissions,
		       f->settings.form_id, res.files, pos[1]);
	xform_free(f);
	sx_err_clear(&err);
	return rc;
}
