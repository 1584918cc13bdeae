/* i18n.h — gettext for every user-facing string, and language selection.
 *
 * English is the source language; Vietnamese comes from locale/vi.po.
 * Vietnamese must work on machines whose only UTF-8 locale is C.UTF-8 and
 * where LANG names a locale that is not installed: i18n_init() falls back to
 * C.UTF-8 and selects the language through LANGUAGE, which gettext honours
 * under any locale but plain "C". */
#ifndef SX_I18N_H
#define SX_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Set the locale (falling back to C.UTF-8 when the environment's locale is
 * missing or not UTF-8) and bind the "sxsh" text domain to localedir.
 * Returns 0, or -1 when no UTF-8 locale at all could be set. */
int i18n_init(const char *localedir);
/* Switch the message language: "vi" or "en".  Returns 0, -1 if unknown. */
int i18n_set_lang(const char *lang);
/* The current message language, "vi" or "en". */
const char *i18n_lang(void);
/* The language a locale or LANGUAGE value names: "vi_VN.UTF-8" -> "vi",
 * "en:vi" -> "en"; NULL for anything else ("C", "fr", empty, NULL). */
const char *i18n_lang_of(const char *value);
/* The language the locale variables ask for (LC_ALL, LC_MESSAGES, LANG, in
 * that order, the first one set): "vi", "en", or NULL. */
const char *i18n_locale_lang(void);
/* msgid translated into lang whatever the current language (for text a
 * form needs in each of its languages); msgid itself when lang is not one
 * sxsh speaks.  Caller frees. */
char *i18n_text_in(const char *lang, const char *msgid);
/* 1 when lang is a language sxsh speaks ("vi" or "en"). */
int i18n_known(const char *lang);

#endif
