/* sheet.c — rendering the sign-in sheet as aligned text or printable HTML. */
#include "training/sheet.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "training/attendance.h"
#include "base/date.h"
#include "base/html.h"
#include "base/i18n.h"
#include "base/mem.h"
#include "base/platform.h"
#include "base/printdoc.h"
#include "records/office.h"
#include "records/orgs.h"
#include "records/people.h"
#include "records/places.h"
#include "base/text.h"

/* Fixed columns of the table, before the signature columns. */
enum { C_NO, C_NAME, C_YEAR, C_GENDER, C_ETHNIC, C_UNIT, C_CAT, C_PHONE, NCOLS };

static const char *const col_heads[NCOLS] = {
	N_("No."), N_("Full name"), N_("Year of birth"), N_("Gender"), N_("Ethnicity"),
	N_("Position and unit"), N_("Category"), N_("Phone"),
};
/* Widest a text column may grow (longer text is cut with "…"). */
static const int col_max[NCOLS] = { 4, 28, 9, 8, 12, 32, 28, 14 };

/* The heading: label and value pairs, values owned ("" when unknown). */
struct heading {
	const char *label[7];   /* translated labels */
	char *value[7];         /* values */
	int n;                  /* how many */
};

int sheet_format_parse(const char *name, enum sheet_format *out)
{
	if (strcmp(name, "text") == 0)
		*out = SHEET_TEXT;
	else if (strcmp(name, "html") == 0)
		*out = SHEET_HTML;
	else
		return -1;
	return 0;
}

static void add_line(struct heading *h, const char *label, char *value)
{
	if (!value || !*value) {
		free(value);
		return;
	}
	h->label[h->n] = label;
	h->value[h->n++] = value;
}

static char *dates_of(const struct session *s)
{
	char a[11], b[11];
	date_format_user(s->start_date, a);
	date_format_user(s->end_date ? s->end_date : s->start_date, b);
	return strcmp(a, b) == 0 ? xstrdup(a) : xasprintf("%s – %s", a, b);
}

/* The organiser or trainer as typed on the session, else the organisations
 * of the support network named in that role (records/orgs.h).  Owned. */
static char *party_of(struct sx_db *db, const struct session *s, const char *typed,
		      const char *role)
{
	char *named;
	if (typed && *typed)
		return xstrdup(typed);
	named = orgs_session_names(db, s->uuid, role);
	return named ? named : xstrdup("");
}

static void build_heading(struct sx_db *db, const struct session *s, struct heading *h)
{
	char *place = s->place_uuid ? places_name(db, s->place_uuid) : NULL;
	const char *venue = s->venue ? s->venue : "";

	memset(h, 0, sizeof *h);
	add_line(h, session_kind_label(s->kind), xstrdup(s->title));
	add_line(h, _("Code"), xstrdup(s->code));
	add_line(h, _("Plan"), session_plan_title(db, s->plan_uuid));
	add_line(h, _("Dates"), dates_of(s));
	add_line(h, _("Venue"), place && *venue ? xasprintf("%s, %s", venue, place)
				: xstrdup(place ? place : venue));
	add_line(h, _("Organiser"), party_of(db, s, s->organiser, "organiser"));
	add_line(h, _("Trainer"), party_of(db, s, s->trainer, "trainer"));
	free(place);
}

static void free_heading(struct heading *h)
{
	for (int i = 0; i < h->n; i++)
		free(h->value[i]);
}

/* The fixed cells of participant i (number i + 1).  Caller frees each. */
static void row_cells(const struct participant *p, size_t i, char *cell[NCOLS])
{
	const char *pos = p->position, *unit = p->unit;
	cell[C_NO] = xasprintf("%zu", i + 1);
	cell[C_NAME] = p->walk_in ? xasprintf("%s *", p->full_name) : xstrdup(p->full_name);
	cell[C_YEAR] = p->birth_year ? xasprintf("%d", p->birth_year) : xstrdup("");
	cell[C_GENDER] = xstrdup(people_gender_label(p->gender));
	cell[C_ETHNIC] = xstrdup(p->ethnicity);
	cell[C_UNIT] = *pos && *unit ? xasprintf("%s, %s", pos, unit) : xstrdup(*pos ? pos : unit);
	cell[C_CAT] = xstrdup(people_category_label(p->category));
	cell[C_PHONE] = xstrdup(p->phone);
}

static void free_cells(char *cell[NCOLS])
{
	for (int c = 0; c < NCOLS; c++)
		free(cell[c]);
}

/* The header of a signature column: "Signature dd/mm". */
static char *day_head(const char *iso)
{
	char d[11];
	date_format_user(iso, d);
	d[5] = '\0';
	return xasprintf(_("Signature %s"), d);
}

/* Write s cut to w columns, padded to w unless it is the last cell. */
static void put_cell(FILE *out, const char *s, int w, int right, int last)
{
	char *safe = text_printable(s), *fit = text_fit(safe, w);
	int pad = w - text_width(fit);
	free(safe);
	if (right)
		fprintf(out, "%*s%s", pad, "", fit);
	else if (last)
		fputs(fit, out);
	else
		fprintf(out, "%s%*s", fit, pad, "");
	free(fit);
}

static int width_of(const char *s, int max)
{
	char *safe = text_printable(s);
	int w = text_width(safe);
	free(safe);
	return w > max ? max : w;
}

/* How many participants registered on the day. */
static size_t walk_ins(const struct attendance_grid *g)
{
	size_t n = 0;
	for (size_t i = 0; i < g->n; i++)
		n += g->people[i].walk_in != 0;
	return n;
}

static void write_text(const struct heading *h, const struct attendance_grid *g, FILE *out)
{
	int w[NCOLS], dw = 0, total = NCOLS + (int)g->ndays;
	char *cell[NCOLS];

	fprintf(out, "%s\n\n", _("Sign-in sheet"));
	for (int i = 0; i < h->n; i++) {
		char *v = text_printable(h->value[i]);
		fprintf(out, "%s: %s\n", h->label[i], v);
		free(v);
	}
	fputc('\n', out);
	for (int c = 0; c < NCOLS; c++)
		w[c] = text_width(_(col_heads[c]));
	for (size_t i = 0; i < g->n; i++) {
		row_cells(&g->people[i], i, cell);
		for (int c = 0; c < NCOLS; c++)
			if (width_of(cell[c], col_max[c]) > w[c])
				w[c] = width_of(cell[c], col_max[c]);
		free_cells(cell);
	}
	for (size_t d = 0; d < g->ndays; d++) {
		char *head = day_head(g->days[d]);
		if (text_width(head) > dw)
			dw = text_width(head);
		free(head);
	}
	for (int c = 0; c < total; c++) {
		char *head = c < NCOLS ? xstrdup(_(col_heads[c])) : day_head(g->days[c - NCOLS]);
		if (c)
			fputs("  ", out);
		put_cell(out, head, c < NCOLS ? w[c] : dw, 0, c == total - 1);
		free(head);
	}
	fputc('\n', out);
	for (int c = 0; c < total; c++) {
		int cw = c < NCOLS ? w[c] : dw;
		fprintf(out, "%s%.*s", c ? "  " : "", cw,
			"----------------------------------------------------------------");
	}
	fputc('\n', out);
	for (size_t i = 0; i < g->n; i++) {
		row_cells(&g->people[i], i, cell);
		for (int c = 0; c < total; c++) {
			if (c)
				fputs("  ", out);
			if (c < NCOLS)
				put_cell(out, cell[c], w[c], c == C_NO, 0);
			else
				fprintf(out, "%.*s", dw, "________________________________");
		}
		fputc('\n', out);
		free_cells(cell);
	}
	fprintf(out, "\n%s %zu\n", _("Participants:"), g->n);
	if (walk_ins(g))
		fprintf(out, "%s %zu\n", _("* Registered on the day (walk-ins):"), walk_ins(g));
}

static const char html_style[] =
	"h1 { font-size: 14pt; text-align: center; text-transform: uppercase; margin: 0 0 8pt; }\n"
	"table.head { margin-bottom: 8pt; }\n"
	"table.head th { text-align: left; font-weight: normal; padding: 1pt 8pt 1pt 0; }\n"
	"table.head td { font-weight: bold; }\n"
	"table.sheet { border-collapse: collapse; width: 100%; font-size: 10pt; }\n"
	"table.sheet th, table.sheet td { border: 1px solid #000; padding: 3pt 4pt;"
	" vertical-align: middle; }\n"
	"table.sheet th { font-weight: bold; text-align: center; }\n"
	"table.sheet td.no, table.sheet td.year { text-align: center; }\n"
	"table.sheet tbody td:nth-child(2) { white-space: nowrap; }\n"
	"table.sheet td.sign { width: 22mm; height: 9mm; }\n"
	"p.confirm { margin: 8pt 0 0; break-after: avoid; page-break-after: avoid; }\n";

static void write_html(const struct heading *h, const struct attendance_grid *g,
		       const struct printdoc_office *doc, FILE *out)
{
	static const char *const td_class[NCOLS] = { "no", "", "year", "", "", "", "", "" };
	char *cell[NCOLS];

	fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<title>", i18n_lang());
	html_put(out, _("Sign-in sheet"));
	fprintf(out, " — ");
	html_put(out, h->n ? h->value[0] : "");
	fputs("</title>\n<style>\n", out);
	printdoc_css(out, "A4 landscape");
	fprintf(out, "%s</style>\n</head>\n<body>\n", html_style);
	printdoc_heading(out, doc);
	fputs("<h1>", out);
	html_put(out, _("Sign-in sheet"));
	fputs("</h1>\n<table class=\"head\">\n", out);
	for (int i = 0; i < h->n; i++) {
		fputs("<tr><th>", out);
		html_put(out, h->label[i]);
		fputs(":</th><td>", out);
		html_put(out, h->value[i]);
		fputs("</td></tr>\n", out);
	}
	fputs("</table>\n<table class=\"sheet\">\n<thead>\n<tr>", out);
	for (int c = 0; c < NCOLS + (int)g->ndays; c++) {
		char *head = c < NCOLS ? xstrdup(_(col_heads[c])) : day_head(g->days[c - NCOLS]);
		fputs("<th>", out);
		html_put(out, head);
		fputs("</th>", out);
		free(head);
	}
	fputs("</tr>\n</thead>\n<tbody>\n", out);
	for (size_t i = 0; i < g->n; i++) {
		row_cells(&g->people[i], i, cell);
		fputs("<tr>", out);
		for (int c = 0; c < NCOLS; c++) {
			fprintf(out, *td_class[c] ? "<td class=\"%s\">" : "<td%s>", td_class[c]);
			html_put(out, cell[c]);
			fputs("</td>", out);
		}
		for (size_t d = 0; d < g->ndays; d++)
			fputs("<td class=\"sign\"></td>", out);
		fputs("</tr>\n", out);
		free_cells(cell);
	}
	fprintf(out, "</tbody>\n</table>\n<p>");
	html_put(out, _("Participants:"));
	fprintf(out, " %zu", g->n);
	if (walk_ins(g)) {
		fputs("<br>", out);
		html_put(out, _("* Registered on the day (walk-ins):"));
		fprintf(out, " %zu", walk_ins(g));
	}
	fputs("</p>\n<p class=\"confirm\">", out);
	html_put(out, _("The organiser confirms that the people listed above took part in the "
			"session on the days they signed for."));
	fputs("</p>\n", out);
	printdoc_signatures(out, doc);
	fputs("</body>\n</html>\n", out);
}

/* The frame of the sheet: the organiser's heading (the office's when the
 * session names none), dated on the first day, prepared by the officer and
 * confirmed by the organiser.  d borrows from s, o and organiser. */
static void sheet_doc(const struct session *s, const struct office *o, const char *organiser,
		      struct printdoc_office *d)
{
	office_doc(o, d);
	if (*organiser) {
		d->parent = NULL;
		d->name = organiser;
	}
	if (s->start_date && *s->start_date)
		d->date = s->start_date;
	d->left_title = _("List prepared by");
	d->right_title = _("Confirmed by the organiser");
	d->right_name = NULL;
}

int sheet_write(struct sx_db *db, const struct session *s, enum sheet_format fmt, FILE *out,
		struct sx_err *err)
{
	struct attendance_grid g;
	struct printdoc_office d;
	struct heading h;
	struct office o;

	if (attendance_grid_load(db, s, &g, err) != 0)
		return -1;
	build_heading(db, s, &h);
	if (fmt == SHEET_HTML) {
		char *organiser = party_of(db, s, s->organiser, "organiser");
		office_load(db, &o);
		sheet_doc(s, &o, organiser, &d);
		write_html(&h, &g, &d, out);
		office_free(&o);
		free(organiser);
	} else {
		write_text(&h, &g, out);
	}
	free_heading(&h);
	attendance_grid_free(&g);
	if (fflush(out) != 0 || ferror(out)) {
		sx_err_add(err, NULL, 0, _("could not write the sign-in sheet: %s"), strerror(errno));
		return -1;
	}
	return 0;
}

int sheet_save(struct sx_db *db, const struct session *s, enum sheet_format fmt,
	       const char *path, struct sx_err *err)
{
	char *tmp = xasprintf("%s.tmp-XXXXXX", path);
	int fd = mkstemp(tmp), rc = -1;
	FILE *out;

	if (fd < 0) {
		sx_err_add(err, path, 0, "%s", strerror(errno));
		free(tmp);
		return -1;
	}
	platform_private_fd(fd);   /* personal data, whatever the umask */
	out = fdopen(fd, "w");
	if (!out) {
		close(fd);
	} else if (sheet_write(db, s, fmt, out, err) == 0 && platform_fsync(fileno(out)) == 0) {
		rc = 0;
	}
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

char *sheet_file_name(const struct session *s, enum sheet_format fmt)
{
	char *stem = text_slug(_("sign-in-sheet"), 40), *title = text_slug(s->title, 30);
	char *day = text_slug(s->start_date, 10);
	char *name = xasprintf("%s%s%s%s%s.%s", stem, *day ? "-" : "", day, *title ? "-" : "",
			       title, fmt == SHEET_HTML ? "html" : "txt");
	free(stem);
	free(title);
	free(day);
	return name;
}
