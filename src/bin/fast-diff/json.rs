//! `--json`: the hunks and statistics of a diff as one JSON object (schema
//! in the README, section "The fast-diff command").
//!
//! JSON strings hold Unicode text, and the inputs are any bytes. A byte
//! string that is valid UTF-8 is written as a string field (`text`); any
//! other is written base64-encoded in a field of the same name with
//! `_base64` appended (`text_base64`), so that no byte is replaced or lost.
//!
//! The objects are serialized by hand rather than derived: the name of a
//! bytes field depends on its bytes, and a derive macro would add a
//! procedural macro to every build of the library.

use std::io::{self, Write};
use std::ops::Range;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use fast_diff::{DiffStats, LineDiff, LineKind};
use serde::ser::{Serialize, SerializeStruct, Serializer};

/// The version of the schema: it changes only when a field changes meaning
/// or disappears; new fields may appear without it changing.
const FORMAT_VERSION: u32 = 1;

pub fn write(
    out: &mut impl Write,
    diff: &LineDiff<'_>,
    context: usize,
    stats: &DiffStats,
    old_label: &[u8],
    new_label: &[u8],
) -> io::Result<()> {
    let hunks = diff.hunks(context);
    let hunks = Each(|| {
        hunks.iter().map(|hunk| Numbered {
            old: hunk.old.clone(),
            new: hunk.new.clone(),
            lines: Each(move || {
                hunk.lines.iter().map(move |line| Line {
                    kind: line.kind,
                    old_line: line.old_line,
                    new_line: line.new_line,
                    bytes: diff.line_bytes(line),
                })
            }),
        })
    });
    serde_json::to_writer(&mut *out, &Document { old_label, new_label, stats: Stats(stats), hunks })?;
    out.write_all(b"\n")
}

struct Document<'a, H> {
    old_label: &'a [u8],
    new_label: &'a [u8],
    stats: Stats<'a>,
    hunks: H,
}

impl<H: Serialize> Serialize for Document<'_, H> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut object = serializer.serialize_struct("Document", 5)?;
        object.serialize_field("format_version", &FORMAT_VERSION)?;
        bytes_field(&mut object, ["old_label", "old_label_base64"], self.old_label)?;
        bytes_field(&mut object, ["new_label", "new_label_base64"], self.new_label)?;
        object.serialize_field("stats", &self.stats)?;
        object.serialize_field("hunks", &self.hunks)?;
        object.end()
    }
}

struct Stats<'a>(&'a DiffStats);

impl Serialize for Stats<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let stats = self.0;
        let mut object = serializer.serialize_struct("Stats", 5)?;
        object.serialize_field("identical", &stats.identical)?;
        object.serialize_field("lines_added", &stats.lines_added)?;
        object.serialize_field("lines_removed", &stats.lines_removed)?;
        object.serialize_field("hunks", &stats.hunks)?;
        object.serialize_field("similarity", &stats.similarity)?;
        object.end()
    }
}

/// A hunk: the line ranges of its `@@ -a,b +c,d @@` header, and its lines.
struct Numbered<L> {
    old: Range<usize>,
    new: Range<usize>,
    lines: L,
}

impl<L: Serialize> Serialize for Numbered<L> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // An empty range names the line before it.
        let start = |range: &Range<usize>| if range.is_empty() { range.start } else { range.start + 1 };
        let mut object = serializer.serialize_struct("Hunk", 5)?;
        object.serialize_field("old_start", &start(&self.old))?;
        object.serialize_field("old_count", &self.old.len())?;
        object.serialize_field("new_start", &start(&self.new))?;
        object.serialize_field("new_count", &self.new.len())?;
        object.serialize_field("lines", &self.lines)?;
        object.end()
    }
}

struct Line<'a> {
    kind: LineKind,
    /// 0-based, as the library counts.
    old_line: Option<usize>,
    new_line: Option<usize>,
    bytes: &'a [u8],
}

impl Serialize for Line<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let kind = match self.kind {
            LineKind::Context => "context",
            LineKind::Removed => "removed",
            LineKind::Added => "added",
        };
        let mut object = serializer.serialize_struct("Line", 5)?;
        object.serialize_field("kind", kind)?;
        object.serialize_field("old_line", &self.old_line.map(|n| n + 1))?;
        object.serialize_field("new_line", &self.new_line.map(|n| n + 1))?;
        object.serialize_field("no_newline", &!self.bytes.ends_with(b"\n"))?;
        bytes_field(&mut object, ["text", "text_base64"], self.bytes)?;
        object.end()
    }
}

/// A JSON array of what the iterator made by the closure yields, written
/// as it goes rather than collected first.
struct Each<F>(F);

impl<F, I> Serialize for Each<F>
where
    F: Fn() -> I,
    I: Iterator<Item: Serialize>,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

/// `name` (the first of `names`) holding `bytes` as text when they are
/// UTF-8, else `name_base64` (the second) holding them base64-encoded.
fn bytes_field<S: SerializeStruct>(object: &mut S, names: [&'static str; 2], bytes: &[u8]) -> Result<(), S::Error> {
    match std::str::from_utf8(bytes) {
        Ok(text) => object.serialize_field(names[0], text),
        Err(_) => object.serialize_field(names[1], &STANDARD.encode(bytes)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `bytes_field` alone, in an object of its own.
    struct Field(&'static [u8]);

    impl Serialize for Field {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut object = serializer.serialize_struct("Field", 1)?;
            bytes_field(&mut object, ["text", "text_base64"], self.0)?;
            object.end()
        }
    }

    fn json(bytes: &'static [u8]) -> String {
        serde_json::to_string(&Field(bytes)).unwrap()
    }

    #[test]
    fn text_when_utf8_else_padded_standard_base64() {
        assert_eq!(json(b"ok\n"), r#"{"text":"ok\n"}"#);
        assert_eq!(
            json("a\"b\\c\nd\re\tf\u{1}\u{1f}\u{7f}\u{e9}".as_bytes()),
            "{\"text\":\"a\\\"b\\\\c\\nd\\re\\tf\\u0001\\u001f\u{7f}\u{e9}\"}"
        );
        assert_eq!(json(b"\xff\n"), r#"{"text_base64":"/wo="}"#);
        assert_eq!(json(b"\xff\xfe\x00\x80"), r#"{"text_base64":"//4AgA=="}"#);
    }
}
