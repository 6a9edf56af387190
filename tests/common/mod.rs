//! What the integration tests share: a throw-away database on the test server
//! (`.ci/pg-start` exports `PANTAU_TEST_PG`, the superuser's address, and `PGPASSWORD`), and a
//! store on either backend for the suites that run on both.
#![allow(dead_code)]

use pantau::store::{Location, Store};
use std::sync::atomic::{AtomicU32, Ordering};

/// The superuser's address, or `None` (with a notice) when no server is set up.
pub fn server() -> Option<String> {
    match std::env::var("PANTAU_TEST_PG") {
        Ok(a) if !a.is_empty() => Some(a),
        _ => {
            assert!(
                std::env::var("PANTAU_REQUIRE_PG").as_deref() != Ok("1"),
                "PANTAU_REQUIRE_PG=1 but PANTAU_TEST_PG is not set: run eval \"$(.ci/pg-start)\""
            );
            eprintln!("no PostgreSQL server (PANTAU_TEST_PG): skipped");
            None
        }
    }
}

/// A database of its own on the server, dropped with the value.
pub struct TestDb {
    pub admin: String,
    pub name: String,
}

impl TestDb {
    pub fn new(admin: &str, tag: &str) -> TestDb {
        TestDb::with_options(admin, tag, "")
    }

    /// A database whose text sorts by a language's rules (ICU's English), as many servers'
    /// do: pantau's answers must not depend on it.
    pub fn collated(admin: &str, tag: &str) -> TestDb {
        TestDb::with_options(
            admin,
            tag,
            " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'",
        )
    }

    pub fn with_options(admin: &str, tag: &str, options: &str) -> TestDb {
        let name = format!("pantau_test_{tag}_{}", std::process::id());
        let mut c = client(admin);
        c.batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
            .expect("drop old");
        c.batch_execute(&format!("CREATE DATABASE {name}{options}"))
            .expect("create database");
        TestDb {
            admin: admin.to_string(),
            name,
        }
    }

    /// The address of this database as `user`.
    pub fn address(&self, user: &str) -> String {
        address_of(&self.admin, user, &self.name)
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let mut c = client(&self.admin);
        let _ = c.batch_execute(&format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        ));
    }
}

/// `admin` with another user and database.
pub fn address_of(admin: &str, user: &str, db: &str) -> String {
    let (scheme, rest) = admin.split_once("://").expect("scheme");
    let (_, hostpart) = rest.split_once('@').expect("user@");
    let (host, query) = hostpart.split_once('/').expect("/db");
    let query = query
        .split_once('?')
        .map(|(_, q)| format!("?{q}"))
        .unwrap_or_default();
    format!("{scheme}://{user}@{host}/{db}{query}")
}

pub fn client(address: &str) -> postgres::Client {
    let (base, _) = address.split_once('?').unwrap_or((address, ""));
    let mut config: postgres::Config = base.parse().expect("address");
    config.password(std::env::var("PGPASSWORD").unwrap_or_default());
    config.connect(postgres::NoTls).expect("connect")
}

/// A role (`tag` and the process id) that may log in to `db` with `password` and only read
/// it: SELECT on every table there now.
pub fn reader_role(db: &TestDb, tag: &str, password: &str) -> String {
    let role = format!("{tag}_{}", std::process::id());
    client(&db.address("pantau"))
        .batch_execute(&format!(
            "DROP ROLE IF EXISTS {role};
             CREATE ROLE {role} LOGIN PASSWORD '{}';
             GRANT CONNECT ON DATABASE {} TO {role};
             GRANT USAGE ON SCHEMA public TO {role};
             GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role};",
            password.replace('\'', "''"),
            db.name
        ))
        .expect("a reader's role");
    role
}

/// The engine a suite's test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// A SQLite file in a temporary folder.
    File,
    /// A database of its own on the test server.
    Server,
}

/// A fresh pantau database on `on`, with a temporary folder for the test's files; `None`
/// (the test passes, saying so) on a server when none is set up and none is required.
pub fn store(on: Backend, tag: &str) -> Option<TestStore> {
    let dir = tempfile::tempdir().expect("tempdir");
    let (at, db) = match on {
        Backend::File => (Location::File(dir.path().join("news.db")), None),
        Backend::Server => {
            let admin = server()?;
            // Unique within the process: one suite's tests run at once.
            static NEXT: AtomicU32 = AtomicU32::new(0);
            let short: String = tag
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .take(24)
                .collect();
            // With a language's collation and case rules (ICU's English), as many servers
            // have: in the C locale a server's lower() and sort order hide what differs.
            let db = TestDb::collated(
                &admin,
                &format!("{short}_{}", NEXT.fetch_add(1, Ordering::Relaxed)),
            );
            let at = Location::parse(&db.address("pantau")).expect("address");
            (at, Some(db))
        }
    };
    Some(TestStore {
        store: at.open().expect("open"),
        at,
        on,
        dir,
        _db: db,
    })
}

/// A store of a suite's test, with what it lives in (dropped after the store).
pub struct TestStore {
    pub store: Store,
    pub at: Location,
    pub on: Backend,
    pub dir: tempfile::TempDir,
    _db: Option<TestDb>,
}

impl TestStore {
    /// Closes the store and opens the same database again (a restart of pantau).
    pub fn reopen(&mut self) {
        self.store = self.at.open().expect("reopen");
    }

    /// Another connection to the same database (a second process).
    pub fn another(&self) -> Store {
        self.at.open().expect("open again")
    }
}

impl std::ops::Deref for TestStore {
    type Target = Store;
    fn deref(&self) -> &Store {
        &self.store
    }
}

impl std::ops::DerefMut for TestStore {
    fn deref_mut(&mut self) -> &mut Store {
        &mut self.store
    }
}

/// Runs each named test, a `fn(Backend)`, on a file (`on_file::name`) and on a server
/// (`on_server::name`): one suite, run twice.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod on_file {
            $(#[test]
            fn $name() {
                super::$name($crate::common::Backend::File)
            })*
        }
        mod on_server {
            $(#[test]
            fn $name() {
                super::$name($crate::common::Backend::Server)
            })*
        }
    };
}
