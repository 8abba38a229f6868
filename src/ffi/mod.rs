//! The C ABI: `fd_`-prefixed functions and types, described by the generated
//! header `include/fast_diff.h`. This module only translates; the engine
//! knows nothing of C.
//!
//! The conventions every function follows (statuses, buffers, ownership,
//! threads, panics, versioned structs) are written once, in `docs/c-api.md`.

// Each convention is implemented once: `guard` is the panic boundary of
// every entry point, `pointers` checks what C passes in, `versioned` reads
// and writes the structs versioned by `struct_size`, `owned` hands results
// to C and takes them back, and `fd_status::from` (in `status`) turns an
// engine error into a status. The other modules are one per C type.
mod guard;
mod owned;
mod pointers;
mod versioned;

// cbindgen writes the header in the order it meets the items, following
// these declarations, and rustfmt sorts only declarations not separated by
// a blank line: keep this order (stats, hunks, word diffs, the batch call,
// HTML, then the merge, last), so that the header only ever grows.
mod apply_options;
mod buf;
mod diff;
mod options;
mod patch;
mod report;
mod status;

mod stats;

mod hunks;

mod words;

mod edits;

mod batch;

mod version;

mod html;

mod merge_options;

mod merge;

pub use batch::{fd_pair, fd_unified_diff_many};
pub use buf::{fd_buf, fd_free};
pub use diff::{fd_unified_diff, fd_version};
pub use options::{
    FD_FLAG_IGNORE_ALL_SPACE, FD_FLAG_IGNORE_BLANK_LINES, FD_FLAG_IGNORE_CASE, FD_FLAG_IGNORE_SPACE_CHANGE,
    FD_FLAG_STRIP_TRAILING_CR, FD_MAX_LINES, fd_algorithm, fd_options, fd_options_init,
};
pub use status::{StatusCode, fd_status, fd_status_message};

pub use html::{fd_html_diff, fd_html_diff_files, fd_html_file, fd_html_layout, fd_html_options, fd_html_options_init};
pub use hunks::{fd_diff_hunks, fd_diff_line, fd_hunk, fd_hunks, fd_hunks_free, fd_line_kind};
pub use merge::{fd_merge, fd_merge_region, fd_merge_regions, fd_merge_result, fd_merge_result_free, fd_region_kind};
pub use merge_options::{
    FD_MERGE_MAX_MARKER_SIZE, fd_merge_favor, fd_merge_options, fd_merge_options_init, fd_merge_style,
};
pub use stats::{fd_diff_stats, fd_stats, fd_unified_diff_stats};
pub use words::{fd_granularity, fd_span_kind, fd_word_diff, fd_word_diff_free, fd_word_diff_result, fd_word_span};

pub use apply_options::{
    FD_APPLY_ANY_OFFSET, FD_APPLY_IGNORE_WHITESPACE, FD_APPLY_PARTIAL, FD_APPLY_RECOUNT, FD_APPLY_REVERSE,
    FD_APPLY_STRICT, FD_APPLY_STRICT_EOL, fd_apply_options, fd_apply_options_init,
};
pub use patch::{fd_apply_patch, fd_parse_patch};
pub use report::{
    FD_HUNK_MORE_PLACES, FD_HUNK_RECOUNTED, fd_file_change, fd_hunk_detail, fd_hunk_outcome, fd_hunk_reason,
    fd_hunk_report, fd_match_mode, fd_patch_file, fd_patch_report, fd_patch_report_free,
};

pub use edits::{
    FD_EDIT_STRIP_AUTO, fd_apply_edits, fd_edit_format, fd_edit_options, fd_edit_options_init, fd_edit_outcome,
    fd_edit_result, fd_edit_result_free, fd_edited_file, fd_file_text, fd_parse_edits,
};

pub use version::{FD_VERSION_MAJOR, FD_VERSION_MINOR, FD_VERSION_PATCH};
