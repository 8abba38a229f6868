//! What a [`LineDiff`](crate::LineDiff) is shown as: its changes grouped
//! into hunks with their context ([`hunks`], also counted as statistics),
//! written as GNU unified text ([`unified`]), or diffed again within each
//! change, word by word ([`words`]), and shown as an HTML page ([`html`]).

pub(crate) mod html;
pub(crate) mod hunks;
pub(crate) mod unified;
pub(crate) mod words;

use crate::error::Error;

/// Labels go on the `---` and `+++` lines: a line break in one would break
/// the diff's header.
fn check_labels(old_label: &[u8], new_label: &[u8]) -> Result<(), Error> {
    if [old_label, new_label].iter().any(|label| label.iter().any(|&b| b == b'\n' || b == b'\r')) {
        return Err(Error::InvalidLabel);
    }
    Ok(())
}
