//! The dashboard window (feature `gui`): an actors panel and the tabs (timeline,
//! co-occurrence, compare, outlets × actors, an actor's profile, the articles behind every number, the
//! dictionary), each tab one type that
//! owns its state, queries and drawing (`tabs`). Views return [`Action`]s that one exhaustive
//! reducer (`reducer`) applies at the end of the frame; imports, queries, dictionary edits
//! and exports run on background threads.

mod action;
mod actors_panel;
mod app;
mod articles_view;
mod candidates_view;
mod colors;
mod compare_view;
mod connect;
mod cooccurrence_view;
mod dictionary_view;
mod export;
mod fonts;
mod frame_probe;
mod i18n;
mod import_options;
mod jobs;
mod menu;
mod network_view;
mod outlets_view;
mod profile_view;
mod reader_view;
mod reducer;
mod sample;
mod settings;
mod tabs;
mod timeline_view;
mod views;

/// The analysis the views show.
pub(crate) use crate::analysis;

pub use action::{Action, Changed, ExportKind, Password, TypedAddress};
pub use analysis::DrillDown;
pub use app::{PantauApp, Settings, Tab};
pub use colors::actor_color;

/// Opens the dashboard on the database at `db` (a file or a server's); returns when the
/// window closes.
///
/// An empty database file gets the bundled sample corpus, imported in the background.
pub fn run_window(db: crate::store::Location) -> Result<(), eframe::Error> {
    run_window_offering(db, None)
}

/// As [`run_window`], with the Connect to server window open on `address`, saying `why` the
/// connection the command line tried failed (started from a desktop launcher, no terminal
/// could ask for the password).
pub fn run_window_offering(
    db: crate::store::Location,
    connect: Option<(String, String)>,
) -> Result<(), eframe::Error> {
    frame_probe::mark_start();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("pantau")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([480.0, 320.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "pantau",
        options,
        Box::new(move |cc| {
            let settings: Settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default();
            // Without --db, reopen the database of the last run if it still exists.
            let db = match (&settings.db_path, &db) {
                (Some(last), crate::store::Location::File(asked))
                    if *asked == crate::pipeline::default_database() && last.exists() =>
                {
                    crate::store::Location::File(last.clone())
                }
                _ => db,
            };
            let mut app = PantauApp::new(db, settings, true);
            if let Some((address, why)) = connect {
                app.offer_connect(address, why);
            }
            Ok(Box::new(app))
        }),
    )
}
