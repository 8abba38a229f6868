//! `fd_unified_diff_many`: many unified diffs in one call, on a pool of
//! threads that the call starts and joins, and `fd_pair`, one of its
//! inputs.

use core::panic::AssertUnwindSafe;

use super::guard::guard;
use super::options::{self, label};
use super::pointers::{input, required};
use super::{fd_buf, fd_options, fd_status};
use crate::batch::map_parallel;
use crate::{DiffOptions, unified_diff};

/// Two texts to diff, and optionally their own labels. An array element of
/// `fd_unified_diff_many`: its layout never changes.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct fd_pair {
    /// The old text, `old_len` bytes (`(NULL, 0)` is empty).
    pub old_text: *const u8,
    /// The length of `old_text` in bytes.
    pub old_len: usize,
    /// The new text, `new_len` bytes.
    pub new_text: *const u8,
    /// The length of `new_text` in bytes.
    pub new_len: usize,
    /// The label on this diff's `---` line; NULL means the options' label.
    /// Must not contain CR or LF.
    pub old_label: *const u8,
    /// The length of `old_label` in bytes.
    pub old_label_len: usize,
    /// The label on this diff's `+++` line; NULL means the options' label.
    pub new_label: *const u8,
    /// The length of `new_label` in bytes.
    pub new_label_len: usize,
}

/// One pair as the workers see it: checked slices, or why it cannot be
/// diffed.
type Checked<'a> = Result<(&'a [u8], &'a [u8], DiffOptions<'a>), fd_status>;

/// Writes into `outs[i]` the unified diff that `fd_unified_diff` writes for
/// `pairs[i]` (with that pair's labels, where it has them, else those of
/// `options`), and into `statuses[i]` that pair's status, for every `i`
/// below `n`. The pairs are diffed on `threads` threads (0: one per core
/// the process may use; never more than `n`), which the call starts and
/// joins: none is left running when it returns, and the library keeps no
/// pool between calls.
///
/// The call returns `FD_OK` when it has tried every pair; each pair's own
/// outcome is its status. A pair that fails (a NULL text of non-zero
/// length, a label with CR or LF, a text too large, even a bug) fails alone:
/// its `outs[i]` is untouched, and the others are diffed all the same. Each
/// `outs[i]` written is the caller's, released with `fd_free`. Any other
/// status than `FD_OK` is about the call itself (NULL `pairs`, `outs` or
/// `statuses` when `n > 0`, invalid `options`, `n` too large): then
/// nothing is written. `n` 0 writes nothing and returns `FD_OK`.
///
/// # Safety
/// Unless `n` is 0, `pairs` must point to `n` `fd_pair`s whose buffers
/// follow the conventions and stay unchanged during the call, and `outs`
/// and `statuses` to `n` writable elements each, not overlapping. `options`
/// must be NULL or an `fd_options` set up by `fd_options_init`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn fd_unified_diff_many(
    pairs: *const fd_pair,
    n: usize,
    options: *const fd_options,
    threads: u32,
    outs: *mut fd_buf,
    statuses: *mut fd_status,
) -> fd_status {
    guard(|| {
        // SAFETY: `options` is NULL or set up by `fd_options_init`.
        let options = unsafe { options::read(options) }?;
        if n == 0 {
            return Ok(());
        }
        if n > isize::MAX as usize / size_of::<fd_pair>() {
            return Err(fd_status::FD_ERR_INPUT_TOO_LARGE);
        }
        let (pairs, outs, statuses) = (required(pairs.cast_mut())?, required(outs)?, required(statuses)?);
        // SAFETY: `pairs` points to `n` pairs.
        let pairs = unsafe { core::slice::from_raw_parts(pairs.as_ptr().cast_const(), n) };
        // Read on this thread: the workers see only checked slices.
        // SAFETY: each pair's buffers follow the conventions.
        let checked: Vec<Checked<'_>> = pairs.iter().map(|pair| unsafe { check(pair, &options) }).collect();
        let results = map_parallel(&checked, threads as usize, |pair| {
            let (old, new, options) = pair.as_ref().map_err(|status| *status)?;
            // One pair's bug is that pair's status; the others go on.
            std::panic::catch_unwind(AssertUnwindSafe(|| unified_diff(old, new, options)))
                .map_err(|_| fd_status::FD_ERR_INTERNAL)?
                .map_err(fd_status::from)
        });
        for (i, result) in results.into_iter().enumerate() {
            // SAFETY: `outs` and `statuses` hold `n` writable elements.
            unsafe {
                let status = match result {
                    Ok(diff) => {
                        outs.add(i).write(fd_buf::from_vec(diff));
                        fd_status::FD_OK
                    }
                    Err(status) => status,
                };
                statuses.add(i).write(status);
            }
        }
        Ok(())
    })
}

/// The pair's texts as slices and its options (the call's, with the pair's
/// own labels where it has them), or the status it fails with.
///
/// # Safety
/// The pair's buffers follow the conventions and outlive `'a`.
unsafe fn check<'a>(pair: &fd_pair, options: &DiffOptions<'a>) -> Checked<'a> {
    // SAFETY: as promised by the caller.
    unsafe {
        let old = input(pair.old_text, pair.old_len)?;
        let new = input(pair.new_text, pair.new_len)?;
        let old_label = label(pair.old_label, pair.old_label_len)?.unwrap_or(options.old_label);
        let new_label = label(pair.new_label, pair.new_label_len)?.unwrap_or(options.new_label);
        Ok((old, new, DiffOptions { old_label, new_label, ..options.clone() }))
    }
}
