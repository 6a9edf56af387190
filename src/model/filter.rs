//! The filter every analysis (and every aggregate query of the store) takes.

use crate::model::{ActorKind, Language};
use chrono::NaiveDate;

/// Which articles and actors an analysis looks at. The default is everything.
///
/// `from`/`to` are inclusive days; an analysis with a date range leaves undated articles out.
/// `languages` and `sources` keep articles of any of the listed values (empty = all).
/// `kind` keeps actors of that kind (the articles are not restricted by it). `query` is an
/// SQLite FTS5 query over title and text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    /// First day, inclusive.
    pub from: Option<NaiveDate>,
    /// Last day, inclusive.
    pub to: Option<NaiveDate>,
    /// Languages to keep (empty = all).
    pub languages: Vec<Language>,
    /// Outlets to keep (empty = all).
    pub sources: Vec<String>,
    /// Actor kind to keep (None = both).
    pub kind: Option<ActorKind>,
    /// FTS5 full-text query.
    pub query: Option<String>,
    /// Count stories, not articles: each story once, by its first article (its date, outlet
    /// and mentions); the near-duplicate copies grouped with it are left out.
    pub stories: bool,
    /// Count only where an actor is at least this prominent in an article: `Headline` (named
    /// in the headline), `Lead` (in the headline or the lead), `Body` (anywhere: every
    /// mention).
    pub prominence: super::Prominence,
}

impl Filter {
    /// True when `kind` admits an actor of kind `k`.
    pub fn admits_kind(&self, k: ActorKind) -> bool {
        self.kind.is_none_or(|want| want == k)
    }
}
