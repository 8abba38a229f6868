//! Property tests: every diff the engine writes, of one file or of several
//! put together, applies through `apply_edits` to give the new texts, and
//! backwards to give the old ones; and the same through the C ABI.

mod common;

use common::{Rng, awkward_text, edit};
use fast_diff::ffi::{self, fd_edit_options, fd_edit_result, fd_file_text, fd_status};
use fast_diff::patch::edits::{EditOptions, FileText, apply_edits};
use fast_diff::{Algorithm, ApplyOptions, DiffOptions, unified_diff};
use proptest::prelude::*;

const ALGORITHMS: [Algorithm; 3] = [Algorithm::Myers, Algorithm::Histogram, Algorithm::Patience];

fn texts(seed: u64, files: usize, size: usize) -> Vec<(String, Vec<u8>, Vec<u8>)> {
    let mut rng = Rng(seed | 1);
    (0..files)
        .map(|k| {
            let old = awkward_text(&mut rng, size);
            let new = if rng.below(5) == 0 { awkward_text(&mut rng, size) } else { edit(&mut rng, &old) };
            (format!("dir{k}/file {k}.txt"), old, new)
        })
        .collect()
}

/// The diff of every file, one after the other, with git's prefixes.
fn patch_of(files: &[(String, Vec<u8>, Vec<u8>)], context: usize, algorithm: Algorithm) -> Vec<u8> {
    let mut patch = Vec::new();
    for (path, old, new) in files {
        let (a, b) = (format!("a/{path}"), format!("b/{path}"));
        let options = DiffOptions {
            context_lines: context,
            algorithm,
            old_label: a.as_bytes(),
            new_label: b.as_bytes(),
            ..DiffOptions::default()
        };
        patch.extend(unified_diff(old, new, &options).unwrap());
    }
    patch
}

fn check(files: &[(String, Vec<u8>, Vec<u8>)], context: usize, algorithm: Algorithm) -> Result<(), TestCaseError> {
    let patch = patch_of(files, context, algorithm);
    let what = || format!("{algorithm:?} context {context}\n{}", String::from_utf8_lossy(&patch));
    let changed: Vec<_> = files.iter().filter(|(_, old, new)| old != new).collect();
    if changed.is_empty() {
        return Ok(());
    }
    for reverse in [false, true] {
        let given: Vec<FileText<'_>> = files
            .iter()
            .map(|(p, old, new)| FileText { path: p.as_bytes(), text: if reverse { new } else { old } })
            .collect();
        let options =
            EditOptions { apply: ApplyOptions { reverse, ..ApplyOptions::default() }, ..EditOptions::default() };
        let report =
            apply_edits(&given, &patch, &options).map_err(|e| TestCaseError::fail(format!("{e}\n{}", what())))?;
        prop_assert_eq!(report.files.len(), changed.len(), "{}", what());
        for (path, old, new) in &changed {
            let file = report.files.iter().find(|f| f.path == path.as_bytes()).expect("every changed file");
            let expected = if reverse { old } else { new };
            prop_assert_eq!(file.text.as_ref(), Some(expected), "reverse {} {}", reverse, what());
        }
    }
    // Through the C ABI.
    let given: Vec<fd_file_text> = files
        .iter()
        .map(|(p, old, _)| fd_file_text {
            path: p.as_ptr(),
            path_len: p.len(),
            text: old.as_ptr(),
            text_len: old.len(),
        })
        .collect();
    let mut result: *mut fd_edit_result = core::ptr::null_mut();
    let status = unsafe {
        ffi::fd_apply_edits(
            given.as_ptr(),
            given.len(),
            patch.as_ptr(),
            patch.len(),
            core::ptr::null::<fd_edit_options>(),
            &mut result,
        )
    };
    prop_assert_eq!(status, fd_status::FD_OK, "{}", what());
    let r = unsafe { &*result };
    let edited = unsafe { core::slice::from_raw_parts(r.files, r.file_count) };
    for (path, _, new) in &changed {
        let file = edited
            .iter()
            .find(|f| unsafe { core::slice::from_raw_parts(f.path, f.path_len) } == path.as_bytes())
            .expect("every changed file");
        let text =
            if file.text_len == 0 { &[][..] } else { unsafe { core::slice::from_raw_parts(file.text, file.text_len) } };
        prop_assert_eq!(text, &new[..], "{}", what());
    }
    unsafe { ffi::fd_edit_result_free(result) };
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn engine_diffs_of_many_files_apply_both_ways(seed in any::<u64>(), count in 1usize..4, size in 0usize..30, context in 0usize..5) {
        let files = texts(seed, count, size);
        for algorithm in ALGORITHMS {
            check(&files, context, algorithm)?;
        }
    }
}
