//! A diff as one self-contained HTML page: no script, font, style sheet or
//! image from elsewhere (a Content-Security-Policy forbids them, so even
//! text that escaped escaping could run nothing), side by side or line by
//! line, with line numbers, the changed words of changed lines marked with
//! `<del>` and `<ins>` from the word diff (bounded in time and memory, with
//! the deadline), unchanged lines folded, a list of the files with their
//! counts when there are several, and colours for light and dark schemes.
//! Every byte of the inputs is shown as text ([`escape`]).

mod escape;
mod file;

use crate::error::Error;
use crate::options::DiffOptions;
use crate::output::words::Granularity;
use escape::text;

/// How the lines of a diff are laid out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum HtmlLayout {
    /// The old text on the left, the new on the right, changed lines facing
    /// each other.
    #[default]
    SideBySide,
    /// One column, as a unified diff reads: removed lines, then added ones.
    LineByLine,
}

/// Options of an HTML page. `Default` gives a side-by-side page marking
/// changed words, titled after the files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlOptions<'a> {
    /// Side by side (default) or line by line.
    pub layout: HtmlLayout,
    /// The page's title; empty (the default) names the files.
    pub title: &'a [u8],
    /// What the marks inside changed lines mark: words (default),
    /// characters or grapheme clusters.
    pub granularity: Granularity,
}

/// A pair of files of a multi-file page: their names and contents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HtmlFile<'a> {
    /// The old file's name (any bytes; shown as text).
    pub old_name: &'a [u8],
    /// The new file's name.
    pub new_name: &'a [u8],
    /// The old file's bytes.
    pub old: &'a [u8],
    /// The new file's bytes.
    pub new: &'a [u8],
}

/// The diff of `old` and `new` as an HTML page, with `options` (context,
/// algorithm, modes, deadline; the labels name the two sides) and `html`.
pub fn html_diff(old: &[u8], new: &[u8], options: &DiffOptions<'_>, html: &HtmlOptions<'_>) -> Result<Vec<u8>, Error> {
    let file = HtmlFile { old_name: options.old_label, new_name: options.new_label, old, new };
    html_diff_files(&[file], options, html)
}

/// The diffs of several pairs of files as one HTML page: a list of the
/// files with their counts (when there is more than one), then each file's
/// diff, in the order given. `options.old_label` and `new_label` are not
/// used: each file has its names.
pub fn html_diff_files(
    files: &[HtmlFile<'_>],
    options: &DiffOptions<'_>,
    html: &HtmlOptions<'_>,
) -> Result<Vec<u8>, Error> {
    let mut body = Vec::new();
    let mut summaries = Vec::with_capacity(files.len());
    for (id, f) in files.iter().enumerate() {
        summaries.push(file::section(&mut body, id + 1, f, options, html)?);
    }
    let (added, removed) = summaries.iter().fold((0, 0), |(a, r), s| (a + s.added, r + s.removed));
    let changed = summaries.iter().filter(|s| s.added + s.removed > 0).count();

    let mut out = Vec::with_capacity(body.len() + 8192);
    out.extend_from_slice(
        b"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light dark\">\n\
<meta name=\"generator\" content=\"fast-diff\">\n<title>",
    );
    let title = |out: &mut Vec<u8>| match (html.title, files) {
        (t, _) if !t.is_empty() => text(out, t),
        (_, [one]) => {
            text(out, one.old_name);
            if one.new_name != one.old_name {
                out.extend_from_slice(" \u{2192} ".as_bytes());
                text(out, one.new_name);
            }
        }
        (_, _) => out.extend_from_slice(b"Diff"),
    };
    title(&mut out);
    out.extend_from_slice(b"</title>\n<style>\n");
    out.extend_from_slice(include_bytes!("style.css"));
    out.extend_from_slice(b"</style>\n</head>\n<body>\n<header>\n<h1>");
    title(&mut out);
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    out.extend_from_slice(
        format!(
            "</h1>\n<p class=\"summary\">{} changed of {}: <span class=\"a\">{}</span>, <span class=\"r\">{}</span></p>\n</header>\n",
            plural(changed, "file"),
            files.len(),
            plural(added, "line") + " added",
            plural(removed, "line") + " removed",
        )
        .as_bytes(),
    );
    if files.len() > 1 {
        out.extend_from_slice(b"<nav class=\"files\"><ol>\n");
        for (id, (f, s)) in files.iter().zip(&summaries).enumerate() {
            out.extend_from_slice(format!("<li><a href=\"#file-{}\">", id + 1).as_bytes());
            file::names(&mut out, f);
            out.extend_from_slice(
                format!(
                    "</a><span class=\"a\">+{}</span><span class=\"r\">\u{2212}{}</span></li>\n",
                    s.added, s.removed
                )
                .as_bytes(),
            );
        }
        out.extend_from_slice(b"</ol></nav>\n");
    }
    out.extend_from_slice(b"<main>\n");
    out.extend_from_slice(&body);
    out.extend_from_slice(b"</main>\n</body>\n</html>\n");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(old: &[u8], new: &[u8], layout: HtmlLayout) -> String {
        let html = HtmlOptions { layout, ..HtmlOptions::default() };
        String::from_utf8(html_diff(old, new, &DiffOptions::default(), &html).unwrap()).unwrap()
    }

    #[test]
    fn changed_words_are_marked() {
        for layout in [HtmlLayout::SideBySide, HtmlLayout::LineByLine] {
            let p = page(b"keep\nthe quick fox\nend\n", b"keep\nthe slow fox\nend\n", layout);
            assert!(p.contains("the <del>quick</del> fox"), "{p}");
            assert!(p.contains("the <ins>slow</ins> fox"), "{p}");
            assert!(p.contains("@@ -1,3 +1,3 @@"));
        }
    }

    #[test]
    fn content_is_text() {
        let p =
            page(b"a\n", b"</script><script>alert(1)</script><img src=x onerror=alert(2)>\n", HtmlLayout::LineByLine);
        assert!(!p.contains("<script") && !p.contains("<img"), "{p}");
        assert!(p.contains("&lt;/script&gt;&lt;script&gt;alert(1)"));
        assert!(p.contains("default-src 'none'"));
    }

    #[test]
    fn unchanged_runs_are_folded() {
        let old: Vec<u8> = (0..100).flat_map(|i| format!("line {i}\n").into_bytes()).collect();
        let new = [&old[..], b"more\n"].concat();
        let p = page(&old, &new, HtmlLayout::SideBySide);
        assert!(p.contains("<details class=\"fold\"><summary>\u{22ef} 97 unchanged lines</summary>"), "{p}");
        assert_eq!(p.matches("class=\"row ctx\"").count(), 100, "the folded lines are there to open");
    }
}
