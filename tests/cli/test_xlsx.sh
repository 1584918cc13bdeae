# test_xlsx.sh — .xlsx workbooks saved by a real spreadsheet program: each
# shipped form (single-file CSV) is split into its sheets (csv2fods) and
# LibreOffice Calc saves it as .xlsx; the workbook must load and behave
# exactly as the CSV.  Needs soffice (libreoffice-calc-nogui, .ci/deps test).

FORMS="$ROOT/forms"
XL="$WORK/xlsx"   # shared by the cases below (each case has its own $T)
mkdir -p "$XL"

case_ "LibreOffice saves the shipped forms and the broken fixture as .xlsx"
command -v soffice >/dev/null || fail "soffice is missing: sh .ci/deps test installs libreoffice-calc-nogui"
set --
for f in "$FORMS/rapid_assessment.csv" "$FORMS/detailed_tracker.csv" \
	"$ROOT/tests/forms/broken/many_errors.csv" "$ROOT/tests/forms/pyxform/widgets_subset.csv" \
	"$ROOT/tests/forms/lint/where.csv"; do
	n=$(basename "$f" .csv)
	"$CSV2FODS" "$f" > "$XL/$n.fods" || fail "csv2fods $f"
	set -- "$@" "$XL/$n.fods"
done
# One LibreOffice run saves them all (it starts in seconds, not per file).
HOME="$XL" soffice --headless --norestore --convert-to xlsx --outdir "$XL" "$@" >"$XL/log" 2>&1 ||
	{ cat "$XL/log"; fail "soffice failed"; }
set --
for n in rapid_assessment detailed_tracker many_errors widgets_subset where; do
	[ "$(head -c 2 "$XL/$n.xlsx" 2>/dev/null)" = "PK" ] || fail "$n.xlsx is missing or not a zip container"
done

case_ "form check: the .xlsx forms load as their CSV"
for n in rapid_assessment detailed_tracker; do
	(cd "$FORMS" && "$SXSH_BIN" --lang en form check "$n.csv") > "$T/csv.out" 2>&1
	(cd "$XL" && "$SXSH_BIN" --lang en form check "$n.xlsx") > "$T/xlsx.out" 2>&1
	STATUS=$?
	expect_status 0
	sed "s/^$n.xlsx:/$n.csv:/" "$T/xlsx.out" > "$T/xlsx.norm"
	expect_files_equal "$T/xlsx.norm" "$T/csv.out"
done

case_ "form test: every shipped answer set gives the same output from .xlsx"
for a in "$ROOT"/tests/forms/answers/*.csv; do
	base=${a%.csv}
	case $(basename "$a") in tracker_*) form="$XL/detailed_tracker.xlsx" ;; *) form="$XL/rapid_assessment.xlsx" ;; esac
	for lang in en vi; do
		SXSH_NOW=2026-11-29T03:00:00.000Z "$SXSH_BIN" --lang $lang form test "$form" "$a" > "$T/got" 2>&1
		expect_files_equal "$T/got" "$base.$lang.expected"
	done
done

case_ "form check: a broken workbook names file.xlsx:sheet:row"
(cd "$XL" && "$SXSH_BIN" --lang en form check many_errors.xlsx) > "$T/out" 2>&1
STATUS=$?
expect_status 1
# The CSV's rows 2..8 are rows 1..7 of the survey sheet (the marker row goes),
# also the row named inside a message.
sed -e 's/^many_errors.csv:\([0-9]*\)/\1/' "$ROOT/tests/forms/broken/many_errors.expected" |
	while IFS= read -r line; do
		row=${line%%:*}; rest=${line#*:}
		case $rest in *"(first used on row 3)") rest="${rest%3)}2)" ;; esac
		echo "many_errors.xlsx:survey:$((row - 1)):$rest"
	done > "$T/want"
echo "many_errors.xlsx: problems found: $(wc -l < "$T/want")" >> "$T/want"
expect_files_equal "$T/out" "$T/want"

case_ "form check: a workbook's expression warnings name file.xlsx:sheet:row:column"
# Rows of the survey sheet, not the reader's sheet-and-row line numbers.
(cd "$XL" && "$SXSH_BIN" --lang en form check where.xlsx) > "$T/out" 2>&1
STATUS=$?
expect_status 0
sed -e 's/^where.csv: ok/where.xlsx: ok/' -e 's/^where.csv:/where.xlsx:survey:/' \
	"$ROOT/tests/forms/lint/where.expected" > "$T/want"
expect_files_equal "$T/out" "$T/want"

case_ "form test: the aliases and defaults of a workbook (numbers, dates as Calc stores them)"
SXSH_NOW=2026-06-01T00:00:00Z "$SXSH_BIN" --lang en form test "$XL/widgets_subset.xlsx" \
	"$ROOT/tests/forms/pyxform/widgets_subset.answers.csv" > "$T/xlsx.out" 2>&1
SXSH_NOW=2026-06-01T00:00:00Z "$SXSH_BIN" --lang en form test "$ROOT/tests/forms/pyxform/widgets_subset.csv" \
	"$ROOT/tests/forms/pyxform/widgets_subset.answers.csv" > "$T/csv.out" 2>&1
sed 's|^.*widgets_subset.xlsx:settings:[0-9]*: |W: |' "$T/xlsx.out" > "$T/a"
sed 's|^.*widgets_subset.csv:[0-9]*: |W: |' "$T/csv.out" > "$T/b"
expect_files_equal "$T/a" "$T/b"

case_ "form check: a file named .xlsx that is not a workbook"
printf 'survey,,\n,type,name\n' > "$T/fake.xlsx"
run sxsh --lang en form check "$T/fake.xlsx"
expect_status 1
expect_err_has "$T/fake.xlsx: not an .xlsx workbook ("

case_ "the forms folder takes an .xlsx form: export-form finds it by its id"
mkdir -p "$T/dd/forms"
cp -r "$FORMS/data" "$T/dd/forms/"
cp "$XL/widgets_subset.xlsx" "$T/dd/forms/"
run sxsh init
run sxsh export-form widgets_subset "$T/xexp"
expect_status 1
expect_err_has "the form \"widgets_subset\" is not installed in"
(export SXSH_DATADIR="$T/dd"; "$SXSH_BIN" --lang en export-form widgets_subset "$T/xexp") >"$T/out" 2>&1
STATUS=$?
expect_status 0
[ "$(cat "$T/out")" = "Exported 0 assessments of widgets_subset in 1 files to $T/xexp." ] || fail "got: $(cat "$T/out")"
