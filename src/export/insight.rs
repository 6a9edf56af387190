//! The exports of the comparisons: two sides compared (actors that rose and fell, pairs that
//! appeared and vanished) and outlets × actors.

use super::{CsvOptions, ExportError, csv_writer, safe_cell};
use crate::analysis::{self, Comparison, OutletActor, Window};
use crate::model::Filter;
use crate::store::Store;
use std::io::Write;

/// Columns of the comparison export (one row per actor).
pub const COMPARE_COLUMNS: [&str; 14] = [
    "actor_code",
    "actor_name",
    "actor_kind",
    "a_articles",
    "a_units",
    "b_articles",
    "b_units",
    "a_share",
    "b_share",
    "change",
    "log_ratio",
    "llr",
    "p_value",
    "direction",
];

/// Columns of the pairs that appeared or vanished between the two sides.
pub const COMPARE_PAIR_COLUMNS: [&str; 5] = ["actor_a", "actor_b", "a_both", "b_both", "status"];

/// Columns of the outlets × actors export.
pub const OUTLETS_COLUMNS: [&str; 7] = [
    "source",
    "actor_code",
    "actor_name",
    "actor_kind",
    "articles",
    "source_articles",
    "share",
];

fn fixed(x: f64) -> String {
    if x.is_finite() {
        format!("{x:.6}")
    } else {
        String::new()
    }
}

/// Shortest exact form (p-values can be far below 0.000001).
fn exact(x: f64) -> String {
    if x.is_finite() {
        format!("{x}")
    } else {
        String::new()
    }
}

/// Writes the actors of a comparison (largest G² first); returns the rows.
pub fn write_compare_rows<W: Write>(
    c: &Comparison,
    out: W,
    options: CsvOptions,
) -> Result<u64, ExportError> {
    let mut w = csv_writer(out, options)?;
    w.write_record(COMPARE_COLUMNS)?;
    for a in &c.actors {
        w.write_record([
            safe_cell(&a.code).as_ref(),
            &safe_cell(&a.name),
            a.kind.as_str(),
            &a.a_articles.to_string(),
            &a.a_units.to_string(),
            &a.b_articles.to_string(),
            &a.b_units.to_string(),
            &fixed(a.a_share),
            &fixed(a.b_share),
            &fixed(a.b_share - a.a_share),
            &fixed(a.log_ratio),
            &fixed(a.llr),
            &exact(a.p_value),
            if a.rose() {
                "rose"
            } else if a.b_share < a.a_share {
                "fell"
            } else {
                "same"
            },
        ])?;
    }
    w.flush()?;
    Ok(c.actors.len() as u64)
}

/// Writes the pairs that appeared (on B, not on A) and vanished; returns the rows.
pub fn write_compare_pair_rows<W: Write>(
    c: &Comparison,
    out: W,
    options: CsvOptions,
) -> Result<u64, ExportError> {
    let mut w = csv_writer(out, options)?;
    w.write_record(COMPARE_PAIR_COLUMNS)?;
    let mut n = 0;
    for (pairs, status) in [(&c.appeared, "appeared"), (&c.vanished, "vanished")] {
        for p in pairs {
            w.write_record([
                safe_cell(&p.actor_a).as_ref(),
                &safe_cell(&p.actor_b),
                &p.a_both.to_string(),
                &p.b_both.to_string(),
                status,
            ])?;
            n += 1;
        }
    }
    w.flush()?;
    Ok(n)
}

/// Compares the articles passing `a` with those passing `b` and writes the actors (or, with
/// `pairs`, the pairs that appeared and vanished in `window` units).
pub fn write_compare_csv<W: Write>(
    store: &Store,
    out: W,
    options: CsvOptions,
    (a, b): (&Filter, &Filter),
    window: Window,
    min_support: u64,
    pairs: bool,
) -> Result<u64, ExportError> {
    let c = analysis::compare(store, a, b, window, min_support)?;
    if pairs {
        write_compare_pair_rows(&c, out, options)
    } else {
        write_compare_rows(&c, out, options)
    }
}

/// Writes outlets × actors rows in their order; returns the rows.
pub fn write_outlet_rows<W: Write>(
    rows: &[OutletActor],
    out: W,
    options: CsvOptions,
) -> Result<u64, ExportError> {
    let mut w = csv_writer(out, options)?;
    w.write_record(OUTLETS_COLUMNS)?;
    for r in rows {
        w.write_record([
            safe_cell(&r.source).as_ref(),
            &safe_cell(&r.actor_code),
            &safe_cell(&r.actor_name),
            r.kind.as_str(),
            &r.articles.to_string(),
            &r.source_articles.to_string(),
            &fixed(r.share),
        ])?;
    }
    w.flush()?;
    Ok(rows.len() as u64)
}

/// Writes the outlets × actors table of the articles passing `filter`.
pub fn write_outlets_csv<W: Write>(
    store: &Store,
    out: W,
    options: CsvOptions,
    filter: &Filter,
) -> Result<u64, ExportError> {
    write_outlet_rows(&analysis::outlets(store, filter)?, out, options)
}

/// Columns of the profile export (one row per word).
pub const PROFILE_COLUMNS: [&str; 5] = ["term", "in_context", "elsewhere", "llr", "log_ratio"];

/// Writes the words of a profile, the largest G² first; returns the rows.
pub fn write_profile_rows<W: Write>(
    p: &analysis::Profile,
    out: W,
    options: CsvOptions,
) -> Result<u64, ExportError> {
    let mut w = csv_writer(out, options)?;
    w.write_record(PROFILE_COLUMNS)?;
    for t in &p.terms {
        w.write_record([
            safe_cell(&t.term).as_ref(),
            &t.in_context.to_string(),
            &t.elsewhere.to_string(),
            &fixed(t.llr),
            &fixed(t.log_ratio),
        ])?;
    }
    w.flush()?;
    Ok(p.terms.len() as u64)
}

/// What a profile read, for its provenance: the parameters that say how far its words reach.
pub fn profile_parameters(p: &analysis::Profile) -> Vec<(&'static str, String)> {
    vec![
        ("actor", p.code.clone()),
        ("actor_articles", p.articles.to_string()),
        ("context_articles_read", p.context_articles_read.to_string()),
        ("reference_articles", p.reference_articles.to_string()),
        (
            "reference_articles_read",
            p.reference_articles_read.to_string(),
        ),
        ("context_words", p.context_words.to_string()),
        ("reference_words", p.reference_words.to_string()),
    ]
}
