//! Candidate discovery: frequent capitalised names ("Kementerian Pertahanan") and acronyms
//! ("JAD") in the stored articles that no actor of the dictionary covers, for the user to add.
//!
//! A name is a run of 2 to 5 capitalised words (an upper-case first letter, a lower-case
//! letter after it) separated by single spaces; an acronym is one word of 2 to 6 capital
//! letters. A run that starts a sentence drops its first word when that word is a common one
//! ("Namun", "The"). Occurrences that overlap a mention of the matcher are not candidates, nor
//! are acronyms that are a common word in capitals ("JUGA": "juga" is written in lower case at
//! least half as often), time zones, roman numerals and company forms.

use crate::store::{Store, StoreError};
use crate::tagging::Matcher;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

/// What a candidate looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CandidateKind {
    /// A run of capitalised words.
    Name,
    /// A word of capitals.
    Acronym,
}

/// A frequent name no actor covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The text, as written.
    pub text: String,
    /// Name or acronym.
    pub kind: CandidateKind,
    /// Articles it occurs in.
    pub articles: u64,
    /// Occurrences in all articles.
    pub occurrences: u64,
    /// Up to three contexts (a window of text around an occurrence).
    pub examples: Vec<String>,
}

/// Words that start sentences without being names.
const COMMON: &[&str] = &[
    "a",
    "ada",
    "adapun",
    "akan",
    "an",
    "and",
    "as",
    "at",
    "bagi",
    "bahkan",
    "baca",
    "but",
    "dalam",
    "dan",
    "dari",
    "demikian",
    "di",
    "dia",
    "during",
    "for",
    "from",
    "hal",
    "he",
    "in",
    "ini",
    "it",
    "itu",
    "jika",
    "juga",
    "kami",
    "kata",
    "ke",
    "kemudian",
    "ketika",
    "kini",
    "meski",
    "menurut",
    "namun",
    "oleh",
    "on",
    "pada",
    "para",
    "pihak",
    "saat",
    "sebelumnya",
    "sejak",
    "selain",
    "sementara",
    "she",
    "since",
    "sudah",
    "tak",
    "tapi",
    "the",
    "then",
    "they",
    "this",
    "tidak",
    "untuk",
    "we",
    "when",
    "while",
    "yang",
];

/// Capitals that are no actor: time zones, roman numerals, titles and company forms.
const NOT_ACRONYMS: &[&str] = &[
    "AM", "BACA", "CEO", "CFO", "COO", "CTO", "FOTO", "II", "III", "IV", "IX", "LIHAT", "PM", "PT",
    "SIMAK", "TBK", "VI", "VII", "VIII", "VIDEO", "WIB", "WIT", "WITA", "XI", "XII", "XX",
];

const BATCH: usize = 256;
const WINDOW: usize = 40;

struct Word {
    start: usize,
    end: usize,
    sentence_start: bool,
}

fn is_capitalised(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

fn is_acronym(w: &str) -> bool {
    let n = w.chars().count();
    (2..=6).contains(&n) && w.chars().all(|c| c.is_uppercase())
}

/// Words (runs of letters, digits, and inner hyphens or apostrophes) with byte offsets.
fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut sentence_start = true;
    let mut pending_start = true;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
                sentence_start = pending_start;
                pending_start = false;
            }
        } else if let Some(s) = start.take() {
            out.push(Word {
                start: s,
                end: i,
                sentence_start,
            });
        }
        if matches!(c, '.' | '!' | '?' | '\n' | '"' | '“' | ':') {
            pending_start = true;
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: text.len(),
            sentence_start,
        });
    }
    out
}

#[derive(Default)]
struct Tally {
    kind: Option<CandidateKind>,
    articles: u64,
    occurrences: u64,
    last_article: i64,
    examples: Vec<String>,
}

fn context(text: &str, start: usize, end: usize) -> String {
    let mut from = start.saturating_sub(WINDOW);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + WINDOW).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    text[from..to]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Candidates in one text: (byte start, byte end, kind).
fn spans(text: &str) -> Vec<(usize, usize, CandidateKind)> {
    let ws = words(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let w = &ws[i];
        let word = &text[w.start..w.end];
        if is_acronym(word) {
            out.push((w.start, w.end, CandidateKind::Acronym));
            i += 1;
            continue;
        }
        if !is_capitalised(word) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < ws.len()
            && &text[ws[j - 1].end..ws[j].start] == " "
            && is_capitalised(&text[ws[j].start..ws[j].end])
        {
            j += 1;
        }
        let mut first = i;
        if w.sentence_start && COMMON.contains(&word.to_lowercase().as_str()) {
            first += 1;
        }
        // Runs longer than five words give their first five.
        let last = j.min(first + 5);
        if last >= first + 2 {
            out.push((ws[first].start, ws[last - 1].end, CandidateKind::Name));
        }
        i = j;
    }
    out
}

/// Frequent names and acronyms in the stored articles that no actor of `matcher` covers:
/// those found in at least `min_count` articles, most frequent first, at most `limit`.
pub fn find_candidates(
    store: &Store,
    matcher: &Matcher,
    min_count: u64,
    limit: usize,
) -> Result<Vec<Candidate>, StoreError> {
    find_candidates_with(
        store,
        matcher,
        min_count,
        limit,
        &AtomicBool::new(false),
        |_, _| {},
    )
}

/// [`find_candidates`] for a background job: `progress(articles done, articles in all)` after
/// each batch; stops early when `cancel` is set (the result then covers the articles read).
pub fn find_candidates_with(
    store: &Store,
    matcher: &Matcher,
    min_count: u64,
    limit: usize,
    cancel: &AtomicBool,
    mut progress: impl FnMut(u64, u64),
) -> Result<Vec<Candidate>, StoreError> {
    let total = store.article_count(&crate::model::Filter::default())?;
    let mut done = 0u64;
    let mut tally: HashMap<String, Tally> = HashMap::new();
    // Lower-case words of acronym length: "JUGA" in a headline is the word "juga", not a name.
    let mut lower_words: HashMap<String, u64> = HashMap::new();
    store.for_each_article_batch(BATCH, |batch| {
        done += batch.len() as u64;
        for article in batch {
            let text = &article.text;
            for w in text.split(|c: char| !c.is_alphanumeric()) {
                let n = w.chars().count();
                if (2..=6).contains(&n) && w.chars().all(char::is_lowercase) {
                    match lower_words.get_mut(w) {
                        Some(count) => *count += 1,
                        None => {
                            lower_words.insert(w.to_string(), 1);
                        }
                    }
                }
            }
            let mentions = matcher.find(text, article.language);
            // Byte ranges of the mentions (char offsets converted once, in order).
            let mut covered: Vec<(usize, usize)> = Vec::with_capacity(mentions.len());
            if !mentions.is_empty() {
                let byte_of: Vec<usize> = text
                    .char_indices()
                    .map(|(b, _)| b)
                    .chain(std::iter::once(text.len()))
                    .collect();
                for m in &mentions {
                    if let (Some(&s), Some(&e)) =
                        (byte_of.get(m.start_char), byte_of.get(m.end_char))
                    {
                        covered.push((s, e));
                    }
                }
            }
            for (start, end, kind) in spans(text) {
                if covered.iter().any(|&(s, e)| s < end && start < e) {
                    continue;
                }
                let t = tally.entry(text[start..end].to_string()).or_default();
                t.kind = Some(kind);
                t.occurrences += 1;
                if t.last_article != article.id {
                    t.last_article = article.id;
                    t.articles += 1;
                    if t.examples.len() < 3 {
                        t.examples.push(context(text, start, end));
                    }
                }
            }
        }
        progress(done, total);
        !cancel.load(Ordering::Relaxed)
    })?;
    let mut out: Vec<Candidate> = tally
        .into_iter()
        .filter(|(_, t)| t.articles >= min_count.max(1))
        .filter(|(text, t)| {
            t.kind != Some(CandidateKind::Acronym)
                || (!NOT_ACRONYMS.contains(&text.as_str())
                    && lower_words.get(&text.to_lowercase()).copied().unwrap_or(0) * 2
                        < t.occurrences)
        })
        .map(|(text, t)| Candidate {
            text,
            kind: t.kind.unwrap_or(CandidateKind::Name),
            articles: t.articles,
            occurrences: t.occurrences,
            examples: t.examples,
        })
        .collect();
    out.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then(b.occurrences.cmp(&a.occurrences))
            .then(a.text.cmp(&b.text))
    });
    out.truncate(limit);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_acronyms() {
        let text =
            "Namun Kementerian Pertahanan menyebut JAD. Kemarin hujan. The Jakarta Post said";
        let got: Vec<(&str, CandidateKind)> = spans(text)
            .into_iter()
            .map(|(s, e, k)| (&text[s..e], k))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Kementerian Pertahanan", CandidateKind::Name),
                ("JAD", CandidateKind::Acronym),
                ("Jakarta Post", CandidateKind::Name),
            ]
        );
    }
}
