//! `pantau import`.

use super::{say, shown};
use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use pantau::i18n::{decimal, num, text, tr_with};
use pantau::pipeline::{ImportOptions, import_paths, prepare_matcher};
use pantau::store::Store;
use pantau::tagging::MatcherOptions;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

/// Arguments of `pantau import`.
#[derive(clap::Args)]
pub struct ImportArgs {
    /// Files and folders to import (folders recursively).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Refuse files larger than this many megabytes.
    #[arg(long, default_value_t = 64)]
    max_file_mb: u64,
    /// Read an article field from this record field or column, before the usual names:
    /// `--field text=body_html --field date=meta.published` (title, text, date, url, source,
    /// id, language, byline, editor, section; a dotted name looks inside objects).
    #[arg(long = "field", value_name = "FIELD=NAME")]
    fields: Vec<String>,
    /// Worker threads (0 = one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// Count capitals and major cities for their country (via = place; saved as the
    /// database's setting, used when neither flag is given).
    #[arg(long, conflicts_with = "no_places")]
    places: bool,
    /// Do not count capitals and major cities (saved as the database's setting).
    #[arg(long)]
    no_places: bool,
}

pub fn run(db: &Path, args: ImportArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open(db)?;
    import_into(store, &db.display().to_string(), args)
}

/// `pantau --db postgres://… import`: the same import into a server's database, beside other
/// imports into it (each article is stored once).
pub fn run_server(address: &str, args: ImportArgs) -> anyhow::Result<ExitCode> {
    let mut server = super::copy::connect(address)?;
    server.require_write("import")?;
    import_into(Store::on_server(server), address, args)
}

fn import_into(mut store: Store, name: &str, args: ImportArgs) -> anyhow::Result<ExitCode> {
    let include_places = super::retag::places_setting(&mut store, args.places, args.no_places)?;
    let matcher = prepare_matcher(&mut store, MatcherOptions { include_places })
        .with_context(|| say("clierr-preparing-dictionary", &[]))?;
    let mut options = ImportOptions::default();
    options.ingest.max_file_bytes = args.max_file_mb.saturating_mul(1024 * 1024);
    options.threads = args.threads;
    for spec in &args.fields {
        options
            .ingest
            .fields
            .add(spec)
            .map_err(|e| anyhow::anyhow!("--field {e}"))?;
    }
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} files, {msg} [{elapsed}]")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let cancel = AtomicBool::new(false);
    let report = import_paths(&mut store, &matcher, &args.paths, &options, &cancel, |p| {
        // Called per file by the writer, and while a big file is read: the bar moves every 64
        // files, at the end, and with a big file's records.
        if p.files_done % 64 == 0 || p.files_done == p.files_total || p.records_total > 0 {
            bar.set_length(p.files_total as u64);
            bar.set_position(p.files_done as u64);
            bar.set_message(match (p.records_done * 100).checked_div(p.records_total) {
                Some(percent) => say(
                    "cli-progress-file",
                    &[
                        ("articles", num(p.counts.articles_added as f64)),
                        ("percent", num(percent as f64)),
                        ("path", shown(&p.current)),
                    ],
                ),
                None => say(
                    "cli-progress",
                    &[("articles", num(p.counts.articles_added as f64))],
                ),
            });
        }
    })
    .with_context(|| say("clierr-importing", &[("path", text(name.to_string()))]))?;
    bar.finish_and_clear();
    let c = report.counts;
    // Human messages in the system's language (LC_ALL / LC_MESSAGES / LANG).
    let lang = super::lang();
    let n = |x: u64| num(x as f64);
    println!(
        "{}",
        tr_with(
            lang,
            "cli-import-summary",
            &[
                ("files", n(c.files_read)),
                ("failed", n(c.files_failed)),
                ("added", n(c.articles_added)),
                ("duplicates", n(c.duplicates)),
                ("undated", n(c.undated)),
                ("mentions", n(c.mentions_added)),
                ("seconds", decimal(lang, report.elapsed.as_secs_f64(), 2)),
            ],
        )
    );
    let line = |id: &str, f: &pantau::pipeline::FailedImport| {
        tr_with(
            lang,
            id,
            &[
                ("path", shown(&f.path)),
                ("reason", text(f.reason_in(lang))),
            ],
        )
    };
    for w in &report.warnings {
        println!("{}", line("cli-warning", w));
    }
    for f in &report.failed {
        println!("{}", line("cli-failed", f));
    }
    for f in &report.not_imported {
        println!("{}", line("cli-not-imported", f));
    }
    if report.not_started > 0 {
        println!(
            "{}",
            tr_with(
                lang,
                "cli-not-started",
                &[("count", n(report.not_started as u64))]
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}
