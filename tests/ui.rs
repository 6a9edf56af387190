#![cfg(feature = "gui")]
//! The dashboard driven through egui_kittest: a real app on a temporary database, fixtures
//! imported in the background, an actor plotted, the co-occurrence table sorted, exports read
//! back. No native dialog is ever opened.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use pantau::ui::{Action, ExportKind, PantauApp, Settings, Tab};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn harness(db: PathBuf) -> Harness<'static, PantauApp> {
    // English, whatever the machine's locale (the labels below are looked up in English).
    let settings = Settings {
        language: Some(pantau::i18n::Lang::En),
        ..Settings::default()
    };
    let app = PantauApp::new(db, settings, false);
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut PantauApp| app.show(ui), app)
}

/// Steps frames until `done` holds (or fails after 60 s).
fn step_until(h: &mut Harness<'static, PantauApp>, what: &str, done: impl Fn(&PantauApp) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        h.step();
        if done(h.state()) {
            // Let the views draw what just arrived.
            h.run_steps(2);
            return;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting for {what}; notices: {:?}",
            h.state().notices
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Steps frames until a widget labelled with `text` shows up.
fn wait_for_label(h: &mut Harness<'static, PantauApp>, text: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while h.query_all_by_label_contains(text).next().is_none() {
        assert!(Instant::now() < deadline, "timed out waiting for {text:?}");
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn imported(h: &mut Harness<'static, PantauApp>) {
    h.state_mut().import_paths(vec![
        fixture("ui/indosum-8.jsonl"),
        fixture("ui/broken.pdf"),
        fixture("000_a8de84f94fd64a6f.txt"),
    ]);
    step_until(h, "the import", |app| {
        app.last_report().is_some() && !app.is_busy()
    });
}

#[test]
fn import_plot_drill_down_and_export() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(dir.path().join("ui.db"));
    imported(&mut h);
    let report = h
        .state()
        .last_report()
        .cloned()
        .expect("report")
        .expect("import ok");
    assert!(report.counts.articles_added >= 9, "{:?}", report.counts);
    assert!(
        report.failed.iter().any(|f| f.path.ends_with("broken.pdf")),
        "{:?}",
        report.failed
    );
    // The failed file is listed in the report panel.
    h.get_by_label_contains("broken.pdf");

    // Plot Russia by ticking it in the actors panel.
    h.get_by_label_contains("RUS ").click();
    step_until(&mut h, "the timeline", |app| {
        app.timeline()
            .is_some_and(|t| t.0.series.len() == 1 && t.0.series[0].actor_code == "RUS")
            && !app.is_busy()
    });
    let timeline = h.state().timeline().expect("timeline");
    let points: u64 = timeline.0.series[0].points.iter().map(|p| p.articles).sum();
    assert!(
        points >= 8,
        "every fixture article mentions Rusia: {points}"
    );
    assert_eq!(h.state().settings.selected, vec!["RUS".to_string()]);

    // Export the timeline and read it back.
    let csv_path = dir.path().join("timeline.csv");
    h.state_mut()
        .send(Action::ExportTo(ExportKind::Timeline, csv_path.clone()));
    step_until(&mut h, "the export", |app| {
        !app.is_busy() && csv_path.exists()
    });
    let mut rows = csv::Reader::from_path(&csv_path).expect("csv");
    let total: u64 = rows
        .records()
        .map(|r| r.expect("row")[3].parse::<u64>().expect("articles"))
        .sum();
    assert_eq!(total, points);

    // Co-occurrence: open the tab, sort by Jaccard, check the order, export it.
    h.get_by_label("Co-occurrence").click();
    h.state_mut().settings.min_support = 1;
    step_until(&mut h, "the pairs", |app| {
        !app.pairs().is_empty() && !app.is_busy()
    });
    h.get_by_label("Jaccard").click();
    h.run_steps(2);
    let pairs = h.state().pairs();
    assert!(pairs.windows(2).all(|w| w[0].jaccard >= w[1].jaccard));
    let cooc_path = dir.path().join("cooc.csv");
    h.state_mut().send(Action::ExportTo(
        ExportKind::Cooccurrence,
        cooc_path.clone(),
    ));
    step_until(&mut h, "the export", |app| {
        !app.is_busy() && cooc_path.exists()
    });
    let mut rows = csv::Reader::from_path(&cooc_path).expect("csv");
    let jaccards: Vec<f64> = rows
        .records()
        .map(|r| r.expect("row")[8].parse().expect("jaccard"))
        .collect();
    assert_eq!(jaccards.len(), pairs.len());
    assert!(jaccards.windows(2).all(|w| w[0] >= w[1]));

    // The network as GEXF.
    let gexf = dir.path().join("network.gexf");
    h.state_mut()
        .send(Action::ExportTo(ExportKind::Network, gexf.clone()));
    step_until(&mut h, "the export", |app| !app.is_busy() && gexf.exists());
    let xml = std::fs::read_to_string(&gexf).expect("gexf");
    assert!(xml.contains("<gexf") && xml.contains("RUS"), "{xml}");

    // Drill down from a number: the articles of Russia.
    h.state_mut()
        .send(Action::DrillDown(pantau::ui::DrillDown::Actor {
            actor_code: "RUS".into(),
        }));
    wait_for_label(&mut h, "Articles mentioning RUS");

    // The mentions export of the whole database.
    let mentions = dir.path().join("mentions.csv");
    h.state_mut()
        .send(Action::ExportTo(ExportKind::Mentions, mentions.clone()));
    step_until(&mut h, "the export", |app| {
        !app.is_busy() && mentions.exists()
    });
    let n = csv::Reader::from_path(&mentions)
        .expect("csv")
        .records()
        .count();
    assert!(n >= 8);
}

#[test]
fn undated_articles_can_be_dated() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(dir.path().join("ui.db"));
    let undated = dir.path().join("undated.txt");
    std::fs::write(
        &undated,
        "Rusia dan Tiongkok bertemu di PBB.\n\nTanpa tanggal.\n",
    )
    .expect("write");
    h.state_mut().import_paths(vec![undated]);
    step_until(&mut h, "the import", |app| {
        app.last_report().is_some() && !app.is_busy()
    });
    h.state_mut().send(Action::ShowTab(Tab::Articles));
    h.run_steps(2);
    h.get_by_label("Undated only").click();
    wait_for_label(&mut h, "1–1 of 1");
    h.state_mut().send(Action::SetDates(
        vec![1],
        chrono::NaiveDate::from_ymd_opt(2020, 5, 17).expect("date"),
    ));
    step_until(&mut h, "the date", |app| {
        !app.is_busy() && app.notices.iter().any(|(n, _)| n.starts_with("Dated 1"))
    });
    wait_for_label(&mut h, "0–0 of 0");

    // In the reader, "not here" on a keyword-in-context line excludes that mention.
    let db = h.state().database().file().expect("a file").to_path_buf();
    assert_eq!((mentions_of(&db, "CHN"), mentions_of(&db, "RUS")), (1, 1));
    h.state_mut().send(Action::OpenArticle(1));
    wait_for_label(&mut h, "Keywords in context");
    h.get_by_label("Keywords in context").click();
    h.run_steps(2);
    // Lines go by actor code: CHN ("Tiongkok") first.
    h.get_all_by_label("not here")
        .next()
        .expect("a button per line")
        .click();
    step_until(&mut h, "the exclusion", |app| {
        app.notices
            .iter()
            .any(|(n, e)| !e && n.starts_with("\"Tiongkok\" is not CHN in article 1"))
    });
    h.state_mut().send(Action::Retag);
    h.run_steps(1);
    step_until(&mut h, "the re-tag", |app| {
        app.retag_status().is_some() && !app.is_busy()
    });
    assert_eq!((mentions_of(&db, "CHN"), mentions_of(&db, "RUS")), (0, 1));
}

/// Mentions of `code` stored in the database at `db`.
fn mentions_of(db: &std::path::Path, code: &str) -> u64 {
    let store = pantau::store::Store::open(db).expect("store");
    let Some(actor) = store
        .actors()
        .expect("actors")
        .into_iter()
        .find(|a| a.code == code)
    else {
        return 0;
    };
    store
        .actor_totals(&pantau::analysis::Filter::default())
        .expect("totals")
        .into_iter()
        .find(|t| t.actor == actor.id)
        .map_or(0, |t| t.mentions)
}

#[test]
fn added_alias_counts_after_a_retag() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("ui.db");
    let mut h = harness(db.clone());
    imported(&mut h);
    let before = mentions_of(&db, "FRA");

    h.state_mut().send(Action::ShowTab(Tab::Dictionary));
    h.run_steps(2);
    // What the "Add alias" form sends: "Snowden" (in one fixture article) names France.
    h.state_mut()
        .send(Action::AddAlias(pantau::store::NewAlias {
            actor_code: "FRA".into(),
            text: "Snowden".into(),
            language: None,
            case: None,
            via: pantau::model::Via::Name,
        }));
    step_until(&mut h, "the alias", |app| {
        app.notices
            .iter()
            .any(|(n, e)| !e && n.starts_with("Added the alias"))
    });
    assert_eq!(
        mentions_of(&db, "FRA"),
        before,
        "counted only after a re-tag"
    );

    h.get_by_label("Re-tag corpus").click();
    step_until(&mut h, "the re-tag", |app| {
        app.retag_status().is_some() && !app.is_busy()
    });
    let (status, error) = h.state().retag_status().cloned().expect("status");
    assert!(!error && status.starts_with("Re-tag finished"), "{status}");
    wait_for_label(&mut h, "Re-tag finished");
    let after = mentions_of(&db, "FRA");
    assert!(after > before, "FRA mentions {before} -> {after}");

    // An exclusion shows up in the list and can be deleted.
    h.state_mut().send(Action::AddExclusion {
        actor_code: "FRA".into(),
        alias: "Snowden".into(),
        phrase: "Edward Snowden".into(),
    });
    wait_for_label(&mut h, "is not FRA in the phrase");
    let store = pantau::store::Store::open(&db).expect("store");
    let exclusions = store.exclusions().expect("exclusions");
    assert_eq!(exclusions.len(), 1);
    h.state_mut()
        .send(Action::DeleteExclusion(exclusions[0].id));
    step_until(&mut h, "the deletion", |app| {
        app.notices
            .iter()
            .any(|(n, _)| n.starts_with("Exclusion deleted"))
    });
    assert!(store.exclusions().expect("exclusions").is_empty());

    // Disabling the alias and re-tagging takes its mentions away again.
    h.state_mut().send(Action::SetAliasEnabled {
        actor_code: "FRA".into(),
        text: "Snowden".into(),
        language: None,
        enabled: false,
    });
    h.state_mut().send(Action::Retag);
    h.run_steps(1);
    step_until(&mut h, "the second re-tag", |app| {
        app.retag_status().is_some() && !app.is_busy()
    });
    assert_eq!(mentions_of(&db, "FRA"), before);
}

#[test]
fn a_candidate_name_becomes_an_actor() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("ui.db");
    let mut h = harness(db.clone());
    imported(&mut h);
    assert_eq!(mentions_of(&db, "IPSI"), 0);

    h.state_mut().send(Action::ShowTab(Tab::Dictionary));
    h.run_steps(2);
    h.get_by_label("Candidate names").click();
    h.run_steps(2);
    // The fixtures are small: what the "in at least N articles" field sends for N = 1.
    h.state_mut().send(Action::FindCandidates(1));
    step_until(&mut h, "the candidates", |app| {
        app.candidates().is_some() && !app.is_busy()
    });
    let list = match h.state().candidates() {
        Some(Ok(list)) => list.clone(),
        other => panic!("no candidates: {other:?}"),
    };
    // "Pengurus Besar Ikatan Pencak Silat Indonesia (PB IPSI)": no actor covers IPSI.
    let row = list
        .iter()
        .position(|c| c.text == "IPSI")
        .expect("IPSI is a candidate");
    assert_eq!((list[row].articles, list[row].occurrences), (1, 2));
    assert!(
        list.iter().all(|c| c.text != "Rusia"),
        "covered names are no candidates"
    );

    h.get_all_by_label("new actor…")
        .nth(row)
        .expect("a button per row")
        .click();
    wait_for_label(&mut h, "New actor for");
    h.get_by_label("Add actor").click();
    step_until(&mut h, "the new actor", |app| {
        app.notices
            .iter()
            .any(|(n, e)| !e && n.starts_with("Added the actor IPSI"))
    });
    wait_for_label(&mut h, "Aliases of IPSI");
    // The user's alias can be deleted (and added again) from the aliases table.
    h.get_by_label("Delete").click();
    step_until(&mut h, "the deletion", |app| {
        app.notices
            .iter()
            .any(|(n, e)| !e && n.starts_with("Deleted the alias \"IPSI\""))
    });
    let store = pantau::store::Store::open(&db).expect("store");
    assert!(store.aliases(Some("IPSI")).expect("aliases").is_empty());
    h.state_mut()
        .send(Action::AddAlias(pantau::store::NewAlias {
            actor_code: "IPSI".into(),
            text: "IPSI".into(),
            language: None,
            case: None,
            via: pantau::model::Via::Short,
        }));
    step_until(&mut h, "the alias", |app| {
        app.notices
            .iter()
            .any(|(n, e)| !e && n.starts_with("Added the alias"))
    });

    h.get_by_label("Re-tag corpus").click();
    step_until(&mut h, "the re-tag", |app| {
        app.retag_status().is_some() && !app.is_busy()
    });
    assert_eq!(mentions_of(&db, "IPSI"), 2);
}

/// Sixty countries by their English names, all in each of `n` articles: 1,770 pairs.
fn many_countries(dir: &std::path::Path, n: usize) -> PathBuf {
    const NAMES: [&str; 60] = [
        "France",
        "Germany",
        "Italy",
        "Spain",
        "Japan",
        "China",
        "India",
        "Brazil",
        "Canada",
        "Mexico",
        "Egypt",
        "Kenya",
        "Nigeria",
        "Ghana",
        "Peru",
        "Chile",
        "Argentina",
        "Colombia",
        "Venezuela",
        "Cuba",
        "Norway",
        "Sweden",
        "Finland",
        "Denmark",
        "Poland",
        "Ukraine",
        "Russia",
        "Turkey",
        "Iran",
        "Iraq",
        "Syria",
        "Israel",
        "Lebanon",
        "Saudi Arabia",
        "Qatar",
        "Pakistan",
        "Afghanistan",
        "Bangladesh",
        "Nepal",
        "Thailand",
        "Vietnam",
        "Malaysia",
        "Singapore",
        "Philippines",
        "Australia",
        "New Zealand",
        "Greece",
        "Portugal",
        "Austria",
        "Switzerland",
        "Belgium",
        "Netherlands",
        "Ireland",
        "Hungary",
        "Romania",
        "Bulgaria",
        "Serbia",
        "Croatia",
        "Morocco",
        "Ethiopia",
    ];
    let path = dir.join("summit.jsonl");
    let mut out = String::new();
    for i in 0..n {
        let text = format!(
            "Leaders met at the summit number {i}. Delegations came from {}.",
            NAMES.join(", ")
        );
        out.push_str(
            &serde_json::json!({
                "title": format!("Summit {i}"),
                "text": text,
                "date": format!("2019-{:02}-10", i % 12 + 1),
                "source": "Wire",
            })
            .to_string(),
        );
        out.push('\n');
    }
    std::fs::write(&path, out).expect("write");
    path
}

/// Clicks the text field labelled `label` and types `text` into it.
fn type_into(h: &mut Harness<'static, PantauApp>, label: &str, text: &str) {
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, label);
    field.focus();
    h.run_steps(1);
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, label);
    field.type_text(text);
    h.run_steps(2);
}

/// Clears the text field labelled `label`.
fn clear_field(h: &mut Harness<'static, PantauApp>, label: &str) {
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, label);
    field.focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Backspace);
    h.run_steps(2);
}

/// Clicks a tab of the tab bar (drawn before any toolbar with the same word).
fn open_tab(h: &mut Harness<'static, PantauApp>, title: &str) {
    h.get_all_by_label(title).next().expect("the tab").click();
    h.run_steps(2);
}

fn wait_idle(h: &mut Harness<'static, PantauApp>) {
    step_until(h, "idle", |app| !app.is_busy());
}

#[test]
fn every_pair_is_reachable_sortable_and_exported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("ui.db");
    let mut h = harness(db.clone());
    let many = many_countries(dir.path(), 12);
    h.state_mut().import_paths(vec![many]);
    step_until(&mut h, "the import", |app| {
        app.last_report().is_some() && !app.is_busy()
    });
    open_tab(&mut h, "Co-occurrence");
    h.state_mut().settings.min_support = 1;
    step_until(&mut h, "the pairs", |app| {
        !app.pairs().is_empty() && !app.is_busy()
    });
    let store = pantau::store::Store::open(&db).expect("store");
    let all = pantau::analysis::cooccurrence(
        &store,
        pantau::analysis::Window::Article,
        1,
        None,
        pantau::analysis::Measure::Both,
        &pantau::analysis::Filter::default(),
    )
    .expect("pairs");
    assert!(all.len() > 500, "{} pairs", all.len());
    assert_eq!(h.state().pairs().len(), all.len(), "no cap on the table");
    // Counts with English thousands separators ("1,770 of 1,770 pairs").
    let n = pantau::i18n::integer(pantau::i18n::Lang::En, all.len() as i64);
    wait_for_label(&mut h, &format!("{n} of {n} pairs"));

    // The view's export writes every row, and the notice names the file as saved.
    let out = dir.path().join("my-pairs.csv");
    h.state_mut()
        .send(Action::ExportTo(ExportKind::Cooccurrence, out.clone()));
    step_until(&mut h, "the export", |app| !app.is_busy() && out.exists());
    let rows = csv::Reader::from_path(&out).expect("csv").records().count();
    assert_eq!(rows, all.len());
    assert!(
        h.state()
            .notices
            .iter()
            .any(|(n, e)| !e && n.contains("my-pairs.csv") && !n.contains("cooccurrence.csv")),
        "{:?}",
        h.state().notices
    );

    // Sorting by Pair, then again: A to Z, then Z to A.
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Pair")
        .click();
    h.run_steps(2);
    let az = h.state().pairs();
    assert!(
        az.windows(2)
            .all(|w| (&w[0].actor_a, &w[0].actor_b) <= (&w[1].actor_a, &w[1].actor_b))
    );
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Pair v")
        .click();
    h.run_steps(2);
    let za = h.state().pairs();
    assert!(
        za.windows(2)
            .all(|w| (&w[0].actor_a, &w[0].actor_b) >= (&w[1].actor_a, &w[1].actor_b))
    );
    assert_eq!(za.first(), az.last());
}

#[test]
fn the_search_box_speaks_the_query_language_of_the_cli() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("ui.db");
    let mut h = harness(db.clone());
    imported(&mut h);
    open_tab(&mut h, "Articles");
    wait_idle(&mut h);
    let store = pantau::store::Store::open(&db).expect("store");
    let cli = |q: &str| {
        let filter = pantau::analysis::Filter {
            query: Some(q.to_string()),
            ..Default::default()
        };
        store
            .filtered_article_ids(&filter, None)
            .expect("ids")
            .len() as u64
    };
    for query in [
        "title:putin",
        "\"Vladimir Putin\"",
        "Rusia NOT Putin",
        "snowden OR putin",
        "NEAR(Presiden Putin, 2)",
        "^jakarta",
        "Google Allo",
    ] {
        clear_field(&mut h, "Search:");
        type_into(&mut h, "Search:", query);
        wait_idle(&mut h);
        let want = cli(query);
        let got = h.state().article_list().expect("list").total;
        assert_eq!(got, want, "{query}");
        wait_for_label(&mut h, &format!("of {want}"));
    }
    assert_ne!(cli("title:putin"), cli("putin"), "a column filter counts");
    // Broken syntax: an inline error with the hint; the last good list stays.
    clear_field(&mut h, "Search:");
    type_into(&mut h, "Search:", "\"Vladimir");
    wait_for_label(&mut h, "Search: unterminated string");
    h.get_by_label_contains("Quote words with punctuation");
}

#[test]
fn filters_take_names_aliases_and_outlets_as_typed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(dir.path().join("ui.db"));
    imported(&mut h);
    // The actors panel finds the United States by its Indonesian name.
    type_into(&mut h, "Actors", "amerika");
    wait_idle(&mut h);
    h.get_by_label_contains("USA United States");
    assert!(h.query_by_label_contains("RUS Russia").is_none());
    // Nothing matches: said so, not "no actors mentioned yet".
    clear_field(&mut h, "Actors");
    type_into(&mut h, "Actors", "narnia");
    wait_for_label(&mut h, "matches \"narnia\"");
    assert!(
        h.query_by_label_contains("No actors mentioned yet")
            .is_none()
    );

    // The Articles actor filter takes a name in any language; the source filter any case.
    open_tab(&mut h, "Articles");
    wait_idle(&mut h);
    let all = h.state().article_list().expect("list").total;
    let store = h.state().database().open().expect("store");
    let of = |code: &str| {
        let q = pantau::store::ArticleListQuery {
            actor_code: Some(code.into()),
            ..Default::default()
        };
        store.list_articles(&q, 0, 1).expect("list").1
    };
    for (typed, code) in [("Rusia", "RUS"), ("Amerika Serikat", "USA"), ("pbb", "UN")] {
        type_into(&mut h, "Actor:", typed);
        wait_for_label(&mut h, &format!("= {code}"));
        wait_idle(&mut h);
        let got = h.state().article_list().expect("list").total;
        assert_eq!(got, of(code), "{typed}");
        assert!(got > 0, "{typed}");
        clear_field(&mut h, "Actor:");
    }
    // A name no actor has lists nothing (not every article).
    type_into(&mut h, "Actor:", "Narnia");
    wait_idle(&mut h);
    assert_eq!(h.state().article_list().expect("list").total, 0);
    assert!(all > 0);
    clear_field(&mut h, "Actor:");
    type_into(&mut h, "Source:", "ANTARANEWS");
    wait_idle(&mut h);
    assert_eq!(h.state().article_list().expect("list").total, 3);
}

#[test]
fn opening_a_file_that_is_no_database_keeps_the_open_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("ui.db");
    let mut h = harness(db.clone());
    imported(&mut h);
    // A path that does not exist is not created.
    let missing = dir.path().join("nothing-here.db");
    h.state_mut().send(Action::UseDatabase(missing.clone()));
    step_until(&mut h, "the refusal", |app| {
        app.notices
            .iter()
            .any(|(n, e)| *e && n.contains("does not exist"))
    });
    assert!(!missing.exists());
    assert_eq!(h.state().database().file(), Some(db.as_path()));
    // A text file is refused with the reason; the database stays and still answers.
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "just some notes\n").expect("write");
    h.state_mut().send(Action::UseDatabase(text.clone()));
    step_until(&mut h, "the refusal", |app| {
        app.notices
            .iter()
            .any(|(n, e)| *e && n.contains("is not a pantau database"))
    });
    assert_eq!(
        std::fs::read_to_string(&text).expect("read"),
        "just some notes\n"
    );
    assert_eq!(h.state().database().file(), Some(db.as_path()));
    wait_for_label(&mut h, "is not a pantau database");
    // A good database opens, and the old errors are gone.
    let other = dir.path().join("other.db");
    drop(pantau::store::Store::open(&other).expect("new db"));
    h.state_mut().send(Action::UseDatabase(other.clone()));
    step_until(&mut h, "the switch", |app| {
        app.database().file() == Some(other.as_path())
    });
    wait_idle(&mut h);
    assert!(
        h.state().notices.iter().all(|(_, e)| !e),
        "{:?}",
        h.state().notices
    );
    assert!(
        h.query_by_label_contains("is not a pantau database")
            .is_none()
    );
}

#[test]
fn every_tab_shows_its_data_in_a_small_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(dir.path().join("ui.db"));
    imported(&mut h);
    for size in [egui::vec2(800.0, 500.0), egui::vec2(480.0, 320.0)] {
        h.set_size(size);
        h.run_steps(2);
        // Timeline: a plotted actor.
        open_tab(&mut h, "Timeline");
        h.state_mut().settings.selected = vec!["RUS".into()];
        step_until(&mut h, "the timeline", |app| {
            app.timeline().is_some_and(|t| !t.0.series.is_empty()) && !app.is_busy()
        });
        let t = h.state().timeline().expect("timeline");
        assert!(t.0.series[0].points.iter().any(|p| p.articles > 0));
        // Co-occurrence: a table row.
        open_tab(&mut h, "Co-occurrence");
        h.state_mut().settings.min_support = 1;
        step_until(&mut h, "pairs", |app| {
            !app.pairs().is_empty() && !app.is_busy()
        });
        let first = h.state().pairs()[0].clone();
        h.get_by_label_contains(&format!("{} + {}", first.actor_a, first.actor_b));
        // Articles: a title.
        open_tab(&mut h, "Articles");
        wait_idle(&mut h);
        h.get_by_label_contains("Snowden");
        // Dictionary: clicking an actor's name shows its aliases.
        open_tab(&mut h, "Dictionary");
        wait_idle(&mut h);
        h.get_by_label("Re-tag corpus");
        type_into(&mut h, "Search:", "Russia");
        h.get_all_by_label("Russia")
            .next()
            .expect("its name")
            .click();
        wait_for_label(&mut h, "Aliases of RUS");
        wait_idle(&mut h);
        h.get_by_label("Rusia");
        clear_field(&mut h, "Search:");
    }
}

#[test]
fn non_latin_scripts_render_with_system_fonts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(dir.path().join("ui.db"));
    let path = dir.path().join("scripts.txt");
    std::fs::write(
        &path,
        "ประเทศไทย และ العربية 中国 Rusia\n\nกรุงเทพมหานคร مرحبا 北京 dan Rusia.\n",
    )
    .expect("write");
    h.state_mut().import_paths(vec![path]);
    step_until(&mut h, "the import", |app| {
        app.last_report().is_some() && !app.is_busy()
    });
    // The list and the reader lay the text out: the harness fails on any glyph no font has.
    h.state_mut().send(Action::OpenArticle(1));
    wait_for_label(&mut h, "Keywords in context");
    h.run_steps(3);
    assert!(
        h.get_all_by_label_contains("ประเทศไทย").count() >= 2,
        "list and reader"
    );
}

#[test]
fn a_record_field_found_unread_can_be_mapped_from_the_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let body = "Pemerintah Rusia mengecam serangan udara di Suriah pada Selasa malam, dan menteri luar negeri Turki menyerukan perundingan di bawah naungan PBB. ".repeat(3);
    let csv = |title: &str| format!("headline,body_html\n{title},\"<p>{body}</p>\"\n");
    let (first, second) = (dir.path().join("a.csv"), dir.path().join("b.csv"));
    std::fs::write(&first, csv("Rusia kecam serangan")).expect("write");
    std::fs::write(&second, csv("Turki serukan perundingan")).expect("write");
    let db = dir.path().join("ui.db");
    let mut h = harness(db.clone());
    h.state_mut().import_paths(vec![first]);
    step_until(&mut h, "the first import", |app| {
        app.last_report().is_some() && !app.is_busy()
    });
    // The report names the field and offers to map it.
    wait_for_label(&mut h, "body_html");
    h.get_by_label("Read the text from it…").click();
    h.run_steps(2);
    wait_for_label(&mut h, "Import options");
    h.get_by_label("Apply").click();
    h.run_steps(2);
    assert_eq!(
        h.state().settings.field_map,
        [("text".to_string(), "body_html".to_string())]
    );
    wait_for_label(&mut h, "Import options: text ← body_html");
    h.state_mut().import_paths(vec![second]);
    step_until(&mut h, "the second import", |app| {
        app.last_report().is_some() && !app.is_busy()
    });
    let store = pantau::store::Store::open(&db).expect("store");
    let texts: Vec<(String, String)> = (1..=2)
        .map(|id| {
            let a = store.article(id).expect("article").expect("exists");
            (a.title, a.text)
        })
        .collect();
    assert_eq!(texts[0].1, "", "the first import read no text: {texts:?}");
    assert!(
        texts[1].0 == "Turki serukan perundingan"
            && texts[1].1.contains("menyerukan perundingan")
            && !texts[1].1.contains("<p>"),
        "the mapped field is the text: {texts:?}"
    );
    assert!(mentions_of(&db, "SYR") >= 1);
}

#[test]
fn the_count_stories_switch_counts_each_story_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let story = "Pemerintah Rusia mengecam serangan udara yang menghantam pinggiran kota Aleppo di Suriah pada Selasa malam. Menteri luar negeri Turki menyerukan perundingan segera di bawah naungan Perserikatan Bangsa-Bangsa. Sejumlah diplomat menyebut pertemuan di Jenewa pekan depan sebagai kesempatan terakhir untuk gencatan senjata, sementara warga sipil terus mengungsi ke perbatasan. Kementerian Pertahanan Rusia membantah pesawatnya terlibat dan menuding kelompok bersenjata di Idlib.";
    let mut paths = Vec::new();
    for (i, credit) in [
        "Jakarta, CNN Indonesia --",
        "Liputan6.com, Jakarta -",
        "JAKARTA, KOMPAS.com -",
    ]
    .iter()
    .enumerate()
    {
        let p = dir.path().join(format!("copy{i}.txt"));
        std::fs::write(
            &p,
            format!("Rusia kecam serangan, 3 Mei 2021\n\n{credit} {story}\n"),
        )
        .expect("write");
        paths.push(p);
    }
    let mut h = harness(dir.path().join("ui.db"));
    h.state_mut().import_paths(paths);
    step_until(&mut h, "the import", |app| {
        app.last_report().is_some() && !app.is_busy()
    });
    open_tab(&mut h, "Timeline");
    h.state_mut().settings.selected = vec!["RUS".into()];
    wait_idle(&mut h);
    // The window's timeline export counts what the window counts.
    let rus_articles = |h: &mut Harness<'static, PantauApp>, name: &str| -> u64 {
        let out = dir.path().join(name);
        h.state_mut()
            .send(Action::ExportTo(ExportKind::Timeline, out.clone()));
        wait_idle(h);
        let csv = std::fs::read_to_string(&out).expect("export");
        csv.lines()
            .skip(1)
            .filter(|l| l.contains(",RUS,"))
            .map(|l| {
                l.split(',')
                    .nth(3)
                    .and_then(|n| n.parse::<u64>().ok())
                    .unwrap_or(0)
            })
            .sum()
    };
    assert_eq!(rus_articles(&mut h, "articles.csv"), 3, "three copies");
    assert!(!h.state().settings.count_stories);
    h.get_by_label("Count stories").click();
    h.run_steps(2);
    assert!(h.state().settings.count_stories);
    wait_idle(&mut h);
    assert_eq!(rus_articles(&mut h, "stories.csv"), 1, "one story");
}

#[test]
fn the_count_places_switch_re_tags_and_counts_places() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path().join("floods.txt");
    std::fs::write(
        &p,
        "Banjir di Jawa Barat\n\nBanjir merendam ratusan rumah di Bekasi dan Bogor, Jawa Barat, \
         pada Selasa. Warga mengungsi ke Depok.\n",
    )
    .expect("write");
    let db = dir.path().join("ui.db");
    let mut h = harness(db.clone());
    h.state_mut().import_paths(vec![p]);
    step_until(&mut h, "the import", |app| {
        app.last_report().is_some() && !app.is_busy()
    });
    open_tab(&mut h, "Timeline");
    // Off by default: the article names no country.
    assert_eq!(h.state().settings.places, Some(false));
    assert_eq!(mentions_of(&db, "IDN"), 0);
    h.get_by_label("Count places").click();
    h.run_steps(2);
    step_until(&mut h, "the re-tag", |app| {
        app.retag_status().is_some() && !app.is_busy()
    });
    assert_eq!(h.state().settings.places, Some(true));
    // Bekasi, Bogor (its qualifier "Jawa Barat" part of the one mention), Depok; the title's
    // "Jawa Barat" is the first line of the text.
    assert_eq!(mentions_of(&db, "IDN"), 4, "{:?}", h.state().retag_status());
    let store = pantau::store::Store::open(&db).expect("store");
    assert!(store.include_places().expect("setting"));
    // And back off.
    h.get_by_label("Count places").click();
    h.run_steps(2);
    step_until(&mut h, "the second re-tag", |app| {
        app.settings.places == Some(false) && app.retag_status().is_some() && !app.is_busy()
    });
    assert_eq!(mentions_of(&db, "IDN"), 0);
}

#[test]
fn named_in_the_headline_changes_the_timeline() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("items.jsonl");
    let records = [
        (
            "Rusia kecam Jepang",
            "Pemerintah menyampaikan protes keras.\n\nDiplomat bertemu.",
        ),
        (
            "Pertemuan di Jenewa",
            "Rusia dan Turki bertemu hari ini.\n\nTidak ada kesepakatan.",
        ),
        (
            "Harga minyak naik",
            "Harga minyak naik tajam.\n\nPasokan dari Rusia berkurang.",
        ),
    ];
    let lines: Vec<String> = records
        .iter()
        .map(|(t, x)| serde_json::json!({"title": t, "text": x, "date": "2021-05-03"}).to_string())
        .collect();
    std::fs::write(&file, lines.join("\n")).expect("write");
    let mut h = harness(dir.path().join("ui.db"));
    h.state_mut().import_paths(vec![file]);
    step_until(&mut h, "the import", |app| {
        app.last_report().is_some() && !app.is_busy()
    });
    open_tab(&mut h, "Timeline");
    h.state_mut().settings.selected = vec!["RUS".into()];
    wait_idle(&mut h);
    let rus = |h: &Harness<'static, PantauApp>| -> u64 {
        h.state()
            .timeline()
            .map(|t| {
                t.0.series
                    .iter()
                    .flat_map(|s| &s.points)
                    .map(|p| p.articles)
                    .sum()
            })
            .unwrap_or(0)
    };
    assert_eq!(rus(&h), 3);
    h.get_by_label("headline").click();
    h.run_steps(2);
    wait_idle(&mut h);
    assert_eq!(h.state().settings.named_in, 2);
    assert_eq!(rus(&h), 1, "only the article whose headline names Russia");
    h.get_by_label("lead").click();
    h.run_steps(2);
    wait_idle(&mut h);
    assert_eq!(rus(&h), 2);
}

/// The window in Indonesian: the menus, tabs, toolbars, actors panel and status bar speak
/// it, and none of their English labels is left.
/// The English messages of the catalogs that Indonesian says otherwise (whole messages without
/// placeables: what a label shows as it is).
fn english_only_messages() -> std::collections::BTreeSet<String> {
    use pantau::i18n::{CATALOGS, Lang, tr};
    let (_, en) = CATALOGS[0];
    en.lines()
        .filter_map(|l| l.split_once(" = "))
        .filter(|(id, v)| !id.starts_with('#') && !id.contains(' ') && !v.contains('{'))
        .filter(|(id, _)| tr(Lang::En, id) != tr(Lang::Id, id))
        .map(|(id, _)| tr(Lang::En, id))
        .filter(|v| v.trim().len() > 1)
        .collect()
}

/// Fails when any node of the window's tree (every label and value) shows an English message.
fn assert_no_english(h: &Harness<'static, PantauApp>, where_: &str) {
    let english = english_only_messages();
    let mut seen = 0;
    for node in h.query_all(egui_kittest::kittest::By::new()) {
        let n = node.accesskit_node();
        for text in [n.label(), n.value()].into_iter().flatten() {
            seen += 1;
            assert!(
                !english.contains(text.trim()),
                "{where_}: the English label {text:?} is shown"
            );
        }
    }
    assert!(seen > 30, "{where_}: only {seen} texts in the tree");
}

#[test]
fn the_window_speaks_indonesian() {
    let dir = tempfile::tempdir().expect("temp dir");
    let settings = Settings {
        language: Some(pantau::i18n::Lang::Id),
        ..Settings::default()
    };
    let app = PantauApp::new(dir.path().join("ui.db"), settings, false);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut PantauApp| app.show(ui), app);
    imported(&mut h);
    h.state_mut().settings.selected = vec!["RUS".into(), "TUR".into()];
    wait_idle(&mut h);
    for tab in [
        "Linimasa",
        "Kemunculan bersama",
        "Jaringan",
        "Bandingkan",
        "Media",
        "Profil",
    ] {
        h.get_by_label(tab).click();
        h.run_steps(2);
        wait_idle(&mut h);
        assert_no_english(&h, tab);
        for indonesian in [
            "Berkas",
            "Tampilan",
            "Aktor",
            "Semua",
            "Negara",
            "Hitung per berita",
        ] {
            assert!(
                h.query_all_by_label_contains(indonesian).next().is_some(),
                "{tab}: no {indonesian:?}"
            );
        }
        for english in [
            "File",
            "View",
            "Timeline",
            "Co-occurrence",
            "Count stories",
            "Countries",
            "Organizations",
            "Named in:",
        ] {
            assert!(
                h.query_by_label(english).is_none(),
                "{tab}: English label {english:?} left"
            );
        }
    }
    h.get_by_label("Linimasa").click();
    h.run_steps(2);
    wait_idle(&mut h);
    for indonesian in ["Interval:", "Bulan", "Rata-rata bergerak:", "Disebut di:"] {
        assert!(h.query_by_label(indonesian).is_some(), "no {indonesian:?}");
    }
    h.get_by_label("Artikel").click();
    h.run_steps(2);
    wait_idle(&mut h);
    for indonesian in [
        "Cari:",
        "Aktor:",
        "Bahasa:",
        "Sumber:",
        "Hanya tanpa tanggal",
    ] {
        assert!(
            h.query_by_label(indonesian).is_some(),
            "Artikel: no {indonesian:?}"
        );
    }
    for english in [
        "Search:",
        "Actor:",
        "Language:",
        "Source:",
        "Undated only",
        "Next >",
    ] {
        assert!(
            h.query_by_label(english).is_none(),
            "Artikel: English {english:?} left"
        );
    }
    h.get_by_label("Kamus").click();
    h.run_steps(2);
    wait_idle(&mut h);
    assert_no_english(&h, "Kamus");
    for indonesian in [
        "Tandai ulang korpus",
        "Kandidat nama",
        "Hitung tempat untuk negaranya",
    ] {
        assert!(
            h.query_by_label(indonesian).is_some(),
            "Kamus: no {indonesian:?}"
        );
    }
    for english in [
        "Re-tag corpus",
        "Candidate names",
        "Count places for their country",
    ] {
        assert!(
            h.query_by_label(english).is_none(),
            "Kamus: English {english:?} left"
        );
    }
    h.get_by_label("Artikel").click();
    h.run_steps(2);
    wait_idle(&mut h);
    // The reader, in Indonesian.
    h.state_mut().send(Action::OpenArticle(1));
    h.run_steps(2);
    wait_idle(&mut h);
    assert!(h.query_by_label("Kata kunci dalam konteks").is_some());
    assert!(h.query_by_label("Keywords in context").is_none());
    assert_no_english(&h, "Artikel, pembaca");
    h.get_by_label("Linimasa").click();
    h.run_steps(2);
    wait_idle(&mut h);
    // Actors by their Indonesian names, in the panel and the legend.
    assert!(h.query_all_by_label_contains("RUS Rusia").next().is_some());
    assert!(h.query_all_by_label_contains("TUR Turki").next().is_some());
    assert!(h.query_all_by_label_contains("RUS Russia").next().is_none());
    assert!(
        h.state()
            .notices
            .iter()
            .any(|(n, _)| n.starts_with("Impor selesai:")),
        "{:?}",
        h.state().notices
    );
}

#[test]
fn switching_the_language_changes_the_labels_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = harness(dir.path().join("ui.db"));
    h.run_steps(2);
    assert!(h.query_by_label("Timeline").is_some());
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label_contains("Language").hover();
    h.run_steps(2);
    h.get_by_label("Bahasa Indonesia").click();
    h.run_steps(2);
    assert_eq!(h.state().settings.language, Some(pantau::i18n::Lang::Id));
    assert!(h.query_by_label("Linimasa").is_some());
    assert!(h.query_by_label("Timeline").is_none());
    h.state_mut()
        .send(Action::SetLanguage(pantau::i18n::Lang::En));
    h.run_steps(2);
    assert!(h.query_by_label("Timeline").is_some());
    assert!(h.query_by_label("Linimasa").is_none());
}

#[test]
fn compare_and_outlets_tabs_compute_drill_down_and_export() {
    use calamine::{Data, Reader, open_workbook_auto};
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("ui.db");
    let mut h = harness(db.clone());
    imported(&mut h);

    // Outlets × actors: the heat map's controls, then its export as a workbook.
    h.get_by_label("Outlets").click();
    h.run_steps(2);
    wait_idle(&mut h);
    assert!(h.query_by_label("Colour by:").is_some());
    let xlsx = dir.path().join("outlets.xlsx");
    h.state_mut()
        .send(Action::ExportTo(ExportKind::Outlets, xlsx.clone()));
    step_until(&mut h, "the outlets export", |app| {
        !app.is_busy() && xlsx.exists()
    });
    let store = pantau::store::Store::open(&db).expect("store");
    let want =
        pantau::analysis::outlets(&store, &pantau::analysis::Filter::default()).expect("outlets");
    let mut book = open_workbook_auto(&xlsx).expect("xlsx");
    let sheet = book.worksheet_range("outlets").expect("sheet");
    assert_eq!(sheet.height(), want.len() + 1);
    let cnn_usa = want
        .iter()
        .find(|r| r.source == "cnn indonesia" && r.actor_code == "USA")
        .expect("cnn indonesia mentions USA");
    let row = sheet
        .rows()
        .find(|r| {
            r.first() == Some(&Data::String("cnn indonesia".into()))
                && r.get(1) == Some(&Data::String("USA".into()))
        })
        .expect("the row");
    assert_eq!(row.get(4), Some(&Data::Float(cnn_usa.articles as f64)));
    assert!(book.worksheet_range("provenance").is_ok());

    // A cell's articles: that outlet's articles of that actor.
    h.state_mut()
        .send(Action::DrillDown(pantau::ui::DrillDown::OutletActor {
            source: "cnn indonesia".into(),
            actor_code: "USA".into(),
        }));
    wait_for_label(&mut h, "Articles of cnn indonesia mentioning USA");
    wait_idle(&mut h);
    let page = format!("1–{0} of {0}", cnn_usa.articles);
    wait_for_label(&mut h, &page);

    // Compare: two halves of the dated range by default; the table links to the articles.
    h.get_by_label("Compare").click();
    h.run_steps(2);
    wait_idle(&mut h);
    wait_for_label(&mut h, "Side A:");
    assert!(
        h.query_all_by_label_contains("the most changed first")
            .next()
            .is_some()
    );
    let link = h
        .query_all_by_label_contains("▲ ")
        .chain(h.query_all_by_label_contains("▼ "))
        .next()
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .expect("an actor in the table");
    let code = link
        .split_whitespace()
        .nth(1)
        .expect("its code")
        .to_string();
    h.get_by_label(&link).click();
    h.run_steps(2);
    wait_for_label(&mut h, &format!("Articles mentioning {code}"));
    h.get_by_label("Compare").click();
    h.run_steps(2);
    wait_idle(&mut h);
    let csv_path = dir.path().join("compare.csv");
    h.state_mut()
        .send(Action::ExportTo(ExportKind::Compare, csv_path.clone()));
    step_until(&mut h, "the compare export", |app| {
        !app.is_busy() && csv_path.exists()
    });
    let mut r = csv::Reader::from_path(&csv_path).expect("csv");
    assert_eq!(
        r.headers().expect("header").iter().collect::<Vec<_>>(),
        pantau::export::COMPARE_COLUMNS
    );
    assert!(r.records().count() > 0);
    let json: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.path().join("compare.csv.json")).expect("provenance"),
    )
    .expect("json");
    // The halves the tab filled in are recorded.
    assert_eq!(json["parameters"]["a.from"], "2016-09-23");
    assert_eq!(json["parameters"]["b.to"], "2016-12-04");
}

#[test]
fn the_profile_tab_shows_an_actors_words_outlets_and_co_actors() {
    use calamine::{Data, Reader, open_workbook_auto};
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("ui.db");
    let mut h = harness(db.clone());
    imported(&mut h);
    h.state_mut().settings.selected = vec!["USA".into()];
    h.get_by_label("Profile").click();
    h.run_steps(2);
    wait_idle(&mut h);
    let store = pantau::store::Store::open(&db).expect("store");
    let filter = pantau::analysis::Filter::default();
    let want = pantau::analysis::profile(&store, "USA", &filter, Default::default())
        .expect("profile")
        .expect("USA");
    wait_for_label(
        &mut h,
        &format!("Named in {} of {} articles.", want.articles, want.units),
    );
    assert!(h.query_by_label("Outlets that cover it").is_some());
    // Typing another actor by its name profiles it.
    h.get_by_label("Actor:").click();
    h.run_steps(1);
    h.get_by_label("Actor:").type_text("Rusia");
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    wait_idle(&mut h);
    let rus = pantau::analysis::profile(&store, "RUS", &filter, Default::default())
        .expect("profile")
        .expect("RUS");
    wait_for_label(&mut h, &format!("Named in {} of", rus.articles));
    // An outlet's line lists that outlet's articles of the actor.
    let first = rus.outlets.first().expect("an outlet");
    h.get_by_label_contains(&format!("{}: {} (", first.source, first.articles))
        .click();
    h.run_steps(2);
    wait_for_label(
        &mut h,
        &format!("Articles of {} mentioning RUS", first.source),
    );
    // Its words as a workbook.
    h.get_by_label("Profile").click();
    h.run_steps(2);
    wait_idle(&mut h);
    let xlsx = dir.path().join("profile.xlsx");
    h.state_mut()
        .send(Action::ExportTo(ExportKind::Profile, xlsx.clone()));
    step_until(&mut h, "the profile export", |app| {
        !app.is_busy() && xlsx.exists()
    });
    let mut book = open_workbook_auto(&xlsx).expect("xlsx");
    let sheet = book.worksheet_range("profile").expect("sheet");
    assert_eq!(sheet.height(), rus.terms.len() + 1);
    // One period next to another: two columns of words, each headed by its period.
    let view = pantau::model::SavedView {
        name: "two periods".into(),
        tab: "profile".into(),
        to: chrono::NaiveDate::from_ymd_opt(2016, 10, 31),
        profile_actor: "USA".into(),
        profile_other_from: chrono::NaiveDate::from_ymd_opt(2016, 11, 1),
        ..Default::default()
    };
    h.state_mut().send(Action::ApplyView(Box::new(view)));
    h.run_steps(2);
    wait_idle(&mut h);
    wait_for_label(
        &mut h,
        "Words of the sentences that name it, … – 31 October 2016",
    );
    wait_for_label(
        &mut h,
        "Words of the sentences that name it, 1 November 2016 – …",
    );
    if let Some(t) = rus.terms.first() {
        assert_eq!(sheet.get((1, 0)), Some(&Data::String(t.term.clone())));
        assert_eq!(sheet.get((1, 1)), Some(&Data::Float(t.in_context as f64)));
    }
}

#[test]
fn charts_save_as_shown_in_svg_and_png() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("ui.db");
    let mut h = harness(db);
    imported(&mut h);
    h.state_mut().settings.selected = vec!["USA".into(), "IDN".into()];
    wait_idle(&mut h);
    assert!(h.query_by_label("Save chart…").is_some());
    let svg = dir.path().join("timeline.svg");
    h.state_mut()
        .send(Action::ExportTo(ExportKind::TimelineChart, svg.clone()));
    step_until(&mut h, "the chart", |app| !app.is_busy() && svg.exists());
    let text = std::fs::read_to_string(&svg).expect("svg");
    assert!(text.contains("USA United States") && text.contains("IDN Indonesia"));
    assert!(text.contains("Articles per month") && text.contains("Source: pantau"));
    wait_for_label(&mut h, "Chart saved to timeline.svg");
    // The outlets heat map and the comparison as PNG.
    for (tab, kind, name) in [
        ("Outlets", ExportKind::OutletsChart, "outlets.png"),
        ("Compare", ExportKind::CompareChart, "compare.png"),
        ("Network", ExportKind::NetworkChart, "network.png"),
    ] {
        h.get_by_label(tab).click();
        h.run_steps(2);
        wait_idle(&mut h);
        let png = dir.path().join(name);
        h.state_mut().send(Action::ExportTo(kind, png.clone()));
        step_until(&mut h, name, |app| !app.is_busy() && png.exists());
        let bytes = std::fs::read(&png).expect("png");
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{name}");
        assert!(bytes.len() > 5_000, "{name}: {} bytes", bytes.len());
    }
}

#[test]
fn a_view_is_saved_reopened_exported_and_imported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("ui.db");
    let mut h = harness(db.clone());
    imported(&mut h);
    h.state_mut().settings.selected = vec!["RUS".into(), "TUR".into()];
    h.get_by_label("Compare").click();
    h.run_steps(2);
    h.get_by_label("two outlets").click();
    h.run_steps(2);
    // View → Save view…: name it.
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("Save view…").click();
    h.run_steps(2);
    // A new window's first frame only measures it.
    wait_for_label(&mut h, "Name:");
    h.get_by_label("Name:").type_text("Rusia dan Turki");
    h.run_steps(1);
    h.get_by_label("Save").click();
    h.run_steps(2);
    step_until(&mut h, "the saved notice", |app| {
        app.notices
            .last()
            .is_some_and(|(n, _)| n == "View \"Rusia dan Turki\" saved.")
    });
    // Change everything, then reopen it from the list.
    h.state_mut().settings.selected.clear();
    h.get_by_label("Timeline").click();
    h.run_steps(2);
    wait_idle(&mut h);
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("Saved views").hover();
    h.run_steps(2);
    h.get_by_label("Rusia dan Turki").click();
    h.run_steps(2);
    step_until(&mut h, "the view", |app| {
        app.settings.selected == ["RUS", "TUR"] && app.settings.tab == Tab::Compare
    });

    // Shared as a file, and read back under another name.
    let file = dir.path().join("view.json");
    h.state_mut()
        .send(Action::ExportViewTo("Rusia dan Turki".into(), file.clone()));
    step_until(&mut h, "the view file", |_| file.exists());
    let mut v = pantau::model::SavedView::from_json(&std::fs::read_to_string(&file).expect("read"))
        .expect("a view");
    assert_eq!(v.actors, ["RUS", "TUR"]);
    assert_eq!(
        (v.tab.as_str(), v.compare_by.as_str()),
        ("compare", "outlets")
    );
    v.name = "from a colleague".into();
    v.actors = vec!["USA".into()];
    v.tab = "timeline".into();
    let shared = dir.path().join("shared.json");
    std::fs::write(&shared, v.to_json()).expect("write");
    h.state_mut().send(Action::ImportViewFile(shared));
    step_until(&mut h, "the imported view", |app| {
        app.settings.selected == ["USA"] && app.settings.tab == Tab::Timeline
    });
    let store = pantau::store::Store::open(&db).expect("store");
    let names: Vec<String> = store
        .views()
        .expect("views")
        .into_iter()
        .map(|e| e.name)
        .collect();
    assert_eq!(names, ["from a colleague", "Rusia dan Turki"]);
    // A file that is no view is refused with its reason, and nothing changes.
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"version\": 99, \"name\": \"x\"}").expect("write");
    h.state_mut().send(Action::ImportViewFile(bad));
    step_until(&mut h, "the refusal", |app| {
        app.notices
            .last()
            .is_some_and(|(n, err)| *err && n.contains("newer pantau"))
    });
    assert_eq!(store.views().expect("views").len(), 2);
}

#[test]
fn the_network_tab_lays_out_the_pairs_and_steps_through_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("ui.db");
    let mut h = harness(db.clone());
    imported(&mut h);
    h.get_by_label("Network").click();
    h.run_steps(2);
    wait_idle(&mut h);
    let store = pantau::store::Store::open(&db).expect("store");
    let filter = pantau::analysis::Filter::default();
    let want = pantau::analysis::network(&store, pantau::analysis::Window::Article, 2, 60, &filter)
        .expect("network");
    wait_for_label(
        &mut h,
        &format!("{} actors, {} pairs;", want.nodes.len(), want.edges.len()),
    );
    assert!(h.query_by_label("the whole period").is_some());
    // One step of the time slider: the network of the first month.
    h.get_by_role(egui::accesskit::Role::Slider)
        .increment_accesskit();
    h.run_steps(2);
    wait_idle(&mut h);
    wait_for_label(&mut h, "month of 1 September 2016");
    // Its GEXF is dynamic.
    let gexf = dir.path().join("net.gexf");
    h.state_mut()
        .send(Action::ExportTo(ExportKind::Network, gexf.clone()));
    step_until(&mut h, "the network export", |app| {
        !app.is_busy() && gexf.exists()
    });
    let xml = std::fs::read_to_string(&gexf).expect("gexf");
    assert!(
        xml.contains("mode=\"dynamic\"") && xml.contains("<spell "),
        "{xml}"
    );
}
