//! An import worker: reads, decodes, parses and tags one file.

use crate::i18n::Message;
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
        reason: Message,
    },
    /// The import was cancelled while the file was read: nothing of it is stored.
    Cancelled {
        path: PathBuf,
        reason: Message,
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
        reason: Message::new("reason-cancelled-read")
            .count("done", done)
            .count("total", total),
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
                reason: kind.message(),
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
    let mentions = with_title(matcher, &a.title, &a.text, a.language, mentions);
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

/// Words of the lead when a text has no paragraphs.
const LEAD_WORDS: usize = 60;

/// An article's mentions, its title's with the text's (`text_mentions`), each with its field
/// and prominence: the title's are the headline's; the text's first paragraph (or its first
/// 60 words when it has no paragraphs) is the lead. A title the text opens with (a plain text
/// file's first line, a page whose text repeats its headline) is tagged once, as the text's,
/// its mentions there the headline's, and the lead is what follows it.
pub fn with_title(
    matcher: &Matcher,
    title: &str,
    text: &str,
    language: crate::model::Language,
    mut text_mentions: Vec<Mention>,
) -> Vec<Mention> {
    use crate::model::{Field, Prominence, TITLE_UNIT};
    let title = title.trim();
    let opens = title_opening(title, text);
    // Where the body starts (bytes) and, in characters, where the headline ends in the text.
    let (body_start, headline_end) = match opens {
        Some(end) => {
            let rest = &text[end..];
            let skip = rest.len() - rest.trim_start().len();
            (end + skip, text[..end].chars().count())
        }
        None => (text.len() - text.trim_start().len(), 0),
    };
    let body = &text[body_start..];
    let lead_paragraph = u32::from(opens.is_some() && text[..body_start].contains("\n\n"));
    // No paragraphs: the lead is the first 60 words (in characters from the text's start).
    let lead_end = (!body.contains("\n\n")).then(|| {
        let mut words = 0;
        let mut in_word = false;
        let mut at = text[..body_start].chars().count();
        for c in body.chars() {
            if c.is_whitespace() {
                in_word = false;
            } else if !in_word {
                in_word = true;
                words += 1;
                if words > LEAD_WORDS {
                    break;
                }
            }
            at += 1;
        }
        at
    });
    for m in &mut text_mentions {
        m.prominence = if m.start_char < headline_end {
            Prominence::Headline
        } else if match lead_end {
            Some(end) => m.start_char < end,
            None => m.paragraph_idx == lead_paragraph,
        } {
            Prominence::Lead
        } else {
            Prominence::Body
        };
    }
    if opens.is_some() || title.is_empty() {
        return text_mentions;
    }
    let mut mentions: Vec<Mention> = matcher
        .find(title, language)
        .into_iter()
        .map(|m| Mention {
            field: Field::Title,
            prominence: Prominence::Headline,
            sentence_idx: TITLE_UNIT,
            paragraph_idx: TITLE_UNIT,
            ..m
        })
        .collect();
    mentions.append(&mut text_mentions);
    mentions
}

/// Where the title ends in `text` (bytes) when the text holds it at its start: a plain text
/// file's first line (perhaps with a blog's or site's name around the title: "wartaperang -
/// Rusia kecam Turki"), or the text's first words ("Amerika Serikat menyambut…, juru bicara
/// …"; IndoSum's titles are its leads cut short: "Denpasar (ANTARA News)-Ketua Pengurus…").
fn title_opening(title: &str, text: &str) -> Option<usize> {
    if title.is_empty() {
        return None;
    }
    let lead = text.len() - text.trim_start().len();
    let first = text[lead..].lines().next()?.trim_end();
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (line, title_words) = (words(first), words(title));
    let named = |rest: &str| {
        let rest = rest.trim();
        rest.ends_with(['-', '|', '–', '—', ':']) || rest.starts_with(['-', '|', '–', '—', ':'])
    };
    if line == title_words
        || line.strip_suffix(title_words.as_str()).is_some_and(&named)
        || line.strip_prefix(title_words.as_str()).is_some_and(named)
    {
        return Some(lead + first.len());
    }
    // The text's first words; with an ellipsis, the last perhaps cut.
    let trimmed = title.trim_end();
    let ellipsis = trimmed.ends_with('…') || trimmed.ends_with("...");
    let cut = trimmed.trim_end_matches(['…', '.', ' ']);
    let wanted: Vec<&str> = (if ellipsis { cut } else { trimmed })
        .split_whitespace()
        .collect();
    let (last, whole) = wanted.split_last()?;
    let mut at = lead;
    for w in whole {
        let rest = &text[at..];
        let skip = rest.len() - rest.trim_start().len();
        let word = rest[skip..].split_whitespace().next()?;
        if word != *w {
            return None;
        }
        at += skip + word.len();
    }
    let rest = &text[at..];
    let skip = rest.len() - rest.trim_start().len();
    let word = rest[skip..].split_whitespace().next()?;
    // The title's last word whole, or with the text's punctuation after it ("ISIS,"), or
    // cut short before the ellipsis.
    if ellipsis && word.starts_with(last) {
        return Some(at + skip + word.len());
    }
    let fits = word == *last
        || word
            .strip_prefix(last)
            .is_some_and(|p| !p.starts_with(char::is_alphanumeric));
    fits.then(|| at + skip + last.len())
}

#[cfg(test)]
mod tests {
    use super::title_opening;

    #[test]
    fn titles_the_text_opens_with() {
        let text = "wartaperang - Rusia kecam Turki\n\nMoskow (ANTARA) - ...";
        assert_eq!(title_opening("Rusia kecam Turki", text), Some(31));
        let text = "Denpasar (ANTARA News)-Ketua Pengurus Besar IPSI membuka acara itu.";
        assert_eq!(
            title_opening("Denpasar (ANTARA News)-Ketua Pengurus Be…", text),
            Some("Denpasar (ANTARA News)-Ketua Pengurus Besar".len())
        );
        assert_eq!(
            title_opening("Rusia kecam Jepang", "Pemerintah menyampaikan protes."),
            None
        );
        assert_eq!(title_opening("Rusia kecam…", "Jepang kecam Rusia."), None);
        let seed = "Amerika Serikat menyambut kerjasama, juru bicara mengatakan.";
        assert_eq!(
            title_opening("Amerika Serikat menyambut kerjasama", seed),
            Some("Amerika Serikat menyambut kerjasama".len())
        );
        assert_eq!(title_opening("Harga minyak", "Harga minyakan naik."), None);
        assert_eq!(title_opening("", "Rusia"), None);
    }
}
