/* training.h — what the training screens pass each other when they open. */
#ifndef SX_TRAINING_H
#define SX_TRAINING_H

/* What screen_register opens: a session's registration form. */
struct register_arg {
	const char *session_uuid;   /* the session people are added to */
	int walk_in;                /* 1: registering walk-ins on the day */
	struct register_draft *draft; /* the typed form, kept by the caller across Esc */
};

/* The fields a new person usually shares with the one added before them
 * (unit, category, ethnicity, district), kept by the people list.  Strings
 * owned, NULL when none. */
struct person_carry {
	char *unit, *category, *ethnicity, *place_uuid;
};

/* What screen_list_import opens: a participant list to preview and import. */
struct list_import_arg {
	const char *session_uuid;   /* the session people are registered for */
	const char *path;           /* the CSV file */
};

struct register_draft;
/* A blank registration form, kept by the session screen.  Free with
 * register_draft_free(). */
struct register_draft *register_draft_new(void);
/* Free a draft (NULL is fine). */
void register_draft_free(struct register_draft *d);

#endif
