//! Why a file could not be imported.

use super::Format;
use crate::i18n::{Lang, Message};
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

/// The reasons a file is refused. Their text is in the catalogs (`reason-…`), said in English
/// by `Display` and in the reader's language by [`IngestErrorKind::message`].
#[derive(Debug)]
#[non_exhaustive]
pub enum IngestErrorKind {
    /// The file could not be read (missing, unreadable, deleted during the import).
    Io(std::io::Error),
    /// The path is a directory where a file was expected.
    IsDirectory,
    /// The import was cancelled while this file was being read (nothing of it is stored).
    Cancelled {
        /// Records read before the cancel.
        done: u64,
        /// Records in the file.
        total: u64,
    },
    /// Elements nested deeper than any real page (a bomb or a broken generator): refused
    /// before parsing, which would need a stack that deep.
    TooDeep {
        /// The depth reached.
        depth: usize,
        /// The limit.
        limit: usize,
    },
    /// A parser failed in a way it should not (a bug); the file is skipped, the import goes on.
    Internal(String),
    /// The file is empty or holds only white space.
    Empty,
    /// The file holds binary data, not text.
    Binary(String),
    /// The file is above the size limit; it was not read.
    TooLarge {
        /// The file's size.
        size_bytes: u64,
        /// The configured limit.
        limit_bytes: u64,
    },
    /// The extension names source code, configuration or another kind of file that is no
    /// article, although it is text.
    NotAnArticle(String),
    /// Neither the extension nor the content tells a supported format.
    UnknownFormat,
    /// The content is broken for its format.
    Parse {
        /// The format the file was read as.
        format: Format,
        /// What is wrong.
        message: String,
    },
    /// The file parsed but holds no article with any text.
    NoArticles {
        /// The format the file was read as.
        format: Format,
        /// Why the records were skipped (" (3 records skipped; first: ...)"), or empty.
        detail: String,
    },
}

impl From<std::io::Error> for IngestErrorKind {
    fn from(e: std::io::Error) -> Self {
        IngestErrorKind::Io(e)
    }
}

impl IngestErrorKind {
    /// The reason as a message of the catalogs, to be said in the reader's language.
    pub fn message(&self) -> Message {
        use IngestErrorKind as K;
        match self {
            K::Io(e) => Message::new("reason-io").text("detail", e.to_string()),
            K::IsDirectory => Message::new("reason-directory"),
            K::Cancelled { done, total } => Message::new("reason-cancelled")
                .count("done", *done)
                .count("total", *total),
            K::TooDeep { depth, limit } => Message::new("reason-too-deep")
                .count("depth", *depth as u64)
                .count("limit", *limit as u64),
            K::Internal(detail) => Message::new("reason-internal").text("detail", detail),
            K::Empty => Message::new("reason-empty"),
            K::Binary(detail) => Message::new("reason-binary").text("detail", detail),
            K::TooLarge {
                size_bytes,
                limit_bytes,
            } => Message::new("reason-too-large")
                .count("size", *size_bytes)
                .count("limit", *limit_bytes),
            K::NotAnArticle(ext) => Message::new("reason-not-an-article").text("ext", ext),
            K::UnknownFormat => Message::new("reason-unknown-format"),
            K::Parse { format, message } => Message::new("reason-parse")
                .text("format", format.as_str())
                .text("detail", message),
            K::NoArticles { format, detail } => Message::new("reason-no-articles")
                .text("format", format.as_str())
                .text("detail", detail),
        }
    }
}

impl std::fmt::Display for IngestErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().say(Lang::En))
    }
}

impl std::error::Error for IngestErrorKind {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            IngestErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}
