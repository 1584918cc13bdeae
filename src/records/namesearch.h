/* namesearch.h — the two ways a registry search finds its rows: walking
 * the (deleted, sort_key, name_key) index in Vietnamese order until a
 * screenful matches (fast when many rows match), or asking the trigram
 * index over name_key (tables <table>_fts of db/schema.c) for the few rows
 * that contain the query's long words, then filtering and ordering those
 * (fast when few match).  Both give the same rows in the same order; see
 * src/records/README.md for the measurements behind the choice. */
#ifndef SX_NAMESEARCH_H
#define SX_NAMESEARCH_H

#include "db/db.h"
#include "base/err.h"

/* How many candidate rows the trigram index may give for the index to be
 * used.  Each candidate costs a row look-up (about 11 times a walked index
 * entry, measured), and the walk needs about rows * limit / matches entries
 * for matches spread over the table, so the two cost the same near
 * sqrt(rows * limit / 11) candidates: 3,000 for 200,000 people and a
 * screenful of 500.  A 1- or 2-character word (only the filter tests it;
 * in names mostly a family name such as Lò, Hà or Vũ, which sorts first and
 * so clusters the matches) makes the walk slower: twice that. */
#define NAMESEARCH_COST_RATIO 11.0
/* A query as the index sees it. */
struct namesearch {
	char *match;   /* FTS5 match expression of the words search uses (the
			* first RECORD_SEARCH_WORDS, folded) that have 3 characters
			* or more, each a quoted phrase: "nguoi" "1999"; "" when none
			* (the trigram index cannot serve shorter words); owned */
	int shorts;    /* 1 when one of those words has 1 or 2 characters */
};

/* Fill q from the typed query (NULL as ""); free with namesearch_free. */
void namesearch_parse(const char *query, struct namesearch *q);
void namesearch_free(struct namesearch *q);

/* Whether the index should serve the search q for at most limit rows: 1
 * when q->match is not "" and few enough rows of the index match it (see
 * NAMESEARCH_COST_RATIO), 0 when not, -1 with err.  sql holds two constant
 * statements: sql[0] "SELECT max(rowid) FROM t" and sql[1]
 * "SELECT count(*) FROM (SELECT 1 FROM t_fts WHERE t_fts MATCH ?1 LIMIT ?2)". */
int namesearch_use_index(struct sx_db *db, const char *const sql[2], const struct namesearch *q,
			 size_t limit, struct sx_err *err);

#endif
