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

/* The most candidate rows the trigram index may give for the index to be
 * used; beyond it, walking the sort index finds a screenful sooner.  With
 * a 1- or 2-character word in the query (which only the walk tests), fewer
 * of the candidates match, so the walk is slower and the index serves up to
 * the second figure. */
#define NAMESEARCH_CANDIDATES 3000
#define NAMESEARCH_CANDIDATES_SHORT 6000

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

/* Whether the index should serve the search q: 1 when q->match is not ""
 * and at most NAMESEARCH_CANDIDATES(_SHORT) rows of the index match it, 0
 * when not, -1 with err.  count_sql is a constant statement
 * "SELECT count(*) FROM (SELECT 1 FROM t_fts WHERE t_fts MATCH ?1 LIMIT ?2)". */
int namesearch_use_index(struct sx_db *db, const char *count_sql, const struct namesearch *q,
			 struct sx_err *err);

#endif
