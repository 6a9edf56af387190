//! Crash safety and concurrent readers, against the real `pantau` binary.
//!
//! - An import killed with SIGKILL at random points leaves a sound database, and importing
//!   again ends with exactly the articles and mentions of an uninterrupted import.
//! - Readers (stats, exports) during an import see consistent data and never fail with
//!   "database is locked".

#![cfg(unix)]

use pantau::export::{CsvOptions, write_mentions_csv};
use pantau::store::Store;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const COUNTRIES: [&str; 8] = [
    "Rusia",
    "Turki",
    "Suriah",
    "Amerika Serikat",
    "Tiongkok",
    "Jepang",
    "Israel",
    "Palestina",
];
const ORGS: [&str; 5] = ["PBB", "NATO", "ASEAN", "Uni Eropa", "ISIS"];

/// Writes `n` distinct dated articles into `dir` (a few KB each, like real news).
fn write_corpus(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir).expect("mkdir");
    for i in 0..n {
        let a = COUNTRIES[i % COUNTRIES.len()];
        let b = COUNTRIES[(i / 3) % COUNTRIES.len()];
        let o = ORGS[i % ORGS.len()];
        let mut text = format!(
            "kantorberita - Berita nomor {i}: {a} dan {b} bertemu\n\nJakarta, Kamis (25/9/2014) - Pertemuan {a} dengan {b} dihadiri {o}.\n\n"
        );
        for p in 0..12 {
            text.push_str(&format!("Paragraf {p} artikel {i} membahas hubungan {a} dan {b} yang terus berkembang, kata juru bicara {o} kepada wartawan di kantornya pada hari itu.\n\n"));
        }
        std::fs::write(dir.join(format!("art_{i:05}.txt")), text).expect("write");
    }
}

fn pantau() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pantau"))
}

fn counts(db: &Path) -> (u64, u64) {
    let store = Store::open(db).expect("open");
    assert_eq!(store.integrity_check().expect("integrity"), "ok");
    let s = store.stats().expect("stats");
    (s.articles, s.mentions)
}

/// Every article is in the full-text index (its own file), once: "juru" is in each. (A killed
/// import may leave the index behind; the next import catches it up.)
fn assert_fully_indexed(db: &Path) {
    let store = Store::open(db).expect("open");
    let articles = store.stats().expect("stats").articles;
    let mut found = store.search_ids("juru", 1_000_000).expect("search");
    let hits = found.len();
    found.sort_unstable();
    found.dedup();
    assert_eq!((hits, found.len() as u64), (found.len(), articles));
}

/// A small deterministic generator (no dependency for randomness in tests).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below.max(1)
    }
}

#[test]
fn killed_imports_lose_nothing_and_store_nothing_twice() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("corpus");
    write_corpus(&corpus, 3000);

    let reference = dir.path().join("reference.db");
    let started = Instant::now();
    let status = pantau()
        .args(["import", "--db"])
        .arg(&reference)
        .arg(&corpus)
        .stdout(Stdio::null())
        .status()
        .expect("run");
    assert!(status.success());
    let full_ms = started.elapsed().as_millis() as u64;
    let expected = counts(&reference);
    assert_eq!(expected.0, 3000);

    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(7, |d| d.as_nanos() as u64);
    let mut rng = Lcg(seed);
    let mut kills = 0;
    for round in 0..4 {
        // A fresh database each round, so the first kill lands inside a real import (a later
        // import of the same files mostly skips them and may end before any delay); then one
        // more import killed at a random point, and one to the end.
        let db = dir.path().join(format!("crashed-{round}.db"));
        for attempt in 0..2 {
            let mut child = pantau()
                .args(["import", "--db"])
                .arg(&db)
                .arg(&corpus)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("spawn");
            // Within the first half of an uninterrupted import's time.
            let delay = 10 + rng.next(full_ms / 2 + 1);
            std::thread::sleep(Duration::from_millis(delay));
            if child.try_wait().expect("try_wait").is_none() {
                child.kill().expect("SIGKILL");
                kills += 1;
            }
            let _ = child.wait();
            let (articles, mentions) = counts(&db);
            assert!(
                articles <= expected.0 && mentions <= expected.1,
                "round {round}.{attempt} (seed {seed}, {delay} ms): {articles} articles"
            );
        }
        let status = pantau()
            .args(["import", "--db"])
            .arg(&db)
            .arg(&corpus)
            .stdout(Stdio::null())
            .status()
            .expect("run");
        assert!(status.success());
        assert_eq!(counts(&db), expected, "round {round}, seed {seed}");
        assert_fully_indexed(&db);
    }
    eprintln!("{kills} of 8 imports killed (seed {seed})");
    assert!(
        kills > 0,
        "no import was killed (seed {seed}); the corpus imports too fast for the test"
    );
}

#[test]
fn readers_during_an_import_never_see_a_locked_or_torn_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("corpus");
    write_corpus(&corpus, 2000);
    let db = dir.path().join("busy.db");
    // Create the database first so readers can open it at once.
    drop(Store::open(&db).expect("create"));
    let mut child = pantau()
        .args(["import", "--db"])
        .arg(&db)
        .arg(&corpus)
        .stdout(Stdio::null())
        .spawn()
        .expect("spawn");
    let mut reads = 0;
    let mut last_articles = 0;
    while child.try_wait().expect("try_wait").is_none() {
        let store = Store::open(&db).expect("a reader opens the database during the import");
        let stats = store.stats().expect("stats during the import");
        assert!(
            stats.articles >= last_articles,
            "articles went back from {last_articles} to {}",
            stats.articles
        );
        last_articles = stats.articles;
        let mut out = Vec::new();
        let rows = write_mentions_csv(&store, &mut out, CsvOptions::default())
            .expect("export during the import");
        // Within one snapshot, the export has exactly the mentions the stats counted; a later
        // snapshot may have more.
        assert!(
            rows >= stats.mentions,
            "export {rows} < stats {}",
            stats.mentions
        );
        reads += 1;
    }
    assert!(child.wait().expect("wait").success());
    assert!(reads > 0);
    assert_eq!(counts(&db).0, 2000);
    assert_fully_indexed(&db);
}

/// Several threads opening the same new database at once (the window's first queries and an
/// import started at once) all get a working, migrated store.
#[test]
fn opening_a_new_database_from_many_threads_at_once_never_fails() {
    for _ in 0..20 {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("news.db");
        let barrier = std::sync::Barrier::new(6);
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..6)
                .map(|_| {
                    scope.spawn(|| {
                        barrier.wait();
                        Store::open(&db).and_then(|s| s.stats()).map(|s| s.articles)
                    })
                })
                .collect();
            for h in handles {
                let opened = h.join().expect("thread");
                assert!(matches!(opened, Ok(0)), "{opened:?}");
            }
        });
    }
}
