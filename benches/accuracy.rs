//! Accuracy of the matcher against the NERGRIT Indonesian NER corpus (token<TAB>BIO tag).
//!
//! ```sh
//! PANTAU_NERGRIT=../shared/corpora/ner-id-nergrit cargo bench --no-default-features --bench accuracy
//! ```
//!
//! Reads `train_preprocess.txt` and `valid_preprocess.txt` (the test file's labels are
//! masked), rebuilds each sentence as its tokens joined by one space (keeping each token's
//! character offsets), runs the matcher with language Indonesian (places on and off) and prints:
//!
//! - recall of gold ORGANISATION spans: a gold span counts as found when a mention overlaps it;
//! - recall of gold PLACE spans that are countries. "Is a country" is decided by the gold span's
//!   text: it is a country when, lower-cased with white space collapsed, it equals a country
//!   alias of the dictionary (any via except `place`, any language) lower-cased the same way;
//! - a precision proxy: the share of pantau's mentions that overlap a gold span of any type
//!   (NERGRIT does not tag every organization, so this is a lower bound of precision).

use pantau::model::{ActorKind, Language, Via};
use pantau::tagging::{Dictionary, Matcher, MatcherOptions};
use std::collections::HashSet;
use std::path::PathBuf;

struct Span {
    kind: String,
    start: usize,
    end: usize,
    text: String,
}

struct Sentence {
    text: String,
    spans: Vec<Span>,
}

fn read_corpus(dir: &std::path::Path) -> Vec<Sentence> {
    let mut out = Vec::new();
    for name in ["train_preprocess.txt", "valid_preprocess.txt"] {
        let path = dir.join(name);
        let Ok(content) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {}", path.display());
            continue;
        };
        let mut tokens: Vec<(String, String)> = Vec::new();
        for line in content.lines().chain(std::iter::once("")) {
            if line.trim().is_empty() {
                if !tokens.is_empty() {
                    out.push(build(&tokens));
                    tokens.clear();
                }
                continue;
            }
            let mut parts = line.split('\t');
            let token = parts.next().unwrap_or_default().to_string();
            let tag = parts.next().unwrap_or("O").trim().to_string();
            tokens.push((token, tag));
        }
    }
    out
}

fn build(tokens: &[(String, String)]) -> Sentence {
    let mut text = String::new();
    let mut chars = 0usize;
    let mut spans: Vec<Span> = Vec::new();
    let mut open: Option<Span> = None;
    for (token, tag) in tokens {
        if !text.is_empty() {
            text.push(' ');
            chars += 1;
        }
        let start = chars;
        text.push_str(token);
        chars += token.chars().count();
        let end = chars;
        if let Some(kind) = tag.strip_prefix("I-")
            && let Some(span) = open.as_mut()
            && span.kind == kind
        {
            span.end = end;
            span.text.push(' ');
            span.text.push_str(token);
            continue;
        }
        if let Some(span) = open.take() {
            spans.push(span);
        }
        if let Some(kind) = tag.strip_prefix("B-").or_else(|| tag.strip_prefix("I-")) {
            open = Some(Span {
                kind: kind.to_string(),
                start,
                end,
                text: token.clone(),
            });
        }
    }
    if let Some(span) = open.take() {
        spans.push(span);
    }
    Sentence { text, spans }
}

fn key(s: &str) -> String {
    s.split_whitespace()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

fn main() {
    let dir = std::env::var_os("PANTAU_NERGRIT")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            // ../shared next to the checkout, or two levels up from a worktree.
            let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
            let near = root.join("../shared/corpora/ner-id-nergrit");
            if near.exists() {
                near
            } else {
                root.join("../../shared/corpora/ner-id-nergrit")
            }
        });
    let sentences = read_corpus(&dir);
    if sentences.is_empty() {
        eprintln!("no NERGRIT sentences under {}", dir.display());
        return;
    }
    let dict = match Dictionary::builtin() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let country_aliases: HashSet<String> = dict
        .aliases
        .iter()
        .filter(|a| dict.actors[a.actor].kind == ActorKind::Country && a.via != Via::Place)
        .map(|a| key(&a.text))
        .collect();
    println!(
        "NERGRIT (train+valid): {} sentences from {}",
        sentences.len(),
        dir.display()
    );
    for places in [false, true] {
        let matcher = match Matcher::new(
            &dict,
            MatcherOptions {
                include_places: places,
            },
        ) {
            Ok(m) => m,
            Err(e) => {
                eprintln!("{e}");
                return;
            }
        };
        let (mut org_total, mut org_found) = (0usize, 0usize);
        let (mut country_total, mut country_found) = (0usize, 0usize);
        let (mut mentions, mut inside) = (0usize, 0usize);
        let mut missed_orgs: Vec<String> = Vec::new();
        let mut missed_countries: Vec<String> = Vec::new();
        let mut outside: Vec<String> = Vec::new();
        for s in &sentences {
            let found = matcher.find(&s.text, Language::Indonesian);
            let overlaps = |a: usize, b: usize, c: usize, d: usize| a < d && c < b;
            for span in &s.spans {
                let hit = found
                    .iter()
                    .any(|m| overlaps(m.start_char, m.end_char, span.start, span.end));
                if span.kind == "ORGANISATION" {
                    org_total += 1;
                    if hit {
                        org_found += 1;
                    } else {
                        missed_orgs.push(span.text.clone());
                    }
                } else if span.kind == "PLACE" && country_aliases.contains(&key(&span.text)) {
                    country_total += 1;
                    if hit {
                        country_found += 1;
                    } else {
                        missed_countries.push(format!("{} [{}]", span.text, s.text));
                    }
                }
            }
            for m in &found {
                mentions += 1;
                if s.spans
                    .iter()
                    .any(|g| overlaps(m.start_char, m.end_char, g.start, g.end))
                {
                    inside += 1;
                } else {
                    outside.push(format!("{}={}", m.matched_text, m.actor_code));
                }
            }
        }
        let pct = |a: usize, b: usize| {
            if b == 0 {
                0.0
            } else {
                100.0 * a as f64 / b as f64
            }
        };
        println!("-- places {}", if places { "on" } else { "off" });
        println!(
            "ORGANISATION recall: {org_found}/{org_total} = {:.1}%",
            pct(org_found, org_total)
        );
        println!(
            "country PLACE recall: {country_found}/{country_total} = {:.1}%",
            pct(country_found, country_total)
        );
        println!(
            "precision proxy (mentions inside a gold span): {inside}/{mentions} = {:.1}%",
            pct(inside, mentions)
        );
        if std::env::var_os("PANTAU_ACCURACY_VERBOSE").is_some() {
            println!("missed organisations: {}", missed_orgs.join(" | "));
            println!("missed countries: {}", missed_countries.join(" | "));
            println!("mentions outside gold spans: {}", outside.join(" | "));
        }
    }
}
