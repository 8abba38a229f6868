//! A deterministic generator of three-way merge cases: a base, and two sides
//! edited from it at random, with the shapes a merge must get right made
//! likely: overlapping, adjacent and identical edits, deletions against
//! edits, empty texts, no final newline, CRLF, NULs and invalid UTF-8, and
//! lines that repeat (blank lines, braces) so that diffs have choices.

use super::Rng;

#[derive(Clone)]
pub struct Case {
    pub base: Vec<u8>,
    pub ours: Vec<u8>,
    pub theirs: Vec<u8>,
}

/// The draws the generator makes, from the tests' shared generator.
pub trait Draw {
    /// A number below `n` (0 when `n` is 0).
    fn index(&mut self, n: usize) -> usize;
    /// True once in `n` times.
    fn one_in(&mut self, n: usize) -> bool;
    /// One of `items`.
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T;
}

impl Draw for Rng {
    fn index(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn one_in(&mut self, n: usize) -> bool {
        self.index(n) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }
}

/// Lines that occur many times in real files, and awkward bytes.
const COMMON: &[&[u8]] = &[
    b"\n",
    b"}\n",
    b"    }\n",
    b"{\n",
    b"\treturn 0;\n",
    b"---\n",
    b"  \n",
    b"x\n",
    b"a\r\n",
    b"\0\n",
    b"nul\0inside\n",
    b"\xff\xfe bad utf-8\n",
    b"caf\xc3\xa9\n",
    b"lone\rcr\n",
    b"<<<<<<< not a marker\n",
];

/// Lines without a letter or digit.
const PUNCTUATION: &[&[u8]] = &[b"\n", b"}\n", b"    }\n", b"{\n", b"---\n", b"  \n", b");\n"];

fn line(rng: &mut Rng, tag: &str, unique: &mut usize) -> Vec<u8> {
    if rng.one_in(3) {
        rng.pick(COMMON).to_vec()
    } else {
        *unique += 1;
        // A small vocabulary, so that lines also repeat by chance.
        format!("{tag} {}\n", if rng.one_in(2) { *unique } else { rng.index(6) }).into_bytes()
    }
}

fn lines(rng: &mut Rng, count: usize, tag: &str, unique: &mut usize) -> Vec<Vec<u8>> {
    (0..count).map(|_| line(rng, tag, unique)).collect()
}

/// One random edit near `at`: delete, insert or replace a few lines.
fn edit(rng: &mut Rng, text: &mut Vec<Vec<u8>>, at: usize, tag: &str, unique: &mut usize) {
    let at = at.min(text.len());
    let len = 1 + rng.index(3);
    let end = (at + len).min(text.len());
    match rng.index(3) {
        0 => {
            text.drain(at..end);
        }
        1 => {
            let new = lines(rng, len, tag, unique);
            text.splice(at..at, new);
        }
        _ => {
            let count = 1 + rng.index(3);
            let new = lines(rng, count, tag, unique);
            text.splice(at..end, new);
        }
    }
}

fn join(lines: &[Vec<u8>], rng: &mut Rng) -> Vec<u8> {
    let mut text = lines.concat();
    if rng.one_in(4) {
        // No final newline (a CRLF text may keep its CR).
        text.pop();
    }
    text
}

/// Small texts most of the time: conflicts, line endings and ends of text
/// then meet often.
const SIZES: [usize; 12] = [0, 1, 1, 2, 3, 4, 6, 8, 10, 14, 20, 30];

/// A block both sides put in place of the same base lines, each then
/// changing it a little: a conflict whose sides share most lines, so that
/// narrowing it splits it, and joining puts pieces back together.
fn shared_block(rng: &mut Rng, ours: &mut Vec<Vec<u8>>, theirs: &mut Vec<Vec<u8>>, at: usize, unique: &mut usize) {
    let at = at.min(ours.len()).min(theirs.len());
    let replaced = rng.index(4);
    let punctuation = rng.one_in(3);
    let block = if punctuation {
        // Lines with no letter or digit between two that both sides change.
        let mut block = lines(rng, 1, "both", unique);
        for _ in 0..3 + rng.index(3) {
            block.push(rng.pick(PUNCTUATION).to_vec());
        }
        block.extend(lines(rng, 1, "both", unique));
        block
    } else {
        let size = 2 + rng.index(7);
        lines(rng, size, "both", unique)
    };
    for (side, tag) in [(&mut *ours, "ours"), (&mut *theirs, "theirs")] {
        let end = (at + replaced).min(side.len());
        side.splice(at..end, block.iter().cloned());
        if punctuation {
            side[at] = line(rng, tag, unique);
            side[at + block.len() - 1] = line(rng, tag, unique);
        }
        for _ in 0..rng.index(if punctuation { 1 } else { 3 }) {
            let inside = at + rng.index(block.len());
            edit(rng, side, inside, tag, unique);
        }
    }
}

/// A case from `rng`.
pub fn case(rng: &mut Rng) -> Case {
    let mut unique = 0;
    let count = *rng.pick(&SIZES);
    let base_lines = lines(rng, count, "base", &mut unique);
    let (mut ours, mut theirs) = (base_lines.clone(), base_lines.clone());
    // Edits both sides make alike, then each side's own, made near one
    // another so that they overlap or touch often.
    let focus = rng.index(base_lines.len() + 1);
    match rng.index(3) {
        0 => shared_block(rng, &mut ours, &mut theirs, focus, &mut unique),
        1 => {
            let seed = rng.next() | 1;
            let (mut unique_a, mut unique_b) = (unique, unique);
            edit(&mut Rng(seed), &mut ours, focus, "both", &mut unique_a);
            edit(&mut Rng(seed), &mut theirs, focus, "both", &mut unique_b);
            unique = unique_a;
        }
        _ => {}
    }
    for (side, tag) in [(&mut ours, "ours"), (&mut theirs, "theirs")] {
        for _ in 0..rng.index(4) {
            let at = if rng.one_in(3) { rng.index(side.len() + 1) } else { (focus + rng.index(6)).saturating_sub(2) };
            edit(rng, side, at, tag, &mut unique);
        }
    }
    let crlf = rng.one_in(5);
    let finish = |lines: &[Vec<u8>], rng: &mut Rng| {
        let text = join(lines, rng);
        if crlf { to_crlf(&text) } else { text }
    };
    let base = finish(&base_lines, rng);
    let mut ours = finish(&ours, rng);
    let mut theirs = finish(&theirs, rng);
    if rng.one_in(25) {
        ours.clear();
    }
    if rng.one_in(25) {
        theirs.clear();
    }
    Case { base, ours, theirs }
}

/// Every LF not already after a CR gets one.
fn to_crlf(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + text.len() / 8);
    for (i, &b) in text.iter().enumerate() {
        if b == b'\n' && (i == 0 || text[i - 1] != b'\r') {
            out.push(b'\r');
        }
        out.push(b);
    }
    out
}
