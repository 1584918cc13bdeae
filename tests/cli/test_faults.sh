# test_faults.sh — faults around import and export: a file size limit (as a full disk
# does), a held lock, an interrupted export, folders that are links or someone else's.

# big_db DB — a database with the demo data.
big_db() {
	SXSH_DB="$1" "$SXSH_BIN" demo >/dev/null 2>&1 || fail "demo failed"
}

case_ "ulimit -f: export says which file could not be written and leaves nothing behind"
big_db "$SXSH_DB"
(ulimit -f 400; "$SXSH_BIN" export "$T/ex" >"$T/out" 2>"$T/err"; echo $? >"$T/status")
[ "$(cat "$T/status")" = 1 ] || fail "export exit status $(cat "$T/status"), want 1 (killed by SIGXFSZ on main)"
grep -q "\.csv: cannot write: File too large" "$T/err" || fail "stderr: $(cat "$T/err")"
[ -z "$(ls -A "$T/ex" 2>/dev/null)" ] || fail "left behind: $(ls -A "$T/ex")"

case_ "ulimit -f: import says the database cannot grow, blames no row, and changes nothing"
big_db "$T/a.db"
SXSH_DB="$T/a.db" "$SXSH_BIN" export "$T/ex" >/dev/null || fail "export failed"
run sxsh init
(ulimit -f 300; "$SXSH_BIN" import "$T/ex" >"$T/out" 2>"$T/err"; echo $? >"$T/status")
[ "$(cat "$T/status")" = 1 ] || fail "import exit status $(cat "$T/status"), want 1"
grep -q "the database cannot grow (.*): the disk is full or a file size limit was reached; free space and try again" "$T/err" ||
	fail "stderr: $(cat "$T/err")"
grep -q "\.csv:[0-9]*:\|cannot rollback" "$T/err" && fail "blames a row or the rollback: $(cat "$T/err")"
expect_sql "$SXSH_DB" "SELECT count(*) FROM facilities" 0

case_ "export removes temporary folders that an interrupted export left, and its own on Ctrl-C"
big_db "$SXSH_DB"
mkdir -p "$T/ex/.sxsh-export-tmp-AbC123" "$T/ex/.sxsh-export-tmp-999999-xYz"
echo x >"$T/ex/.sxsh-export-tmp-AbC123/people.csv"
run sxsh export "$T/ex"
expect_status 0
[ -z "$(ls -A "$T/ex" | grep sxsh-export-tmp)" ] || fail "left over: $(ls -A "$T/ex" | grep sxsh-export-tmp)"
# Ctrl-C while the files are written: SIGINT as soon as the temporary folder exists.
sqlite3 "$SXSH_DB" "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 200000)
  INSERT INTO people (uuid, updated_at, origin, full_name) SELECT printf('01900000-0000-7000-8000-%012d', i),
  1700000000000, 'x', 'Người ' || i FROM r"
"$SXSH_BIN" export "$T/ex2" >/dev/null 2>&1 &
pid=$!
n=0
while [ -z "$(ls -A "$T/ex2" 2>/dev/null | grep sxsh-export-tmp)" ] && [ $n -lt 500 ]; do sleep 0.01; n=$((n + 1)); done
kill -INT $pid
wait $pid
st=$?
[ "$st" = 130 ] || fail "exit status $st after SIGINT, want 130"
[ -z "$(ls -A "$T/ex2" 2>/dev/null)" ] || fail "left after Ctrl-C: $(ls -A "$T/ex2")"

case_ "export refuses a folder that is a symbolic link or belongs to someone else"
run sxsh init
mkdir -p "$T/real" "$T/theirs"
ln -s "$T/real" "$T/link"
run sxsh export "$T/link"
expect_status 1
expect_err_has "$T/link: is a symbolic link; the export holds personal data"
[ -z "$(ls -A "$T/real")" ] || fail "wrote through the link"
chown 65534 "$T/theirs" 2>/dev/null || fail "cannot give the folder away for the test"
run sxsh export "$T/theirs"
expect_status 1
expect_err_has "$T/theirs: belongs to another user, who could read or replace the exported files"

case_ "a held lock: import says another sxsh is writing, after 10 s"
big_db "$T/a.db"
SXSH_DB="$T/a.db" "$SXSH_BIN" export "$T/ex" >/dev/null
run sxsh init
# The holder keeps the lock until the import has answered (at most 60 s).  It
# waits for the lock itself (.timeout) when the probe below has it for a moment.
{
	echo ".timeout 10000"
	echo "BEGIN IMMEDIATE;"
	j=0
	while [ ! -f "$T/answered" ] && [ "$j" -lt 300 ]; do sleep 0.2; j=$((j + 1)); done
	echo "COMMIT;"
} | sqlite3 "$SXSH_DB" &
holder=$!
# Wait until the holder really holds the write lock (a loaded machine may take
# seconds to start it): a second writer that does not wait is refused then.
i=0
while sqlite3 "$SXSH_DB" "BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1 && [ "$i" -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
run sxsh import "$T/ex"
touch "$T/answered"
expect_status 1
expect_err_has "another sxsh is writing to this database and did not finish within 10 seconds; try again when it has finished"
wait $holder
