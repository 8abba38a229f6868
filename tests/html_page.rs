//! Property tests of the HTML pages: for random pairs of texts and names made
//! of markup characters, quotes, invalid UTF-8, control bytes and CRs, in
//! both layouts and every granularity, a page is UTF-8, every `<` in it opens
//! or closes one of the page's own elements, and every `&` starts an entity:
//! nothing in the inputs becomes markup.

use fast_diff::{DiffOptions, Granularity, HtmlFile, HtmlLayout, HtmlOptions, html_diff_files};
use proptest::prelude::*;

/// Every element a page is made of.
const TAGS: &[&str] = &[
    "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "p", "nav", "ol", "li", "a",
    "main", "section", "div", "span", "details", "summary", "del", "ins",
];

fn piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => prop::sample::select(vec![
            &b"</script>"[..], b"<script>alert(1)</script>", b"<img src=x onerror=alert(1)>", b"&amp;", b"\"'",
            b"\xff\xfe", b"\xe2\x80\xae", b"\r", b"\0", b"\n", b" ", b"word", b"caf\xc3\xa9", b"<!--", b"]]>",
        ])
        .prop_map(<[u8]>::to_vec),
        1 => prop::collection::vec(any::<u8>(), 0..6),
    ]
}

fn text() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(piece(), 0..40).prop_map(|pieces| pieces.concat())
}

fn check(page: &[u8]) -> Result<(), TestCaseError> {
    let page = std::str::from_utf8(page).map_err(|e| TestCaseError::fail(format!("not UTF-8: {e}")))?;
    let body = &page[page.find("</style>").unwrap_or(0)..];
    for (at, _) in body.match_indices('<') {
        let rest = body[at + 1..].trim_start_matches('/');
        let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '!').collect();
        prop_assert!(
            TAGS.contains(&name.as_str()),
            "markup <{} at {}: {}",
            name,
            at,
            &body[at..(at + 60).min(body.len())]
        );
    }
    for (at, _) in body.match_indices('&') {
        let rest = &body[at..];
        prop_assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].iter().any(|e| rest.starts_with(e)),
            "a bare & at {}",
            at
        );
    }
    prop_assert!(page.contains("default-src 'none'"));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn nothing_in_the_inputs_becomes_markup(
        (old, new, name) in (text(), text(), text()),
        layout in prop::sample::select(vec![HtmlLayout::SideBySide, HtmlLayout::LineByLine]),
        granularity in prop::sample::select(vec![Granularity::Words, Granularity::Chars, Granularity::Graphemes]),
        context in 0usize..4,
    ) {
        let files = [
            HtmlFile { old_name: &name, new_name: b"b/<x>", old: &old, new: &new },
            HtmlFile { old_name: b"same", new_name: b"same", old: &old, new: &old },
        ];
        let options = DiffOptions { context_lines: context, ..DiffOptions::default() };
        let html = HtmlOptions { layout, title: &name, granularity };
        check(&html_diff_files(&files, &options, &html).unwrap())?;
        check(&html_diff_files(&files[..1], &options, &html).unwrap())?;
    }
}
