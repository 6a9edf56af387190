//! Why a file could not be imported.

use super::Format;
use std::path::{Path, PathBuf};

/// A file that could not be read into articles, with the reason.
#[derive(Debug, thiserror::Error)]
#[error("{}: {kind}", path.display())]
pub struct IngestError {
    /// The file.
    pub path: PathBuf,
    /// The reason.
    pub kind: IngestErrorKind,
}

impl IngestError {
    /// An error for `path`.
    pub fn new(path: &Path, kind: IngestErrorKind) -> Self {
        IngestError {
            path: path.to_path_buf(),
            kind,
        }
    }
}

/// The reasons a file is refused.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestErrorKind {
    /// The file could not be read (missing, unreadable, deleted during the import).
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
    /// The path is a directory where a file was expected.
    #[error("is a directory")]
    IsDirectory,
    /// The import was cancelled while this file was being read (nothing of it is stored).
    #[error("cancelled after {done} of {total} records")]
    Cancelled {
        /// Records read before the cancel.
        done: u64,
        /// Records in the file.
        total: u64,
    },
    /// Elements nested deeper than any real page (a bomb or a broken generator): refused
    /// before parsing, which would need a stack that deep.
    #[error("elements nested {depth} levels deep (the limit is {limit})")]
    TooDeep {
        /// The depth reached.
        depth: usize,
        /// The limit.
        limit: usize,
    },
    /// A parser failed in a way it should not (a bug); the file is skipped, the import goes on.
    #[error("internal error while reading this file: {0}")]
    Internal(String),
    /// The file is empty or holds only white space.
    #[error("the file is empty")]
    Empty,
    /// The file holds binary data, not text.
    #[error("binary data, not text ({0})")]
    Binary(String),
    /// The file is above the size limit; it was not read.
    #[error("too large: {size_bytes} bytes, the limit is {limit_bytes} bytes")]
    TooLarge {
        /// The file's size.
        size_bytes: u64,
        /// The configured limit.
        limit_bytes: u64,
    },
    /// The extension names source code, configuration or another kind of file that is no
    /// article, although it is text.
    #[error("a .{0} file is not an article (source code, configuration or data of a program)")]
    NotAnArticle(String),
    /// Neither the extension nor the content tells a supported format.
    #[error(
        "not a supported format (text, HTML, RSS/Atom/JSON feed, JSON, JSONL, CSV/TSV, XLSX/XLS/ODS, DOCX, ODT, RTF, PDF, EML, MBOX, MHTML, WARC, Nexis and Factiva exports, ZIP/tar/gzip/bzip2/xz/zstd)"
    )]
    UnknownFormat,
    /// The content is broken for its format.
    #[error("broken {format}: {message}")]
    Parse {
        /// The format the file was read as.
        format: Format,
        /// What is wrong.
        message: String,
    },
    /// The file parsed but holds no article with any text.
    #[error("no articles found in this {format} file{detail}")]
    NoArticles {
        /// The format the file was read as.
        format: Format,
        /// Why the records were skipped (" (3 records skipped; first: ...)"), or empty.
        detail: String,
    },
}
