//! Quality of the HTML extractor on pages with a known main text, title and date.
//!
//! ```sh
//! PANTAU_PAGES=../shared/corpora/html-readability cargo bench --no-default-features --bench extraction
//! ```
//!
//! Each page is a folder with `source.html`, its expected main text `expected.html` (or
//! `expected.txt`) and
//! `expected-metadata.json` (`title`, `siteName`, `publishedTime`), the layout of Mozilla
//! Readability's test pages. Prints, over all pages:
//!
//! - main-text precision, recall and F1 over words (lower-cased runs of letters and digits,
//!   counted as a multiset, the way extraction benchmarks score it), micro-averaged over words
//!   and macro-averaged over pages;
//! - titles equal to the expected title (white space collapsed), and titles that still carry
//!   the site's name ("… | Site", "Site - …");
//! - dates: of the pages with a `publishedTime`, those whose day we read right (in the page's
//!   own offset), wrong, or not at all; and pages without one where we found a date anyway;
//! - pages per second.
//!
//! `PANTAU_PAGES_VERBOSE=1` prints each page's figures; `PANTAU_PAGES_DIFF=name` prints the
//! words of one page missed and added, and the text read.

use pantau::ingest::html::{html_to_text, parse_html};
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

fn words(text: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *out.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    out
}

fn overlap(a: &HashMap<String, usize>, b: &HashMap<String, usize>) -> usize {
    a.iter()
        .map(|(w, n)| (*n).min(b.get(w).copied().unwrap_or(0)))
        .sum()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn main() {
    let Some(dir) = std::env::var_os("PANTAU_PAGES").map(PathBuf::from) else {
        eprintln!("set PANTAU_PAGES to a folder of pages (see the doc comment)");
        return;
    };
    let verbose = std::env::var_os("PANTAU_PAGES_VERBOSE").is_some();
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("pages folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("source.html").exists())
        .collect();
    pages.sort();
    let (mut tp, mut ours_n, mut gold_n) = (0usize, 0usize, 0usize);
    let mut f1_sum = 0.0;
    let (mut titles_ok, mut titles_site, mut titles_n) = (0, 0, 0);
    let (mut dated, mut date_ok, mut date_wrong, mut date_missed, mut date_extra) = (0, 0, 0, 0, 0);
    let mut failed = 0;
    let mut bytes = 0usize;
    let started = Instant::now();
    for page in &pages {
        let name = page
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Ok(source) = std::fs::read(page.join("source.html")) else {
            continue;
        };
        let source = String::from_utf8_lossy(&source).into_owned();
        bytes += source.len();
        let expected = std::fs::read_to_string(page.join("expected.html"))
            .map(|h| html_to_text(&h))
            .or_else(|_| std::fs::read_to_string(page.join("expected.txt")))
            .unwrap_or_default();
        let meta: serde_json::Value = std::fs::read_to_string(page.join("expected-metadata.json"))
            .ok()
            .and_then(|m| serde_json::from_str(&m).ok())
            .unwrap_or_default();
        let got = parse_html(&source);
        let Ok(a) = got else {
            failed += 1;
            if verbose {
                println!("{name}: failed");
            }
            continue;
        };
        let (g, o) = (words(&expected), words(&a.text));
        let common = overlap(&g, &o);
        let (gn, on) = (g.values().sum::<usize>(), o.values().sum::<usize>());
        tp += common;
        ours_n += on;
        gold_n += gn;
        let p = common as f64 / on.max(1) as f64;
        let r = common as f64 / gn.max(1) as f64;
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        f1_sum += f1;
        let mut line = format!("{name}: P {p:.3} R {r:.3} F1 {f1:.3}");
        if std::env::var("PANTAU_PAGES_DIFF").is_ok_and(|d| d == name) {
            let mut missing: Vec<_> = g
                .iter()
                .filter(|(w, n)| o.get(*w).copied().unwrap_or(0) < **n)
                .map(|(w, _)| w.as_str())
                .collect();
            let mut extra: Vec<_> = o
                .iter()
                .filter(|(w, n)| g.get(*w).copied().unwrap_or(0) < **n)
                .map(|(w, _)| w.as_str())
                .collect();
            missing.sort_unstable();
            extra.sort_unstable();
            println!(
                "{name} missing: {missing:?}\n{name} extra: {extra:?}\n{}",
                a.text
            );
        }
        if let Some(title) = meta.get("title").and_then(|t| t.as_str()) {
            titles_n += 1;
            if collapse(title) == collapse(&a.title) {
                titles_ok += 1;
            } else {
                line.push_str(&format!(" | title {:?} vs {:?}", a.title, title));
            }
            let site = meta
                .get("siteName")
                .and_then(|s| s.as_str())
                .unwrap_or_default();
            let carries = [" | ", " - ", " – ", " — ", " :: "]
                .iter()
                .any(|sep| a.title.contains(sep) && !title.contains(sep))
                || (!site.is_empty() && a.title.contains(site) && !title.contains(site));
            if carries {
                titles_site += 1;
            }
        }
        let day = a.published.map(|d| d.date().to_string());
        match meta.get("publishedTime").and_then(|t| t.as_str()) {
            Some(t) => {
                dated += 1;
                let want = t.get(..10).unwrap_or_default();
                match day.as_deref() {
                    Some(d) if d == want => date_ok += 1,
                    Some(d) => {
                        date_wrong += 1;
                        line.push_str(&format!(" | date {d} vs {want}"));
                    }
                    None => {
                        date_missed += 1;
                        line.push_str(&format!(" | no date, want {want}"));
                    }
                }
            }
            None => {
                if let Some(d) = day {
                    date_extra += 1;
                    line.push_str(&format!(" | date {d} (none expected)"));
                }
            }
        }
        if verbose {
            println!("{line}");
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let n = pages.len() - failed;
    let p = tp as f64 / ours_n.max(1) as f64;
    let r = tp as f64 / gold_n.max(1) as f64;
    println!(
        "{} pages ({failed} failed), {:.1} MB in {secs:.2} s: {:.0} pages/s",
        pages.len(),
        bytes as f64 / 1e6,
        pages.len() as f64 / secs
    );
    println!(
        "main text: micro P {p:.3} R {r:.3} F1 {:.3}; macro F1 {:.3}",
        2.0 * p * r / (p + r).max(1e-9),
        f1_sum / n.max(1) as f64
    );
    println!("titles: {titles_ok}/{titles_n} exact, {titles_site} still carry the site's name");
    println!(
        "dates: {date_ok}/{dated} right, {date_wrong} wrong, {date_missed} missed; {date_extra} found on pages with none expected"
    );
}
