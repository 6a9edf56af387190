//! A pantau database on a PostgreSQL server: the same schema, through the same append-only
//! migrations translated to PostgreSQL's dialect ([`schema`]), the rights of the connecting
//! role, the corpus's counts, and [`copy`] between a local database and a server.
//!
//! Passwords come from `PGPASSWORD`, the password file (`PGPASSFILE` or `~/.pgpass`) or the
//! caller's prompt, never from the address; every statement binds its values.

mod address;
pub mod copy;
pub mod schema;
pub(crate) mod search;
pub(crate) mod writer;

pub use address::{
    ServerAddress, SslMode, is_server_address, password_from_file, without_password,
};

use super::stats::{FailedFile, STATS_SQL, Stats};

/// A problem with a server database.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The address is not one pantau can use.
    #[error("server address: {0}")]
    Address(String),
    /// The server could not be reached or refused the login.
    #[error("cannot connect to {address}: {reason}")]
    Connect {
        /// The address (without a password: it never holds one).
        address: String,
        /// Why.
        reason: String,
    },
    /// The server refused a statement.
    #[error("server: {}", statement_error(.0))]
    Postgres(#[from] postgres::Error),
    /// The role lacks a right the action needs.
    #[error(
        "the role {role} may not {action} on {address}: it lacks {right} (a database owner can GRANT it)"
    )]
    Denied {
        /// The connecting role.
        role: String,
        /// The server.
        address: String,
        /// What was asked ("import", "copy into this database").
        action: String,
        /// The missing right ("INSERT on articles").
        right: String,
    },
    /// The server's database was set up by a newer pantau.
    #[error(
        "the server's database has schema version {found}, newer than this pantau knows ({known}); update pantau"
    )]
    TooNew {
        /// The version found.
        found: i64,
        /// The newest this build knows.
        known: i64,
    },
    /// A local database could not be read or written.
    #[error(transparent)]
    Local(#[from] super::StoreError),
    /// A copy could not go on (a non-empty target, different counts at the end…).
    #[error("{0}")]
    Copy(String),
}

impl From<rusqlite::Error> for ServerError {
    fn from(e: rusqlite::Error) -> Self {
        ServerError::Local(super::StoreError::Sqlite(e))
    }
}

/// Result of server operations.
pub type Result<T, E = ServerError> = std::result::Result<T, E>;

/// The tables of a pantau database, each after those it refers to.
pub const TABLES: &[&str] = &[
    "import_runs",
    "files",
    "actors",
    "aliases",
    "articles",
    "mentions",
    "article_actors",
    "exclusions",
    "story_bands",
    "article_copies",
    "settings",
    "saved_views",
];

/// The advisory lock a re-tag holds while it runs ("pantau-j").
const JOB_LOCK: i64 = 0x7061_6e74_6175_2d6a;

/// An open connection to a pantau database on a server.
pub struct ServerStore {
    pub(crate) client: postgres::Client,
    address: ServerAddress,
    /// Statements prepared on this connection, by their text.
    pub(crate) prepared: std::collections::HashMap<String, postgres::Statement>,
    /// The job this connection runs (who, since when), if any.
    job: Option<String>,
}

impl std::fmt::Debug for ServerStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServerStore")
            .field("address", &self.address)
            .finish()
    }
}

/// True for the server's or the driver's "a password is needed" answers.
fn wants_password(e: &postgres::Error) -> bool {
    if let Some(db) = e.as_db_error() {
        return *db.code() == postgres::error::SqlState::INVALID_PASSWORD;
    }
    // The driver says "invalid configuration", its cause "password missing".
    let cause = std::error::Error::source(e).map(|c| c.to_string());
    cause.is_some_and(|c| c.contains("password missing"))
}

impl ServerStore {
    /// Connects with the password of `PGPASSWORD` or the password file; when the server asks
    /// for one that neither has, `ask` is asked (a prompt; `None` gives up). Then sets up or
    /// updates the schema when the role may, and refuses a database of a newer pantau.
    pub fn connect(
        address: &ServerAddress,
        ask: &mut dyn FnMut(&ServerAddress) -> Option<String>,
    ) -> Result<ServerStore> {
        ServerStore::connect_typed(address, None, ask)
    }

    /// As [`ServerStore::connect`], with the password the user `typed` in the window first
    /// (a `PGPASSWORD` set for another role must not hide it).
    pub fn connect_typed(
        address: &ServerAddress,
        typed: Option<&str>,
        ask: &mut dyn FnMut(&ServerAddress) -> Option<String>,
    ) -> Result<ServerStore> {
        let mut config = address.config.clone();
        let stored = typed
            .map(String::from)
            .or_else(|| address.stored_password());
        if let Some(p) = &stored {
            config.password(p);
        }
        let tls = tls_connector(address).map_err(|reason| ServerError::Connect {
            address: address.to_string(),
            reason,
        })?;
        let client = match open(&tls, &config) {
            Ok(c) => c,
            Err(e) if stored.is_none() && wants_password(&e) => match ask(address) {
                Some(p) => {
                    config.password(&p);
                    open(&tls, &config).map_err(|e| connect_error(address, &e))?
                }
                None => return Err(connect_error(address, &e)),
            },
            Err(e) => return Err(connect_error(address, &e)),
        };
        let mut store = ServerStore {
            client,
            address: address.clone(),
            prepared: Default::default(),
            job: None,
        };
        schema::migrate(&mut store)?;
        Ok(store)
    }

    /// The server's address.
    pub fn address(&self) -> &ServerAddress {
        &self.address
    }

    /// True when another store of the same login may take this connection over: open, and
    /// holding no job's lock.
    pub(crate) fn reusable(&self) -> bool {
        !self.client.is_closed() && self.job.is_none()
    }

    /// True when the server still answers (a connection idle for a while may have been
    /// closed by it or by the network).
    pub(crate) fn answers(&mut self) -> bool {
        self.client
            .is_valid(std::time::Duration::from_secs(3))
            .is_ok()
    }

    /// The role the connection acts as.
    pub fn role(&mut self) -> Result<String> {
        Ok(self
            .client
            .query_one("SELECT current_user::text", &[])?
            .get(0))
    }

    /// Refuses `action` unless the role may insert, update and delete in every table of
    /// pantau (what imports, re-tags, dictionary edits and copies into a server do).
    pub fn require_write(&mut self, action: &str) -> Result<()> {
        self.require_rights(action, "USAGE")
    }

    /// As [`ServerStore::require_write`], with `sequence_right` on the tables' id sequences
    /// (`UPDATE` to move them on after a copy, `USAGE` to take ids).
    pub(crate) fn require_rights(&mut self, action: &str, sequence_right: &str) -> Result<()> {
        let rows = self.client.query(
            "SELECT t, p FROM unnest($1::text[]) AS t, unnest(ARRAY['INSERT', 'UPDATE', 'DELETE']) AS p
             WHERE NOT has_table_privilege(current_user, quote_ident(t), p)
             ORDER BY array_position($1::text[], t),
                      array_position(ARRAY['INSERT', 'UPDATE', 'DELETE'], p)",
            &[&TABLES],
        )?;
        let missing = match rows.first() {
            Some(row) => Some(format!(
                "{} on {}",
                row.get::<_, String>(1),
                row.get::<_, String>(0)
            )),
            // New rows take their ids from each table's identity sequence.
            None => self
                .client
                .query(
                    // Materialized first: the sequence is asked for only where there is an id.
                    "WITH t AS MATERIALIZED (
                         SELECT c.table_name::text AS name FROM information_schema.columns c
                         WHERE c.table_schema = current_schema() AND c.column_name = 'id'
                           AND c.table_name = ANY($1))
                     SELECT name FROM t
                     WHERE NOT has_sequence_privilege(
                             current_user, pg_get_serial_sequence(quote_ident(name), 'id'), $2)
                     ORDER BY array_position($1::text[], name)",
                    &[&TABLES, &sequence_right],
                )?
                .first()
                .map(|r| {
                    format!(
                        "{sequence_right} on the id sequence of {}",
                        r.get::<_, String>(0)
                    )
                }),
        };
        if let Some(right) = missing {
            return Err(ServerError::Denied {
                role: self.role()?,
                address: self.address.to_string(),
                action: action.to_string(),
                right,
            });
        }
        Ok(())
    }

    /// Counts what the database holds, as [`crate::store::Store::stats`] does (one snapshot,
    /// the same statements).
    pub fn stats(&mut self) -> Result<Stats> {
        let mut tx = self
            .client
            .build_transaction()
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()?;
        let mut count = |sql: &str| -> Result<u64> {
            let v: i64 = tx
                .query_one(&format!("SELECT CAST(({sql}) AS BIGINT)"), &[])?
                .get(0);
            Ok(v.max(0) as u64)
        };
        let articles = count(STATS_SQL.articles)?;
        let mentions = count(STATS_SQL.mentions)?;
        let actors_seen = count(STATS_SQL.actors_seen)?;
        let undated = count(STATS_SQL.undated)?;
        let duplicates = count(STATS_SQL.duplicates)?;
        let per_language = tx
            .query(STATS_SQL.per_language, &[])?
            .iter()
            .map(|r| (r.get::<_, String>(0), r.get::<_, i64>(1).max(0) as u64))
            .collect();
        let failed_files = tx
            .query(STATS_SQL.failed_files, &[])?
            .iter()
            .map(|r| FailedFile {
                path: r.get(0),
                error: r.get::<_, Option<String>>(1).unwrap_or_default(),
            })
            .collect();
        tx.commit()?;
        Ok(Stats {
            articles,
            mentions,
            actors_seen,
            undated,
            duplicates,
            per_language,
            failed_files,
        })
    }

    /// Starts a re-tag as this database's one job: others see it ([`ServerStore::running_job`])
    /// and a second is refused, naming the first. The job ends with the connection if not
    /// before ([`ServerStore::end_job`]).
    pub fn begin_job(&mut self, total: u64) -> Result<()> {
        let got: bool = self
            .client
            .query_one("SELECT pg_try_advisory_lock($1)", &[&JOB_LOCK])?
            .get(0);
        if !got {
            let job = self.running_job()?.unwrap_or_default();
            return Err(ServerError::Copy(format!(
                "a re-tag is already running on this database: {job}"
            )));
        }
        let role = self.role()?;
        let since = chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string();
        self.job = Some(format!("{role}, since {since}"));
        self.job_progress(0, total)
    }

    /// Records how far the job got.
    pub fn job_progress(&mut self, done: u64, total: u64) -> Result<()> {
        let Some(job) = &self.job else {
            return Ok(());
        };
        let value = format!("{job}: {done} of {total} articles");
        self.client.execute(
            "INSERT INTO settings (key, value) VALUES ('retag_job', $1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            &[&value],
        )?;
        Ok(())
    }

    /// Ends the job.
    pub fn end_job(&mut self) -> Result<()> {
        if self.job.take().is_none() {
            return Ok(());
        }
        self.client
            .execute("DELETE FROM settings WHERE key = 'retag_job'", &[])?;
        self.client
            .execute("SELECT pg_advisory_unlock($1)", &[&JOB_LOCK])?;
        Ok(())
    }

    /// The re-tag running on this database, if any: who, since when, how far.
    pub fn running_job(&mut self) -> Result<Option<String>> {
        // Only while its connection holds the lock (a killed job leaves its row behind).
        let row = self.client.query_opt(
            "SELECT s.value FROM settings s
             WHERE s.key = 'retag_job' AND EXISTS (
                 SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted
                   AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                   AND l.classid::text::bigint = $1 AND l.objid::text::bigint = $2
                   AND l.objsubid = 1)",
            &[&(JOB_LOCK >> 32), &(JOB_LOCK & 0xffff_ffff)],
        )?;
        Ok(row.map(|r| r.get(0)))
    }

    /// Rows of each of [`TABLES`].
    pub fn table_counts(&mut self) -> Result<Vec<(String, u64)>> {
        let mut out = Vec::new();
        for t in TABLES {
            let n: i64 = self
                .client
                .query_one(&format!("SELECT COUNT(*) FROM {t}"), &[])?
                .get(0);
            out.push((t.to_string(), n.max(0) as u64));
        }
        Ok(out)
    }
}

/// What the server said of a statement it refused ("permission denied for table aliases"),
/// with its detail and hint; the driver's own text for the rest (a closed connection, a
/// value it could not read). The driver's Display says only "db error".
fn statement_error(e: &postgres::Error) -> String {
    let Some(db) = e.as_db_error() else {
        return match std::error::Error::source(e) {
            Some(src) => format!("{e}: {src}"),
            None => e.to_string(),
        };
    };
    let mut text = db.message().to_string();
    for extra in [db.detail(), db.hint()].into_iter().flatten() {
        text.push_str(" (");
        text.push_str(extra);
        text.push(')');
    }
    text
}

fn connect_error(address: &ServerAddress, e: &postgres::Error) -> ServerError {
    // The driver's text names what failed (refused, unknown role, wrong password, TLS); the
    // config it was given, password included, is never printed.
    let mut reason = e.to_string();
    if let Some(db) = e.as_db_error() {
        reason = db.message().to_string();
    } else if let Some(src) = std::error::Error::source(e) {
        reason = format!("{reason}: {src}");
    }
    if wants_password(e) {
        reason.push_str(" (set PGPASSWORD or add the server to ~/.pgpass)");
    }
    ServerError::Connect {
        address: address.to_string(),
        reason,
    }
}

/// Connects with TLS as the address's `sslmode` says.
fn open(
    tls: &Option<postgres_native_tls::MakeTlsConnector>,
    config: &postgres::Config,
) -> std::result::Result<postgres::Client, postgres::Error> {
    match tls {
        None => config.connect(postgres::NoTls),
        Some(tls) => config.connect(tls.clone()),
    }
}

/// The TLS connector of an `sslmode`: none for `disable`; for `prefer` and `require` one that
/// encrypts without checking the certificate (libpq's behaviour without a root certificate);
/// for `verify-ca` one that checks the chain, for `verify-full` the host name too.
fn tls_connector(
    address: &ServerAddress,
) -> std::result::Result<Option<postgres_native_tls::MakeTlsConnector>, String> {
    let mode = address.ssl;
    if mode == SslMode::Disable {
        return Ok(None);
    }
    let mut builder = native_tls::TlsConnector::builder();
    if let Some(path) = &address.root_cert {
        let pem = std::fs::read(path)
            .map_err(|e| format!("cannot read sslrootcert {}: {e}", path.display()))?;
        let cert = native_tls::Certificate::from_pem(&pem).map_err(|e| {
            format!(
                "sslrootcert {} is not a PEM certificate: {e}",
                path.display()
            )
        })?;
        builder.add_root_certificate(cert);
    }
    match mode {
        SslMode::Prefer | SslMode::Require if address.root_cert.is_none() => {
            builder.danger_accept_invalid_certs(true);
            builder.danger_accept_invalid_hostnames(true);
        }
        SslMode::Prefer | SslMode::Require | SslMode::VerifyCa => {
            builder.danger_accept_invalid_hostnames(true);
        }
        SslMode::VerifyFull | SslMode::Disable => {}
    }
    let connector = builder.build().map_err(|e| format!("TLS: {e}"))?;
    Ok(Some(postgres_native_tls::MakeTlsConnector::new(connector)))
}
