# test_dupes.sh — sxsh dupes (the likely duplicate pairs, tab-separated), and what
# tests/tty/dupes.vt leaves in the database after merging a pair through the real UI.

# Rows as a merge of two laptops leaves them: name_key as sxsh folds it, sort_key in
# Vietnamese order (here the folded name, which orders these names alike).
dupes_rows() {
	sqlite3 "$SXSH_DB" "
	INSERT INTO people (uuid, updated_at, origin, full_name, name_key, sort_key, birth_year, phone)
	VALUES ('00000000-0000-7000-8000-000000000001', 1, 'a', 'Nguyễn Văn An', 'nguyen van an', 'nguyen van an 1', 1985, NULL),
	       ('00000000-0000-7000-8000-000000000002', 1, 'b', 'NGUYEN VAN AN', 'nguyen van an', 'nguyen van an 2', 1985, NULL),
	       ('00000000-0000-7000-8000-000000000003', 1, 'b', 'Nguyễn Văn An', 'nguyen van an', 'nguyen van an 1', 1990, NULL),
	       ('00000000-0000-7000-8000-000000000004', 1, 'a', 'Lò Thị Mai', 'lo thi mai', 'lo thi mai', NULL, '+84 912 345 678'),
	       ('00000000-0000-7000-8000-000000000005', 1, 'b', 'Lò Thị Mai', 'lo thi mai', 'lo thi mai', NULL, '0912.345.678'),
	       ('00000000-0000-7000-8000-000000000006', 1, 'b', 'Cầm Văn Hùng', 'cam van hung', 'cam van hung', 1970, NULL);
	INSERT INTO people (uuid, updated_at, origin, deleted, full_name, name_key, sort_key, birth_year)
	VALUES ('00000000-0000-7000-8000-000000000007', 1, 'a', 1, 'Cầm Văn Hùng', 'cam van hung', 'cam van hung', 1970);
	INSERT INTO facilities (uuid, updated_at, origin, name, name_key, sort_key, place_uuid)
	SELECT '00000000-0000-7000-8000-00000000000' || n, 1, 'a', 'Xưởng sắn Nà Ớt', 'xuong san na ot',
	       'xuong san na ot', (SELECT uuid FROM places WHERE name = 'Mai Sơn')
	FROM (SELECT 8 AS n UNION ALL SELECT 9);"
}

case_ "dupes: pairs of people (same name and year or phone) and facilities (same place)"
run sxsh init
dupes_rows
run sxsh dupes
expect_status 0
expect_err ""
tab=$(printf '\t')
expect_out "person${tab}00000000-0000-7000-8000-000000000004${tab}Lò Thị Mai${tab}00000000-0000-7000-8000-000000000005${tab}Lò Thị Mai${tab}phone${tab}0912345678
person${tab}00000000-0000-7000-8000-000000000001${tab}Nguyễn Văn An${tab}00000000-0000-7000-8000-000000000002${tab}NGUYEN VAN AN${tab}birth_year${tab}1985
facility${tab}00000000-0000-7000-8000-000000000008${tab}Xưởng sắn Nà Ớt${tab}00000000-0000-7000-8000-000000000009${tab}Xưởng sắn Nà Ớt${tab}place${tab}Mai Sơn"

case_ "dupes: a pair marked 'not a duplicate' is not listed; nothing listed prints nothing"
run sxsh init
dupes_rows
sqlite3 "$SXSH_DB" "INSERT INTO dupe_ignored VALUES ('00000000-0000-7000-8000-000000000004',
	'00000000-0000-7000-8000-000000000005'); DELETE FROM facilities;"
run sxsh dupes
expect_status 0
expect_out "person${tab}00000000-0000-7000-8000-000000000001${tab}Nguyễn Văn An${tab}00000000-0000-7000-8000-000000000002${tab}NGUYEN VAN AN${tab}birth_year${tab}1985"
sqlite3 "$SXSH_DB" "DELETE FROM people"
run sxsh dupes
expect_status 0
expect_out ""

case_ "dupes: takes no arguments"
run sxsh dupes --all
expect_status 2
expect_err "sxsh: 'dupes' takes no arguments (got '--all')
Try 'sxsh --help' for the commands and options."

case_ "dupes UI: a pair merged and a pair set aside reach the database"
find_vtrun
if [ -z "$vt" ]; then
	fail "no vtrun: run it through 'make cli', which builds the terminal driver"
else
	mkdir -p "$T/home"
	HOME="$T/home" XDG_DATA_HOME="$T/xdg" LANG=C.UTF-8 \
		"$vt" "$HERE/../tty/dupes.vt" -- "$SXSH_BIN" >"$T/vt.out" 2>&1 </dev/null \
		|| fail "the terminal script failed: $(tail -5 "$T/vt.out")"
	db=$SXSH_DB
	# One person left, with accents, holding the other's phone; the other a tombstone
	# made on this laptop, newer than the version it replaced (kept in the history).
	expect_sql "$db" "SELECT full_name, coalesce(phone, '') FROM people WHERE deleted = 0" \
		"Nguyễn Văn An|0912345678"
	expect_sql "$db" "SELECT p.full_name FROM people p, meta m WHERE p.deleted = 1
		AND p.origin = m.value AND m.key = 'installation_id'" "NGUYEN VAN AN"
	expect_sql "$db" "SELECT count(*) FROM history h JOIN people p ON p.uuid = h.uuid
		WHERE h.tbl = 'people' AND p.deleted = 1 AND h.deleted = 0
		AND json_extract(h.data, '\$.phone') = '0912345678' AND h.updated_at < p.updated_at" "1"
	# The facilities stay two records, remembered as different.
	expect_sql "$db" "SELECT count(*) FROM facilities WHERE deleted = 0" "2"
	expect_sql "$db" "SELECT count(*) FROM dupe_ignored d JOIN facilities a ON a.uuid = d.a
		JOIN facilities b ON b.uuid = d.b WHERE d.a < d.b" "1"
	run sxsh dupes
	expect_status 0
	expect_out ""
fi
