# test_vtrun.sh — the terminal-test driver waits for the child's answer to a key: a
# slow child that redraws a shared title after 0.7 s still passes wait + expect.

case_ "vtrun: a check after a key sees the answer, not the screen being left"
find_vtrun
if [ -z "$vt" ]; then
	fail "no vtrun: run it through 'make cli', which builds the terminal driver"
else
	run "$vt" "$HERE/../tty/driver/slow_answer.vt" -- sh "$HERE/../tty/driver/slow_child.sh"
	expect_status 0
	expect_out_has "ok "
fi

case_ "vtrun: keys counts key presses and maxkeys fails above its bound"
if [ -n "$vt" ]; then
	child="stty -icanon -echo; printf ready; sleep 3"
	run "$vt" "$HERE/../tty/driver/key_count.vt" -- sh -c "$child"
	expect_status 0
	expect_out_has "counted: 7 keys"
	run "$vt" "$HERE/../tty/driver/key_count_over.vt" -- sh -c "$child"
	expect_status 1
	expect_err_has "key_count_over.vt:6: maxkeys 6: 7 keys, more than 6"
fi

case_ "vtrun: keys counts key presses (type, key COUNT, send), keymark resets, maxkeys fails above"
find_vtrun
if [ -z "$vt" ]; then
	fail "no vtrun: run it through 'make cli', which builds the terminal driver"
else
	run "$vt" "$HERE/../tty/driver/keys.vt" -- sh -c 'printf "screen 0\r\n"; sleep 5'
	expect_status 1
	expect_out_has "first: 7 keys"
	expect_out_has "second: 1 keys"
	expect_err_has "keys.vt:12: maxkeys"
fi
