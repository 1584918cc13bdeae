#!/bin/sh
# firstrun.sh — `make run` on a machine where the build dependencies are not installed yet
# (issue 15): pkg-config knows none of the packages until the installer has run, as on a
# fresh Debian machine.  The first `make run` must install, build, link and start sxsh.
# .ci/run also does it for real, with two packages removed.
# Ends with "firstrun: N passed, N failed".
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/sxsh-firstrun.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1"; fi; }

mkdir -p "$T/src" "$T/bin"
# The tree as committed plus what is being changed, without any build output.
(cd "$ROOT" && git ls-files -co --exclude-standard | tar -cf - -T -) | (cd "$T/src" && tar -xf -)
real=$(command -v pkg-config)
cat >"$T/bin/pkg-config" <<EOS
#!/bin/sh
# Until the stand-in installer has run, no package is known (a fresh machine).
[ -f "$T/installed" ] || exit 1
exec "$real" "\$@"
EOS
cat >"$T/deps" <<EOS
#!/bin/sh
echo "installing build dependencies (stand-in)"
touch "$T/installed"
EOS
chmod +x "$T/bin/pkg-config" "$T/deps"
PATH="$T/bin:$PATH" make -C "$T/src" -j2 --no-print-directory DEPS="sh $T/deps" \
	RUN_ARGS=--version run >"$T/out" 2>&1 </dev/null
rc=$?
check "make run exits 0 (status $rc): $(tail -5 "$T/out")" '[ "$rc" -eq 0 ]'
check "the installer ran before the build" 'grep -q "installing build dependencies (stand-in)" "$T/out"'
check "the program started: $(tail -2 "$T/out")" 'grep -q "^sxsh [0-9]" "$T/out"'
echo "firstrun: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
