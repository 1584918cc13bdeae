# test_checklists.sh — the shipped checklists on the shipped answer sets (tests/forms/answers).

FORMS="$ROOT/forms"

case_ "the shipped answer sets give the expected results"
for a in "$ROOT"/tests/forms/answers/*.csv; do
	base=${a%.csv}
	case $(basename "$a") in tracker_*) form="$FORMS/detailed_tracker.csv" ;; *) form="$FORMS/rapid_assessment.csv" ;; esac
	for lang in en vi; do
		[ -f "$base.$lang.expected" ] || { fail "no $base.$lang.expected"; continue; }
		SXSH_NOW=2026-11-29T03:00:00.000Z "$SXSH_BIN" --lang $lang form test "$form" "$a" > "$T/got" 2>&1
		expect_files_equal "$T/got" "$base.$lang.expected"
	done
done
