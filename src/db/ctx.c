/* ctx.c — language choice and opening the database on first use. */
#include "db/ctx.h"

#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/mem.h"
#include "base/paths.h"
#include "db/seed.h"

void ctx_init(struct sx_ctx *ctx, const char *db_path, const char *lang_flag)
{
	const char *lang = lang_flag;

	memset(ctx, 0, sizeof *ctx);
	ctx->db_path = db_path ? xstrdup(db_path) : NULL;
	ctx->datadir = paths_datadir();
	ctx->lang_flag = lang_flag;
	if (!lang)
		lang = i18n_lang_of(getenv("LANGUAGE"));
	ctx->lang_fixed = lang != NULL;
	if (!lang)
		lang = i18n_locale_lang();
	i18n_set_lang(lang ? lang : "vi");
}

struct sx_db *ctx_db(struct sx_ctx *ctx, struct sx_err *err)
{
	char *saved;

	if (ctx->db)
		return ctx->db;
	if (!ctx->db_path) {
		sx_err_add(err, NULL, 0, _("no database: set HOME, XDG_DATA_HOME or SXSH_DB, or give --db PATH"));
		return NULL;
	}
	ctx->db = db_open(ctx->db_path, err);
	if (!ctx->db)
		return NULL;
	/* The shipped rows go in once; a marker spares later runs the work. */
	saved = db_setting(ctx->db, "seeded");
	if ((!saved || strcmp(saved, SEED_DATA_VERSION) < 0) &&
	    (seed_load(ctx->db, ctx->datadir, err) < 0 ||
	     db_set_setting(ctx->db, "seeded", SEED_DATA_VERSION, err) != 0)) {
		free(saved);
		db_close(ctx->db);
		ctx->db = NULL;
		return NULL;
	}
	free(saved);
	if (ctx->lang_flag) {
		if (db_set_setting(ctx->db, "language", ctx->lang_flag, err) != 0)
			return NULL;
	} else if (!ctx->lang_fixed && (saved = db_setting(ctx->db, "language"))) {
		i18n_set_lang(saved);
		free(saved);
	}
	return ctx->db;
}

void ctx_free(struct sx_ctx *ctx)
{
	db_close(ctx->db);
	free(ctx->db_path);
	free(ctx->datadir);
	memset(ctx, 0, sizeof *ctx);
}
