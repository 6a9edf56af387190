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
    if let Some(clear) = clear_case(&sample) {
        return clear;
    }
    let detected = match detector().detect_language_of(&sample) {
        Some(lingua::Language::Indonesian) => Language::Indonesian,
        Some(lingua::Language::English) => Language::English,
        _ => return Language::Other,
    };
    // The detector only knows three languages and names one of them for any text: a German or
    // French article must also use the detected language's commonest words to count as it.
    let stopwords = match detected {
        Language::Indonesian => INDONESIAN_STOPWORDS,
        _ => ENGLISH_STOPWORDS,
    };
    let (mut words, mut hits) = (0usize, 0usize);
    for word in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if stopwords.iter().any(|s| s.eq_ignore_ascii_case(word)) {
            hits += 1;
        }
    }
    if hits * 100 >= words * 4 {
        detected
    } else {
        Language::Other
    }
}

/// Words far more frequent in Malay than in Indonesian: when one appears, the detector decides.
const MALAY_MARKERS: &[&str] = &[
    "bahawa", "kerana", "selepas", "sahaja", "iaitu", "ialah", "daripada", "kerajaan", "beliau",
];

/// The cheap verdict for the common case: news text whose commonest words are plainly
/// Indonesian (and shows no Malay marker) or plainly English. `None` sends the text to the
/// statistical detector (Malay, other languages, short or mixed text). This keeps the
/// detector, the slowest step of an import, off most articles.
fn clear_case(sample: &str) -> Option<Language> {
    let (mut words, mut id, mut en) = (0usize, 0usize, 0usize);
    let mut lower = String::new();
    for word in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        // Capitals are names, not words: Indonesian "AS" (the USA) is not English "as".
        if word.len() >= 2 && !word.chars().any(char::is_lowercase) {
            continue;
        }
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        if MALAY_MARKERS.contains(&lower.as_str()) {
            return None;
        }
        id += usize::from(INDONESIAN_STOPWORDS.contains(&lower.as_str()));
        en += usize::from(ENGLISH_STOPWORDS.contains(&lower.as_str()));
    }
    if words < 30 {
        return None;
    }
    // Plainly one language: many of its common words and few of the other's; or, for news
    // full of names, fewer of its common words and none at all of the other's; or, for
    // Indonesian quoting English titles and phrases, very many of its words and at most a
    // quarter as many English ones.
    if (id * 100 >= words * 12 && en * 100 <= words * 2)
        || (id * 100 >= words * 7 && en == 0)
        || (id * 100 >= words * 15 && en * 4 <= id)
    {
        Some(Language::Indonesian)
    } else if (en * 100 >= words * 15 && id * 100 <= words * 2)
        || (en * 100 >= words * 10 && id == 0)
    {
        Some(Language::English)
    } else {
        None
    }
}

const INDONESIAN_STOPWORDS: &[&str] = &[
    "yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "dalam", "tidak", "akan", "pada",
    "ke", "ada", "oleh", "juga", "adalah", "karena", "atau", "sudah", "bahwa", "mereka", "kata",
    "para", "telah", "bisa", "saat", "lebih", "kami", "kita", "tersebut", "sebagai", "menjadi",
];

const ENGLISH_STOPWORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "that", "for", "on", "was", "with", "as", "by", "at",
    "it", "from", "are", "be", "has", "have", "said", "an", "will", "this", "not", "but", "its",
    "their", "were", "which", "after", "who",
];

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
            (
                // "AS" (the USA) and "IS" are capitals, not the English "as" and "is".
                "Presiden AS dan pemimpin IS bertemu di Jakarta pada hari Kamis untuk membahas kerja sama yang akan dilakukan oleh kedua negara itu dalam bidang ekonomi dan keamanan karena ada ancaman baru dari kelompok yang tidak disebutkan, kata juru bicara",
                Language::Indonesian,
            ),
            (
                // Indonesian quoting an English title: lingua alone takes this for Malay.
                "Sejak diluncurkan lebih dari dua tahun silam, \u{201c}On This Day\u{201d} telah menjadi salah satu fitur terpopuler Facebook. Fitur ini memungkinkan Anda untuk melihat kilas balik perjalanan Anda di Facebook, mulai dari foto perdana bersama pacar baru sampai ketika anak pertama Anda lahir dan Anda membagikan momen penuh kebahagiaan tersebut. Ke depannya, Facebook sudah menyiapkan kelanjutan dari fitur ini. Sama seperti On This Day, kilas balik momen ini akan muncul.",
                Language::Indonesian,
            ),
            (
                "Perdana Menteri berkata bahawa kerajaan akan membantu rakyat selepas banjir besar kerana ramai penduduk kehilangan rumah mereka di negeri itu.",
                Language::Other,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(detect("", text), want, "{text}");
        }
    }
}
