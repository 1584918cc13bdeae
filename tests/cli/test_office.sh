# test_office.sh — the office on printed documents edited in the terminal (main menu,
# "Office on printed documents"), each field saved as it is left, and what the next
# `sxsh report --format html` prints.

case_ "office screen: an edited office and head of unit head and sign the HTML report (en, vi)"
find_vtrun
if [ -z "$vt" ]; then
	fail "no vtrun: run it through 'make cli', which builds the terminal driver"
else
	for lang in en vi; do
		rm -f "$SXSH_DB"
		sxsh init >/dev/null
		sqlite3 "$SXSH_DB" "INSERT INTO settings (key, value) VALUES ('officer_name', 'Lò Văn Minh')"
		if [ $lang = en ]; then
			menu="What would you like to do?" entry="Office on printed documents"
			f1="Issuing office" f2="Name of the head of unit" saved="Saved."
		else
			menu="Bạn muốn làm gì?" entry="Cơ quan trên văn bản in"
			f1="Cơ quan ban hành" f2="Họ tên thủ trưởng đơn vị" saved="Đã lưu."
		fi
		cat >"$T/office.vt" <<VT
#! args: --lang $lang
#! env: NO_COLOR=1
wait $menu
key End
key Up 3
attr reverse $entry
key Enter
wait $f1
key Down
key C-u
type Sở Công Thương tỉnh Sơn La
key Down 3
wait $f2
type Nguyễn Văn A
key Esc
wait $saved
wait $menu
key End
key Enter
exit 0
VT
		HOME="$T/home" XDG_DATA_HOME="$T/xdg" LANG=C.UTF-8 \
			"$vt" "$T/office.vt" -- "$SXSH_BIN" >"$T/vt.out" 2>&1 </dev/null \
			|| fail "the terminal script ($lang) failed: $(tail -30 "$T/vt.out")"
		expect_sql "$SXSH_DB" "SELECT key || '=' || value FROM settings WHERE key GLOB 'office_*'
			ORDER BY key" "office_head_name=Nguyễn Văn A
office_name=Sở Công Thương tỉnh Sơn La"
		SXSH_NOW=2026-12-01T09:00:00.000Z run sxsh --lang vi report --format html
		expect_status 0
		expect_out_has "<span class=\"body\">Sở Công Thương tỉnh Sơn La</span>"
		expect_out_has "<div class=\"name\">Nguyễn Văn A</div>"
		expect_out_has "<div class=\"name\">Lò Văn Minh</div>"
	done
fi
