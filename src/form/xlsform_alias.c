/* xlsform_alias.c — the spellings pyxform accepts for the same column or
 * type: header normalisation and column aliases (pyxform's aliases.py and
 * parsing/sheet_headers.py), type aliases (question_type_dictionary.py and
 * the select/begin/end patterns of xls2json.py).  Facts from pyxform; the
 * code is ours. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "form/xlsform_int.h"
#include "base/mem.h"

struct alias {
	const char *from;  /* normalised spelling (lower case) */
	const char *to;    /* the column it means */
};

/* survey_header in aliases.py (the columns sxsh has), plus the itext names
 * of TRANSLATABLE_SURVEY_COLUMNS. */
static const struct alias survey_aliases[] = {
	{ "readonly", "read_only" }, { "relevance", "relevant" }, { "caption", "label" },
	{ "calculate", "calculation" }, { "constraining_message", "constraint_message" },
	{ "requiredmsg", "required_message" }, { "jr:constraintmsg", "constraint_message" },
	{ "jr:requiredmsg", "required_message" }, { "count", "repeat_count" },
	{ "jr:count", "repeat_count" }, { "command", "type" }, { "tag", "name" },
	{ "value", "name" },
};
/* list_header in aliases.py. */
static const struct alias choices_aliases[] = {
	{ "caption", "label" }, { "value", "name" },
};
/* settings_header in aliases.py; id_string is what form_id stands for. */
static const struct alias settings_aliases[] = {
	{ "set_form_title", "form_title" }, { "set_form_id", "form_id" },
	{ "id_string", "form_id" },
};
/* The attributes of the `bind:` and `control:` column groups. */
static const struct alias bind_aliases[] = {
	{ "relevant", "relevant" }, { "constraint", "constraint" }, { "required", "required" },
	{ "readonly", "read_only" }, { "calculate", "calculation" },
	{ "jr:constraintmsg", "constraint_message" }, { "jr:requiredmsg", "required_message" },
	{ "appearance", "appearance" }, { "jr:count", "repeat_count" },
};

static const char *lookup(const struct alias *a, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(a[i].from, s) == 0)
			return a[i].to;
	return NULL;
}
#define LOOKUP(table, s) lookup(table, sizeof table / sizeof table[0], s)

/* pyxform's to_snake_case: runs of white space become one '_', lower case. */
static char *snake(const char *s, size_t len)
{
	char *out = xmalloc(len + 1), *o = out;
	const char *end = s + len;

	while (s < end) {
		if (isspace((unsigned char)*s)) {
			while (s < end && isspace((unsigned char)*s))
				s++;
			if (o > out && s < end)
				*o++ = '_';
			continue;
		}
		*o++ = (char)tolower((unsigned char)*s++);
	}
	*o = '\0';
	return out;
}

static char *trimmed(const char *s, size_t len)
{
	while (len && isspace((unsigned char)*s))
		s++, len--;
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	return xstrndup(s, len);
}

/* Split h into the column part and the rest (the language) at the first
 * delimiter; with single colons, "jr:" stays with the word after it. */
static void split(const char *h, int double_colon, char **first, char **rest)
{
	const char *sep = NULL;
	size_t seplen = 2;

	if (double_colon || strstr(h, "::")) {
		const char *from = h;
		if (strncasecmp(h, "bind::", 6) == 0 || strncasecmp(h, "control::", 9) == 0)
			from = strstr(h, "::") + 2; /* bind::relevant::English */
		sep = strstr(from, "::");
	} else {
		seplen = 1;
		for (const char *p = strchr(h, ':'); p; p = strchr(p + 1, ':')) {
			if (p - h >= 2 && strncasecmp(p - 2, "jr", 2) == 0 &&
			    (p - h == 2 || p[-3] == ':' || isspace((unsigned char)p[-3])))
				continue; /* jr:constraintMsg */
			if (p - h == 4 && strncasecmp(h, "bind", 4) == 0)
				continue; /* bind:relevant keeps its prefix for now */
			if (p - h == 7 && strncasecmp(h, "control", 7) == 0)
				continue;
			sep = p;
			break;
		}
	}
	*first = sep ? trimmed(h, (size_t)(sep - h)) : trimmed(h, strlen(h));
	*rest = sep ? trimmed(sep + seplen, strlen(sep + seplen)) : xstrdup("");
}

struct xfl_header xfl_header(const char *h, enum xfl_sheet sheet, int double_colon)
{
	struct xfl_header out;
	char *first, *rest, *base;
	const char *to = NULL;

	split(h, double_colon, &first, &rest);
	base = snake(first, strlen(first));
	if (strncmp(base, "bind:", 5) == 0 || strncmp(base, "control:", 8) == 0) {
		const char *attr = strchr(base, ':') + 1;
		while (*attr == ':')
			attr++; /* bind::relevant */
		to = sheet == SH_SURVEY ? LOOKUP(bind_aliases, attr) : NULL;
	} else if (sheet == SH_SURVEY) {
		to = LOOKUP(survey_aliases, base);
	} else if (sheet == SH_CHOICES) {
		to = LOOKUP(choices_aliases, base);
	} else if (sheet == SH_SETTINGS) {
		to = LOOKUP(settings_aliases, base);
	}
	if (to) {
		free(base);
		base = xstrdup(to);
	}
	free(first);
	out.base = base;
	out.lang = rest;
	return out;
}

int xfl_column_outside(const char *base)
{
	static const char *const outside[] = {
		"image", "big-image", "audio", "video", "media", "parameters", "trigger",
		"body", "instance", "save_to", "autoplay", "guidance_hint", "rows",
	};
	for (size_t i = 0; i < sizeof outside / sizeof outside[0]; i++)
		if (strcmp(base, outside[i]) == 0)
			return 1;
	return 0;
}

/* ---- types --------------------------------------------------------------- */

/* question_type_dictionary.py names for the types sxsh has. */
static const struct {
	const char *word;
	enum xform_type type;
} simple[] = {
	{ "text", XFT_TEXT }, { "string", XFT_TEXT }, { "q string", XFT_TEXT },
	{ "add text prompt", XFT_TEXT },
	{ "integer", XFT_INTEGER }, { "int", XFT_INTEGER }, { "q int", XFT_INTEGER },
	{ "add integer prompt", XFT_INTEGER },
	{ "decimal", XFT_DECIMAL }, { "q decimal", XFT_DECIMAL }, { "add decimal prompt", XFT_DECIMAL },
	{ "date", XFT_DATE }, { "q date", XFT_DATE }, { "add date prompt", XFT_DATE },
	{ "note", XFT_NOTE }, { "q note", XFT_NOTE }, { "add note prompt", XFT_NOTE },
	{ "calculate", XFT_CALCULATE }, { "q calculate", XFT_CALCULATE },
	{ "add calculate prompt", XFT_CALCULATE },
	{ "acknowledge", XFT_ACKNOWLEDGE }, { "trigger", XFT_ACKNOWLEDGE },
	{ "q acknowledge", XFT_ACKNOWLEDGE }, { "add acknowledge prompt", XFT_ACKNOWLEDGE },
	/* Times and the metadata that ODK fills by itself (issue 11, section 3). */
	{ "time", XFT_TIME }, { "q time", XFT_TIME }, { "add time prompt", XFT_TIME },
	{ "datetime", XFT_DATETIME }, { "q datetime", XFT_DATETIME },
	{ "add datetime prompt", XFT_DATETIME },
	{ "start", XFT_START }, { "end", XFT_END }, { "today", XFT_TODAY },
	{ "deviceid", XFT_DEVICEID }, { "device id", XFT_DEVICEID }, { "imei", XFT_DEVICEID },
	{ "username", XFT_USERNAME },
};

/* aliases.select, longest first where one is a prefix of another. */
static const struct {
	const char *word;
	enum xform_type type;
} selects[] = {
	{ "add select one prompt using", XFT_SELECT_ONE },
	{ "add select multiple prompt using", XFT_SELECT_MULTIPLE },
	{ "select all that apply from", XFT_SELECT_MULTIPLE },
	{ "select all that apply", XFT_SELECT_MULTIPLE },
	{ "select one from", XFT_SELECT_ONE },
	{ "select one", XFT_SELECT_ONE }, { "select1", XFT_SELECT_ONE },
	{ "select_one", XFT_SELECT_ONE }, { "select_multiple", XFT_SELECT_MULTIPLE },
};

/* Types pyxform knows that sxsh does not have (refused as outside the subset,
 * not as a misspelling); matched on the type's first word(s). */
static const char *const outside_types[] = {
	"select_one_external", "select_one_from_file", "select_multiple_from_file",
	"select one from file", "select multiple from file", "select one external", "rank",
	"osm", "include", "email", "phonenumber", "phone number", "simserial",
	"sim id", "subscriberid", "subscriber id", "geopoint", "gps", "location", "geotrace",
	"geoshape", "barcode", "image", "photo", "audio", "video", "file", "range", "hidden",
	"xml-external", "csv-external", "audit", "background-audio", "background-geopoint",
	"start-geopoint", "percentage", "cascading select", "cascading_select",
};

/* s with white space runs as one space, trimmed; lower case in *low. */
static char *squeeze(const char *s, char **low)
{
	char *out = xmalloc(strlen(s) + 1), *o = out;

	for (; *s; s++) {
		if (isspace((unsigned char)*s)) {
			if (o > out && o[-1] != ' ')
				*o++ = ' ';
			continue;
		}
		*o++ = *s;
	}
	if (o > out && o[-1] == ' ')
		o--;
	*o = '\0';
	*low = xstrdup(out);
	for (char *p = *low; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return out;
}

/* 1 when low starts with word followed by the end or a space. */
static int starts_word(const char *low, const char *word)
{
	size_t n = strlen(word);
	return strncmp(low, word, n) == 0 && (low[n] == '\0' || low[n] == ' ');
}

static void parse_select(const char *orig, const char *low, size_t skip, struct xfl_type *t)
{
	const char *p = orig + skip, *end;
	const char *tail;

	if (*p != ' ')
		return;
	p++;
	end = strchr(p, ' ');
	if (!end)
		end = p + strlen(p);
	t->list = xstrndup(p, (size_t)(end - p));
	tail = low + (end - orig);
	if (*tail && strcmp(tail, " or specify other") != 0 && strcmp(tail, " or_other") != 0 &&
	    strcmp(tail, " or other") != 0) {
		free(t->list);
		t->list = NULL;
		t->kind = RK_BAD;
		return;
	}
	t->or_other = *tail != '\0';
}

/* begin/end group|repeat (pyxform's RE_BEGIN_CONTROL / RE_END_CONTROL). */
static int parse_control(const char *low, struct xfl_type *t)
{
	static const struct { const char *word; enum xform_type type; } ctl[] = {
		{ "looped group", XFT_REPEAT }, { "group", XFT_GROUP }, { "lgroup", XFT_REPEAT },
		{ "repeat", XFT_REPEAT }, { "loop", XFT_REPEAT },
	};
	int begin = strncmp(low, "begin", 5) == 0, end = strncmp(low, "end", 3) == 0;
	const char *p = low + (begin ? 5 : 3);

	if ((!begin && !end) || (*p != ' ' && *p != '_'))
		return 0;
	p++;
	for (size_t i = 0; i < sizeof ctl / sizeof ctl[0]; i++) {
		if (!starts_word(p, ctl[i].word))
			continue;
		snprintf(t->kw, sizeof t->kw, "%s_%s", begin ? "begin" : "end",
			 ctl[i].type == XFT_GROUP ? "group" : "repeat");
		t->type = ctl[i].type;
		if (strcmp(ctl[i].word, "loop") == 0)
			t->kind = RK_OUTSIDE; /* begin loop over L: a repeat per choice */
		else if (p[strlen(ctl[i].word)] != '\0')
			t->kind = RK_BAD;
		else
			t->kind = begin ? RK_NODE : ctl[i].type == XFT_GROUP ? RK_END_GROUP : RK_END_REPEAT;
		return 1;
	}
	return 0;
}

void xfl_parse_type(const char *s, struct xfl_type *t)
{
	char *low, *orig = squeeze(s, &low);

	memset(t, 0, sizeof *t);
	t->kind = RK_BAD;
	snprintf(t->kw, sizeof t->kw, "%s", low);
	if (parse_control(low, t))
		goto done;
	for (size_t i = 0; i < sizeof outside_types / sizeof outside_types[0]; i++) {
		if (starts_word(low, outside_types[i])) {
			t->kind = RK_OUTSIDE;
			goto done;
		}
	}
	for (size_t i = 0; i < sizeof simple / sizeof simple[0]; i++) {
		if (strcmp(low, simple[i].word) == 0) {
			t->kind = RK_NODE;
			t->type = simple[i].type;
			snprintf(t->kw, sizeof t->kw, "%s", xform_type_name(t->type));
			goto done;
		}
	}
	for (size_t i = 0; i < sizeof selects / sizeof selects[0]; i++) {
		if (!starts_word(low, selects[i].word))
			continue;
		t->kind = RK_NODE;
		t->type = selects[i].type;
		snprintf(t->kw, sizeof t->kw, "%s", xform_type_name(t->type));
		parse_select(orig, low, strlen(selects[i].word), t);
		break;
	}
done:
	free(orig);
	free(low);
}
