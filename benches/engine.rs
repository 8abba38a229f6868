//! The engine against `similar` and `imara-diff`, all producing a unified diff
//! with three lines of context from the same fixtures (`make fixtures`), in
//! the same run. Also: the engine through the C ABI, with a deadline (on the
//! fixtures where it changes the result), and the floor of merely splitting
//! and hashing every line.
//!
//! Every contender is timed on the same work: from the two texts, already in
//! memory in the form it takes (bytes, or for imara-diff, whose line source
//! and printer work on `str`, the same bytes checked as UTF-8 once, outside
//! the timing), to the unified diff in memory, freed inside the timing.
//!
//! `cargo bench --bench engine` (`make bench` runs it fixture by fixture,
//! between the other languages' runs). Environment:
//! - FAST_DIFF_BENCH_QUICK=1: shorter warm-up and measurement;
//! - FAST_DIFF_FIXTURES: the fixtures' directory (default benches/data);
//! - FAST_DIFF_BENCH_ONLY=a,b: only these fixture groups (`small_pairs` too);
//! - FAST_DIFF_BENCH_SKIP_SLOW=1: skip what is timed once instead of sampled;
//! - FAST_DIFF_BENCH_ONCE_JSON=path: append those single timings there as
//!   JSON lines (criterion keeps the sampled ones under target/criterion);
//! - FAST_DIFF_BENCH_OUTPUTS=dir: write each contender's diff, computed once
//!   outside the timing, to dir/FIXTURE/rust ID.diff (for `small_pairs`,
//!   framed as small_pairs.bin is), for run.py to compare.

use std::hash::BuildHasher;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use fast_diff::{Algorithm, DiffOptions, unified_diff};

fn fixtures_dir() -> PathBuf {
    std::env::var_os("FAST_DIFF_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/data"))
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e} (run `make fixtures`)", path.display()))
}

fn read_pair(name: &str) -> (Vec<u8>, Vec<u8>) {
    let dir = fixtures_dir();
    (read(&dir.join(format!("{name}.old"))), read(&dir.join(format!("{name}.new"))))
}

fn read_small_pairs() -> Vec<(Vec<u8>, Vec<u8>)> {
    let data = read(&fixtures_dir().join("small_pairs.bin"));
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

/// One pair of texts in every form a contender takes, prepared before any
/// timing.
struct Pair<'a> {
    old: &'a [u8],
    new: &'a [u8],
    old_str: &'a str,
    new_str: &'a str,
}

impl<'a> Pair<'a> {
    fn new(old: &'a [u8], new: &'a [u8]) -> Self {
        let text = |bytes| std::str::from_utf8(bytes).expect("the fixtures are UTF-8 (imara-diff needs str)");
        Pair { old, new, old_str: text(old), new_str: text(new) }
    }
}

/// A contender's diff, owned as the contender hands it over; dropped (freed)
/// inside the timing like any other.
enum Output {
    Owned(Vec<u8>),
    C(fast_diff::ffi::fd_buf),
}

impl Output {
    fn bytes(&self) -> &[u8] {
        match self {
            Output::Owned(bytes) => bytes,
            Output::C(buf) if buf.len == 0 => &[],
            Output::C(buf) => unsafe { std::slice::from_raw_parts(buf.ptr, buf.len) },
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if let Output::C(buf) = self {
            unsafe { fast_diff::ffi::fd_free(buf) };
        }
    }
}

fn ours(pair: &Pair, algorithm: Algorithm, deadline: Option<Duration>) -> Output {
    let options = DiffOptions { algorithm, deadline, ..DiffOptions::default() };
    Output::Owned(unified_diff(pair.old, pair.new, &options).unwrap())
}

fn through_c(pair: &Pair) -> Output {
    use fast_diff::ffi::{fd_buf, fd_status, fd_unified_diff};
    let mut out = fd_buf { ptr: std::ptr::null_mut(), len: 0 };
    let (old, new) = (pair.old, pair.new);
    let status =
        unsafe { fd_unified_diff(old.as_ptr(), old.len(), new.as_ptr(), new.len(), std::ptr::null(), &mut out) };
    assert_eq!(status, fd_status::FD_OK);
    Output::C(out)
}

fn similar_myers(pair: &Pair) -> Output {
    let diff = similar::TextDiff::configure().algorithm(similar::Algorithm::Myers).diff_lines(pair.old, pair.new);
    let mut out = Vec::new();
    diff.unified_diff().context_radius(3).header("original", "modified").to_writer(&mut out).unwrap();
    Output::Owned(out)
}

fn imara(pair: &Pair, algorithm: imara_diff::Algorithm) -> Output {
    let input = imara_diff::InternedInput::new(pair.old_str, pair.new_str);
    let mut diff = imara_diff::Diff::compute(algorithm, &input);
    diff.postprocess_lines(&input);
    let printer = imara_diff::BasicLineDiffPrinter(&input.interner);
    let text = diff.unified_diff(&printer, imara_diff::UnifiedDiffConfig::default(), &input).to_string();
    Output::Owned(text.into_bytes())
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

/// The deadline the deadline contender runs with.
const DEADLINE: Duration = Duration::from_millis(1);
const DEADLINE_ID: &str = "fast-diff myers, deadline 1 ms";

/// Whether a contender runs on a fixture: the deadline one only where the
/// search takes long enough for a deadline to change the result.
fn runs_on(implementation: &str, fixture: &str) -> bool {
    implementation != DEADLINE_ID || fixture.starts_with("repeated")
}

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

/// Where a contender's diff on a fixture goes, when run.py asks for them.
fn output_path(fixture: &str, implementation: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(std::env::var_os("FAST_DIFF_BENCH_OUTPUTS")?).join(fixture);
    std::fs::create_dir_all(&dir).expect("FAST_DIFF_BENCH_OUTPUTS");
    Some(dir.join(format!("rust {implementation}.diff")))
}

fn write_output(path: &Path, diffs: &[&[u8]], framed: bool) {
    let mut bytes = Vec::new();
    for diff in diffs {
        if framed {
            bytes.extend_from_slice(&u32::try_from(diff.len()).unwrap().to_le_bytes());
        }
        bytes.extend_from_slice(diff);
    }
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

type Impl = (&'static str, fn(&Pair) -> Output);

const IMPLEMENTATIONS: &[Impl] = &[
    ("fast-diff myers", |p| ours(p, Algorithm::Myers, None)),
    ("fast-diff histogram", |p| ours(p, Algorithm::Histogram, None)),
    ("fast-diff via C ABI", through_c),
    (DEADLINE_ID, |p| ours(p, Algorithm::Myers, Some(DEADLINE))),
    ("similar myers", similar_myers),
    ("imara-diff myers", |p| imara(p, imara_diff::Algorithm::Myers)),
    ("imara-diff histogram", |p| imara(p, imara_diff::Algorithm::Histogram)),
];

fn bench(c: &mut Criterion) {
    let skip_slow = std::env::var_os("FAST_DIFF_BENCH_SKIP_SLOW").is_some();
    for &fixture in FIXTURES.iter().filter(|f| selected(f)) {
        let (old, new) = read_pair(fixture);
        let pair = Pair::new(&old, &new);
        let mut group = c.benchmark_group(fixture);
        group.throughput(Throughput::Bytes((old.len() + new.len()) as u64));
        group.sample_size(10);
        for &(name, run) in IMPLEMENTATIONS.iter().filter(|(name, _)| runs_on(name, fixture)) {
            if too_slow(name, fixture) {
                if !skip_slow {
                    let start = Instant::now();
                    let diff = run(&pair);
                    record_once(fixture, name, start.elapsed(), diff.bytes().len());
                    if let Some(path) = output_path(fixture, name) {
                        write_output(&path, &[diff.bytes()], false);
                    }
                }
                continue;
            }
            if let Some(path) = output_path(fixture, name) {
                write_output(&path, &[run(&pair).bytes()], false);
            }
            group.bench_with_input(BenchmarkId::from_parameter(name), &(), |b, _| b.iter(|| run(&pair)));
        }
        if fixture == "log_10m" {
            group.bench_function("split and hash (floor)", |b| b.iter(|| split_and_hash(&old, &new)));
        }
        group.finish();
    }

    if !selected("small_pairs") {
        return;
    }
    let texts = read_small_pairs();
    let pairs: Vec<Pair> = texts.iter().map(|(old, new)| Pair::new(old, new)).collect();
    let mut group = c.benchmark_group("small_pairs");
    group.throughput(Throughput::Elements(pairs.len() as u64));
    group.sample_size(10);
    for &(name, run) in IMPLEMENTATIONS.iter().filter(|(name, _)| runs_on(name, "small_pairs")) {
        if let Some(path) = output_path("small_pairs", name) {
            let diffs: Vec<Output> = pairs.iter().map(run).collect();
            write_output(&path, &diffs.iter().map(Output::bytes).collect::<Vec<_>>(), true);
        }
        group.bench_function(name, |b| b.iter(|| pairs.iter().map(|p| run(p).bytes().len()).sum::<usize>()));
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
