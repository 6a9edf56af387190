//! `pantau stats`.

use pantau::store::Store;
use std::path::Path;
use std::process::ExitCode;

/// Arguments of `pantau stats`.
#[derive(clap::Args)]
pub struct StatsArgs {
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

pub fn run(db: &Path, args: StatsArgs) -> anyhow::Result<ExitCode> {
    if !db.exists() {
        anyhow::bail!("no database at {}", db.display());
    }
    let store = Store::open(db)?;
    let s = store.stats()?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&s)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("articles     {}", s.articles);
    println!("mentions     {}", s.mentions);
    println!("actors seen  {}", s.actors_seen);
    println!("undated      {}", s.undated);
    println!("duplicates   {}", s.duplicates);
    for (lang, n) in &s.per_language {
        println!("language {lang:<5} {n}");
    }
    println!("failed files {}", s.failed_files.len());
    for f in &s.failed_files {
        println!("  {}: {}", f.path, f.error);
    }
    Ok(ExitCode::SUCCESS)
}
