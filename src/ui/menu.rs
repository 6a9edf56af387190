//! The File menu, the status bar with the import progress and report, and the file actions.

use super::action::{Action, ExportKind};
use super::app::PantauApp;
use super::export;
use std::path::PathBuf;

/// The menu bar.
pub fn menu_ui(ui: &mut egui::Ui, app: &mut PantauApp) -> Option<Action> {
    let mut action = None;
    let busy = app.import.is_some();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            for (label, a) in [
                ("New database…", Action::NewDatabase),
                ("Open database…", Action::OpenDatabase),
                ("Import files…", Action::ImportDialog { folder: false }),
                ("Import folder…", Action::ImportDialog { folder: true }),
            ] {
                if ui.add_enabled(!busy, egui::Button::new(label)).clicked() {
                    action = Some(a);
                }
            }
            ui.separator();
            ui.menu_button("Export", |ui| {
                for (label, kind) in [
                    ("Mentions (CSV)…", ExportKind::Mentions),
                    ("Articles (CSV)…", ExportKind::Articles),
                    ("Timeline (CSV)…", ExportKind::Timeline),
                    ("Co-occurrence (CSV)…", ExportKind::Cooccurrence),
                    ("Network (GEXF)…", ExportKind::Network),
                ] {
                    if ui.button(label).clicked() {
                        action = Some(Action::Export(kind));
                    }
                }
            });
            ui.separator();
            if ui.button("Quit").clicked() {
                action = Some(Action::Quit);
            }
        });
        ui.menu_button("View", |ui| {
            if ui.checkbox(&mut app.settings.dark, "Dark theme").changed() {
                ui.ctx().set_theme(if app.settings.dark {
                    egui::Theme::Dark
                } else {
                    egui::Theme::Light
                });
            }
        });
        ui.separator();
        ui.weak(format!("Database: {}", app.database().display()));
    });
    action
}

/// The status bar: import progress with Cancel, the import report, the last notice.
pub fn status_ui(ui: &mut egui::Ui, app: &PantauApp) -> Option<Action> {
    let mut action = None;
    if let Some(job) = &app.import {
        let p = &job.progress;
        ui.horizontal(|ui| {
            ui.spinner();
            let fraction = if p.files_total == 0 {
                0.0
            } else {
                p.files_done as f32 / p.files_total as f32
            };
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(240.0)
                    .text(format!("{} / {} files", p.files_done, p.files_total)),
            );
            ui.label(format!(
                "{} articles, {} mentions — {}",
                p.counts.articles_added,
                p.counts.mentions_added,
                p.current
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| job.label.clone())
            ));
            let label = if job.is_cancelling() {
                "Cancelling…"
            } else {
                "Cancel"
            };
            if ui
                .add_enabled(!job.is_cancelling(), egui::Button::new(label))
                .clicked()
            {
                action = Some(Action::CancelImport);
            }
        });
    }
    match &app.report {
        Some(Err(e)) => {
            ui.horizontal(|ui| {
                ui.colored_label(ui.visuals().error_fg_color, format!("Import failed: {e}"));
                if ui.button("Dismiss").clicked() {
                    action = Some(Action::DismissReport);
                }
            });
        }
        Some(Ok(report)) if !report.failed.is_empty() || !report.warnings.is_empty() => {
            ui.horizontal(|ui| {
                ui.label(format!(
                    "Import report: {} failed files, {} with warnings",
                    report.failed.len(),
                    report.warnings.len()
                ));
                if ui.button("Dismiss").clicked() {
                    action = Some(Action::DismissReport);
                }
            });
            egui::ScrollArea::vertical()
                .max_height(120.0)
                .id_salt("report")
                .show(ui, |ui| {
                    for f in &report.failed {
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            format!("failed: {} — {}", f.path.display(), f.reason),
                        );
                    }
                    for f in &report.warnings {
                        ui.colored_label(
                            ui.visuals().warn_fg_color,
                            format!("warning: {} — {}", f.path.display(), f.reason),
                        );
                    }
                });
        }
        _ => {}
    }
    if let Some((text, error)) = app.notices.last() {
        if *error {
            ui.colored_label(ui.visuals().error_fg_color, text);
        } else {
            ui.label(text);
        }
    } else if app.import.is_none() {
        ui.weak("Drop files or folders here to import them.");
    }
    action
}

/// Applies the file actions: dialogs, database switches, imports, exports, dates.
pub fn apply_file_action(app: &mut PantauApp, action: Action, ctx: &egui::Context) {
    match action {
        Action::NewDatabase => app.dialogs.spawn(ctx, || {
            rfd::FileDialog::new()
                .set_title("New database")
                .add_filter("pantau database", &["db"])
                .set_file_name("pantau.db")
                .save_file()
                .map(Action::UseDatabase)
        }),
        Action::OpenDatabase => app.dialogs.spawn(ctx, || {
            rfd::FileDialog::new()
                .set_title("Open database")
                .add_filter("pantau database", &["db", "sqlite"])
                .pick_file()
                .map(Action::UseDatabase)
        }),
        Action::UseDatabase(path) => app.use_database(path),
        Action::ImportDialog { folder } => app.dialogs.spawn(ctx, move || {
            let dialog = rfd::FileDialog::new().set_title("Import");
            let picked: Option<Vec<PathBuf>> = if folder {
                dialog.pick_folders()
            } else {
                dialog.pick_files()
            };
            picked.map(Action::Import)
        }),
        Action::Import(paths) => app.start_import(paths, ctx),
        Action::Export(kind) => app.dialogs.spawn(ctx, move || {
            let (name, ext) = if kind == ExportKind::Network {
                ("GEXF", "gexf")
            } else {
                ("CSV", "csv")
            };
            rfd::FileDialog::new()
                .set_title("Export")
                .add_filter(name, &[ext])
                .set_file_name(kind.file_name())
                .save_file()
                .map(|p| Action::ExportTo(kind, p))
        }),
        Action::ExportTo(kind, path) => export::start(app, kind, path, ctx),
        Action::SetDates(ids, date) => {
            let db = app.database().to_path_buf();
            app.tasks.push(super::jobs::Task::start(ctx, move || {
                let mut store = crate::store::Store::open(&db).map_err(|e| e.to_string())?;
                let n = store
                    .set_article_dates(&ids, date)
                    .map_err(|e| e.to_string())?;
                Ok(format!("Dated {n} articles {date}."))
            }));
        }
        other => app.notices.push((format!("Not handled: {other:?}"), true)),
    }
}
