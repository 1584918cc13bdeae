#!/bin/sh
# summary.sh — the last line of `make check`: the totals of every layer that
# ran (each layer wrote its "name: N passed, N failed" line to build/results).
set -u
p=0 f=0
for r in build/results/*.txt build/asan/results/*.txt build/fuzz/results/*.txt; do
	[ -f "$r" ] || continue
	line=$(tail -n 1 "$r")
	n=$(echo "$line" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p')
	[ -n "$n" ] || continue
	set -- $n
	p=$((p + $1)) f=$((f + $2))
	echo "  $(dirname "$r" | sed 's|/results||') $line"
done
echo "all: $p passed, $f failed"
[ "$f" -eq 0 ]
