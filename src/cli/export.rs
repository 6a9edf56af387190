//! `pantau export`.

use super::{say, shown};
use anyhow::Context;
use chrono::NaiveDate;
use pantau::analysis::{Bin, Filter, Window};
use pantau::export::{
    CsvOptions, ExportError, ExportFilter, write_articles_csv_filtered, write_cooccurrence_csv,
    write_mentions_csv_filtered, write_network_gexf, write_timeline_csv,
};
use pantau::i18n::{num, text};
use pantau::model::{ActorKind, Language, Prominence};
use pantau::store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What to export.
#[derive(clap::Subcommand)]
pub enum ExportCommand {
    /// One row per mention.
    Mentions(TableArgs),
    /// One row per article.
    Articles(TableArgs),
    /// Timeline: one row per bin and actor.
    Timeline(TimelineArgs),
    /// Co-occurrence: one row per pair of actors.
    Cooccurrence(PairArgs),
    /// The actor network as GEXF 1.3 (for Gephi).
    Network(PairArgs),
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

/// Which articles and actors to export (shared by every export).
#[derive(clap::Args, Debug, Clone, Default)]
pub struct FilterArgs {
    /// First day (YYYY-MM-DD), inclusive; undated articles are left out when set.
    #[arg(long)]
    from: Option<NaiveDate>,
    /// Last day (YYYY-MM-DD), inclusive.
    #[arg(long)]
    to: Option<NaiveDate>,
    /// Languages to keep (id, en, other), comma-separated.
    #[arg(long, value_delimiter = ',', value_parser = parse_language)]
    language: Vec<Language>,
    /// Outlets to keep, comma-separated.
    #[arg(long, value_delimiter = ',')]
    source: Vec<String>,
    /// Actor kind to keep: country or organization.
    #[arg(long, value_parser = parse_kind)]
    kind: Option<ActorKind>,
    /// Full-text query (SQLite FTS5 syntax) over title and text.
    #[arg(long)]
    query: Option<String>,
    /// Actor codes, comma-separated.
    #[arg(long, value_delimiter = ',')]
    actors: Vec<String>,
    /// Count `articles` (every stored article) or `stories` (near-duplicate copies grouped:
    /// each story once, by its first article).
    #[arg(long, default_value = "articles", value_parser = parse_count)]
    count: Counting,
    /// Count only where an actor is named in the `headline`, in the headline or the `lead`
    /// (first paragraph), or `any` where.
    #[arg(long, default_value = "any", value_parser = parse_prominence)]
    prominence: Prominence,
}

/// A value a parser does not know, with the ones it does.
fn unknown(what: &str, value: &str, known: &str) -> String {
    say(
        "clierr-unknown-value",
        &[
            ("what", text(what.to_string())),
            ("value", text(format!("{value:?}"))),
            ("known", text(known.to_string())),
        ],
    )
}

fn parse_prominence(s: &str) -> Result<Prominence, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "any" | "body" => Ok(Prominence::Body),
        "lead" => Ok(Prominence::Lead),
        "headline" => Ok(Prominence::Headline),
        _ => Err(unknown("prominence", s, "headline, lead, any")),
    }
}

/// What the exports count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Counting {
    /// Every stored article.
    #[default]
    Articles,
    /// Each story once.
    Stories,
}

fn parse_count(s: &str) -> Result<Counting, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "articles" | "article" => Ok(Counting::Articles),
        "stories" | "story" => Ok(Counting::Stories),
        _ => Err(unknown("count", s, "articles, stories")),
    }
}

impl FilterArgs {
    fn filter(&self) -> Filter {
        Filter {
            from: self.from,
            to: self.to,
            languages: self.language.clone(),
            sources: self.source.clone(),
            kind: self.kind,
            query: self.query.clone(),
            stories: self.count == Counting::Stories,
            prominence: self.prominence,
        }
    }
}

fn parse_language(s: &str) -> Result<Language, String> {
    Language::parse(s).ok_or_else(|| unknown("language", s, "id, en, other"))
}

fn parse_kind(s: &str) -> Result<ActorKind, String> {
    ActorKind::parse(s).ok_or_else(|| unknown("kind", s, "country, organization"))
}

fn parse_bin(s: &str) -> Result<Bin, String> {
    Bin::parse(s).ok_or_else(|| unknown("bin", s, "day, week, month, year"))
}

fn parse_window(s: &str) -> Result<Window, String> {
    Window::parse(s).ok_or_else(|| unknown("window", s, "article, paragraph, sentence"))
}

/// A table export.
#[derive(clap::Args)]
pub struct TableArgs {
    #[command(flatten)]
    out: OutArgs,
    #[command(flatten)]
    filter: FilterArgs,
}

/// The timeline export.
#[derive(clap::Args)]
pub struct TimelineArgs {
    #[command(flatten)]
    out: OutArgs,
    /// Bin width: day, week, month or year.
    #[arg(long, default_value = "week", value_parser = parse_bin)]
    bin: Bin,
    #[command(flatten)]
    filter: FilterArgs,
}

/// The co-occurrence and network exports.
#[derive(clap::Args)]
pub struct PairArgs {
    #[command(flatten)]
    out: OutArgs,
    /// The unit two actors must share: article, paragraph or sentence.
    #[arg(long, default_value = "article", value_parser = parse_window)]
    window: Window,
    /// Fewest units with both actors for a pair to be kept.
    #[arg(long, default_value_t = 1)]
    min_support: u64,
    /// Keep only the N pairs with most units in common.
    #[arg(long)]
    top: Option<usize>,
    #[command(flatten)]
    filter: FilterArgs,
}

pub fn run(db: &Path, cmd: ExportCommand) -> anyhow::Result<ExitCode> {
    if !db.exists() {
        anyhow::bail!("{}", say("clierr-no-database", &[("path", shown(db))]));
    }
    let mut store = Store::open(db)?;
    // The search index may lag behind the articles (a database from an older pantau, a killed
    // import): catch it up so --query sees every article.
    store
        .index_new_articles()
        .with_context(|| say("clierr-indexing", &[]))?;
    let out_args = match &cmd {
        ExportCommand::Mentions(a) | ExportCommand::Articles(a) => &a.out,
        ExportCommand::Timeline(a) => &a.out,
        ExportCommand::Cooccurrence(a) | ExportCommand::Network(a) => &a.out,
    };
    let options = CsvOptions {
        excel_bom: out_args.excel,
    };
    let write = |w: &mut dyn Write| -> Result<u64, ExportError> {
        match &cmd {
            ExportCommand::Mentions(a) | ExportCommand::Articles(a) => {
                let scope = ExportFilter {
                    filter: a.filter.filter(),
                    actors: a.filter.actors.clone(),
                };
                if matches!(cmd, ExportCommand::Mentions(_)) {
                    write_mentions_csv_filtered(&store, w, options, &scope)
                } else {
                    write_articles_csv_filtered(&store, w, options, &scope)
                }
            }
            ExportCommand::Timeline(a) => write_timeline_csv(
                &store,
                w,
                options,
                &a.filter.actors,
                a.bin,
                &a.filter.filter(),
            ),
            ExportCommand::Cooccurrence(a) => write_cooccurrence_csv(
                &store,
                w,
                options,
                a.window,
                a.min_support,
                a.top,
                &a.filter.filter(),
            ),
            ExportCommand::Network(a) => write_network_gexf(
                &store,
                w,
                a.window,
                a.min_support,
                a.top,
                &a.filter.filter(),
            ),
        }
    };
    if out_args.out.as_os_str() == "-" {
        let stdout = std::io::stdout();
        let mut lock = stdout.lock();
        write(&mut lock)?;
    } else {
        let file = std::fs::File::create(&out_args.out)
            .with_context(|| say("clierr-creating", &[("path", shown(&out_args.out))]))?;
        let mut out = std::io::BufWriter::new(file);
        let n = write(&mut out)?;
        out.flush()
            .with_context(|| say("clierr-writing", &[("path", shown(&out_args.out))]))?;
        eprintln!(
            "{}",
            say(
                "cli-rows-written",
                &[("count", num(n as f64)), ("path", shown(&out_args.out))]
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}
