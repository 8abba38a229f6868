//! What is added to a unified diff's text after the engine wrote it: the
//! function line after each `@@` (`-p`, and git's rule under `--git`), and
//! git's default colours (`--color`): headers bold, hunk headers cyan,
//! removed lines red, added lines green, context as it is. Each colour
//! ends before the line's CR LF, as git ends it. (git also marks white
//! space errors in added lines, such as white space at their end, with a
//! red background; fast-diff does not.)
//!
//! In a unified diff every line after the two file headers begins with
//! `@`, ` `, `-`, `+` or `\`, so the kind of each line is known from its
//! first byte.

use crate::function::Functions;

pub const BOLD: &[u8] = b"\x1b[1m";
pub const CYAN: &[u8] = b"\x1b[36m";
pub const RED: &[u8] = b"\x1b[31m";
pub const GREEN: &[u8] = b"\x1b[32m";
pub const RESET: &[u8] = b"\x1b[m";

/// Writes `line` (its LF, and a CR before it, kept outside) in `color`.
pub fn colored(out: &mut Vec<u8>, color: &[u8], line: &[u8]) {
    let body_end = line.strip_suffix(b"\n").map_or(line.len(), |l| l.strip_suffix(b"\r").map_or(l.len(), <[u8]>::len));
    out.extend_from_slice(color);
    out.extend_from_slice(&line[..body_end]);
    out.extend_from_slice(RESET);
    out.extend_from_slice(&line[body_end..]);
}

/// A header line (`diff ...`, `---`, `+++`, git's extended headers), bold
/// when colouring; git's tab after a name with a space in it stays outside
/// the colour, as git writes it.
pub fn header(out: &mut Vec<u8>, line: &[u8], color: bool) {
    if !color {
        return out.extend_from_slice(line);
    }
    match line.strip_suffix(b"\t\n") {
        Some(name) => {
            colored(out, BOLD, name);
            out.extend_from_slice(b"\t\n");
        }
        None => colored(out, BOLD, line),
    }
}

/// A hunk header `@@ -a,b +c,d @@` (without its LF), the function line
/// after it when there is one, and the LF.
pub fn hunk_header(out: &mut Vec<u8>, at_at: &[u8], function: Option<&[u8]>, color: bool) {
    if color {
        colored(out, CYAN, at_at);
    } else {
        out.extend_from_slice(at_at);
    }
    if let Some(function) = function.filter(|f| !f.is_empty()) {
        out.push(b' ');
        out.extend_from_slice(function);
    }
    out.push(b'\n');
}

/// `unified` (a whole unified diff of one file pair) with function lines
/// from `functions` (over the old text) and colours as asked, appended to
/// `out`.
pub fn unified(out: &mut Vec<u8>, unified: &[u8], mut functions: Option<Functions<'_>>, color: bool) {
    out.reserve(unified.len() + unified.len() / 8);
    for (i, line) in unified.split_inclusive(|&b| b == b'\n').enumerate() {
        match line.first() {
            _ if i < 2 => header(out, line, color),
            Some(b'@') => {
                let at_at = line.strip_suffix(b"\n").unwrap_or(line);
                let function = functions.as_mut().and_then(|f| f.before(old_start(at_at)));
                hunk_header(out, at_at, function, color);
            }
            Some(b'-') if color => colored(out, RED, line),
            Some(b'+') if color => added(out, line),
            _ => out.extend_from_slice(line),
        }
    }
}

/// An added line as git colours it: its `+`, then the tabs it begins with
/// uncoloured (where git looks for white space errors), then the rest.
fn added(out: &mut Vec<u8>, line: &[u8]) {
    let tabs = line[1..].iter().take_while(|&&b| b == b'\t').count();
    if tabs == 0 {
        return colored(out, GREEN, line);
    }
    colored(out, GREEN, b"+");
    out.extend_from_slice(&line[1..1 + tabs]);
    colored(out, GREEN, &line[1 + tabs..]);
}

/// The first old line (0-based) of the hunk whose header is `@@ -N[,M] ...`:
/// an empty range names the line before it.
fn old_start(header: &[u8]) -> usize {
    let range = header.strip_prefix(b"@@ -").unwrap_or_default();
    let range = &range[..range.iter().position(|&b| b == b' ').unwrap_or(range.len())];
    let number = |digits: &[u8]| {
        digits.iter().fold(0usize, |n, &d| n.saturating_mul(10).saturating_add(usize::from(d.wrapping_sub(b'0'))))
    };
    match range.iter().position(|&b| b == b',') {
        Some(comma) if number(&range[comma + 1..]) == 0 => number(&range[..comma]),
        Some(comma) => number(&range[..comma]).saturating_sub(1),
        None => number(range).saturating_sub(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::function::Rule;

    #[test]
    fn hunk_starts_from_headers() {
        assert_eq!(old_start(b"@@ -5,3 +5,4 @@"), 4);
        assert_eq!(old_start(b"@@ -5 +5 @@"), 4);
        assert_eq!(old_start(b"@@ -5,0 +6,2 @@"), 5);
        assert_eq!(old_start(b"@@ -0,0 +1 @@"), 0);
    }

    #[test]
    fn colours_each_kind_of_line() {
        let diff = b"--- a\n+++ b\n@@ -1,2 +1,2 @@\n x\r\n-y\n+z\n\\ No newline at end of file\n";
        let mut out = Vec::new();
        unified(&mut out, diff, Some(Functions::new(b"x\r\ny\n", Rule::Git)), true);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\x1b[1m--- a\x1b[m\n\x1b[1m+++ b\x1b[m\n\x1b[36m@@ -1,2 +1,2 @@\x1b[m\n x\r\n\x1b[31m-y\x1b[m\n\x1b[32m+z\x1b[m\n\\ No newline at end of file\n"
        );
    }
}
