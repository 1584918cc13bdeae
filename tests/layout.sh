#!/bin/sh
# layout.sh — the dependency rule of README.md ("The parts of src/"), checked on
# every #include in src/: a part includes only itself and the parts listed for
# it below; only src/ui/ includes curses; only src/base/csvread.c and
# src/base/csvwrite.c use libcsv; src/ui/ never calls SQLite.
# Ends with "layout: N passed, N failed".
set -u
cd "$(dirname "$0")/.."
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

# part: the parts it may include besides itself (lowest first).
allowed() {
	case $1 in
	base) echo "" ;;
	form) echo "base" ;;
	db) echo "base" ;;
	records) echo "base db" ;;
	training) echo "base db records" ;;
	assess) echo "base db form records" ;;
	plan) echo "base db form records training assess" ;;
	sync) echo "base db records" ;;
	demo) echo "base db form records training assess plan" ;;
	ui) echo "base db form records training assess plan sync demo" ;;
	cli) echo "base db form records training assess plan sync demo ui" ;;
	*) echo "?" ;;
	esac
}

for dir in src/*/; do
	part=$(basename "$dir")
	may=$(allowed "$part")
	if [ "$may" = "?" ]; then
		bad "src/$part/ is not a known part: add it to tests/layout.sh and README.md"
		continue
	fi
	for f in "$dir"*.[ch]; do
		[ -e "$f" ] || continue
		grep -nE '^#include "' "$f" | while IFS= read -r line; do
			n=${line%%:*}
			inc=$(printf '%s\n' "$line" | sed -E 's/.*#include "([^"]*)".*/\1/')
			case $inc in
			*/*) to=${inc%%/*} ;;
			*) echo "$f:$n: #include \"$inc\" names no part (write \"part/$inc\")"; continue ;;
			esac
			[ "$to" = "$part" ] && continue
			case " $may " in
			*" $to "*) ;;
			*) echo "$f:$n: src/$part/ may not include src/$to/ (\"$inc\")" ;;
			esac
		done
	done
done >"${TMPDIR:-/tmp}/sxsh-layout.$$"
if [ -s "${TMPDIR:-/tmp}/sxsh-layout.$$" ]; then
	bad "includes that break the dependency rule:"
	cat "${TMPDIR:-/tmp}/sxsh-layout.$$"
else
	ok
fi
rm -f "${TMPDIR:-/tmp}/sxsh-layout.$$"

hits=$(grep -rlE '#include *[<"](n?curses|ncursesw/[a-z]+|form|menu|panel)\.h[>"]' src | grep -v '^src/ui/')
if [ -z "$hits" ]; then ok; else bad "curses outside src/ui/: $hits"; fi
hits=$(grep -rlE 'sqlite3_[a-z_]+ *\(|#include <sqlite3\.h>' src/ui)
if [ -z "$hits" ]; then ok; else bad "src/ui/ calls SQLite: $hits"; fi
hits=$(grep -rlE '#include <csv\.h>|csv_(init|parse|fini|fwrite|write)\(' src | grep -vE '^src/base/csv(read|write)\.c$')
if [ -z "$hits" ]; then ok; else bad "libcsv used outside src/base/csvread.c and csvwrite.c: $hits"; fi
for dir in src/*/; do
	if [ -f "${dir}README.md" ]; then ok; else bad "${dir} has no README.md saying what it owns"; fi
done
echo "layout: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
