//! Writes the conformance vectors (`tests/vectors/`) from the reviewed case
//! list in `cases.rs`, running each case through the C ABI. Run on purpose
//! only, with `make vectors`, and review the difference before committing.
//!
//! Usage: gen-vectors DIR. Every case directory in DIR is replaced; other
//! files (README.md) are kept.

use std::path::PathBuf;
use std::process::ExitCode;

use fast_diff_vectors::{self as vectors, cases};

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: gen-vectors DIR");
        return ExitCode::from(2);
    };
    match generate(&dir) {
        Ok(count) => {
            println!("wrote {count} vectors to {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen-vectors: {e}");
            ExitCode::FAILURE
        }
    }
}

fn generate(dir: &std::path::Path) -> Result<usize, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            std::fs::remove_dir_all(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    let cases = cases::cases();
    for case in &cases {
        let mut vector = vectors::Vector {
            name: case.name.to_string(),
            old: case.old.clone(),
            new: case.new.clone(),
            options: case.options.clone(),
            expected: Ok(Vec::new()),
        };
        vector.expected = vectors::through_c_abi(&vector);
        let got = vector.expected.as_ref().err().copied().unwrap_or(fast_diff::ffi::fd_status::FD_OK);
        if got != case.status {
            return Err(format!(
                "{}: status {} where the case list says {}",
                case.name,
                vectors::status_name(got),
                vectors::status_name(case.status)
            ));
        }
        vectors::write(dir, &vector).map_err(|e| format!("{}: {e}", case.name))?;
    }
    Ok(cases.len())
}
