//! One importer per format behind one small trait, and the one registry of them.
//!
//! A file's format is decided in two stages. First, from its raw bytes: importers of binary
//! and container formats (ZIP-based documents and spreadsheets, archives, mail, web archives)
//! claim a file by its magic numbers, its ZIP contents or its first line, before any text
//! decoding (decoding first refused them as binary). Then, for a file no one claimed, from its
//! decoded text ([`super::format::detect`]: extension, then content), for the text formats.
//! Adding a format is one file with an `impl Importer` and one line in [`IMPORTERS`].

use super::error::IngestErrorKind;
use super::{Format, IngestOptions};
use crate::model::ArticleDraft;
use std::path::{Path, PathBuf};

/// A file (or a file inside an archive) to read.
pub struct Source<'a> {
    /// Its path as reports name it (`news.zip!/2020/page.html` inside an archive).
    pub path: &'a Path,
    /// Its bytes.
    pub bytes: &'a [u8],
    /// Its decoded text, for the importers of text formats (`None` for those that read
    /// bytes).
    pub text: Option<&'a str>,
    /// How many archives it sits in (0 for a file on disk).
    pub depth: usize,
    /// The import's limits.
    pub options: &'a IngestOptions,
}

impl Source<'_> {
    /// The decoded text (text formats are only called with it).
    pub fn text(&self) -> &str {
        self.text.unwrap_or_default()
    }
}

/// What an importer read from a file.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The articles (dates and languages are completed afterwards).
    pub articles: Vec<ArticleDraft>,
    /// Problems that did not stop the file.
    pub warnings: Vec<String>,
}

impl Parsed {
    /// One article.
    pub fn one(article: ArticleDraft) -> Parsed {
        Parsed {
            articles: vec![article],
            warnings: Vec::new(),
        }
    }
}

/// What the byte stage knows of a file.
pub struct Probe<'a> {
    /// The file.
    pub path: &'a Path,
    /// Its extension, lower case ("" when none).
    pub ext: &'a str,
    /// Its bytes.
    pub bytes: &'a [u8],
}

/// One format's reader.
pub trait Importer: Sync {
    /// The format it reads.
    fn format(&self) -> Format;

    /// True when it reads this file from its bytes, before (and instead of) text decoding.
    /// Importers of text formats leave it false: [`super::format::detect`] picks them.
    fn claims(&self, _probe: &Probe<'_>) -> bool {
        false
    }

    /// True when it reads this decoded text file (a text format of its own, such as a news
    /// database's export), before the built-in text formats are tried.
    fn claims_text(&self, _probe: &Probe<'_>, _text: &str) -> bool {
        false
    }

    /// True for markup formats (HTML, XML) whose nesting is checked before they are parsed.
    fn is_markup(&self) -> bool {
        false
    }

    /// Reads the file.
    fn read(&self, src: &Source<'_>) -> Result<Parsed, IngestErrorKind>;
}

/// Every importer. The byte stage asks them in this order; the text formats are found by
/// their [`Format`].
pub static IMPORTERS: &[&dyn Importer] = &[
    &super::pdf::Pdf,
    &super::office::Docx,
    &super::office::Odt,
    &super::sheet::Spreadsheet,
    &super::rtf::Rtf,
    &super::mail::Mhtml,
    &super::mail::Mbox,
    &super::mail::Eml,
    &super::warc::Warc,
    &super::archive::Zip,
    &super::archive::GZIP,
    &super::archive::BZIP2,
    &super::archive::XZ,
    &super::archive::ZSTD,
    &super::archive::Tar,
    &super::newsdb::Nexis,
    &super::newsdb::Factiva,
    &super::newsdb::FactivaHtml,
    &super::trafilatura::TrafilaturaXml,
    &super::text::TextImporter,
    &super::html::HtmlImporter,
    &super::feed::FeedImporter,
    &super::records::JsonImporter,
    &super::records::JsonlImporter,
    &super::records::CsvImporter,
];

/// The importer that claims a file from its bytes, if any.
pub fn by_bytes(probe: &Probe<'_>) -> Option<&'static dyn Importer> {
    IMPORTERS.iter().copied().find(|i| i.claims(probe))
}

/// The importer that claims a decoded text file, if any.
pub fn by_text(probe: &Probe<'_>, text: &str) -> Option<&'static dyn Importer> {
    IMPORTERS
        .iter()
        .copied()
        .find(|i| i.claims_text(probe, text))
}

/// The importer of a format.
pub fn by_format(format: Format) -> Option<&'static dyn Importer> {
    IMPORTERS.iter().copied().find(|i| i.format() == format)
}

/// The path a file inside an archive has in reports: `outer!/inner`.
pub fn inner_path(outer: &Path, inner: &str) -> PathBuf {
    PathBuf::from(format!(
        "{}!/{}",
        outer.display(),
        inner.trim_start_matches('/')
    ))
}

/// The lower-case extension of a path ("" when none).
pub fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_has_one_importer() {
        let mut names: Vec<&str> = IMPORTERS.iter().map(|i| i.format().as_str()).collect();
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), n, "{names:?}");
        for f in [
            Format::Text,
            Format::Html,
            Format::Feed,
            Format::Json,
            Format::Jsonl,
            Format::Csv,
        ] {
            assert!(by_format(f).is_some(), "{f}");
        }
    }
}
