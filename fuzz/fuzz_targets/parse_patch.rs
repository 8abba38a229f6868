//! The patch parser on arbitrary bytes, with and without recounting: it
//! must return, and whatever it reads must lie inside the patch.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|patch: &[u8]| {
    for recount in [false, true] {
        match fast_diff::parse_patch(patch, recount) {
            Ok(parsed) => {
                for file in &parsed.files {
                    assert!(file.span.end <= patch.len());
                    for hunk in &file.hunks {
                        assert!(hunk.span.end <= patch.len() && patch[hunk.span.clone()].starts_with(b"@@"));
                        assert!(!hunk.lines.is_empty());
                    }
                }
            }
            Err(malformed) => assert!(malformed.offset <= patch.len()),
        }
    }
});
