//! What the dashboard remembers between runs: a `#[serde(default)]` struct, apart from the
//! live jobs and data.

use super::analysis::{Bin, Window};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The tabs of the central area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Tab {
    /// Mentions over time.
    #[default]
    Timeline,
    /// Pairs of actors.
    Cooccurrence,
    /// Two periods, outlets or languages compared.
    Compare,
    /// Outlets × actors.
    Outlets,
    /// How one actor is framed.
    Profile,
    /// Actors and their pairs as a network.
    Network,
    /// The articles and the reader.
    Articles,
    /// Actors and aliases.
    Dictionary,
}

impl Tab {
    /// Every tab id (each tab's title and content live in its own type: see `ui::tabs`).
    pub const ALL: [Tab; 8] = [
        Tab::Timeline,
        Tab::Cooccurrence,
        Tab::Network,
        Tab::Compare,
        Tab::Outlets,
        Tab::Profile,
        Tab::Articles,
        Tab::Dictionary,
    ];
}

/// The bins a user can pick.
pub const BINS: [(Bin, &str); 4] = [
    (Bin::Day, "toolbar-bin-day"),
    (Bin::Week, "toolbar-bin-week"),
    (Bin::Month, "toolbar-bin-month"),
    (Bin::Year, "toolbar-bin-year"),
];

/// The co-occurrence windows a user can pick.
pub const WINDOWS: [(Window, &str); 3] = [
    (Window::Article, "toolbar-window-article"),
    (Window::Paragraph, "toolbar-window-paragraph"),
    (Window::Sentence, "toolbar-window-sentence"),
];

/// Everything remembered between runs (and nothing else: jobs and data are not saved).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The database file last used.
    pub db_path: Option<PathBuf>,
    /// The servers connected to, the last first (addresses only: they never hold a password,
    /// and a typed password is never saved).
    pub servers: Vec<String>,
    /// The actors plotted, in the order picked.
    pub selected: Vec<String>,
    /// Index into [`BINS`].
    pub bin: usize,
    /// Index into [`WINDOWS`].
    pub window: usize,
    /// Dark theme.
    pub dark: bool,
    /// The open tab.
    pub tab: Tab,
    /// Plot the share of articles instead of counts.
    pub share: bool,
    /// Moving-average window in bins (1 = off).
    pub moving_average: usize,
    /// Date range of the timeline and co-occurrence.
    pub from: Option<NaiveDate>,
    /// Date range end.
    pub to: Option<NaiveDate>,
    /// Minimum support of a co-occurring pair.
    pub min_support: u64,
    /// The actors panel is open (it can be collapsed in a small window).
    pub actors_open: bool,
    /// File → Import options: (article field, record field) read before the usual names.
    pub field_map: Vec<(String, String)>,
    /// Count stories (near-duplicates grouped) instead of articles.
    pub count_stories: bool,
    /// Count only where an actor is named: 0 anywhere, 1 in the headline or lead, 2 in the
    /// headline.
    pub named_in: usize,
    /// The window's language (`None` until the first start, which follows the system's).
    pub language: Option<crate::i18n::Lang>,
    /// The open database's place roll-up (its setting, not saved here; `None` until read).
    #[serde(skip)]
    pub places: Option<bool>,
}

impl Settings {
    /// Puts `address` first among the servers remembered (at most 8).
    pub fn remember_server(&mut self, address: String) {
        self.servers.retain(|a| *a != address);
        self.servers.insert(0, address);
        self.servers.truncate(8);
    }

    /// The window's language.
    pub fn lang(&self) -> crate::i18n::Lang {
        self.language.unwrap_or_default()
    }

    /// The message `id` in the window's language.
    pub fn tr(&self, id: &str) -> String {
        crate::i18n::tr(self.lang(), id)
    }

    /// The message `id` in the window's language, with its placeables.
    pub fn tr_with(&self, id: &str, args: &[(&str, fluent_bundle::FluentValue<'_>)]) -> String {
        crate::i18n::tr_with(self.lang(), id, args)
    }

    /// The prominence the counts need ([`Settings::named_in`]).
    pub fn prominence(&self) -> crate::model::Prominence {
        match self.named_in {
            2 => crate::model::Prominence::Headline,
            1 => crate::model::Prominence::Lead,
            _ => crate::model::Prominence::Body,
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            db_path: None,
            servers: Vec::new(),
            selected: Vec::new(),
            bin: 2,
            window: 0,
            dark: true,
            tab: Tab::Timeline,
            share: false,
            moving_average: 1,
            from: None,
            to: None,
            min_support: 2,
            field_map: Vec::new(),
            count_stories: false,
            places: None,
            named_in: 0,
            language: None,
            actors_open: true,
        }
    }
}
