//! `--json`: the hunks and statistics of a diff as one JSON object (schema
//! in the README, section "The fast-diff command").
//!
//! JSON strings hold Unicode text, and the inputs are any bytes. A byte
//! string that is valid UTF-8 is written as a string field (`text`); any
//! other is written base64-encoded in a field of the same name with
//! `_base64` appended (`text_base64`), so that no byte is replaced or lost.

use std::io::{self, Write};

use fast_diff::{DiffStats, LineDiff, LineKind};

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
    write!(out, "{{\"format_version\":{FORMAT_VERSION},")?;
    bytes_field(out, "old_label", old_label)?;
    out.write_all(b",")?;
    bytes_field(out, "new_label", new_label)?;
    write!(
        out,
        ",\"stats\":{{\"identical\":{},\"lines_added\":{},\"lines_removed\":{},\"hunks\":{},\"similarity\":{}}}",
        stats.identical, stats.lines_added, stats.lines_removed, stats.hunks, stats.similarity
    )?;
    out.write_all(b",\"hunks\":[")?;
    for (h, hunk) in diff.hunks(context).iter().enumerate() {
        if h > 0 {
            out.write_all(b",")?;
        }
        // The numbers of the `@@ -a,b +c,d @@` header: an empty range names
        // the line before it.
        let start = |range: &core::ops::Range<usize>| if range.is_empty() { range.start } else { range.start + 1 };
        write!(
            out,
            "{{\"old_start\":{},\"old_count\":{},\"new_start\":{},\"new_count\":{},\"lines\":[",
            start(&hunk.old),
            hunk.old.len(),
            start(&hunk.new),
            hunk.new.len()
        )?;
        for (i, line) in hunk.lines.iter().enumerate() {
            let kind = match line.kind {
                LineKind::Context => "context",
                LineKind::Removed => "removed",
                LineKind::Added => "added",
            };
            let number = |n: Option<usize>| n.map_or_else(|| "null".to_string(), |n| (n + 1).to_string());
            let bytes = diff.line_bytes(line);
            write!(
                out,
                "{}{{\"kind\":\"{kind}\",\"old_line\":{},\"new_line\":{},\"no_newline\":{},",
                if i > 0 { "," } else { "" },
                number(line.old_line),
                number(line.new_line),
                !bytes.ends_with(b"\n"),
            )?;
            bytes_field(out, "text", bytes)?;
            out.write_all(b"}")?;
        }
        out.write_all(b"]}")?;
    }
    out.write_all(b"]}\n")
}

/// `"name":"text"` when `bytes` is UTF-8, else `"name_base64":"..."`.
fn bytes_field(out: &mut impl Write, name: &str, bytes: &[u8]) -> io::Result<()> {
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            write!(out, "\"{name}\":")?;
            string(out, text)
        }
        Err(_) => {
            write!(out, "\"{name}_base64\":\"")?;
            base64(out, bytes)?;
            out.write_all(b"\"")
        }
    }
}

/// A JSON string: quotes, backslashes and control characters escaped.
fn string(out: &mut impl Write, text: &str) -> io::Result<()> {
    out.write_all(b"\"")?;
    let bytes = text.as_bytes();
    let mut plain = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape: Option<&[u8]> = match b {
            b'"' => Some(b"\\\""),
            b'\\' => Some(b"\\\\"),
            b'\n' => Some(b"\\n"),
            b'\r' => Some(b"\\r"),
            b'\t' => Some(b"\\t"),
            0..=0x1f => None,
            _ => continue,
        };
        out.write_all(&bytes[plain..i])?;
        match escape {
            Some(e) => out.write_all(e)?,
            None => write!(out, "\\u{b:04x}")?,
        }
        plain = i + 1;
    }
    out.write_all(&bytes[plain..])?;
    out.write_all(b"\"")
}

/// Standard base64 (RFC 4648, with padding).
fn base64(out: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        let mut quad = [b'='; 4];
        for (i, slot) in quad.iter_mut().enumerate().take(chunk.len() + 1) {
            *slot = ALPHABET[(n >> (18 - 6 * i) & 63) as usize];
        }
        out.write_all(&quad)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(f: impl Fn(&mut Vec<u8>) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        f(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn base64_of_every_length_mod_3() {
        for (input, expected) in
            [(&b""[..], ""), (b"f", "Zg=="), (b"fo", "Zm8="), (b"foo", "Zm9v"), (b"\xff\xfe\x00\x80", "//4AgA==")]
        {
            assert_eq!(encode(|o| base64(o, input)), expected);
        }
    }

    #[test]
    fn strings_escape_what_json_requires() {
        assert_eq!(
            encode(|o| string(o, "a\"b\\c\nd\re\tf\u{1}\u{1f}\u{7f}\u{e9}")),
            "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001\\u001f\u{7f}\u{e9}\""
        );
        assert_eq!(encode(|o| bytes_field(o, "text", b"ok\n")), "\"text\":\"ok\\n\"");
        assert_eq!(encode(|o| bytes_field(o, "text", b"\xff\n")), "\"text_base64\":\"/wo=\"");
    }
}
