# test_export_form.sh — sxsh export-form: one form's assessments in ODK Central's layout.
# Expected headers and keys come from Central's own export tests,
# getodk/central-backend test/unit/data/briefcase.js: the root columns end
# KEY,SubmitterID,SubmitterName,AttachmentsPresent,AttachmentsExpected,Status,
# ReviewState,DeviceID,Edits,FormVersion ("should output a simple flat table");
# select_multiple columns split only when asked, 0 where not chosen ("should
# split known select many fields into value columns"); a repeat inside a group
# keeps the group in its KEY, its PARENT_KEY is the submission ("should handle
# single-level repeats, with KEY/PARENT_KEY": two/children/child[1]); nested
# repeats ("briefcase replicated test: nested-repeats"); meta-instanceID just
# before KEY as pyxform puts meta last ("briefcase replicated test: all-data-types").

CENTRAL_META="meta-instanceID,KEY,SubmitterID,SubmitterName,AttachmentsPresent,AttachmentsExpected,Status,ReviewState,DeviceID,Edits,FormVersion"

# put_assessment DB ID STATUS ANSWERS.csv — an assessment of a coffee facility with the
# answers of a shipped answer set, as the walkthrough would have stored them.
put_assessment() {
	sqlite3 "$1" <<SQL
INSERT OR IGNORE INTO facilities (uuid, updated_at, origin, name) VALUES ('f-1', 1, 'o', 'HTX Cà phê');
INSERT INTO assessments (uuid, updated_at, origin, facility_uuid, kind, form_id, form_version,
  status, started_at, finished_at, officer)
  VALUES ('$2', 1764400000000, 'laptop-7', 'f-1', 'rapid', 'sxsh_rapid', '2026112901', '$3',
  1764300000000, CASE '$3' WHEN 'complete' THEN 1764400000000 END, 'Lò Thị Mai');
CREATE TEMP TABLE a (name TEXT, value TEXT);
.import --csv --skip 1 $4 a
INSERT INTO answers (uuid, updated_at, origin, assessment_uuid, name, value)
  SELECT '$2' || '-' || rowid, 1, 'o', '$2', name, value FROM a;
SQL
}

case_ "export-form writes the main file and one per repeat, finished assessments only"
run sxsh init
put_assessment "$SXSH_DB" a-1 complete "$ROOT/tests/forms/answers/coffee_wet_above.csv"
put_assessment "$SXSH_DB" a-2 draft "$ROOT/tests/forms/answers/cassava_good.csv"
run sxsh export-form sxsh_rapid "$T/exp"
expect_status 0
expect_out "Exported 1 assessments of sxsh_rapid in 2 files to $T/exp."
expect_mode "$T/exp/sxsh_rapid.csv" 600
main="$T/exp/sxsh_rapid.csv"
rep="$T/exp/sxsh_rapid-options.csv"
head -n 1 "$main" | grep -q '^SubmissionDate,sec_a1-facility_name,sec_a1-owner_name,' ||
	fail "main header: $(head -c 200 "$main")"
head -n 1 "$main" | grep -q ',sec_b1-water_source,' || fail "no sec_b1-water_source column"
! head -n 1 "$main" | grep -q 'sec_b1-water_source/' || fail "select_multiple split without being asked"
head -n 1 "$main" | grep -q ",$CENTRAL_META\$" || fail "meta columns: $(head -n 1 "$main" | rev | cut -c1-200 | rev)"
[ "$(wc -l < "$main")" = 2 ] || fail "main file has $(wc -l < "$main") lines, want 2"
row=$(sed -n 2p "$main")
case "$row" in '2025-11-29T07:06:40.000Z,Hộ chế biến cà phê Lò Văn Piêng (ví dụ),Lò Văn Piêng,household,'*) ;;
*) fail "main row starts: $(echo "$row" | cut -c1-120)" ;; esac
case "$row" in *',uuid:a-1,uuid:a-1,,Lò Thị Mai,0,0,,,laptop-7,0,2026112901') ;;
*) fail "main row ends: $(echo "$row" | rev | cut -c1-100 | rev)" ;; esac
# Column values by header name, read back by the sqlite3 shell's CSV reader.
sqlite3 "$T/read.db" ".import --csv $main m"
col() { sqlite3 "$T/read.db" "SELECT \"$1\" FROM m"; }
[ "$(col sec_b1-water_source)" = "$(grep '^water_source,' "$ROOT/tests/forms/answers/coffee_wet_above.csv" | cut -d, -f2)" ] ||
	fail "water_source is '$(col sec_b1-water_source)'"
[ "$(col mod_coffee_wet-sc_cw_water)" = "18" ] || fail "sc_cw_water is '$(col mod_coffee_wet-sc_cw_water)', want 18"
[ "$(col mod_coffee_wet-v_cw_water)" = "above" ] || fail "v_cw_water is '$(col mod_coffee_wet-v_cw_water)'"
# Not relevant for a coffee facility: left empty even if something were stored.
[ "$(col sec_c3-pulp_t)" = "" ] || fail "pulp_t is '$(col sec_c3-pulp_t)', want empty"
head -n 1 "$rep" | grep -q ',PARENT_KEY,KEY$' || fail "repeat header: $(head -n 1 "$rep")"
n=$(grep -o '^options\[[0-9]*\]' "$ROOT/tests/forms/answers/coffee_wet_above.csv" | sort -u | wc -l)
[ "$(($(wc -l < "$rep") - 1))" = "$n" ] || fail "repeat file has $(($(wc -l < "$rep") - 1)) rows, want $n"
grep -q ',uuid:a-1,uuid:a-1/options\[2\]$' "$rep" || fail "no KEY uuid:a-1/options[2]"

case_ "export-form --drafts takes drafts too; a form file works as well as its id"
run sxsh init
put_assessment "$SXSH_DB" a-1 complete "$ROOT/tests/forms/answers/coffee_wet_above.csv"
put_assessment "$SXSH_DB" a-2 draft "$ROOT/tests/forms/answers/cassava_good.csv"
run sxsh export-form "$ROOT/forms/rapid_assessment.csv" "$T/exp" --drafts
expect_status 0
expect_out "Exported 2 assessments of sxsh_rapid in 2 files to $T/exp."
grep -q ',uuid:a-2,uuid:a-2,,Lò Thị Mai,0,0,draft,,laptop-7,0,' "$T/exp/sxsh_rapid.csv" || fail "draft row missing"

case_ "export-form errors"
run sxsh init
run sxsh export-form nosuch_form "$T/exp"
expect_status 1
expect_err_has "the form \"nosuch_form\" is not installed in"
run sxsh export-form sxsh_rapid
expect_status 2
expect_err "sxsh: usage: sxsh export-form FORM DIR [--drafts] [--for-spreadsheet] [--split-select-multiples]
Try 'sxsh --help' for the commands and options."
run sxsh export-form sxsh_rapid "$T/exp" --frobnicate
expect_status 2
expect_err_has "unknown option '--frobnicate' for 'export-form'"

# put_children DB ID FINISHED TOYS — an assessment of tests/forms/export/children.csv.
put_children() {
	sqlite3 "$1" <<SQL
INSERT OR IGNORE INTO facilities (uuid, updated_at, origin, name) VALUES ('f-1', 1, 'o', 'HTX');
INSERT INTO assessments (uuid, updated_at, origin, facility_uuid, kind, form_id, form_version,
  status, started_at, finished_at, officer)
  VALUES ('$2', 1, 'laptop-7', 'f-1', 'rapid', 'export_children', '2018010101', 'complete',
  $3 - 3600000, $3, 'Lò Thị Mai');
INSERT INTO answers (uuid, updated_at, origin, assessment_uuid, name, value) VALUES
  ('$2-1', 1, 'o', '$2', 'name', 'Bob'), ('$2-2', 1, 'o', '$2', 'age', '34'),
  ('$2-3', 1, 'o', '$2', 'toys', '$4');
SQL
}

case_ "export-form: Central's columns, a repeat inside a group keeps the group in KEY"
run sxsh init
put_children "$SXSH_DB" b-1 1514764800000 "x z"
sqlite3 "$SXSH_DB" "INSERT INTO answers (uuid, updated_at, origin, assessment_uuid, name, value) VALUES
  ('c1', 1, 'o', 'b-1', 'child[1]/child_name', 'Billy'), ('c2', 1, 'o', 'b-1', 'child[1]/child_age', '4'),
  ('c3', 1, 'o', 'b-1', 'child[2]/child_name', 'Blaine'), ('c4', 1, 'o', 'b-1', 'child[2]/child_age', '6'),
  ('c5', 1, 'o', 'b-1', 'child[1]/grade[1]/year', '2017'), ('c6', 1, 'o', 'b-1', 'child[1]/grade[2]/year', '2018')"
run sxsh export-form "$ROOT/tests/forms/export/children.csv" "$T/exp"
expect_status 0
expect_out "Exported 1 assessments of export_children in 3 files to $T/exp."
printf '%s\n' "SubmissionDate,name,age,toys,$CENTRAL_META" \
	"2018-01-01T00:00:00.000Z,Bob,34,x z,uuid:b-1,uuid:b-1,,Lò Thị Mai,0,0,,,laptop-7,0,2018010101" > "$T/want"
tr -d '\r' < "$T/exp/export_children.csv" > "$T/got"
expect_files_equal "$T/got" "$T/want"
printf '%s\n' "child_name,child_age,PARENT_KEY,KEY" \
	"Billy,4,uuid:b-1,uuid:b-1/children/child[1]" \
	"Blaine,6,uuid:b-1,uuid:b-1/children/child[2]" > "$T/want"
tr -d '\r' < "$T/exp/export_children-child.csv" > "$T/got"
expect_files_equal "$T/got" "$T/want"
printf '%s\n' "year,PARENT_KEY,KEY" \
	"2017,uuid:b-1/children/child[1],uuid:b-1/children/child[1]/school/grade[1]" \
	"2018,uuid:b-1/children/child[1],uuid:b-1/children/child[1]/school/grade[2]" > "$T/want"
tr -d '\r' < "$T/exp/export_children-grade.csv" > "$T/got"
expect_files_equal "$T/got" "$T/want"

case_ "export-form --split-select-multiples: one column per choice, 0 where not chosen"
run sxsh init
put_children "$SXSH_DB" b-1 1514764800000 "x z"
put_children "$SXSH_DB" b-2 1514768400000 ""
run sxsh export-form "$ROOT/tests/forms/export/children.csv" "$T/exp" --split-select-multiples
expect_status 0
printf '%s\n' "SubmissionDate,name,age,toys,toys/x,toys/y,toys/z,$CENTRAL_META" \
	"2018-01-01T00:00:00.000Z,Bob,34,x z,1,0,1,uuid:b-1,uuid:b-1,,Lò Thị Mai,0,0,,,laptop-7,0,2018010101" \
	"2018-01-01T01:00:00.000Z,Bob,34,,0,0,0,uuid:b-2,uuid:b-2,,Lò Thị Mai,0,0,,,laptop-7,0,2018010101" > "$T/want"
tr -d '\r' < "$T/exp/export_children.csv" > "$T/got"
expect_files_equal "$T/got" "$T/want"

case_ "export-form: Edits counts answers corrected after the assessment was finished"
run sxsh init
put_children "$SXSH_DB" b-1 1514764800000 "x"
sqlite3 "$SXSH_DB" "UPDATE answers SET value = '35', updated_at = 2 WHERE uuid = 'b-1-2';
  UPDATE answers SET value = 'Rob', updated_at = 3 WHERE uuid = 'b-1-1'"
run sxsh export-form "$ROOT/tests/forms/export/children.csv" "$T/exp"
expect_status 0
grep -q ',Rob,35,x,uuid:b-1,uuid:b-1,,Lò Thị Mai,0,0,,,laptop-7,2,2018010101' "$T/exp/export_children.csv" ||
	fail "row: $(sed -n 2p "$T/exp/export_children.csv")"

case_ "demo: SubmissionDate is when the assessment was finished, the day after the visit"
rm -f "$T/demo.db"
run sxsh --db "$T/demo.db" demo
run sxsh --db "$T/demo.db" export-form sxsh_rapid "$T/dexp"
expect_status 0
sqlite3 "$T/read2.db" ".import --csv $T/dexp/sxsh_rapid.csv m"
bad=$(sqlite3 "$T/read2.db" "SELECT count(*) FROM m WHERE substr(SubmissionDate, 1, 10) <>
  date(\"sec_a1-visit_date\", '+1 day') OR SubmissionDate NOT LIKE '20%T09:00:00.000Z'")
total=$(sqlite3 "$T/read2.db" "SELECT count(*) FROM m")
[ "$total" -gt 0 ] && [ "$bad" = 0 ] || fail "$bad of $total rows have a SubmissionDate away from their visit"

case_ "export-form refuses a form_id that would write outside the folder"
run sxsh init
mkdir -p "$T/a/b"
cp "$ROOT/tests/forms/broken/form_id_path.csv" "$T/a/b/escape.csv"
run sxsh export-form "$T/a/b/escape.csv" "$T/a/b/exp"
expect_status 1
expect_err_has "form_id may hold only letters"
[ -z "$(find "$T" -name 'x*.csv')" ] || fail "wrote $(find "$T" -name 'x*.csv')"
