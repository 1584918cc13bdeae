#!/bin/sh
# tty.sh — the terminal test under wine: sxsh.exe in an 80x24 tmux pane, with
# TERM of a Unix terminal in its environment (sxsh must pick the Windows console
# driver itself), driven with send-keys and read back with capture-pane: the
# first run in Vietnamese, the main menu, the facility list, a Vietnamese name
# typed into a search field, the walkthrough's first screen, and the answers
# found in the database afterwards.
# Needs EXE and WINEPREFIX from run.sh.  Ends with "windows-tty: N passed, N failed".
set -u
WORK=$(mktemp -d /tmp/sxsh-wintty.XXXXXX)
SOCK=sxsh-wintty-$$-0
RUNS=0
TIMEOUT=${WIN_TTY_TIMEOUT:-90}
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$WORK"' EXIT INT TERM
passed=0 failed=0
DB=$WORK/sxsh.db

screen() { tmux -L "$SOCK" capture-pane -p -t sxsh; }
keys() { tmux -L "$SOCK" send-keys -t sxsh "$@"; }
# wait_for TEXT — until TEXT is on the screen (counts one check).
wait_for() {
	i=0
	while [ $i -lt $((TIMEOUT * 5)) ]; do
		if screen | grep -qF -- "$1"; then
			passed=$((passed + 1))
			return 0
		fi
		sleep 0.2
		i=$((i + 1))
	done
	failed=$((failed + 1))
	echo "FAIL: '$1' did not appear; the screen:"
	screen | sed 's/^/  |/'
	return 1
}
# row N TEXT — screen row N (from 0) contains TEXT.
row() {
	if screen | sed -n "$(($1 + 1))p" | grep -qF -- "$2"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL: row $1 lacks '$2': $(screen | sed -n "$(($1 + 1))p")"
	fi
}

# start — sxsh.exe in a new tmux server (a fresh one each time: no races with
# the previous one shutting down).
start() {
	tmux -L "$SOCK" kill-server 2>/dev/null
	RUNS=$((RUNS + 1))
	SOCK=sxsh-wintty-$$-$RUNS
	tmux -L "$SOCK" -f /dev/null new-session -d -s sxsh -x 80 -y 24 \
		"env TERM=xterm-256color LANG=C.UTF-8 SXSH_DB='$DB' wine '$EXE' --lang vi; sleep 30"
}

start
if wait_for "Chào mừng đến với sxsh"; then
	row 5 "1/3  Ngôn ngữ — Language"
	row 23 "Enter tiếp  Esc quay lại  F1 trợ giúp  F10 thoát"
	keys Enter
	wait_for "2/3  Họ và tên của bạn"
	keys -l "Nguyễn Thị Hoà"
	wait_for "Nguyễn Thị Hoà"
	keys Enter
	wait_for "3/3  Xã, phường nơi bạn công tác (hoặc văn phòng tỉnh)"
	wait_for "Phường Tô Hiệu"
	for i in 1 2 3 4 5 6; do keys Down; done
	keys Enter
	wait_for "Trình đơn chính"
	row 0 "Nguyễn Thị Hoà"
	# The first item: assessments, then a new one through the facility search.
	keys Enter
	wait_for "Chưa có phiếu đánh giá nào"
	keys F2
	wait_for "Tìm:"
	keys -l "HTX Cà phê Hát Lót"
	wait_for "HTX Cà phê Hát Lót"
	keys F2
	wait_for "Cơ sở mới"
	keys Escape
	wait_for "Tìm:"
	keys Enter
	wait_for "Dùng biểu mẫu nào?"
	keys Enter
	wait_for "A. Thông tin chung — cơ sở"
	row 4 "HTX Cà phê Hát Lót"
	keys F10
	sleep 3
fi
tmux -L "$SOCK" kill-server 2>/dev/null

# What the interface saved is in the database, in Vietnamese.
got=$(sqlite3 "$DB" "SELECT name FROM facilities WHERE deleted = 0" 2>&1)
if [ "$got" = "HTX Cà phê Hát Lót" ]; then passed=$((passed + 1)); else
	failed=$((failed + 1)); echo "FAIL: facilities hold '$got'"; fi
got=$(sqlite3 "$DB" "SELECT count(*) FROM settings WHERE value = 'Nguyễn Thị Hoà'" 2>&1)
if [ "$got" = 1 ]; then passed=$((passed + 1)); else
	failed=$((failed + 1)); echo "FAIL: the officer's name is not saved ($got)"; fi

# The second start goes straight to the main menu.
start
wait_for "Trình đơn chính"
row 0 "Nguyễn Thị Hoà"
keys q
sleep 2
echo "windows-tty: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
