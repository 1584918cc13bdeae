# test_export_form.sh — sxsh export-form: one form's assessments in ODK Central's layout.

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
head -n 1 "$main" | grep -q ',sec_b1-water_source,sec_b1-water_source/tap,sec_b1-water_source/well,' ||
	fail "select_multiple columns missing"
head -n 1 "$main" | grep -q ',meta-instanceID,KEY,SubmitterName,Status,DeviceID,FormVersion$' ||
	fail "meta columns missing"
[ "$(wc -l < "$main")" = 2 ] || fail "main file has $(wc -l < "$main") lines, want 2"
row=$(sed -n 2p "$main")
case "$row" in '2025-11-29T07:06:40.000Z,Hộ chế biến cà phê Lò Văn Piêng (ví dụ),Lò Văn Piêng,household,'*) ;;
*) fail "main row starts: $(echo "$row" | cut -c1-120)" ;; esac
case "$row" in *',uuid:a-1,uuid:a-1,Lò Thị Mai,complete,laptop-7,2026112901') ;;
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
grep -q ',uuid:a-2,uuid:a-2,Lò Thị Mai,draft,' "$T/exp/sxsh_rapid.csv" || fail "draft row missing"

case_ "export-form errors"
run sxsh init
run sxsh export-form nosuch_form "$T/exp"
expect_status 1
expect_err_has "the form \"nosuch_form\" is not installed in"
run sxsh export-form sxsh_rapid
expect_status 2
expect_err "sxsh: usage: sxsh export-form FORM DIR [--drafts] [--for-spreadsheet]
Try 'sxsh --help' for the commands and options."
run sxsh export-form sxsh_rapid "$T/exp" --frobnicate
expect_status 2
expect_err_has "unknown option '--frobnicate' for 'export-form'"

case_ "export-form refuses a form_id that would write outside the folder"
run sxsh init
mkdir -p "$T/a/b"
cp "$ROOT/tests/forms/broken/form_id_path.csv" "$T/a/b/escape.csv"
run sxsh export-form "$T/a/b/escape.csv" "$T/a/b/exp"
expect_status 1
expect_err_has "form_id may hold only letters"
[ -z "$(find "$T" -name 'x*.csv')" ] || fail "wrote $(find "$T" -name 'x*.csv')"
