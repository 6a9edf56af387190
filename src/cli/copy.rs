//! `pantau copy --from A --to B`: a whole corpus between a local database and a PostgreSQL
//! server, either way, with each table's rows counted on both sides at the end.

use super::say;
use indicatif::{ProgressBar, ProgressStyle};
use pantau::i18n::{decimal, num, text};
use pantau::store::server::{self, ServerAddress, ServerStore, copy};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `pantau copy`.
#[derive(clap::Args)]
pub struct CopyArgs {
    /// The database to copy: a file, or postgres://user@host/dbname.
    #[arg(long)]
    from: String,
    /// Where to copy it: a new file, or an empty database on a server.
    #[arg(long)]
    to: String,
}

/// Asks for a server's password on the terminal (never echoed), when it is one.
pub fn ask_password(address: &ServerAddress) -> Option<String> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() {
        return None;
    }
    let prompt = say(
        "cli-password-prompt",
        &[
            ("user", text(address.user().to_string())),
            ("host", text(address.host())),
        ],
    );
    rpassword::prompt_password(prompt).ok()
}

/// Connects to a server for the command line: the password from the environment, the
/// password file or a prompt.
pub fn connect(address: &str) -> anyhow::Result<ServerStore> {
    let address = ServerAddress::parse(address)?;
    Ok(ServerStore::connect(&address, &mut ask_password)?)
}

pub fn run(args: CopyArgs) -> anyhow::Result<ExitCode> {
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template(&say("cli-copy-bar", &[]))
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    let mut progress = |table: &str, rows: u64| {
        bar.set_message(table.to_string());
        bar.set_position(rows);
    };
    let started = Instant::now();
    let report = match (
        server::is_server_address(&args.from),
        server::is_server_address(&args.to),
    ) {
        (false, true) => {
            let mut to = connect(&args.to)?;
            copy::local_to_server(&PathBuf::from(&args.from), &mut to, &mut progress)?
        }
        (true, false) => {
            let mut from = connect(&args.from)?;
            copy::server_to_local(&mut from, &PathBuf::from(&args.to), &mut progress)?
        }
        _ => {
            bar.finish_and_clear();
            anyhow::bail!("{}", say("clierr-copy-sides", &[]));
        }
    };
    bar.finish_and_clear();
    for (table, rows) in &report.tables {
        println!("{table:<16} {rows:>12}");
    }
    println!(
        "{}",
        say(
            "cli-copy-summary",
            &[
                ("from", text(args.from.clone())),
                ("to", text(args.to.clone())),
                ("articles", num(report.rows("articles") as f64)),
                ("mentions", num(report.rows("mentions") as f64)),
                (
                    "seconds",
                    decimal(super::lang(), started.elapsed().as_secs_f64(), 1)
                ),
            ]
        )
    );
    Ok(ExitCode::SUCCESS)
}
