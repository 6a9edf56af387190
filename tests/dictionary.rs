//! Integration tests of the dictionary edits, the re-tag, the dictionary CSV, the candidates
//! and the annotated regression fixture of the matcher.

mod common;

use common::Backend;
use pantau::curation::effective_dictionary;
use pantau::curation::exchange::{import_rows, read_csv, write_csv};
use pantau::model::{ArticleDraft, DateSource, Language, Via};
use pantau::pipeline::{prepare_matcher, retag};
use pantau::store::{ExclusionScope, NewAlias, Store};
use pantau::tagging::{Dictionary, Matcher, MatcherOptions};
use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::AtomicBool;

fn unescape(s: &str) -> String {
    s.replace("\\n", "\n")
        .replace("\\u{a0}", "\u{a0}")
        .replace("\\u{2019}", "\u{2019}")
        .replace("\\u{202f}", "\u{202f}")
}

#[test]
fn regression_fixture() {
    annotated_fixture("regression.tsv", 25);
}

/// Headlines in capitals: no case-rule false hits, names still found.
#[test]
fn capitals_fixture() {
    annotated_fixture("capitals.tsv", 20);
}

/// Every line of an annotated fixture in `tests/fixtures/tagging/`: language, the actor
/// codes the matcher must find in order (- for none), the text.
fn annotated_fixture(name: &str, at_least: usize) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tagging")
        .join(name);
    let content = std::fs::read_to_string(path).expect("fixture");
    let m = Matcher::new(
        &Dictionary::builtin().expect("builtin"),
        MatcherOptions::default(),
    )
    .expect("matcher");
    let mut failures = Vec::new();
    let mut cases = 0;
    for line in content.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut parts = line.splitn(3, '\t');
        let (Some(lang), Some(want), Some(text)) = (parts.next(), parts.next(), parts.next())
        else {
            panic!("bad fixture line {line:?}");
        };
        cases += 1;
        let language = Language::parse(lang).expect("language");
        let text = unescape(text);
        let got: Vec<String> = m
            .find(&text, language)
            .into_iter()
            .map(|x| x.actor_code)
            .collect();
        let want: Vec<String> = if want == "-" {
            Vec::new()
        } else {
            want.split(',').map(str::to_string).collect()
        };
        if got != want {
            failures.push(format!("{text:?}: want {want:?}, got {got:?}"));
        }
    }
    assert!(cases >= at_least, "only {cases} cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn article(text: &str, n: usize) -> ArticleDraft {
    ArticleDraft {
        title: format!("t{n}"),
        text: text.to_string(),
        path: format!("a{n}.txt").into(),
        language: Language::English,
        date_source: DateSource::None,
        ..ArticleDraft::default()
    }
}

/// Stores articles with the builtin matcher, as an import would.
fn seed(store: &mut Store, texts: &[&str]) {
    let matcher = prepare_matcher(store, MatcherOptions::default()).expect("matcher");
    let ids = store.actor_ids().expect("ids");
    let tagged: Vec<(ArticleDraft, Vec<pantau::model::Mention>)> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let a = article(t, i);
            let m = matcher.find(&a.text, a.language);
            (a, m)
        })
        .collect();
    let run = store.begin_run().expect("run");
    store
        .transaction(|tx| -> Result<(), pantau::store::StoreError> {
            tx.store_file(
                run,
                &pantau::store::FileRecord {
                    path: "seed".into(),
                    size_bytes: None,
                    content_hash: None,
                    format: None,
                    status: pantau::store::FileStatus::Imported,
                    error: None,
                    warnings: String::new(),
                },
                &tagged,
                &ids,
            )?;
            Ok(())
        })
        .expect("store");
}

fn mention_counts(store: &Store) -> HashMap<String, i64> {
    let mut out = HashMap::new();
    store
        .for_each_mention(|row| -> Result<(), pantau::store::StoreError> {
            *out.entry(row.actor_code.clone()).or_default() += 1;
            Ok(())
        })
        .expect("mentions");
    out
}

fn edits_survive_a_restart_and_a_retag(on: Backend) {
    let Some(mut store) = common::store(on, "edits") else {
        return;
    };
    {
        seed(
            &mut store,
            &[
                "Jordan Henderson met Jordan's king. The Negara Api spoke.",
                "Russia and Jordan talked.",
            ],
        );
        let before = mention_counts(&store);
        assert_eq!(before.get("JOR"), Some(&2), "{before:?}");
        store
            .add_alias(&NewAlias {
                actor_code: "RUS".into(),
                text: "Negara Api".into(),
                language: None,
                case: None,
                via: Via::Name,
            })
            .expect("alias");
        store
            .add_exclusion(
                "JOR",
                "Jordan",
                &ExclusionScope::Phrase("Jordan Henderson".into()),
            )
            .expect("phrase exclusion");
        store
            .add_exclusion("RUS", "Russia", &ExclusionScope::Article(2))
            .expect("article exclusion");
    }
    store.reopen();
    assert_eq!(store.exclusions().expect("list").len(), 2);
    let matcher = prepare_matcher(&mut store, MatcherOptions::default()).expect("matcher");
    let cancel = AtomicBool::new(false);
    let mut calls = 0;
    let report = retag(&mut store, &matcher, &cancel, |_, _| calls += 1).expect("retag");
    assert!(!report.cancelled);
    assert_eq!(report.articles, 2);
    assert!(calls >= 2);
    let after = mention_counts(&store);
    // "Jordan Henderson" rejected, "Jordan's" and article 2's Jordan kept.
    assert_eq!(after.get("JOR"), Some(&2), "{after:?}");
    // "Negara Api" is Russia now; article 2's "Russia" excluded.
    assert_eq!(after.get("RUS"), Some(&1), "{after:?}");
    assert_eq!(
        store.dictionary_version().expect("version").as_deref(),
        Some(matcher.dictionary_version())
    );
}

fn cancelled_retag_leaves_articles_whole(on: Backend) {
    let Some(mut store) = common::store(on, "cancelled") else {
        return;
    };
    seed(&mut store, &["Russia and China.", "Turkey."]);
    let matcher = prepare_matcher(&mut store, MatcherOptions::default()).expect("matcher");
    let cancel = AtomicBool::new(true);
    let report = retag(&mut store, &matcher, &cancel, |_, _| {}).expect("retag");
    assert!(report.cancelled);
    assert_eq!(report.articles, 0);
    assert_eq!(mention_counts(&store).len(), 3);
}

fn dictionary_csv_round_trip_between_databases(on: Backend) {
    let builtin = Dictionary::builtin().expect("builtin");
    let Some(mut a) = common::store(on, "csv_a") else {
        return;
    };
    a.sync_dictionary(&builtin).expect("sync");
    a.add_actor(&pantau::tagging::Actor {
        code: "ZZTEST".into(),
        kind: pantau::model::ActorKind::Organization,
        name: "Kelompok Uji Coba".into(),
        name_id: String::new(),
        org_type: "armed_group".into(),
        country: "IDN".into(),
    })
    .expect("actor");
    for text in ["Kelompok Uji Coba", "KUC", "=HYPERLINK(\"x\")"] {
        a.add_alias(&NewAlias {
            actor_code: "ZZTEST".into(),
            text: text.into(),
            language: None,
            case: None,
            via: Via::Name,
        })
        .expect("alias");
    }
    let mut buf = Vec::new();
    write_csv(&effective_dictionary(&a, &builtin).expect("dict"), &mut buf).expect("write");
    let rows = read_csv(&buf[..]).expect("read");
    let Some(mut b) = common::store(on, "csv_b") else {
        return;
    };
    b.sync_dictionary(&builtin).expect("sync");
    let first = import_rows(&mut b, &builtin, &rows).expect("import");
    assert_eq!((first.actors_added, first.aliases_added), (1, 3));
    let second = import_rows(&mut b, &builtin, &rows).expect("again");
    assert_eq!((second.actors_added, second.aliases_added), (0, 0));
    let m = Matcher::new(
        &effective_dictionary(&b, &builtin).expect("dict"),
        MatcherOptions::default(),
    )
    .expect("matcher");
    let found = m.find("Polisi menangkap anggota KUC.", Language::Indonesian);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].actor_code, "ZZTEST");
}

fn candidates_find_uncovered_names(on: Backend) {
    let Some(mut store) = common::store(on, "candidates") else {
        return;
    };
    seed(
        &mut store,
        &[
            "Lembaga Kajian Nusantara said LKNX attacked. Russia said no.",
            "Officials of Lembaga Kajian Nusantara blamed LKNX again.",
            "The Lembaga Kajian Nusantara spokesman spoke.",
        ],
    );
    let matcher = prepare_matcher(&mut store, MatcherOptions::default()).expect("matcher");
    let found =
        pantau::curation::candidates::find_candidates(&store, &matcher, 2, 10).expect("candidates");
    let texts: Vec<&str> = found.iter().map(|c| c.text.as_str()).collect();
    assert!(texts.contains(&"Lembaga Kajian Nusantara"), "{texts:?}");
    assert!(texts.contains(&"LKNX"), "{texts:?}");
    assert!(!texts.iter().any(|t| t.contains("Russia")), "{texts:?}");
    let kp = found
        .iter()
        .find(|c| c.text == "Lembaga Kajian Nusantara")
        .expect("kp");
    assert_eq!((kp.articles, kp.occurrences), (3, 3));
    assert!(!kp.examples.is_empty() && kp.examples.len() <= 3);
}

/// The built-in dictionary stays reviewable: each file's entries are sorted by code, and no
/// alias stands for two actors where both could match (the same text, case and white space
/// aside, in overlapping languages; two case-exact aliases of different spelling do not
/// collide). `assets/dictionary/check.py` checks the same, and more, for editors.
#[test]
fn builtin_aliases_stand_for_one_actor_each_and_entries_are_sorted() {
    use pantau::model::ActorKind;
    use pantau::tagging::CaseRule;
    let d = Dictionary::builtin().expect("builtin dictionary");
    for kind in [ActorKind::Country, ActorKind::Organization] {
        let codes: Vec<&str> = (d.actors.iter())
            .filter(|a| a.kind == kind)
            .map(|a| a.code.as_str())
            .collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        assert_eq!(codes, sorted, "{kind:?} entries are not sorted by code");
    }
    let key = |text: &str| {
        text.to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, alias) in d.aliases.iter().enumerate() {
        by_key.entry(key(&alias.text)).or_default().push(i);
    }
    let mut collisions = Vec::new();
    for (k, list) in &by_key {
        for (n, &i) in list.iter().enumerate() {
            for &j in &list[n + 1..] {
                let (a, b) = (&d.aliases[i], &d.aliases[j]);
                let languages_overlap =
                    a.language.is_none() || b.language.is_none() || a.language == b.language;
                let distinct_exact =
                    a.case == CaseRule::Exact && b.case == CaseRule::Exact && a.text != b.text;
                if a.actor != b.actor && languages_overlap && !distinct_exact {
                    let (x, y) = (&d.actors[a.actor].code, &d.actors[b.actor].code);
                    collisions.push(format!("{k:?}: {x} and {y}"));
                }
            }
        }
    }
    collisions.sort();
    assert!(
        collisions.is_empty(),
        "aliases of two actors: {collisions:#?}"
    );
    assert!(d.aliases.len() > 3000, "{} aliases", d.aliases.len());
}

fn a_retag_places_datelines_and_gazetteer_places_anew(on: Backend) {
    let Some(mut store) = common::store(on, "places") else {
        return;
    };
    // Stored as an older pantau did: no dateline country, no places.
    seed(
        &mut store,
        &["DALLAS, March 3 - The chipmaker said profit rose. Shares rose in Houston."],
    );
    let dateline = |store: &Store| {
        let a = store.article(1).expect("read").expect("article");
        (a.dateline_place, a.dateline_country)
    };
    assert_eq!(dateline(&store), (String::new(), String::new()));
    assert!(!mention_counts(&store).contains_key("USA"));
    store.set_include_places(true).expect("places on");
    let matcher = prepare_matcher(
        &mut store,
        MatcherOptions {
            include_places: true,
        },
    )
    .expect("matcher");
    let report = retag(&mut store, &matcher, &AtomicBool::new(false), |_, _| {}).expect("retag");
    assert_eq!(report.datelines, 1);
    assert_eq!(dateline(&store), ("DALLAS".into(), "USA".into()));
    // "Houston" in the body counts for the United States; the dateline does not.
    assert_eq!(mention_counts(&store).get("USA"), Some(&1));
    let again = retag(&mut store, &matcher, &AtomicBool::new(false), |_, _| {}).expect("retag");
    assert_eq!(
        again.datelines, 0,
        "unchanged datelines are not written again"
    );
    // The user stops "Houston" counting (the dictionary tab's "Do not count").
    store.disable_place_name("USA", "houston").expect("disable");
    let matcher = prepare_matcher(
        &mut store,
        MatcherOptions {
            include_places: true,
        },
    )
    .expect("matcher");
    retag(&mut store, &matcher, &AtomicBool::new(false), |_, _| {}).expect("retag");
    assert!(!mention_counts(&store).contains_key("USA"));
    let alias = store.aliases(Some("USA")).expect("aliases");
    assert!(
        alias
            .iter()
            .any(|a| a.text == "houston" && !a.enabled && a.user)
    );
}

on_both_backends!(
    edits_survive_a_restart_and_a_retag,
    cancelled_retag_leaves_articles_whole,
    dictionary_csv_round_trip_between_databases,
    candidates_find_uncovered_names,
    a_retag_places_datelines_and_gazetteer_places_anew,
);
