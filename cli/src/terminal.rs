//! The terminal that standard output goes to.

/// Its width as git reads it: `COLUMNS`, else the terminal on standard
/// output, else 80 columns.
pub fn columns() -> usize {
    if let Some(n) = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<usize>().ok()).filter(|&n| n > 0) {
        return n;
    }
    // SAFETY: TIOCGWINSZ writes one `winsize` into the struct passed.
    let mut size: libc::winsize = unsafe { core::mem::zeroed() };
    if unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) } == 0 && size.ws_col > 0 {
        return usize::from(size.ws_col);
    }
    80
}
