/* fsession_int.h — the session's state, shared by fsession*.c only. */
#ifndef SX_FSESSION_INT_H
#define SX_FSESSION_INT_H

#include "form/fsession.h"

/* One stored answer. */
struct fs_answer {
	char *path;    /* "rep[2]/name", owned */
	char *value;   /* never empty, owned */
};

struct fsession {
	const struct xform *f;     /* the form */
	char lang[8];              /* "vi", "en" */
	long long now_ms;          /* the clock */
	struct fs_answer *ans;     /* answers sorted by path */
	size_t nans, capans;       /* count and capacity */
	struct fs_item *items;     /* the expanded form */
	size_t nitems, capitems;   /* count and capacity */
	int items_stale;           /* repeat counts changed since expanding */
	unsigned char *rel;        /* per item: relevant (cache, see fs_refresh_relevance) */
	int rel_valid;             /* rel reflects the current answers */
	size_t *by_path;           /* item indices sorted by path */
	int depth;                 /* nesting of entry relevance checks (fsession_eval.c) */
	char deviceid[96];         /* for deviceid questions */
	char username[160];        /* for username questions */
};

/* How answers of a node type read in expressions (enum expr_rtype). */
int fs_rtype(enum xform_type t);
/* Index of the item at path, or -1. */
long fs_item_at(const struct fsession *s, const char *path);
/* Compute the relevance of every item again (a few rounds, as relevance
 * may depend on later items). */
void fs_refresh_relevance(struct fsession *s);
/* 1 when the item at path is relevant according to the cache (1 for a
 * path that is no item). */
int fs_path_relevant(const struct fsession *s, const char *path);
/* Relevance of item i computed now from its and its groups' relevant. */
int fs_compute_relevant(struct fsession *s, size_t i);
/* The same for node (and its groups) in the context of path. */
int fs_node_relevant(struct fsession *s, int node, const char *path);

/* Store (or clear, with NULL or "") one answer; 1 when it changed. */
int fs_store(struct fsession *s, const char *path, const char *value);
/* Instances of the repeat whose count key is key ("rep[]"). */
size_t fs_count_of(const struct fsession *s, const char *key);
/* The node a path names, or -1. */
int fs_node_of(const struct fsession *s, const char *path);
/* The path prefix of an item ("rep[2]/" for "rep[2]/x", "" at top): its
 * repeat context.  Returns its length in the path. */
size_t fs_prefix_len(const char *path);
/* Evaluate e for the item at path (its repeat context) with "." = dot.
 * Caller frees. */
char *fs_eval(struct fsession *s, const struct expr *e, const char *path, const char *dot);
/* The same, as a boolean. */
int fs_eval_bool(struct fsession *s, const struct expr *e, const char *path, const char *dot);
/* text with every ${name} replaced by its value seen from path.  Caller frees. */
char *fs_interpolate(struct fsession *s, const char *text, const char *path);
/* Fill defaults of unanswered items whose path starts with prefix. */
void fs_defaults_under(struct fsession *s, const char *prefix);
/* Free the expanded items. */
void fs_free_items(struct fsession *s);
/* Expand the form into items when repeat counts changed. */
void fs_expand(struct fsession *s);

#endif
