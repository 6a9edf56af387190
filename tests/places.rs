//! Places: per-article recall and precision of the countries an article is about (its country
//! mentions plus its dateline's country) on pantau's own datelined set, with place roll-up on
//! and off, tagged as an import tags ([`pantau::pipeline::tag_draft`]).

use pantau::model::{ArticleDraft, Language};
use pantau::pipeline::tag_draft;
use pantau::tagging::{Dictionary, Matcher, MatcherOptions};
use std::collections::BTreeSet;
use std::path::Path;

struct Scores {
    articles: usize,
    recall: f64,
    precision: f64,
    misses: Vec<String>,
}

fn score(include_places: bool) -> Scores {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/places/datelines.tsv");
    let content = std::fs::read_to_string(path).expect("fixture");
    let m = Matcher::new(
        &Dictionary::builtin().expect("builtin"),
        MatcherOptions { include_places },
    )
    .expect("matcher");
    let (mut found, mut wanted, mut right, mut articles) = (0usize, 0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for line in content.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut parts = line.splitn(3, '\t');
        let (Some(lang), Some(want), Some(text)) = (parts.next(), parts.next(), parts.next())
        else {
            panic!("bad fixture line {line:?}");
        };
        articles += 1;
        let mut a = ArticleDraft {
            text: text.replace("\\n", "\n"),
            language: Language::parse(lang).expect("language"),
            ..ArticleDraft::default()
        };
        let mentions = tag_draft(&m, &mut a);
        let mut got: BTreeSet<String> = mentions
            .into_iter()
            .map(|x| x.actor_code)
            .filter(|c| c.len() == 3 && c.chars().all(|c| c.is_ascii_uppercase()))
            .collect();
        if !a.dateline_country.is_empty() {
            got.insert(a.dateline_country.clone());
        }
        let want: BTreeSet<String> = want.split(',').map(str::to_string).collect();
        found += got.len();
        wanted += want.len();
        right += got.intersection(&want).count();
        if got != want {
            misses.push(format!("want {want:?}, got {got:?}: {text}"));
        }
    }
    Scores {
        articles,
        recall: right as f64 / wanted as f64,
        precision: right as f64 / found.max(1) as f64,
        misses,
    }
}

#[test]
fn place_recall_on_the_datelined_set() {
    let on = score(true);
    let off = score(false);
    println!(
        "{} articles: roll-up on recall {:.3} precision {:.3}; off recall {:.3} precision {:.3}",
        on.articles, on.recall, on.precision, off.recall, off.precision
    );
    assert!(on.articles >= 60, "{} articles", on.articles);
    assert!(
        on.recall >= 0.90 && on.precision >= 0.95,
        "roll-up on: recall {:.3}, precision {:.3}\n{}",
        on.recall,
        on.precision,
        on.misses.join("\n")
    );
    // Datelines count with roll-up off too: the difference is the places in the body.
    assert!(
        off.recall < on.recall,
        "off {:.3}, on {:.3}",
        off.recall,
        on.recall
    );
}
