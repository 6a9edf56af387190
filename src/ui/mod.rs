//! The dashboard window (feature `gui`).

use std::path::PathBuf;

/// Opens the dashboard on the database at `db`; returns when the window closes.
pub fn run_window(db: PathBuf) -> Result<(), eframe::Error> {
    let options = eframe::NativeOptions::default();
    eframe::run_ui_native("pantau", options, move |ui, _frame| {
        egui::CentralPanel::default().show_inside(ui, |ui| {
            ui.heading("pantau");
            ui.label(format!("Database: {}", db.display()));
        });
    })
}
