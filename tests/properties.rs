//! Property tests (proptest): the importers and the tagger never panic, whatever the input,
//! and the tagger's mentions always point at the text they claim. A short run by default;
//! `PROPTEST_CASES=100000 cargo test --release --test properties` for a long one.

use pantau::ingest::read_bytes;
use pantau::model::Language;
use pantau::tagging::{Dictionary, Matcher, MatcherOptions};
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| {
        let dict = Dictionary::builtin().expect("dictionary");
        Matcher::new(
            &dict,
            MatcherOptions {
                include_places: true,
            },
        )
        .expect("matcher")
    })
}

/// Text that looks like news: actor names, clitics, hyphens, odd spaces and case, any Unicode.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Rusia".to_string()),
        Just("Amerika Serikat".to_string()),
        Just("AS".to_string()),
        Just("U.S.".to_string()),
        Just("TÜRKIYE".to_string()),
        Just("Observatorium Suriah untuk Hak Asasi Manusia".to_string()),
        Just("nya".to_string()),
        Just("-".to_string()),
        Just("\u{a0}".to_string()),
        Just("\n".to_string()),
        Just("’s".to_string()),
        Just("İ".to_string()),
        "[a-zA-Z ]{0,8}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.join(" "))
}

const EXTENSIONS: [&str; 10] = [
    "txt", "html", "xml", "rss", "json", "jsonl", "csv", "tsv", "md", "dat",
];

proptest! {

    #[test]
    fn importers_never_panic_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048), ext in 0..EXTENSIONS.len()) {
        let path = format!("fuzz.{}", EXTENSIONS[ext]);
        let _ = read_bytes(Path::new(&path), &bytes);
    }

    #[test]
    fn importers_never_panic_on_near_valid_input(
        body in newsish(),
        wrapper in 0..6usize,
        cut in 0..400usize,
    ) {
        let doc = match wrapper {
            0 => format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item><title>{body}</title><description>{body}</description><pubDate>{body}</pubDate></item></channel></rss>"),
            1 => format!("<html><head><meta property=\"article:published_time\" content=\"{body}\"><title>{body}</title></head><body><p>{body}</p></body></html>"),
            2 => format!("[{{\"title\": {body:?}, \"text\": {body:?}, \"date\": {body:?}}}]"),
            3 => format!("title,text,date\n\"{body}\",{body},{body}\n"),
            4 => format!("{{\"title\": {body:?}}}\n{body}\n"),
            _ => format!("outlet - {body}\n\nsumber: {body}\n"),
        };
        let ext = ["rss", "html", "json", "csv", "jsonl", "txt"][wrapper];
        let cut = doc.len().saturating_sub(cut);
        let _ = read_bytes(Path::new(&format!("near.{ext}")), &doc.as_bytes()[..cut]);
        let _ = read_bytes(Path::new(&format!("near.{ext}")), doc.as_bytes());
    }

    #[test]
    fn mentions_point_at_what_they_matched(text in newsish(), lang in 0..3usize) {
        let language = [Language::Indonesian, Language::English, Language::Other][lang];
        let mentions = matcher().find(&text, language);
        let chars: Vec<char> = text.chars().collect();
        let mut last_end = 0;
        for m in &mentions {
            prop_assert!(m.start_char < m.end_char && m.end_char <= chars.len());
            prop_assert!(m.start_char >= last_end, "overlap or disorder: {mentions:?}");
            last_end = m.end_char;
            let slice: String = chars[m.start_char..m.end_char].iter().collect();
            prop_assert_eq!(&slice, &m.matched_text);
        }
    }
}
