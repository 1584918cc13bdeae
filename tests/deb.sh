#!/bin/sh
# deb.sh — `make deb` builds a package that holds what sxsh needs and runs from where it
# unpacks; lintian finds no error in it.  Ends with "deb: N passed, N failed".
set -u
cd "$(dirname "$0")/.."
T=$(mktemp -d "${TMPDIR:-/tmp}/sxsh-deb.XXXXXX")
export HOME="$T/home" XDG_DATA_HOME="$T/home/.local/share"
unset SXSH_DB LANGUAGE LC_ALL
trap 'rm -rf "$T"' EXIT INT TERM
passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1"; fi; }

deb=$(make --no-print-directory deb 2>"$T/err" | tail -n 1)
check "make deb names the package it built: '$deb' $(cat "$T/err")" '[ -f "$deb" ]'
[ -f "$deb" ] || { echo "deb: $passed passed, $failed failed"; exit 1; }
dpkg-deb -c "$deb" | awk '{print $NF}' >"$T/list"
for f in ./usr/bin/sxsh ./usr/share/sxsh/forms/rapid_assessment.csv \
	./usr/share/sxsh/forms/detailed_tracker.csv ./usr/share/sxsh/forms/data/places.csv \
	./usr/share/locale/vi/LC_MESSAGES/sxsh.mo ./usr/share/man/man1/sxsh.1.gz \
	./usr/share/doc/sxsh/copyright; do
	check "the package holds $f" 'grep -qx "$f" "$T/list"'
done
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libsqlite3-0 libncursesw6 libcsv3 libutf8proc2 libzip4; do
	check "Depends names $lib: $depends" 'case "$depends" in *"$lib"*) true ;; *) false ;; esac'
done
dpkg -x "$deb" "$T/root"
bin=$T/root/usr/bin/sxsh
check "the unpacked binary runs" '"$bin" --version >/dev/null 2>&1'
out=$("$bin" --lang en form check "$T/root/usr/share/sxsh/forms/rapid_assessment.csv" 2>&1)
check "the unpacked binary checks its shipped form: $out" 'case "$out" in *ok*) true ;; *) false ;; esac'
"$bin" --db "$T/x.db" init >/dev/null 2>&1
check "the unpacked binary makes a database from its shipped data" \
	'[ "$(sqlite3 "$T/x.db" "SELECT count(*) > 0 FROM places")" = 1 ]'
vi=$(LANGUAGE=vi LANG=C.UTF-8 "$bin" --help 2>&1 | head -3)
check "the unpacked binary finds its Vietnamese translation: $vi" \
	'printf "%s" "$vi" | grep -q "Cách dùng\|cơ sở dữ liệu\|Lệnh"'
if command -v lintian >/dev/null 2>&1; then
	lintian "$deb" >"$T/lintian" 2>/dev/null
	check "lintian reports no error: $(grep '^E:' "$T/lintian" | head -5)" '! grep -q "^E:" "$T/lintian"'
else
	failed=$((failed + 1))
	echo "FAIL: lintian is not installed (sh .ci/deps test installs it)"
fi
echo "deb: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
