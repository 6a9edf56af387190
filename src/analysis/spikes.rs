//! Spikes: bins where an actor's share stands far above its own recent baseline.

use super::{Filter, Timeline};
use crate::store::{Store, StoreError, day_number};
use std::collections::HashMap;

/// A bin where an actor's share is far above its trailing baseline.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Spike {
    /// Actor code.
    pub actor_code: String,
    /// First day of the bin.
    pub bin_start: chrono::NaiveDate,
    /// The actor's share in the bin.
    pub share: f64,
    /// How many (floored) standard deviations the share stands above the baseline mean.
    pub z: f64,
    /// The article that best represents the spike: most mentions of the actor in the bin
    /// (lowest id on ties); 0 if none passes the filter.
    pub article_id: i64,
    /// Its title.
    pub title: String,
}

/// Settings of [`spikes_with`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SpikeOptions {
    /// Bins of trailing baseline before each bin.
    pub window: usize,
    /// Fewest baseline bins needed to judge a bin (the first bins of a series are skipped).
    pub min_baseline: usize,
    /// Smallest z-score that is a spike.
    pub min_z: f64,
    /// Fewest articles mentioning the actor in the bin.
    pub min_articles: u64,
    /// Floor of the baseline's standard deviation (in share units), so a flat baseline does
    /// not make every wobble infinite.
    pub min_sd: f64,
}

impl Default for SpikeOptions {
    fn default() -> Self {
        SpikeOptions {
            window: 8,
            min_baseline: 4,
            min_z: 3.0,
            min_articles: 3,
            min_sd: 0.01,
        }
    }
}

/// [`spikes_with`] with the default options: trailing window of 8 bins, z >= 3, at least 3
/// articles.
pub fn spikes(
    timeline: &Timeline,
    store: &Store,
    filter: &Filter,
) -> Result<Vec<Spike>, StoreError> {
    spikes_with(timeline, store, filter, &SpikeOptions::default())
}

/// Spikes of every series of `timeline` (computed with `filter`, which picks the
/// representative articles), by series then bin.
///
/// For bin `i`, the baseline is the shares of the `window` bins before it (at least
/// `min_baseline` of them): mean μ and population standard deviation σ;
/// `z = (share_i − μ) / max(σ, min_sd)`. A spike has `z >= min_z` and at least
/// `min_articles` articles.
pub fn spikes_with(
    timeline: &Timeline,
    store: &Store,
    filter: &Filter,
    options: &SpikeOptions,
) -> Result<Vec<Spike>, StoreError> {
    let ids: HashMap<String, i64> = store.actor_ids()?;
    let mut out = Vec::new();
    for s in &timeline.series {
        let shares: Vec<f64> = s.points.iter().map(|p| p.share).collect();
        for (i, p) in s.points.iter().enumerate() {
            let from = i.saturating_sub(options.window);
            let base = &shares[from..i];
            if base.len() < options.min_baseline.max(1) || p.articles < options.min_articles {
                continue;
            }
            let n = base.len() as f64;
            let mean = base.iter().sum::<f64>() / n;
            let var = base.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
            let z = (p.share - mean) / var.sqrt().max(options.min_sd);
            if z < options.min_z {
                continue;
            }
            let (article_id, title) = match ids.get(&s.actor_code) {
                Some(&actor) => store
                    .top_article(
                        actor,
                        day_number(p.bin_start),
                        day_number(timeline.bin.next(p.bin_start)),
                        filter,
                    )?
                    .unwrap_or_default(),
                None => (0, String::new()),
            };
            out.push(Spike {
                actor_code: s.actor_code.clone(),
                bin_start: p.bin_start,
                share: p.share,
                z,
                article_id,
                title,
            });
        }
    }
    Ok(out)
}
