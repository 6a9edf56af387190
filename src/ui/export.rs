//! Exports started from the menu or a view: the whole database (mentions, articles) through
//! `crate::export`, or what a view shows, written on a background thread.

use super::action::ExportKind;
use super::analysis::{PairStat, Timeline};
use super::app::PantauApp;
use super::articles_view::ArticleListing;
use super::jobs::{Done, Task};
use crate::export::{CsvOptions, safe_cell};
use std::path::{Path, PathBuf};

/// Starts writing `kind` to `path`; the outcome comes back as a notice.
pub fn start(app: &mut PantauApp, kind: ExportKind, path: PathBuf, ctx: &egui::Context) {
    let db = app.database().to_path_buf();
    // The file written, as the user named it (not the dialog's default name).
    let path_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let job: Box<dyn FnOnce() -> Result<u64, String> + Send> = match kind {
        ExportKind::Mentions | ExportKind::Articles => Box::new(move || {
            let store = crate::store::Store::open(&db).map_err(|e| e.to_string())?;
            let file = create(&path)?;
            let out = std::io::BufWriter::new(file);
            let written = if kind == ExportKind::Mentions {
                crate::export::write_mentions_csv(&store, out, CsvOptions::default())
            } else {
                crate::export::write_articles_csv(&store, out, CsvOptions::default())
            };
            written.map_err(|e| e.to_string())
        }),
        ExportKind::Network => {
            let filter = app.filter();
            let window = super::app::WINDOWS[app.settings.window.min(2)].0;
            let min_support = app.settings.min_support;
            Box::new(move || {
                let store = crate::store::Store::open(&db).map_err(|e| e.to_string())?;
                let out = std::io::BufWriter::new(create(&path)?);
                crate::export::write_network_gexf(
                    &store,
                    out,
                    window,
                    min_support,
                    None,
                    &filter,
                    None,
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
            Box::new(move || timeline_csv(&data.0, &path))
        }
        ExportKind::Cooccurrence => {
            let pairs = app.pairs();
            Box::new(move || pairs_csv(&pairs, &path))
        }
        ExportKind::ArticleList => {
            let Some(list) = app.article_list() else {
                app.notices
                    .push((app.settings.tr("notice-export-empty"), true));
                return;
            };
            Box::new(move || list_csv(&list, &path))
        }
    };
    let name = path_name.clone();
    let lang = app.settings.lang();
    app.tasks.push(Task::start(ctx, move || {
        job().map(|rows| {
            Done::notice(crate::i18n::tr_with(
                lang,
                "notice-exported",
                &[
                    ("count", crate::i18n::num(rows as f64)),
                    ("path", crate::i18n::text(name)),
                ],
            ))
        })
    }));
}

fn create(path: &Path) -> Result<std::fs::File, String> {
    std::fs::File::create(path).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// One row per actor and bin (the library's timeline export of what is shown).
pub fn timeline_csv(t: &Timeline, path: &Path) -> Result<u64, String> {
    let out = std::io::BufWriter::new(create(path)?);
    crate::export::write_timeline_rows(t, out, CsvOptions::default()).map_err(|e| e.to_string())
}

/// One row per pair, in the table's order.
pub fn pairs_csv(pairs: &[PairStat], path: &Path) -> Result<u64, String> {
    let out = std::io::BufWriter::new(create(path)?);
    crate::export::write_cooccurrence_rows(pairs, out, CsvOptions::default())
        .map_err(|e| e.to_string())
}

/// The article list page as shown.
pub fn list_csv(list: &ArticleListing, path: &Path) -> Result<u64, String> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(create(path)?);
    let mut rows = || -> Result<(), csv::Error> {
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
        Ok(())
    };
    rows().map_err(|e| e.to_string())?;
    Ok(list.rows.len() as u64)
}
