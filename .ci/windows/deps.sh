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
#           libmenuw, libpanelw, libsqlite3, libcsv, libutf8proc, libtre, libz,
#           libexpat, libzip, and VERSIONS: one line per library built.  A library
#           whose pin (and build recipe, RECIPES) is in VERSIONS is not built
#           again, so a second call costs nothing and a new pin or recipe builds
#           only that library.
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
PINS="ncurses=6.4-4 sqlite3=3.40.1-2+deb12u2 libcsv=3.0.3+dfsg-6 utf8proc=2.8.0-1 tre=0.8.0-7
zlib=1:1.2.13.dfsg-1 expat=2.5.0-1+deb12u2 libzip=1.7.3-1"

# A library's build recipe: change it when its build options change, so that a
# prefix built with the old options builds that library again.
RECIPES="sqlite3=fts5"

say() { printf 'windows deps: %s\n' "$*"; }
pin() { for p in $PINS; do [ "${p%%=*}" != "$1" ] || echo "$p"; done; }
recipe() { for r in $RECIPES; do [ "${r%%=*}" != "$1" ] || echo " recipe=${r#*=}"; done; }
stamp() { echo "$(pin "$1")$(recipe "$1")"; }
have() { [ -f "$PREFIX/VERSIONS" ] && grep -qxF "$(stamp "$1")" "$PREFIX/VERSIONS"; }
built() {   # built NAME: record NAME's pin in VERSIONS, replacing an older one
	grep -v "^$1=" "$PREFIX/VERSIONS" > "$PREFIX/VERSIONS.new" 2>/dev/null || true
	stamp "$1" >> "$PREFIX/VERSIONS.new" && mv "$PREFIX/VERSIONS.new" "$PREFIX/VERSIONS"
}
todo=""
for p in $PINS; do have "${p%%=*}" || todo="$todo ${p%%=*}"; done
if [ -z "$todo" ]; then
	touch "$PREFIX/VERSIONS"
	say "up to date in $PREFIX ($(echo $PINS))"
	exit 0
fi
want() { case " $todo " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

# --- tools ---------------------------------------------------------------
need=""
command -v $HOST-gcc >/dev/null || need="$need mingw-w64"
command -v dpkg-source >/dev/null || need="$need dpkg-dev"
command -v tic >/dev/null || need="$need ncurses-bin"
command -v tclsh >/dev/null || need="$need tcl"
command -v make >/dev/null || need="$need make"
command -v cmake >/dev/null || need="$need cmake"
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
	(cd "$SRC" && apt-get $(aptopts) source -qq $1)
}
srcdir() {   # srcdir NAME -> the unpacked tree of source package NAME
	for d in "$SRC/$1"-[0-9]*; do
		[ -d "$d" ] && { echo "$d"; return 0; }
	done
	return 1
}
missing=""
for p in $PINS; do
	srcdir "${p%%=*}" >/dev/null || missing="$missing $p"
done
if [ -n "$missing" ]; then
	say "fetching Debian sources:$missing"
	fetch_sources "$missing"
fi

mkdir -p "$WORK" "$PREFIX/include" "$PREFIX/lib"
say "building:$todo"
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
if want libcsv; then
	d=$(srcdir libcsv)
	say "libcsv from $d"
	one_file_lib csv "$d/libcsv.c" "$d/csv.h"
	built libcsv
fi
if want utf8proc; then
	d=$(srcdir utf8proc)
	say "utf8proc from $d"
	one_file_lib utf8proc "$d/utf8proc.c" "$d/utf8proc.h" -DUTF8PROC_STATIC
	built utf8proc
fi

# --- TRE: POSIX regcomp/regexec (the C runtime has none) --------------------
if want tre; then
	d=$(srcdir tre)
	say "tre from $d"
	rm -rf "$WORK/tre" && mkdir -p "$WORK/tre"
	(cd "$WORK/tre" && CFLAGS=$CROSS_CFLAGS $NICE "$d/configure" -q --host=$HOST \
		--prefix="$PREFIX" --enable-static --disable-shared --disable-agrep \
		--disable-approx --disable-nls --without-libiconv-prefix \
		--without-libintl-prefix >/dev/null &&
		$NICE make -s -j"$JOBS" -C lib >/dev/null && make -s -C lib install >/dev/null)
	built tre
fi

# --- SQLite: the amalgamation made natively, then cross-compiled -----------
if want sqlite3; then
	d=$(srcdir sqlite3)
	say "sqlite3 from $d"
	rm -rf "$WORK/sqlite-native" && mkdir -p "$WORK/sqlite-native"
	(cd "$WORK/sqlite-native" && $NICE "$d/configure" -q --disable-tcl >/dev/null &&
		$NICE make -s AMALGAMATION_LINE_MACROS=--linemacros=0 sqlite3.c >/dev/null)
	one_file_lib sqlite3 "$WORK/sqlite-native/sqlite3.c" "$WORK/sqlite-native/sqlite3.h" \
		-DSQLITE_THREADSAFE=1 -DSQLITE_DEFAULT_FOREIGN_KEYS=0 -DSQLITE_OMIT_LOAD_EXTENSION \
		-DSQLITE_ENABLE_FTS5
	cp "$WORK/sqlite-native/sqlite3ext.h" "$PREFIX/include/" 2>/dev/null || true
	built sqlite3
fi

# --- ncursesw with form, menu, panel and the Windows console driver --------
if want ncurses; then
	d=$(srcdir ncurses)
	say "ncurses from $d (the long step)"
	rm -rf "$WORK/ncurses" && mkdir -p "$WORK/ncurses"
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
	built ncurses
fi

# --- zlib, expat, libzip: the .xlsx reader's workbook (a zip of XML parts) ---
if want zlib; then
	d=$(srcdir zlib)
	say "zlib from $d"
	rm -rf "$WORK/zlib" && mkdir -p "$WORK/zlib"
	# (Debian's source drops zlib's win32/ makefile: the library is its top-level .c files.)
	for c in "$d"/*.c; do
		$NICE $CC $CROSS_CFLAGS -c "$c" -o "$WORK/zlib/$(basename "$c" .c).o"
	done
	rm -f "$PREFIX/lib/libz.a"
	$AR rcs "$PREFIX/lib/libz.a" "$WORK/zlib"/*.o
	cp "$d/zlib.h" "$d/zconf.h" "$PREFIX/include/"
	built zlib
fi
if want expat; then
	d=$(srcdir expat)
	say "expat from $d"
	rm -rf "$WORK/expat" && mkdir -p "$WORK/expat"
	# (the git layout, no configure script: its CMake build)
	(cd "$WORK/expat" && $NICE cmake -S "$d/expat" -B . -DCMAKE_SYSTEM_NAME=Windows \
		-DCMAKE_C_COMPILER=$CC -DCMAKE_RC_COMPILER=$HOST-windres -DCMAKE_BUILD_TYPE=Release \
		-DCMAKE_INSTALL_PREFIX="$PREFIX" -DEXPAT_SHARED_LIBS=OFF -DEXPAT_BUILD_TOOLS=OFF \
		-DEXPAT_BUILD_EXAMPLES=OFF -DEXPAT_BUILD_TESTS=OFF -DEXPAT_BUILD_DOCS=OFF \
		-DEXPAT_BUILD_PKGCONFIG=OFF >/dev/null &&
		# Debian's security patches test "XML_DTD == 1"; CMake defines it empty
		sed -i 's/^#define XML_DTD$/#define XML_DTD 1/' expat_config.h &&
		$NICE make -s -j"$JOBS" expat >/dev/null && cp libexpat*.a "$PREFIX/lib/libexpat.a" &&
		cp "$d/expat/lib/expat.h" "$d/expat/lib/expat_external.h" "$PREFIX/include/")
	built expat
fi
if want libzip; then
	d=$(srcdir libzip)
	say "libzip from $d"
	rm -rf "$WORK/libzip" && mkdir -p "$WORK/libzip"
	(cd "$WORK/libzip" && $NICE cmake -S "$d" -B . -DCMAKE_SYSTEM_NAME=Windows \
		-DCMAKE_C_COMPILER=$CC -DCMAKE_RC_COMPILER=$HOST-windres -DCMAKE_BUILD_TYPE=Release \
		-DCMAKE_FIND_ROOT_PATH="$PREFIX" -DCMAKE_FIND_ROOT_PATH_MODE_LIBRARY=ONLY \
		-DCMAKE_FIND_ROOT_PATH_MODE_INCLUDE=ONLY -DCMAKE_INSTALL_PREFIX="$PREFIX" \
		-DBUILD_SHARED_LIBS=OFF -DENABLE_BZIP2=OFF -DENABLE_LZMA=OFF -DENABLE_ZSTD=OFF \
		-DENABLE_OPENSSL=OFF -DENABLE_GNUTLS=OFF -DENABLE_MBEDTLS=OFF \
		-DENABLE_COMMONCRYPTO=OFF -DENABLE_WINDOWS_CRYPTO=OFF -DBUILD_TOOLS=OFF \
		-DBUILD_REGRESS=OFF -DBUILD_EXAMPLES=OFF -DBUILD_DOC=OFF \
		-DZLIB_LIBRARY="$PREFIX/lib/libz.a" -DZLIB_INCLUDE_DIR="$PREFIX/include" >/dev/null &&
		$NICE make -s -j"$JOBS" zip >/dev/null && cp lib/libzip.a "$PREFIX/lib/" &&
		cp "$d/lib/zip.h" zipconf.h "$PREFIX/include/")
	built libzip
fi

say "built in $(( $(date +%s) - t0 )) s into $PREFIX ($(echo $PINS))"
