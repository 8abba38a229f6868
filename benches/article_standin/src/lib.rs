//! The article's Rust tool path, reproduced for comparison in the same run:
//! two Python `str` go to `similar`'s line diff and come back as a unified
//! diff `str`. Deliberately plain (no GIL release, no byte handling), as a
//! few lines of PyO3 written for the article would be.

use pyo3::prelude::*;

#[pyfunction]
#[pyo3(signature = (old, new, context_lines = 3, old_label = "original", new_label = "modified"))]
fn unified_diff(old: &str, new: &str, context_lines: usize, old_label: &str, new_label: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(context_lines)
        .header(old_label, new_label)
        .to_string()
}

#[pymodule]
fn article_standin(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(unified_diff, m)?)
}
