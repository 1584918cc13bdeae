# test_participants.sh — sxsh session import-participants: a participant list saved as CSV
# by a real spreadsheet program (LibreOffice Calc, headless, from tests/data/participants_vi.fods:
# a title row, Vietnamese headers, STT and signature columns), in UTF-8 with ';' and in
# Windows-1258 with ','; a preview that writes nothing, the duplicate checks of
# registration, errors as file:line, and --apply in one transaction.

PL="$WORK/participants"   # shared by the cases below (each case has its own $T)
mkdir -p "$PL"

# A session and one person already in the registry (Nguyễn Văn An, 1985).
list_data() {
	sxsh init >/dev/null || fail "init failed"
	sqlite3 "$SXSH_DB" "
	INSERT INTO sessions (uuid, updated_at, origin, kind, code, title, start_date, end_date)
	VALUES ('0196b0a0-0000-7000-8000-000000000001', 1, 'o', 'training', 'TH-2026-07',
	  'SXSH cho cơ sở chế biến nông sản', '2026-12-01', '2026-12-02');
	INSERT INTO people (uuid, updated_at, origin, full_name, name_key, sort_key, birth_year)
	VALUES ('p1', 1, 'o', 'Nguyễn Văn An', 'nguyen van an', 'n', 1985);" ||
		fail "could not prepare the data"
}
count() { sqlite3 "$SXSH_DB" "$1"; }

case_ "LibreOffice saves the list as CSV: UTF-8 with ';', Windows-1258 with ','"
command -v soffice >/dev/null || fail "soffice is missing: sh .ci/deps test installs libreoffice-calc-nogui"
cp "$ROOT/tests/data/participants_vi.fods" "$PL/utf8.fods"
cp "$ROOT/tests/data/participants_vi.fods" "$PL/cp1258.fods"
# Filter options: separator (59 ';', 44 ','), text quote ("), character set (76 UTF-8, 40 MS-1258).
HOME="$PL" soffice --headless --norestore --convert-to 'csv:Text - txt - csv (StarCalc):59,34,76' \
	--outdir "$PL" "$PL/utf8.fods" >"$PL/log" 2>&1 || { cat "$PL/log"; fail "soffice failed"; }
HOME="$PL" soffice --headless --norestore --convert-to 'csv:Text - txt - csv (StarCalc):44,34,40' \
	--outdir "$PL" "$PL/cp1258.fods" >>"$PL/log" 2>&1 || { cat "$PL/log"; fail "soffice failed"; }
grep -q '^STT;Họ và tên;Năm sinh' "$PL/utf8.csv" || fail "utf8.csv: $(head -3 "$PL/utf8.csv")"
iconv -f CP1258 -t UTF-8 "$PL/cp1258.csv" | grep -q '^STT,Họ và tên,Năm sinh' ||
	fail "cp1258.csv is not Windows-1258 with ','"
# Excel's "CSV UTF-8" starts with a byte-order mark.
printf '\357\273\277' | cat - "$PL/utf8.csv" > "$PL/bom.csv"

case_ "import-participants: the preview classifies every row and writes nothing"
list_data
run sxsh session import-participants TH-2026-07 "$PL/bom.csv"
expect_status 1
expect_out_has "$PL/bom.csv:3: Lò Văn Bình, 1979: new person"
expect_out_has "$PL/bom.csv:5: Nguyễn Văn An, 1985: in the registry as Nguyễn Văn An"
expect_out_has "$PL/bom.csv:8: Quàng Thị Hương: same person as line 6"
expect_out_has "3 new, 1 in the registry, 0 already registered, 1 repeated, 1 in error."
expect_out_has "Nothing was written: correct the rows in error first."
expect_err_has "sxsh: $PL/bom.csv:7: the year of birth \"19x5\" is not a year between 1900 and 2100"
[ "$(count 'SELECT count(*) FROM participants')" = 0 ] || fail "the preview wrote participants"
[ "$(count 'SELECT count(*) FROM people')" = 1 ] || fail "the preview wrote people"

case_ "import-participants: Windows-1258 with ',' reads as the UTF-8 file"
list_data
run sxsh session import-participants TH-2026-07 "$PL/bom.csv"
sed "s|$PL/bom.csv|F|" "$T/out" > "$T/utf8.out"
run sxsh session import-participants TH-2026-07 "$PL/cp1258.csv"
sed "s|$PL/cp1258.csv|F|" "$T/out" > "$T/cp1258.out"
expect_files_equal "$T/cp1258.out" "$T/utf8.out"
expect_err_has "$PL/cp1258.csv:7: the year of birth"

case_ "import-participants --apply: refused while a row is in error, then written once fixed"
list_data
run sxsh session import-participants TH-2026-07 "$PL/bom.csv" --apply
expect_status 1
expect_err_has "$PL/bom.csv:7: the year of birth"
expect_err_has "1 rows in error: nothing was imported"
[ "$(count 'SELECT count(*) FROM participants')" = 0 ] || fail "a list in error was written"
sed 's/19x5/1995/' "$PL/utf8.csv" > "$T/fixed.csv"
run sxsh session import-participants TH-2026-07 "$T/fixed.csv" --apply
expect_status 0
expect_out_has "Registered for TH-2026-07: 4 new people, 1 from the registry."
[ "$(count 'SELECT count(*) FROM participants WHERE deleted = 0')" = 5 ] || fail "not 5 participants"
[ "$(count 'SELECT count(*) FROM people')" = 5 ] || fail "not 5 people (one already there)"
[ "$(count "SELECT gender || ' ' || category || ' ' || ethnicity || ' ' || phone FROM people
	WHERE full_name = 'Cầm Thị Chung'")" = "female enterprise Thái 0912345602" ] ||
	fail "Cầm Thị Chung's columns were not read"
[ "$(count "SELECT unit FROM people WHERE full_name = 'Lò Văn Bình'")" = \
	"HTX Cà phê Chiềng Ban; xã Chiềng Ban" ] || fail "a quoted ';' in a field was split"
[ "$(count "SELECT count(*) FROM people WHERE full_name = 'Sùng A Páo' AND birth_year = 1995")" = 1 ] ||
	fail "Sùng A Páo (decomposed in Windows-1258, NFC when saved) is missing"
# The same list again: everyone is already registered.
run sxsh session import-participants TH-2026-07 "$T/fixed.csv"
expect_status 0
expect_out_has "0 new, 0 in the registry, 5 already registered, 1 repeated, 0 in error."

case_ "import-participants: English headers; a file without a name column is refused at line 1"
list_data
printf 'No.,Full name,Year of birth,Gender,Unit,Category,Phone\n1,Lò Thị Xuân,1992,female,HTX Hoa Ban,Enterprise,0977 000 111\n2,Hà Văn Tâm,1980,M,UBND xã Mường Bon,Community,\n' > "$T/en.csv"
run sxsh session import-participants TH-2026-07 "$T/en.csv" --apply
expect_status 0
expect_out_has "Registered for TH-2026-07: 2 new people, 0 from the registry."
[ "$(count "SELECT gender || ' ' || category FROM people WHERE full_name = 'Hà Văn Tâm'")" = "male community" ] ||
	fail "English values were not read"
printf 'Tên đơn vị,Địa chỉ\nHTX Hoa Ban,Mai Sơn\n' > "$T/units.csv"
run sxsh session import-participants TH-2026-07 "$T/units.csv"
expect_status 1
expect_err_has "sxsh: $T/units.csv:1: no header row with a full-name column"
run sxsh session import-participants TH-2026-07
expect_status 2
expect_err_has "usage: sxsh session import-participants SESSION FILE [--apply]"
run sxsh session import-participants NO-SUCH "$T/en.csv"
expect_status 1
