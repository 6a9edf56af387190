//! Language per article: Indonesian, English or other, by `lingua` restricted to the
//! languages that matter (Malay included, so Malay text is not taken for Indonesian).

use crate::model::Language;
use lingua::{LanguageDetector, LanguageDetectorBuilder};
use std::sync::OnceLock;

/// How many characters of an article the detector reads: enough to decide, cheap at scale.
const SAMPLE_CHARS: usize = 600;

/// How many characters the common-word counts read when the first [`SAMPLE_CHARS`] leave
/// them undecided.
const LONGER_SAMPLE_CHARS: usize = 3000;

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

/// The first `n` characters of `text` (all of it when shorter).
fn first_chars(text: &str, n: usize) -> &str {
    &text[..text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)]
}

/// Detects the language of an article from its title and the start of its text.
pub fn detect(title: &str, text: &str) -> Language {
    let head = first_chars(text, SAMPLE_CHARS);
    let counts = Counts::of(&[title, head]);
    if counts.letters < 12 {
        return Language::Other;
    }
    if let Some(clear) = counts.clear_case() {
        return clear;
    }
    // Undecided on the start (a lead full of names, an English title): the common words of a
    // longer stretch mostly decide, for far less than the statistical detector costs.
    if !counts.malay && head.len() < text.len() {
        let longer = first_chars(text, LONGER_SAMPLE_CHARS);
        if let Some(clear) = Counts::of(&[title, longer]).clear_case() {
            return clear;
        }
    }
    let sample = format!("{title}\n{head}");
    let detected = match detector().detect_language_of(&sample) {
        Some(lingua::Language::Indonesian) => Language::Indonesian,
        Some(lingua::Language::English) => Language::English,
        _ => return Language::Other,
    };
    // The detector only knows three languages and names one of them for any text: a German or
    // French article must also use the detected language's commonest words to count as it.
    let hits = match detected {
        Language::Indonesian => counts.id_any_case,
        _ => counts.en_any_case,
    };
    if hits * 100 >= counts.words * 4 {
        detected
    } else {
        Language::Other
    }
}

/// Word counts of a sample: words are runs of letters.
#[derive(Debug, Default)]
struct Counts {
    letters: usize,
    words: usize,
    /// Common Indonesian / English words, not counting words in capitals (names: Indonesian
    /// "AS" is the USA, not English "as").
    id: usize,
    en: usize,
    /// The same in any case.
    id_any_case: usize,
    en_any_case: usize,
    /// A Malay spelling of a common word ("bahawa", "kerana"), not in capitals.
    malay: bool,
    /// A word Indonesian shares with Malay but uses less ("ialah", "beliau"), not in capitals.
    malay_ish: bool,
    /// Words Malay spells differently or does not use ("bahwa", "karena", "pemerintah"),
    /// not in capitals.
    indonesian_only: usize,
}

/// The longest word of the lists below.
const LONGEST_LISTED: usize = 10;

impl Counts {
    fn of(parts: &[&str]) -> Counts {
        let mut c = Counts::default();
        for part in parts {
            if part.is_ascii() {
                for word in part.as_bytes().split(|b| !b.is_ascii_alphabetic()) {
                    if !word.is_empty() {
                        c.ascii_word(word);
                    }
                }
                continue;
            }
            for word in part.split(|ch: char| !ch.is_alphabetic()) {
                if word.is_ascii() {
                    if !word.is_empty() {
                        c.ascii_word(word.as_bytes());
                    }
                } else {
                    c.words += 1;
                    c.letters += word.chars().count();
                }
            }
        }
        c
    }

    /// Counts one word of ASCII letters.
    fn ascii_word(&mut self, word: &[u8]) {
        self.words += 1;
        self.letters += word.len();
        if word.len() > LONGEST_LISTED {
            return;
        }
        let mut buf = [0u8; LONGEST_LISTED];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word);
        lower.make_ascii_lowercase();
        let (id, en) = (indonesian_common(lower), english_common(lower));
        self.id_any_case += usize::from(id);
        self.en_any_case += usize::from(en);
        if word.len() >= 2 && !word.iter().any(u8::is_ascii_lowercase) {
            return;
        }
        self.malay |= malay_spelling(lower);
        self.malay_ish |= malay_leaning(lower);
        self.indonesian_only += usize::from(indonesian_only(lower));
        self.id += usize::from(id);
        self.en += usize::from(en);
    }

    /// True when the sample may be Malay: a Malay spelling, or a word Malay prefers and no
    /// word only Indonesian uses.
    fn maybe_malay(&self) -> bool {
        self.malay || (self.malay_ish && self.indonesian_only == 0)
    }

    /// The cheap verdict for the common case: news text whose commonest words are plainly
    /// Indonesian (and shows no Malay marker) or plainly English. `None` sends the text to
    /// the statistical detector (Malay, other languages, short or mixed text). This keeps the
    /// detector, the slowest step of an import, off most articles.
    fn clear_case(&self) -> Option<Language> {
        let Counts { words, id, en, .. } = *self;
        if self.maybe_malay() || words < 30 {
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
}

/// Malay spellings of common words (Indonesian "bahwa", "karena", "setelah", "saja",
/// "yaitu"): when one appears, the detector decides.
fn malay_spelling(w: &[u8]) -> bool {
    matches!(w, b"bahawa" | b"kerana" | b"selepas" | b"sahaja" | b"iaitu")
}

/// Words far more frequent in Malay than in Indonesian, but Indonesian too: when one appears
/// and no [`indonesian_only`] word does, the detector decides.
fn malay_leaning(w: &[u8]) -> bool {
    matches!(w, b"ialah" | b"daripada" | b"kerajaan" | b"beliau")
}

/// Words of Indonesian that Malay spells differently or does not use.
fn indonesian_only(w: &[u8]) -> bool {
    matches!(
        w,
        b"bahwa"
            | b"karena"
            | b"yaitu"
            | b"bisa"
            | b"pemerintah"
            | b"uang"
            | b"kantor"
            | b"polisi"
            | b"kepolisian"
            | b"kabupaten"
            | b"provinsi"
            | b"mobil"
            | b"nggak"
            | b"enggak"
            | b"banget"
    )
}

/// The commonest Indonesian words (lower case).
fn indonesian_common(w: &[u8]) -> bool {
    matches!(
        w,
        b"yang"
            | b"dan"
            | b"di"
            | b"ini"
            | b"itu"
            | b"dengan"
            | b"untuk"
            | b"dari"
            | b"dalam"
            | b"tidak"
            | b"akan"
            | b"pada"
            | b"ke"
            | b"ada"
            | b"oleh"
            | b"juga"
            | b"adalah"
            | b"karena"
            | b"atau"
            | b"sudah"
            | b"bahwa"
            | b"mereka"
            | b"kata"
            | b"para"
            | b"telah"
            | b"bisa"
            | b"saat"
            | b"lebih"
            | b"kami"
            | b"kita"
            | b"tersebut"
            | b"sebagai"
            | b"menjadi"
    )
}

/// The commonest English words (lower case).
fn english_common(w: &[u8]) -> bool {
    matches!(
        w,
        b"the"
            | b"of"
            | b"and"
            | b"to"
            | b"in"
            | b"is"
            | b"that"
            | b"for"
            | b"on"
            | b"was"
            | b"with"
            | b"as"
            | b"by"
            | b"at"
            | b"it"
            | b"from"
            | b"are"
            | b"be"
            | b"has"
            | b"have"
            | b"said"
            | b"an"
            | b"will"
            | b"this"
            | b"not"
            | b"but"
            | b"its"
            | b"their"
            | b"were"
            | b"which"
            | b"after"
            | b"who"
    )
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
        // Page script before the article: the start alone decides nothing; the longer stretch
        // is plainly Indonesian.
        let script = "var google_conversion_id = 835791977; var google_custom_params = window.google_tag_params; fbq('init', '2335665099992855'); fbq('track', 'PageView'); ".repeat(5);
        let article = "Menurut data DailySocial, masyarakat Indonesia saat ini semakin terbiasa dan nyaman dengan layanan yang tersedia, dan lebih dari 63% di antara mereka adalah pengguna layanan pemesanan taksi melalui aplikasi. Memesan taksi dengan beberapa sentuhan jari memang sudah menjadi gaya hidup masyarakat yang tinggal di kota besar. ".repeat(4);
        assert_eq!(
            detect("dailysocial.id", &format!("{script}\n\n{article}")),
            Language::Indonesian
        );
    }

    #[test]
    fn words_malay_prefers_need_no_detector_beside_indonesian_only_words() {
        let formal = "Menteri itu mengatakan bahwa beliau akan datang ke kantor gubernur pada hari Senin untuk membahas anggaran yang telah disetujui oleh dewan dan para pejabat daerah dalam rapat yang berlangsung selama dua hari di ibu kota provinsi";
        assert_eq!(
            Counts::of(&[formal]).clear_case(),
            Some(Language::Indonesian)
        );
        // Without a word only Indonesian uses, "beliau" still sends the text to the detector.
        let plain = formal
            .replace("bahwa ", "")
            .replace("kantor", "rumah")
            .replace("provinsi", "negeri");
        assert_eq!(Counts::of(&[plain.as_str()]).clear_case(), None);
        // A Malay spelling always does.
        let malay = formal.replace("bahwa", "bahawa");
        assert_eq!(Counts::of(&[malay.as_str()]).clear_case(), None);
    }
}
