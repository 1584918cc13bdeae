# test_form.sh — sxsh form check and sxsh form test, as a form author uses them.

FORMS="$ROOT/forms"
PREVIEW="$ROOT/tests/forms/preview"

case_ "form check accepts the shipped checklists"
run sxsh form check "$FORMS/rapid_assessment.csv" "$FORMS/detailed_tracker.csv"
expect_status 0
expect_out_has "rapid_assessment.csv: ok (form sxsh_rapid:"
expect_out_has "detailed_tracker.csv: ok (form sxsh_detailed:"

case_ "form check accepts the preview form"
run sxsh form check "$PREVIEW/water.csv"
expect_status 0
expect_out "$PREVIEW/water.csv: ok (form preview_water: 5 questions, 3 calculations, 1 choice lists)"

case_ "form check reports every problem of every broken form"
for f in "$ROOT"/tests/forms/broken/*.csv; do
	name=$(basename "$f" .csv)
	(cd "$ROOT/tests/forms/broken" && "$SXSH_BIN" form check "$name.csv") >"$T/out" 2>"$T/err"
	STATUS=$?
	expect_status 1
	head -n -1 "$T/err" > "$T/got"
	expect_files_equal "$T/got" "$ROOT/tests/forms/broken/$name.expected"
	n=$(wc -l < "$ROOT/tests/forms/broken/$name.expected")
	[ "$(tail -n 1 "$T/err")" = "$name.csv: problems found: $n" ] ||
		fail "$name: last line is '$(tail -n 1 "$T/err")'"
done

case_ "form check goes on after a broken file and fails"
run sxsh form check "$ROOT/tests/forms/broken/bad_ref.csv" "$PREVIEW/water.csv"
expect_status 1
expect_out "$PREVIEW/water.csv: ok (form preview_water: 5 questions, 3 calculations, 1 choice lists)"

case_ "form check usage"
run sxsh form check
expect_status 2
expect_err "sxsh: 'form check' needs at least one form file
Try 'sxsh --help' for the commands and options."
run sxsh form frobnicate
expect_status 2
expect_err "sxsh: unknown form subcommand 'frobnicate': use check or test
Try 'sxsh --help' for the commands and options."
run sxsh form
expect_status 2
expect_err "sxsh: 'form' needs a subcommand: check or test
Try 'sxsh --help' for the commands and options."

case_ "form test: skip logic, calculations and a repeat, in English"
run sxsh --lang en form test "$PREVIEW/water.csv" "$PREVIEW/cassava.csv"
expect_status 0
printf '%s\n' "$OUT" > "$T/got"
expect_files_equal "$T/got" "$PREVIEW/cassava.en.expected"

case_ "form test: validation failures in the form's Vietnamese"
run sxsh --lang vi form test "$PREVIEW/water.csv" "$PREVIEW/sugar_errors.csv"
expect_status 0
printf '%s\n' "$OUT" > "$T/got"
expect_files_equal "$T/got" "$PREVIEW/sugar_errors.vi.expected"

case_ "form test refuses an answer to a question the form does not have"
printf 'name,value\nsector,cassava\nwatr,12\n' > "$T/a.csv"
run sxsh --lang en form test "$PREVIEW/water.csv" "$T/a.csv"
expect_status 1
expect_err "$T/a.csv:3: the form has no question \"watr\""

case_ "form test needs a name,value header"
printf 'sector,cassava\n' > "$T/a.csv"
run sxsh --lang en form test "$PREVIEW/water.csv" "$T/a.csv"
expect_status 1
expect_err "$T/a.csv:1: the first row must be: name,value"

case_ "form test accepts dd/mm/yyyy dates and a byte-order mark"
printf '\357\273\277name,value\r\nvisit_date,05/03/2026\r\n' > "$T/a.csv"
run sxsh --lang en form test "$FORMS/rapid_assessment.csv" "$T/a.csv"
expect_status 0
expect_out_has "visit_date	date	relevant	2026-03-05"


case_ "form check on pyxform's example forms (tests/forms/pyxform/README.md): 4 of 12 load"
loaded=0
for f in "$ROOT"/tests/forms/pyxform/*.csv; do
	name=$(basename "$f" .csv)
	case $name in *.answers) continue ;; esac
	(cd "$ROOT/tests/forms/pyxform" && "$SXSH_BIN" --lang en form check "$name.csv") >"$T/got" 2>&1 &&
		[ "$name" != widgets_subset ] && loaded=$((loaded + 1))
	expect_files_equal "$T/got" "$ROOT/tests/forms/pyxform/$name.expected"
done
[ "$loaded" -eq 4 ] || fail "$loaded of pyxform's 12 example forms load, want 4"

case_ "form test: pyxform's bind:constraint / bind:jr:constraintMsg spellings act"
SXSH_NOW=2026-06-01T00:00:00Z run sxsh --lang en form test "$ROOT/tests/forms/pyxform/widgets_subset.csv" \
	"$ROOT/tests/forms/pyxform/widgets_subset.answers.csv"
expect_status 0
expect_out_has "error	my_int	must be less than 10"
expect_out_has "error	my_date	only future dates"
expect_out_has "error	my_select	not c and d together"
expect_err_has "widgets_subset.csv:22: warning: column 'add_none_option' in the settings sheet is not an XLSForm column sxsh knows: ignored"

case_ "form test: or_other adds the choice 'other' and the question NAME_other"
printf 'name,value\nsector,other\nsector_other,tea\n' > "$T/a.csv"
run sxsh --lang en form test "$ROOT/tests/forms/pyxform/specify_other.csv" "$T/a.csv"
expect_status 0
expect_out "sector	select_one	relevant	other
sector_other	text	relevant	tea
complete	yes	0"
printf 'name,value\nsector,coffee\n' > "$T/a.csv"
run sxsh --lang en form test "$ROOT/tests/forms/pyxform/specify_other.csv" "$T/a.csv"
expect_out_has "sector_other	text	skipped	"

case_ "form test: the or_other choice is labelled in every language of the form (Khác in Vietnamese)"
# pyxform writes "Other" in every language; sxsh speaks Vietnamese, so the vi
# label column gets the translation. The name stays "other" as pyxform's.
cat > "$T/f.csv" <<'CSV'
survey,type,name,label,label::Tiếng Việt (vi),calculation
,select_one s or_other,q,Sector,Ngành,
,calculate,ql,,,"jr:choice-name(${q}, '${q}')"
choices,list_name,name,label,label::Tiếng Việt (vi)
,s,coffee,Coffee,Cà phê
CSV
printf 'name,value\nq,other\nq_other,chè\n' > "$T/a.csv"
run sxsh --lang vi form test "$T/f.csv" "$T/a.csv"
expect_status 0
expect_out "q	select_one	relevant	other
q_other	text	relevant	chè
ql	calculate	relevant	Khác
complete	yes	0"
run sxsh --lang en form test "$T/f.csv" "$T/a.csv"
expect_out_has "ql	calculate	relevant	Other"
