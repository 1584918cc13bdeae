# sxsh — plain Makefile.  `make` builds ./sxsh; `make run` opens it; `make check`
# runs every test layer, then the same suite under ASan+UBSan.  See README.md.

PREFIX   ?= /usr/local
BUILD    ?= build
CC       ?= cc
SAN      ?=
PKGS     := ncursesw formw menuw panelw sqlite3 libutf8proc libzip expat

# Asked of pkg-config when first used, not when the Makefile is read: `make run`
# and `make check` install missing packages first, and flags read before that
# would leave the link line without its libraries.
PKG_CFLAGS = $(eval PKG_CFLAGS := $$(shell pkg-config --cflags $(PKGS)))$(PKG_CFLAGS)
# libzip is not linked: src/form/ziplib.c loads it when a workbook is first read.
PKG_LIBS   = $(eval PKG_LIBS := $$(shell pkg-config --libs $(filter-out libzip,$(PKGS))) -lcsv)$(PKG_LIBS)

WARN     := -Wall -Wextra -Wformat=2 -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wwrite-strings -Wno-format-nonliteral
ifdef CI
WARN     += -Werror
endif
OPT      := -O2 -g
ifeq ($(SAN),1)
OPT      := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
endif
# The fuzz targets' core library: instrumented for libFuzzer, linked by tests/fuzz/run.sh.
ifeq ($(SAN),fuzz)
OPT      := -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
endif
CPPFLAGS += -Isrc -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600 \
            -DSXSH_SRCDIR='"$(CURDIR)"' -DSXSH_VERSION='"$(VERSION)"' -DSXSH_ZIP_DLOPEN
CFLAGS   ?=
ALL_CFLAGS = -std=c11 $(OPT) $(WARN) $(PKG_CFLAGS) $(CPPFLAGS) $(CFLAGS)
LDLIBS_ALL = $(PKG_LIBS) -lm
VERSION  := 0.1.0
NPROC    := $(shell nproc 2>/dev/null || echo 2)

LIB_PARTS := base db records training form assess plan sync demo
CORE_SRC := $(sort $(wildcard $(addprefix src/,$(addsuffix /*.c,$(LIB_PARTS)))))
APP_SRC  := $(sort $(wildcard src/cli/*.c src/ui/*.c)) src/main.c
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/%.o)
APP_OBJ  := $(APP_SRC:%.c=$(BUILD)/%.o)
UNIT_HELP := $(sort $(wildcard tests/unit/t_*.c))
UNIT_OBJ := $(UNIT_SRC:%.c=$(BUILD)/%.o) $(UNIT_HELP:%.c=$(BUILD)/%.o) $(BUILD)/tests/unit/runner.o
LIB      := $(BUILD)/libsxsh.a
ifeq ($(BUILD),build)
BIN      := sxsh
else
BIN      := $(BUILD)/sxsh
endif
PO       := $(filter-out locale/pending-%,$(wildcard locale/*.po))
MO       := $(PO:locale/%.po=build/locale/%/LC_MESSAGES/sxsh.mo)


.PHONY: deb debpkg
.PHONY: all run check test build-tests unit cli tty tty-stress i18n layout firstrun fuzz bench install uninstall clean deps deps-test pot
all: $(BIN) $(MO)

# DEPS is the installer (tests/cli/test_firstrun.sh puts a stand-in there).
DEPS     ?= sh .ci/deps
deps:
	@$(DEPS) build
deps-test:
	@$(DEPS) test

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(LIB): $(CORE_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(BIN): $(APP_OBJ) $(LIB)
	$(CC) $(OPT) -o $@ $(APP_OBJ) $(LIB) $(LDLIBS_ALL)

# Unit tests: the runner learns every suite from a generated list.
$(BUILD)/tests/unit/suites.h: $(UNIT_SRC)
	@mkdir -p $(dir $@)
	@{ for f in $(notdir $(UNIT_SRC:.c=)); do m=$${f#test_}; \
	   echo "extern const struct t_case t_suite_$$m[];"; done; \
	   echo "#define T_ALL_SUITES \\"; \
	   for f in $(notdir $(UNIT_SRC:.c=)); do m=$${f#test_}; echo "	t_suite_$$m, \\"; done; \
	   echo "	NULL"; } > $@.tmp && mv $@.tmp $@
$(BUILD)/tests/unit/runner.o: tests/unit/runner.c $(BUILD)/tests/unit/suites.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -I$(BUILD)/tests/unit -c $< -o $@
$(BUILD)/unit-tests: $(UNIT_OBJ) $(LIB)
	$(CC) $(OPT) -o $@ $(UNIT_OBJ) $(LIB) $(LDLIBS_ALL) $(shell pkg-config --libs libzip)

# Terminal-test driver: runs the real binary in a pseudo-terminal (libvterm).
$(BUILD)/vtrun: tests/tty/vtrun.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags vterm) -o $@ $< $(shell pkg-config --libs vterm) -lutil

# Single-file CSV form to a flat spreadsheet, for LibreOffice to save as .xlsx.
$(BUILD)/csv2fods: tests/cli/csv2fods.c $(LIB)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDLIBS_ALL)

# Translations.
build/locale/%/LC_MESSAGES/sxsh.mo: locale/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<
pot:
	xgettext --from-code=UTF-8 -k_ -kN_ -c/ --package-name=sxsh -o locale/sxsh.pot \
	  $(sort $(wildcard src/*.c src/*/*.c src/*/*.h))
	for p in $(PO); do msgmerge -q --update --backup=none $$p locale/sxsh.pot; done

# The build runs in a new make so that it reads pkg-config after deps installed packages.
run: deps
	@$(MAKE) --no-print-directory all
	./sxsh $(RUN_ARGS)

# Each layer keeps its output in $(BUILD)/results/ for tests/summary.sh.
LAYER = mkdir -p $(BUILD)/results; r=$(BUILD)/results/$@.txt; \
	{ $(1); } >$$r 2>&1; rc=$$?; cat $$r; exit $$rc
unit: $(BUILD)/unit-tests
	@$(call LAYER,$(BUILD)/unit-tests)
cli: $(BIN) $(MO) $(BUILD)/vtrun $(BUILD)/csv2fods
	@$(call LAYER,SXSH_BIN=$(abspath $(BIN)) VTRUN=$(abspath $(BUILD)/vtrun) \
	  CSV2FODS=$(abspath $(BUILD)/csv2fods) sh tests/cli/run.sh)
tty: $(BIN) $(MO) $(BUILD)/vtrun
	@$(call LAYER,SXSH_BIN=$(abspath $(BIN)) VTRUN=$(abspath $(BUILD)/vtrun) sh tests/tty/run.sh)
# The terminal suite RUNS times in both builds with every core busy (not part of check).
tty-stress: $(BIN) $(MO) $(BUILD)/vtrun
	$(MAKE) --no-print-directory BUILD=build/asan SAN=1 build/asan/sxsh build/asan/vtrun
	RUNS=$${RUNS:-10} sh tests/tty/stress.sh
layout:
	@$(call LAYER,sh tests/layout.sh)
firstrun:
	@$(call LAYER,sh tests/firstrun.sh)
debpkg:
	@$(call LAYER,sh tests/deb.sh)
i18n: $(MO)
	@$(call LAYER,sh tests/i18n.sh)
# Fuzz targets: built with clang's libFuzzer against one instrumented core
# library (build/fuzz/libsxsh.a, compiled once), run briefly from their seeds.
fuzz:
	@$(MAKE) --no-print-directory -j$(NPROC) BUILD=build/fuzz CC=clang SAN=fuzz build/fuzz/libsxsh.a
	@$(call LAYER,FUZZ_LIB=build/fuzz/libsxsh.a FUZZ_CFLAGS="$(PKG_CFLAGS) -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600" \
	  FUZZ_LIBS="$(LDLIBS_ALL) $(shell pkg-config --libs libzip)" sh tests/fuzz/run.sh $(FUZZ_SECONDS))
test: unit cli tty
# Everything the test layers run, built in parallel before any of them starts.
build-tests: $(BIN) $(MO) $(BUILD)/unit-tests $(BUILD)/vtrun $(BUILD)/csv2fods

# Everything, then everything again under AddressSanitizer + UBSan (gcc), then
# the unit tests with clang (whose UBSan sees more) built as the fuzz targets'
# core library is (ASan + UBSan + libFuzzer's coverage), then the fuzzers
# against that same library: one clang build serves both.
check: deps deps-test
	rm -rf build/results build/asan/results build/fuzz/results
	$(MAKE) --no-print-directory -j$(NPROC) build-tests
	$(MAKE) --no-print-directory test i18n layout firstrun debpkg
	$(MAKE) --no-print-directory -j$(NPROC) BUILD=build/asan SAN=1 build-tests
	$(MAKE) --no-print-directory BUILD=build/asan SAN=1 test
	$(MAKE) --no-print-directory -j$(NPROC) BUILD=build/fuzz CC=clang SAN=fuzz build/fuzz/unit-tests
	$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang SAN=fuzz unit
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$${FUZZ_SECONDS:-10}
	@sh tests/summary.sh

bench: all $(BUILD)/bench-search $(BUILD)/vtrun
	SXSH_BIN=$(abspath $(BIN)) VTRUN=$(abspath $(BUILD)/vtrun) BENCH_SEARCH=$(abspath $(BUILD)/bench-search) sh tests/bench/run.sh

# Facility search on 50,000 facilities, against the 20 ms bar.
$(BUILD)/bench-search: tests/bench/search.c $(LIB)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDLIBS_ALL)

# A Debian package of the installed tree: build/sxsh_VERSION-1_ARCH.deb.
deb: all
	@sh .ci/deb $(VERSION)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/sxsh/forms/data \
	  $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 sxsh $(DESTDIR)$(PREFIX)/bin/sxsh
	install -m 644 forms/*.csv $(DESTDIR)$(PREFIX)/share/sxsh/forms/
	install -m 644 forms/data/*.csv $(DESTDIR)$(PREFIX)/share/sxsh/forms/data/
	install -m 644 sxsh.1 $(DESTDIR)$(PREFIX)/share/man/man1/sxsh.1
	for m in $(MO); do l=$${m#build/locale/}; l=$${l%%/*}; \
	  install -d $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES; \
	  install -m 644 $$m $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES/sxsh.mo; done
uninstall:
	rm -rf $(DESTDIR)$(PREFIX)/bin/sxsh $(DESTDIR)$(PREFIX)/share/sxsh \
	  $(DESTDIR)$(PREFIX)/share/man/man1/sxsh.1 $(DESTDIR)$(PREFIX)/share/locale/*/LC_MESSAGES/sxsh.mo

clean:
	rm -rf build sxsh

-include $(CORE_OBJ:.o=.d) $(APP_OBJ:.o=.d) $(UNIT_OBJ:.o=.d)

# --- Windows: a static sxsh.exe cross-compiled with mingw-w64 (README "Windows") ---
# `make windows` builds the libraries once from Debian's sources (.ci/windows/deps.sh),
# then sxsh.exe and build/windows/sxsh-windows.zip; `make windows-check` runs it under wine.
WIN      := build/windows
WIN_CC   := x86_64-w64-mingw32-gcc
WIN_SRC  := $(filter-out src/base/platform_posix.c,$(CORE_SRC) $(APP_SRC)) $(wildcard src/base/win/*.c)
WIN_OBJ  := $(WIN_SRC:%.c=$(WIN)/obj/%.o)
# -Wno-format: the Linux build checks the formats; mingw's GCC would check them
# against msvcrt's printf (no %zu), while sxsh.exe uses mingw's C99 printf.
WIN_CFLAGS = -std=c11 -O2 $(WARN) -Wno-format -D_UCRT -Isrc -Isrc/base/win -I$(WIN)/deps/include \
  -I$(WIN)/deps/include/ncursesw -I$(WIN)/deps/include/tre -DNCURSES_STATIC -DNCURSES_WIDECHAR=1 \
  -DUTF8PROC_STATIC -DXML_STATIC -D_POSIX_THREAD_SAFE_FUNCTIONS -D__USE_MINGW_ANSI_STDIO=1 -DSXSH_VERSION='"$(VERSION)"'
WIN_LIBS := -L$(WIN)/deps/lib -lformw -lmenuw -lpanelw -lncursesw -lsqlite3 -lcsv -lutf8proc -ltre -lzip -lexpat -lz \
  -Wl,-Bstatic -lwinpthread -lbcrypt -ladvapi32 -lshell32 -Wl,--defsym,_setjmp=__intrinsic_setjmp
# (Debian's winpthreads was built for msvcrt, whose _setjmp the UCRT calls __intrinsic_setjmp.)
.PHONY: windows windows-deps windows-check
windows: $(WIN)/sxsh-windows.zip
windows-deps $(WIN)/deps/VERSIONS: .ci/windows/deps.sh
	@sh .ci/windows/deps.sh $(WIN)
$(WIN_OBJ): $(WIN)/deps/VERSIONS
$(WIN)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(WIN_CC) $(WIN_CFLAGS) -MMD -MP -c $< -o $@
$(WIN)/obj/sxsh-rc.o: .ci/windows/sxsh.rc .ci/windows/sxsh.manifest $(WIN)/deps/VERSIONS
	x86_64-w64-mingw32-windres .ci/windows/sxsh.rc -O coff -o $@
$(WIN)/sxsh.exe: $(WIN_OBJ) $(WIN)/obj/sxsh-rc.o .ci/windows/ucrt.sh
	$(WIN_CC) -static -specs=$$(sh .ci/windows/ucrt.sh $(WIN)) -o $@ $(WIN_OBJ) $(WIN)/obj/sxsh-rc.o $(WIN_LIBS)
$(WIN)/sxsh-windows.zip: $(WIN)/sxsh.exe $(MO) .ci/windows/pack.sh
	@sh .ci/windows/pack.sh $(WIN) $@
windows-check: windows $(BIN)
	@$(call LAYER,sh tests/windows/run.sh $(WIN))
-include $(WIN_OBJ:.o=.d)
