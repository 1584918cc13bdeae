# test_report.sh — `sxsh report` on a small database built with sqlite3 (exact text,
# CSV, HTML, errors), `sxsh demo` (counts, refusal, --force) and the dashboard after a
# demo, driven through tests/tty/dashboard.vt.

# report_db DB — a small Sơn La database: 5 facilities, 4 people, a training
# course, 5 assessments and a detailed tracker, written with sqlite3.
report_db() {
	sxsh init >/dev/null 2>&1
	MS=0159522d-0800-700a-8000-00535853480a TC=0159522d-0800-7004-8000-005358534804
	TP=0159522d-0800-7002-8000-005358534802 SM=0159522d-0800-700b-8000-00535853480b
	sqlite3 "$1" "
	INSERT INTO facilities (uuid, updated_at, origin, name, place_uuid, sector, cp_potential,
		informed_on, informed_reason) VALUES
	 ('f1', 1, 't', 'Công ty TNHH Tinh bột sắn Hát Lót', '$MS', 'cassava', 1, '2018-03-01', 'Tờ rơi'),
	 ('f2', 1, 't', 'Hợp tác xã Cà phê Chiềng Ban', '$MS', 'coffee_wet', 1, NULL, NULL),
	 ('f3', 1, 't', 'Công ty TNHH Mía đường Cò Nòi', '$MS', 'sugar', 1, NULL, NULL),
	 ('f4', 1, 't', 'Hộ chế biến cà phê Lường Văn Thiêm', '$TC', 'coffee_wet', 1, NULL, NULL),
	 ('f5', 1, 't', 'Hộ xay xát gạo Quàng Văn Lả', '$SM', 'other', 0, NULL, NULL);
	INSERT INTO people (uuid, updated_at, origin, full_name, place_uuid, category, on_roster,
		facility_uuid, ethnicity) VALUES
	 ('r1', 1, 't', 'Lò Văn Minh', '$TP', 'extension', 1, NULL, 'Thái'),
	 ('r2', 1, 't', 'Cầm Văn Thoại', '$MS', 'monitoring', 1, NULL, 'Thái'),
	 ('r3', 1, 't', 'Giàng A Páo', '$TC', 'collaborator', 1, NULL, 'Mông'),
	 ('c1', 1, 't', 'Vì Thị Lan', '$MS', 'enterprise', 0, 'f2', 'Thái');
	INSERT INTO sessions (uuid, updated_at, origin, kind, code, title, start_date, end_date)
	 VALUES ('s1', 1, 't', 'training', 'TH-2018-01', 'Tập huấn SXSH', '2018-09-10', '2018-09-11');
	INSERT INTO participants (uuid, updated_at, origin, session_uuid, person_uuid) VALUES
	 ('p1', 1, 't', 's1', 'r1'), ('p2', 1, 't', 's1', 'r2'), ('p3', 1, 't', 's1', 'c1');
	INSERT INTO attendance (uuid, updated_at, origin, session_uuid, person_uuid, day, present)
	 VALUES ('t1', 1, 't', 's1', 'r1', '2018-09-10', 1), ('t2', 1, 't', 's1', 'r2', '2018-09-10', 0),
	 ('t3', 1, 't', 's1', 'c1', '2018-09-11', 1);
	INSERT INTO assessments (uuid, updated_at, origin, facility_uuid, kind, form_id,
		form_version, status, started_at, finished_at) VALUES
	 ('a1', 1, 't', 'f1', 'rapid', 'sxsh_rapid', '1', 'complete', 1525000000000, 1525300000000),
	 ('a2', 1, 't', 'f2', 'rapid', 'sxsh_rapid', '1', 'complete', 1559347200000, 1559347200000),
	 ('a3', 1, 't', 'f4', 'rapid', 'sxsh_rapid', '1', 'draft', 1559347200000, NULL),
	 ('a4', 1, 't', 'f3', 'rapid', 'sxsh_rapid', '1', 'complete', 1612137600000, 1612137600000),
	 ('a5', 1, 't', 'f1', 'detailed', 'sxsh_detailed', '1', 'draft', 1554076800000, NULL);
	INSERT INTO answers (uuid, updated_at, origin, assessment_uuid, name, value) VALUES
	 ('n1', 1, 't', 'a1', 'visit_date', '2018-05-02'),
	 ('n2', 1, 't', 'a4', 'visit_date', '2021-02-01');"
	# The tracker's answers: a finished assessment with options in use.
	sqlite3 "$1" ".import --csv $HERE/../forms/answers/tracker_counted.csv tracker" \
		"INSERT INTO answers (uuid, updated_at, origin, assessment_uuid, name, value)
		 SELECT 'd' || rowid, 1, 't', 'a5', name, value FROM tracker;
		 UPDATE answers SET value = '2019-04-01' WHERE assessment_uuid = 'a5' AND name = 'da_start';
		 DROP TABLE tracker;"
}

case_ "report: text, aligned by display width, rules and targets from the database"
report_db "$SXSH_DB"
run sxsh report
expect_status 0
expect_out "$(cat <<'TXT'
Sơn La plan for cleaner production in industry 2016–2020
Decision: 3182/QĐ-UBND ngày 31/12/2016
Period: 31/12/2016 – 31/12/2020

Whole province
Indicator                                                    Result      Target  Progress  Status
Facilities with CP potential informed of CP                  50 % (2/4)  90 %    55 %      not met
Enterprises with a rapid CP assessment                       2           15      13 %      not met
Enterprises with a detailed assessment applying CP           1           7       14 %      not met
Extension and monitoring officers and collaborators trained  33 % (1/3)  100 %   33 %      not met

By district
                  Informed    Rapid  Detailed  Trained
Thành phố Sơn La  — (0/0)     0      0         100 % (1/1)
Quỳnh Nhai        — (0/0)     0      0         — (0/0)
Thuận Châu        0 % (0/1)   0      0         0 % (0/1)
Mường La          — (0/0)     0      0         — (0/0)
Bắc Yên           — (0/0)     0      0         — (0/0)
Phù Yên           — (0/0)     0      0         — (0/0)
Mộc Châu          — (0/0)     0      0         — (0/0)
Yên Châu          — (0/0)     0      0         — (0/0)
Mai Sơn           66 % (2/3)  2      1         0 % (0/1)
Sông Mã           — (0/0)     0      0         — (0/0)
Sốp Cộp           — (0/0)     0      0         — (0/0)
Vân Hồ            — (0/0)     0      0         — (0/0)

By sector
                           Informed     Rapid  Detailed  Trained
Cassava starch processing  100 % (1/1)  1      1         —
Coffee, wet processing     50 % (1/2)   1      0         —
Coffee, dry processing     — (0/0)      0      0         —
Cane sugar                 0 % (0/1)    0      0         —
Other sector               — (0/0)      0      0         —

By year (cumulative; assessments only)
      Informed  Rapid  Detailed  Trained
2016  —         0      0         —
2017  —         0      0         —
2018  —         1      0         —
2019  —         2      1         —
2020  —         2      1         —

Shares are the records as they are today; rapid and detailed assessments count when dated within the plan period.
TXT
)"

case_ "report: the targets are data — a changed target changes the report"
report_db "$SXSH_DB"
sqlite3 "$SXSH_DB" "UPDATE indicators SET target = 2 WHERE measure = 'rapid_count'"
run sxsh report
expect_out_has "Enterprises with a rapid CP assessment                       2           2       100 %     met"

case_ "report: a tiny target is far exceeded, in every format, without undefined behaviour"
report_db "$SXSH_DB"
sqlite3 "$SXSH_DB" "UPDATE indicators SET target = 1e-300 WHERE measure = 'rapid_count'"
run sxsh report --format html
expect_status 0
# The overall bar (200 px wide) is full and green, as for any target reached.
expect_out_has '<rect x="0" y="0" width="200" height="14" fill="#2e7d32"/>'
run sxsh report
expect_status 0
expect_out_has "Enterprises with a rapid CP assessment"

case_ "report: CSV, RFC 4180 with CRLF, one row per area and indicator"
report_db "$SXSH_DB"
run sxsh report --format csv
expect_status 0
sxsh report --format csv >"$T/r.csv"
[ "$(grep -c "$(printf '\r')\$" "$T/r.csv")" = 93 ] || fail "not every line ends with CRLF"
[ "$(head -c 3 "$T/r.csv")" = "sco" ] || fail "the CSV starts with something else than its header"
OUT=$(tr -d '\r' <"$T/r.csv" | grep -v '^district\|^sector\|^year')
expect_out "scope,area,indicator,label,value,total,percent,target,met
overall,Whole province,informed,Facilities with CP potential informed of CP,2,4,50,90,0
overall,Whole province,rapid,Enterprises with a rapid CP assessment,2,,,15,0
overall,Whole province,detailed,Enterprises with a detailed assessment applying CP,1,,,7,0
overall,Whole province,trained,Extension and monitoring officers and collaborators trained,1,3,33,100,0"
OUT=$(tr -d '\r' <"$T/r.csv" | grep 'Mai Sơn\|^year,2019\|^sector,Coffee, wet')
expect_out "district,Mai Sơn,informed,Facilities with CP potential informed of CP,2,3,66,90,0
district,Mai Sơn,rapid,Enterprises with a rapid CP assessment,2,,,15,0
district,Mai Sơn,detailed,Enterprises with a detailed assessment applying CP,1,,,7,0
district,Mai Sơn,trained,Extension and monitoring officers and collaborators trained,0,1,0,100,0
year,2019,informed,Facilities with CP potential informed of CP,,,,90,
year,2019,rapid,Enterprises with a rapid CP assessment,2,,,15,0
year,2019,detailed,Enterprises with a detailed assessment applying CP,1,,,7,0
year,2019,trained,Extension and monitoring officers and collaborators trained,,,,100,"
OUT=$(tr -d '\r' <"$T/r.csv" | grep -c '^sector,"Coffee, wet processing",')
expect_out 4

case_ "report: HTML is one self-contained page with SVG bars"
report_db "$SXSH_DB"
run sxsh report --format html
expect_status 0
expect_out_has '<!DOCTYPE html>'
expect_out_has '<html lang="en">'
expect_out_has '<h1>Sơn La plan for cleaner production in industry 2016–2020</h1>'
expect_out_has '<tr><td>Facilities with CP potential informed of CP</td><td>50 % (2/4)</td><td>90 %</td><td><svg'
expect_out_has '<h2>By district</h2>'
case "$OUT" in *'src='*|*'href='*|*'<script'*|*'url('*) fail "the page loads something from outside" ;; esac
[ "$(printf '%s\n' "$OUT" | grep -c '<svg')" -ge 4 ] || fail "no bars"

case_ "report: in Vietnamese the plan and its indicators come from the database"
report_db "$SXSH_DB"
run sxsh --lang vi report
expect_status 0
expect_out_has "Kế hoạch sản xuất sạch hơn trong công nghiệp tỉnh Sơn La giai đoạn 2016–2020"
expect_out_has "Cơ sở có tiềm năng SXSH được tuyên truyền, phổ biến"

case_ "report: usage errors and an unknown plan"
run sxsh report --format pdf
expect_status 2
expect_err "sxsh: unknown format 'pdf': use text, csv or html
Try 'sxsh --help' for the commands and options."
run sxsh report extra
expect_status 2
expect_err_has "'report' takes no arguments (got 'extra')"
run sxsh report --plan
expect_status 2
expect_err_has "option '--plan' needs a value"
run sxsh report --plan KH-2030
expect_status 1
expect_err "sxsh: no plan with the code 'KH-2030'"
run sxsh report --plan SL-SXSH-2016-2020 --format=csv
expect_status 0

case_ "demo: fills an empty database through the registries, then refuses"
run sxsh demo
expect_status 0
expect_out "Added sample data for Son La:
  15 facilities
  24 people, 12 of them on the officer roster
  4 training and awareness sessions, 27 registrations, 36 days ticked present
  9 rapid assessments (8 complete)
  3 detailed-assessment trackers"
expect_sql "$SXSH_DB" "SELECT count(*), sum(cp_potential) FROM facilities WHERE deleted = 0" "15|14"
expect_sql "$SXSH_DB" "SELECT count(*) FROM facilities f JOIN places p ON p.uuid = f.place_uuid
	WHERE p.name IN ('Mai Sơn', 'Thuận Châu')" "11"
expect_sql "$SXSH_DB" "SELECT count(*), sum(on_roster) FROM people" "24|12"
expect_sql "$SXSH_DB" "SELECT count(*) FROM people WHERE name_key = '' OR sort_key = ''" "0"
expect_sql "$SXSH_DB" "SELECT group_concat(DISTINCT ethnicity) FROM (SELECT ethnicity FROM people
	ORDER BY ethnicity)" "Dao,Khơ Mú,Kinh,Mông,Mường,Thái"
expect_sql "$SXSH_DB" "SELECT count(*), sum(present) FROM attendance" "36|36"
expect_sql "$SXSH_DB" "SELECT kind, status, count(*) FROM assessments GROUP BY kind, status
	ORDER BY kind, status" "detailed|draft|3
rapid|complete|8
rapid|draft|1"
expect_sql "$SXSH_DB" "SELECT value FROM answers a JOIN assessments s ON s.uuid = a.assessment_uuid
	JOIN facilities f ON f.uuid = s.facility_uuid WHERE a.name = 'facility_name'
	AND f.name LIKE '%Cò Nòi' AND s.kind = 'rapid'" "Công ty TNHH Mía đường Cò Nòi"
run sxsh report
expect_out_has "Facilities with CP potential informed of CP                  71 % (10/14)  90 %    79 %      not met"
expect_out_has "Enterprises with a rapid CP assessment                       7             15      46 %      not met"
expect_out_has "Enterprises with a detailed assessment applying CP           2             7       28 %      not met"
expect_out_has "Extension and monitoring officers and collaborators trained  83 % (10/12)  100 %   83 %      not met"
cp "$SXSH_DB" "$T/before.db"
run sxsh demo
expect_status 1
expect_err "sxsh: the database already has facilities: sample data would mix with real records (use --force to add it anyway)"
expect_sql "$SXSH_DB" "SELECT count(*) FROM facilities" "15"
run sxsh demo extra
expect_status 2
run sxsh demo --force
expect_status 0
expect_sql "$SXSH_DB" "SELECT count(*) FROM facilities" "30"

case_ "demo: the same content every time (only ids and times differ)"
SXSH_DB="$T/a.db" sxsh demo >/dev/null
SXSH_DB="$T/b.db" sxsh demo >/dev/null
q="SELECT name, sector, phone FROM facilities ORDER BY name;
   SELECT full_name, birth_year, phone, ethnicity FROM people ORDER BY full_name;
   SELECT name, value FROM answers WHERE name NOT LIKE '%date%' ORDER BY name, value"
[ "$(sqlite3 "$T/a.db" "$q")" = "$(sqlite3 "$T/b.db" "$q")" ] || fail "two demos differ"

case_ "dashboard: progress bars after a demo (tests/tty/dashboard.vt)"
find_vtrun
if [ -z "$vt" ]; then
	fail "no vtrun: run it through 'make cli', which builds the terminal driver"
else
	sxsh demo >/dev/null
	mkdir -p "$T/home"
	HOME="$T/home" XDG_DATA_HOME="$T/xdg" LANG=C.UTF-8 \
		"$vt" "$HERE/../tty/dashboard.vt" -- "$SXSH_BIN" >"$T/vt.out" 2>&1 </dev/null \
		|| fail "the terminal script failed: $(tail -30 "$T/vt.out")"
	OUT=$(cat "$T/vt.out")
	expect_out_has " 3|  Period: 31/12/2016 – 31/12/2020   Area: Whole province (1/13)"
	expect_out_has " 6|  [############################--------] 71 % (10/14)  Target: 90 %    Not met"
	expect_out_has " 9|  [################--------------------] 7  Target: 15                 Not met"
	expect_out_has "12|  [##########--------------------------] 2  Target: 7                  Not met"
	expect_out_has "15|  [#############################-------] 83 % (10/12)  Target: 100 %   Not met"
	expect_out_has " 3|  Period: 31/12/2016 – 31/12/2020   Area: Mai Sơn (10/13)"
	expect_out_has " 6|  [##################################--] 85 % (6/7)  Target: 90 %      Not met"
	expect_out_has " 9|  [###########-------------------------] 5  Target: 15                 Not met"
fi
