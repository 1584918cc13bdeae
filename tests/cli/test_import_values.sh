# test_import_values.sh — import normalises every value to its type or refuses the
# line: version stamps from the future, before 1970 or past what a CSV can hold.

PEOPLE_HEAD="uuid,updated_at,origin,deleted,full_name,name_key,sort_key,gender,birth_year,ethnicity,phone,unit,position,place_uuid,category,on_roster,facility_uuid,note"

# person_csv FILE UPDATED_AT — a people.csv with one row stamped UPDATED_AT.
person_csv() {
	printf '%s\n01900000-0000-7000-8000-0000000000a1,%s,lap-b,0,Lò Thị Hoa,,,,,,,,,,,0,,\n' \
		"$PEOPLE_HEAD" "$2" >"$1"
}

case_ "import refuses updated_at far in the future, negative or past year 9999, with its line"
run sxsh init
mkdir -p "$T/f"
for bad in 9999-12-31T00:00:00.000Z -5 99999999999999999999 253402300800000; do
	person_csv "$T/f/people.csv" "$bad"
	SXSH_NOW=2026-12-01T10:00:00.000Z run sxsh import "$T/f/people.csv"
	expect_status 1
	case "$bad" in
	9999-*) expect_err_has "people.csv:2: updated_at: \"$bad\" is more than a day ahead of this computer's clock" ;;
	*) expect_err_has "people.csv:2: updated_at: \"$bad\" is not a time between 1970 and 9999" ;;
	esac
	expect_err_has "nothing was imported; the database is unchanged"
done
expect_sql "$SXSH_DB" "SELECT count(*) FROM people" 0

case_ "import accepts a clock a few hours ahead, and the value survives export and import"
run sxsh init
mkdir -p "$T/f"
person_csv "$T/f/people.csv" 2026-12-01T15:30:00.123Z
SXSH_NOW=2026-12-01T10:00:00.000Z run sxsh import "$T/f/people.csv"
expect_status 0
expect_sql "$SXSH_DB" "SELECT updated_at FROM people" 1796139000123
run sxsh export "$T/ex"
grep -q ',2026-12-01T15:30:00.123Z,lap-b,' "$T/ex/people.csv" || fail "exported as $(sed -n 2p "$T/ex/people.csv")"

case_ "a file a spreadsheet changed: refused in plain words, or imported with --accept-changed, every line checked"
SXSH_DB="$T/a.db" sxsh init >/dev/null
sqlite3 "$T/a.db" "INSERT INTO people (uuid, updated_at, origin, full_name, birth_year)
  VALUES ('01900000-0000-7000-8000-0000000000a1', 1700000000000, 'lap-a', 'Lò Thị Hoa', 1985)"
SXSH_DB="$T/a.db" sxsh export "$T/ex" >/dev/null
# The officer corrects the year of birth in a spreadsheet and saves (CRLF, as Calc does).
sed 's/,1985,/,1986,/; s/$/\r/' "$T/ex/people.csv" >"$T/p" && mv "$T/p" "$T/ex/people.csv"
run sxsh init
run sxsh import "$T/ex"
expect_status 1
expect_err_has "people.csv: this file was changed after it was exported (it no longer matches manifest.csv): saved by a spreadsheet, or copied only in part. If the changes are wanted, import again with --accept-changed"
expect_sql "$SXSH_DB" "SELECT count(*) FROM people" 0
run sxsh import --accept-changed "$T/ex"
expect_status 0
expect_err_has "people.csv: changed since it was exported (it does not match manifest.csv); imported anyway, as --accept-changed asks, with every line checked"
expect_sql "$SXSH_DB" "SELECT birth_year FROM people" 1986
# Still every line validated: a year that is not a number is refused with its line.
sed 's/,1986,/,198x,/' "$T/ex/people.csv" >"$T/p" && mv "$T/p" "$T/ex/people.csv"
run sxsh --db "$T/c.db" import --accept-changed "$T/ex"
expect_status 1
expect_err_has 'people.csv:2: birth_year: "198x" is not a number'

case_ "same version stamp, other content: reported field by field and not merged; --accept-changed keeps it as a new version"
run sxsh init
sqlite3 "$SXSH_DB" "INSERT INTO people (uuid, updated_at, origin, full_name, birth_year)
  VALUES ('01900000-0000-7000-8000-0000000000a1', 1700000000000, 'lap-a', 'Lò Thị Hoa', 1985)"
run sxsh export "$T/ex"
# Edited in a spreadsheet: the year changes, the version stamp does not.
sed 's/,1985,/,1986,/' "$T/ex/people.csv" >"$T/people.csv"
h0=$(sqlite3 "$SXSH_DB" "SELECT count(*) FROM history")
run sxsh import "$T/people.csv"
expect_status 0
[ "$(echo "$OUT" | awk '$1 == "people" { print $5 }')" = 1 ] || fail "not counted as conflicting: $OUT"
expect_sql "$SXSH_DB" "SELECT birth_year, updated_at, origin FROM people" "1985|1700000000000|lap-a"
report=$(ls "$T"/sxsh.db.import-*.txt | tail -n 1)
grep -q 'people 01900000-0000-7000-8000-0000000000a1: changed outside sxsh (same version as the stored row, other content), not merged; import with --accept-changed to keep it as a new version: birth_year: "1985" → "1986"' "$report" ||
	fail "report: $(cat "$report")"
expect_sql "$SXSH_DB" "SELECT reason, json_extract(data, '$.birth_year') FROM history WHERE tbl = 'people'" "edited-outside|1986"
run sxsh import --accept-changed "$T/people.csv"
expect_status 0
expect_sql "$SXSH_DB" "SELECT birth_year, updated_at > 1700000000000, origin = (SELECT value FROM meta WHERE key = 'installation_id') FROM people" "1986|1|1"
expect_sql "$SXSH_DB" "SELECT count(*) FROM history WHERE tbl = 'people' AND reason = 'replaced' AND json_extract(data, '$.birth_year') = 1985" 1
