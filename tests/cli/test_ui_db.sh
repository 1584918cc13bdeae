# test_ui_db.sh — what the interface leaves in the database, driven by the terminal-test
# driver ($VTRUN) and checked with sqlite3.
#  1. Numbers typed the Vietnamese and the English way (tests/tty/numbers_vi.vt and
#     numbers_en.vt) are stored canonical: "25.500" (vi) and "25,500" (en) as 25500,
#     "12,5" (vi) and "12.5" (en) as 12.5, so forms, exports and ODK tools are unaffected.
#  2. Issue 10 §4: a facility note typed while another process holds the write lock (the
#     sqlite3 shell keeps "BEGIN IMMEDIATE;" open, as a long import does) is never shown as
#     saved: the interface says another sxsh is writing, keeps the note, lets the officer go
#     on, refuses to leave the screen without it, and saves it once the lock is released.

find_vtrun

# ui_vt SCRIPT DB — run a terminal script on a database with the case's home folder.
ui_vt() {
	HOME="$T/home" XDG_DATA_HOME="$T/xdg" SXSH_DB="$2" LANG=C.UTF-8 \
		"$vt" "$1" -- "$SXSH_BIN" >"$T/vt.out" 2>&1 </dev/null \
		|| fail "the terminal script $(basename "$1") failed: $(tail -30 "$T/vt.out")"
}

# answer DB NAME — the stored value of an answer of the only assessment.
answer_sql() {
	echo "SELECT value FROM answers WHERE name = '$1' AND deleted = 0"
}

for lang in vi en; do
	case_ "numbers typed the $lang way are stored canonical"
	if [ -z "$vt" ]; then
		fail "no vtrun: run it through 'make cli', which builds the terminal driver"
		continue
	fi
	mkdir -p "$T/home"
	ui_vt "$HERE/../tty/numbers_$lang.vt" "$T/n.db"
	expect_sql "$T/n.db" "$(answer_sql water_m3)" "25500"
	expect_sql "$T/n.db" "$(answer_sql raw_t)" "300"
	expect_sql "$T/n.db" "$(answer_sql raw_price)" "5000000"
	expect_sql "$T/n.db" "$(answer_sql water_price)" "12.5"
	expect_sql "$T/n.db" "$(answer_sql sc_cw_water)" "85"
	expect_sql "$T/n.db" "$(answer_sql v_cw_water)" "above"
done

# wait_file FILE — up to 20 s for the terminal script to write FILE.
wait_file() {
	n=0
	while [ ! -f "$1" ] && [ $n -lt 200 ]; do
		sleep 0.1
		n=$((n + 1))
	done
	[ -f "$1" ]
}

# locked_vt SCRIPT DB SQL — run a terminal script that writes $T/ready.txt when it is about to
# type, then $T/busy.txt once the interface has said it could not save; between the two a
# second process (the sqlite3 shell) holds the write lock with BEGIN IMMEDIATE, as a long
# import does.  SQL, asked while the lock is held, must find nothing of what was typed.
locked_vt() {
	HOME="$T/home" XDG_DATA_HOME="$T/xdg" SXSH_DB="$2" LANG=C.UTF-8 \
		"$vt" "$1" -- "$SXSH_BIN" >"$T/vt.out" 2>&1 </dev/null &
	vtpid=$!
	if wait_file "$T/ready.txt"; then
		rm -f "$T/sql"
		mkfifo "$T/sql"
		sqlite3 "$2" <"$T/sql" >"$T/holder.out" 2>&1 &
		sqlpid=$!
		exec 3>"$T/sql"
		echo "PRAGMA busy_timeout = 5000; BEGIN IMMEDIATE; SELECT 'locked';" >&3
		n=0
		while ! grep -q locked "$T/holder.out" 2>/dev/null && [ $n -lt 50 ]; do
			sleep 0.1
			n=$((n + 1))
		done
		grep -q locked "$T/holder.out" || fail "the sqlite3 shell did not get the write lock"
		wait_file "$T/busy.txt" || fail "the interface never said the change was not saved yet"
		got=$(sqlite3 "$2" "$3")
		[ -z "$got" ] || fail "what was typed was in the database while the lock was held: $got"
		echo "COMMIT;" >&3
		exec 3>&-
		wait "$sqlpid"
	fi
	wait "$vtpid" || fail "the terminal script failed: $(tail -30 "$T/vt.out")"
}

case_ "a note typed while another sxsh holds the write lock is kept and saved afterwards"
if [ -z "$vt" ]; then
	fail "no vtrun: run it through 'make cli', which builds the terminal driver"
elif ! command -v sqlite3 >/dev/null 2>&1; then
	fail "no sqlite3 shell to hold the lock (install sqlite3, see .ci/deps)"
else
	mkdir -p "$T/home"
	cat >"$T/lock.vt" <<VT
#! args: --lang en
#! timeout: 8000
wait 1/3
key Down
key Enter
wait 2/3
type Cầm Thị Hoa\n
wait 3/3
key Enter
wait What would you like to do?
key Down
attr reverse Facilities
key Enter
wait Search:
type Xưởng chè Tà Xùa
key F2
wait New facility
key Down 12
attr bold Notes
# The other process takes the write lock now (the shell below waits for this file).
screenshot $T/ready.txt
sleep 2000
type Đã lắp đồng hồ nước
key Up
# Not shown as saved: said so, kept on screen, and the officer goes on.
wait Not saved yet: another sxsh is writing
expect Đã lắp đồng hồ nước
expectnot database is locked
type Qua hội thảo
key Up
attr bold Informed of CP on (date)
# Leaving the screen (or sxsh) is refused while the change waits.
key Esc
wait Work on; it is saved when it can.
expect Đã lắp đồng hồ nước
key F10
wait F10 again leaves without it
# The other process releases the lock (the shell waits for this file).
screenshot $T/busy.txt
wait Saved: the other sxsh has finished writing.
waitnot Not saved yet
key Esc
wait Search:
key F10
exit 0
VT
	locked_vt "$T/lock.vt" "$T/l.db" "SELECT coalesce(note, '') FROM facilities"
	expect_sql "$T/l.db" "SELECT note FROM facilities WHERE name = 'Xưởng chè Tà Xùa'" "Đã lắp đồng hồ nước"
	expect_sql "$T/l.db" "SELECT informed_reason FROM facilities" "Qua hội thảo"
fi

case_ "an answer typed in the walkthrough while another sxsh holds the write lock is saved afterwards"
if [ -z "$vt" ]; then
	fail "no vtrun: run it through 'make cli', which builds the terminal driver"
elif ! command -v sqlite3 >/dev/null 2>&1; then
	fail "no sqlite3 shell to hold the lock (install sqlite3, see .ci/deps)"
else
	mkdir -p "$T/home"
	cat >"$T/walk.vt" <<VT
#! args: --lang en
#! timeout: 8000
wait 1/3
key Down
key Enter
wait 2/3
type Cầm Thị Hoa\n
wait 3/3
key Enter
wait What would you like to do?
key Enter
wait No assessment yet
key F2
wait Search:
type Xưởng chè Tà Xùa
key F2
wait New facility
key Esc
wait Search:
key Enter
wait Which form?
key Enter
wait A. General information — facility
# A new assessment opens at the first question the facility record left open.
wait > Owner / legal representative
screenshot $T/ready.txt
sleep 2000
type Lò Văn Tâm
key Enter
# Not shown as saved: said so, and the officer goes on to the next question.
wait Not saved yet: another sxsh is writing
wait > * Legal form
expectnot database is locked
key Esc
wait Work on; it is saved when it can.
screenshot $T/busy.txt
wait Saved: the other sxsh has finished writing.
key Esc
wait Everything is saved
key F10
exit 0
VT
	locked_vt "$T/walk.vt" "$T/w.db" "SELECT value FROM answers WHERE name = 'owner_name'"
	expect_sql "$T/w.db" "SELECT value FROM answers WHERE name = 'owner_name' AND deleted = 0" "Lò Văn Tâm"
fi
