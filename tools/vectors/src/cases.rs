//! The reviewed list of conformance cases. Changing it means regenerating
//! the vectors on purpose (`make vectors`) and reviewing the new expected
//! files; `tests/vectors.rs` fails while the two disagree.

use fast_diff::Algorithm;
use fast_diff::ffi::{
    FD_FLAG_IGNORE_ALL_SPACE, FD_FLAG_IGNORE_BLANK_LINES, FD_FLAG_IGNORE_CASE, FD_FLAG_IGNORE_SPACE_CHANGE,
    FD_FLAG_STRIP_TRAILING_CR, fd_status,
};

use crate::{StructSize, VectorOptions};

/// A case before it is run: inputs, options, and the status it must give.
pub struct Case {
    /// The name of its directory.
    pub name: &'static str,
    /// The old text.
    pub old: Vec<u8>,
    /// The new text.
    pub new: Vec<u8>,
    /// The options it is run with.
    pub options: VectorOptions,
    /// The status the call must return.
    pub status: fd_status,
}

fn case(name: &'static str, old: &[u8], new: &[u8]) -> Case {
    Case { name, old: old.to_vec(), new: new.to_vec(), options: VectorOptions::default(), status: fd_status::FD_OK }
}

impl Case {
    fn context(mut self, lines: u32) -> Case {
        self.options.context_lines = lines;
        self
    }

    fn algorithm(mut self, algorithm: Algorithm) -> Case {
        self.options.algorithm = algorithm;
        self
    }

    fn labels(mut self, old: Option<&[u8]>, new: Option<&[u8]>) -> Case {
        self.options.old_label = old.map(<[u8]>::to_vec);
        self.options.new_label = new.map(<[u8]>::to_vec);
        self
    }

    fn deadline_ms(mut self, ms: u64) -> Case {
        self.options.deadline_ms = ms;
        self
    }

    fn flags(mut self, flags: u32) -> Case {
        self.options.flags = flags;
        self
    }

    fn struct_size_v1(mut self) -> Case {
        self.options.struct_size = StructSize::V1;
        self
    }

    fn fails_with(mut self, status: fd_status) -> Case {
        self.status = status;
        self
    }
}

/// Nine numbered lines, for the context and option cases.
const NINE: &[u8] = b"1\n2\n3\n4\n5\n6\n7\n8\n9\n";
const NINE_EDITED: &[u8] = b"1\n2\nthree\n4\n5\n6\n7\n8\nnine\n";

/// A small pair on which Myers, histogram and patience give three different
/// diffs, so that a binding that drops the algorithm fails.
const ALGO_OLD: &[u8] = b"d\nc\nc\n}\ne\n";
const ALGO_NEW: &[u8] = b"b\na\nc\ne\nd\n";

/// A line longer than common read buffers (64 KiB and below).
fn long_line(fill: u8, changed_at: usize) -> Vec<u8> {
    let mut line = vec![fill; 70_000];
    line[changed_at] = b'#';
    line.push(b'\n');
    line
}

/// Every case, in the order they are written.
pub fn cases() -> Vec<Case> {
    use Algorithm::*;
    use fd_status::FD_ERR_INVALID_OPTIONS;
    vec![
        // Empty and identical sides.
        case("empty-both", b"", b""),
        case("empty-old", b"", b"a\nb\n"),
        case("empty-new", b"a\nb\n", b""),
        case("empty-old-no-newline", b"", b"a"),
        case("identical", b"same\ntext\n", b"same\ntext\n"),
        case("identical-no-newline", b"same\ntext", b"same\ntext"),
        case("one-line", b"a\n", b"b\n"),
        // Final newlines.
        case("no-newline-old", b"a\nb", b"a\nb\n"),
        case("no-newline-new", b"a\nb\n", b"a\nb"),
        case("no-newline-both", b"a\nb", b"a\nc"),
        case("no-newline-both-last-line-kept", b"x\nz", b"y\nz"),
        case("no-newline-single-line", b"a", b"b"),
        // Line ends other than LF are part of the line.
        case("crlf", b"a\r\nb\r\nc\r\n", b"a\r\nB\r\nc\r\n"),
        case("crlf-to-lf", b"a\r\nb\r\n", b"a\nb\n"),
        case("crlf-no-newline", b"a\r\nb\r", b"a\r\nc\r"),
        case("lone-cr", b"a\rb\nc\n", b"a\rB\nc\n"),
        case("lone-cr-only", b"a\rb\rc", b"a\rb\rd"),
        // Bytes that are not text.
        case("invalid-utf8", b"\xff\xfe\n\xc3\x28\nok\n", b"\xff\xff\n\xc3\x28\nok\n\xe2\x82\n"),
        case("nul-bytes", b"a\0b\nc\n\0\n", b"a\0B\nc\n\0\0\n"),
        case("nul-only", b"\0", b"\0\0"),
        case("utf8", "caf\u{e9}\n\u{65e5}\u{672c}\n".as_bytes(), "caf\u{e9}\n\u{65e5}\u{672c}\u{8a9e}\n".as_bytes()),
        // Content that looks like diff syntax.
        case("diff-like-lines", b"--- a\n+++ b\n@@ -1 +1 @@\n\\ x\n", b"--- a\n+++ c\n@@ -1 +1 @@\n\\ y\n"),
        case("blank-lines", b"\n\n\n", b"\n\nx\n\n"),
        case("whitespace-only-change", b"a \nb\n\tc\n", b"a\nb \n    c\n"),
        case(
            "long-line",
            &[b"before\n".to_vec(), long_line(b'x', 35_000), b"after\n".to_vec()].concat(),
            &[b"before\n".to_vec(), long_line(b'x', 35_001), b"after\n".to_vec()].concat(),
        ),
        // Context: none, a little, more than the text, the largest.
        case("context-0", NINE, NINE_EDITED).context(0),
        case("context-1", NINE, NINE_EDITED).context(1),
        case("context-default-merges-hunks", b"1\n2\n3\n4\n5\n6\n7\n8\n", b"0\n2\n3\n4\n5\n6\n7\n0\n"),
        case("context-default-splits-hunks", b"1\n2\n3\n4\n5\n6\n7\n8\n9\n", b"0\n2\n3\n4\n5\n6\n7\n8\n0\n"),
        case("context-large", NINE, NINE_EDITED).context(1000),
        case("context-max", NINE, NINE_EDITED).context(u32::MAX),
        case("context-0-insert-only", b"a\nb\n", b"a\nx\nb\n").context(0),
        case("context-0-delete-only", b"a\nx\nb\n", b"a\nb\n").context(0),
        // Labels.
        case("labels-custom", b"a\n", b"b\n").labels(Some(b"a/src/file.txt"), Some(b"b/src/file.txt")),
        case("labels-non-ascii", b"a\n", b"b\n")
            .labels(Some("a/caf\u{e9}.txt".as_bytes()), Some("b/\u{65e5}\u{672c}\u{8a9e} \u{1f600}.txt".as_bytes())),
        case("labels-invalid-utf8", b"a\n", b"b\n").labels(Some(b"a/\xff\xfe"), Some(b"b/\xc3\x28")),
        case("labels-empty", b"a\n", b"b\n").labels(Some(b""), Some(b"")),
        case("labels-with-tab-and-spaces", b"a\n", b"b\n").labels(Some(b"old file\t2024"), Some(b" new ")),
        case("label-old-only", b"a\n", b"b\n").labels(Some(b"a/x"), None),
        case("label-with-lf", b"a\n", b"b\n").labels(Some(b"a\nb"), None).fails_with(FD_ERR_INVALID_OPTIONS),
        case("label-with-cr", b"a\n", b"b\n").labels(None, Some(b"b\r")).fails_with(FD_ERR_INVALID_OPTIONS),
        // Each algorithm, on a pair where all three differ.
        case("algorithm-myers", ALGO_OLD, ALGO_NEW).algorithm(Myers),
        case("algorithm-histogram", ALGO_OLD, ALGO_NEW).algorithm(Histogram),
        case("algorithm-patience", ALGO_OLD, ALGO_NEW).algorithm(Patience),
        // A deadline generous enough never to pass changes nothing.
        case("deadline-generous", NINE, NINE_EDITED).deadline_ms(60_000),
        // A caller compiled against the first fd_options: every option of
        // that version is still read.
        case("struct-size-v1", ALGO_OLD, ALGO_NEW)
            .struct_size_v1()
            .context(1)
            .algorithm(Histogram)
            .labels(Some(b"a/v1"), Some(b"b/v1"))
            .deadline_ms(60_000),
        case("struct-size-v1-defaults", NINE, NINE_EDITED).struct_size_v1(),
        // Comparison modes: lines equal under a mode match; the diff shows
        // real lines, context from the old text. Unknown bits are refused.
        case("flags-ignore-space-change", b"a  b\nc\n\tx \n", b"a b\nd\n  x\n").flags(FD_FLAG_IGNORE_SPACE_CHANGE),
        case("flags-ignore-all-space", b"ab\nc\n", b" a b\t\nd\n").flags(FD_FLAG_IGNORE_ALL_SPACE),
        case("flags-ignore-blank-lines", b"a\n\nb\nc\n", b"a\nb\n \nc\n").flags(FD_FLAG_IGNORE_BLANK_LINES),
        case("flags-ignore-blank-lines-only", b"a\n\nb\nc\n", b"a\nb\n\nc\n\n").flags(FD_FLAG_IGNORE_BLANK_LINES),
        case("flags-ignore-blank-lines-with-space-change", b"a\n\nb\n", b"a\nb\n \t\n")
            .flags(FD_FLAG_IGNORE_BLANK_LINES | FD_FLAG_IGNORE_SPACE_CHANGE),
        case("flags-ignore-blank-lines-in-hunk", b"a\n\nb\nc\n", b"a\nb\nC\n").flags(FD_FLAG_IGNORE_BLANK_LINES),
        case("flags-ignore-case", b"Hello\nWorld\n", b"hELLO\nthere\n").flags(FD_FLAG_IGNORE_CASE),
        case("flags-strip-trailing-cr", b"a\r\nb\r\n", b"a\nc\n").flags(FD_FLAG_STRIP_TRAILING_CR),
        case("flags-combined", b"A  B\r\nx\n", b"a b\ny\n")
            .flags(FD_FLAG_IGNORE_CASE | FD_FLAG_IGNORE_SPACE_CHANGE | FD_FLAG_STRIP_TRAILING_CR),
        case("flags-no-newline-still-counts", b"a", b"a\n").flags(FD_FLAG_IGNORE_ALL_SPACE),
        case("flags-unknown-bit", b"a\n", b"b\n").flags(1 << 5).fails_with(FD_ERR_INVALID_OPTIONS),
    ]
}
