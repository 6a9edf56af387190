//! Paragraphs and sentences of an article text, for mention positions and context lines.
//!
//! Paragraphs are separated by blank lines; sentences follow Unicode's sentence boundaries
//! (UAX #29), which also break at line ends.

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
        let sentence_starts = text
            .split_sentence_bound_indices()
            .filter(|(_, s)| !s.trim().is_empty())
            .map(|(i, _)| i)
            .collect();
        let mut paragraph_starts = vec![0];
        let mut rest = 0;
        while let Some(pos) = text[rest..].find("\n\n") {
            let mut next = rest + pos;
            while text[next..].starts_with('\n') {
                next += 1;
            }
            paragraph_starts.push(next);
            rest = next;
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
}
