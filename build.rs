//! Gives the shared library its soname, `libfast_diff.so.MAJOR`, at link
//! time, so that a program linked against any build of it records the
//! major version it needs and the system's loader finds a compatible
//! installed copy (`make install` lays out the soname links; `make lib`
//! puts one in target/release for programs linked from the checkout).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    // ELF platforms only: Mach-O has install names and Windows DLLs neither.
    if !matches!(
        os.as_str(),
        "linux" | "android" | "freebsd" | "netbsd" | "openbsd" | "dragonfly" | "solaris" | "illumos"
    ) {
        return;
    }
    let major = std::env::var("CARGO_PKG_VERSION_MAJOR").expect("cargo sets CARGO_PKG_VERSION_MAJOR");
    println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libfast_diff.so.{major}");
}
