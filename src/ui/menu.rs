//! The File and View menus, and the status bar with the import progress and report.

use super::action::{Action, ExportKind};
use super::app::PantauApp;
use crate::i18n::{Lang, num, text, tr, tr_with};

/// The menu bar.
pub fn menu_ui(ui: &mut egui::Ui, app: &mut PantauApp) -> Option<Action> {
    let mut action = None;
    let busy = app.import.is_some();
    let lang = app.settings.lang();
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(tr(lang, "menu-file"), |ui| {
            for (label, a) in [
                ("menu-new-database", Action::NewDatabase),
                ("menu-open-database", Action::OpenDatabase),
                ("menu-connect-server", Action::ConnectDialog),
                ("menu-import-files", Action::ImportDialog { folder: false }),
                ("menu-import-folder", Action::ImportDialog { folder: true }),
            ] {
                if ui
                    .add_enabled(!busy, egui::Button::new(tr(lang, label)))
                    .clicked()
                {
                    action = Some(a);
                }
            }
            if ui
                .button(tr(lang, "menu-import-options"))
                .on_hover_text(tr(lang, "menu-import-options-hint"))
                .clicked()
            {
                action = Some(Action::ImportOptions(Vec::new()));
            }
            ui.separator();
            ui.menu_button(tr(lang, "menu-export"), |ui| {
                for (label, kind) in [
                    ("menu-export-mentions", ExportKind::Mentions),
                    ("menu-export-articles", ExportKind::Articles),
                    ("menu-export-timeline", ExportKind::Timeline),
                    ("menu-export-cooccurrence", ExportKind::Cooccurrence),
                    ("menu-export-network", ExportKind::Network),
                    ("menu-export-outlets", ExportKind::Outlets),
                    ("menu-export-compare", ExportKind::Compare),
                    ("menu-export-profile", ExportKind::Profile),
                ] {
                    if ui.button(tr(lang, label)).clicked() {
                        action = Some(Action::Export(kind));
                    }
                }
            });
            ui.separator();
            if ui.button(tr(lang, "menu-quit")).clicked() {
                action = Some(Action::Quit);
            }
        });
        ui.menu_button(tr(lang, "menu-view"), |ui| {
            ui.checkbox(&mut app.settings.actors_open, tr(lang, "menu-actors-panel"));
            if ui
                .checkbox(&mut app.settings.dark, tr(lang, "menu-dark-theme"))
                .changed()
            {
                ui.ctx().set_theme(if app.settings.dark {
                    egui::Theme::Dark
                } else {
                    egui::Theme::Light
                });
            }
            ui.separator();
            if let Some(a) = super::views::menu_ui(ui, &app.views) {
                action = Some(a);
            }
            ui.separator();
            ui.menu_button(tr(lang, "menu-language"), |ui| {
                for l in Lang::ALL {
                    if ui.radio(lang == l, l.native_name()).clicked() {
                        action = Some(Action::SetLanguage(l));
                    }
                }
            });
        });
        ui.separator();
        ui.weak(tr_with(
            lang,
            "menu-database",
            &[("path", text(app.database().to_string()))],
        ));
    });
    action
}

/// The status bar: import progress with Cancel, the import report, the last notice.
pub fn status_ui(ui: &mut egui::Ui, app: &PantauApp) -> Option<Action> {
    let mut action = None;
    let lang = app.settings.lang();
    if let Some(job) = &app.import {
        let p = &job.progress;
        ui.horizontal_wrapped(|ui| {
            ui.spinner();
            ui.add(
                egui::ProgressBar::new(p.fraction())
                    .desired_width(240.0)
                    .text(import_progress_text(p, lang)),
            );
            let current = p
                .current
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| job.label.clone());
            ui.label(tr_with(
                lang,
                "status-import-counts",
                &[
                    ("articles", num(p.counts.articles_added as f64)),
                    ("mentions", num(p.counts.mentions_added as f64)),
                    ("current", text(current)),
                ],
            ));
            let label = if job.is_cancelling() {
                tr(lang, "common-cancelling")
            } else {
                tr(lang, "common-cancel")
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
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    tr_with(lang, "import-failed", &[("error", text(e.clone()))]),
                );
                if ui.button(tr(lang, "common-dismiss")).clicked() {
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
                ui.label(tr_with(
                    lang,
                    "import-report-summary",
                    &[
                        ("failed", num(report.failed.len() as f64)),
                        ("warned", num(report.warnings.len() as f64)),
                        (
                            "cancelled",
                            text(if report.cancelled { "yes" } else { "no" }),
                        ),
                        (
                            "skipped",
                            num((report.not_imported.len() + report.not_started) as f64),
                        ),
                    ],
                ));
                if ui.button(tr(lang, "common-dismiss")).clicked() {
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
                            tr_with(lang, "import-report-failed", &path_reason(f, lang)),
                        );
                    }
                    for f in &report.not_imported {
                        ui.colored_label(
                            ui.visuals().warn_fg_color,
                            tr_with(lang, "import-report-not-imported", &path_reason(f, lang)),
                        );
                    }
                    for f in &report.warnings {
                        ui.horizontal_wrapped(|ui| {
                            ui.colored_label(
                                ui.visuals().warn_fg_color,
                                tr_with(lang, "import-report-warning", &path_reason(f, lang)),
                            );
                            if let Some(names) = crate::ingest::records::unread_fields(&f.reason)
                                && let Some(first) = names.first()
                                && ui
                                    .small_button(tr(lang, "import-report-read-text"))
                                    .on_hover_text(tr_with(
                                        lang,
                                        "import-report-read-text-hint",
                                        &[("field", text(first.clone()))],
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
            ui.weak(tr_with(
                lang,
                "status-import-options",
                &[(
                    "mapping",
                    text(super::import_options::describe(&app.settings.field_map)),
                )],
            ));
            if ui
                .small_button(tr(lang, "status-import-options-change"))
                .clicked()
            {
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
        ui.weak(tr(lang, "status-drop-hint"));
    }
    action
}

/// The progress bar's words: the phase, the files, and the records of a big file in work.
pub fn import_progress_text(p: &crate::pipeline::ImportProgress, lang: Lang) -> String {
    use crate::pipeline::ImportPhase;
    let files = [
        ("done", num(p.files_done as f64)),
        ("total", num(p.files_total as f64)),
    ];
    match p.phase {
        ImportPhase::Preparing => tr(lang, "import-phase-preparing"),
        ImportPhase::Scanning => tr(lang, "import-phase-scanning"),
        ImportPhase::Importing if p.records_total > 0 => {
            let mut args = files.to_vec();
            args.push((
                "percent",
                num((p.records_done * 100 / p.records_total) as f64),
            ));
            tr_with(lang, "import-phase-importing-records", &args)
        }
        ImportPhase::Importing => tr_with(lang, "import-phase-importing", &files),
    }
}

/// The placeables of a report line: the file and the reason, in `lang` (the importers'
/// warnings keep their English details).
fn path_reason(
    f: &crate::pipeline::FailedImport,
    lang: Lang,
) -> [(&'static str, fluent_bundle::FluentValue<'static>); 2] {
    [
        ("path", text(f.path.display().to_string())),
        ("reason", text(f.reason_in(lang))),
    ]
}

/// The notice at the end of an import.
pub fn import_summary(report: &crate::pipeline::ImportReport, lang: Lang) -> String {
    tr_with(
        lang,
        "notice-import-summary",
        &[
            (
                "state",
                text(if report.cancelled {
                    "cancelled"
                } else {
                    "finished"
                }),
            ),
            ("added", num(report.counts.articles_added as f64)),
            ("duplicates", num(report.counts.duplicates as f64)),
            ("failed", num(report.failed.len() as f64)),
        ],
    )
}
