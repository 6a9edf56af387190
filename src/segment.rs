//! Paragraphs and sentences of an article text, for mention positions and context lines.
//!
//! Paragraphs are separated by blank lines; sentences follow Unicode's sentence boundaries
//! (UAX #29), which also break at line ends. Because UAX #29 always breaks after a line end
//! and none of its rules looks across one, each line is segmented on its own: lines made of
//! ASCII and a few common other characters (no-break space, curly quotes, dashes, Latin-1
//! letters) go through a direct implementation of the rules, several times faster than the
//! general one; any other line goes through `unicode-segmentation`. A property test keeps
//! the two equal.

use unicode_segmentation::UnicodeSegmentation;

/// Byte offsets where the paragraphs and sentences of a text start.
#[derive(Debug, Clone, Default)]
pub struct Segments {
    sentence_starts: Vec<usize>,
    paragraph_starts: Vec<usize>,
}

impl Segments {
    /// Segments `text`.
    pub fn new(text: &str) -> Segments {
        let mut sentence_starts = Vec::new();
        let mut paragraph_starts = vec![0];
        let bytes = text.as_bytes();
        // Inside a run of two or more line feeds: a paragraph starts where it ends.
        let mut blank_run = false;
        for_each_line(text, |line_start, line_end| {
            let line = &text[line_start..line_end];
            if line == "\n" && line_start > 0 && bytes[line_start - 1] == b'\n' {
                blank_run = true;
                return;
            }
            if blank_run {
                paragraph_starts.push(line_start);
                blank_run = false;
            }
            let first = sentence_starts.len();
            if line_in_fast_path(line) {
                line_sentence_starts(line, line_start, &mut sentence_starts);
            } else {
                sentence_starts.extend(
                    line.split_sentence_bound_indices()
                        .filter(|(_, s)| !s.trim().is_empty())
                        .map(|(i, _)| line_start + i),
                );
            }
            debug_assert!(sentence_starts[first..].windows(2).all(|w| w[0] < w[1]));
        });
        if blank_run {
            paragraph_starts.push(bytes.len());
        }
        Segments {
            sentence_starts,
            paragraph_starts,
        }
    }

    /// Number of sentences (the non-blank ones).
    pub fn sentence_count(&self) -> usize {
        self.sentence_starts.len()
    }

    /// Number of paragraphs (blocks separated by blank lines; at least 1).
    pub fn paragraph_count(&self) -> usize {
        self.paragraph_starts.len()
    }

    /// Byte range of sentence `i` of a text of `len` bytes (to the next sentence's start, or
    /// the end).
    pub fn sentence_range(&self, i: usize, len: usize) -> Option<(usize, usize)> {
        let start = *self.sentence_starts.get(i)?;
        let end = self.sentence_starts.get(i + 1).copied().unwrap_or(len);
        (start <= end && end <= len).then_some((start, end))
    }

    /// Index of the sentence holding byte offset `pos`.
    pub fn sentence_of(&self, pos: usize) -> u32 {
        self.sentence_starts
            .partition_point(|&s| s <= pos)
            .saturating_sub(1) as u32
    }

    /// Index of the paragraph holding byte offset `pos`.
    pub fn paragraph_of(&self, pos: usize) -> u32 {
        self.paragraph_starts
            .partition_point(|&s| s <= pos)
            .saturating_sub(1) as u32
    }
}

/// Calls `f(start, end)` for every line of `text`; a line ends after LF, after CR LF, or
/// after a lone CR (UAX #29 breaks after each and no rule looks across one).
fn for_each_line(text: &str, mut f: impl FnMut(usize, usize)) {
    let bytes = text.as_bytes();
    let mut line_start = 0;
    if memchr::memchr(b'\r', bytes).is_none() {
        // The common case: one pass over the line feeds.
        for at in memchr::memchr_iter(b'\n', bytes) {
            f(line_start, at + 1);
            line_start = at + 1;
        }
        if line_start < bytes.len() {
            f(line_start, bytes.len());
        }
        return;
    }
    while line_start < bytes.len() {
        let line_end = match memchr::memchr2(b'\n', b'\r', &bytes[line_start..]) {
            Some(i) => {
                let at = line_start + i;
                if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                    at + 2
                } else {
                    at + 1
                }
            }
            None => bytes.len(),
        };
        f(line_start, line_end);
        line_start = line_end;
    }
}

/// Sentence classes of UAX #29 that the fast path knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Other,
    Sp,
    ParaSep,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    /// Not handled by the fast path (letters of other scripts, format characters, ...).
    Unknown,
}

/// [`class_of`] of every ASCII character.
const ASCII_CLASSES: [Class; 128] = {
    let mut t = [Class::Other; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = class_of_slow(i as u8 as char);
        i += 1;
    }
    t
};

#[inline]
fn class_of(c: char) -> Class {
    if c.is_ascii() {
        ASCII_CLASSES[c as usize]
    } else {
        class_of_slow(c)
    }
}

const fn class_of_slow(c: char) -> Class {
    match c {
        '\t' | '\u{b}' | '\u{c}' | ' ' | '\u{a0}' => Class::Sp,
        '\n' | '\r' => Class::ParaSep,
        'a'..='z' | '\u{df}'..='\u{f6}' | '\u{f8}'..='\u{ff}' => Class::Lower,
        'A'..='Z' | '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{de}' => Class::Upper,
        '0'..='9' => Class::Numeric,
        '.' => Class::ATerm,
        '!' | '?' => Class::STerm,
        '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '\u{ab}' | '\u{bb}' => Class::Close,
        '\u{2018}'..='\u{201f}' => Class::Close,
        ',' | '-' | ':' | ';' | '\u{2013}' | '\u{2014}' => Class::SContinue,
        c if c.is_ascii() && !c.is_ascii_control() => Class::Other,
        '\u{0}'..='\u{8}' | '\u{e}'..='\u{1f}' | '\u{7f}' => Class::Other,
        _ => Class::Unknown,
    }
}

fn line_in_fast_path(line: &str) -> bool {
    line.is_ascii() || line.chars().all(|c| class_of(c) != Class::Unknown)
}

/// The class of the character starting at byte `i` of `line`, and its length.
fn class_at(line: &str, i: usize) -> (Class, usize) {
    let b = line.as_bytes()[i];
    if b.is_ascii() {
        (ASCII_CLASSES[b as usize], 1)
    } else {
        let c = line[i..].chars().next().unwrap_or(' ');
        (class_of(c), c.len_utf8())
    }
}

/// UAX #29 sentence starts of one line (at most one line end, at its end) whose characters
/// all have a known [`Class`], offset by `base`; blank sentences left out.
fn line_sentence_starts(line: &str, base: usize, out: &mut Vec<usize>) {
    let bytes = line.as_bytes();
    // The sentence being read starts here; it is kept when it is not blank.
    let mut start = 0;
    let mut push = |end: usize, out: &mut Vec<usize>| {
        if !line[start..end].trim().is_empty() {
            out.push(base + start);
        }
        start = end;
    };
    let mut pos = 0;
    while let Some(k) = memchr::memchr3(b'.', b'!', b'?', &bytes[pos..]) {
        let i = pos + k;
        let aterm = bytes[i] == b'.';
        // SATerm Close* Sp*: the only place after it where a break can fall is its end.
        let mut m = i + 1;
        while m < bytes.len() {
            let (class, len) = class_at(line, m);
            if class != Class::Close {
                break;
            }
            m += len;
        }
        while m < bytes.len() {
            let (class, len) = class_at(line, m);
            if class != Class::Sp {
                break;
            }
            m += len;
        }
        pos = m.max(i + 1);
        if m >= bytes.len() {
            break;
        }
        let (next, _) = class_at(line, m);
        if next == Class::ParaSep {
            // SB9/SB10 keep the line end with the sentence; SB4 breaks after it.
            break;
        }
        if aterm && m == i + 1 {
            // SB6: "3.5"; SB7: "U.S".
            if next == Class::Numeric {
                continue;
            }
            if next == Class::Upper && i > 0 {
                let prev = line[..i].chars().next_back().map_or(Class::Other, class_of);
                if matches!(prev, Class::Upper | Class::Lower) {
                    continue;
                }
            }
        }
        if aterm && sb8_lower_ahead(line, m) {
            continue;
        }
        // SB8a.
        if matches!(next, Class::SContinue | Class::STerm | Class::ATerm) {
            continue;
        }
        push(m, out);
    }
    push(bytes.len(), out);
}

/// SB8: ATerm Close* Sp* × ( ¬(OLetter | Upper | Lower | ParaSep | SATerm) )* Lower.
fn sb8_lower_ahead(line: &str, from: usize) -> bool {
    // Mostly decided by the next byte: a letter, a space or a digit.
    if let Some(&b) = line.as_bytes().get(from)
        && b.is_ascii()
    {
        match ASCII_CLASSES[b as usize] {
            Class::Lower => return true,
            Class::Upper | Class::ParaSep | Class::STerm | Class::ATerm => return false,
            _ => {}
        }
    }
    for c in line[from..].chars() {
        match class_of(c) {
            Class::Lower => return true,
            Class::Upper | Class::ParaSep | Class::STerm | Class::ATerm | Class::Unknown => {
                return false;
            }
            _ => {}
        }
    }
    false
}

/// The sentence of `text` around the byte range `start..end`, trimmed (a mention's context).
pub fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    let mut from = 0;
    let mut to = text.len();
    for (i, s) in text.split_sentence_bound_indices() {
        let stop = i + s.len();
        if stop <= start {
            from = stop;
        } else if i >= end {
            to = i;
            break;
        }
    }
    text[from..to].trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference: `unicode-segmentation` over the whole text, blank segments left out.
    fn reference(text: &str) -> Vec<usize> {
        text.split_sentence_bound_indices()
            .filter(|(_, s)| !s.trim().is_empty())
            .map(|(i, _)| i)
            .collect()
    }

    /// The sentence starts of [`Segments::new`]; checks its paragraphs on the way.
    fn fast(text: &str) -> Vec<usize> {
        let segments = Segments::new(text);
        assert_eq!(
            segments.paragraph_starts,
            paragraphs_reference(text),
            "{text:?}"
        );
        segments.sentence_starts
    }

    /// Paragraph starts by definition: after every run of two or more line feeds.
    fn paragraphs_reference(text: &str) -> Vec<usize> {
        let mut starts = vec![0];
        let mut rest = 0;
        while let Some(pos) = text[rest..].find("\n\n") {
            let mut next = rest + pos;
            while text.as_bytes().get(next) == Some(&b'\n') {
                next += 1;
            }
            starts.push(next);
            rest = next;
        }
        starts
    }

    #[test]
    fn fast_path_equals_unicode_segmentation() {
        for text in [
            "",
            " ",
            "Rusia menyerang. Turki diam.",
            "U.S. forces. The U.S army.",
            "Harga naik 3.5 persen. lalu turun.",
            "Dia bilang \"stop.\" Lalu pergi.",
            "Apa?! Tidak... ya. (Benar.) Ok",
            "a.\r\nb.\rc.\n\n  \n d",
            "“Kami siap.” Kata dia. ‘Ya’ — lalu.\u{a0}Selesai",
            "e.g. this; etc. And: x.- y.",
            "JAKARTA - Presiden. ÉCOLE dan école. Ünal.",
            "Ελλάδα. Греция. 中国。日本. ok",
            "x.\u{ad}Y. z.\u{300} w",
            ". . .",
            "!a ?B .c .D",
        ] {
            assert_eq!(fast(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn sentences_and_paragraphs() {
        let text = "Rusia menyerang. Turki diam.\n\nSuriah hancur! AS marah.";
        let seg = Segments::new(text);
        let idx = |w: &str| text.find(w).expect("word");
        assert_eq!(
            (
                seg.sentence_of(idx("Rusia")),
                seg.paragraph_of(idx("Rusia"))
            ),
            (0, 0)
        );
        assert_eq!(
            (
                seg.sentence_of(idx("Turki")),
                seg.paragraph_of(idx("Turki"))
            ),
            (1, 0)
        );
        assert_eq!(
            (
                seg.sentence_of(idx("Suriah")),
                seg.paragraph_of(idx("Suriah"))
            ),
            (2, 1)
        );
        assert_eq!(
            (seg.sentence_of(idx("AS")), seg.paragraph_of(idx("AS"))),
            (3, 1)
        );
        assert_eq!(
            sentence_around(text, idx("Turki"), idx("Turki") + 5),
            "Turki diam."
        );
    }

    proptest::proptest! {
        #[test]
        fn fast_path_equals_unicode_segmentation_on_any_mix(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                'a', 'b', 'Z', 'Q', 'é', 'É', 'ß', '1', '9', '.', '.', '!', '?', ' ', ' ', '\u{a0}',
                '\t', '\n', '\r', '"', '\'', '(', ')', '[', '«', '»', '“', '”', '’', ',', '-', ':',
                ';', '–', '—', '#', '/', '\u{0}', '\u{7f}', 'д', '中', '。', '\u{ad}', '\u{300}',
                '\u{2028}', '\u{85}', '…', '×',
            ]), 0..80)
        ) {
            let text: String = chars.into_iter().collect();
            proptest::prop_assert_eq!(fast(&text), reference(&text), "{:?}", text);
        }

        #[test]
        fn fast_path_equals_unicode_segmentation_on_fast_lines(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                'a', 'b', 'Z', 'Q', 'é', 'É', '1', '.', '.', '.', '!', '?', ' ', ' ', '\u{a0}',
                '\t', '\n', '"', '\'', ')', '«', '”', ',', ';', '—', '#', '\u{0}',
            ]), 0..60)
        ) {
            let text: String = chars.into_iter().collect();
            proptest::prop_assert!(text.split(['\n', '\r']).all(line_in_fast_path));
            proptest::prop_assert_eq!(fast(&text), reference(&text), "{:?}", text);
        }
    }
}
