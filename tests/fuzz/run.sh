#!/bin/sh
# run.sh — build every tests/fuzz/fuzz_*.c with libFuzzer + ASan + UBSan
# against the instrumented core library $FUZZ_LIB (the Makefile builds it) and
# run each for SECONDS (default 10) from a copy of its seeds in
# tests/fuzz/seeds/NAME/, with the extra libFuzzer flags in
# tests/fuzz/NAME.flags if there is one.  Ends with "fuzz: N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
secs=${1:-10}
out=build/fuzz
mkdir -p "$out"
passed=0 failed=0
for src in tests/fuzz/fuzz_*.c; do
	[ -f "$src" ] || continue
	name=$(basename "$src" .c)
	seeds=tests/fuzz/seeds/${name#fuzz_}
	bin=$out/$name
	if ! clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=undefined $FUZZ_CFLAGS -Isrc \
		"$src" "$FUZZ_LIB" -o "$bin" $FUZZ_LIBS 2>"$out/$name.build.log"; then
		echo "FAIL $name: does not build"; cat "$out/$name.build.log"
		failed=$((failed + 1)); continue
	fi
	corpus=$(mktemp -d)
	[ -d "$seeds" ] && cp "$seeds"/* "$corpus"/ 2>/dev/null
	flags=
	[ -f "tests/fuzz/${name#fuzz_}.flags" ] && flags=$(cat "tests/fuzz/${name#fuzz_}.flags")
	# shellcheck disable=SC2086
	if "$bin" -max_total_time="$secs" -rss_limit_mb=1024 -timeout=10 $flags \
		-artifact_prefix="$out/$name-" "$corpus" >"$out/$name.log" 2>&1; then
		echo "ok $name ($(grep -o 'Done [0-9]* runs' "$out/$name.log"))"
		passed=$((passed + 1))
	else
		echo "FAIL $name:"; tail -30 "$out/$name.log"
		failed=$((failed + 1))
	fi
	rm -rf "$corpus"
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
