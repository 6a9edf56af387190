//! Command-line interface: `pantau import|export|stats|tag|retag|dictionary|candidates`, or the
//! window with no command.

mod candidates;
mod copy;
mod dictionary;
mod export;
mod help;
mod import;
mod retag;
mod stats;
mod tag;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use pantau::i18n::{FluentValue, Lang, tr_with};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;

/// pantau: import news articles, tag countries and organizations, chart and export them.
#[derive(Parser)]
#[command(name = "pantau", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Database: a file (default: pantau.db in the user's data folder) or postgres://user@host/dbname.
    #[arg(long, global = true)]
    db: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Import article files and folders into the database.
    Import(import::ImportArgs),
    /// Export tagged data, timelines and co-occurrence as CSV, the actor network as GEXF.
    #[command(subcommand)]
    Export(export::ExportCommand),
    /// Print what the database holds.
    Stats(stats::StatsArgs),
    /// Print the mentions found in files, without a database.
    Tag(tag::TagArgs),
    /// Re-tag every stored article with the dictionary and the user's edits.
    Retag(retag::RetagArgs),
    /// Edit, export and import the dictionary of a database.
    #[command(subcommand)]
    Dictionary(dictionary::DictionaryCommand),
    /// List frequent names and acronyms that no actor covers.
    Candidates(candidates::CandidatesArgs),
    /// Copy a whole corpus between a database file and a PostgreSQL server.
    Copy(copy::CopyArgs),
}

/// The language of the command line's human messages: the system's (LC_ALL, LC_MESSAGES,
/// LANG). Output formats (CSV, TSV, JSON, the `tag` lines) do not change with it.
pub fn lang() -> Lang {
    static LANG: OnceLock<Lang> = OnceLock::new();
    *LANG.get_or_init(Lang::from_env)
}

/// A human message of the command line in [`lang`].
pub fn say(id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    tr_with(lang(), id, args)
}

/// A path as a message's placeable.
pub fn shown(path: &std::path::Path) -> FluentValue<'static> {
    pantau::i18n::text(path.display().to_string())
}

/// Parses the command line (help and parsing errors in [`lang`]) and runs it.
pub fn run() -> anyhow::Result<ExitCode> {
    let lang = lang();
    let matches = match help::localise(Cli::command(), lang).try_get_matches() {
        Ok(m) => m,
        Err(e) => return Ok(parse_failure(&e, lang)),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => return Ok(parse_failure(&e, lang)),
    };
    if let Some(address) = cli
        .db
        .as_deref()
        .and_then(|d| d.to_str())
        .filter(|d| pantau::store::server::is_server_address(d))
    {
        return on_server(address, cli.command);
    }
    let db = cli.db.unwrap_or_else(pantau::pipeline::default_database);
    match cli.command {
        Some(Command::Copy(args)) => copy::run(args),
        Some(Command::Import(args)) => import::run(&db, args),
        Some(Command::Export(cmd)) => export::run(&db, cmd),
        Some(Command::Stats(args)) => stats::run(&db, args),
        Some(Command::Tag(args)) => tag::run(args),
        Some(Command::Retag(args)) => retag::run(&db, args),
        Some(Command::Dictionary(cmd)) => dictionary::run(&db, cmd),
        Some(Command::Candidates(args)) => candidates::run(&db, args),
        None => window(pantau::store::Location::File(db)),
    }
}

/// A command on a server's database (every command runs there, the window too).
fn on_server(address: &str, command: Option<Command>) -> anyhow::Result<ExitCode> {
    // Parsed first: an address with a password is refused before anything repeats it.
    let parsed = pantau::store::server::ServerAddress::parse(address)?;
    let address = parsed.to_string();
    let address = address.as_str();
    match command {
        Some(Command::Stats(args)) => return stats::run_server(address, args),
        Some(Command::Copy(args)) => return copy::run(args),
        Some(Command::Tag(args)) => return tag::run(args),
        Some(Command::Import(args)) => return import::run_server(address, args),
        Some(Command::Retag(args)) => return retag::run_server(address, args),
        Some(Command::Dictionary(cmd)) => return dictionary::run_server(address, cmd),
        Some(Command::Export(cmd)) => return export::run_server(address, cmd),
        Some(Command::Candidates(args)) => return candidates::run_server(address, args),
        None => {}
    }
    // The window: connected here first, so that a password is asked at the terminal (as by
    // every command). When that fails (no terminal to ask on, a wrong password, a server
    // down), the window opens on the local database with Connect to server… offering the
    // address and saying why.
    let mut login = pantau::store::ServerLogin::new(parsed, None);
    match login.connect(&mut copy::ask_password) {
        Ok(server) => {
            drop(server);
            window(pantau::store::Location::Server(login))
        }
        Err(e) => window_offering(address, &e.to_string()),
    }
}

#[cfg(feature = "gui")]
fn window_offering(address: &str, why: &str) -> anyhow::Result<ExitCode> {
    let local = pantau::store::Location::File(pantau::pipeline::default_database());
    pantau::ui::run_window_offering(local, Some((address.to_string(), why.to_string()))).map_err(
        |e| {
            anyhow::anyhow!(
                "{}",
                say("clierr-window", &[("reason", e.to_string().into())])
            )
        },
    )?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "gui"))]
fn window_offering(_address: &str, why: &str) -> anyhow::Result<ExitCode> {
    anyhow::bail!("{why}")
}

#[cfg(feature = "gui")]
fn window(db: pantau::store::Location) -> anyhow::Result<ExitCode> {
    pantau::ui::run_window(db).map_err(|e| {
        anyhow::anyhow!(
            "{}",
            say("clierr-window", &[("reason", e.to_string().into())])
        )
    })?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "gui"))]
fn window(_db: pantau::store::Location) -> anyhow::Result<ExitCode> {
    eprintln!("{}", say("clierr-no-window", &[]));
    Ok(ExitCode::from(2))
}

/// Help, version, or a parsing error: printed as clap does (in English), or from the catalog.
fn parse_failure(e: &clap::Error, lang: Lang) -> ExitCode {
    match help::error_message(e, lang) {
        Some(msg) => {
            eprintln!(
                "{}",
                tr_with(lang, "clierr-prefix", &[("message", msg.into())])
            );
        }
        None => {
            let _ = e.print();
        }
    }
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}
