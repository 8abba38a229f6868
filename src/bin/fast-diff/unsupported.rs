//! GNU diff's options that fast-diff does not have, and why: refused as
//! unsupported rather than as unknown, so that a script written for GNU
//! diff learns what to change.

/// Why a GNU option is not supported.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Unsupported(&'static str);

pub const FORMAT: Unsupported = Unsupported("fast-diff writes unified diffs only (or --stat, --json, --word-diff)");
pub const LAYOUT: Unsupported = Unsupported("fast-diff writes every line as it is");
pub const MODE: Unsupported = Unsupported("the comparison modes are -b, -w, -B, -i and --strip-trailing-cr");
pub const FUNCTION_LINE: Unsupported = Unsupported("-p shows function lines by GNU's default rule");
pub const NAMES: Unsupported = Unsupported("directories are compared by exact names, following symbolic links");
pub const OPERANDS: Unsupported = Unsupported("fast-diff compares exactly two operands from their beginning");
pub const TUNING: Unsupported = Unsupported("choose the diff with --algorithm and --deadline-ms");
pub const PALETTE: Unsupported = Unsupported("--color uses git's default colours");

impl Unsupported {
    /// The refusal of the option spelled `spelled`.
    pub fn message(self, spelled: &str) -> String {
        format!("option '{spelled}' of GNU diff is not supported: {}", self.0)
    }
}
