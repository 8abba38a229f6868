//! aider's SEARCH/REPLACE blocks:
//!
//! ````text
//! path/to/file.py
//! ```python
//! <<<<<<< SEARCH
//! the text to find
//! =======
//! its replacement
//! >>>>>>> REPLACE
//! ```
//! ````
//!
//! The path is the last line before the block (or its fence) that is not
//! blank, decorations (`` ` ``, `*`, `#`, a trailing `:`) taken off; a
//! block without one is for the file of the block before it (or, for the
//! first, the one file given). The markers may have 5 to 9 of their
//! characters. An empty SEARCH creates the file, or adds to its end.

use std::borrow::Cow;
use std::collections::HashMap;

use super::blocks::{Block, Kind};
use super::sections::Section;
use crate::patch::Malformed;

pub const EXPECTED_DIVIDER: &str = "a `=======` line after the text to find";
pub const EXPECTED_REPLACE: &str = "a `>>>>>>> REPLACE` line after the replacement";
pub const EXPECTED_BLOCK: &str = "a `<<<<<<< SEARCH` line";

/// `line` is `c` 5 to 9 times, then `word` if given, with blanks around.
fn marker(line: &[u8], c: u8, word: &[u8]) -> bool {
    let line = line.trim_ascii();
    let run = line.iter().take_while(|&&b| b == c).count();
    (5..=9).contains(&run) && line[run..].trim_ascii() == word
}

pub fn is_search(line: &[u8]) -> bool {
    marker(line, b'<', b"SEARCH")
}

fn is_divider(line: &[u8]) -> bool {
    marker(line, b'=', b"")
}

fn is_replace(line: &[u8]) -> bool {
    marker(line, b'>', b"REPLACE")
}

fn is_fence(line: &[u8]) -> bool {
    line.trim_ascii().starts_with(b"```")
}

/// The path a line names, decorations taken off; None for prose.
fn path_of(line: &[u8]) -> Option<&[u8]> {
    let mut name = line.trim_ascii();
    name = name.trim_ascii_start().trim_start_matches_bytes(b"#").trim_ascii();
    loop {
        let before = name.len();
        for c in [b'`', b'*', b'"', b'\''] {
            name = name.strip_prefix(&[c]).unwrap_or(name);
            name = name.strip_suffix(&[c]).unwrap_or(name);
        }
        name = name.strip_suffix(b":").unwrap_or(name).trim_ascii();
        if name.len() == before {
            break;
        }
    }
    let words = name.split(|b| b.is_ascii_whitespace()).filter(|w| !w.is_empty()).count();
    (!name.is_empty() && words == 1).then_some(name)
}

trait TrimBytes {
    fn trim_start_matches_bytes(&self, prefix: &[u8]) -> &[u8];
}

impl TrimBytes for [u8] {
    fn trim_start_matches_bytes(&self, prefix: &[u8]) -> &[u8] {
        let mut rest = self;
        while let Some(more) = rest.strip_prefix(prefix) {
            rest = more;
        }
        rest
    }
}

pub fn parse(patch: &[u8]) -> Result<Vec<Section<'_>>, Malformed> {
    let mut starts = vec![0];
    starts.extend(memchr::memchr_iter(b'\n', patch).map(|i| i + 1));
    if starts.last() != Some(&patch.len()) {
        starts.push(patch.len());
    }
    let count = starts.len() - 1;
    let raw = |i: usize| {
        let line = &patch[starts[i]..starts[i + 1]];
        line.strip_suffix(b"\n").unwrap_or(line)
    };
    let malformed = |i: usize, expected| {
        if i >= count {
            return Malformed { offset: patch.len(), line: count as u64 + 1, expected, found: Vec::new() };
        }
        let line = raw(i);
        Malformed { offset: starts[i], line: i as u64 + 1, expected, found: line[..line.len().min(80)].to_vec() }
    };
    // Blocks by path, in the order paths first appear.
    let mut order: Vec<Option<Vec<u8>>> = Vec::new();
    let mut by_path: HashMap<Option<Vec<u8>>, (Vec<Block<'_>>, usize, usize)> = HashMap::new();
    let mut path: Option<Vec<u8>> = None;
    let mut since_block = 0;
    let mut i = 0;
    while i < count {
        if !is_search(raw(i)) {
            i += 1;
            continue;
        }
        // The path: the last line before the block that is not blank or a
        // fence, unless it is the end of the block before.
        let named = (since_block..i).rev().map(raw).find(|l| !l.trim_ascii().is_empty() && !is_fence(l));
        if let Some(name) = named.and_then(path_of) {
            path = Some(name.to_vec());
        }
        let start = starts[i];
        let divider = (i + 1..count).find(|&j| is_divider(raw(j)) || is_search(raw(j)) || is_replace(raw(j)));
        let Some(divider) = divider.filter(|&j| is_divider(raw(j))) else {
            return Err(malformed(divider.unwrap_or(count), EXPECTED_DIVIDER));
        };
        let end = (divider + 1..count).find(|&j| is_replace(raw(j)) || is_search(raw(j)) || is_divider(raw(j)));
        let Some(end) = end.filter(|&j| is_replace(raw(j))) else {
            return Err(malformed(end.unwrap_or(count), EXPECTED_REPLACE));
        };
        let search = &patch[starts[i + 1]..starts[divider]];
        let replace = &patch[starts[divider + 1]..starts[end]];
        let block = Block {
            search: Cow::Borrowed(search),
            replace: Cow::Borrowed(replace),
            all: false,
            span: start..starts[end + 1],
            kind: Kind::Block,
        };
        let entry = by_path.entry(path.clone()).or_insert_with(|| {
            order.push(path.clone());
            (Vec::new(), start, starts[end + 1])
        });
        entry.0.push(block);
        entry.2 = starts[end + 1];
        i = end + 1;
        since_block = i;
    }
    if order.is_empty() {
        return Err(malformed(0, EXPECTED_BLOCK));
    }
    Ok(order
        .into_iter()
        .map(|path| {
            let (blocks, start, end) = by_path.remove(&path).expect("every path has its blocks");
            Section::of_blocks(path, blocks, start..end)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patch::edits::sections::Op;

    #[test]
    fn blocks_are_read_with_their_paths() {
        let patch = b"Here is the change.\n\nsrc/app.py\n```python\n<<<<<<< SEARCH\ndef f():\n    return 1\n=======\ndef f():\n    return 2\n>>>>>>> REPLACE\n```\n\n<<<<<<<< SEARCH\nx = 1\n========\nx = 2\n>>>>>>>> REPLACE\n\n**`README.md`**:\n<<<<<<< SEARCH\n=======\n# Title\n>>>>>>> REPLACE\n";
        let sections = parse(patch).unwrap();
        assert_eq!(sections.len(), 2);
        assert_eq!(sections[0].info.path.as_deref(), Some(&b"src/app.py"[..]));
        let Op::Blocks(blocks) = &sections[0].op else { panic!() };
        assert_eq!(blocks.len(), 2);
        assert_eq!(&blocks[0].search[..], b"def f():\n    return 1\n");
        assert_eq!(&blocks[0].replace[..], b"def f():\n    return 2\n");
        assert_eq!(&blocks[1].search[..], b"x = 1\n");
        assert!(patch[blocks[0].span.clone()].starts_with(b"<<<<<<< SEARCH"));
        assert_eq!(sections[1].info.path.as_deref(), Some(&b"README.md"[..]));
        let Op::Blocks(blocks) = &sections[1].op else { panic!() };
        assert!(blocks[0].search.is_empty());
    }

    #[test]
    fn unfinished_blocks_say_what_is_missing() {
        let err = parse(b"a.txt\n<<<<<<< SEARCH\nx\n>>>>>>> REPLACE\n").unwrap_err();
        assert_eq!((err.expected, err.line), (EXPECTED_DIVIDER, 4));
        let err = parse(b"a.txt\n<<<<<<< SEARCH\nx\n=======\ny\n").unwrap_err();
        assert_eq!((err.expected, err.line), (EXPECTED_REPLACE, 6));
        assert_eq!(parse(b"nothing here\n").unwrap_err().expected, EXPECTED_BLOCK);
    }

    #[test]
    fn paths_lose_their_decorations() {
        assert_eq!(path_of(b"`src/x.py`:"), Some(&b"src/x.py"[..]));
        assert_eq!(path_of(b"### **a.rs**"), Some(&b"a.rs"[..]));
        assert_eq!(path_of(b"Here is the change:"), None);
    }
}
