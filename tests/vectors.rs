//! The conformance vectors in `tests/vectors/`: the one truth that the Rust,
//! C, Python and Go test suites all hold the library to. Here: the Rust API
//! and the C ABI both give every expected result byte for byte, every
//! expected diff applies, and the committed vectors are exactly what the
//! reviewed case list (`tools/vectors/src/cases.rs`) generates.

mod common;

use fast_diff::ffi::fd_status;
use fast_diff::{DiffOptions, Modes};
use fast_diff_vectors::{self as vectors, Vector, cases};

fn all() -> Vec<Vector> {
    let all = vectors::read_all(&vectors::committed_dir()).expect("tests/vectors is readable and well-formed");
    assert!(all.len() >= 40, "only {} vectors", all.len());
    all
}

/// The case's inputs through the Rust API, with its errors as the statuses
/// the C ABI gives for them.
fn through_rust_api(v: &Vector) -> Result<Vec<u8>, fd_status> {
    let o = &v.options;
    let defaults = DiffOptions::default();
    let modes = Modes::from_bits(o.flags).ok_or(fd_status::FD_ERR_INVALID_OPTIONS)?;
    let options = DiffOptions {
        context_lines: o.context_lines as usize,
        algorithm: o.algorithm,
        old_label: o.old_label.as_deref().unwrap_or(defaults.old_label),
        new_label: o.new_label.as_deref().unwrap_or(defaults.new_label),
        deadline: (o.deadline_ms != 0).then(|| std::time::Duration::from_millis(o.deadline_ms)),
        modes,
    };
    fast_diff::unified_diff(&v.old, &v.new, &options).map_err(|e| match e {
        fast_diff::Error::InvalidLabel => fd_status::FD_ERR_INVALID_OPTIONS,
        fast_diff::Error::TooManyLines => fd_status::FD_ERR_INPUT_TOO_LARGE,
        fast_diff::Error::InvalidMarkerSize => unreachable!("a diff has no markers"),
    })
}

fn show(bytes: &[u8]) -> String {
    String::from_utf8_lossy(&bytes[..bytes.len().min(2000)]).into_owned()
}

#[test]
fn the_c_abi_gives_every_expected_result() {
    let mut failures = Vec::new();
    for v in all() {
        let got = vectors::through_c_abi(&v);
        if got != v.expected {
            failures.push(format!("{}: got {:?}", v.name, got.as_deref().map(show)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_rust_api_gives_every_expected_result() {
    let mut failures = Vec::new();
    for v in all() {
        let got = through_rust_api(&v);
        if got != v.expected {
            failures.push(format!("{}: got {:?}", v.name, got.as_deref().map(show)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_expected_diff_applies_and_gives_the_new_text() {
    for v in all() {
        if let Ok(diff) = &v.expected {
            let applied = common::apply(&v.old, diff).unwrap_or_else(|e| panic!("{}: {e}", v.name));
            // Under comparison modes, lines that differ only in ignored ways
            // keep their old form: the diff applies, but need not give back
            // the new text exactly.
            if v.options.flags == 0 {
                assert!(applied == v.new, "{}: applying the expected diff gives other bytes", v.name);
                assert_eq!(diff.is_empty(), v.old == v.new, "{}", v.name);
            }
        }
    }
}

#[test]
fn the_vectors_are_what_the_reviewed_case_list_generates() {
    let committed = all();
    let cases = cases::cases();
    let names = |it: &mut dyn Iterator<Item = String>| it.collect::<std::collections::BTreeSet<_>>();
    let committed_names = names(&mut committed.iter().map(|v| v.name.clone()));
    let case_names = names(&mut cases.iter().map(|c| c.name.to_string()));
    assert_eq!(committed_names, case_names, "tests/vectors and cases.rs list different cases: run `make vectors`");
    for case in cases {
        let v = committed.iter().find(|v| v.name == case.name).unwrap();
        let stale = v.old != case.old
            || v.new != case.new
            || v.options != case.options
            || v.expected.as_ref().err().copied().unwrap_or(fd_status::FD_OK) != case.status;
        assert!(!stale, "{}: differs from cases.rs: run `make vectors` and review", case.name);
    }
}

#[test]
fn the_vectors_cover_what_they_promise() {
    use fast_diff::Algorithm;
    let all = all();
    let any = |pred: &dyn Fn(&Vector) -> bool| all.iter().any(pred);
    let ok = |v: &Vector| v.expected.is_ok();
    assert!(any(&|v| ok(v) && v.old.is_empty() && v.new.is_empty()));
    assert!(any(&|v| ok(v) && v.old.is_empty() != v.new.is_empty()));
    assert!(any(&|v| ok(v) && !v.old.is_empty() && v.old == v.new));
    assert!(any(&|v| ok(v) && !v.old.ends_with(b"\n") && !v.new.ends_with(b"\n") && v.old != v.new));
    assert!(any(&|v| v.old.windows(2).any(|w| w == b"\r\n")));
    assert!(any(&|v| v.old.windows(2).any(|w| w[0] == b'\r' && w[1] != b'\n')));
    assert!(any(&|v| std::str::from_utf8(&v.old).is_err()));
    assert!(any(&|v| v.old.contains(&0)));
    assert!(any(&|v| v.old.split(|&b| b == b'\n').any(|line| line.len() > 65_536)));
    assert!(any(&|v| ok(v) && v.options.context_lines == 0));
    assert!(any(&|v| ok(v) && v.options.context_lines == u32::MAX));
    assert!(any(&|v| v.options.old_label.as_ref().is_some_and(|l| !l.is_ascii() && std::str::from_utf8(l).is_ok())));
    for algorithm in [Algorithm::Myers, Algorithm::Histogram, Algorithm::Patience] {
        assert!(any(&|v| ok(v) && v.options.algorithm == algorithm && v.name.starts_with("algorithm-")));
    }
    let algorithm_outputs: std::collections::BTreeSet<_> =
        all.iter().filter(|v| v.name.starts_with("algorithm-")).map(|v| v.expected.clone().unwrap()).collect();
    assert_eq!(algorithm_outputs.len(), 3, "the algorithm cases must tell the algorithms apart");
    assert!(any(&|v| ok(v) && v.options.struct_size == vectors::StructSize::V1 && v.options.context_lines != 3));
    assert!(any(&|v| v.expected == Err(fd_status::FD_ERR_INVALID_OPTIONS)));
}
