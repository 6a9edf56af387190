//! Every format an analyst holds, read from a fixture made by a library that writes such
//! files (`tests/fixtures/formats/make.py`): how many articles, their titles, dates, outlets
//! and texts.

use pantau::ingest::{IngestOptions, read_file};
use pantau::model::{DateSource, Language};
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

fn read(name: &str) -> pantau::ingest::ImportedFile {
    read_file(&fixture(name), &IngestOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

const RUSIA: &str = "Rusia kecam serangan di Suriah";
const JEPANG: &str = "Jepang dan Amerika Serikat bahas perdagangan";

fn day(a: &pantau::model::ArticleDraft) -> String {
    a.published
        .map(|d| d.date().to_string())
        .unwrap_or_default()
}

#[test]
fn documents_are_one_article_each() {
    let f = read("clipping.docx");
    assert_eq!(f.format.as_str(), "DOCX");
    assert_eq!(f.articles.len(), 1);
    let a = &f.articles[0];
    assert_eq!(a.title, RUSIA);
    assert!(
        a.text.contains("Pemerintah Rusia mengecam") && a.text.contains("PBB"),
        "{}",
        a.text
    );
    assert_eq!(a.language, Language::Indonesian);

    let f = read("clipping.odt");
    assert_eq!(f.format.as_str(), "ODT");
    assert_eq!(f.articles[0].title, JEPANG);
    assert!(f.articles[0].text.contains("ASEAN"));

    // RTF written by pandoc: its Unicode escapes read as characters.
    let f = read("clipping.rtf");
    assert_eq!(f.format.as_str(), "RTF");
    assert_eq!(f.articles.len(), 1);
    assert_eq!(f.articles[0].title, JEPANG);
    assert!(
        f.articles[0]
            .text
            .contains("naik \u{201c}tajam\u{201d}, kata café di São Paulo")
            && !f.articles[0].text.contains("Helvetica"),
        "{}",
        f.articles[0].text
    );
}

#[test]
fn spreadsheets_read_every_sheet_with_dates_as_dates() {
    for name in ["monitoring.xlsx", "monitoring.xls", "monitoring.ods"] {
        let f = read(name);
        assert_eq!(f.format.as_str(), "spreadsheet", "{name}");
        assert_eq!(f.articles.len(), 2, "{name}: {:?}", f.warnings);
        let (a, b) = (&f.articles[0], &f.articles[1]);
        assert_eq!(
            (a.title.as_str(), a.source.as_str()),
            (RUSIA, "Kompas"),
            "{name}"
        );
        assert_eq!(b.source, "Tempo", "{name}");
        assert_eq!(
            a.published.map(|d| d.to_string()).as_deref(),
            Some("2021-05-03 09:30:00"),
            "{name}"
        );
        assert_eq!(a.date_source, DateSource::Metadata, "{name}");
        assert!(a.text.contains("Turki"), "{name}");
    }
    // The second sheet of the XLSX has no title or text column: said so.
    let f = read("monitoring.xlsx");
    assert!(
        f.warnings
            .iter()
            .any(|w| w.contains("Catatan") && w.contains("no title or text column")),
        "{:?}",
        f.warnings
    );
}

#[test]
fn mails_are_articles_from_their_list() {
    let f = read("alert.eml");
    assert_eq!(f.format.as_str(), "mail");
    let a = &f.articles[0];
    assert_eq!(a.title, RUSIA);
    assert_eq!(a.source, "Buletin Diplomasi", "the list's name");
    assert_eq!(
        a.published.map(|d| d.to_string()).as_deref(),
        Some("2021-05-03 08:00:00")
    );
    assert!(a.text.contains("Pemerintah Rusia"), "{}", a.text);
    assert!(
        !a.text.contains("Langganan"),
        "the HTML part went through the extractor: {}",
        a.text
    );

    let f = read("newsletters.mbox");
    assert_eq!(f.format.as_str(), "MBOX");
    assert_eq!(f.articles.len(), 2);
    assert_eq!(f.articles[1].title, JEPANG);
    assert_eq!(day(&f.articles[1]), "2021-05-04");
}

#[test]
fn web_archives_give_their_html_pages() {
    for name in ["crawl.warc", "crawl.warc.gz"] {
        let f = read(name);
        assert_eq!(
            f.articles.len(),
            2,
            "{name}: only the two HTML pages with status 200: {:?}",
            f.warnings
        );
        let (a, b) = (&f.articles[0], &f.articles[1]);
        assert_eq!(a.title, RUSIA, "{name}");
        assert_eq!(a.url, "https://berita.contoh.id/2021/05/03/rusia", "{name}");
        assert_eq!(
            (day(a).as_str(), a.date_source),
            ("2021-05-03", DateSource::Metadata),
            "{name}"
        );
        // No date of its own: the capture date, said so.
        assert_eq!(
            (day(b).as_str(), b.date_source),
            ("2021-05-06", DateSource::Capture),
            "{name}"
        );
        assert!(!a.text.contains("Beranda"), "{name}: {}", a.text);
    }
}

#[test]
fn archives_are_read_inside() {
    let f = read("clippings.zip");
    assert_eq!(f.format.as_str(), "ZIP");
    assert_eq!(f.articles.len(), 2, "{:?}", f.warnings);
    let paths: Vec<String> = f
        .articles
        .iter()
        .map(|a| a.path.display().to_string())
        .collect();
    assert!(
        paths[0].ends_with("clippings.zip!/mei/rusia.html"),
        "{paths:?}"
    );
    assert!(
        paths[1].ends_with("clippings.zip!/mei/jepang.txt"),
        "{paths:?}"
    );
    assert_eq!(f.articles[1].title, JEPANG);
    assert!(
        f.warnings
            .iter()
            .any(|w| w.starts_with("mei/logo.png") && w.contains("binary")),
        "{:?}",
        f.warnings
    );
    assert!(!f.warnings.iter().any(|w| w.contains("MACOSX")));

    let f = read("feed.json.gz");
    assert_eq!(f.articles.len(), 1);
    assert_eq!(f.articles[0].title, RUSIA);
    assert!(
        f.articles[0]
            .path
            .display()
            .to_string()
            .ends_with("feed.json.gz!/feed.json")
    );
}

#[test]
fn records_of_tools_keep_their_fields() {
    // news-please: the body is `maintext` (not the description), with its date, outlet and
    // language.
    let f = read("news-please.json");
    let a = &f.articles[0];
    assert!(
        a.text.contains("Menteri luar negeri Turki") && a.text.contains("ASEAN"),
        "{}",
        a.text
    );
    assert_eq!(
        a.published.map(|d| d.to_string()).as_deref(),
        Some("2021-05-03 09:30:00")
    );
    assert_eq!(a.source, "berita.contoh.id");
    assert_eq!((a.language, a.language_given), (Language::Indonesian, true));
    assert_eq!(a.byline, "Rina");

    // NewsAPI: the outlet from source.name, the cut text marked in the report.
    let f = read("newsapi.json");
    assert_eq!(f.articles.len(), 2);
    let a = &f.articles[0];
    assert_eq!(a.source, "Contoh News");
    assert_eq!(day(a), "2021-05-03");
    assert!(
        !a.text.contains("chars]") && a.text.ends_with("released late on"),
        "{}",
        a.text
    );
    assert!(
        f.warnings
            .iter()
            .any(|w| w.contains("cut short") && w.contains("2345")),
        "{:?}",
        f.warnings
    );
    // The cut is kept on the article, with its author.
    assert_eq!((a.missing_chars, a.byline.as_str()), (Some(2345), "R"));
    // Its second record has no content: the description is the text.
    assert_eq!(f.articles[1].text, "Tokyo hosted talks.");
    assert_eq!(f.articles[1].missing_chars, None);

    // GDELT's article list: titles only, flagged.
    let f = read("gdelt-artlist.json");
    assert_eq!(f.articles.len(), 2);
    assert_eq!(f.articles[0].source, "a.example");
    assert_eq!(day(&f.articles[0]), "2021-05-03");
    assert_eq!(f.articles[0].language, Language::English);
    assert!(
        f.warnings
            .iter()
            .any(|w| w.contains("2 records have a title and no text")),
        "{:?}",
        f.warnings
    );

    // trafilatura's XML and XML-TEI, written by trafilatura itself.
    for name in ["trafilatura.xml", "trafilatura-tei.xml"] {
        let f = read(name);
        assert_eq!(f.format.as_str(), "trafilatura XML", "{name}");
        let a = &f.articles[0];
        assert_eq!(a.title, RUSIA, "{name}");
        assert_eq!(
            (a.source.as_str(), a.byline.as_str(), a.url.as_str()),
            (
                "Berita Contoh",
                "Rina Contoh",
                "https://berita.contoh.id/2021/05/03/rusia"
            ),
            "{name}"
        );
        assert_eq!(day(a), "2021-05-03", "{name}: not the download date");
        assert!(
            a.text.starts_with("Moskow - Pemerintah Rusia") && a.text.contains("PBB"),
            "{name}: {}",
            a.text
        );
    }

    // trafilatura: `source` is the page's address; the outlet is its host name field.
    let f = read("trafilatura.json");
    let a = &f.articles[0];
    assert_eq!(a.source, "Berita Contoh");
    assert_eq!(a.url, "https://berita.contoh.id/jepang");
    assert!(a.text.contains("ASEAN"));
}

#[test]
fn long_text_in_a_field_no_one_reads_is_reported() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("export.json");
    let body = "Rusia dan Turki bertemu. ".repeat(30);
    std::fs::write(
        &path,
        serde_json::json!([{"title": "Judul", "summary": "Pendek.", "body_html": body}])
            .to_string(),
    )
    .expect("write");
    let f = read_file(&path, &IngestOptions::default()).expect("read");
    assert!(
        f.warnings
            .iter()
            .any(|w| w.contains("body_html") && w.contains("not read")),
        "{:?}",
        f.warnings
    );
}

#[test]
fn news_database_exports_are_split_into_articles() {
    for name in ["nexis-uni.txt", "nexis-uni.docx", "nexis-uni.rtf"] {
        let f = read(name);
        assert_eq!(
            f.articles.len(),
            3,
            "{name}: the cover page is no article: {:?}",
            f.warnings
        );
        let a = &f.articles[0];
        assert_eq!(a.title, "Russia condemns strikes in Syria", "{name}");
        assert_eq!(a.source, "The Contoh Times", "{name}");
        assert_eq!(day(a), "2021-05-03", "{name}");
        assert!(
            a.text.starts_with("Moscow - Russia condemned"),
            "{name}: {}",
            a.text
        );
        assert!(
            !a.text.contains("Classification")
                && !a.text.contains("Load-Date")
                && !a.text.contains("Byline"),
            "{name}: {}",
            a.text
        );
        assert!(
            !f.articles
                .iter()
                .any(|a| a.text.contains("Job Number") || a.title.contains("Search Terms")),
            "{name}"
        );
        assert_eq!(
            (a.byline.as_str(), a.section.as_str(), a.stated_words),
            ("Rina Contoh", "WORLD", Some(40)),
            "{name}"
        );
        assert_eq!(f.articles[2].title, "ASEAN meets in Jakarta", "{name}");
        assert_eq!(day(&f.articles[2]), "2021-05-05", "{name}");
    }
    let f = read("lexisnexis-academic.txt");
    assert_eq!(f.articles.len(), 2, "{:?}", f.warnings);
    assert_eq!(f.articles[1].title, "Japan and US discuss trade");
    assert_eq!(f.articles[1].source, "Contoh Daily");
    assert_eq!(day(&f.articles[1]), "2021-05-04");
    assert!(
        f.articles[1].text.contains("steel tariffs") && !f.articles[1].text.contains("LOAD-DATE")
    );

    for name in [
        "factiva.txt",
        "factiva.rtf",
        "factiva.html",
        "factiva-indexed.html",
        "factiva-indexed.txt",
    ] {
        let f = read(name);
        assert_eq!(
            f.articles.len(),
            2,
            "{name}: the search summary is no article"
        );
        let a = &f.articles[0];
        assert_eq!(a.title, "Russia condemns strikes in Syria", "{name}");
        assert_eq!(a.source, "Contoh Wire", "{name}");
        assert_eq!(day(a), "2021-05-03", "{name}");
        assert_eq!(a.source_id, "CTW0000020210503eh5300001", "{name}");
        assert!(
            a.text.starts_with("MOSCOW, May 3") && !a.text.contains("(c) 2021"),
            "{name}: {}",
            a.text
        );
        assert!(
            a.text.contains("Turkey called for talks")
                && !a.text.contains("Domestic Politics")
                && !a.text.contains("Document"),
            "{name}: {}",
            a.text
        );
        assert_eq!(f.articles[1].source, "Contoh Daily", "{name}");
        assert_eq!(day(&f.articles[1]), "2021-05-04", "{name}");
        assert_eq!(
            (a.byline.as_str(), a.stated_words),
            ("Rina Contoh", Some(412)),
            "{name}"
        );
        assert_eq!(f.articles[1].byline, "", "{name}");
    }
    assert_eq!(read("factiva.html").format.as_str(), "Factiva HTML");
    let f = read("factiva.txt");
    assert_eq!(f.format.as_str(), "Factiva");
    let a = &f.articles[0];
    assert_eq!(
        (a.title.as_str(), a.source.as_str()),
        ("Russia condemns strikes in Syria", "Contoh Wire")
    );
    assert_eq!(day(a), "2021-05-03");
    assert_eq!(a.source_id, "CTW0000020210503eh5300001");
    assert!(
        a.text.starts_with("MOSCOW, May 3") && !a.text.contains("(c) 2021"),
        "{}",
        a.text
    );
    assert_eq!(f.articles[1].source, "Contoh Daily");
}

#[test]
fn pdfs_with_a_text_layer_and_scans() {
    let f = read("clipping.pdf");
    assert_eq!(f.format.as_str(), "PDF");
    let a = &f.articles[0];
    assert_eq!(a.title, RUSIA);
    assert!(
        a.text.contains("Pemerintah Rusia mengecam") && a.text.contains("PBB"),
        "{}",
        a.text
    );
    let err = read_file(&fixture("scanned.pdf"), &IngestOptions::default()).expect_err("a scan");
    assert!(
        err.to_string().contains("scanned PDF: no text layer"),
        "{err}"
    );
}

#[test]
fn the_user_maps_fields_for_one_import() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("export.jsonl");
    std::fs::write(
        &path,
        "{\"headline_id\": \"Rusia dan Turki\", \"summary\": \"Pendek.\", \"body_html\": \"Isi lengkap tentang Suriah.\", \"meta\": {\"published\": \"2021-05-03\"}}\n",
    )
    .expect("write");
    let plain = read_file(&path, &IngestOptions::default()).expect("read");
    assert_eq!(plain.articles[0].text, "Pendek.");
    let mut options = IngestOptions::default();
    for spec in ["text=body_html", "title=headline_id", "date=meta.published"] {
        options.fields.add(spec).expect(spec);
    }
    let mapped = read_file(&path, &options).expect("read");
    let a = &mapped.articles[0];
    assert_eq!(
        (a.title.as_str(), a.text.as_str()),
        ("Rusia dan Turki", "Isi lengkap tentang Suriah.")
    );
    assert_eq!(day(a), "2021-05-03");
    // The same mapping for a CSV file's columns.
    let csv = dir.path().join("export.csv");
    std::fs::write(
        &csv,
        "headline_id,summary,body_html\nRusia,Pendek.,Isi lengkap.\n",
    )
    .expect("write");
    let a = &read_file(&csv, &options).expect("csv").articles[0];
    assert_eq!(
        (a.title.as_str(), a.text.as_str()),
        ("Rusia", "Isi lengkap.")
    );
    let mut bad = IngestOptions::default();
    assert!(
        bad.fields
            .add("body=x")
            .expect_err("no such field")
            .contains("not an article field")
    );
    assert!(bad.fields.add("text").is_err());
}

#[test]
fn saved_pages_and_tar_archives() {
    let f = read("saved-page.mhtml");
    assert_eq!(f.format.as_str(), "MHTML");
    let a = &f.articles[0];
    assert_eq!(a.title, JEPANG);
    assert_eq!(a.url, "https://berita.contoh.id/2021/05/04/jepang-amerika");
    assert_eq!(day(a), "2021-05-04");
    assert!(
        a.text.contains("ASEAN") && !a.text.contains("Beranda"),
        "{}",
        a.text
    );

    let f = read("crawl.tar.gz");
    assert_eq!(f.articles.len(), 2, "{:?}", f.warnings);
    let paths: Vec<String> = f
        .articles
        .iter()
        .map(|a| a.path.display().to_string())
        .collect();
    assert!(
        paths[0].ends_with("crawl.tar.gz!/crawl.tar!/crawl/rusia.html"),
        "{paths:?}"
    );
    assert_eq!(f.articles[0].title, RUSIA);
    assert_eq!(f.articles[1].title, JEPANG);
}

#[test]
fn bzip2_xz_and_zstandard_are_read_inside() {
    let f = read("feed.json.bz2");
    assert_eq!(f.articles.len(), 1, "{:?}", f.warnings);
    assert_eq!(f.articles[0].title, RUSIA);
    assert!(
        f.articles[0]
            .path
            .display()
            .to_string()
            .ends_with("feed.json.bz2!/feed.json")
    );
    let f = read("jepang.html.xz");
    assert_eq!(f.articles.len(), 1, "{:?}", f.warnings);
    assert_eq!(f.articles[0].title, JEPANG);
    assert_eq!(day(&f.articles[0]), "2021-05-04");
    let f = read("crawl.tar.zst");
    assert_eq!(f.articles.len(), 2, "{:?}", f.warnings);
    assert!(
        f.articles[0]
            .path
            .display()
            .to_string()
            .ends_with("crawl.tar.zst!/crawl.tar!/crawl/rusia.html"),
        "{}",
        f.articles[0].path.display()
    );
    assert_eq!(f.articles[1].title, JEPANG);
}
