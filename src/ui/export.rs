//! Exports started from the menu or a view: the whole database (mentions, articles) through
//! `crate::export`, or what a view shows, written on a background thread.

use super::action::ExportKind;
use super::app::PantauApp;
use super::articles_view::ArticleListing;
use super::jobs::Done;
use crate::export::chart::{self, ChartText};
use crate::export::{CsvOptions, ExportError, Provenance, TableFormat, safe_cell};
use crate::store::Store;
use std::path::{Path, PathBuf};

/// Starts writing `kind` to `path`; the outcome comes back as a notice. Tables are written as
/// CSV (with `FILE.csv.json` beside it) or, for a `.xlsx` name, as a workbook; both carry the
/// provenance of what is shown (database, filter, counting, import runs).
pub fn start(app: &mut PantauApp, kind: ExportKind, path: PathBuf, ctx: &egui::Context) {
    let db = app.database().clone();
    // The file written, as the user named it (not the dialog's default name).
    let path_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let filter = app.filter();
    let sheet = kind.sheet();
    // A table: `write` writes its CSV; the provenance is made in the job from the database.
    type Write = Box<
        dyn FnOnce(&Store, &mut dyn std::io::Write, CsvOptions) -> Result<u64, ExportError> + Send,
    >;
    let table = |write: Write, parameters: Vec<(&'static str, String)>| -> Job {
        let (db, path, filter) = (db.clone(), path.clone(), filter.clone());
        Box::new(move || {
            let store = db.open().map_err(|e| e.to_string())?;
            let mut provenance = Provenance::new(&store, &db.to_string(), sheet, &filter)
                .map_err(|e| e.to_string())?;
            for (k, v) in parameters {
                provenance = provenance.with(k, v);
            }
            crate::export::write_table_file(
                &path,
                TableFormat::of_path(&path),
                CsvOptions::default(),
                sheet,
                &provenance,
                |w, o| write(&store, w, o),
            )
            .map_err(|e| e.to_string())
        })
    };
    let job: Job = match kind {
        ExportKind::Mentions => table(
            Box::new(|s, w, o| crate::export::write_mentions_csv(s, w, o)),
            vec![("scope", "whole database".into())],
        ),
        ExportKind::Articles => table(
            Box::new(|s, w, o| crate::export::write_articles_csv(s, w, o)),
            vec![("scope", "whole database".into())],
        ),
        ExportKind::Network => {
            // The network as the tab shows it, bin by bin (a dynamic GEXF for Gephi's
            // timeline).
            let window = super::app::WINDOWS[app.settings.window.min(2)].0;
            let min_support = app.settings.min_support;
            let bin = super::settings::BINS[app.settings.bin.min(3)].0;
            let max_nodes = app.tabs.network.max_nodes;
            Box::new(move || {
                let store = db.open().map_err(|e| e.to_string())?;
                let provenance = Provenance::new(&store, &db.to_string(), "network", &filter)
                    .map_err(|e| e.to_string())?
                    .with("window", window.as_str())
                    .with("min_support", min_support)
                    .with("bin", bin.as_str())
                    .with("max_nodes", max_nodes);
                let out = std::io::BufWriter::new(create(&path)?);
                crate::export::write_network_gexf_dynamic(
                    &store,
                    out,
                    window,
                    min_support,
                    max_nodes,
                    bin,
                    &filter,
                    Some(&provenance),
                )
                .map_err(|e| e.to_string())
            })
        }
        ExportKind::Timeline => {
            let Some(data) = app.timeline() else {
                app.notices
                    .push((app.settings.tr("notice-export-timeline-empty"), true));
                return;
            };
            let bin = super::settings::BINS[app.settings.bin.min(3)].0;
            table(
                Box::new(move |_, w, o| crate::export::write_timeline_rows(&data.0, w, o)),
                vec![
                    ("bin", bin.as_str().into()),
                    ("actors", app.settings.selected.join(",")),
                ],
            )
        }
        ExportKind::Cooccurrence => {
            let pairs = app.pairs();
            let window = super::app::WINDOWS[app.settings.window.min(2)].0;
            table(
                Box::new(move |_, w, o| crate::export::write_cooccurrence_rows(&pairs, w, o)),
                vec![
                    ("window", window.as_str().into()),
                    ("min_support", app.settings.min_support.to_string()),
                ],
            )
        }
        ExportKind::ArticleList => {
            let Some(list) = app.article_list() else {
                app.notices
                    .push((app.settings.tr("notice-export-empty"), true));
                return;
            };
            table(
                Box::new(move |_, w, o| list_rows(&list, w, o)),
                vec![("scope", "the list as shown".into())],
            )
        }
        ExportKind::Outlets => {
            let Some(rows) = app.tabs.outlets.rows() else {
                app.notices
                    .push((app.settings.tr("notice-export-empty"), true));
                return;
            };
            table(
                Box::new(move |_, w, o| crate::export::write_outlet_rows(&rows, w, o)),
                Vec::new(),
            )
        }
        ExportKind::TimelineChart
        | ExportKind::CompareChart
        | ExportKind::OutletsChart
        | ExportKind::NetworkChart => {
            let lang = app.settings.lang();
            let t = move |id: &str| crate::i18n::tr(lang, id);
            let (db, filter) = (db.clone(), filter.clone());
            let size = (1400, 800);
            match kind {
                ExportKind::TimelineChart => {
                    let Some(data) = app.timeline() else {
                        app.notices
                            .push((app.settings.tr("notice-export-timeline-empty"), true));
                        return;
                    };
                    let share = app.settings.share;
                    let bin = super::settings::BINS[app.settings.bin.min(3)];
                    Box::new(move || {
                        let store = db.open().map_err(|e| e.to_string())?;
                        let p = Provenance::new(&store, &db.to_string(), sheet, &filter)
                            .map_err(|e| e.to_string())?
                            .with("bin", bin.0.as_str());
                        let text = ChartText {
                            title: crate::i18n::tr_with(
                                lang,
                                if share {
                                    "chart-timeline-share-title"
                                } else {
                                    "chart-timeline-title"
                                },
                                &[("bin", crate::i18n::text(t(bin.1).to_lowercase()))],
                            ),
                            x_label: t("chart-axis-bin"),
                            y_label: t(if share {
                                "timeline-axis-share"
                            } else {
                                "timeline-axis-count"
                            }),
                            source: chart::source_line(&p, lang),
                            ..Default::default()
                        };
                        chart::timeline_chart(&data.0, share, &text, &path, size)
                            .map_err(|e| e.to_string())?;
                        Ok(data.0.series.len() as u64)
                    })
                }
                ExportKind::CompareChart => {
                    let actors = app.tabs.compare.chart_actors();
                    if actors.is_empty() {
                        app.notices
                            .push((app.settings.tr("notice-export-empty"), true));
                        return;
                    }
                    let sides = app.tabs.compare.data();
                    Box::new(move || {
                        let store = db.open().map_err(|e| e.to_string())?;
                        let mut p = Provenance::new(&store, &db.to_string(), sheet, &filter)
                            .map_err(|e| e.to_string())?;
                        if let Some(d) = &sides {
                            p.parameters
                                .extend(crate::export::provenance::filter_fields(&d.a, "a."));
                            p.parameters
                                .extend(crate::export::provenance::filter_fields(&d.b, "b."));
                        }
                        let text = ChartText {
                            title: t("chart-compare-title"),
                            x_label: t("compare-axis-log-ratio"),
                            y_label: t("compare-col-actor"),
                            legend: vec![t("chart-legend-rose"), t("chart-legend-fell")],
                            source: chart::source_line(&p, lang),
                        };
                        let refs: Vec<&crate::analysis::ActorChange> = actors.iter().collect();
                        chart::compare_chart(&refs, &text, &path, size)
                            .map_err(|e| e.to_string())?;
                        Ok(actors.len() as u64)
                    })
                }
                ExportKind::NetworkChart => {
                    let Some((net, start)) = app.tabs.network.shown() else {
                        app.notices
                            .push((app.settings.tr("notice-export-empty"), true));
                        return;
                    };
                    let window = super::app::WINDOWS[app.settings.window.min(2)].0;
                    let bin = super::settings::BINS[app.settings.bin.min(3)];
                    Box::new(move || {
                        let store = db.open().map_err(|e| e.to_string())?;
                        let mut p = Provenance::new(&store, &db.to_string(), sheet, &filter)
                            .map_err(|e| e.to_string())?
                            .with("window", window.as_str());
                        let title = match start {
                            Some(s) => {
                                p = p.with("bin", bin.0.as_str()).with("bin_start", s);
                                crate::i18n::tr_with(
                                    lang,
                                    "chart-network-bin-title",
                                    &[
                                        ("bin", crate::i18n::text(t(bin.1).to_lowercase())),
                                        (
                                            "start",
                                            crate::i18n::text(crate::i18n::date_long(lang, s)),
                                        ),
                                    ],
                                )
                            }
                            None => t("chart-network-title"),
                        };
                        let text = ChartText {
                            title,
                            x_label: String::new(),
                            y_label: String::new(),
                            source: chart::source_line(&p, lang),
                            ..Default::default()
                        };
                        chart::network_chart(&net, &text, &path, size)
                            .map_err(|e| e.to_string())?;
                        Ok(net.edges.len() as u64)
                    })
                }
                _ => {
                    let Some(m) = app.tabs.outlets.matrix_now() else {
                        app.notices
                            .push((app.settings.tr("notice-export-empty"), true));
                        return;
                    };
                    let by_share = app.tabs.outlets.by_share;
                    Box::new(move || {
                        let store = db.open().map_err(|e| e.to_string())?;
                        let p = Provenance::new(&store, &db.to_string(), sheet, &filter)
                            .map_err(|e| e.to_string())?;
                        let text = ChartText {
                            title: t(if by_share {
                                "chart-outlets-title"
                            } else {
                                "chart-outlets-articles-title"
                            }),
                            x_label: t("chart-axis-actors"),
                            y_label: t("chart-axis-outlets"),
                            source: chart::source_line(&p, lang),
                            ..Default::default()
                        };
                        chart::outlets_chart(&m, by_share, &text, &path, size)
                            .map_err(|e| e.to_string())?;
                        Ok(m.sources.len() as u64)
                    })
                }
            }
        }
        ExportKind::Profile => {
            let Some(first) = app.tabs.profile.data().and_then(|d| d.first.clone()) else {
                app.notices
                    .push((app.settings.tr("notice-export-empty"), true));
                return;
            };
            let mut parameters = crate::export::profile_parameters(&first);
            if !app.tabs.profile.source.is_empty() {
                parameters.push(("source", app.tabs.profile.source.clone()));
            }
            table(
                Box::new(move |_, w, o| crate::export::write_profile_rows(&first, w, o)),
                parameters,
            )
        }
        ExportKind::Compare => {
            let Some(data) = app.tabs.compare.data() else {
                app.notices
                    .push((app.settings.tr("notice-export-empty"), true));
                return;
            };
            let mut parameters: Vec<(&'static str, String)> = Vec::new();
            for (side, f) in [("a", &data.a), ("b", &data.b)] {
                for (k, v) in crate::export::provenance::filter_fields(f, "") {
                    let key: &'static str = match (side, k.as_str()) {
                        ("a", "from") => "a.from",
                        ("a", "to") => "a.to",
                        ("a", "sources") => "a.sources",
                        ("a", "languages") => "a.languages",
                        ("b", "from") => "b.from",
                        ("b", "to") => "b.to",
                        ("b", "sources") => "b.sources",
                        ("b", "languages") => "b.languages",
                        _ => continue,
                    };
                    parameters.push((key, v));
                }
            }
            table(
                Box::new(move |_, w, o| crate::export::write_compare_rows(&data.comparison, w, o)),
                parameters,
            )
        }
    };
    let name = path_name.clone();
    let lang = app.settings.lang();
    let chart = kind.is_chart();
    app.task(ctx, move || {
        job().map(|rows| {
            Done::notice(crate::i18n::tr_with(
                lang,
                if chart {
                    "notice-chart-saved"
                } else {
                    "notice-exported"
                },
                &[
                    ("count", crate::i18n::num(rows as f64)),
                    ("path", crate::i18n::text(name)),
                ],
            ))
        })
    });
}

/// An export's work, run on a background thread.
type Job = Box<dyn FnOnce() -> Result<u64, String> + Send>;

fn create(path: &Path) -> Result<std::fs::File, String> {
    std::fs::File::create(path).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The article list page as shown.
pub fn list_rows(
    list: &ArticleListing,
    out: &mut dyn std::io::Write,
    options: CsvOptions,
) -> Result<u64, ExportError> {
    let mut w = crate::export::csv_writer(out, options)?;
    w.write_record(["article_id", "published", "source", "language", "title"])?;
    for r in &list.rows {
        w.write_record([
            r.id.to_string(),
            r.published.map(|d| d.to_string()).unwrap_or_default(),
            safe_cell(&r.source).into_owned(),
            r.language.clone(),
            safe_cell(&r.title).into_owned(),
        ])?;
    }
    w.flush()?;
    Ok(list.rows.len() as u64)
}
