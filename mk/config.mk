# Tools and paths shared by every fragment.

CARGO    ?= cargo
CBINDGEN ?= cbindgen
CC       ?= cc
CXX      ?= c++
GO       ?= go
PYTHON   ?= python3

BUILD    := build
# Where cargo builds (LIBDIR is where `make install` puts the library).
RELEASE  := target/release
SHARED   := $(RELEASE)/libfast_diff.so
STATIC   := $(RELEASE)/libfast_diff.a
HEADER   := include/fast_diff.h
CLI      := $(RELEASE)/fast-diff

# The one version number, Cargo.toml's; the shared library's soname
# (build.rs sets it) carries its major number.
VERSION       := $(shell awk -F'"' '/^\[/ { package = ($$0 == "[package]") } package && /^version *=/ { print $$2; exit }' Cargo.toml)
VERSION_MAJOR := $(firstword $(subst ., ,$(VERSION)))
SONAME        := libfast_diff.so.$(VERSION_MAJOR)
# Programs linked against target/release look for the soname there.
SONAME_LINK   := $(RELEASE)/$(SONAME)

# Every command the crate builds (what `cargo build --bins` makes), by
# Cargo's own rule: src/bin/NAME.rs and src/bin/NAME/main.rs.
COMMANDS      := $(sort $(patsubst src/bin/%.rs,%,$(wildcard src/bin/*.rs)) $(patsubst src/bin/%/main.rs,%,$(wildcard src/bin/*/main.rs)))
COMMAND_PATHS := $(addprefix $(RELEASE)/,$(COMMANDS))

RUST_SOURCES := Cargo.toml Cargo.lock cli/Cargo.toml build.rs $(shell find src cli -name '*.rs')

# C and C++ programs: warnings are errors, and tests run under AddressSanitizer,
# UndefinedBehaviorSanitizer and LeakSanitizer.
WARN     := -Wall -Wextra -Werror -pedantic
SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g
SANITIZED_RUN := ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1
# What a program linking the Rust static library needs from the system.
STATIC_DEPS := -lpthread -ldl -lm -lrt -lutil
# Linking the shared library from the checkout, found at run time by rpath.
LINK_SHARED := -L$(RELEASE) -lfast_diff -Wl,-rpath,$(abspath $(RELEASE)) -lpthread

VENV        := .venv
VENV_PYTHON := $(abspath $(VENV))/bin/python
