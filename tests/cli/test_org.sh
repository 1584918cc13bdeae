# test_org.sh — sxsh org: the support network (add, list, link, show), its
# errors, its part in the HTML report, and its trip through export/import.

# org_data — a session and a rapid assessment to take part in.
org_data() {
	sxsh init >/dev/null || fail "init failed"
	sqlite3 "$SXSH_DB" "
	INSERT INTO sessions (uuid, updated_at, origin, kind, code, title, start_date, end_date)
	VALUES ('0196b0a0-0000-7000-8000-000000000001', 1, 'o', 'training', 'TH-2019-02',
	  'Tập huấn đánh giá nhanh SXSH', '2019-03-04', '2019-03-05');
	INSERT INTO facilities (uuid, updated_at, origin, name, sector) VALUES
	  ('0196b0a0-0000-7000-8000-0000000000f1', 1, 'o', 'Công ty TNHH Mía đường Sơn La', 'sugar');
	INSERT INTO assessments (uuid, updated_at, origin, facility_uuid, kind, form_id,
	  form_version, status, started_at) VALUES ('0196b0a0-0000-7000-8000-0000000000a1', 1,
	  'o', '0196b0a0-0000-7000-8000-0000000000f1', 'rapid', 'sxsh_rapid', '1', 'complete',
	  1560000000000);" || fail "could not prepare the data"
}

case_ "org add and list: Vietnamese order, kinds and sectors as labels"
org_data
run sxsh org add "Trung tâm Sản xuất sạch Việt Nam" --kind cp_centre --sectors "cassava sugar" \
	--contact "Nguyễn Thị Hà" --phone "024 3868 1686"
expect_status 0
case "$OUT" in 01*-*-7*) ;; *) fail "org add printed '$OUT', want a version 7 uuid" ;; esac
run sxsh org add "Quỹ Bảo vệ môi trường Việt Nam" --kind fund
expect_status 0
run sxsh org list
expect_status 0
expect_out "$(printf 'Quỹ Bảo vệ môi trường Việt Nam\tFund or bank\t\t\t\nTrung tâm Sản xuất sạch Việt Nam\tCleaner-production centre\tCassava starch processing; Cane sugar\tNguyễn Thị Hà\t02438681686')"
run sxsh --lang vi org list "quy"
expect_out "$(printf 'Quỹ Bảo vệ môi trường Việt Nam\tQuỹ, ngân hàng\t\t\t')"

case_ "org add refuses an unknown kind or sector and a missing name"
org_data
run sxsh org add "Viện Môi trường" --kind ngo
expect_status 1
expect_err "sxsh: unknown kind of organisation 'ngo'"
run sxsh org add "Viện Môi trường" --kind university --sectors "cassava steel"
expect_status 1
expect_err "sxsh: unknown sector in 'cassava steel'"
run sxsh org add --kind university
expect_status 2
expect_err_has "'org add' needs a name and --kind"
expect_sql "$SXSH_DB" "SELECT count(*) FROM organisations" "0"

case_ "org link by session code and assessment id; show lists the parts by date"
org_data
sxsh org add "Trung tâm Sản xuất sạch Việt Nam" --kind cp_centre >/dev/null
run sxsh org link "trung tam san xuat sach viet nam" trainer TH-2019-02
expect_status 0
run sxsh org link "Trung tâm Sản xuất sạch Việt Nam" trainer TH-2019-02
expect_status 0
run sxsh org link "Trung tâm Sản xuất sạch Việt Nam" adviser 0196b0a0-0000-7000-8000-0000000000a1
expect_status 0
expect_sql "$SXSH_DB" "SELECT count(*) FROM org_roles WHERE deleted = 0" "2"
run sxsh org link "Trung tâm Sản xuất sạch Việt Nam" organiser TH-NONE
expect_status 1
expect_err "sxsh: no session 'TH-NONE'"
run sxsh org link "Nobody" organiser TH-2019-02
expect_status 1
expect_err "sxsh: no organisation 'Nobody'; 'sxsh org list' shows them"
run sxsh org show "Trung tâm Sản xuất sạch Việt Nam"
expect_status 0
expect_out "Name: Trung tâm Sản xuất sạch Việt Nam
Kind: Cleaner-production centre
Took part in: 2
  04/03/2019  Trainer: TH-2019-02 Tập huấn đánh giá nhanh SXSH
  08/06/2019  Adviser: Công ty TNHH Mía đường Sơn La"
run sxsh org unlink "Trung tâm Sản xuất sạch Việt Nam" trainer TH-2019-02
expect_status 0
expect_sql "$SXSH_DB" "SELECT count(*) FROM org_roles WHERE deleted = 0" "1"

case_ "the HTML report lists the network and what each took part in during the plan"
org_data
sxsh org add "Trung tâm Sản xuất sạch Việt Nam" --kind cp_centre --phone "024 3868 1686" >/dev/null
sxsh org add "Hiệp hội Mía đường Việt Nam" --kind association >/dev/null
sxsh org link "Trung tâm Sản xuất sạch Việt Nam" trainer TH-2019-02 >/dev/null
# The course of 04/03/2019 falls under Sơn La's 2016–2020 plan.
run sxsh report --plan SL-SXSH-2016-2020 --format html
expect_status 0
expect_out_has "<h2>Support network</h2>"
expect_out_has "<tr><td>Hiệp hội Mía đường Việt Nam</td><td>Association</td><td></td><td></td><td>—</td></tr>"
expect_out_has "<tr><td>Trung tâm Sản xuất sạch Việt Nam</td><td>Cleaner-production centre</td><td></td><td>02438681686</td><td><span class=\"part\">04/03/2019 Trainer:</span> TH-2019-02 Tập huấn đánh giá nhanh SXSH</td></tr>"
# The plan of 2021–2025 lists the centre without that part: it was not within its period.
run sxsh report --plan VN-SPC-2021-2025 --format html
expect_status 0
expect_out_has "<tr><td>Trung tâm Sản xuất sạch Việt Nam</td><td>Cleaner-production centre</td><td></td><td>02438681686</td><td>—</td></tr>"

case_ "organisations and their parts travel through export and import"
org_data
sxsh org add "Trung tâm Sản xuất sạch Việt Nam" --kind cp_centre --sectors sugar >/dev/null
sxsh org link "Trung tâm Sản xuất sạch Việt Nam" adviser 0196b0a0-0000-7000-8000-0000000000a1 >/dev/null
run sxsh export "$T/ex"
expect_status 0
grep -q "^file,organisations.csv,1," "$T/ex/manifest.csv" || fail "the manifest lacks organisations.csv"
grep -q "^file,org_roles.csv,1," "$T/ex/manifest.csv" || fail "the manifest lacks org_roles.csv"
run sxsh --db "$T/b.db" import "$T/ex"
expect_status 0
run sxsh --db "$T/b.db" org show "Trung tâm Sản xuất sạch Việt Nam"
expect_out "Name: Trung tâm Sản xuất sạch Việt Nam
Kind: Cleaner-production centre
Sectors: Cane sugar
Took part in: 1
  08/06/2019  Adviser: Công ty TNHH Mía đường Sơn La"

case_ "a session's sign-in sheet is headed by the organiser named from the network"
org_data
sxsh org add "Trung tâm Khuyến công Sơn La" --kind cp_centre >/dev/null
sxsh org add "Trung tâm Sản xuất sạch Việt Nam" --kind cp_centre >/dev/null
sxsh org link "Trung tâm Khuyến công Sơn La" organiser TH-2019-02 >/dev/null
sxsh org link "Trung tâm Sản xuất sạch Việt Nam" trainer TH-2019-02 >/dev/null
run sxsh sheet TH-2019-02
expect_status 0
expect_out_has "<table class=\"doc head\">
<tr><td style=\"width:42%\"><span class=\"body\">Trung tâm Khuyến công Sơn La</span></td>"
expect_out_has "<tr><th>Organiser:</th><td>Trung tâm Khuyến công Sơn La</td></tr>"
expect_out_has "<tr><th>Trainer:</th><td>Trung tâm Sản xuất sạch Việt Nam</td></tr>"
expect_out_has "<tr><td></td><td class=\"date\">Sơn La, 4 March 2019</td></tr>"
run sxsh sheet TH-2019-02 --format text
expect_out_has "Organiser: Trung tâm Khuyến công Sơn La
Trainer: Trung tâm Sản xuất sạch Việt Nam"

case_ "org in the UI: F3 names a session's organiser and trainer, F4 an assessment's adviser (en, vi)"
find_vtrun
if [ -z "$vt" ]; then
	fail "no vtrun: run it through 'make cli', which builds the terminal driver"
else
	for lang in en vi; do
		rm -f "$SXSH_DB"
		org_data
		sqlite3 "$SXSH_DB" "UPDATE assessments SET status = 'draft';
			INSERT INTO settings (key, value) VALUES ('officer_name', 'Lò Văn Minh')"
		sxsh org add "Trung tâm Sản xuất sạch Việt Nam" --kind cp_centre >/dev/null
		sxsh org add "Trung tâm Khuyến công Sơn La" --kind cp_centre >/dev/null
		if [ $lang = en ]; then
			menu="What would you like to do?" search="Search:" saved="(saved)."
			org="Organiser of this session: Trung tâm Khuyến công Sơn La (saved)."
			tr="Trainer of this session: Trung tâm Sản xuất sạch Việt Nam (saved)."
			net="In the support network:" n1="Organiser: Trung tâm Khuyến công Sơn La"
			n2="Trainer: Trung tâm Sản xuất sạch Việt Nam"
			adv="Adviser of this assessment: Trung tâm Sản xuất sạch Việt Nam (saved)."
			field="Organiser" ask="F3 on Organiser or Trainer names an organisation"
		else
			menu="Bạn muốn làm gì?" search="Tìm:"
			org="Đơn vị tổ chức của sự kiện này: Trung tâm Khuyến công Sơn La (đã lưu)."
			tr="Giảng viên của sự kiện này: Trung tâm Sản xuất sạch Việt Nam (đã lưu)."
			net="Trong mạng lưới hỗ trợ:" n1="Đơn vị tổ chức: Trung tâm Khuyến công Sơn La"
			n2="Giảng viên: Trung tâm Sản xuất sạch Việt Nam"
			adv="Tư vấn đánh giá của phiếu này: Trung tâm Sản xuất sạch Việt Nam (đã lưu)."
			field="Đơn vị tổ chức" ask="F3 tại ô Đơn vị tổ chức hoặc Giảng viên"
		fi
		cat >"$T/link.vt" <<VT
#! args: --lang $lang
#! env: NO_COLOR=1
wait $menu
key Down 2
key Enter
wait TH-2019-02
key Enter
wait TH-2019-02
key F7
wait $field
# F3 elsewhere than on the organiser or trainer says where it works.
key F3
wait $ask
key Down 7
key F3
wait $search
type khuyen cong
key Enter
wait $org
wait $net
wait $n1
key Down
key F3
wait $search
type san xuat sach
key Enter
wait $tr
wait $n2
key Esc
key Esc
key Esc
wait $menu
key Home
key Enter
wait Công ty TNHH Mía đường Sơn La
key F4
wait $search
type san xuat sach
key Enter
wait $adv
key Esc
wait $menu
key End
key Enter
exit 0
VT
		HOME="$T/home" XDG_DATA_HOME="$T/xdg" LANG=C.UTF-8 \
			"$vt" "$T/link.vt" -- "$SXSH_BIN" >"$T/vt.out" 2>&1 </dev/null \
			|| fail "the terminal script ($lang) failed: $(tail -30 "$T/vt.out")"
		run sxsh org show "Trung tâm Sản xuất sạch Việt Nam"
		expect_out_has "Took part in: 2
  04/03/2019  Trainer: TH-2019-02 Tập huấn đánh giá nhanh SXSH
  08/06/2019  Adviser: Công ty TNHH Mía đường Sơn La"
		run sxsh org show "Trung tâm Khuyến công Sơn La"
		expect_out_has "  04/03/2019  Organiser: TH-2019-02 Tập huấn đánh giá nhanh SXSH"
		# The empty fields took the names: the sign-in sheet's header reads them.
		expect_sql "$SXSH_DB" "SELECT organiser || ' | ' || trainer FROM sessions" \
			"Trung tâm Khuyến công Sơn La | Trung tâm Sản xuất sạch Việt Nam"
	done
fi
