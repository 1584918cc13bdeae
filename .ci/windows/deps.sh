#!/bin/sh
# .ci/windows/deps.sh — cross-build sxsh's libraries for Windows from Debian's
# own source packages, once, into a prefix under the build folder.
#
#   sh .ci/windows/deps.sh DIR     (DIR is build/windows)
#
# DIR/src   the source packages, fetched with `apt-get source` through a private
#           deb-src list (the system's apt configuration is left alone)
# DIR/work  build trees
# DIR/deps  the prefix: include/, lib/ with static libncursesw, libformw,
#           libmenuw, libpanelw, libsqlite3, libcsv, libutf8proc, libtre, and
#           VERSIONS.  When DIR/deps/VERSIONS matches the pins below the script
#           only prints them, so a second call costs nothing.
#
# Nothing is downloaded except through apt-get.  Long steps run under nice and
# use at most two jobs.
set -eu

DIR=${1:?usage: deps.sh DIR}
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
SRC=$DIR/src WORK=$DIR/work PREFIX=$DIR/deps
HOST=x86_64-w64-mingw32
JOBS=${JOBS:-2}
NICE="nice -n 10"

# The versions tested: Debian 12 (bookworm).  A different version fails the
# fetch instead of building something untested.
PINS="ncurses=6.4-4 sqlite3=3.40.1-2+deb12u2 libcsv=3.0.3+dfsg-6 utf8proc=2.8.0-1 tre=0.8.0-7"
WANT=$(printf '%s\n' $PINS)

say() { printf 'windows deps: %s\n' "$*"; }

if [ -f "$PREFIX/VERSIONS" ] && [ "$(cat "$PREFIX/VERSIONS")" = "$WANT" ]; then
	say "up to date in $PREFIX ($(echo $WANT))"
	exit 0
fi

# --- tools ---------------------------------------------------------------
need=""
command -v $HOST-gcc >/dev/null || need="$need mingw-w64"
command -v dpkg-source >/dev/null || need="$need dpkg-dev"
command -v tic >/dev/null || need="$need ncurses-bin"
command -v tclsh >/dev/null || need="$need tcl"
command -v make >/dev/null || need="$need make"
command -v zip >/dev/null || need="$need zip"
if [ -n "$need" ]; then
	[ "$(id -u)" = 0 ] || { say "missing:$need (install them, or run as root)"; exit 1; }
	say "installing$need"
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $need
fi

# --- sources -------------------------------------------------------------
# A private apt state holding only the deb-src twin of the system's lists.
APT=$SRC/apt
aptopts() {
	printf '%s\n' -o "Dir::Etc::SourceList=$APT/deb-src.sources" \
		-o "Dir::Etc::SourceParts=$APT/parts.d" -o "Dir::State::Lists=$APT/lists" \
		-o "Dir::Cache=$APT/cache" -o "Dir::State::status=/var/lib/dpkg/status"
	[ "$(id -u)" != 0 ] || printf '%s\n' -o "APT::Sandbox::User=root"
}
fetch_sources() {
	mkdir -p "$APT/parts.d" "$APT/lists/partial" "$APT/cache/archives/partial"
	for f in /etc/apt/sources.list.d/*.sources; do
		# a file that lists binary packages, once (a deb-src copy of it may exist)
		grep -qE '^Types:(.* )?deb( |$)' "$f" 2>/dev/null || continue
		sed 's/^Types:.*/Types: deb-src/' "$f" && echo
	done > "$APT/deb-src.sources"
	[ ! -f /etc/apt/sources.list ] ||
		sed -n 's/^deb \(.*\)/deb-src \1/p' /etc/apt/sources.list > "$APT/parts.d/list.list"
	# shellcheck disable=SC2046
	apt-get $(aptopts) update -qq
	# shellcheck disable=SC2046
	(cd "$SRC" && apt-get $(aptopts) source -qq $PINS)
}
srcdir() {   # srcdir NAME -> the unpacked tree of source package NAME
	for d in "$SRC/$1"-[0-9]*; do
		[ -d "$d" ] && { echo "$d"; return 0; }
	done
	return 1
}
missing=0
for p in $PINS; do
	srcdir "${p%%=*}" >/dev/null || missing=1
done
if [ "$missing" = 1 ]; then
	say "fetching Debian sources: $PINS"
	fetch_sources
fi

rm -rf "$WORK" "$PREFIX"
mkdir -p "$WORK" "$PREFIX/include" "$PREFIX/lib"
t0=$(date +%s)
CC=$HOST-gcc AR=$HOST-ar RANLIB=$HOST-ranlib
CROSS_CFLAGS="-O2"

# --- libcsv, utf8proc: one file each ---------------------------------------
one_file_lib() {   # one_file_lib LIB SRC.c HEADER [cflags...]
	lib=$1 c=$2 h=$3
	shift 3
	$CC $CROSS_CFLAGS "$@" -c "$c" -o "$WORK/$lib.o"
	rm -f "$PREFIX/lib/lib$lib.a"
	$AR rcs "$PREFIX/lib/lib$lib.a" "$WORK/$lib.o"
	cp "$h" "$PREFIX/include/"
}
d=$(srcdir libcsv)
say "libcsv from $d"
one_file_lib csv "$d/libcsv.c" "$d/csv.h"
d=$(srcdir utf8proc)
say "utf8proc from $d"
one_file_lib utf8proc "$d/utf8proc.c" "$d/utf8proc.h" -DUTF8PROC_STATIC

# --- TRE: POSIX regcomp/regexec (the C runtime has none) --------------------
d=$(srcdir tre)
say "tre from $d"
mkdir -p "$WORK/tre"
(cd "$WORK/tre" && CFLAGS=$CROSS_CFLAGS $NICE "$d/configure" -q --host=$HOST \
	--prefix="$PREFIX" --enable-static --disable-shared --disable-agrep \
	--disable-approx --disable-nls --without-libiconv-prefix \
	--without-libintl-prefix >/dev/null &&
	$NICE make -s -j"$JOBS" -C lib >/dev/null && make -s -C lib install >/dev/null)

# --- SQLite: the amalgamation made natively, then cross-compiled -----------
d=$(srcdir sqlite3)
say "sqlite3 from $d"
mkdir -p "$WORK/sqlite-native"
(cd "$WORK/sqlite-native" && $NICE "$d/configure" -q --disable-tcl >/dev/null &&
	$NICE make -s AMALGAMATION_LINE_MACROS=--linemacros=0 sqlite3.c >/dev/null)
one_file_lib sqlite3 "$WORK/sqlite-native/sqlite3.c" "$WORK/sqlite-native/sqlite3.h" \
	-DSQLITE_THREADSAFE=1 -DSQLITE_DEFAULT_FOREIGN_KEYS=0 -DSQLITE_OMIT_LOAD_EXTENSION
cp "$WORK/sqlite-native/sqlite3ext.h" "$PREFIX/include/" 2>/dev/null || true

# --- ncursesw with form, menu, panel and the Windows console driver --------
d=$(srcdir ncurses)
say "ncurses from $d (the long step)"
mkdir -p "$WORK/ncurses"
(cd "$WORK/ncurses" && export PATH_SEPARATOR=";" && CFLAGS=$CROSS_CFLAGS $NICE "$d/configure" -q \
	--host=$HOST --prefix="$PREFIX" --enable-widec --enable-sp-funcs \
	--enable-term-driver --enable-interop --enable-ext-funcs --disable-database \
	--disable-db-install --disable-home-terminfo --disable-termcap \
	--with-fallbacks=ms-terminal,xterm-256color,tmux-256color --without-shared \
	--without-debug --without-progs --without-tests --without-cxx-binding \
	--without-ada --without-manpages --disable-pc-files >/dev/null &&
	$NICE make -s -j"$JOBS" libs >/dev/null 2>&1 && make -s install.libs install.includes >/dev/null 2>&1)
for l in ncursesw formw menuw panelw; do
	[ -f "$PREFIX/lib/lib$l.a" ] || { say "lib$l.a was not built"; exit 1; }
done

printf '%s\n' "$WANT" > "$PREFIX/VERSIONS"
say "built in $(( $(date +%s) - t0 )) s into $PREFIX ($(echo $WANT))"
