//! `pantau export`.

use super::{say, shown};
use anyhow::Context;
use chrono::NaiveDate;
use pantau::analysis::{Bin, Filter, Window};
use pantau::export::{
    CsvOptions, ExportError, ExportFilter, Provenance, TableFormat, write_articles_csv_filtered,
    write_compare_csv, write_cooccurrence_csv, write_mentions_csv_filtered, write_network_gexf,
    write_outlets_csv, write_table_file, write_timeline_csv,
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
    Network(NetworkArgs),
    /// Two periods, outlets or languages compared: actors that rose and fell (G², p-value, log ratio), or with --pairs the pairs that appeared and vanished.
    Compare(CompareArgs),
    /// Outlets × actors: the articles of each outlet that mention each actor, and their share.
    Outlets(TableArgs),
    /// How an actor is framed: the words over-represented in the sentences that mention it, against the rest of the corpus (log-likelihood keyness).
    Profile(ProfileArgs),
    /// A chart for a report as SVG or PNG (by the file's extension), with its title, legend, axis labels and source line.
    #[command(subcommand)]
    Chart(ChartCommand),
}

/// The charts.
#[derive(clap::Subcommand)]
pub enum ChartCommand {
    /// The timeline of some actors (--actors; none = the 10 with most articles).
    Timeline(TimelineChartArgs),
    /// Outlets × actors as a heat map.
    Outlets(OutletsChartArgs),
    /// The most changed actors between two sides as diverging bars.
    Compare(CompareArgs),
    /// The actor network as laid out.
    Network(NetworkChartArgs),
}

/// The network chart.
#[derive(clap::Args)]
pub struct NetworkChartArgs {
    #[command(flatten)]
    out: OutArgs,
    #[command(flatten)]
    size: ChartSize,
    /// The unit two actors must share: article, paragraph or sentence.
    #[arg(long, default_value = "article", value_parser = parse_window)]
    window: Window,
    /// Fewest units with both actors for a pair to be kept.
    #[arg(long, default_value_t = 1)]
    min_support: u64,
    /// The actors with most articles kept as nodes.
    #[arg(long, default_value_t = 200)]
    max_nodes: usize,
    #[command(flatten)]
    filter: FilterArgs,
}

/// The size of a chart.
#[derive(clap::Args)]
pub struct ChartSize {
    /// Width in pixels.
    #[arg(long, default_value_t = 1200, value_parser = clap::value_parser!(u32).range(200..=10000))]
    width: u32,
    /// Height in pixels.
    #[arg(long, default_value_t = 700, value_parser = clap::value_parser!(u32).range(150..=10000))]
    height: u32,
}

/// The timeline chart.
#[derive(clap::Args)]
pub struct TimelineChartArgs {
    #[command(flatten)]
    out: OutArgs,
    #[command(flatten)]
    size: ChartSize,
    /// Bin width: day, week, month or year.
    #[arg(long, default_value = "week", value_parser = parse_bin)]
    bin: Bin,
    /// Plot each actor's share of the bin's articles instead of its articles.
    #[arg(long)]
    share: bool,
    #[command(flatten)]
    filter: FilterArgs,
}

/// The outlets chart.
#[derive(clap::Args)]
pub struct OutletsChartArgs {
    #[command(flatten)]
    out: OutArgs,
    #[command(flatten)]
    size: ChartSize,
    /// Outlets shown (those with most articles).
    #[arg(long, default_value_t = 20)]
    sources_shown: usize,
    /// Actors shown (those with most articles in those outlets).
    #[arg(long, default_value_t = 20)]
    actors_shown: usize,
    /// Shade by articles instead of by the share of the outlet's articles.
    #[arg(long)]
    by_articles: bool,
    #[command(flatten)]
    filter: FilterArgs,
}

/// The profile export.
#[derive(clap::Args)]
pub struct ProfileArgs {
    #[command(flatten)]
    out: OutArgs,
    /// Actor code.
    #[arg(long)]
    actor: String,
    /// Fewest occurrences in its sentences for a word to be kept.
    #[arg(long, default_value_t = 3)]
    min_count: u64,
    /// Most of its articles read (taken evenly; the provenance says how many were read).
    #[arg(long, default_value_t = 2000)]
    max_context_articles: usize,
    /// Most other articles read for the reference.
    #[arg(long, default_value_t = 2000)]
    max_reference_articles: usize,
    #[command(flatten)]
    filter: FilterArgs,
}

/// The network export.
#[derive(clap::Args)]
pub struct NetworkArgs {
    #[command(flatten)]
    pair: PairArgs,
    /// Write a dynamic network with one time spell per bin (day, week, month, year), which Gephi's timeline plays.
    #[arg(long, value_parser = parse_bin)]
    bin: Option<Bin>,
    /// With --bin: the actors with most articles kept as nodes.
    #[arg(long, default_value_t = 200)]
    max_nodes: usize,
}

/// The comparison export: the shared filter, then what sets side A apart from side B.
#[derive(clap::Args)]
pub struct CompareArgs {
    #[command(flatten)]
    out: OutArgs,
    /// Side A's first day (YYYY-MM-DD).
    #[arg(long)]
    a_from: Option<NaiveDate>,
    /// Side A's last day.
    #[arg(long)]
    a_to: Option<NaiveDate>,
    /// Side B's first day.
    #[arg(long)]
    b_from: Option<NaiveDate>,
    /// Side B's last day.
    #[arg(long)]
    b_to: Option<NaiveDate>,
    /// Side A's outlets, comma-separated.
    #[arg(long, value_delimiter = ',')]
    a_source: Vec<String>,
    /// Side B's outlets, comma-separated.
    #[arg(long, value_delimiter = ',')]
    b_source: Vec<String>,
    /// Side A's languages (id, en, other), comma-separated.
    #[arg(long, value_delimiter = ',', value_parser = parse_language)]
    a_language: Vec<Language>,
    /// Side B's languages, comma-separated.
    #[arg(long, value_delimiter = ',', value_parser = parse_language)]
    b_language: Vec<Language>,
    /// Write the pairs of actors that appeared and vanished instead of the actors.
    #[arg(long)]
    pairs: bool,
    /// The unit two actors must share: article, paragraph or sentence.
    #[arg(long, default_value = "article", value_parser = parse_window)]
    window: Window,
    /// Fewest units with both actors for a pair to be kept.
    #[arg(long, default_value_t = 1)]
    min_support: u64,
    #[command(flatten)]
    filter: FilterArgs,
}

impl CompareArgs {
    /// The two sides: the shared filter with each side's dates, outlets and languages.
    fn sides(&self) -> (Filter, Filter) {
        let base = self.filter.filter();
        let side = |from: Option<NaiveDate>,
                    to: Option<NaiveDate>,
                    sources: &[String],
                    languages: &[Language]| {
            let mut f = base.clone();
            f.from = from.or(base.from);
            f.to = to.or(base.to);
            if !sources.is_empty() {
                f.sources = sources.to_vec();
            }
            if !languages.is_empty() {
                f.languages = languages.to_vec();
            }
            f
        };
        (
            side(self.a_from, self.a_to, &self.a_source, &self.a_language),
            side(self.b_from, self.b_to, &self.b_source, &self.b_language),
        )
    }
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
    /// csv or xlsx (default: xlsx for a .xlsx file, else csv). A CSV file gets its provenance beside it in FILE.csv.json; a workbook has it as a sheet.
    #[arg(long, value_parser = parse_format)]
    format: Option<TableFormat>,
}

fn parse_format(s: &str) -> Result<TableFormat, String> {
    TableFormat::parse(s).ok_or_else(|| unknown("format", s, "csv, xlsx"))
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
    export_from(&store, &db.display().to_string(), cmd)
}

/// `pantau --db postgres://… export …`: the same tables and charts from a server's database.
pub fn run_server(address: &str, cmd: ExportCommand) -> anyhow::Result<ExitCode> {
    let server = super::copy::connect(address)?;
    export_from(&Store::on_server(server), address, cmd)
}

fn export_from(store: &Store, db_name: &str, cmd: ExportCommand) -> anyhow::Result<ExitCode> {
    if let ExportCommand::Chart(chart) = cmd {
        return run_chart(store, db_name, chart);
    }
    let (name, out_args, filter_args) = match &cmd {
        ExportCommand::Mentions(a) => ("mentions", &a.out, &a.filter),
        ExportCommand::Articles(a) => ("articles", &a.out, &a.filter),
        ExportCommand::Outlets(a) => ("outlets", &a.out, &a.filter),
        ExportCommand::Timeline(a) => ("timeline", &a.out, &a.filter),
        ExportCommand::Cooccurrence(a) => ("cooccurrence", &a.out, &a.filter),
        ExportCommand::Network(a) => ("network", &a.pair.out, &a.pair.filter),
        ExportCommand::Compare(a) => ("compare", &a.out, &a.filter),
        ExportCommand::Profile(a) => ("profile", &a.out, &a.filter),
        ExportCommand::Chart(_) => unreachable!("charts are drawn by run_chart"),
    };
    let options = CsvOptions {
        excel_bom: out_args.excel,
    };
    let mut provenance = Provenance::new(store, db_name, name, &filter_args.filter())?;
    if !filter_args.actors.is_empty() {
        provenance = provenance.with("actors", filter_args.actors.join(","));
    }
    match &cmd {
        ExportCommand::Timeline(a) => provenance = provenance.with("bin", a.bin.as_str()),
        ExportCommand::Network(n) => {
            let a = &n.pair;
            provenance = provenance
                .with("window", a.window.as_str())
                .with("min_support", a.min_support);
            if let Some(bin) = n.bin {
                provenance = provenance
                    .with("bin", bin.as_str())
                    .with("max_nodes", n.max_nodes);
            }
            if let Some(top) = a.top {
                provenance = provenance.with("top", top);
            }
        }
        ExportCommand::Cooccurrence(a) => {
            provenance = provenance
                .with("window", a.window.as_str())
                .with("min_support", a.min_support);
            if let Some(top) = a.top {
                provenance = provenance.with("top", top);
            }
        }
        ExportCommand::Compare(a) => {
            let (fa, fb) = a.sides();
            if pantau::analysis::sides_overlap(&fa, &fb) {
                eprintln!("{}", say("cli-compare-overlap", &[]));
                provenance = provenance.with("warning", "the two sides share articles");
            }
            provenance
                .parameters
                .extend(pantau::export::provenance::filter_fields(&fa, "a."));
            provenance
                .parameters
                .extend(pantau::export::provenance::filter_fields(&fb, "b."));
            provenance = provenance
                .with("window", a.window.as_str())
                .with("min_support", a.min_support)
                .with("rows", if a.pairs { "pairs" } else { "actors" });
        }
        _ => {}
    }
    // The profile is computed first: what it read goes into its provenance.
    let profile = match &cmd {
        ExportCommand::Profile(a) => {
            let options = pantau::analysis::ProfileOptions {
                max_context_articles: a.max_context_articles,
                max_reference_articles: a.max_reference_articles,
                min_count: a.min_count,
                ..Default::default()
            };
            let Some(p) = pantau::analysis::profile(store, &a.actor, &a.filter.filter(), options)?
            else {
                anyhow::bail!(
                    "{}",
                    say("clierr-unknown-actor", &[("code", text(a.actor.clone()))])
                );
            };
            for (k, v) in pantau::export::profile_parameters(&p) {
                provenance = provenance.with(k, v);
            }
            provenance = provenance.with("min_count", a.min_count);
            Some(p)
        }
        _ => None,
    };
    let write = |w: &mut dyn Write, options: CsvOptions| -> Result<u64, ExportError> {
        match &cmd {
            ExportCommand::Mentions(a) | ExportCommand::Articles(a) => {
                let scope = ExportFilter {
                    filter: a.filter.filter(),
                    actors: a.filter.actors.clone(),
                };
                if matches!(cmd, ExportCommand::Mentions(_)) {
                    write_mentions_csv_filtered(store, w, options, &scope)
                } else {
                    write_articles_csv_filtered(store, w, options, &scope)
                }
            }
            ExportCommand::Outlets(a) => write_outlets_csv(store, w, options, &a.filter.filter()),
            ExportCommand::Timeline(a) => write_timeline_csv(
                store,
                w,
                options,
                &a.filter.actors,
                a.bin,
                &a.filter.filter(),
            ),
            ExportCommand::Cooccurrence(a) => write_cooccurrence_csv(
                store,
                w,
                options,
                a.window,
                a.min_support,
                a.top,
                &a.filter.filter(),
            ),
            ExportCommand::Network(n) => {
                let a = &n.pair;
                match n.bin {
                    Some(bin) => pantau::export::write_network_gexf_dynamic(
                        store,
                        w,
                        a.window,
                        a.min_support,
                        n.max_nodes,
                        bin,
                        &a.filter.filter(),
                        Some(&provenance),
                    ),
                    None => write_network_gexf(
                        store,
                        w,
                        a.window,
                        a.min_support,
                        a.top,
                        &a.filter.filter(),
                        Some(&provenance),
                    ),
                }
            }
            ExportCommand::Compare(a) => {
                let (fa, fb) = a.sides();
                write_compare_csv(
                    store,
                    w,
                    options,
                    (&fa, &fb),
                    a.window,
                    a.min_support,
                    a.pairs,
                )
            }
            ExportCommand::Profile(_) => match &profile {
                Some(p) => pantau::export::write_profile_rows(p, w, options),
                None => Ok(0),
            },
            ExportCommand::Chart(_) => Ok(0),
        }
    };
    let format = out_args
        .format
        .unwrap_or_else(|| TableFormat::of_path(&out_args.out));
    let to_stdout = out_args.out.as_os_str() == "-";
    if to_stdout {
        if format == TableFormat::Xlsx {
            anyhow::bail!("{}", say("clierr-xlsx-stdout", &[]));
        }
        let stdout = std::io::stdout();
        let mut lock = stdout.lock();
        write(&mut lock, options)?;
        return Ok(ExitCode::SUCCESS);
    }
    if let ExportCommand::Network(n) = &cmd {
        if format == TableFormat::Xlsx {
            anyhow::bail!("{}", say("clierr-network-xlsx", &[]));
        }
        if n.bin.is_some() && n.pair.top.is_some() {
            anyhow::bail!("{}", say("clierr-network-top-bin", &[]));
        }
    }
    let n = if matches!(cmd, ExportCommand::Network(_)) {
        // A graph, not a table: its provenance is in its meta.
        let file = std::fs::File::create(&out_args.out)
            .with_context(|| say("clierr-creating", &[("path", shown(&out_args.out))]))?;
        let mut out = std::io::BufWriter::new(file);
        let n = write(&mut out, options)?;
        out.flush()
            .with_context(|| say("clierr-writing", &[("path", shown(&out_args.out))]))?;
        n
    } else {
        write_table_file(&out_args.out, format, options, name, &provenance, write)
            .with_context(|| say("clierr-writing", &[("path", shown(&out_args.out))]))?
    };
    eprintln!(
        "{}",
        say(
            "cli-rows-written",
            &[("count", num(n as f64)), ("path", shown(&out_args.out))]
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// Draws a chart to its file.
fn run_chart(store: &Store, db_name: &str, cmd: ChartCommand) -> anyhow::Result<ExitCode> {
    use pantau::export::chart::{
        ChartText, compare_chart, outlets_chart, source_line, timeline_chart,
    };
    let (name, out, filter) = match &cmd {
        ChartCommand::Timeline(a) => ("timeline chart", &a.out.out, a.filter.filter()),
        ChartCommand::Outlets(a) => ("outlets chart", &a.out.out, a.filter.filter()),
        ChartCommand::Compare(a) => ("compare chart", &a.out.out, a.filter.filter()),
        ChartCommand::Network(a) => ("network chart", &a.out.out, a.filter.filter()),
    };
    if out.as_os_str() == "-" {
        anyhow::bail!("{}", say("clierr-chart-stdout", &[]));
    }
    let provenance = Provenance::new(store, db_name, name, &filter)?;
    let lang = super::lang();
    let t = |id: &str| pantau::i18n::tr(lang, id);
    match &cmd {
        ChartCommand::Timeline(a) => {
            let timeline = pantau::analysis::timeline(store, &a.filter.actors, a.bin, &filter)?;
            let provenance = provenance.with("bin", a.bin.as_str());
            let text = ChartText {
                title: say(
                    if a.share {
                        "chart-timeline-share-title"
                    } else {
                        "chart-timeline-title"
                    },
                    &[(
                        "bin",
                        text(t(&format!("toolbar-bin-{}", a.bin.as_str())).to_lowercase()),
                    )],
                ),
                x_label: t("chart-axis-bin"),
                y_label: t(if a.share {
                    "timeline-axis-share"
                } else {
                    "timeline-axis-count"
                }),
                source: source_line(&provenance, lang),
                ..Default::default()
            };
            timeline_chart(
                &timeline,
                a.share,
                &text,
                out,
                (a.size.width, a.size.height),
            )?;
        }
        ChartCommand::Outlets(a) => {
            let rows = pantau::analysis::outlets(store, &filter)?;
            let m = pantau::analysis::outlet_matrix(&rows, a.sources_shown, a.actors_shown);
            let text = ChartText {
                title: t(if a.by_articles {
                    "chart-outlets-articles-title"
                } else {
                    "chart-outlets-title"
                }),
                x_label: t("chart-axis-actors"),
                y_label: t("chart-axis-outlets"),
                source: source_line(&provenance, lang),
                ..Default::default()
            };
            outlets_chart(
                &m,
                !a.by_articles,
                &text,
                out,
                (a.size.width, a.size.height),
            )?;
        }
        ChartCommand::Compare(a) => {
            let (fa, fb) = a.sides();
            let mut provenance = provenance;
            provenance
                .parameters
                .extend(pantau::export::provenance::filter_fields(&fa, "a."));
            provenance
                .parameters
                .extend(pantau::export::provenance::filter_fields(&fb, "b."));
            let c = pantau::analysis::compare(store, &fa, &fb, a.window, a.min_support)?;
            let top: Vec<&pantau::analysis::ActorChange> = c.actors.iter().take(15).collect();
            let text = ChartText {
                title: t("chart-compare-title"),
                x_label: t("compare-axis-log-ratio"),
                y_label: t("compare-col-actor"),
                legend: vec![t("chart-legend-rose"), t("chart-legend-fell")],
                source: source_line(&provenance, lang),
            };
            compare_chart(&top, &text, out, (1200, 700))?;
        }
        ChartCommand::Network(a) => {
            let net =
                pantau::analysis::network(store, a.window, a.min_support, a.max_nodes, &filter)?;
            let provenance = provenance
                .with("window", a.window.as_str())
                .with("min_support", a.min_support)
                .with("max_nodes", a.max_nodes);
            let text = ChartText {
                title: t("chart-network-title"),
                x_label: String::new(),
                y_label: String::new(),
                source: source_line(&provenance, lang),
                ..Default::default()
            };
            pantau::export::chart::network_chart(&net, &text, out, (a.size.width, a.size.height))?;
        }
    }
    eprintln!("{}", say("cli-chart-written", &[("path", shown(out))]));
    Ok(ExitCode::SUCCESS)
}
