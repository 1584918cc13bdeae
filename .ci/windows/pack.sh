#!/bin/sh
# pack.sh DIR ZIP — put DIR/sxsh.exe, the forms, the compiled translations and
# the read-me into ZIP, all inside one folder "sxsh/" (the layout sxsh.exe looks
# for next to itself: forms/ and locale/LANG/LC_MESSAGES/sxsh.mo).
set -eu
dir=$1 zip=$2
stage=$dir/stage
rm -rf "$stage" && mkdir -p "$stage/sxsh/forms/data"
x86_64-w64-mingw32-strip -o "$stage/sxsh/sxsh.exe" "$dir/sxsh.exe"
cp forms/*.csv "$stage/sxsh/forms/"
cp forms/data/*.csv "$stage/sxsh/forms/data/"
for mo in build/locale/*/LC_MESSAGES/sxsh.mo; do
	l=${mo#build/locale/}
	mkdir -p "$stage/sxsh/locale/${l%%/*}/LC_MESSAGES"
	cp "$mo" "$stage/sxsh/locale/${l%%/*}/LC_MESSAGES/"
done
# Notepad wants CRLF; the licence travels with the program.
sed 's/$/\r/' .ci/windows/README.txt > "$stage/sxsh/README.txt"
sed 's/$/\r/' LICENSE > "$stage/sxsh/LICENSE.txt"
rm -f "$zip"
(cd "$stage" && zip -qrX9 "$(cd - >/dev/null && cd "$(dirname "$zip")" && pwd)/$(basename "$zip")" sxsh)
echo "windows: $zip ($(wc -c < "$zip") bytes)"
