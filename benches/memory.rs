//! Peak heap memory a diff allocates beyond its inputs, per fixture, measured
//! with a counting allocator: `cargo bench --bench memory`. Prints one JSON
//! object per fixture.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use fast_diff::{Algorithm, DiffOptions, unified_diff};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let now = CURRENT.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size - layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        } else {
            CURRENT.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    let dir = std::env::var_os("FAST_DIFF_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/data"));
    for fixture in ["prose_10m", "log_10m", "identical_10m", "source_100k", "unrelated_1m", "repeated_1m"] {
        let old = std::fs::read(dir.join(format!("{fixture}.old"))).expect("run `make fixtures`");
        let new = std::fs::read(dir.join(format!("{fixture}.new"))).expect("run `make fixtures`");
        for algorithm in [Algorithm::Myers, Algorithm::Histogram] {
            let base = CURRENT.load(Ordering::Relaxed);
            PEAK.store(base, Ordering::Relaxed);
            let options = DiffOptions { algorithm, ..DiffOptions::default() };
            let diff = unified_diff(&old, &new, &options).unwrap();
            let peak = PEAK.load(Ordering::Relaxed) - base;
            println!(
                "{{\"fixture\": \"{fixture}\", \"algorithm\": \"{algorithm:?}\", \"input_bytes\": {}, \"output_bytes\": {}, \"peak_extra_bytes\": {peak}, \"peak_over_input\": {:.3}}}",
                old.len() + new.len(),
                diff.len(),
                peak as f64 / (old.len() + new.len()) as f64
            );
        }
    }
}
