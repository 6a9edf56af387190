//! An import job: paths in, a stored and tagged corpus out, with progress and cancellation;
//! and the re-tag of a stored corpus.
//!
//! Worker threads read, decode, parse and tag files in parallel; the calling thread is the one
//! writer. It stores files in order (article ids do not depend on thread timing), many files
//! per transaction; a database error rolls the open batch back whole, so what is committed
//! is always whole files.
//!
//! [`import_paths`] (in `import.rs`) is the writer; `worker.rs` reads and tags one file;
//! [`prepare_matcher`] and [`retag`] (in `retag.rs`) build the tagger over a database's
//! dictionary and apply it again to every stored article.

mod import;
mod retag;
mod worker;

pub use import::import_paths;
pub use retag::{PrepareError, RetagReport, prepare_matcher, retag};
pub use worker::tag_draft;

use crate::i18n::{Lang, Message};
use crate::ingest::IngestOptions;
use crate::store::{RunCounts, RunId};
use std::path::PathBuf;
use std::time::Duration;

/// Settings of an import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Limits of the readers.
    pub ingest: IngestOptions,
    /// Worker threads; 0 = one per core.
    pub threads: usize,
    /// Commit at least this often.
    pub commit_interval: Duration,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            ingest: IngestOptions::default(),
            threads: 0,
            // Each commit writes every index page it changed: the unordered indexes (text
            // hashes, days) have a changed page nearly everywhere after a fraction of a second
            // at a million articles (200 ms: 46 GB written for a 3 GB database).
            commit_interval: Duration::from_millis(1_000),
        }
    }
}

/// What an import is doing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ImportPhase {
    /// Loading the dictionary, opening the database.
    #[default]
    Preparing,
    /// Listing the files under the folders.
    Scanning,
    /// Reading, tagging and storing files.
    Importing,
}

/// Where an import stands: sent when the phase changes, after each stored file, and about
/// ten times a second while a big file is read.
#[derive(Debug, Clone, Default)]
pub struct ImportProgress {
    /// What the import is doing.
    pub phase: ImportPhase,
    /// Files handled (stored or failed).
    pub files_done: usize,
    /// Files to handle.
    pub files_total: usize,
    /// The file just handled, or the one being read.
    pub current: PathBuf,
    /// Records of the next file to store already read and tagged (0 for small files).
    pub records_done: u64,
    /// Records of that file (0 until it is parsed).
    pub records_total: u64,
    /// Counts so far.
    pub counts: RunCounts,
}

impl ImportProgress {
    /// The share of the import done, 0 to 1: files, and the records of the file in work.
    pub fn fraction(&self) -> f32 {
        if self.files_total == 0 {
            return 0.0;
        }
        let part = if self.records_total > 0 {
            self.records_done as f64 / self.records_total as f64
        } else {
            0.0
        };
        (((self.files_done as f64) + part) / self.files_total as f64).clamp(0.0, 1.0) as f32
    }
}

/// A file that could not be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedImport {
    /// The file (or folder).
    pub path: PathBuf,
    /// Why, in English (as the database keeps it).
    pub reason: String,
    /// Why, as a message of the catalogs; `None` for the importers' warnings, whose details
    /// are English.
    pub message: Option<Message>,
}

impl FailedImport {
    /// A failure for `path` with the reason `message`.
    pub fn new(path: PathBuf, message: Message) -> Self {
        FailedImport {
            path,
            reason: message.say(Lang::En),
            message: Some(message),
        }
    }

    /// A file's warnings, as the importers wrote them.
    pub fn warnings(path: PathBuf, warnings: &[String]) -> Self {
        FailedImport {
            path,
            reason: warnings.join("; "),
            message: None,
        }
    }

    /// Why, in `lang`.
    pub fn reason_in(&self, lang: Lang) -> String {
        self.message
            .as_ref()
            .map_or_else(|| self.reason.clone(), |m| m.say(lang))
    }
}

/// What an import did.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    /// The run's id in the database.
    pub run_id: RunId,
    /// Files, articles, duplicates, undated, mentions.
    pub counts: RunCounts,
    /// Every file that failed, with its reason.
    pub failed: Vec<FailedImport>,
    /// Files that imported with warnings (skipped records, replaced bytes).
    pub warnings: Vec<FailedImport>,
    /// True when cancelled before the end (what was stored stays).
    pub cancelled: bool,
    /// Files a cancel stopped while they were read, with how far each got; nothing of them
    /// is stored, so importing them again is safe.
    pub not_imported: Vec<FailedImport>,
    /// Files a cancel left before they were stored (besides `not_imported`).
    pub not_started: usize,
    /// Wall time.
    pub elapsed: Duration,
}

/// The database used when none is named: `pantau.db` in the user's data folder
/// (`~/.local/share/pantau` on Linux), or in the current folder when there is no home.
pub fn default_database() -> PathBuf {
    directories::ProjectDirs::from("org", "pantau", "pantau")
        .map(|d| d.data_dir().join("pantau.db"))
        .unwrap_or_else(|| PathBuf::from("pantau.db"))
}
