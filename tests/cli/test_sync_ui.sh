# test_sync_ui.sh — Sync in the UI across two databases, driven by the terminal-test driver
# ($VTRUN): tests/tty/sync_export.vt adds a facility and exports ~/usb/sxsh from database A;
# a script written here imports that folder into database B (it needs the folder, so it
# cannot run alone in tests/tty): the dry run's counts on screen, nothing written before the
# answer, then y; sqlite3 checks that the rows arrived.  Then a truncated file is refused.

find_vtrun

# sync_vt SCRIPT DB — run a terminal script on a database with the case's home folder.
sync_vt() {
	HOME="$T/home" XDG_DATA_HOME="$T/xdg" SXSH_DB="$2" LANG=C.UTF-8 \
		"$vt" "$1" -- "$SXSH_BIN" >"$T/vt.out" 2>&1 </dev/null \
		|| fail "the terminal script $(basename "$1") failed: $(tail -30 "$T/vt.out")"
}

case_ "sync UI: export from one laptop, dry run, confirm and import on another"
if [ -z "$vt" ]; then
	fail "no vtrun: run it through 'make cli', which builds the terminal driver"
else
	mkdir -p "$T/home"
	sync_vt "$HERE/../tty/sync_export.vt" "$T/a.db"
	expect_sql "$T/a.db" "SELECT value FROM settings WHERE key = 'sync_export_dir'" "~/usb/sxsh"
	[ -f "$T/home/usb/sxsh/manifest.csv" ] || fail "no manifest in ~/usb/sxsh"
	expect_mode "$T/home/usb/sxsh/facilities.csv" 600
	# The dry run on database B: the counts on screen, then n, and nothing is written.
	cat >"$T/dry.vt" <<'VT'
#! args: --lang en
wait 1/3
key Down
key Enter
wait 2/3
type Cầm Thị Hoa\n
wait 3/3
key Enter
wait What would you like to do?
key Down 3
attr reverse Sync with other laptops (CSV)
key Enter
wait — Sync with other laptops (CSV)
key Up
type ~/usb/sxsh
key Enter
wait Dry run — what the import would do (nothing is written yet):
row 10 Places                     0           0         288           0           0
row 11 Facilities                 1           0           0           0           0
row 21 Import these rows into this laptop's database? y = yes, n or Esc = no
type n
wait Nothing was imported.
key Esc
wait What would you like to do?
key q
exit 0
VT
	sync_vt "$T/dry.vt" "$T/b.db"
	expect_sql "$T/b.db" "SELECT count(*) FROM facilities" "0"
	# Again (the folder is remembered), and y.
	cat >"$T/import.vt" <<'VT'
#! args: --lang en
wait What would you like to do?
key Down 3
key Enter
wait — Sync with other laptops (CSV)
key Up
row 6 > Folder or files:   ~/usb/sxsh
key Enter
wait y = yes, n or Esc = no
type y
wait Imported
row 11 Facilities                 1           0           0           0           0
expect F3 shows it.
key F3
wait — Import report
expect sxsh import report
key Esc
wait Imported
key Esc
wait What would you like to do?
key q
exit 0
VT
	sync_vt "$T/import.vt" "$T/b.db"
	expect_sql "$T/b.db" "SELECT name FROM facilities WHERE deleted = 0" "Cơ sở chế biến sắn Nà Ớt"
	ua=$(sqlite3 "$T/a.db" "SELECT uuid || updated_at || origin FROM facilities")
	expect_sql "$T/b.db" "SELECT uuid || updated_at || origin FROM facilities" "$ua"
	expect_sql "$T/b.db" "SELECT value FROM settings WHERE key = 'sync_import_path'" "~/usb/sxsh"
	ls "$T"/b.db.import-*.txt >/dev/null 2>&1 || fail "no import report beside database B"

	# A file cut short on the way: refused in plain words, the database unchanged.
	head -c 100 "$T/home/usb/sxsh/facilities.csv" >"$T/cut" && cat "$T/cut" >"$T/home/usb/sxsh/facilities.csv"
	cat >"$T/cut.vt" <<'VT'
#! args: --lang en
wait What would you like to do?
key Down 3
key Enter
wait — Sync with other laptops (CSV)
key Up
row 6 > Folder or files:   ~/usb/sxsh
key Enter
wait Nothing was imported; the database is unchanged.
expect this file was changed after it was exported
key Esc
wait What would you like to do?
key q
exit 0
VT
	sync_vt "$T/cut.vt" "$T/b.db"
	expect_sql "$T/b.db" "SELECT count(*) FROM facilities" "1"
fi
