//! Timelines: per actor and bin, the articles mentioning it, its mentions, all dated articles
//! of the bin and the share.

use super::Filter;
use crate::model::ActorKind;
use crate::store::{ActorInfo, Store, StoreError, day_date, day_number};
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::HashMap;
use std::fmt;

/// The width of a timeline bin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Bin {
    /// One day.
    Day,
    /// An ISO week (starting on Monday).
    #[default]
    Week,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

impl Bin {
    /// Every value.
    pub const ALL: [Bin; 4] = [Bin::Day, Bin::Week, Bin::Month, Bin::Year];

    /// "day", "week", "month" or "year".
    pub fn as_str(self) -> &'static str {
        match self {
            Bin::Day => "day",
            Bin::Week => "week",
            Bin::Month => "month",
            Bin::Year => "year",
        }
    }

    /// Parses [`Bin::as_str`]'s names.
    pub fn parse(s: &str) -> Option<Bin> {
        Self::ALL.into_iter().find(|b| b.as_str() == s)
    }

    /// The first day of the bin holding `date` (Monday for weeks).
    pub fn bin_start(self, date: NaiveDate) -> NaiveDate {
        match self {
            Bin::Day => date,
            Bin::Week => date - Duration::days(date.weekday().num_days_from_monday() as i64),
            Bin::Month => date.with_day(1).unwrap_or(date),
            Bin::Year => NaiveDate::from_ymd_opt(date.year(), 1, 1).unwrap_or(date),
        }
    }

    /// The start of the bin after the one holding `date`.
    pub fn next(self, date: NaiveDate) -> NaiveDate {
        let start = self.bin_start(date);
        match self {
            Bin::Day => start + Duration::days(1),
            Bin::Week => start + Duration::days(7),
            Bin::Month => start
                .checked_add_months(chrono::Months::new(1))
                .unwrap_or(NaiveDate::MAX),
            Bin::Year => NaiveDate::from_ymd_opt(start.year() + 1, 1, 1).unwrap_or(NaiveDate::MAX),
        }
    }
}

impl fmt::Display for Bin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One bin of an actor's series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimelinePoint {
    /// First day of the bin.
    pub bin_start: NaiveDate,
    /// Articles in the bin mentioning the actor.
    pub articles: u64,
    /// The actor's mentions in the bin.
    pub mentions: u64,
    /// All dated articles in the bin (passing the filter).
    pub total_articles: u64,
    /// `articles / total_articles` (0 when the bin has no articles).
    pub share: f64,
}

/// One actor's points, one per bin from the first to the last bin of the range, zeros
/// included.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Actor code.
    pub actor_code: String,
    /// Actor name.
    pub actor_name: String,
    /// The points, in bin order.
    pub points: Vec<TimelinePoint>,
}

/// A timeline of several actors over one range of bins.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// The bin width.
    pub bin: Bin,
    /// One series per actor, all with the same bins.
    pub series: Vec<Series>,
    /// Articles passing the filter (its date range aside) that have no date: left out.
    pub undated_articles: u64,
}

/// An actor's totals under a filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorCount {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Country or organization.
    pub kind: ActorKind,
    /// Organization type ("" for countries).
    pub org_type: String,
    /// Articles mentioning it.
    pub articles: u64,
    /// Its mentions.
    pub mentions: u64,
}

/// Every actor (of the filter's kind) with at least one mention in the articles passing
/// `filter`, most articles first (then most mentions, then code).
pub fn actor_counts(store: &Store, filter: &Filter) -> Result<Vec<ActorCount>, StoreError> {
    let actors: HashMap<i64, ActorInfo> = store.actors()?.into_iter().map(|a| (a.id, a)).collect();
    let mut out: Vec<ActorCount> = store
        .actor_totals(filter)?
        .into_iter()
        .filter_map(|t| {
            let a = actors.get(&t.actor)?;
            filter.admits_kind(a.kind).then(|| ActorCount {
                code: a.code.clone(),
                name: a.name.clone(),
                kind: a.kind,
                org_type: a.org_type.clone(),
                articles: t.articles,
                mentions: t.mentions,
            })
        })
        .filter(|c| c.articles > 0)
        .collect();
    out.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then(b.mentions.cmp(&a.mentions))
            .then(a.code.cmp(&b.code))
    });
    Ok(out)
}

/// How many actors a timeline shows when none are named.
pub const DEFAULT_ACTORS: usize = 10;

/// The timeline of `actor_codes` (unknown codes and actors not of the filter's kind are left
/// out; none = the [`DEFAULT_ACTORS`] actors with most articles).
///
/// The bins run from the bin of `filter.from` (else of the first dated article passing the
/// filter) to the bin of `filter.to` (else of the last), every bin present even when empty.
/// Undated articles are left out and counted in [`Timeline::undated_articles`].
pub fn timeline(
    store: &Store,
    actor_codes: &[String],
    bin: Bin,
    filter: &Filter,
) -> Result<Timeline, StoreError> {
    let actors = store.actors()?;
    let chosen: Vec<ActorInfo> = if actor_codes.is_empty() {
        let by_code: HashMap<&str, &ActorInfo> =
            actors.iter().map(|a| (a.code.as_str(), a)).collect();
        actor_counts(store, filter)?
            .into_iter()
            .take(DEFAULT_ACTORS)
            .filter_map(|c| by_code.get(c.code.as_str()).map(|a| (*a).clone()))
            .collect()
    } else {
        actor_codes
            .iter()
            .filter_map(|code| actors.iter().find(|a| &a.code == code))
            .filter(|a| filter.admits_kind(a.kind))
            .cloned()
            .collect()
    };
    let undated_articles = store.undated_articles(filter)?;
    let per_day = store.articles_per_day(filter)?;

    let first = filter
        .from
        .or_else(|| per_day.first().map(|&(d, _)| day_date(d)));
    let last = filter
        .to
        .or_else(|| per_day.last().map(|&(d, _)| day_date(d)));
    let (Some(first), Some(last)) = (first, last) else {
        let series = chosen
            .iter()
            .map(|a| Series {
                actor_code: a.code.clone(),
                actor_name: a.name.clone(),
                points: Vec::new(),
            })
            .collect();
        return Ok(Timeline {
            bin,
            series,
            undated_articles,
        });
    };
    // The bins: their starts as day numbers, and a day -> bin index lookup.
    let mut starts: Vec<i64> = Vec::new();
    let mut d = bin.bin_start(first);
    while d <= last {
        starts.push(day_number(d));
        let n = bin.next(d);
        if n <= d {
            break;
        }
        d = n;
    }
    let end_day = day_number(bin.next(last));
    let index_of = |day: i64| -> Option<usize> {
        if day < *starts.first()? || day >= end_day {
            return None;
        }
        Some(starts.partition_point(|&s| s <= day) - 1)
    };
    let mut totals = vec![0u64; starts.len()];
    for &(day, n) in &per_day {
        if let Some(i) = index_of(day) {
            totals[i] += n;
        }
    }
    let mut series = Vec::with_capacity(chosen.len());
    for a in &chosen {
        let mut articles = vec![0u64; starts.len()];
        let mut mentions = vec![0u64; starts.len()];
        for (day, n, m) in store.actor_per_day(a.id, filter)? {
            if let Some(i) = index_of(day) {
                articles[i] += n;
                mentions[i] += m;
            }
        }
        let points = starts
            .iter()
            .enumerate()
            .map(|(i, &s)| TimelinePoint {
                bin_start: day_date(s),
                articles: articles[i],
                mentions: mentions[i],
                total_articles: totals[i],
                share: if totals[i] == 0 {
                    0.0
                } else {
                    articles[i] as f64 / totals[i] as f64
                },
            })
            .collect();
        series.push(Series {
            actor_code: a.code.clone(),
            actor_name: a.name.clone(),
            points,
        });
    }
    Ok(Timeline {
        bin,
        series,
        undated_articles,
    })
}

/// Trailing moving average: element `i` is the mean of `values[i+1-window ..= i]` (fewer at
/// the start, where the window is not yet full). A window of 0 or 1 returns the values.
pub fn moving_average(values: &[f64], window: usize) -> Vec<f64> {
    let w = window.max(1);
    let mut out = Vec::with_capacity(values.len());
    let mut sum = 0.0;
    for (i, &v) in values.iter().enumerate() {
        sum += v;
        if i >= w {
            sum -= values[i - w];
        }
        let n = (i + 1).min(w);
        out.push(sum / n as f64);
    }
    out
}
