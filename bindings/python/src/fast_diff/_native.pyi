# Types of the cffi extension built by build_ffi.py from include/fast_diff.h.
# cffi objects (cdata) are opaque to type checkers: they are typed Any, and
# the modules using them convert to Python types at once.
from typing import Any

ffi: Any

class _Lib:
    FD_OK: int
    FD_ERR_NULL_ARGUMENT: int
    FD_ERR_INVALID_OPTIONS: int
    FD_ERR_INPUT_TOO_LARGE: int
    FD_ERR_INTERNAL: int
    FD_ALGORITHM_MYERS: int
    FD_ALGORITHM_HISTOGRAM: int
    FD_ALGORITHM_PATIENCE: int
    def fd_unified_diff(
        self, old_text: Any, old_len: int, new_text: Any, new_len: int, options: Any, out: Any, /
    ) -> int: ...
    def fd_options_init(self, options: Any, /) -> None: ...
    def fd_free(self, buf: Any, /) -> None: ...
    def fd_status_message(self, status: int, /) -> Any: ...
    def fd_version(self) -> Any: ...
    def fdpy_ascii_str_data(self, str_object: int, /) -> Any: ...

lib: _Lib
