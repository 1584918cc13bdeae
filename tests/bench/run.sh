#!/bin/sh
# run.sh — the sync benchmark (make bench): a province-scale data set in 12
# district export folders, imported and exported by sxsh and, side by side,
# by the sqlite3 shell.  Each measurement runs RUNS times (default 3); the
# median is printed with the ratio the quality bars in product.md name.
# SCALE=0.1 makes the data set ten times smaller.  Never fails the tests.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
: "${SXSH_BIN:=$ROOT/sxsh}" "${SCALE:=1}" "${RUNS:=3}"
W=$(mktemp -d "${TMPDIR:-/tmp}/sxsh-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT INT TERM
export LANGUAGE=en
unset SXSH_DB
TABLES="places facilities people plans indicators sessions participants attendance assessments answers"

cc -O2 -D_GNU_SOURCE -I"$ROOT/src" "$ROOT/tests/bench/gen.c" \
	"$ROOT/src/base/sha256.c" "$ROOT/src/base/err.c" "$ROOT/src/base/mem.c" -o "$W/gen" || exit 0
"$SXSH_BIN" --db "$W/hdr.db" export "$W/hdr" >/dev/null || exit 0
echo "generating the data set (SCALE=$SCALE) ..."
"$W/gen" "$W/hdr" "$W/data" "$SCALE" || exit 0
ROWS=$(cat "$W"/data/d*/manifest.csv | awk -F, '$1 == "file" { n += $3 } END { print n }')
echo "$ROWS rows in 12 folders, $(du -sm "$W/data" | cut -f1) MB"

now() { date +%s.%N; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
# timed FILE CMD... — run CMD, append its wall time to FILE, its peak RSS (KB) to FILE.rss.
timed() {
	f=$1; shift
	t0=$(now)
	if [ -x /usr/bin/time ] && [ "$1" = "$SXSH_BIN" ]; then
		/usr/bin/time -f %M -o "$W/rss.tmp" "$@" >/dev/null 2>"$W/err.tmp" || { cat "$W/err.tmp"; }
		tail -n 1 "$W/rss.tmp" >> "$f.rss"
	else
		"$@" >/dev/null 2>"$W/err.tmp" || cat "$W/err.tmp"
	fi
	echo "$(now) $t0" | awk '{ printf "%.3f\n", $1 - $2 }' >> "$f"
}

# The sqlite3 shell's .import of every file into tables without any key or index.
shell_import() {
	{
		echo "BEGIN;"
		for t in $TABLES; do echo "CREATE TABLE $t ($(head -n 1 "$W/data/d01/$t.csv"));"; done
		for d in "$W"/data/d*; do
			for t in $TABLES; do echo ".import --csv --skip 1 $d/$t.csv $t"; done
		done
		echo "COMMIT;"
	} > "$W/import.sql"
	sqlite3 "$1" < "$W/import.sql"
}
# The sqlite3 shell dumping the same tables as CSV.
shell_export() {
	mkdir -p "$2"
	for t in $TABLES; do sqlite3 -csv -header "$1" "SELECT * FROM $t" > "$2/$t.csv"; done
}

for i in $(seq "$RUNS"); do
	rm -f "$W"/s.db* "$W"/q.db*
	"$SXSH_BIN" --db "$W/s.db" init >/dev/null
	timed "$W/t.sxsh_import" "$SXSH_BIN" --db "$W/s.db" import "$W"/data/d*
	timed "$W/t.shell_import" shell_import "$W/q.db"
	timed "$W/t.sxsh_reimport" "$SXSH_BIN" --db "$W/s.db" import "$W"/data/d*
	rm -rf "$W/e1" "$W/e2"
	timed "$W/t.sxsh_export" "$SXSH_BIN" --db "$W/s.db" export "$W/e1"
	timed "$W/t.shell_export" shell_export "$W/s.db" "$W/e2"
done
m() { median < "$W/t.$1"; }
rss=$(sort -n "$W/t.sxsh_import.rss" "$W/t.sxsh_reimport.rss" | tail -n 1)
si=$(m sxsh_import) qi=$(m shell_import) ri=$(m sxsh_reimport) se=$(m sxsh_export) qe=$(m shell_export)
echo
echo "sync benchmark: $ROWS rows, median of $RUNS runs"
awk -v rows="$ROWS" -v si="$si" -v qi="$qi" -v ri="$ri" -v se="$se" -v qe="$qe" -v rss="$rss" 'BEGIN {
	printf "  %-44s %8.2f s %10.0f rows/s\n", "sxsh import into an empty database", si, rows / si
	printf "  %-44s %8.2f s %10.0f rows/s\n", "sqlite3 .import into unindexed tables", qi, rows / qi
	printf "  %-44s %8.2f s %10.0f rows/s\n", "sxsh re-import (all unchanged)", ri, rows / ri
	printf "  %-44s %8.2f s\n", "sxsh export", se
	printf "  %-44s %8.2f s\n", "sqlite3 -csv of the same tables", qe
	printf "  import vs .import:    %5.0f %%  (bar: >= 80 %%)\n", 100 * qi / si
	printf "  re-import vs .import: %5.0f %%  (bar: >= 100 %%)\n", 100 * qi / ri
	printf "  export time / sqlite3 -csv time: %.2fx  (bar: <= 2x)\n", se / qe
	printf "  peak RSS of sxsh import: %.1f MB  (bar: <= 16 MB)\n", rss / 1024
}'
exit 0
