//! The actor network over time as a dynamic GEXF 1.3 (Gephi's timeline plays it): each node
//! and edge with one spell per bin it is present in, each edge's units with both per bin as a
//! dynamic attribute, node positions from the layout of the whole period.

use super::{ExportError, Provenance};
use crate::analysis::{self, Bin, Filter, Window};
use crate::store::Store;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use std::collections::BTreeMap;
use std::io::Write;

/// The bins an element is present in: (first day, last day, its value there).
type Spells = Vec<(String, String, u64)>;

/// Writes the network of the `max_nodes` actors with most articles, bin by bin; returns the
/// number of edges.
#[allow(clippy::too_many_arguments)]
pub fn write_network_gexf_dynamic<W: Write>(
    store: &Store,
    out: W,
    window: Window,
    min_support: u64,
    max_nodes: usize,
    bin: Bin,
    filter: &Filter,
    provenance: Option<&Provenance>,
) -> Result<u64, ExportError> {
    let whole = analysis::network(store, window, min_support, max_nodes, filter)?;
    let bins = analysis::bins_of(store, bin, filter)?;
    // Per node and per pair: (bin start, bin end, value) where present.
    let mut node_spells: BTreeMap<&str, Spells> = BTreeMap::new();
    let mut edge_spells: BTreeMap<(String, String), Spells> = BTreeMap::new();
    for start in &bins {
        // Spells touch: each ends where the next bin starts (a day bin is a day long).
        let end = bin.next(*start).to_string();
        // In a bin, a pair is there when it shares any unit.
        let net = analysis::network_in_bin(store, &whole, window, 1, bin, *start, filter)?;
        for n in whole.nodes.iter().zip(&net.nodes) {
            if n.1.articles > 0 {
                node_spells.entry(n.0.code.as_str()).or_default().push((
                    start.to_string(),
                    end.clone(),
                    n.1.articles,
                ));
            }
        }
        for e in net.edges {
            edge_spells
                .entry((e.actor_a.clone(), e.actor_b.clone()))
                .or_default()
                .push((start.to_string(), end.clone(), e.both));
        }
    }
    let mut description = format!(
        "co-occurrence of actors over time, window {window}, min support {min_support} over the whole period, bin {} (a pair is present in a bin where it shares any unit; undated articles count in the whole network and in no bin)",
        bin.as_str()
    );
    if let Some(p) = provenance {
        let mut p = p.clone();
        p.rows = whole.edges.len() as u64;
        for (k, v) in p.lines() {
            description.push_str(&format!("\n{k}: {v}"));
        }
    }
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let edges: Vec<_> = whole.edges.iter().collect();
    let most = whole
        .nodes
        .iter()
        .map(|n| n.articles)
        .max()
        .unwrap_or(1)
        .max(1);
    w.create_element("gexf")
        .with_attribute(("xmlns", "http://gexf.net/1.3"))
        .with_attribute(("xmlns:viz", "http://gexf.net/1.3/viz"))
        .with_attribute(("version", "1.3"))
        .write_inner_content(|w| {
            w.create_element("meta").write_inner_content(|w| {
                w.create_element("creator")
                    .write_text_content(BytesText::new("pantau"))?;
                w.create_element("description")
                    .write_text_content(BytesText::new(&description))?;
                Ok(())
            })?;
            w.create_element("graph")
                .with_attributes([
                    ("defaultedgetype", "undirected"),
                    ("mode", "dynamic"),
                    ("timeformat", "date"),
                ])
                .write_inner_content(|w| {
                    w.create_element("attributes")
                        .with_attributes([("class", "node"), ("mode", "static")])
                        .write_inner_content(|w| {
                            w.create_element("attribute")
                                .with_attributes([
                                    ("id", "kind"),
                                    ("title", "kind"),
                                    ("type", "string"),
                                ])
                                .write_empty()?;
                            Ok(())
                        })?;
                    w.create_element("attributes")
                        .with_attributes([("class", "node"), ("mode", "dynamic")])
                        .write_inner_content(|w| {
                            w.create_element("attribute")
                                .with_attributes([
                                    ("id", "articles"),
                                    ("title", "articles"),
                                    ("type", "long"),
                                ])
                                .write_empty()?;
                            Ok(())
                        })?;
                    w.create_element("attributes")
                        .with_attributes([("class", "edge"), ("mode", "dynamic")])
                        .write_inner_content(|w| {
                            w.create_element("attribute")
                                .with_attributes([
                                    ("id", "units"),
                                    ("title", "units"),
                                    ("type", "long"),
                                ])
                                .write_empty()?;
                            Ok(())
                        })?;
                    w.create_element("nodes").write_inner_content(|w| {
                        for n in &whole.nodes {
                            let spells = node_spells.get(n.code.as_str());
                            w.create_element("node")
                                .with_attributes([
                                    ("id", n.code.as_str()),
                                    ("label", n.name.as_str()),
                                ])
                                .write_inner_content(|w| {
                                    w.create_element("attvalues").write_inner_content(|w| {
                                        w.create_element("attvalue")
                                            .with_attributes([
                                                ("for", "kind"),
                                                ("value", n.kind.as_str()),
                                            ])
                                            .write_empty()?;
                                        values_over_time(w, "articles", spells)
                                    })?;
                                    write_spells(w, spells)?;
                                    let (x, y) = (n.pos.0 * 500.0, n.pos.1 * 500.0);
                                    w.create_element("viz:position")
                                        .with_attributes([
                                            ("x", format!("{x:.1}").as_str()),
                                            ("y", format!("{y:.1}").as_str()),
                                            ("z", "0"),
                                        ])
                                        .write_empty()?;
                                    w.create_element("viz:size")
                                        .with_attribute((
                                            "value",
                                            format!(
                                                "{:.1}",
                                                4.0 + 26.0
                                                    * (n.articles as f64 / most as f64).sqrt()
                                            )
                                            .as_str(),
                                        ))
                                        .write_empty()?;
                                    Ok(())
                                })?;
                        }
                        Ok(())
                    })?;
                    w.create_element("edges").write_inner_content(|w| {
                        for (i, p) in edges.iter().enumerate() {
                            let key = (p.actor_a.clone(), p.actor_b.clone());
                            let spells = edge_spells.get(&key);
                            w.create_element("edge")
                                .with_attributes([
                                    ("id", i.to_string().as_str()),
                                    ("source", p.actor_a.as_str()),
                                    ("target", p.actor_b.as_str()),
                                    ("weight", p.both.to_string().as_str()),
                                ])
                                .write_inner_content(|w| {
                                    w.create_element("attvalues").write_inner_content(|w| {
                                        values_over_time(w, "units", spells)
                                    })?;
                                    write_spells(w, spells)?;
                                    Ok(())
                                })?;
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
    Ok(edges.len() as u64)
}

/// One `attvalue` of `attribute` per bin an element is present in.
fn values_over_time<W: Write>(
    w: &mut Writer<W>,
    attribute: &str,
    spells: Option<&Spells>,
) -> std::io::Result<()> {
    for (s, e, v) in spells.into_iter().flatten() {
        w.create_element("attvalue")
            .with_attributes([
                ("for", attribute),
                ("value", v.to_string().as_str()),
                ("start", s.as_str()),
                ("end", e.as_str()),
            ])
            .write_empty()?;
    }
    Ok(())
}

/// An element's spells; none for an element in no bin (its articles undated).
fn write_spells<W: Write>(w: &mut Writer<W>, spells: Option<&Spells>) -> std::io::Result<()> {
    let Some(spells) = spells.filter(|v| !v.is_empty()) else {
        return Ok(());
    };
    w.create_element("spells").write_inner_content(|w| {
        for (s, e, _) in spells {
            w.create_element("spell")
                .with_attributes([("start", s.as_str()), ("end", e.as_str())])
                .write_empty()?;
        }
        Ok::<(), std::io::Error>(())
    })?;
    Ok(())
}
