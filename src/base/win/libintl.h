/* libintl.h — the part of GNU gettext sxsh uses, for Windows, whose C runtime
 * has none: message lookup in the compiled catalogue (.mo) of one text domain.
 * The language is the first of $LANGUAGE, else of LC_ALL, LC_MESSAGES, LANG
 * ("vi", "vi_VN.UTF-8" -> vi), read again by every textdomain() call — which
 * is how i18n_set_lang() switches language on Linux as well. */
#ifndef SX_WIN_LIBINTL_H
#define SX_WIN_LIBINTL_H

/* The translation of msgid, or msgid itself. */
char *gettext(const char *msgid) __attribute__((format_arg(1)));
/* The plural translation for n: a catalogue's first form (sxsh's catalogue is
 * Vietnamese, which has one form: "Plural-Forms: nplurals=1"), else English's
 * rule, msgid for n == 1 and msgid_plural otherwise. */
char *ngettext(const char *msgid, const char *msgid_plural, unsigned long n)
	__attribute__((format_arg(1))) __attribute__((format_arg(2)));
/* Look for domain's catalogues in dir (DIR/LANG/LC_MESSAGES/DOMAIN.mo). */
char *bindtextdomain(const char *domain, const char *dir);
/* Accepted for compatibility: catalogues are UTF-8 and so is sxsh. */
char *bind_textdomain_codeset(const char *domain, const char *codeset);
/* Select domain and (re)load its catalogue for the current language. */
char *textdomain(const char *domain);

#endif
