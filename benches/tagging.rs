//! Tagging speed: `Matcher::find` alone, one core, on real article text.
//!
//! ```sh
//! python3 ../shared/bench/make_corpus.py /tmp/corpus20k 20000
//! PANTAU_BENCH_CORPUS=/tmp/corpus20k cargo bench --no-default-features --bench tagging
//! ```
//!
//! Reads the first 20,000 files (sorted by name) of `PANTAU_BENCH_CORPUS` (default
//! `/tmp/corpus100k`) into memory, then times `find` over all of them (language Indonesian,
//! places on) and prints MB/s of text (best of three passes). The target is 200 MB/s.

use pantau::model::Language;
use pantau::tagging::{Dictionary, Matcher, MatcherOptions};
use std::path::PathBuf;
use std::time::Instant;

/// The allocator of the `pantau` binary, so the figure is the one an import sees.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let dir = std::env::var_os("PANTAU_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp/corpus100k"));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("cannot read {}", dir.display());
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    paths.truncate(20_000);
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let dict = match Dictionary::builtin() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let built = Instant::now();
    let matcher = match Matcher::new(
        &dict,
        MatcherOptions {
            include_places: true,
        },
    ) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    println!(
        "Matcher::new: {} aliases, {} patterns, {:.0} ms, {:.1} MB of automata",
        dict.aliases.len(),
        matcher.pattern_count(),
        built.elapsed().as_secs_f64() * 1e3,
        matcher.memory_usage() as f64 / 1e6
    );
    println!(
        "{} files, {:.1} MB from {}",
        texts.len(),
        bytes as f64 / 1e6,
        dir.display()
    );
    let mut best = f64::MAX;
    let mut mentions = 0usize;
    for _ in 0..3 {
        let started = Instant::now();
        mentions = 0;
        for t in &texts {
            mentions += std::hint::black_box(matcher.find(t, Language::Indonesian)).len();
        }
        best = best.min(started.elapsed().as_secs_f64());
    }
    println!(
        "Matcher::find: {mentions} mentions, {:.3} s, {:.1} MB/s (one core, best of 3)",
        best,
        bytes as f64 / 1e6 / best
    );
}
