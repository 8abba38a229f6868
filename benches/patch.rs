//! Applying patches to a 100,000-line text: one hunk, a thousand hunks, a
//! patch whose context drifted 500 lines, and a hunk that is nowhere (the
//! whole text is searched and the closest candidate found).
//! `cargo bench --locked --bench patch`.

use criterion::{Criterion, criterion_group, criterion_main};
use fast_diff::{ApplyOptions, DiffOptions, apply_patch, unified_diff};

const LINES: usize = 100_000;

fn text(edit_every: usize) -> Vec<u8> {
    (0..LINES)
        .flat_map(|i| {
            let changed = edit_every != 0 && i % edit_every == edit_every / 2;
            format!(
                "    let value_{i} = compute({}, {});{}\n",
                i % 97,
                i * 7919 % 1000,
                if changed { " // changed" } else { "" }
            )
            .into_bytes()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let old = text(0);
    let mut group = c.benchmark_group("apply_patch");
    group.sample_size(20);
    for (name, edit_every) in [("1 hunk", LINES), ("1000 hunks", 100)] {
        let new = text(edit_every);
        let patch = unified_diff(&old, &new, &DiffOptions::default()).unwrap();
        assert_eq!(apply_patch(&old, &patch, &ApplyOptions::default()).unwrap().text, new);
        group.bench_function(name, |b| b.iter(|| apply_patch(&old, &patch, &ApplyOptions::default()).unwrap()));
    }
    let new = text(LINES);
    let patch = unified_diff(&old, &new, &DiffOptions::default()).unwrap();
    let drifted = [b"// moved\n".repeat(500), old.clone()].concat();
    assert_eq!(apply_patch(&drifted, &patch, &ApplyOptions::default()).unwrap().report.hunks[0].offset, 500);
    group.bench_function("1 hunk, offset 500", |b| {
        b.iter(|| apply_patch(&drifted, &patch, &ApplyOptions::default()).unwrap())
    });
    let missing = String::from_utf8(patch.clone()).unwrap().replace("compute(", "calculate(").into_bytes();
    assert!(apply_patch(&old, &missing, &ApplyOptions::default()).is_err());
    group.bench_function("1 hunk nowhere", |b| {
        b.iter(|| apply_patch(&old, &missing, &ApplyOptions::default()).unwrap_err())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
