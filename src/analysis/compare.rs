//! Two sides of a corpus compared (two periods, outlets or languages): which actors rose and
//! fell, and which pairs of actors appeared or vanished.

use super::cooccurrence::{Measure, PairStat, Window, cooccurrence, pair_measures};
use super::timeline::actor_counts;
use crate::model::{ActorKind, Filter};
use crate::store::{Store, StoreError};
use std::collections::{BTreeMap, HashMap};

/// One actor on both sides.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorChange {
    /// Its code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Country or organization.
    pub kind: ActorKind,
    /// Articles of side A that mention it.
    pub a_articles: u64,
    /// All articles of side A.
    pub a_units: u64,
    /// Articles of side B that mention it.
    pub b_articles: u64,
    /// All articles of side B.
    pub b_units: u64,
    /// `a_articles / a_units` (0 when side A is empty).
    pub a_share: f64,
    /// `b_articles / b_units`.
    pub b_share: f64,
    /// Log-likelihood G² of the 2×2 table (side × mentions it), see [`compare_counts`].
    pub llr: f64,
    /// The G² statistic's p-value (χ² with one degree of freedom).
    pub p_value: f64,
    /// Effect size: log₂ of B's share over A's share (Hardie's Log Ratio; a side with no
    /// article of the actor counts 0.5), positive when the actor rose.
    pub log_ratio: f64,
}

impl ActorChange {
    /// True when its share is higher on side B.
    pub fn rose(&self) -> bool {
        self.b_share > self.a_share
    }
}

/// A pair of actors found on one side and not (or below the minimum support) on the other.
#[derive(Debug, Clone, PartialEq)]
pub struct PairChange {
    /// The first actor's code (the lower).
    pub actor_a: String,
    /// The second's.
    pub actor_b: String,
    /// Units with both on side A.
    pub a_both: u64,
    /// Units with both on side B.
    pub b_both: u64,
}

/// Both sides compared.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Comparison {
    /// Every actor mentioned on either side, the largest G² first.
    pub actors: Vec<ActorChange>,
    /// Pairs with at least the minimum support on B and none on A, most units first.
    pub appeared: Vec<PairChange>,
    /// Pairs with at least the minimum support on A and none on B.
    pub vanished: Vec<PairChange>,
    /// All articles of side A.
    pub a_units: u64,
    /// All articles of side B.
    pub b_units: u64,
}

/// True when an article can pass both filters: their date ranges meet, and their outlets
/// and languages (none = all) have one in common. G² assumes two separate sets of articles.
pub fn sides_overlap(a: &Filter, b: &Filter) -> bool {
    let dates = |x: &Filter, y: &Filter| match (x.from, y.to) {
        (Some(f), Some(t)) => f <= t,
        _ => true,
    };
    let common = |x: &[String], y: &[String]| {
        x.is_empty()
            || y.is_empty()
            || x.iter()
                .any(|s| y.iter().any(|t| s.eq_ignore_ascii_case(t)))
    };
    let languages = a.languages.is_empty()
        || b.languages.is_empty()
        || a.languages.iter().any(|l| b.languages.contains(l));
    dates(a, b) && dates(b, a) && common(&a.sources, &b.sources) && languages
}

/// G², its p-value and the log ratio for an actor in `a` of `a_units` articles on side A and
/// `b` of `b_units` on side B.
///
/// G² = 2 Σ O ln(O/E) over the table [[a, a_units − a], [b, b_units − b]]; the p-value is
/// P(χ²₁ ≥ G²) = erfc(√(G²/2)); log ratio = log₂((b/b_units)/(a/a_units)), a zero count
/// taken as 0.5 but never as more than half the other side's share, so the ratio's sign
/// always follows the shares.
pub fn compare_counts(a: u64, a_units: u64, b: u64, b_units: u64) -> (f64, f64, f64) {
    let a = a.min(a_units);
    let b = b.min(b_units);
    // Side A as the "row", mentioning the actor as the "column".
    let (_, _, llr) = pair_measures(a, a + b, a_units, a_units + b_units);
    let p = libm::erfc((llr / 2.0).sqrt());
    let log_ratio = if a_units == 0 || b_units == 0 {
        0.0
    } else {
        let (ra, rb) = (a as f64 / a_units as f64, b as f64 / b_units as f64);
        let zero = |units: u64, other: f64| (0.5 / units as f64).min(other / 2.0);
        match (a, b) {
            (0, 0) => 0.0,
            (0, _) => (rb / zero(a_units, rb)).log2(),
            (_, 0) => (zero(b_units, ra) / ra).log2(),
            _ => (rb / ra).log2(),
        }
    };
    (llr, p.clamp(0.0, 1.0), log_ratio)
}

/// Compares the articles passing `a` with those passing `b` (each with its own dates, outlets,
/// languages; both with the same counting and prominence as their filters say). Pairs are
/// counted in `window` units with at least `min_support` units in common.
pub fn compare(
    store: &Store,
    a: &Filter,
    b: &Filter,
    window: Window,
    min_support: u64,
) -> Result<Comparison, StoreError> {
    let a_units = store.article_count(a)?;
    let b_units = store.article_count(b)?;
    let mut by_code: BTreeMap<String, ActorChange> = BTreeMap::new();
    let blank = |code: &str, name: &str, kind| ActorChange {
        code: code.to_string(),
        name: name.to_string(),
        kind,
        a_articles: 0,
        a_units,
        b_articles: 0,
        b_units,
        a_share: 0.0,
        b_share: 0.0,
        llr: 0.0,
        p_value: 1.0,
        log_ratio: 0.0,
    };
    for c in actor_counts(store, a)? {
        by_code
            .entry(c.code.clone())
            .or_insert_with(|| blank(&c.code, &c.name, c.kind))
            .a_articles = c.articles;
    }
    for c in actor_counts(store, b)? {
        by_code
            .entry(c.code.clone())
            .or_insert_with(|| blank(&c.code, &c.name, c.kind))
            .b_articles = c.articles;
    }
    let share = |k: u64, n: u64| if n == 0 { 0.0 } else { k as f64 / n as f64 };
    let mut actors: Vec<ActorChange> = by_code
        .into_values()
        .map(|mut c| {
            c.a_share = share(c.a_articles, a_units);
            c.b_share = share(c.b_articles, b_units);
            (c.llr, c.p_value, c.log_ratio) =
                compare_counts(c.a_articles, a_units, c.b_articles, b_units);
            c
        })
        .collect();
    actors.sort_by(|x, y| {
        y.llr
            .total_cmp(&x.llr)
            .then(y.b_articles.cmp(&x.b_articles))
            .then(x.code.cmp(&y.code))
    });
    let pairs = |f: &Filter| -> Result<HashMap<(String, String), u64>, StoreError> {
        Ok(cooccurrence(store, window, 1, None, Measure::Both, f)?
            .into_iter()
            .map(|p: PairStat| ((p.actor_a, p.actor_b), p.both))
            .collect())
    };
    let (pa, pb) = (pairs(a)?, pairs(b)?);
    let changes = |from: &HashMap<(String, String), u64>,
                   other: &HashMap<(String, String), u64>,
                   from_is_b: bool| {
        let mut out: Vec<PairChange> = from
            .iter()
            .filter(|(k, n)| **n >= min_support.max(1) && !other.contains_key(*k))
            .map(|((x, y), n)| PairChange {
                actor_a: x.clone(),
                actor_b: y.clone(),
                a_both: if from_is_b { 0 } else { *n },
                b_both: if from_is_b { *n } else { 0 },
            })
            .collect();
        out.sort_by(|p, q| {
            (q.a_both + q.b_both)
                .cmp(&(p.a_both + p.b_both))
                .then_with(|| (&p.actor_a, &p.actor_b).cmp(&(&q.actor_a, &q.actor_b)))
        });
        out
    };
    Ok(Comparison {
        appeared: changes(&pb, &pa, true),
        vanished: changes(&pa, &pb, false),
        actors,
        a_units,
        b_units,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn g2_p_value_and_log_ratio_match_hand_computed_values() {
        // A: 10 of 100 articles; B: 30 of 100.
        // E11 = 40·100/200 = 20, E12 = 80, E21 = 20, E22 = 80.
        // G² = 2(10 ln(10/20) + 90 ln(90/80) + 30 ln(30/20) + 70 ln(70/80)) = 12.9715...
        let (g2, p, lr) = compare_counts(10, 100, 30, 100);
        let hand = 2.0
            * (10.0 * (0.5f64).ln()
                + 90.0 * (90.0f64 / 80.0).ln()
                + 30.0 * (1.5f64).ln()
                + 70.0 * (70.0f64 / 80.0).ln());
        assert!((g2 - hand).abs() < 1e-9, "{g2} vs {hand}");
        assert!((g2 - 12.9715).abs() < 1e-3, "{g2}");
        // χ²₁ survival at 12.97: 0.000316 (tables: 12.12 → 0.0005, 13.83 → 0.0002).
        assert!((p - 0.000316).abs() < 2e-6, "{p}");
        assert!((lr - 3f64.log2()).abs() < 1e-12, "{lr}");
        // Nothing changed: G² 0, p 1, ratio 0.
        let (g2, p, lr) = compare_counts(5, 50, 10, 100);
        assert!(g2.abs() < 1e-12 && (p - 1.0).abs() < 1e-12 && lr.abs() < 1e-12);
        // Absent on side A: a zero counts 0.5 for the ratio.
        let (_, _, lr) = compare_counts(0, 100, 4, 100);
        assert!((lr - 3.0).abs() < 1e-12, "{lr}");
        // A zero never turns the ratio against the shares: 0 of 10 against 1 of 1,000 rose.
        let (_, _, lr) = compare_counts(0, 10, 1, 1000);
        assert!(lr > 0.0, "{lr}");
        let (_, _, lr) = compare_counts(1, 1000, 0, 10);
        assert!(lr < 0.0, "{lr}");
        // Sides that can share articles.
        let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let a = Filter {
            to: d("2020-06-30"),
            ..Filter::default()
        };
        let b = Filter {
            from: d("2020-07-01"),
            ..Filter::default()
        };
        assert!(!sides_overlap(&a, &b));
        let b2 = Filter {
            from: d("2020-06-30"),
            ..Filter::default()
        };
        assert!(sides_overlap(&a, &b2));
        let k = Filter {
            sources: vec!["Kompas".into()],
            ..Filter::default()
        };
        let t = Filter {
            sources: vec!["Tempo".into()],
            ..Filter::default()
        };
        assert!(!sides_overlap(&k, &t) && sides_overlap(&k, &Filter::default()));
        // An empty side.
        let (g2, p, lr) = compare_counts(0, 0, 4, 100);
        assert_eq!((g2, p, lr), (0.0, 1.0, 0.0));
    }
}
