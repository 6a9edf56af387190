//! The core pipeline end to end: files → ingest → tagging → store → exports, and the CLI.

mod common;

use common::Backend;
use pantau::export::{CsvOptions, write_articles_csv, write_mentions_csv};
use pantau::pipeline::{ImportOptions, ImportReport, import_paths, prepare_matcher};
use pantau::store::Store;
use pantau::tagging::MatcherOptions;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

const SEED: &str = "000_a8de84f94fd64a6f.txt";

fn import(store: &mut Store, paths: &[PathBuf]) -> ImportReport {
    let matcher = prepare_matcher(store, MatcherOptions::default()).expect("matcher");
    import_paths(
        store,
        &matcher,
        paths,
        &ImportOptions::default(),
        &AtomicBool::new(false),
        |_| {},
    )
    .expect("import")
}

fn mentions_csv(store: &Store) -> Vec<csv::StringRecord> {
    let mut out = Vec::new();
    write_mentions_csv(store, &mut out, CsvOptions::default()).expect("export");
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let headers = reader.headers().expect("headers").clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "article_id",
            "source_id",
            "path",
            "title",
            "source",
            "published",
            "date_source",
            "language",
            "actor_code",
            "actor_kind",
            "actor_name",
            "matched_text",
            "via",
            "start",
            "end",
            "context",
            "field",
            "prominence"
        ]
    );
    reader.records().map(|r| r.expect("record")).collect()
}

fn seed_gives_the_expected_mentions(on: Backend) {
    let Some(mut store) = common::store(on, "seed_gives_the_expected_mentions") else {
        return;
    };
    let report = import(&mut store, &[fixture(SEED)]);
    assert_eq!(
        (
            report.counts.articles_added,
            report.counts.undated,
            report.failed.len()
        ),
        (1, 1, 0)
    );

    let rows = mentions_csv(&store);
    let mut per_actor: BTreeMap<String, usize> = BTreeMap::new();
    for r in &rows {
        *per_actor.entry(r[8].to_string()).or_default() += 1;
        assert_eq!(&r[4], "wartaperang");
        assert_eq!(&r[5], "", "undated");
        assert_eq!(&r[6], "none");
        assert_eq!(&r[7], "id");
    }
    // EXPECTED.md: RUS 10, TUR 7, USA 2, ISIS 11, NATO 1, SOHR 1. "Suriah" stands 7 times in
    // the text: once inside the Syrian Observatory's name, so Syria has 6 mentions (EXPECTED.md
    // says 5 + 1, one short of the text).
    for (code, n) in [
        ("RUS", 10),
        ("TUR", 7),
        ("SYR", 6),
        ("USA", 2),
        ("ISIS", 11),
        ("NATO", 1),
        ("SOHR", 1),
    ] {
        assert_eq!(
            per_actor.get(code).copied().unwrap_or(0),
            n,
            "{code}: {per_actor:?}"
        );
    }
    // "Barat" (the West) and "negara-negara lain" are not actors; the boilerplate is not text.
    assert!(rows.iter().all(|r| !r[11].contains("Barat")));
    let isis: Vec<&str> = rows
        .iter()
        .filter(|r| &r[8] == "ISIS")
        .map(|r| &r[11])
        .collect();
    assert_eq!(isis.iter().filter(|t| **t == "ISIS").count(), 9);
    assert!(isis.contains(&"ISIL") && isis.contains(&"Daesh"));

    // Offsets are character offsets into the stored text: the matched text is found there.
    let mut articles = Vec::new();
    write_articles_csv(&store, &mut articles, CsvOptions::default()).expect("articles");
    let text = std::fs::read_to_string(fixture(SEED)).expect("seed");
    for r in &rows {
        let (start, end): (usize, usize) =
            (r[13].parse().expect("start"), r[14].parse().expect("end"));
        assert_eq!(end - start, r[11].chars().count());
        assert!(r[15].contains(&r[11]), "context holds the match");
    }
    assert!(!text.is_empty());
}

fn importing_twice_stores_once(on: Backend) {
    let Some(mut store) = common::store(on, "importing_twice_stores_once") else {
        return;
    };
    let first = import(&mut store, &[fixture(SEED)]);
    let before = store.stats().expect("stats");
    let second = import(&mut store, &[fixture(SEED)]);
    let after = store.stats().expect("stats");
    assert_eq!(first.counts.articles_added, 1);
    assert_eq!(
        (second.counts.articles_added, second.counts.duplicates),
        (0, 1)
    );
    assert_eq!(
        (before.articles, before.mentions),
        (after.articles, after.mentions)
    );
    assert_eq!(after.duplicates, 1);
}

fn a_bad_file_is_reported_and_the_others_imported(on: Backend) {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).expect("mkdir");
    std::fs::copy(fixture(SEED), input.join("seed.txt")).expect("copy");
    std::fs::write(input.join("empty.txt"), "").expect("write");
    std::fs::write(
        input.join("image.png"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0",
    )
    .expect("write");
    std::fs::write(input.join("broken.json"), "[{\"title\": \"x\",").expect("write");
    std::fs::write(input.join("good.jsonl"), "{\"id\":\"a1\",\"title\":\"NATO\",\"text\":\"NATO dan Rusia bertemu di Brussels.\",\"date\":\"2016-08-11\"}\n").expect("write");
    let Some(mut store) = common::store(on, "a_bad_file_is_reported_and_the_others_imported")
    else {
        return;
    };
    let report = import(&mut store, &[input.clone(), dir.path().join("missing.txt")]);
    let failed: BTreeMap<String, String> = report
        .failed
        .iter()
        .map(|f| {
            (
                f.path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                f.reason.clone(),
            )
        })
        .collect();
    assert_eq!(failed.len(), 4, "{failed:?}");
    assert!(failed["empty.txt"].contains("empty"), "{failed:?}");
    assert!(failed["image.png"].contains("binary"), "{failed:?}");
    assert!(failed["broken.json"].contains("JSON"), "{failed:?}");
    assert!(failed.contains_key("missing.txt"), "{failed:?}");
    assert_eq!(report.counts.articles_added, 2);
    let stats = store.stats().expect("stats");
    assert_eq!((stats.articles, stats.undated), (2, 1));
    assert_eq!(stats.failed_files.len(), 4);
    if on == Backend::File {
        assert_eq!(store.integrity_check().expect("check"), "ok");
    }
}

fn pantau(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_pantau"))
        .args(args)
        // English messages whatever the machine's locale (they are read below).
        .env("LC_ALL", "C")
        .env("LANG", "C")
        .output()
        .expect("run pantau")
}

#[test]
fn cli_import_export_stats() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("cli.db");
    let db = db.to_str().expect("utf8 path");
    let seed = fixture(SEED);
    let out = pantau(&[
        "import",
        "--db",
        db,
        seed.to_str().expect("utf8"),
        "/nonexistent/file.txt",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("1 articles added"), "{stdout}");
    assert!(stdout.contains("failed: /nonexistent/file.txt"), "{stdout}");

    let out = pantau(&["export", "mentions", "--db", db, "--out", "-"]);
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let rus = reader
        .records()
        .filter(|r| r.as_ref().is_ok_and(|r| &r[8] == "RUS"))
        .count();
    assert_eq!(rus, 10);

    let csv_path = dir.path().join("articles.csv");
    let out = pantau(&[
        "export",
        "articles",
        "--db",
        db,
        "--out",
        csv_path.to_str().expect("utf8"),
        "--excel",
    ]);
    assert!(out.status.success());
    let bytes = std::fs::read(&csv_path).expect("read");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][10], "ISIS;NATO;NTV;RUS;SOHR;SYR;TUR;USA");

    let out = pantau(&["stats", "--db", db, "--json"]);
    assert!(out.status.success());
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(stats["articles"], 1);
    assert_eq!(stats["undated"], 1);
    assert_eq!(stats["failed_files"].as_array().map(Vec::len), Some(1));

    // Usage errors and an unwritable database exit non-zero.
    assert!(!pantau(&["import", "--db", db]).status.success());
    assert!(
        !pantau(&[
            "import",
            "--db",
            "/proc/pantau/x.db",
            seed.to_str().expect("utf8")
        ])
        .status
        .success()
    );

    let out = pantau(&["tag", seed.to_str().expect("utf8")]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("NATO\tNATO\tshort"));
}

fn one_real_file_of_each_format(on: Backend) {
    let Some(mut store) = common::store(on, "one_real_file_of_each_format") else {
        return;
    };
    let files = [
        ("html/wapo-2.html", 1),
        ("html/liberation-1.html", 1),
        ("feeds/rss_2.0_bbc.xml", 0),
        ("feeds/atom_example_1.xml", 1),
        ("feeds/jsonfeed_example_1.json", 0),
        ("feeds/uolNoticias.rss", 0),
        ("records/indosum-dev-3.jsonl", 3),
        ("records/indosum-dev-5.csv", 5),
    ];
    for (name, min_articles) in files {
        let before = store.stats().expect("stats").articles;
        let report = import(&mut store, &[fixture(name)]);
        assert!(report.failed.is_empty(), "{name}: {:?}", report.failed);
        let added = store.stats().expect("stats").articles - before;
        assert!(added >= min_articles.max(1), "{name}: {added} articles");
    }
    // Every article has text or a title, and the CSV records keep their id and date.
    let mut out = Vec::new();
    write_articles_csv(&store, &mut out, CsvOptions::default()).expect("export");
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let csv_rows: Vec<&csv::StringRecord> = rows
        .iter()
        .filter(|r| r[2].ends_with("indosum-dev-5.csv"))
        .collect();
    assert_eq!(csv_rows.len(), 5);
    assert!(
        csv_rows
            .iter()
            .all(|r| !r[1].is_empty() && r[6].len() == 10 && &r[7] == "metadata" && &r[8] == "id")
    );
    let wapo: Vec<&csv::StringRecord> = rows
        .iter()
        .filter(|r| r[2].ends_with("wapo-2.html"))
        .collect();
    assert_eq!(&wapo[0][8], "en");
}

#[test]
fn a_lost_search_index_is_rebuilt_for_a_query() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("q.db");
    let db_str = db.to_str().expect("utf8 path");
    let seed = fixture(SEED);
    assert!(
        pantau(&["import", "--db", db_str, seed.to_str().expect("utf8")])
            .status
            .success()
    );
    let query = |q: &str| {
        let out = pantau(&[
            "export", "articles", "--db", db_str, "--out", "-", "--query", q,
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        csv::Reader::from_reader(out.stdout.as_slice())
            .records()
            .count()
    };
    assert_eq!(query("suriah"), 1);
    assert_eq!(query("kopenhagen"), 0);
    // The index file is derived data: deleted, it is rebuilt from the articles.
    let search = pantau::store::search_path(&db);
    assert!(search.exists());
    std::fs::remove_file(&search).expect("remove");
    let _ = std::fs::remove_file(format!("{}-wal", search.display()));
    let _ = std::fs::remove_file(format!("{}-shm", search.display()));
    assert_eq!(query("suriah"), 1);
}

/// A JSONL file of `n` short articles, each naming Russia.
fn big_jsonl(path: &Path, n: usize) {
    let mut out = String::with_capacity(n * 120);
    for i in 0..n {
        out.push_str(&format!(
            "{{\"title\": \"Berita {i}\", \"text\": \"Rusia dan Turki bertemu lagi, pertemuan ke-{i} di Ankara.\", \"date\": \"2020-01-02\"}}\n"
        ));
    }
    std::fs::write(path, out).expect("write");
}

fn a_big_file_reports_its_records_and_cancels_inside_storing_nothing_of_it(on: Backend) {
    let dir = tempfile::tempdir().expect("dir");
    let small = dir.path().join("a-small.txt");
    std::fs::write(
        &small,
        "Rusia dan Turki\n\nRusia bertemu Turki di Ankara.\n",
    )
    .expect("write");
    let big = dir.path().join("b-big.jsonl");
    big_jsonl(&big, 19_000);
    let Some(mut store) = common::store(
        on,
        "a_big_file_reports_its_records_and_cancels_inside_storing_nothing_of_it",
    ) else {
        return;
    };
    let matcher = prepare_matcher(&mut store, MatcherOptions::default()).expect("matcher");
    let cancel = AtomicBool::new(false);
    let mut phases = Vec::new();
    let mut seen_records = (0, 0);
    let report = import_paths(
        &mut store,
        &matcher,
        &[small.clone(), big.clone()],
        &ImportOptions::default(),
        &cancel,
        |p| {
            if phases.last() != Some(&p.phase) {
                phases.push(p.phase);
            }
            // Cancel once the big file is known to be under way.
            if p.records_total > 0 && p.records_done > 0 && p.current == big {
                seen_records = (p.records_done, p.records_total);
                cancel.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        },
    )
    .expect("import");
    use pantau::pipeline::ImportPhase;
    assert_eq!(
        phases,
        [
            ImportPhase::Preparing,
            ImportPhase::Scanning,
            ImportPhase::Importing
        ]
    );
    assert!(
        seen_records.0 > 0,
        "progress inside the big file: {seen_records:?}"
    );
    assert_eq!(
        seen_records.1,
        2 * 19_000,
        "each record counts read and tagged"
    );
    assert!(report.cancelled);
    // The small file is in whole; nothing of the big one.
    assert_eq!(report.counts.articles_added, 1, "{:?}", report.counts);
    assert_eq!(report.not_imported.len(), 1, "{:?}", report.not_imported);
    assert_eq!(report.not_imported[0].path, big);
    assert!(
        report.not_imported[0].reason.contains("of 19,000 records"),
        "{}",
        report.not_imported[0].reason
    );
    let stats = store.stats().expect("stats");
    assert_eq!(stats.articles, 1);
    // Importing it again afterwards brings it in whole.
    let again = import(&mut store, &[big]);
    assert_eq!(again.counts.articles_added, 19_000);
    assert!(!again.cancelled && again.not_imported.is_empty());
}

fn teasers_of_other_stories_are_not_counted_and_copies_still_found(on: Backend) {
    let dir = tempfile::tempdir().expect("dir");
    let page = dir.path().join("berita.txt");
    std::fs::write(
        &page,
        "Rusia dan Turki bertemu\n\nJakarta - Rusia dan Turki bertemu di Ankara.\n\nBaca juga: Jepang kecam uji rudal Korea Utara\n\nPertemuan berlangsung dua jam.\n",
    )
    .expect("write");
    let Some(mut store) = common::store(
        on,
        "teasers_of_other_stories_are_not_counted_and_copies_still_found",
    ) else {
        return;
    };
    import(&mut store, std::slice::from_ref(&page));
    let codes: Vec<String> = mentions_csv(&store)
        .iter()
        .map(|r| r[8].to_string())
        .collect();
    assert!(codes.contains(&"RUS".to_string()));
    assert!(
        !codes.iter().any(|c| c == "JPN" || c == "PRK"),
        "the teaser's actors: {codes:?}"
    );
    // The same file again is a copy (its key is of the text as it came).
    let again = import(&mut store, &[page]);
    assert_eq!(
        (again.counts.articles_added, again.counts.duplicates),
        (0, 1)
    );
}

fn an_outlet_is_not_counted_for_its_own_credit_line(on: Backend) {
    let Some(mut store) = common::store(on, "an_outlet_is_not_counted_for_its_own_credit_line")
    else {
        return;
    };
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample/indosum-sample.jsonl");
    import(&mut store, &[sample]);
    let counts = pantau::analysis::actor_counts(&store, &pantau::analysis::Filter::default())
        .expect("counts");
    let of = |code: &str| {
        counts
            .iter()
            .find(|c| c.code == code)
            .map_or(0, |c| c.articles)
    };
    // 129 of the 301 sample articles open "Jakarta, CNN Indonesia --": that is no mention.
    assert!(
        of("CNNID") < 20,
        "CNN Indonesia in {} articles",
        of("CNNID")
    );
    let top: Vec<&str> = counts.iter().take(5).map(|c| c.code.as_str()).collect();
    for outlet in ["CNNID", "ANTARA", "REUTERS", "KUMPARAN"] {
        assert!(!top.contains(&outlet), "{top:?}");
    }
    // An article without an outlet takes its credit's.
    let dir2 = tempfile::tempdir().expect("dir");
    let file = dir2.path().join("a.jsonl");
    std::fs::write(
        &file,
        "{\"title\": \"T\", \"text\": \"TOKYO, March 3 (Reuters) - Japan and Russia met in Tokyo.\"}\n",
    )
    .expect("write");
    let Some(mut store2) = common::store(on, "an_outlet_is_not_counted_for_its_own_credit_line")
    else {
        return;
    };
    import(&mut store2, &[file]);
    let rows = mentions_csv(&store2);
    let codes: Vec<&str> = rows.iter().map(|r| &r[8]).collect();
    assert_eq!(
        codes,
        ["JPN", "RUS"],
        "the body's names, not the credit's: {rows:?}"
    );
    assert_eq!(&rows[0][4], "Reuters");
    // The dateline is where it was reported from, in the articles export after its columns.
    let mut out = Vec::new();
    write_articles_csv(&store2, &mut out, CsvOptions::default()).expect("export");
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = reader
        .headers()
        .expect("headers")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(&header[11..13], ["dateline_place", "dateline_country"]);
    let row = reader.records().next().expect("a row").expect("row");
    assert_eq!((&row[11], &row[12]), ("TOKYO", "JPN"));
}

fn bylines_editors_sections_and_cut_texts_are_exported(on: Backend) {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("records.jsonl");
    std::fs::write(
        &file,
        concat!(
            "{\"title\": \"A\", \"text\": \"Rusia dan Turki bertemu di Ankara.\\n\\nPenulis: Rina Contoh\\nEditor: Budi\", \"section\": \"Dunia\"}\n",
            "{\"title\": \"B\", \"content\": \"Japan and Russia met in Tokyo on Tuesday… [+1200 chars]\", \"author\": [\"Ann\", \"Bo\"]}\n",
            "{\"title\": \"Jepang kecam Korea Utara\", \"url\": \"https://x.example/1\"}\n",
        ),
    )
    .expect("write");
    let Some(mut store) = common::store(on, "bylines_editors_sections_and_cut_texts_are_exported")
    else {
        return;
    };
    import(&mut store, &[file]);
    let mut out = Vec::new();
    write_articles_csv(&store, &mut out, CsvOptions::default()).expect("export");
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = reader
        .headers()
        .expect("headers")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        &header[13..19],
        [
            "byline",
            "editor",
            "section",
            "stated_words",
            "text_status",
            "missing_chars"
        ]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("row").iter().map(String::from).collect())
        .collect();
    let tail = |r: &Vec<String>| r[13..19].to_vec();
    assert_eq!(
        tail(&rows[0]),
        ["Rina Contoh", "Budi", "Dunia", "", "full", ""]
    );
    assert_eq!(tail(&rows[1]), ["Ann; Bo", "", "", "", "cut", "1200"]);
    assert_eq!(tail(&rows[2]), ["", "", "", "", "title_only", ""]);
    // The credit lines are no text (and no mentions).
    let a = store.article(1).expect("article").expect("exists");
    assert!(!a.text.contains("Penulis"), "{}", a.text);
    assert_eq!(a.byline, "Rina Contoh");
}

fn near_duplicates_are_one_story_and_every_copy_is_kept(on: Backend) {
    let dir = tempfile::tempdir().expect("dir");
    let body = [
        "Pemerintah Rusia mengecam serangan udara yang menghantam pinggiran kota Aleppo di Suriah pada Selasa malam.",
        "Menteri luar negeri Turki menyerukan perundingan segera di bawah naungan Perserikatan Bangsa-Bangsa.",
        "Sejumlah diplomat menyebut pertemuan di Jenewa pekan depan sebagai kesempatan terakhir untuk gencatan senjata, sementara warga sipil terus mengungsi ke perbatasan.",
        "Kementerian Pertahanan Rusia membantah pesawatnya terlibat dan menuding kelompok bersenjata di Idlib.",
        "Menurut lembaga pemantau hak asasi manusia yang berbasis di London, sedikitnya dua belas warga sipil tewas dan puluhan lainnya luka-luka akibat serangan tersebut.",
        "Rumah sakit di kawasan itu kewalahan menampung korban, sementara pasokan obat-obatan dan bahan bakar kian menipis sejak jalur bantuan ditutup bulan lalu.",
        "Uni Eropa mendesak semua pihak menghormati hukum humaniter internasional dan membuka akses bagi lembaga bantuan.",
        "Pemerintah Indonesia melalui Kementerian Luar Negeri juga menyatakan keprihatinan dan meminta perlindungan bagi warga negara Indonesia yang masih berada di wilayah itu.",
    ];
    let rest = body[4..].join("\n\n");
    let write = |name: &str, text: String| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).expect("write");
        p
    };
    // The wire story, another outlet's copy with its own credit and a changed paragraph,
    // and an update with a paragraph more.
    let wire = write(
        "a.txt",
        format!(
            "Rusia kecam serangan di Suriah\n\nJakarta, CNN Indonesia -- {}\n\n{}\n\n{}\n\n{}\n\n{rest}\n",
            body[0], body[1], body[2], body[3]
        ),
    );
    let copy = write(
        "b.txt",
        format!(
            "Rusia kecam serangan udara di Suriah\n\nLiputan6.com, Jakarta - {}\n\n{}\n\nPara diplomat menilai pertemuan Jenewa sebagai peluang terakhir.\n\n{}\n\n{rest}\n",
            body[0], body[1], body[3]
        ),
    );
    let update = write(
        "c.txt",
        format!(
            "Rusia kecam serangan di Suriah (diperbarui)\n\nJakarta, CNN Indonesia -- {}\n\n{}\n\n{}\n\n{}\n\n{rest}\n\nPBB menjadwalkan sidang darurat Dewan Keamanan pada Rabu.\n",
            body[0], body[1], body[2], body[3]
        ),
    );
    // Another story on the same subject, with the same actors: not the same story.
    let other = write(
        "d.txt",
        "Turki dan Rusia bahas Suriah di Ankara\n\nAnkara - Presiden Turki menerima Menteri Luar Negeri Rusia di Ankara pada Kamis untuk membahas zona aman di utara Suriah. Keduanya sepakat memperpanjang patroli bersama di sepanjang perbatasan dan meminta Perserikatan Bangsa-Bangsa mengirim bantuan kemanusiaan bagi pengungsi di Idlib. Seorang pejabat menyebut pertemuan berlangsung hangat meski kedua negara berbeda pandangan soal masa depan pemerintahan di Damaskus.\n".to_string(),
    );
    // The wire's exact text again, in a record with its own outlet and date.
    let wire_text = std::fs::read_to_string(&wire).expect("read");
    let exact = write(
        "e.jsonl",
        format!(
            "{}\n",
            serde_json::json!({"title": "Rusia kecam serangan di Suriah", "text": wire_text, "source": "Kompas", "date": "2021-05-04"})
        ),
    );
    let Some(mut store) = common::store(on, "near_duplicates_are_one_story_and_every_copy_is_kept")
    else {
        return;
    };
    let files = [wire, copy, update, other, exact];
    import(&mut store, &files);
    let stories_of = |store: &Store| -> Vec<(String, i64, i64)> {
        let mut out = Vec::new();
        write_articles_csv(store, &mut out, CsvOptions::default()).expect("export");
        let mut reader = csv::Reader::from_reader(out.as_slice());
        let header: Vec<String> = reader
            .headers()
            .expect("h")
            .iter()
            .map(String::from)
            .collect();
        assert_eq!(&header[19..], ["story_id", "exact_copies"]);
        reader
            .records()
            .map(|r| {
                let r = r.expect("row");
                (
                    r[2].to_string(),
                    r[19].parse().expect("story"),
                    r[20].parse().expect("copies"),
                )
            })
            .collect()
    };
    let rows = stories_of(&store);
    assert_eq!(
        rows.len(),
        4,
        "the exact copy is no article of its own: {rows:?}"
    );
    let story = |name: &str| rows.iter().find(|r| r.0.ends_with(name)).map(|r| r.1);
    assert_eq!(story("b.txt"), story("a.txt"), "{rows:?}");
    assert_eq!(story("c.txt"), story("a.txt"), "{rows:?}");
    assert_ne!(
        story("d.txt"),
        story("a.txt"),
        "two stories merged: {rows:?}"
    );
    assert_eq!(
        rows.iter().find(|r| r.0.ends_with("a.txt")).map(|r| r.2),
        Some(1)
    );
    // Counted by stories: the wire story once, the other story once.
    let by_stories = pantau::model::Filter {
        stories: true,
        ..Default::default()
    };
    assert_eq!(
        store
            .article_count(&pantau::model::Filter::default())
            .expect("n"),
        4
    );
    assert_eq!(store.article_count(&by_stories).expect("n"), 2);
    // The reader lists the other copies, the exact one with its own outlet.
    let first = store.article(1).expect("article").expect("exists");
    assert_eq!(first.copies_total, 3, "{:?}", first.copies);
    assert!(
        first
            .copies
            .iter()
            .any(|c| c.article_id.is_none() && c.source == "Kompas" && c.path.ends_with("e.jsonl")),
        "{:?}",
        first.copies
    );
    // The window's list says how many other copies each article's story has.
    let (list, _) = store
        .list_articles(&pantau::store::ArticleListQuery::default(), 0, 10)
        .expect("list");
    let copies = |id: i64| list.iter().find(|r| r.id == id).map(|r| r.copies);
    assert_eq!(copies(1), Some(3), "two near-duplicates and one exact copy");
    assert_eq!(copies(2), Some(2), "the first article and the update");
    assert_eq!(copies(4), Some(0));
    assert_eq!(
        list.iter()
            .find(|r| r.id == 1)
            .map(|r| r.dateline_place.as_str()),
        Some("Jakarta")
    );
    // Importing the same files again keeps no copy twice.
    import(&mut store, &files);
    assert_eq!(stories_of(&store), rows);
}

fn each_alias_shows_what_it_counts(on: Backend) {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("a.txt");
    std::fs::write(
        &file,
        "Amerika Serikat dan Rusia\n\nPresiden Amerika Serikat bertemu pemimpin Rusia. AS menolak usul itu.\n\nPara pejabat AMERIKA SERIKAT menyebut pertemuan berlangsung baik.\n",
    )
    .expect("write");
    let Some(mut store) = common::store(on, "each_alias_shows_what_it_counts") else {
        return;
    };
    import(&mut store, &[file]);
    let usage = store.alias_usage("USA", 3).expect("usage");
    let count = |key: &str| {
        usage
            .counts
            .iter()
            .find(|c| c.key == key)
            .map(|c| (c.mentions, c.articles))
    };
    assert_eq!(count("amerika serikat"), Some((3, 1)), "{usage:?}");
    assert_eq!(count("as"), Some((1, 1)), "{usage:?}");
    assert_eq!((usage.mentions, usage.unknown), (4, 0));
    let c = usage.counts.iter().find(|c| c.key == "as").expect("as");
    assert_eq!(c.contexts[0].1, "AS");
    assert!(c.contexts[0].2.starts_with("menolak"), "{:?}", c.contexts);
}

/// Files whose titles alone name actors: a feed item, an HTML page, a JSONL record and a CSV
/// row; and a plain text file whose first line is its title (counted once).
fn headlines_are_tagged_and_counted(on: Backend) {
    let dir = tempfile::tempdir().expect("dir");
    let write = |name: &str, body: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, body).expect("write");
        p
    };
    let feed = write(
        "feed.xml",
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Kabar</title>
<item><title>Rusia kecam Jepang</title><link>https://example.org/a</link>
<description>Pemerintah menyampaikan protes keras hari ini.</description>
<pubDate>Mon, 03 May 2021 10:00:00 +0700</pubDate></item></channel></rss>"#,
    );
    let page = write(
        "page.html",
        "<html><head><title>Turki dan Suriah berunding di Ankara</title></head><body><article>\
         <p>Para menteri luar negeri bertemu selama tiga jam pada Senin dan sepakat membentuk \
         tim kerja bersama untuk membahas pengungsi, perbatasan dan perdagangan.</p>\
         <p>Pertemuan berikutnya dijadwalkan bulan depan, kata seorang pejabat yang tidak \
         bersedia disebut namanya kepada wartawan setelah pertemuan selesai.</p>\
         </article></body></html>",
    );
    let jsonl = write(
        "items.jsonl",
        r#"{"title": "NATO and Russia meet in Brussels", "text": "The talks began on Monday and will last two days.", "date": "2021-05-03"}"#,
    );
    let csv_file = write(
        "rows.csv",
        "title,text,date\n\"China warns Japan\",\"The statement came late on Tuesday.\",2021-05-04\n",
    );
    let text = write(
        "plain.txt",
        "Rusia kecam serangan\n\nPemerintah Rusia menyampaikan protes keras.\n",
    );
    let Some(mut store) = common::store(on, "headlines_are_tagged_and_counted") else {
        return;
    };
    let report = import(&mut store, &[feed, page, jsonl, csv_file, text]);
    assert_eq!(report.failed.len(), 0, "{:?}", report.failed);
    let rows = mentions_csv(&store);
    let col = |r: &csv::StringRecord, i: usize| r.get(i).unwrap_or_default().to_string();
    let title_mentions: Vec<(String, String, String, String)> = rows
        .iter()
        .filter(|r| col(r, 16) == "title")
        .map(|r| (col(r, 3), col(r, 8), col(r, 11), col(r, 17)))
        .collect();
    for (title, code) in [
        ("Rusia kecam Jepang", "RUS"),
        ("Rusia kecam Jepang", "JPN"),
        ("Turki dan Suriah berunding di Ankara", "TUR"),
        ("Turki dan Suriah berunding di Ankara", "SYR"),
        ("NATO and Russia meet in Brussels", "NATO"),
        ("NATO and Russia meet in Brussels", "RUS"),
        ("China warns Japan", "CHN"),
        ("China warns Japan", "JPN"),
    ] {
        assert!(
            title_mentions
                .iter()
                .any(|(t, c, _, p)| t == title && c == code && p == "headline"),
            "{code} in {title:?}: {title_mentions:?}"
        );
    }
    // Offsets are the title's, the context is the title.
    for r in rows.iter().filter(|r| col(r, 16) == "title") {
        let title = col(r, 3);
        let (start, end): (usize, usize) = (
            col(r, 13).parse().expect("start"),
            col(r, 14).parse().expect("end"),
        );
        let matched: String = title.chars().skip(start).take(end - start).collect();
        assert_eq!(matched, col(r, 11));
        assert_eq!(col(r, 15), title);
    }
    // The plain text file's first line is its title: "Rusia" there once, as the headline
    // of the text; the next paragraph is the lead.
    let plain: Vec<(String, String)> = rows
        .iter()
        .filter(|r| col(r, 3) == "Rusia kecam serangan")
        .map(|r| (col(r, 16), col(r, 17)))
        .collect();
    assert_eq!(
        plain,
        [
            ("text".to_string(), "headline".to_string()),
            ("text".to_string(), "lead".to_string())
        ]
    );
    // Counts include the headlines: Japan is named only in two titles.
    let jpn = store
        .actors()
        .expect("actors")
        .into_iter()
        .find(|a| a.code == "JPN")
        .expect("JPN");
    let totals = store
        .actor_totals(&pantau::model::Filter::default())
        .expect("totals");
    let t = totals
        .iter()
        .find(|t| t.actor == jpn.id)
        .expect("JPN counted");
    assert_eq!((t.articles, t.mentions), (2, 2));
}

/// The prominence filter on the command line: Russia in one headline, one lead and one body
/// only; the timeline counts 1, 2 and 3 articles, the mentions export keeps its rows.
#[test]
fn prominence_changes_the_timeline_and_every_export() {
    let dir = tempfile::tempdir().expect("dir");
    let records = [
        (
            "Rusia kecam Jepang",
            "Pemerintah menyampaikan protes keras.\n\nPara diplomat bertemu.",
        ),
        (
            "Pertemuan di Jenewa",
            "Rusia dan Turki bertemu hari ini.\n\nTidak ada kesepakatan.",
        ),
        (
            "Harga minyak naik",
            "Harga minyak naik tajam.\n\nAnalis menyebut pasokan dari Rusia berkurang.",
        ),
    ];
    let lines: Vec<String> = records
        .iter()
        .map(|(title, text)| {
            serde_json::json!({"title": title, "text": text, "date": "2021-05-03"}).to_string()
        })
        .collect();
    let file = dir.path().join("items.jsonl");
    std::fs::write(&file, lines.join("\n")).expect("write");
    let db = dir.path().join("p.db");
    let db = db.to_str().expect("utf8");
    let out = pantau(&["import", "--db", db, file.to_str().expect("utf8")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rus_articles = |prominence: &str| -> u64 {
        let out = pantau(&[
            "export",
            "timeline",
            "--db",
            db,
            "--out",
            "-",
            "--actors",
            "RUS",
            "--bin",
            "year",
            "--prominence",
            prominence,
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
        let headers = reader.headers().expect("headers").clone();
        let at = headers
            .iter()
            .position(|h| h == "articles")
            .expect("articles column");
        reader
            .records()
            .map(|r| r.expect("row"))
            .filter(|r| r.iter().any(|c| c == "RUS"))
            .map(|r| r[at].parse::<u64>().unwrap_or(0))
            .sum()
    };
    assert_eq!(rus_articles("headline"), 1);
    assert_eq!(rus_articles("lead"), 2);
    assert_eq!(rus_articles("any"), 3);
    let mentions = |prominence: &str| -> Vec<String> {
        let out = pantau(&[
            "export",
            "mentions",
            "--db",
            db,
            "--out",
            "-",
            "--prominence",
            prominence,
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
        reader
            .records()
            .map(|r| r.expect("row"))
            .map(|r| format!("{}:{}", &r[8], &r[17]))
            .collect()
    };
    assert_eq!(mentions("headline"), ["RUS:headline", "JPN:headline"]);
    assert_eq!(
        mentions("lead"),
        ["RUS:headline", "JPN:headline", "RUS:lead", "TUR:lead"]
    );
    assert_eq!(mentions("any").len(), 5);
    let bad = pantau(&[
        "export",
        "mentions",
        "--db",
        db,
        "--out",
        "-",
        "--prominence",
        "top",
    ]);
    assert!(!bad.status.success());
}

/// The command line's human messages follow the system's language; its outputs do not.
#[test]
fn the_cli_speaks_the_system_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("cli.db");
    let seed = fixture(SEED);
    let out = Command::new(env!("CARGO_BIN_EXE_pantau"))
        .args([
            "import",
            "--db",
            db.to_str().expect("utf8"),
            seed.to_str().expect("utf8"),
            "/nonexistent/file.txt",
        ])
        .env("LC_ALL", "")
        .env("LC_MESSAGES", "")
        .env("LANG", "id_ID.UTF-8")
        .output()
        .expect("run pantau");
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("1 artikel ditambahkan"), "{stdout}");
    assert!(stdout.contains("gagal: /nonexistent/file.txt"), "{stdout}");
    // The export is for machines: the same English columns.
    let out = Command::new(env!("CARGO_BIN_EXE_pantau"))
        .args([
            "export",
            "mentions",
            "--db",
            db.to_str().expect("utf8"),
            "--out",
            "-",
        ])
        .env("LANG", "id_ID.UTF-8")
        .output()
        .expect("run pantau");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("article_id,source_id,path,title"));
}

/// Every text node of an SVG file.
fn svg_texts(path: &std::path::Path) -> Vec<String> {
    let xml = std::fs::read_to_string(path).expect("svg");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event().expect("well-formed SVG") {
            quick_xml::events::Event::Text(t) => {
                let s = t.decode().expect("text").trim().to_string();
                if !s.is_empty() {
                    out.push(s);
                }
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn cli_insight_exports_and_charts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("c.db");
    let db_arg = db.to_str().expect("utf-8 path");
    let seed = fixture("ui/indosum-8.jsonl");
    let out = pantau(&["import", "--db", db_arg, seed.to_str().expect("path")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The timeline chart as SVG: title, legend, axis labels and source line are text.
    let svg = dir.path().join("t.svg");
    let out = pantau(&[
        "export",
        "chart",
        "timeline",
        "--db",
        db_arg,
        "--out",
        svg.to_str().expect("path"),
        "--actors",
        "USA,IDN",
        "--bin",
        "month",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let texts = svg_texts(&svg);
    let has = |s: &str| texts.iter().any(|t| t.contains(s));
    assert!(has("Articles per month"), "{texts:?}");
    assert!(
        has("USA United States") && has("IDN Indonesia"),
        "{texts:?}"
    );
    assert!(has("First day of the bin") && has("articles"), "{texts:?}");
    assert!(
        has("Source: pantau") && has("c.db (8 articles)"),
        "{texts:?}"
    );
    // The same as PNG: an image of the asked size that is not blank.
    let png_path = dir.path().join("t.png");
    let out = pantau(&[
        "export",
        "chart",
        "timeline",
        "--db",
        db_arg,
        "--out",
        png_path.to_str().expect("path"),
        "--actors",
        "USA",
        "--width",
        "640",
        "--height",
        "400",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&png_path).expect("png"),
    ));
    let mut reader = decoder.read_info().expect("png header");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("png frame");
    assert_eq!((info.width, info.height), (640, 400));
    let pixels = &buf[..info.buffer_size()];
    let white = pixels.chunks(3).filter(|p| p == &[255, 255, 255]).count();
    assert!(white < pixels.len() / 3, "a blank image");
    assert!(white > pixels.len() / 6, "no white background");

    // The network as laid out: every node's code is text of the SVG.
    let net_svg = dir.path().join("n.svg");
    let out = pantau(&[
        "export",
        "chart",
        "network",
        "--db",
        db_arg,
        "--out",
        net_svg.to_str().expect("path"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let texts = svg_texts(&net_svg);
    assert!(
        texts.iter().any(|t| t.contains("The actor network")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t == "USA") && texts.iter().any(|t| t == "IDN"),
        "{texts:?}"
    );

    // Outlets × actors and the comparison as tables, one as a workbook.
    let outlets = dir.path().join("o.xlsx");
    let out = pantau(&[
        "export",
        "outlets",
        "--db",
        db_arg,
        "--out",
        outlets.to_str().expect("path"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(outlets.exists() && !dir.path().join("o.xlsx.json").exists());
    let compare = dir.path().join("c.csv");
    let out = pantau(&[
        "export",
        "compare",
        "--db",
        db_arg,
        "--out",
        compare.to_str().expect("path"),
        "--a-to",
        "2016-10-31",
        "--b-from",
        "2016-11-01",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("c.csv.json")).expect("provenance"))
            .expect("json");
    assert_eq!(json["export"], "compare");
    assert_eq!(json["parameters"]["a.to"], "2016-10-31");
    assert_eq!(json["database_articles"], 8);
    // An XLSX cannot go to standard output; an unknown actor has no profile.
    let out = pantau(&[
        "export", "outlets", "--db", db_arg, "--out", "-", "--format", "xlsx",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("standard output"));
    let out = pantau(&[
        "export", "profile", "--db", db_arg, "--actor", "NOPE", "--out", "-",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("NOPE"));
}

/// An outlet filter folds ASCII letters only, on both engines (a server's own lower() folds
/// every letter: it found both outlets below where a file finds one).
fn an_outlet_filter_folds_the_same_letters_on_both_engines(on: Backend) {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("two.jsonl");
    std::fs::write(
        &file,
        concat!(
            r#"{"id":"1","title":"Satu","text":"Rusia dan Turki bertemu.","source":"TÜRKIYE HABER","date":"2020-01-01"}"#,
            "\n",
            r#"{"id":"2","title":"Dua","text":"Rusia datang lagi ke sini.","source":"türkiye haber","date":"2020-01-02"}"#,
            "\n"
        ),
    )
    .expect("write");
    let Some(mut store) = common::store(on, "outlet_fold") else {
        return;
    };
    assert_eq!(import(&mut store, &[file]).counts.articles_added, 2);
    let count = |source: &str| {
        let filter = pantau::model::Filter {
            sources: vec![source.into()],
            ..Default::default()
        };
        store.article_count(&filter).expect("count")
    };
    let outlets = |source: &str| {
        let filter = pantau::model::Filter {
            sources: vec![source.into()],
            ..Default::default()
        };
        store.source_articles(&filter).expect("outlets")
    };
    let upper = vec![("TÜRKIYE HABER".to_string(), 1)];
    let lower = vec![("türkiye haber".to_string(), 1)];
    assert_eq!(outlets("TÜRKIYE HABER"), upper);
    assert_eq!(outlets("tÜrkiye haber"), upper);
    assert_eq!(outlets("türkiye haber"), lower);
    assert_eq!(outlets("TüRKIYE HABER"), lower);
    assert_eq!(count("TÜRKIYE HABER"), 1);
    let usage = store.alias_usage("TUR", 3).expect("usage");
    assert_eq!(usage.mentions, 1, "{usage:?}");
}

on_both_backends!(
    an_outlet_filter_folds_the_same_letters_on_both_engines,
    seed_gives_the_expected_mentions,
    importing_twice_stores_once,
    a_bad_file_is_reported_and_the_others_imported,
    one_real_file_of_each_format,
    a_big_file_reports_its_records_and_cancels_inside_storing_nothing_of_it,
    teasers_of_other_stories_are_not_counted_and_copies_still_found,
    an_outlet_is_not_counted_for_its_own_credit_line,
    bylines_editors_sections_and_cut_texts_are_exported,
    near_duplicates_are_one_story_and_every_copy_is_kept,
    each_alias_shows_what_it_counts,
    headlines_are_tagged_and_counted,
);
