//! A bounded fuzz run, part of every `make test`: deterministic random
//! patches (arbitrary bytes, patch-shaped fragments, and mutations of real
//! diffs) with arbitrary options, through the C ABI. Every call must return
//! a documented status, write exactly the out-params that status promises,
//! and hand out a report whose every offset and string is valid. `make
//! fuzz` runs the coverage-guided version (`fuzz/`), which also watches for
//! leaks under AddressSanitizer.

mod common;

use core::ffi::CStr;
use core::mem::size_of;

use common::{Rng, awkward_text, edit};
use fast_diff::ffi::{self, fd_apply_options, fd_buf, fd_hunk_outcome, fd_patch_report, fd_status};
use fast_diff::{DiffOptions, unified_diff};

const FRAGMENTS: &[&[u8]] = &[
    b"--- a/f\n",
    b"+++ b/f\n",
    b"--- /dev/null\n",
    b"+++ /dev/null\n",
    b"diff --git a/f b/f\n",
    b"new file mode 100644\n",
    b"deleted file mode 100644\n",
    b"rename from x\nrename to y\n",
    b"index 123..456 100644\n",
    b"Binary files a/f and b/f differ\n",
    b"@@ -1,3 +1,3 @@\n",
    b"@@ -0,0 +1 @@\n",
    b"@@ -2 +2,2 @@ fn f()\n",
    b"@@\n",
    b"@@ -99999999999999999999 +1 @@\n",
    b"\\ No newline at end of file\n",
    b"-- \n2.39.5\n",
    b" a\n",
    b"-a\n",
    b"+a\n",
    b"\n",
    b"\r\n",
    b" b\r\n",
    b"-\xff\0\n",
    b"+",
    b"\"",
];

fn random_patch(rng: &mut Rng) -> Vec<u8> {
    let mut patch = Vec::new();
    for _ in 0..rng.below(24) {
        if rng.below(6) == 0 {
            patch.extend((0..rng.below(12)).map(|_| rng.next() as u8));
        } else {
            patch.extend_from_slice(FRAGMENTS[rng.below(FRAGMENTS.len() as u64) as usize]);
        }
    }
    patch
}

fn mutate(rng: &mut Rng, mut patch: Vec<u8>) -> Vec<u8> {
    for _ in 0..=rng.below(3) {
        if patch.is_empty() {
            break;
        }
        let at = rng.below(patch.len() as u64) as usize;
        match rng.below(5) {
            0 => patch[at] = rng.next() as u8,
            1 => {
                let end = (at + 1 + rng.below(20) as usize).min(patch.len());
                patch.drain(at..end);
            }
            2 => {
                let fragment = FRAGMENTS[rng.below(FRAGMENTS.len() as u64) as usize];
                patch.splice(at..at, fragment.iter().copied());
            }
            3 => {
                let end = (at + rng.below(40) as usize).min(patch.len());
                let copy = patch[at..end].to_vec();
                patch.splice(at..at, copy);
            }
            _ => patch.truncate(at),
        }
    }
    patch
}

fn options(rng: &mut Rng) -> (fd_apply_options, bool) {
    let mut o = core::mem::MaybeUninit::<fd_apply_options>::uninit();
    let mut o = unsafe {
        ffi::fd_apply_options_init(o.as_mut_ptr());
        o.assume_init()
    };
    let mut valid = true;
    o.flags = rng.next() as u32 & 0x3f;
    if rng.below(20) == 0 {
        o.flags |= 1 << (6 + rng.below(26));
        valid = false;
    }
    o.max_offset = [0, 1, 3, 40, u64::MAX][rng.below(5) as usize];
    o.fuzz = rng.below(5) as u32;
    if rng.below(30) == 0 {
        o.struct_size = rng.below(size_of::<fd_apply_options>() as u64) as u32;
        // The first version of the struct ends with `fuzz`.
        valid &= o.struct_size as usize >= core::mem::offset_of!(fd_apply_options, fuzz) + size_of::<u32>();
    }
    (o, valid)
}

fn c_str_ok(ptr: *const core::ffi::c_char) -> bool {
    !ptr.is_null() && unsafe { CStr::from_ptr(ptr) }.to_str().is_ok()
}

/// Applies, then checks every promise the header makes about the result.
fn check(text: &[u8], patch: &[u8], options: &fd_apply_options, valid: bool, case: usize) {
    let mut sentinel = 0u8;
    let mut out = fd_buf { ptr: &mut sentinel, len: 12345 };
    let mut report: *mut fd_patch_report = core::ptr::null_mut();
    let status = unsafe {
        ffi::fd_apply_patch(text.as_ptr(), text.len(), patch.as_ptr(), patch.len(), options, &mut out, &mut report)
    };
    let written = !core::ptr::eq(out.ptr, &sentinel);
    let partial = options.flags & ffi::FD_APPLY_PARTIAL != 0;
    let what = || format!("case {case}: status {status:?}\n{}", String::from_utf8_lossy(patch));
    use fd_status::*;
    match status {
        FD_OK => assert!(written && !report.is_null(), "{}", what()),
        FD_ERR_PATCH_HUNK_FAILED => assert!(written == partial && !report.is_null(), "{}", what()),
        FD_ERR_PATCH_MALFORMED | FD_ERR_PATCH_ALREADY_APPLIED | FD_ERR_PATCH_MULTIPLE_FILES => {
            assert!(!written && !report.is_null(), "{}", what())
        }
        FD_ERR_INVALID_OPTIONS => assert!(!valid && !written && report.is_null(), "{}", what()),
        other => panic!("unexpected {other:?}: {}", what()),
    }
    assert!(valid || status == FD_ERR_INVALID_OPTIONS, "{}", what());
    if let Some(r) = unsafe { report.as_ref() } {
        assert!(c_str_ok(r.message), "{}", what());
        let hunks =
            if r.hunk_count == 0 { &[][..] } else { unsafe { core::slice::from_raw_parts(r.hunks, r.hunk_count) } };
        let files =
            if r.file_count == 0 { &[][..] } else { unsafe { core::slice::from_raw_parts(r.files, r.file_count) } };
        for h in hunks {
            assert!(c_str_ok(h.message) && h.patch_offset + h.patch_len <= patch.len(), "{}", what());
            assert!(patch[h.patch_offset..].starts_with(b"@@"), "{}", what());
        }
        for f in files {
            assert!(f.patch_offset + f.patch_len <= patch.len(), "{}", what());
            for (ptr, len) in [(f.old_path, f.old_path_len), (f.new_path, f.new_path_len), (f.path, f.path_len)] {
                assert!(ptr.is_null() || unsafe { *ptr.add(len) } == 0, "{}", what());
            }
        }
        let outcomes = |o: fd_hunk_outcome| hunks.iter().filter(|h| h.outcome == o as u32).count();
        match status {
            FD_OK => assert_eq!(outcomes(fd_hunk_outcome::FD_HUNK_APPLIED), hunks.len(), "{}", what()),
            FD_ERR_PATCH_ALREADY_APPLIED => {
                assert_eq!(outcomes(fd_hunk_outcome::FD_HUNK_ALREADY_APPLIED), hunks.len(), "{}", what())
            }
            FD_ERR_PATCH_HUNK_FAILED => {
                assert!(hunks.is_empty() || outcomes(fd_hunk_outcome::FD_HUNK_APPLIED) < hunks.len())
            }
            FD_ERR_PATCH_MALFORMED => {
                assert!(c_str_ok(r.error_expected) && r.error_offset <= patch.len() && r.error_line >= 1, "{}", what())
            }
            FD_ERR_PATCH_MULTIPLE_FILES => assert!(files.len() >= 2, "{}", what()),
            _ => unreachable!(),
        }
    }
    if written {
        unsafe { ffi::fd_free(&mut out) };
    }
    unsafe { ffi::fd_patch_report_free(report) };

    // Reading alone agrees with applying about what is malformed.
    let mut parsed: *mut fd_patch_report = core::ptr::null_mut();
    let parse_status = unsafe { ffi::fd_parse_patch(patch.as_ptr(), patch.len(), options, &mut parsed) };
    match status {
        FD_ERR_INVALID_OPTIONS => assert_eq!(parse_status, FD_ERR_INVALID_OPTIONS),
        FD_ERR_PATCH_MALFORMED => {
            assert!(parse_status == FD_ERR_PATCH_MALFORMED || parse_status == FD_OK, "{}", what())
        }
        _ => assert_eq!(parse_status, FD_OK, "{}", what()),
    }
    unsafe { ffi::fd_patch_report_free(parsed) };
}

#[test]
fn arbitrary_patches_and_options_give_documented_results() {
    let mut rng = Rng(0xf022_5eed);
    for case in 0..30000 {
        let size = rng.below(30) as usize;
        let old = awkward_text(&mut rng, size);
        let patch = match rng.below(4) {
            0 => random_patch(&mut rng),
            1 => (0..rng.below(200)).map(|_| rng.next() as u8).collect(),
            _ => {
                let new = edit(&mut rng, &old);
                let context = rng.below(4) as usize;
                let diff = unified_diff(&old, &new, &DiffOptions { context_lines: context, ..DiffOptions::default() })
                    .unwrap();
                mutate(&mut rng, diff)
            }
        };
        let text = if rng.below(4) == 0 { edit(&mut rng, &old) } else { old };
        let (options, valid) = options(&mut rng);
        check(&text, &patch, &options, valid, case);
    }
}
