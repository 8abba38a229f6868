# Tools and paths shared by every fragment.

CARGO    ?= cargo
CBINDGEN ?= cbindgen
CC       ?= cc
CXX      ?= c++
GO       ?= go
PYTHON   ?= python3

BUILD    := build
LIBDIR   := target/release
SHARED   := $(LIBDIR)/libfast_diff.so
STATIC   := $(LIBDIR)/libfast_diff.a
HEADER   := include/fast_diff.h
CLI      := $(LIBDIR)/fast-diff

RUST_SOURCES := Cargo.toml Cargo.lock cli/Cargo.toml $(shell find src cli -name '*.rs')

# C and C++ programs: warnings are errors, and tests run under AddressSanitizer,
# UndefinedBehaviorSanitizer and LeakSanitizer.
WARN     := -Wall -Wextra -Werror -pedantic
SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g
SANITIZED_RUN := ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1
# What a program linking the Rust static library needs from the system.
STATIC_DEPS := -lpthread -ldl -lm -lrt -lutil
# Linking the shared library from the checkout, found at run time by rpath.
LINK_SHARED := -L$(LIBDIR) -lfast_diff -Wl,-rpath,$(abspath $(LIBDIR)) -lpthread

VENV        := .venv
VENV_PYTHON := $(abspath $(VENV))/bin/python
