//! An import job: paths in, a stored and tagged corpus out, with progress and cancellation.
//!
//! Worker threads read, decode, parse and tag files in parallel; the calling thread is the one
//! writer. It stores files in order (article ids do not depend on thread timing), many files
//! per transaction; a database error rolls the open batch back whole, so what is committed
//! is always whole files.

use crate::ingest::{self, IngestOptions, walk};
use crate::model::{ArticleDraft, Mention};
use crate::store::{FileRecord, FileStatus, RunCounts, RunId, Store, StoreError};
use crate::tagging::Matcher;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

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
            commit_interval: Duration::from_millis(200),
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

/// Records of one file read so far and in all, shared by the worker and the writer.
#[derive(Default)]
struct FileWork {
    done: AtomicU64,
    total: AtomicU64,
}

/// A file that could not be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedImport {
    /// The file (or folder).
    pub path: PathBuf,
    /// Why.
    pub reason: String,
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

/// A worker's result for one file.
enum Outcome {
    Read {
        file: ingest::ImportedFile,
        tagged: Vec<(ArticleDraft, Vec<Mention>)>,
    },
    Failed {
        path: PathBuf,
        reason: String,
    },
    /// The import was cancelled while the file was read: nothing of it is stored.
    Cancelled {
        path: PathBuf,
        reason: String,
    },
}

/// Imports `paths` (files and folders) into `store`, tagging with `matcher`.
///
/// `progress` is called on the calling thread when the phase changes, after each file and
/// about ten times a second while a big file is read; `cancel` is polled between files and
/// every few hundred records inside a file (a cancelled file is stored not at all). Errors of single files go into the report; an error of the database ends the import
/// (what was committed before stays) and is returned.
pub fn import_paths(
    store: &mut Store,
    matcher: &Matcher,
    paths: &[PathBuf],
    options: &ImportOptions,
    cancel: &AtomicBool,
    mut progress: impl FnMut(&ImportProgress),
) -> Result<ImportReport, StoreError> {
    let started = Instant::now();
    progress(&ImportProgress::default());
    // Catch up on articles a killed import left out of the full-text index.
    store.index_new_articles()?;
    let actor_ids = store.actor_ids()?;
    let run = store.begin_run()?;
    progress(&ImportProgress {
        phase: ImportPhase::Scanning,
        ..ImportProgress::default()
    });
    let (files, problems) = walk::collect_files(paths);
    let mut report = ImportReport {
        run_id: run,
        ..ImportReport::default()
    };
    let mut state = ImportProgress {
        phase: ImportPhase::Importing,
        files_total: files.len() + problems.len(),
        ..ImportProgress::default()
    };
    progress(&state);
    let work: Vec<FileWork> = (0..files.len()).map(|_| FileWork::default()).collect();

    // Paths that could not be listed are failed files of this run.
    if !problems.is_empty() {
        store.transaction(|tx| -> Result<(), StoreError> {
            for p in &problems {
                let record = failed_record(&p.path, &p.reason);
                let counts = tx.store_file(run, &record, &[], &actor_ids)?;
                report.counts.add(&counts);
                report.failed.push(FailedImport {
                    path: p.path.clone(),
                    reason: p.reason.clone(),
                });
            }
            Ok(())
        })?;
        state.files_done += problems.len();
    }

    let threads = if options.threads == 0 {
        std::thread::available_parallelism().map_or(2, |n| n.get())
    } else {
        options.threads
    };
    let next = AtomicUsize::new(0);
    let (tx_out, rx_out) = crossbeam_channel::bounded::<(usize, Outcome)>(threads * 64);

    // The writer only links rows it just stored to actors that exist: checking each foreign
    // key of ~7 mentions per article would cost a lookup apiece for nothing.
    store.set_foreign_keys(false)?;
    // The full-text index has its own file, filled by a thread of its own from each batch of
    // articles the writer committed (an in-memory store is indexed at the end instead).
    let search_db = store.path().map(Path::to_path_buf);
    // Two committed batches at most wait for the index: what is left when the writer ends is
    // indexed on one core while the other idles (and waiting batches hold their texts).
    let (fts_tx, fts_rx) = crossbeam_channel::bounded::<Vec<SearchRow>>(2);
    // The writer touches each article's pages once; only the indexes' pages are worth caching.
    // A smaller page cache keeps the import's peak memory down at the same speed (100k
    // articles: 288 -> 238 MB).
    store.set_cache_kib(IMPORT_CACHE_KIB)?;
    let result = std::thread::scope(|scope| -> Result<(), StoreError> {
        let indexer = search_db.map(|db| scope.spawn(move || index_in_background(&db, fts_rx)));
        for _ in 0..threads {
            let tx_out = tx_out.clone();
            let (files, next, work) = (&files, &next, &work);
            // Parsers of nested formats recurse: a deep stack (reserved, touched only as
            // used) on top of the depth limits.
            let spawned = std::thread::Builder::new()
                .name("pantau-import".into())
                .stack_size(WORKER_STACK)
                .spawn_scoped(scope, move || {
                    loop {
                        if cancel.load(Ordering::Relaxed) {
                            break;
                        }
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let (Some(path), Some(slot)) = (files.get(i), work.get(i)) else {
                            break;
                        };
                        // A parser's panic is that file's error, not the end of the import.
                        let outcome =
                            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                                read_and_tag(path, matcher, &options.ingest, slot, cancel)
                            }))
                            .unwrap_or_else(|panic| {
                                Outcome::Failed {
                                    path: path.to_path_buf(),
                                    reason: ingest::IngestErrorKind::Internal(panic_message(
                                        &panic,
                                    ))
                                    .to_string(),
                                }
                            });
                        if tx_out.send((i, outcome)).is_err() {
                            break;
                        }
                    }
                });
            spawned
                .map_err(|e| StoreError::Invalid(format!("cannot start an import thread: {e}")))?;
        }
        drop(tx_out);

        // The writer: stores files in order, committing every `commit_interval`. It owns
        // the receiving end, so workers blocked on a full channel are let go when it stops.
        let rx_out = rx_out;
        let mut pending: BTreeMap<usize, Outcome> = BTreeMap::new();
        let mut next_to_store = 0usize;
        let mut committed: Vec<SearchRow> = Vec::new();
        'outer: while next_to_store < files.len() {
            if cancel.load(Ordering::Relaxed) {
                break;
            }
            let batch_started = Instant::now();
            let stop = store.transaction(|tx| -> Result<bool, StoreError> {
                loop {
                    while let Some(outcome) = pending.remove(&next_to_store) {
                        if cancel.load(Ordering::Relaxed) {
                            // Whole files only: this one and the rest stay out.
                            pending.insert(next_to_store, outcome);
                            return Ok(true);
                        }
                        if let Outcome::Cancelled { path, reason } = outcome {
                            report.not_imported.push(FailedImport { path, reason });
                            return Ok(true);
                        }
                        let counts = store_outcome(
                            tx,
                            run,
                            outcome,
                            &actor_ids,
                            &mut report,
                            &mut committed,
                        )?;
                        report.counts.add(&counts);
                        state.counts = report.counts;
                        state.files_done += 1;
                        state.current = files[next_to_store].clone();
                        state.records_done = 0;
                        state.records_total = 0;
                        next_to_store += 1;
                        progress(&state);
                    }
                    if next_to_store >= files.len() || cancel.load(Ordering::Relaxed) {
                        return Ok(true);
                    }
                    if batch_started.elapsed() >= options.commit_interval {
                        return Ok(false);
                    }
                    match rx_out.recv_timeout(PROGRESS_EVERY) {
                        Ok((i, outcome)) => {
                            pending.insert(i, outcome);
                        }
                        Err(crossbeam_channel::RecvTimeoutError::Timeout) => {
                            // A big file in work: how far its worker got.
                            if let Some(slot) = work.get(next_to_store) {
                                state.current = files[next_to_store].clone();
                                state.records_done = slot.done.load(Ordering::Relaxed);
                                state.records_total = slot.total.load(Ordering::Relaxed);
                                progress(&state);
                            }
                        }
                        Err(crossbeam_channel::RecvTimeoutError::Disconnected) => return Ok(true),
                    }
                }
            })?;
            // Only committed articles go to the index (a failed batch returned above).
            if indexer.is_some() && !committed.is_empty() {
                let _ = fts_tx.send(std::mem::take(&mut committed));
            }
            committed.clear();
            if stop {
                break 'outer;
            }
        }
        // Files a cancel left half read are listed; the others are counted.
        if cancel.load(Ordering::Relaxed) {
            // Workers stop within a few hundred records once cancelled: wait for the files
            // they were reading, to say how far each got.
            pending.extend(rx_out.iter());
            for (_, outcome) in std::mem::take(&mut pending) {
                if let Outcome::Cancelled { path, reason } = outcome
                    && !report.not_imported.iter().any(|f| f.path == path)
                {
                    report.not_imported.push(FailedImport { path, reason });
                }
            }
            report.not_started = files
                .len()
                .saturating_sub(next_to_store)
                .saturating_sub(report.not_imported.len());
        }
        drop(rx_out);
        drop(fts_tx);
        if let Some(handle) = indexer {
            // A failed indexer only leaves work for the catch-up below.
            let _ = handle.join();
        }
        Ok(())
    });
    let result = result
        .and_then(|()| store.set_foreign_keys(true))
        .and_then(|()| store.set_cache_kib(crate::store::CACHE_KIB));
    if result.is_err() {
        let _ = store.set_foreign_keys(true);
        let _ = store.set_cache_kib(crate::store::CACHE_KIB);
    }
    // Workers stop on their own once the channel closes or cancel is set.
    report.cancelled = cancel.load(Ordering::Relaxed);
    report.elapsed = started.elapsed();
    match result.and_then(|()| store.index_new_articles().map(|_| ())) {
        Ok(()) => {
            // The first import sets the version; later ones with another dictionary leave the
            // old one (the corpus is mixed until a re-tag).
            if !report.cancelled && store.dictionary_version()?.is_none() {
                store.set_dictionary_version(matcher.dictionary_version())?;
            }
            store.finish_run(
                run,
                if report.cancelled {
                    "cancelled"
                } else {
                    "finished"
                },
                &report.counts,
            )?;
            Ok(report)
        }
        Err(e) => {
            let _ = store.finish_run(run, "failed", &report.counts);
            Err(e)
        }
    }
}

/// The stack of an import worker: parsers of nested formats recurse (the depth limits keep
/// them far below it; only the pages used are ever touched).
const WORKER_STACK: usize = 256 * 1024 * 1024;

/// The message of a caught panic.
fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a parser panicked".into())
}

/// How often the writer reports on a big file in work.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// Reads and tags one file, noting in `slot` how far it got (each record counts once read and
/// once tagged: `done` runs to `total` = twice the records); stops when `cancel` is set.
fn read_and_tag(
    path: &Path,
    matcher: &Matcher,
    options: &IngestOptions,
    slot: &FileWork,
    cancel: &AtomicBool,
) -> Outcome {
    let cancelled = |done: u64, total: u64| Outcome::Cancelled {
        path: path.to_path_buf(),
        reason: format!(
            "cancelled after {done} of {total} records had been read; nothing of this file was stored"
        ),
    };
    let mut watch = |done: u64, total: u64| {
        slot.total.store(total * 2, Ordering::Relaxed);
        slot.done.store(done, Ordering::Relaxed);
        !cancel.load(Ordering::Relaxed)
    };
    match ingest::read_file_watched(path, options, &mut watch) {
        Ok(mut file) => {
            let articles = std::mem::take(&mut file.articles);
            let total = articles.len() as u64;
            let mut tagged = Vec::with_capacity(articles.len());
            for (i, mut a) in articles.into_iter().enumerate() {
                let done = i as u64;
                if done > 0 && done.is_multiple_of(ingest::WATCH_EVERY) {
                    slot.done.store(total + done, Ordering::Relaxed);
                    if cancel.load(Ordering::Relaxed) {
                        return cancelled(total, total);
                    }
                }
                // Units counted here, on a worker thread, not by the single writer.
                let (mentions, units) = matcher.find_with_units(&a.text, a.language);
                a.units = Some(units);
                a.text_hash = Some(crate::store::text_hash(&a));
                tagged.push((a, mentions));
            }
            slot.done.store(total * 2, Ordering::Relaxed);
            Outcome::Read { file, tagged }
        }
        Err(e) => match e.kind {
            ingest::IngestErrorKind::Cancelled { done, total } => cancelled(done, total),
            kind => Outcome::Failed {
                path: path.to_path_buf(),
                reason: kind.to_string(),
            },
        },
    }
}

fn failed_record(path: &Path, reason: &str) -> FileRecord {
    FileRecord {
        path: path.to_string_lossy().into_owned(),
        size_bytes: None,
        content_hash: None,
        format: None,
        status: FileStatus::Failed,
        error: Some(reason.to_string()),
        warnings: String::new(),
    }
}

/// The page cache of the import's connection, KiB.
const IMPORT_CACHE_KIB: i64 = 24_000;

/// An article for the full-text index: id, title, text.
type SearchRow = (crate::store::ArticleId, String, String);

/// The indexing thread: indexes each batch of committed articles it receives, in its own
/// file; on an error it keeps draining (the writer never waits for it) and leaves the rest to
/// the catch-up.
fn index_in_background(
    db: &Path,
    batches: crossbeam_channel::Receiver<Vec<SearchRow>>,
) -> Result<(), StoreError> {
    let run = || -> Result<(), StoreError> {
        let mut writer = crate::store::SearchWriter::open(db)?;
        for batch in &batches {
            writer.add(&batch)?;
        }
        writer.finish()
    };
    let result = run();
    for _ in &batches {}
    result
}

fn store_outcome(
    tx: &mut crate::store::Tx<'_>,
    run: RunId,
    outcome: Outcome,
    actor_ids: &std::collections::HashMap<String, crate::store::ActorId>,
    report: &mut ImportReport,
    search_rows: &mut Vec<SearchRow>,
) -> Result<RunCounts, StoreError> {
    match outcome {
        Outcome::Read { file, mut tagged } => {
            let record = FileRecord {
                path: file.path.to_string_lossy().into_owned(),
                size_bytes: Some(file.size_bytes),
                content_hash: Some(format!("{:016x}", file.content_hash)),
                format: Some(file.format.as_str().to_string()),
                status: FileStatus::Imported,
                error: None,
                warnings: file.warnings.join("\n"),
            };
            if !file.warnings.is_empty() {
                report.warnings.push(FailedImport {
                    path: file.path.clone(),
                    reason: file.warnings.join("; "),
                });
            }
            let mut added = Vec::new();
            let counts = tx.store_file_noting(run, &record, &tagged, actor_ids, &mut added)?;
            for (i, id) in added {
                if let Some((article, _)) = tagged.get_mut(i) {
                    let title = std::mem::take(&mut article.title);
                    search_rows.push((id, title, std::mem::take(&mut article.text)));
                }
            }
            Ok(counts)
        }
        Outcome::Failed { path, reason } => {
            let counts = tx.store_file(run, &failed_record(&path, &reason), &[], actor_ids)?;
            report.failed.push(FailedImport { path, reason });
            Ok(counts)
        }
        Outcome::Cancelled { path, reason } => {
            // Never stored (the writer stops at it); listed for the report.
            report.not_imported.push(FailedImport { path, reason });
            Ok(RunCounts::default())
        }
    }
}

/// Why the tagger could not be prepared.
#[derive(Debug, thiserror::Error)]
pub enum PrepareError {
    /// The bundled dictionary is broken.
    #[error(transparent)]
    Dictionary(#[from] crate::tagging::DictionaryError),
    /// The database could not take it.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The automaton could not be built.
    #[error("cannot compile the dictionary: {0}")]
    Build(#[from] aho_corasick::BuildError),
}

/// Loads the dictionary, copies it into the database and compiles the matcher from the
/// effective dictionary (the built-in one with the user's edits of this database).
pub fn prepare_matcher(
    store: &mut Store,
    options: crate::tagging::MatcherOptions,
) -> Result<Matcher, PrepareError> {
    let builtin = crate::tagging::Dictionary::builtin()?;
    store.sync_dictionary(&builtin)?;
    let dict = crate::curation::effective_dictionary(store, &builtin)?;
    Ok(Matcher::new(&dict, options)?)
}

/// What a re-tag did.
#[derive(Debug, Clone, Default)]
pub struct RetagReport {
    /// Articles re-tagged (committed).
    pub articles: u64,
    /// Mentions stored for them.
    pub mentions: u64,
    /// True when cancelled before the end (re-tagged batches stay, the rest keep their old
    /// mentions).
    pub cancelled: bool,
    /// Wall time.
    pub elapsed: Duration,
}

/// Articles per re-tag batch (one transaction each).
const RETAG_BATCH: usize = 512;

/// Re-tags every stored article with `matcher`, batch by batch (each batch tagged on worker
/// threads and replaced in one transaction, so every article is either fully old or fully
/// new). `progress(done, total)` is called after each batch; `cancel` is polled between
/// batches. A finished re-tag records the matcher's dictionary version in the database.
pub fn retag(
    store: &mut Store,
    matcher: &Matcher,
    cancel: &AtomicBool,
    mut progress: impl FnMut(u64, u64),
) -> Result<RetagReport, StoreError> {
    let started = Instant::now();
    let actor_ids = store.actor_ids()?;
    let total = store.article_count(&crate::model::Filter::default())?;
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut report = RetagReport::default();
    let mut after = 0;
    progress(0, total);
    loop {
        if cancel.load(Ordering::Relaxed) {
            report.cancelled = true;
            break;
        }
        let batch = store.article_texts_after(after, RETAG_BATCH)?;
        let Some(last) = batch.last() else { break };
        after = last.id;
        let chunk = batch.len().div_ceil(threads).max(1);
        let tagged: Vec<(crate::store::ArticleId, Option<i64>, Vec<Mention>)> =
            std::thread::scope(|scope| {
                let handles: Vec<_> = batch
                    .chunks(chunk)
                    .map(|part| {
                        scope.spawn(move || {
                            part.iter()
                                .map(|a| (a.id, a.published_day, matcher.find(&a.text, a.language)))
                                .collect::<Vec<_>>()
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .flat_map(|h| h.join().unwrap_or_default())
                    .collect()
            });
        if tagged.len() != batch.len() {
            // A worker panicked: stop rather than store a partial batch.
            report.cancelled = true;
            break;
        }
        report.mentions += store.replace_mentions(&tagged, &actor_ids)?;
        report.articles += tagged.len() as u64;
        progress(report.articles, total);
    }
    if !report.cancelled {
        store.set_dictionary_version(matcher.dictionary_version())?;
    }
    report.elapsed = started.elapsed();
    Ok(report)
}

/// The database used when none is named: `pantau.db` in the user's data folder
/// (`~/.local/share/pantau` on Linux), or in the current folder when there is no home.
pub fn default_database() -> PathBuf {
    directories::ProjectDirs::from("org", "pantau", "pantau")
        .map(|d| d.data_dir().join("pantau.db"))
        .unwrap_or_else(|| PathBuf::from("pantau.db"))
}
