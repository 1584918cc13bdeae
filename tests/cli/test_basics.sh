# test_basics.sh — options, help, version, usage errors, init.

case_ "help lists only working commands"
run sxsh --help
expect_status 0
expect_out_has "Usage: sxsh [--db PATH] [--lang vi|en] [COMMAND [ARGUMENTS]]"
expect_out_has "  init "
expect_out_has "Exit status: 0 success, 1 failure, 2 usage error."

case_ "help in Vietnamese with --lang vi"
run sxsh --lang vi --help
expect_status 0
expect_out_has "Cách dùng: sxsh"
expect_out_has "tạo cơ sở dữ liệu"

case_ "Vietnamese from LANGUAGE=vi under C.UTF-8"
LANGUAGE=vi run sxsh --help
expect_out_has "Các lệnh:"

case_ "Vietnamese even when LANG names a missing locale"
LANG=vi_VN.UTF-8 LANGUAGE=vi run sxsh --help
expect_out_has "Tuỳ chọn:"

case_ "Vietnamese is the default when the environment says nothing"
env -u LANGUAGE LANG=C.UTF-8 "$SXSH_BIN" nosuch >"$T/out" 2>"$T/err"; STATUS=$?; ERR=$(cat "$T/err")
expect_status 2
expect_err "sxsh: không có lệnh 'nosuch'
Gõ 'sxsh --help' để xem các lệnh và tuỳ chọn."

case_ "English from an English locale"
env -u LANGUAGE LANG=en_US.UTF-8 "$SXSH_BIN" nosuch >"$T/out" 2>"$T/err"; STATUS=$?; ERR=$(cat "$T/err")
expect_err_has "unknown command 'nosuch'"

case_ "version"
run sxsh --version
expect_status 0
expect_out "sxsh 0.1.0"

case_ "unknown command is a usage error"
run sxsh nosuch
expect_status 2
expect_err "sxsh: unknown command 'nosuch'
Try 'sxsh --help' for the commands and options."

case_ "unknown option is a usage error"
run sxsh --frobnicate init
expect_status 2
expect_err "sxsh: unknown option '--frobnicate'
Try 'sxsh --help' for the commands and options."

case_ "option without its value"
run sxsh --db
expect_status 2
expect_err "sxsh: option '--db' needs a value
Try 'sxsh --help' for the commands and options."

case_ "unknown language"
run sxsh --lang fr init
expect_status 2
expect_err "sxsh: unknown language 'fr': use vi or en
Try 'sxsh --help' for the commands and options."

case_ "init takes no arguments"
run sxsh init extra
expect_status 2
expect_err "sxsh: 'init' takes no arguments (got 'extra')
Try 'sxsh --help' for the commands and options."

case_ "init creates a private database, twice is harmless"
run sxsh --db "$T/new/x.db" init
expect_status 0
expect_out_has "Created the database $T/new/x.db (installation "
expect_mode "$T/new/x.db" 600
expect_mode "$T/new" 700
expect_sql "$T/new/x.db" "PRAGMA integrity_check" "ok"
expect_sql "$T/new/x.db" "PRAGMA journal_mode" "wal"
expect_sql "$T/new/x.db" "PRAGMA user_version" "9"
expect_sql "$T/new/x.db" "SELECT count(*) FROM places WHERE kind IN ('city','district')" "12"
expect_sql "$T/new/x.db" "SELECT name FROM places WHERE code = '125'" "Mai Sơn"
# Sơn La 2016–2020 (4) and Decision 889/QĐ-TTg, 2021–2025 and 2026–2030 (6 each).
expect_sql "$T/new/x.db" "SELECT count(*) FROM indicators" "16"
# NQ 1681/NQ-UBTVQH15: 75 units from 1/7/2025 (67 xã, 8 phường), 200 before it.
expect_sql "$T/new/x.db" "SELECT count(*) FROM places WHERE valid_from = '2025-07-01'" "75"
expect_sql "$T/new/x.db" "SELECT count(*) FROM places WHERE kind = 'ward' AND valid_from = '2025-07-01'" "8"
expect_sql "$T/new/x.db" "SELECT count(*) FROM places WHERE kind IN ('commune', 'ward', 'township') AND valid_to = '2025-06-30'" "200"
expect_sql "$T/new/x.db" "SELECT n.name FROM places o JOIN places n ON n.uuid = o.successor_uuid WHERE o.name = 'Xã Chiềng Xuân'" "Xã Chiềng Sơn"
id=$(sqlite3 "$T/new/x.db" "SELECT value FROM meta WHERE key = 'installation_id'")
run sxsh --db "$T/new/x.db" init
expect_status 0
expect_out "The database $T/new/x.db is ready (installation $id)."
expect_sql "$T/new/x.db" "SELECT count(*) FROM places" "288"

case_ "installation id is a UUID version 7"
run sxsh init
id=$(sqlite3 "$SXSH_DB" "SELECT value FROM meta WHERE key = 'installation_id'")
case "$id" in
????????-????-7???-[89ab]???-????????????) ;;
*) fail "installation id '$id' is not a UUIDv7" ;;
esac

case_ "SXSH_DB chooses the database; --db wins over it"
run sxsh init
expect_out_has "Created the database $T/sxsh.db"
run sxsh --db "$T/other.db" init
expect_out_has "Created the database $T/other.db"

case_ "default database under XDG_DATA_HOME, else HOME"
unset SXSH_DB
run sxsh init
expect_out_has "Created the database $T/xdg/sxsh/sxsh.db"
expect_mode "$T/xdg/sxsh" 700
unset XDG_DATA_HOME
run sxsh init
expect_out_has "Created the database $T/home/.local/share/sxsh/sxsh.db"

case_ "a file that is not a database is refused"
echo "hello" > "$T/notes.txt"
run sxsh --db "$T/notes.txt" init
expect_status 1
expect_err "sxsh: $T/notes.txt: not an sxsh database (file is not a database); give another file with --db"

case_ "another program's SQLite database is refused"
sqlite3 "$T/other.db" "CREATE TABLE t(x)"
run sxsh --db "$T/other.db" init
expect_status 1
expect_err "sxsh: $T/other.db: not an sxsh database; give another file with --db"

case_ "a database from a newer sxsh is refused"
run sxsh init
sqlite3 "$SXSH_DB" "PRAGMA user_version = 99"
run sxsh init
expect_status 1
expect_err "sxsh: $SXSH_DB: made by a newer sxsh (schema 99; this one knows 9): install the newer sxsh"

case_ "an unwritable folder gives a clear error"
mkdir -p "$T/ro" && chmod 500 "$T/ro"
if [ "$(id -u)" = 0 ]; then
	# root writes anywhere; use a path under a file instead
	touch "$T/notes"
	run sxsh --db "$T/notes/x.db" init
	expect_status 1
	expect_err "sxsh: $T/notes: exists but is not a folder; choose another path"
else
	run sxsh --db "$T/ro/sub/x.db" init
	expect_status 1
	expect_err "sxsh: $T/ro/sub: cannot create folder: Permission denied"
fi

case_ "the language chosen with --lang is remembered"
run sxsh --lang en init
env -u LANGUAGE LANG=C.UTF-8 "$SXSH_BIN" init >"$T/out" 2>&1
OUT=$(cat "$T/out")
expect_out_has "is ready"
expect_sql "$SXSH_DB" "SELECT value FROM settings WHERE key = 'language'" "en"

case_ "without a terminal the interface explains what to do"
run sxsh
expect_status 1
expect_err "sxsh: the interface needs a terminal; for scripts use a command (see 'sxsh --help')"
