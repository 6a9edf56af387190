//! `pantau retag`: re-tag every stored article with the current dictionary and the user's edits.

use super::{say, shown};
use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use pantau::i18n::{decimal, num, text};
use pantau::pipeline::{prepare_matcher, retag};
use pantau::store::Store;
use pantau::tagging::MatcherOptions;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

/// Arguments of `pantau retag`.
#[derive(clap::Args)]
pub struct RetagArgs {
    /// Count capitals and major cities for their country (saved as the database's setting).
    #[arg(long, conflicts_with = "no_places")]
    places: bool,
    /// Do not count capitals and major cities (saved as the database's setting).
    #[arg(long)]
    no_places: bool,
}

/// The place roll-up: a flag overrides (and is saved), else the database's setting.
pub fn places_setting(store: &mut Store, places: bool, no_places: bool) -> anyhow::Result<bool> {
    if places || no_places {
        store.set_include_places(places)?;
        Ok(places)
    } else {
        Ok(store.include_places()?)
    }
}

pub fn run(db: &Path, args: RetagArgs) -> anyhow::Result<ExitCode> {
    if !db.exists() {
        anyhow::bail!("{}", say("clierr-no-database", &[("path", shown(db))]));
    }
    let store = Store::open(db)?;
    retag_in(store, &db.display().to_string(), args)
}

/// `pantau --db postgres://… retag`: one job others see; a second at once is refused.
pub fn run_server(address: &str, args: RetagArgs) -> anyhow::Result<ExitCode> {
    let mut server = super::copy::connect(address)?;
    server.require_write("retag")?;
    retag_in(Store::on_server(server), address, args)
}

fn retag_in(mut store: Store, name: &str, args: RetagArgs) -> anyhow::Result<ExitCode> {
    let include_places = places_setting(&mut store, args.places, args.no_places)?;
    let matcher = prepare_matcher(&mut store, MatcherOptions { include_places })
        .with_context(|| say("clierr-preparing-dictionary", &[]))?;
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template(&say("cli-retag-bar", &[]))
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let cancel = AtomicBool::new(false);
    let report = retag(&mut store, &matcher, &cancel, |done, total| {
        bar.set_length(total);
        bar.set_position(done);
    })
    .with_context(|| say("clierr-retagging", &[("path", text(name.to_string()))]))?;
    bar.finish_and_clear();
    println!(
        "{}",
        say(
            "cli-retag-summary",
            &[
                ("articles", num(report.articles as f64)),
                ("mentions", num(report.mentions as f64)),
                ("datelines", num(report.datelines as f64)),
                ("dictionary", text(matcher.dictionary_version().to_string())),
                (
                    "seconds",
                    decimal(super::lang(), report.elapsed.as_secs_f64(), 2)
                ),
            ]
        )
    );
    Ok(ExitCode::SUCCESS)
}
