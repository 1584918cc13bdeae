# test_sheet.sh — sxsh sheet: the sign-in sheet as text and HTML, and its errors.

# A two-day course with three participants (one with text that needs escaping),
# one participant removed, and a deleted session sharing nothing with it.
sheet_data() {
	sxsh init >/dev/null || fail "init failed"
	sqlite3 "$SXSH_DB" "
	INSERT INTO sessions (uuid, updated_at, origin, kind, code, title, plan_uuid, start_date,
	  end_date, venue, place_uuid, organiser, trainer)
	VALUES ('0196b0a0-0000-7000-8000-000000000001', 1, 'o', 'training', 'TH-2025-01',
	  'Sản xuất sạch hơn cho cơ sở chế biến sắn',
	  '0159522d-0800-7064-8000-005358534864', '2025-05-12', '2025-05-13',
	  'Hội trường UBND huyện', (SELECT uuid FROM places WHERE name = 'Mai Sơn'),
	  'Sở Công Thương Sơn La', 'Lò Văn Minh'),
	  ('0196b0a0-0000-7000-8000-000000000002', 1, 'o', 'awareness', 'HN-OLD', 'Gone',
	   NULL, '2024-01-01', '2024-01-01', NULL, NULL, NULL, NULL);
	UPDATE sessions SET deleted = 1 WHERE code = 'HN-OLD';
	INSERT INTO people (uuid, updated_at, origin, full_name, name_key, sort_key, gender,
	  birth_year, ethnicity, phone, unit, position, category) VALUES
	  ('p1', 1, 'o', 'Nguyễn Văn An', 'nguyen van an', 'n', 'male', 1985, 'Kinh',
	   '0912 345 678', 'Phòng Kinh tế huyện Mai Sơn', 'Chuyên viên', 'extension'),
	  ('p2', 1, 'o', 'Lò Thị Ánh', 'lo thi anh', 'l', 'female', 1990, 'Thái', NULL,
	   'HTX <Cà phê> & \"Sạch\"', NULL, 'enterprise'),
	  ('p3', 1, 'o', 'Cầm Văn Đức', 'cam van duc', 'c', NULL, NULL, NULL, NULL, NULL,
	   NULL, NULL),
	  ('p4', 1, 'o', 'Removed Person', 'removed person', 'r', NULL, NULL, NULL, NULL, NULL,
	   NULL, NULL);
	INSERT INTO participants (uuid, updated_at, origin, session_uuid, person_uuid, deleted)
	  SELECT 'x' || p.uuid, 1, 'o', '0196b0a0-0000-7000-8000-000000000001', p.uuid,
	  p.uuid = 'p4' FROM people p;
	" || fail "could not prepare the data"
}

case_ "sheet as text: heading and columns aligned by display width"
sheet_data
run sxsh sheet TH-2025-01 --format text
expect_status 0
expect_out "Sign-in sheet

Training course: Sản xuất sạch hơn cho cơ sở chế biến sắn
Code: TH-2025-01
Plan: Sơn La plan for cleaner production in industry 2016–2020 (3182/QĐ-UBND ngày 31/12/2016)
Dates: 12/05/2025 – 13/05/2025
Venue: Hội trường UBND huyện, Mai Sơn
Organiser: Sở Công Thương Sơn La
Trainer: Lò Văn Minh

No.  Full name      Year of birth  Gender  Ethnicity  Position and unit                 Category           Phone         Signature 12/05  Signature 13/05
---  -------------  -------------  ------  ---------  --------------------------------  -----------------  ------------  ---------------  ---------------
  1  Cầm Văn Đức                                                                                                         _______________  _______________
  2  Lò Thị Ánh     1990           Female  Thái       HTX <Cà phê> & \"Sạch\"             Enterprise                       _______________  _______________
  3  Nguyễn Văn An  1985           Male    Kinh       Chuyên viên, Phòng Kinh tế huyệ…  Extension officer  0912 345 678  _______________  _______________

Participants: 3"
expect_err ""

case_ "sheet by uuid gives the same text; --format=text spelling"
sheet_data
run sxsh sheet TH-2025-01 --format text
want=$OUT
run sxsh sheet 0196B0A0-0000-7000-8000-000000000001 --format=text
expect_status 0
expect_out "$want"

case_ "sheet as HTML: self-contained, A4, escaped, one row per participant"
sheet_data
run sxsh sheet TH-2025-01
expect_status 0
expect_out_has "<!DOCTYPE html>"
expect_out_has "<html lang=\"en\">"
expect_out_has "<meta charset=\"utf-8\">"
expect_out_has "@page { size: A4 landscape;"
expect_out_has "border: 1px solid #000"
expect_out_has "<tr><th>Training course:</th><td>Sản xuất sạch hơn cho cơ sở chế biến sắn</td></tr>"
expect_out_has "<th>No.</th><th>Full name</th><th>Year of birth</th><th>Gender</th><th>Ethnicity</th><th>Position and unit</th><th>Category</th><th>Phone</th><th>Signature 12/05</th><th>Signature 13/05</th>"
expect_out_has "<tr><td class=\"no\">2</td><td>Lò Thị Ánh</td><td class=\"year\">1990</td><td>Female</td><td>Thái</td><td>HTX &lt;Cà phê&gt; &amp; &quot;Sạch&quot;</td><td>Enterprise</td><td></td><td class=\"sign\"></td><td class=\"sign\"></td></tr>"
rows=$(printf '%s\n' "$OUT" | grep -c '^<tr><td class="no">')
[ "$rows" = 3 ] || fail "HTML has $rows participant rows, want 3"
case "$OUT" in *"Removed Person"*) fail "a removed participant is on the sheet" ;; esac
case "$OUT" in *"<Cà phê>"*) fail "text is not escaped" ;; esac
for ext in "src=" "href=" "http:" "https:" "@import" "url("; do
	case "$OUT" in *"$ext"*) fail "the page refers to something outside it: $ext" ;; esac
done
expect_out_has "</html>"

case_ "unknown session is a failure with a clear message"
sheet_data
run sxsh sheet TH-9999 --format text
expect_status 1
expect_out ""
expect_err "sxsh: no session with the code or id 'TH-9999'"

case_ "a deleted session is unknown"
sheet_data
run sxsh sheet HN-OLD
expect_status 1
expect_err "sxsh: no session with the code or id 'HN-OLD'"

case_ "bad --format is a usage error"
sheet_data
run sxsh sheet TH-2025-01 --format pdf
expect_status 2
expect_out ""
expect_err "sxsh: unknown format 'pdf': use html or text
Try 'sxsh --help' for the commands and options."

case_ "sheet needs a session"
run sxsh sheet
expect_status 2
expect_err "sxsh: 'sheet' needs a session: its code or id
Try 'sxsh --help' for the commands and options."

case_ "sheet takes one session"
run sxsh sheet A B
expect_status 2
expect_err_has "sxsh: 'sheet' takes one session (got 'B' too)"

case_ "--format without its value"
run sxsh sheet TH-2025-01 --format
expect_status 2
expect_err_has "sxsh: option '--format' needs a value"

case_ "sheet in Vietnamese: headings and labels in the UI language, aligned by width"
sheet_data
run sxsh --lang vi sheet TH-2025-01 --format text
expect_status 0
expect_out_has "Danh sách học viên có ký nhận

Lớp tập huấn: Sản xuất sạch hơn cho cơ sở chế biến sắn
Số hiệu: TH-2025-01
Kế hoạch: Kế hoạch sản xuất sạch hơn trong công nghiệp tỉnh Sơn La giai đoạn 2016–2020 (3182/QĐ-UBND ngày 31/12/2016)
Thời gian: 12/05/2025 – 13/05/2025
Địa điểm: Hội trường UBND huyện, Mai Sơn"
expect_out_has "STT  Họ và tên      Năm sinh  Giới tính  Dân tộc  Chức vụ, đơn vị   "
expect_out_has "  2  Lò Thị Ánh     1990      "
expect_out_has "Ký tên 12/05  Ký tên 13/05"
expect_out_has "Số người tham dự: 3"
run sxsh --lang vi sheet TH-2025-01 --format html
expect_out_has "<html lang=\"vi\">"
expect_out_has "<h1>Danh sách học viên có ký nhận</h1>"
expect_out_has "<td>Doanh nghiệp</td>"

case_ "sheet fit to sign: organiser's heading, date line, walk-ins marked, confirmation"
sheet_data
sqlite3 "$SXSH_DB" "UPDATE participants SET walk_in = 1 WHERE person_uuid = 'p2';
	INSERT INTO settings VALUES ('officer_name', 'Lò Văn Minh');" || fail "could not mark"
run sxsh --lang vi sheet TH-2025-01 --format text
expect_out_has "  2  Lò Thị Ánh *   1990      "
expect_out_has "Số người tham dự: 3
* Đăng ký tại chỗ trong ngày: 1"
run sxsh --lang vi sheet TH-2025-01
expect_status 0
expect_out_has "<table class=\"doc head\">
<tr><td style=\"width:42%\"><span class=\"body\">Sở Công Thương Sơn La</span></td>
<td><span class=\"body\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</span><br><span class=\"motto\">Độc lập – Tự do – Hạnh phúc</span></td></tr>
<tr><td></td><td class=\"date\">Sơn La, ngày 12 tháng 5 năm 2025</td></tr>"
expect_out_has "<td>Lò Thị Ánh *</td>"
expect_out_has "<p>Số người tham dự: 3<br>* Đăng ký tại chỗ trong ngày: 1</p>"
expect_out_has "<div class=\"title\">Người lập danh sách</div><div class=\"hint\">(Ký, ghi rõ họ tên)</div><div class=\"room\"></div><div class=\"name\">Lò Văn Minh</div>"
expect_out_has "<div class=\"title\">Xác nhận của đơn vị tổ chức</div>"
expect_out_has "@bottom-center { content: \"Trang\" \" \" counter(page) \" / \" counter(pages);"
expect_out_has "thead { display: table-header-group; }"
expect_out_has "font-family: 'Noto Serif', 'DejaVu Serif', 'Times New Roman', Times, serif;"
