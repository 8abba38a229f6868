//! `fd_apply_patch` through the C ABI on an arbitrary text, patch and
//! options: it must return a documented status, and every buffer and
//! report it hands out must be freed exactly once (AddressSanitizer and
//! LeakSanitizer watch).
#![no_main]

use fast_diff::ffi::{self, fd_apply_options, fd_buf, fd_patch_report, fd_status};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u8, u8, u8, &[u8], &[u8])| {
    let (flags, offset, fuzz, text, patch) = input;
    let mut options = core::mem::MaybeUninit::<fd_apply_options>::uninit();
    let mut options = unsafe {
        ffi::fd_apply_options_init(options.as_mut_ptr());
        options.assume_init()
    };
    options.flags = u32::from(flags & 0x7f);
    options.max_offset = if offset == 255 { u64::MAX } else { u64::from(offset) };
    options.fuzz = u32::from(fuzz % 4);
    let mut out = fd_buf { ptr: core::ptr::null_mut(), len: 0 };
    let mut report: *mut fd_patch_report = core::ptr::null_mut();
    let status = unsafe { ffi::fd_apply_patch(text.as_ptr(), text.len(), patch.as_ptr(), patch.len(), &options, &mut out, &mut report) };
    assert!(matches!(
        status,
        fd_status::FD_OK
            | fd_status::FD_ERR_INVALID_OPTIONS
            | fd_status::FD_ERR_PATCH_MALFORMED
            | fd_status::FD_ERR_PATCH_HUNK_FAILED
            | fd_status::FD_ERR_PATCH_ALREADY_APPLIED
            | fd_status::FD_ERR_PATCH_MULTIPLE_FILES
    ));
    assert_eq!(status == fd_status::FD_ERR_INVALID_OPTIONS, flags & 0x40 != 0);
    unsafe {
        ffi::fd_free(&mut out);
        ffi::fd_patch_report_free(report);
    }
});
