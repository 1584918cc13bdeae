# test_readonly.sh — a database on read-only media (a write-protected USB stick, a CD):
# export and report work, writing says why it cannot.  The read-only disk is a tmpfs
# mounted read-only in a private mount namespace (unshare -rm, no root needed).

case_ "a database on a read-only disk: export and report work, import says it is read-only"
SXSH_DB="$T/other.db" sxsh demo >/dev/null || fail "demo failed"
SXSH_DB="$T/other.db" sxsh export "$T/other" >/dev/null || fail "export failed"
mkdir -p "$T/ro"
cat >"$T/ro.sh" <<SH
mount -t tmpfs tmpfs "$T/ro" || exit 99
SXSH_DB="$T/ro/sxsh.db" "$SXSH_BIN" demo >/dev/null || exit 98
mount -o remount,ro "$T/ro" || exit 97
SXSH_DB="$T/ro/sxsh.db" "$SXSH_BIN" export "$T/ex" >"$T/export.out" 2>"$T/export.err"; echo \$? >"$T/export.st"
SXSH_DB="$T/ro/sxsh.db" "$SXSH_BIN" report >"$T/report.out" 2>"$T/report.err"; echo \$? >"$T/report.st"
SXSH_DB="$T/ro/sxsh.db" "$SXSH_BIN" import "$T/other" >"$T/import.out" 2>"$T/import.err"; echo \$? >"$T/import.st"
SH
run unshare -rm sh "$T/ro.sh"
expect_status 0
[ "$(cat "$T/export.st")" = 0 ] || fail "export: $(cat "$T/export.err")"
grep -q "^Exported 2341 rows in 12 files to $T/ex.\$" "$T/export.out" || fail "export said: $(cat "$T/export.out")"
[ -f "$T/ex/manifest.csv" ] || fail "no manifest written"
[ "$(cat "$T/report.st")" = 0 ] || fail "report: $(cat "$T/report.err")"
[ "$(cat "$T/import.st")" = 1 ] || fail "import exit status $(cat "$T/import.st")"
grep -q "the database cannot be written: its file or folder is read-only; copy it to a writable place, or give another file with --db" "$T/import.err" ||
	fail "import said: $(cat "$T/import.err")"
grep -q "not an sxsh database\|\.csv:[0-9]" "$T/import.err" && fail "import blames the wrong thing: $(cat "$T/import.err")"
