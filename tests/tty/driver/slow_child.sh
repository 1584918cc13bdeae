#!/bin/sh
# slow_child.sh — a stand-in for a slow program (a sanitizer build on a loaded machine):
# it shows a title, and after each key it waits, then redraws the same title with a new
# line under it.  A check after the key must see the new line, not the screen it left.
stty -icanon -echo 2>/dev/null   # before the first screen: no key may be echoed
printf '\033[2J\033[HHTX Ca phe Hat Lot\r\nscreen 0\r\n'
n=0
while [ $n -lt 3 ]; do
	dd bs=1 count=1 2>/dev/null >/dev/null
	n=$((n + 1))
	sleep 0.7
	printf '\033[2J\033[HHTX Ca phe Hat Lot\r\nscreen %d\r\n' $n
done
sleep 5
