//! Peak heap memory a diff allocates beyond its inputs, per fixture and
//! algorithm, measured with a counting allocator: `cargo bench --bench
//! memory`. Prints one JSON object per fixture and algorithm.
//!
//! Two figures per run:
//! - `peak_extra_bytes`: the peak of the whole `unified_diff` call;
//! - `own_peak_bytes`: what the algorithm's own run adds. Trimming,
//!   splitting and interning the lines come first and are the same for every
//!   algorithm, and their tables are often the largest thing a diff holds, so
//!   the whole call's peak can be the same for every algorithm. The line diff
//!   (`diff_lines`) of each algorithm is therefore recorded allocation by
//!   allocation; its allocations are the same as every other algorithm's up
//!   to the first one where they part, and the algorithm's own peak is the
//!   highest the heap rises from there, above the heap held at that point.
//!   Where all the algorithms make the same allocations throughout, they
//!   share everything and `own_peak_bytes` is null.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicUsize, Ordering};

use fast_diff::{Algorithm, DiffOptions, diff_lines, unified_diff};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// The allocations of a recorded run, as changes of the heap's size, in
/// order (a fixed array: the allocator must not allocate).
const EVENTS_MAX: usize = 1 << 22;
static EVENTS: [AtomicI64; EVENTS_MAX] = [const { AtomicI64::new(0) }; EVENTS_MAX];
static EVENT_COUNT: AtomicUsize = AtomicUsize::new(0);
static RECORDING: AtomicBool = AtomicBool::new(false);

fn grow(by: usize) {
    let now = CURRENT.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
    record(by as i64);
}

fn shrink(by: usize) {
    CURRENT.fetch_sub(by, Ordering::Relaxed);
    record(-(by as i64));
}

fn record(change: i64) {
    if RECORDING.load(Ordering::Relaxed) {
        let at = EVENT_COUNT.fetch_add(1, Ordering::Relaxed);
        if at < EVENTS_MAX {
            EVENTS[at].store(change, Ordering::Relaxed);
        }
    }
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grow(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        shrink(layout.size());
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size >= layout.size() {
            grow(new_size - layout.size());
        } else {
            shrink(layout.size() - new_size);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Peak heap above what was allocated before `f`, and its result.
fn peak_of<T>(f: impl FnOnce() -> T) -> (usize, T) {
    let base = CURRENT.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let result = f();
    (PEAK.load(Ordering::Relaxed) - base, result)
}

/// The heap's changes during `f`, or None when there were too many to keep.
fn recorded(f: impl FnOnce()) -> Option<Vec<i64>> {
    EVENT_COUNT.store(0, Ordering::Relaxed);
    RECORDING.store(true, Ordering::Relaxed);
    f();
    RECORDING.store(false, Ordering::Relaxed);
    let count = EVENT_COUNT.load(Ordering::Relaxed);
    (count <= EVENTS_MAX).then(|| EVENTS[..count].iter().map(|e| e.load(Ordering::Relaxed)).collect())
}

/// The highest the heap rises above its level after `events[..from]`,
/// during `events[from..]`.
fn rise_after(events: &[i64], from: usize) -> i64 {
    let base: i64 = events[..from].iter().sum();
    let mut level = base;
    let mut top = base;
    for &change in &events[from..] {
        level += change;
        top = top.max(level);
    }
    top - base
}

const ALGORITHMS: [Algorithm; 3] = [Algorithm::Myers, Algorithm::Histogram, Algorithm::Patience];

/// Where the runs' allocations first differ, or None when they are all the
/// same throughout.
fn parting(runs: &[Vec<i64>]) -> Option<usize> {
    let shortest = runs.iter().map(Vec::len).min()?;
    (0..shortest)
        .find(|&i| runs.iter().any(|events| events[i] != runs[0][i]))
        .or_else(|| runs.iter().any(|events| events.len() != shortest).then_some(shortest))
}

fn json_number(value: Option<impl ToString>) -> String {
    value.map_or_else(|| "null".to_string(), |v| v.to_string())
}

fn main() {
    let dir = std::env::var_os("FAST_DIFF_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/data"));
    // The large fixtures and the costly ones (make fixtures).
    let fixtures = "prose_10m log_10m identical_10m source_100k unrelated_1m repeated_1m repeated_unrelated_1m";
    for fixture in fixtures.split(' ') {
        let old = std::fs::read(dir.join(format!("{fixture}.old"))).expect("run `make fixtures`");
        let new = std::fs::read(dir.join(format!("{fixture}.new"))).expect("run `make fixtures`");
        let input_bytes = old.len() + new.len();
        let options = |algorithm| DiffOptions { algorithm, ..DiffOptions::default() };
        // None when a run made too many allocations to record.
        let runs: Option<Vec<Vec<i64>>> = ALGORITHMS
            .iter()
            .map(|&algorithm| {
                recorded(|| {
                    diff_lines(&old, &new, &options(algorithm)).unwrap();
                })
            })
            .collect();
        let shared = runs.as_deref().and_then(parting);
        for (i, &algorithm) in ALGORITHMS.iter().enumerate() {
            let (peak, diff) = peak_of(|| unified_diff(&old, &new, &options(algorithm)).unwrap());
            let own = runs.as_ref().zip(shared).map(|(runs, at)| rise_after(&runs[i], at));
            println!(
                "{{\"fixture\": \"{fixture}\", \"algorithm\": \"{algorithm:?}\", \"input_bytes\": {input_bytes}, \
                 \"output_bytes\": {}, \"peak_extra_bytes\": {peak}, \"peak_over_input\": {:.3}, \
                 \"own_peak_bytes\": {}, \"line_diff_allocations\": {}, \"shared_allocations\": {}}}",
                diff.len(),
                peak as f64 / input_bytes as f64,
                json_number(own),
                json_number(runs.as_ref().map(|runs| runs[i].len())),
                json_number(shared),
            );
        }
    }
}
