# test_training_ui.sh — what tests/tty/training_course.vt leaves in the database: it
# registers 30 people (5 walk-ins, one picked as a likely duplicate) to a two-day course
# and ticks attendance through the real UI, driven by the terminal-test driver ($VTRUN).

case_ "training UI: registrations, walk-ins, duplicate and ticks reach the database"
find_vtrun
if [ -z "$vt" ]; then
	fail "no vtrun: run it through 'make cli', which builds the terminal driver"
else
	mkdir -p "$T/home"
	HOME="$T/home" XDG_DATA_HOME="$T/xdg" LANG=C.UTF-8 \
		"$vt" "$HERE/../tty/training_course.vt" -- "$SXSH_BIN" >"$T/vt.out" 2>&1 </dev/null \
		|| fail "the terminal script failed: $(tail -5 "$T/vt.out")"
	db=$SXSH_DB
	expect_sql "$db" "SELECT count(*) FROM sessions WHERE deleted = 0 AND code = 'TH-2025-01'
		AND kind = 'training' AND start_date = '2025-05-12' AND end_date = '2025-05-13'" "1"
	# The default plan was filled in: the one whose period holds the course's
	# first day (12/05/2025 lies in 889/QĐ-TTg's 2021–2025 phase).
	expect_sql "$db" "SELECT p.code FROM sessions s JOIN plans p ON p.uuid = s.plan_uuid" \
		"VN-SPC-2021-2025"
	# 30 participants, 5 walk-ins, and no duplicate person: 30 people in all.
	expect_sql "$db" "SELECT count(*), sum(walk_in) FROM participants WHERE deleted = 0" "30|5"
	expect_sql "$db" "SELECT count(*) FROM people WHERE deleted = 0" "30"
	expect_sql "$db" "SELECT count(*) FROM people WHERE name_key = 'cam thi hoa'" "1"
	expect_sql "$db" "SELECT pa.walk_in FROM participants pa JOIN people p
		ON p.uuid = pa.person_uuid WHERE p.full_name = 'Cầm Thị Hoa'" "1"
	# Names are stored as typed, NFC, with their search and sort keys.
	expect_sql "$db" "SELECT name_key, birth_year FROM people WHERE full_name = 'Đặng Văn Dũng'" \
		"dang van dung|1982"
	expect_sql "$db" "SELECT count(*) FROM people WHERE sort_key = '' OR name_key = ''" "0"
	# Ticks: 28 present on day 1, 25 on day 2 (one unticked and ticked again).
	expect_sql "$db" "SELECT day || ':' || sum(present) FROM attendance WHERE deleted = 0
		GROUP BY day ORDER BY day" "2025-05-12:28
2025-05-13:25"
	expect_sql "$db" "SELECT count(*) FROM (SELECT 1 FROM attendance
		GROUP BY session_uuid, person_uuid, day HAVING count(*) > 1)" "0"
	# F5 and F6 wrote the sheet into the home folder, readable by the owner only.
	expect_mode "$T/home/sign-in-TH-2025-01.html" 600
	expect_mode "$T/home/sign-in-TH-2025-01.txt" 600
	rows=$(grep -c '^<tr><td class="no">' "$T/home/sign-in-TH-2025-01.html")
	[ "$rows" = 30 ] || fail "the HTML sheet has $rows rows, want 30"
	ls "$T/home" | grep -q tmp && fail "a temporary file was left behind"
	# The sign-in sheet of that session lists all 30.
	run sxsh sheet TH-2025-01 --format text
	expect_status 0
	expect_out_has "Participants: 30"
	expect_out_has " 30  Vũ Văn Thắng"
fi
