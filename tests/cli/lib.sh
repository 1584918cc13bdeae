# lib.sh — assertions for command-line tests (sourced by tests/cli/run.sh).
#
# A test file calls `case_ NAME` to start a case, `run CMD...` to run a
# command (stdout, stderr and status are kept), then expect_* functions.
# Every case runs with a fresh $T folder and English messages unless it says
# otherwise.

PASSED=0
FAILED=0
CASE=
CASE_FAILED=0

# Sanitizer builds (make BUILD=build/asan SAN=1 cli): every run of the
# binary, however a test starts it, writes its sanitizer reports under
# $SAN_DIR and exits with status 86; san_check fails the case on any report,
# leak included, on stderr or in $SAN_DIR.  Without sanitizers nothing changes.
SAN_DIR="$WORK/sanitizer"
mkdir -p "$SAN_DIR"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$SAN_DIR/report:exitcode=86:detect_leaks=1"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}log_path=$SAN_DIR/report:exitcode=86:print_stacktrace=1:halt_on_error=1"

# san_check STATUS [STDERR-FILE] — fail the case on a sanitizer's exit or report.
san_check() {
	[ "$1" = 86 ] && fail "exit status 86: a sanitizer stopped the program"
	if [ -n "${2:-}" ] && grep -qE 'runtime error:|ERROR: [A-Za-z]+Sanitizer|SUMMARY: [A-Za-z]+Sanitizer' "$2" 2>/dev/null; then
		fail "sanitizer report on stderr: $(grep -E -A12 'runtime error:|ERROR: [A-Za-z]+Sanitizer' "$2" | head -20)"
	fi
	for f in "$SAN_DIR"/report.*; do
		[ -f "$f" ] || continue
		fail "sanitizer report: $(head -25 "$f")"
		rm -f "$f"
	done
	return 0
}

# sxsh ARGS... — the binary under test, checked for sanitizer reports.
sxsh() {
	_e=$(mktemp "$T/.stderr.XXXXXX")
	"$SXSH_BIN" "$@" 2>"$_e"
	_s=$?
	cat "$_e" >&2
	san_check "$_s" "$_e"
	rm -f "$_e"
	return "$_s"
}

# Finish the current case and count it.
end_case() {
	[ -n "$CASE" ] || return 0
	san_check 0
	if [ "$CASE_FAILED" -eq 0 ]; then PASSED=$((PASSED + 1)); else FAILED=$((FAILED + 1)); fi
	CASE=
}

# case_ NAME — start a case with a fresh folder $T and a default database.
case_() {
	end_case
	CASE="$1"
	CASE_FAILED=0
	T="$WORK/$PASSED-$FAILED-$(echo "$1" | tr -c 'a-zA-Z0-9' '_')"
	rm -rf "$T" && mkdir -p "$T"
	export SXSH_DB="$T/sxsh.db" HOME="$T/home" XDG_DATA_HOME="$T/xdg" LANGUAGE=en LANG=C.UTF-8
	unset LC_ALL LC_MESSAGES
}

# Failures go to the test run's own output (fd 3), even from inside `run`.
exec 3>&1
fail() {
	CASE_FAILED=1
	printf 'FAIL %s (%s): %s\n' "$CASE" "$CURRENT_FILE" "$*" >&3
}

# run CMD... — run a command, keeping $OUT, $ERR and $STATUS.
run() {
	"$@" >"$T/out" 2>"$T/err" </dev/null
	STATUS=$?
	san_check "$STATUS" "$T/err"
	OUT=$(cat "$T/out")
	ERR=$(cat "$T/err")
}

expect_status() {
	[ "$STATUS" = "$1" ] || fail "exit status $STATUS, want $1; stderr: $ERR"
}
expect_out() {
	[ "$OUT" = "$1" ] || fail "stdout:
$OUT
want:
$1"
}
expect_err() {
	[ "$ERR" = "$1" ] || fail "stderr:
$ERR
want:
$1"
}
expect_out_has() {
	case "$OUT" in *"$1"*) ;; *) fail "stdout lacks '$1':
$OUT" ;; esac
}
expect_err_has() {
	case "$ERR" in *"$1"*) ;; *) fail "stderr lacks '$1':
$ERR" ;; esac
}
expect_mode() {
	m=$(stat -c %a "$1" 2>/dev/null)
	[ "$m" = "$2" ] || fail "mode of $1 is '$m', want $2"
}
# expect_sql DB SQL WANT — the sqlite3 shell's answer to SQL.
expect_sql() {
	got=$(sqlite3 "$1" "$2" 2>&1)
	[ "$got" = "$3" ] || fail "sql '$2' gave '$got', want '$3'"
}
# expect_files_equal A B — two files have the same bytes.
expect_files_equal() {
	cmp -s "$1" "$2" || fail "$1 and $2 differ: $(diff "$1" "$2" | head -20)"
}

# find_vtrun — set $vt to the terminal-test driver: $VTRUN (set by `make cli`), else
# one built beside $SXSH_BIN or in build/; empty when there is none.
find_vtrun() {
	vt=${VTRUN:-}
	for c in "$(dirname "$SXSH_BIN")/vtrun" "$HERE/../../build/vtrun"; do
		[ -n "$vt" ] || { [ -x "$c" ] && vt=$c; }
	done
}

# soffice_csv OUTDIR FILE... — open each CSV in headless LibreOffice Calc as a
# user gets it by opening the file and saving it as CSV again (the Text Import
# dialog's defaults in LibreOffice's own registry, main.xcd CSVImport:
# separators comma, semicolon and tab, " quotes, no "detect special numbers",
# no "evaluate formulas", language en-US; the export dialog's: comma, ",
# "save cell contents as shown").  One soffice run for all files.  Fails the
# case, saying so, where soffice is missing.
SOFFICE_IN='Text - txt - csv (StarCalc):44/59/9,34,76,1,,1033,false,false,,,false,,false'
SOFFICE_OUT='csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false'
soffice_csv() {
	_o=$1; shift
	if ! command -v soffice >/dev/null; then
		fail "soffice is missing: sh .ci/deps test installs libreoffice-calc-nogui"
		return 1
	fi
	mkdir -p "$_o" "$WORK/lohome"
	HOME="$WORK/lohome" soffice --headless --norestore --infilter="$SOFFICE_IN" \
		--convert-to "$SOFFICE_OUT" --outdir "$_o" "$@" >"$_o/.log" 2>&1 ||
		{ fail "soffice failed: $(cat "$_o/.log")"; return 1; }
}
