#![cfg(feature = "gui")]
//! The dashboard driven through egui_kittest: a real app on a temporary database, fixtures
//! imported in the background, an actor plotted, the co-occurrence table sorted, exports read
//! back. No native dialog is ever opened.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use pantau::ui::{Action, ExportKind, PantauApp, Settings, Tab};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn harness(db: PathBuf) -> Harness<'static, PantauApp> {
    let app = PantauApp::new(db, Settings::default(), false);
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
    while h.query_by_label_contains(text).is_none() {
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
    let db = h.state().database().to_path_buf();
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
