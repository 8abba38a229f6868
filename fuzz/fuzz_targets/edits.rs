//! The edit formats' readers and `fd_apply_edits` on arbitrary bytes: every
//! format, detected or forced, must return; whatever it reads must lie
//! inside the patch; and applying it to a file of arbitrary bytes must give
//! a documented status, with a result freed exactly once (AddressSanitizer
//! and LeakSanitizer watch).
#![no_main]

use fast_diff::ffi::{self, fd_edit_options, fd_edit_result, fd_file_text, fd_status};
use fast_diff::patch::edits::{EditFormat, EditOptions, parse_edits};
use libfuzzer_sys::fuzz_target;

const FORMATS: [Option<EditFormat>; 5] = [
    None,
    Some(EditFormat::Unified),
    Some(EditFormat::Envelope),
    Some(EditFormat::SearchReplace),
    Some(EditFormat::Replacements),
];

fuzz_target!(|input: (u8, &[u8], &[u8])| {
    let (choice, text, patch) = input;
    for format in FORMATS {
        let options = EditOptions { format, ..EditOptions::default() };
        if let Ok(report) = parse_edits(patch, &options) {
            for section in &report.sections {
                assert!(section.span.end <= patch.len());
            }
            for hunk in report.files.iter().flat_map(|f| &f.hunks) {
                assert!(hunk.span.end <= patch.len());
            }
        }
    }
    let mut options = core::mem::MaybeUninit::<fd_edit_options>::uninit();
    let mut options = unsafe {
        ffi::fd_edit_options_init(options.as_mut_ptr());
        options.assume_init()
    };
    options.format = u32::from(choice % 5);
    options.flags = u32::from(choice >> 3) & 0b10_1111;
    let path = b"f";
    let file = fd_file_text { path: path.as_ptr(), path_len: path.len(), text: text.as_ptr(), text_len: text.len() };
    let mut result: *mut fd_edit_result = core::ptr::null_mut();
    let status = unsafe { ffi::fd_apply_edits(&file, 1, patch.as_ptr(), patch.len(), &options, &mut result) };
    assert!(matches!(
        status,
        fd_status::FD_OK
            | fd_status::FD_ERR_PATCH_MALFORMED
            | fd_status::FD_ERR_PATCH_HUNK_FAILED
            | fd_status::FD_ERR_PATCH_ALREADY_APPLIED
            | fd_status::FD_ERR_PATCH_AMBIGUOUS
    ));
    assert!(!result.is_null());
    unsafe { ffi::fd_edit_result_free(result) };
});
