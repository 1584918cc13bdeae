#!/bin/sh
# run.sh — the command-line tests: every tests/cli/test_*.sh against the real
# binary $SXSH_BIN.  Ends with "cli: N passed, N failed".
#
# The files run JOBS at a time (default: the number of cores), each in its own
# shell with its own work folder; a worker takes the next file nobody has taken
# (mkdir is the lock).  CLI_ONLY=test_sync runs only the files named so.  Their
# output is printed in file order at the end, with the seconds each file took,
# so a slow file is easy to see.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
: "${SXSH_BIN:=$ROOT/sxsh}"
: "${JOBS:=$(nproc 2>/dev/null || echo 2)}"
BASE=$(mktemp -d /tmp/sxsh-cli.XXXXXX)
trap 'rm -rf "$BASE"' EXIT INT TERM

# run_file FILE — one test file in a fresh shell with its own work folder (as
# long a path as every file had before: some screens show it); writes NAME.out
# and NAME.count.  The test files use short variable names freely, so the
# runner keeps its own state in files.
run_file() (
	CURRENT_FILE=$(basename "$1")
	n=${CURRENT_FILE%.sh}
	date +%s >"$BASE/$n.t0"
	WORK=$(mktemp -d /tmp/sxsh-cli.XXXXXX)
	{
		. "$HERE/lib.sh"
		. "$1"
		end_case
		echo "$PASSED $FAILED" >"$BASE/${CURRENT_FILE%.sh}.count"
	} >"$BASE/${CURRENT_FILE%.sh}.out" 2>&1
	rm -rf "$WORK"
	echo $(($(date +%s) - $(cat "$BASE/${CURRENT_FILE%.sh}.t0"))) >"$BASE/${CURRENT_FILE%.sh}.secs"
)

worker() {
	for f in "$HERE"/${CLI_ONLY:-test_}*.sh; do
		mkdir "$BASE/claim-$(basename "$f")" 2>/dev/null || continue
		run_file "$f"
	done
}

i=0
while [ "$i" -lt "$JOBS" ]; do
	worker &
	i=$((i + 1))
done
wait

passed=0 failed=0
for f in "$HERE"/${CLI_ONLY:-test_}*.sh; do
	n=$(basename "$f" .sh)
	cat "$BASE/$n.out" 2>/dev/null
	if [ -f "$BASE/$n.count" ]; then
		read -r p q <"$BASE/$n.count"
		echo "  $n: $p passed, $q failed ($(cat "$BASE/$n.secs" 2>/dev/null) s)"
		passed=$((passed + p)) failed=$((failed + q))
	else
		echo "FAIL $n: the file stopped before its end"
		failed=$((failed + 1))
	fi
done
echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
