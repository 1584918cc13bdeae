/* namesearch.c — the trigram index's expression of a registry search, and
 * the choice between it and the sort-index walk. */
#include "records/namesearch.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/text.h"
#include "records/record.h"

long namesearch_probe_steps = NAMESEARCH_PROBE_STEPS;

/* Characters (not bytes) of the UTF-8 word w. */
static size_t chars(const char *w)
{
	size_t n = 0;
	for (; *w; w++)
		n += ((unsigned char)*w & 0xC0) != 0x80;
	return n;
}

/* Append w to o as an FTS5 quoted phrase ("" inside doubled); the new end. */
static char *quoted(char *o, const char *w)
{
	*o++ = '"';
	for (const char *c = w; *c; c++) {
		if (*c == '"')
			*o++ = '"';
		*o++ = *c;
	}
	*o++ = '"';
	return o;
}

void namesearch_parse(const char *query, struct namesearch *q)
{
	char *folded = text_fold(query ? query : ""), *save = NULL, *o, *w, *ws;
	size_t len = folded ? strlen(folded) : 0;

	/* Each byte at most doubled ("), plus quotes and a space per word;
	 * measured before strtok_r() cuts the text into words. */
	o = xmalloc(2 * len + 4 * RECORD_SEARCH_WORDS + 1);
	ws = q->words = xmalloc(len + 1);
	w = folded ? strtok_r(folded, " ", &save) : NULL;

	q->match = o;
	q->shorts = 0;
	q->nwords = 0;
	for (int i = 0; i < RECORD_SEARCH_WORDS && w; i++, w = strtok_r(NULL, " ", &save)) {
		size_t n = strlen(w) + 1;
		memcpy(ws, w, n);
		ws += n;
		q->nwords++;
		if (chars(w) < 3) {
			q->shorts = 1;
			continue;
		}
		if (o != q->match)
			*o++ = ' ';
		o = quoted(o, w);
	}
	*o = '\0';
	free(folded);
}

void namesearch_free(struct namesearch *q)
{
	free(q->match);
	free(q->words);
	q->match = q->words = NULL;
}

/* Append to *expr (allocated) the OR of the trigrams that begin with the
 * short word w, or w itself when none does; *docs = the sum of their rows
 * (at least the rows that contain w).  1 when appended, 0 when w begins
 * too many (nothing appended), -1 with err. */
static int short_terms(struct sx_db *db, const char *vocab, const char *w, double most,
		       char **expr, double *docs, struct sx_err *err)
{
	sqlite3_stmt *st = db_stmt(db, vocab, err);
	size_t wl = strlen(w), cap = 64, len = 0;
	char *next = xstrdup(w), *terms = xmalloc(cap);
	int n = 0, rc;

	if (!st || (unsigned char)next[wl - 1] == 0xFF) {
		free(next);
		free(terms);
		return st ? 0 : -1;
	}
	next[wl - 1] = (char)((unsigned char)next[wl - 1] + 1);   /* the first string after w… */
	sqlite3_bind_text(st, 1, w, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, next, -1, SQLITE_STATIC);
	*docs = 0;
	int maxterms = most > 0 ? NAMESEARCH_SHORT_TERMS : NAMESEARCH_MAX_TERMS;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n <= maxterms &&
	       (most <= 0 || *docs <= most)) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		*docs += sqlite3_column_double(st, 1);
		size_t need = len + 2 * strlen(t) + 8;
		if (need > cap)
			terms = xrealloc(terms, cap = 2 * need);
		if (n++) {
			memcpy(terms + len, " OR ", 4);
			len += 4;
		}
		len = (size_t)(quoted(terms + len, t) - terms);
	}
	terms[len] = '\0';
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		free(next);
		free(terms);
		return db_fail(db, err);
	}
	if (n > maxterms || (most > 0 && *docs > most))
		n = NAMESEARCH_MAX_TERMS + 1;   /* common: left to the filter */
	if (n <= NAMESEARCH_MAX_TERMS) {
		char *more, *one = xmalloc(2 * wl + 3);
		*quoted(one, w) = '\0';
		more = xasprintf("%s%s(%s)", *expr, **expr ? " AND " : "", n ? terms : one);
		free(one);
		free(*expr);
		*expr = more;
	}
	free(next);
	free(terms);
	return n <= NAMESEARCH_MAX_TERMS;
}

char *namesearch_expand(struct sx_db *db, const char *vocab, const struct namesearch *q,
			size_t minchars, double most, double *fewest, struct sx_err *err)
{
	char *expr = xstrdup(q->match);
	const char *w = q->words;
	double docs;
	int rc;

	*fewest = -1;
	for (int i = 0; i < q->nwords; i++, w += strlen(w) + 1) {
		if (chars(w) >= 3 || chars(w) < minchars)
			continue;
		if ((rc = short_terms(db, vocab, w, most, &expr, &docs, err)) < 0) {
			free(expr);
			return NULL;
		}
		if (rc && (*fewest < 0 || docs < *fewest))
			*fewest = docs;
	}
	return expr;
}

/* The walk's budget: the progress handler stops it after this many calls. */
struct budget {
	long left;
	int spent;
};

static int spend(void *arg)
{
	struct budget *b = arg;
	if (--b->left > 0)
		return 0;
	b->spent = 1;
	return 1;   /* interrupts the statement */
}

/* The walk within NAMESEARCH_PROBE_STEPS: its count (the answer), or -2
 * when the budget ran out first (nothing stored), or -1 with err. */
static long probe(struct sx_db *db, const struct namesearch_ops *ops, struct sx_err *err)
{
	struct budget b = { namesearch_probe_steps / 100 + 1, 0 };
	struct sx_err mine = {0};
	long n;

	sqlite3_progress_handler(db_sqlite(db), 100, spend, &b);
	n = ops->run(db, ops->arg, NULL, &mine);
	sqlite3_progress_handler(db_sqlite(db), 0, NULL, NULL);
	if (b.spent && n < 0) {
		sx_err_clear(&mine);
		return -2;
	}
	for (size_t i = 0; i < mine.n; i++)
		sx_err_add(err, NULL, 0, "%s", mine.msgs[i]);
	sx_err_clear(&mine);
	return n;
}

/* The walk, or the index with expression match. */
static long run(struct sx_db *db, const struct namesearch_ops *ops, const char *match,
		struct sx_err *err)
{
	return ops->run(db, ops->arg, match, err);
}

/* namesearch_run() once the words are parsed.  The index's matches come
 * in the walk's order, so the first screenful ends it however many rows
 * match; what costs is listing the trigrams a short word begins (the
 * vocabulary reads their rows).  With a word of 3 characters or more, a
 * short word is put in unless its trigrams are in more than
 * NAMESEARCH_SHORT_ROWS rows (then it is common: filtering the other
 * words' matches finds it soon).  Short words only: a first walk with a
 * budget (a screenful found early is the answer), then the index with
 * every word. */
static long choose(struct sx_db *db, const struct namesearch_ops *ops, const struct namesearch *q,
		   int how, struct sx_err *err)
{
	double fewest;
	char *all;
	long got;

	if (how == NAMESEARCH_WALK || !q->nwords)
		return run(db, ops, NULL, err);
	if (how == NAMESEARCH_BEST && !*q->match && (got = probe(db, ops, err)) != -2)
		return got;
	if (!(all = namesearch_expand(db, ops->vocab, q, 1, how == NAMESEARCH_BEST && *q->match
				      ? NAMESEARCH_SHORT_ROWS : 0, &fewest, err)))
		return -1;
	got = run(db, ops, *all ? all : NULL, err);
	free(all);
	return got;
}

long namesearch_run(struct sx_db *db, const struct namesearch_ops *ops, const char *query,
		    size_t limit, int how, struct sx_err *err)
{
	struct namesearch q;
	long n;

	namesearch_parse(query, &q);
	(void)limit;
	n = choose(db, ops, &q, how, err);
	namesearch_free(&q);
	return n;
}
