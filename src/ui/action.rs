//! What a view asks the app to do; the app applies actions at the end of the frame.

use super::analysis::DrillDown;
use super::app::Tab;
use chrono::NaiveDate;
use std::path::PathBuf;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// One row per mention (whole database).
    Mentions,
    /// One row per article (whole database).
    Articles,
    /// The timeline as shown.
    Timeline,
    /// The co-occurrence table as shown.
    Cooccurrence,
    /// The article list as shown.
    ArticleList,
    /// The co-occurrence network (GEXF, for Gephi).
    Network,
    /// Outlets × actors as computed.
    Outlets,
    /// The comparison of two sides as shown.
    Compare,
    /// The words of the actor profile as shown.
    Profile,
    /// The timeline as a chart (SVG or PNG).
    TimelineChart,
    /// The comparison's bars as a chart.
    CompareChart,
    /// The outlets heat map as a chart.
    OutletsChart,
    /// The network as shown (its bin), as a chart.
    NetworkChart,
}

impl ExportKind {
    /// A default file name.
    pub fn file_name(self) -> &'static str {
        match self {
            ExportKind::Mentions => "mentions.csv",
            ExportKind::Articles => "articles.csv",
            ExportKind::Timeline => "timeline.csv",
            ExportKind::Cooccurrence => "cooccurrence.csv",
            ExportKind::ArticleList => "article-list.csv",
            ExportKind::Network => "network.gexf",
            ExportKind::Outlets => "outlets.csv",
            ExportKind::Compare => "compare.csv",
            ExportKind::Profile => "profile.csv",
            ExportKind::TimelineChart => "timeline.svg",
            ExportKind::CompareChart => "compare.svg",
            ExportKind::OutletsChart => "outlets.svg",
            ExportKind::NetworkChart => "network.svg",
        }
    }

    /// The name of its data (the sheet of a workbook, `export` in the provenance).
    pub fn sheet(self) -> &'static str {
        match self {
            ExportKind::Mentions => "mentions",
            ExportKind::Articles => "articles",
            ExportKind::Timeline => "timeline",
            ExportKind::Cooccurrence => "cooccurrence",
            ExportKind::ArticleList => "article list",
            ExportKind::Network => "network",
            ExportKind::Outlets => "outlets",
            ExportKind::Compare => "compare",
            ExportKind::Profile => "profile",
            ExportKind::TimelineChart => "timeline chart",
            ExportKind::CompareChart => "compare chart",
            ExportKind::OutletsChart => "outlets chart",
            ExportKind::NetworkChart => "network chart",
        }
    }

    /// True for the charts (saved as SVG or PNG).
    pub fn is_chart(self) -> bool {
        matches!(
            self,
            ExportKind::TimelineChart
                | ExportKind::CompareChart
                | ExportKind::OutletsChart
                | ExportKind::NetworkChart
        )
    }
}

/// What a finished job changed in the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    /// Articles or mentions (an import, a re-tag, dates, the search index): every view.
    Corpus,
    /// The dictionary only (an edit applied at the next re-tag).
    Dictionary,
}

/// A request from a view, the menu or a finished job.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Ask for a new database file (dialog).
    NewDatabase,
    /// Ask for a database to open (dialog).
    OpenDatabase,
    /// Create (or open) the database at this path (File → New).
    CreateDatabase(PathBuf),
    /// Open this existing database, once checked that it is one (File → Open); a file that is
    /// not a pantau database is refused and the open database stays.
    UseDatabase(PathBuf),
    /// Switch to this database (a file or a server's), checked already.
    SwitchDatabase(crate::store::Location),
    /// Show the Connect to server window (File → Connect to server…).
    ConnectDialog,
    /// Close the Connect to server window.
    CloseConnect,
    /// Connect to the server at `address` (a `postgres://` address), with the password typed
    /// (empty: from `PGPASSWORD` or the password file), and switch to its database.
    Connect {
        /// The address as typed (shown by `Debug` without a password someone typed into it).
        address: TypedAddress,
        /// The password as typed; kept in memory only.
        password: Password,
    },
    /// Connecting (attempt `attempt` of the Connect window) succeeded: switch to `db`, saying
    /// `notice` (as whom, with which rights), unless the window was closed or tried again.
    Connected {
        /// Which attempt.
        attempt: u64,
        /// The server's database, with the password that opened it.
        db: crate::store::Location,
        /// What the status bar says.
        notice: String,
    },
    /// Connecting (attempt `attempt`) failed: why, shown in the Connect window.
    ConnectFailed {
        /// Which attempt.
        attempt: u64,
        /// Why.
        why: String,
    },
    /// A job changed the database: cached results are stale.
    Refresh(Changed),
    /// Ask for files (or a folder) to import (dialog).
    ImportDialog {
        /// A folder instead of files.
        folder: bool,
    },
    /// Import these files and folders.
    Import(Vec<PathBuf>),
    /// Stop the running import.
    CancelImport,
    /// Close the import report.
    DismissReport,
    /// Ask where to export (dialog).
    Export(ExportKind),
    /// Export to this file.
    ExportTo(ExportKind, PathBuf),
    /// Plot or stop plotting an actor.
    ToggleActor(String),
    /// Plot nothing.
    ClearActors,
    /// Show a tab.
    ShowTab(Tab),
    /// List the articles behind a number (switches to the Articles tab).
    DrillDown(DrillDown),
    /// Open one article in the reader.
    OpenArticle(i64),
    /// Set the date of these articles.
    SetDates(Vec<i64>, NaiveDate),
    /// Add one of the user's aliases to an actor.
    AddAlias(crate::store::NewAlias),
    /// Enable or disable an alias (applied at the next re-tag).
    SetAliasEnabled {
        /// Actor code.
        actor_code: String,
        /// Alias text.
        text: String,
        /// Language restriction; `None` = any.
        language: Option<crate::model::Language>,
        /// The new state.
        enabled: bool,
    },
    /// Stop a place name no alias lists (the gazetteer's) counting for an actor (applied at
    /// the next re-tag).
    DisablePlace {
        /// Actor code.
        actor_code: String,
        /// The place name, as counted.
        text: String,
    },
    /// Delete one of the user's aliases (applied at the next re-tag).
    DeleteAlias {
        /// Row id.
        id: i64,
        /// Its text, for the notice.
        text: String,
    },
    /// Count places (cities, provinces, states) for their country: the database's setting,
    /// then a re-tag so the counts follow.
    SetIncludePlaces(bool),
    /// The open database's place roll-up, as read from it.
    PlacesRead(bool),
    /// Speak this language (View → Language; remembered).
    SetLanguage(crate::i18n::Lang),
    /// "This alias is not this actor in the phrase …".
    AddExclusion {
        /// Actor code.
        actor_code: String,
        /// Alias text.
        alias: String,
        /// The phrase holding the alias.
        phrase: String,
    },
    /// "This alias is not this actor in this article".
    AddArticleExclusion {
        /// The article.
        article_id: i64,
        /// Actor code.
        actor_code: String,
        /// Alias text as matched.
        alias: String,
    },
    /// Delete an exclusion by id.
    DeleteExclusion(i64),
    /// Add an actor of the user's with one alias (a candidate name).
    AddActor {
        /// The actor.
        actor: crate::tagging::Actor,
        /// Its first alias.
        alias: String,
    },
    /// Look for candidate names in at least this many articles (background job).
    FindCandidates(u64),
    /// Stop the running candidate search.
    CancelCandidates,
    /// Re-tag the whole corpus with the current dictionary (background job).
    Retag,
    /// Stop the running re-tag.
    CancelRetag,
    /// Plot a few actors of the bundled sample (first start), unless some are plotted.
    PlotSample,
    /// Open File → Import options…, with these (article field, record field) rows added.
    ImportOptions(Vec<(String, String)>),
    /// Read article fields from these record fields in the next imports (empty: the usual
    /// names only).
    SetFieldMap(Vec<(String, String)>),
    /// Open the Save view window (View → Save view…).
    NameView,
    /// Close it.
    CloseNameView,
    /// Save what the window shows as a view of this name (in the database).
    SaveView(String),
    /// Reopen the saved view of this name.
    OpenView(String),
    /// Show this view (read from the database or a file).
    ApplyView(Box<crate::model::SavedView>),
    /// Delete a saved view.
    DeleteView {
        /// Row id.
        id: i64,
        /// Its name, for the notice.
        name: String,
    },
    /// Ask where to write the saved view of this name (dialog).
    ExportView(String),
    /// Write the saved view `name` to this file.
    ExportViewTo(String, PathBuf),
    /// Ask for a view file to import (dialog).
    ImportViewDialog,
    /// Import the view in this file (saved, then shown).
    ImportViewFile(PathBuf),
    /// The saved views changed: list them again.
    ViewsChanged,
    /// Close the window.
    Quit,
}

/// A password typed in the window: never shown by `Debug` (actions are logged by tests and
/// debug builds), never saved.
#[derive(Clone, PartialEq, Default)]
pub struct Password(String);

impl Password {
    /// The typed text.
    pub fn new(text: impl Into<String>) -> Password {
        Password(text.into())
    }

    /// The password, or none when nothing was typed.
    pub fn into_option(self) -> Option<String> {
        Some(self.0).filter(|p| !p.is_empty())
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_empty() {
            "Password(none)"
        } else {
            "Password(typed)"
        })
    }
}

/// An address as typed in the Connect window: `Debug` leaves out what stands between `://`
/// and the last `@` past its user name (a password typed into the address is refused, but the
/// action holding it may be logged first).
#[derive(Clone, PartialEq)]
pub struct TypedAddress(pub String);

impl std::fmt::Debug for TypedAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", crate::store::server::without_password(&self.0))
    }
}
