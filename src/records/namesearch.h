/* namesearch.h — the plans a registry search finds its rows by, all giving
 * the same rows in the same order (tests/unit/test_namesearch.c):
 *
 *  - the walk: the (deleted, sort_key, name_key) index in Vietnamese order
 *    until a screenful matches (the plan when the index can take no word:
 *    the empty query);
 *  - the index: the trigram index over name_key (tables <table>_fts of
 *    db/schema.c), whose rowid is the row's rank in the walk's order, gives
 *    the rows that contain every word in that order, so the first
 *    screenful ends the search whether few or many rows match.  A word of 3
 *    characters or more is a phrase of its trigrams; a word of 1 or 2
 *    characters is the OR of the trigrams that begin with it (the indexed
 *    text ends in two spaces, so every character begins one), listed by the
 *    vocabulary table <table>_fts_vocab; one that begins too many is only
 *    filtered.
 *
 * namesearch_run() takes the index whenever it can take a word; for a
 * query of short words only it first walks with a budget (a screenful
 * found early is the answer, and listing a common short word's trigrams
 * costs more).  See
 * src/records/README.md for the measurements. */
#ifndef SX_NAMESEARCH_H
#define SX_NAMESEARCH_H

#include "db/db.h"
#include "base/err.h"

/* How many candidate rows an unordered candidate list may give for it to
 * beat the walk (facility search through place and sector words,
 * records/facility.c): each candidate costs a row look-up (about 11 times a
 * walked index entry, measured), and the walk needs about
 * rows * limit / matches entries for matches spread over the table, so the
 * two cost the same near sqrt(rows * limit / 11) candidates. */
#define NAMESEARCH_COST_RATIO 11.0
/* The budget of the first walk, in SQLite virtual-machine steps (about 12
 * per walked entry: some 8,000 entries, 1-3 ms here). */
#define NAMESEARCH_PROBE_STEPS 100000
/* The budget in use (NAMESEARCH_PROBE_STEPS; tests lower it so that the
 * plans after a failed first walk are taken on small tables). */
extern long namesearch_probe_steps;
/* With a word of 3 characters or more, a short word whose trigrams are in
 * more rows than this is only filtered (reading the vocabulary costs about
 * as much as the rows: 20,000 rows are 1-2 ms here). */
#define NAMESEARCH_SHORT_ROWS 100000.0
/* ... or that begins more trigrams than this (a digit begins some 110: their
 * OR cost more than filtering, `ngoc 4` 9.6 -> 17 ms). */
#define NAMESEARCH_SHORT_TERMS 16
/* A 1- or 2-character word that begins more trigrams than this is left to
 * the filter (it would be a long OR of terms). */
#define NAMESEARCH_MAX_TERMS 200

/* A query as the index sees it. */
struct namesearch {
	char *match;   /* FTS5 match expression of the words search uses (the
			* first RECORD_SEARCH_WORDS, folded) that have 3 characters
			* or more, each a quoted phrase: "nguoi" "1999"; "" when none;
			* owned */
	int shorts;    /* 1 when one of those words has 1 or 2 characters */
	char *words;   /* the folded words, NUL-separated, nwords of them; owned */
	int nwords;
};

/* Fill q from the typed query (NULL as ""); free with namesearch_free. */
void namesearch_parse(const char *query, struct namesearch *q);
void namesearch_free(struct namesearch *q);

/* The FTS5 match expression of every word of q, the short ones (of at least
 * minchars characters; the others are left out) as the OR of the trigrams
 * that begin with them (vocab: "SELECT term, doc FROM t_fts_vocab WHERE
 * term >= ?1 AND term < ?2"); a short word that begins no trigram is
 * itself (then nothing matches); one that begins more than
 * NAMESEARCH_MAX_TERMS, or (most > 0) more than NAMESEARCH_SHORT_TERMS or
 * trigrams in more than most rows, is left out.  *fewest = the smallest, over the short
 * words put in, of the rows their trigrams are in (-1 for none).
 * Allocated ("" for no word), or NULL with err. */
char *namesearch_expand(struct sx_db *db, const char *vocab, const struct namesearch *q,
			size_t minchars, double most, double *fewest, struct sx_err *err);

/* How a search finds its rows. */
enum { NAMESEARCH_BEST, NAMESEARCH_WALK, NAMESEARCH_INDEX };

/* A registry's search: its statements and how to run its two plans. */
struct namesearch_ops {
	const char *vocab;      /* see namesearch_expand */
	/* The walk, or (match not NULL) the index with that expression, its
	 * matches in rowid order (the walk's): the rows into the caller's
	 * place (arg), their count or -1 with err. */
	long (*run)(struct sx_db *db, void *arg, const char *match, struct sx_err *err);
	void *arg;
};

/* Search query for at most limit rows by plan how (NAMESEARCH_BEST:
 * the index when it takes a word, NAMESEARCH_INDEX: the same).  The count
 * of rows ops->run stored, or -1 with err. */
long namesearch_run(struct sx_db *db, const struct namesearch_ops *ops, const char *query,
		    size_t limit, int how, struct sx_err *err);

#endif
