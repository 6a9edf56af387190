//! The analysis exports: timeline and co-occurrence as CSV, the actor network as GEXF, and
//! the mentions and articles tables restricted by a filter.

use super::{CsvOptions, ExportError, csv_writer, safe_cell};
use crate::analysis::{self, Bin, Filter, Measure, Window};
use crate::store::{ActorId, Store};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, Event};
use std::collections::{HashMap, HashSet};
use std::io::Write;

/// Columns of the timeline export.
pub const TIMELINE_COLUMNS: [&str; 7] = [
    "bin_start",
    "actor_code",
    "actor_name",
    "articles",
    "mentions",
    "total_articles",
    "share",
];

/// Which rows the filtered exports keep: articles passing `filter`; with `actors` (codes) or a
/// kind, only articles mentioning one of those actors, and only their mentions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportFilter {
    /// Articles and actor kind.
    pub filter: Filter,
    /// Actor codes (empty = all).
    pub actors: Vec<String>,
}

impl ExportFilter {
    /// The allowed article ids and, when restricted, the allowed actor codes.
    fn resolve(
        &self,
        store: &Store,
    ) -> Result<(HashSet<i64>, Option<HashSet<String>>), ExportError> {
        let restricted = !self.actors.is_empty()
            || self.filter.kind.is_some()
            || self.filter.prominence != crate::model::Prominence::Body;
        let (codes, ids): (Option<HashSet<String>>, Option<Vec<ActorId>>) = if restricted {
            let allowed: Vec<_> = store
                .actors()?
                .into_iter()
                .filter(|a| self.filter.admits_kind(a.kind))
                .filter(|a| self.actors.is_empty() || self.actors.contains(&a.code))
                .collect();
            (
                Some(allowed.iter().map(|a| a.code.clone()).collect()),
                Some(allowed.iter().map(|a| a.id).collect()),
            )
        } else {
            (None, None)
        };
        let articles = store
            .filtered_article_ids(&self.filter, ids.as_deref())?
            .into_iter()
            .collect();
        Ok((articles, codes))
    }
}

fn number(x: f64) -> String {
    if x.is_finite() {
        format!("{x:.6}")
    } else {
        String::new()
    }
}

/// Writes the timeline of `actor_codes` (none = the top 10 by articles) one row per bin and
/// actor; returns the number of rows.
pub fn write_timeline_csv<W: Write>(
    store: &Store,
    out: W,
    options: CsvOptions,
    actor_codes: &[String],
    bin: Bin,
    filter: &Filter,
) -> Result<u64, ExportError> {
    let t = analysis::timeline(store, actor_codes, bin, filter)?;
    write_timeline_rows(&t, out, options)
}

/// Writes a computed timeline (what the window shows), one row per bin and actor.
pub fn write_timeline_rows<W: Write>(
    t: &analysis::Timeline,
    out: W,
    options: CsvOptions,
) -> Result<u64, ExportError> {
    let mut w = csv_writer(out, options)?;
    w.write_record(TIMELINE_COLUMNS)?;
    let mut n = 0;
    for s in &t.series {
        for p in &s.points {
            w.write_record([
                p.bin_start.to_string().as_str(),
                &safe_cell(&s.actor_code),
                &safe_cell(&s.actor_name),
                &p.articles.to_string(),
                &p.mentions.to_string(),
                &p.total_articles.to_string(),
                &number(p.share),
            ])?;
            n += 1;
        }
    }
    w.flush()?;
    Ok(n)
}

/// Writes the co-occurrence pairs (by units with both, highest first); returns the rows.
pub fn write_cooccurrence_csv<W: Write>(
    store: &Store,
    out: W,
    options: CsvOptions,
    window: Window,
    min_support: u64,
    top_n: Option<usize>,
    filter: &Filter,
) -> Result<u64, ExportError> {
    let pairs = analysis::cooccurrence(store, window, min_support, top_n, Measure::Both, filter)?;
    write_cooccurrence_rows(&pairs, out, options)
}

/// Writes computed pairs in their order (the window's table as sorted).
pub fn write_cooccurrence_rows<W: Write>(
    pairs: &[analysis::PairStat],
    out: W,
    options: CsvOptions,
) -> Result<u64, ExportError> {
    let mut w = csv_writer(out, options)?;
    w.write_record(cooccurrence_columns())?;
    for p in pairs {
        let mut row: Vec<String> = vec![
            safe_cell(&p.actor_a).into_owned(),
            safe_cell(&p.name_a).into_owned(),
            safe_cell(&p.actor_b).into_owned(),
            safe_cell(&p.name_b).into_owned(),
        ];
        for m in Measure::ALL {
            row.extend(m.export_value(p));
        }
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(pairs.len() as u64)
}

/// The columns of the co-occurrence export: the pair, then each measure of
/// [`Measure::ALL`] with its companion columns.
pub fn cooccurrence_columns() -> Vec<&'static str> {
    let mut cols = vec!["actor_a", "name_a", "actor_b", "name_b"];
    for m in Measure::ALL {
        cols.push(m.as_str());
        cols.extend(m.companion_columns());
    }
    cols
}

/// Writes the actor network as GEXF 1.3 (opens in Gephi): the actors of the pairs as nodes
/// (id = code, label = name, attributes `kind` and `mentions`), each pair an undirected edge
/// weighted by its units with both; the meta's description carries `provenance` when given.
/// Returns the number of edges.
pub fn write_network_gexf<W: Write>(
    store: &Store,
    out: W,
    window: Window,
    min_support: u64,
    top_n: Option<usize>,
    filter: &Filter,
    provenance: Option<&super::Provenance>,
) -> Result<u64, ExportError> {
    let pairs = analysis::cooccurrence(store, window, min_support, top_n, Measure::Both, filter)?;
    let counts: HashMap<String, analysis::ActorCount> = analysis::actor_counts(store, filter)?
        .into_iter()
        .map(|c| (c.code.clone(), c))
        .collect();
    let mut nodes: Vec<&str> = pairs
        .iter()
        .flat_map(|p| [p.actor_a.as_str(), p.actor_b.as_str()])
        .collect();
    nodes.sort_unstable();
    nodes.dedup();
    let names: HashMap<&str, &str> = pairs
        .iter()
        .flat_map(|p| {
            [
                (p.actor_a.as_str(), p.name_a.as_str()),
                (p.actor_b.as_str(), p.name_b.as_str()),
            ]
        })
        .collect();

    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("gexf")
        .with_attribute(("xmlns", "http://gexf.net/1.3"))
        .with_attribute(("version", "1.3"))
        .write_inner_content(|w| {
            w.create_element("meta").write_inner_content(|w| {
                w.create_element("creator")
                    .write_text_content(quick_xml::events::BytesText::new("pantau"))?;
                let mut description =
                    format!("co-occurrence of actors, window {window}, min support {min_support}");
                if let Some(p) = provenance {
                    let mut p = p.clone();
                    p.rows = pairs.len() as u64;
                    for (k, v) in p.lines() {
                        description.push_str(&format!("\n{k}: {v}"));
                    }
                }
                w.create_element("description")
                    .write_text_content(quick_xml::events::BytesText::new(&description))?;
                Ok(())
            })?;
            w.create_element("graph")
                .with_attribute(("defaultedgetype", "undirected"))
                .with_attribute(("mode", "static"))
                .write_inner_content(|w| {
                    w.create_element("attributes")
                        .with_attribute(("class", "node"))
                        .write_inner_content(|w| {
                            w.create_element("attribute")
                                .with_attributes([
                                    ("id", "kind"),
                                    ("title", "kind"),
                                    ("type", "string"),
                                ])
                                .write_empty()?;
                            w.create_element("attribute")
                                .with_attributes([
                                    ("id", "mentions"),
                                    ("title", "mentions"),
                                    ("type", "long"),
                                ])
                                .write_empty()?;
                            Ok(())
                        })?;
                    w.create_element("nodes").write_inner_content(|w| {
                        for code in &nodes {
                            let c = counts.get(*code);
                            let kind = c.map(|c| c.kind.as_str()).unwrap_or("");
                            let mentions = c.map(|c| c.mentions).unwrap_or(0).to_string();
                            w.create_element("node")
                                .with_attribute(("id", *code))
                                .with_attribute(("label", names.get(code).copied().unwrap_or(code)))
                                .write_inner_content(|w| {
                                    w.create_element("attvalues").write_inner_content(|w| {
                                        w.create_element("attvalue")
                                            .with_attributes([("for", "kind"), ("value", kind)])
                                            .write_empty()?;
                                        w.create_element("attvalue")
                                            .with_attributes([
                                                ("for", "mentions"),
                                                ("value", mentions.as_str()),
                                            ])
                                            .write_empty()?;
                                        Ok(())
                                    })?;
                                    Ok(())
                                })?;
                        }
                        Ok(())
                    })?;
                    w.create_element("edges").write_inner_content(|w| {
                        for (i, p) in pairs.iter().enumerate() {
                            w.create_element("edge")
                                .with_attribute(("id", i.to_string().as_str()))
                                .with_attribute(("source", p.actor_a.as_str()))
                                .with_attribute(("target", p.actor_b.as_str()))
                                .with_attribute(("weight", p.both.to_string().as_str()))
                                .write_empty()?;
                        }
                        Ok(())
                    })?;
                    Ok(())
                })?;
            Ok(())
        })?;
    let mut out = w.into_inner();
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(pairs.len() as u64)
}

/// [`super::write_mentions_csv`] restricted by `scope`.
pub fn write_mentions_csv_filtered<W: Write>(
    store: &Store,
    out: W,
    options: CsvOptions,
    scope: &ExportFilter,
) -> Result<u64, ExportError> {
    let (articles, codes) = scope.resolve(store)?;
    let least = scope.filter.prominence;
    super::tables::mentions_csv(store, out, options, |m| {
        articles.contains(&m.article_id)
            && codes.as_ref().is_none_or(|c| c.contains(&m.actor_code))
            && crate::model::Prominence::parse(&m.prominence).is_some_and(|p| p >= least)
    })
}

/// [`super::write_articles_csv`] restricted by `scope`.
pub fn write_articles_csv_filtered<W: Write>(
    store: &Store,
    out: W,
    options: CsvOptions,
    scope: &ExportFilter,
) -> Result<u64, ExportError> {
    let (articles, _) = scope.resolve(store)?;
    super::tables::articles_csv(store, out, options, |a| articles.contains(&a.article_id))
}
