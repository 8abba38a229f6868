//! Lists of replacements, as JSON: what the reference MCP filesystem
//! server's `edit_file` and `str_replace` editor tools take.
//!
//! ```json
//! [{"path": "src/a.py", "old_text": "x = 1", "new_text": "x = 2"}]
//! ```
//!
//! or `{"path": "src/a.py", "edits": [{"oldText": "x = 1", "newText": "x = 2"}]}`, or one
//! replacement alone. The texts are also read as `oldText`/`newText`,
//! `old_str`/`new_str`, `old_string`/`new_string`; the path as `file`,
//! `file_path` or `filePath`; `replace_all` (or `replaceAll`) true replaces
//! every occurrence instead of the one there must be. A replacement without
//! a path is for the one file given, or the path of the list. JSON text is
//! Unicode: replacements of bytes that are not UTF-8 are made with the
//! other formats. A code fence around the JSON is ignored.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde_json::Value;
use serde_json::value::RawValue;

use super::blocks::{Block, Kind};
use super::sections::Section;
use crate::patch::Malformed;

pub const EXPECTED_JSON: &str =
    "a JSON list of replacements (objects with old_text and new_text) or an object with `edits`";
pub const EXPECTED_REPLACEMENT: &str =
    "a replacement: an object with old_text and new_text (or oldText/newText, old_str/new_str, old_string/new_string)";
pub const EXPECTED_UTF8: &str = "UTF-8 text (JSON is Unicode)";

const OLD: &[&str] = &["old_text", "oldText", "old_str", "old_string"];
const NEW: &[&str] = &["new_text", "newText", "new_str", "new_string"];
const PATH: &[&str] = &["path", "file", "file_path", "filePath"];
const ALL: &[&str] = &["replace_all", "replaceAll"];

/// Where the JSON is: the patch, or the inside of a code fence around it.
fn json_range(patch: &[u8]) -> core::ops::Range<usize> {
    let start = patch.len() - patch.trim_ascii_start().len();
    let rest = &patch[start..];
    if rest.starts_with(b"```") {
        let body = memchr::memchr(b'\n', rest).map_or(patch.len(), |n| start + n + 1);
        let end = memchr::memmem::rfind(&patch[body..], b"```").map_or(patch.len(), |n| body + n);
        return body..end.max(body);
    }
    start..patch.len()
}

/// Whether `patch` is (fenced) JSON: it begins with `[` or `{`.
pub fn looks_like(patch: &[u8]) -> bool {
    let range = json_range(patch);
    matches!(patch[range].trim_ascii_start().first(), Some(b'[' | b'{'))
}

pub fn parse(patch: &[u8]) -> Result<Vec<Section<'_>>, Malformed> {
    let range = json_range(patch);
    let base = range.start;
    let at = |offset: usize, expected| {
        let offset = offset.min(patch.len());
        let line = memchr::memchr_iter(b'\n', &patch[..offset]).count() as u64 + 1;
        let end = memchr::memchr(b'\n', &patch[offset..]).map_or(patch.len(), |n| offset + n);
        Malformed { offset, line, expected, found: patch[offset..end.min(offset + 80)].to_vec() }
    };
    let json = match core::str::from_utf8(&patch[range.clone()]) {
        Ok(json) => json,
        Err(e) => return Err(at(base + e.valid_up_to(), EXPECTED_UTF8)),
    };
    let offset_of = |raw: &RawValue| raw.get().as_ptr() as usize - json.as_ptr() as usize + base;
    let syntax = |e: serde_json::Error| {
        // serde_json counts lines and columns (1-based) in the JSON.
        let line_start: usize =
            json.split_inclusive('\n').take(e.line().saturating_sub(1)).map(str::len).sum::<usize>();
        at(base + line_start + e.column().saturating_sub(1), EXPECTED_JSON)
    };
    // The replacements as raw JSON, to know where each is, and the path
    // of the list.
    let top: &RawValue = serde_json::from_str(json).map_err(syntax)?;
    let trimmed = top.get().trim_start();
    let (items, list_path): (Vec<&RawValue>, Option<String>) = if trimmed.starts_with('[') {
        (serde_json::from_str(top.get()).map_err(syntax)?, None)
    } else {
        let fields: BTreeMap<String, &RawValue> = serde_json::from_str(top.get()).map_err(syntax)?;
        let path = PATH.iter().find_map(|k| fields.get(*k)).and_then(|v| serde_json::from_str::<String>(v.get()).ok());
        match fields.get("edits") {
            Some(edits) => (serde_json::from_str(edits.get()).map_err(|_| at(offset_of(edits), EXPECTED_JSON))?, path),
            None => (vec![top], None),
        }
    };
    if items.is_empty() {
        return Err(at(offset_of(top), EXPECTED_REPLACEMENT));
    }
    let mut order: Vec<Option<String>> = Vec::new();
    let mut by_path: BTreeMap<Option<String>, (Vec<Block<'_>>, usize, usize)> = BTreeMap::new();
    for raw in items {
        let start = offset_of(raw);
        let span = start..start + raw.get().len();
        let Ok(Value::Object(object)) = serde_json::from_str::<Value>(raw.get()) else {
            return Err(at(start, EXPECTED_REPLACEMENT));
        };
        let text = |keys: &[&str]| keys.iter().find_map(|k| object.get(*k)).and_then(Value::as_str).map(str::to_owned);
        let (Some(old), Some(new)) = (text(OLD), text(NEW)) else {
            return Err(at(start, EXPECTED_REPLACEMENT));
        };
        let all = ALL.iter().find_map(|k| object.get(*k)).and_then(Value::as_bool).unwrap_or(false);
        let path = text(PATH).or_else(|| list_path.clone());
        let block = Block {
            search: Cow::Owned(old.into_bytes()),
            replace: Cow::Owned(new.into_bytes()),
            all,
            span: span.clone(),
            kind: Kind::Replacement,
        };
        let entry = by_path.entry(path.clone()).or_insert_with(|| {
            order.push(path.clone());
            (Vec::new(), span.start, span.end)
        });
        entry.0.push(block);
        entry.2 = span.end;
    }
    Ok(order
        .into_iter()
        .map(|path| {
            let (blocks, start, end) = by_path.remove(&path).expect("every path has its replacements");
            Section::of_blocks(path.map(String::into_bytes), blocks, start..end)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patch::edits::sections::Op;

    fn blocks<'a>(section: &'a Section<'_>) -> &'a [Block<'a>] {
        match &section.op {
            Op::Blocks(b) => b,
            _ => panic!("not blocks"),
        }
    }

    #[test]
    fn every_spelling_of_a_replacement_list() {
        let patch = br#"```json
[{"path": "a.py", "old_text": "x", "new_text": "y"},
 {"file_path": "b.py", "old_string": "p", "new_string": "q", "replace_all": true},
 {"path": "a.py", "oldText": "1", "newText": "2"}]
```"#;
        let sections = parse(patch).unwrap();
        assert_eq!(sections.len(), 2);
        assert_eq!(sections[0].info.path.as_deref(), Some(&b"a.py"[..]));
        let a = blocks(&sections[0]);
        assert_eq!((&a[0].search[..], &a[1].replace[..]), (&b"x"[..], &b"2"[..]));
        assert!(patch[a[0].span.clone()].starts_with(b"{\"path\": \"a.py\""));
        assert!(blocks(&sections[1])[0].all);
        let object = br#"{"path": "c.txt", "edits": [{"old_str": "a", "new_str": "b"}], "dryRun": false}"#;
        let sections = parse(object).unwrap();
        assert_eq!(sections[0].info.path.as_deref(), Some(&b"c.txt"[..]));
        let single = parse(br#"{"old_text": "a", "new_text": "b"}"#).unwrap();
        assert_eq!(single[0].info.path, None);
    }

    #[test]
    fn bad_json_says_where() {
        let err = parse(b"[{\"old_text\": \"a\",\n  \"new_text\": }]").unwrap_err();
        assert_eq!((err.expected, err.line), (EXPECTED_JSON, 2));
        let err = parse(b"[{\"old_text\": \"a\"}]").unwrap_err();
        assert_eq!((err.expected, err.offset), (EXPECTED_REPLACEMENT, 1));
        assert_eq!(parse(b"[\"\xff\"]").unwrap_err().expected, EXPECTED_UTF8);
        assert_eq!(parse(b"[]").unwrap_err().expected, EXPECTED_REPLACEMENT);
    }
}
