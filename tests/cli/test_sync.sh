# test_sync.sh — sxsh export and import: files, formats, merging, errors,
# spreadsheets, and an import killed with SIGKILL.

FAC=01900000-0000-7000-8000-0000000000f1
PER=01900000-0000-7000-8000-0000000000a1
SES=01900000-0000-7000-8000-0000000000c1
DISTRICT=0159522d-0800-700a-8000-00535853480a

# add_rows DB — a facility, a person, a session, a participant, attendance.
add_rows() {
	sqlite3 "$1" "
	INSERT INTO facilities (uuid, updated_at, origin, name, place_uuid, note) VALUES
	  ('$FAC', 1700000000000, 'lap-a', 'Xưởng sắn Mai Sơn', '$DISTRICT', '=1+2');
	INSERT INTO people (uuid, updated_at, origin, full_name, birth_year, phone, facility_uuid) VALUES
	  ('$PER', 1700000000000, 'lap-a', 'Lò Thị Hoa', 1985, '0912345678', '$FAC');
	INSERT INTO sessions (uuid, updated_at, origin, kind, title, start_date, end_date, place_uuid) VALUES
	  ('$SES', 1700000000000, 'lap-a', 'training', 'Tập huấn SXSH', '2024-05-06', '2024-05-07', '$DISTRICT');
	INSERT INTO participants (uuid, updated_at, origin, session_uuid, person_uuid) VALUES
	  ('01900000-0000-7000-8000-0000000000d1', 1700000000000, 'lap-a', '$SES', '$PER');
	INSERT INTO attendance (uuid, updated_at, origin, session_uuid, person_uuid, day, present) VALUES
	  ('01900000-0000-7000-8000-0000000000e1', 1700000000000, 'lap-a', '$SES', '$PER', '2024-05-06', 1);"
}

# dumpdb DB — the synced tables, for before/after comparisons.
dumpdb() {
	for t in places facilities people plans indicators sessions participants attendance assessments answers history; do
		sqlite3 "$1" "SELECT * FROM $t ORDER BY 1"
	done
}

case_ "export writes one owner-only CSV per table and a manifest, last"
run sxsh init
add_rows "$SXSH_DB"
run sxsh export "$T/ex"
expect_status 0
expect_out "Exported 312 rows in 12 files to $T/ex."
expect_mode "$T/ex" 700
for t in places facilities people plans indicators sessions participants attendance assessments answers organisations org_roles manifest; do
	expect_mode "$T/ex/$t.csv" 600
done
[ -z "$(ls -A "$T/ex" | grep sxsh-export-tmp)" ] || fail "temporary folder left behind"
id=$(sqlite3 "$SXSH_DB" "SELECT value FROM meta WHERE key = 'installation_id'")
expect_sql "$SXSH_DB" "SELECT 1" "1"
grep -q "^installation,$id,," "$T/ex/manifest.csv" || fail "manifest lacks the installation"
grep -q "^schema_version,9,," "$T/ex/manifest.csv" || fail "manifest lacks the schema version"
grep -q "^file,facilities.csv,1,$(sha256sum "$T/ex/facilities.csv" | cut -c1-64)$" "$T/ex/manifest.csv" \
	|| fail "manifest checksum of facilities.csv is wrong"
[ "$(tail -n 1 "$T/ex/manifest.csv" | cut -d, -f2)" = org_roles.csv ] || fail "manifest file order"
[ "$(sed -n 2p "$T/ex/facilities.csv")" = "$FAC,2023-11-14T22:13:20.000Z,lap-a,0,Xưởng sắn Mai Sơn,,,$DISTRICT,,,,,1,,,,,,=1+2" ] \
	|| fail "facility row: $(sed -n 2p "$T/ex/facilities.csv")"

case_ "import into an empty database, again (unchanged), and the report"
run sxsh init
add_rows "$SXSH_DB"
run sxsh export "$T/ex"
run sxsh --db "$T/b.db" import "$T/ex"
expect_status 0
expect_out_has "table                 new    updated  unchanged conflicting   rejected
places                  0          0        288          0          0
facilities              1          0          0          0          0
people                  1          0          0          0          0
plans                   0          0          3          0          0
indicators              0          0         16          0          0
sessions                1          0          0          0          0
participants            1          0          0          0          0
attendance              1          0          0          0          0
total                   5          0        307          0          0
Imported 312 rows from 12 files; report: $T/b.db.import-"
report=$(echo "$OUT" | sed -n 's/.*report: //p')
expect_mode "$report" 600
grep -q "^facilities              1          0          0          0          0$" "$report" || fail "report counts"
expect_sql "$T/b.db" "SELECT name, note FROM facilities" "Xưởng sắn Mai Sơn|=1+2"
expect_sql "$T/b.db" "SELECT typeof(birth_year), phone FROM people" "integer|0912345678"
expect_sql "$T/b.db" "SELECT updated_at FROM attendance" "1700000000000"
before=$(dumpdb "$T/b.db")
run sxsh --db "$T/b.db" import "$T/ex"
expect_out_has "total                   0          0        312          0          0"
[ "$(dumpdb "$T/b.db")" = "$before" ] || fail "a second import changed the database"

case_ "dry run counts and changes nothing"
run sxsh init
add_rows "$SXSH_DB"
run sxsh export "$T/ex"
run sxsh --db "$T/b.db" init
before=$(dumpdb "$T/b.db")
run sxsh --db "$T/b.db" import --dry-run "$T/ex"
expect_status 0
expect_out_has "total                   5          0        307          0          0
Dry run: nothing was changed."
[ "$(dumpdb "$T/b.db")" = "$before" ] || fail "dry run changed the database"
[ -z "$(ls "$T" | grep import-)" ] || fail "dry run wrote a report"

case_ "last writer wins; the losing version goes to history, once"
run sxsh init
add_rows "$SXSH_DB"
run sxsh export "$T/old"
sqlite3 "$SXSH_DB" "UPDATE people SET phone = '0977123456', updated_at = 1700000000500 WHERE uuid = '$PER'"
run sxsh export "$T/new"
run sxsh --db "$T/b.db" import "$T/new"
run sxsh --db "$T/b.db" import "$T/old"
expect_out_has "people                  0          0          0          1          0"
expect_sql "$T/b.db" "SELECT phone FROM people" "0977123456"
expect_sql "$T/b.db" "SELECT reason, json_extract(data, '$.phone') FROM history" "replaced|0912345678"
run sxsh --db "$T/b.db" import "$T/old"
expect_sql "$T/b.db" "SELECT count(*) FROM history" "1"
run sxsh --db "$T/c.db" import "$T/old"
run sxsh --db "$T/c.db" import "$T/new"
expect_out_has "people                  0          1          0          0          0"
expect_sql "$T/c.db" "SELECT phone FROM people" "0977123456"
expect_sql "$T/c.db" "SELECT reason, json_extract(data, '$.phone') FROM history" "replaced|0912345678"

case_ "equal times: the origin decides, in either order"
run sxsh init
add_rows "$SXSH_DB"
run sxsh export "$T/a"
sqlite3 "$SXSH_DB" "UPDATE people SET phone = '0911123456', origin = 'lap-b' WHERE uuid = '$PER'"
run sxsh export "$T/b"
sqlite3 "$SXSH_DB" "UPDATE people SET phone = '0933123456', origin = 'lap-0' WHERE uuid = '$PER'"
run sxsh export "$T/c"
run sxsh --db "$T/1.db" import "$T/a" "$T/b" "$T/c"
run sxsh --db "$T/2.db" import "$T/c" "$T/b" "$T/a"
expect_sql "$T/1.db" "SELECT phone, origin FROM people" "0911123456|lap-b"
expect_sql "$T/2.db" "SELECT phone, origin FROM people" "0911123456|lap-b"

case_ "the same person registered twice on two laptops merges the same way in any order"
run sxsh init
add_rows "$SXSH_DB"
run sxsh export "$T/a"
sqlite3 "$SXSH_DB" "DELETE FROM participants; INSERT INTO participants (uuid, updated_at, origin, session_uuid, person_uuid, note) VALUES
  ('01900000-0000-7000-8000-0000000000d2', 1700000000900, 'lap-b', '$SES', '$PER', 'walk-in')"
run sxsh export "$T/b"
run sxsh --db "$T/1.db" import "$T/a"
run sxsh --db "$T/1.db" import "$T/b"
expect_out_has "participants            0          0          0          1          0"
run sxsh --db "$T/2.db" import "$T/b"
run sxsh --db "$T/2.db" import "$T/a"
expect_out_has "participants            0          0          0          1          0"
for db in "$T/1.db" "$T/2.db"; do
	expect_sql "$db" "SELECT uuid, note FROM participants" "01900000-0000-7000-8000-0000000000d2|walk-in"
	expect_sql "$db" "SELECT uuid FROM history WHERE tbl = 'participants'" "01900000-0000-7000-8000-0000000000d1"
done

case_ "a tombstone deletes softly"
run sxsh init
add_rows "$SXSH_DB"
run sxsh export "$T/a"
sqlite3 "$SXSH_DB" "UPDATE attendance SET deleted = 1, updated_at = 1700000001000"
run sxsh export "$T/b"
run sxsh --db "$T/1.db" import "$T/a"
run sxsh --db "$T/1.db" import "$T/b"
expect_sql "$T/1.db" "SELECT deleted, present FROM attendance" "1|1"
expect_sql "$T/1.db" "SELECT deleted FROM history WHERE tbl = 'attendance'" "0"

case_ "rows that refer to something missing are rejected, the rest imported"
run sxsh init
add_rows "$SXSH_DB"
run sxsh export "$T/ex"
run sxsh --db "$T/b.db" init
head -n 1 "$T/ex/attendance.csv" > "$T/attendance.csv"
echo "01900000-0000-7000-8000-0000000000e9,2024-01-01T00:00:00.000Z,lap-a,0,01900000-0000-7000-8000-0000000000c9,$PER,2024-05-06,1" >> "$T/attendance.csv"
run sxsh --db "$T/b.db" import "$T/ex/people.csv" "$T/attendance.csv" "$T/ex/facilities.csv"
expect_status 0
expect_err "sxsh: $T/attendance.csv:2: row rejected: session_uuid 01900000-0000-7000-8000-0000000000c9 refers to a row of sessions that is neither in the database nor in the import"
expect_out_has "facilities              1          0          0          0          0
people                  1          0          0          0          0
attendance              0          0          0          0          1"
report=$(echo "$OUT" | sed -n 's/.*report: //p')
grep -q "^$T/attendance.csv:2: session_uuid" "$report" || fail "the report lacks the rejected row"

case_ "a folder exported from this very database is skipped"
run sxsh init
run sxsh export "$T/ex"
run sxsh import "$T/ex"
expect_status 0
expect_err "sxsh: $T/ex: exported from this very database; skipped"
expect_out "Nothing was imported."

case_ "a folder from a newer sxsh is refused"
run sxsh init
run sxsh export "$T/ex"
sed -i 's/^schema_version,9,,/schema_version,10,,/' "$T/ex/manifest.csv"
run sxsh --db "$T/b.db" import "$T/ex"
expect_status 1
expect_err "sxsh: $T/ex: exported by a newer sxsh (schema 10; this one knows 9): install the newer sxsh, then import again
sxsh: nothing was imported; the database is unchanged"

case_ "a truncated file is refused and nothing changes"
run sxsh init
add_rows "$SXSH_DB"
run sxsh export "$T/ex"
run sxsh --db "$T/b.db" init
before=$(dumpdb "$T/b.db")
head -c 200 "$T/ex/people.csv" > "$T/p" && cat "$T/p" > "$T/ex/people.csv"
run sxsh --db "$T/b.db" import "$T/ex"
expect_status 1
expect_err "sxsh: $T/ex/people.csv: this file was changed after it was exported (it no longer matches manifest.csv): saved by a spreadsheet, or copied only in part. If the changes are wanted, import again with --accept-changed: every line is still checked. Otherwise copy the folder again from the laptop that exported it.
sxsh: nothing was imported; the database is unchanged"
[ "$(dumpdb "$T/b.db")" = "$before" ] || fail "the database changed"

case_ "an export folder with a file missing is refused"
run sxsh init
run sxsh export "$T/ex"
rm "$T/ex/sessions.csv"
run sxsh --db "$T/b.db" import "$T/ex"
expect_status 1
expect_err "sxsh: $T/ex/sessions.csv: missing from the export folder (its manifest lists it); copy the whole folder again
sxsh: nothing was imported; the database is unchanged"

case_ "a folder without a manifest is not an export"
mkdir -p "$T/half"
run sxsh import "$T/half"
expect_status 1
expect_err "sxsh: $T/half: not an sxsh export folder: it has no manifest.csv (or the export did not finish); export it again
sxsh: nothing was imported; the database is unchanged"

case_ "a hand-edited file with a broken row: file:line, nothing changes"
run sxsh init
add_rows "$SXSH_DB"
run sxsh export "$T/ex"
run sxsh --db "$T/b.db" init
before=$(dumpdb "$T/b.db")
cp "$T/ex/facilities.csv" "$T/ex/people.csv" "$T/"
sed -i '2s/,1985,/,năm 1985,/' "$T/people.csv"
echo '01900000-0000-7000-8000-0000000000f2,hôm qua,lap-a,0,Lò gạch,,,,,,,,1,,,,,,' >> "$T/facilities.csv"
echo '"unterminated,' >> "$T/facilities.csv"
run sxsh --db "$T/b.db" import "$T/facilities.csv" "$T/people.csv"
expect_status 1
expect_err "sxsh: $T/facilities.csv:3: updated_at: \"hôm qua\" is not a time like 2024-05-31T08:30:00.000Z
sxsh: $T/facilities.csv:4: malformed CSV: the file ends inside a quoted field
sxsh: nothing was imported; the database is unchanged"
[ "$(dumpdb "$T/b.db")" = "$before" ] || fail "the database changed"
sed -i '$d' "$T/facilities.csv"
sed -i '$d' "$T/facilities.csv"
run sxsh --db "$T/b.db" import "$T/facilities.csv" "$T/people.csv"
expect_err "sxsh: $T/people.csv:2: birth_year: \"năm 1985\" is not a number
sxsh: nothing was imported; the database is unchanged"
printf 'uuid,name\n' > "$T/places.csv"
run sxsh --db "$T/b.db" import "$T/places.csv"
expect_err "sxsh: $T/places.csv:1: the column \"updated_at\" is missing
sxsh: nothing was imported; the database is unchanged"
printf 'x\n' > "$T/notes.csv"
run sxsh --db "$T/b.db" import "$T/notes.csv"
expect_err "sxsh: $T/notes.csv: cannot tell which table this file holds; name it after the table, e.g. facilities.csv
sxsh: nothing was imported; the database is unchanged"

case_ "usage errors"
run sxsh export
expect_status 2
expect_err "sxsh: 'export' needs a folder: sxsh export DIR
Try 'sxsh --help' for the commands and options."
run sxsh export a b
expect_err_has "sxsh: 'export' takes one folder (got 'b' too)"
run sxsh export a --since yesterday
expect_status 2
expect_err_has "sxsh: --since: 'yesterday' is not a date (write dd/mm/yyyy or yyyy-mm-dd)"
run sxsh import
expect_status 2
expect_err_has "sxsh: 'import' needs files or export folders: sxsh import PATH..."
run sxsh import --force x
expect_status 2
expect_err_has "sxsh: unknown option '--force' for 'import'"

case_ "export --since and --place"
run sxsh init
add_rows "$SXSH_DB"
sqlite3 "$SXSH_DB" "INSERT INTO facilities (uuid, updated_at, origin, name, place_uuid) VALUES
  ('01900000-0000-7000-8000-0000000000f9', 1710000000000, 'lap-a', 'Cà phê Thuận Châu', '0159522d-0800-7004-8000-005358534804')"
run sxsh export --since 01/03/2024 "$T/s"
expect_status 0
expect_out "Exported 1 rows in 12 files to $T/s."
grep -q "^since,2024-03-01T00:00:00.000Z,," "$T/s/manifest.csv" || fail "manifest lacks since"
run sxsh export --place "mai son" "$T/p"
expect_out "Exported 312 rows in 12 files to $T/p."
grep -q "Thuận Châu" "$T/p/facilities.csv" && fail "another district's facility was exported"
run sxsh export --place 119 "$T/q"
expect_out "Exported 308 rows in 12 files to $T/q."
run sxsh export --place "Hà Nội" "$T/r"
expect_status 1
expect_err "sxsh: no place has the code or name 'Hà Nội'"

case_ "export --place by the old list's spelling of a commune (Noong Lay for Nong Lay)"
run sxsh init
sqlite3 "$SXSH_DB" "INSERT INTO facilities (uuid, updated_at, origin, name, place_uuid) VALUES
  ('01900000-0000-7000-8000-0000000000fa', 1710000000000, 'lap-a', 'Cơ sở chè Bản Hốc', '0159522d-0800-7121-8000-005358530121'),
  ('01900000-0000-7000-8000-0000000000fb', 1710000000000, 'lap-a', 'HTX mía Bản Phát', '0159522d-0800-7194-8000-005358530194')"
run sxsh export --place "Xã Noong Lay" "$T/n1"
expect_status 0
grep -q "Cơ sở chè Bản Hốc" "$T/n1/facilities.csv" || fail "the facility at Noong Lay was not exported"
grep -q "Bản Phát" "$T/n1/facilities.csv" && fail "another commune's facility was exported"
run sxsh export --place "xa na po" "$T/n2"
expect_status 0
grep -q "HTX mía Bản Phát" "$T/n2/facilities.csv" || fail "the facility at Nà Pó was not exported"
run sxsh export --place "Xã Nong Lay" "$T/n3"
expect_status 0
cmp -s "$T/n1/facilities.csv" "$T/n3/facilities.csv" || fail "the two spellings exported different rows"

case_ "export for spreadsheets: BOM, CRLF, formulas neutralised; the round trip is lossless"
run sxsh init
add_rows "$SXSH_DB"
sqlite3 "$SXSH_DB" "UPDATE people SET note = '''@x', unit = '-5' WHERE uuid = '$PER'"
run sxsh export --for-spreadsheet "$T/xl"
expect_status 0
[ "$(head -c 3 "$T/xl/facilities.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "no byte-order mark"
[ "$(grep -c "$(printf '\r')\$" "$T/xl/facilities.csv")" = 2 ] || fail "lines do not end in CRLF"
grep -q ",'=1+2$(printf '\r')\$" "$T/xl/facilities.csv" || fail "formula not neutralised: $(cat "$T/xl/facilities.csv")"
grep -q ",-5,.*,''@x,0$(printf '\r')\$" "$T/xl/people.csv" || fail "number prefixed or quote not doubled: $(cat "$T/xl/people.csv")"
grep -q "^spreadsheet,1,," "$T/xl/manifest.csv" || fail "manifest does not say spreadsheet"
run sxsh --db "$T/b.db" import "$T/xl"
expect_status 0
expect_sql "$T/b.db" "SELECT note FROM facilities" "=1+2"
expect_sql "$T/b.db" "SELECT unit, note FROM people" "-5|'@x"
run sxsh --db "$T/b.db" export "$T/plain"
run sxsh export "$T/plain2"
# The rows were written here by SQL without their keys (columns 6 and 7),
# which import computes: the rest must be identical.
for f in people facilities; do
	cut -d, -f1-5,8- "$T/plain/$f.csv" >"$T/plain/$f.cut"
	cut -d, -f1-5,8- "$T/plain2/$f.csv" >"$T/plain2/$f.cut"
	expect_files_equal "$T/plain/$f.cut" "$T/plain2/$f.cut"
done

case_ "a file saved by Vietnamese Excel: ';', CRLF, Windows-1258, dd/mm/yyyy, decimal comma"
run sxsh init
{
	printf 'uuid;updated_at;origin;deleted;kind;code;title;plan_uuid;start_date;end_date;venue;place_uuid;organiser;trainer;topics;expected\r\n'
	printf '%s;2024-05-01T08:00:00.000Z;lap-x;0;training;;T\342\362p hu\342\354n;;6/5/2024;07/05/2024;H\364\362i tr\375\365\314ng;;;;;30\r\n' "$SES"
} > "$T/sessions.csv"
{
	printf '\357\273\277uuid;updated_at;origin;deleted;plan_uuid;code;label_vi;label_en;measure;target;unit\r\n'
	printf '01900000-0000-7000-8000-0000000000b1;2024-05-01T08:00:00.000Z;lap-x;0;0159522d-0800-7064-8000-005358534864;x;Chỉ tiêu;;x;12,5;%%\r\n'
} > "$T/indicators (2).csv"
run sxsh import "$T/sessions.csv" "$T/indicators (2).csv"
expect_status 0
expect_sql "$SXSH_DB" "SELECT title, venue, start_date, end_date, expected FROM sessions" "Tập huấn|Hội trường|2024-05-06|2024-05-07|30"
expect_sql "$SXSH_DB" "SELECT title = '$(printf 'T\341\272\255p hu\341\272\245n')' FROM sessions" "1"
expect_sql "$SXSH_DB" "SELECT target, typeof(target) FROM indicators WHERE code = 'x'" "12.5|real"

case_ "a tab-separated file and a date that is not a date"
run sxsh init
printf 'uuid\tupdated_at\torigin\tdeleted\tkind\tcode\ttitle\tplan_uuid\tstart_date\tend_date\tvenue\tplace_uuid\torganiser\ttrainer\ttopics\texpected\n%s\t2024-05-01T08:00:00.000Z\tlap-x\t0\ttraining\t\tLớp 1\t\t31/04/2024\t2024-05-01\t\t\t\t\t\t\n' "$SES" > "$T/sessions.csv"
run sxsh import "$T/sessions.csv"
expect_status 1
expect_err "sxsh: $T/sessions.csv:2: start_date: \"31/04/2024\" is not a date (write dd/mm/yyyy or yyyy-mm-dd)
sxsh: nothing was imported; the database is unchanged"
sed -i 's|31/04/2024|30/04/2024|' "$T/sessions.csv"
run sxsh import "$T/sessions.csv"
expect_status 0
expect_sql "$SXSH_DB" "SELECT title, start_date FROM sessions" "Lớp 1|2024-04-30"

case_ "an import killed with SIGKILL leaves the database as before or as after"
run sxsh init
mkdir -p "$T/big"
awk 'BEGIN { print "uuid,updated_at,origin,deleted,full_name,name_key,sort_key,gender,birth_year,ethnicity,phone,unit,position,place_uuid,category,on_roster,facility_uuid,note";
	for (i = 1; i <= 100000; i++)
		printf "01900000-%04x-7%03x-8000-%012x,2024-01-01T00:00:00.000Z,lap-k,0,Người %d,,,,%d,,09%08d,,,,,0,,\n", int(i / 4096), i % 4096, i, i, 1950 + i % 50, i }' > "$T/big/people.csv"
sqlite3 "$SXSH_DB" "INSERT INTO people (uuid, updated_at, origin, full_name) VALUES ('01800000-0000-7000-8000-000000000001', 1, 'x', 'old')"
cp "$SXSH_DB" "$T/template.db"
state() { sqlite3 "$1" "SELECT count(*), max(full_name), (SELECT count(*) FROM history) FROM people"; }
cp "$T/template.db" "$T/after.db"
"$SXSH_BIN" --db "$T/after.db" import "$T/big/people.csv" >/dev/null 2>&1
before=$(state "$T/template.db") after=$(state "$T/after.db")
[ "$after" = "100001|old|0" ] || fail "a full import gives '$after'"
hits=0
for delay in 0.05 0.15 0.3 0.45 0.6 0.8; do
	cp "$T/template.db" "$T/k.db"
	"$SXSH_BIN" --db "$T/k.db" import "$T/big/people.csv" >/dev/null 2>&1 &
	pid=$!
	sleep $delay
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	expect_sql "$T/k.db" "PRAGMA integrity_check" "ok"
	now=$(state "$T/k.db")
	if [ "$now" = "$before" ]; then hits=$((hits + 1)); elif [ "$now" != "$after" ]; then fail "after a kill at ${delay}s: '$now'"; fi
	rm -f "$T/k.db" "$T/k.db-wal" "$T/k.db-shm" "$T"/k.db.import-*
done
[ $hits -gt 0 ] || fail "no kill landed during the import; make the file bigger"

# The bulk merge of an empty table with a natural key; a twin at the end makes it merge the
# table a second time, row by row: a kill in either pass leaves the database as before.
case_ "an import killed during the bulk merge leaves the database as before or as after"
run sxsh init
mkdir -p "$T/big"
sqlite3 "$SXSH_DB" "INSERT INTO sessions (uuid, updated_at, origin, kind, title, start_date, end_date)
  VALUES ('01900000-0000-7000-8000-00000000d001', 1, 'x', 'training', 'Lớp', '2024-01-01', '2024-12-31');
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
  INSERT INTO people (uuid, updated_at, origin, full_name)
  SELECT printf('01900000-0000-7000-8000-%012d', i), 1, 'x', 'Người ' || i FROM n"
awk 'BEGIN { print "uuid,updated_at,origin,deleted,session_uuid,person_uuid,day,present";
	for (i = 0; i < 100800; i++)
		printf "01910000-%04x-7%03x-8000-%012x,2024-01-01T00:00:00.000Z,lap-k,0,01900000-0000-7000-8000-00000000d001,01900000-0000-7000-8000-%012d,2024-%02d-%02d,1\n", int(i / 4096), i % 4096, i, 1 + i % 300, 1 + int(i / 8400), 1 + int(i / 300) % 28;
	print "01920000-0000-7000-8000-000000000001,2024-01-02T00:00:00.000Z,lap-t,0,01900000-0000-7000-8000-00000000d001,01900000-0000-7000-8000-000000000001,2024-01-01,0" }' > "$T/big/attendance.csv"
cp "$SXSH_DB" "$T/template.db"
state() { sqlite3 "$1" "SELECT count(*), sum(present), (SELECT group_concat(reason) FROM history) FROM attendance"; }
cp "$T/template.db" "$T/after.db"
"$SXSH_BIN" --db "$T/after.db" import "$T/big/attendance.csv" >/dev/null 2>&1
before=$(state "$T/template.db") after=$(state "$T/after.db")
[ "$after" = "100800|100799|deleted" ] || fail "a full import gives '$after'"
hits=0
for delay in 0.05 0.2 0.4 0.7 1.0 1.5 2.0; do
	cp "$T/template.db" "$T/k.db"
	"$SXSH_BIN" --db "$T/k.db" import "$T/big/attendance.csv" >/dev/null 2>&1 &
	pid=$!
	sleep $delay
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	expect_sql "$T/k.db" "PRAGMA integrity_check" "ok"
	now=$(state "$T/k.db")
	if [ "$now" = "$before" ]; then hits=$((hits + 1)); elif [ "$now" != "$after" ]; then fail "after a kill at ${delay}s: '$now'"; fi
	rm -f "$T/k.db" "$T/k.db-wal" "$T/k.db-shm" "$T/k.db-journal" "$T"/k.db.import-*
done
[ $hits -gt 0 ] || fail "no kill landed during the import; make the file bigger"

case_ "import: a row the database refuses is named with its file and line"
run sxsh --db "$T/a.db" init
sqlite3 "$T/a.db" "INSERT INTO facilities (uuid, updated_at, origin, name)
  VALUES ('01a22998-0000-7000-8000-000000000001', 1, 'x', 'F');
INSERT INTO assessments (uuid, updated_at, origin, facility_uuid, kind, form_id, form_version,
  status, started_at) VALUES ('01a22998-0000-7000-8000-000000000002', 1, 'x',
  '01a22998-0000-7000-8000-000000000001', 'rapid', 'sxsh_rapid', '1', 'draft', 1)"
run sxsh --db "$T/a.db" export "$T/e"
sed -i 's/,draft,/,weird,/' "$T/e/assessments.csv"
run sxsh --db "$T/b.db" init
run sxsh --db "$T/b.db" import "$T/e/facilities.csv" "$T/e/assessments.csv"
expect_status 1
expect_err "sxsh: $T/b.db: database error: CHECK constraint failed: status IN ('draft', 'complete')
sxsh: $T/e/assessments.csv:2: the database refused this row (see the message above)
sxsh: nothing was imported; the database is unchanged"
expect_sql "$T/b.db" "SELECT count(*) FROM facilities" "0"

case_ "import: places with children before parents (a 3,000-deep chain) merge in linear time"
run sxsh init
mkdir -p "$T/chain"
awk 'BEGIN { print "uuid,updated_at,origin,deleted,code,kind,name,parent_uuid";
	for (i = 3000; i >= 1; i--) {
		p = i == 1 ? "0159522d-0800-7001-8000-005358534801" : sprintf("01900000-0000-7000-8000-%012d", i - 1);
		printf "01900000-0000-7000-8000-%012d,2024-01-01T00:00:00.000Z,crafted,0,,commune,Xã %d,%s\n", i, i, p }
	# and one whose parent never comes
	print "01900000-0000-7000-8000-999999999999,2024-01-01T00:00:00.000Z,crafted,0,,commune,Mồ côi,01900000-0000-7000-8000-888888888888" }' >"$T/chain/places.csv"
# On main this took 72 s (8 s for 1,000 rows): each generation re-read the file.
run timeout 20 "$SXSH_BIN" import "$T/chain/places.csv"
expect_status 0
expect_sql "$SXSH_DB" "SELECT count(*) FROM places WHERE origin = 'crafted'" 3000
expect_sql "$SXSH_DB" "SELECT count(*) FROM places p JOIN places q ON q.uuid = p.parent_uuid WHERE p.origin = 'crafted'" 3000
expect_err_has "places.csv:3002: row rejected:"

case_ "laptop A → B → A with the demo data: 0 conflicts, 0 new history rows, files byte-identical"
SXSH_DB="$T/a.db" sxsh demo >/dev/null || fail "demo failed"
SXSH_DB="$T/a.db" sxsh export "$T/exA" >/dev/null || fail "export A failed"
SXSH_DB="$T/b.db" sxsh init >/dev/null
SXSH_DB="$T/b.db" run sxsh import "$T/exA"
expect_status 0
SXSH_DB="$T/b.db" sxsh export "$T/exB" >/dev/null || fail "export B failed"
for f in "$T"/exA/*.csv; do
	[ "$(basename "$f")" = manifest.csv ] || expect_files_equal "$f" "$T/exB/$(basename "$f")"
done
h0=$(sqlite3 "$T/a.db" "SELECT count(*) FROM history")
SXSH_DB="$T/a.db" run sxsh import "$T/exB"
expect_status 0
# The totals line: table, new, updated, unchanged, conflicting, rejected.
[ "$(echo "$OUT" | awk '$1 == "total" { print $2, $3, $5, $6 }')" = "0 0 0 0" ] ||
	fail "the round trip changed something: $(echo "$OUT" | grep -v ' 0 *0 *[0-9]* *0 *0$')"
expect_sql "$T/a.db" "SELECT count(*) FROM history" "$h0"
# Importing files already merged again: all unchanged.
SXSH_DB="$T/b.db" run sxsh import "$T/exA"
[ "$(echo "$OUT" | awk '$1 == "total" { print $2, $3, $5, $6 }')" = "0 0 0 0" ] ||
	fail "a re-import is not all unchanged: $OUT"

case_ "import recomputes search and sort keys: empty or wrong keys in a file are never trusted"
SXSH_DB="$T/a.db" sxsh init >/dev/null
sqlite3 "$T/a.db" "INSERT INTO people (uuid, updated_at, origin, full_name, name_key, sort_key)
  VALUES ('01900000-0000-7000-8000-0000000000a1', 1700000000000, 'a', 'Nguyễn Thị Hoa', '', 'zzz')"
SXSH_DB="$T/a.db" sxsh export "$T/ex" >/dev/null
run sxsh init
run sxsh import "$T/ex/people.csv"
expect_status 0
expect_sql "$SXSH_DB" "SELECT name_key FROM people" "nguyen thi hoa"
expect_sql "$SXSH_DB" "SELECT sort_key <> 'zzz' AND sort_key LIKE '%Hoa' FROM people" 1
# A newer version with wrong keys replaces the stored row: its keys are computed too.
sqlite3 "$T/a.db" "UPDATE people SET full_name = 'Lò Thị Hoa', name_key = 'x', sort_key = 'yyy',
  updated_at = 1700000000001"
rm -rf "$T/ex"
SXSH_DB="$T/a.db" sxsh export "$T/ex" >/dev/null
run sxsh import "$T/ex/people.csv"
expect_status 0
expect_sql "$SXSH_DB" "SELECT name_key FROM people" "lo thi hoa"
expect_sql "$SXSH_DB" "SELECT sort_key <> 'yyy' AND sort_key LIKE '%Hoa' FROM people" 1

case_ "history.reason does not depend on the order in which folders are imported"
SXSH_DB="$T/base.db" sxsh init >/dev/null
sqlite3 "$T/base.db" "INSERT INTO people (uuid, updated_at, origin, full_name, birth_year)
  VALUES ('01900000-0000-7000-8000-0000000000a1', 1700000000000, 'lap-0', 'Lò Thị Hoa', 1985)"
y=1986
for l in a b c; do
	cp "$T/base.db" "$T/$l.db"
	sqlite3 "$T/$l.db" "UPDATE people SET birth_year = $y, updated_at = 1700000000000 + $y, origin = 'lap-$l'"
	SXSH_DB="$T/$l.db" sxsh export "$T/ex$l" >/dev/null
	y=$((y + 1))
done
want=
for o in "a b c" "a c b" "b a c" "b c a" "c a b" "c b a"; do
	rm -f "$T"/o.db*
	SXSH_DB="$T/o.db" sxsh init >/dev/null
	for l in $o; do SXSH_DB="$T/o.db" sxsh import "$T/ex$l" >/dev/null 2>&1 || fail "import $l failed"; done
	got=$(sqlite3 "$T/o.db" "SELECT group_concat(x, ' ') FROM (SELECT uuid || updated_at || origin || reason || data AS x
	  FROM history ORDER BY 1); SELECT birth_year FROM people")
	[ -n "$want" ] || want=$got
	[ "$got" = "$want" ] || fail "order $o gives another history:
$got
want
$want"
done
