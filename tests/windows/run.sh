#!/bin/sh
# run.sh DIR — `make windows-check`: the Windows build (DIR/sxsh-windows.zip,
# unpacked as a user would) under wine.  Installs wine when it is missing (as
# root on Debian).  Runs the command-line suite tests/cli/ against sxsh.exe,
# the Windows-only cases in cli.sh, and the terminal test tty.sh in a tmux pane.
# Ends with "windows: N passed, N failed".
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DIR=$(cd "$1" && pwd)

if ! command -v wine >/dev/null || ! command -v tmux >/dev/null || ! command -v unzip >/dev/null; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo "windows-check: installing wine and tmux"
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends wine wine64 tmux unzip >/dev/null ||
			{ echo "windows-check: apt-get install wine failed"; exit 1; }
	else
		echo "windows-check: needs wine, tmux and unzip: sudo apt-get install wine wine64 tmux unzip"
		exit 1
	fi
fi

# The zip, unpacked into a fresh folder: what a user gets.
APP=$DIR/check/app
rm -rf "$DIR/check" && mkdir -p "$APP"
(cd "$APP" && unzip -q "$DIR/sxsh-windows.zip") || { echo "windows-check: cannot unzip"; exit 1; }
EXE=$APP/sxsh/sxsh.exe
export WINEPREFIX="$DIR/check/wineprefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
# One prefix and one wine server for the whole run (creating a prefix takes a while).
wine cmd /c exit >/dev/null 2>&1
wineserver -p 600
WIN_USER_DIR=$(ls -d "$WINEPREFIX"/drive_c/users/*/AppData/Local 2>/dev/null | grep -v /Public/ | head -1)
export EXE WIN_USER_DIR ROOT

passed=0 failed=0
for part in cli tty; do
	out=$(sh "$HERE/$part.sh" 2>&1)
	echo "$out"
	line=$(printf '%s\n' "$out" | grep -E '^[a-z-]+: [0-9]+ passed, [0-9]+ failed$' | tail -1)
	p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')
	f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed/\1/')
	[ -n "$line" ] || { p=0; f=1; echo "FAIL: $part.sh ended without a summary"; }
	passed=$((passed + p)) failed=$((failed + f))
done
wineserver -k 2>/dev/null
echo "windows: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
