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
