//! `pantau stats`.

use super::{say, shown};
use pantau::i18n::{num, text};
use pantau::store::{Stats, Store};
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
        anyhow::bail!("{}", say("clierr-no-database", &[("path", shown(db))]));
    }
    let store = Store::open(db)?;
    print(&store.stats()?, &args)
}

/// `pantau --db postgres://… stats`: the same counts of a server's database (a role that may
/// only read can ask).
pub fn run_server(address: &str, args: StatsArgs) -> anyhow::Result<ExitCode> {
    let mut server = super::copy::connect(address)?;
    let code = print(&server.stats()?, &args)?;
    if !args.json
        && let Some(job) = server.running_job()?
    {
        println!("{}", say("cli-stats-job", &[("job", text(job))]));
    }
    Ok(code)
}

fn print(s: &Stats, args: &StatsArgs) -> anyhow::Result<ExitCode> {
    if args.json {
        println!("{}", serde_json::to_string_pretty(s)?);
        return Ok(ExitCode::SUCCESS);
    }
    let n = |x: u64| num(x as f64);
    let line = |id: &str, x: u64| println!("{}", say(id, &[("count", n(x))]));
    line("cli-stats-articles", s.articles);
    line("cli-stats-mentions", s.mentions);
    line("cli-stats-actors", s.actors_seen);
    line("cli-stats-undated", s.undated);
    line("cli-stats-duplicates", s.duplicates);
    for (lang, count) in &s.per_language {
        println!(
            "{}",
            say(
                "cli-stats-language",
                &[
                    ("language", text(format!("{lang:<5}"))),
                    ("count", n(*count))
                ]
            )
        );
    }
    line("cli-stats-failed", s.failed_files.len() as u64);
    for f in &s.failed_files {
        println!("  {}: {}", f.path, f.error);
    }
    Ok(ExitCode::SUCCESS)
}
