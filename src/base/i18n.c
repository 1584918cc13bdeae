/* i18n.c — locale fallback and language switching for gettext. */
#include "base/i18n.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/platform.h"

static const char *current = "en";

int i18n_init(const char *localedir)
{
	if (platform_utf8_locale() != 0)
		return -1;
	bindtextdomain("sxsh", localedir);
	bind_textdomain_codeset("sxsh", "UTF-8");
	textdomain("sxsh");
	return 0;
}

int i18n_known(const char *lang)
{
	return lang && (strcmp(lang, "vi") == 0 || strcmp(lang, "en") == 0);
}

int i18n_set_lang(const char *lang)
{
	if (!i18n_known(lang))
		return -1;
	current = strcmp(lang, "vi") == 0 ? "vi" : "en";
	platform_setenv("LANGUAGE", current);
	/* textdomain() bumps gettext's catalogue counter, so the next lookup
	 * notices the new LANGUAGE instead of answering from its cache. */
	textdomain("sxsh");
	return 0;
}

char *i18n_text_in(const char *lang, const char *msgid)
{
	const char *was = getenv("LANGUAGE");
	char *saved, *s;

	if (!i18n_known(lang))
		return xstrdup(msgid);
	saved = xstrdup(was ? was : "");   /* gettext reads "" as unset */
	platform_setenv("LANGUAGE", lang);
	textdomain("sxsh");   /* forget the cached lookups, as i18n_set_lang() */
	s = xstrdup(gettext(msgid));
	platform_setenv("LANGUAGE", saved);
	textdomain("sxsh");
	free(saved);
	return s;
}

const char *i18n_lang(void)
{
	return current;
}

/* "vi_VN.UTF-8" -> "vi"; "en:vi" -> "en"; "C" -> NULL. */
const char *i18n_lang_of(const char *value)
{
	if (!value || !*value)
		return NULL;
	if (strncmp(value, "vi", 2) == 0 && (!value[2] || strchr("_.:@", value[2])))
		return "vi";
	if (strncmp(value, "en", 2) == 0 && (!value[2] || strchr("_.:@", value[2])))
		return "en";
	return NULL;
}

const char *i18n_locale_lang(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return i18n_lang_of(v);
	}
	return NULL;
}
