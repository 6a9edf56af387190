//! The import's writer: walks the paths, hands the files to the workers, stores their
//! outcomes in order and feeds the full-text index.

use super::worker::{FileWork, Outcome, WORKER_STACK, panic_message, read_and_tag};
use super::{FailedImport, ImportOptions, ImportPhase, ImportProgress, ImportReport};
use crate::i18n::Lang;
use crate::ingest::{self, walk};
use crate::store::{FileRecord, FileStatus, RunCounts, RunId, Store, StoreError};
use crate::tagging::Matcher;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

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
                let record = failed_record(&p.path, &p.reason.say(Lang::En));
                let counts = tx.store_file(run, &record, &[], &actor_ids)?;
                report.counts.add(&counts);
                report
                    .failed
                    .push(FailedImport::new(p.path.clone(), p.reason.clone()));
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
    // The indexes whose pages an import writes in no order (the text hashes, the days) grow
    // with the database: past what the cache holds, every insert reads a page back and writes
    // one out (1M articles: 167 s, 54 GB written for a 3 GB database). The cache grows with
    // them (see `import_cache_kib`).
    let stored_before = store.max_article_id()?.max(0) as u64;
    let mut cache_kib = import_cache_kib(stored_before);
    store.set_cache_kib(cache_kib)?;
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
                                    .message(),
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
            let mut batch_bytes = 0usize;
            let stop = store.transaction(|tx| -> Result<bool, StoreError> {
                loop {
                    while let Some(outcome) = pending.remove(&next_to_store) {
                        if cancel.load(Ordering::Relaxed) {
                            // Whole files only: this one and the rest stay out.
                            pending.insert(next_to_store, outcome);
                            return Ok(true);
                        }
                        if let Outcome::Cancelled { path, reason } = outcome {
                            report.not_imported.push(FailedImport::new(path, reason));
                            return Ok(true);
                        }
                        let before = committed.len();
                        let counts = store_outcome(
                            tx,
                            run,
                            outcome,
                            &actor_ids,
                            &mut report,
                            &mut committed,
                        )?;
                        batch_bytes += committed[before..]
                            .iter()
                            .map(|(_, title, text)| title.len() + text.len())
                            .sum::<usize>();
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
                    if batch_started.elapsed() >= options.commit_interval
                        || batch_bytes >= COMMIT_BYTES
                    {
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
            let want = import_cache_kib(stored_before + report.counts.articles_added);
            if want != cache_kib {
                store.set_cache_kib(want)?;
                cache_kib = want;
            }
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
                    report.not_imported.push(FailedImport::new(path, reason));
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

/// How often the writer reports on a big file in work.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

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

/// Text a transaction stores at most (besides the commit interval): each batch waits in memory
/// for the search index, two at most (1M articles with 1 s batches: 433 MB peak).
const COMMIT_BYTES: usize = 12 << 20;

/// The page cache of the import's connection for an empty database, KiB.
const IMPORT_CACHE_KIB: i64 = 24_000;

/// Bytes of the indexes an import writes out of order, per stored article (measured at 1M
/// articles: text hashes 27 B, actors by day 43 B, articles by day 12 B; with room).
const UNORDERED_INDEX_BYTES: u64 = 96;

/// The most the import's page cache grows to, KiB.
const IMPORT_CACHE_MAX_KIB: i64 = 256_000;

/// The import's page cache for a database of `articles`: the base and the unordered indexes,
/// in steps of 8 MB.
fn import_cache_kib(articles: u64) -> i64 {
    let index_kib = (articles.saturating_mul(UNORDERED_INDEX_BYTES) / 1024) as i64;
    let stepped = index_kib / 8_000 * 8_000;
    (IMPORT_CACHE_KIB + stepped).min(IMPORT_CACHE_MAX_KIB)
}

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
                report
                    .warnings
                    .push(FailedImport::warnings(file.path.clone(), &file.warnings));
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
            let failure = FailedImport::new(path, reason);
            let record = failed_record(&failure.path, &failure.reason);
            let counts = tx.store_file(run, &record, &[], actor_ids)?;
            report.failed.push(failure);
            Ok(counts)
        }
        Outcome::Cancelled { path, reason } => {
            // Never stored (the writer stops at it); listed for the report.
            report.not_imported.push(FailedImport::new(path, reason));
            Ok(RunCounts::default())
        }
    }
}
