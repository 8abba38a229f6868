//! `--stat`: the summary `git diff --stat` writes for one changed file,
//!
//! ```text
//!  dir/{old.c => new.c} | 5 +++--
//!  1 file changed, 3 insertions(+), 2 deletions(-)
//! ```
//!
//! laid out as git lays it out: the name shortened from the left to fit,
//! the bar scaled to the terminal's width (`COLUMNS`, else the terminal,
//! else 80 columns).

use std::io::{self, Write};

use fast_diff_cli::quote::{Style, quote};
use fast_diff_cli::terminal;

pub fn write(out: &mut impl Write, old_name: &[u8], new_name: &[u8], added: usize, removed: usize) -> io::Result<()> {
    let name = display_name(old_name, new_name);
    let changed = added + removed;
    let number_width = changed.to_string().len();
    let (name_width, graph_width) = widths(terminal::columns(), name.len(), number_width, changed);

    let (prefix, shown): (&[u8], &[u8]) = if name.len() > name_width {
        // Keep the end of the name, from a slash when there is one in it.
        let keep = name_width.saturating_sub(3);
        let tail = &name[name.len() - keep..];
        (b"...", tail.iter().position(|&b| b == b'/').map_or(tail, |at| &tail[at..]))
    } else {
        (b"", &name[..])
    };
    let pad = name_width.saturating_sub(prefix.len() + shown.len());
    let (plus, minus) = scale(added, removed, graph_width, changed);

    out.write_all(b" ")?;
    out.write_all(prefix)?;
    out.write_all(shown)?;
    write!(out, "{:pad$} | {changed:>number_width$}", "")?;
    if changed > 0 {
        out.write_all(b" ")?;
    }
    out.write_all(&b"+".repeat(plus))?;
    out.write_all(&b"-".repeat(minus))?;
    out.write_all(b"\n")?;
    summary(out, added, removed)
}

/// ` 1 file changed, N insertions(+), M deletions(-)`, leaving out a zero
/// count unless both are zero.
fn summary(out: &mut impl Write, added: usize, removed: usize) -> io::Result<()> {
    let plural = |n: usize, one: &'static str, many: &'static str| if n == 1 { one } else { many };
    out.write_all(b" 1 file changed")?;
    if added > 0 || removed == 0 {
        write!(out, ", {added} {}", plural(added, "insertion(+)", "insertions(+)"))?;
    }
    if removed > 0 || added == 0 {
        write!(out, ", {removed} {}", plural(removed, "deletion(-)", "deletions(-)"))?;
    }
    out.write_all(b"\n")
}

/// The name as git shows a pair: one name when both are the same, else
/// `old => new` with the common leading directories and trailing path
/// written once around braces (`src/{a.c => b.c}`).
fn display_name(old: &[u8], new: &[u8]) -> Vec<u8> {
    let (qold, qnew) = (quote(old, Style::Git), quote(new, Style::Git));
    if old == new {
        return qold;
    }
    if qold != old || qnew != new {
        return [&qold[..], b" => ", &qnew[..]].concat();
    }
    // The common prefix, up to and including its last slash.
    let common = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let prefix = old[..common].iter().rposition(|&b| b == b'/').map_or(0, |at| at + 1);
    // The common suffix from a slash, not overlapping the prefix; when there
    // is a prefix, its slash may be the suffix's too.
    let room = old.len().min(new.len()) + usize::from(prefix > 0) - prefix;
    let same_end = old.iter().rev().zip(new.iter().rev()).take(room).take_while(|(a, b)| a == b).count();
    let suffix = old[old.len() - same_end..].iter().position(|&b| b == b'/').map_or(0, |at| same_end - at);
    let middle = |name: &[u8]| name[prefix.min(name.len())..name.len().saturating_sub(suffix).max(prefix)].to_vec();
    if prefix + suffix == 0 {
        return [old, b" => ", new].concat();
    }
    [&old[..prefix], b"{", &middle(old), b" => ", &middle(new), b"}", &old[old.len() - suffix..]].concat()
}

/// The widths of the name and of the bar within `width` columns: each as
/// large as it wants when that fits, else the bar gets up to 3/8 of the
/// line and the name the rest.
fn widths(width: usize, name_len: usize, number_width: usize, max_change: usize) -> (usize, usize) {
    let width = width.max(16 + 6 + number_width);
    let (mut name_width, mut graph_width) = (name_len, max_change);
    if name_width + number_width + 6 + graph_width > width {
        let room = (width * 3 / 8) as isize - (number_width + 6) as isize;
        if graph_width as isize > room {
            graph_width = room.max(6) as usize;
        }
        if name_width > width - number_width - 6 - graph_width {
            name_width = width - number_width - 6 - graph_width;
        } else {
            graph_width = width - number_width - 6 - name_width;
        }
    }
    (name_width, graph_width)
}

/// How many `+` and `-` to draw: the counts themselves when they fit, else
/// scaled, with at least one of each kind that is not zero.
fn scale(added: usize, removed: usize, graph_width: usize, max_change: usize) -> (usize, usize) {
    if graph_width > max_change {
        return (added, removed);
    }
    let linear = |n: usize| if n == 0 { 0 } else { 1 + n * (graph_width - 1) / max_change };
    let mut total = linear(added + removed);
    if total < 2 && added > 0 && removed > 0 {
        total = 2;
    }
    if added < removed {
        let plus = linear(added);
        (plus, total - plus)
    } else {
        let minus = linear(removed);
        (total - minus, minus)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(old: &str, new: &str) -> String {
        String::from_utf8(display_name(old.as_bytes(), new.as_bytes())).unwrap()
    }

    #[test]
    fn names_as_git_prints_renames() {
        assert_eq!(name("a", "a"), "a");
        assert_eq!(name("a", "b"), "a => b");
        assert_eq!(name("x/y/f1", "x/y/f2"), "x/y/{f1 => f2}");
        assert_eq!(name("a", "d/a"), "a => d/a");
        assert_eq!(name("old/f.c", "new/f.c"), "{old => new}/f.c");
        assert_eq!(name("a/b/c", "a/c"), "a/{b => }/c");
        assert_eq!(name("a/c", "a/b/c"), "a/{ => b}/c");
        assert_eq!(name("/tmp/a", "/tmp/b"), "/tmp/{a => b}");
        assert_eq!(name("sp ace", "x\"y"), "sp ace => \"x\\\"y\"");
    }

    #[test]
    fn bars_scale_with_at_least_one_mark_each() {
        assert_eq!(scale(1, 1, 70, 2), (1, 1));
        assert_eq!(scale(500, 0, 52, 500), (52, 0));
        assert_eq!(scale(100, 100, 60, 200), (30, 30));
        assert_eq!(scale(1000, 1, 10, 1001), (9, 1));
    }
}
