//! Text normalisation for matching: white space runs (line breaks, no-break spaces) become one
//! space, curly apostrophes straight ones, Unicode hyphens '-', soft hyphens vanish; a
//! lower-case twin of the same byte length is made for case-insensitive matching. Offsets in
//! the normalised text map back to the original through sparse checkpoints.

/// A normalised text, its lower-case twin, and the way back to the original's byte offsets.
pub(crate) struct Normalized {
    /// Normalised, case kept.
    pub text: String,
    /// Normalised and lower-cased where lower-casing keeps the byte length (same length as `text`).
    pub lower: String,
    /// (normalised byte offset, original minus normalised offset) from that offset on.
    checkpoints: Vec<(usize, usize)>,
}

impl Normalized {
    /// The original byte offset of a normalised byte offset.
    pub fn to_original(&self, pos: usize) -> usize {
        let i = self.checkpoints.partition_point(|&(p, _)| p <= pos);
        if i == 0 {
            pos
        } else {
            pos + self.checkpoints[i - 1].1
        }
    }
}

/// Lower-cases one character when that keeps its UTF-8 length ("Ü"→"ü"; "İ" stays).
pub(crate) fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
        _ => c,
    }
}

/// Normalises `original`.
pub(crate) fn normalize(original: &str) -> Normalized {
    if original.is_ascii() {
        return normalize_ascii(original);
    }
    let mut text = String::with_capacity(original.len());
    let mut lower = String::with_capacity(original.len());
    let mut checkpoints = Vec::new();
    let mut in_space = false;
    for (i, c) in original.char_indices() {
        let mapped = match c {
            ' ' => Some(' '),
            c if c.is_whitespace() => Some(' '),
            '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`' => Some('\''),
            '\u{2010}' | '\u{2011}' => Some('-'),
            '\u{00ad}' | '\u{200b}' => None,
            c => Some(c),
        };
        let out = match mapped {
            Some(' ') if in_space => None,
            other => other,
        };
        in_space = out == Some(' ') || (in_space && out.is_none() && c.is_whitespace());
        if let Some(o) = out {
            text.push(o);
            lower.push(fold_char(o));
        }
        let written = out.map_or(0, char::len_utf8);
        if written != c.len_utf8() {
            // From the next normalised byte on, the original is further ahead.
            let next_norm = text.len();
            let delta = (i + c.len_utf8()) - next_norm;
            checkpoints.push((next_norm, delta));
        }
    }
    Normalized {
        text,
        lower,
        checkpoints,
    }
}

/// The same as the general path for ASCII text, byte by byte (the common case, several times
/// faster): white space runs become one space, '`' a straight apostrophe.
fn normalize_ascii(original: &str) -> Normalized {
    let bytes = original.as_bytes();
    let mut text = Vec::with_capacity(bytes.len());
    let mut lower = Vec::with_capacity(bytes.len());
    let mut checkpoints = Vec::new();
    let mut in_space = false;
    for (i, &b) in bytes.iter().enumerate() {
        let out = match b {
            b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => {
                if in_space {
                    None
                } else {
                    Some(b' ')
                }
            }
            b'`' => Some(b'\''),
            b => Some(b),
        };
        in_space = matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
        match out {
            Some(o) => {
                text.push(o);
                lower.push(o.to_ascii_lowercase());
            }
            None => checkpoints.push((text.len(), i + 1 - text.len())),
        }
    }
    Normalized {
        text: String::from_utf8(text).unwrap_or_default(),
        lower: String::from_utf8(lower).unwrap_or_default(),
        checkpoints,
    }
}

/// Normalises a dictionary alias the same way (trimmed).
pub(crate) fn normalize_alias(alias: &str, fold: bool) -> String {
    let n = normalize(alias.trim());
    if fold { n.lower } else { n.text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_offsets_back() {
        let original = "Amerika\u{a0}\n Serikat’s TÜRKIYE İstanbul";
        let n = normalize(original);
        assert_eq!(n.text, "Amerika Serikat's TÜRKIYE İstanbul");
        assert_eq!(n.lower, "amerika serikat's türkiye İstanbul");
        assert_eq!(n.text.len(), n.lower.len());
        let s = n.text.find("Serikat").expect("found");
        assert_eq!(
            &original[n.to_original(s)..n.to_original(s + "Serikat".len())],
            "Serikat"
        );
        let t = n.text.find("TÜRKIYE").expect("found");
        assert_eq!(
            &original[n.to_original(t)..n.to_original(t + "TÜRKIYE".len())],
            "TÜRKIYE"
        );
        assert_eq!(n.to_original(0), 0);
    }

    #[test]
    fn ascii_path_equals_the_general_path() {
        for text in [
            "Amerika  \n\t Serikat`s  US\r\n",
            "  a",
            "a  ",
            "",
            "x\x0b\x0cy",
        ] {
            let fast = normalize_ascii(text);
            // The general path, forced by a non-ASCII character at the end.
            let slow = normalize(&format!("{text}é"));
            assert_eq!(format!("{}é", fast.text), slow.text, "{text:?}");
            assert_eq!(format!("{}é", fast.lower), slow.lower, "{text:?}");
            for pos in 0..=fast.text.len() {
                assert_eq!(
                    fast.to_original(pos),
                    slow.to_original(pos),
                    "{text:?} {pos}"
                );
            }
        }
    }
}
