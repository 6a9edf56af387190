//! The tagger over a database's dictionary, and the re-tag of every stored article.

use crate::model::Mention;
use crate::store::{Store, StoreError};
use crate::tagging::Matcher;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

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
    /// Articles whose dateline place or country changed (a gazetteer or dictionary that
    /// knows the place now).
    pub datelines: u64,
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
    let total = store.article_count(&crate::model::Filter::default())?;
    store.begin_job(total)?;
    let result = retag_all(store, matcher, cancel, total, &mut progress);
    let ended = store.end_job();
    let mut report = result?;
    ended?;
    report.elapsed = started.elapsed();
    Ok(report)
}

fn retag_all(
    store: &mut Store,
    matcher: &Matcher,
    cancel: &AtomicBool,
    total: u64,
    progress: &mut impl FnMut(u64, u64),
) -> Result<RetagReport, StoreError> {
    let actor_ids = store.actor_ids()?;
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
        let tagged: Vec<Retagged> = std::thread::scope(|scope| {
            let handles: Vec<_> = batch
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        part.iter()
                            .map(|a| retag_one(matcher, a))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect::<Vec<Retagged>>()
        });
        if tagged.len() != batch.len() {
            // A worker panicked: stop rather than store a partial batch.
            report.cancelled = true;
            break;
        }
        let datelines: Vec<_> = tagged.iter().filter_map(|t| t.dateline.clone()).collect();
        let tagged: Vec<_> = (tagged.into_iter())
            .map(|t| (t.id, t.published_day, t.mentions))
            .collect();
        report.mentions += store.replace_mentions(&tagged, &actor_ids)?;
        report.datelines += datelines.len() as u64;
        store.set_datelines(&datelines)?;
        report.articles += tagged.len() as u64;
        store.job_progress(report.articles, total)?;
        progress(report.articles, total);
    }
    if !report.cancelled {
        store.set_dictionary_version(matcher.dictionary_version())?;
    }
    Ok(report)
}

/// One article re-tagged: its mentions, and its dateline when it changed.
struct Retagged {
    id: crate::store::ArticleId,
    published_day: Option<i64>,
    mentions: Vec<Mention>,
    dateline: Option<(crate::store::ArticleId, String, String)>,
}

fn retag_one(matcher: &Matcher, a: &crate::store::ArticleText) -> Retagged {
    let found = matcher.find(&a.text, a.language);
    let mentions = super::worker::with_title(matcher, &a.title, &a.text, a.language, found);
    let dateline = crate::tagging::credit::lead(&a.text)
        .and_then(|lead| super::worker::dateline(matcher, &lead, &mentions))
        .filter(|d| *d != a.dateline)
        .map(|(place, country)| (a.id, place, country));
    Retagged {
        id: a.id,
        published_day: a.published_day,
        mentions,
        dateline,
    }
}
