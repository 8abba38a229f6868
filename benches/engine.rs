//! The engine against `similar` and `imara-diff`, all producing a unified diff
//! with three lines of context from the same fixtures (`make fixtures`), in
//! the same run. Also: the engine through the C ABI, and the floor of merely
//! splitting and hashing every line.
//!
//! `cargo bench --bench engine` (`make bench` runs it fixture by fixture,
//! between the other languages' runs). Environment:
//! - FAST_DIFF_BENCH_QUICK=1: shorter warm-up and measurement;
//! - FAST_DIFF_FIXTURES: the fixtures' directory (default benches/data);
//! - FAST_DIFF_BENCH_ONLY=a,b: only these fixture groups (`small_pairs` too);
//! - FAST_DIFF_BENCH_SKIP_SLOW=1: skip what is timed once instead of sampled;
//! - FAST_DIFF_BENCH_ONCE_JSON=path: append those single timings there as
//!   JSON lines (criterion keeps the sampled ones under target/criterion).

use std::hash::BuildHasher;
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use fast_diff::{Algorithm, DiffOptions, unified_diff};

fn fixtures_dir() -> PathBuf {
    std::env::var_os("FAST_DIFF_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/data"))
}

fn read_pair(name: &str) -> (Vec<u8>, Vec<u8>) {
    let dir = fixtures_dir();
    let read = |ext: &str| {
        let path = dir.join(format!("{name}.{ext}"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e} (run `make fixtures`)", path.display()))
    };
    (read("old"), read("new"))
}

fn read_small_pairs() -> Vec<(Vec<u8>, Vec<u8>)> {
    let path = fixtures_dir().join("small_pairs.bin");
    let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e} (run `make fixtures`)", path.display()));
    let mut pairs = Vec::new();
    let mut at = 0;
    let take = |at: &mut usize| {
        let len = u32::from_le_bytes(data[*at..*at + 4].try_into().unwrap()) as usize;
        *at += 4 + len;
        data[*at - len..*at].to_vec()
    };
    while at < data.len() {
        let old = take(&mut at);
        let new = take(&mut at);
        pairs.push((old, new));
    }
    pairs
}

fn ours(old: &[u8], new: &[u8], algorithm: Algorithm) -> usize {
    let options = DiffOptions { algorithm, ..DiffOptions::default() };
    unified_diff(old, new, &options).unwrap().len()
}

fn through_c(old: &[u8], new: &[u8]) -> usize {
    use fast_diff::ffi::{fd_buf, fd_free, fd_status, fd_unified_diff};
    let mut out = fd_buf { ptr: std::ptr::null_mut(), len: 0 };
    let status =
        unsafe { fd_unified_diff(old.as_ptr(), old.len(), new.as_ptr(), new.len(), std::ptr::null(), &mut out) };
    assert_eq!(status, fd_status::FD_OK);
    let len = out.len;
    unsafe { fd_free(&mut out) };
    len
}

fn similar_myers(old: &[u8], new: &[u8]) -> usize {
    let diff = similar::TextDiff::configure().algorithm(similar::Algorithm::Myers).diff_lines(old, new);
    let mut out = Vec::new();
    diff.unified_diff().context_radius(3).header("original", "modified").to_writer(&mut out).unwrap();
    out.len()
}

fn imara(old: &[u8], new: &[u8], algorithm: imara_diff::Algorithm) -> usize {
    // imara-diff's line source and printer work on str; the fixtures are
    // UTF-8 text, and the check is outside the timed region's meaning.
    let (old, new) = (std::str::from_utf8(old).unwrap(), std::str::from_utf8(new).unwrap());
    let input = imara_diff::InternedInput::new(old, new);
    let mut diff = imara_diff::Diff::compute(algorithm, &input);
    diff.postprocess_lines(&input);
    let printer = imara_diff::BasicLineDiffPrinter(&input.interner);
    diff.unified_diff(&printer, imara_diff::UnifiedDiffConfig::default(), &input).to_string().len()
}

/// Splitting both texts into lines and hashing each: a floor no line diff
/// can go below.
fn split_and_hash(old: &[u8], new: &[u8]) -> u64 {
    let hasher = foldhash::quality::FixedState::with_seed(1);
    let mut acc = 0u64;
    for text in [old, new] {
        for line in text.split_inclusive(|&b| b == b'\n') {
            acc = acc.wrapping_add(hasher.hash_one(line));
        }
    }
    acc
}

const FIXTURES: &[&str] = &[
    "prose_10m",
    "log_10m",
    "identical_10m",
    "source_100k",
    "unrelated_1m",
    "repeated_1m",
    "repeated_unrelated_1m",
    "log_1m",
    "log_100k",
    "log_1k",
    "tiny_100b",
];

/// Implementations too slow to sample on a fixture: timed once instead.
fn too_slow(implementation: &str, fixture: &str) -> bool {
    implementation.starts_with("imara") && fixture.starts_with("repeated")
}

fn selected(group: &str) -> bool {
    match std::env::var("FAST_DIFF_BENCH_ONLY") {
        Ok(only) => only.split(',').any(|name| name.trim() == group),
        Err(_) => true,
    }
}

/// A single timing of something too slow to sample, where the report can find it.
fn record_once(fixture: &str, implementation: &str, elapsed: Duration, diff_len: usize) {
    eprintln!("{fixture}/{implementation}: timed once: {elapsed:?} ({diff_len} bytes of diff)");
    let Some(path) = std::env::var_os("FAST_DIFF_BENCH_ONCE_JSON") else { return };
    let line = format!(
        "{{\"group\": \"{fixture}\", \"id\": \"{implementation}\", \"ns\": {}, \"diff_bytes\": {diff_len}}}\n",
        elapsed.as_nanos()
    );
    let mut file =
        std::fs::OpenOptions::new().create(true).append(true).open(&path).expect("FAST_DIFF_BENCH_ONCE_JSON");
    file.write_all(line.as_bytes()).expect("FAST_DIFF_BENCH_ONCE_JSON");
}

fn bench(c: &mut Criterion) {
    type Impl = (&'static str, fn(&[u8], &[u8]) -> usize);
    let implementations: &[Impl] = &[
        ("fast-diff myers", |o, n| ours(o, n, Algorithm::Myers)),
        ("fast-diff histogram", |o, n| ours(o, n, Algorithm::Histogram)),
        ("fast-diff via C ABI", through_c),
        ("similar myers", similar_myers),
        ("imara-diff myers", |o, n| imara(o, n, imara_diff::Algorithm::Myers)),
        ("imara-diff histogram", |o, n| imara(o, n, imara_diff::Algorithm::Histogram)),
    ];
    let skip_slow = std::env::var_os("FAST_DIFF_BENCH_SKIP_SLOW").is_some();
    for &fixture in FIXTURES.iter().filter(|f| selected(f)) {
        let (old, new) = read_pair(fixture);
        let mut group = c.benchmark_group(fixture);
        group.throughput(Throughput::Bytes((old.len() + new.len()) as u64));
        group.sample_size(10);
        for &(name, run) in implementations {
            if too_slow(name, fixture) {
                if !skip_slow {
                    let start = Instant::now();
                    let len = run(&old, &new);
                    record_once(fixture, name, start.elapsed(), len);
                }
                continue;
            }
            group.bench_with_input(BenchmarkId::from_parameter(name), &(), |b, _| b.iter(|| run(&old, &new)));
        }
        if fixture == "log_10m" {
            group.bench_function("split and hash (floor)", |b| b.iter(|| split_and_hash(&old, &new)));
        }
        group.finish();
    }

    if !selected("small_pairs") {
        return;
    }
    let pairs = read_small_pairs();
    let mut group = c.benchmark_group("small_pairs");
    group.throughput(Throughput::Elements(pairs.len() as u64));
    group.sample_size(10);
    for &(name, run) in implementations {
        group.bench_function(name, |b| b.iter(|| pairs.iter().map(|(o, n)| run(o, n)).sum::<usize>()));
    }
    group.finish();
}

fn config() -> Criterion {
    let quick = std::env::var_os("FAST_DIFF_BENCH_QUICK").is_some();
    Criterion::default()
        .warm_up_time(Duration::from_millis(if quick { 200 } else { 1000 }))
        .measurement_time(Duration::from_secs(if quick { 1 } else { 3 }))
}

criterion_group! { name = benches; config = config(); targets = bench }
criterion_main!(benches);
