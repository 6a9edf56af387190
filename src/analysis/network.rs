//! The actor network: actors as nodes (sized by articles), pairs as edges (weighted by a
//! co-occurrence measure), a force-directed layout (Fruchterman–Reingold, written here: the
//! graph crates that draw do so for their own UI toolkits, and the algorithm is forty lines),
//! and the same network bin by bin, every node keeping its place.

use super::cooccurrence::{Measure, PairStat, Window, cooccurrence};
use super::timeline::{Bin, actor_counts};
use crate::model::{ActorKind, Filter};
use crate::store::{Store, StoreError};
use chrono::NaiveDate;
use std::collections::HashMap;

/// One actor of the network.
#[derive(Debug, Clone, PartialEq)]
pub struct NetNode {
    /// Its code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Country or organization.
    pub kind: ActorKind,
    /// Articles passing the filter that mention it.
    pub articles: u64,
    /// Its place, in [-1, 1]².
    pub pos: (f32, f32),
}

/// The network of a filter: nodes, the pairs between them, and their layout.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Network {
    /// The nodes (the actors of the kept pairs with most articles), most articles first.
    pub nodes: Vec<NetNode>,
    /// The pairs between kept nodes, by units with both (highest first).
    pub edges: Vec<PairStat>,
    /// Pairs left out because one of their actors is not among the kept nodes.
    pub edges_left_out: usize,
    /// Actors left out (more than the node limit).
    pub nodes_left_out: usize,
}

/// The pairs in `window` with at least `min_support` units, among the `max_nodes` actors with
/// most articles that are in such a pair, laid out.
pub fn network(
    store: &Store,
    window: Window,
    min_support: u64,
    max_nodes: usize,
    filter: &Filter,
) -> Result<Network, StoreError> {
    let pairs = cooccurrence(
        store,
        window,
        min_support.max(1),
        None,
        Measure::Both,
        filter,
    )?;
    let counts = actor_counts(store, filter)?;
    let in_pairs: std::collections::HashSet<&str> = pairs
        .iter()
        .flat_map(|p| [p.actor_a.as_str(), p.actor_b.as_str()])
        .collect();
    let mut candidates: Vec<_> = counts
        .iter()
        .filter(|c| in_pairs.contains(c.code.as_str()))
        .collect();
    let nodes_left_out = candidates.len().saturating_sub(max_nodes);
    candidates.truncate(max_nodes);
    let index: HashMap<&str, usize> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| (c.code.as_str(), i))
        .collect();
    let (edges, left): (Vec<PairStat>, Vec<PairStat>) = pairs.into_iter().partition(|p| {
        index.contains_key(p.actor_a.as_str()) && index.contains_key(p.actor_b.as_str())
    });
    let links: Vec<(usize, usize, f64)> = edges
        .iter()
        .map(|p| {
            (
                index[p.actor_a.as_str()],
                index[p.actor_b.as_str()],
                p.both as f64,
            )
        })
        .collect();
    let pos = layout(candidates.len(), &links, 300);
    Ok(Network {
        nodes: candidates
            .iter()
            .zip(pos)
            .map(|(c, pos)| NetNode {
                code: c.code.clone(),
                name: c.name.clone(),
                kind: c.kind,
                articles: c.articles,
                pos,
            })
            .collect(),
        edges,
        edges_left_out: left.len(),
        nodes_left_out,
    })
}

/// The same network in one bin: the pairs (among the network's nodes) and each node's
/// articles in the bin starting `start`; the nodes keep their places.
pub fn network_in_bin(
    store: &Store,
    whole: &Network,
    window: Window,
    min_support: u64,
    bin: Bin,
    start: NaiveDate,
    filter: &Filter,
) -> Result<Network, StoreError> {
    // The bin, within the filter's own dates (the first and last bins are partial).
    let (from, to) = bin_days(bin, start, filter);
    let f = Filter {
        from: Some(from),
        to: Some(to),
        ..filter.clone()
    };
    let keep: HashMap<&str, usize> = whole
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.code.as_str(), i))
        .collect();
    let counts: HashMap<String, u64> = actor_counts(store, &f)?
        .into_iter()
        .map(|c| (c.code, c.articles))
        .collect();
    let edges: Vec<PairStat> =
        cooccurrence(store, window, min_support.max(1), None, Measure::Both, &f)?
            .into_iter()
            .filter(|p| {
                keep.contains_key(p.actor_a.as_str()) && keep.contains_key(p.actor_b.as_str())
            })
            .collect();
    Ok(Network {
        nodes: whole
            .nodes
            .iter()
            .map(|n| NetNode {
                articles: counts.get(&n.code).copied().unwrap_or(0),
                ..n.clone()
            })
            .collect(),
        edges,
        edges_left_out: 0,
        nodes_left_out: 0,
    })
}

/// The days of the bin starting `start` that `filter`'s dates admit.
pub fn bin_days(bin: Bin, start: NaiveDate, filter: &Filter) -> (NaiveDate, NaiveDate) {
    let first = bin.bin_start(start);
    let last = bin.next(first).pred_opt().unwrap_or(first);
    (
        filter.from.map_or(first, |f| f.max(first)),
        filter.to.map_or(last, |t| t.min(last)),
    )
}

/// The bins from the first to the last dated article passing `filter`.
pub fn bins_of(store: &Store, bin: Bin, filter: &Filter) -> Result<Vec<NaiveDate>, StoreError> {
    let days = store.articles_per_day(filter)?;
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return Ok(Vec::new());
    };
    let last = crate::store::day_date(last.0);
    let mut at = bin.bin_start(crate::store::day_date(first.0));
    let mut out = Vec::new();
    while at <= last {
        out.push(at);
        at = bin.next(at);
    }
    Ok(out)
}

/// Fruchterman–Reingold on `n` nodes with weighted `links` (i, j, weight), `iterations`
/// steps, from a deterministic start on a circle; places in [-1, 1]². Heavier links pull
/// harder (by the weight's logarithm); unlinked parts do not drift apart (a weak pull to the
/// centre).
pub fn layout(n: usize, links: &[(usize, usize, f64)], iterations: usize) -> Vec<(f32, f32)> {
    if n == 0 {
        return Vec::new();
    }
    if n == 1 {
        return vec![(0.0, 0.0)];
    }
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let a = i as f64 * std::f64::consts::TAU / n as f64;
            // A golden-angle spiral avoids symmetric deadlocks of a plain circle.
            let r = 0.2 + 0.8 * ((i as f64 * 0.618_034) % 1.0);
            (r * a.cos(), r * a.sin())
        })
        .collect();
    let k = (4.0 / n as f64).sqrt(); // ideal distance in a 2×2 square
    let mut temperature = 0.2;
    let cooling = temperature / (iterations.max(1) as f64 + 1.0);
    let mut shift = vec![(0.0f64, 0.0f64); n];
    for _ in 0..iterations {
        shift.iter_mut().for_each(|d| *d = (0.0, 0.0));
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d2 = (dx * dx + dy * dy).max(1e-6);
                let f = k * k / d2; // repulsion k²/d, along the unit vector (÷ d again)
                shift[i].0 += dx * f;
                shift[i].1 += dy * f;
                shift[j].0 -= dx * f;
                shift[j].1 -= dy * f;
            }
        }
        for &(i, j, w) in links {
            if i >= n || j >= n || i == j {
                continue;
            }
            let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
            let d = (dx * dx + dy * dy).sqrt().max(1e-6);
            let f = d / k * (1.0 + w.max(1.0).ln()); // attraction d²/k, weighted
            shift[i].0 -= dx * f;
            shift[i].1 -= dy * f;
            shift[j].0 += dx * f;
            shift[j].1 += dy * f;
        }
        for (p, s) in pos.iter_mut().zip(&shift) {
            // Gravity keeps loose parts near the middle.
            let (gx, gy) = (-p.0 * 0.05, -p.1 * 0.05);
            let (sx, sy) = (s.0 + gx, s.1 + gy);
            let len = (sx * sx + sy * sy).sqrt().max(1e-9);
            let step = len.min(temperature);
            p.0 += sx / len * step;
            p.1 += sy / len * step;
        }
        temperature = (temperature - cooling).max(0.002);
    }
    // Fit into [-1, 1]², keeping the aspect.
    let (mut lo, mut hi) = ((f64::MAX, f64::MAX), (f64::MIN, f64::MIN));
    for p in &pos {
        lo = (lo.0.min(p.0), lo.1.min(p.1));
        hi = (hi.0.max(p.0), hi.1.max(p.1));
    }
    let span = (hi.0 - lo.0).max(hi.1 - lo.1).max(1e-9) / 2.0;
    let mid = ((hi.0 + lo.0) / 2.0, (hi.1 + lo.1) / 2.0);
    pos.iter()
        .map(|p| (((p.0 - mid.0) / span) as f32, ((p.1 - mid.1) / span) as f32))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist(a: (f32, f32), b: (f32, f32)) -> f32 {
        ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
    }

    #[test]
    fn the_layout_is_deterministic_bounded_and_keeps_linked_nodes_closer() {
        // Two triangles joined by one weak link.
        let links = [
            (0, 1, 10.0),
            (1, 2, 10.0),
            (0, 2, 10.0),
            (3, 4, 10.0),
            (4, 5, 10.0),
            (3, 5, 10.0),
            (2, 3, 1.0),
        ];
        let a = layout(6, &links, 300);
        assert_eq!(a, layout(6, &links, 300), "the same every time");
        assert!(a.iter().all(|p| p.0.abs() <= 1.0001 && p.1.abs() <= 1.0001));
        let within = dist(a[0], a[1]).max(dist(a[4], a[5]));
        let across = dist(a[0], a[5]).min(dist(a[1], a[4]));
        assert!(within < across, "within {within} across {across}");
        // No two nodes on top of each other.
        for i in 0..6 {
            for j in (i + 1)..6 {
                assert!(dist(a[i], a[j]) > 0.05, "{i} {j}");
            }
        }
        assert_eq!(layout(1, &[], 10), [(0.0, 0.0)]);
        assert!(layout(0, &[], 10).is_empty());
    }
}
