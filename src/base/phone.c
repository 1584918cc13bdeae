/* phone.c — Vietnamese telephone numbers read in their usual spellings. */
#include "base/phone.h"

#include <string.h>

/* 1 when d (n digits, national form with its 0) is a number of the plan. */
static int national_ok(const char *d, size_t n)
{
	if (n == 10 && d[0] == '0' && strchr("35789", d[1]))
		return 1;                                  /* mobile */
	if (n == 11 && d[0] == '0' && d[1] == '2')
		return 1;                                  /* landline */
	return 0;
}

static int service_ok(const char *d, size_t n)
{
	return n >= 8 && n <= 10 && (strncmp(d, "1800", 4) == 0 || strncmp(d, "1900", 4) == 0);
}

int phone_canon(const char *s, char out[PHONE_MAX])
{
	char d[PHONE_MAX + 4];
	size_t n = 0;
	int plus = 0;

	out[0] = '\0';
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '+')
		plus = 1, s++;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			if (n >= sizeof d - 1)
				return -1;
			d[n++] = *s;
		} else if (!strchr(" .-()\t", *s)) {
			return -1;
		}
	}
	d[n] = '\0';
	if (n == 0)
		return plus ? -1 : 0;
	if (!plus && service_ok(d, n)) {
		memcpy(out, d, n + 1);
		return 0;
	}
	/* +84 / 0084 / 84: the country code instead of the leading 0. */
	if ((plus && strncmp(d, "84", 2) == 0) || strncmp(d, "0084", 4) == 0 ||
	    (!plus && strncmp(d, "84", 2) == 0 && (n == 11 || n == 12))) {
		size_t skip = d[0] == '0' ? 4 : 2;
		memmove(d + 1, d + skip, n - skip + 1);
		d[0] = '0';
		n -= skip - 1;
	} else if (plus) {
		return -1;                                 /* another country */
	} else if (d[0] != '0') {
		memmove(d + 1, d, n + 1);                  /* a dropped leading 0 */
		d[0] = '0';
		n++;
	}
	if (!national_ok(d, n))
		return -1;
	memcpy(out, d, n + 1);
	return 0;
}
