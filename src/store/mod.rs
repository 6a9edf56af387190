//! Store: the local SQLite database. Every SQL statement of pantau lives in this module.
//!
//! [`Store::open`] sets the pragmas (WAL, foreign keys, a busy timeout) and applies the
//! append-only [`migrations`]. Writes happen on one connection at a time (the import's writer
//! thread); readers open their own connections and see consistent snapshots under WAL.

mod actors;
mod aggregates;
mod aliases;
mod articles;
mod batches;
mod exclusions;
mod fulltext;
mod location;
pub mod migrations;
mod reader;
mod rows;
mod runs;
pub mod search_query;
pub mod server;
mod settings;
mod sql;
mod stats;
mod views;

pub use aggregates::{
    ActorInfo, ActorTotals, ArticleBrief, DrillTarget, MentionSpan, UnitColumn, day_date,
    day_number,
};
pub use aliases::{AliasCount, AliasRecord, AliasUsage, NewAlias, alias_key};
pub use articles::{InsertOutcome, text_hash};
pub use batches::ArticleText;
pub use exclusions::{ExclusionRecord, ExclusionScope};
pub use fulltext::{SearchWriter, search_path};
pub use location::{Location, ServerLogin};
pub use reader::{
    ActorEntry, AliasEntry, ArticleListQuery, ArticleListRow, ArticleMention, ArticleView,
    StoryCopy,
};
pub use rows::{ArticleRow, MentionRow, TextStatus};
pub use runs::{FileRecord, FileStatus, ImportRun, RunCounts};
pub use stats::{FailedFile, Stats};
pub use views::ViewEntry;

use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A database problem.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite refused an operation.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The database could not be opened.
    #[error("cannot open the database {path}: {source}")]
    Open {
        /// The database file.
        path: PathBuf,
        /// Why.
        source: rusqlite::Error,
    },
    /// The database was written by a newer pantau.
    #[error(
        "the database has schema version {found}, newer than this pantau knows ({known}); update pantau"
    )]
    TooNew {
        /// The schema version found.
        found: i64,
        /// The newest this build knows.
        known: i64,
    },
    /// The folder for the database could not be created.
    #[error("cannot create the folder {path}: {source}")]
    Folder {
        /// The folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A dictionary edit was refused (unknown actor, duplicate alias, empty text).
    #[error("{0}")]
    Invalid(String),
    /// A database to open is not there.
    #[error("{0} does not exist (File → New database… creates one)")]
    Missing(PathBuf),
    /// A file to open as a database is not a pantau database.
    #[error("{path} is not a pantau database: {reason}")]
    NotPantau {
        /// The file.
        path: PathBuf,
        /// What it is instead.
        reason: String,
    },
    /// A PostgreSQL server refused an operation, or could not be reached.
    #[error(transparent)]
    Server(Box<server::ServerError>),
    /// What was asked is not done on a server's database in this version.
    #[error(
        "{0} needs a database file in this version: on a server, pantau's window and commands import, browse, search, export, re-tag, edit the dictionary and copy (pantau copy --from the server --to a file makes a local copy)"
    )]
    NotOnServer(&'static str),
}

impl From<server::ServerError> for StoreError {
    fn from(e: server::ServerError) -> Self {
        match e {
            server::ServerError::Local(e) => e,
            other => StoreError::Server(Box::new(other)),
        }
    }
}

/// Result of store operations.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Row id of an article.
pub type ArticleId = i64;
/// Row id of an actor.
pub type ActorId = i64;
/// Row id of an import run.
pub type RunId = i64;
/// Row id of an imported file.
pub type FileId = i64;

/// Page size of new database (and search index) files. Articles are a few KB each: with 16 KiB
/// pages a 100k-article import writes fewer, fuller pages (measured 8.0-9.3 s -> 7.0-7.5 s,
/// less system time) than with SQLite's 4 KiB default.
pub(crate) const PAGE_SIZE: u32 = 16_384;

/// The page cache of each connection, KiB.
pub(crate) const CACHE_KIB: i64 = 64_000;

/// An open pantau database: a local SQLite file (or memory), or a database on a PostgreSQL
/// server ([`Store::connect`]). Its methods are the same on both; the few a server does not
/// do yet say so ([`StoreError::NotOnServer`]).
pub struct Store {
    backend: Backend,
    path: Option<PathBuf>,
    /// The stories' keys the writer has seen (see [`articles::StoryIndex`]).
    stories: articles::StoryIndex,
}

/// Where a [`Store`] keeps its data.
enum Backend {
    Lite(Connection),
    /// Behind a cell: reading a server needs its connection mutably, reading a file does not.
    Server(Pooled),
}

/// The connections of one login that no store uses (see [`Location::open`]): the window's
/// background queries take one instead of connecting each time.
pub(crate) type IdleConnections = std::sync::Arc<std::sync::Mutex<Vec<server::ServerStore>>>;

/// At most this many idle connections are kept per login.
const IDLE_KEPT: usize = 4;

/// A store's server connection, handed back to its login's idle ones when the store is
/// dropped (a job it ran ended first; not when closed, or while a panic unwinds: its session
/// state is not known then).
struct Pooled {
    /// Present until dropped.
    server: Option<Box<std::cell::RefCell<server::ServerStore>>>,
    home: Option<IdleConnections>,
}

impl std::ops::Deref for Pooled {
    type Target = std::cell::RefCell<server::ServerStore>;
    fn deref(&self) -> &Self::Target {
        self.server
            .as_deref()
            .expect("a store's connection, present until dropped")
    }
}

impl std::ops::DerefMut for Pooled {
    fn deref_mut(&mut self) -> &mut Self::Target {
        self.server
            .as_deref_mut()
            .expect("a store's connection, present until dropped")
    }
}

impl Drop for Pooled {
    fn drop(&mut self) {
        let Some(server) = self.server.take() else {
            return;
        };
        let mut server = server.into_inner();
        if std::thread::panicking() {
            return;
        }
        // A job left running (a re-tag that failed) ends with its store: others stop seeing
        // it now, not once the server has noticed the closed connection.
        if server.end_job().is_err() {
            return;
        }
        let Some(home) = self.home.take() else {
            return;
        };
        if !server.reusable() {
            return;
        }
        if let Ok(mut idle) = home.lock()
            && idle.len() < IDLE_KEPT
        {
            idle.push(server);
        }
    }
}

/// The server behind a [`Backend::Server`], borrowed for one call.
trait BorrowServer {
    fn borrow_server(&self) -> Result<std::cell::RefMut<'_, server::ServerStore>>;
}

impl BorrowServer for std::cell::RefCell<server::ServerStore> {
    fn borrow_server(&self) -> Result<std::cell::RefMut<'_, server::ServerStore>> {
        // Never nested: no store method calls another while it holds the connection.
        self.try_borrow_mut()
            .map_err(|_| StoreError::Invalid("the server connection is busy".into()))
    }
}

/// How many times [`Store::open`] sets up a database again after finding it locked (50 ms
/// apart).
const OPEN_RETRIES: u32 = 100;

/// True for SQLite's "database is busy / locked" errors.
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

impl Store {
    /// Opens (creating if needed) the database at `path` and migrates it.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Folder {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        // Two connections setting up a new database at once (the window's first query and an
        // import started at once) can meet a lock SQLite refuses to wait for (it would risk a
        // deadlock: switching to WAL, creating the search index); every step of the set-up can
        // be done again, so it is, after the other has finished.
        let mut attempts = 0;
        loop {
            let conn = Connection::open(path).map_err(|source| StoreError::Open {
                path: path.to_path_buf(),
                source,
            })?;
            match Store::setup(conn, Some(path.to_path_buf())) {
                Err(StoreError::Sqlite(source)) if is_busy(&source) && attempts < OPEN_RETRIES => {
                    attempts += 1;
                    std::thread::sleep(Duration::from_millis(50));
                }
                result => {
                    return result.map_err(|e| match e {
                        StoreError::Sqlite(source) => StoreError::Open {
                            path: path.to_path_buf(),
                            source,
                        },
                        other => other,
                    });
                }
            }
        }
    }

    /// Opens a pantau database that exists already (File → Open): a missing file, a file that
    /// is not SQLite, or another program's SQLite database is refused, and left untouched.
    pub fn open_existing(path: &Path) -> Result<Store> {
        Store::check_existing(path)?;
        Store::open(path)
    }

    /// Checks that `path` is a pantau database without changing it.
    pub fn check_existing(path: &Path) -> Result<()> {
        let not = |reason: &str| StoreError::NotPantau {
            path: path.to_path_buf(),
            reason: reason.to_string(),
        };
        let meta = std::fs::metadata(path).map_err(|_| StoreError::Missing(path.to_path_buf()))?;
        if meta.is_dir() {
            return Err(not("it is a folder"));
        }
        let mut head = [0u8; 16];
        let read = std::fs::File::open(path)
            .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
            .map_err(|e| not(&format!("cannot read it ({e})")))?;
        if read == 0 {
            return Err(not("the file is empty"));
        }
        if read < 16 || &head != b"SQLite format 3\0" {
            return Err(not("it is not an SQLite database file"));
        }
        use rusqlite::OpenFlags;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| not(&e.to_string()))?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| not(&e.to_string()))?;
        let has_articles: bool = conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles')",
                [],
                |r| r.get(0),
            )
            .map_err(|e| not(&e.to_string()))?;
        if version == 0 || !has_articles {
            return Err(not(
                "it holds no pantau tables (another program's database?)",
            ));
        }
        if version > migrations::latest_version() {
            return Err(StoreError::TooNew {
                found: version,
                known: migrations::latest_version(),
            });
        }
        Ok(())
    }

    /// Opens an existing database for reading only (the window's background readers; under
    /// WAL they see consistent snapshots while an import writes). It must be migrated already.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        use rusqlite::OpenFlags;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )
        .map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        conn.busy_timeout(Duration::from_secs(30))?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > migrations::latest_version() {
            return Err(StoreError::TooNew {
                found: version,
                known: migrations::latest_version(),
            });
        }
        fulltext::attach(&conn, Some(path), true)?;
        fulltext::register_match_function(&conn)?;
        Ok(Store {
            backend: Backend::Lite(conn),
            path: Some(path.to_path_buf()),
            stories: Default::default(),
        })
    }

    /// An empty in-memory database (tests, `pantau tag`).
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?, None)
    }

    fn setup(conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        conn.busy_timeout(Duration::from_secs(30))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        if path.is_some() {
            // Only a new, empty database takes it.
            conn.execute_batch(&format!("PRAGMA page_size = {PAGE_SIZE}"))?;
            let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        }
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
        migrations::migrate(&conn)?;
        fulltext::attach(&conn, path.as_deref(), false)?;
        fulltext::register_match_function(&conn)?;
        Ok(Store {
            backend: Backend::Lite(conn),
            path,
            stories: Default::default(),
        })
    }

    /// Connects to a pantau database on a PostgreSQL server (see
    /// [`server::ServerStore::connect`]: `ask` is asked for a password the environment and
    /// the password file do not have).
    pub fn connect(
        address: &server::ServerAddress,
        ask: &mut dyn FnMut(&server::ServerAddress) -> Option<String>,
    ) -> Result<Store> {
        let server = server::ServerStore::connect(address, ask)?;
        Ok(Store::on_server(server))
    }

    /// A store over a connected server.
    pub fn on_server(server: server::ServerStore) -> Store {
        Store::on_server_from(server, None)
    }

    /// A store over `server`, handing it back to `home` when dropped.
    pub(crate) fn on_server_from(
        server: server::ServerStore,
        home: Option<IdleConnections>,
    ) -> Store {
        Store {
            backend: Backend::Server(Pooled {
                server: Some(Box::new(std::cell::RefCell::new(server))),
                home,
            }),
            path: None,
            stories: Default::default(),
        }
    }

    /// Refuses `action` unless this store may change the database: on a server, naming the
    /// right the role lacks ([`server::ServerStore::require_write`]); a file always may.
    pub fn require_write(&self, action: &str) -> Result<()> {
        match &self.backend {
            Backend::Lite(_) => Ok(()),
            Backend::Server(s) => Ok(s.borrow_server()?.require_write(action)?),
        }
    }

    /// The server's address, when the database is on one.
    pub fn server_address(&self) -> Option<server::ServerAddress> {
        match &self.backend {
            Backend::Lite(_) => None,
            Backend::Server(s) => Some(s.borrow().address().clone()),
        }
    }

    /// Starts a re-tag of `total` articles as the database's one job. On a server others see
    /// it ([`Store::running_job`]) and a second is refused, naming the first; a file has one
    /// writer at a time anyway.
    pub fn begin_job(&mut self, total: u64) -> Result<()> {
        match &mut self.backend {
            Backend::Lite(_) => Ok(()),
            Backend::Server(s) => Ok(s.get_mut().begin_job(total)?),
        }
    }

    /// Records how far the job got.
    pub fn job_progress(&mut self, done: u64, total: u64) -> Result<()> {
        match &mut self.backend {
            Backend::Lite(_) => Ok(()),
            Backend::Server(s) => Ok(s.get_mut().job_progress(done, total)?),
        }
    }

    /// Ends the job.
    pub fn end_job(&mut self) -> Result<()> {
        match &mut self.backend {
            Backend::Lite(_) => Ok(()),
            Backend::Server(s) => Ok(s.get_mut().end_job()?),
        }
    }

    /// The re-tag running on a server's database (who, since when, how far), if any.
    pub fn running_job(&self) -> Result<Option<String>> {
        match &self.backend {
            Backend::Lite(_) => Ok(None),
            Backend::Server(s) => Ok(s.borrow_server()?.running_job()?),
        }
    }

    /// Writes the search vector of a server's articles that have none, when the role may.
    fn index_on_server(&mut self) -> Result<u64> {
        let Backend::Server(s) = &mut self.backend else {
            return Ok(0);
        };
        let s = s.get_mut();
        let may: bool = s
            .client
            .query_one(
                "SELECT has_table_privilege(current_user, 'articles', 'UPDATE')",
                &[],
            )
            .map_err(sql::server_error)?
            .get(0);
        if !may {
            // A reader's search checks those articles one by one instead.
            return Ok(0);
        }
        server::search::index_articles(&mut s.client, &mut |_| {})
    }

    /// The SQLite connection; a server's database refuses what only a file does yet.
    #[track_caller]
    fn lite(&self) -> Result<&Connection> {
        match &self.backend {
            Backend::Lite(c) => Ok(c),
            Backend::Server(_) => Err(StoreError::NotOnServer(caller_name())),
        }
    }

    /// [`Store::lite`], mutably.
    #[track_caller]
    fn lite_mut(&mut self) -> Result<&mut Connection> {
        match &mut self.backend {
            Backend::Lite(c) => Ok(c),
            Backend::Server(_) => Err(StoreError::NotOnServer(caller_name())),
        }
    }

    /// Runs `f` on the engine's statements ([`sql::Sql`]), for what both engines do alike.
    pub(crate) fn with_sql<T>(&self, f: impl FnOnce(&mut dyn sql::Sql) -> Result<T>) -> Result<T> {
        match &self.backend {
            Backend::Lite(c) => f(&mut sql::Lite(c)),
            Backend::Server(s) => {
                let mut s = s.borrow_server()?;
                let s = &mut *s;
                f(&mut sql::Server {
                    client: &mut s.client,
                    prepared: &mut s.prepared,
                })
            }
        }
    }

    /// Runs `f` (reads of this store) in one snapshot: what another connection commits
    /// meanwhile is not seen (an export's pages agree with each other). Inside a transaction
    /// already, `f` just runs.
    pub(crate) fn snapshot<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce() -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let run = |sql: &str| -> Result<()> {
            match &self.backend {
                Backend::Lite(c) => Ok(c.execute_batch(sql)?),
                Backend::Server(s) => s
                    .borrow_server()?
                    .client
                    .batch_execute(sql)
                    .map_err(sql::server_error),
            }
        };
        let begin = match &self.backend {
            Backend::Lite(c) if !c.is_autocommit() => None,
            Backend::Lite(_) => Some("BEGIN"),
            Backend::Server(_) => Some("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"),
        };
        let Some(begin) = begin else {
            return f();
        };
        run(begin)?;
        let out = f();
        let end = run(if out.is_ok() { "COMMIT" } else { "ROLLBACK" });
        let out = out?;
        end?;
        Ok(out)
    }

    /// Runs `f` on the engine's statements inside one transaction.
    pub(crate) fn with_sql_tx<T>(
        &mut self,
        f: impl FnOnce(&mut dyn sql::Sql) -> Result<T>,
    ) -> Result<T> {
        match &mut self.backend {
            Backend::Lite(c) => {
                let tx = c.transaction()?;
                let out = f(&mut sql::Lite(&tx))?;
                tx.commit()?;
                Ok(out)
            }
            Backend::Server(s) => {
                let s = s.get_mut();
                let mut tx = s.client.transaction().map_err(sql::server_error)?;
                // Writers take turns (see `server::writer`): a date edit, a dictionary edit
                // and an import's batch never wait for each other's rows.
                server::writer::take_write_lock(&mut tx)?;
                let out = f(&mut sql::Server {
                    client: &mut tx,
                    prepared: &mut s.prepared,
                })?;
                tx.commit().map_err(sql::server_error)?;
                Ok(out)
            }
        }
    }

    /// Switches foreign key enforcement (outside transactions only; on by default).
    pub(crate) fn set_foreign_keys(&self, on: bool) -> Result<()> {
        let Backend::Lite(conn) = &self.backend else {
            // The server checks its keys as it goes.
            return Ok(());
        };
        conn.pragma_update(None, "foreign_keys", if on { "ON" } else { "OFF" })?;
        Ok(())
    }

    /// Sets the page cache of the connection, KiB ([`CACHE_KIB`] by default).
    pub(crate) fn set_cache_kib(&self, kib: i64) -> Result<()> {
        let Backend::Lite(conn) = &self.backend else {
            return Ok(());
        };
        conn.pragma_update(None, "cache_size", -kib)?;
        Ok(())
    }

    /// The database file, if not in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Runs `f` inside one transaction; commits when it returns `Ok`, rolls back otherwise.
    pub fn transaction<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&mut Tx<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let result = match &mut self.backend {
            Backend::Lite(conn) => {
                let tx = conn.transaction().map_err(StoreError::from)?;
                self.stories.begin(&tx)?;
                let mut wrapped = Tx {
                    inner: TxInner::Lite {
                        tx,
                        stories: &mut self.stories,
                    },
                };
                match f(&mut wrapped) {
                    Ok(out) => match wrapped.inner {
                        TxInner::Lite { tx, .. } => tx
                            .commit()
                            .map(|()| out)
                            .map_err(|e| StoreError::from(e).into()),
                        TxInner::Server(_) => Err(StoreError::Invalid(
                            "a file's transaction turned into a server's".into(),
                        )
                        .into()),
                    },
                    Err(e) => Err(e),
                }
            }
            Backend::Server(s) => {
                let s = s.get_mut();
                let tx = server::writer::ServerTx::begin(s).map_err(StoreError::from)?;
                let mut wrapped = Tx {
                    inner: TxInner::Server(tx),
                };
                match f(&mut wrapped) {
                    Ok(out) => match wrapped.inner {
                        TxInner::Server(tx) => tx.commit().map(|()| out).map_err(E::from),
                        TxInner::Lite { .. } => Err(StoreError::Invalid(
                            "a server's transaction turned into a file's".into(),
                        )
                        .into()),
                    },
                    Err(e) => Err(e),
                }
            }
        };
        if result.is_err() {
            // What it noted of a rolled-back transaction's articles is wrong.
            self.stories.reset();
        }
        result
    }

    /// `PRAGMA integrity_check`: "ok" when the database is sound.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self
            .lite()?
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }
}

/// A write transaction; see [`Store::transaction`].
pub struct Tx<'a> {
    inner: TxInner<'a>,
}

enum TxInner<'a> {
    Lite {
        tx: rusqlite::Transaction<'a>,
        stories: &'a mut articles::StoryIndex,
    },
    Server(server::writer::ServerTx<'a>),
}

/// The name of the store method that called, for [`StoreError::NotOnServer`].
#[track_caller]
fn caller_name() -> &'static str {
    // Rust gives the caller's file and line, not its name: the file names the part of the
    // store that is not done on a server yet.
    let file = std::panic::Location::caller().file();
    match file.rsplit(['/', '\\']).next().unwrap_or(file) {
        "aliases.rs" => "counting an alias's mentions",
        "fulltext.rs" => "the file's search index",
        "mod.rs" => "checking the database file",
        _ => "this",
    }
}
