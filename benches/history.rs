//! Real code history: every file that changed between two releases of real
//! projects (benches/corpus.py), diffed by fast-diff with each algorithm and
//! its default, through the C ABI, and by `similar` and `imara-diff`, side
//! by side in one run.
//!
//! Each contender writes a unified diff with three lines of context of
//! every pair, from the texts in memory to the diff in memory (freed inside
//! the timing), exactly as benches/engine.rs times them. imara-diff's
//! printer takes `str`, so only pairs whose two sides are UTF-8 are timed,
//! for every contender alike (the others are counted and left out).
//!
//! The contenders take turns round by round, in an order that rotates; each
//! pair is timed on its own. Figures per project and contender: the total
//! over all pairs (median of the rounds; also the thread's CPU time, which
//! leaves out the waits for a core that dominate the noise on a shared
//! machine), the median pair (each pair's
//! median over the rounds), the median pair among the small ones (both
//! sides at most `SMALL` bytes), and the size of the diffs: their changed
//! lines and those lines' bytes, counted alike for every contender from its
//! unified text (headers and context aside, since the tools write headers
//! differently). Every fast-diff diff is applied back (outside the timing)
//! and must give the new text.
//!
//! `cargo bench --bench history` (`make bench` runs it through run.py).
//! Environment:
//! - FAST_DIFF_CORPUS: where corpus.py left NAME.pairs files (default
//!   target/corpus); every project with a pairs file is measured, or those
//!   in FAST_DIFF_HISTORY_PROJECTS=a,b;
//! - FAST_DIFF_HISTORY_ONLY=id,id: only these contenders;
//! - FAST_DIFF_HISTORY_ROUNDS=n: rounds (default 5, 3 with FAST_DIFF_BENCH_QUICK);
//! - FAST_DIFF_HISTORY_JSON=path: write the figures there (JSON);
//! - FAST_DIFF_HISTORY_PER_PAIR=path: write each pair's fastest time per
//!   contender there, as tab-separated lines (for finding the costly pairs:
//!   the fastest of the rounds is the one least disturbed by other work).

use std::path::PathBuf;
use std::time::Instant;

use fast_diff::{Algorithm, ApplyOptions, DiffOptions, apply_patch, unified_diff};

/// Pairs whose sides are both at most this big are "small".
const SMALL: usize = 16 * 1024;

struct Pair {
    old: Vec<u8>,
    new: Vec<u8>,
}

impl Pair {
    fn old_str(&self) -> &str {
        // Checked when the corpus was loaded.
        std::str::from_utf8(&self.old).unwrap()
    }

    fn new_str(&self) -> &str {
        std::str::from_utf8(&self.new).unwrap()
    }
}

fn ours(pair: &Pair, algorithm: Algorithm) -> Vec<u8> {
    unified_diff(&pair.old, &pair.new, &DiffOptions { algorithm, ..DiffOptions::default() }).unwrap()
}

fn through_c(pair: &Pair) -> Vec<u8> {
    use fast_diff::ffi::{fd_buf, fd_free, fd_status, fd_unified_diff};
    let mut out = fd_buf { ptr: std::ptr::null_mut(), len: 0 };
    let (old, new) = (&pair.old, &pair.new);
    let status =
        unsafe { fd_unified_diff(old.as_ptr(), old.len(), new.as_ptr(), new.len(), std::ptr::null(), &mut out) };
    assert_eq!(status, fd_status::FD_OK);
    // The copy is what a caller keeping the diff would make; it is timed for
    // this contender only, and is small beside the diff.
    let bytes =
        if out.len == 0 { Vec::new() } else { unsafe { std::slice::from_raw_parts(out.ptr, out.len) }.to_vec() };
    unsafe { fd_free(&mut out) };
    bytes
}

fn similar(pair: &Pair, algorithm: similar::Algorithm) -> Vec<u8> {
    let diff = similar::TextDiff::configure().algorithm(algorithm).diff_lines(&pair.old[..], &pair.new[..]);
    let mut out = Vec::new();
    diff.unified_diff().context_radius(3).header("original", "modified").to_writer(&mut out).unwrap();
    out
}

fn imara(pair: &Pair, algorithm: imara_diff::Algorithm) -> Vec<u8> {
    let input = imara_diff::InternedInput::new(pair.old_str(), pair.new_str());
    let mut diff = imara_diff::Diff::compute(algorithm, &input);
    diff.postprocess_lines(&input);
    let printer = imara_diff::BasicLineDiffPrinter(&input.interner);
    diff.unified_diff(&printer, imara_diff::UnifiedDiffConfig::default(), &input).to_string().into_bytes()
}

type Contender = (&'static str, fn(&Pair) -> Vec<u8>);

const CONTENDERS: &[Contender] = &[
    ("fast-diff default", |p| ours(p, Algorithm::default())),
    ("fast-diff myers", |p| ours(p, Algorithm::Myers)),
    ("fast-diff histogram", |p| ours(p, Algorithm::Histogram)),
    ("fast-diff patience", |p| ours(p, Algorithm::Patience)),
    ("fast-diff via C ABI", through_c),
    ("similar myers", |p| similar(p, similar::Algorithm::Myers)),
    ("similar histogram", |p| similar(p, similar::Algorithm::Histogram)),
    ("imara-diff myers", |p| imara(p, imara_diff::Algorithm::Myers)),
    ("imara-diff histogram", |p| imara(p, imara_diff::Algorithm::Histogram)),
];

/// The changed lines a unified diff shows, and their bytes (marker and line
/// end included), counted from its first hunk on.
fn changed(diff: &[u8]) -> (usize, usize) {
    let Some(first) = diff.windows(3).position(|w| w == b"@@ ") else { return (0, 0) };
    let (mut lines, mut bytes) = (0, 0);
    for line in diff[first..].split_inclusive(|&b| b == b'\n') {
        if line.starts_with(b"+") || line.starts_with(b"-") {
            lines += 1;
            bytes += line.len();
        }
    }
    (lines, bytes)
}

struct Project {
    name: String,
    pairs: Vec<Pair>,
    not_utf8: usize,
}

fn load(corpus: &std::path::Path, name: &str) -> Project {
    let list = corpus.join(format!("{name}.pairs"));
    let text = std::fs::read_to_string(&list).unwrap_or_else(|e| panic!("{}: {e}", list.display()));
    let mut pairs = Vec::new();
    let mut not_utf8 = 0;
    for line in text.lines() {
        let (old, new) = line.split_once('\t').unwrap_or_else(|| panic!("{}: bad line {line:?}", list.display()));
        let read = |p: &str| std::fs::read(p).unwrap_or_else(|e| panic!("{p}: {e}"));
        let pair = Pair { old: read(old), new: read(new) };
        if std::str::from_utf8(&pair.old).is_ok() && std::str::from_utf8(&pair.new).is_ok() {
            pairs.push(pair);
        } else {
            not_utf8 += 1;
        }
    }
    Project { name: name.to_string(), pairs, not_utf8 }
}

fn projects(corpus: &std::path::Path) -> Vec<String> {
    if let Ok(only) = std::env::var("FAST_DIFF_HISTORY_PROJECTS") {
        return only.split(',').map(|s| s.trim().to_string()).collect();
    }
    let mut names: Vec<String> = std::fs::read_dir(corpus)
        .map(|dir| {
            dir.filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".pairs").map(str::to_string)).collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn median(values: &mut [u64]) -> u64 {
    values.sort_unstable();
    if values.is_empty() { 0 } else { values[values.len() / 2] }
}

struct Figures {
    id: &'static str,
    round_totals: Vec<u64>,
    /// The thread's CPU time in each round.
    round_cpu: Vec<u64>,
    /// Per pair, its time in each round.
    per_pair: Vec<Vec<u64>>,
    lines: usize,
    bytes: usize,
    output_bytes: usize,
}

fn measure(project: &Project, contenders: &[Contender], rounds: usize) -> Vec<Figures> {
    let mut figures: Vec<Figures> = contenders
        .iter()
        .map(|&(id, run)| {
            // Once outside the timing: the sizes, and our diffs applied back.
            let (mut lines, mut bytes, mut output_bytes) = (0, 0, 0);
            for pair in &project.pairs {
                let diff = run(pair);
                let (l, b) = changed(&diff);
                (lines, bytes, output_bytes) = (lines + l, bytes + b, output_bytes + diff.len());
                if id.starts_with("fast-diff") {
                    let applied = apply_patch(&pair.old, &diff, &ApplyOptions::default())
                        .unwrap_or_else(|e| panic!("{id}: a diff of {} does not apply: {e:?}", project.name));
                    assert!(applied.text == pair.new, "{id}: a diff of {} does not give the new text", project.name);
                }
            }
            Figures {
                id,
                round_totals: Vec::new(),
                round_cpu: Vec::new(),
                per_pair: vec![Vec::new(); project.pairs.len()],
                lines,
                bytes,
                output_bytes,
            }
        })
        .collect();
    for round in 0..rounds {
        for k in 0..contenders.len() {
            let c = (k + round) % contenders.len();
            let (total, cpu) = timed_round(&project.pairs, contenders[c].1, &mut figures[c].per_pair);
            figures[c].round_totals.push(total);
            figures[c].round_cpu.push(cpu);
        }
    }
    figures
}

/// One contender's round over every pair: each pair's time, and the total.
/// (Its own function, so that `valgrind --tool=callgrind
/// --toggle-collect='history::timed_round*'` counts the diffs alone.)
#[inline(never)]
fn timed_round(pairs: &[Pair], run: fn(&Pair) -> Vec<u8>, per_pair: &mut [Vec<u64>]) -> (u64, u64) {
    let cpu = thread_cpu_ns();
    let mut total = 0u64;
    for (pair, times) in pairs.iter().zip(per_pair) {
        let start = Instant::now();
        let diff = run(pair);
        drop(std::hint::black_box(diff));
        let ns = start.elapsed().as_nanos() as u64;
        times.push(ns);
        total += ns;
    }
    (total, thread_cpu_ns() - cpu)
}

/// The CPU time this thread has used: unlike the wall clock, it does not
/// count the time the thread waited for a core, which on a shared machine
/// is most of the noise.
fn thread_cpu_ns() -> u64 {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    unsafe extern "C" {
        fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut t = Timespec { sec: 0, nsec: 0 };
    // SAFETY: `t` is a writable timespec, as clock_gettime(2) requires.
    let status = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) };
    assert_eq!(status, 0, "clock_gettime");
    t.sec as u64 * 1_000_000_000 + t.nsec as u64
}

fn write_per_pair(path: &std::path::Path, project: &Project, figures: &[Figures]) {
    use std::io::Write;
    let mut file =
        std::fs::OpenOptions::new().create(true).append(true).open(path).expect("FAST_DIFF_HISTORY_PER_PAIR");
    for (i, pair) in project.pairs.iter().enumerate() {
        let times: Vec<String> = figures.iter().map(|f| f.per_pair[i].iter().min().unwrap_or(&0).to_string()).collect();
        writeln!(file, "{}\t{i}\t{}\t{}\t{}", project.name, pair.old.len(), pair.new.len(), times.join("\t")).unwrap();
    }
}

fn main() {
    let corpus = std::env::var_os("FAST_DIFF_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/corpus"));
    let names = projects(&corpus);
    if names.is_empty() {
        eprintln!(
            "history: no real history under {} (run `python3 benches/corpus.py fetch`, which needs the package \
             registries once): skipped",
            corpus.display()
        );
        return;
    }
    let quick = std::env::var_os("FAST_DIFF_BENCH_QUICK").is_some();
    let rounds: usize = std::env::var("FAST_DIFF_HISTORY_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(if quick { 3 } else { 5 });
    let contenders: Vec<Contender> = match std::env::var("FAST_DIFF_HISTORY_ONLY") {
        Ok(only) => CONTENDERS.iter().copied().filter(|(id, _)| only.split(',').any(|o| o.trim() == *id)).collect(),
        Err(_) => CONTENDERS.to_vec(),
    };
    let mut out = serde_json::Map::new();
    for name in &names {
        let project = load(&corpus, name);
        let small: Vec<usize> = (0..project.pairs.len())
            .filter(|&i| project.pairs[i].old.len().max(project.pairs[i].new.len()) <= SMALL)
            .collect();
        let input_bytes: usize = project.pairs.iter().map(|p| p.old.len() + p.new.len()).sum();
        eprintln!(
            "{name}: {} pairs ({} small), {input_bytes} bytes; {} not UTF-8 left out",
            project.pairs.len(),
            small.len(),
            project.not_utf8
        );
        let mut rows = Vec::new();
        let figures = measure(&project, &contenders, rounds);
        if let Some(path) = std::env::var_os("FAST_DIFF_HISTORY_PER_PAIR") {
            write_per_pair(&PathBuf::from(path), &project, &figures);
        }
        for f in figures {
            let pair_medians: Vec<u64> = f.per_pair.iter().map(|t| median(&mut t.clone())).collect();
            let total = median(&mut f.round_totals.clone());
            let cpu = median(&mut f.round_cpu.clone());
            let pair_median = median(&mut pair_medians.clone());
            let small_median = median(&mut small.iter().map(|&i| pair_medians[i]).collect::<Vec<_>>());
            eprintln!(
                "  {:<22} total {:>8.2} ms (CPU {:>8.2} ms)  median pair {:>7.2} µs  small {:>7.2} µs  changed {} lines, {} bytes",
                f.id,
                total as f64 / 1e6,
                cpu as f64 / 1e6,
                pair_median as f64 / 1e3,
                small_median as f64 / 1e3,
                f.lines,
                f.bytes
            );
            rows.push(serde_json::json!({
                "id": f.id,
                "total_ns": total,
                "round_totals_ns": f.round_totals,
                "cpu_ns": cpu,
                "round_cpu_ns": f.round_cpu,
                "pair_median_ns": pair_median,
                "small_pair_median_ns": small_median,
                "changed_lines": f.lines,
                "changed_bytes": f.bytes,
                "output_bytes": f.output_bytes,
            }));
        }
        out.insert(
            name.clone(),
            serde_json::json!({
                "pairs": project.pairs.len(),
                "small_pairs": small.len(),
                "small_bytes": SMALL,
                "not_utf8": project.not_utf8,
                "input_bytes": input_bytes,
                "rounds": rounds,
                "contenders": rows,
            }),
        );
    }
    if let Some(path) = std::env::var_os("FAST_DIFF_HISTORY_JSON") {
        let text = serde_json::to_string_pretty(&serde_json::Value::Object(out)).unwrap();
        std::fs::write(&path, text + "\n").expect("FAST_DIFF_HISTORY_JSON");
    }
}
