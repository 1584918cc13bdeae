/* commands.h — the subcommands.  Each takes the run's context and the
 * arguments after its name (argv[0] is the command name) and returns the
 * exit status. */
#ifndef SX_COMMANDS_H
#define SX_COMMANDS_H

#include "db/ctx.h"

/* A subcommand: one row of the command table in cli.c. */
struct command {
	const char *name;       /* what the user types */
	const char *args;       /* argument synopsis for --help ("" for none) */
	const char *summary;    /* one line for --help, untranslated (N_) */
	int (*run)(struct sx_ctx *ctx, int argc, char **argv);  /* the handler */
};

/* sxsh init — create the database; harmless when it exists. */
int cmd_init(struct sx_ctx *ctx, int argc, char **argv);
/* sxsh form check|test — the form author's tools. */
int cmd_form(struct sx_ctx *ctx, int argc, char **argv);

/* sxsh assessment report ID [--format text|html] [-o FILE] — the facility's report. */
int cmd_assessment(struct sx_ctx *ctx, int argc, char **argv);
/* sxsh sheet SESSION [--format html|text] — a session's sign-in sheet. */
int cmd_sheet(struct sx_ctx *ctx, int argc, char **argv);

/* sxsh session import-participants SESSION FILE [--apply] (cmd_session.c). */
int cmd_session(struct sx_ctx *ctx, int argc, char **argv);

/* sxsh export DIR [--since DATE] [--place CODE] [--for-spreadsheet]. */
int cmd_export(struct sx_ctx *ctx, int argc, char **argv);
/* sxsh import PATH... [--dry-run] — merge files or export folders. */
int cmd_import(struct sx_ctx *ctx, int argc, char **argv);

/* sxsh export-form FORM DIR [--drafts] [--for-spreadsheet]. */
int cmd_export_form(struct sx_ctx *ctx, int argc, char **argv);
/* sxsh dupes — the likely duplicate pairs, one tab-separated line each. */
int cmd_dupes(struct sx_ctx *ctx, int argc, char **argv);

/* sxsh report [--format text|csv|html] [--plan CODE] — the plan's progress. */
int cmd_report(struct sx_ctx *ctx, int argc, char **argv);
/* sxsh org list|show|add|link|unlink — the support network (cmd_org.c). */
int cmd_org(struct sx_ctx *ctx, int argc, char **argv);
/* sxsh link-units [--apply] — people whose unit names a facility. */
int cmd_link_units(struct sx_ctx *ctx, int argc, char **argv);
/* sxsh plan list | import FILE | export [-o FILE] — plans as CSV. */
int cmd_plan(struct sx_ctx *ctx, int argc, char **argv);
/* sxsh demo [--force] — fill the database with sample data for Sơn La. */
int cmd_demo(struct sx_ctx *ctx, int argc, char **argv);

/* Print "sxsh: message" and the --help hint to stderr; returns SX_USAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print every message of err to stderr, prefixed "sxsh: " when it has no
 * file position; returns SX_FAIL. */
int cli_fail(const struct sx_err *err);
/* Print "sxsh: MSG" on stderr, with control characters from imported text
 * made visible (text_printable). */
void cli_print_msg(const char *msg);
/* -o FILE: create or truncate path for writing, owner-only (0600), never
 * through a symbolic link.  NULL with a message in err on failure. */
FILE *cli_output_open(const char *path, struct sx_err *err);
/* Flush, fsync and close an output of cli_output_open; when that fails or
 * ok is 0 the file is removed.  0, or -1 (with a message when ok was 1). */
int cli_output_close(FILE *fp, const char *path, int ok, struct sx_err *err);

#endif
