/* cli.c — global options and the table of subcommands. */
#include "cli/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/commands.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/paths.h"
#include "base/platform.h"
#include "base/text.h"
#include "ui/ui.h"

#ifndef SXSH_VERSION
#define SXSH_VERSION "0"
#endif

/* Every subcommand; --help lists them in this order. */
static const struct command commands[] = {
	{ .name = "init", .args = "", .run = cmd_init,
	  .summary = N_("create the database (harmless when it exists)") },
	{ .name = "form check", .args = "FILE...", .run = cmd_form,
	  .summary = N_("check XLSForm CSV forms and list every problem") },
	{ .name = "form test", .args = "FORM ANSWERS", .run = cmd_form,
	  .summary = N_("show relevance, values and errors for a set of answers") },
	{ .name = "export", .args = "DIR [--since DATE] [--place CODE] [--for-spreadsheet]",
	  .run = cmd_export, .summary = N_("write the synced tables as CSV files into a folder") },
	{ .name = "import", .args = "PATH... [--dry-run] [--accept-changed]", .run = cmd_import,
	  .summary = N_("merge CSV files or export folders into the database") },
	{ .name = "export-form", .args = "FORM DIR [--drafts] [--for-spreadsheet] [--split-select-multiples]",
	  .run = cmd_export_form,
	  .summary = N_("one form's assessments as CSV in ODK Central's layout") },
	{ .name = "sheet", .args = "SESSION [--format html|text] [-o FILE]", .run = cmd_sheet,
	  .summary = N_("print the sign-in sheet of a session (code or id)") },
	{ .name = "session import-participants", .args = "SESSION FILE [--apply]",
	  .run = cmd_session,
	  .summary = N_("register a participant list saved as CSV (preview; --apply writes)") },
	{ .name = "assessment report", .args = "ID [--format text|html] [-o FILE]", .run = cmd_assessment,
	  .summary = N_("one assessment as a printable report for the facility") },
	{ .name = "dupes", .args = "", .run = cmd_dupes,
	  .summary = N_("list likely duplicate people and facilities (tab-separated)") },
	{ .name = "report", .args = "[--format text|csv|html] [--plan CODE] [--areas plan|current] [--records INDICATOR|outside] [-o FILE]", .run = cmd_report,
	  .summary = N_("progress of the plan's indicators against their targets") },
	{ .name = "org list", .args = "[QUERY]", .run = cmd_org,
	  .summary = N_("list the support organisations (tab-separated)") },
	{ .name = "org show", .args = "ORG", .run = cmd_org,
	  .summary = N_("an organisation and what it took part in") },
	{ .name = "org add", .args = "NAME --kind KIND [--sectors S] [--contact C] [--phone P]",
	  .run = cmd_org, .summary = N_("add a support organisation to the network") },
	{ .name = "org link", .args = "ORG organiser|trainer|adviser SESSION|ASSESSMENT",
	  .run = cmd_org, .summary = N_("name an organisation as organiser, trainer or adviser") },
	{ .name = "org unlink", .args = "ORG ROLE SESSION|ASSESSMENT", .run = cmd_org,
	  .summary = N_("remove that part") },
	{ .name = "link-units", .args = "[--apply]", .run = cmd_link_units,
	  .summary = N_("people whose unit names a facility: list them, or link them") },
	{ .name = "plan list", .args = "", .run = cmd_plan,
	  .summary = N_("list the plans: code, period, open or closed, indicators") },
	{ .name = "plan import", .args = "FILE", .run = cmd_plan,
	  .summary = N_("add or change plans, indicators and targets from a CSV file") },
	{ .name = "plan export", .args = "[-o FILE]", .run = cmd_plan,
	  .summary = N_("write every plan as CSV (standard output by default)") },
	{ .name = "demo", .args = "[--force]", .run = cmd_demo,
	  .summary = N_("fill the database with realistic sample data for Son La") },
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

int cli_usage_error(const char *fmt, ...)
{
	va_list ap;
	fputs("sxsh: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n%s\n", _("Try 'sxsh --help' for the commands and options."));
	return SX_USAGE;
}

int cli_fail(const struct sx_err *err)
{
	for (size_t i = 0; i < err->n; i++)
		cli_print_msg(err->msgs[i]);
	return SX_FAIL;
}

FILE *cli_output_open(const char *path, struct sx_err *err)
{
	/* Personal data: owner-only, also when the file was there before; never
	 * through a symbolic link. */
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
	FILE *fp;
	if (fd < 0 || platform_private_fd(fd) != 0 || !(fp = fdopen(fd, "w"))) {
		sx_err_add(err, path, 0, _("cannot write: %s"), strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	return fp;
}

int cli_output_close(FILE *fp, const char *path, int ok, struct sx_err *err)
{
	int bad = ferror(fp) || fflush(fp) != 0 || platform_fsync(fileno(fp)) != 0;
	int e = errno;
	if (fclose(fp) != 0 && !bad)
		bad = 1, e = errno;
	if (bad && ok)
		sx_err_add(err, path, 0, _("cannot write: %s"), strerror(e));
	if (bad || !ok)
		unlink(path);
	return bad || !ok ? -1 : 0;
}

void cli_print_msg(const char *msg)
{
	/* Messages quote imported text: never let it reach the terminal raw. */
	char *safe = text_printable(msg);
	fprintf(stderr, "sxsh: %s\n", safe);
	free(safe);
}

static void print_help(void)
{
	printf(_("Usage: sxsh [--db PATH] [--lang vi|en] [COMMAND [ARGUMENTS]]\n\n"
		 "Cleaner-production (SXSH) assessments and training records for the officers\n"
		 "who carry out a province's cleaner-production plan.  Without a command, sxsh\n"
		 "opens its full-screen interface.\n\n"));
	printf("%s\n", _("Commands:"));
	for (size_t i = 0; i < NCOMMANDS; i++) {
		char head[128];
		snprintf(head, sizeof head, "%s %s", commands[i].name, commands[i].args);
		if (strlen(head) > 28)   /* a long synopsis gets its own line */
			printf("  %s\n  %-28s %s\n", head, "", _(commands[i].summary));
		else
			printf("  %-28s %s\n", head, _(commands[i].summary));
	}
	printf("\n%s\n", _("Options:"));
	printf("  %-28s %s\n", "--db PATH", _("the database file (or set SXSH_DB)"));
	printf("  %-28s %s\n", "", _("default: $XDG_DATA_HOME/sxsh/sxsh.db"));
	printf("  %-28s %s\n", "--lang vi|en", _("language of the program (remembered)"));
	printf("  %-28s %s\n", "-h, --help", _("show this help"));
	printf("  %-28s %s\n", "-V, --version", _("show the version"));
	printf("\n%s\n", _("Exit status: 0 success, 1 failure, 2 usage error."));
}

/* Global options, as parsed before the language is known. */
struct opts {
	const char *db;         /* --db */
	const char *lang;       /* --lang */
	int help, version;      /* -h, -V */
	const char *bad;        /* first unknown option */
	const char *missing;    /* option given without its value */
	int cmd;                /* index of the command word in argv, or argc */
};

static void parse_opts(int argc, char **argv, struct opts *o)
{
	int i;
	memset(o, 0, sizeof *o);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char **dst = strncmp(a, "--db", 4) == 0 ? &o->db
			: strncmp(a, "--lang", 6) == 0 ? &o->lang : NULL;
		size_t plen = dst == &o->db ? 4 : 6;
		if (strcmp(a, "--") == 0) {
			i++;
			break;
		}
		if (dst && a[plen] == '=') {
			*dst = a + plen + 1;
		} else if (dst && a[plen] == '\0') {
			if (i + 1 >= argc)
				o->missing = a;
			else
				*dst = argv[++i];
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			o->help = 1;
		} else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
			o->version = 1;
		} else if (a[0] == '-' && a[1]) {
			if (!o->bad)
				o->bad = a;
		} else {
			break;
		}
	}
	o->cmd = i;
}

/* The command named by argv[0] (and argv[1] for two-word commands such as
 * "form check"); a first word alone picks its family, whose handler then
 * explains what is missing. */
static const struct command *find_command(int argc, char **argv)
{
	const struct command *family = NULL;
	for (size_t i = 0; i < NCOMMANDS; i++) {
		const char *name = commands[i].name, *sp = strchr(name, ' ');
		size_t len = sp ? (size_t)(sp - name) : strlen(name);
		if (strncmp(name, argv[0], len) != 0 || argv[0][len] != '\0')
			continue;
		if (!sp || (argc > 1 && strcmp(sp + 1, argv[1]) == 0))
			return &commands[i];
		family = &commands[i];
	}
	return family;
}

static char *choose_db(const struct opts *o)
{
	const char *env = getenv("SXSH_DB");
	if (o->db)
		return xstrdup(o->db);
	if (env && *env)
		return xstrdup(env);
	return paths_default_db();
}

static int dispatch(struct sx_ctx *ctx, const struct opts *o, int argc, char **argv)
{
	const struct command *c;

	if (o->bad)
		return cli_usage_error(_("unknown option '%s'"), o->bad);
	if (o->missing)
		return cli_usage_error(_("option '%s' needs a value"), o->missing);
	if (o->lang && !i18n_known(o->lang))
		return cli_usage_error(_("unknown language '%s': use vi or en"), o->lang);
	if (o->help) {
		print_help();
		return SX_OK;
	}
	if (o->version) {
		printf("sxsh %s\n", SXSH_VERSION);
		return SX_OK;
	}
	if (o->cmd >= argc)
		return ui_main(ctx);
	c = find_command(argc - o->cmd, argv + o->cmd);
	if (!c)
		return cli_usage_error(_("unknown command '%s'"), argv[o->cmd]);
	return c->run(ctx, argc - o->cmd, argv + o->cmd);
}

int cli_main(int argc, char **argv)
{
	struct sx_ctx ctx;
	struct opts o;
	char *localedir, *db;
	int rc;

	platform_init(&argc, &argv);
	umask(077);   /* the database and exports hold personal data */
	localedir = paths_localedir();
	i18n_init(localedir);
	free(localedir);
	parse_opts(argc, argv, &o);
	db = choose_db(&o);
	ctx_init(&ctx, db, o.lang && i18n_known(o.lang) ? o.lang : NULL);
	free(db);
	rc = dispatch(&ctx, &o, argc, argv);
	ctx_free(&ctx);
	return rc;
}
