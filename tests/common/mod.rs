//! Test helpers: a strict unified-diff applier written independently of the
//! engine (every context and removed line must match at the stated line),
//! and a deterministic generator of awkward texts.

#![allow(dead_code)]

pub mod git;
pub mod scratch;
pub mod three_way;
pub mod trees;

/// What a program run by a test did.
#[derive(Debug, PartialEq, Eq)]
pub struct Outcome {
    pub code: i32,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl Outcome {
    /// Its standard output, as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }
}

/// Splits at LF, keeping it; a last line without LF is a line.
pub fn lines(text: &[u8]) -> Vec<&[u8]> {
    text.split_inclusive(|&b| b == b'\n').collect()
}

/// Applies `diff` to `old` strictly, or says why it cannot.
pub fn apply(old: &[u8], diff: &[u8]) -> Result<Vec<u8>, String> {
    if diff.is_empty() {
        return Ok(old.to_vec());
    }
    let old_lines = lines(old);
    let diff_lines = lines(diff);
    let mut out: Vec<u8> = Vec::new();
    let mut at = 0usize; // next old line to copy
    let mut i = 0;
    if !diff_lines.first().is_some_and(|l| l.starts_with(b"--- "))
        || !diff_lines.get(1).is_some_and(|l| l.starts_with(b"+++ "))
    {
        return Err("missing ---/+++ headers".into());
    }
    i += 2;
    while i < diff_lines.len() {
        let header = std::str::from_utf8(diff_lines[i]).map_err(|_| "hunk header is not UTF-8")?;
        let (old_start, old_count, _, new_count) = parse_header(header)?;
        i += 1;
        // An empty old range names the line before it.
        let first = if old_count == 0 { old_start } else { old_start - 1 };
        if first < at || first > old_lines.len() {
            return Err(format!("hunk at {first} out of order"));
        }
        for line in &old_lines[at..first] {
            out.extend_from_slice(line);
        }
        at = first;
        let (mut seen_old, mut seen_new) = (0, 0);
        while i < diff_lines.len() && !diff_lines[i].starts_with(b"@@ ") {
            let line = diff_lines[i];
            let mut body = line[1..].to_vec();
            let no_newline = diff_lines.get(i + 1).is_some_and(|l| l.starts_with(b"\\ "));
            if no_newline {
                if body.last() != Some(&b'\n') {
                    return Err("line before a no-newline marker must end the diff line".into());
                }
                body.pop();
            } else if body.last() != Some(&b'\n') {
                return Err("diff line without LF".into());
            }
            match line[0] {
                b' ' | b'-' => {
                    if old_lines.get(at).copied() != Some(&body[..]) {
                        return Err(format!("old line {} does not match", at + 1));
                    }
                    if line[0] == b' ' {
                        out.extend_from_slice(&body);
                        seen_new += 1;
                    }
                    at += 1;
                    seen_old += 1;
                }
                b'+' => {
                    out.extend_from_slice(&body);
                    seen_new += 1;
                }
                other => return Err(format!("unexpected diff line tag {:?}", other as char)),
            }
            i += if no_newline { 2 } else { 1 };
        }
        if (seen_old, seen_new) != (old_count, new_count) {
            return Err(format!("hunk counts {old_count},{new_count} but body has {seen_old},{seen_new}"));
        }
    }
    for line in &old_lines[at..] {
        out.extend_from_slice(line);
    }
    Ok(out)
}

fn parse_header(header: &str) -> Result<(usize, usize, usize, usize), String> {
    let rest = header.strip_prefix("@@ -").and_then(|r| r.strip_suffix(" @@\n")).ok_or("bad hunk header")?;
    let (old, new) = rest.split_once(" +").ok_or("bad hunk header")?;
    let range = |r: &str| -> Result<(usize, usize), String> {
        let parse = |s: &str| s.parse::<usize>().map_err(|e| e.to_string());
        match r.split_once(',') {
            Some((s, c)) => Ok((parse(s)?, parse(c)?)),
            None => Ok((parse(r)?, 1)),
        }
    };
    let (a, b) = range(old)?;
    let (c, d) = range(new)?;
    Ok((a, b, c, d))
}

/// A small deterministic generator (xorshift), so failures reproduce.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Lines that make diffs awkward: CRLF, lone CR, NUL, invalid UTF-8,
/// blank, repeated, long.
pub const AWKWARD: &[&[u8]] = &[
    b"alpha\n",
    b"beta\n",
    b"gamma\r\n",
    b"lone\rcr\n",
    b"nul\0byte\n",
    b"\xff\xfe invalid utf-8\n",
    b"\n",
    b"}\n",
    b"    return 0;\n",
    b"caf\xc3\xa9\n",
    b"\\ backslash line\n",
    b"--- looks like a header\n",
    b"+++ so does this\n",
    b"@@ -1 +1 @@\n",
];

/// A text of `n` awkward lines, maybe without its final newline.
pub fn awkward_text(rng: &mut Rng, n: usize) -> Vec<u8> {
    let mut text = Vec::new();
    for _ in 0..n {
        match rng.below(20) {
            0 => text.extend(std::iter::repeat_n(b'x', 3000 + rng.below(3000) as usize).chain([b'\n'])),
            1 => text.extend(format!("unique {}\n", rng.next()).bytes()),
            _ => text.extend_from_slice(AWKWARD[rng.below(AWKWARD.len() as u64) as usize]),
        }
    }
    if !text.is_empty() && rng.below(3) == 0 {
        text.pop();
    }
    text
}

/// `old` with random line edits.
pub fn edit(rng: &mut Rng, old: &[u8]) -> Vec<u8> {
    let mut ls: Vec<Vec<u8>> = lines(old).into_iter().map(<[u8]>::to_vec).collect();
    for _ in 0..=rng.below(6) {
        let at = rng.below(ls.len() as u64 + 1) as usize;
        match rng.below(3) {
            0 if at < ls.len() => {
                ls.remove(at);
            }
            1 if at < ls.len() => ls[at] = awkward_text(rng, 1),
            _ => {
                let n = 1 + rng.below(3) as usize;
                ls.insert(at, awkward_text(rng, n));
            }
        }
    }
    // Only the last line may lack its newline.
    let count = ls.len();
    for (k, line) in ls.iter_mut().enumerate() {
        if k + 1 < count && line.last() != Some(&b'\n') {
            line.push(b'\n');
        }
    }
    ls.concat()
}
