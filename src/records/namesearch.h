/* namesearch.h — the plans a registry search finds its rows by, all giving
 * the same rows in the same order (tests/unit/test_namesearch.c):
 *
 *  - the walk: the (deleted, sort_key, name_key) index in Vietnamese order
 *    until a screenful matches (fast when many rows match early);
 *  - the index: the trigram index over name_key (tables <table>_fts of
 *    db/schema.c) gives the rows that contain every word, which are then
 *    filtered and ordered (fast when few rows match).  A word of 3
 *    characters or more is a phrase of its trigrams; a word of 1 or 2
 *    characters is the trigrams that begin with it (the indexed text ends
 *    in two spaces, so every character begins one), listed by the
 *    vocabulary table <table>_fts_vocab.
 *
 * namesearch_run() chooses: for a query with a word of 3 characters or
 * more, the index with those words when they give few candidates, else the
 * walk; for a query of 1- and 2-character words only, the index when the
 * rarest 2-character word is in fewer rows than a whole walk costs, else
 * the walk; for 1-character words only, a walk with a budget first (a
 * screenful found early is the answer), then the same choice.  See
 * src/records/README.md for the measurements behind the constants. */
#ifndef SX_NAMESEARCH_H
#define SX_NAMESEARCH_H

#include "db/db.h"
#include "base/err.h"

/* How many candidate rows the trigram index may give for the index to be
 * used before any walk.  Each candidate costs a row look-up (about 11
 * times a walked index entry, measured), and the walk needs about
 * rows * limit / matches entries for matches spread over the table, so the
 * two cost the same near sqrt(rows * limit / 11) candidates: 3,000 for
 * 200,000 people and a screenful of 500. */
#define NAMESEARCH_COST_RATIO 11.0
/* The budget of the first walk, in SQLite virtual-machine steps (about 12
 * per walked entry: some 8,000 entries, 1-3 ms here). */
#define NAMESEARCH_PROBE_STEPS 100000
/* The budget in use (NAMESEARCH_PROBE_STEPS; tests lower it so that the
 * plans after a failed first walk are taken on small tables). */
extern long namesearch_probe_steps;
/* A candidate of the index costs about 30 walked entries (measured: the
 * index with 7,143 candidates and the whole walk of 200,000 people took
 * the same CPU, 46-53 ms on the loaded machine): after the first walk of a
 * short-words query the index is used when it gives at most
 * rows / NAMESEARCH_WALK_RATIO candidates (6,250 for 200,000 people). */
#define NAMESEARCH_WALK_RATIO 32.0
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
 * NAMESEARCH_MAX_TERMS is left out.  *fewest = the smallest, over the short
 * words put in, of the rows their trigrams are in (-1 for none).
 * Allocated ("" for no word), or NULL with err. */
char *namesearch_expand(struct sx_db *db, const char *vocab, const struct namesearch *q,
			size_t minchars, double *fewest, struct sx_err *err);

/* How a search finds its rows. */
enum { NAMESEARCH_BEST, NAMESEARCH_WALK, NAMESEARCH_INDEX };

/* A registry's search: its statements and how to run its two plans. */
struct namesearch_ops {
	const char *max_rowid;  /* "SELECT max(rowid) FROM t" */
	const char *count;      /* "SELECT count(*) FROM (SELECT 1 FROM t_fts
				 *  WHERE t_fts MATCH ?1 LIMIT ?2)" */
	const char *vocab;      /* see namesearch_expand */
	/* The walk, or (match not NULL) the index with that expression: the
	 * rows into the caller's place (arg), their count or -1 with err. */
	long (*run)(struct sx_db *db, void *arg, const char *match, struct sx_err *err);
	void *arg;
};

/* Search query for at most limit rows by plan how (NAMESEARCH_BEST: the
 * choice above).  The count of rows ops->run stored, or -1 with err. */
long namesearch_run(struct sx_db *db, const struct namesearch_ops *ops, const char *query,
		    size_t limit, int how, struct sx_err *err);

#endif
