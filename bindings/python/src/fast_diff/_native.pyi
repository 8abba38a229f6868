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
    FD_ERR_PATCH_MALFORMED: int
    FD_ERR_PATCH_HUNK_FAILED: int
    FD_ERR_PATCH_ALREADY_APPLIED: int
    FD_ERR_PATCH_MULTIPLE_FILES: int
    FD_ERR_PATCH_AMBIGUOUS: int
    FD_APPLY_STRICT: int
    FD_HUNK_REASON_LIMIT: int
    FD_MATCH_TRAILING_WHITESPACE: int
    FD_MATCH_TRIMMED: int
    FD_MATCH_PUNCTUATION: int
    FD_HUNK_RECOUNTED: int
    FD_HUNK_MORE_PLACES: int
    FD_EDIT_STRIP_AUTO: int
    FD_EDIT_FORMAT_AUTO: int
    FD_EDIT_FORMAT_UNIFIED: int
    FD_EDIT_FORMAT_ENVELOPE: int
    FD_EDIT_FORMAT_SEARCH_REPLACE: int
    FD_EDIT_FORMAT_REPLACEMENTS: int
    FD_EDIT_NOT_TRIED: int
    FD_EDIT_APPLIED: int
    FD_EDIT_HUNKS_FAILED: int
    FD_EDIT_ALREADY_APPLIED: int
    FD_EDIT_MISSING: int
    FD_EDIT_EXISTS: int
    FD_APPLY_RECOUNT: int
    FD_APPLY_REVERSE: int
    FD_APPLY_IGNORE_WHITESPACE: int
    FD_APPLY_STRICT_EOL: int
    FD_APPLY_PARTIAL: int
    FD_APPLY_ANY_OFFSET: int
    FD_HTML_SIDE_BY_SIDE: int
    FD_HTML_LINE_BY_LINE: int
    FD_HUNK_NOT_TRIED: int
    FD_HUNK_APPLIED: int
    FD_HUNK_FAILED: int
    FD_HUNK_ALREADY_APPLIED: int
    FD_HUNK_REASON_NONE: int
    FD_HUNK_REASON_MISMATCH: int
    FD_HUNK_REASON_AMBIGUOUS: int
    FD_MATCH_EXACT: int
    FD_MATCH_LINE_ENDINGS: int
    FD_MATCH_WHITESPACE: int
    FD_FILE_MODIFIED: int
    FD_FILE_CREATED: int
    FD_FILE_DELETED: int
    FD_FILE_RENAMED: int
    FD_FILE_COPIED: int
    FD_FLAG_IGNORE_SPACE_CHANGE: int
    FD_FLAG_IGNORE_ALL_SPACE: int
    FD_FLAG_IGNORE_BLANK_LINES: int
    FD_FLAG_IGNORE_CASE: int
    FD_FLAG_STRIP_TRAILING_CR: int
    FD_LINE_CONTEXT: int
    FD_LINE_REMOVED: int
    FD_LINE_ADDED: int
    FD_SPAN_EQUAL: int
    FD_SPAN_REMOVED: int
    FD_SPAN_ADDED: int
    FD_GRANULARITY_WORDS: int
    FD_GRANULARITY_CHARS: int
    FD_GRANULARITY_GRAPHEMES: int
    FD_MERGE_STYLE_MERGE: int
    FD_MERGE_STYLE_DIFF3: int
    FD_MERGE_STYLE_ZDIFF3: int
    FD_MERGE_FAVOR_NONE: int
    FD_MERGE_FAVOR_OURS: int
    FD_MERGE_FAVOR_THEIRS: int
    FD_MERGE_FAVOR_UNION: int
    FD_MERGE_MAX_MARKER_SIZE: int
    FD_REGION_UNCHANGED: int
    FD_REGION_OURS: int
    FD_REGION_THEIRS: int
    FD_REGION_BOTH: int
    FD_REGION_CONFLICT: int
    FD_REGION_RESOLVED: int
    def fd_unified_diff(
        self, old_text: Any, old_len: int, new_text: Any, new_len: int, options: Any, out: Any, /
    ) -> int: ...
    def fd_options_init(self, options: Any, /) -> None: ...
    def fd_apply_patch(
        self, text: Any, text_len: int, patch: Any, patch_len: int, options: Any, out: Any, report: Any, /
    ) -> int: ...
    def fd_parse_patch(self, patch: Any, patch_len: int, options: Any, report: Any, /) -> int: ...
    def fd_apply_options_init(self, options: Any, /) -> None: ...
    def fd_patch_report_free(self, report: Any, /) -> None: ...
    def fd_apply_edits(
        self, files: Any, n: int, patch: Any, patch_len: int, options: Any, out: Any, /
    ) -> int: ...
    def fd_parse_edits(self, patch: Any, patch_len: int, options: Any, out: Any, /) -> int: ...
    def fd_edit_options_init(self, options: Any, /) -> None: ...
    def fd_edit_result_free(self, result: Any, /) -> None: ...
    def fd_diff_stats(
        self, old_text: Any, old_len: int, new_text: Any, new_len: int, options: Any, out: Any, /
    ) -> int: ...
    def fd_unified_diff_stats(
        self, old_text: Any, old_len: int, new_text: Any, new_len: int, options: Any, out: Any, stats: Any, /
    ) -> int: ...
    def fd_diff_hunks(
        self, old_text: Any, old_len: int, new_text: Any, new_len: int, options: Any, out: Any, /
    ) -> int: ...
    def fd_hunks_free(self, hunks: Any, /) -> None: ...
    def fd_word_diff(
        self, old_text: Any, old_len: int, new_text: Any, new_len: int, options: Any, granularity: int, out: Any, /
    ) -> int: ...
    def fd_word_diff_free(self, result: Any, /) -> None: ...
    def fd_html_options_init(self, options: Any, /) -> None: ...
    def fd_html_diff(
        self, old_text: Any, old_len: int, new_text: Any, new_len: int, options: Any, html: Any, out: Any, /
    ) -> int: ...
    def fd_html_diff_files(self, files: Any, count: int, options: Any, html: Any, out: Any, /) -> int: ...
    def fd_merge_options_init(self, options: Any, /) -> None: ...
    def fd_merge(
        self,
        base: Any,
        base_len: int,
        ours: Any,
        ours_len: int,
        theirs: Any,
        theirs_len: int,
        options: Any,
        out: Any,
        conflicts: Any,
        /,
    ) -> int: ...
    def fd_merge_regions(
        self, base: Any, base_len: int, ours: Any, ours_len: int, theirs: Any, theirs_len: int, options: Any, out: Any, /
    ) -> int: ...
    def fd_merge_result_free(self, result: Any, /) -> None: ...
    def fd_free(self, buf: Any, /) -> None: ...
    def fd_status_message(self, status: int, /) -> Any: ...
    def fd_version(self) -> Any: ...
    def fd_unified_diff_many(
        self, pairs: Any, n: int, options: Any, threads: int, outs: Any, statuses: Any, /
    ) -> int: ...
    def fdpy_ascii_str_data(self, str_object: int, /) -> Any: ...
    def fdpy_lend_pairs(self, objects: Any, n: int, want_str: int, pairs: Any, /) -> int: ...
    def fdpy_take_outputs(self, outs: Any, n: int, lengths: Any, dest: Any, /) -> int: ...
    def fdpy_free_outputs(self, outs: Any, n: int, /) -> None: ...

lib: _Lib
