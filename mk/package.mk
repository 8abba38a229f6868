# Shipping fast-diff as each ecosystem installs things: `make install` lays
# out the C library (with its soname), the header, pkg-config and CMake
# files and the commands under PREFIX, as distributions package them
# (DESTDIR stages the tree elsewhere); `make uninstall` removes exactly
# that; `make wheel` builds the Python binding's wheel, which carries the
# library. docs/c-api.md says how C and C++ programs find what is installed.

.PHONY: install uninstall wheel test-packaging

PREFIX       ?= /usr/local
BINDIR       ?= $(PREFIX)/bin
LIBDIR       ?= $(PREFIX)/lib
INCLUDEDIR   ?= $(PREFIX)/include
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
CMAKEDIR     ?= $(LIBDIR)/cmake/fast-diff
INSTALL      ?= install

REAL_NAME := libfast_diff.so.$(VERSION)

# Every path `make install` creates (below DESTDIR), and so every path
# `make uninstall` removes.
INSTALLED = $(INCLUDEDIR)/fast_diff.h \
            $(LIBDIR)/$(REAL_NAME) $(LIBDIR)/$(SONAME) $(LIBDIR)/libfast_diff.so $(LIBDIR)/libfast_diff.a \
            $(PKGCONFIGDIR)/fast-diff.pc \
            $(CMAKEDIR)/fast-diff-config.cmake $(CMAKEDIR)/fast-diff-config-version.cmake \
            $(addprefix $(BINDIR)/,$(COMMANDS))

# The .pc file names its directories from ${prefix} where it can, as
# pkg-config files do, so PKG_CONFIG_SYSROOT_DIR and relocation work.
PC_DIR = $(patsubst $(PREFIX)/%,$${prefix}/%,$(1))
empty :=
space := $(empty) $(empty)
# The template files, with @NAME@ replaced: the version, the directories
# (absolute for the .pc, relative to the CMake files' own directory for
# those, so that a staged or moved tree is still found).
SUBSTITUTE = sed -e 's|@VERSION@|$(VERSION)|g' -e 's|@VERSION_MAJOR@|$(VERSION_MAJOR)|g' -e 's|@SONAME@|$(SONAME)|g' \
                 -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(call PC_DIR,$(LIBDIR))|g' \
                 -e 's|@INCLUDEDIR@|$(call PC_DIR,$(INCLUDEDIR))|g' -e 's|@LIBS_PRIVATE@|$(STATIC_DEPS)|g' \
                 -e 's|@CMAKE_LIBS_PRIVATE@|$(subst $(space),;,$(patsubst -l%,%,$(STATIC_DEPS)))|g' \
                 -e "s|@CMAKE_TO_LIBDIR@|$$(realpath -m --relative-to=$(CMAKEDIR) $(LIBDIR))|g" \
                 -e "s|@CMAKE_TO_INCLUDEDIR@|$$(realpath -m --relative-to=$(CMAKEDIR) $(INCLUDEDIR))|g"

TEMPLATES := fast-diff.pc fast-diff-config.cmake fast-diff-config-version.cmake

install: lib cli ## the library, header, .pc and CMake files, commands: PREFIX=/usr/local, DESTDIR, LIBDIR
	@for dir in "$(PREFIX)" "$(BINDIR)" "$(LIBDIR)" "$(INCLUDEDIR)" "$(PKGCONFIGDIR)" "$(CMAKEDIR)"; do \
	  case "$$dir" in /*) ;; *) echo "make install: directories must be absolute paths, not '$$dir'" >&2; exit 1;; esac; \
	done
	@mkdir -p $(BUILD)/install
	@for file in $(TEMPLATES); do \
	  echo "packaging/$$file.in -> $(BUILD)/install/$$file"; \
	  $(SUBSTITUTE) packaging/$$file.in > $(BUILD)/install/$$file || exit 1; \
	done
	$(INSTALL) -d $(addprefix $(DESTDIR),$(INCLUDEDIR) $(LIBDIR) $(PKGCONFIGDIR) $(CMAKEDIR) $(BINDIR))
	$(INSTALL) -m 644 $(HEADER) $(DESTDIR)$(INCLUDEDIR)/fast_diff.h
	$(INSTALL) -m 755 $(SHARED) $(DESTDIR)$(LIBDIR)/$(REAL_NAME)
	ln -sfn $(REAL_NAME) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sfn $(SONAME) $(DESTDIR)$(LIBDIR)/libfast_diff.so
	$(INSTALL) -m 644 $(STATIC) $(DESTDIR)$(LIBDIR)/libfast_diff.a
	$(INSTALL) -m 644 $(BUILD)/install/fast-diff.pc $(DESTDIR)$(PKGCONFIGDIR)/fast-diff.pc
	$(INSTALL) -m 644 $(BUILD)/install/fast-diff-config.cmake $(BUILD)/install/fast-diff-config-version.cmake $(DESTDIR)$(CMAKEDIR)
	$(INSTALL) -m 755 $(COMMAND_PATHS) $(DESTDIR)$(BINDIR)

# The same variables as the install (PREFIX, LIBDIR, DESTDIR ...), from a
# checkout of the same version. Shared directories (bin, lib, include,
# pkgconfig) stay; fast-diff's own CMake directory goes once empty.
uninstall: ## remove exactly what `make install` installed (the same PREFIX, DESTDIR, LIBDIR)
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))
	rmdir $(DESTDIR)$(CMAKEDIR) 2>/dev/null || true

# The binding's wheel, built as `pip wheel ./bindings/python` builds it.
WHEEL_DIR := $(BUILD)/wheel

wheel: $(WHEEL_DIR)/.built ## the Python binding's wheel, carrying the library, in build/wheel

$(WHEEL_DIR)/.built: $(VENV)/.requirements $(RUST_SOURCES) $(HEADER) $(PY_SOURCES)
	rm -rf $(WHEEL_DIR)
	$(VENV_PYTHON) -m pip wheel --quiet --disable-pip-version-check --no-deps --wheel-dir $(WHEEL_DIR) ./bindings/python
	touch $@

# install and uninstall into temporary directories, C programs built with
# pkg-config and CMake against them, the wheel in a fresh virtual
# environment without a toolchain, and the version everywhere.
test-packaging: lib cli python wheel ## make install, pkg-config and CMake users, the wheel without a toolchain, versions
	$(call pytest,tests/packaging)
