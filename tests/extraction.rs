//! The HTML extractor on pages made for its known weak spots (`tests/fixtures/extraction`,
//! written by its `make.py`): an ASP.NET page in one form, a lead in the article's header, a
//! paywall box, "Related coverage", readers' comments, product reviews, a date only on a
//! visible `itemprop` element, a Spanish date, a UTC time late in the evening, a title with
//! section and site. Each page's main text, title and day are checked, and the words of the
//! furniture must be gone (their actors belong to other stories).

use pantau::ingest::html::parse_html;
use std::path::{Path, PathBuf};

fn pages() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extraction")
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Word F1 of `got` against `want` (multisets).
fn f1(want: &str, got: &str) -> f64 {
    let (w, g) = (words(want), words(got));
    let mut rest = g.clone();
    let mut common = 0;
    for x in &w {
        if let Some(i) = rest.iter().position(|y| y == x) {
            rest.swap_remove(i);
            common += 1;
        }
    }
    let (p, r) = (
        common as f64 / g.len().max(1) as f64,
        common as f64 / w.len().max(1) as f64,
    );
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[test]
fn pages_with_furniture_give_their_text_title_and_day() {
    let mut names: Vec<PathBuf> = std::fs::read_dir(pages())
        .expect("pages")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    names.sort();
    assert_eq!(names.len(), 10);
    for dir in names {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let source = std::fs::read_to_string(dir.join("source.html")).expect("source");
        let want = std::fs::read_to_string(dir.join("expected.txt")).expect("expected");
        let meta: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join("expected-metadata.json")).expect("meta"),
        )
        .expect("json");
        let a = parse_html(&source).unwrap_or_else(|e| panic!("{name}: {e}"));
        let score = f1(&want, &a.text);
        assert!(score >= 0.95, "{name}: F1 {score:.3}\n{}", a.text);
        assert_eq!(Some(a.title.as_str()), meta["title"].as_str(), "{name}");
        let day = a.published.map(|d| d.date().to_string());
        assert_eq!(
            day.as_deref(),
            meta["publishedTime"].as_str().and_then(|t| t.get(..10)),
            "{name}"
        );
    }
}

#[test]
fn teasers_comments_reviews_and_paywalls_leave_no_words() {
    for (page, gone) in [
        ("related-coverage", ["north", "korean", "brazil"].as_slice()),
        ("comments", &["iran", "lebanon", "saudi"]),
        ("product-reviews", &["germany", "france", "stars"]),
        ("paywall", &["subscribe", "unlimited"]),
        ("aspnet-form", &["cari", "kontak"]),
    ] {
        let source =
            std::fs::read_to_string(pages().join(page).join("source.html")).expect("source");
        let a = parse_html(&source).expect("page");
        let got = words(&a.text);
        for w in gone {
            assert!(
                !got.iter().any(|g| g == w),
                "{page}: {w:?} kept:\n{}",
                a.text
            );
        }
    }
    // The lead in the article's header is text.
    let source =
        std::fs::read_to_string(pages().join("header-lead").join("source.html")).expect("source");
    let a = parse_html(&source).expect("page");
    assert!(a.text.starts_with("Moskow menilai"), "{}", a.text);
}

#[test]
fn a_date_after_tomorrow_in_the_first_lines_is_no_publication_date() {
    let text =
        "Target emisi nol\n\nPemerintah menargetkan emisi nol pada 1 Januari 2060, kata menteri.\n";
    let f = pantau::ingest::read_bytes(Path::new("target.txt"), text.as_bytes()).expect("reads");
    assert_eq!(f.articles[0].published, None);
    let text =
        "Target emisi nol\n\nJakarta, 3 Mei 2021 - Pemerintah menargetkan emisi nol pada 2060.\n";
    let f = pantau::ingest::read_bytes(Path::new("target.txt"), text.as_bytes()).expect("reads");
    assert_eq!(
        f.articles[0]
            .published
            .map(|d| d.date().to_string())
            .as_deref(),
        Some("2021-05-03")
    );
}
