//! Reading speed of the document, spreadsheet, PDF and web-archive importers, on bigger files
//! of each made by the libraries that write them:
//!
//! ```sh
//! python3 -m venv /tmp/fx && /tmp/fx/bin/pip install python-docx openpyxl warcio odfpy xlwt fpdf2
//! /tmp/fx/bin/python tests/fixtures/formats/make.py /tmp/large --large
//! PANTAU_BENCH_FORMATS=/tmp/large cargo bench --no-default-features --bench formats
//! ```
//!
//! For each file: read (detect, unpack, parse, complete dates and languages) again and again
//! for at least two seconds on one core; prints files/s, MB/s of the file and MB/s of the
//! text it gives, and articles/s.

use pantau::ingest::{IngestOptions, read_file};
use std::time::{Duration, Instant};

fn main() {
    let Some(dir) = std::env::var_os("PANTAU_BENCH_FORMATS") else {
        eprintln!("set PANTAU_BENCH_FORMATS to a folder of files (see the bench's doc)");
        return;
    };
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    println!(
        "{:<14} {:>8} {:>9} {:>10} {:>10} {:>11} {:>12}",
        "file", "format", "articles", "files/s", "file MB/s", "text MB/s", "articles/s"
    );
    let options = IngestOptions::default();
    for path in files {
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) as f64;
        let first = match read_file(&path, &options) {
            Ok(f) => f,
            Err(e) => {
                println!("{}: {e}", path.display());
                continue;
            }
        };
        let text: usize = first
            .articles
            .iter()
            .map(|a| a.text.len() + a.title.len())
            .sum();
        let started = Instant::now();
        let mut n = 0u64;
        while started.elapsed() < Duration::from_secs(2) {
            let f = read_file(&path, &options).expect("read");
            std::hint::black_box(&f);
            n += 1;
        }
        let secs = started.elapsed().as_secs_f64();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        println!(
            "{:<14} {:>8} {:>9} {:>10.1} {:>10.1} {:>11.1} {:>12.0}",
            name,
            first.format.as_str(),
            first.articles.len(),
            n as f64 / secs,
            n as f64 * bytes / secs / 1e6,
            n as f64 * text as f64 / secs / 1e6,
            n as f64 * first.articles.len() as f64 / secs
        );
    }
}
