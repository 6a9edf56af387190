//! An import worker: reads, decodes, parses and tags one file.

use crate::ingest::{self, IngestOptions};
use crate::model::{ArticleDraft, Mention};
use crate::tagging::Matcher;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// Records of one file read so far and in all, shared by the worker and the writer.
#[derive(Default)]
pub(super) struct FileWork {
    pub(super) done: AtomicU64,
    pub(super) total: AtomicU64,
}

/// A worker's result for one file.
pub(super) enum Outcome {
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

/// The stack of an import worker: parsers of nested formats recurse (the depth limits keep
/// them far below it; only the pages used are ever touched).
pub(super) const WORKER_STACK: usize = 256 * 1024 * 1024;

/// The message of a caught panic.
pub(super) fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a parser panicked".into())
}

/// Reads and tags one file, noting in `slot` how far it got (each record counts once read and
/// once tagged: `done` runs to `total` = twice the records); stops when `cancel` is set.
pub(super) fn read_and_tag(
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
                let mentions = tag_draft(matcher, &mut a);
                // The key of the text as it came (kept when furniture was cut).
                if a.text_hash.is_none() {
                    a.text_hash = Some(crate::store::text_hash(&a));
                }
                // The signature that finds the story it may be a copy of.
                a.minhash = crate::model::minhash::MinHash::of(&a.text).map(Box::new);
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

/// Tags one article as an import does: its mentions (returned), its text units, and from its
/// own credit its outlet (when it has none) and where it was reported from (see
/// [`dateline`]).
pub fn tag_draft(matcher: &Matcher, a: &mut ArticleDraft) -> Vec<Mention> {
    let (mentions, units) = matcher.find_with_units(&a.text, a.language);
    a.units = Some(units);
    if let Some(lead) = crate::tagging::credit::lead(&a.text) {
        if a.source.trim().is_empty()
            && let Some(outlet) = &lead.outlet
        {
            a.source = outlet.clone();
        }
        if let Some((place, country)) = dateline(matcher, &lead, &mentions) {
            a.dateline_place = place;
            a.dateline_country = country;
        }
    }
    mentions
}

/// The place an article's own credit names ("ROCHESTER, N.Y.") and its country ("" when
/// the place is unknown), the country decided with the article's `mentions`.
pub fn dateline(
    matcher: &Matcher,
    lead: &crate::tagging::credit::Lead,
    mentions: &[Mention],
) -> Option<(String, String)> {
    let place = lead.place.as_deref()?;
    let country = matcher
        .dateline_country(place, lead.qualifier.as_deref(), mentions)
        .unwrap_or_default();
    let place = match &lead.qualifier {
        Some(q) => format!("{place}, {q}"),
        None => place.to_string(),
    };
    Some((place, country))
}
