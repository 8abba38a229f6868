//! The version of the header, as macros a C program reads at compile time;
//! `fd_version()` (in `diff`) is the version of the library it loaded.
//!
//! cbindgen reads only literals, so the numbers are written out here and
//! held to the crate's version (Cargo.toml, the one place it is set) when
//! the crate compiles. `FD_VERSION_STRING` is assembled from them in the
//! header itself (cbindgen.toml).

/// The major version of this header. The library's soname is
/// `libfast_diff.so.FD_VERSION_MAJOR`: a library of another major version
/// is not compatible with programs compiled against this header.
pub const FD_VERSION_MAJOR: u32 = 0;

/// The minor version of this header: a library of the same major version
/// and this minor version or a later one has every function, field and
/// status number this header declares.
pub const FD_VERSION_MINOR: u32 = 1;

/// The patch version of this header: fixes only, no change to the API.
pub const FD_VERSION_PATCH: u32 = 0;

const fn number(digits: &str) -> u32 {
    let digits = digits.as_bytes();
    let mut value = 0;
    let mut i = 0;
    while i < digits.len() {
        value = value * 10 + (digits[i] - b'0') as u32;
        i += 1;
    }
    value
}

const _: () = {
    assert!(
        FD_VERSION_MAJOR == number(env!("CARGO_PKG_VERSION_MAJOR"))
            && FD_VERSION_MINOR == number(env!("CARGO_PKG_VERSION_MINOR"))
            && FD_VERSION_PATCH == number(env!("CARGO_PKG_VERSION_PATCH")),
        "src/ffi/version.rs: FD_VERSION_* must be the version in Cargo.toml"
    );
    // The header's string is MAJOR.MINOR.PATCH: no pre-release or build part.
    assert!(env!("CARGO_PKG_VERSION_PRE").is_empty(), "the version in Cargo.toml must be MAJOR.MINOR.PATCH");
};
