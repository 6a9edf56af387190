//! A provisional, in-memory stand-in for `crate::analysis` (being written on branch
//! `analysis`), with the same API, so the dashboard works before that module is merged.
//! It reads the whole tagging result into memory: fine for a few thousand articles.
//! Once `crate::analysis` is merged, `ui/mod.rs` points `analysis` at it and this file goes.

use crate::model::ActorKind;
use crate::store::{Store, StoreError, day_date, day_number};
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Which articles an analysis counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    /// Published on or after.
    pub from: Option<NaiveDate>,
    /// Published on or before.
    pub to: Option<NaiveDate>,
    /// Languages; empty = all.
    pub languages: Vec<crate::model::Language>,
    /// Outlets; empty = all.
    pub sources: Vec<String>,
    /// Actor kind.
    pub kind: Option<ActorKind>,
    /// Full-text search (unused here).
    pub query: Option<String>,
}

/// Timeline bin width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bin {
    /// Day.
    Day,
    /// Week (from Monday).
    Week,
    /// Month.
    Month,
    /// Year.
    Year,
}

/// One bin of one actor.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelinePoint {
    /// First day of the bin.
    pub bin_start: NaiveDate,
    /// Articles mentioning the actor.
    pub articles: u64,
    /// Mentions.
    pub mentions: u64,
    /// All articles in the bin.
    pub total_articles: u64,
    /// articles / total_articles.
    pub share: f64,
}

/// One actor's line.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Actor code.
    pub actor_code: String,
    /// Actor name.
    pub actor_name: String,
    /// Points, by bin.
    pub points: Vec<TimelinePoint>,
}

/// Lines of the selected actors.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// Bin width.
    pub bin: Bin,
    /// One per actor.
    pub series: Vec<Series>,
    /// Articles of the actors without a date.
    pub undated_articles: u64,
}

/// An unusual bin.
#[derive(Debug, Clone, PartialEq)]
pub struct Spike {
    /// Actor.
    pub actor_code: String,
    /// Bin.
    pub bin_start: NaiveDate,
    /// Share in the bin.
    pub share: f64,
    /// z-score of the share.
    pub z: f64,
    /// An article of the bin.
    pub article_id: i64,
    /// Its title.
    pub title: String,
}

/// Co-occurrence unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Window {
    /// Same article.
    Article,
    /// Same paragraph.
    Paragraph,
    /// Same sentence.
    Sentence,
}

/// Sort order of pairs.
#[allow(dead_code)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    /// Units with both.
    Both,
    /// Jaccard.
    Jaccard,
    /// Normalised PMI.
    Npmi,
    /// Log-likelihood ratio.
    Llr,
}

/// One pair of actors.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub struct PairStat {
    pub actor_a: String,
    pub actor_b: String,
    pub name_a: String,
    pub name_b: String,
    pub both: u64,
    pub a_units: u64,
    pub b_units: u64,
    pub units: u64,
    pub jaccard: f64,
    pub npmi: f64,
    pub llr: f64,
}

/// One actor's totals.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub struct ActorCount {
    pub code: String,
    pub name: String,
    pub kind: ActorKind,
    pub org_type: String,
    pub articles: u64,
    pub mentions: u64,
}

/// What a number stands for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum DrillDown {
    ActorBin {
        actor_code: String,
        bin: Bin,
        bin_start: NaiveDate,
    },
    Pair {
        actor_a: String,
        actor_b: String,
        window: Window,
    },
    Actor {
        actor_code: String,
    },
}

/// A keyword-in-context line.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub struct Kwic {
    pub actor_code: String,
    pub line: String,
    pub match_start: usize,
    pub match_end: usize,
}

/// An article behind a number.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub struct ArticleHit {
    pub article_id: i64,
    pub title: String,
    pub source: String,
    pub published: Option<NaiveDate>,
    pub language: String,
    pub kwic: Vec<Kwic>,
}

/// A page of results.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub offset: u64,
}

impl Bin {
    /// The first day of `date`'s bin.
    pub fn bin_start(self, date: NaiveDate) -> NaiveDate {
        bin_start(self, date)
    }
}

/// The first day of `date`'s bin.
fn bin_start(bin: Bin, date: NaiveDate) -> NaiveDate {
    match bin {
        Bin::Day => date,
        Bin::Week => date - chrono::Duration::days(date.weekday().num_days_from_monday() as i64),
        Bin::Month => date.with_day(1).unwrap_or(date),
        Bin::Year => NaiveDate::from_ymd_opt(date.year(), 1, 1).unwrap_or(date),
    }
}

fn next_bin(bin: Bin, start: NaiveDate) -> NaiveDate {
    match bin {
        Bin::Day => start + chrono::Duration::days(1),
        Bin::Week => start + chrono::Duration::days(7),
        Bin::Month => start
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(start),
        Bin::Year => start
            .checked_add_months(chrono::Months::new(12))
            .unwrap_or(start),
    }
}

/// The articles the filter keeps: id → (day, title).
struct Corpus {
    articles: HashMap<i64, (Option<i64>, String)>,
    tags: Vec<crate::store::TagRow>,
    actors: HashMap<String, crate::store::ActorMeta>,
}

fn load(store: &Store, filter: &Filter) -> Result<Corpus, StoreError> {
    let langs: HashSet<&str> = filter.languages.iter().map(|l| l.as_str()).collect();
    let (from, to) = (filter.from.map(day_number), filter.to.map(day_number));
    let articles = store
        .article_metas()?
        .into_iter()
        .filter(|a| langs.is_empty() || langs.contains(a.language.as_str()))
        .filter(|a| filter.sources.is_empty() || filter.sources.contains(&a.source))
        .filter(|a| match (a.published_day, from, to) {
            (None, None, None) => true,
            (None, _, _) => false,
            (Some(d), f, t) => f.is_none_or(|f| d >= f) && t.is_none_or(|t| d <= t),
        })
        .map(|a| (a.id, (a.published_day, a.title)))
        .collect::<HashMap<_, _>>();
    let actors: HashMap<_, _> = store
        .actor_metas()?
        .into_iter()
        .filter(|a| filter.kind.is_none_or(|k| k.as_str() == a.kind))
        .map(|a| (a.code.clone(), a))
        .collect();
    let tags = store
        .tag_rows()?
        .into_iter()
        .filter(|t| articles.contains_key(&t.article_id) && actors.contains_key(&t.actor_code))
        .collect();
    Ok(Corpus {
        articles,
        tags,
        actors,
    })
}

/// Articles and share per bin for each actor.
pub fn timeline(
    store: &Store,
    actor_codes: &[String],
    bin: Bin,
    filter: &Filter,
) -> Result<Timeline, StoreError> {
    let c = load(store, filter)?;
    let mut totals: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    for (day, _) in c.articles.values() {
        if let Some(d) = day {
            *totals.entry(bin_start(bin, day_date(*d))).or_default() += 1;
        }
    }
    let (Some(first), Some(last)) = (totals.keys().next().copied(), totals.keys().last().copied())
    else {
        return Ok(Timeline {
            bin,
            series: Vec::new(),
            undated_articles: 0,
        });
    };
    let mut undated = 0;
    let mut series = Vec::new();
    for code in actor_codes {
        let mut per_bin: BTreeMap<NaiveDate, (u64, u64)> = BTreeMap::new();
        for t in c.tags.iter().filter(|t| &t.actor_code == code) {
            match c.articles.get(&t.article_id).and_then(|a| a.0) {
                Some(d) => {
                    let e = per_bin.entry(bin_start(bin, day_date(d))).or_default();
                    e.0 += 1;
                    e.1 += t.mentions;
                }
                None => undated += 1,
            }
        }
        let mut points = Vec::new();
        let mut start = first;
        while start <= last {
            let (articles, mentions) = per_bin.get(&start).copied().unwrap_or_default();
            let total = totals.get(&start).copied().unwrap_or_default();
            let share = if total == 0 {
                0.0
            } else {
                articles as f64 / total as f64
            };
            points.push(TimelinePoint {
                bin_start: start,
                articles,
                mentions,
                total_articles: total,
                share,
            });
            let next = next_bin(bin, start);
            if next <= start {
                break;
            }
            start = next;
        }
        let actor_name = c
            .actors
            .get(code)
            .map(|a| a.name.clone())
            .unwrap_or_else(|| code.clone());
        series.push(Series {
            actor_code: code.clone(),
            actor_name,
            points,
        });
    }
    Ok(Timeline {
        bin,
        series,
        undated_articles: undated,
    })
}

/// Centred moving average (the window shrinks at the ends).
pub fn moving_average(values: &[f64], window: usize) -> Vec<f64> {
    let half = window.max(1) / 2;
    (0..values.len())
        .map(|i| {
            let (lo, hi) = (i.saturating_sub(half), (i + half + 1).min(values.len()));
            values[lo..hi].iter().sum::<f64>() / (hi - lo) as f64
        })
        .collect()
}

/// Bins whose share stands out (z ≥ 2.5, at least 2 articles).
pub fn spikes(
    timeline: &Timeline,
    store: &Store,
    filter: &Filter,
) -> Result<Vec<Spike>, StoreError> {
    let c = load(store, filter)?;
    let mut out = Vec::new();
    for s in &timeline.series {
        let n = s.points.len() as f64;
        if n < 4.0 {
            continue;
        }
        let mean = s.points.iter().map(|p| p.share).sum::<f64>() / n;
        let sd = (s
            .points
            .iter()
            .map(|p| (p.share - mean).powi(2))
            .sum::<f64>()
            / n)
            .sqrt();
        for p in s.points.iter().filter(|p| p.articles >= 2 && sd > 0.0) {
            let z = (p.share - mean) / sd;
            if z < 2.5 {
                continue;
            }
            let end = next_bin(timeline.bin, p.bin_start);
            let top = c
                .tags
                .iter()
                .filter(|t| t.actor_code == s.actor_code)
                .filter_map(|t| {
                    let (day, title) = c.articles.get(&t.article_id)?;
                    let d = day_date((*day)?);
                    (d >= p.bin_start && d < end).then_some((t.mentions, t.article_id, title))
                })
                .max_by_key(|x| (x.0, std::cmp::Reverse(x.1)));
            if let Some((_, article_id, title)) = top {
                out.push(Spike {
                    actor_code: s.actor_code.clone(),
                    bin_start: p.bin_start,
                    share: p.share,
                    z,
                    article_id,
                    title: title.clone(),
                });
            }
        }
    }
    Ok(out)
}

fn units(
    store: &Store,
    c: &Corpus,
    window: Window,
) -> Result<HashMap<(i64, u32), BTreeSet<String>>, StoreError> {
    let mut map: HashMap<(i64, u32), BTreeSet<String>> = HashMap::new();
    if window == Window::Article {
        for t in &c.tags {
            map.entry((t.article_id, 0))
                .or_default()
                .insert(t.actor_code.clone());
        }
        return Ok(map);
    }
    for m in store.mention_units()? {
        if c.articles.contains_key(&m.article_id) && c.actors.contains_key(&m.actor_code) {
            let unit = if window == Window::Paragraph {
                m.paragraph_idx
            } else {
                m.sentence_idx
            };
            map.entry((m.article_id, unit))
                .or_default()
                .insert(m.actor_code);
        }
    }
    Ok(map)
}

/// Pairs of actors that occur together.
pub fn cooccurrence(
    store: &Store,
    window: Window,
    min_support: u64,
    top_n: Option<usize>,
    order_by: Measure,
    filter: &Filter,
) -> Result<Vec<PairStat>, StoreError> {
    let c = load(store, filter)?;
    let map = units(store, &c, window)?;
    let n = if window == Window::Article {
        c.articles.len()
    } else {
        map.len()
    } as f64;
    let mut single: HashMap<&str, u64> = HashMap::new();
    let mut pairs: HashMap<(&str, &str), u64> = HashMap::new();
    for set in map.values() {
        let v: Vec<&str> = set.iter().map(String::as_str).collect();
        for (i, a) in v.iter().enumerate() {
            *single.entry(a).or_default() += 1;
            for b in &v[i + 1..] {
                *pairs.entry((a, b)).or_default() += 1;
            }
        }
    }
    let name = |code: &str| {
        c.actors
            .get(code)
            .map(|a| a.name.clone())
            .unwrap_or_default()
    };
    let mut out: Vec<PairStat> = pairs
        .into_iter()
        .filter(|&(_, both)| both >= min_support.max(1))
        .map(|((a, b), both)| {
            let (na, nb) = (single[a] as f64, single[b] as f64);
            let k = both as f64;
            let p_ab = k / n;
            let npmi = if p_ab >= 1.0 {
                1.0
            } else {
                (p_ab / ((na / n) * (nb / n))).ln() / -p_ab.ln()
            };
            let cells = [k, na - k, nb - k, n - na - nb + k];
            let expected = [
                na * nb / n,
                na * (n - nb) / n,
                (n - na) * nb / n,
                (n - na) * (n - nb) / n,
            ];
            let llr = 2.0
                * cells
                    .iter()
                    .zip(expected)
                    .filter(|(o, e)| **o > 0.0 && *e > 0.0)
                    .map(|(o, e)| o * (o / e).ln())
                    .sum::<f64>();
            PairStat {
                actor_a: a.into(),
                actor_b: b.into(),
                name_a: name(a),
                name_b: name(b),
                both,
                a_units: na as u64,
                b_units: nb as u64,
                units: n as u64,
                jaccard: k / (na + nb - k),
                npmi,
                llr,
            }
        })
        .collect();
    let key = |p: &PairStat| match order_by {
        Measure::Both => p.both as f64,
        Measure::Jaccard => p.jaccard,
        Measure::Npmi => p.npmi,
        Measure::Llr => p.llr,
    };
    out.sort_by(|x, y| {
        key(y)
            .total_cmp(&key(x))
            .then_with(|| (&x.actor_a, &x.actor_b).cmp(&(&y.actor_a, &y.actor_b)))
    });
    if let Some(top) = top_n {
        out.truncate(top);
    }
    Ok(out)
}

/// Articles and mentions per actor, most articles first.
pub fn actor_counts(store: &Store, filter: &Filter) -> Result<Vec<ActorCount>, StoreError> {
    let c = load(store, filter)?;
    let mut counts: HashMap<&str, (u64, u64)> = HashMap::new();
    for t in &c.tags {
        let e = counts.entry(&t.actor_code).or_default();
        e.0 += 1;
        e.1 += t.mentions;
    }
    let mut out: Vec<ActorCount> = counts
        .into_iter()
        .filter_map(|(code, (articles, mentions))| {
            let a = c.actors.get(code)?;
            Some(ActorCount {
                code: a.code.clone(),
                name: a.name.clone(),
                kind: ActorKind::parse(&a.kind)?,
                org_type: a.org_type.clone(),
                articles,
                mentions,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.code.cmp(&b.code))
    });
    Ok(out)
}

/// The articles behind a number, with keyword-in-context lines.
pub fn drill_down(
    store: &Store,
    what: &DrillDown,
    filter: &Filter,
    offset: u64,
    limit: u64,
) -> Result<Page<ArticleHit>, StoreError> {
    let c = load(store, filter)?;
    let (ids, codes): (Vec<i64>, Vec<String>) = match what {
        DrillDown::Actor { actor_code } => (
            c.tags
                .iter()
                .filter(|t| &t.actor_code == actor_code)
                .map(|t| t.article_id)
                .collect(),
            vec![actor_code.clone()],
        ),
        DrillDown::ActorBin {
            actor_code,
            bin,
            bin_start: start,
        } => {
            let end = next_bin(*bin, *start);
            let ids = c
                .tags
                .iter()
                .filter(|t| &t.actor_code == actor_code)
                .filter(|t| {
                    c.articles
                        .get(&t.article_id)
                        .and_then(|a| a.0)
                        .map(day_date)
                        .is_some_and(|d| d >= *start && d < end)
                })
                .map(|t| t.article_id)
                .collect();
            (ids, vec![actor_code.clone()])
        }
        DrillDown::Pair {
            actor_a,
            actor_b,
            window,
        } => {
            let ids: BTreeSet<i64> = units(store, &c, *window)?
                .into_iter()
                .filter(|(_, s)| s.contains(actor_a) && s.contains(actor_b))
                .map(|((id, _), _)| id)
                .collect();
            (
                ids.into_iter().collect(),
                vec![actor_a.clone(), actor_b.clone()],
            )
        }
    };
    let mut ids = ids;
    ids.sort_by_key(|id| (std::cmp::Reverse(c.articles.get(id).and_then(|a| a.0)), *id));
    ids.dedup();
    let total = ids.len() as u64;
    let mut items = Vec::new();
    for id in ids.into_iter().skip(offset as usize).take(limit as usize) {
        let Some(a) = store.article(id)? else {
            continue;
        };
        let chars: Vec<(usize, char)> = a.text.char_indices().collect();
        let byte = |c: usize| chars.get(c).map_or(a.text.len(), |x| x.0);
        let mut kwic = Vec::new();
        for m in a
            .mentions
            .iter()
            .filter(|m| codes.contains(&m.actor_code))
            .take(6)
        {
            let (lo, hi) = (byte(m.start_char.saturating_sub(60)), byte(m.end_char + 60));
            let (s, e) = (byte(m.start_char), byte(m.end_char).max(byte(m.start_char)));
            let line = a.text[lo..hi].replace('\n', " ");
            kwic.push(Kwic {
                actor_code: m.actor_code.clone(),
                line,
                match_start: s - lo,
                match_end: e - lo,
            });
        }
        items.push(ArticleHit {
            article_id: id,
            title: a.title,
            source: a.source,
            published: a.published,
            language: a.language,
            kwic,
        });
    }
    Ok(Page {
        items,
        total,
        offset,
    })
}
