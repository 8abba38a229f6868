//! Which files are binary, for the command (the library diffs any bytes as
//! text). GNU diff reads a file's first block (its file system's preferred
//! size, `st_blksize`: 4 KiB on most) and calls it binary when a NUL byte
//! is in it; git looks at the first 8,000 bytes. `-a` turns the test off.

use fast_diff_cli::input::Input;

/// How far git looks for a NUL byte.
const GIT_FIRST_FEW_BYTES: usize = 8000;

pub fn looks_binary(input: &Input, git: bool) -> bool {
    let bytes = input.bytes();
    let limit = if git { GIT_FIRST_FEW_BYTES } else { input.block_size };
    memchr::memchr(0, &bytes[..bytes.len().min(limit)]).is_some()
}
