# test_form_odk.sh — form check and form test as a faithful preview of ODK
# Collect: defaults, choice filters, group prefixes, SXSH_NOW with an offset,
# metadata, JavaRosa's surprises warned about (issue 11 sections 1, 3, 4).

PREVIEW="$ROOT/tests/forms/preview"

# The form, written into each case's fresh $T.
mkform() {
cat > "$T/f.csv" <<'CSV'
survey,type,name,label,relevant,calculation,default,choice_filter
,select_one side,side,Side,,,,
,begin_group,grp,Group,,,,
,integer,n,N,,,7,
,select_one place,place,Place,,,,side = ${side}
,end_group,,,,,,
,calculate,clock,,,now(),,
,calculate,third,,,${n} div 3,,
,deviceid,dev,,,,,
,start,st,,,,,
,date,d,D,,,,
,text,code,Code,,,,
,note,late,Late,${d} > '2026-02-01',,,
,note,big,Big,${code} > 5,,,
,calculate,bad_label,,,"jr:choice-name(${code}, '${code}')",,
,calculate,good_label,,,"jr:choice-name(${side}, '${side}')",,
choices,list_name,name,label,side
,side,east,East,
,side,west,West,
,place,a,A,east
,place,b,B,west
settings,form_id
,odk_preview
CSV
}

case_ "form test fills the default column"
mkform
printf 'name,value\nside,east\n' > "$T/a.csv"
SXSH_NOW=2026-11-29T03:00:00Z run sxsh --lang en form test "$T/f.csv" "$T/a.csv"
expect_status 0
expect_out_has "n	integer	relevant	7"
expect_out_has "third	calculate	relevant	2.3333333333333335"

case_ "form test: an answer wins over the default, an empty one clears it"
mkform
printf 'name,value\nn,9\n' > "$T/a.csv"
SXSH_NOW=2026-11-29T03:00:00Z run sxsh --lang en form test "$T/f.csv" "$T/a.csv"
expect_out_has "n	integer	relevant	9"
printf 'name,value\nn,\n' > "$T/a.csv"
SXSH_NOW=2026-11-29T03:00:00Z run sxsh --lang en form test "$T/f.csv" "$T/a.csv"
expect_out_has "n	integer	relevant	"
expect_out_has "third	calculate	relevant	"

case_ "form test refuses a choice that the choice_filter leaves out"
mkform
printf 'name,value\nside,east\nplace,b\n' > "$T/a.csv"
SXSH_NOW=2026-11-29T03:00:00Z run sxsh --lang en form test "$T/f.csv" "$T/a.csv"
expect_status 0
expect_out_has "error	place	That choice is not offered here: the form's choice filter leaves it out."
expect_out_has "complete	no	1"

case_ "form test accepts answer paths with their group, and reports a wrong one"
mkform
printf 'name,value\nside,west\ngrp/place,b\n' > "$T/a.csv"
SXSH_NOW=2026-11-29T03:00:00Z run sxsh --lang en form test "$T/f.csv" "$T/a.csv"
expect_status 0
expect_out_has "place	select_one	relevant	b"
printf 'name,value\nside,west\nother/place,b\n' > "$T/a.csv"
SXSH_NOW=2026-11-29T03:00:00Z run sxsh --lang en form test "$T/f.csv" "$T/a.csv"
expect_status 1
expect_err "$T/a.csv:3: the form has no question \"other/place\""
printf 'name,value\ninputs/water,12\n' > "$T/a.csv"
run sxsh --lang en form test "$PREVIEW/water.csv" "$T/a.csv"
expect_status 0
expect_out_has "water	decimal	relevant	12"

case_ "form test reads SXSH_NOW with a UTC offset"
mkform
printf 'name,value\n' > "$T/a.csv"
SXSH_NOW=2026-11-29T23:30:00-05:00 run sxsh --lang en form test "$T/f.csv" "$T/a.csv"
expect_status 0
expect_out_has "clock	calculate	relevant	2026-11-30T11:30:00.000+07:00"
expect_out_has "st	start	relevant	2026-11-30T11:30:00.000+07:00"
expect_out_has "dev	deviceid	relevant	sxsh:form-test"
SXSH_NOW=2026-11-29T10:00:00+07:00 run sxsh --lang en form test "$T/f.csv" "$T/a.csv"
expect_out_has "clock	calculate	relevant	2026-11-29T10:00:00.000+07:00"

case_ "form test refuses an SXSH_NOW it cannot read instead of using the real clock"
mkform
SXSH_NOW=2026-11-29T10:00:00+0700x run sxsh --lang en form test "$T/f.csv" "$T/a.csv"
expect_status 1
expect_err "sxsh: SXSH_NOW is not a time: write it as 2026-11-29T10:00:00+07:00, 2026-11-29T03:00:00Z or 2026-11-29"

case_ "form test fills end only when the answers finish the form (Collect: on finalising)"
printf 'survey,type,name,label,required\n,start,st,,\n,end,en,,\n,integer,n,N,yes\n' > "$T/t.csv"
printf 'name,value\nn,3\n' > "$T/done.csv"
printf 'name,value\n' > "$T/draft.csv"
SXSH_NOW=2026-11-29T10:00:00+07:00 run sxsh --lang en form test "$T/t.csv" "$T/done.csv"
expect_status 0
expect_out "st	start	relevant	2026-11-29T10:00:00.000+07:00
en	end	relevant	2026-11-29T10:00:00.000+07:00
n	integer	relevant	3
complete	yes	0"
SXSH_NOW=2026-11-29T10:00:00+07:00 run sxsh --lang en form test "$T/t.csv" "$T/draft.csv"
expect_status 0
expect_out "st	start	relevant	2026-11-29T10:00:00.000+07:00
en	end	relevant	
n	integer	relevant	
error	n	This question needs an answer.
complete	no	1"

case_ "form check warns where Collect would surprise the author, with the row and the fix"
mkform
run sxsh --lang en form check "$T/f.csv"
expect_status 0
expect_err_has "f.csv:13:6: warning: relevant of 'late': \${d} is compared with the text '2026-02-01', which ODK Collect does not read as a date, so the comparison is always false; write date('2026-02-01')"
expect_err_has "f.csv:14:9: warning: relevant of 'big': the text answer \${code} is compared with a number"
expect_err_has "f.csv:15:1: warning: calculation of 'bad_label': jr:choice-name() names '\${code}', which is not a select question of this form"
expect_out_has "f.csv: ok (form odk_preview:"
[ "$(printf "%s\n" "$ERR" | grep -c warning)" = 3 ] || fail "want exactly 3 warnings: $ERR"

case_ "form check: each expression warning names the row and the column in the cell"
# The column is where the comparison's operator or the function's name stands
# in the relevant/constraint/calculation cell (1-based, in characters).
(cd "$ROOT/tests/forms/lint" && "$SXSH_BIN" --lang en form check where.csv) >"$T/out" 2>"$T/err"
STATUS=$?; OUT=$(cat "$T/out"); ERR=$(cat "$T/err")
expect_status 0
expect_err "where.csv:1: warning: column 'notes for translators' in the survey sheet is not an XLSForm column sxsh knows: ignored
where.csv:2:20: warning: constraint of 'visit': . is compared with the text '2026-01-01', which ODK Collect does not read as a date, so the comparison is always false; write date('2026-01-01')
where.csv:4:9: warning: relevant of 'n': the text answer \${code} is compared with a number, so ODK Collect reads it as a number (an empty or non-numeric answer never matches); make the question integer or decimal, or compare with a quoted text
where.csv:8:1: warning: calculation of 'lbl': jr:choice-name() names '\${code}', which is not a select question of this form
where.csv:9:1: warning: calculation of 'first': indexed-repeat(): \${visit} is not a repeat that holds \${w}"

case_ "form test shows Collect's value of the comparisons it warns about"
mkform
printf 'name,value\nd,2026-03-01\ncode,abc\nside,west\n' > "$T/a.csv"
SXSH_NOW=2026-11-29T03:00:00Z run sxsh --lang en form test "$T/f.csv" "$T/a.csv"
expect_out_has "late	note	skipped	Late"
expect_out_has "big	note	skipped	Big"
expect_out_has "good_label	calculate	relevant	West"

case_ "media and location questions stay refused at their row"
printf 'survey,type,name,label\n,image,photo,Photo\n,geopoint,gps,GPS\n,audio,voice,Voice\nsettings,form_id\n,m\n' > "$T/m.csv"
run sxsh --lang en form check "$T/m.csv"
expect_status 1
expect_err_has "m.csv:2: type 'image' is XLSForm but outside what sxsh supports"
expect_err_has "m.csv:3: type 'geopoint' is XLSForm but outside what sxsh supports"
expect_err_has "m.csv:4: type 'audio' is XLSForm but outside what sxsh supports"
