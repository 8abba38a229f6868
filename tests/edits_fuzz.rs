//! A bounded fuzz run of the edit formats, part of every `make test`:
//! deterministic random patches in every format (fragments of each, and
//! mutations of well-formed ones) applied to random files through
//! `fd_apply_edits`, detected and forced formats, with arbitrary flags.
//! Every call must return a documented status with a result whose every
//! pointer, offset and string is valid; `fd_parse_edits` must agree about
//! what is malformed. `make fuzz` runs the coverage-guided target
//! (`fuzz/fuzz_targets/edits.rs`).

mod common;

use core::ffi::CStr;

use common::{Rng, awkward_text, edit};
use fast_diff::ffi::{self, fd_edit_options, fd_edit_result, fd_file_text, fd_status};
use fast_diff::{DiffOptions, unified_diff};

const FRAGMENTS: &[&[u8]] = &[
    b"*** Begin Patch\n",
    b"*** End Patch\n",
    b"*** Update File: f\n",
    b"*** Add File: g\n",
    b"*** Delete File: f\n",
    b"*** Move to: h\n",
    b"*** End of File\n",
    b"@@\n",
    b"@@ a\n",
    b"f\n",
    b"```\n",
    b"<<<<<<< SEARCH\n",
    b"=======\n",
    b">>>>>>> REPLACE\n",
    b"[{\"path\": \"f\", \"old_text\": \"a\", \"new_text\": \"b\"}]",
    b"{\"edits\": [{\"oldText\": \"a\\n\", \"newText\": \"\"}]}",
    b"{\"old_str\": \"\", \"new_str\": \"x\", \"replace_all\": true}",
    b"--- a/f\n+++ b/f\n",
    b"@@ -1,2 +1,2 @@\n",
    b" a\n",
    b"-a\n",
    b"+b\n",
    b"\n",
    b"\r\n",
    b"\xef\xbb\xbf",
    b"\xff\0",
    b"\"",
];

fn random_patch(rng: &mut Rng) -> Vec<u8> {
    let mut patch = Vec::new();
    for _ in 0..rng.below(20) {
        if rng.below(6) == 0 {
            patch.extend((0..rng.below(10)).map(|_| rng.next() as u8));
        } else {
            patch.extend_from_slice(FRAGMENTS[rng.below(FRAGMENTS.len() as u64) as usize]);
        }
    }
    patch
}

/// A well-formed patch from `old` to `new` of file `f`, in one of the
/// formats.
fn written(rng: &mut Rng, old: &[u8], new: &[u8]) -> Vec<u8> {
    let diff = unified_diff(old, new, &DiffOptions { old_label: b"a/f", new_label: b"b/f", ..DiffOptions::default() })
        .unwrap();
    match rng.below(4) {
        0 => diff,
        1 => {
            // The diff's hunks as envelope hunks.
            let mut patch = b"*** Begin Patch\n*** Update File: f\n".to_vec();
            for line in diff.split_inclusive(|&b| b == b'\n').skip(2) {
                if line.starts_with(b"@@") {
                    patch.extend_from_slice(b"@@\n");
                } else if !line.starts_with(b"\\") {
                    patch.extend_from_slice(line);
                }
            }
            patch.extend_from_slice(b"*** End Patch\n");
            patch
        }
        2 => [b"f\n<<<<<<< SEARCH\n".as_slice(), old, b"\n=======\n", new, b"\n>>>>>>> REPLACE\n"].concat(),
        _ => {
            let quote = |t: &[u8]| {
                let s: String = String::from_utf8_lossy(t).chars().flat_map(char::escape_default).collect();
                format!("\"{s}\"")
            };
            format!("[{{\"path\": \"f\", \"old_text\": {}, \"new_text\": {}}}]", quote(old), quote(new)).into_bytes()
        }
    }
}

fn mutate(rng: &mut Rng, mut patch: Vec<u8>) -> Vec<u8> {
    for _ in 0..rng.below(3) {
        if patch.is_empty() {
            break;
        }
        let at = rng.below(patch.len() as u64) as usize;
        match rng.below(4) {
            0 => patch[at] = rng.next() as u8,
            1 => {
                let end = (at + 1 + rng.below(20) as usize).min(patch.len());
                patch.drain(at..end);
            }
            2 => {
                let fragment = FRAGMENTS[rng.below(FRAGMENTS.len() as u64) as usize];
                patch.splice(at..at, fragment.iter().copied());
            }
            _ => patch.truncate(at),
        }
    }
    patch
}

fn c_str_ok(ptr: *const core::ffi::c_char) -> bool {
    !ptr.is_null() && unsafe { CStr::from_ptr(ptr) }.to_str().is_ok()
}

fn slice<'a, T>(ptr: *const T, len: usize) -> &'a [T] {
    if len == 0 { &[] } else { unsafe { core::slice::from_raw_parts(ptr, len) } }
}

fn check(files: &[(&[u8], Vec<u8>)], patch: &[u8], options: &fd_edit_options, case: usize) {
    let given: Vec<fd_file_text> = files
        .iter()
        .map(|(p, t)| fd_file_text { path: p.as_ptr(), path_len: p.len(), text: t.as_ptr(), text_len: t.len() })
        .collect();
    let mut result: *mut fd_edit_result = core::ptr::null_mut();
    let status =
        unsafe { ffi::fd_apply_edits(given.as_ptr(), given.len(), patch.as_ptr(), patch.len(), options, &mut result) };
    let what = || format!("case {case}: {status:?}\n{}", String::from_utf8_lossy(patch));
    use fd_status::*;
    assert!(
        matches!(
            status,
            FD_OK
                | FD_ERR_PATCH_MALFORMED
                | FD_ERR_PATCH_HUNK_FAILED
                | FD_ERR_PATCH_ALREADY_APPLIED
                | FD_ERR_PATCH_AMBIGUOUS
        ),
        "{}",
        what()
    );
    let r = unsafe { result.as_ref() }.unwrap_or_else(|| panic!("no result: {}", what()));
    assert!(c_str_ok(r.message), "{}", what());
    let hunks = slice(r.hunks, r.hunk_count);
    let details = slice(r.hunk_details, r.hunk_count);
    for (h, d) in hunks.iter().zip(details) {
        assert!(c_str_ok(h.message) && h.patch_offset + h.patch_len <= patch.len(), "{}", what());
        assert!(d.place_count <= 10 && (d.place_count == 0) == d.places.is_null(), "{}", what());
    }
    for s in slice(r.sections, r.section_count) {
        assert!(s.patch_offset + s.patch_len <= patch.len(), "{}", what());
    }
    for f in slice(r.files, r.file_count) {
        assert!(c_str_ok(f.message) && f.first_hunk + f.hunk_count <= hunks.len(), "{}", what());
        assert!(unsafe { *f.path.add(f.path_len) } == 0, "{}", what());
        assert!(status == FD_OK || f.text.is_null(), "{}", what());
        let _ = slice(f.text, f.text_len).iter().map(|&b| u32::from(b)).sum::<u32>();
    }
    if status == FD_ERR_PATCH_MALFORMED {
        assert!(c_str_ok(r.error_expected) && r.error_offset <= patch.len() && r.error_line >= 1, "{}", what());
    }
    unsafe { ffi::fd_edit_result_free(result) };
    let mut parsed: *mut fd_edit_result = core::ptr::null_mut();
    let parse_status = unsafe { ffi::fd_parse_edits(patch.as_ptr(), patch.len(), options, &mut parsed) };
    assert_eq!(parse_status == FD_ERR_PATCH_MALFORMED, status == FD_ERR_PATCH_MALFORMED, "{}", what());
    unsafe { ffi::fd_edit_result_free(parsed) };
}

#[test]
fn arbitrary_edits_give_documented_results() {
    let mut rng = Rng(0xed17_5eed);
    for case in 0..20000 {
        let size = rng.below(20) as usize;
        let old = awkward_text(&mut rng, size);
        let patch = match rng.below(3) {
            0 => random_patch(&mut rng),
            _ => {
                let new = edit(&mut rng, &old);
                let patch = written(&mut rng, &old, &new);
                if rng.below(2) == 0 { mutate(&mut rng, patch) } else { patch }
            }
        };
        let text = if rng.below(4) == 0 { edit(&mut rng, &old) } else { old };
        let mut files: Vec<(&[u8], Vec<u8>)> = vec![(b"f", text)];
        match rng.below(4) {
            0 => files.push((b"g", awkward_text(&mut rng, 3))),
            1 => files[0].0 = b"",
            _ => {}
        }
        let mut options = core::mem::MaybeUninit::<fd_edit_options>::uninit();
        let mut options = unsafe {
            ffi::fd_edit_options_init(options.as_mut_ptr());
            options.assume_init()
        };
        options.format = rng.below(5) as u32;
        options.flags = rng.next() as u32 & 0b10_1111;
        options.fuzz = rng.below(3) as u32;
        options.strip = [ffi::FD_EDIT_STRIP_AUTO, 0, 1][rng.below(3) as usize];
        check(&files, &patch, &options, case);
    }
}
