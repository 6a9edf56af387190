//! A server's address: `postgres://user@host:port/dbname?sslmode=…`, its password (from
//! `PGPASSWORD`, the password file or a prompt, never from the address) and its TLS mode.

use super::ServerError;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// `text` without a password someone typed into it: between `://` and the last `@`, only
/// what stands before the first ':' is kept (`postgres://ana:pw@host/db` →
/// `postgres://ana@host/db`), for messages and logs.
pub fn without_password(text: &str) -> String {
    let Some((scheme, rest)) = text.split_once("://") else {
        return text.to_string();
    };
    match rest.rsplit_once('@') {
        Some((userinfo, host)) if userinfo.contains(':') => {
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}@{host}")
        }
        _ => text.to_string(),
    }
}

/// True when `text` names a PostgreSQL server rather than a database file.
pub fn is_server_address(text: &str) -> bool {
    let lower = text.trim_start().to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// libpq's `sslmode`, as far as pantau honours it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SslMode {
    /// No TLS.
    Disable,
    /// TLS when the server offers it, without checking its certificate (libpq's default).
    Prefer,
    /// TLS or no connection; the certificate is not checked (libpq without a root
    /// certificate).
    Require,
    /// TLS with a certificate signed by a trusted authority (the system's, or `sslrootcert`).
    VerifyCa,
    /// As `VerifyCa`, and the certificate names the host.
    VerifyFull,
}

impl SslMode {
    fn parse(value: &str) -> Result<SslMode, ServerError> {
        Ok(match value {
            "disable" => SslMode::Disable,
            "allow" | "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            other => {
                return Err(ServerError::Address(format!(
                    "sslmode={other} is not one of disable, allow, prefer, require, verify-ca, verify-full"
                )));
            }
        })
    }
}

/// A parsed server address.
#[derive(Clone)]
pub struct ServerAddress {
    /// The address as given (it holds no password).
    text: String,
    pub(crate) config: postgres::Config,
    pub(crate) ssl: SslMode,
    pub(crate) root_cert: Option<PathBuf>,
}

impl std::fmt::Debug for ServerAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the config: it may hold the password found for it.
        f.debug_struct("ServerAddress")
            .field("address", &self.text)
            .finish()
    }
}

impl std::fmt::Display for ServerAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl ServerAddress {
    /// Parses `postgres://user@host[:port]/dbname[?sslmode=…&sslrootcert=…]`. A password in
    /// the address is refused: it would be seen in the process list, the shell's history and
    /// the window's saved settings.
    pub fn parse(text: &str) -> Result<ServerAddress, ServerError> {
        let text = text.trim();
        if !is_server_address(text) {
            return Err(ServerError::Address(format!(
                "{text} is not a postgres:// address"
            )));
        }
        // Before anything else reads it, so that no error can repeat it (a password may hold
        // '/' or '?': everything up to the last '@' is the user's part).
        let after_scheme = text.split_once("://").map_or("", |(_, rest)| rest);
        if let Some((userinfo, _)) = after_scheme.rsplit_once('@')
            && userinfo.contains(':')
        {
            return Err(password_in_address());
        }
        let (base, query) = match text.split_once('?') {
            Some((b, q)) => (b, q),
            None => (text, ""),
        };
        let mut ssl = SslMode::Prefer;
        let mut root_cert = None;
        let mut passed = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "sslmode" => ssl = SslMode::parse(value)?,
                "sslrootcert" => root_cert = Some(PathBuf::from(value)),
                "password" => return Err(password_in_address()),
                _ => passed.push(pair),
            }
        }
        // The driver knows disable, prefer and require; pantau's TLS connector does the
        // checking of the stricter modes.
        let driver_ssl = match ssl {
            SslMode::Disable => "disable",
            SslMode::Prefer => "prefer",
            SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => "require",
        };
        passed.push(match driver_ssl {
            "disable" => "sslmode=disable",
            "prefer" => "sslmode=prefer",
            _ => "sslmode=require",
        });
        let driver_text = format!("{base}?{}", passed.join("&"));
        let mut config = postgres::Config::from_str(&driver_text)
            .map_err(|e| ServerError::Address(format!("{}: {e}", without_password(text))))?;
        // A server that drops packets fails in seconds, not after the system's two minutes
        // (an address's own connect_timeout wins).
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(std::time::Duration::from_secs(10));
        }
        if config.get_password().is_some() {
            return Err(password_in_address());
        }
        if config.get_user().is_none() {
            return Err(ServerError::Address(format!(
                "{text} names no user (postgres://user@host/dbname)"
            )));
        }
        if config.get_dbname().is_none() {
            return Err(ServerError::Address(format!(
                "{text} names no database (postgres://user@host/dbname)"
            )));
        }
        Ok(ServerAddress {
            text: text.to_string(),
            config,
            ssl,
            root_cert,
        })
    }

    /// The user the address names.
    pub fn user(&self) -> &str {
        self.config.get_user().unwrap_or_default()
    }

    /// The database the address names.
    pub fn dbname(&self) -> &str {
        self.config.get_dbname().unwrap_or_default()
    }

    /// The first host, as the password file matches it (`localhost` for a socket folder).
    pub fn host(&self) -> String {
        match self.config.get_hosts().first() {
            Some(postgres::config::Host::Tcp(h)) => h.clone(),
            #[cfg(unix)]
            Some(postgres::config::Host::Unix(_)) | None => "localhost".into(),
            #[cfg(not(unix))]
            None => "localhost".into(),
        }
    }

    /// The first port (5432 when none is named).
    pub fn port(&self) -> u16 {
        self.config.get_ports().first().copied().unwrap_or(5432)
    }

    /// The password from the environment or the password file, if either has one.
    pub fn stored_password(&self) -> Option<String> {
        // As libpq: an empty PGPASSWORD is no password.
        if let Ok(p) = std::env::var("PGPASSWORD")
            && !p.is_empty()
        {
            return Some(p);
        }
        let file = password_file()?;
        let text = std::fs::read_to_string(&file).ok()?;
        if !private(&file) {
            // As libpq: a file others can read is not used.
            return None;
        }
        password_from_file(&text, &self.host(), self.port(), self.dbname(), self.user())
    }
}

fn password_in_address() -> ServerError {
    ServerError::Address(
        "a password in the address is refused (the process list, the shell's history and saved \
         settings would show it): set PGPASSWORD, put it in ~/.pgpass, or let pantau ask for it"
            .into(),
    )
}

/// `PGPASSFILE`, else `~/.pgpass`.
fn password_file() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PGPASSFILE") {
        return Some(PathBuf::from(p));
    }
    directories::BaseDirs::new().map(|d| d.home_dir().join(".pgpass"))
}

#[cfg(unix)]
fn private(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .map(|m| m.permissions().mode() & 0o077 == 0)
        .unwrap_or(false)
}

#[cfg(not(unix))]
fn private(_path: &Path) -> bool {
    true
}

/// The password of the first line of a password file (`host:port:db:user:password`, `*`
/// matching anything, `\:` and `\\` escaped) that matches. Written by hand: the format is five
/// fields and two escapes (PostgreSQL's "The Password File"), and no maintained crate reads it.
pub fn password_from_file(
    text: &str,
    host: &str,
    port: u16,
    dbname: &str,
    user: &str,
) -> Option<String> {
    let port = port.to_string();
    for line in text.lines() {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields = split_fields(line);
        if fields.len() != 5 {
            continue;
        }
        let matches = |field: &str, value: &str| field == "*" || field == value;
        if matches(&fields[0], host)
            && matches(&fields[1], &port)
            && matches(&fields[2], dbname)
            && matches(&fields[3], user)
        {
            return Some(fields[4].clone());
        }
    }
    None
}

fn split_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(next), Some(f)) = (chars.next(), fields.last_mut()) {
                    f.push(next);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => {
                if let Some(f) = fields.last_mut() {
                    f.push(c);
                }
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_with_a_password_is_refused() {
        for text in [
            "postgres://ana:secret@localhost/news",
            "postgres://ana@localhost/news?password=secret",
            // An address the driver cannot parse must not be repeated with its password.
            "postgres://ana:secret@localhost:notaport/news",
            "postgres://ana:secret@localhost/news?sslcert=x",
            // A password holding '/' or '?', which end the host part of an address.
            "postgres://ana:sec/ret-secret@localhost:54x/news",
            "postgres://ana:se?cret-secret@localhost/news",
        ] {
            let err = ServerAddress::parse(text).expect_err(text).to_string();
            assert!(err.contains("PGPASSWORD"), "{err}");
            assert!(!err.contains("secret"), "{err}");
        }
    }

    #[test]
    fn a_password_is_left_out_of_what_is_shown() {
        assert_eq!(
            without_password("postgres://ana:s/e?c@ret@host:5432/db?sslmode=require"),
            "postgres://ana@host:5432/db?sslmode=require"
        );
        assert_eq!(
            without_password("postgres://ana@host/db"),
            "postgres://ana@host/db"
        );
        assert_eq!(without_password("/tmp/news.db"), "/tmp/news.db");
    }

    #[test]
    fn the_parts_of_an_address() {
        let a = ServerAddress::parse("postgres://ana@db.example.org:6543/news?sslmode=verify-full")
            .expect("parse");
        assert_eq!(
            (a.user(), a.dbname(), a.host(), a.port(), a.ssl),
            (
                "ana",
                "news",
                "db.example.org".into(),
                6543,
                SslMode::VerifyFull
            )
        );
        let b = ServerAddress::parse("postgresql://ana@localhost/news").expect("parse");
        assert_eq!((b.port(), b.ssl), (5432, SslMode::Prefer));
        assert!(ServerAddress::parse("postgres://ana@localhost/news?sslmode=maybe").is_err());
        assert!(ServerAddress::parse("postgres://localhost/news").is_err());
        assert!(ServerAddress::parse("postgres://ana@localhost").is_err());
        assert!(!is_server_address("/home/ana/news.db"));
    }

    #[test]
    fn the_password_file_matches_fields_wildcards_and_escapes() {
        let file = "# team server\n\
                    db.example.org:5432:news:ana:first\n\
                    *:*:*:budi:b\\:c\\\\d\n\
                    localhost:55432:*:ana:local\n";
        let find = |h, p, d, u| password_from_file(file, h, p, d, u);
        assert_eq!(
            find("db.example.org", 5432, "news", "ana").as_deref(),
            Some("first")
        );
        assert_eq!(find("db.example.org", 5432, "other", "ana"), None);
        assert_eq!(find("anywhere", 1, "x", "budi").as_deref(), Some("b:c\\d"));
        assert_eq!(
            find("localhost", 55432, "news", "ana").as_deref(),
            Some("local")
        );
        assert_eq!(find("localhost", 5432, "news", "ana"), None);
    }
}
