# test_ledger.sh — a folder already merged is not read again, and says so.

case_ "re-import of a merged folder: already merged, counted unchanged, in the report"
SXSH_DB="$T/a.db" sxsh demo >/dev/null || fail "demo failed"
SXSH_DB="$T/a.db" sxsh export "$T/ex" >/dev/null || fail "export failed"
run sxsh init
run sxsh import "$T/ex"
expect_status 0
expect_sql "$SXSH_DB" "SELECT count(*) FROM sync_ledger" 12
before=$(sqlite3 "$SXSH_DB" "SELECT * FROM history ORDER BY id; SELECT * FROM people ORDER BY uuid")
run sxsh import --dry-run "$T/ex"
expect_out_has "12 files were already merged into this database: not read again.
Dry run: nothing was changed."
run sxsh import "$T/ex"
expect_status 0
[ "$(echo "$OUT" | awk '$1 == "total" { print $2, $3, $5, $6 }')" = "0 0 0 0" ] || fail "not all unchanged: $OUT"
expect_out_has "12 files were already merged into this database: not read again."
report=$(echo "$OUT" | sed -n 's/.*report: //p')
grep -q "^  $T/ex/people.csv: already merged into this database (24 rows, " "$report" || fail "report: $(cat "$report")"
[ "$(sqlite3 "$SXSH_DB" "SELECT * FROM history ORDER BY id; SELECT * FROM people ORDER BY uuid")" = "$before" ] ||
	fail "the re-import changed the database"

case_ "a file edited outside sxsh is reported on every import, and --accept-changed still keeps it"
run sxsh init
sqlite3 "$SXSH_DB" "INSERT INTO people (uuid, updated_at, origin, full_name, birth_year)
  VALUES ('01900000-0000-7000-8000-0000000000a1', 1700000000000, 'lap-a', 'Lò Thị Hoa', 1985)"
run sxsh export "$T/ex"
sed 's/,1985,/,1986,/' "$T/ex/people.csv" >"$T/people.csv"
run sxsh import "$T/people.csv"
run sxsh import "$T/people.csv"
[ "$(echo "$OUT" | awk '$1 == "people" { print $5 }')" = 1 ] || fail "not reported again: $OUT"
run sxsh import --accept-changed "$T/people.csv"
expect_sql "$SXSH_DB" "SELECT birth_year FROM people" 1986

case_ "files that have settled are known again by their stamps (device, file id, size, times), on Windows too"
SXSH_DB="$T/a.db" sxsh demo >/dev/null || fail "demo failed"
SXSH_DB="$T/a.db" sxsh export "$T/ex" >/dev/null || fail "export failed"
sleep 3.5 # older than the 3 s a file needs to have settled before its stamp is trusted
run sxsh init
run sxsh import "$T/ex"
expect_status 0
expect_sql "$SXSH_DB" "SELECT count(*) FROM sync_seen" 12
run sxsh import "$T/ex"
expect_out_has "12 files were already merged into this database: not read again."
