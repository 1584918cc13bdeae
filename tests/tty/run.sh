#!/bin/sh
# run.sh — the terminal tests: every tests/tty/*.vt script, run by vtrun against the real
# binary in a pseudo-terminal, each with a fresh database and home directory.
#
#   SXSH_BIN=/abs/sxsh VTRUN=/abs/vtrun sh tests/tty/run.sh [NAME...]
#
# NAME limits the run to tests/tty/NAME.vt (or a path to a .vt file).  VTRUN_FLAGS is passed
# to vtrun (e.g. "-t 15000" on a slow machine); TTY_KEEP=1 keeps each test's temporary
# directory and prints where it is.  Script headers (#! args:, #! env:, #! size:) are honoured
# by vtrun itself.  The last line is "tty: N passed, N failed"; the status is 1 on any failure.

here=$(cd "$(dirname "$0")" && pwd)
: "${SXSH_BIN:?set SXSH_BIN to the sxsh binary}"
: "${VTRUN:?set VTRUN to the vtrun binary (make tty builds it)}"
if [ ! -x "$SXSH_BIN" ] || [ ! -x "$VTRUN" ]; then
	echo "tty: $SXSH_BIN or $VTRUN is not an executable" >&2
	exit 2
fi

# Tests must not depend on the developer's language, terminal or colour settings: each
# script asks for what it needs through "#! env:" or "#! args:".
unset LC_ALL LC_CTYPE LC_MESSAGES LANGUAGE NO_COLOR COLUMNS LINES SXSH_DB
LANG=C.UTF-8
export LANG

passed=0
failed=0
tmp=

cleanup() {
	if [ -n "$tmp" ] && [ -z "${TTY_KEEP:-}" ]; then
		rm -rf "$tmp"
	fi
	tmp=
}
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

# Run one script with its own database, HOME and XDG directories.
run_one() {
	script=$1
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/sxsh-tty.XXXXXX") || exit 2
	mkdir -p "$tmp/home/.local/share" "$tmp/home/.config" "$tmp/home/.cache" "$tmp/home/Documents"
	# shellcheck disable=SC2086 # VTRUN_FLAGS is a list of options
	SXSH_DB="$tmp/t.db" HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/.local/share" \
		XDG_CONFIG_HOME="$tmp/home/.config" XDG_CACHE_HOME="$tmp/home/.cache" \
		XDG_STATE_HOME="$tmp/home/.local/state" \
		"$VTRUN" ${VTRUN_FLAGS:-} "$script" -- "$SXSH_BIN" </dev/null
	rc=$?
	if [ "$rc" -eq 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL $script (vtrun status $rc)"
	fi
	if [ -n "${TTY_KEEP:-}" ]; then
		echo "  kept $tmp"
	fi
	cleanup
}

# The scripts to run: the names given, or every tests/tty/*.vt in name order.
if [ $# -eq 0 ]; then
	set -- "$here"/*.vt
	[ -e "$1" ] || set --
fi
for name in "$@"; do
	case $name in
	*.vt) script=$name ;;
	*) script=$here/$name.vt ;;
	esac
	# Print paths relative to the repository when we can: they are what a developer opens.
	case $script in
	"$PWD"/*) script=${script#"$PWD"/} ;;
	esac
	if [ ! -f "$script" ]; then
		echo "FAIL $script (no such script)"
		failed=$((failed + 1))
		continue
	fi
	run_one "$script"
done

echo "tty: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
