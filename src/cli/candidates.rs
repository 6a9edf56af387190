//! `pantau candidates`: frequent names and acronyms no actor covers.

use super::{say, shown};
use anyhow::Context;
use pantau::curation::candidates::{CandidateKind, find_candidates};
use pantau::pipeline::prepare_matcher;
use pantau::store::Store;
use pantau::tagging::MatcherOptions;
use std::path::Path;
use std::process::ExitCode;

/// Arguments of `pantau candidates`.
#[derive(clap::Args)]
pub struct CandidatesArgs {
    /// Only names found in at least this many articles.
    #[arg(long, default_value_t = 3)]
    min_count: u64,
    /// Print at most this many.
    #[arg(long, default_value_t = 50)]
    limit: usize,
}

pub fn run(db: &Path, args: CandidatesArgs) -> anyhow::Result<ExitCode> {
    if !db.exists() {
        anyhow::bail!("{}", say("clierr-no-database", &[("path", shown(db))]));
    }
    candidates_in(Store::open(db)?, args)
}

/// `pantau --db postgres://… candidates`.
pub fn run_server(address: &str, args: CandidatesArgs) -> anyhow::Result<ExitCode> {
    candidates_in(Store::on_server(super::copy::connect(address)?), args)
}

fn candidates_in(mut store: Store, args: CandidatesArgs) -> anyhow::Result<ExitCode> {
    let include_places = store.include_places()?;
    let matcher = prepare_matcher(&mut store, MatcherOptions { include_places })
        .with_context(|| say("clierr-preparing-dictionary", &[]))?;
    let found = find_candidates(&store, &matcher, args.min_count, args.limit)?;
    println!("articles\toccurrences\tkind\tcandidate\texamples");
    for c in found {
        let kind = match c.kind {
            CandidateKind::Name => "name",
            CandidateKind::Acronym => "acronym",
        };
        println!(
            "{}\t{}\t{}\t{}\t{}",
            c.articles,
            c.occurrences,
            kind,
            c.text,
            c.examples.join(" | ")
        );
    }
    Ok(ExitCode::SUCCESS)
}
