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

/// The format fixtures (each made by a library that writes such files).
fn format_fixtures() -> &'static [(String, Vec<u8>)] {
    static F: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    F.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats");
        let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
            .expect("fixtures")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e != "py"))
            .map(|p| {
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                (name, std::fs::read(&p).expect("read"))
            })
            .collect();
        out.sort();
        out
    })
}

/// Magic numbers and first lines the byte-level importers claim files by.
const MAGICS: [&[u8]; 11] = [
    b"PK\x03\x04",
    b"%PDF-1.7\n",
    b"WARC/1.0\r\n",
    b"From a@b Mon Jan  1 00:00:00 2021\nFrom: a\nSubject: s\n\n",
    b"\x1f\x8b\x08\x00",
    b"BZh9",
    b"\xfd7zXZ\0",
    b"\x28\xb5\x2f\xfd",
    b"{\\rtf1\\ansi ",
    b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
    b"From: a@b\nSubject: s\nDate: Mon, 3 May 2021 10:00:00 +0700\n\n",
];

proptest! {

    /// Every importer that reads bytes, fed a real file of its format with bytes changed or
    /// cut, gives articles or an error, never a panic.
    #[test]
    fn format_importers_never_panic_on_damaged_files(
        which in 0..64usize,
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..12),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let files = format_fixtures();
        let (name, bytes) = &files[which % files.len()];
        let mut bytes = bytes.clone();
        for (at, b) in flips {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len() + 1));
        }
        let _ = read_bytes(Path::new(name), &bytes);
    }

    /// Random bytes after a magic number.
    #[test]
    fn format_importers_never_panic_on_random_bytes(
        magic in 0..MAGICS.len(),
        tail in prop::collection::vec(any::<u8>(), 0..2048),
        ext in prop::sample::select(vec!["docx", "xlsx", "xls", "pdf", "warc", "eml", "mbox", "gz", "bz2", "xz", "zst", "rtf", "zip", "bin"]),
    ) {
        let bytes = [MAGICS[magic], &tail].concat();
        let _ = read_bytes(Path::new(&format!("fuzz.{ext}")), &bytes);
    }

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
