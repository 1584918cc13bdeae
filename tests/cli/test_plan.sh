# test_plan.sh — `sxsh plan list|import|export`: the shipped plans (Sơn La 2016–2020 and
# Decision 889/QĐ-TTg's two phases), the CSV layout round-tripping, per-year and
# per-commune targets, and a file with mistakes refused whole with file:line messages.

HEADER="kind,plan,code,measure,year,area,target,unit,label_vi,label_en,decision,period_start,period_end,closed_on,source"

case_ "plan list: the shipped plans by period"
run sxsh plan list
expect_status 0
expect_out "SL-SXSH-2016-2020	31/12/2016 – 31/12/2020	open	4 indicators	Sơn La plan for cleaner production in industry 2016–2020
VN-SPC-2021-2025	01/01/2021 – 31/12/2025	open	6 indicators	National action programme for sustainable production and consumption 2021–2025
VN-SPC-2026-2030	01/01/2026 – 31/12/2030	open	6 indicators	National action programme for sustainable production and consumption 2026–2030"

case_ "plan export: standard output or -o FILE, the documented header, sources cited"
run sxsh plan export
expect_status 0
[ "$(printf '%s\n' "$OUT" | head -n 1)" = "$HEADER" ] || fail "header: $(printf '%s\n' "$OUT" | head -n 1)"
# 3 plans + 4 + 6 + 6 indicators, no targets per year or area shipped.
[ "$(printf '%s\n' "$OUT" | wc -l)" = 20 ] || fail "rows: $(printf '%s\n' "$OUT" | wc -l)"
expect_out_has "indicator,SL-SXSH-2016-2020,rapid,rapid_count,,,15,count,"
expect_out_has "plan,VN-SPC-2021-2025,,,,,,,Chương trình hành động quốc gia về sản xuất và tiêu dùng bền vững giai đoạn 2021–2025"
expect_out_has "889/QĐ-TTg ngày 24/06/2020,2021-01-01,2025-12-31,"
expect_out_has "70% các khu, cụm công nghiệp, làng nghề được phổ biến"
run sxsh plan export -o "$T/plans.csv"
expect_status 0
[ "$(cat "$T/plans.csv")" = "$(sxsh plan export)" ] || fail "-o FILE differs from standard output"

case_ "plan import: a 2026 programme per year and per commune; export → import → export is identical"
cat >"$T/p.csv" <<CSV
$HEADER
plan,SL-CT-2026,,,,,,,Chương trình SXSH tỉnh Sơn La năm 2026,Sơn La CP programme 2026,Kế hoạch …/KH-UBND,2026-01-01,2026-12-31,,"thử nghiệm, không phải văn bản thật"
indicator,SL-CT-2026,awareness,awareness_events,,,6,count,Hội nghị tuyên truyền,Awareness conferences,,,,,
indicator,SL-CT-2026,courses,training_courses,,,2,count,Lớp tập huấn,Training courses,,,,,
indicator,SL-CT-2026,rapid,rapid_count,,,,count,Đánh giá nhanh,Rapid assessments,,,,,
target,SL-CT-2026,awareness,,2026,04132,2,,,,,,,,
target,SL-CT-2026,awareness,,2026,03646,1,,,,,,,,
target,SL-CT-2026,rapid,,,04105,3,,,,,,,,
CSV
run sxsh plan import "$T/p.csv"
expect_status 0
expect_out "$T/p.csv: 7 rows added or changed"
# 03646 was Phường Chiềng Lề before the reform and is Phường Tô Hiệu after it: 2026 picks the new one.
expect_sql "$SXSH_DB" "SELECT p.name FROM indicators i JOIN places p ON p.uuid = i.place_uuid
	WHERE i.code = 'awareness' AND i.target = 1" "Phường Tô Hiệu"
sxsh plan export >"$T/e1.csv"
grep -q '^target,SL-CT-2026,awareness,,2026,03646,1,' "$T/e1.csv" || fail "the target per commune: $(grep SL-CT "$T/e1.csv")"
# Into another database, and out again: the same file.
run sxsh --db "$T/b.db" plan import "$T/e1.csv"
expect_status 0
sxsh --db "$T/b.db" plan export >"$T/e2.csv"
expect_files_equal "$T/e1.csv" "$T/e2.csv"
# The same file again changes nothing.
run sxsh --db "$T/b.db" plan import "$T/e1.csv"
expect_out "$T/e1.csv: 0 rows added or changed"
# The report shows the plan and its targets.
run sxsh report --plan SL-CT-2026
expect_status 0
expect_out_has "Awareness conferences  0       6       0 %       not met
Training courses       0       2       0 %       not met
Rapid assessments      0       —       —         no target"

case_ "plan import: a changed file edits the plan, closes it, and drops what it no longer names"
sxsh plan export | grep -v '^indicator,SL-SXSH-2016-2020,trained' \
	| sed 's/^\(plan,SL-SXSH-2016-2020,.*,2016-12-31,2020-12-31,\),/\12021-03-01,/' \
	| sed 's/^\(indicator,SL-SXSH-2016-2020,rapid,rapid_count,,,\)15,/\120,/' >"$T/p.csv"
run sxsh plan import "$T/p.csv"
expect_status 0
expect_out "$T/p.csv: 3 rows added or changed"
expect_sql "$SXSH_DB" "SELECT closed_on FROM plans WHERE code = 'SL-SXSH-2016-2020'" "2021-03-01"
expect_sql "$SXSH_DB" "SELECT target FROM indicators WHERE code = 'rapid' AND plan_uuid =
	'0159522d-0800-7064-8000-005358534864'" "20.0"
expect_sql "$SXSH_DB" "SELECT deleted FROM indicators WHERE uuid = '0159522d-0800-7068-8000-005358534868'" "1"
run sxsh plan list
expect_out_has "SL-SXSH-2016-2020	31/12/2016 – 31/12/2020	closed	3 indicators"

case_ "plan import: mistakes are refused whole, each as file:line"
cat >"$T/bad.csv" <<CSV
$HEADER
plan,X-2026,,,,,,,Kế hoạch X,,,2026-01-01,2025-12-31,,
indicator,X-2026,a,tonnes,,,5,,Tấn,,,,,,
indicator,Y-2026,b,rapid_count,,,5,,Nhanh,,,,,,
target,X-2026,zz,,2026,,1,,,,,,,,
plan,X-2027,,,,,,,Kế hoạch X2,,,2027-02-30,,,
CSV
run sxsh plan import "$T/bad.csv"
expect_status 1
expect_err "sxsh: $T/bad.csv:2: the period ends before it starts
sxsh: $T/bad.csv:3: unknown measure 'tonnes': use informed_share, rapid_count, detailed_count, roster_trained_share, awareness_events or training_courses
sxsh: $T/bad.csv:4: the plan Y-2026 has no 'plan' row above this one
sxsh: $T/bad.csv:5: the indicator zz has no 'indicator' row above this one
sxsh: $T/bad.csv:6: '2027-02-30' is not a date: write yyyy-mm-dd"
expect_sql "$SXSH_DB" "SELECT count(*) FROM plans" "3"
printf 'code,name\nx,y\n' >"$T/other.csv"
run sxsh plan import "$T/other.csv"
expect_status 1
expect_err "sxsh: $T/other.csv:1: the header must be: $HEADER"

case_ "plan: usage errors"
run sxsh plan
expect_status 2
expect_err_has "'plan' needs a subcommand: list, import or export"
run sxsh plan import
expect_status 2
expect_err_has "'plan import' needs exactly one FILE"
run sxsh plan export --pdf
expect_status 2
expect_err_has "usage: sxsh plan export [-o FILE]"

case_ "after an import, people whose unit names a facility are offered for linking"
sxsh init >/dev/null
sqlite3 "$SXSH_DB" "INSERT INTO facilities (uuid, updated_at, origin, name, name_key, cp_potential) VALUES
  ('01900000-0000-7000-8000-0000000000f1', 1700000000000, 'lap-a', 'HTX Cà phê Chiềng Ban', 'htx ca phe chieng ban', 1),
  ('01900000-0000-7000-8000-0000000000f2', 1700000000000, 'lap-a', 'Xưởng sắn', 'xuong san', 1),
  ('01900000-0000-7000-8000-0000000000f3', 1700000000000, 'lap-a', 'Xưởng sắn', 'xuong san', 1);
INSERT INTO people (uuid, updated_at, origin, full_name, sort_key, unit) VALUES
  ('01900000-0000-7000-8000-0000000000a1', 1700000000000, 'lap-a', 'Lò Thị Hoa', 'a', 'htx ca phe CHIENG BAN'),
  ('01900000-0000-7000-8000-0000000000a2', 1700000000000, 'lap-a', 'Cầm Văn Ơn', 'b', 'Xưởng sắn'),
  ('01900000-0000-7000-8000-0000000000a3', 1700000000000, 'lap-a', 'Vì Văn Tâm', 'c', 'UBND xã')"
run sxsh export "$T/ex"
run sxsh --db "$T/b.db" import "$T/ex"
expect_status 0
# Only the unit that names exactly one facility (two are called 'Xưởng sắn').
expect_out_has "1 person's unit names a facility of the registry: 'sxsh link-units' lists them, 'sxsh link-units --apply' links them."
run sxsh --db "$T/b.db" link-units
expect_out "would link	Lò Thị Hoa	HTX Cà phê Chiềng Ban
1 person's unit names a facility; --apply links them."
expect_sql "$T/b.db" "SELECT count(*) FROM people WHERE facility_uuid IS NOT NULL" "0"
run sxsh --db "$T/b.db" link-units --apply
expect_out "linked	Lò Thị Hoa	HTX Cà phê Chiềng Ban
1 person linked to a facility."
expect_sql "$T/b.db" "SELECT full_name FROM people WHERE facility_uuid = '01900000-0000-7000-8000-0000000000f1'" "Lò Thị Hoa"
run sxsh --db "$T/b.db" link-units
expect_out "0 people's units name facilities; --apply links them."

case_ "facility list: F6 keeps the home commune's facilities, with those of the old communes it was formed from"
find_vtrun
if [ -z "$vt" ]; then
	fail "no vtrun: run it through 'make cli', which builds the terminal driver"
else
	sxsh init >/dev/null
	# Xã Mai Sơn (from 1/7/2025) was formed from, among others, Xã Hát Lót (Huyện Mai Sơn).
	sqlite3 "$SXSH_DB" "INSERT INTO facilities (uuid, updated_at, origin, name, name_key, sort_key, place_uuid) VALUES
	  ('f1', 1, 't', 'Xưởng sắn Hát Lót', 'xuong san hat lot', 'a', '0159522d-0800-7193-8000-005358530193'),
	  ('f2', 1, 't', 'Xưởng sắn Mai Sơn', 'xuong san mai son', 'b', '0159522d-0800-7432-8000-005358530432'),
	  ('f3', 1, 't', 'Xưởng sắn Chiềng Mung', 'xuong san chieng mung', 'c', '0159522d-0800-7434-8000-005358530434');
	INSERT INTO settings (key, value) VALUES ('officer_name', 'Lò Văn Minh'), ('language', 'en'),
	  ('home_area', '0159522d-0800-7432-8000-005358530432')"
	cat >"$T/f.vt" <<'VT'
#! args: --lang en
#! env: NO_COLOR=1
wait What would you like to do?
key Down
attr reverse Facilities
key Enter
wait 3 found
key F6
wait 2 in Xã Mai Sơn
expect Xưởng sắn Hát Lót
expect Xưởng sắn Mai Sơn
expectnot Chiềng Mung
key F6
wait 3 found
key Esc
wait What would you like to do?
key End
key Enter
exit 0
VT
	HOME="$T/home" XDG_DATA_HOME="$T/xdg" LANG=C.UTF-8 \
		"$vt" "$T/f.vt" -- "$SXSH_BIN" >"$T/vt.out" 2>&1 </dev/null \
		|| fail "the terminal script failed: $(tail -30 "$T/vt.out")"
fi

case_ "plan screen: a new plan from the dashboard (n), then closed (e)"
find_vtrun
if [ -z "$vt" ]; then
	fail "no vtrun: run it through 'make cli', which builds the terminal driver"
else
	sxsh init >/dev/null
	sqlite3 "$SXSH_DB" "INSERT INTO settings (key, value) VALUES ('officer_name', 'Lò Văn Minh'), ('language', 'en')"
	cat >"$T/n.vt" <<'VT'
#! args: --lang en
#! env: NO_COLOR=1
wait What would you like to do?
key End
key Up 2
attr reverse Plan dashboard
key Enter
wait Period: 01/01/2026 – 31/12/2030
key n
wait — New plan
type SL-SXSH-2026
key Down
type Kế hoạch SXSH tỉnh Sơn La năm 2026
key Down 3
type 01/01/2026
key Down
type 31/12/2026
key Down
wait Closed on (empty: open)
key Esc
wait Saved.
# By period, then code: SL-SXSH-2016-2020, VN-SPC-2021-2025, SL-SXSH-2026, VN-SPC-2026-2030.
key p 3
wait Period: 01/01/2026 – 31/12/2026
key e
wait — Plan
key Down 6
type 15/12/2026
key Esc
wait Saved.
key Esc
wait What would you like to do?
key End
key Enter
exit 0
VT
	HOME="$T/home" XDG_DATA_HOME="$T/xdg" LANG=C.UTF-8 \
		"$vt" "$T/n.vt" -- "$SXSH_BIN" >"$T/vt.out" 2>&1 </dev/null \
		|| fail "the terminal script failed: $(tail -30 "$T/vt.out")"
	expect_sql "$SXSH_DB" "SELECT code, title_vi, period_start, period_end, closed_on FROM plans
		WHERE code = 'SL-SXSH-2026'" "SL-SXSH-2026|Kế hoạch SXSH tỉnh Sơn La năm 2026|2026-01-01|2026-12-31|2026-12-15"
fi

case_ "report --areas: a record keeps its old commune; the plan's units or today's"
sxsh init >/dev/null
# Xã Hát Lót (Huyện Mai Sơn) went into Xã Mai Sơn on 1/7/2025 (NQ 1681/NQ-UBTVQH15).
sqlite3 "$SXSH_DB" "INSERT INTO facilities (uuid, updated_at, origin, name, place_uuid, cp_potential,
	informed_on) VALUES ('f1', 1, 't', 'Xưởng sắn Hát Lót', '0159522d-0800-7193-8000-005358530193', 1, '2019-05-01')"
run sxsh report --plan SL-SXSH-2016-2020
expect_out_has "Mai Sơn  100 % (1/1)"
run sxsh report --plan SL-SXSH-2016-2020 --areas current
expect_out_has "Xã Mai Sơn  100 % (1/1)"
expect_out_has "- Areas: the units in force today; records made under older units count under the unit they went into."
expect_sql "$SXSH_DB" "SELECT place_uuid FROM facilities" "0159522d-0800-7193-8000-005358530193"
run sxsh report --areas other
expect_status 2
expect_err_has "unknown areas 'other': use plan or current"

case_ "a closed plan is no longer the default: the dashboard and report open on the open plan covering today"
find_vtrun
sxsh init >/dev/null
# A provincial plan for 2026 that starts after 889's 2026–2030 phase: the default while open.
sqlite3 "$SXSH_DB" "INSERT INTO settings (key, value) VALUES ('officer_name', 'Lò Văn Minh');
	INSERT INTO plans (uuid, updated_at, origin, code, title_vi, title_en, period_start, period_end)
	VALUES ('p26', 1, 't', 'SL-SXSH-2026', 'Kế hoạch SXSH tỉnh Sơn La năm 2026',
	'Sơn La CP plan 2026', '2026-02-01', '2026-12-31')"
SXSH_NOW=2026-06-01T08:00:00.000Z run sxsh --lang en report
expect_out_has "Sơn La CP plan 2026"
if [ -z "$vt" ]; then
	fail "no vtrun: run it through 'make cli', which builds the terminal driver"
else
	for lang in en vi; do
		sqlite3 "$SXSH_DB" "UPDATE plans SET closed_on = NULL WHERE code = 'SL-SXSH-2026'"
		if [ $lang = en ]; then
			menu="What would you like to do?" period="Period:" closed="Closed on (empty: open)"
			saved="Saved."
		else
			menu="Bạn muốn làm gì?" period="Giai đoạn:" saved="Đã lưu."
			closed="Ngày đóng"
		fi
		cat >"$T/close.vt" <<VT
#! args: --lang $lang
#! env: NO_COLOR=1 SXSH_NOW=2026-06-01T08:00:00.000Z
wait $menu
key End
key Up 2
key Enter
wait $period 01/02/2026 – 31/12/2026
key e
wait $closed
key Down 6
type 15/05/2026
key Esc
wait $saved
key Esc
wait $menu
key Enter
wait $period 01/01/2026 – 31/12/2030
key Esc
wait $menu
key End
key Enter
exit 0
VT
		HOME="$T/home" XDG_DATA_HOME="$T/xdg" LANG=C.UTF-8 \
			"$vt" "$T/close.vt" -- "$SXSH_BIN" >"$T/vt.out" 2>&1 </dev/null \
			|| fail "the terminal script ($lang) failed: $(tail -30 "$T/vt.out")"
		expect_sql "$SXSH_DB" "SELECT closed_on FROM plans WHERE code = 'SL-SXSH-2026'" "2026-05-15"
	done
fi
# Closed on 15/05/2026: the default on 1/6/2026 is 889's 2026–2030 phase, which covers today;
# before the closing day the closed plan was still open, and a session of April still
# goes to it.
SXSH_NOW=2026-06-01T08:00:00.000Z run sxsh --lang en report
expect_out_has "National action programme for sustainable production and consumption 2026–2030"
SXSH_NOW=2026-05-10T08:00:00.000Z run sxsh --lang en report
expect_out_has "Sơn La CP plan 2026"
