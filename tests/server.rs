//! The PostgreSQL backend against a real server: `.ci/pg-start` starts a throw-away cluster
//! and exports `PANTAU_TEST_PG` (the superuser's address) and `PGPASSWORD`. Without it these
//! tests say so and pass, unless `PANTAU_REQUIRE_PG=1` (as `.ci/run` sets), when they fail.
//!
//! Each test works in a database of its own, dropped at the end.

mod common;

use common::{TestDb, client, reader_role, server};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SEED: &str = "000_a8de84f94fd64a6f.txt";

fn pantau(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pantau"))
        .args(args)
        .env("LC_ALL", "C")
        .env("LANG", "C")
        .output()
        .expect("run pantau")
}

/// `pantau copy --from FROM --to TO`.
fn copy(from: &str, to: &str) -> Output {
    pantau(&["copy", "--from", from, "--to", to])
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "pantau failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn refused(out: Output) -> String {
    assert!(
        !out.status.success(),
        "pantau should have refused: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample/indosum-sample.jsonl")
}

/// A local database of the seed article and the bundled sample (300 articles), with a user's
/// alias and an exclusion, so that every table has rows.
fn local_corpus(dir: &Path) -> PathBuf {
    let db = dir.join("news.db");
    let dbs = db.to_str().expect("utf8");
    ok(pantau(&[
        "import",
        "--db",
        dbs,
        fixture(SEED).to_str().expect("utf8"),
        sample().to_str().expect("utf8"),
    ]));
    ok(pantau(&[
        "dictionary",
        "add-alias",
        "--db",
        dbs,
        "--actor",
        "IDN",
        "--text",
        "Zamrud Khatulistiwa",
    ]));
    db
}

/// Every row of every table of a local database, in a fixed order, as text.
fn local_rows(db: &Path) -> Vec<(String, Vec<String>)> {
    let conn = rusqlite::Connection::open(db).expect("open");
    pantau::store::server::TABLES
        .iter()
        .map(|t| {
            // Each local database keeps its own tie to its search index file.
            let only = if *t == "settings" {
                " WHERE key <> 'search_owner'"
            } else {
                ""
            };
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM {t}{only}"))
                .expect("prepare");
            let n = stmt.column_count();
            let mut rows: Vec<String> = stmt
                .query_map([], |r| {
                    let mut cells = Vec::new();
                    for i in 0..n {
                        cells.push(format!("{:?}", r.get_ref(i)?));
                    }
                    Ok(cells.join("|"))
                })
                .expect("query")
                .collect::<Result<_, _>>()
                .expect("rows");
            rows.sort();
            (t.to_string(), rows)
        })
        .collect()
}

/// The exports of a local database, by kind.
fn exports(db: &Path) -> Vec<(String, String)> {
    exports_of(db.to_str().expect("utf8"))
}

/// The exports of a database (a file or a server's), by kind, its name written as DB.
fn exports_of(dbs: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for args in [
        vec!["export", "mentions"],
        vec!["export", "articles"],
        vec!["export", "timeline", "--bin", "day"],
        vec!["export", "cooccurrence"],
        vec!["export", "cooccurrence", "--window", "sentence"],
        vec!["export", "network"],
        vec![
            "export",
            "articles",
            "--query",
            "Suriah OR \"amerika serikat\" OR ekonom* NOT title:jakarta",
        ],
        vec!["export", "timeline", "--query", "NEAR(presiden jokowi, 3)"],
    ] {
        let mut full = args.clone();
        full.extend(["--db", dbs, "--out", "-"]);
        // The GEXF's provenance names the database file and the time of the export.
        let text: String = ok(pantau(&full))
            .replace(dbs, "DB")
            .lines()
            .filter(|l| !l.trim_start().starts_with("created_at:"))
            .map(|l| format!("{l}\n"))
            .collect();
        assert!(text.lines().count() > 1, "{args:?} exported nothing");
        out.push((args.join(" "), text));
    }
    out
}

#[test]
fn a_corpus_copied_to_a_server_and_back_keeps_every_row_and_export() {
    let Some(admin) = server() else { return };
    let server_db = TestDb::new(&admin, "roundtrip");
    let to = server_db.address("pantau");
    let dir = tempfile::tempdir().expect("tempdir");
    let local = local_corpus(dir.path());
    let said = ok(copy(local.to_str().expect("utf8"), &to));
    assert!(
        said.contains("every table's rows counted on both sides agree"),
        "{said}"
    );

    // The copy put back every index it set aside for the load.
    let fresh = TestDb::new(&admin, "fresh");
    ok(pantau(&["stats", "--db", &fresh.address("pantau")]));
    let indexes = |address: &str| -> Vec<String> {
        client(address)
            .query(
                "SELECT indexdef::text FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname",
                &[],
            )
            .expect("indexes")
            .iter()
            .map(|r| r.get(0))
            .collect()
    };
    let copied = indexes(&to);
    assert!(
        copied.iter().any(|d| d.contains("USING gin (search)")),
        "{copied:?}"
    );
    assert_eq!(copied, indexes(&fresh.address("pantau")));

    // The server counts what the local database counts.
    let here = ok(pantau(&[
        "stats",
        "--json",
        "--db",
        local.to_str().expect("utf8"),
    ]));
    let there = ok(pantau(&["stats", "--json", "--db", &to]));
    assert_eq!(here, there);
    assert!(here.contains("\"articles\": 301"), "{here}");

    let back = dir.path().join("back.db");
    ok(copy(&to, back.to_str().expect("utf8")));
    // The copy's search index was built (before any export could catch it up).
    let search = rusqlite::Connection::open(pantau::store::search_path(&back)).expect("search");
    let indexed: i64 = search
        .query_row("SELECT COUNT(*) FROM articles_fts", [], |r| r.get(0))
        .expect("indexed");
    assert_eq!(indexed, 301);
    assert_eq!(local_rows(&local), local_rows(&back));
    // The server itself answers the exports (searches included: the copy wrote each article's
    // search vector) as the file does.
    for ((kind, here), (_, there)) in exports(&local).iter().zip(exports_of(&to).iter()) {
        assert!(here == there, "{kind} differs on the server");
    }
    for ((kind, here), (_, there)) in exports(&local).iter().zip(exports(&back).iter()) {
        let first = here
            .lines()
            .zip(there.lines())
            .find(|(a, b)| a != b)
            .map(|(a, b)| format!("{a}\n{b}"));
        assert!(here == there, "{kind} differs at\n{first:?}");
    }

    // A second copy into the same database is refused: it is not empty.
    let again = refused(copy(local.to_str().expect("utf8"), &to));
    assert!(
        again.contains("already holds 301 rows of articles"),
        "{again}"
    );

    // The server's next ids follow the copied ones.
    let mut c = client(&to);
    let next: i64 = c
        .query_one(
            "INSERT INTO import_runs (started_at, status) VALUES ('2026-12-01T00:00:00', 'finished')
             RETURNING id",
            &[],
        )
        .expect("a new run")
        .get(0);
    assert_eq!(next, 2);
}

#[test]
fn the_server_schema_is_the_local_one() {
    let Some(admin) = server() else { return };
    let server_db = TestDb::new(&admin, "schema");
    let dir = tempfile::tempdir().expect("tempdir");
    let local = dir.path().join("empty.db");
    drop(pantau::store::Store::open(&local).expect("local"));
    // Twice: the second connection finds the schema up to date.
    for _ in 0..2 {
        let address = pantau::store::server::ServerAddress::parse(&server_db.address("pantau"))
            .expect("address");
        let mut store =
            pantau::store::server::ServerStore::connect(&address, &mut |_| None).expect("connect");
        assert_eq!(
            pantau::store::server::schema::version(&mut store).expect("version"),
            pantau::store::migrations::latest_version()
        );
    }
    // Same tables, same columns (the server's own full-text vector aside), same order.
    let conn = rusqlite::Connection::open(&local).expect("open");
    let mut c = client(&server_db.address("pantau"));
    for table in pantau::store::server::TABLES {
        let mut stmt = conn
            .prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")
            .expect("prepare");
        let here: Vec<String> = stmt
            .query_map([table], |r| r.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("names");
        let there: Vec<String> = c
            .query(
                "SELECT column_name::text FROM information_schema.columns
                 WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER'
                   AND NOT (table_name = 'articles' AND column_name = 'search')
                 ORDER BY ordinal_position",
                &[table],
            )
            .expect("columns")
            .iter()
            .map(|r| r.get(0))
            .collect();
        assert_eq!(here, there, "{table}");
    }
    // Every local table is one a copy moves.
    let mut stmt = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             ORDER BY name",
        )
        .expect("prepare");
    let mut local_tables: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("tables");
    let mut copied: Vec<String> = pantau::store::server::TABLES
        .iter()
        .map(|t| t.to_string())
        .collect();
    local_tables.sort();
    copied.sort();
    assert_eq!(local_tables, copied);
}

#[test]
fn a_read_only_role_browses_and_exports_but_may_not_write() {
    let Some(admin) = server() else { return };
    let server_db = TestDb::new(&admin, "readonly");
    let dir = tempfile::tempdir().expect("tempdir");
    let local = local_corpus(dir.path());
    ok(copy(
        local.to_str().expect("utf8"),
        &server_db.address("pantau"),
    ));
    // A role that may only read, with the password the tests know.
    let password = std::env::var("PGPASSWORD").unwrap_or_default();
    let role = reader_role(&server_db, "reader", &password);
    let reader = server_db.address(&role);

    let stats = ok(pantau(&["stats", "--db", &reader]));
    assert!(stats.contains("301"), "{stats}");
    // It exports from the server itself what the local database exports.
    let exported = ok(pantau(&[
        "export", "articles", "--db", &reader, "--out", "-",
    ]));
    let here = ok(pantau(&[
        "export",
        "articles",
        "--db",
        local.to_str().expect("utf8"),
        "--out",
        "-",
    ]));
    assert_eq!(exported, here);
    let back = dir.path().join("reader.db");
    ok(copy(&reader, back.to_str().expect("utf8")));
    assert_eq!(local_rows(&local), local_rows(&back));

    let import = refused(pantau(&[
        "import",
        "--db",
        &reader,
        fixture(SEED).to_str().expect("utf8"),
    ]));
    assert!(
        import.contains(&format!("the role {role} may not import"))
            && import.contains("lacks INSERT on import_runs"),
        "{import}"
    );
    let edit = refused(pantau(&[
        "dictionary",
        "add-alias",
        "--db",
        &reader,
        "--actor",
        "IDN",
        "--text",
        "Zamrud Khatulistiwa",
    ]));
    assert!(edit.contains("lacks INSERT on"), "{edit}");
    let empty = TestDb::new(&admin, "readonly_target");
    let mut c = client(&empty.address("pantau"));
    // The reader may read the empty database once it has pantau's tables.
    ok(pantau(&["stats", "--db", &empty.address("pantau")]));
    c.batch_execute(&format!(
        "GRANT CONNECT ON DATABASE {} TO {role};
         GRANT USAGE ON SCHEMA public TO {role};
         GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role};",
        empty.name
    ))
    .expect("grant");
    let copied_in = refused(copy(local.to_str().expect("utf8"), &empty.address(&role)));
    assert!(
        copied_in.contains("lacks INSERT on import_runs"),
        "{copied_in}"
    );
    // A role that may write rows but not move the id sequences on is told so before copying.
    let writer = format!("writer_{}", std::process::id());
    c.batch_execute(&format!(
        "DROP ROLE IF EXISTS {writer};
         CREATE ROLE {writer} LOGIN PASSWORD '{}';
         GRANT CONNECT ON DATABASE {} TO {writer};
         GRANT USAGE ON SCHEMA public TO {writer};
         GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {writer};",
        password.replace('\'', "''"),
        empty.name
    ))
    .expect("writer");
    let copied_in = refused(copy(local.to_str().expect("utf8"), &empty.address(&writer)));
    assert!(
        copied_in.contains("lacks UPDATE on the id sequence of import_runs"),
        "{copied_in}"
    );
    let _ = c.batch_execute(&format!("DROP OWNED BY {writer}"));
    drop(c);
    let mut c = client(&server_db.address("pantau"));
    let _ = c.batch_execute(&format!(
        "REASSIGN OWNED BY {role} TO pantau; DROP OWNED BY {role}"
    ));
    let mut e = client(&empty.address("pantau"));
    let _ = e.batch_execute(&format!("DROP OWNED BY {role}"));
    drop(e);
    drop(empty);
    drop(c);
    drop(server_db);
    let mut a = client(&admin);
    let _ = a.batch_execute(&format!(
        "DROP ROLE IF EXISTS {role}; DROP ROLE IF EXISTS {writer}"
    ));
}

#[test]
fn two_copies_into_one_server_at_once_store_it_once() {
    let Some(admin) = server() else { return };
    let server_db = TestDb::new(&admin, "concurrent");
    let to = server_db.address("pantau");
    let dir = tempfile::tempdir().expect("tempdir");
    let local = local_corpus(dir.path());
    // Set up the schema first, so both processes race on the copy, not the migration.
    ok(pantau(&["stats", "--db", &to]));
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_pantau"))
            .args(["copy", "--from", local.to_str().expect("utf8"), "--to", &to])
            .env("LC_ALL", "C")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn")
    };
    let (a, b) = (spawn(), spawn());
    let outs = [
        a.wait_with_output().expect("a"),
        b.wait_with_output().expect("b"),
    ];
    let won = outs.iter().filter(|o| o.status.success()).count();
    assert_eq!(won, 1, "exactly one copy fills the database");
    let lost = outs.iter().find(|o| !o.status.success()).expect("loser");
    let why = String::from_utf8_lossy(&lost.stderr);
    assert!(why.contains("already holds 301 rows of articles"), "{why}");
    let mut c = client(&to);
    let n: i64 = c
        .query_one("SELECT COUNT(*) FROM articles", &[])
        .expect("count")
        .get(0);
    assert_eq!(n, 301);
    let here = ok(pantau(&[
        "stats",
        "--json",
        "--db",
        local.to_str().expect("utf8"),
    ]));
    let there = ok(pantau(&["stats", "--json", "--db", &to]));
    assert_eq!(here, there);
}

#[test]
fn a_value_the_server_cannot_store_stops_the_copy_naming_its_row() {
    let Some(admin) = server() else { return };
    let server_db = TestDb::new(&admin, "nul");
    let to = server_db.address("pantau");
    let dir = tempfile::tempdir().expect("tempdir");
    let local = local_corpus(dir.path());
    // A JSON "\u0000" can bring one into a headline.
    rusqlite::Connection::open(&local)
        .expect("open")
        .execute(
            "UPDATE articles SET title = 'a' || char(0) || 'b' WHERE id = 2",
            [],
        )
        .expect("plant");
    let why = refused(copy(local.to_str().expect("utf8"), &to));
    assert!(
        why.contains("articles.title of the row whose id is 2 holds a NUL character"),
        "{why}"
    );
    let stats = ok(pantau(&["stats", "--json", "--db", &to]));
    assert!(
        stats.contains("\"articles\": 0"),
        "nothing was kept: {stats}"
    );
}

#[test]
fn a_missing_password_says_where_to_put_it() {
    let Some(admin) = server() else { return };
    // No password anywhere, and no terminal to ask on.
    let out = Command::new(env!("CARGO_BIN_EXE_pantau"))
        .args(["stats", "--db", &admin])
        .env("LC_ALL", "C")
        .env("PGPASSWORD", "")
        .env("PGPASSFILE", "/nonexistent/pgpass")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run pantau");
    let why = refused(out);
    assert!(
        why.contains("password missing (set PGPASSWORD or add the server to ~/.pgpass)"),
        "{why}"
    );
}

#[test]
fn an_address_with_a_password_is_refused_without_showing_it() {
    for args in [
        ["stats", "--db", "postgres://ana:hunter2@localhost/news"],
        [
            "stats",
            "--db",
            "postgres://ana:hunter2@localhost:port/news",
        ],
        [
            "candidates",
            "--db",
            "postgres://ana:hunter2@localhost/news",
        ],
    ] {
        let err = refused(pantau(&args));
        assert!(err.contains("PGPASSWORD"), "{args:?}: {err}");
        assert!(!err.contains("hunter2"), "{args:?}: {err}");
    }
}

/// Two sets of files in `dir` that overlap: the seed article, the bundled sample, a second
/// copy of the sample under another name (its articles are duplicates, kept as copies) and
/// eight editions of the sample (2,400 near-duplicates: stories), then those editions in
/// reverse order and the sample. Two imports of the sets at once meet in the middle of the
/// editions, each waiting for the other's claims.
fn overlapping_sets(dir: &Path) -> (Vec<String>, Vec<String>) {
    let again = dir.join("sample-again.jsonl");
    std::fs::copy(sample(), &again).expect("copy sample");
    let text = std::fs::read_to_string(sample()).expect("sample");
    let mut editions: Vec<String> = Vec::new();
    for k in 1..=8 {
        for line in text.lines() {
            assert!(line.contains("\"id\": \"") && line.contains("\"text\": \""));
            editions.push(
                line.replacen("\"id\": \"", &format!("\"id\": \"e{k}-"), 1)
                    .replacen("\"text\": \"", &format!("\"text\": \"Edisi {k}. "), 1),
            );
        }
    }
    let forward = dir.join("editions.jsonl");
    std::fs::write(&forward, editions.join("\n")).expect("editions");
    editions.reverse();
    let reversed = dir.join("editions-reversed.jsonl");
    std::fs::write(&reversed, editions.join("\n")).expect("reversed");
    let s = |p: &Path| p.to_str().expect("utf8").to_string();
    (
        vec![s(&fixture(SEED)), s(&sample()), s(&again), s(&forward)],
        vec![s(&reversed), s(&sample())],
    )
}

/// `pantau import --db DB PATHS…`.
fn import(db: &str, paths: &[String]) -> Output {
    let mut args = vec!["import", "--db", db];
    args.extend(paths.iter().map(String::as_str));
    pantau(&args)
}

#[test]
fn the_same_files_imported_into_a_file_and_a_server_give_the_same_rows_and_exports() {
    let Some(admin) = server() else { return };
    let server_db = TestDb::new(&admin, "equivalence");
    let to = server_db.address("pantau");
    let dir = tempfile::tempdir().expect("tempdir");
    let (first, _) = overlapping_sets(dir.path());
    let local = dir.path().join("local.db");
    let l = local.to_str().expect("utf8");
    let here = ok(import(l, &first));
    let there = ok(import(&to, &first));
    // The same summary, but for the time it took.
    let summary = |s: &str| s.rsplit_once(';').map(|(a, _)| a.to_string());
    assert_eq!(summary(&here), summary(&there), "{here}\n{there}");
    assert!(
        here.contains("2,701 articles added, 300 duplicates"),
        "{here}"
    );
    same_rows_and_exports(&local, &to, &dir.path().join("back.db"));

    // The same dictionary edits, then a re-tag, on both.
    for db in [l, to.as_str()] {
        for args in [
            ["--actor", "IDN", "--text", "Zamrud Khatulistiwa"],
            ["--actor", "MYS", "--text", "Negeri Jiran"],
        ] {
            let mut full = vec!["dictionary", "add-alias", "--db", db];
            full.extend(args);
            ok(pantau(&full));
        }
        // Syria is not Syria in the seed article (id 1): its six mentions go.
        ok(pantau(&[
            "dictionary",
            "exclude",
            "--db",
            db,
            "--actor",
            "SYR",
            "--article",
            "1",
        ]));
        let retagged = ok(pantau(&["retag", "--db", db]));
        assert!(retagged.contains("2,701 articles re-tagged"), "{retagged}");
    }
    same_rows_and_exports(&local, &to, &dir.path().join("back-retagged.db"));
}

/// Asserts that the server's database `to`, copied to `back`, has every row of every table
/// of `local` (ids included; the runs' times aside) and the same exports.
fn same_rows_and_exports(local: &Path, to: &str, back: &Path) {
    assert_eq!(
        ok(pantau(&[
            "stats",
            "--json",
            "--db",
            local.to_str().expect("utf8")
        ])),
        ok(pantau(&["stats", "--json", "--db", to]))
    );
    ok(copy(to, back.to_str().expect("utf8")));
    let without_times = |db: &Path| -> Vec<(String, Vec<String>)> {
        let mut rows = local_rows(db);
        for (table, rows) in rows.iter_mut() {
            if table == "import_runs" {
                for row in rows.iter_mut() {
                    let mut cells: Vec<&str> = row.split('|').collect();
                    cells.drain(1..3);
                    *row = cells.join("|");
                }
            }
        }
        rows
    };
    let (a, b) = (without_times(local), without_times(back));
    for ((table, x), (_, y)) in a.iter().zip(b.iter()) {
        assert!(
            !x.is_empty() || table == "exclusions" || table == "saved_views",
            "{table}"
        );
        let first = x.iter().zip(y.iter()).find(|(p, q)| p != q);
        assert!(
            x == y,
            "{table} differs ({} vs {} rows) at {first:?}",
            x.len(),
            y.len()
        );
    }
    // The exports' provenance names each run with its times.
    let untimed = |db: &Path| -> Vec<(String, String)> {
        exports(db)
            .into_iter()
            .map(|(kind, text)| (kind, without_timestamps(&text)))
            .collect()
    };
    let on_server: Vec<(String, String)> = exports_of(to)
        .into_iter()
        .map(|(kind, text)| (kind, without_timestamps(&text)))
        .collect();
    let here = untimed(local);
    for (other, what) in [(untimed(back), "its copy"), (on_server, "the server")] {
        for ((kind, here), (_, there)) in here.iter().zip(other.iter()) {
            let first = here
                .lines()
                .zip(there.lines())
                .find(|(a, b)| a != b)
                .map(|(a, b)| format!("{a}\n{b}"));
            assert!(here == there, "{kind} of {what} differs at\n{first:?}");
        }
    }
}

#[test]
fn a_retag_on_a_server_is_one_job_that_others_see() {
    let Some(admin) = server() else { return };
    let server_db = TestDb::new(&admin, "job");
    let to = server_db.address("pantau");
    ok(pantau(&[
        "import",
        "--db",
        &to,
        fixture(SEED).to_str().expect("utf8"),
    ]));
    // Another analyst's re-tag holds the job (its lock and its row).
    let mut other = client(&to);
    other
        .batch_execute(&format!(
            "SELECT pg_advisory_lock({});
             INSERT INTO settings (key, value) VALUES ('retag_job', 'ana, since 2026-12-01 09:00:00: 512 of 9000 articles')",
            0x7061_6e74_6175_2d6a_i64
        ))
        .expect("the other job");
    let stats = ok(pantau(&["stats", "--db", &to]));
    assert!(
        stats.contains("re-tag running: ana, since 2026-12-01 09:00:00: 512 of 9000 articles"),
        "{stats}"
    );
    let second = refused(pantau(&["retag", "--db", &to]));
    assert!(
        second.contains("a re-tag is already running on this database: ana, since"),
        "{second}"
    );
    // Its connection gone (finished or killed), the row no longer counts as a job.
    drop(other);
    let stats = ok(pantau(&["stats", "--db", &to]));
    assert!(!stats.contains("re-tag running"), "{stats}");
    let done = ok(pantau(&["retag", "--db", &to]));
    assert!(done.contains("1 articles re-tagged"), "{done}");
    let mut c = client(&to);
    let left: i64 = c
        .query_one("SELECT COUNT(*) FROM settings WHERE key = 'retag_job'", &[])
        .expect("job row")
        .get(0);
    assert_eq!(left, 0, "a finished re-tag removes its row");
}

/// `text` with each date-time `YYYY-MM-DDTHH:MM:SS` written as `TIME`.
fn without_timestamps(text: &str) -> String {
    let shape = b"dddd-dd-ddTdd:dd:dd";
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        let is_time = bytes.len() - i >= shape.len()
            && shape.iter().zip(&bytes[i..]).all(|(s, b)| match s {
                b'd' => b.is_ascii_digit(),
                s => s == b,
            });
        if is_time {
            out.push_str("TIME");
            i += shape.len();
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

#[test]
fn two_imports_into_one_server_at_once_store_each_article_and_mention_once() {
    let Some(admin) = server() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let (first, second) = overlapping_sets(dir.path());
    // The same files one after the other into a file.
    let local = dir.path().join("local.db");
    let l = local.to_str().expect("utf8");
    ok(import(l, &first));
    ok(import(l, &second));
    for round in 0..2 {
        // Each round in a database of its own, the two sets racing each other on the articles
        // (the schema set up first, so they do not race on the migration).
        let db = TestDb::new(&admin, &format!("imports_{round}"));
        let to = db.address("pantau");
        ok(pantau(&["stats", "--db", &to]));
        let spawn = |paths: &[String]| {
            let mut args = vec!["import".to_string(), "--db".into(), to.clone()];
            args.extend(paths.iter().cloned());
            Command::new(env!("CARGO_BIN_EXE_pantau"))
                .args(args)
                .env("LC_ALL", "C")
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn")
        };
        let (a, b) = (spawn(&first), spawn(&second));
        for out in [
            a.wait_with_output().expect("a"),
            b.wait_with_output().expect("b"),
        ] {
            ok(out);
        }
        // The counts of the file that read them one after the other: each article once, its
        // mentions once, every other copy a duplicate.
        assert_eq!(
            ok(pantau(&["stats", "--json", "--db", l])),
            ok(pantau(&["stats", "--json", "--db", &to])),
            "round {round}"
        );
        let mut c = client(&to);
        let doubled: i64 = c
            .query_one(
                "SELECT COUNT(*) FROM (SELECT article_id, actor_id, start_char FROM mentions
                 GROUP BY 1, 2, 3 HAVING COUNT(*) > 1) d",
                &[],
            )
            .expect("doubled")
            .get(0);
        assert_eq!(doubled, 0, "round {round}");
        let (mentions, counted): (i64, i64) = {
            let r = c
                .query_one(
                    "SELECT (SELECT COUNT(*) FROM mentions),
                            (SELECT CAST(SUM(mentions) AS BIGINT) FROM article_actors)",
                    &[],
                )
                .expect("sums");
            (r.get(0), r.get(1))
        };
        assert_eq!(mentions, counted, "round {round}");
    }
}

/// What the store answers a view, as text, for comparing two databases.
fn answers(store: &mut pantau::store::Store) -> Vec<(String, String)> {
    use chrono::NaiveDate;
    use pantau::model::{Filter, Language, Prominence};
    use pantau::store::{ArticleListQuery, DrillTarget, UnitColumn};
    let mut out: Vec<(String, String)> = Vec::new();
    let mut say = |what: &str, v: String| out.push((what.to_string(), v));
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
    let filters = [
        Filter::default(),
        Filter {
            languages: vec![Language::Indonesian],
            from: Some(date(2017, 1, 1)),
            ..Filter::default()
        },
        Filter {
            sources: vec!["CNN INDONESIA".into(), "kompas".into()],
            prominence: Prominence::Lead,
            stories: true,
            ..Filter::default()
        },
        Filter {
            query: Some("Suriah OR \"amerika serikat\"".into()),
            ..Filter::default()
        },
        Filter {
            query: Some("title:indonesia NOT malaysia".into()),
            from: Some(date(2016, 6, 1)),
            ..Filter::default()
        },
    ];
    say("empty", format!("{:?}", store.is_empty()));
    say("actors", format!("{:?}", store.actors()));
    say("sources", format!("{:?}", store.sources()));
    say("dictionary", format!("{:?}", store.dictionary_entries()));
    say("stats", format!("{:?}", store.stats()));
    let actors = store.actor_ids().expect("ids");
    let (idn, syr) = (actors["IDN"], actors["SYR"]);
    for code in ["IDN", "SYR", "USA", "NOPE"] {
        say(
            &format!("spellings {code}"),
            format!("{:?}", store.alias_usage(code, 3)),
        );
    }
    for (i, f) in filters.iter().enumerate() {
        let mut totals = store.actor_totals(f).expect("totals");
        totals.sort_by_key(|t| t.actor);
        say(&format!("totals {i}"), format!("{totals:?}"));
        say(
            &format!("per day {i}"),
            format!("{:?}", store.actor_per_day(idn, f)),
        );
        say(
            &format!("articles per day {i}"),
            format!("{:?}", store.articles_per_day(f)),
        );
        say(
            &format!("undated {i}"),
            format!("{:?}", store.undated_articles(f)),
        );
        say(
            &format!("count {i}"),
            format!("{:?}", store.article_count(f)),
        );
        let (mut pairs, totals) = store.source_actor_articles(f, None).expect("outlets");
        pairs.sort();
        let mut totals: Vec<_> = totals.into_iter().collect();
        totals.sort();
        say(&format!("outlets {i}"), format!("{pairs:?} {totals:?}"));
        let mut sets = Vec::new();
        store
            .for_each_actor_set(f, |a, s| sets.push((a, s.to_vec())))
            .expect("sets");
        say(&format!("sets {i}"), format!("{sets:?}"));
        let mut units = Vec::new();
        store
            .for_each_unit_set(f, UnitColumn::Sentence, |a, s| units.push((a, s.to_vec())))
            .expect("units");
        say(&format!("sentences {i}"), format!("{units:?}"));
        say(
            &format!("unit totals {i}"),
            format!("{:?}", store.unit_totals(f, UnitColumn::Paragraph)),
        );
        say(
            &format!("top {i}"),
            format!("{:?}", store.top_article(idn, 0, 30_000, f)),
        );
        for target in [
            DrillTarget::Actor {
                actor: syr,
                days: None,
            },
            DrillTarget::Pair {
                a: idn,
                b: syr,
                unit: Some(UnitColumn::Sentence),
            },
        ] {
            say(
                &format!("drill {i} {target:?}"),
                format!("{:?}", store.drill_articles(&target, f, 0, 20)),
            );
        }
        say(
            &format!("ids {i}"),
            format!("{:?}", store.filtered_article_ids(f, Some(&[idn, syr]))),
        );
    }
    let queries = [
        ArticleListQuery::default(),
        ArticleListQuery {
            actor_code: Some("SYR".into()),
            ..ArticleListQuery::default()
        },
        ArticleListQuery {
            undated_only: true,
            ..ArticleListQuery::default()
        },
        ArticleListQuery {
            from: Some(date(2017, 1, 1)),
            to: Some(date(2017, 12, 31)),
            languages: vec!["id".into()],
            sources: vec!["cnn indonesia".into()],
            ..ArticleListQuery::default()
        },
        ArticleListQuery {
            text: "Suriah".into(),
            ..ArticleListQuery::default()
        },
        ArticleListQuery {
            text: "presid* AND (\"joko widodo\" OR jokowi) NOT ^jakarta".into(),
            actor_code: Some("IDN".into()),
            ..ArticleListQuery::default()
        },
        ArticleListQuery {
            // Plain words with punctuation, taken literally.
            text: "al-qaeda U.S.".into(),
            ..ArticleListQuery::default()
        },
    ];
    for (i, q) in queries.iter().enumerate() {
        for offset in [0, 50, 2_650] {
            say(
                &format!("list {i} at {offset}"),
                format!("{:?}", store.list_articles(q, offset, 50)),
            );
        }
    }
    for id in [1, 2, 150, 301, 302, 2_701] {
        say(&format!("article {id}"), format!("{:?}", store.article(id)));
        say(
            &format!("mentions {id}"),
            format!("{:?}", store.article_mentions(id, &[idn, syr])),
        );
    }
    out
}

#[test]
fn the_store_answers_the_views_alike_on_a_file_and_a_server() {
    let Some(admin) = server() else { return };
    let server_db = TestDb::collated(&admin, "views");
    let to = server_db.address("pantau");
    let dir = tempfile::tempdir().expect("tempdir");
    let (first, _) = overlapping_sets(dir.path());
    let local = dir.path().join("local.db");
    ok(import(local.to_str().expect("utf8"), &first));
    ok(import(&to, &first));
    let address = pantau::store::server::ServerAddress::parse(&to).expect("address");
    let mut here = pantau::store::Store::open(&local).expect("file");
    let mut there = pantau::store::Store::connect(&address, &mut |_| None).expect("server");
    // A user's dates on both, then every answer again; then with a third of the server's
    // articles without a search vector (as an older pantau's rows are until the catch-up):
    // the searches check those one by one.
    for round in 0..3 {
        if round == 2 {
            client(&to)
                .batch_execute("UPDATE articles SET search = NULL WHERE id % 3 = 0")
                .expect("vectors gone");
        }
        let (a, b) = (answers(&mut here), answers(&mut there));
        assert_eq!(a.len(), b.len());
        for ((what, x), (_, y)) in a.iter().zip(b.iter()) {
            assert!(!x.contains("Err("), "{what}: {x}");
            assert!(x == y, "round {round}: {what} differs:\n{x}\n{y}");
        }
        let date = chrono::NaiveDate::from_ymd_opt(2020, 2, 29).expect("date");
        for s in [&mut here, &mut there] {
            assert_eq!(s.set_article_dates(&[2, 3, 2_000], date).expect("dates"), 3);
        }
    }
    // Saved views.
    for s in [&mut here, &mut there] {
        for name in ["Suriah 2017", "asean", "Asean"] {
            let view = pantau::model::SavedView {
                name: name.into(),
                tab: "timeline".into(),
                ..Default::default()
            };
            s.save_view(&view).expect("save");
        }
        let id = s.views().expect("views")[0].id;
        s.delete_view(id).expect("delete");
    }
    let listed = |s: &pantau::store::Store| -> Vec<(i64, String)> {
        let views = s.views().expect("views");
        views.into_iter().map(|v| (v.id, v.name)).collect()
    };
    assert_eq!(listed(&here), listed(&there));
    assert_eq!(listed(&here).len(), 2);
    assert_eq!(
        format!("{:?}", here.view("asean")),
        format!("{:?}", there.view("asean"))
    );
    // The searches found something to compare.
    let found = there
        .list_articles(
            &pantau::store::ArticleListQuery {
                text: "Suriah".into(),
                ..Default::default()
            },
            0,
            10,
        )
        .expect("search");
    assert!(found.1 > 0, "{found:?}");
}

/// The window on a server: File → Connect to server…, a wrong password said in the window,
/// the typed one used before `PGPASSWORD` (set here for another role), a reader told what it
/// may do and refused an import naming the right it lacks, the password in no saved setting;
/// then a writer's import through the window, stored on the server.
#[cfg(feature = "gui")]
#[test]
fn the_window_connects_to_a_server_browses_it_and_imports_into_it() {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use pantau::ui::{PantauApp, Settings};
    use std::time::{Duration, Instant};

    fn step_until(
        h: &mut Harness<'static, PantauApp>,
        what: &str,
        done: impl Fn(&PantauApp) -> bool,
    ) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while !done(h.state()) {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; notices: {:?}",
                h.state().notices
            );
            h.step();
            std::thread::sleep(Duration::from_millis(10));
        }
        h.run_steps(2);
    }
    fn type_into(h: &mut Harness<'static, PantauApp>, label: &str, text: &str) {
        let role = if label == "Password" {
            egui::accesskit::Role::PasswordInput
        } else {
            egui::accesskit::Role::TextInput
        };
        let field = h.get_by_role_and_label(role, label);
        field.focus();
        h.run_steps(1);
        h.get_by_role_and_label(role, label).type_text(text);
        h.run_steps(2);
    }
    fn wait_for_label(h: &mut Harness<'static, PantauApp>, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while h.query_all_by_label_contains(text).next().is_none() {
            assert!(Instant::now() < deadline, "timed out waiting for {text:?}");
            h.step();
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    let Some(admin) = server() else { return };
    let server_db = TestDb::new(&admin, "window");
    let dir = tempfile::tempdir().expect("tempdir");
    let local = local_corpus(dir.path());
    ok(copy(
        local.to_str().expect("utf8"),
        &server_db.address("pantau"),
    ));
    let secret = format!("typed-{}-only", std::process::id());
    let role = reader_role(&server_db, "window_reader", &secret);
    let mut c = client(&server_db.address("pantau"));
    let reader = server_db.address(&role);

    let settings = Settings {
        language: Some(pantau::i18n::Lang::En),
        ..Settings::default()
    };
    let app = PantauApp::new(dir.path().join("window.db"), settings, false);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut PantauApp| app.show(ui), app);
    step_until(&mut h, "idle", |app| !app.is_busy());
    // Connect, then Cancel before the answer: the answer that comes is not acted on.
    h.state_mut().send(pantau::ui::Action::ConnectDialog);
    h.state_mut().send(pantau::ui::Action::Connect {
        address: pantau::ui::TypedAddress(reader.clone()),
        password: pantau::ui::Password::new(secret.clone()),
    });
    h.state_mut().send(pantau::ui::Action::CloseConnect);
    h.step();
    step_until(&mut h, "the cancelled attempt's end", |app| !app.is_busy());
    assert!(
        h.state().database().file().is_some(),
        "a cancelled Connect switched the window: {:?}",
        h.state().notices
    );
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Connect to server…").click();
    h.run_steps(2);
    // A new window's first frame only measures it.
    wait_for_label(&mut h, "Address");
    type_into(&mut h, "Address", &reader);
    type_into(&mut h, "Password", "not-the-password");
    h.get_by_label("Connect").click();
    wait_for_label(&mut h, "password authentication failed");
    assert!(h.state().database().file().is_some(), "still on the file");
    type_into(&mut h, "Password", &secret);
    h.get_by_label("Connect").click();
    step_until(&mut h, "connected", |app| app.database().server().is_some());
    assert_eq!(h.state().database().to_string(), reader);
    let said = format!("{:?}", h.state().notices);
    assert!(
        said.contains(&format!("as {role}, who may browse, search and export")),
        "{said}"
    );
    // The views read the server: the copied corpus's 301 articles.
    h.state_mut()
        .send(pantau::ui::Action::ShowTab(pantau::ui::Tab::Articles));
    step_until(&mut h, "the article list", |app| {
        app.article_list().is_some_and(|l| l.total == 301)
    });
    h.state_mut().import_paths(vec![fixture(SEED)]);
    step_until(&mut h, "the import's end", |app| {
        app.last_report().is_some()
    });
    let refused = match h.state().last_report() {
        Some(Err(e)) => e.clone(),
        other => panic!("a reader's import was not refused: {other:?}"),
    };
    assert!(
        refused.contains(&format!("the role {role} may not import"))
            && refused.contains("lacks INSERT on"),
        "{refused}"
    );
    // A dictionary edit and a saved view: refused the same way, nothing written.
    h.state_mut()
        .send(pantau::ui::Action::AddAlias(pantau::store::NewAlias {
            actor_code: "IDN".into(),
            text: "Zamrud Khatulistiwa Raya".into(),
            language: None,
            case: None,
            via: pantau::model::Via::Name,
        }));
    h.state_mut()
        .send(pantau::ui::Action::SaveView("reader's view".into()));
    step_until(&mut h, "two refusals", |app| {
        app.notices.iter().filter(|(_, error)| *error).count() >= 2
    });
    let said = format!("{:?}", h.state().notices);
    assert!(
        said.contains(&format!("the role {role} may not edit the dictionary"))
            && said.contains(&format!("the role {role} may not save a view")),
        "{said}"
    );
    let mut admin_client = client(&server_db.address("pantau"));
    let written: i64 = admin_client
        .query_one(
            "SELECT (SELECT COUNT(*) FROM aliases WHERE alias = 'Zamrud Khatulistiwa Raya')
                  + (SELECT COUNT(*) FROM saved_views)",
            &[],
        )
        .expect("count")
        .get(0);
    assert_eq!(written, 0);
    drop(admin_client);
    // The address is remembered for the next Connect; the password nowhere.
    let saved = serde_json::to_string(&h.state().settings).expect("settings");
    assert!(saved.contains(&reader), "{saved}");
    assert!(!saved.contains(&secret), "{saved}");
    assert!(!format!("{:?}", h.state().database()).contains(&secret));
    assert!(!format!("{:?}", h.state().notices).contains(&secret));
    drop(h);

    // A writer (the password from PGPASSWORD): an import through the window lands on the
    // server, counted by the command line there.
    let team = TestDb::new(&admin, "window_team");
    let writer = pantau::store::Location::parse(&team.address("pantau")).expect("address");
    let settings = Settings {
        language: Some(pantau::i18n::Lang::En),
        ..Settings::default()
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(
            |ui, app: &mut PantauApp| app.show(ui),
            PantauApp::new(writer, settings, true),
        );
    h.state_mut().import_paths(vec![fixture(SEED)]);
    step_until(&mut h, "the import's end", |app| {
        app.last_report().is_some()
    });
    match h.state().last_report() {
        Some(Ok(r)) => assert_eq!(r.counts.articles_added, 1, "{r:?}"),
        other => panic!("the import failed: {other:?}"),
    }
    step_until(&mut h, "idle", |app| !app.is_busy());
    drop(h);
    // One article: the seed, and no bundled sample on a team's server.
    let stats = ok(pantau(&["stats", "--db", &team.address("pantau")]));
    assert!(stats.lines().any(|l| l == "articles     1"), "{stats}");

    let _ = c.batch_execute(&format!("DROP OWNED BY {role}"));
    drop(c);
    drop(server_db);
    drop(team);
    let mut a = client(&admin);
    let _ = a.batch_execute(&format!("DROP ROLE IF EXISTS {role}"));
}

/// A team's database set up by the previous pantau (server schema 1): a reader is told who
/// must bring it up and how; the owner's next command does, and the reader reads again.
#[test]
fn an_older_server_database_is_brought_up_by_its_owner_and_a_reader_told_how() {
    let Some(admin) = server() else { return };
    let db = TestDb::new(&admin, "upgrade");
    let owner = db.address("pantau");
    ok(pantau(&["stats", "--db", &owner]));
    let mut c = client(&owner);
    c.batch_execute(
        "UPDATE pantau_server_schema SET version = 1;
         DROP FUNCTION pantau_lower(text);
         DROP INDEX articles_newest;",
    )
    .expect("as the previous pantau left it");
    let password = std::env::var("PGPASSWORD").unwrap_or_default();
    let role = reader_role(&db, "upgrade_reader", &password);
    let reader = db.address(&role);
    let why = refused(pantau(&["stats", "--db", &reader]));
    assert!(
        why.contains("server version 1 of")
            && why.contains("the database's owner")
            && why.contains("lacks CREATE on the schema"),
        "{why}"
    );
    ok(pantau(&["stats", "--db", &owner]));
    let folded: String = c
        .query_one("SELECT pantau_lower('TÜRKIYE Abc')", &[])
        .expect("the function is back")
        .get(0);
    assert_eq!(folded, "tÜrkiye abc");
    let owner_of: String = c
        .query_one(
            "SELECT pg_get_userbyid(proowner)::text FROM pg_proc WHERE proname = 'pantau_lower'",
            &[],
        )
        .expect("owner")
        .get(0);
    assert_eq!(owner_of, "pantau");
    let stats = ok(pantau(&["stats", "--db", &reader]));
    assert!(stats.contains("articles     0"), "{stats}");
    let _ = c.batch_execute(&format!("DROP OWNED BY {role}"));
    drop(c);
    drop(db);
    let _ = client(&admin).batch_execute(&format!("DROP ROLE IF EXISTS {role}"));
}

/// The window's background queries take an idle connection of their login instead of
/// connecting each time; a re-tag's job ends with its store, at once (others saw it run until
/// the server noticed the closed connection, or for ever had the connection been handed on).
#[test]
fn a_logins_stores_reuse_their_connections_and_a_job_ends_with_its_store() {
    let Some(admin) = server() else { return };
    let db = TestDb::new(&admin, "pool");
    let at = pantau::store::Location::parse(&db.address("pantau")).expect("address");
    let connections = || -> i64 {
        client(&admin)
            .query_one(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = $1",
                &[&db.name],
            )
            .expect("activity")
            .get(0)
    };
    for _ in 0..20 {
        let store = at.open().expect("open");
        assert_eq!(store.stats().expect("stats").articles, 0);
    }
    assert_eq!(
        connections(),
        1,
        "20 queries one after the other, one connection"
    );
    let (a, b) = (at.open().expect("a"), at.open().expect("b"));
    drop((a, b));
    assert_eq!(connections(), 2, "two at once, both kept");
    let mut job = at.open().expect("job");
    job.begin_job(10).expect("job");
    assert!(
        at.open()
            .expect("other")
            .running_job()
            .expect("job")
            .is_some()
    );
    drop(job);
    let other = at.open().expect("after the job");
    assert_eq!(other.running_job().expect("job"), None);
}
