//! A saved view of the window: what it shows (tab, actors, dates, bins, window, counting, and
//! what the Compare and Profile tabs compare), kept by name in the database and shared as a
//! small JSON file.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The file format's version (a newer one is refused with a clear error).
pub const VIEW_VERSION: u32 = 1;

/// One saved view. Every field has a default, so a file from an older pantau still opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedView {
    /// [`VIEW_VERSION`] when written.
    pub version: u32,
    /// Its name.
    pub name: String,
    /// The tab: timeline, cooccurrence, compare, outlets, profile, articles, dictionary.
    pub tab: String,
    /// The plotted actors' codes, in order.
    pub actors: Vec<String>,
    /// First day.
    pub from: Option<NaiveDate>,
    /// Last day.
    pub to: Option<NaiveDate>,
    /// Bin: day, week, month, year.
    pub bin: String,
    /// Co-occurrence window: article, paragraph, sentence.
    pub window: String,
    /// Fewest units a pair needs.
    pub min_support: u64,
    /// Moving average in bins (1 = off).
    pub moving_average: usize,
    /// Plot shares instead of articles.
    pub share: bool,
    /// Count stories instead of articles.
    pub count_stories: bool,
    /// Named in: any, lead, headline.
    pub named_in: String,
    /// Compare: periods, outlets, languages.
    pub compare_by: String,
    /// Compare: side A's and B's first and last days, outlet, language.
    pub a_from: Option<NaiveDate>,
    /// See `a_from`.
    pub a_to: Option<NaiveDate>,
    /// See `a_from`.
    pub b_from: Option<NaiveDate>,
    /// See `a_from`.
    pub b_to: Option<NaiveDate>,
    /// See `a_from`.
    pub a_source: String,
    /// See `a_from`.
    pub b_source: String,
    /// See `a_from`.
    pub a_language: String,
    /// See `a_from`.
    pub b_language: String,
    /// Profile: the actor and the outlets.
    pub profile_actor: String,
    /// See `profile_actor`.
    pub profile_source: String,
    /// See `profile_actor`.
    pub profile_other_source: String,
    /// Profile: the other period, next to the window's dates.
    pub profile_other_from: Option<NaiveDate>,
    /// See `profile_other_from`.
    pub profile_other_to: Option<NaiveDate>,
}

impl Default for SavedView {
    fn default() -> Self {
        SavedView {
            version: VIEW_VERSION,
            name: String::new(),
            tab: "timeline".into(),
            actors: Vec::new(),
            from: None,
            to: None,
            bin: "month".into(),
            window: "article".into(),
            min_support: 2,
            moving_average: 1,
            share: false,
            count_stories: false,
            named_in: "any".into(),
            compare_by: "periods".into(),
            a_from: None,
            a_to: None,
            b_from: None,
            b_to: None,
            a_source: String::new(),
            b_source: String::new(),
            a_language: String::new(),
            b_language: String::new(),
            profile_actor: String::new(),
            profile_source: String::new(),
            profile_other_source: String::new(),
            profile_other_from: None,
            profile_other_to: None,
        }
    }
}

/// Why a view file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ViewError {
    /// Not JSON, or not a view.
    #[error("not a pantau view: {0}")]
    Parse(#[from] serde_json::Error),
    /// Written by a newer pantau.
    #[error("written by a newer pantau (view version {found}; this one reads {known})")]
    TooNew {
        /// The file's version.
        found: u32,
        /// The version this build reads.
        known: u32,
    },
    /// It has no name.
    #[error("the view has no name")]
    NoName,
}

impl SavedView {
    /// The view as pretty JSON (its file form, and how the database keeps it).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a view from its JSON.
    pub fn from_json(text: &str) -> Result<SavedView, ViewError> {
        let v: SavedView = serde_json::from_str(text)?;
        if v.version > VIEW_VERSION {
            return Err(ViewError::TooNew {
                found: v.version,
                known: VIEW_VERSION,
            });
        }
        if v.name.trim().is_empty() {
            return Err(ViewError::NoName);
        }
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_reads_back_and_old_or_bad_files_are_handled() {
        let v = SavedView {
            name: "Rusia vs Turki".into(),
            tab: "compare".into(),
            actors: vec!["RUS".into(), "TUR".into()],
            from: NaiveDate::from_ymd_opt(2020, 1, 1),
            a_source: "kompas".into(),
            ..SavedView::default()
        };
        assert_eq!(SavedView::from_json(&v.to_json()).expect("read"), v);
        // A file with only a name (an older or hand-written one) takes the defaults.
        let v = SavedView::from_json(r#"{"name": "x"}"#).expect("read");
        assert_eq!(v.bin, "month");
        assert!(matches!(
            SavedView::from_json(r#"{"name": "x", "version": 9}"#),
            Err(ViewError::TooNew { found: 9, .. })
        ));
        assert!(matches!(SavedView::from_json("{}"), Err(ViewError::NoName)));
        assert!(matches!(
            SavedView::from_json("nope"),
            Err(ViewError::Parse(_))
        ));
    }
}
