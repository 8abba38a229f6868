//! Applying one file section to a text: every hunk is placed first, then
//! the result is written in one pass, so a failure leaves nothing half
//! done. When a hunk fails, the section is tried backwards to tell a patch
//! that is already applied from one that does not fit.

use super::locate::{Finder, Miss, Placement, Request};
use super::matching::{Line, MatchMode, Text};
use super::model::{FileChange, FilePatch, Hunk, HunkLine};
use super::options::ApplyOptions;
use super::report::{self, FailReason, FileInfo, HunkOutcome, HunkReport, Report};
use super::{Applied, ApplyError};
use crate::LineKind;

/// One hunk's search: where it was expected and what was found.
pub(crate) struct Attempt {
    pub(crate) result: Result<Placement, Miss>,
    pub(crate) guess: Option<usize>,
    pub(crate) lo: usize,
}

/// How the hunks of a section are placed, and named in messages.
pub(crate) trait Placer {
    /// Where each hunk of `file` goes in the finder's text, in order.
    fn place(&self, finder: &Finder<'_, '_>, file: &FilePatch<'_>, options: &ApplyOptions) -> Vec<Attempt>;

    /// How hunk `number` is named in messages.
    fn name(&self, number: usize, hunk: &Hunk<'_>) -> String {
        report::hunk_name(number, hunk.header)
    }

    /// Why hunk `number` missed its `Miss::Scope`, in words, after `name`.
    fn scope_missed(&self, _number: usize, _scope: usize) -> String {
        "its scope line is not in the text".into()
    }
}

/// Unified diffs' hunks: at their stated lines, as GNU patch places them.
pub(crate) struct Stated;

impl Placer for Stated {
    fn place(&self, finder: &Finder<'_, '_>, file: &FilePatch<'_>, options: &ApplyOptions) -> Vec<Attempt> {
        place_all(finder, file, options)
    }
}

/// Places the hunks in order: each after the previous one, expected at its
/// stated line moved by the offset the previous hunk needed (as GNU patch).
fn place_all(finder: &Finder<'_, '_>, file: &FilePatch<'_>, options: &ApplyOptions) -> Vec<Attempt> {
    let modes = options.match_modes();
    let whole = matches!(file.change, FileChange::Created | FileChange::Deleted);
    let (mut lo, mut drift, mut closed) = (0usize, 0i128, false);
    let mut attempts = Vec::with_capacity(file.hunks.len());
    for hunk in &file.hunks {
        let guess = hunk.stated_position().map(|s| (i128::from(s) + drift).clamp(0, usize::MAX as i128) as usize);
        let request = Request {
            hunk,
            lo,
            until: usize::MAX,
            guess,
            max_offset: options.max_offset,
            max_fuzz: options.fuzz,
            modes: &modes,
            trust_context: !options.recount && !hunk.recounted && hunk.header.is_some(),
            at_start: whole,
            at_end: whole,
        };
        // After a hunk that ends the text without LF, nothing can follow.
        let result = if closed { Err(Miss::Mismatch) } else { finder.find(&request) };
        if let Ok(placed) = result {
            lo = placed.pos + hunk.old_lines().count();
            if let Some(stated) = hunk.stated_position() {
                drift = placed.pos as i128 - i128::from(stated);
            }
            closed = hunk.new_lines().last().is_some_and(|l| !l.newline);
        }
        attempts.push(Attempt { result, guess, lo: request.lo });
    }
    attempts
}

pub(crate) fn apply_file(bytes: &[u8], file: &FilePatch<'_>, options: &ApplyOptions) -> Result<Applied, ApplyError> {
    apply_placed(bytes, file, options, &Stated)
}

/// Applies `file` to `bytes`, its hunks placed by `placer`.
pub(crate) fn apply_placed(
    bytes: &[u8],
    file: &FilePatch<'_>,
    options: &ApplyOptions,
    placer: &dyn Placer,
) -> Result<Applied, ApplyError> {
    let file = if options.reverse { file.reversed() } else { file.clone() };
    let whole = matches!(file.change, FileChange::Created | FileChange::Deleted);
    let text =
        Text::new_for(bytes, !whole && !file.hunks.iter().flat_map(|h| h.old_lines()).any(|l| starts_bom(l.body)));
    let info = FileInfo::from(&file);
    if file.hunks.is_empty() {
        return hunkless(bytes, info, options.partial);
    }
    let finder = Finder::new(&text, file.hunks.iter().map(|h| h.lines.len()).sum());
    let forward = placer.place(&finder, &file, options);
    if forward.iter().all(|a| a.result.is_ok()) {
        let placements: Vec<Option<Placement>> = forward.iter().map(|a| a.result.clone().ok()).collect();
        let (out, new_lines) = write(&text, &file, &placements);
        let hunks = file
            .hunks
            .iter()
            .zip(&placements)
            .zip(new_lines)
            .enumerate()
            .map(|(k, ((hunk, placed), new_line))| {
                placed_report(placer.name(k + 1, hunk), hunk, placed.unwrap(), new_line, HunkOutcome::Applied)
            })
            .collect();
        return Ok(Applied { text: out, report: summarize(info, hunks) });
    }
    let undone = file.reversed();
    let backward = placer.place(&finder, &undone, options);
    if backward.iter().all(|a| a.result.is_ok()) {
        let hunks = undone
            .hunks
            .iter()
            .zip(&backward)
            .enumerate()
            .map(|(k, (hunk, a))| {
                let name = placer.name(k + 1, &file.hunks[k]);
                let mut r = placed_report(name, hunk, a.result.clone().unwrap(), 0, HunkOutcome::AlreadyApplied);
                (r.header, r.old_lines, r.new_lines) = (file.hunks[k].header, r.new_lines, r.old_lines);
                r
            })
            .collect();
        return Err(ApplyError::AlreadyApplied { report: Box::new(summarize(info, hunks)) });
    }
    let placements: Vec<Option<Placement>> = forward.iter().map(|a| a.result.clone().ok()).collect();
    let (out, new_lines) = write(&text, &file, &placements);
    let mut hunks = Vec::with_capacity(file.hunks.len());
    for (k, hunk) in file.hunks.iter().enumerate() {
        let name = placer.name(k + 1, hunk);
        let report = match (&forward[k].result, &backward[k].result) {
            (Ok(placed), _) => placed_report(name, hunk, *placed, new_lines[k], HunkOutcome::Applied),
            (Err(_), Ok(placed)) => {
                let mut r = placed_report(name, &undone.hunks[k], *placed, 0, HunkOutcome::AlreadyApplied);
                (r.header, r.old_lines, r.new_lines) = (hunk.header, r.new_lines, r.old_lines);
                r
            }
            (Err(Miss::Scope(scope)), Err(_)) => {
                let mut r = failed_report(name.clone(), &file, hunk, &Miss::Mismatch, &forward[k], &finder, options);
                r.message = format!("{name} does not apply: {}", placer.scope_missed(k + 1, *scope));
                r
            }
            (Err(miss), Err(_)) => failed_report(name, &file, hunk, miss, &forward[k], &finder, options),
        };
        hunks.push(report);
    }
    let partial = options.partial.then_some(out);
    Err(ApplyError::HunksFailed { report: Box::new(summarize(info, hunks)), partial })
}

/// A section without hunks changes only names or modes; creating or
/// deleting an empty file needs an empty text.
fn hunkless(bytes: &[u8], info: FileInfo, partial: bool) -> Result<Applied, ApplyError> {
    let verb = match info.change {
        FileChange::Created => "creates",
        FileChange::Deleted => "deletes",
        _ => {
            let message = "the patch has no hunks for this file: the text is unchanged".to_string();
            return Ok(Applied {
                text: bytes.to_vec(),
                report: Report { file: Some(info), hunks: Vec::new(), message },
            });
        }
    };
    if bytes.is_empty() {
        let message = format!("the patch {verb} an empty file: the text is empty and stays so");
        return Ok(Applied { text: Vec::new(), report: Report { file: Some(info), hunks: Vec::new(), message } });
    }
    let message = format!("the patch {verb} an empty file, but the text is not empty");
    let partial = partial.then(|| bytes.to_vec());
    Err(ApplyError::HunksFailed { report: Box::new(Report { file: Some(info), hunks: Vec::new(), message }), partial })
}

fn base_report(hunk: &Hunk<'_>, outcome: HunkOutcome) -> HunkReport {
    HunkReport::new(hunk, outcome)
}

fn placed_report(
    name: String,
    hunk: &Hunk<'_>,
    placed: Placement,
    new_line: usize,
    outcome: HunkOutcome,
) -> HunkReport {
    let mut r = base_report(hunk, outcome);
    r.line = placed.pos + 1;
    r.new_line = new_line;
    // Saturated: a stated line near 2^64 must not wrap round.
    r.offset = hunk
        .stated_position()
        .map_or(0, |s| (placed.pos as i128 - i128::from(s)).clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64);
    r.fuzz = placed.fuzz;
    r.mode = placed.mode;
    r.message = r.placed_message(name);
    r
}

fn failed_report(
    name: String,
    file: &FilePatch<'_>,
    hunk: &Hunk<'_>,
    miss: &Miss,
    attempt: &Attempt,
    finder: &Finder<'_, '_>,
    options: &ApplyOptions,
) -> HunkReport {
    let mut r = base_report(hunk, HunkOutcome::Failed);
    let old: Vec<Line<'_>> = hunk.old_lines().map(|l| (l.body, l.newline)).collect();
    let loosest = *options.match_modes().last().unwrap();
    r.loosest = loosest;
    if !matches!(miss, Miss::Ambiguous(..)) {
        r.candidate = finder.candidate(&old, attempt.guess.unwrap_or(attempt.lo), loosest);
    }
    r.message = match miss {
        Miss::Ambiguous(places, more) => {
            r.reason = Some(FailReason::Ambiguous);
            r.places = places.iter().map(|p| p + 1).collect();
            r.more_places = *more;
            format!(
                "{name} does not apply: it states no line, and its lines are at several places ({}); add context lines to tell them apart",
                report::places(&r.places, *more)
            )
        }
        Miss::Limit => {
            r.reason = Some(FailReason::Limit);
            format!(
                "{name} was not looked for everywhere: the search budget for this text was spent (the lines of this hunk, and of the hunks before it, are each at very many places in the text); give it its right line numbers or rarer context lines"
            )
        }
        Miss::Mismatch | Miss::Scope(_) => {
            r.reason = Some(FailReason::Mismatch);
            let mut m = if file.change == FileChange::Created {
                format!("{name} does not apply: it creates the file, but the text is not empty")
            } else {
                let whole = if file.change == FileChange::Deleted {
                    " (it deletes the file, so they must be all of it)"
                } else {
                    ""
                };
                let place = match attempt.guess {
                    _ if attempt.lo > 0 && options.max_offset == usize::MAX => format!("after line {}", attempt.lo),
                    Some(guess) if options.max_offset != usize::MAX => {
                        format!("within {} lines of line {}", options.max_offset, guess + 1)
                    }
                    _ => "anywhere".to_string(),
                };
                format!(
                    "{name} does not apply: its {} context and removed lines are not in the text {place}{whole}",
                    old.len()
                )
            };
            match &r.candidate {
                Some(c) if c.matching == old.len() => {
                    m.push_str(&format!(
                        "; all of them are at line {}, but {}",
                        c.line,
                        why_not_there(c.line - 1, file, hunk, attempt, options)
                    ));
                }
                Some(c) => {
                    m.push_str(&format!(
                        "; closest: line {}, where {} of {} lines match",
                        c.line,
                        c.matching,
                        old.len()
                    ));
                    if let Some((line, expected, found)) = &c.difference {
                        let found = found.as_deref().map_or("the end of the text".to_string(), report::quoted);
                        m.push_str(&format!(
                            "; first difference at line {line}: the hunk has {}, the text has {found}",
                            report::quoted(expected)
                        ));
                    }
                }
                None if !old.is_empty() => m.push_str("; none of its lines is in the text"),
                None => {}
            }
            m
        }
    };
    r
}

/// Why a hunk whose lines are all at `pos` may not apply there.
fn why_not_there(
    pos: usize,
    file: &FilePatch<'_>,
    hunk: &Hunk<'_>,
    attempt: &Attempt,
    options: &ApplyOptions,
) -> String {
    if pos < attempt.lo {
        return format!("that is before the end of the previous hunk (line {}): hunks apply in order", attempt.lo);
    }
    if let Some(guess) = attempt.guess.filter(|g| g.abs_diff(pos) > options.max_offset) {
        return format!(
            "that is {} lines from line {}, more than the maximum offset {}",
            guess.abs_diff(pos),
            guess + 1,
            options.max_offset
        );
    }
    if matches!(file.change, FileChange::Created | FileChange::Deleted) {
        return "the patch creates or deletes the file, so they must be the whole text".to_string();
    }
    let (leading, trailing) = hunk.context_around();
    if !options.recount && hunk.header.is_some() && leading.min(trailing) == 0 && leading != trailing {
        let (side, edge, end) = if trailing == 0 { ("after", "ends", "end") } else { ("before", "starts", "start") };
        return format!(
            "it has no context {side} its change, which says it {edge} the file, and that is neither the file's {end} nor its stated line (recounting lifts this, as in git apply)"
        );
    }
    "its last line has no newline, so it must end the text, or it would follow a hunk that ended the text".to_string()
}

fn summarize(file: FileInfo, hunks: Vec<HunkReport>) -> Report {
    let count = |outcome| hunks.iter().filter(|h| h.outcome == outcome).count();
    let (applied, failed, already) =
        (count(HunkOutcome::Applied), count(HunkOutcome::Failed), count(HunkOutcome::AlreadyApplied));
    let total = hunks.len();
    let mut message = if failed == 0 && already == total {
        format!("the patch is already applied: all {total} hunks are in the text in reverse")
    } else if failed + already == 0 {
        format!("applied {total} of {total} hunks")
    } else {
        let mut m = format!("{} of {total} hunks do not apply", failed + already);
        if already > 0 {
            m.push_str(&format!(" ({already} already applied)"));
        }
        m.push_str(&format!("; {applied} would apply"));
        m
    };
    report::list_hunks(&mut message, &hunks);
    Report { file: Some(file), hunks, message }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum LineEnd {
    Lf,
    Crlf,
}

impl LineEnd {
    fn bytes(self) -> &'static [u8] {
        match self {
            LineEnd::Lf => b"\n",
            LineEnd::Crlf => b"\r\n",
        }
    }
}

/// The line end every LF-terminated text line in `range` uses, if they
/// agree.
fn line_end(text: &Text<'_>, range: core::ops::Range<usize>) -> Option<LineEnd> {
    let mut ends = range.map(|i| text.line(i)).filter(|l| l.1).map(|l| l.0.ends_with(b"\r"));
    let first = ends.next()?;
    ends.all(|crlf| crlf == first).then_some(if first { LineEnd::Crlf } else { LineEnd::Lf })
}

/// The text with the placed hunks applied, and where each hunk's new lines
/// start in it (1-based; 0 for hunks not placed).
pub(crate) fn write(text: &Text<'_>, file: &FilePatch<'_>, placements: &[Option<Placement>]) -> (Vec<u8>, Vec<usize>) {
    let added: usize =
        file.hunks.iter().flat_map(|h| &h.lines).filter(|l| l.kind == LineKind::Added).map(|l| l.body.len() + 2).sum();
    let mut out = Vec::with_capacity(text.bytes.len().saturating_add(added));
    out.extend_from_slice(text.prefix());
    let mut new_starts = vec![0; file.hunks.len()];
    let (mut cursor, mut shift) = (0usize, 0i128);
    for (k, (hunk, placed)) in file.hunks.iter().zip(placements).enumerate() {
        let Some(placed) = placed else { continue };
        out.extend_from_slice(text.raw_lines(cursor..placed.pos));
        let old_count = hunk.old_lines().count();
        new_starts[k] = (placed.pos as i128 + shift) as usize + 1;
        cursor = render(text, hunk, placed, &mut out);
        shift += hunk.new_lines().count() as i128 - old_count as i128;
    }
    out.extend_from_slice(text.raw_lines(cursor..text.len()));
    (out, new_starts)
}

/// Writes what `hunk` placed at `placed` makes of the text's lines there,
/// and returns the line after them.
///
/// Context lines are copied from the text, not the patch, so whatever a
/// lenient match ignored stays as it was. Where lines matched leniently,
/// added lines take the line end the matched lines share, and a last line
/// without LF keeps lacking it; lines added where no line is matched take
/// the text's line end when all its lines end in CRLF and the hunk states
/// no line.
pub(crate) fn render(text: &Text<'_>, hunk: &Hunk<'_>, placed: &Placement, out: &mut Vec<u8>) -> usize {
    let old_count = hunk.old_lines().count();
    let lenient = placed.mode != MatchMode::Exact;
    let end = if lenient {
        line_end(text, placed.pos..placed.pos + old_count)
    } else if old_count == 0 && hunk.header.is_none() && text.crlf() {
        // A hunk that states no line is written by hand (or a model), not
        // by a diff tool whose LF lines would be what it meant.
        Some(LineEnd::Crlf)
    } else {
        None
    };
    let mut i = placed.pos;
    let mut last_end = 0;
    for line in &hunk.lines {
        match line.kind {
            LineKind::Context => {
                let (body, newline) = text.line(i);
                last_end = if newline || !lenient || !line.newline {
                    out.extend_from_slice(text.raw(i));
                    usize::from(newline) + usize::from(newline && body.ends_with(b"\r"))
                } else {
                    put(out, body, end.unwrap_or(LineEnd::Lf))
                };
                i += 1;
            }
            LineKind::Removed => i += 1,
            LineKind::Added => last_end = added_line(out, line, end),
        }
    }
    // A text whose last line had no LF, matched by a patch that thought
    // it had one, still ends without LF.
    let text_open = i == text.len() && i > 0 && !text.line(i - 1).1;
    let patch_closed = hunk.old_lines().last().is_some_and(|l| l.newline);
    if lenient && text_open && patch_closed && hunk.new_lines().next().is_some() {
        out.truncate(out.len() - last_end);
    }
    i
}

/// Writes `body` and a line end; returns the line end's length.
fn put(out: &mut Vec<u8>, body: &[u8], end: LineEnd) -> usize {
    out.extend_from_slice(body);
    out.extend_from_slice(end.bytes());
    end.bytes().len()
}

/// Writes an added line, with the line end `end` if one is imposed, else as
/// written; returns the length of its line end.
fn added_line(out: &mut Vec<u8>, line: &HunkLine<'_>, end: Option<LineEnd>) -> usize {
    if !line.newline {
        out.extend_from_slice(line.body);
        return 0;
    }
    match end {
        Some(end) => put(out, line.body.strip_suffix(b"\r").unwrap_or(line.body), end),
        None => put(out, line.body, LineEnd::Lf),
    }
}

/// Whether `bytes` begin with a UTF-8 byte order mark.
pub(crate) fn starts_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(BOM)
}

/// The UTF-8 byte order mark.
pub(crate) const BOM: &[u8] = b"\xef\xbb\xbf";
