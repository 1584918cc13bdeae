# cli_windows.sh — command-line cases only Windows has (sourced by cli.sh).

case_ "Windows: the default database is in %LOCALAPPDATA%\\sxsh"
unset SXSH_DB
rm -rf "$WIN_USER_DIR/sxsh"
run sxsh init
expect_status 0
expect_out_has 'AppData\Local\sxsh\sxsh.db'
[ -f "$WIN_USER_DIR/sxsh/sxsh.db" ] || fail "no $WIN_USER_DIR/sxsh/sxsh.db"
run sxsh --lang vi report
expect_status 0
expect_out_has "Chương trình hành động quốc gia về sản xuất và tiêu dùng bền vững giai đoạn 2026–2030"
rm -rf "$WIN_USER_DIR/sxsh"

case_ "Windows: --db with a drive, backslashes and Vietnamese folder names"
c=$WINEPREFIX/drive_c
rm -rf "$c/Dữ liệu SXSH"
run sxsh --db 'C:\Dữ liệu SXSH\Sơn La\sxsh.db' init
expect_status 0
expect_out_has 'C:\Dữ liệu SXSH\Sơn La\sxsh.db'
[ -f "$c/Dữ liệu SXSH/Sơn La/sxsh.db" ] || fail "no database in C:\\Dữ liệu SXSH\\Sơn La"
run sxsh --db 'C:\Dữ liệu SXSH\Sơn La\sxsh.db' export 'C:\Dữ liệu SXSH\chuyển'
expect_status 0
[ -f "$c/Dữ liệu SXSH/chuyển/manifest.csv" ] || fail "no manifest in C:\\Dữ liệu SXSH\\chuyển"
rm -rf "$c/Dữ liệu SXSH"

# The same database file and the same CSV on both systems.
NOW=2026-11-29T03:00:00.000Z
case_ "Windows: a database made on Linux opens on Windows with the same report"
SXSH_NOW=$NOW linux_sxsh demo >/dev/null 2>&1 || fail "demo on Linux failed"
SXSH_NOW=$NOW linux_sxsh --lang vi report --format csv > "$T/linux.csv"
SXSH_NOW=$NOW run sxsh --lang vi report --format csv
expect_status 0
printf '%s\n' "$OUT" > "$T/windows.csv"
expect_files_equal "$T/linux.csv" "$T/windows.csv"
code=$(sqlite3 "$SXSH_DB" "SELECT code FROM sessions WHERE deleted = 0 ORDER BY code LIMIT 1")
[ -n "$code" ] || fail "the demo made no session"
SXSH_NOW=$NOW linux_sxsh sheet "$code" --format text > "$T/linux.txt" 2>&1
SXSH_NOW=$NOW sxsh sheet "$code" --format text > "$T/windows.txt" 2>&1
expect_files_equal "$T/linux.txt" "$T/windows.txt"

case_ "Windows: export on Linux, import on Windows, export there, import on Linux"
SXSH_NOW=$NOW linux_sxsh --db "$T/a.db" demo >/dev/null 2>&1 || fail "demo on Linux failed"
linux_sxsh --db "$T/a.db" export "$T/from-linux" >/dev/null || fail "export on Linux failed"
run sxsh --db "$T/w.db" import "$T/from-linux"
expect_status 0
run sxsh --db "$T/w.db" export "$T/from-windows"
expect_status 0
[ -f "$T/from-windows/manifest.csv" ] || fail "no manifest from Windows"
linux_sxsh --db "$T/l.db" import "$T/from-windows" >/dev/null 2>&1 || fail "import on Linux failed"
for db in a w l; do
	SXSH_NOW=$NOW linux_sxsh --db "$T/$db.db" report --format csv > "$T/$db.csv"
done
expect_files_equal "$T/a.csv" "$T/w.csv"
expect_files_equal "$T/a.csv" "$T/l.csv"
# Merging the Windows export back into the Linux original changes nothing.
run linux_sxsh --db "$T/a.db" import --dry-run "$T/from-windows"
expect_status 0
