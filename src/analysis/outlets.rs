//! Outlets × actors: which outlets cover which actors, and how much of each outlet's output.

use crate::model::{ActorKind, Filter};
use crate::store::{ActorInfo, Store, StoreError};
use std::collections::HashMap;

/// One outlet and one actor.
#[derive(Debug, Clone, PartialEq)]
pub struct OutletActor {
    /// The outlet ("" for articles without one).
    pub source: String,
    /// The actor's code.
    pub actor_code: String,
    /// The actor's name.
    pub actor_name: String,
    /// Country or organization.
    pub kind: ActorKind,
    /// The outlet's articles that mention the actor.
    pub articles: u64,
    /// All the outlet's articles.
    pub source_articles: u64,
    /// `articles / source_articles`.
    pub share: f64,
}

/// The outlets × actors table: every (outlet, actor) with at least one article passing
/// `filter` (actors of the filter's kind), the outlets with most articles first, within one
/// the actor with most articles first.
pub fn outlets(store: &Store, filter: &Filter) -> Result<Vec<OutletActor>, StoreError> {
    outlets_for(store, filter, None)
}

/// [`outlets`], only the rows of `actor` when given.
pub fn outlets_for(
    store: &Store,
    filter: &Filter,
    actor: Option<i64>,
) -> Result<Vec<OutletActor>, StoreError> {
    let actors: HashMap<i64, ActorInfo> = store.actors()?.into_iter().map(|a| (a.id, a)).collect();
    let (rows, totals) = store.source_actor_articles(filter, actor)?;
    let mut out: Vec<OutletActor> = rows
        .into_iter()
        .filter_map(|(source, actor, articles)| {
            let a = actors.get(&actor)?;
            if !filter.admits_kind(a.kind) || articles == 0 {
                return None;
            }
            let source_articles = totals.get(&source).copied().unwrap_or(0).max(articles);
            Some(OutletActor {
                share: articles as f64 / source_articles as f64,
                source,
                actor_code: a.code.clone(),
                actor_name: a.name.clone(),
                kind: a.kind,
                articles,
                source_articles,
            })
        })
        .collect();
    out.sort_by(|x, y| {
        y.source_articles
            .cmp(&x.source_articles)
            .then_with(|| x.source.cmp(&y.source))
            .then(y.articles.cmp(&x.articles))
            .then_with(|| x.actor_code.cmp(&y.actor_code))
    });
    Ok(out)
}

/// The heat map's axes: the `max_sources` outlets with most articles and the `max_actors`
/// actors with most articles over those outlets, each in that order, and the cells by
/// (outlet index, actor index).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OutletMatrix {
    /// Outlets, with their article counts.
    pub sources: Vec<(String, u64)>,
    /// Actor codes and names.
    pub actors: Vec<(String, String)>,
    /// `cells[s][a]`: (articles, share of the outlet's articles).
    pub cells: Vec<Vec<(u64, f64)>>,
    /// Outlets left out of the matrix (there were more than `max_sources`).
    pub more_sources: usize,
    /// Actors left out.
    pub more_actors: usize,
}

/// The heat map of a table from [`outlets`].
pub fn outlet_matrix(rows: &[OutletActor], max_sources: usize, max_actors: usize) -> OutletMatrix {
    let mut sources: Vec<(String, u64)> = Vec::new();
    for r in rows {
        if sources.last().is_none_or(|(s, _)| *s != r.source) {
            sources.push((r.source.clone(), r.source_articles));
        }
    }
    // `rows` come grouped by outlet, the largest first.
    let more_sources = sources.len().saturating_sub(max_sources);
    sources.truncate(max_sources);
    let kept: HashMap<&str, usize> = sources
        .iter()
        .enumerate()
        .map(|(i, (s, _))| (s.as_str(), i))
        .collect();
    let mut per_actor: HashMap<&str, (u64, &str)> = HashMap::new();
    for r in rows.iter().filter(|r| kept.contains_key(r.source.as_str())) {
        let e = per_actor
            .entry(&r.actor_code)
            .or_insert((0, r.actor_name.as_str()));
        e.0 += r.articles;
    }
    let mut actors: Vec<(&str, u64, &str)> = per_actor
        .into_iter()
        .map(|(code, (n, name))| (code, n, name))
        .collect();
    actors.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
    let more_actors = actors.len().saturating_sub(max_actors);
    actors.truncate(max_actors);
    let column: HashMap<&str, usize> = actors
        .iter()
        .enumerate()
        .map(|(i, (c, _, _))| (*c, i))
        .collect();
    let mut cells = vec![vec![(0u64, 0.0f64); actors.len()]; sources.len()];
    for r in rows {
        if let (Some(&s), Some(&a)) = (
            kept.get(r.source.as_str()),
            column.get(r.actor_code.as_str()),
        ) {
            cells[s][a] = (r.articles, r.share);
        }
    }
    OutletMatrix {
        sources,
        actors: actors
            .into_iter()
            .map(|(c, _, n)| (c.to_string(), n.to_string()))
            .collect(),
        cells,
        more_sources,
        more_actors,
    }
}
