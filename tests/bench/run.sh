#!/bin/sh
# run.sh — make bench: every quality bar of product.md measured against a named peer, in
# paired runs (sxsh and its peer one after the other, RUNS times, in one sitting), with the
# ratio of each pair, the median of the ratios, and a verdict beside each bar.  Never fails
# the tests: a slow machine gives slow figures, not a red build.
#
#   SCALE=1 RUNS=3 LIMIT=0 sh tests/bench/run.sh
#
# SCALE=1 is the province x 100 data set of product.md (12 district folders, 1.78 M rows);
# SCALE=0.1 is ten times smaller.  LIMIT=1 runs sxsh and its peers on one CPU (taskset -c 0)
# with 256 MB of address space (ulimit -v), as an old laptop: `LIMIT=1 make bench`.
# Search is measured per keystroke: every prefix of each query as typed (build/bench-search).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
: "${SXSH_BIN:=$ROOT/sxsh}" "${SCALE:=1}" "${RUNS:=3}" "${LIMIT:=0}"
: "${VTRUN:=$ROOT/build/vtrun}" "${BENCH_SEARCH:=$ROOT/build/bench-search}"
W=$(mktemp -d "${TMPDIR:-/tmp}/sxsh-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT INT TERM
export LANGUAGE=en
unset SXSH_DB
TABLES="places facilities people plans indicators sessions participants attendance assessments answers"
SUMMARY=$W/summary

# lim CMD... — run CMD as on an old laptop when LIMIT=1.
lim() {
	if [ "$LIMIT" = 1 ]; then
		(ulimit -v 262144; exec taskset -c 0 "$@")
	else
		"$@"
	fi
}
now() { date +%s.%N; }
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)]; else print "nan" }'; }
# secs CMD... — run CMD (a program or a function above), print its wall time in seconds.
secs() {
	t0=$(now)
	"$@" >/dev/null 2>"$W/err.one" || {
		echo "bench: failed: $*" >&2
		tail -3 "$W/err.one" >&2
	}
	t1=$(now)
	echo "$t1 $t0" | awk '{ printf "%.3f\n", $1 - $2 }'
}
# verdict NAME VALUE BAR OP UNIT — one line of the summary table (OP: ge or le).
verdict() {
	awk -v n="$1" -v v="$2" -v b="$3" -v op="$4" -v u="$5" 'BEGIN {
		ok = (op == "ge") ? (v + 0 >= b + 0) : (v + 0 <= b + 0)
		if (v == "nan" || v == "") ok = 0
		printf "  %-46s %10s %-6s %s %-8s %s\n", n, v, u, (op == "ge") ? ">=" : "<=", b, ok ? "pass" : "FAIL"
	}' >>"$SUMMARY"
}

echo "machine: $(uname -srm); $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //');" \
	"$(nproc) cores; $(free -m | awk '/^Mem:/ { print $2 " MB" }') memory; LIMIT=$LIMIT"
echo "peers: $(sqlite3 --version | cut -d' ' -f1-2 | sed 's/^/sqlite3 shell /'); sxsh $("$SXSH_BIN" --version | cut -d' ' -f2)"

# ---- the data set ----------------------------------------------------------------------
cc -O2 -D_GNU_SOURCE -I"$ROOT/src" "$ROOT/tests/bench/gen.c" \
	"$ROOT/src/base/sha256.c" "$ROOT/src/base/err.c" "$ROOT/src/base/mem.c" -o "$W/gen" || exit 0
"$SXSH_BIN" --db "$W/hdr.db" export "$W/hdr" >/dev/null || exit 0
echo "generating the data set (SCALE=$SCALE) ..."
"$W/gen" "$W/hdr" "$W/data" "$SCALE" || exit 0
"$W/gen" "$W/hdr" "$W/changed" "$SCALE" changed || exit 0
ROWS=$(cat "$W"/data/d*/manifest.csv | awk -F, '$1 == "file" { n += $3 } END { print n }')
DAILY_ROWS=$(awk -F, '$1 == "file" { n += $3 } END { print n }' "$W/data/d12/manifest.csv")
echo "$ROWS rows in 12 folders, $(du -sm "$W/data" | cut -f1) MB; the daily case: d12, $DAILY_ROWS rows"
ELEVEN=$(ls -d "$W"/data/d* | head -n 11)

# The sqlite3 shell's .import of folders into tables without any key or index.
shell_import() {
	db=$1; shift
	{
		echo "BEGIN;"
		for t in $TABLES; do
			echo "CREATE TABLE IF NOT EXISTS $t ($(head -n 1 "$W/data/d01/$t.csv"));"
		done
		for d in "$@"; do
			for t in $TABLES; do echo ".import --csv --skip 1 $d/$t.csv $t"; done
		done
		echo "COMMIT;"
	} >"$W/import.sql"
	lim sqlite3 "$db" <"$W/import.sql"
}
# The sqlite3 shell dumping the same tables as CSV.
shell_export() {
	mkdir -p "$2"
	for t in $TABLES; do lim sqlite3 -csv -header "$1" "SELECT * FROM $t" >"$2/$t.csv"; done
}
# sxsh ARGS... — the program under test; its peak RSS (kB) is appended to $W/rss.
sxsh() { lim /usr/bin/time -f %M -o "$W/rss.one" "$SXSH_BIN" "$@"; rc=$?; tail -n 1 "$W/rss.one" >>"$W/rss"; return $rc; }

# ---- sync: paired runs -----------------------------------------------------------------
# The office database with eleven districts, made once; each daily-case run starts from a copy.
"$SXSH_BIN" --db "$W/eleven.db" import $ELEVEN >/dev/null 2>&1
shell_import "$W/eleven_q.db" $ELEVEN
: >"$W/rss"
for i in $(seq "$RUNS"); do
	rm -f "$W"/s.db* "$W"/q.db* "$W"/d.db* "$W"/dq.db*
	"$SXSH_BIN" --db "$W/s.db" init >/dev/null
	a=$(secs sxsh --db "$W/s.db" import "$W"/data/d*)
	b=$(secs shell_import "$W/q.db" "$W"/data/d*)
	echo "$b $a" >>"$W/p.empty"
	a=$(secs sxsh --db "$W/s.db" import "$W"/data/d*)
	rm -f "$W"/q.db*
	b=$(secs shell_import "$W/q.db" "$W"/data/d*)
	echo "$b $a" >>"$W/p.reimport"
	a=$(secs sxsh --db "$W/s.db" import "$W"/changed/d*)
	rm -f "$W"/q.db*
	b=$(secs shell_import "$W/q.db" "$W"/changed/d*)
	echo "$b $a" >>"$W/p.changed"
	sqlite3 "$W/eleven.db" "VACUUM INTO '$W/d.db'"
	sqlite3 "$W/eleven_q.db" "VACUUM INTO '$W/dq.db'"
	a=$(secs sxsh --db "$W/d.db" import "$W/data/d12")
	b=$(secs shell_import "$W/dq.db" "$W/data/d12")
	echo "$b $a" >>"$W/p.daily"
	rm -rf "$W/e1" "$W/e2"
	a=$(secs sxsh --db "$W/s.db" export "$W/e1")
	b=$(secs shell_export "$W/s.db" "$W/e2")
	echo "$a $b" >>"$W/p.export"
	echo "  run $i of $RUNS done"
done
RSS=$(sort -n "$W/rss" | tail -n 1)

# pairs NAME FILE WHAT — print each pair and the median ratio (first / second).
pairs() {
	printf '%s\n' "$1"
	awk '{ printf "    pair %d: %7.2f s / %7.2f s = %.2f\n", NR, $1, $2, ($2 > 0) ? $1 / $2 : 0 }' "$2"
	r=$(awk '{ if ($2 > 0) print $1 / $2 }' "$2" | median)
	printf '    median ratio: %.2f\n' "$r"
	RATIO=$(printf '%.2f' "$r")
}
echo
echo "sync: $ROWS rows, $RUNS paired runs (ratio = rows/s of sxsh / rows/s of the peer)"
pairs "  import into an empty database vs sqlite3 .import into unindexed tables" "$W/p.empty"
verdict "import into an empty database (x .import)" "$RATIO" 0.8 ge "x"
pairs "  re-import of the merged files vs .import" "$W/p.reimport"
verdict "re-import of merged files (x .import)" "$RATIO" 10 ge "x"
pairs "  re-import after 1 % changed vs .import" "$W/p.changed"
verdict "re-import after 1 % changed (x .import)" "$RATIO" 1.0 ge "x"
pairs "  the daily case: d12 into the other eleven vs .import of d12" "$W/p.daily"
verdict "daily case: one district into eleven (x .import)" "$RATIO" 0.8 ge "x"
pairs "  export vs sqlite3 -csv (ratio = time of sxsh / time of sqlite3)" "$W/p.export"
verdict "export time (x sqlite3 -csv)" "$RATIO" 1.5 le "x"
verdict "import peak memory" "$(awk -v k="$RSS" 'BEGIN { printf "%.1f", k / 1024 }')" 16 le "MB"

# ---- search per keystroke --------------------------------------------------------------
if [ -x "$BENCH_SEARCH" ]; then
	echo
	lim "$BENCH_SEARCH" "$W/search.db" gen | tee "$W/search.out"
	verdict "facility search, slowest keystroke (50,000)" \
		"$(sed -n 's/.*facility worst: \([0-9.]*\) ms/\1/p' "$W/search.out")" 20 le "ms"
	verdict "people search, slowest keystroke (200,000)" \
		"$(sed -n 's/.*people worst: \([0-9.]*\) ms/\1/p' "$W/search.out")" 20 le "ms"
fi

# ---- the interface on the office database ---------------------------------------------
if [ -x "$VTRUN" ]; then
	echo
	echo "interface on the imported database ($ROWS rows): first screen, memory, bytes per key"
	cat >"$W/ui.vt" <<'EOV'
#! env: LANGUAGE=en
wait Main menu
clock first screen
key Down
attr reverse Facilities
key Enter
wait Search:
# A search with few matches (a place word and a number): the list then says "N found".
type mai son 1011
wait found
rss resident memory after a search
key F2
wait New facility
mark
type ơ
bytes one typed character
key F10
EOV
	mkdir -p "$W/home"
	# An officer who has done the first run: the interface opens on its main menu.
	sqlite3 "$W/s.db" "INSERT OR REPLACE INTO settings (key, value) VALUES
		('language', 'en'), ('officer_name', 'Bench Officer')"
	for i in 1 2 3 4 5; do
		HOME=$W/home lim "$VTRUN" -t 20000 "$W/ui.vt" -- "$SXSH_BIN" --db "$W/s.db" \
			>>"$W/ui.out" 2>"$W/ui.err" || tail -5 "$W/ui.err"
	done
	sed 's/^/    /' "$W/ui.out" | grep -v '^    ok '
	first=$(sed -n 's/^first screen: \([0-9]*\) ms/\1/p' "$W/ui.out" | median)
	uirss=$(sed -n 's/^resident memory after a search: \([0-9]*\) kB/\1/p' "$W/ui.out" | sort -n | tail -n 1)
	bytes=$(sed -n 's/^one typed character: \([0-9]*\) bytes/\1/p' "$W/ui.out" | sort -n | tail -n 1)
	# The same first screen on an empty database (made by init, after the first run).
	cat >"$W/empty.vt" <<'EOV'
#! env: LANGUAGE=en
wait Main menu
clock first screen
key F10
EOV
	"$SXSH_BIN" --db "$W/empty.db" init >/dev/null
	sqlite3 "$W/empty.db" "INSERT OR REPLACE INTO settings (key, value) VALUES
		('language', 'en'), ('officer_name', 'Bench Officer')"
	for i in 1 2 3 4 5; do
		HOME=$W/home lim "$VTRUN" -t 20000 "$W/empty.vt" -- "$SXSH_BIN" --db "$W/empty.db" \
			>>"$W/empty.out" 2>"$W/ui.err" || tail -5 "$W/ui.err"
	done
	echo "    on an empty database (first screen, median of 5 as above):"
	sed 's/^/    /' "$W/empty.out" | grep -v '^    ok '
	efirst=$(sed -n 's/^first screen: \([0-9]*\) ms/\1/p' "$W/empty.out" | median)
	verdict "interface: first screen, bench database" "$first" 50 le "ms"
	verdict "interface: first screen, empty database" "$efirst" 50 le "ms"
	# A figure the script did not print is "nan", and fails its bar.
	verdict "interface: resident memory" "$(awk -v k="${uirss:-nan}" 'BEGIN { if (k == "nan") print k; else printf "%.1f", k / 1024 }')" 12 le "MB"
	verdict "interface: bytes written per typed character" "${bytes:-nan}" 64 le "bytes"
fi

echo
echo "summary (SCALE=$SCALE, RUNS=$RUNS, LIMIT=$LIMIT)"
printf '  %-46s %10s %-6s %s %-8s %s\n' "figure" "value" "" "" "bar" "verdict"
cat "$SUMMARY"
exit 0
