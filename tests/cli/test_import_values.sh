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

# answers_edit SED-SCRIPT FILE — answers.csv's value column (the last) as a
# spreadsheet rewrote it; only whole unquoted fields at the end of a line.
iso_end=',\([0-9]\{4\}\)-\([0-9][0-9]\)-\([0-9][0-9]\)$'

case_ "answers: dates and decimal commas as a spreadsheet wrote them are converted by their question type; the report counts the same"
SXSH_DB="$T/a.db" sxsh demo >/dev/null || fail "demo failed"
SXSH_DB="$T/a.db" sxsh export "$T/ex" >/dev/null || fail "export failed"
SXSH_DB="$T/a.db" sxsh --lang en report --plan SL-SXSH-2016-2020 --format csv >"$T/want.csv"
grep -q '^overall,Whole province,rapid,.*,7,' "$T/want.csv" || fail "the demo's rapid count: $(grep rapid "$T/want.csv" | head -1)"
# 2017-11-08 → 08/11/2017 (day first, as Vietnamese write it); 0.035 → "0,035".
sed -e "s#$iso_end#,\\3/\\2/\\1#" -e 's/,\(-\{0,1\}[0-9][0-9]*\)\.\([0-9][0-9]*\)$/,"\1,\2"/' \
	"$T/ex/answers.csv" >"$T/a" && mv "$T/a" "$T/ex/answers.csv"
grep -q ',visit_date,08/11/2017$' "$T/ex/answers.csv" || fail "the edit did not take"
grep -q ',"0,035"$' "$T/ex/answers.csv" || fail "the decimal edit did not take"
run sxsh import --accept-changed "$T/ex"
expect_status 0
expect_sql "$SXSH_DB" "SELECT count(*) FROM answers WHERE value LIKE '%/%/%' OR value GLOB '*[0-9],[0-9]*'" 0
expect_sql "$SXSH_DB" "SELECT count(*) FROM answers WHERE name = 'visit_date' AND value = '2017-11-08'" 1
run sxsh --lang en report --plan SL-SXSH-2016-2020 --format csv
echo "$OUT" >"$T/got.csv"
expect_files_equal "$T/got.csv" "$T/want.csv"
# Into the office database that has these rows already: nothing differs.
SXSH_DB="$T/o.db" sxsh init >/dev/null
SXSH_DB="$T/a.db" sxsh export "$T/ex0" >/dev/null
SXSH_DB="$T/o.db" sxsh import "$T/ex0" >/dev/null
h0=$(sqlite3 "$T/o.db" "SELECT count(*) FROM history")
SXSH_DB="$T/o.db" run sxsh import --accept-changed "$T/ex"
[ "$(echo "$OUT" | awk '$1 == "total" { print $2, $3, $5, $6 }')" = "0 0 0 0" ] ||
	fail "the converted answers differ from the stored ones: $OUT"
expect_sql "$T/o.db" "SELECT count(*) FROM history" "$h0"

case_ "answers: a month-first date, a choice the list lacks and decimals for a whole number are refused with answers.csv:LINE, nothing changes"
SXSH_DB="$T/a.db" sxsh demo >/dev/null || fail "demo failed"
SXSH_DB="$T/a.db" sxsh export "$T/ex" >/dev/null || fail "export failed"
run sxsh init
# with_answers DIR SED-ARGS... — a copy of the export whose answers.csv sed rewrote.
with_answers() {
	d=$1; shift
	cp -r "$T/ex" "$d" && sed "$@" "$T/ex/answers.csv" >"$d/answers.csv"
}
# Excel en-US: 2017-11-28 → 11/28/2017 (month first).
with_answers "$T/us" "s#$iso_end#,\\2/\\3/\\1#"
line=$(grep -n "$iso_end" "$T/ex/answers.csv" | awk -F'[-:,]' '$NF + 0 > 12 { print $1; exit }')
v=$(sed -n "${line}p" "$T/us/answers.csv" | awk -F, '{ print $NF }')
name=$(sed -n "${line}p" "$T/us/answers.csv" | awk -F, '{ print $(NF - 1) }')
[ -n "$line" ] && [ -n "$v" ] || fail "no date after the 12th in the demo's answers"
run sxsh import --accept-changed "$T/us"
expect_status 1
expect_err_has "answers.csv:$line: $name: \"$v\" reads only as month/day/year"
expect_err_has "nothing was imported; the database is unchanged"
expect_sql "$SXSH_DB" "SELECT count(*) FROM answers" 0
line=$(grep -n ',sector,sugar$' "$T/ex/answers.csv" | head -1 | cut -d: -f1)
with_answers "$T/sel" "${line}s/,sugar\$/,duong/"
run sxsh import --accept-changed "$T/sel"
expect_status 1
expect_err_has "answers.csv:$line: sector: \"duong\" is not a choice of the list"
line=$(grep -n ',workers,[0-9]*$' "$T/ex/answers.csv" | head -1 | cut -d: -f1)
with_answers "$T/int" "${line}s/,\\([0-9]*\\)\$/,\\1.5/"
run sxsh import --accept-changed "$T/int"
expect_status 1
expect_err_has "answers.csv:$line: workers: \"$(sed -n "${line}p" "$T/int/answers.csv" | awk -F, '{ print $NF }')\" is not a whole number"
expect_sql "$SXSH_DB" "SELECT count(*) FROM answers" 0
expect_sql "$SXSH_DB" "SELECT count(*) FROM assessments" 0

case_ "phones: LibreOffice's people.csv (every leading 0 dropped) merges as unchanged; +84 and dropped zeros are stored as 0…; a non-number is refused with its line"
SXSH_DB="$T/a.db" sxsh demo >/dev/null || fail "demo failed"
SXSH_DB="$T/a.db" sxsh export "$T/ex" >/dev/null || fail "export failed"
SXSH_DB="$T/o.db" sxsh import "$T/ex" >/dev/null || fail "office import failed"
mkdir -p "$T/lo" && cp "$T/ex/people.csv" "$T/lo/"
soffice_csv "$T/lo/out" "$T/lo/people.csv"
grep -q ',900005639,' "$T/lo/out/people.csv" || fail "LibreOffice kept the leading 0: $(sed -n 2p "$T/lo/out/people.csv")"
h0=$(sqlite3 "$T/o.db" "SELECT count(*) FROM history")
SXSH_DB="$T/o.db" run sxsh import "$T/lo/out/people.csv"
expect_status 0
[ "$(echo "$OUT" | awk '$1 == "people" { print $2, $3, $4, $5, $6 }')" = "0 0 24 0 0" ] ||
	fail "people from LibreOffice are not all unchanged: $OUT"
expect_sql "$T/o.db" "SELECT count(*) FROM history" "$h0"
# Into a new database: the numbers as sxsh wrote them.
SXSH_DB="$T/n.db" sxsh import "$T/ex/places.csv" "$T/ex/facilities.csv" >/dev/null
SXSH_DB="$T/n.db" run sxsh import "$T/lo/out/people.csv"
expect_status 0
expect_sql "$T/n.db" "SELECT group_concat(phone) FROM (SELECT phone FROM people ORDER BY uuid)" \
	"$(sqlite3 "$T/a.db" "SELECT group_concat(phone) FROM (SELECT phone FROM people ORDER BY uuid)")"
# +84 and spaces, as people write them; and something that is no phone number.
mkdir -p "$T/p"
sed -e '2s/,0900\([0-9]*\),/,+84 900 \1,/' -e '3s/,0\(9[0-9]*\),/,\1,/' "$T/ex/people.csv" >"$T/p/people.csv"
grep -q ',+84 900 ' "$T/p/people.csv" || fail "the +84 edit did not take"
SXSH_DB="$T/m.db" sxsh import "$T/ex/places.csv" "$T/ex/facilities.csv" >/dev/null
SXSH_DB="$T/m.db" run sxsh import "$T/p/people.csv"
expect_status 0
expect_sql "$T/m.db" "SELECT count(*) FROM people WHERE phone NOT GLOB '0[0-9]*' OR length(phone) <> 10" 0
sed '4s/,0\(9[0-9]*\),/,12345,/' "$T/ex/people.csv" >"$T/p/people.csv"
SXSH_DB="$T/m.db" run sxsh import "$T/p/people.csv"
expect_status 1
expect_err_has "people.csv:4: phone: \"12345\" is not a phone number"
expect_err_has "nothing was imported; the database is unchanged"
