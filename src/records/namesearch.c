/* namesearch.c — choosing between the sort-index walk and the trigram
 * index for a registry search. */
#include "records/namesearch.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/text.h"
#include "records/record.h"

/* Characters (not bytes) of the UTF-8 word w. */
static size_t chars(const char *w)
{
	size_t n = 0;
	for (; *w; w++)
		n += ((unsigned char)*w & 0xC0) != 0x80;
	return n;
}

void namesearch_parse(const char *query, struct namesearch *q)
{
	char *folded = text_fold(query ? query : ""), *save = NULL, *o, *w;

	/* Each byte at most doubled ("), plus quotes and a space per word;
	 * measured before strtok_r() cuts the text into words. */
	o = xmalloc(2 * (folded ? strlen(folded) : 0) + 4 * RECORD_SEARCH_WORDS + 1);
	w = folded ? strtok_r(folded, " ", &save) : NULL;

	q->match = o;
	q->shorts = 0;
	for (int i = 0; i < RECORD_SEARCH_WORDS && w; i++, w = strtok_r(NULL, " ", &save)) {
		if (chars(w) < 3) {
			q->shorts = 1;
			continue;
		}
		if (o != q->match)
			*o++ = ' ';
		*o++ = '"';
		for (const char *c = w; *c; c++) {
			if (*c == '"')
				*o++ = '"';
			*o++ = *c;
		}
		*o++ = '"';
	}
	*o = '\0';
	free(folded);
}

void namesearch_free(struct namesearch *q)
{
	free(q->match);
	q->match = NULL;
}

/* The single number the constant statement sql gives, or -1 with err. */
static double one_number(struct sx_db *db, const char *sql, const char *match, int cap,
			 struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);
	double v;
	int rc;

	if (!st)
		return -1;
	if (match) {
		sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, cap);
	}
	rc = sqlite3_step(st);
	v = rc == SQLITE_ROW ? sqlite3_column_double(st, 0) : 0;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_ROW ? v : db_fail(db, err);
}

int namesearch_use_index(struct sx_db *db, const char *const sql[2], const struct namesearch *q,
			 size_t limit, struct sx_err *err)
{
	double rows, k, n;

	if (!*q->match)
		return 0;
	/* Rowids are distinct and positive: the largest bounds the row count. */
	if ((rows = one_number(db, sql[0], NULL, 0, err)) < 0)
		return -1;
	k = sqrt(rows * (double)limit / NAMESEARCH_COST_RATIO) * (q->shorts ? 2 : 1);
	if (k > 1e6)
		k = 1e6;
	if ((n = one_number(db, sql[1], q->match, (int)k + 1, err)) < 0)
		return -1;
	return n <= (int)k;
}
