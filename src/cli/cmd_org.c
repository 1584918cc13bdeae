/* cmd_org.c — sxsh org list|show|add|link|unlink: the network of
 * cleaner-production support organisations from the command line.
 *
 *   org list [QUERY]          name, kind, sectors, contact, phone (tab-separated)
 *   org show ORG              the record and what it took part in, by date
 *   org add NAME --kind K [--sectors "cassava sugar"] [--contact NAME]
 *           [--phone P] [--email E] [--address A] [--note N]
 *   org link ORG organiser|trainer SESSION    (a session code or id)
 *   org link ORG adviser ASSESSMENT           (an assessment id)
 *   org unlink ORG ROLE TARGET
 *
 * ORG is an organisation's id or its name (case and accents ignored). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/i18n.h"
#include "base/phone.h"
#include "cli/commands.h"
#include "records/orgs.h"
#include "training/session.h"

/* s with control characters shown as spaces: text from other laptops
 * never reaches the terminal raw. */
static void put_clean(const char *s)
{
	for (; s && *s; s++)
		putchar((unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s);
}

static int org_list(struct sx_db *db, int argc, char **argv, struct sx_err *err)
{
	struct org *list;
	size_t n;

	if (argc > 2)
		return cli_usage_error(_("'org list' takes one search (got '%s' too)"), argv[2]);
	if (orgs_list(db, argc > 1 ? argv[1] : NULL, &list, &n, err) != 0)
		return cli_fail(err);
	for (size_t i = 0; i < n; i++) {
		char *sectors = orgs_sectors_label(list[i].sectors);
		const char *cells[5] = { list[i].name, orgs_kind_label(list[i].kind), sectors,
					 list[i].contact_name, list[i].phone };
		for (int c = 0; c < 5; c++) {
			put_clean(cells[c]);
			putchar(c < 4 ? '\t' : '\n');
		}
		free(sectors);
		org_clear(&list[i]);
	}
	free(list);
	return SX_OK;
}

/* Find ORG or say it is unknown.  SX_OK, or SX_FAIL after printing why. */
static int need_org(struct sx_db *db, const char *key, struct org *o, struct sx_err *err)
{
	int found = orgs_find(db, key, o, err);
	if (found == 0)
		sx_err_add(err, NULL, 0, _("no organisation '%s'; 'sxsh org list' shows them"), key);
	return found == 1 ? SX_OK : cli_fail(err);
}

static int org_show(struct sx_db *db, int argc, char **argv, struct sx_err *err)
{
	struct org_part *p;
	struct org o;
	size_t n;
	char *sectors;

	if (argc != 2)
		return cli_usage_error("%s", _("'org show' needs one organisation"));
	if (need_org(db, argv[1], &o, err) != SX_OK)
		return SX_FAIL;
	if (orgs_parts(db, o.uuid, NULL, NULL, &p, &n, err) != 0) {
		org_clear(&o);
		return cli_fail(err);
	}
	sectors = orgs_sectors_label(o.sectors);
	const char *lab[8] = { _("Name"), _("Kind"), _("Sectors"), _("Contact"), _("Phone"),
			       _("E-mail"), _("Address"), _("Note") };
	const char *val[8] = { o.name, orgs_kind_label(o.kind), sectors, o.contact_name,
			       o.phone, o.email, o.address, o.note };
	for (int i = 0; i < 8; i++)
		if (val[i] && *val[i]) {
			printf("%s: ", lab[i]);
			put_clean(val[i]);
			putchar('\n');
		}
	printf("%s %zu\n", _("Took part in:"), n);
	for (size_t i = 0; i < n; i++) {
		char d[11];
		date_format_user(p[i].date, d);
		printf("  %s  %s: ", *p[i].date ? d : "          ", orgs_role_label(p[i].role));
		put_clean(p[i].what);
		putchar('\n');
	}
	free(sectors);
	orgs_parts_free(p, n);
	org_clear(&o);
	return SX_OK;
}

static int org_add(struct sx_db *db, int argc, char **argv, struct sx_err *err)
{
	static const char *const names[] = { "--kind", "--sectors", "--contact", "--phone",
					     "--email", "--address", "--note" };
	struct org o = {0};
	char **dst[7] = { &o.kind, &o.sectors, &o.contact_name, &o.phone, &o.email,
			  &o.address, &o.note };

	for (int i = 1; i < argc; i++) {
		size_t k = 0;
		while (k < 7 && strcmp(argv[i], names[k]) != 0)
			k++;
		if (k < 7 && i + 1 >= argc)
			return cli_usage_error(_("option '%s' needs a value"), argv[i]);
		if (k < 7)
			*dst[k] = argv[++i];
		else if (argv[i][0] == '-' && argv[i][1])
			return cli_usage_error(_("unknown option '%s'"), argv[i]);
		else if (o.name)
			return cli_usage_error(_("'org add' takes one name (got '%s' too)"), argv[i]);
		else
			o.name = argv[i];
	}
	if (!o.name || !o.kind)
		return cli_usage_error("%s", _("'org add' needs a name and --kind (cp_centre, "
					       "consultant, university, fund, association, other)"));
	char phone[PHONE_MAX];
	if (o.phone && phone_canon(o.phone, phone) != 0)
		return cli_usage_error(_("--phone: \"%s\" is not a phone number (a mobile is 0 and 9"
					 " digits, such as 0912345678; a landline 0, the area code and"
					 " the number, 11 digits, such as 02123852123)"), o.phone);
	if (o.phone)
		o.phone = *phone ? phone : NULL;
	if (orgs_save(db, &o, err) != 0)
		return cli_fail(err);
	printf("%s\n", o.uuid);
	return SX_OK;
}

/* org link|unlink ORG ROLE TARGET; a session target may be its code. */
static int org_link(struct sx_db *db, int argc, char **argv, struct sx_err *err)
{
	int unlink = strcmp(argv[0], "unlink") == 0, rc;
	struct session s;
	struct org o;
	char target[64];

	if (argc != 4)
		return cli_usage_error(_("'org %s' needs an organisation, a role and a session or "
					 "assessment"), argv[0]);
	if (need_org(db, argv[1], &o, err) != SX_OK)
		return SX_FAIL;
	snprintf(target, sizeof target, "%s", argv[3]);
	if (strcmp(argv[2], "adviser") != 0 && session_find(db, argv[3], &s, err) == 0) {
		snprintf(target, sizeof target, "%s", s.uuid);
		session_clear(&s);
	}
	sx_err_clear(err);
	rc = unlink ? orgs_unlink(db, o.uuid, argv[2], target, err)
		    : orgs_link(db, o.uuid, argv[2], target, err);
	org_clear(&o);
	return rc < 0 ? cli_fail(err) : SX_OK;
}

int cmd_org(struct sx_ctx *ctx, int argc, char **argv)
{
	struct sx_err err = {0};
	struct sx_db *db;
	const char *sub = argc > 1 ? argv[1] : "";
	int rc;

	if (strcmp(sub, "list") && strcmp(sub, "show") && strcmp(sub, "add") &&
	    strcmp(sub, "link") && strcmp(sub, "unlink"))
		return cli_usage_error("%s", _("'org' needs a subcommand: list, show, add, link "
					       "or unlink"));
	db = ctx_db(ctx, &err);
	if (!db)
		rc = cli_fail(&err);
	else if (sub[0] == 'l' && sub[1] == 'i' && sub[2] == 's')
		rc = org_list(db, argc - 1, argv + 1, &err);
	else if (sub[0] == 's')
		rc = org_show(db, argc - 1, argv + 1, &err);
	else if (sub[0] == 'a')
		rc = org_add(db, argc - 1, argv + 1, &err);
	else
		rc = org_link(db, argc - 1, argv + 1, &err);
	sx_err_clear(&err);
	return rc;
}
