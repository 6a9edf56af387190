//! Ingest: article files in, [`ArticleDraft`]s out.
//!
//! [`read_file`] reads one file whatever its format; [`walk::collect_files`] lists the files
//! under folders. Every failure is an [`IngestError`] naming the file and the reason, so an
//! import can report it and go on with the other files.

pub mod dates;
pub mod decode;
pub mod error;
pub mod feed;
pub mod format;
pub mod furniture;
pub mod html;
pub mod importer;
pub mod language;
pub mod records;
pub mod rtf;
pub mod text;
pub mod trafilatura;
pub mod walk;

pub mod archive;
pub mod mail;
pub mod newsdb;
pub mod office;
pub mod pdf;
pub mod sheet;
pub mod warc;

pub use error::{IngestError, IngestErrorKind};
pub use format::Format;
pub use importer::{Importer, Parsed, Source};

use crate::model::{ArticleDraft, DateSource};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Limits and switches for reading files.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Files larger than this many bytes are refused without being read.
    pub max_file_bytes: u64,
    /// The user's choice of record fields for article fields (`--field text=body_html`).
    pub fields: records::FieldMap,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_file_bytes: 64 * 1024 * 1024,
            fields: records::FieldMap::default(),
        }
    }
}

/// One file read into articles.
#[derive(Debug, Clone)]
pub struct ImportedFile {
    /// The file's path.
    pub path: PathBuf,
    /// Its size in bytes.
    pub size_bytes: u64,
    /// A 64-bit hash (XXH3) of its bytes.
    pub content_hash: u64,
    /// The format it was read as.
    pub format: Format,
    /// The articles found in it, dated and language-tagged.
    pub articles: Vec<ArticleDraft>,
    /// Problems that did not stop the file (replaced bytes, skipped records).
    pub warnings: Vec<String>,
}

/// Reads one file: checks its size, decodes it, picks its format, parses it and completes
/// every article (date from text, URL or file name when metadata has none; language).
pub fn read_file(path: &Path, options: &IngestOptions) -> Result<ImportedFile, IngestError> {
    read_file_watched(path, options, &mut |_, _| true)
}

/// How often [`read_file_watched`] reports, in records.
pub const WATCH_EVERY: u64 = 256;

/// [`read_file`] that reports `watch(records done, records in the file)` every
/// [`WATCH_EVERY`] records it completes; when `watch` returns false the read stops with
/// [`IngestErrorKind::Cancelled`].
pub fn read_file_watched(
    path: &Path,
    options: &IngestOptions,
    watch: &mut dyn FnMut(u64, u64) -> bool,
) -> Result<ImportedFile, IngestError> {
    let err = |kind| IngestError::new(path, kind);
    // Opened first, then asked for its size: one path lookup per file, not two.
    let file = std::fs::File::open(path).map_err(|e| err(IngestErrorKind::Io(e)))?;
    let meta = file.metadata().map_err(|e| err(IngestErrorKind::Io(e)))?;
    if meta.is_dir() {
        return Err(err(IngestErrorKind::IsDirectory));
    }
    let size_bytes = meta.len();
    if size_bytes > options.max_file_bytes {
        return Err(err(IngestErrorKind::TooLarge {
            size_bytes,
            limit_bytes: options.max_file_bytes,
        }));
    }
    let mut bytes = Vec::with_capacity(size_bytes as usize);
    file.take(options.max_file_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| err(IngestErrorKind::Io(e)))?;
    if bytes.len() as u64 > options.max_file_bytes {
        return Err(err(IngestErrorKind::TooLarge {
            size_bytes: bytes.len() as u64,
            limit_bytes: options.max_file_bytes,
        }));
    }
    read_bytes_with(path, &bytes, options, watch)
}

/// Reads a file's bytes already in memory (the work of [`read_file`] after the read).
pub fn read_bytes(path: &Path, bytes: &[u8]) -> Result<ImportedFile, IngestError> {
    read_bytes_watched(path, bytes, &mut |_, _| true)
}

/// [`read_bytes`] watched as [`read_file_watched`] is.
pub fn read_bytes_watched(
    path: &Path,
    bytes: &[u8],
    watch: &mut dyn FnMut(u64, u64) -> bool,
) -> Result<ImportedFile, IngestError> {
    read_bytes_with(path, bytes, &IngestOptions::default(), watch)
}

/// [`read_bytes_watched`] with the import's limits (archives read inside keep to them).
pub fn read_bytes_with(
    path: &Path,
    bytes: &[u8],
    options: &IngestOptions,
    watch: &mut dyn FnMut(u64, u64) -> bool,
) -> Result<ImportedFile, IngestError> {
    let err = |kind| IngestError::new(path, kind);
    let content_hash = xxhash_rust::xxh3::xxh3_64(bytes);
    let (format, parsed) = parse_file(path, bytes, 0, options).map_err(err)?;
    let Parsed {
        mut articles,
        warnings,
    } = parsed;
    // Like an HTML page's menus, a news site's furniture is no text of the article (cut
    // silently, as boilerplate is; README lists what is cut).
    for article in &mut articles {
        furniture::strip(article);
    }
    articles.retain(|a| !a.text.trim().is_empty() || !a.title.trim().is_empty());
    if articles.is_empty() {
        let detail = match warnings.first() {
            Some(first) => format!(" ({} records skipped; first: {first})", warnings.len()),
            None => String::new(),
        };
        return Err(err(IngestErrorKind::NoArticles { format, detail }));
    }
    let total = articles.len() as u64;
    if !watch(0, total) {
        return Err(err(IngestErrorKind::Cancelled { done: 0, total }));
    }
    for (i, article) in articles.iter_mut().enumerate() {
        let done = i as u64;
        if done > 0 && done.is_multiple_of(WATCH_EVERY) && !watch(done, total) {
            return Err(err(IngestErrorKind::Cancelled { done, total }));
        }
        if article.path.as_os_str().is_empty() {
            article.path = path.to_path_buf();
        }
        let own = article.path.clone();
        complete_article(article, &own);
    }
    Ok(ImportedFile {
        path: path.to_path_buf(),
        size_bytes: bytes.len() as u64,
        content_hash,
        format,
        articles,
        warnings,
    })
}

/// Reads the articles of a file (or of a file inside an archive, `depth` archives deep) with
/// the importer of its format: one that claims its bytes, else the text format its decoded
/// text has. Dates and languages are not completed yet.
pub(crate) fn parse_file(
    path: &Path,
    bytes: &[u8],
    depth: usize,
    options: &IngestOptions,
) -> Result<(Format, Parsed), IngestErrorKind> {
    if let Some(ext) = format::not_an_article(path) {
        return Err(IngestErrorKind::NotAnArticle(ext));
    }
    let ext = importer::extension(path);
    let probe = importer::Probe {
        path,
        ext: &ext,
        bytes,
    };
    if let Some(reader) = importer::by_bytes(&probe) {
        let parsed = contained(
            reader,
            &Source {
                path,
                bytes,
                text: None,
                depth,
                options,
            },
        )?;
        return Ok((reader.format(), parsed));
    }
    let decoded = decode::decode(bytes)?;
    let mut warnings = Vec::new();
    if decoded.replaced_bytes {
        warnings.push(format!(
            "invalid {} byte sequences replaced with U+FFFD",
            decoded.encoding
        ));
    }
    if decoded.nul_bytes_removed > 0 {
        warnings.push(format!(
            "{} stray NUL bytes removed",
            decoded.nul_bytes_removed
        ));
    }
    let claimed = importer::by_text(&probe, &decoded.text);
    let format = match claimed {
        Some(reader) => reader.format(),
        None => format::detect(path, &decoded.text).ok_or(IngestErrorKind::UnknownFormat)?,
    };
    let reader = importer::by_format(format).ok_or(IngestErrorKind::UnknownFormat)?;
    if reader.is_markup() {
        let depth = format::markup_depth(&decoded.text, format::MAX_MARKUP_DEPTH);
        if depth > format::MAX_MARKUP_DEPTH {
            return Err(IngestErrorKind::TooDeep {
                depth,
                limit: format::MAX_MARKUP_DEPTH,
            });
        }
    }
    let mut parsed = contained(
        reader,
        &Source {
            path,
            bytes,
            text: Some(&decoded.text),
            depth,
            options,
        },
    )?;
    warnings.append(&mut parsed.warnings);
    parsed.warnings = warnings;
    Ok((format, parsed))
}

/// Runs an importer where a fault of its parser (a panic of a crate on a hostile file) is
/// this file's error, not the end of the import.
fn contained(reader: &dyn Importer, src: &Source<'_>) -> Result<Parsed, IngestErrorKind> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| reader.read(src))).unwrap_or_else(
        |panic| {
            let why = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(IngestErrorKind::Internal(format!(
                "the {} reader failed on it ({why})",
                reader.format()
            )))
        },
    )
}

/// The error of a file broken for its format.
pub(crate) fn broken(format: Format, message: impl Into<String>) -> IngestErrorKind {
    IngestErrorKind::Parse {
        format,
        message: message.into(),
    }
}

/// Fills what the format did not give: a date from the text, the URL or the file name (in
/// that order), and the language. A file's modification time is never used as a date.
///
/// A guessed date after tomorrow is no publication date (a deadline, a plan, a target year
/// written in the first lines: "hingga 31 Desember 2030"): it is not taken.
pub fn complete_article(article: &mut ArticleDraft, path: &Path) {
    if article.published.is_none() {
        article.date_source = DateSource::None;
        // (UTC plus a day and a half: any zone's tomorrow; the clock is read only for a guess.)
        let past = |d: chrono::NaiveDateTime| {
            (d <= chrono::Utc::now().naive_utc() + chrono::Duration::hours(36)).then_some(d)
        };
        if let Some(d) = dates::find_date_in_text(&article.title, &article.text).and_then(past) {
            article.published = Some(d);
            article.date_source = DateSource::Text;
        } else if let Some(d) = dates::find_date_in_url(&article.url).and_then(past) {
            article.published = Some(d);
            article.date_source = DateSource::Url;
        } else if let Some(d) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(dates::find_date_in_filename)
            .and_then(past)
        {
            article.published = Some(d);
            article.date_source = DateSource::Filename;
        }
    }
    if !article.language_given {
        article.language = language::detect(&article.title, &article.text);
    }
}
