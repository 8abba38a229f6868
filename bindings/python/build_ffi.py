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

ffibuilder = FFI()
ffibuilder.cdef(declarations(HEADER) + constants(HEADER) + STR_HELPER_DECLARATION)
ffibuilder.set_source(
    "fast_diff._native",
    '#include "fast_diff.h"\n' + STR_HELPER,
    include_dirs=[str(INCLUDE)],
    libraries=["fast_diff"],
    extra_link_args=["-Wl,-rpath,$ORIGIN"],
    # The str helper reads CPython's string layout, outside the limited API.
    py_limited_api=False,
)

if __name__ == "__main__":
    print(declarations(HEADER) + constants(HEADER))
