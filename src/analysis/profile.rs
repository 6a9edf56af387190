//! An actor's profile, or how it is framed: its articles, the actors named with it, the
//! outlets that cover it, and the words that characterise the sentences it is mentioned in
//! against the rest of the corpus (log-likelihood keyness).
//!
//! The words: every sentence of the text that mentions the actor is its context; every other
//! sentence of the articles read is the reference (the rest of its own articles and the
//! articles that do not mention it). Words are lower-case runs of letters and digits
//! (inner hyphens kept), without Indonesian and English stop words (stopwords-iso, through the
//! `stop-words` crate), numbers, and the words of the actor's own aliases. For speed, at most
//! [`ProfileOptions::max_context_articles`] of its articles and
//! [`ProfileOptions::max_reference_articles`] others are read, taken evenly by id; the
//! profile says how many were read of how many.

use super::compare::compare_counts;
use super::cooccurrence::{Measure, Window, cooccurrence};
use super::outlets::{OutletActor, outlets_for};
use crate::model::{ActorKind, Field, Filter};
use crate::segment::Segments;
use crate::store::{Store, StoreError};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// One word of the keyness table.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyTerm {
    /// The word (lower case).
    pub term: String,
    /// Its occurrences in the sentences mentioning the actor.
    pub in_context: u64,
    /// Its occurrences in the other sentences read.
    pub elsewhere: u64,
    /// Log-likelihood G² of the two counts against the two totals.
    pub llr: f64,
    /// log₂ of its relative frequency in context over elsewhere (a zero counts 0.5).
    pub log_ratio: f64,
}

/// How much a profile reads and keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProfileOptions {
    /// Most articles of the actor read for its context.
    pub max_context_articles: usize,
    /// Most other articles read for the reference.
    pub max_reference_articles: usize,
    /// Fewest occurrences in context for a word to be kept.
    pub min_count: u64,
    /// Most co-actors and outlets kept (the words are all kept).
    pub top: usize,
}

impl Default for ProfileOptions {
    fn default() -> Self {
        ProfileOptions {
            max_context_articles: 2_000,
            max_reference_articles: 2_000,
            min_count: 3,
            top: 25,
        }
    }
}

/// An actor's profile under a filter.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Profile {
    /// Its code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Country or organization.
    pub kind: Option<ActorKind>,
    /// Articles passing the filter that mention it.
    pub articles: u64,
    /// All articles passing the filter.
    pub units: u64,
    /// Actors named in the same articles: (code, name, articles with both), most first.
    pub co_actors: Vec<(String, String, u64)>,
    /// The outlets that cover it, most articles first.
    pub outlets: Vec<OutletActor>,
    /// The words over-represented in its sentences, the largest G² first.
    pub terms: Vec<KeyTerm>,
    /// Words in its sentences (the context total).
    pub context_words: u64,
    /// Words in the other sentences read (the reference total).
    pub reference_words: u64,
    /// Its articles read for the context, of `articles`.
    pub context_articles_read: u64,
    /// Other articles read for the reference.
    pub reference_articles_read: u64,
    /// Other articles passing the filter.
    pub reference_articles: u64,
}

/// The stop words of Indonesian and English, lower case.
fn stop_words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut s: HashSet<&'static str> = HashSet::new();
        s.extend(
            stop_words::get(stop_words::Language::Indonesian)
                .iter()
                .copied(),
        );
        s.extend(
            stop_words::get(stop_words::Language::English)
                .iter()
                .copied(),
        );
        s
    })
}

/// Calls `f` with every word of `text` (lower case; letters and digits, inner hyphens kept).
pub fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if c == '-' && !word.is_empty() && chars.peek().is_some_and(|n| n.is_alphanumeric())
        {
            word.push('-');
        } else if !word.is_empty() {
            f(&word);
            word.clear();
        }
    }
    if !word.is_empty() {
        f(&word);
    }
}

/// True for a word worth counting: two characters or more, not a number, not a stop word, not
/// one of `own` (the actor's alias words).
fn counts(word: &str, own: &HashSet<String>) -> bool {
    word.chars().count() >= 2
        && !word.chars().all(|c| c.is_numeric() || c == '-')
        && !stop_words().contains(word)
        && !own.contains(word)
}

/// Every `k`-th of `ids` so that at most `max` are kept (all when there are fewer).
fn evenly(ids: &[i64], max: usize) -> Vec<i64> {
    if ids.len() <= max || max == 0 {
        return if max == 0 { Vec::new() } else { ids.to_vec() };
    }
    let k = ids.len().div_ceil(max);
    ids.iter().step_by(k).copied().collect()
}

/// Word counts of a part of the texts read.
#[derive(Default)]
struct Counts {
    context: HashMap<String, u64>,
    reference: HashMap<String, u64>,
    context_words: u64,
    reference_words: u64,
}

impl Counts {
    fn merge(&mut self, other: Counts) {
        for (w, n) in other.context {
            *self.context.entry(w).or_default() += n;
        }
        for (w, n) in other.reference {
            *self.reference.entry(w).or_default() += n;
        }
        self.context_words += other.context_words;
        self.reference_words += other.reference_words;
    }
}

/// Counts the words of `docs`: a text with the set of its sentences that name the actor
/// (those go to the context, the others to the reference), or a text of the reference.
fn count_words(docs: &[(String, Option<HashSet<u32>>)], own: &HashSet<String>) -> Counts {
    let mut c = Counts::default();
    let add = |map: &mut HashMap<String, u64>, total: &mut u64, text: &str| {
        for_each_word(text, |w| {
            if counts(w, own) {
                *total += 1;
                match map.get_mut(w) {
                    Some(n) => *n += 1,
                    None => {
                        map.insert(w.to_string(), 1);
                    }
                }
            }
        });
    };
    for (text, mentioned) in docs {
        match mentioned {
            None => add(&mut c.reference, &mut c.reference_words, text),
            Some(mentioned) => {
                let segments = Segments::new(text);
                for i in 0..segments.sentence_count() {
                    let Some((s, e)) = segments.sentence_range(i, text.len()) else {
                        continue;
                    };
                    let sentence = &text[s..e];
                    if mentioned.contains(&(i as u32)) {
                        add(&mut c.context, &mut c.context_words, sentence);
                    } else {
                        add(&mut c.reference, &mut c.reference_words, sentence);
                    }
                }
            }
        }
    }
    c
}

/// The profile of the actor `code` in the articles passing `filter` (`None` for an unknown
/// code).
pub fn profile(
    store: &Store,
    code: &str,
    filter: &Filter,
    options: ProfileOptions,
) -> Result<Option<Profile>, StoreError> {
    let ids = store.actor_ids()?;
    let Some(&actor) = ids.get(code) else {
        return Ok(None);
    };
    let info = store.actors()?.into_iter().find(|a| a.id == actor);
    let with: Vec<i64> = store.filtered_article_ids(filter, Some(&[actor]))?;
    let all: Vec<i64> = store.filtered_article_ids(filter, None)?;
    let with_set: HashSet<i64> = with.iter().copied().collect();
    let others: Vec<i64> = all
        .iter()
        .copied()
        .filter(|id| !with_set.contains(id))
        .collect();

    // Co-actors: the pairs of this actor in the article window.
    let mut co_actors: Vec<(String, String, u64)> =
        cooccurrence(store, Window::Article, 1, None, Measure::Both, filter)?
            .into_iter()
            .filter_map(|p| {
                if p.actor_a == code {
                    Some((p.actor_b, p.name_b, p.both))
                } else if p.actor_b == code {
                    Some((p.actor_a, p.name_a, p.both))
                } else {
                    None
                }
            })
            .collect();
    co_actors.sort_by(|x, y| y.2.cmp(&x.2).then_with(|| x.0.cmp(&y.0)));
    co_actors.truncate(options.top);
    let mut by_outlet: Vec<OutletActor> = outlets_for(store, filter, Some(actor))?;
    by_outlet.sort_by(|x, y| {
        y.articles
            .cmp(&x.articles)
            .then_with(|| x.source.cmp(&y.source))
    });
    by_outlet.truncate(options.top);

    // Its own names are not words about it.
    let mut own: HashSet<String> = HashSet::new();
    let mut names: Vec<String> = store
        .aliases(Some(code))?
        .into_iter()
        .map(|a| a.text)
        .collect();
    names.push(code.to_string());
    if let Some(a) = &info {
        names.push(a.name.clone());
    }
    for n in &names {
        for_each_word(n, |w| {
            own.insert(w.to_string());
        });
    }

    // Read the texts (one connection), then count their words on every core.
    let read_with = evenly(&with, options.max_context_articles);
    let mut docs: Vec<(String, Option<HashSet<u32>>)> = Vec::new();
    for &id in &read_with {
        let Some(text) = store.article_body(id)? else {
            continue;
        };
        let mentioned: HashSet<u32> = store
            .article_mentions(id, &[actor])?
            .into_iter()
            .filter(|m| m.field == Field::Text)
            .map(|m| m.sentence)
            .collect();
        docs.push((text, Some(mentioned)));
    }
    let read_others = evenly(&others, options.max_reference_articles);
    for &id in &read_others {
        if let Some(text) = store.article_body(id)? {
            docs.push((text, None));
        }
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let chunk = docs.len().div_ceil(threads).max(1);
    let parts: Vec<Counts> = std::thread::scope(|scope| {
        let handles: Vec<_> = docs
            .chunks(chunk)
            .map(|part| scope.spawn(|| count_words(part, &own)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut tally = Counts::default();
    for p in parts {
        tally.merge(p);
    }
    let Counts {
        context,
        reference,
        context_words,
        reference_words,
    } = tally;
    let mut terms: Vec<KeyTerm> = context
        .into_iter()
        .filter(|(_, n)| *n >= options.min_count.max(1))
        .map(|(term, n)| {
            let elsewhere = reference.get(&term).copied().unwrap_or(0);
            let (llr, _, log_ratio) = compare_counts(elsewhere, reference_words, n, context_words);
            KeyTerm {
                term,
                in_context: n,
                elsewhere,
                llr,
                log_ratio,
            }
        })
        .filter(|t| t.log_ratio > 0.0)
        .collect();
    terms.sort_by(|x, y| {
        y.llr
            .total_cmp(&x.llr)
            .then(y.in_context.cmp(&x.in_context))
            .then_with(|| x.term.cmp(&y.term))
    });
    Ok(Some(Profile {
        code: code.to_string(),
        name: info.as_ref().map(|a| a.name.clone()).unwrap_or_default(),
        kind: info.map(|a| a.kind),
        articles: with.len() as u64,
        units: all.len() as u64,
        co_actors,
        outlets: by_outlet,
        terms,
        context_words,
        reference_words,
        context_articles_read: read_with.len() as u64,
        reference_articles_read: read_others.len() as u64,
        reference_articles: others.len() as u64,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lower_case_runs_with_inner_hyphens() {
        let mut words = Vec::new();
        for_each_word("Anti-teror: Rusia's  TNI-AU, 2020 -x", |w| {
            words.push(w.to_string())
        });
        assert_eq!(words, ["anti-teror", "rusia", "s", "tni-au", "2020", "x"]);
        let own: HashSet<String> = ["rusia".to_string()].into();
        assert!(counts("teror", &own));
        assert!(!counts("rusia", &own), "its own name");
        assert!(!counts("yang", &own) && !counts("the", &own), "stop words");
        assert!(!counts("2020", &own) && !counts("x", &own));
    }

    #[test]
    fn samples_are_even_and_bounded() {
        let ids: Vec<i64> = (1..=10).collect();
        assert_eq!(evenly(&ids, 20), ids);
        assert_eq!(evenly(&ids, 5), [1, 3, 5, 7, 9]);
        assert_eq!(evenly(&ids, 3), [1, 5, 9]);
        assert!(evenly(&ids, 0).is_empty());
    }
}
