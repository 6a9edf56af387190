//! Analysis on a small hand-made corpus: every measure checked against hand-computed values.

mod common;

use chrono::NaiveDate;
use common::Backend;
use pantau::analysis::{
    self, Bin, DrillDown, Filter, Measure, Window, cooccurrence, drill_down, moving_average,
    pair_measures, timeline,
};
use pantau::export::{self, CsvOptions, ExportFilter};
use pantau::pipeline::{ImportOptions, import_paths, prepare_matcher};
use pantau::store::Store;
use std::sync::atomic::AtomicBool;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

/// The fixture: (date, source, text).
///
/// 1. 2020-01-01 A  RUS TUR (sentence 0), SYR (sentence 1); one paragraph.
/// 2. 2020-01-01 B  RUS (s0, p0), TUR (s1, p1).
/// 3. 2020-01-03 A  TUR SYR (s0), RUS (s1), RUS (s2); one paragraph.
/// 4. 2020-01-03 B  nothing.
/// 5. undated    A  RUS.
const ARTICLES: &[(&str, &str, &str)] = &[
    (
        "2020-01-01",
        "A",
        "Rusia dan Turki bertemu di Jakarta. Suriah tidak hadir.",
    ),
    (
        "2020-01-01",
        "B",
        "Rusia menyerang kota itu.\n\nTurki marah sekali.",
    ),
    (
        "2020-01-03",
        "A",
        "Turki dan Suriah berunding. Rusia juga datang. Rusia pulang.",
    ),
    ("2020-01-03", "B", "Cuaca cerah hari ini di kota."),
    ("", "A", "Rusia sendiri saja."),
];

fn fixture(on: Backend) -> Option<(tempfile::TempDir, common::TestStore)> {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut lines = String::new();
    for (i, (date, source, text)) in ARTICLES.iter().enumerate() {
        let mut rec = serde_json::json!({
            "id": i.to_string(),
            "title": format!("Judul {i}"),
            "text": text,
            "source": source,
        });
        if !date.is_empty() {
            rec["date"] = serde_json::Value::String(date.to_string());
        }
        lines.push_str(&rec.to_string());
        lines.push('\n');
    }
    let corpus = dir.path().join("corpus.jsonl");
    std::fs::write(&corpus, lines).expect("write corpus");
    let mut store = common::store(on, "analysis")?;
    let matcher = prepare_matcher(&mut store, Default::default()).expect("matcher");
    let report = import_paths(
        &mut store,
        &matcher,
        &[corpus],
        &ImportOptions::default(),
        &AtomicBool::new(false),
        |_| {},
    )
    .expect("import");
    assert_eq!(report.counts.articles_added, 5, "{report:?}");
    Some((dir, store))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn actor_counts_and_timeline(on: Backend) {
    let Some((_dir, store)) = fixture(on) else {
        return;
    };
    let counts = analysis::actor_counts(&store, &Filter::default()).expect("counts");
    let got: Vec<(&str, u64, u64)> = counts
        .iter()
        .map(|c| (c.code.as_str(), c.articles, c.mentions))
        .collect();
    assert_eq!(got, vec![("RUS", 4, 5), ("TUR", 3, 3), ("SYR", 2, 2)]);

    let codes = vec!["RUS".to_string(), "SYR".to_string()];
    let t = timeline(&store, &codes, Bin::Day, &Filter::default()).expect("timeline");
    assert_eq!(t.undated_articles, 1);
    assert_eq!(t.series.len(), 2);
    let rus = &t.series[0];
    assert_eq!(rus.actor_code, "RUS");
    let pts: Vec<(NaiveDate, u64, u64, u64)> = rus
        .points
        .iter()
        .map(|p| (p.bin_start, p.articles, p.mentions, p.total_articles))
        .collect();
    // The empty 2020-01-02 is there.
    assert_eq!(
        pts,
        vec![
            (d("2020-01-01"), 2, 2, 2),
            (d("2020-01-02"), 0, 0, 0),
            (d("2020-01-03"), 1, 2, 2),
        ]
    );
    assert!(close(rus.points[0].share, 1.0));
    assert!(close(rus.points[1].share, 0.0));
    assert!(close(rus.points[2].share, 0.5));
    let syr = &t.series[1];
    assert!(close(syr.points[0].share, 0.5) && close(syr.points[2].share, 0.5));

    // Weekly: 2020-01-01 is a Wednesday; both days in the week of Monday 2019-12-30.
    let w = timeline(&store, &codes, Bin::Week, &Filter::default()).expect("week");
    assert_eq!(w.series[0].points.len(), 1);
    assert_eq!(w.series[0].points[0].bin_start, d("2019-12-30"));
    assert_eq!(
        (
            w.series[0].points[0].articles,
            w.series[0].points[0].total_articles
        ),
        (3, 4)
    );
    assert!(close(w.series[0].points[0].share, 0.75));

    // A date range extends the axis with empty bins and drops the undated from the counts.
    let f = Filter {
        from: Some(d("2019-12-31")),
        to: Some(d("2020-01-04")),
        ..Filter::default()
    };
    let t = timeline(&store, &codes, Bin::Day, &f).expect("range");
    assert_eq!(t.series[0].points.len(), 5);
    assert_eq!(t.series[0].points[0].bin_start, d("2019-12-31"));
    assert_eq!(t.series[0].points[4].articles, 0);

    // Source filter.
    let f = Filter {
        sources: vec!["B".into()],
        ..Filter::default()
    };
    let t = timeline(&store, &codes, Bin::Day, &f).expect("source");
    let p: Vec<(u64, u64)> = t.series[0]
        .points
        .iter()
        .map(|p| (p.articles, p.total_articles))
        .collect();
    assert_eq!(p, vec![(1, 1), (0, 0), (0, 1)]);
    assert_eq!(t.undated_articles, 0);

    // Full-text query.
    let f = Filter {
        query: Some("berunding".into()),
        ..Filter::default()
    };
    let t = timeline(&store, &codes, Bin::Day, &f).expect("query");
    assert_eq!(t.series[0].points.len(), 1);
    assert_eq!(t.series[0].points[0].bin_start, d("2020-01-03"));
    assert_eq!(t.series[0].points[0].total_articles, 1);

    // No actors named: the top ones.
    let t = timeline(&store, &[], Bin::Month, &Filter::default()).expect("top");
    let names: Vec<&str> = t.series.iter().map(|s| s.actor_code.as_str()).collect();
    assert_eq!(names, vec!["RUS", "TUR", "SYR"]);
    // Kind filter: organizations only leaves no actor.
    let f = Filter {
        kind: Some(pantau::model::ActorKind::Organization),
        ..Filter::default()
    };
    assert!(
        timeline(&store, &codes, Bin::Day, &f)
            .expect("kind")
            .series
            .is_empty()
    );
}

#[test]
fn bins_and_moving_average() {
    assert_eq!(Bin::Week.bin_start(d("2020-01-05")), d("2019-12-30"));
    assert_eq!(Bin::Week.next(d("2020-01-05")), d("2020-01-06"));
    assert_eq!(Bin::Month.bin_start(d("2020-02-29")), d("2020-02-01"));
    assert_eq!(Bin::Month.next(d("2020-12-15")), d("2021-01-01"));
    assert_eq!(Bin::Year.next(d("2020-06-01")), d("2021-01-01"));
    for b in Bin::ALL {
        assert_eq!(Bin::parse(b.as_str()), Some(b));
    }
    let ma = moving_average(&[1.0, 2.0, 3.0, 4.0], 2);
    assert_eq!(ma, vec![1.0, 1.5, 2.5, 3.5]);
    assert_eq!(moving_average(&[1.0, 5.0], 1), vec![1.0, 5.0]);
}

#[test]
fn measures_by_hand() {
    // both = 2, a = 3, b = 4, n = 10.
    let (j, npmi, llr) = pair_measures(2, 3, 4, 10);
    assert!(close(j, 2.0 / 5.0));
    let p11: f64 = 0.2;
    assert!(close(npmi, (p11 / (0.3 * 0.4)).ln() / -p11.ln()));
    // Table 2 1 / 2 5; expected 1.2 1.8 / 2.8 4.2.
    let g2 = 2.0
        * (2.0 * (2.0f64 / 1.2).ln()
            + 1.0 * (1.0f64 / 1.8).ln()
            + 2.0 * (2.0f64 / 2.8).ln()
            + 5.0 * (5.0f64 / 4.2).ln());
    assert!(close(llr, g2), "{llr} vs {g2}");
    // Edge cases: no co-occurrence, perfect co-occurrence.
    assert_eq!(pair_measures(0, 1, 1, 4).1, -1.0);
    assert_eq!(pair_measures(4, 4, 4, 4).1, 1.0);
}

fn cooccurrence_article_paragraph_sentence(on: Backend) {
    let Some((_dir, store)) = fixture(on) else {
        return;
    };
    let f = Filter::default();
    // Article window: 5 articles. RUS 4, TUR 3, SYR 2; RUS&TUR 3, RUS&SYR 2, TUR&SYR 2.
    let pairs = cooccurrence(&store, Window::Article, 1, None, Measure::Both, &f).expect("art");
    let got: Vec<(&str, &str, u64, u64, u64, u64)> = pairs
        .iter()
        .map(|p| {
            (
                p.actor_a.as_str(),
                p.actor_b.as_str(),
                p.both,
                p.a_units,
                p.b_units,
                p.units,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("RUS", "TUR", 3, 4, 3, 5),
            ("RUS", "SYR", 2, 4, 2, 5),
            ("SYR", "TUR", 2, 2, 3, 5),
        ]
    );
    for p in &pairs {
        let (j, n, l) = pair_measures(p.both, p.a_units, p.b_units, p.units);
        assert!(close(p.jaccard, j) && close(p.npmi, n) && close(p.llr, l));
    }
    // RUS-TUR: jaccard 3/4, npmi ln(0.6/(0.8*0.6))/-ln 0.6.
    assert!(close(pairs[0].jaccard, 0.75));
    assert!(close(pairs[0].npmi, (0.6f64 / 0.48).ln() / -(0.6f64.ln())));
    // Min support and top N.
    let top = cooccurrence(&store, Window::Article, 3, None, Measure::Both, &f).expect("min");
    assert_eq!(top.len(), 1);
    let top = cooccurrence(&store, Window::Article, 1, Some(1), Measure::Jaccard, &f).expect("top");
    assert_eq!(
        (top[0].actor_a.as_str(), top[0].actor_b.as_str()),
        ("RUS", "TUR")
    );
    // By NPMI: SYR-TUR ln(0.4/(0.4*0.6))/-ln 0.4 = 0.557 beats RUS-TUR 0.437.
    let top = cooccurrence(&store, Window::Article, 1, Some(1), Measure::Npmi, &f).expect("top");
    assert_eq!(
        (top[0].actor_a.as_str(), top[0].actor_b.as_str()),
        ("SYR", "TUR")
    );
    assert!(close(top[0].npmi, (0.4f64 / 0.24).ln() / -(0.4f64.ln())));
    assert!(close(top[0].jaccard, 2.0 / 3.0));

    // Sentence window. Sentences: art1 2, art2 2, art3 3, art4 1, art5 1 = 9.
    // RUS in 1:s0, 2:s0, 3:s1, 3:s2, 5:s0 = 5; TUR 1:s0, 2:s1, 3:s0 = 3; SYR 1:s1, 3:s0 = 2.
    // RUS&TUR 1 (1:s0); TUR&SYR 1 (3:s0); RUS&SYR 0.
    let s = cooccurrence(&store, Window::Sentence, 1, None, Measure::Both, &f).expect("sent");
    let got: Vec<(&str, &str, u64, u64, u64, u64)> = s
        .iter()
        .map(|p| {
            (
                p.actor_a.as_str(),
                p.actor_b.as_str(),
                p.both,
                p.a_units,
                p.b_units,
                p.units,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![("RUS", "TUR", 1, 5, 3, 9), ("SYR", "TUR", 1, 2, 3, 9)]
    );

    // Paragraph window. Paragraphs: 1, 2, 1, 1, 1 = 6. RUS 4 (1,2:p0,3,5), TUR 3, SYR 2;
    // RUS&TUR 2 (1, 3), RUS&SYR 2, TUR&SYR 2.
    let p = cooccurrence(&store, Window::Paragraph, 1, None, Measure::Both, &f).expect("para");
    let got: Vec<(&str, &str, u64, u64, u64, u64)> = p
        .iter()
        .map(|p| {
            (
                p.actor_a.as_str(),
                p.actor_b.as_str(),
                p.both,
                p.a_units,
                p.b_units,
                p.units,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("RUS", "SYR", 2, 4, 2, 6),
            ("RUS", "TUR", 2, 4, 3, 6),
            ("SYR", "TUR", 2, 2, 3, 6),
        ]
    );

    // Filters: date range drops the undated article (4 units).
    let f = Filter {
        from: Some(d("2020-01-01")),
        ..Filter::default()
    };
    let pairs = cooccurrence(&store, Window::Article, 1, None, Measure::Both, &f).expect("f");
    assert_eq!((pairs[0].a_units, pairs[0].units), (3, 4));
}

fn spikes_find_the_burst(on: Backend) {
    // Ten days with one unrelated article each, then a day where RUS dominates.
    let dir = tempfile::tempdir().expect("tempdir");
    let mut lines = String::new();
    for day in 1..=10 {
        let rec = serde_json::json!({"title": format!("Biasa {day}"), "text": format!("Berita biasa nomor {day} tentang cuaca."), "date": format!("2021-03-{day:02}")});
        lines.push_str(&format!("{rec}\n"));
    }
    for (i, text) in [
        "Rusia datang.",
        "Rusia pergi. Rusia lagi.",
        "Rusia diam.",
        "Kabar lain.",
    ]
    .iter()
    .enumerate()
    {
        let rec = serde_json::json!({"title": format!("Lonjakan {i}"), "text": text, "date": "2021-03-11"});
        lines.push_str(&format!("{rec}\n"));
    }
    let corpus = dir.path().join("c.jsonl");
    std::fs::write(&corpus, lines).expect("write");
    let Some(mut store) = common::store(on, "spikes_find_the_burst") else {
        return;
    };
    let matcher = prepare_matcher(&mut store, Default::default()).expect("matcher");
    import_paths(
        &mut store,
        &matcher,
        &[corpus],
        &ImportOptions::default(),
        &AtomicBool::new(false),
        |_| {},
    )
    .expect("import");
    let f = Filter::default();
    let t = timeline(&store, &["RUS".to_string()], Bin::Day, &f).expect("timeline");
    assert_eq!(t.series[0].points.len(), 11);
    let spikes = analysis::spikes(&t, &store, &f).expect("spikes");
    assert_eq!(spikes.len(), 1, "{spikes:?}");
    let s = &spikes[0];
    assert_eq!(s.bin_start, d("2021-03-11"));
    assert!(close(s.share, 0.75));
    // Flat zero baseline: sd floored at 0.01.
    assert!(close(s.z, 75.0), "{}", s.z);
    assert_eq!(s.title, "Lonjakan 1");
    // Fewer than 3 articles is not a spike.
    let opts = analysis::SpikeOptions {
        min_articles: 4,
        ..Default::default()
    };
    assert!(
        analysis::spikes_with(&t, &store, &f, &opts)
            .expect("opts")
            .is_empty()
    );
}

fn drill_down_pages_and_kwic(on: Backend) {
    let Some((_dir, store)) = fixture(on) else {
        return;
    };
    let f = Filter::default();
    let page = drill_down(
        &store,
        &DrillDown::Actor {
            actor_code: "RUS".into(),
        },
        &f,
        0,
        2,
    )
    .expect("drill");
    assert_eq!(page.total, 4);
    assert_eq!(page.items.len(), 2);
    let rest = drill_down(
        &store,
        &DrillDown::Actor {
            actor_code: "RUS".into(),
        },
        &f,
        2,
        10,
    )
    .expect("drill");
    assert_eq!(rest.items.len(), 2);
    // Undated last.
    assert_eq!(rest.items[1].published, None);
    let third = &rest.items[0];
    assert_eq!(third.kwic.len(), 2);
    for k in &third.kwic {
        let m: String = k
            .line
            .chars()
            .skip(k.match_start)
            .take(k.match_end - k.match_start)
            .collect();
        assert_eq!(m, "Rusia");
    }

    let bin = drill_down(
        &store,
        &DrillDown::ActorBin {
            actor_code: "RUS".into(),
            bin: Bin::Day,
            bin_start: d("2020-01-03"),
        },
        &f,
        0,
        10,
    )
    .expect("bin");
    assert_eq!(bin.total, 1);
    assert_eq!(bin.items[0].title, "Judul 2");

    let pair = |window| {
        drill_down(
            &store,
            &DrillDown::Pair {
                actor_a: "RUS".into(),
                actor_b: "TUR".into(),
                window,
            },
            &f,
            0,
            10,
        )
        .expect("pair")
    };
    assert_eq!(pair(Window::Article).total, 3);
    assert_eq!(pair(Window::Paragraph).total, 2);
    let s = pair(Window::Sentence);
    assert_eq!(s.total, 1);
    let codes: Vec<&str> = s.items[0]
        .kwic
        .iter()
        .map(|k| k.actor_code.as_str())
        .collect();
    assert_eq!(codes, vec!["RUS", "TUR"]);

    let (line, a, b) = analysis::kwic_line("aaaa\nRusia bbbb", 5, 10, 3);
    assert_eq!((line.as_str(), a, b), ("aa Rusia bb", 3, 8));
}

fn read_csv(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(bytes);
    let header = r
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    let rows = r
        .records()
        .map(|rec| rec.expect("record").iter().map(String::from).collect())
        .collect();
    (header, rows)
}

fn exports_read_back(on: Backend) {
    let Some((_dir, store)) = fixture(on) else {
        return;
    };
    let f = Filter::default();
    let mut out = Vec::new();
    let n = export::write_timeline_csv(
        &store,
        &mut out,
        CsvOptions { excel_bom: true },
        &["RUS".to_string()],
        Bin::Day,
        &f,
    )
    .expect("timeline");
    assert_eq!(n, 3);
    assert!(out.starts_with(b"\xEF\xBB\xBF"));
    let (header, rows) = read_csv(&out[3..]);
    assert_eq!(header, export::TIMELINE_COLUMNS);
    assert_eq!(
        rows[2],
        vec!["2020-01-03", "RUS", "Russia", "1", "2", "2", "0.500000"]
    );

    let mut out = Vec::new();
    export::write_cooccurrence_csv(
        &store,
        &mut out,
        CsvOptions::default(),
        Window::Article,
        1,
        None,
        &f,
    )
    .expect("cooc");
    let (header, rows) = read_csv(&out);
    assert_eq!(header, export::cooccurrence_columns());
    assert_eq!(
        header,
        [
            "actor_a", "name_a", "actor_b", "name_b", "both", "a_units", "b_units", "units",
            "jaccard", "npmi", "llr"
        ]
    );
    assert_eq!(rows.len(), 3);
    assert_eq!(
        &rows[0][..8],
        ["RUS", "Russia", "TUR", "Türkiye", "3", "4", "3", "5"]
    );
    assert_eq!(rows[0][8], "0.750000");

    let mut out = Vec::new();
    let edges = export::write_network_gexf(&store, &mut out, Window::Article, 1, None, &f, None)
        .expect("gexf");
    assert_eq!(edges, 3);
    let mut reader = quick_xml::Reader::from_reader(out.as_slice());
    let mut buf = Vec::new();
    let (mut nodes, mut edge_count, mut labels) = (0, 0, Vec::new());
    loop {
        match reader.read_event_into(&mut buf).expect("xml") {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                match e.name().as_ref() {
                    b"node" => {
                        nodes += 1;
                        let attr = e.try_get_attribute("label").expect("attr").expect("label");
                        let label = String::from_utf8_lossy(&attr.value).into_owned();
                        labels.push(label);
                    }
                    b"edge" => edge_count += 1,
                    _ => {}
                }
            }
            _ => {}
        }
        buf.clear();
    }
    assert_eq!((nodes, edge_count), (3, 3));
    assert!(labels.contains(&"Russia".to_string()));

    // Filtered mentions and articles exports.
    let scope = ExportFilter {
        filter: Filter {
            sources: vec!["A".into()],
            ..Filter::default()
        },
        actors: vec!["SYR".into()],
    };
    let mut out = Vec::new();
    let n = export::write_mentions_csv_filtered(&store, &mut out, CsvOptions::default(), &scope)
        .expect("mentions");
    assert_eq!(n, 2);
    let (_, rows) = read_csv(&out);
    assert!(rows.iter().all(|r| r[8] == "SYR"));
    let mut out = Vec::new();
    let n = export::write_articles_csv_filtered(&store, &mut out, CsvOptions::default(), &scope)
        .expect("articles");
    assert_eq!(n, 2);
    let scope = ExportFilter {
        filter: Filter {
            to: Some(d("2020-01-02")),
            ..Filter::default()
        },
        actors: vec![],
    };
    let mut out = Vec::new();
    assert_eq!(
        export::write_articles_csv_filtered(&store, &mut out, CsvOptions::default(), &scope)
            .expect("articles"),
        2
    );
}

#[test]
fn read_only_store_reads_while_the_writer_is_open() {
    let (_dir, store) = fixture(Backend::File).expect("a file");
    let ro = Store::open_read_only(store.path().expect("a file")).expect("read only");
    let pairs = cooccurrence(
        &ro,
        Window::Sentence,
        1,
        None,
        Measure::Llr,
        &Filter::default(),
    )
    .expect("pairs");
    assert_eq!(pairs.len(), 2);
    assert!(pairs.iter().all(|p| p.units == 9));
}

fn comparison_by_hand(on: Backend) {
    let Some((_dir, store)) = fixture(on) else {
        return;
    };
    // Periods: A = 2020-01-01 (articles 1, 2), B = from 2020-01-03 (3, 4).
    let a = Filter {
        to: Some(d("2020-01-01")),
        ..Filter::default()
    };
    let b = Filter {
        from: Some(d("2020-01-03")),
        ..Filter::default()
    };
    let c = analysis::compare(&store, &a, &b, Window::Article, 1).expect("compare");
    assert_eq!((c.a_units, c.b_units), (2, 2));
    let codes: Vec<&str> = c.actors.iter().map(|x| x.code.as_str()).collect();
    assert_eq!(codes, ["RUS", "TUR", "SYR"], "largest G² first, then code");
    let rus = &c.actors[0];
    assert_eq!((rus.a_articles, rus.b_articles), (2, 1));
    assert!(close(rus.a_share, 1.0) && close(rus.b_share, 0.5));
    // [[2, 0], [1, 1]]: E = 1.5, 0.5, 1.5, 0.5;
    // G² = 2 (2 ln(2/1.5) + 1 ln(1/1.5) + 1 ln(1/0.5)) = 1.726092...
    let g2 = 2.0 * (2.0 * (2.0f64 / 1.5).ln() + (1.0f64 / 1.5).ln() + 2f64.ln());
    assert!(close(rus.llr, g2), "{} vs {g2}", rus.llr);
    assert!((rus.llr - 1.726092).abs() < 1e-6);
    assert!(close(rus.log_ratio, -1.0));
    assert!(!rus.rose());
    let syr = &c.actors[2];
    assert!(close(syr.llr, 0.0) && close(syr.p_value, 1.0) && close(syr.log_ratio, 0.0));
    // Every pair is on both sides.
    assert!(c.appeared.is_empty() && c.vanished.is_empty(), "{c:?}");

    // Outlets: A = 1, 3, 5 (the undated one too), B = 2, 4.
    let a = Filter {
        sources: vec!["A".into()],
        ..Filter::default()
    };
    let b = Filter {
        sources: vec!["B".into()],
        ..Filter::default()
    };
    let c = analysis::compare(&store, &a, &b, Window::Article, 1).expect("compare");
    assert_eq!((c.a_units, c.b_units), (3, 2));
    let syr = c.actors.iter().find(|x| x.code == "SYR").expect("SYR");
    assert_eq!((syr.a_articles, syr.b_articles), (2, 0));
    // [[2, 1], [0, 2]]: E = 1.2, 1.8, 0.8, 1.2; G² = 2 (4 ln(2/1.2) + ln(1/1.8)) = 2.911034...
    let g2 = 2.0 * (4.0 * (2.0f64 / 1.2).ln() + (1.0f64 / 1.8).ln());
    assert!(close(syr.llr, g2), "{} vs {g2}", syr.llr);
    // Log ratio with the zero taken as 0.5: log2((0.5/2) / (2/3)).
    assert!(close(syr.log_ratio, (0.25f64 / (2.0 / 3.0)).log2()));
    assert!(close(syr.p_value, libm_free_erfc_check(g2)));
    // RUS+SYR and SYR+TUR are only in outlet A's articles (1 and 3); RUS+TUR is in both.
    let vanished: Vec<(&str, &str, u64)> = c
        .vanished
        .iter()
        .map(|p| (p.actor_a.as_str(), p.actor_b.as_str(), p.a_both))
        .collect();
    assert_eq!(vanished, [("RUS", "SYR", 2), ("SYR", "TUR", 2)]);
    assert!(c.appeared.is_empty());
    // Minimum support 3 keeps none of them.
    let c = analysis::compare(&store, &a, &b, Window::Article, 3).expect("compare");
    assert!(c.vanished.is_empty());
}

/// P(χ²₁ ≥ x) by the series of the standard normal tail, independent of the crate under test:
/// 2 (1 − Φ(√x)), Φ from its Taylor series (enough for x below 20).
fn libm_free_erfc_check(x: f64) -> f64 {
    let z = x.sqrt();
    // Φ(z) = 1/2 + φ-series: (1/√(2π)) Σ (−1)^k z^(2k+1) / (2^k k! (2k+1)).
    let mut sum = 0.0;
    let mut term = z;
    for k in 0..200 {
        sum += term / (2 * k + 1) as f64;
        term *= -z * z / (2.0 * (k + 1) as f64);
    }
    let phi = 0.5 + sum / (2.0 * std::f64::consts::PI).sqrt();
    2.0 * (1.0 - phi)
}

fn outlets_by_hand(on: Backend) {
    let Some((_dir, store)) = fixture(on) else {
        return;
    };
    let rows = analysis::outlets(&store, &Filter::default()).expect("outlets");
    let got: Vec<(&str, &str, u64, u64)> = rows
        .iter()
        .map(|r| {
            (
                r.source.as_str(),
                r.actor_code.as_str(),
                r.articles,
                r.source_articles,
            )
        })
        .collect();
    // A: articles 1, 3, 5 (RUS in all, TUR and SYR in 1 and 3); B: 2, 4 (RUS and TUR in 2).
    assert_eq!(
        got,
        [
            ("A", "RUS", 3, 3),
            ("A", "SYR", 2, 3),
            ("A", "TUR", 2, 3),
            ("B", "RUS", 1, 2),
            ("B", "TUR", 1, 2),
        ]
    );
    assert!(close(rows[1].share, 2.0 / 3.0));
    let m = analysis::outlet_matrix(&rows, 1, 2);
    assert_eq!(m.sources, [("A".to_string(), 3)]);
    assert_eq!(m.more_sources, 1);
    let actors: Vec<&str> = m.actors.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(actors, ["RUS", "SYR"], "most articles, then code");
    assert_eq!(m.more_actors, 1);
    assert_eq!(m.cells[0][1].0, 2);
    // A date range leaves the undated article 5 out: A has 2 articles, RUS in both.
    let f = Filter {
        from: Some(d("2020-01-01")),
        ..Filter::default()
    };
    let rows = analysis::outlets(&store, &f).expect("outlets");
    assert_eq!((rows[0].articles, rows[0].source_articles), (2, 2));
}

fn insight_exports_read_back_as_csv_json_and_xlsx(on: Backend) {
    use calamine::{Data, Reader, open_workbook_auto};
    let Some((dir, store)) = fixture(on) else {
        return;
    };
    let provenance = export::Provenance::new(&store, "t.db", "outlets", &Filter::default())
        .expect("provenance")
        .with("note", "test");
    let csv_path = dir.path().join("o.csv");
    let n = export::write_table_file(
        &csv_path,
        export::TableFormat::of_path(&csv_path),
        CsvOptions::default(),
        "outlets",
        &provenance,
        |w, o| export::write_outlets_csv(&store, w, o, &Filter::default()),
    )
    .expect("csv");
    assert_eq!(n, 5);
    let (header, rows) = read_csv(&std::fs::read(&csv_path).expect("read"));
    assert_eq!(header, export::OUTLETS_COLUMNS);
    assert_eq!(
        rows[0],
        ["A", "RUS", "Russia", "country", "3", "3", "1.000000"]
    );
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("o.csv.json")).expect("sidecar"))
            .expect("json");
    assert_eq!(json["rows"], 5);
    assert_eq!(json["database_articles"], 5);
    assert_eq!(json["counting"], "articles");
    assert_eq!(json["parameters"]["note"], "test");
    assert_eq!(json["import_runs"].as_array().map(Vec::len), Some(1));
    assert!(!json["dictionary_hash"].as_str().unwrap_or("").is_empty());

    // The same table as a workbook: numbers are numbers, text is text, the provenance a sheet.
    let xlsx_path = dir.path().join("o.xlsx");
    export::write_table_file(
        &xlsx_path,
        export::TableFormat::of_path(&xlsx_path),
        CsvOptions::default(),
        "outlets",
        &provenance,
        |w, o| export::write_outlets_csv(&store, w, o, &Filter::default()),
    )
    .expect("xlsx");
    let mut book = open_workbook_auto(&xlsx_path).expect("open xlsx");
    assert_eq!(book.sheet_names(), ["outlets", "provenance"]);
    let data = book.worksheet_range("outlets").expect("sheet");
    assert_eq!(data.height(), 6);
    assert_eq!(data.get((0, 0)), Some(&Data::String("source".into())));
    assert_eq!(data.get((1, 1)), Some(&Data::String("RUS".into())));
    assert_eq!(data.get((1, 4)), Some(&Data::Float(3.0)));
    assert_eq!(data.get((2, 6)), Some(&Data::Float(0.666667)));
    let prov = book.worksheet_range("provenance").expect("provenance");
    let value_of = |key: &str| {
        prov.rows()
            .find(|r| r.first() == Some(&Data::String(key.into())))
            .and_then(|r| r.get(1).cloned())
    };
    assert_eq!(value_of("rows"), Some(Data::String("5".into())));
    assert_eq!(value_of("data_sheets"), Some(Data::String("1".into())));
    assert_eq!(
        value_of("parameter.note"),
        Some(Data::String("test".into()))
    );

    // Dates are dates: the timeline's bin_start.
    let t_path = dir.path().join("t.xlsx");
    export::write_table_file(
        &t_path,
        export::TableFormat::Xlsx,
        CsvOptions::default(),
        "timeline",
        &provenance,
        |w, o| export::write_timeline_csv(&store, w, o, &[], Bin::Day, &Filter::default()),
    )
    .expect("timeline xlsx");
    let mut book = open_workbook_auto(&t_path).expect("open");
    let data = book.worksheet_range("timeline").expect("sheet");
    match data.get((1, 0)) {
        Some(Data::DateTime(dt)) => {
            assert_eq!(dt.as_datetime().map(|d| d.date()), Some(d("2020-01-01")));
        }
        other => panic!("bin_start is not a date: {other:?}"),
    }

    // The comparison's columns.
    let mut out = Vec::new();
    let a = Filter {
        sources: vec!["A".into()],
        ..Filter::default()
    };
    let b = Filter {
        sources: vec!["B".into()],
        ..Filter::default()
    };
    export::write_compare_csv(
        &store,
        &mut out,
        CsvOptions::default(),
        (&a, &b),
        Window::Article,
        1,
        false,
    )
    .expect("compare");
    let (header, rows) = read_csv(&out);
    assert_eq!(header, export::COMPARE_COLUMNS);
    let syr = rows.iter().find(|r| r[0] == "SYR").expect("SYR");
    assert_eq!(&syr[3..7], ["2", "3", "0", "2"]);
    assert_eq!(syr[13], "fell");
    let mut out = Vec::new();
    export::write_compare_csv(
        &store,
        &mut out,
        CsvOptions::default(),
        (&a, &b),
        Window::Article,
        1,
        true,
    )
    .expect("pairs");
    let (header, rows) = read_csv(&out);
    assert_eq!(header, export::COMPARE_PAIR_COLUMNS);
    assert_eq!(
        rows,
        [
            ["RUS", "SYR", "2", "0", "vanished"],
            ["SYR", "TUR", "2", "0", "vanished"]
        ]
    );
}

fn profile_by_hand(on: Backend) {
    let Some((_dir, store)) = fixture(on) else {
        return;
    };
    let options = analysis::ProfileOptions {
        min_count: 1,
        ..Default::default()
    };
    let p = analysis::profile(&store, "RUS", &Filter::default(), options)
        .expect("profile")
        .expect("RUS is known");
    assert_eq!((p.articles, p.units, p.reference_articles), (4, 5, 1));
    assert_eq!((p.context_articles_read, p.reference_articles_read), (4, 1));
    // Co-actors: TUR in articles 1, 2, 3; SYR in 1 and 3.
    let co: Vec<(&str, u64)> = p.co_actors.iter().map(|c| (c.0.as_str(), c.2)).collect();
    assert_eq!(co, [("TUR", 3), ("SYR", 2)]);
    let outlets: Vec<(&str, u64)> = p
        .outlets
        .iter()
        .map(|o| (o.source.as_str(), o.articles))
        .collect();
    assert_eq!(outlets, [("A", 3), ("B", 1)]);
    // Its sentences, without stop words (dan, di, itu, juga, datang, sendiri, saja) and its
    // own name: "turki bertemu jakarta", "menyerang kota", "pulang" = 6 words. The others:
    // "suriah hadir", "turki marah", "turki suriah berunding", "cuaca cerah kota" = 10.
    assert_eq!((p.context_words, p.reference_words), (6, 10));
    let terms: Vec<(&str, u64, u64)> = p
        .terms
        .iter()
        .map(|t| (t.term.as_str(), t.in_context, t.elsewhere))
        .collect();
    // "turki" (1 of 6 against 2 of 10) is not over-represented.
    assert_eq!(
        terms,
        [
            ("bertemu", 1, 0),
            ("jakarta", 1, 0),
            ("menyerang", 1, 0),
            ("pulang", 1, 0),
            ("kota", 1, 1),
        ]
    );
    // [[0, 10], [1, 5]]: E = 0.625, 9.375, 0.375, 5.625.
    let g2 =
        2.0 * (10.0 * (10.0f64 / 9.375).ln() + (1.0f64 / 0.375).ln() + 5.0 * (5.0f64 / 5.625).ln());
    assert!(close(p.terms[0].llr, g2), "{} vs {g2}", p.terms[0].llr);
    // kota: [[1, 9], [1, 5]]: E = 1.25, 8.75, 0.75, 5.25.
    let g2 = 2.0
        * ((1.0f64 / 1.25).ln()
            + 9.0 * (9.0f64 / 8.75).ln()
            + (1.0f64 / 0.75).ln()
            + 5.0 * (5.0f64 / 5.25).ln());
    assert!(close(p.terms[4].llr, g2), "{} vs {g2}", p.terms[4].llr);
    assert!(close(
        p.terms[4].log_ratio,
        ((1.0f64 / 6.0) / (1.0 / 10.0)).log2()
    ));
    // The default minimum of 3 keeps none of them; an unknown code has no profile.
    let p = analysis::profile(&store, "RUS", &Filter::default(), Default::default())
        .expect("profile")
        .expect("RUS");
    assert!(p.terms.is_empty());
    assert!(
        analysis::profile(&store, "XXX", &Filter::default(), Default::default())
            .expect("profile")
            .is_none()
    );
    // Its export.
    let options = analysis::ProfileOptions {
        min_count: 1,
        ..Default::default()
    };
    let p = analysis::profile(&store, "RUS", &Filter::default(), options)
        .expect("profile")
        .expect("RUS");
    let mut out = Vec::new();
    export::write_profile_rows(&p, &mut out, CsvOptions::default()).expect("csv");
    let (header, rows) = read_csv(&out);
    assert_eq!(header, export::PROFILE_COLUMNS);
    assert_eq!(rows[4][..3], ["kota", "1", "1"]);
}

fn the_network_by_bin_and_its_dynamic_gexf(on: Backend) {
    let Some((_dir, store)) = fixture(on) else {
        return;
    };
    let whole = analysis::network(&store, Window::Article, 1, 50, &Filter::default()).expect("net");
    let codes: Vec<&str> = whole.nodes.iter().map(|n| n.code.as_str()).collect();
    assert_eq!(codes, ["RUS", "TUR", "SYR"], "most articles first");
    assert_eq!(whole.edges.len(), 3);
    // Day 2020-01-01: articles 1 and 2; RUS+TUR in both, RUS+SYR and SYR+TUR in article 1.
    let day = analysis::network_in_bin(
        &store,
        &whole,
        Window::Article,
        1,
        Bin::Day,
        d("2020-01-01"),
        &Filter::default(),
    )
    .expect("bin");
    assert_eq!(day.nodes[0].pos, whole.nodes[0].pos, "places kept");
    assert_eq!(day.nodes[0].articles, 2);
    let rus_tur = day
        .edges
        .iter()
        .find(|e| e.actor_a == "RUS" && e.actor_b == "TUR")
        .expect("RUS+TUR");
    assert_eq!(rus_tur.both, 2);
    // A bin is cut to the filter's dates: the month of January from the 2nd is articles 3-4.
    let from2 = Filter {
        from: Some(d("2020-01-02")),
        ..Filter::default()
    };
    let month = analysis::network_in_bin(
        &store,
        &whole,
        Window::Article,
        1,
        Bin::Month,
        d("2020-01-01"),
        &from2,
    )
    .expect("bin");
    assert_eq!(
        month.nodes[0].articles, 1,
        "only article 3 mentions RUS from the 2nd"
    );
    // The node limit leaves SYR out, with its pairs, and says so.
    let two = analysis::network(&store, Window::Article, 1, 2, &Filter::default()).expect("net");
    assert_eq!(
        (
            two.nodes.len(),
            two.nodes_left_out,
            two.edges.len(),
            two.edges_left_out
        ),
        (2, 1, 1, 2)
    );

    let mut out = Vec::new();
    export::write_network_gexf_dynamic(
        &store,
        &mut out,
        Window::Article,
        1,
        50,
        Bin::Day,
        &Filter::default(),
        None,
    )
    .expect("gexf");
    let xml = String::from_utf8(out).expect("utf-8");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut node, mut edge) = (String::new(), String::new());
    let mut spells: std::collections::BTreeMap<String, Vec<(String, String)>> = Default::default();
    let mut mode = String::new();
    loop {
        match reader.read_event().expect("well-formed") {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                let attr = |k: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == k.as_bytes())
                        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                        .unwrap_or_default()
                };
                match e.name().as_ref() {
                    b"graph" => mode = attr("mode"),
                    b"node" => {
                        node = attr("id");
                        edge.clear();
                    }
                    b"edge" => edge = format!("{}+{}", attr("source"), attr("target")),
                    b"spell" => {
                        let owner = if edge.is_empty() {
                            node.clone()
                        } else {
                            edge.clone()
                        };
                        spells
                            .entry(owner)
                            .or_default()
                            .push((attr("start"), attr("end")));
                    }
                    _ => {}
                }
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(mode, "dynamic");
    // A spell lasts its bin: it ends where the next starts.
    let days = [
        ("2020-01-01".to_string(), "2020-01-02".to_string()),
        ("2020-01-03".to_string(), "2020-01-04".to_string()),
    ];
    // RUS: days 1 and 3 (the undated article 5 is in no bin); SYR+TUR: days 1 and 3.
    assert_eq!(spells["RUS"], days);
    assert_eq!(spells["RUS+TUR"], days);
    assert_eq!(spells["SYR+TUR"], days);
    assert!(!spells.contains_key("2020-01-02"));
}

on_both_backends!(
    actor_counts_and_timeline,
    cooccurrence_article_paragraph_sentence,
    spikes_find_the_burst,
    drill_down_pages_and_kwic,
    exports_read_back,
    comparison_by_hand,
    outlets_by_hand,
    insight_exports_read_back_as_csv_json_and_xlsx,
    profile_by_hand,
    the_network_by_bin_and_its_dynamic_gexf,
);
