//! Text normalisation for matching: white space runs (line breaks, no-break spaces) become one
//! space, curly apostrophes straight ones, Unicode hyphens '-', soft hyphens vanish. Case is
//! kept: the matcher folds it (see [`fold_char`]). Offsets in the normalised text map back to
//! the original through sparse checkpoints.

use crate::swar::Block16;

/// A normalised text and the way back to the original's byte offsets.
pub(crate) struct Normalized {
    /// Normalised, case kept.
    pub text: String,
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

/// `text` with every character folded by [`fold_char`] (same byte length).
pub(crate) fn fold(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        text.chars().map(fold_char).collect()
    }
}

/// True when `text` folds to `folded` (which is already folded).
pub(crate) fn fold_eq(text: &str, folded: &str) -> bool {
    text.len() == folded.len() && text.chars().map(fold_char).eq(folded.chars())
}

/// What normalisation makes of one character: `None` drops it.
fn map_char(c: char) -> Option<char> {
    match c {
        c if c.is_whitespace() => Some(' '),
        '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`' => Some('\''),
        '\u{2010}' | '\u{2011}' => Some('-'),
        '\u{00ad}' | '\u{200b}' => None,
        c => Some(c),
    }
}

/// Bytes that may start a character [`map_char`] changes: ASCII white space but ' ', '`',
/// and the lead bytes of U+0085, U+00A0, U+00AD (0xC2), U+02BC (0xCA), U+1680 (0xE1),
/// U+2000..U+205F (0xE2) and U+3000 (0xE3). A ' ' only matters before another ' ' (other white
/// space after it is special itself and sees the ' ' already written).
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let list = [
        b'\t', b'\n', 0x0b, 0x0c, b'\r', b'`', 0xc2, 0xca, 0xe1, 0xe2, 0xe3,
    ];
    let mut i = 0;
    while i < list.len() {
        t[list[i] as usize] = true;
        i += 1;
    }
    t
};

/// True when normalisation rewrites something from byte `i` on.
#[inline]
fn special_at(bytes: &[u8], i: usize) -> bool {
    SPECIAL[bytes[i] as usize] || (bytes[i] == b' ' && bytes.get(i + 1) == Some(&b' '))
}

/// The first `i >= from` where [`special_at`] holds, or the end. Sixteen bytes at a time: a
/// block without control bytes, '`', non-ASCII bytes or two spaces in a row is passed whole.
fn next_special(bytes: &[u8], mut i: usize) -> usize {
    while let Some(seventeen) = bytes.get(i..).and_then(|b| b.first_chunk::<17>()) {
        let (x, next) = (
            Block16::new(seventeen.first_chunk::<16>().unwrap_or(&[0; 16])),
            Block16::new(seventeen.last_chunk::<16>().unwrap_or(&[0; 16])),
        );
        let flagged =
            x.below_or_non_ascii(0x20) | x.equal(b'`') | (x.equal(b' ') & next.equal(b' '));
        if flagged == 0 {
            i += 16;
            continue;
        }
        let j = i + flagged.trailing_zeros() as usize;
        if special_at(bytes, j) {
            return j;
        }
        i = j + 1;
    }
    while i < bytes.len() && !special_at(bytes, i) {
        i += 1;
    }
    i
}

/// Normalises `original`: runs of plain text are copied whole; only the characters
/// [`map_char`] changes, and white space that follows white space, are rewritten.
pub(crate) fn normalize(original: &str) -> Normalized {
    let bytes = original.as_bytes();
    let mut text = String::with_capacity(bytes.len());
    let mut checkpoints = Vec::new();
    let mut delta = 0;
    let mut cursor = 0;
    loop {
        let i = next_special(bytes, cursor);
        // `i` is at a char boundary: special bytes are ASCII or UTF-8 lead bytes.
        text.push_str(&original[cursor..i]);
        let Some(c) = original[i..].chars().next() else {
            break;
        };
        cursor = i + c.len_utf8();
        match map_char(c) {
            Some(' ') if text.ends_with(' ') => {}
            Some(m) => text.push(m),
            None => {}
        }
        if text.ends_with(' ') {
            // Swallow the rest of the white space run.
            while let Some(next) = original[cursor..].chars().next()
                && next.is_whitespace()
            {
                cursor += next.len_utf8();
            }
        }
        if cursor - text.len() != delta {
            delta = cursor - text.len();
            checkpoints.push((text.len(), delta));
        }
    }
    Normalized { text, checkpoints }
}

/// Normalises a dictionary alias the same way (trimmed).
pub(crate) fn normalize_alias(alias: &str, fold: bool) -> String {
    let n = normalize(alias.trim());
    if fold { self::fold(&n.text) } else { n.text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_offsets_back() {
        let original = "Amerika\u{a0}\n Serikat’s TÜRKIYE İstanbul";
        let n = normalize(original);
        assert_eq!(n.text, "Amerika Serikat's TÜRKIYE İstanbul");
        assert_eq!(fold(&n.text), "amerika serikat's türkiye İstanbul");
        assert!(fold_eq("TÜRKIYE", "türkiye"));
        assert!(!fold_eq("TÜRKIYE", "turkiye"));
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

    /// Character by character, the definition [`normalize`] implements.
    fn reference(original: &str) -> (String, Vec<usize>) {
        let mut text = String::new();
        let mut back = Vec::new();
        for (i, c) in original.char_indices() {
            match map_char(c) {
                Some(' ') if text.ends_with(' ') => {}
                Some(m) => {
                    for _ in 0..m.len_utf8() {
                        back.push(i);
                    }
                    text.push(m);
                }
                None => {}
            }
        }
        (text, back)
    }

    fn check(original: &str) {
        let n = normalize(original);
        let (text, back) = reference(original);
        assert_eq!(n.text, text, "{original:?}");
        for (pos, &orig) in back.iter().enumerate() {
            if n.text.is_char_boundary(pos) {
                assert_eq!(n.to_original(pos), orig, "{original:?} at {pos}");
            }
        }
    }

    #[test]
    fn chunked_equals_the_definition() {
        for text in [
            "Amerika  \n\t Serikat`s  US\r\n",
            "  a",
            "a  ",
            "",
            "x\x0b\x0cy",
            "a \nb\n c``d ` ",
            "Amerika\u{a0}\n Serikat’s TÜRKIYE — İstanbul\u{ad}x\u{200b}y \u{3000} z",
        ] {
            check(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn chunked_equals_the_definition_on_any_mix(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                'a', 'Z', 'é', ' ', ' ', '\n', '\t', '\r', '\u{b}', '`', '\u{a0}', '\u{85}',
                '\u{ad}', '\u{2bc}', '\u{1680}', '\u{2003}', '\u{2010}', '\u{2019}', '—', '“',
                '\u{200b}', '\u{2028}', '\u{202f}', '\u{3000}', 'İ', '中',
            ]), 0..60)
        ) {
            let text: String = chars.into_iter().collect();
            check(&text);
        }

        #[test]
        fn chunked_equals_the_definition_on_long_plain_runs(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "Rusia dan Amerika Serikat bertemu di Jakarta pada hari ini", "x", " ", "  ",
                "\n", "\n\n", "`", "\u{a0}", "é", "\u{2019}", "\u{ad}",
            ]), 0..24)
        ) {
            check(&pieces.concat());
        }
    }
}
