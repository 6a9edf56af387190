//! Co-occurrence: for each pair of actors, the units (articles, paragraphs or sentences)
//! that mention both, with Jaccard, NPMI and Dunning's log-likelihood.

use super::Filter;
use crate::store::{ActorInfo, Store, StoreError, UnitColumn};
use std::collections::HashMap;
use std::fmt;

/// The unit two actors must share to co-occur.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Window {
    /// The same article.
    #[default]
    Article,
    /// The same paragraph.
    Paragraph,
    /// The same sentence.
    Sentence,
}

impl Window {
    /// Every value.
    pub const ALL: [Window; 3] = [Window::Article, Window::Paragraph, Window::Sentence];

    /// "article", "paragraph" or "sentence".
    pub fn as_str(self) -> &'static str {
        match self {
            Window::Article => "article",
            Window::Paragraph => "paragraph",
            Window::Sentence => "sentence",
        }
    }

    /// Parses [`Window::as_str`]'s names.
    pub fn parse(s: &str) -> Option<Window> {
        Self::ALL.into_iter().find(|w| w.as_str() == s)
    }

    pub(crate) fn unit(self) -> Option<UnitColumn> {
        match self {
            Window::Article => None,
            Window::Paragraph => Some(UnitColumn::Paragraph),
            Window::Sentence => Some(UnitColumn::Sentence),
        }
    }
}

impl fmt::Display for Window {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the pairs are ranked by (highest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Measure {
    /// Units with both.
    #[default]
    Both,
    /// Jaccard index.
    Jaccard,
    /// Normalised pointwise mutual information.
    Npmi,
    /// Log-likelihood ratio (G²).
    Llr,
}

impl Measure {
    /// Every value.
    pub const ALL: [Measure; 4] = [Measure::Both, Measure::Jaccard, Measure::Npmi, Measure::Llr];

    /// "both", "jaccard", "npmi" or "llr".
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Both => "both",
            Measure::Jaccard => "jaccard",
            Measure::Npmi => "npmi",
            Measure::Llr => "llr",
        }
    }

    /// Parses [`Measure::as_str`]'s names.
    pub fn parse(s: &str) -> Option<Measure> {
        Self::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// Its column header in a table.
    pub fn header(self) -> &'static str {
        match self {
            Measure::Both => "Both",
            Measure::Jaccard => "Jaccard",
            Measure::Npmi => "NPMI",
            Measure::Llr => "G²",
        }
    }

    /// What it means, in one line (a header's tooltip).
    pub fn hint(self) -> &'static str {
        match self {
            Measure::Both => "units (articles, paragraphs or sentences) mentioning both",
            Measure::Jaccard => "units with both / units with either (0 to 1)",
            Measure::Npmi => "normalised pointwise mutual information (-1 to 1; 0 = independent)",
            Measure::Llr => "Dunning's log-likelihood G² (above 10.8: p < 0.001)",
        }
    }

    /// Its value for a pair.
    pub fn value(self, p: &PairStat) -> f64 {
        self.of(p)
    }

    /// Its value as a table shows it.
    pub fn display(self, p: &PairStat) -> String {
        match self {
            Measure::Both => p.both.to_string(),
            Measure::Jaccard => format!("{:.3}", p.jaccard),
            Measure::Npmi => format!("{:.3}", p.npmi),
            Measure::Llr => format!("{:.1}", p.llr),
        }
    }

    /// Heat of a cell from 0 to 1: relative to the column's largest value `max`, or (NPMI,
    /// already on a fixed scale) its positive part.
    pub fn heat(self, p: &PairStat, max: f64) -> f64 {
        match self {
            Measure::Npmi => p.npmi.max(0.0),
            _ if max > 0.0 => self.of(p) / max,
            _ => 0.0,
        }
    }

    /// The columns of the export that come with it (the units behind a count).
    pub fn companion_columns(self) -> &'static [&'static str] {
        match self {
            Measure::Both => &["a_units", "b_units", "units"],
            Measure::Jaccard | Measure::Npmi | Measure::Llr => &[],
        }
    }

    /// Its value in an export (full precision; counts as integers).
    pub fn export_value(self, p: &PairStat) -> Vec<String> {
        match self {
            Measure::Both => vec![
                p.both.to_string(),
                p.a_units.to_string(),
                p.b_units.to_string(),
                p.units.to_string(),
            ],
            _ => {
                let x = self.of(p);
                vec![if x.is_finite() {
                    format!("{x:.6}")
                } else {
                    String::new()
                }]
            }
        }
    }

    fn of(self, p: &PairStat) -> f64 {
        match self {
            Measure::Both => p.both as f64,
            Measure::Jaccard => p.jaccard,
            Measure::Npmi => p.npmi,
            Measure::Llr => p.llr,
        }
    }
}

/// One pair of actors (`actor_a` < `actor_b` by code) and its measures.
#[derive(Debug, Clone, PartialEq)]
pub struct PairStat {
    /// First actor's code.
    pub actor_a: String,
    /// Second actor's code.
    pub actor_b: String,
    /// First actor's name.
    pub name_a: String,
    /// Second actor's name.
    pub name_b: String,
    /// Units mentioning both.
    pub both: u64,
    /// Units mentioning `actor_a`.
    pub a_units: u64,
    /// Units mentioning `actor_b`.
    pub b_units: u64,
    /// All units.
    pub units: u64,
    /// See [`pair_measures`].
    pub jaccard: f64,
    /// See [`pair_measures`].
    pub npmi: f64,
    /// See [`pair_measures`].
    pub llr: f64,
}

/// Jaccard, NPMI and G² of a pair from `both` = units with both, `a`/`b` = units with each,
/// `n` = all units:
///
/// * Jaccard = both / (a + b − both) (0 when a + b = 0);
/// * NPMI = ln(p(ab) / (p(a) p(b))) / −ln p(ab), with p(ab) = both/n, p(a) = a/n,
///   p(b) = b/n; −1 when both = 0, 1 when p(ab) = 1;
/// * G² = 2 Σ O ln(O / E) over the 2×2 table (O11 = both, O12 = a − both, O21 = b − both,
///   O22 = n − a − b + both; E = row total × column total / n), with 0 ln 0 = 0.
pub fn pair_measures(both: u64, a: u64, b: u64, n: u64) -> (f64, f64, f64) {
    let (k, a, b, n) = (both as f64, a as f64, b as f64, n as f64);
    let union = a + b - k;
    let jaccard = if union > 0.0 { k / union } else { 0.0 };
    if n <= 0.0 {
        return (jaccard, 0.0, 0.0);
    }
    let npmi = if k <= 0.0 {
        -1.0
    } else {
        let p11 = k / n;
        if p11 >= 1.0 {
            1.0
        } else {
            (p11 / ((a / n) * (b / n))).ln() / -p11.ln()
        }
    };
    let cells = [
        (k, a * b / n),
        (a - k, a * (n - b) / n),
        (b - k, (n - a) * b / n),
        (n - a - b + k, (n - a) * (n - b) / n),
    ];
    let llr = 2.0
        * cells
            .iter()
            .map(|&(o, e)| {
                if o > 0.0 && e > 0.0 {
                    o * (o / e).ln()
                } else {
                    0.0
                }
            })
            .sum::<f64>();
    (jaccard, npmi, llr.max(0.0))
}

/// Pair counts keyed by dense actor indexes (i < j).
struct PairCounts {
    n: usize,
    dense: Option<Vec<u32>>,
    sparse: HashMap<(u32, u32), u64>,
}

impl PairCounts {
    fn new(n: usize) -> PairCounts {
        PairCounts {
            n,
            dense: (n <= 2048).then(|| vec![0u32; n * n]),
            sparse: HashMap::new(),
        }
    }
    #[inline]
    fn add(&mut self, i: u32, j: u32) {
        match &mut self.dense {
            Some(d) => d[i as usize * self.n + j as usize] += 1,
            None => *self.sparse.entry((i, j)).or_default() += 1,
        }
    }
    fn into_vec(self) -> Vec<(u32, u32, u64)> {
        match self.dense {
            Some(d) => d
                .iter()
                .enumerate()
                .filter(|&(_, &c)| c > 0)
                .map(|(k, &c)| ((k / self.n) as u32, (k % self.n) as u32, c as u64))
                .collect(),
            None => self
                .sparse
                .into_iter()
                .map(|((i, j), c)| (i, j, c))
                .collect(),
        }
    }
}

/// Co-occurrence of every pair of actors (of the filter's kind) in the articles passing
/// `filter`, counted in `window` units; pairs with fewer than `min_support` units with both
/// are left out; sorted by `order_by` (highest first, then by `both`, then by codes) and cut
/// to `top_n`.
///
/// All units ("n"): for the article window, the articles passing the filter; for paragraphs
/// and sentences, all paragraphs/sentences of those articles as counted at import (articles
/// imported before the counts were stored count only the units that hold mentions).
pub fn cooccurrence(
    store: &Store,
    window: Window,
    min_support: u64,
    top_n: Option<usize>,
    order_by: Measure,
    filter: &Filter,
) -> Result<Vec<PairStat>, StoreError> {
    let actors: Vec<ActorInfo> = store.actors()?;
    // Dense index of the admitted actors, ordered by code so pairs come out as (a < b).
    let mut admitted: Vec<&ActorInfo> = actors
        .iter()
        .filter(|a| filter.admits_kind(a.kind))
        .collect();
    admitted.sort_by(|a, b| a.code.cmp(&b.code));
    let max_id = actors.iter().map(|a| a.id).max().unwrap_or(0).max(0) as usize;
    let mut dense_of = vec![u32::MAX; max_id + 1];
    for (i, a) in admitted.iter().enumerate() {
        if a.id >= 0 {
            dense_of[a.id as usize] = i as u32;
        }
    }
    let index = |id: i64| -> Option<u32> {
        dense_of
            .get(usize::try_from(id).ok()?)
            .copied()
            .filter(|&i| i != u32::MAX)
    };
    let mut singles = vec![0u64; admitted.len()];
    let mut pairs = PairCounts::new(admitted.len());
    let mut members: Vec<u32> = Vec::with_capacity(64);
    let mut count_unit = |members: &mut Vec<u32>, singles: &mut Vec<u64>| {
        members.sort_unstable();
        members.dedup();
        for (x, &i) in members.iter().enumerate() {
            singles[i as usize] += 1;
            for &j in &members[x + 1..] {
                pairs.add(i, j);
            }
        }
        members.clear();
    };
    let units = match window.unit() {
        None => {
            store.for_each_actor_set(filter, |_, set| {
                members.extend(set.iter().filter_map(|&id| index(id)));
                count_unit(&mut members, &mut singles);
            })?;
            store.article_count(filter)?
        }
        Some(col) => {
            let (stored, missing) = store.unit_totals(filter, col)?;
            let mut extra = 0u64;
            store.for_each_unit_set(filter, col, |article, set| {
                let counted = missing.binary_search(&article).is_ok();
                let mut k = 0;
                while k < set.len() {
                    let unit = set[k].0;
                    if counted {
                        extra += 1;
                    }
                    while k < set.len() && set[k].0 == unit {
                        if let Some(i) = index(set[k].1) {
                            members.push(i);
                        }
                        k += 1;
                    }
                    count_unit(&mut members, &mut singles);
                }
            })?;
            stored + extra
        }
    };
    let mut out: Vec<PairStat> = pairs
        .into_vec()
        .into_iter()
        .filter(|&(_, _, both)| both >= min_support.max(1))
        .map(|(i, j, both)| {
            let (a, b) = (admitted[i as usize], admitted[j as usize]);
            let (a_units, b_units) = (singles[i as usize], singles[j as usize]);
            let n = units.max(a_units.max(b_units));
            let (jaccard, npmi, llr) = pair_measures(both, a_units, b_units, n);
            PairStat {
                actor_a: a.code.clone(),
                actor_b: b.code.clone(),
                name_a: a.name.clone(),
                name_b: b.name.clone(),
                both,
                a_units,
                b_units,
                units: n,
                jaccard,
                npmi,
                llr,
            }
        })
        .collect();
    out.sort_by(|x, y| {
        order_by
            .of(y)
            .total_cmp(&order_by.of(x))
            .then(y.both.cmp(&x.both))
            .then_with(|| x.actor_a.cmp(&y.actor_a))
            .then_with(|| x.actor_b.cmp(&y.actor_b))
    });
    if let Some(n) = top_n {
        out.truncate(n);
    }
    Ok(out)
}
