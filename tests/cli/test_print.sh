# test_print.sh — the report and a 64-person sign-in sheet printed to PDF by a
# real browser (headless Chromium), read back with poppler's pdftotext, pdfinfo
# and pdffonts: page count, page numbers, headers repeated on every page, every
# name once, Vietnamese letters intact in one font.  `.ci/deps test` installs
# chromium, poppler-utils and the fonts.

# to_pdf HTML PDF — print with the flags of a quiet, offline, fresh browser.
to_pdf() {
	mkdir -p "$T/home"
	rm -f "$2"
	HOME="$T/home" timeout 180 chromium --headless --no-sandbox --disable-gpu \
		--disable-quic --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync --user-data-dir="$T/chrome" \
		--no-pdf-header-footer --print-to-pdf="$2" "file://$1" >"$T/chrome.log" 2>&1
	[ -s "$2" ] || fail "chromium wrote no PDF: $(tail -5 "$T/chrome.log")"
}
pdf_pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }
# page_text PDF N — the text of page N, laid out.
page_text() { pdftotext -layout -f "$2" -l "$2" "$1" - 2>/dev/null; }
# expect_one_font PDF — every font embedded, all of one family that has every
# Vietnamese letter (the page's font list): no per-letter fallback.
expect_one_font() {
	fonts=$(pdffonts "$1" | sed '1,2d' | awk '{print $1}' | sed 's/^[A-Z]*+//')
	[ -n "$fonts" ] || fail "pdffonts lists no font in $1"
	fams=$(printf '%s\n' "$fonts" | sed 's/-.*//' | sort -u)
	[ "$(printf '%s\n' "$fams" | wc -l)" = 1 ] || fail "more than one font family: $fams"
	case $fams in NotoSerif | DejaVuSerif | TimesNewRomanPSMT | TimesNewRoman) ;;
	*) fail "font family '$fams' is not one of the page's font list" ;; esac
	pdffonts "$1" | sed '1,2d' | awk '$(NF-4) != "yes" { exit 1 }' ||
		fail "a font is not embedded: $(pdffonts "$1")"
}
# expect_page_numbers PDF N LABEL — page i of N carries "LABEL i / N".
expect_page_numbers() {
	i=1
	while [ "$i" -le "$2" ]; do
		page_text "$1" "$i" | grep -q "$3 $i / $2" || fail "page $i lacks '$3 $i / $2'"
		i=$((i + 1))
	done
}

# course64 — a two-day course with 64 participants, 8 of them walk-ins, merged
# with `sxsh import` from CSV files in the export layout.  Each name has a
# letter that Liberation Serif lacks (ấ ế ỹ ộ ủ ữ ọ ư …).
course64() {
	sxsh init >/dev/null || fail "init failed"
	o=01a23400-0000-7000-8000-0000000000aa t0=2026-05-12T08:00:00.000Z
	s=01a23400-0000-7000-8000-000000000001
	{
		echo "uuid,updated_at,origin,deleted,kind,code,title,plan_uuid,start_date,end_date,venue,place_uuid,organiser,trainer,topics,expected"
		echo "$s,$t0,$o,0,training,TH-2026-64,Tập huấn sản xuất sạch hơn cho cán bộ cấp xã,,2026-05-12,2026-05-13,Hội trường UBND xã Chiềng Mung,,Trung tâm Khuyến công và Tư vấn phát triển công nghiệp Sơn La,Trung tâm Sản xuất sạch Việt Nam,,"
	} >"$T/sessions.csv"
	echo "uuid,updated_at,origin,deleted,full_name,name_key,sort_key,gender,birth_year,ethnicity,phone,unit,position,place_uuid,category,on_roster,facility_uuid,note" >"$T/people.csv"
	echo "uuid,updated_at,origin,deleted,session_uuid,person_uuid,walk_in,allowance,note" >"$T/participants.csv"
	: >"$T/names"
	n=0
	for fam in "Lò Văn" "Cầm Thị" "Quàng Văn" "Vì Thị" "Nguyễn Hữu" "Giàng A" "Lường Thị" "Đinh Ngọc"; do
		for giv in Tuấn Huế Mỹ Lộc Thủy Đức Bình Cường; do
			n=$((n + 1))
			p=$(printf '01a23400-0000-7000-8000-%012d' "$n")
			printf '%s,%s,%s,0,%s %s,,%03d,female,1990,Thái,,UBND xã Chiềng Mung,Cộng tác viên,,collaborator,1,,\n' \
				"$p" "$t0" "$o" "$fam" "$giv" "$n" >>"$T/people.csv"
			printf '%s,%s,%s,0,%s,%s,%d,,\n' "$(printf '01a23400-0000-7000-8001-%012d' "$n")" \
				"$t0" "$o" "$s" "$p" $((n % 8 == 0)) >>"$T/participants.csv"
			echo "$fam $giv" >>"$T/names"
		done
	done
	sxsh import "$T/sessions.csv" "$T/people.csv" "$T/participants.csv" >/dev/null 2>"$T/import.err" ||
		fail "import failed: $(cat "$T/import.err")"
}

case_ "print: a 64-person sign-in sheet in Chromium — pages numbered, header on every page, each name once"
course64
sxsh --lang vi sheet TH-2026-64 --format html >"$T/sheet.html" || fail "sheet failed"
to_pdf "$T/sheet.html" "$T/sheet.pdf"
pages=$(pdf_pages "$T/sheet.pdf")
# Rows at least 9 mm high (room to sign) on A4 landscape (179 mm between the
# margins): at most 19 rows a page, so 64 rows need 4 pages or more; rows of
# at most two lines of 10 pt (under 13 mm) take 5, the heading and the
# confirmation at most 2 more.
[ "${pages:-0}" -ge 4 ] && [ "$pages" -le 7 ] || fail "sheet has ${pages:-no} pages, want 4 to 7"
expect_page_numbers "$T/sheet.pdf" "${pages:-0}" Trang
# Every page with participant rows (a number, then a name) starts them under
# the table header; the last page may hold only the confirmation.
i=1 rowpages=0
while [ "$i" -le "${pages:-0}" ]; do
	page_text "$T/sheet.pdf" "$i" >"$T/page"
	if grep -q '^ *[0-9][0-9]* *[[:upper:]]' "$T/page"; then
		rowpages=$((rowpages + 1))
		head=$(grep -n "Họ và tên" "$T/page" | head -1 | cut -d: -f1)
		row=$(grep -n '^ *[0-9][0-9]* *[[:upper:]]' "$T/page" | head -1 | cut -d: -f1)
		[ -n "$head" ] && [ "$head" -lt "$row" ] || fail "page $i has rows without the table header"
	fi
	i=$((i + 1))
done
[ "$rowpages" -ge 3 ] || fail "the table spans $rowpages pages, want 3 or more (the header repeat is untested)"
pdftotext -layout "$T/sheet.pdf" "$T/sheet.txt"
while IFS= read -r name; do
	c=$(grep -o "$name\( \|\*\|$\)" "$T/sheet.txt" | wc -l)
	[ "$c" = 1 ] || fail "'$name' appears $c times in the PDF, want once"
done <"$T/names"
head -3 "$T/sheet.txt" | grep -q "Trung tâm Khuyến công và Tư vấn" ||
	fail "the organiser's heading is missing: $(head -8 "$T/sheet.txt")"
grep -q "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "$T/sheet.txt" || fail "the national motto is missing"
grep -q "Sơn La, ngày 12 tháng 5 năm 2026" "$T/sheet.txt" || fail "the place and date line is missing"
grep -q "Số người tham dự: 64" "$T/sheet.txt" || fail "the participant count is missing"
grep -q "Đăng ký tại chỗ trong ngày: 8" "$T/sheet.txt" || fail "the 8 walk-ins are not counted"
[ "$(grep -c '[[:alpha:]] \*' "$T/sheet.txt")" = 8 ] || fail "walk-ins are not marked 8 times"
page_text "$T/sheet.pdf" "${pages:-1}" | grep -q "XÁC NHẬN CỦA ĐƠN VỊ TỔ CHỨC" ||
	fail "the last page has no confirmation block"
expect_one_font "$T/sheet.pdf"

case_ "print: the report in Chromium — heading, place and date, targets, signatures, numbered pages"
sxsh demo >/dev/null || fail "demo failed"
# The demo's records are dated 2017–2021 and its sessions fall under Sơn La's 2016–2020
# plan (the default on 2026-12-01 is 889's 2026–2030 phase, which sets no target).
SXSH_NOW=2026-12-01T09:00:00.000Z sxsh --lang vi report --plan SL-SXSH-2016-2020 --format html >"$T/report.html" ||
	fail "report failed"
to_pdf "$T/report.html" "$T/report.pdf"
pages=$(pdf_pages "$T/report.pdf")
[ "${pages:-0}" -ge 1 ] || fail "report has no pages"
expect_page_numbers "$T/report.pdf" "${pages:-0}" Trang
pdftotext -layout "$T/report.pdf" "$T/report.txt"
grep -q "SỞ CÔNG THƯƠNG" "$T/report.txt" || fail "the issuing body is missing"
grep -q "Sơn La, ngày 01 tháng 12 năm 2026" "$T/report.txt" || fail "the place and date line is missing"
for h in "Theo địa bàn" "Theo ngành" "Theo năm"; do
	grep -A3 "$h" "$T/report.txt" | grep -q "Mục tiêu" || fail "'$h' has no target row"
done
grep -q "NGƯỜI LẬP BÁO CÁO" "$T/report.txt" && grep -q "THỦ TRƯỞNG ĐƠN VỊ" "$T/report.txt" ||
	fail "signature blocks missing: $(tail -12 "$T/report.txt")"
grep -q "Doanh nghiệp thực hiện đánh giá" "$T/report.txt" || fail "Vietnamese text is not intact"
# The annual programme (year × area, done against planned): the demo's rapid assessments
# of 2017–2020 in Mai Sơn and Thuận Châu, as `sxsh report` counts them.
sed -n '/Chương trình hằng năm/,/Mạng lưới hỗ trợ/p' "$T/report.txt" >"$T/programme.txt"
SXSH_NOW=2026-12-01T09:00:00.000Z sxsh --lang vi report --plan SL-SXSH-2016-2020 --format csv \
	-o "$T/report.csv" || fail "report --format csv failed"
rows=$(sqlite3 :memory: ".import --csv $T/report.csv r" "SELECT DISTINCT year || ' ' || area
	FROM r WHERE scope = 'programme' ORDER BY 1")
[ -n "$rows" ] || fail "the demo has no programme rows"
while read -r y a; do
	grep -q "^ *$y  *$a  " "$T/programme.txt" || fail "the printed programme lacks '$y $a'"
done <<EOF
$rows
EOF
# The areas with no record and no target are left out, with a line saying how many.
n=$(sqlite3 :memory: ".import --csv $T/report.csv r" "SELECT count(*) FROM r WHERE
	scope = 'district' AND indicator = 'informed'")
listed=$(sed -n '/Theo địa bàn/,/Theo ngành/p' "$T/report.txt" | grep -c -E "^ *(Thành phố Sơn La|Quỳnh Nhai|Thuận Châu|Mường La|Bắc Yên|Phù Yên|Mộc Châu|Yên Châu|Mai Sơn|Sông Mã|Sốp Cộp|Vân Hồ) ")
grep -q "$((n - listed)) địa bàn chưa có số liệu và chưa giao chỉ tiêu không được liệt kê." "$T/report.txt" ||
	fail "no line says $((n - listed)) of $n areas were left out ($listed listed)"
# The demo's support network: its three organisations, the centre's part as trainer.
grep -q "Mạng lưới hỗ trợ sản xuất sạch hơn" "$T/report.txt" || fail "the support network is missing"
# (cells wrap in the PDF's text, so short pieces are looked for)
sed -n '/Mạng lưới hỗ trợ/,$p' "$T/report.txt" >"$T/network.txt"
for o in "Quỹ Bảo vệ" "Trung tâm Sản xuất" "Trung tâm Khuyến"; do
	grep -q "$o" "$T/network.txt" || fail "the network lacks '$o'"
done
[ "$(grep -c "Giảng viên:" "$T/network.txt")" -ge 4 ] || fail "the trainers' parts are missing"
[ "$(grep -c "Tư vấn đánh giá:" "$T/network.txt")" = 3 ] || fail "the 3 advisers' parts are missing"
expect_one_font "$T/report.pdf"

case_ "print: an assessment's report for the facility in Chromium — at most two A4 pages, the facility, figures, verdicts, options, score and signatures"
sxsh demo >/dev/null || fail "demo failed"
id=$(sqlite3 "$SXSH_DB" "SELECT a.uuid FROM assessments a JOIN answers s ON s.assessment_uuid = a.uuid
	AND s.name = 'sector' AND s.value = 'cassava' WHERE a.kind = 'rapid' ORDER BY a.uuid LIMIT 1")
score=$(sqlite3 "$SXSH_DB" "SELECT value FROM answers WHERE assessment_uuid = '$id' AND name = 'score'")
name=$(sqlite3 "$SXSH_DB" "SELECT value FROM answers WHERE assessment_uuid = '$id' AND name = 'facility_name'")
[ -n "$id" ] && [ -n "$score" ] || fail "the demo has no cassava assessment with a score"
sxsh --lang vi assessment report "$id" --format html -o "$T/a.html" || fail "assessment report failed"
expect_mode "$T/a.html" 600
to_pdf "$T/a.html" "$T/a.pdf"
pages=$(pdf_pages "$T/a.pdf")
[ "${pages:-0}" -ge 1 ] && [ "$pages" -le 2 ] || fail "the report has ${pages:-no} pages, want 1 or 2"
pdfinfo "$T/a.pdf" | grep -q "Page size:.*(A4)" || fail "not A4 portrait: $(pdfinfo "$T/a.pdf" | grep 'Page size')"
pdftotext -layout "$T/a.pdf" "$T/a.txt"
grep -q "Đánh giá nhanh sản xuất sạch hơn" "$T/a.txt" || fail "the title is missing"
grep -q "$name" "$T/a.txt" || fail "the facility '$name' is missing"
grep -q "Nguyên liệu chính" "$T/a.txt" || fail "the inputs are missing"
grep -q "m³/tấn tinh bột" "$T/a.txt" || fail "the specific consumption against the benchmarks is missing"
grep -q "Hoàn vốn giản đơn" "$T/a.txt" || fail "the options' payback is missing"
grep -q "Tổng điểm: $score/10" "$T/a.txt" || fail "the score $score/10 is missing"
grep -q "ĐẠI DIỆN CƠ SỞ" "$T/a.txt" && grep -q "CÁN BỘ ĐÁNH GIÁ" "$T/a.txt" ||
	fail "signature blocks missing: $(tail -12 "$T/a.txt")"
expect_one_font "$T/a.pdf"
# The same as text, on standard output, and a format that does not exist.
run sxsh --lang vi assessment report "$id" --format text
expect_status 0
expect_out_has "Tổng điểm: $score/10."
run sxsh assessment report "$id" --format pdf
expect_status 2
expect_err_has "unknown format 'pdf'"
