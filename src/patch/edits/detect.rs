//! Which format a patch is in: JSON when it is JSON (in a code fence or
//! not); otherwise the format whose first marker line comes first: an
//! envelope's `*** Begin Patch` (or `*** Update File:`...), a
//! `<<<<<<< SEARCH` line, or a unified diff's `---`, `diff --git` or `@@`
//! line. A patch with none of them is read as a unified diff (which says
//! what it lacks).

use super::{EditFormat, envelope, replacements, search_replace};

/// The format of `patch`, as `format="auto"` reads it.
pub fn detect(patch: &[u8]) -> EditFormat {
    if replacements::looks_like(patch) {
        return EditFormat::Replacements;
    }
    for line in patch.split(|&b| b == b'\n') {
        if envelope::first_marker(line) {
            return EditFormat::Envelope;
        }
        if search_replace::is_search(line) {
            return EditFormat::SearchReplace;
        }
        if line.starts_with(b"--- ") || line.starts_with(b"diff --git ") || line.starts_with(b"@@") {
            return EditFormat::Unified;
        }
    }
    EditFormat::Unified
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_marker_decides() {
        assert_eq!(detect(b"--- a/x\n+++ b/x\n@@ -1 +1 @@\n-<<<<<<< SEARCH\n+x\n"), EditFormat::Unified);
        assert_eq!(detect(b"apply_patch <<'EOF'\n*** Begin Patch\n*** End Patch\nEOF\n"), EditFormat::Envelope);
        assert_eq!(detect(b"x.py\n<<<<<<< SEARCH\n--- a\n=======\n>>>>>>> REPLACE\n"), EditFormat::SearchReplace);
        assert_eq!(detect(b"  [{\"old_text\": \"a\", \"new_text\": \"b\"}]"), EditFormat::Replacements);
        assert_eq!(detect(b"```json\n{\"edits\": []}\n```\n"), EditFormat::Replacements);
        assert_eq!(detect(b"nothing"), EditFormat::Unified);
    }
}
