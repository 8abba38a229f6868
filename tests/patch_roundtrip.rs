//! Property tests: every diff the engine writes applies with
//! `apply_patch` to give the new text, and backwards to give the old text
//! back, exactly where its headers say, for every algorithm and several
//! context sizes; through the Rust API and the C ABI alike.

mod common;

use common::{Rng, awkward_text, edit};
use fast_diff::ffi::{self, fd_apply_options, fd_buf, fd_patch_report, fd_status};
use fast_diff::{Algorithm, ApplyError, ApplyOptions, DiffOptions, HunkOutcome, MatchMode, apply_patch, unified_diff};
use proptest::prelude::*;

const ALGORITHMS: [Algorithm; 3] = [Algorithm::Myers, Algorithm::Histogram, Algorithm::Patience];

/// An old text and either an edit of it or an unrelated text, from the
/// shared generators.
fn pair(seed: u64, size: usize, unrelated: bool) -> (Vec<u8>, Vec<u8>) {
    let mut rng = Rng(seed | 1);
    let old = awkward_text(&mut rng, size);
    let new = if unrelated { awkward_text(&mut rng, size) } else { edit(&mut rng, &old) };
    (old, new)
}

fn check_round_trip(old: &[u8], new: &[u8], context: usize, algorithm: Algorithm) -> Result<(), TestCaseError> {
    let options = DiffOptions {
        context_lines: context,
        algorithm,
        old_label: b"a/f",
        new_label: b"b/f",
        ..DiffOptions::default()
    };
    let diff = unified_diff(old, new, &options).unwrap();
    let what = || format!("{algorithm:?} context {context}\n{}", String::from_utf8_lossy(&diff));
    let forward = apply_patch(old, &diff, &ApplyOptions::default())
        .map_err(|e| TestCaseError::fail(format!("{e}\n{}", what())))?;
    prop_assert_eq!(&forward.text, &new, "{}", what());
    // A diff made by the engine applies exactly as stated.
    for hunk in &forward.report.hunks {
        prop_assert!(
            hunk.outcome == HunkOutcome::Applied && hunk.offset == 0 && hunk.fuzz == 0 && hunk.mode == MatchMode::Exact,
            "{:?}\n{}",
            hunk,
            what()
        );
        prop_assert_eq!(Some(hunk.line as u64), hunk.stated_line);
    }
    let reverse = ApplyOptions { reverse: true, ..ApplyOptions::default() };
    let backward =
        apply_patch(new, &diff, &reverse).map_err(|e| TestCaseError::fail(format!("reverse: {e}\n{}", what())))?;
    prop_assert_eq!(&backward.text, &old, "reverse {}", what());
    // Strict settings change nothing for a correct diff.
    let strict = ApplyOptions { max_offset: 0, strict_line_endings: true, ..ApplyOptions::default() };
    prop_assert_eq!(apply_patch(old, &diff, &strict).map(|a| a.text).ok(), Some(new.to_vec()));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn engine_diffs_apply_both_ways(seed in any::<u64>(), size in 0usize..40, unrelated in any::<bool>(), context in 0usize..6) {
        let (old, new) = pair(seed, size, unrelated);
        for algorithm in ALGORITHMS {
            check_round_trip(&old, &new, context, algorithm)?;
        }
    }

    #[test]
    fn applying_never_panics_on_mutated_diffs(seed in any::<u64>(), size in 0usize..25, cut in any::<usize>(), byte in any::<u8>()) {
        let (old, new) = pair(seed, size, false);
        let mut diff = unified_diff(&old, &new, &DiffOptions::default()).unwrap();
        if !diff.is_empty() {
            let at = cut % diff.len();
            diff[at] = byte;
        }
        for options in [ApplyOptions::default(), ApplyOptions { recount: true, fuzz: 2, ignore_whitespace: true, ..ApplyOptions::default() }] {
            match apply_patch(&old, &diff, &options) {
                Ok(_) | Err(ApplyError::Malformed(_) | ApplyError::HunksFailed { .. } | ApplyError::AlreadyApplied { .. }) => {}
                Err(ApplyError::MultipleFiles { files }) => prop_assert!(files.len() > 1),
            }
        }
    }
}

#[test]
fn larger_pairs_round_trip() {
    let mut rng = Rng(0xdead_10cc);
    for round in 0..30 {
        let old = awkward_text(&mut rng, 100 + round * 30);
        let new = edit(&mut rng, &old);
        for algorithm in ALGORITHMS {
            for context in [0, 1, 3, 7] {
                check_round_trip(&old, &new, context, algorithm).unwrap();
            }
        }
    }
}

/// `fd_apply_patch(old, fd_unified_diff(old, new)) == new`, and back.
#[test]
fn round_trip_through_the_c_abi() {
    let mut rng = Rng(0x000c_0ab1);
    for round in 0..60 {
        let old = awkward_text(&mut rng, round);
        let new = edit(&mut rng, &old);
        let mut diff = fd_buf { ptr: core::ptr::null_mut(), len: 0 };
        let status = unsafe {
            ffi::fd_unified_diff(old.as_ptr(), old.len(), new.as_ptr(), new.len(), core::ptr::null(), &mut diff)
        };
        assert_eq!(status, fd_status::FD_OK);
        for (from, to, flags) in [(&old, &new, 0), (&new, &old, ffi::FD_APPLY_REVERSE)] {
            let mut options = core::mem::MaybeUninit::<fd_apply_options>::uninit();
            let mut options = unsafe {
                ffi::fd_apply_options_init(options.as_mut_ptr());
                options.assume_init()
            };
            options.flags = flags;
            let mut out = fd_buf { ptr: core::ptr::null_mut(), len: 0 };
            let mut report: *mut fd_patch_report = core::ptr::null_mut();
            let status = unsafe {
                ffi::fd_apply_patch(from.as_ptr(), from.len(), diff.ptr, diff.len, &options, &mut out, &mut report)
            };
            assert_eq!(status, fd_status::FD_OK, "round {round}");
            let got = if out.len == 0 { &[][..] } else { unsafe { core::slice::from_raw_parts(out.ptr, out.len) } };
            assert_eq!(got, to.as_slice(), "round {round} flags {flags}");
            let hunks = unsafe { (*report).hunk_count };
            assert_eq!(hunks == 0, old == new);
            unsafe {
                ffi::fd_free(&mut out);
                ffi::fd_patch_report_free(report);
            }
        }
        unsafe { ffi::fd_free(&mut diff) };
    }
}
