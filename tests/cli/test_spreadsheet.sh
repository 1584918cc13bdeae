# test_spreadsheet.sh — every export table through a real spreadsheet program:
# the demo database exported, each CSV opened in headless LibreOffice Calc with
# the defaults a user gets and saved as CSV again (soffice_csv in lib.sh), then
# imported into the office database that has those rows already (nothing may
# differ) and into a new one (the same records: export and report equal).
# Needs soffice (libreoffice-calc-nogui, .ci/deps test); says so where missing.

case_ "LibreOffice round trip of every export table: 0 conflicting, 0 new history rows, the same figures"
SXSH_DB="$T/a.db" sxsh demo >/dev/null || fail "demo failed"
SXSH_DB="$T/a.db" sxsh export "$T/ex" >/dev/null || fail "export failed"
mkdir -p "$T/lo"
for f in "$T"/ex/*.csv; do
	[ "$(basename "$f")" = manifest.csv ] || cp "$f" "$T/lo/"
done
t0=$(date +%s)
soffice_csv "$T/calc" "$T"/lo/*.csv
echo "test_spreadsheet: LibreOffice saved $(ls "$T"/lo/*.csv | wc -l) files in $(($(date +%s) - t0)) s" >&3
cp "$T/ex/manifest.csv" "$T/calc/"
# What Calc does to them: the leading zeros of phones and place codes go.
grep -q ',900005639,' "$T/calc/people.csv" || fail "LibreOffice kept the phones' leading 0"
cmp -s "$T/ex/places.csv" "$T/calc/places.csv" && fail "LibreOffice changed nothing in places.csv"
SXSH_DB="$T/o.db" sxsh import "$T/ex" >/dev/null || fail "office import failed"
h0=$(sqlite3 "$T/o.db" "SELECT count(*) FROM history")
SXSH_DB="$T/o.db" run sxsh import --accept-changed "$T/calc"
expect_status 0
# The totals line: table, new, updated, unchanged, conflicting, rejected.
[ "$(echo "$OUT" | awk '$1 == "total" { print $2, $3, $5, $6 }')" = "0 0 0 0" ] ||
	fail "the spreadsheet round trip changed something: $(echo "$OUT" | grep -v ' 0 *0 *[0-9]* *0 *0$')"
expect_sql "$T/o.db" "SELECT count(*) FROM history" "$h0"
# A new database gets the same records: its export equals the original's,
# and the report's figures are the original's.
SXSH_DB="$T/n.db" run sxsh import --accept-changed "$T/calc"
expect_status 0
SXSH_DB="$T/n.db" sxsh export "$T/exN" >/dev/null || fail "export of the new database failed"
for f in "$T"/ex/*.csv; do
	[ "$(basename "$f")" = manifest.csv ] || expect_files_equal "$T/exN/$(basename "$f")" "$f"
done
for plan in SL-SXSH-2016-2020 VN-SPC-2026-2030; do
	SXSH_DB="$T/a.db" sxsh report --plan $plan --format csv >"$T/want.csv"
	SXSH_DB="$T/n.db" sxsh report --plan $plan --format csv >"$T/got.csv"
	expect_files_equal "$T/got.csv" "$T/want.csv"
done
grep -q '^overall,Whole province,rapid,.*,7,' "$T/want.csv" ||
	SXSH_DB="$T/n.db" sxsh report --plan SL-SXSH-2016-2020 --format csv | grep -q '^overall,Whole province,rapid,.*,7,' ||
	fail "the 2016-2020 plan's rapid assessments are not the demo's 7"
