#!/bin/sh
# stress.sh — the terminal suite again and again with both cores busy, to show it does not
# race (issue 15): `make tty-stress` (RUNS=10 by default, both builds).
#
#   RUNS=N BUILDS="build build/asan" sh tests/tty/stress.sh
#
# Each build dir must hold sxsh and vtrun (make tty-stress builds them).  One busy loop per
# core runs meanwhile.  Ends with "tty-stress: N passed, N failed" (one count per suite run).
set -u
cd "$(dirname "$0")/../.."
runs=${RUNS:-10}
builds=${BUILDS:-build build/asan}
cores=$(nproc 2>/dev/null || echo 2)
load_pids=
i=0
while [ "$i" -lt "$cores" ]; do
	sh -c 'while :; do :; done' &
	load_pids="$load_pids $!"
	i=$((i + 1))
done
trap 'kill $load_pids 2>/dev/null' EXIT INT TERM
passed=0 failed=0
for b in $builds; do
	bin=$b/sxsh
	[ "$b" = build ] && bin=./sxsh
	n=1
	while [ "$n" -le "$runs" ]; do
		out=$(SXSH_BIN=$(pwd)/$bin VTRUN=$(pwd)/$b/vtrun sh tests/tty/run.sh 2>&1)
		last=$(printf '%s\n' "$out" | tail -n 1)
		echo "$b run $n: $last"
		case $last in
		*", 0 failed") passed=$((passed + 1)) ;;
		*) failed=$((failed + 1)); printf '%s\n' "$out" | grep -A30 FAIL | head -40 ;;
		esac
		n=$((n + 1))
	done
done
echo "tty-stress: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
