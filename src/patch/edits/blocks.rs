//! Search/replace blocks and replacements, applied to one file: each one's
//! text is found at exactly one place (or at every place, when all are
//! asked for), exactly as a substring first, then line by line down the
//! matching ladder; and replaced, keeping the file's bytes where the
//! replacement keeps the lines it found, and its line ends.
//!
//! Blocks are looked for in the file as it was before the patch, so that
//! each is where the file had it; a block that is not there (or overlaps
//! one already placed) is looked for in the file as the blocks before it
//! left it, as when they are applied one after the other. Each such look
//! copies the file once, so the copies are paid for from the same kind of
//! budget as the searches, and the substring searches too.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;

use crate::patch::ApplyOptions;
use crate::patch::apply::render;
use crate::patch::edits::FileOutcome;
use crate::patch::locate::{Finder, LISTED_PLACES, Miss, Request};
use crate::patch::matching::{Line, MatchMode, Text};
use crate::patch::model::{Hunk, HunkLine};
use crate::patch::report::{self, FailReason, HunkOutcome, HunkReport};
use crate::{DiffOptions, LineKind, diff_lines};

/// What a block was written as, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A SEARCH/REPLACE block.
    Block,
    /// A replacement of a list.
    Replacement,
}

/// A text to find and what replaces it.
#[derive(Clone, Debug)]
pub struct Block<'p> {
    pub search: Cow<'p, [u8]>,
    pub replace: Cow<'p, [u8]>,
    /// Replace every occurrence (exactly as written) instead of one.
    pub all: bool,
    /// Where it is in the patch.
    pub span: Range<usize>,
    pub kind: Kind,
}

impl<'p> Block<'p> {
    /// The block undone.
    pub fn reversed(&self) -> Block<'p> {
        Block { search: self.replace.clone(), replace: self.search.clone(), ..self.clone() }
    }

    /// A block that takes the whole of `content` away (undoing an added
    /// file).
    pub fn whole(content: Vec<u8>) -> Block<'p> {
        Block { search: Cow::Owned(content), replace: Cow::Borrowed(b""), all: false, span: 0..0, kind: Kind::Block }
    }

    fn name(&self, number: usize) -> String {
        match self.kind {
            Kind::Block => format!("block {number}"),
            Kind::Replacement => format!("replacement {number}"),
        }
    }

    /// Its report, not tried.
    pub fn not_tried(&self, number: usize) -> HunkReport {
        let mut r = base(self, HunkOutcome::NotTried);
        r.message = self.name(number);
        r
    }
}

fn lines_of(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count() + usize::from(!bytes.is_empty() && !bytes.ends_with(b"\n"))
}

fn base(block: &Block<'_>, outcome: HunkOutcome) -> HunkReport {
    HunkReport {
        outcome,
        reason: None,
        mode: MatchMode::Exact,
        loosest: MatchMode::Exact,
        recounted: false,
        places: Vec::new(),
        more_places: false,
        span: block.span.clone(),
        header: None,
        stated_line: None,
        line: 0,
        new_line: 0,
        offset: 0,
        fuzz: 0,
        candidate: None,
        old_lines: lines_of(&block.search),
        new_lines: lines_of(&block.replace),
        message: String::new(),
    }
}

/// What applying the blocks did.
pub struct Done {
    pub outcome: FileOutcome,
    pub text: Option<Vec<u8>>,
    pub hunks: Vec<HunkReport>,
    pub message: String,
}

/// Where a block's text is in the file.
enum Found {
    /// The bytes it covers, what replaces them, its first line, how it
    /// matched.
    At(Vec<(Range<usize>, Vec<u8>)>, usize, MatchMode),
    Several(Vec<usize>, bool),
    Nowhere,
    Limit,
}

/// The edits placed in one text, by start: the bytes they replace and
/// their replacement.
type Placed = BTreeMap<usize, (usize, Vec<u8>)>;

fn overlaps(placed: &Placed, range: &Range<usize>) -> bool {
    let end = range.end.max(range.start + 1);
    placed.range(..end).next_back().is_some_and(|(&start, &(stop, _))| start < end && stop > range.start)
}

/// `bytes` with the placed edits made.
fn made(bytes: &[u8], placed: &Placed) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut cursor = 0;
    for (&start, (end, with)) in placed {
        out.extend_from_slice(&bytes[cursor..start]);
        out.extend_from_slice(with);
        cursor = *end;
    }
    out.extend_from_slice(&bytes[cursor..]);
    out
}

/// Bytes that substring searches and copies may cost, per byte of the
/// file and the patch, and in any case: memmem reads gigabytes a second.
const BYTES_PER_BYTE: usize = 1024;
const BYTES_BASE: usize = 1 << 30;

pub fn apply(bytes: &[u8], blocks: &[Block<'_>], options: &ApplyOptions) -> Done {
    let patch_bytes: usize = blocks.iter().map(|b| b.search.len() + b.replace.len()).sum();
    let mut byte_budget =
        bytes.len().saturating_add(patch_bytes).saturating_mul(BYTES_PER_BYTE).saturating_add(BYTES_BASE);
    let search_lines: usize = blocks.iter().map(|b| lines_of(&b.search)).sum();
    let modes = options.match_modes();
    let mut reports: Vec<HunkReport> = Vec::with_capacity(blocks.len());
    let mut current: Cow<'_, [u8]> = Cow::Borrowed(bytes);
    let mut next = 0;
    // One round per text: the file as it was, then as the blocks before
    // left it, each time a block is not in the text of the round.
    let result = loop {
        let text = Text::new_for(&current, true);
        let finder = Finder::new(&text, search_lines);
        let mut placed = Placed::new();
        let mut again = false;
        while next < blocks.len() {
            let block = &blocks[next];
            let number = next + 1;
            if block.search.is_empty() {
                // Nothing to find: the text goes at the end.
                let end = current.len();
                let mut with = Vec::new();
                if end > 0 && !current.ends_with(b"\n") {
                    with.extend_from_slice(if text.crlf() { b"\r\n" } else { b"\n" });
                }
                with.extend_from_slice(&adapted(&block.replace, &text));
                let mut r = base(block, HunkOutcome::Applied);
                r.line = text.len() + 1;
                r.message = format!("{} applied: its text added at the end (line {})", block.name(number), r.line);
                placed.insert(end, (end, with));
                reports.push(r);
                next += 1;
                continue;
            }
            let found = locate(block, &finder, &modes, &mut byte_budget);
            let blocked = match &found {
                Found::At(ranges, ..) => ranges.iter().any(|(r, _)| overlaps(&placed, r)),
                Found::Nowhere => true,
                _ => false,
            };
            if blocked && !placed.is_empty() {
                again = true;
                break;
            }
            reports.push(report_of(block, number, found, &finder, &modes, &mut byte_budget, &mut placed));
            next += 1;
        }
        let out = made(&current, &placed);
        if !again {
            break out;
        }
        if byte_budget < out.len() {
            for (k, block) in blocks.iter().enumerate().skip(next) {
                reports.push(report_of(block, k + 1, Found::Limit, &finder, &modes, &mut 0, &mut Placed::new()));
            }
            break out;
        }
        byte_budget -= out.len();
        drop(finder);
        drop(text);
        current = Cow::Owned(out);
    };
    let count = |o: HunkOutcome| reports.iter().filter(|r| r.outcome == o).count();
    let (failed, already, total) = (count(HunkOutcome::Failed), count(HunkOutcome::AlreadyApplied), reports.len());
    let noun = |n: usize| match (blocks.first().map(|b| b.kind), n) {
        (Some(Kind::Replacement), 1) => "replacement",
        (Some(Kind::Replacement), _) => "replacements",
        (_, 1) => "block",
        _ => "blocks",
    };
    let (outcome, mut message) = if failed == 0 && already == total {
        (FileOutcome::AlreadyApplied, format!("already applied: all {total} {} are in their applied form", noun(total)))
    } else if failed + already == 0 {
        (FileOutcome::Applied, format!("applied {total} of {total} {}", noun(2)))
    } else {
        let mut m = format!("{} of {total} {} do not apply", failed + already, noun(2));
        if already > 0 {
            m.push_str(&format!(" ({already} already applied)"));
        }
        (FileOutcome::HunksFailed, m)
    };
    report::list_hunks(&mut message, &reports);
    let text = (outcome == FileOutcome::Applied).then_some(result);
    Done { outcome, text, hunks: reports, message }
}

/// The report of a block found as `found`, placing it in `placed` when it
/// is found.
fn report_of(
    block: &Block<'_>,
    number: usize,
    found: Found,
    finder: &Finder<'_, '_>,
    modes: &[MatchMode],
    byte_budget: &mut usize,
    placed: &mut Placed,
) -> HunkReport {
    let mut r = base(block, HunkOutcome::Applied);
    match found {
        Found::At(ranges, line, mode) => {
            r.line = line;
            r.mode = mode;
            r.message = format!("{} applied at line {line}", block.name(number));
            if ranges.len() > 1 {
                r.message.push_str(&format!(" and {} more places", ranges.len() - 1));
            }
            if mode != MatchMode::Exact {
                r.message.push_str(&format!(", {}", report::rung(mode)));
            }
            for (range, with) in ranges {
                placed.insert(range.start, (range.end, with));
            }
        }
        Found::Several(places, more) => {
            r.outcome = HunkOutcome::Failed;
            r.reason = Some(FailReason::Ambiguous);
            r.places = places;
            r.more_places = more;
            r.message = format!(
                "{} does not apply: its text is at several places ({}); add lines around it to tell them apart{}",
                block.name(number),
                report::places(&r.places, more),
                if block.kind == Kind::Replacement {
                    ", or ask for every one to be replaced (replace_all)"
                } else {
                    ""
                }
            );
        }
        Found::Limit => {
            r.outcome = HunkOutcome::Failed;
            r.reason = Some(FailReason::Limit);
            r.message = format!(
                "{} was not looked for everywhere: the search budget for this file was spent (many blocks, each read the whole file); send fewer at a time",
                block.name(number)
            );
        }
        Found::Nowhere => {
            let undone = block.reversed();
            match (block.replace.is_empty(), locate(&undone, finder, modes, byte_budget)) {
                (false, Found::At(_, line, mode)) => {
                    r.outcome = HunkOutcome::AlreadyApplied;
                    r.line = line;
                    r.mode = mode;
                    r.message = format!("{} is already applied: its replacement is at line {line}", block.name(number));
                }
                _ => {
                    r.outcome = HunkOutcome::Failed;
                    r.reason = Some(FailReason::Mismatch);
                    r.loosest = *modes.last().unwrap_or(&MatchMode::Exact);
                    let search = split(&block.search);
                    r.candidate = finder.candidate(&search, 0, r.loosest);
                    r.message = not_found(block, number, &search, &r);
                }
            }
        }
    }
    r
}

/// `text` as lines.
fn split(text: &[u8]) -> Vec<Line<'_>> {
    let t = Text::new_for(text, false);
    (0..t.len()).map(|i| t.line(i)).collect()
}

/// The message of a block found nowhere.
fn not_found(block: &Block<'_>, number: usize, search: &[Line<'_>], r: &HunkReport) -> String {
    let mut m =
        format!("{} does not apply: its {} lines to find are not in the file", block.name(number), search.len());
    match &r.candidate {
        Some(c) => {
            m.push_str(&format!("; closest: line {}, where {} of {} lines match", c.line, c.matching, search.len()));
            if let Some((line, expected, found)) = &c.difference {
                let found = found.as_deref().map_or("the end of the file".to_string(), report::quoted);
                m.push_str(&format!(
                    "; first difference at line {line}: the block has {}, the file has {found}",
                    report::quoted(expected)
                ));
            }
        }
        None => m.push_str("; none of its lines is in the file"),
    }
    m
}

/// `replace` with the file's line ends: when every line of the file ends
/// in CRLF, lines that end in LF alone get CRLF.
fn adapted<'a>(replace: &'a [u8], text: &Text<'_>) -> Cow<'a, [u8]> {
    if !text.crlf() || !memchr::memchr_iter(b'\n', replace).any(|i| i == 0 || replace[i - 1] != b'\r') {
        return Cow::Borrowed(replace);
    }
    let mut out = Vec::with_capacity(replace.len() + replace.len() / 16);
    for (i, &b) in replace.iter().enumerate() {
        if b == b'\n' && (i == 0 || replace[i - 1] != b'\r') {
            out.push(b'\r');
        }
        out.push(b);
    }
    Cow::Owned(out)
}

/// Where `block`'s text is in the finder's text: as a substring (at every
/// place for `all`), else line by line down the ladder.
fn locate(block: &Block<'_>, finder: &Finder<'_, '_>, modes: &[MatchMode], byte_budget: &mut usize) -> Found {
    let text = finder.text();
    let bytes = text.bytes;
    let search = &block.search[..];
    let places = match substrings(bytes, search, block.all, finder, byte_budget) {
        Some(places) => places,
        None => return Found::Limit,
    };
    let line_of = |at: usize| text.line_at(at) + 1;
    match (places.len(), block.all) {
        (0, _) => {}
        (1, _) | (_, true) => {
            let with = adapted(&block.replace, text).into_owned();
            let first = line_of(places[0]);
            return Found::At(
                places.into_iter().map(|at| (at..at + search.len(), with.clone())).collect(),
                first,
                MatchMode::Exact,
            );
        }
        (n, false) => {
            let more = n > LISTED_PLACES;
            return Found::Several(places.into_iter().take(LISTED_PLACES).map(line_of).collect(), more);
        }
    }
    if block.all {
        return Found::Nowhere;
    }
    // Line by line: the block as a hunk whose lines the replacement keeps
    // are context, so that they keep the file's bytes. Lines are whole
    // here: a last line without LF is the file's line, whatever its end.
    let (search, replace) = (with_lf(&block.search), with_lf(&block.replace));
    let hunk = as_hunk(&search, &replace);
    let request = Request {
        hunk: &hunk,
        lo: 0,
        until: usize::MAX,
        guess: None,
        max_offset: usize::MAX,
        max_fuzz: 0,
        modes: &modes[1.min(modes.len())..],
        trust_context: false,
        at_start: false,
        at_end: false,
    };
    match finder.find(&request) {
        Ok(placed) => {
            let mut with = Vec::new();
            let end = render(text, &hunk, &placed, &mut with);
            let range = text.start_of(placed.pos)..text.start_of(end);
            Found::At(vec![(range, with)], placed.pos + 1, placed.mode)
        }
        Err(Miss::Ambiguous(places, more)) => Found::Several(places.into_iter().map(|p| p + 1).collect(), more),
        Err(Miss::Limit) => Found::Limit,
        Err(_) => Found::Nowhere,
    }
}

/// Where `search` is in `bytes`, as a substring: every place, up to one
/// more than are listed unless `all`; None when the budget is spent.
fn substrings(
    bytes: &[u8],
    search: &[u8],
    all: bool,
    finder: &Finder<'_, '_>,
    byte_budget: &mut usize,
) -> Option<Vec<usize>> {
    let limit = if all { usize::MAX } else { LISTED_PLACES + 1 };
    // A search holding a whole line is looked for where its rarest whole
    // line is; any other, by reading the file.
    if let Some(places) = by_whole_lines(bytes, search, limit, finder) {
        return places;
    }
    if *byte_budget < bytes.len() {
        return None;
    }
    *byte_budget -= bytes.len();
    Some(
        memchr::memmem::find_iter(bytes, search)
            .scan(0, |next, at| {
                // Non-overlapping, as replacing them all needs.
                if at < *next {
                    return Some(None);
                }
                *next = at + search.len();
                Some(Some(at))
            })
            .flatten()
            .take(limit)
            .collect(),
    )
}

/// The substring places of `search` found where its rarest whole line is
/// (a line that follows one of its LFs and ends with another), when it has
/// one; None otherwise, or Some(None) when the budget is spent.
fn by_whole_lines(bytes: &[u8], search: &[u8], limit: usize, finder: &Finder<'_, '_>) -> Option<Option<Vec<usize>>> {
    let ends: Vec<usize> = memchr::memchr_iter(b'\n', search).collect();
    let text = finder.text();
    let mut best: Option<(usize, &[usize])> = None;
    for pair in ends.windows(2) {
        let line = (&search[pair[0] + 1..pair[1]], true);
        let Ok(lines) = finder.line_places(line, MatchMode::Exact) else { return Some(None) };
        if best.is_none_or(|(_, b)| lines.len() < b.len()) {
            best = Some((pair[0] + 1, lines));
        }
    }
    let (offset, lines) = best?;
    let mut places = Vec::new();
    let mut next = 0;
    for &j in lines {
        let Some(start) = text.start_of(j).checked_sub(offset) else { continue };
        if start < next {
            continue;
        }
        if finder.charge(1 + search.len() / 64).is_err() {
            return Some(None);
        }
        if bytes[start..].starts_with(search) {
            places.push(start);
            next = start + search.len();
            if places.len() >= limit {
                break;
            }
        }
    }
    Some(Some(places))
}

/// `text` ending with LF, unless it is empty.
fn with_lf(text: &[u8]) -> Cow<'_, [u8]> {
    if text.is_empty() || text.ends_with(b"\n") { Cow::Borrowed(text) } else { Cow::Owned([text, b"\n"].concat()) }
}

/// The block as a hunk: its search and replacement lines diffed, so that
/// the lines it keeps are context and keep the file's bytes.
fn as_hunk<'a>(search: &'a [u8], replace: &'a [u8]) -> Hunk<'a> {
    let (old, new) = (split(search), split(replace));
    let line = |kind, l: &Line<'a>| HunkLine { kind, body: l.0, newline: l.1 };
    let mut lines = Vec::with_capacity(old.len() + new.len());
    match diff_lines(search, replace, &DiffOptions::default()) {
        Ok(diff) => {
            let mut i = 0;
            for change in diff.changes() {
                lines.extend(old[i..change.old.start].iter().map(|l| line(LineKind::Context, l)));
                lines.extend(old[change.old.clone()].iter().map(|l| line(LineKind::Removed, l)));
                lines.extend(new[change.new.clone()].iter().map(|l| line(LineKind::Added, l)));
                i = change.old.end;
            }
            lines.extend(old[i..].iter().map(|l| line(LineKind::Context, l)));
        }
        // Too many lines to diff: all of them replaced.
        Err(_) => {
            lines.extend(old.iter().map(|l| line(LineKind::Removed, l)));
            lines.extend(new.iter().map(|l| line(LineKind::Added, l)));
        }
    }
    Hunk { header: None, span: 0..0, lines, recounted: false }
}
