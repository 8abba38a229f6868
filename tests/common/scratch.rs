//! A scratch directory for tests that run other programs, removed on drop.

use std::path::PathBuf;

pub struct Scratch(pub PathBuf);

impl Scratch {
    /// A fresh, empty directory named after the test process and `name`.
    pub fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("fast-diff-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
