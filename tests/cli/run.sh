#!/bin/sh
# run.sh — the command-line tests: every tests/cli/test_*.sh against the real
# binary $SXSH_BIN.  Ends with "cli: N passed, N failed".
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
: "${SXSH_BIN:=$ROOT/sxsh}"
WORK=$(mktemp -d /tmp/sxsh-cli.XXXXXX)
trap 'rm -rf "$WORK"' EXIT INT TERM
. "$HERE/lib.sh"
for f in "$HERE"/test_*.sh; do
	CURRENT_FILE=$(basename "$f")
	. "$f"
	end_case
done
echo "cli: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
