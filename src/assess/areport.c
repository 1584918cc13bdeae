/* areport.c — one assessment as a report for the facility (text or A4 HTML). */
#include "assess/areport.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "assess/assess.h"
#include "base/clock.h"
#include "base/html.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/platform.h"
#include "base/text.h"
#include "base/printdoc.h"
#include "form/formdir.h"
#include "form/fsession.h"
#include "form/xlsform.h"

int areport_format_parse(const char *s, enum areport_format *out)
{
	if (strcmp(s, "text") == 0)
		*out = AREPORT_TEXT;
	else if (strcmp(s, "html") == 0)
		*out = AREPORT_HTML;
	else
		return -1;
	return 0;
}

/* What is being written and how far. */
struct rep {
	const struct xform *f;
	struct fsession *fs;
	enum areport_format fmt;
	FILE *out;
	int open_table;   /* HTML: a <table> is open */
	int draft;        /* not finished yet: the report says how far it got */
};

/* Text to the output, escaped in HTML. */
static void put(struct rep *r, const char *s)
{
	if (r->fmt == AREPORT_HTML)
		html_put(r->out, s);
	else
		fputs(s, r->out);
}

static void close_table(struct rep *r)
{
	if (r->fmt == AREPORT_HTML && r->open_table)
		fputs("</table>\n", r->out);
	r->open_table = 0;
}

/* A heading: a group, or an entry of a repeated part. */
static void heading(struct rep *r, const char *text)
{
	close_table(r);
	if (r->fmt == AREPORT_HTML) {
		fputs("<h2>", r->out);
		put(r, text);
		fputs("</h2>\n", r->out);
		return;
	}
	fprintf(r->out, "\n%s\n", text);
	for (size_t k = strlen(text); k > 0; k--)
		if (((unsigned char)text[k - 1] & 0xC0) != 0x80)
			fputc('-', r->out);
	fputc('\n', r->out);
}

/* A line: "label: value", or a note alone (value NULL). */
static void line(struct rep *r, const char *label, const char *value)
{
	if (r->fmt == AREPORT_TEXT) {
		fprintf(r->out, value ? "%s: %s\n" : "%s\n", label, value);
		return;
	}
	if (!r->open_table)
		fputs("<table>\n", r->out);
	r->open_table = 1;
	if (value) {
		fputs("<tr><th>", r->out);
		put(r, label);
		fputs("</th><td>", r->out);
		put(r, value);
		fputs("</td></tr>\n", r->out);
	} else {
		fputs("<tr><td colspan=\"2\" class=\"note\">", r->out);
		put(r, label);
		fputs("</td></tr>\n", r->out);
	}
}

/* The entry number of the innermost repeat in path ("options[2]/x": 2), or 0. */
static long entry_of(const char *path)
{
	const char *br = strrchr(path, '[');
	return br ? strtol(br + 1, NULL, 10) : 0;
}

static void heading_free(struct rep *r, char *text)
{
	heading(r, text);
	free(text);
}

char *areport_entry_heading(struct fsession *fs, size_t item)
{
	size_t n;
	const struct fs_item *it = fs_items(fs, &n);
	const struct xform *f = fs_form(fs);
	int rep = xform_repeat_of(f, it[item].node);
	return xasprintf(_("%s — entry %ld"), rep >= 0 ? xform_text(f, &f->nodes[rep].label,
			 fs_lang(fs)) : "", entry_of(it[item].path));
}

char *areport_group_heading(struct fsession *fs, size_t item)
{
	size_t n;
	const struct fs_item *it = fs_items(fs, &n);
	const struct xform *f = fs_form(fs);
	char *h, *part;

	if (it[item].group < 0)
		return xstrdup("");
	h = xstrdup(xform_text(f, &f->nodes[it[item].group].label, fs_lang(fs)));
	part = strrchr(h, '(');
	if (part && part > h && part[-1] == ' ' && strchr("0123456789", part[1]))
		part[-1] = '\0';   /* "D. … (2/5)": one heading for the five screens */
	return h;
}

long areport_entry_of(const char *path)
{
	return entry_of(path);
}

/* Every item that applies, in the form's order, under its group's heading. */
static void body(struct rep *r)
{
	size_t n;
	const struct fs_item *it = fs_items(r->fs, &n);
	int group = -2;
	long entry = 0;
	char *last = NULL;   /* the last group heading written */

	for (size_t i = 0; i < n; i++) {
		const struct xform_node *node = &r->f->nodes[it[i].node];
		long e = entry_of(it[i].path);
		char *label, *shown;

		if (fs_type_auto(node->type) || node->type == XFT_REPEAT || !fs_relevant(r->fs, i))
			continue;
		if (node->type == XFT_NOTE) {
			size_t len = strlen(node->name);
			if (len >= 6 && strcmp(node->name + len - 6, "_intro") == 0)
				continue;   /* how to fill the section, not a finding */
		} else if (!*fs_get(r->fs, it[i].path)) {
			continue;
		} else if (node->list_name && (strcmp(node->list_name, "yna") == 0 ||
			   (e && strcmp(node->list_name, "yesno") == 0)) &&
			   strcmp(fs_get(r->fs, it[i].path), "yes") != 0) {
			continue;   /* an observation or an option's check: only what was found */
		}
		if (e && e != entry) {
			heading_free(r, areport_entry_heading(r->fs, i));
			group = it[i].group;
		} else if (!e && it[i].group != group && it[i].group >= 0) {
			char *h = areport_group_heading(r->fs, i);
			if (!last || strcmp(last, h) != 0)
				heading(r, h);
			free(last);
			last = h;
			group = it[i].group;
		}
		entry = e;
		label = fs_label(r->fs, i);
		if (node->type == XFT_NOTE) {
			line(r, label, NULL);
		} else {
			shown = fs_display(r->fs, i);
			line(r, label, shown);
			free(shown);
		}
		free(label);
	}
	free(last);
	close_table(r);
}

/* For a draft, under the title: not finished, and the one count (assess_progress()). */
static void draft_line(struct rep *r)
{
	struct assess_progress p;
	char *count, *text;

	if (!r->draft)
		return;
	assess_progress(r->fs, &p);
	count = assess_progress_text(&p);
	text = xasprintf(_("Draft, not finished: %s."), count);
	if (r->fmt == AREPORT_HTML) {
		fputs("<p class=\"sub\">", r->out);
		put(r, text);
		fputs("</p>\n", r->out);
	} else {
		fprintf(r->out, "%s\n", text);
	}
	free(text);
	free(count);
}

/* The HTML page around the body. */
static void html_page(struct rep *r, const char *facility)
{
	const char *officer = fs_get(r->fs, "officer_name"), *owner = fs_get(r->fs, "owner_name");
	const char *date = fs_get(r->fs, "assess_date");
	struct printdoc_office doc = {
		.date = *date ? date : NULL,
		.left_title = _("FOR THE FACILITY"), .left_name = owner,
		.right_title = _("ASSESSING OFFICER"), .right_name = officer,
	};

	fprintf(r->out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<title>", fs_lang(r->fs));
	put(r, _("Rapid cleaner-production assessment"));
	fputs(" — ", r->out);
	put(r, facility);
	fputs("</title>\n<style>\n", r->out);
	printdoc_css(r->out, "A4 portrait");
	fputs("body { font-size: 8pt; line-height: 1.08; }\n"
	      "h1 { font-size: 13pt; text-align: center; margin: 0 0 1mm; }\n"
	      "p.sub { text-align: center; margin: 0 0 2mm; font-size: 11pt; }\n"
	      "div.cols { column-count: 2; column-gap: 6mm; }\n"
	      "h2 { font-size: 9pt; margin: 2mm 0 0.5mm; break-after: avoid; }\n"
	      "table { width: 100%; border-collapse: collapse; font-size: 8pt; }\n"
	      "th, td { text-align: left; vertical-align: top; padding: 0.1mm 0.8mm;"
	      " border-bottom: 0.2mm solid #bbb; }\n"
	      "th { width: 50%; font-weight: normal; }\n"
	      "td.note { font-style: italic; }\n", r->out);
	fputs("</style>\n</head>\n<body>\n<h1>", r->out);
	put(r, _("Rapid cleaner-production assessment"));
	fputs("</h1>\n<p class=\"sub\">", r->out);
	put(r, facility);
	fputs("</p>\n", r->out);
	draft_line(r);
	fputs("<div class=\"cols\">\n", r->out);
	body(r);
	fputs("</div>\n", r->out);
	printdoc_signatures(r->out, &doc);
	fputs("</body>\n</html>\n", r->out);
}

int areport_write(struct sx_db *db, const char *datadir, const char *uuid,
		  enum areport_format fmt, FILE *out, struct sx_err *err)
{
	struct assess_row row;
	struct xform *f = NULL;
	char *path;
	int rc = -1;

	if (assess_get(db, uuid, &row, err) != 0)
		return -1;
	path = formdir_path(datadir, row.form_id, err);
	if (path && (f = xform_load(path, err)) != NULL) {
		struct rep r = { .f = f, .fmt = fmt, .out = out };
		r.fs = fs_new(f, i18n_lang(), clock_now_ms());
		if (assess_load(db, uuid, r.fs, err) == 0) {
			r.draft = strcmp(row.status, "complete") != 0;
			if (fmt == AREPORT_HTML) {
				html_page(&r, row.facility_name);
			} else {
				const char *t = _("Rapid cleaner-production assessment");
				fprintf(out, "%s\n%s\n", t, row.facility_name);
				draft_line(&r);
				body(&r);
			}
			rc = ferror(out) ? -1 : 0;
		}
		fs_free(r.fs);
	}
	xform_free(f);
	free(path);
	free(row.facility_name);
	free(row.form_id);
	free(row.status);
	free(row.position);
	return rc;
}

char *areport_file_name(struct sx_db *db, const char *uuid, enum areport_format fmt,
			struct sx_err *err)
{
	struct assess_row row;
	sqlite3_stmt *st;
	char *stem, *who, *day = xstrdup(""), *name;

	if (assess_get(db, uuid, &row, err) != 0)
		return NULL;
	st = db_stmt(db, "SELECT value FROM answers WHERE assessment_uuid = ? AND name ="
		     " 'visit_date' AND deleted = 0", err);
	if (st) {
		sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			free(day);
			day = text_slug((const char *)sqlite3_column_text(st, 0), 10);
		}
		sqlite3_reset(st);
	}
	stem = text_slug(_("report"), 40);
	who = text_slug(row.facility_name, 30);
	name = xasprintf("%s%s%s%s%s.%s", stem, *day ? "-" : "", day, *who ? "-" : "", who,
			 fmt == AREPORT_HTML ? "html" : "txt");
	free(stem);
	free(who);
	free(day);
	free(row.facility_name);
	free(row.form_id);
	free(row.status);
	free(row.position);
	return name;
}

int areport_save(struct sx_db *db, const char *datadir, const char *uuid,
		 enum areport_format fmt, const char *path, struct sx_err *err)
{
	char *tmp = xasprintf("%s.tmp-XXXXXX", path);
	int fd = mkstemp(tmp), rc = -1;
	FILE *out;

	if (fd < 0) {
		sx_err_add(err, path, 0, "%s", strerror(errno));
		free(tmp);
		return -1;
	}
	platform_private_fd(fd);   /* names and figures of a facility, whatever the umask */
	out = fdopen(fd, "w");
	if (!out)
		close(fd);
	else if (areport_write(db, datadir, uuid, fmt, out, err) == 0 && fflush(out) == 0 &&
		 platform_fsync(fileno(out)) == 0)
		rc = 0;
	if (out && fclose(out) != 0)
		rc = -1;
	if (rc == 0 && platform_rename(tmp, path) != 0)
		rc = -1;
	if (rc != 0) {
		if (!sx_err_count(err))
			sx_err_add(err, path, 0, "%s", strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	return rc;
}
