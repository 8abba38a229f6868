//! Work on all cores, output in order: each item is taken by the next free
//! thread, and its result is handed on as soon as every result before it
//! has been. A thread stays at most `WINDOW` items ahead of the output, so
//! that a slow reader of the output does not make the results pile up.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

const WINDOW: usize = 256;

/// Maps `items` through `work` on up to `threads` threads and hands the
/// results to `emit` in the order of the items. Stops at the first error of
/// `emit`, and returns it.
pub fn map_in_order<T, R, E>(
    items: Vec<T>,
    threads: usize,
    work: impl Fn(T) -> R + Sync,
    mut emit: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    R: Send,
{
    let threads = threads.min(items.len());
    if threads <= 1 {
        return items.into_iter().try_for_each(|item| emit(work(item)));
    }
    let count = items.len();
    let items: Vec<Mutex<Option<T>>> = items.into_iter().map(|item| Mutex::new(Some(item))).collect();
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // How many results have been handed on, and a signal when it grows.
    let written = Mutex::new(0usize);
    let moved = Condvar::new();
    std::thread::scope(|scope| {
        let (sender, results) = mpsc::channel::<(usize, R)>();
        for _ in 0..threads {
            let sender = sender.clone();
            let (items, next, stop, written, moved, work) = (&items, &next, &stop, &written, &moved, &work);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= count {
                        break;
                    }
                    let mut done = written.lock().unwrap_or_else(|e| e.into_inner());
                    while i >= *done + WINDOW && !stop.load(Ordering::Relaxed) {
                        done = moved.wait(done).unwrap_or_else(|e| e.into_inner());
                    }
                    drop(done);
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let Some(item) = items[i].lock().unwrap_or_else(|e| e.into_inner()).take() else { continue };
                    if sender.send((i, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let mut waiting: VecDeque<Option<R>> = VecDeque::new();
        let mut first = 0;
        let mut outcome = Ok(());
        for (i, result) in results {
            if i - first >= waiting.len() {
                waiting.resize_with(i - first + 1, || None);
            }
            waiting[i - first] = Some(result);
            while let Some(Some(_)) = waiting.front() {
                let Some(Some(result)) = waiting.pop_front() else { unreachable!("just seen") };
                first += 1;
                if let Err(e) = emit(result) {
                    outcome = Err(e);
                    stop.store(true, Ordering::Relaxed);
                    break;
                }
            }
            *written.lock().unwrap_or_else(|e| e.into_inner()) = first;
            moved.notify_all();
            if outcome.is_err() {
                break;
            }
        }
        outcome
    })
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
