#!/bin/sh
# ucrt.sh DIR — write DIR/ucrt.specs, the cross-compiler's link specs with the
# UCRT C runtime in place of msvcrt, and print its path.  Only the UCRT can set
# a UTF-8 locale (setlocale(LC_ALL, ".UTF-8")); under msvcrt Vietnamese text
# read back from a form field comes out in cp1252 (README "Windows").
set -eu
mkdir -p "$1"
x86_64-w64-mingw32-gcc -dumpspecs | sed 's/-lmsvcrt/-lucrt/g' > "$1/ucrt.specs.tmp"
mv "$1/ucrt.specs.tmp" "$1/ucrt.specs"
echo "$1/ucrt.specs"
