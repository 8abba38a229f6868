//! The panic boundary around every `extern "C"` body: no panic unwinds into
//! C, and a body can leave early with `?` on any check that fails.

use core::panic::AssertUnwindSafe;

use super::fd_status;

/// What an entry point's body gives back, and what C receives for it.
pub(super) trait Body {
    /// The C return type.
    type C;
    /// What C receives when the body returns.
    fn returned(self) -> Self::C;
    /// What C receives when the body panics.
    fn panicked() -> Self::C;
}

/// A fallible entry point: `Ok` is `FD_OK`, an error is its status.
impl Body for Result<(), fd_status> {
    type C = fd_status;

    fn returned(self) -> fd_status {
        self.err().unwrap_or(fd_status::FD_OK)
    }

    fn panicked() -> fd_status {
        fd_status::FD_ERR_INTERNAL
    }
}

/// An entry point with nothing to report (the `_init` and `_free`
/// functions): a panic is swallowed.
impl Body for () {
    type C = ();

    fn returned(self) {}

    fn panicked() {}
}

/// Runs an entry point's body, turning a panic into `FD_ERR_INTERNAL` (or
/// nothing, for functions that return nothing).
pub(super) fn guard<B: Body>(body: impl FnOnce() -> B) -> B::C {
    match std::panic::catch_unwind(AssertUnwindSafe(body)) {
        Ok(returned) => returned.returned(),
        Err(_) => B::panicked(),
    }
}

impl fd_status {
    /// `FD_OK` as `Ok`, any other status as the error: for a body that
    /// returns a status it has already acted on.
    pub(super) fn into_result(self) -> Result<(), fd_status> {
        if self == fd_status::FD_OK { Ok(()) } else { Err(self) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_internal_error() {
        assert_eq!(guard(|| -> Result<(), fd_status> { panic!("boom") }), fd_status::FD_ERR_INTERNAL);
        assert_eq!(guard(|| Ok(())), fd_status::FD_OK);
        assert_eq!(guard(|| Err(fd_status::FD_ERR_NULL_ARGUMENT)), fd_status::FD_ERR_NULL_ARGUMENT);
        // Functions that return nothing swallow the panic.
        let boom = true;
        guard(|| {
            if boom {
                panic!("boom")
            }
        });
    }
}
