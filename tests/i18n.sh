#!/bin/sh
# i18n.sh — every user-facing string in src/ has a Vietnamese translation in
# locale/vi.po, and locale/sxsh.pot is up to date.
set -u
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
xgettext --from-code=UTF-8 -k_ -kN_ -o "$tmp/now.pot" \
	$(ls src/*.c src/*/*.c src/*/*.h | sort) || exit 1
msgmerge -q --no-fuzzy-matching -o "$tmp/vi.po" locale/vi.po "$tmp/now.pot" 2>/dev/null
untranslated=$(msgattrib --untranslated --no-obsolete "$tmp/vi.po" | grep -c '^msgid ' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$tmp/vi.po" | grep -c '^msgid ' || true)
if [ "$untranslated" -eq 0 ] && [ "$fuzzy" -eq 0 ]; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
	echo "FAIL: vi.po lacks translations for these strings:"
	msgattrib --untranslated --no-obsolete "$tmp/vi.po" | grep -A1 '^msgid ' | head -40
fi
# Format directives must match between English and Vietnamese.
if msgfmt --check-format -o /dev/null "$tmp/vi.po" 2>"$tmp/fmt"; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
	echo "FAIL: format directives differ:"
	cat "$tmp/fmt"
fi
# Every screen's key bar fits an 80-column terminal in both languages (issue 13).
if [ -f build/locale/vi/LC_MESSAGES/sxsh.mo ]; then
	long=$(grep -rhoE '\.keys *= *N_\("[^"]*"\)' src/ui | sed -E 's/.*N_\("(.*)"\)/\1/' |
		while IFS= read -r k; do
			v=$(TEXTDOMAINDIR=build/locale LANGUAGE=vi LANG=C.UTF-8 gettext sxsh "$k")
			for t in "$k" "$v"; do
				w=$(printf '%s' "$t" | LANG=C.UTF-8 wc -m)
				[ "$w" -le 79 ] || echo "  $w columns: $t"
			done
		done)
	if [ -z "$long" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL: key bars wider than 79 columns:"
		echo "$long"
	fi
else
	failed=$((failed + 1))
	echo "FAIL: build/locale/vi/LC_MESSAGES/sxsh.mo is missing (make builds it)"
fi
echo "i18n: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
