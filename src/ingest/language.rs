//! Language per article: Indonesian, English or other, by `lingua` restricted to the
//! languages that matter (Malay included, so Malay text is not taken for Indonesian).

use crate::model::Language;
use lingua::{LanguageDetector, LanguageDetectorBuilder};
use std::sync::OnceLock;

/// How many characters of an article the detector reads: enough to decide, cheap at scale.
const SAMPLE_CHARS: usize = 600;

fn detector() -> &'static LanguageDetector {
    static DETECTOR: OnceLock<LanguageDetector> = OnceLock::new();
    DETECTOR.get_or_init(|| {
        LanguageDetectorBuilder::from_languages(&[
            lingua::Language::English,
            lingua::Language::Indonesian,
            lingua::Language::Malay,
        ])
        .with_minimum_relative_distance(0.1)
        .build()
    })
}

/// Detects the language of an article from its title and the start of its text.
pub fn detect(title: &str, text: &str) -> Language {
    let mut sample = String::with_capacity(SAMPLE_CHARS + title.len() + 1);
    sample.push_str(title);
    sample.push('\n');
    sample.extend(text.chars().take(SAMPLE_CHARS));
    let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 12 {
        return Language::Other;
    }
    match detector().detect_language_of(&sample) {
        Some(lingua::Language::Indonesian) => Language::Indonesian,
        Some(lingua::Language::English) => Language::English,
        _ => Language::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_indonesian_english_and_other() {
        let cases = [
            (
                "Turki pada hari Kamis meminta Rusia untuk melakukan operasi bersama melawan ISIS di Suriah.",
                Language::Indonesian,
            ),
            (
                "The United States welcomed Turkish-Russian military cooperation in Syria on Thursday.",
                Language::English,
            ),
            (
                "Die Bundesregierung hat am Donnerstag neue Sanktionen gegen Russland beschlossen und angekündigt.",
                Language::Other,
            ),
            ("ok", Language::Other),
        ];
        for (text, want) in cases {
            assert_eq!(detect("", text), want, "{text}");
        }
    }
}
