/* namesearch.c — choosing between the sort-index walk and the trigram
 * index for a registry search. */
#include "records/namesearch.h"

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
	char *folded = text_fold(query ? query : ""), *save = NULL;
	char *w = folded ? strtok_r(folded, " ", &save) : NULL;
	/* Each byte at most doubled ("), plus quotes and a space per word. */
	char *o = xmalloc(2 * (folded ? strlen(folded) : 0) + 4 * RECORD_SEARCH_WORDS + 1);

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

int namesearch_use_index(struct sx_db *db, const char *count_sql, const struct namesearch *q,
			 struct sx_err *err)
{
	int k = q->shorts ? NAMESEARCH_CANDIDATES_SHORT : NAMESEARCH_CANDIDATES, rc, n;
	sqlite3_stmt *st;

	if (!*q->match)
		return 0;
	if (!(st = db_stmt(db, count_sql, err)))
		return -1;
	sqlite3_bind_text(st, 1, q->match, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, k + 1);
	rc = sqlite3_step(st);
	n = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, err);
	return n <= k;
}
