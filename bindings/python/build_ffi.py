"""The cffi extension `fast_diff._native`, compiled in API mode.

Its declarations are the committed C header `include/fast_diff.h` itself, run
through the C preprocessor with empty stand-ins for the system headers: that
leaves the plain C that cffi parses (no comments, no `#if`), so the binding
can never drift from the header, and a function added to the C API is
callable from Python after a rebuild. Preprocessing drops the header's
macros, so its `FD_` constants are declared to cffi by name (`#define NAME
...`) and take their values from the header at compile time. API mode
compiles the calls against the real header, so the compiler checks every
declaration, and a call costs less than through libffi.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sysconfig
import tempfile
from pathlib import Path

from cffi import FFI

ROOT = Path(__file__).resolve().parent.parent.parent
INCLUDE = ROOT / "include"
HEADER = INCLUDE / "fast_diff.h"


def c_compiler() -> list[str]:
    return shlex.split(os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc")


def declarations(header: Path) -> str:
    """The header's declarations as plain C, as the C11 branch of it reads."""
    with tempfile.TemporaryDirectory() as stubs:
        for name in ("stddef.h", "stdint.h"):
            (Path(stubs) / name).write_text("")  # cffi knows size_t and uintN_t
        command = [*c_compiler(), "-E", "-P", "-std=c11", "-nostdinc", "-I", stubs, str(header)]
        return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def constants(header: Path) -> str:
    """The header's integer FD_ macros, declared for cffi to take their values
    from the header when it compiles (preprocessing leaves only the
    declarations). String macros (FD_VERSION_STRING) are left out: cffi's
    `#define NAME ...` is for integers, and the binding reports the version
    of the library it loaded, fd_version()."""
    macros = re.findall(r"^#define (FD_[A-Z0-9_]+) (.*)$", header.read_text(), flags=re.MULTILINE)
    return "".join(f"#define {name} ...\n" for name, value in macros if '"' not in value)


# Private to the binding, not part of the C API: the storage of an ASCII
# str, which is already its UTF-8 encoding, so that ASCII text reaches the
# library without being copied. The caller checks str.isascii() (which also
# makes a legacy string ready) and keeps the object alive during the call;
# a str never changes, so reading it while the GIL is released is safe.
# On other Pythons the function answers NULL and the binding encodes.
STR_HELPER_DECLARATION = "const uint8_t *fdpy_ascii_str_data(uintptr_t str_object);"

STR_HELPER = """
static const uint8_t *fdpy_ascii_str_data(uintptr_t str_object) {
#if defined(PYPY_VERSION) || defined(Py_LIMITED_API)
  (void)str_object;
  return NULL;
#else
  return (const uint8_t *)PyUnicode_DATA((PyObject *)str_object);
#endif
}
"""

# Private to the binding too: the two ends of unified_diff_many, done in C
# because they touch every pair and a Python loop over cdata would cost
# about what a call of unified_diff costs per pair. fdpy_lend_pairs is given
# the addresses of the pairs (as id() gives them on CPython); for each that
# is a tuple of two texts that are exact bytes (for want_str 0) or ready
# ASCII str (want_str 1), it points the fd_pair at their storage, read in
# place; any other text is left NULL with the length SIZE_MAX for the
# binding to lend itself, and their number is returned. fdpy_take_outputs, given dest NULL, writes each
# output's length and returns their sum; given dest, it copies the outputs
# there, end to end, and frees them. fdpy_free_outputs frees them unread.
# The caller keeps every object alive during the calls (the pairs in a list
# of its own); tuples, str and bytes never change, so reading them while
# the GIL is released is safe.
BATCH_HELPER_DECLARATIONS = """
size_t fdpy_lend_pairs(const uintptr_t *pair_objects, size_t n, int want_str, fd_pair *pairs);
size_t fdpy_take_outputs(fd_buf *outs, size_t n, size_t *lengths, uint8_t *dest);
void fdpy_free_outputs(fd_buf *outs, size_t n);
"""
BATCH_HELPERS = """
#include <string.h>

static int fdpy_lend_text(uintptr_t object, int want_str, const uint8_t **text, size_t *len) {
#if !defined(PYPY_VERSION) && !defined(Py_LIMITED_API)
  PyObject *o = (PyObject *)object;
  if (o != NULL && !want_str && PyBytes_CheckExact(o)) {
    *text = (const uint8_t *)PyBytes_AS_STRING(o);
    *len = (size_t)PyBytes_GET_SIZE(o);
    return 1;
  }
  if (o != NULL && want_str && PyUnicode_CheckExact(o) && PyUnicode_IS_READY(o) && PyUnicode_IS_ASCII(o)) {
    *text = (const uint8_t *)PyUnicode_DATA(o);
    *len = (size_t)PyUnicode_GET_LENGTH(o);
    return 1;
  }
#else
  (void)object;
  (void)want_str;
#endif
  *text = NULL;
  *len = SIZE_MAX;
  return 0;
}

static size_t fdpy_lend_pairs(const uintptr_t *pair_objects, size_t n, int want_str, fd_pair *pairs) {
  size_t unlent = 0;
  for (size_t i = 0; i < n; i++) {
    memset(&pairs[i], 0, sizeof pairs[i]);
#if defined(PYPY_VERSION) || defined(Py_LIMITED_API)
    uintptr_t old = 0, new = 0; /* the binding lends every text */
    (void)pair_objects;
#else
    PyObject *pair = (PyObject *)pair_objects[i];
    int is_pair = PyTuple_CheckExact(pair) && PyTuple_GET_SIZE(pair) == 2;
    uintptr_t old = is_pair ? (uintptr_t)PyTuple_GET_ITEM(pair, 0) : 0;
    uintptr_t new = is_pair ? (uintptr_t)PyTuple_GET_ITEM(pair, 1) : 0;
#endif
    unlent += !fdpy_lend_text(old, want_str, &pairs[i].old_text, &pairs[i].old_len);
    unlent += !fdpy_lend_text(new, want_str, &pairs[i].new_text, &pairs[i].new_len);
  }
  return unlent;
}

static size_t fdpy_take_outputs(fd_buf *outs, size_t n, size_t *lengths, uint8_t *dest) {
  size_t total = 0;
  for (size_t i = 0; i < n; i++) {
    if (dest == NULL) {
      lengths[i] = outs[i].len;
    } else if (outs[i].len != 0) {
      memcpy(dest + total, outs[i].ptr, outs[i].len);
    }
    total += outs[i].len;
    if (dest != NULL) fd_free(&outs[i]);
  }
  return total;
}

static void fdpy_free_outputs(fd_buf *outs, size_t n) {
  for (size_t i = 0; i < n; i++) fd_free(&outs[i]);
}
"""

ffibuilder = FFI()
ffibuilder.cdef(declarations(HEADER) + constants(HEADER) + STR_HELPER_DECLARATION + BATCH_HELPER_DECLARATIONS)
ffibuilder.set_source(
    "fast_diff._native",
    '#include "fast_diff.h"\n' + STR_HELPER + BATCH_HELPERS,
    include_dirs=[str(INCLUDE)],
    libraries=["fast_diff"],
    extra_link_args=["-Wl,-rpath,$ORIGIN"],
    # The str helper reads CPython's string layout, outside the limited API.
    py_limited_api=False,
)

if __name__ == "__main__":
    print(declarations(HEADER) + constants(HEADER))
