//! `pantau tag`: mentions in files, printed, no database.

use pantau::ingest::{IngestOptions, read_file};
use pantau::tagging::{Dictionary, Matcher, MatcherOptions};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `pantau tag`.
#[derive(clap::Args)]
pub struct TagArgs {
    /// Files to tag.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Count capitals and major cities for their country (via = place).
    #[arg(long)]
    places: bool,
}

pub fn run(args: TagArgs) -> anyhow::Result<ExitCode> {
    let matcher = Matcher::new(
        &Dictionary::builtin()?,
        MatcherOptions {
            include_places: args.places,
        },
    )?;
    let mut failed = false;
    for path in &args.files {
        match read_file(path, &IngestOptions::default()) {
            Ok(file) => {
                for a in &file.articles {
                    println!(
                        "# {} | {} | {} | {} ({})",
                        path.display(),
                        a.title,
                        a.language,
                        a.published
                            .map(|d| d.date().to_string())
                            .unwrap_or_default(),
                        a.date_source
                    );
                    for m in matcher.find(&a.text, a.language) {
                        println!(
                            "{}\t{}\t{}\t{}\t{}",
                            m.actor_code, m.matched_text, m.via, m.start_char, m.end_char
                        );
                    }
                }
            }
            Err(e) => {
                eprintln!("{e}");
                failed = true;
            }
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
