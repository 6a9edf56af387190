//! The full-text index (FTS5) of titles and texts. It lives in its own SQLite file beside the
//! database (`news.db` → `news.db.search`), attached to every connection as `search`.
//!
//! It is derived data: it can always be rebuilt from the articles. Keeping it in its own file
//! lets an import fill it from a second thread with its own connection while the one writer
//! stores articles (SQLite allows one writer per file), so on two cores the index costs little
//! wall time. The index is contentless (the text stays in `articles`). `search.meta` keeps the
//! highest article id indexed — every article up to it is in the index, none after it — and
//! the owner id of the database, so an index left beside a replaced database is emptied rather
//! than trusted.
//!
//! The index records which articles hold a word, not where (`detail=none`): positions were
//! most of the index thread's work in an import. Phrases, `NEAR`, column filters and `^` are
//! checked on the candidates the index gives (see [`super::search_query`]). An index built
//! with positions by an older pantau is rebuilt once, in the background like any catch-up.

use super::search_query::{QueryError, SearchQuery};
use super::{ArticleId, Result, Store};
use rusqlite::{Connection, OptionalExtension, params};
use std::path::{Path, PathBuf};
use std::time::Duration;

const SCHEMA: &str = "
    CREATE TABLE IF NOT EXISTS search.meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE VIRTUAL TABLE IF NOT EXISTS search.articles_fts
        USING fts5(title, text, content='', contentless_delete=1, detail=none);
";

/// The SQL function that checks an article against a query: `pantau_match(query, title, text)`.
pub(crate) const MATCH_FUNCTION: &str = "pantau_match";

const UPTO: &str = "indexed_upto";
const OWNER: &str = "owner";

/// The index file of the database at `db`.
pub fn search_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".search");
    PathBuf::from(name)
}

/// Attaches the index of the database at `db` (in memory for an in-memory database) as
/// `search`; unless `read_only`, creates its tables and empties an index that belongs to
/// another database.
pub(crate) fn attach(conn: &Connection, db: Option<&Path>, read_only: bool) -> Result<()> {
    match db {
        None => conn.execute("ATTACH DATABASE ':memory:' AS search", [])?,
        Some(db) => conn.execute(
            "ATTACH DATABASE ?1 AS search",
            [search_path(db).to_string_lossy()],
        )?,
    };
    if read_only {
        return Ok(());
    }
    if db.is_some() {
        conn.execute_batch(&format!("PRAGMA search.page_size = {}", super::PAGE_SIZE))?;
        let _mode: String = conn.query_row("PRAGMA search.journal_mode = WAL", [], |r| r.get(0))?;
        conn.pragma_update(Some("search"), "synchronous", "NORMAL")?;
    }
    conn.execute_batch(SCHEMA)?;
    rebuild_if_positional(conn)?;
    // Both sides keep the first owner id written (another connection may race this one).
    // Reads first: every connection of the window opens this way, and most find both set, so
    // they take no write lock at all.
    let owner = match setting(
        conn,
        "SELECT value FROM settings WHERE key = 'search_owner'",
    )? {
        Some(owner) => owner,
        None => {
            conn.execute(
                "INSERT OR IGNORE INTO settings (key, value) VALUES ('search_owner', ?1)",
                [new_owner_id()],
            )?;
            conn.query_row(
                "SELECT value FROM settings WHERE key = 'search_owner'",
                [],
                |r| r.get(0),
            )?
        }
    };
    let meta_owner = format!("SELECT value FROM search.meta WHERE key = '{OWNER}'");
    let indexed_for = match setting(conn, &meta_owner)? {
        Some(indexed_for) => indexed_for,
        None => {
            conn.execute(
                "INSERT OR IGNORE INTO search.meta (key, value) VALUES (?1, ?2)",
                params![OWNER, owner],
            )?;
            conn.query_row(&meta_owner, [], |r| r.get(0))?
        }
    };
    if indexed_for != owner {
        conn.execute_batch(&format!(
            "BEGIN IMMEDIATE;
             INSERT INTO search.articles_fts (articles_fts) VALUES ('delete-all');
             DELETE FROM search.meta WHERE key = '{UPTO}';
             UPDATE search.meta SET value = '{owner}' WHERE key = '{OWNER}';
             COMMIT;"
        ))?;
    }
    Ok(())
}

/// Replaces an index built with positions (pantau before `detail=none`) by an empty one; the
/// next catch-up ([`Store::index_new_articles`]) fills it.
fn rebuild_if_positional(conn: &Connection) -> Result<()> {
    let sql = setting(
        conn,
        "SELECT sql FROM search.sqlite_master WHERE name = 'articles_fts'",
    )?
    .unwrap_or_default();
    if sql.contains("detail=none") {
        return Ok(());
    }
    conn.execute_batch(&format!(
        "BEGIN IMMEDIATE;
         DROP TABLE IF EXISTS search.articles_fts;
         {SCHEMA}
         DELETE FROM search.meta WHERE key = '{UPTO}';
         COMMIT;"
    ))?;
    Ok(())
}

/// Registers [`MATCH_FUNCTION`] on a connection.
pub(crate) fn register_match_function(conn: &Connection) -> Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        MATCH_FUNCTION,
        3,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let query = ctx.get_or_create_aux(0, |v| -> std::result::Result<_, QueryError> {
                SearchQuery::parse(v.as_str().unwrap_or_default())
            })?;
            let title = ctx.get_raw(1).as_str().unwrap_or_default();
            let text = ctx.get_raw(2).as_str().unwrap_or_default();
            Ok(query.matches(title, text))
        },
    )?;
    Ok(())
}

/// A user's query (see [`super::search_query::interpret`]) in FTS5 syntax and parsed, or an
/// error that names it.
fn parse_search(query: &str) -> Result<(String, SearchQuery)> {
    super::search_query::interpret(query)
        .map_err(|e| super::StoreError::Invalid(format!("search \"{query}\": {e}")))
}

/// How [`search_condition`] asks the index: by article id, which SQLite uses to look each
/// match up (see `Store::list_articles` for when it should not).
pub(crate) const INDEX_IN: &str =
    "a.id IN (SELECT rowid FROM search.articles_fts WHERE articles_fts MATCH ";

/// The SQL condition that keeps the articles (alias `a`) matching `query` (as a user types
/// it: see [`super::search_query::interpret`]); `mark` takes each value the condition needs
/// and returns its placeholder.
pub(crate) fn search_condition(
    query: &str,
    mut mark: impl FnMut(String) -> String,
) -> Result<String> {
    let (query, parsed) = parse_search(query)?;
    let mut conds = Vec::new();
    if let Some(index_query) = parsed.index_query() {
        conds.push(format!("{INDEX_IN}{})", mark(index_query)));
    }
    if !parsed.index_is_exact() {
        conds.push(format!(
            "{MATCH_FUNCTION}({}, a.title, a.text)",
            mark(query)
        ));
    }
    Ok(conds.join(" AND "))
}

/// How many articles match `query` counted in the index alone, when the index answers it
/// exactly (reading each matching article's row only to count it costs a page apiece: 40,431
/// of a million articles, 0.3 s); `None` when the articles must be read.
pub(crate) fn search_count_sql(
    query: &str,
    mut mark: impl FnMut(String) -> String,
) -> Result<Option<String>> {
    let (_, parsed) = parse_search(query)?;
    Ok(match parsed.index_query() {
        Some(index_query) if parsed.index_is_exact() => Some(format!(
            "SELECT COUNT(*) FROM search.articles_fts WHERE articles_fts MATCH {}",
            mark(index_query)
        )),
        _ => None,
    })
}

/// The one value `sql` selects, if any.
fn setting(conn: &Connection, sql: &str) -> Result<Option<String>> {
    Ok(conn.query_row(sql, [], |r| r.get(0)).optional()?)
}

/// A fresh owner id: the time and process, hashed.
fn new_owner_id() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let seed = format!("{nanos}-{}", std::process::id());
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(seed.as_bytes()))
}

fn indexed_upto(conn: &Connection) -> Result<ArticleId> {
    Ok(conn
        .query_row(
            "SELECT value FROM search.meta WHERE key = ?1",
            [UPTO],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
}

fn set_indexed_upto(conn: &Connection, upto: ArticleId) -> Result<()> {
    conn.execute(
        "INSERT INTO search.meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![UPTO, upto.to_string()],
    )?;
    Ok(())
}

/// Bulk settings for a large insert: an 8 MB term buffer (the default 1 MB flushes a new
/// segment every few hundred articles) and no merging meanwhile (crisis merges still bound
/// the segments per level). Measured on 100k articles: 8.1 s -> 4.8 s with positions and a
/// 32 MB buffer; without positions 8 MB is 2-4% faster than 32 MB (a term table that stays
/// in cache), 4 MB no faster.
fn bulk_settings(conn: &Connection, on: bool) -> Result<()> {
    conn.execute(
        "INSERT INTO search.articles_fts (articles_fts, rank) VALUES ('hashsize', ?1)",
        [8i64 << 20],
    )?;
    conn.execute(
        "INSERT INTO search.articles_fts (articles_fts, rank) VALUES ('automerge', ?1)",
        [if on { 0 } else { 4 }],
    )?;
    Ok(())
}

impl Store {
    /// The condition on `a` (an article) of `query` on a server; `bind` binds a text value
    /// and returns its placeholder. A query the search vector answers exactly (plain words,
    /// prefixes, AND, OR, NOT) is the vector's own condition, which the server plans with the
    /// rest of the statement (a common word's first page walks the newest articles; "ekonomi",
    /// 40,431 of a million: 1.7 s reading every match's text, 0.73 s with the matches' ids,
    /// 0.18 s so); only articles without a vector yet are read and checked. Any other query
    /// checks the vector's candidates and gives their ids.
    pub(crate) fn server_search_condition(
        &self,
        query: &str,
        mut bind: impl FnMut(String) -> String,
    ) -> Result<String> {
        let (_, parsed) = parse_search(query)?;
        if let Some(words) = parsed.server_query().filter(|_| parsed.index_is_exact()) {
            let mut unsearched: Vec<String> = Vec::new();
            self.with_sql(|db| {
                db.for_each(
                    "SELECT id, title, text FROM articles WHERE search IS NULL",
                    &[],
                    &mut |r| {
                        if parsed.matches(&r.text(1)?, &r.text(2)?) {
                            unsearched.push(r.int(0)?.to_string());
                        }
                        Ok(())
                    },
                )
            })?;
            let words = bind(words);
            let condition = format!("a.search @@ CAST(CAST({words} AS TEXT) AS tsquery)");
            return Ok(if unsearched.is_empty() {
                condition
            } else {
                let ids = bind(format!("{{{}}}", unsearched.join(",")));
                format!(
                    "({condition} OR (a.search IS NULL \
                     AND a.id = ANY(CAST(CAST({ids} AS TEXT) AS BIGINT[]))))"
                )
            });
        }
        let ids = bind(self.server_search_ids(&parsed)?);
        Ok(format!("a.id = ANY(CAST(CAST({ids} AS TEXT) AS BIGINT[]))"))
    }

    /// The articles matching `parsed` on a server, as a bound array value (`{1,2,3}`): the
    /// query's words narrow them through the search vector, the query checks each.
    fn server_search_ids(&self, parsed: &super::search_query::SearchQuery) -> Result<String> {
        let words = parsed.server_query();
        // Articles whose vector is not written yet are candidates too.
        let sql = match &words {
            Some(_) => {
                "SELECT id, title, text FROM articles
                 WHERE search @@ CAST(CAST(?1 AS TEXT) AS tsquery) OR search IS NULL ORDER BY id"
            }
            None => "SELECT id, title, text FROM articles ORDER BY id",
        };
        let bound: Vec<super::sql::Value> =
            words.iter().map(|w| super::sql::Value::Text(w)).collect();
        let mut ids: Vec<String> = Vec::new();
        self.with_sql(|db| {
            db.for_each(sql, &bound, &mut |r| {
                if parsed.matches(&r.text(1)?, &r.text(2)?) {
                    ids.push(r.int(0)?.to_string());
                }
                Ok(())
            })
        })?;
        Ok(format!("{{{}}}", ids.join(",")))
    }
}

impl Store {
    /// Indexes every article not yet in the full-text index; returns how many.
    pub fn index_new_articles(&mut self) -> Result<u64> {
        if self.server_address().is_some() {
            return self.index_on_server();
        }
        let tx = self.lite_mut()?.transaction()?;
        let upto = indexed_upto(&tx)?;
        let max_id: i64 = tx.query_row("SELECT COALESCE(MAX(id), 0) FROM articles", [], |r| {
            r.get(0)
        })?;
        if max_id <= upto {
            return Ok(0);
        }
        bulk_settings(&tx, true)?;
        let n = tx.execute(
            "INSERT INTO search.articles_fts (rowid, title, text)
             SELECT id, title, text FROM articles WHERE id > ?1 AND id <= ?2",
            params![upto, max_id],
        )?;
        bulk_settings(&tx, false)?;
        set_indexed_upto(&tx, max_id)?;
        tx.commit()?;
        Ok(n as u64)
    }

    /// The index's ids of the articles matching a full-text query (FTS5 syntax), in id order,
    /// at most `limit`: an article indexed twice would come twice.
    pub fn search_ids(&self, query: &str, limit: u64) -> Result<Vec<i64>> {
        let (query, parsed) = parse_search(query)?;
        let index_query = parsed.index_query().unwrap_or_else(|| "\"\"".into());
        let check = if parsed.index_is_exact() {
            String::new()
        } else {
            format!(" AND {MATCH_FUNCTION}(?2, a.title, a.text)")
        };
        let mut stmt = self.lite()?.prepare(&format!(
            "SELECT f.rowid FROM search.articles_fts f JOIN articles a ON a.id = f.rowid
             WHERE f.articles_fts MATCH ?1{check} ORDER BY f.rowid LIMIT ?3"
        ))?;
        let rows = stmt.query_map(params![index_query, query, limit as i64], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Fills the index of a database from a thread of its own while an import stores articles:
/// the import hands over each batch of articles once it is committed.
pub struct SearchWriter {
    conn: Connection,
    /// Highest id committed to the index.
    upto: ArticleId,
    /// Articles added since the last commit, and the highest id among them.
    pending: u64,
    pending_upto: ArticleId,
}

/// Articles indexed between two commits of a [`SearchWriter`].
const COMMIT_EVERY: u64 = 20_000;

impl SearchWriter {
    /// Opens the index of the database at `db` (which [`Store::open`] has set up).
    pub fn open(db: &Path) -> Result<SearchWriter> {
        let conn = Connection::open_in_memory()?;
        conn.busy_timeout(Duration::from_secs(30))?;
        conn.execute(
            "ATTACH DATABASE ?1 AS search",
            [search_path(db).to_string_lossy()],
        )?;
        conn.execute("ATTACH DATABASE ?1 AS db", [db.to_string_lossy()])?;
        let upto = indexed_upto(&conn)?;
        let mut writer = SearchWriter {
            conn,
            upto,
            pending: 0,
            pending_upto: upto,
        };
        writer.begin()?;
        Ok(writer)
    }

    fn begin(&mut self) -> Result<()> {
        self.conn.execute_batch("BEGIN")?;
        bulk_settings(&self.conn, true)
    }

    /// Indexes stored articles, given in id order after the ones before.
    pub fn add(&mut self, articles: &[(ArticleId, String, String)]) -> Result<()> {
        let mut insert = self.conn.prepare_cached(
            "INSERT INTO search.articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)",
        )?;
        for (id, title, text) in articles {
            insert.execute(params![id, title, text])?;
            self.pending += 1;
            self.pending_upto = self.pending_upto.max(*id);
        }
        drop(insert);
        if self.pending >= COMMIT_EVERY {
            self.commit()?;
            self.begin()?;
        }
        Ok(())
    }

    /// Commits what was added when it covers every article up to the highest id (no other
    /// writer added articles in between); else drops it with an error, leaving the rest to
    /// [`Store::index_new_articles`].
    fn commit(&mut self) -> Result<()> {
        let stored: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM db.articles WHERE id > ?1 AND id <= ?2",
            params![self.upto, self.pending_upto],
            |r| r.get(0),
        )?;
        if stored as u64 != self.pending {
            self.conn.execute_batch("ROLLBACK")?;
            return Err(super::StoreError::Invalid(
                "articles were added by another import meanwhile; the index catches up after"
                    .into(),
            ));
        }
        bulk_settings(&self.conn, false)?;
        set_indexed_upto(&self.conn, self.pending_upto)?;
        self.conn.execute_batch("COMMIT")?;
        self.upto = self.pending_upto;
        self.pending = 0;
        Ok(())
    }

    /// Commits the rest.
    pub fn finish(mut self) -> Result<()> {
        self.commit()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ArticleDraft;
    use crate::store::{FileRecord, FileStatus, Store};
    use std::collections::HashMap;

    fn store_two(store: &mut Store) {
        let run = store.begin_run().expect("run");
        let article = |text: &str| ArticleDraft {
            title: "Judul".into(),
            text: text.into(),
            ..ArticleDraft::default()
        };
        let file = FileRecord {
            path: "a".into(),
            size_bytes: None,
            content_hash: None,
            format: None,
            status: FileStatus::Imported,
            error: None,
            warnings: String::new(),
        };
        store
            .transaction(|tx| {
                tx.store_file(
                    run,
                    &file,
                    &[
                        (article("Rusia dan Turki"), vec![]),
                        (article("Amerika Serikat"), vec![]),
                    ],
                    &HashMap::new(),
                )
            })
            .expect("store");
    }

    #[test]
    fn new_articles_are_indexed_once() {
        let mut store = Store::open_in_memory().expect("store");
        store_two(&mut store);
        assert!(store.search_ids("Rusia", 10).expect("search").is_empty());
        assert_eq!(store.index_new_articles().expect("index"), 2);
        assert_eq!(store.index_new_articles().expect("index"), 0);
        assert_eq!(store.search_ids("rusia", 10).expect("search").len(), 1);
        // Phrases, NEAR and columns: checked on the index's candidates.
        for (query, want) in [
            ("\"amerika serikat\"", vec![2]),
            ("\"serikat amerika\"", vec![]),
            ("NEAR(rusia turki, 0)", vec![]),
            ("NEAR(rusia turki, 1)", vec![1]),
            ("title:rusia", vec![]),
            ("text:rusia OR \"amerika serikat\"", vec![1, 2]),
            ("judul NOT \"rusia dan\"", vec![2]),
        ] {
            assert_eq!(
                store.search_ids(query, 10).expect("search"),
                want,
                "{query}"
            );
        }
        // Words with punctuation are taken literally; broken syntax is refused.
        assert_eq!(
            store.search_ids("al-qaeda", 10).expect("plain words"),
            Vec::<i64>::new()
        );
        assert!(matches!(
            store.search_ids("\"al-qaeda", 10),
            Err(crate::store::StoreError::Invalid(_))
        ));
    }

    /// A closed database `news.db` in `dir` with [`store_two`]'s articles, both indexed.
    fn indexed_two(dir: &std::path::Path) -> std::path::PathBuf {
        let db = dir.join("news.db");
        let mut store = Store::open(&db).expect("store");
        store_two(&mut store);
        assert_eq!(store.index_new_articles().expect("index"), 2);
        db
    }

    #[test]
    fn an_index_with_positions_is_rebuilt_without() {
        let dir = tempfile::tempdir().expect("dir");
        let db = indexed_two(dir.path());
        // An index as pantau built it before: with positions, both articles in it.
        {
            let conn = Connection::open(search_path(&db)).expect("index");
            conn.execute_batch(
                "DROP TABLE articles_fts;
                 CREATE VIRTUAL TABLE articles_fts
                     USING fts5(title, text, content='', contentless_delete=1);
                 INSERT INTO articles_fts (rowid, title, text)
                     VALUES (1, 'Judul', 'Rusia dan Turki'), (2, 'Judul', 'Amerika Serikat');",
            )
            .expect("old index");
        }
        let mut store = Store::open(&db).expect("store");
        assert!(store.search_ids("rusia", 10).expect("search").is_empty());
        assert_eq!(store.index_new_articles().expect("index"), 2);
        assert_eq!(
            store.search_ids("\"amerika serikat\"", 10).expect("search"),
            vec![2]
        );
        let sql: String = store
            .lite()
            .expect("a file")
            .query_row(
                "SELECT sql FROM search.sqlite_master WHERE name = 'articles_fts'",
                [],
                |r| r.get(0),
            )
            .expect("schema");
        assert!(sql.contains("detail=none"), "{sql}");
    }

    #[test]
    fn a_search_writer_indexes_beside_the_database() {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("news.db");
        let mut store = Store::open(&db).expect("store");
        store_two(&mut store);
        let mut writer = SearchWriter::open(&db).expect("writer");
        writer
            .add(&[
                (1, "Judul".into(), "Rusia dan Turki".into()),
                (2, "Judul".into(), "Amerika Serikat".into()),
            ])
            .expect("add");
        writer.finish().expect("finish");
        assert!(search_path(&db).exists());
        assert_eq!(store.search_ids("turki", 10).expect("search"), vec![1]);
        // Everything is indexed: nothing to catch up.
        assert_eq!(store.index_new_articles().expect("index"), 0);
    }

    #[test]
    fn a_writer_that_missed_articles_commits_nothing() {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("news.db");
        let mut store = Store::open(&db).expect("store");
        store_two(&mut store);
        let mut writer = SearchWriter::open(&db).expect("writer");
        writer
            .add(&[(2, "Judul".into(), "Amerika Serikat".into())])
            .expect("add");
        assert!(writer.finish().is_err());
        assert!(store.search_ids("amerika", 10).expect("search").is_empty());
        assert_eq!(store.index_new_articles().expect("index"), 2);
        assert_eq!(store.search_ids("amerika", 10).expect("search"), vec![2]);
    }

    #[test]
    fn an_index_beside_another_database_is_emptied() {
        let dir = tempfile::tempdir().expect("dir");
        let db = indexed_two(dir.path());
        // The database is replaced; its old index stays.
        std::fs::remove_file(&db).expect("remove");
        let _ = std::fs::remove_file(dir.path().join("news.db-wal"));
        let _ = std::fs::remove_file(dir.path().join("news.db-shm"));
        let store = Store::open(&db).expect("store");
        assert!(store.search_ids("rusia", 10).expect("search").is_empty());
    }
}
