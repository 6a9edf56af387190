//! Analysis benchmark: timeline, co-occurrence (article and sentence windows), compare,
//! actor profile, outlets × actors and the network (whole and one bin) on a 100k-article
//! database.
//!
//! `PANTAU_BENCH_DB` names the database (default: a file in the system temp folder); it is
//! built when missing from the corpus in `PANTAU_BENCH_CORPUS`, made by
//! `python3 /work/shared/bench/make_corpus.py /tmp/corpus100k 100000`. The corpus's `.txt`
//! files carry their date on the first line (`outlet - YYYY-MM-DD (salinan N)`), which the
//! text importer does not read yet, so the bench rewrites them once as JSONL records with a
//! `date` field (the whole file as text, so no two are duplicates) before importing.
//!
//! A `postgres://…` `PANTAU_BENCH_DB` measures the same on a server's database (built
//! beforehand, e.g. by `pantau copy --from the.db --to postgres://…`).
//!
//! Run: `cargo bench --no-default-features --bench analysis`.

use pantau::analysis::{self, Bin, Filter, Measure, Window};
use pantau::pipeline::{ImportOptions, import_paths, prepare_matcher};
use pantau::store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

fn jsonl_corpus(corpus: &Path) -> std::io::Result<PathBuf> {
    let out = std::env::temp_dir().join("pantau_bench_jsonl");
    if out.join("done").exists() {
        return Ok(out);
    }
    std::fs::create_dir_all(&out)?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for (chunk_no, chunk) in files.chunks(1000).enumerate() {
        let mut w = std::io::BufWriter::new(std::fs::File::create(
            out.join(format!("part_{chunk_no:04}.jsonl")),
        )?);
        for path in chunk {
            let text = std::fs::read_to_string(path)?;
            let first = text.lines().next().unwrap_or_default();
            let (source, rest) = first.split_once(" - ").unwrap_or(("", first));
            let date = rest.split_whitespace().next().unwrap_or_default();
            let rec = serde_json::json!({
                "id": path.file_stem().map(|s| s.to_string_lossy().into_owned()),
                "title": first,
                "text": text,
                "source": source,
                "date": date,
            });
            writeln!(w, "{rec}")?;
        }
        w.flush()?;
    }
    std::fs::write(out.join("done"), b"")?;
    Ok(out)
}

fn time<T>(label: &str, target_ms: u128, runs: usize, mut f: impl FnMut() -> T) -> T {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..runs {
        let t = Instant::now();
        out = Some(f());
        best = best.min(t.elapsed());
    }
    let ms = best.as_secs_f64() * 1000.0;
    let verdict = if best.as_millis() <= target_ms {
        "ok"
    } else {
        "SLOWER THAN TARGET"
    };
    println!("{label:<45} {ms:>9.1} ms (best of {runs}; target <= {target_ms} ms) {verdict}");
    out.expect("at least one run")
}

fn main() {
    if let Some(address) = std::env::var("PANTAU_BENCH_DB")
        .ok()
        .filter(|d| pantau::store::server::is_server_address(d))
    {
        let at = pantau::store::Location::parse(&address).expect("address");
        let t = Instant::now();
        let store = at.open().expect("connect");
        println!("connected in {:.1} ms", t.elapsed().as_secs_f64() * 1000.0);
        return measure(&store, &address);
    }
    let db = std::env::var_os("PANTAU_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("pantau_bench_100k.db"));
    if !db.exists() {
        let Some(corpus) = std::env::var_os("PANTAU_BENCH_CORPUS").map(PathBuf::from) else {
            eprintln!(
                "no benchmark database at {} and PANTAU_BENCH_CORPUS is not set.\n\
                 Make a corpus with `python3 /work/shared/bench/make_corpus.py /tmp/corpus100k 100000`\n\
                 and run again with PANTAU_BENCH_CORPUS=/tmp/corpus100k (or point PANTAU_BENCH_DB at a built database).",
                db.display()
            );
            std::process::exit(2);
        };
        if !corpus.is_dir() {
            eprintln!("PANTAU_BENCH_CORPUS={} is not a folder", corpus.display());
            std::process::exit(2);
        }
        let t = Instant::now();
        let jsonl = jsonl_corpus(&corpus).expect("rewriting the corpus as JSONL");
        println!(
            "corpus rewritten as JSONL in {:.1} s",
            t.elapsed().as_secs_f64()
        );
        let mut store = Store::open(&db).expect("open database");
        let matcher = prepare_matcher(&mut store, Default::default()).expect("matcher");
        let t = Instant::now();
        let report = import_paths(
            &mut store,
            &matcher,
            &[jsonl],
            &ImportOptions::default(),
            &AtomicBool::new(false),
            |_| {},
        )
        .expect("import");
        println!(
            "imported {} articles ({} mentions) in {:.1} s",
            report.counts.articles_added,
            report.counts.mentions_added,
            t.elapsed().as_secs_f64()
        );
    }
    let store = Store::open(&db).expect("open database");
    measure(&store, &db.display().to_string());
}

fn measure(store: &Store, name: &str) {
    let stats = store.stats().expect("stats");
    println!(
        "database {}: {} articles, {} mentions, {} undated, {} actors seen",
        name, stats.articles, stats.mentions, stats.undated, stats.actors_seen
    );
    let f = Filter::default();
    let top: Vec<String> = analysis::actor_counts(store, &f)
        .expect("actor counts")
        .into_iter()
        .take(10)
        .map(|c| c.code)
        .collect();
    // The targets: a 100k database's, or past half a million articles the million's (issue
    // 16: timeline <= 100 ms, article co-occurrence <= 500 ms, sentence <= 3 s, a one-word
    // search's first page <= 200 ms).
    let million = stats.articles >= 500_000;
    let scale = |small: u128, big: u128| if million { big } else { small };
    for word in ["ekonomi", "Suriah"] {
        let query = pantau::store::ArticleListQuery {
            text: word.into(),
            ..Default::default()
        };
        let (rows, total) = time(
            &format!("search '{word}', first page of 50"),
            200,
            5,
            || store.list_articles(&query, 0, 50).expect("search"),
        );
        println!("  {} rows of {total}", rows.len());
    }
    let all = pantau::store::ArticleListQuery::default();
    time("article list, first page of 50", 200, 5, || {
        store.list_articles(&all, 0, 50).expect("list")
    });
    let t = time("timeline, 10 actors, week bins", scale(50, 100), 5, || {
        analysis::timeline(store, &top, Bin::Week, &f).expect("timeline")
    });
    println!(
        "  {} series x {} bins",
        t.series.len(),
        t.series.first().map_or(0, |s| s.points.len())
    );
    time("timeline, 10 actors, day bins", scale(50, 100), 5, || {
        analysis::timeline(store, &top, Bin::Day, &f).expect("timeline")
    });
    let p = time(
        "co-occurrence, article window, top 50",
        scale(200, 500),
        5,
        || {
            analysis::cooccurrence(store, Window::Article, 1, Some(50), Measure::Both, &f)
                .expect("cooccurrence")
        },
    );
    if let Some(first) = p.first() {
        println!(
            "  top pair {}-{}: {} articles",
            first.actor_a, first.actor_b, first.both
        );
    }
    let p = time(
        "co-occurrence, sentence window, top 50",
        scale(1000, 3000),
        3,
        || {
            analysis::cooccurrence(store, Window::Sentence, 1, Some(50), Measure::Llr, &f)
                .expect("cooccurrence")
        },
    );
    if let Some(first) = p.first() {
        println!(
            "  top pair {}-{}: {} sentences of {}",
            first.actor_a, first.actor_b, first.both, first.units
        );
    }
    time(
        "co-occurrence, paragraph window, top 50",
        scale(1000, 3000),
        3,
        || {
            analysis::cooccurrence(store, Window::Paragraph, 1, Some(50), Measure::Both, &f)
                .expect("cooccurrence")
        },
    );
    // The comparisons (issue targets: compare <= 300 ms, profile <= 500 ms, outlets <= 200 ms,
    // one network bin <= 200 ms).
    let days = store.articles_per_day(&f).expect("days");
    let (first, last) = (
        pantau::store::day_date(days.first().expect("dated").0),
        pantau::store::day_date(days.last().expect("dated").0),
    );
    let mid = first + (last - first) / 2;
    let a = Filter {
        to: Some(mid),
        ..Filter::default()
    };
    let b = Filter {
        from: mid.succ_opt(),
        ..Filter::default()
    };
    let c = time("compare two halves, article window", 300, 3, || {
        analysis::compare(store, &a, &b, Window::Article, 1).expect("compare")
    });
    println!(
        "  {} actors; {} pairs appeared, {} vanished",
        c.actors.len(),
        c.appeared.len(),
        c.vanished.len()
    );
    let actor = top.first().cloned().unwrap_or_default();
    let p = time(&format!("profile of {actor}"), 500, 3, || {
        analysis::profile(store, &actor, &f, Default::default())
            .expect("profile")
            .expect("known")
    });
    println!(
        "  {} words kept; read {} of its {} articles and {} of {} others",
        p.terms.len(),
        p.context_articles_read,
        p.articles,
        p.reference_articles_read,
        p.reference_articles
    );
    let o = time("outlets x actors", 200, 5, || {
        analysis::outlets(store, &f).expect("outlets")
    });
    println!("  {} (outlet, actor) rows", o.len());
    let net = time("network, 200 nodes, article window", 500, 3, || {
        analysis::network(store, Window::Article, 1, 200, &f).expect("network")
    });
    println!("  {} nodes, {} edges", net.nodes.len(), net.edges.len());
    let bins = analysis::bins_of(store, Bin::Month, &f).expect("bins");
    let start = bins[bins.len() / 2];
    let n = time("network, one month bin", 200, 5, || {
        analysis::network_in_bin(store, &net, Window::Article, 1, Bin::Month, start, &f)
            .expect("bin")
    });
    println!("  bin {start}: {} edges", n.edges.len());
}
