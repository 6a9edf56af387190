//! The File and View menus, and the status bar with the import progress and report.

use super::action::{Action, ExportKind};
use super::app::PantauApp;

/// The menu bar.
pub fn menu_ui(ui: &mut egui::Ui, app: &mut PantauApp) -> Option<Action> {
    let mut action = None;
    let busy = app.import.is_some();
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
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
            if ui
                .button("Import options…")
                .on_hover_text("which record fields or columns the article fields are read from")
                .clicked()
            {
                action = Some(Action::ImportOptions(Vec::new()));
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
            ui.checkbox(&mut app.settings.actors_open, "Actors panel");
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
        ui.horizontal_wrapped(|ui| {
            ui.spinner();
            ui.add(
                egui::ProgressBar::new(p.fraction())
                    .desired_width(240.0)
                    .text(import_progress_text(p)),
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
        Some(Ok(report))
            if !report.failed.is_empty()
                || !report.warnings.is_empty()
                || !report.not_imported.is_empty()
                || report.not_started > 0 =>
        {
            ui.horizontal_wrapped(|ui| {
                ui.label(format!(
                    "Import report: {} failed files, {} with warnings{}",
                    report.failed.len(),
                    report.warnings.len(),
                    if report.cancelled {
                        format!(
                            "; cancelled: {} files not imported",
                            report.not_imported.len() + report.not_started
                        )
                    } else {
                        String::new()
                    }
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
                    for f in &report.not_imported {
                        ui.colored_label(
                            ui.visuals().warn_fg_color,
                            format!("not imported: {} — {}", f.path.display(), f.reason),
                        );
                    }
                    for f in &report.warnings {
                        ui.horizontal_wrapped(|ui| {
                            ui.colored_label(
                                ui.visuals().warn_fg_color,
                                format!("warning: {} — {}", f.path.display(), f.reason),
                            );
                            if let Some(names) = crate::ingest::records::unread_fields(&f.reason)
                                && let Some(first) = names.first()
                                && ui
                                    .small_button("Read the text from it…")
                                    .on_hover_text(format!(
                                        "open the import options with text ← {first}; import \
                                         the file again afterwards"
                                    ))
                                    .clicked()
                            {
                                action = Some(Action::ImportOptions(vec![(
                                    "text".into(),
                                    first.clone(),
                                )]));
                            }
                        });
                    }
                });
        }
        _ => {}
    }
    if !app.settings.field_map.is_empty() {
        ui.horizontal(|ui| {
            ui.weak(format!(
                "Import options: {}",
                super::import_options::describe(&app.settings.field_map)
            ));
            if ui.small_button("Change…").clicked() {
                action = Some(Action::ImportOptions(Vec::new()));
            }
        });
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

/// The progress bar's words: the phase, the files, and the records of a big file in work.
pub fn import_progress_text(p: &crate::pipeline::ImportProgress) -> String {
    use crate::pipeline::ImportPhase;
    match p.phase {
        ImportPhase::Preparing => "Preparing the dictionary…".into(),
        ImportPhase::Scanning => "Listing files…".into(),
        ImportPhase::Importing if p.records_total > 0 => format!(
            "{} / {} files · {}% of this file",
            p.files_done,
            p.files_total,
            p.records_done * 100 / p.records_total
        ),
        ImportPhase::Importing => format!("{} / {} files", p.files_done, p.files_total),
    }
}

/// The notice at the end of an import.
pub fn import_summary(report: &crate::pipeline::ImportReport) -> String {
    format!(
        "Import {}: {} articles added, {} duplicates, {} failed files.",
        if report.cancelled {
            "cancelled"
        } else {
            "finished"
        },
        report.counts.articles_added,
        report.counts.duplicates,
        report.failed.len()
    )
}
