//! `pantau export`.

use anyhow::Context;
use pantau::export::{CsvOptions, write_articles_csv, write_mentions_csv};
use pantau::store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What to export.
#[derive(clap::Subcommand)]
pub enum ExportCommand {
    /// One row per mention.
    Mentions(OutArgs),
    /// One row per article.
    Articles(OutArgs),
}

/// Where to write.
#[derive(clap::Args)]
pub struct OutArgs {
    /// Output file; `-` for standard output.
    #[arg(long)]
    out: PathBuf,
    /// Start with a UTF-8 byte-order mark so Excel reads the file as UTF-8.
    #[arg(long)]
    excel: bool,
}

type WriteFn = fn(&Store, &mut dyn Write, CsvOptions) -> Result<u64, pantau::export::ExportError>;

pub fn run(db: &Path, cmd: ExportCommand) -> anyhow::Result<ExitCode> {
    if !db.exists() {
        anyhow::bail!("no database at {}", db.display());
    }
    let store = Store::open(db)?;
    let (args, write): (&OutArgs, WriteFn) = match &cmd {
        ExportCommand::Mentions(a) => (a, |s, w, o| write_mentions_csv(s, w, o)),
        ExportCommand::Articles(a) => (a, |s, w, o| write_articles_csv(s, w, o)),
    };
    let options = CsvOptions {
        excel_bom: args.excel,
    };
    let rows = if args.out.as_os_str() == "-" {
        let stdout = std::io::stdout();
        let mut lock = stdout.lock();
        write(&store, &mut lock, options)?
    } else {
        let file = std::fs::File::create(&args.out)
            .with_context(|| format!("creating {}", args.out.display()))?;
        let mut out = std::io::BufWriter::new(file);
        let n = write(&store, &mut out, options)?;
        out.flush()
            .with_context(|| format!("writing {}", args.out.display()))?;
        eprintln!("{n} rows written to {}", args.out.display());
        n
    };
    let _ = rows;
    Ok(ExitCode::SUCCESS)
}
