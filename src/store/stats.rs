//! Corpus-wide counts.

use super::{Backend, BorrowServer, Result, Store};
use serde::Serialize;

/// A file that failed, with its reason.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FailedFile {
    /// The path.
    pub path: String,
    /// The reason.
    pub error: String,
}

/// What a database holds.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    /// Stored articles.
    pub articles: u64,
    /// Stored mentions.
    pub mentions: u64,
    /// Actors mentioned at least once.
    pub actors_seen: u64,
    /// Articles without a publication date.
    pub undated: u64,
    /// Duplicate copies seen across all imports (not stored).
    pub duplicates: u64,
    /// Articles per language code ("id", "en", "other").
    pub per_language: Vec<(String, u64)>,
    /// Files whose last import failed (not imported since), newest first.
    pub failed_files: Vec<FailedFile>,
}

/// The statements of [`Stats`], shared by both backends (a server's too).
pub(crate) struct StatsSql {
    pub articles: &'static str,
    pub mentions: &'static str,
    pub actors_seen: &'static str,
    pub undated: &'static str,
    pub duplicates: &'static str,
    pub per_language: &'static str,
    pub failed_files: &'static str,
}

pub(crate) const STATS_SQL: StatsSql = StatsSql {
    articles: "SELECT COUNT(*) FROM articles",
    mentions: "SELECT COUNT(*) FROM mentions",
    actors_seen: "SELECT COUNT(DISTINCT actor_id) FROM article_actors",
    undated: "SELECT COUNT(*) FROM articles WHERE published IS NULL",
    duplicates: "SELECT COALESCE(SUM(duplicates), 0) FROM articles",
    per_language: "SELECT language, COUNT(*) FROM articles GROUP BY language ORDER BY 2 DESC, 1",
    failed_files: "SELECT f.path, f.error FROM files f
                   WHERE f.status = 'failed'
                     AND f.id = (SELECT MAX(id) FROM files g WHERE g.path = f.path)
                   ORDER BY f.id DESC",
};

impl Store {
    /// The highest article id (0 for an empty database): how many articles were ever stored,
    /// as articles are never deleted.
    pub fn max_article_id(&self) -> Result<i64> {
        self.with_sql(|db| {
            db.query_opt("SELECT COALESCE(MAX(id), 0) FROM articles", &[])?
                .map_or(Ok(0), |r| r.int(0))
        })
    }

    /// Counts what the database holds.
    pub fn stats(&self) -> Result<Stats> {
        if let Backend::Server(server) = &self.backend {
            return Ok(server.borrow_server()?.stats()?);
        }
        // One read transaction: every count comes from the same snapshot, even while an
        // import writes.
        let snapshot = self.lite()?.unchecked_transaction()?;
        let count = |sql: &str| -> Result<u64> {
            Ok(self.lite()?.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
        };
        let per_language = {
            let mut stmt = self.lite()?.prepare(STATS_SQL.per_language)?;
            stmt.query_map([], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
        };
        let failed_files = {
            let mut stmt = self.lite()?.prepare(STATS_SQL.failed_files)?;
            stmt.query_map([], |r| {
                Ok(FailedFile {
                    path: r.get(0)?,
                    error: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
        };
        let stats = Stats {
            articles: count(STATS_SQL.articles)?,
            mentions: count(STATS_SQL.mentions)?,
            actors_seen: count(STATS_SQL.actors_seen)?,
            undated: count(STATS_SQL.undated)?,
            duplicates: count(STATS_SQL.duplicates)?,
            per_language,
            failed_files,
        };
        snapshot.commit()?;
        Ok(stats)
    }
}
