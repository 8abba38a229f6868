//! `fd_merge` and `fd_merge_regions` through the C ABI on arbitrary texts
//! and options: every call returns a documented status; on `FD_OK` the two
//! agree, the regions tile the merged text and the three inputs, a favour
//! leaves no conflict, and a side that changed nothing gives the other
//! side; every result is freed exactly once (AddressSanitizer and
//! LeakSanitizer watch).
#![no_main]

use fast_diff::ffi::{self, fd_buf, fd_merge_options, fd_merge_result, fd_status};
use libfuzzer_sys::fuzz_target;

fn lines(text: &[u8]) -> u64 {
    text.split_inclusive(|&b| b == b'\n').count() as u64
}

fuzz_target!(|input: (u8, u8, u8, &[u8], &[u8], &[u8])| {
    let (choice, marker_size, label, base, ours, theirs) = input;
    let mut options = core::mem::MaybeUninit::<fd_merge_options>::uninit();
    let mut options = unsafe {
        ffi::fd_merge_options_init(options.as_mut_ptr());
        options.assume_init()
    };
    // Out-of-range values now and then, to see them refused.
    options.style = u32::from(choice % 4);
    options.favor = u32::from(choice / 4 % 5);
    options.algorithm = u32::from(choice / 20 % 4);
    options.marker_size = if marker_size == 255 { 5000 } else { u32::from(marker_size % 12) };
    let labels: [&[u8]; 4] = [b"o", b"", b"t t", b"bad\nlabel"];
    let chosen = labels[usize::from(label % 4)];
    (options.theirs_label, options.theirs_label_len) = (chosen.as_ptr(), chosen.len());
    let valid = choice % 4 < 3 && choice / 4 % 5 < 4 && choice / 20 % 4 < 3 && marker_size != 255 && label % 4 != 3;

    let mut result: *mut fd_merge_result = core::ptr::null_mut();
    let status = unsafe {
        ffi::fd_merge_regions(base.as_ptr(), base.len(), ours.as_ptr(), ours.len(), theirs.as_ptr(), theirs.len(), &options, &mut result)
    };
    let mut out = fd_buf { ptr: core::ptr::null_mut(), len: 0 };
    let mut conflicts = usize::MAX;
    let plain = unsafe {
        ffi::fd_merge(base.as_ptr(), base.len(), ours.as_ptr(), ours.len(), theirs.as_ptr(), theirs.len(), &options, &mut out, &mut conflicts)
    };
    assert_eq!(status, plain);
    if !valid {
        assert_eq!(status, fd_status::FD_ERR_INVALID_OPTIONS);
        assert!(result.is_null() && out.ptr.is_null() && conflicts == usize::MAX);
        return;
    }
    assert_eq!(status, fd_status::FD_OK);
    let r = unsafe { &*result };
    let text = if r.text_len == 0 { &[][..] } else { unsafe { core::slice::from_raw_parts(r.text, r.text_len) } };
    let plain_text = if out.len == 0 { &[][..] } else { unsafe { core::slice::from_raw_parts(out.ptr, out.len) } };
    assert_eq!((text, r.conflicts), (plain_text, conflicts));
    let regions = if r.region_count == 0 { &[][..] } else { unsafe { core::slice::from_raw_parts(r.regions, r.region_count) } };
    let mut at = (0, 0, 0, 0, 0usize);
    for g in regions {
        assert_eq!((g.base_start, g.ours_start, g.theirs_start, g.result_start, g.result_offset), at);
        at = (g.base_start + g.base_count, g.ours_start + g.ours_count, g.theirs_start + g.theirs_count, g.result_start + g.result_count, g.result_offset + g.result_len);
        assert!(g.kind <= 5 && (options.favor == 0 || g.kind != 4));
    }
    assert_eq!(at, (lines(base), lines(ours), lines(theirs), lines(text), text.len()));
    assert_eq!(r.conflicts, regions.iter().filter(|g| g.kind == 4).count());
    if ours == base {
        assert_eq!((text, r.conflicts), (theirs, 0));
    }
    if theirs == base || theirs == ours {
        assert_eq!((text, r.conflicts), (ours, 0));
    }
    unsafe {
        ffi::fd_merge_result_free(result);
        ffi::fd_free(&mut out);
    }
});
