//! Where a database is: a file, or a database on a PostgreSQL server. The window and its
//! background jobs hold a [`Location`] and open a [`Store`] from it on each thread; a password
//! the user typed lives here, in memory only (never in the address, the settings or a message).

use super::server::{ServerAddress, ServerStore, is_server_address};
use super::{IdleConnections, Result, Store};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A database file or a server's database.
#[derive(Clone, PartialEq)]
pub enum Location {
    /// A SQLite file.
    File(PathBuf),
    /// A database on a PostgreSQL server.
    Server(ServerLogin),
}

/// A server's address and the password typed for it (none: `PGPASSWORD` or the password file
/// give it, or the server asks for none).
#[derive(Clone)]
pub struct ServerLogin {
    // Shared: a location is cloned for every background query.
    address: Arc<ServerAddress>,
    password: Option<Arc<str>>,
    /// Connections of this login no store uses, shared by its clones.
    idle: IdleConnections,
}

impl PartialEq for ServerLogin {
    /// The same server and database (the password is not compared).
    fn eq(&self, other: &Self) -> bool {
        self.address.to_string() == other.address.to_string()
    }
}

impl std::fmt::Debug for ServerLogin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServerLogin")
            .field("address", &self.address.to_string())
            .field("password", &self.password.as_ref().map(|_| "(typed)"))
            .finish()
    }
}

impl std::fmt::Debug for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::File(path) => f.debug_tuple("File").field(path).finish(),
            Location::Server(login) => f.debug_tuple("Server").field(login).finish(),
        }
    }
}

impl std::fmt::Display for Location {
    /// The file's path or the server's address (which never holds a password).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::File(path) => write!(f, "{}", path.display()),
            Location::Server(login) => write!(f, "{}", login.address),
        }
    }
}

impl ServerLogin {
    /// `address` with `password` (none: from the environment or the password file).
    pub fn new(address: ServerAddress, password: Option<String>) -> ServerLogin {
        ServerLogin {
            address: Arc::new(address),
            password: password.filter(|p| !p.is_empty()).map(Arc::from),
            idle: Default::default(),
        }
    }

    /// The server's address.
    pub fn address(&self) -> &ServerAddress {
        &self.address
    }

    /// Connects with the password typed, else `PGPASSWORD` or the password file; a password
    /// the server wants and none gave is asked of `ask`, and kept for the next connections
    /// once accepted.
    pub fn connect(
        &mut self,
        ask: &mut dyn FnMut(&ServerAddress) -> Option<String>,
    ) -> Result<ServerStore> {
        let mut asked = None;
        let server =
            ServerStore::connect_typed(&self.address, self.password.as_deref(), &mut |address| {
                let p = ask(address);
                asked.clone_from(&p);
                p
            })?;
        if let Some(p) = asked.filter(|p| !p.is_empty()) {
            self.password = Some(Arc::from(p));
        }
        Ok(server)
    }

    /// A store on an idle connection of this login that still answers, or on a new one.
    fn store(&self) -> Result<Store> {
        loop {
            let taken = self.idle.lock().ok().and_then(|mut idle| idle.pop());
            match taken {
                Some(mut server) => {
                    if server.answers() {
                        return Ok(Store::on_server_from(server, Some(self.idle.clone())));
                    }
                }
                None => break,
            }
        }
        Ok(Store::on_server_from(
            self.connect_quietly()?,
            Some(self.idle.clone()),
        ))
    }

    fn connect_quietly(&self) -> Result<ServerStore> {
        Ok(ServerStore::connect_typed(
            &self.address,
            self.password.as_deref(),
            &mut |_| None,
        )?)
    }
}

impl From<PathBuf> for Location {
    fn from(path: PathBuf) -> Location {
        Location::File(path)
    }
}

impl From<&Path> for Location {
    fn from(path: &Path) -> Location {
        Location::File(path.to_path_buf())
    }
}

impl Location {
    /// A server when `text` is a `postgres://` address, else a file.
    pub fn parse(text: &str) -> Result<Location> {
        if is_server_address(text) {
            Ok(Location::Server(ServerLogin::new(
                ServerAddress::parse(text)?,
                None,
            )))
        } else {
            Ok(Location::File(PathBuf::from(text)))
        }
    }

    /// Opens the database (a file is created and set up when missing; a server's database is
    /// brought to this pantau's schema).
    pub fn open(&self) -> Result<Store> {
        match self {
            Location::File(path) => Store::open(path),
            Location::Server(login) => login.store(),
        }
    }

    /// Opens the database to change it as `action` ("import", "edit the dictionary"…): on a
    /// server, refused naming the right the role lacks before anything is done.
    pub fn open_to_write(&self, action: &str) -> Result<Store> {
        match self {
            Location::File(path) => Store::open(path),
            Location::Server(login) => {
                let store = login.store()?;
                store.require_write(action)?;
                Ok(store)
            }
        }
    }

    /// The file, when the database is one.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Location::File(path) => Some(path),
            Location::Server(_) => None,
        }
    }

    /// The server's login, when the database is on one.
    pub fn server(&self) -> Option<&ServerLogin> {
        match self {
            Location::File(_) => None,
            Location::Server(login) => Some(login),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_location_shows_no_password() {
        let address = ServerAddress::parse("postgres://ana@db.example/news").expect("address");
        let login = ServerLogin::new(address, Some("s3cret-words".into()));
        let at = Location::Server(login);
        assert_eq!(at.to_string(), "postgres://ana@db.example/news");
        assert!(!format!("{at:?}").contains("s3cret"), "{at:?}");
        assert!(at.file().is_none());
    }

    #[test]
    fn a_location_is_a_file_unless_it_is_a_server_address() {
        let file = Location::parse("/tmp/news.db").expect("file");
        assert_eq!(file.file(), Some(Path::new("/tmp/news.db")));
        let server = Location::parse("postgresql://ana@db.example/news").expect("server");
        assert!(server.server().is_some());
        assert!(Location::parse("postgres://ana:pw@db.example/news").is_err());
    }
}
