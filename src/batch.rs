//! Many diffs in one call, on a pool of threads that lives only as long as
//! the call.
//!
//! The pool is scoped: its threads are started by the call and joined
//! before it returns, so nothing runs after it and nothing is kept between
//! calls (no global pool, no global state). Work is handed out one item at
//! a time from a shared counter, so a few large pairs among many small ones
//! do not leave threads idle while one works through a long queue.

use std::num::NonZeroUsize;
use std::panic::resume_unwind;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use crate::{DiffOptions, Error, unified_diff};

/// The unified diff of every `(old, new)` pair, in order, each exactly what
/// [`unified_diff`] gives for it, computed on `threads` threads (0: one per
/// core the process may use). A pair that fails (a text with more than
/// [`MAX_LINES`](crate::MAX_LINES) lines to compare) has its error in its
/// place; the others are diffed all the same.
///
/// ```
/// let pairs: Vec<(&[u8], &[u8])> = vec![(b"a\n", b"b\n"), (b"same\n", b"same\n")];
/// let diffs = fast_diff::unified_diff_many(&pairs, &Default::default(), 2);
/// assert_eq!(diffs[0].as_deref().unwrap(), b"--- original\n+++ modified\n@@ -1 +1 @@\n-a\n+b\n");
/// assert_eq!(diffs[1].as_deref().unwrap(), b"");
/// ```
pub fn unified_diff_many(
    pairs: &[(&[u8], &[u8])],
    options: &DiffOptions<'_>,
    threads: usize,
) -> Vec<Result<Vec<u8>, Error>> {
    map_parallel(pairs, threads, |(old, new)| unified_diff(old, new, options))
}

/// How many threads a call with `requested` threads (0: every core) uses
/// for `items` items: never more than there are items, at least one.
pub(crate) fn pool_size(requested: usize, items: usize) -> usize {
    let wanted = match requested {
        0 => thread::available_parallelism().map_or(1, NonZeroUsize::get),
        n => n,
    };
    wanted.min(items).max(1)
}

/// `f` of every item, in order, computed on [`pool_size`] threads: the
/// calling thread and the others it starts. A thread the system refuses to
/// start is done without; the rest share its work. A panic in `f` is
/// raised again in the caller once every thread has stopped.
pub(crate) fn map_parallel<T: Sync, R: Send>(items: &[T], threads: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = pool_size(threads, items.len());
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { return done };
            done.push((i, f(item)));
        }
    };
    let mut results: Vec<Option<R>> = (0..items.len()).map(|_| None).collect();
    thread::scope(|scope| {
        // The stack size of a main thread, so that an item needs no more
        // stack here than in a single call.
        let started: Vec<_> = (1..threads)
            .filter_map(|_| thread::Builder::new().stack_size(8 << 20).spawn_scoped(scope, work).ok())
            .collect();
        let mut panicked = None;
        let mine = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
        for outcome in std::iter::once(mine).chain(started.into_iter().map(|handle| handle.join())) {
            match outcome {
                Ok(done) => done.into_iter().for_each(|(i, result)| results[i] = Some(result)),
                Err(payload) => panicked = Some(payload),
            }
        }
        if let Some(payload) = panicked {
            resume_unwind(payload);
        }
    });
    results.into_iter().map(|result| result.expect("every item is done by some thread")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_are_in_order_whatever_the_threads() {
        let items: Vec<usize> = (0..1000).collect();
        for threads in [0, 1, 2, 3, 8, 5000] {
            assert_eq!(map_parallel(&items, threads, |&i| i * 2), items.iter().map(|i| i * 2).collect::<Vec<_>>());
        }
        assert!(map_parallel(&[] as &[u8], 4, |_| ()).is_empty());
    }

    #[test]
    fn the_pool_is_no_larger_than_the_work() {
        assert_eq!(pool_size(8, 3), 3);
        assert_eq!(pool_size(1, 100), 1);
        assert_eq!(pool_size(2, 0), 1);
        assert!(pool_size(0, usize::MAX) >= 1);
    }

    #[test]
    fn several_threads_share_the_work() {
        let items: Vec<u64> = (0..64).collect();
        let ids = map_parallel(&items, 4, |_| {
            std::thread::sleep(std::time::Duration::from_millis(2));
            std::thread::current().id()
        });
        let mut distinct = ids.clone();
        distinct.sort_by_key(|id| format!("{id:?}"));
        distinct.dedup();
        assert!(distinct.len() > 1, "one thread did all the work");
    }

    #[test]
    fn a_panic_reaches_the_caller_after_the_others_stop() {
        let items: Vec<usize> = (0..100).collect();
        let outcome = std::panic::catch_unwind(|| map_parallel(&items, 4, |&i| assert_ne!(i, 37, "boom")));
        assert!(outcome.is_err());
    }

    #[test]
    fn each_diff_is_the_single_call_s() {
        let owned: Vec<(Vec<u8>, Vec<u8>)> =
            (0..50).map(|i| (format!("{i}\nx\ny\n").into_bytes(), format!("{}\nx\nz\n", i % 7).into_bytes())).collect();
        let pairs: Vec<(&[u8], &[u8])> = owned.iter().map(|(a, b)| (&a[..], &b[..])).collect();
        let options = DiffOptions { context_lines: 1, ..DiffOptions::default() };
        let many = unified_diff_many(&pairs, &options, 3);
        for ((old, new), diff) in pairs.iter().zip(many) {
            assert_eq!(diff, unified_diff(old, new, &options));
        }
    }
}
