/* ctx.h — the state of one run of sxsh, passed everywhere instead of globals. */
#ifndef SX_CTX_H
#define SX_CTX_H

#include "db/db.h"
#include "base/err.h"

struct sx_ctx {
	char *db_path;          /* the database file (--db, SXSH_DB or default) */
	struct sx_db *db;       /* the open database, NULL until ctx_db() */
	char *datadir;          /* the folder holding forms/ */
	const char *lang_flag;  /* --lang as given, or NULL */
	int lang_fixed;         /* 1 when --lang or LANGUAGE chose the language */
};

/* Fill ctx for a run: language from --lang (may be NULL), then LANGUAGE,
 * then the locale, then Vietnamese.  Does not open the database. */
void ctx_init(struct sx_ctx *ctx, const char *db_path, const char *lang_flag);
/* Open the database on first use: create and seed it when new, then take
 * the saved language unless one was fixed (and save a --lang choice).
 * NULL on failure, with a message in err. */
struct sx_db *ctx_db(struct sx_ctx *ctx, struct sx_err *err);
/* Close the database and free what ctx owns. */
void ctx_free(struct sx_ctx *ctx);

#endif
