//! Where an export comes from, so that a number in a report can be traced and reproduced:
//! pantau's version, the dictionary's hash, the filter, the counting, the database's size and
//! its import runs. Written as `FILE.csv.json` beside a CSV, as a sheet of an XLSX workbook,
//! and in a GEXF file's meta.

use super::ExportError;
use crate::model::{Filter, Prominence};
use crate::store::{ImportRun, Store};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The provenance of one export.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Provenance {
    /// pantau's version.
    pub pantau_version: String,
    /// What was exported ("mentions", "compare", ...).
    pub export: String,
    /// When (local time, ISO 8601).
    pub created_at: String,
    /// The database (its path or address).
    pub database: String,
    /// Articles in the whole database.
    pub database_articles: u64,
    /// The hash of the dictionary the stored mentions were found with ("" when unknown).
    pub dictionary_hash: String,
    /// `articles` or `stories`.
    pub counting: String,
    /// The filter, field by field (only what is set).
    pub filter: BTreeMap<String, String>,
    /// The export's own parameters (bin, window, the two sides of a comparison...).
    pub parameters: BTreeMap<String, String>,
    /// Rows written (data rows, the header not counted).
    pub rows: u64,
    /// The database's import runs.
    pub import_runs: Vec<ImportRun>,
}

/// A filter's fields that are set, by name (`from`, `to`, `languages`, `sources`, `kind`,
/// `query`, `prominence`), each as text.
pub fn filter_fields(filter: &Filter, prefix: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut put = |k: &str, v: String| {
        out.insert(format!("{prefix}{k}"), v);
    };
    if let Some(d) = filter.from {
        put("from", d.to_string());
    }
    if let Some(d) = filter.to {
        put("to", d.to_string());
    }
    if !filter.languages.is_empty() {
        put(
            "languages",
            filter
                .languages
                .iter()
                .map(|l| l.as_str())
                .collect::<Vec<_>>()
                .join(","),
        );
    }
    if !filter.sources.is_empty() {
        put("sources", filter.sources.join(","));
    }
    if let Some(k) = filter.kind {
        put("kind", k.as_str().to_string());
    }
    if let Some(q) = filter.query.as_deref().filter(|q| !q.trim().is_empty()) {
        put("query", q.to_string());
    }
    if filter.prominence != Prominence::Body {
        put("prominence", filter.prominence.as_str().to_string());
    }
    out
}

impl Provenance {
    /// The provenance of exporting `export` from `store` (at `database`) under `filter`.
    pub fn new(
        store: &Store,
        database: &str,
        export: &str,
        filter: &Filter,
    ) -> Result<Provenance, ExportError> {
        Ok(Provenance {
            pantau_version: env!("CARGO_PKG_VERSION").to_string(),
            export: export.to_string(),
            created_at: chrono::Local::now()
                .naive_local()
                .format("%Y-%m-%dT%H:%M:%S")
                .to_string(),
            database: database.to_string(),
            database_articles: store.article_count(&Filter::default())?,
            dictionary_hash: store.dictionary_version()?.unwrap_or_default(),
            counting: if filter.stories {
                "stories"
            } else {
                "articles"
            }
            .to_string(),
            filter: filter_fields(filter, ""),
            parameters: BTreeMap::new(),
            rows: 0,
            import_runs: store.import_runs()?,
        })
    }

    /// With the parameter `key` = `value`.
    pub fn with(mut self, key: &str, value: impl ToString) -> Provenance {
        self.parameters.insert(key.to_string(), value.to_string());
        self
    }

    /// The file beside a CSV export that holds its provenance: `FILE.csv.json`.
    pub fn sidecar(out: &Path) -> PathBuf {
        let mut name = out.as_os_str().to_owned();
        name.push(".json");
        PathBuf::from(name)
    }

    /// Writes it as pretty JSON to `path`.
    pub fn write_json(&self, path: &Path) -> Result<(), ExportError> {
        let file = std::fs::File::create(path)?;
        serde_json::to_writer_pretty(std::io::BufWriter::new(file), self)
            .map_err(|e| ExportError::Write(std::io::Error::other(e)))?;
        Ok(())
    }

    /// Key and value lines (for a sheet or a text block): the fields, the filter, the
    /// parameters, then one line per import run.
    pub fn lines(&self) -> Vec<(String, String)> {
        let mut out = vec![
            ("pantau_version".to_string(), self.pantau_version.clone()),
            ("export".to_string(), self.export.clone()),
            ("created_at".to_string(), self.created_at.clone()),
            ("database".to_string(), self.database.clone()),
            (
                "database_articles".to_string(),
                self.database_articles.to_string(),
            ),
            ("dictionary_hash".to_string(), self.dictionary_hash.clone()),
            ("counting".to_string(), self.counting.clone()),
            ("rows".to_string(), self.rows.to_string()),
        ];
        out.extend(
            self.filter
                .iter()
                .map(|(k, v)| (format!("filter.{k}"), v.clone())),
        );
        out.extend(
            self.parameters
                .iter()
                .map(|(k, v)| (format!("parameter.{k}"), v.clone())),
        );
        out.extend(self.import_runs.iter().map(|r| {
            (
                format!("import_run.{}", r.id),
                format!(
                    "{} to {} ({}): {} files read, {} failed, {} articles added",
                    r.started_at,
                    if r.finished_at.is_empty() {
                        "-"
                    } else {
                        &r.finished_at
                    },
                    r.status,
                    r.files_read,
                    r.files_failed,
                    r.articles_added
                ),
            )
        }));
        out
    }
}
