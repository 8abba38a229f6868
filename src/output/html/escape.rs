//! Bytes as HTML text that shows every byte and runs nothing: the markup
//! characters as entities (so `</script>` or `<img onerror=...>` in a file is
//! text), bytes that are not UTF-8 as a visible `\xNN`, control characters
//! as their Unicode pictures (a CR is `␍`), and the bidirectional controls
//! that can make code read other than it runs as `<U+202E>`.

/// Writes `bytes` as HTML text.
pub(super) fn text(out: &mut Vec<u8>, bytes: &[u8]) {
    for chunk in bytes.utf8_chunks() {
        valid(out, chunk.valid().as_bytes());
        for b in chunk.invalid() {
            out.extend_from_slice(format!("<span class=\"b\">\\x{b:02X}</span>").as_bytes());
        }
    }
}

fn valid(out: &mut Vec<u8>, s: &[u8]) {
    let mut i = 0;
    let mut plain = 0;
    while i < s.len() {
        let b = s[i];
        let special: Option<&[u8]> = match b {
            b'&' => Some(b"&amp;"),
            b'<' => Some(b"&lt;"),
            b'>' => Some(b"&gt;"),
            b'"' => Some(b"&quot;"),
            b'\'' => Some(b"&#39;"),
            b'\t' => None,
            0..=0x1f | 0x7f => Some(b""),
            0xe2 if bidi_control(&s[i..]).is_some() => Some(b""),
            _ => None,
        };
        let Some(entity) = special else {
            i += 1;
            continue;
        };
        out.extend_from_slice(&s[plain..i]);
        if !entity.is_empty() {
            out.extend_from_slice(entity);
            i += 1;
        } else if let Some(code) = bidi_control(&s[i..]) {
            out.extend_from_slice(format!("<span class=\"c\">&lt;U+{code:04X}&gt;</span>").as_bytes());
            i += 3;
        } else {
            // The Control Pictures block: U+2400 + the byte, U+2421 for DEL.
            let picture = if b == 0x7f { '\u{2421}' } else { char::from_u32(0x2400 + u32::from(b)).unwrap_or('?') };
            out.extend_from_slice(format!("<span class=\"c\">{picture}</span>").as_bytes());
            i += 1;
        }
        plain = i;
    }
    out.extend_from_slice(&s[plain..]);
}

/// U+202A..U+202E and U+2066..U+2069 at the start of `s` (valid UTF-8).
fn bidi_control(s: &[u8]) -> Option<u32> {
    match s {
        [0xe2, 0x80, c @ 0xaa..=0xae, ..] => Some(0x2000 + u32::from(c - 0x80)),
        [0xe2, 0x81, c @ 0xa6..=0xa9, ..] => Some(0x2040 + u32::from(c - 0x80)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(bytes: &[u8]) -> String {
        let mut out = Vec::new();
        text(&mut out, bytes);
        String::from_utf8(out).expect("always UTF-8")
    }

    #[test]
    fn markup_is_text() {
        assert_eq!(
            html(b"</script><img src=x onerror='a()'>&"),
            "&lt;/script&gt;&lt;img src=x onerror=&#39;a()&#39;&gt;&amp;"
        );
        assert_eq!(html(b"\"q\"\tx"), "&quot;q&quot;\tx");
    }

    #[test]
    fn every_byte_is_shown() {
        assert_eq!(html(b"a\xffb\xc3"), "a<span class=\"b\">\\xFF</span>b<span class=\"b\">\\xC3</span>");
        assert_eq!(
            html(b"\0\r\x7f"),
            "<span class=\"c\">\u{2400}</span><span class=\"c\">\u{240d}</span><span class=\"c\">\u{2421}</span>"
        );
        assert_eq!(
            html("caf\u{e9} \u{202e}x\u{2066}".as_bytes()),
            "caf\u{e9} <span class=\"c\">&lt;U+202E&gt;</span>x<span class=\"c\">&lt;U+2066&gt;</span>"
        );
        assert_eq!(html("\u{2014}".as_bytes()), "\u{2014}");
    }
}
