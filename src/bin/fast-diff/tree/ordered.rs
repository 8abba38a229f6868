//! Work on all cores, output in order. Each thread takes the next item,
//! works it out, and then: if every item before it has been handed on, it
//! hands its result on itself (and any waiting results that follow it);
//! otherwise it leaves its result to wait. No thread does nothing but
//! write, so no thread is woken for each result. A thread stays at most
//! `WINDOW` items ahead of the output, so that a slow reader of the output
//! does not make the waiting results pile up.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

const WINDOW: usize = 256;

/// What the threads share: the results waiting their turn, the sink, and
/// whether the sink failed.
struct Output<R, S, E> {
    /// How many results have been handed on.
    done: usize,
    /// The results of items `done..`, where they are ready.
    waiting: VecDeque<Option<R>>,
    emit: S,
    failed: Option<E>,
}

/// Maps `items` through `work` on up to `threads` threads and hands the
/// results to `emit` in the order of the items. Stops at the first error of
/// `emit`, and returns it.
pub fn map_in_order<T, R, E, S>(items: Vec<T>, threads: usize, work: impl Fn(T) -> R + Sync, emit: S) -> Result<(), E>
where
    T: Send,
    R: Send,
    E: Send,
    S: FnMut(R) -> Result<(), E> + Send,
{
    let threads = threads.min(items.len());
    if threads <= 1 {
        let mut emit = emit;
        return items.into_iter().try_for_each(|item| emit(work(item)));
    }
    let count = items.len();
    let items: Vec<Mutex<Option<T>>> = items.into_iter().map(|item| Mutex::new(Some(item))).collect();
    let next = AtomicUsize::new(0);
    let output = Mutex::new(Output { done: 0, waiting: VecDeque::new(), emit, failed: None });
    let moved = Condvar::new();
    let lock = || output.lock().unwrap_or_else(|e| e.into_inner());
    let worker = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= count {
                return;
            }
            let mut out = lock();
            while i >= out.done + WINDOW && out.failed.is_none() {
                out = moved.wait(out).unwrap_or_else(|e| e.into_inner());
            }
            if out.failed.is_some() {
                return;
            }
            drop(out);
            let Some(item) = items[i].lock().unwrap_or_else(|e| e.into_inner()).take() else { continue };
            let result = work(item);
            let mut out = lock();
            let at = i - out.done;
            if at >= out.waiting.len() {
                out.waiting.resize_with(at + 1, || None);
            }
            out.waiting[at] = Some(result);
            if at == 0 {
                hand_on(&mut out);
                moved.notify_all();
            }
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(worker);
        }
        worker();
    });
    let out = output.into_inner().unwrap_or_else(|e| e.into_inner());
    out.failed.map_or(Ok(()), Err)
}

/// Hands on the results that are ready, in order.
fn hand_on<R, S, E>(out: &mut MutexGuard<'_, Output<R, S, E>>)
where
    S: FnMut(R) -> Result<(), E>,
{
    while out.failed.is_none() && matches!(out.waiting.front(), Some(Some(_))) {
        let Some(Some(result)) = out.waiting.pop_front() else { unreachable!("just seen") };
        out.done += 1;
        if let Err(e) = (out.emit)(result) {
            out.failed = Some(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_order_whatever_the_threads() {
        for threads in [1, 2, 3, 8] {
            let mut seen = Vec::new();
            let items: Vec<u64> = (0..2000).collect();
            // Uneven work, so that later items often finish first.
            let work = |n: u64| {
                let spin = (n * 7919) % 2000;
                std::hint::black_box((0..spin).fold(n, |acc, k| acc.wrapping_mul(31).wrapping_add(k)));
                n
            };
            map_in_order(items, threads, work, |n| {
                seen.push(n);
                Ok::<(), ()>(())
            })
            .unwrap();
            assert_eq!(seen, (0..2000).collect::<Vec<_>>(), "{threads} threads");
        }
    }

    #[test]
    fn an_error_stops_the_work() {
        let mut seen = 0;
        let outcome = map_in_order(
            (0..10_000).collect(),
            4,
            |n: u32| n,
            |n| {
                seen += 1;
                if n == 10 { Err(n) } else { Ok(()) }
            },
        );
        assert_eq!((outcome, seen), (Err(10), 11));
    }
}
