//! Import runs and the files they read.

use super::articles::{InsertOutcome, insert_article};
use super::sql::Value;
use super::{FileId, Result, RunId, Store, Tx, TxInner};
use crate::model::{ArticleDraft, Mention};
use rusqlite::params;
use std::collections::HashMap;

/// How a file fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileStatus {
    /// Read; its articles stored or counted as duplicates.
    Imported,
    /// Refused, with a reason.
    Failed,
}

impl FileStatus {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            FileStatus::Imported => "imported",
            FileStatus::Failed => "failed",
        }
    }
}

/// A file as recorded in a run.
#[derive(Debug, Clone)]
pub struct FileRecord {
    /// The path.
    pub path: String,
    /// Size in bytes, when known.
    pub size_bytes: Option<u64>,
    /// Content hash (hex), when read.
    pub content_hash: Option<String>,
    /// Format read as, when known.
    pub format: Option<String>,
    /// Outcome.
    pub status: FileStatus,
    /// The reason of a failure.
    pub error: Option<String>,
    /// Problems that did not stop the file, one per line.
    pub warnings: String,
}

/// Counts of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunCounts {
    /// Files read successfully.
    pub files_read: u64,
    /// Files refused.
    pub files_failed: u64,
    /// New articles stored.
    pub articles_added: u64,
    /// Articles whose text was already stored.
    pub duplicates: u64,
    /// New articles without a publication date.
    pub undated: u64,
    /// Mentions stored with the new articles.
    pub mentions_added: u64,
}

impl RunCounts {
    /// The counts of a file recorded as `status`, before its articles.
    pub(crate) fn of_file(status: FileStatus) -> RunCounts {
        match status {
            FileStatus::Imported => RunCounts {
                files_read: 1,
                ..RunCounts::default()
            },
            FileStatus::Failed => RunCounts {
                files_failed: 1,
                ..RunCounts::default()
            },
        }
    }

    /// Counts what became of the `i`-th article of a file, noting (i, id) in `added` when it
    /// was stored as new.
    pub(crate) fn count_article(
        &mut self,
        i: usize,
        outcome: InsertOutcome,
        article: &ArticleDraft,
        mentions: &[Mention],
        added: &mut Vec<(usize, super::ArticleId)>,
    ) {
        match outcome {
            InsertOutcome::Added(id) => {
                added.push((i, id));
                self.articles_added += 1;
                self.mentions_added += mentions.len() as u64;
                if article.published.is_none() {
                    self.undated += 1;
                }
            }
            InsertOutcome::Duplicate(_) => self.duplicates += 1,
        }
    }

    /// Adds another count.
    pub fn add(&mut self, other: &RunCounts) {
        self.files_read += other.files_read;
        self.files_failed += other.files_failed;
        self.articles_added += other.articles_added;
        self.duplicates += other.duplicates;
        self.undated += other.undated;
        self.mentions_added += other.mentions_added;
    }
}

impl Store {
    /// Starts an import run.
    pub fn begin_run(&mut self) -> Result<RunId> {
        let now = chrono::Local::now()
            .naive_local()
            .format("%Y-%m-%dT%H:%M:%S")
            .to_string();
        self.with_sql(|db| {
            db.insert(
                "INSERT INTO import_runs (started_at, status) VALUES (?1, 'running')",
                &[Value::Text(&now)],
            )
        })
    }

    /// Every import run, oldest first (for the provenance of an export).
    pub fn import_runs(&self) -> Result<Vec<ImportRun>> {
        let rows = self.with_sql(|db| {
            db.query(
                "SELECT id, started_at, COALESCE(finished_at, ''), status, files_read, files_failed,
                        articles_added FROM import_runs ORDER BY id",
                &[],
            )
        })?;
        rows.iter()
            .map(|r| {
                Ok(ImportRun {
                    id: r.int(0)?,
                    started_at: r.text(1)?,
                    finished_at: r.text(2)?,
                    status: r.text(3)?,
                    files_read: r.int(4)?.max(0) as u64,
                    files_failed: r.int(5)?.max(0) as u64,
                    articles_added: r.int(6)?.max(0) as u64,
                })
            })
            .collect()
    }

    /// Ends a run with its status ("finished", "cancelled", "failed") and counts.
    pub fn finish_run(&mut self, run: RunId, status: &str, counts: &RunCounts) -> Result<()> {
        let now = chrono::Local::now()
            .naive_local()
            .format("%Y-%m-%dT%H:%M:%S")
            .to_string();
        let n = |v: u64| Value::Int(v.min(i64::MAX as u64) as i64);
        self.with_sql(|db| {
            db.execute(
                "UPDATE import_runs SET finished_at = ?2, status = ?3, files_read = ?4, files_failed = ?5,
                   articles_added = ?6, duplicates = ?7, undated = ?8, mentions_added = ?9 WHERE id = ?1",
                &[
                    Value::Int(run),
                    Value::Text(&now),
                    Value::Text(status),
                    n(counts.files_read),
                    n(counts.files_failed),
                    n(counts.articles_added),
                    n(counts.duplicates),
                    n(counts.undated),
                    n(counts.mentions_added),
                ],
            )
        })?;
        Ok(())
    }
}

/// One import run as recorded.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportRun {
    /// Its id.
    pub id: RunId,
    /// When it started (local time, ISO 8601).
    pub started_at: String,
    /// When it ended ("" while running or when it never ended).
    pub finished_at: String,
    /// running, finished, cancelled or failed.
    pub status: String,
    /// Files read.
    pub files_read: u64,
    /// Files that failed.
    pub files_failed: u64,
    /// Articles it added.
    pub articles_added: u64,
}

impl Tx<'_> {
    /// Records a file and stores its articles (with their mentions); returns the counts of
    /// this file. An error leaves the transaction to be rolled back whole (the import's
    /// batches are all or nothing), so no half-stored file is ever committed.
    pub fn store_file(
        &mut self,
        run: RunId,
        file: &FileRecord,
        articles: &[(ArticleDraft, Vec<Mention>)],
        actor_ids: &HashMap<String, super::ActorId>,
    ) -> Result<RunCounts> {
        self.store_file_noting(run, file, articles, actor_ids, &mut Vec::new())
    }

    /// [`Tx::store_file`], noting in `added` (index in `articles`, id) each article stored
    /// as new.
    pub fn store_file_noting(
        &mut self,
        run: RunId,
        file: &FileRecord,
        articles: &[(ArticleDraft, Vec<Mention>)],
        actor_ids: &HashMap<String, super::ActorId>,
        added: &mut Vec<(usize, super::ArticleId)>,
    ) -> Result<RunCounts> {
        let (conn, stories) = match &mut self.inner {
            TxInner::Lite { tx, stories } => (&*tx, &mut **stories),
            TxInner::Server(tx) => return tx.store_file(run, file, articles, actor_ids, added),
        };
        {
            conn.prepare_cached(
                "INSERT INTO files (run_id, path, size_bytes, content_hash, format, status, error, warnings)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                run,
                file.path,
                file.size_bytes.map(|s| s as i64),
                file.content_hash,
                file.format,
                file.status.as_str(),
                file.error,
                file.warnings
            ])?;
            let file_id: FileId = conn.last_insert_rowid();
            let mut counts = RunCounts::of_file(file.status);
            for (i, (article, mentions)) in articles.iter().enumerate() {
                let outcome =
                    insert_article(conn, Some(file_id), article, mentions, actor_ids, stories)?;
                counts.count_article(i, outcome, article, mentions, added);
            }
            conn.prepare_cached(
                "UPDATE files SET articles_added = ?2, duplicates = ?3 WHERE id = ?1",
            )?
            .execute(params![
                file_id,
                counts.articles_added as i64,
                counts.duplicates as i64
            ])?;
            Ok(counts)
        }
    }
}
