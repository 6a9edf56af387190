//! Command-line interface: `pantau import|export|stats|tag|retag|dictionary|candidates`, or the
//! window with no command.

mod candidates;
mod dictionary;
mod export;
mod import;
mod retag;
mod stats;
mod tag;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// pantau: import news articles, tag countries and organizations, chart and export them.
#[derive(Parser)]
#[command(name = "pantau", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Database for the window (default: pantau.db in the user's data folder).
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
}

/// Parses the command line and runs it.
pub fn run() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    let db = cli.db.unwrap_or_else(pantau::pipeline::default_database);
    match cli.command {
        Some(Command::Import(args)) => import::run(&db, args),
        Some(Command::Export(cmd)) => export::run(&db, cmd),
        Some(Command::Stats(args)) => stats::run(&db, args),
        Some(Command::Tag(args)) => tag::run(args),
        Some(Command::Retag(args)) => retag::run(&db, args),
        Some(Command::Dictionary(cmd)) => dictionary::run(&db, cmd),
        Some(Command::Candidates(args)) => candidates::run(&db, args),
        None => window(&db),
    }
}

#[cfg(feature = "gui")]
fn window(db: &std::path::Path) -> anyhow::Result<ExitCode> {
    pantau::ui::run_window(db.to_path_buf())
        .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "gui"))]
fn window(_db: &std::path::Path) -> anyhow::Result<ExitCode> {
    eprintln!(
        "pantau was built without the window (feature `gui`); see `pantau --help` for the commands."
    );
    Ok(ExitCode::from(2))
}
