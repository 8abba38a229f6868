//! A patch of any format as sections, one file each, and applying them to
//! a set of files in order, all or nothing.

use std::borrow::Cow;
use std::collections::HashMap;

use super::blocks::{self, Block};
use super::envelope::{Chunk, Scoped};
use super::paths::{self, Tree};
use super::{EditError, EditFormat, EditOptions, EditReport, FileEdit, FileOutcome, FileText, listed, shown};
use crate::patch::apply::{self, Stated};
use crate::patch::names::DEV_NULL;
use crate::patch::report::{self, FileInfo, HunkReport};
use crate::patch::{
    ApplyError, ApplyOptions, EXPECTED_TEXT_HUNK, FailReason, FileChange, FilePatch, HunkOutcome, Malformed, parse,
};

/// The part of a patch about one file.
#[derive(Clone, Debug)]
pub struct Section<'p> {
    /// Its names as written, what it does, where it is in the patch.
    pub info: FileInfo,
    pub op: Op<'p>,
}

/// What a section does.
#[derive(Clone, Debug)]
pub enum Op<'p> {
    /// A unified diff's section.
    Patch(FilePatch<'p>),
    /// An envelope's `*** Update File`: hunks without line numbers, each
    /// with its scope lines.
    Chunks(FilePatch<'p>, Vec<Chunk>),
    /// An envelope's `*** Add File`, with the file's bytes.
    Add(Vec<u8>),
    /// An envelope's `*** Delete File`.
    Delete,
    /// Search/replace blocks or replacements, applied in order.
    Blocks(Vec<Block<'p>>),
}

/// Every section of a unified diff; a binary one is malformed here, since
/// the files are text.
pub fn unified(patch: &[u8], lenient: bool) -> Result<Vec<Section<'_>>, Malformed> {
    let parsed = parse::parse(patch, lenient)?;
    let mut sections = Vec::with_capacity(parsed.files.len());
    for file in parsed.files {
        if let Some(offset) = file.binary_at {
            let line = memchr::memchr_iter(b'\n', &patch[..offset]).count() as u64 + 1;
            let end = memchr::memchr(b'\n', &patch[offset..]).map_or(patch.len(), |n| offset + n);
            let found = patch[offset..end.min(offset + 80)].to_vec();
            return Err(Malformed { offset, line, expected: EXPECTED_TEXT_HUNK, found });
        }
        sections.push(Section { info: FileInfo::from(&file), op: Op::Patch(file) });
    }
    Ok(sections)
}

/// The names a section reads and writes.
#[derive(Clone)]
struct Wanted {
    /// The names of the file it reads, in the order they are tried; empty
    /// for a section that creates its file, or that names none.
    source: Vec<Vec<u8>>,
    /// The name of the file it writes, when that is not the one it reads
    /// (a created, moved or copied file).
    target: Option<Vec<u8>>,
    /// The section names no file.
    unnamed: bool,
}

fn real(name: &Option<Vec<u8>>) -> Option<&[u8]> {
    name.as_deref().filter(|n| *n != DEV_NULL)
}

fn wanted(info: &FileInfo, strip: Option<usize>) -> Wanted {
    let (old, new) = (real(&info.old_path), real(&info.new_path));
    let creates = info.change == FileChange::Created;
    let writes_elsewhere = matches!(info.change, FileChange::Created | FileChange::Renamed | FileChange::Copied);
    let (mut source, target) = match strip {
        Some(n) => (
            old.filter(|_| !creates).and_then(|o| paths::strip(o, n)).into_iter().collect::<Vec<_>>(),
            new.filter(|_| writes_elsewhere).and_then(|t| paths::strip(t, n)),
        ),
        None => {
            // The file's name without git's prefixes first (what `path`
            // has), then as written.
            let stripped =
                info.path.as_deref().is_some_and(|p| new.is_some_and(|n| n != p) || old.is_some_and(|o| o != p));
            let old_named = |o: &[u8]| if stripped { paths::unprefixed(o).to_vec() } else { o.to_vec() };
            // The old name first, as GNU patch takes it (`diff -u old new`
            // patches old); then the new one, then both as written.
            let mut source: Vec<Vec<u8>> = Vec::new();
            if !creates {
                source.extend(old.map(old_named));
                if info.change != FileChange::Renamed && info.change != FileChange::Copied {
                    source.extend(info.path.clone());
                }
                source.extend(old.map(<[u8]>::to_vec));
                source.extend(new.filter(|_| info.change == FileChange::Modified).map(<[u8]>::to_vec));
            }
            let target = if writes_elsewhere { info.path.clone().or_else(|| new.map(<[u8]>::to_vec)) } else { None };
            (source, target)
        }
    };
    source.iter_mut().for_each(|n| *n = paths::plain(n).to_vec());
    let mut seen = Vec::new();
    source.retain(|n| {
        let fresh = !seen.contains(n);
        seen.push(n.clone());
        fresh
    });
    let unnamed = old.is_none() && new.is_none() && info.path.is_none();
    Wanted { source, target: target.map(|t| paths::plain(&t).to_vec()), unnamed }
}

/// What one section did to its file.
struct Done {
    outcome: FileOutcome,
    hunks: Vec<HunkReport>,
    message: String,
}

impl Done {
    fn file(outcome: FileOutcome, message: String) -> Done {
        Done { outcome, hunks: Vec::new(), message }
    }

    /// A failure of the file as a whole, with the section's hunks not
    /// tried.
    fn whole(outcome: FileOutcome, message: String, section: &Section<'_>) -> Done {
        Done { outcome, hunks: not_tried_hunks(section), message }
    }
}

/// The section's hunks, blocks or replacements, not tried.
fn not_tried_hunks(section: &Section<'_>) -> Vec<HunkReport> {
    match &section.op {
        Op::Patch(file) | Op::Chunks(file, _) => {
            file.hunks.iter().enumerate().map(|(k, h)| HunkReport::not_tried(k + 1, h)).collect()
        }
        Op::Blocks(list) => list.iter().enumerate().map(|(k, b)| b.not_tried(k + 1)).collect(),
        Op::Add(_) | Op::Delete => Vec::new(),
    }
}

impl<'p> Section<'p> {
    /// A section of blocks (SEARCH/REPLACE or replacements) changing the
    /// file `path`, read from `span` of the patch.
    pub fn of_blocks(path: Option<Vec<u8>>, blocks: Vec<Block<'p>>, span: core::ops::Range<usize>) -> Section<'p> {
        let info = FileInfo {
            old_path: path.clone(),
            new_path: path.clone(),
            path,
            change: FileChange::Modified,
            span,
            hunks: blocks.len(),
        };
        Section { info, op: Op::Blocks(blocks) }
    }
}

/// The files a patch touches, section by section.
struct Edits<'f> {
    tree: Tree<'f>,
    files: Vec<FileEdit>,
    /// The file edit of each entry of the tree.
    edit_of: HashMap<usize, usize>,
}

impl<'f> Edits<'f> {
    /// The edit of `entry`, made when first touched.
    fn edit(&mut self, entry: usize, change: FileChange) -> usize {
        if let Some(&e) = self.edit_of.get(&entry) {
            return e;
        }
        let e = &self.tree.entries[entry];
        let source = e.text.is_some().then(|| e.path.clone());
        self.files.push(FileEdit {
            path: e.path.clone(),
            source,
            change,
            outcome: FileOutcome::NotTried,
            text: None,
            hunks: Vec::new(),
            sections: Vec::new(),
            message: String::new(),
        });
        self.edit_of.insert(entry, self.files.len() - 1);
        self.files.len() - 1
    }

    fn record(&mut self, edit: usize, section: usize, done: Done) {
        let file = &mut self.files[edit];
        file.sections.push(section);
        file.outcome = worse(file.outcome, done.outcome);
        file.hunks.extend(done.hunks);
        if !file.message.is_empty() {
            file.message.push('\n');
        }
        file.message.push_str(&done.message);
    }
}

/// The outcome of a file of two sections.
fn worse(a: FileOutcome, b: FileOutcome) -> FileOutcome {
    let rank = |o| match o {
        FileOutcome::NotTried => 0,
        FileOutcome::Applied => 1,
        FileOutcome::AlreadyApplied => 2,
        FileOutcome::HunksFailed => 3,
        FileOutcome::Exists => 4,
        FileOutcome::Missing => 5,
    };
    match (a, b) {
        (FileOutcome::Applied, FileOutcome::AlreadyApplied) | (FileOutcome::AlreadyApplied, FileOutcome::Applied) => {
            FileOutcome::HunksFailed
        }
        _ if rank(a) >= rank(b) => a,
        _ => b,
    }
}

/// Applies every section to `files`, in order.
pub fn apply(
    format: EditFormat,
    sections: &[Section<'_>],
    files: &[FileText<'_>],
    options: &EditOptions,
) -> Result<EditReport, EditError> {
    let apply_options = ApplyOptions { partial: false, ..options.apply.clone() };
    let mut edits = Edits { tree: Tree::new(files), files: Vec::new(), edit_of: HashMap::new() };
    let named: Vec<_> = sections.iter().map(|s| wanted(&s.info, options.strip)).collect();
    let unnamed_problem = unnamed_problem(sections, &named, files);
    for (i, (section, want)) in sections.iter().zip(&named).enumerate() {
        let section = if options.apply.reverse { reversed(section) } else { Cow::Borrowed(section) };
        let want = if options.apply.reverse { wanted(&section.info, options.strip) } else { want.clone() };
        apply_section(&mut edits, i, &section, &want, unnamed_problem.as_deref(), &apply_options);
    }
    let mut files = edits.files;
    let ok = files.iter().all(|f| f.outcome == FileOutcome::Applied);
    if ok {
        for file in &mut files {
            let entry = edits.tree.find(&file.path).expect("every edit has its entry");
            file.text = edits.tree.entries[entry].text.as_ref().map(|t| t.to_vec());
        }
    }
    let report = EditReport {
        format,
        sections: sections.iter().map(|s| s.info.clone()).collect(),
        message: String::new(),
        files,
    };
    finish(report)
}

/// Why sections without names cannot be matched to a file, if they cannot.
fn unnamed_problem(sections: &[Section<'_>], named: &[Wanted], files: &[FileText<'_>]) -> Option<String> {
    let anonymous = named.iter().filter(|w| w.unnamed).count();
    let unnamed_given = matches!(files, [only] if only.path.is_empty());
    if unnamed_given {
        let mut names: Vec<Vec<u8>> =
            named.iter().filter(|w| !w.unnamed).flat_map(|w| w.source.first().or(w.target.as_ref()).cloned()).collect();
        names.sort();
        names.dedup();
        return (names.len() > 1).then(|| {
            format!(
                "the patch changes {} files ({}), but only one text without a path was given; give each file by its path",
                names.len(),
                listed(&names.iter().map(|n| shown(n)).collect::<Vec<_>>())
            )
        });
    }
    (anonymous > 0 && files.len() != 1).then(|| {
        format!(
            "{} of the patch's {} sections name no file (no `---`/`+++` lines or path line), and {} files were given: name the file, or give only its text",
            anonymous,
            sections.len(),
            files.len()
        )
    })
}

/// The section undone: its hunks or blocks reversed, its names swapped.
fn reversed<'s, 'p>(section: &'s Section<'p>) -> Cow<'s, Section<'p>> {
    let mut info = section.info.clone();
    (info.old_path, info.new_path) = (section.info.new_path.clone(), section.info.old_path.clone());
    info.change = match info.change {
        FileChange::Created => FileChange::Deleted,
        FileChange::Deleted => FileChange::Created,
        other => other,
    };
    if matches!(info.change, FileChange::Renamed) {
        info.path = section.info.old_path.as_deref().map(|o| paths::unprefixed(o).to_vec());
    }
    let op = match &section.op {
        // Hunks are reversed where they are applied (ApplyOptions::reverse).
        Op::Patch(file) => Op::Patch(FilePatch {
            change: info.change,
            old_path: info.old_path.clone(),
            new_path: info.new_path.clone(),
            path: info.path.clone(),
            ..file.clone()
        }),
        Op::Chunks(file, chunks) => Op::Chunks(FilePatch { change: info.change, ..file.clone() }, chunks.clone()),
        Op::Blocks(list) => Op::Blocks(list.iter().map(Block::reversed).collect()),
        // Undoing an added file deletes it, if it is still as added;
        // undoing a deletion cannot be done: the patch lacks the file.
        Op::Add(content) => Op::Blocks(vec![Block::whole(content.clone())]),
        Op::Delete => Op::Delete,
    };
    Cow::Owned(Section { info, op })
}

fn apply_section(
    edits: &mut Edits<'_>,
    index: usize,
    section: &Section<'_>,
    want: &Wanted,
    unnamed_problem: Option<&str>,
    options: &ApplyOptions,
) {
    let name = section.info.path.clone().or_else(|| want.source.first().cloned()).unwrap_or_default();
    if let Some(problem) = unnamed_problem {
        let entry = edits.tree.entry(&name);
        let edit = edits.edit(entry, section.info.change);
        edits.record(edit, index, Done::whole(FileOutcome::Missing, problem.to_string(), section));
        return;
    }
    // The file read: the unnamed one, the one file given for a section
    // without names, or the first of the names that is there.
    let single = (want.unnamed && edits.tree.entries.iter().filter(|e| e.given.is_some()).count() == 1).then_some(0);
    let source = edits
        .tree
        .unnamed
        .or(single)
        .filter(|&e| edits.tree.entries[e].text.is_some())
        .or_else(|| edits.tree.existing(&want.source));
    let creates = matches!(section.op, Op::Add(_)) || section.info.change == FileChange::Created;
    let creates_by_blocks = matches!(&section.op, Op::Blocks(b) if b.first().is_some_and(|b| b.search.is_empty()));
    if creates || (source.is_none() && creates_by_blocks) {
        let target_name = want.target.clone().or_else(|| want.source.first().cloned()).unwrap_or(name.clone());
        let target = match edits.tree.unnamed {
            Some(e) => e,
            None => edits.tree.entry(&target_name),
        };
        let edit = edits.edit(target, FileChange::Created);
        let existing = edits.tree.entries[target].text.clone();
        let done = match (&section.op, existing) {
            (Op::Add(content), Some(text)) if text.as_ref() == content.as_slice() => Done::file(
                FileOutcome::AlreadyApplied,
                format!("{}: already there, as the patch adds it", shown(&target_name)),
            ),
            (Op::Add(_), Some(_)) => exists(&target_name, section),
            (Op::Add(content), None) => {
                edits.tree.entries[target].text = Some(Cow::Owned(content.clone()));
                Done::file(FileOutcome::Applied, format!("{}: created ({} bytes)", shown(&target_name), content.len()))
            }
            (op, existing) => {
                let text = existing.as_deref().unwrap_or(b"");
                let done = run(op, text, options, &target_name);
                match (done, existing.is_some()) {
                    ((done, _), true) if done.outcome == FileOutcome::AlreadyApplied => done,
                    (_, true) if !creates_by_blocks => exists(&target_name, section),
                    ((done, Some(new)), _) => {
                        edits.tree.entries[target].text = Some(Cow::Owned(new));
                        done
                    }
                    ((done, None), _) => done,
                }
            }
        };
        edits.record(edit, index, done);
        return;
    }
    let Some(source) = source else {
        let missing = want.source.first().cloned().unwrap_or(name);
        let entry = edits.tree.entry(&missing);
        let edit = edits.edit(entry, section.info.change);
        let verb = match section.info.change {
            FileChange::Deleted => "deletes",
            FileChange::Renamed => "moves",
            FileChange::Copied => "copies",
            _ => "changes",
        };
        let tried = if want.source.len() > 1 {
            format!(" (looked for as {})", listed(&want.source.iter().map(|n| shown(n)).collect::<Vec<_>>()))
        } else {
            String::new()
        };
        let message = format!("{}: no such file, but the patch {verb} it{tried}", shown(&missing));
        edits.record(edit, index, Done::whole(FileOutcome::Missing, message, section));
        return;
    };
    let edit = edits.edit(source, section.info.change);
    let source_name = edits.tree.entries[source].path.clone();
    let text = edits.tree.entries[source].text.clone().expect("an existing file");
    let (done, new_text) = match &section.op {
        Op::Delete => (Done::file(FileOutcome::Applied, format!("{}: deleted", shown(&source_name))), None),
        op => run(op, &text, options, &source_name),
    };
    let applied = done.outcome == FileOutcome::Applied;
    match section.info.change {
        FileChange::Deleted if applied => edits.tree.entries[source].text = None,
        FileChange::Renamed | FileChange::Copied if done.outcome != FileOutcome::HunksFailed => {
            let target_name = want.target.clone().unwrap_or_else(|| source_name.clone());
            let target = edits.tree.entry(&target_name);
            if target != source && edits.tree.entries[target].text.is_some() {
                edits.record(edit, index, exists(&target_name, section));
                return;
            }
            let moved = if applied { new_text.map(Cow::Owned).unwrap_or(text) } else { text };
            if section.info.change == FileChange::Renamed {
                edits.tree.entries[source].text = None;
                // The file's edit follows it to its new name.
                edits.edit_of.remove(&source);
                edits.edit_of.insert(target, edit);
                let file = &mut edits.files[edit];
                (file.path, file.change) = (target_name, FileChange::Renamed);
            } else {
                let copy = edits.edit(target, FileChange::Copied);
                edits.files[copy].source = Some(source_name);
                edits.tree.entries[target].text = Some(moved);
                edits.record(copy, index, done);
                return;
            }
            edits.tree.entries[target].text = Some(moved);
        }
        _ if applied => {
            if let Some(new) = new_text {
                edits.tree.entries[source].text = Some(Cow::Owned(new));
            }
        }
        _ => {}
    }
    edits.record(edit, index, done);
}

fn exists(name: &[u8], section: &Section<'_>) -> Done {
    Done::whole(FileOutcome::Exists, format!("{}: the file exists, and the patch creates it", shown(name)), section)
}

/// Applies an operation to `text`: what happened, and the new text.
fn run(op: &Op<'_>, text: &[u8], options: &ApplyOptions, name: &[u8]) -> (Done, Option<Vec<u8>>) {
    let result = match op {
        Op::Patch(file) => apply::apply_placed(text, file, options, &Stated),
        Op::Chunks(file, chunks) => apply::apply_placed(text, file, options, &Scoped { chunks }),
        Op::Blocks(list) => {
            let done = blocks::apply(text, list, options);
            let message = format!("{}: {}", shown(name), done.message);
            return (Done { outcome: done.outcome, hunks: done.hunks, message }, done.text);
        }
        Op::Add(content) => return (Done::file(FileOutcome::Applied, String::new()), Some(content.clone())),
        Op::Delete => return (Done::file(FileOutcome::Applied, String::new()), None),
    };
    let reversing = options.reverse;
    match result {
        Ok(applied) => {
            let message = format!("{}: {}", shown(name), applied.report.message);
            (Done { outcome: FileOutcome::Applied, hunks: applied.report.hunks, message }, Some(applied.text))
        }
        Err(ApplyError::AlreadyApplied { report }) => {
            let message = format!("{}: {}", shown(name), report.message);
            (Done { outcome: FileOutcome::AlreadyApplied, hunks: report.hunks, message }, None)
        }
        Err(ApplyError::HunksFailed { report, .. }) => {
            let message = format!("{}: {}", shown(name), report.message);
            (Done { outcome: FileOutcome::HunksFailed, hunks: report.hunks, message }, None)
        }
        Err(other) => {
            let _ = reversing;
            (Done::file(FileOutcome::HunksFailed, format!("{}: {other}", shown(name))), None)
        }
    }
}

/// The report with its summary, as a result or as the error it is.
fn finish(mut report: EditReport) -> Result<EditReport, EditError> {
    let total = report.files.len();
    let count = |o: FileOutcome| report.files.iter().filter(|f| f.outcome == o).count();
    let (applied, already) = (count(FileOutcome::Applied), count(FileOutcome::AlreadyApplied));
    let hunks: Vec<&HunkReport> = report.files.iter().flat_map(|f| &f.hunks).collect();
    let failed_hunks: Vec<&&HunkReport> = hunks.iter().filter(|h| h.outcome == HunkOutcome::Failed).collect();
    let only_ambiguous = !failed_hunks.is_empty()
        && failed_hunks.iter().all(|h| h.reason == Some(FailReason::Ambiguous))
        && report.files.iter().all(|f| matches!(f.outcome, FileOutcome::Applied | FileOutcome::HunksFailed));
    let files_word = |n: usize| if n == 1 { "file".to_string() } else { format!("{n} files") };
    let mut message = if applied == total {
        let changes: Vec<String> = report
            .files
            .iter()
            .map(|f| {
                let what = match f.change {
                    FileChange::Modified => "changed",
                    FileChange::Created => "created",
                    FileChange::Deleted => "deleted",
                    FileChange::Renamed => "moved",
                    FileChange::Copied => "copied",
                };
                format!("{} {what}", shown(&f.path))
            })
            .collect();
        format!("applied the patch ({}): {}", report.format.name(), listed(&changes))
    } else if already == total {
        format!("the patch is already applied: every hunk of every file is in its applied form ({})", files_word(total))
    } else {
        let failing = total - applied - already;
        let mut m = format!(
            "the patch does not apply, so nothing was applied: {} of {} {}",
            failing.max(usize::from(already > 0)),
            total,
            if total == 1 { "file fails" } else { "files fail" }
        );
        if already > 0 && failing > 0 {
            m.push_str(&format!(" ({already} already applied)"));
        } else if already > 0 {
            m = format!(
                "the patch does not apply, so nothing was applied: {already} of {total} files already have their changes and {applied} do not (apply the rest on its own)"
            );
        }
        m
    };
    let mut listed_lines = 0;
    let mut left_out = 0;
    for file in &report.files {
        if file.outcome == FileOutcome::Applied && file.hunks.iter().all(|h| h.is_plain()) {
            continue;
        }
        for line in file.message.lines() {
            if listed_lines < report::LISTED_HUNKS {
                message.push('\n');
                message.push_str(line);
                listed_lines += 1;
            } else {
                left_out += 1;
            }
        }
    }
    if left_out > 0 {
        message.push_str(&format!(
            "\n({left_out} more lines are left out of this message; the report has every file and hunk)"
        ));
    }
    report.message = message;
    if applied == total {
        Ok(report)
    } else if already == total {
        Err(EditError::AlreadyApplied(Box::new(report)))
    } else if only_ambiguous {
        Err(EditError::Ambiguous(Box::new(report)))
    } else {
        Err(EditError::HunksFailed(Box::new(report)))
    }
}

/// Every section and the files it touches, nothing tried.
pub fn not_tried(format: EditFormat, sections: &[Section<'_>], options: &EditOptions) -> EditReport {
    let mut files: Vec<FileEdit> = Vec::new();
    // Each path's file, found in constant time: a patch may name many.
    let mut by_path: HashMap<Vec<u8>, usize> = HashMap::new();
    for (i, section) in sections.iter().enumerate() {
        let want = wanted(&section.info, options.strip);
        let source = want.source.first().cloned();
        let path = want.target.clone().or_else(|| source.clone()).unwrap_or_default();
        let hunks = not_tried_hunks(section);
        let source =
            if section.info.change == FileChange::Created || matches!(section.op, Op::Add(_)) { None } else { source };
        match by_path.get(&path) {
            Some(&k) => {
                files[k].sections.push(i);
                files[k].hunks.extend(hunks);
            }
            None => {
                by_path.insert(path.clone(), files.len());
                files.push(FileEdit {
                    path,
                    source,
                    change: section.info.change,
                    outcome: FileOutcome::NotTried,
                    text: None,
                    hunks,
                    sections: vec![i],
                    message: String::new(),
                });
            }
        }
    }
    let hunks: usize = files.iter().map(|f| f.hunks.len()).sum();
    let message = format!(
        "read {} sections ({}) touching {} files, with {hunks} hunks",
        sections.len(),
        format.name(),
        files.len()
    );
    EditReport { format, sections: sections.iter().map(|s| s.info.clone()).collect(), files, message }
}
