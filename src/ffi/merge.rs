//! `fd_merge`, the three-way merge of `git merge-file`, and its structured
//! form `fd_merge_regions`, whose `fd_merge_result` lists the regions of
//! the merged text so that a program can resolve conflicts itself.

use core::ops::Range;

use super::guard::guard;
use super::merge_options::{self, fd_merge_options};
use super::owned::{Owned, array};
use super::pointers::{input, required};
use super::{fd_buf, fd_status};
use crate::merge::{MergeOptions, Merged, RegionKind, merge};

/// What a region of a merge is, for `fd_merge_region.kind`.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum fd_region_kind {
    /// Lines neither side changed.
    FD_REGION_UNCHANGED = 0,
    /// Lines only ours changed, taken from ours.
    FD_REGION_OURS = 1,
    /// Lines only theirs changed, taken from theirs.
    FD_REGION_THEIRS = 2,
    /// Lines both sides changed alike, taken once.
    FD_REGION_BOTH = 3,
    /// A conflict, written between markers.
    FD_REGION_CONFLICT = 4,
    /// A conflict resolved by `fd_merge_options.favor`.
    FD_REGION_RESOLVED = 5,
}

/// A region of a merge: a stretch of the merged text and the lines of each
/// input it comes from. Line numbers are 0-based first lines with counts;
/// byte ranges are offsets into each input and into the merged text. The
/// regions follow one another: they tile the result and each input.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct fd_merge_region {
    /// An `fd_region_kind`.
    pub kind: u32,
    /// The region's first line in the base (0-based).
    pub base_start: u64,
    /// The number of its base lines.
    pub base_count: u64,
    /// Its first line in ours.
    pub ours_start: u64,
    /// The number of its lines in ours.
    pub ours_count: u64,
    /// Its first line in theirs.
    pub theirs_start: u64,
    /// The number of its lines in theirs.
    pub theirs_count: u64,
    /// Its first line in the merged text; a conflict's lines include its
    /// marker lines.
    pub result_start: u64,
    /// The number of its lines in the merged text.
    pub result_count: u64,
    /// Where its base lines start in the base, in bytes.
    pub base_offset: usize,
    /// The length of its base lines in bytes.
    pub base_len: usize,
    /// Where its lines start in ours, in bytes.
    pub ours_offset: usize,
    /// The length of its lines in ours.
    pub ours_len: usize,
    /// Where its lines start in theirs, in bytes.
    pub theirs_offset: usize,
    /// The length of its lines in theirs.
    pub theirs_len: usize,
    /// Where it starts in `fd_merge_result.text`, in bytes.
    pub result_offset: usize,
    /// Its length in the merged text.
    pub result_len: usize,
}

/// The result of `fd_merge_regions`. Allocated by the library, released
/// with `fd_merge_result_free`.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct fd_merge_result {
    /// The merged text, as `fd_merge` writes it; NULL when it is empty.
    pub text: *const u8,
    /// The length of the merged text in bytes.
    pub text_len: usize,
    /// The number of conflicts the text marks (0 with a favour).
    pub conflicts: usize,
    /// The regions, in order; NULL when there are none (every input empty).
    pub regions: *const fd_merge_region,
    /// The number of regions.
    pub region_count: usize,
}

/// What `fd_merge_result` points into.
struct ResultData {
    text: Vec<u8>,
    regions: Vec<fd_merge_region>,
}

/// A merge call's inputs and options, read and checked in order: base,
/// ours, theirs, options; then merged.
///
/// # Safety
/// Buffers and `options` as for `fd_merge`.
unsafe fn merged<'a>(
    texts: [(*const u8, usize); 3],
    options: *const fd_merge_options,
) -> Result<([&'a [u8]; 3], MergeOptions<'a>, Merged), fd_status> {
    let [base, ours, theirs] = texts;
    // SAFETY: the caller's buffers and options follow the conventions.
    let (base, ours, theirs, options) = unsafe {
        (input(base.0, base.1)?, input(ours.0, ours.1)?, input(theirs.0, theirs.1)?, merge_options::read(options)?)
    };
    let merged = merge(base, ours, theirs, &options)?;
    Ok(([base, ours, theirs], options, merged))
}

/// Writes into `*out` the merge of `ours` and `theirs`, two edits of `base`,
/// byte for byte as `git merge-file -p` writes it (with `-L` labels as in
/// the options), and into `*conflicts` the number of conflicts it marks.
/// Conflicts are not an error: the status is `FD_OK` with or without them.
/// An empty result is `{NULL, 0}`. `options` NULL means the defaults.
///
/// Any bytes are valid input: NUL, invalid UTF-8, CRLF (conflict markers
/// then end in CRLF too) and missing final newlines. On `FD_OK` the caller
/// owns `*out` and releases it with `fd_free`; on any other status neither
/// out-param is written.
///
/// # Safety
/// Each buffer must follow the conventions: NULL with length 0, or pointing
/// to that many readable bytes for the duration of the call. `options` must
/// be NULL or an `fd_merge_options` set up by `fd_merge_options_init`.
/// `out` and `conflicts` must be writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_merge(
    base: *const u8,
    base_len: usize,
    ours: *const u8,
    ours_len: usize,
    theirs: *const u8,
    theirs_len: usize,
    options: *const fd_merge_options,
    out: *mut fd_buf,
    conflicts: *mut usize,
) -> fd_status {
    guard(|| {
        let (out, count) = (required(out)?, required(conflicts)?);
        // SAFETY: as promised by the caller.
        let (_, _, merged) = unsafe { merged([(base, base_len), (ours, ours_len), (theirs, theirs_len)], options) }?;
        // SAFETY: both out-params are writable.
        unsafe {
            count.write(merged.conflicts);
            out.write(fd_buf::from_vec(merged.text));
        }
        Ok(())
    })
}

/// Where each line of `text` starts, and its end.
fn line_starts(text: &[u8]) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(memchr::memchr_iter(b'\n', text).map(|i| i + 1));
    if text.last().is_some_and(|&b| b != b'\n') {
        starts.push(text.len());
    }
    starts
}

/// Writes into `*out` the merge `fd_merge` would write with the same
/// arguments, its conflict count, and its regions: what each stretch of the
/// merged text is (unchanged, from ours, from theirs, from both alike, a
/// conflict, a resolved conflict) and which lines and bytes of each input and
/// of the text it covers. On `FD_OK` the caller releases `*out` with
/// `fd_merge_result_free`; otherwise `*out` is untouched.
///
/// # Safety
/// Buffers and `options` as for `fd_merge`; `out` must point to a writable
/// pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_merge_regions(
    base: *const u8,
    base_len: usize,
    ours: *const u8,
    ours_len: usize,
    theirs: *const u8,
    theirs_len: usize,
    options: *const fd_merge_options,
    out: *mut *mut fd_merge_result,
) -> fd_status {
    guard(|| {
        let out = required(out)?;
        // SAFETY: as promised by the caller.
        let (inputs, _, merged) =
            unsafe { merged([(base, base_len), (ours, ours_len), (theirs, theirs_len)], options) }?;
        let starts =
            [line_starts(inputs[0]), line_starts(inputs[1]), line_starts(inputs[2]), line_starts(&merged.text)];
        let bytes = |which: usize, lines: &Range<usize>| {
            let (start, end) = (starts[which][lines.start], starts[which][lines.end]);
            (start, end - start)
        };
        let regions = merged
            .regions
            .iter()
            .map(|r| {
                let (base_offset, base_len) = bytes(0, &r.base);
                let (ours_offset, ours_len) = bytes(1, &r.ours);
                let (theirs_offset, theirs_len) = bytes(2, &r.theirs);
                let (result_offset, result_len) = bytes(3, &r.result);
                fd_merge_region {
                    kind: match r.kind {
                        RegionKind::Unchanged => fd_region_kind::FD_REGION_UNCHANGED,
                        RegionKind::Ours => fd_region_kind::FD_REGION_OURS,
                        RegionKind::Theirs => fd_region_kind::FD_REGION_THEIRS,
                        RegionKind::Both => fd_region_kind::FD_REGION_BOTH,
                        RegionKind::Conflict => fd_region_kind::FD_REGION_CONFLICT,
                        RegionKind::Resolved => fd_region_kind::FD_REGION_RESOLVED,
                    } as u32,
                    base_start: r.base.start as u64,
                    base_count: r.base.len() as u64,
                    ours_start: r.ours.start as u64,
                    ours_count: r.ours.len() as u64,
                    theirs_start: r.theirs.start as u64,
                    theirs_count: r.theirs.len() as u64,
                    result_start: r.result.start as u64,
                    result_count: r.result.len() as u64,
                    base_offset,
                    base_len,
                    ours_offset,
                    ours_len,
                    theirs_offset,
                    theirs_len,
                    result_offset,
                    result_len,
                }
            })
            .collect();
        let data = ResultData { text: merged.text, regions };
        let ((text, text_len), (regions, region_count)) = (array(&data.text), array(&data.regions));
        let result = fd_merge_result { text, text_len, conflicts: merged.conflicts, regions, region_count };
        // SAFETY: `out` is writable.
        unsafe { out.write(Owned::into_raw(result, data)) };
        Ok(())
    })
}

/// Releases a result of `fd_merge_regions`. NULL is ignored. Call it
/// exactly once per result.
///
/// # Safety
/// `result` must be NULL or a result of `fd_merge_regions` not yet released.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_merge_result_free(result: *mut fd_merge_result) {
    // SAFETY: as promised by the caller.
    guard(|| unsafe { Owned::<fd_merge_result, ResultData>::free(result) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(base: &[u8], ours: &[u8], theirs: &[u8], options: *const fd_merge_options) -> (fd_status, Vec<u8>, usize) {
        let mut out = fd_buf { ptr: core::ptr::null_mut(), len: 0 };
        let mut conflicts = usize::MAX;
        let status = unsafe {
            fd_merge(
                base.as_ptr(),
                base.len(),
                ours.as_ptr(),
                ours.len(),
                theirs.as_ptr(),
                theirs.len(),
                options,
                &mut out,
                &mut conflicts,
            )
        };
        let text = if out.ptr.is_null() {
            Vec::new()
        } else {
            unsafe { core::slice::from_raw_parts(out.ptr, out.len) }.to_vec()
        };
        unsafe { super::super::fd_free(&mut out) };
        (status, text, conflicts)
    }

    #[test]
    fn merges_and_counts_conflicts() {
        let (status, text, conflicts) = call(b"a\nb\nc\n", b"a\nB\nc\n", b"a\nbb\nc\n", core::ptr::null());
        assert_eq!((status, conflicts), (fd_status::FD_OK, 1));
        assert_eq!(text, b"a\n<<<<<<< ours\nB\n=======\nbb\n>>>>>>> theirs\nc\n");
        let (status, text, conflicts) = call(b"", b"", b"", core::ptr::null());
        assert_eq!((status, text.as_slice(), conflicts), (fd_status::FD_OK, &b""[..], 0));
    }

    #[test]
    fn null_arguments_are_refused_before_anything_is_written() {
        let mut out = fd_buf { ptr: core::ptr::null_mut(), len: 7 };
        let mut conflicts = 5usize;
        let none = core::ptr::null();
        let status = unsafe { fd_merge(none, 1, none, 0, none, 0, none.cast(), &mut out, &mut conflicts) };
        assert_eq!((status, out.len, conflicts), (fd_status::FD_ERR_NULL_ARGUMENT, 7, 5));
        let status = unsafe { fd_merge(none, 0, none, 0, none, 0, none.cast(), &mut out, core::ptr::null_mut()) };
        assert_eq!(status, fd_status::FD_ERR_NULL_ARGUMENT);
    }

    #[test]
    fn regions_locate_each_stretch_in_every_text() {
        let (base, ours, theirs) = (&b"a\nb\nc\n"[..], &b"A\nb\nc\n"[..], &b"a\nb\nC"[..]);
        let mut result: *mut fd_merge_result = core::ptr::null_mut();
        let status = unsafe {
            fd_merge_regions(base.as_ptr(), 6, ours.as_ptr(), 6, theirs.as_ptr(), 5, core::ptr::null(), &mut result)
        };
        assert_eq!(status, fd_status::FD_OK);
        let r = unsafe { &*result };
        let text = unsafe { core::slice::from_raw_parts(r.text, r.text_len) };
        assert_eq!((text, r.conflicts), (&b"A\nb\nC"[..], 0));
        let regions = unsafe { core::slice::from_raw_parts(r.regions, r.region_count) };
        let kinds: Vec<u32> = regions.iter().map(|g| g.kind).collect();
        assert_eq!(kinds, [1, 0, 2]);
        let last = &regions[2];
        assert_eq!((last.theirs_start, last.theirs_count, last.theirs_offset, last.theirs_len), (2, 1, 4, 1));
        assert_eq!((last.result_offset, last.result_len), (4, 1));
        unsafe { fd_merge_result_free(result) };
    }
}
