//! Bad input: every kind of broken file gives a clear per-file error or a correct partial
//! import; no panic; every good file beside them is imported; the database stays consistent.

use pantau::pipeline::{ImportOptions, import_paths, prepare_matcher};
use pantau::store::Store;
use pantau::tagging::MatcherOptions;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

/// What a file must give.
enum Want {
    /// Refused; the reason contains this text.
    Fails(&'static str),
    /// Imported with this many articles (and warnings when `true`).
    Imports(usize, bool),
}
use Want::*;

fn utf16(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend(if little_endian {
            [0xFF, 0xFE]
        } else {
            [0xFE, 0xFF]
        });
    }
    for unit in text.encode_utf16() {
        out.extend(if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

fn cases() -> Vec<(&'static str, Vec<u8>, Want)> {
    let article = "Jakarta - Rusia dan Turki bertemu di Ankara untuk membahas Suriah bersama PBB.\n\nIsi berita yang cukup panjang untuk dideteksi bahasanya oleh pantau.";
    let mut random = Vec::with_capacity(4096);
    let mut x: u32 = 12345;
    for _ in 0..4096 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        random.push((x >> 16) as u8);
    }
    let bomb = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<rss version="2.0"><channel><title>&lol9;</title></channel></rss>"#;
    let mut long_line = "kata ".repeat(1_000_000);
    long_line.push_str("Rusia.");
    vec![
        ("binary.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0".to_vec(), Fails("binary")),
        ("archive.zip", [b"PK\x03\x04".as_slice(), &[0u8; 64]].concat(), Fails("broken ZIP")),
        // 50 MB of zeros in 50 KB: taken for a bomb, never inflated (an entry above the size
        // limit is refused as too large).
        ("bomb.zip", zip_of(&[("zeros.txt", &vec![b'0'; 50 * 1024 * 1024])]), Fails("bomb")),
        // Archives in archives past the depth limit.
        ("nested.zip", nested_zip(6), Fails("nested")),
        // A DOCX whose document is not XML.
        ("broken.docx", zip_of(&[("word/document.xml", b"<w:document><w:body><w:p>Rusia</w:body>")]), Fails("broken DOCX")),
        // A gzip file cut short.
        ("cut.txt.gz", gzip_of(article.as_bytes())[..20].to_vec(), Fails("gzip")),
        // 80 MB of zeros in bzip2 (a few hundred bytes): unpacked only up to the size limit.
        ("zeros.txt.bz2", bzip2_of(&vec![0u8; 80 * 1024 * 1024]), Fails("unpacks to more than")),
        ("cut.txt.bz2", bzip2_of(article.as_bytes())[..30].to_vec(), Fails("bzip2")),
        // An xz and a Zstandard header followed by garbage.
        ("broken.html.xz", [b"\xfd7zXZ\0\0\x04".as_slice(), &[0x55u8; 40]].concat(), Fails("xz")),
        ("broken.json.zst", [b"\x28\xb5\x2f\xfd".as_slice(), &[0xffu8; 40]].concat(), Fails("zstd")),
        // A web archive whose record runs past the end.
        ("short.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\nHTTP/1.1 200 OK\r\n".to_vec(), Fails("WARC")),
        ("good-in.zip", zip_of(&[("a.txt", article.as_bytes()), ("b.json", b"[{\"title\":\"B\",\"text\":\"Turki dan Suriah\"}]")]), Imports(2, false)),
        ("random.bin", random, Fails("binary")),
        ("empty.txt", Vec::new(), Fails("empty")),
        ("whitespace.txt", b" \n\t\r\n   \n".to_vec(), Fails("empty")),
        ("nul-bytes.txt", b"Rusia\0dan\0Turki".to_vec(), Fails("binary")),
        ("truncated.xml", b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title><item><title>Rusia".to_vec(), Fails("feed")),
        ("malformed.rss", b"<rss version=\"2.0\"><channel><item><title>a</title></channel></item></rss>".to_vec(), Fails("feed")),
        ("entity-bomb.xml", bomb.as_bytes().to_vec(), Fails("feed")),
        ("no-items.rss", b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Kosong</title><link>http://x</link><description>d</description></channel></rss>".to_vec(), Fails("no items")),
        ("no-body.html", b"<html><head><title>Judul saja</title></head></html>".to_vec(), Fails("no text")),
        ("script-only.html", b"<html><body><script>var rusia = 1;</script><nav>Menu</nav></body></html>".to_vec(), Fails("no text")),
        ("deep.json", ("[".repeat(100_000) + &"]".repeat(100_000)).into_bytes(), Fails("JSON")),
        ("scalar.json", b"42".to_vec(), Fails("JSON")),
        ("wrong-types.json", b"[1, \"a\", null, true]".to_vec(), Fails("JSON")),
        ("broken.json", b"[{\"title\": \"Rusia\", \"text\": ".to_vec(), Fails("JSON")),
        ("all-bad.jsonl", b"{oops\n[1,2]\n{\"title\":\n".to_vec(), Fails("no articles")),
        ("no-columns.csv", b"name,value\nRusia,1\n".to_vec(), Fails("no title or text column")),
        ("header-only.csv", b"title,text\n".to_vec(), Fails("no articles")),
        ("unknown.dat", b"<weird>Rusia</weird>".to_vec(), Fails("not a supported format")),
        // 50,000 nested elements once overflowed the stack and aborted the whole process.
        (
            "deep.html",
            format!("<html><body>{}Rusia{}</body></html>", "<div>".repeat(50_000), "</div>".repeat(50_000)).into_bytes(),
            Fails("nested"),
        ),
        (
            "deep-feed.xml",
            format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>Rusia</title><description>{}x{}</description></item></channel></rss>", "<b>".repeat(60_000), "</b>".repeat(60_000)).into_bytes(),
            Fails("nested"),
        ),
        // HTML nested 50,000 deep inside a record's field is read as HTML without recursion.
        (
            "deep-field.jsonl",
            format!("{{\"title\":\"Rusia\",\"text\":\"{}Rusia dan Turki bertemu jauh di dalam{}\"}}\n", "<div>".repeat(50_000), "</div>".repeat(50_000)).into_bytes(),
            Imports(1, false),
        ),
        // Correct partial or complete imports.
        ("utf16le-bom.txt", utf16(article, true, true), Imports(1, false)),
        ("utf16be-bom.txt", utf16(article, false, true), Imports(1, false)),
        ("utf16le-nobom.txt", utf16(article, true, false), Imports(1, false)),
        ("latin1.txt", b"Caf\xe9 di S\xe3o Paulo: Rusia dan Turki bertemu untuk membahas Suriah.".to_vec(), Imports(1, false)),
        ("utf8-bom.txt", [b"\xEF\xBB\xBF".as_slice(), article.as_bytes()].concat(), Imports(1, false)),
        ("invalid-utf8.txt", [article.as_bytes(), b" \xff ", "Türkiye dan Rusia, São Paulo.".as_bytes()].concat(), Imports(1, true)),
        ("mixed-endings.txt", b"Judul\r\nBaris dua Rusia\rBaris tiga\n\nParagraf Turki\r\n".to_vec(), Imports(1, false)),
        ("one-bad-line.jsonl", b"{\"title\":\"A\",\"text\":\"Rusia dan Turki\"}\n{broken\n{\"title\":\"B\",\"text\":\"Suriah dan PBB\"}\n".to_vec(), Imports(2, true)),
        ("broken-quoting.csv", b"title,text\n\"A,\"Rusia dan \"Turki\"\nB,Suriah\n".to_vec(), Imports(2, true)),
        ("wrong-field-types.json", b"[{\"title\":{\"x\":1},\"text\":\"Rusia dan Turki berunding\",\"date\":[1]}]".to_vec(), Imports(1, true)),
        ("year-0.json", b"[{\"title\":\"A\",\"text\":\"Rusia tahun nol\",\"date\":\"0000-01-01\"}]".to_vec(), Imports(1, true)),
        ("year-9999.jsonl", b"{\"title\":\"B\",\"text\":\"Rusia tahun jauh\",\"date\":\"9999-12-31T00:00:00Z\"}\n".to_vec(), Imports(1, true)),
        ("broken-tags.html", b"<html><body><div><p>Rusia dan Turki bertemu di Ankara untuk membahas perang di Suriah yang terus berlangsung.<p>Paragraf kedua tanpa penutup <b>tebal".to_vec(), Imports(1, false)),
        ("long-line.txt", long_line.into_bytes(), Imports(1, false)),
        ("no-extension", article.as_bytes().to_vec(), Imports(1, false)),
        ("setup.py", b"# Rusia dan Turki\nimport os\nprint('Suriah')\n".to_vec(), Fails("not an article")),
        ("bom-semicolon.csv", b"\xEF\xBB\xBFid;Title;Body\n1;A;Rusia\n2;B;Turki\n".to_vec(), Imports(2, false)),
    ]
}

/// A ZIP of these entries, written by the zip crate.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        w.start_file(*name, options).expect("entry");
        w.write_all(bytes).expect("write");
    }
    w.finish().expect("zip").into_inner()
}

/// A ZIP holding a ZIP holding … `levels` deep, with a text at the bottom.
fn nested_zip(levels: usize) -> Vec<u8> {
    let mut inner = zip_of(&[("x.txt", b"Rusia dan Turki di dasar arsip.".as_slice())]);
    for _ in 0..levels {
        inner = zip_of(&[("inner.zip", &inner)]);
    }
    inner
}

fn gzip_of(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip")
}

fn bzip2_of(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
    e.write_all(bytes).expect("bzip2");
    e.finish().expect("bzip2")
}

fn name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[test]
fn every_kind_of_bad_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).expect("mkdir");
    let cases = cases();
    for (name, bytes, _) in &cases {
        std::fs::write(input.join(name), bytes).expect("write");
    }
    // A 200 MB file (sparse: nothing is written) is refused above the limit without being read.
    let huge = std::fs::File::create(input.join("huge.txt")).expect("create");
    huge.set_len(200 * 1024 * 1024).expect("set_len");
    drop(huge);
    let mut extra_failures: Vec<(String, &str)> = vec![("huge.txt".into(), "too large")];
    #[cfg(unix)]
    {
        // A symlink to nowhere, and a folder that links back to its parent.
        std::os::unix::fs::symlink(dir.path().join("nowhere.txt"), input.join("dangling.txt"))
            .expect("symlink");
        std::fs::create_dir_all(input.join("loop")).expect("mkdir");
        std::os::unix::fs::symlink(&input, input.join("loop/back")).expect("symlink");
        extra_failures.push(("dangling.txt".into(), "No such file"));
        extra_failures.push(("back".into(), "loop"));
    }
    // A file listed by the user but gone by the time it is read.
    let vanished = dir.path().join("vanished.txt");
    std::fs::write(&vanished, "Rusia").expect("write");
    std::fs::remove_file(&vanished).expect("remove");
    extra_failures.push(("vanished.txt".into(), "No such file"));
    let good =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/000_a8de84f94fd64a6f.txt");

    let mut store = Store::open(&dir.path().join("x.db")).expect("open");
    let matcher = prepare_matcher(&mut store, MatcherOptions::default()).expect("matcher");
    let paths: Vec<PathBuf> = vec![input.clone(), vanished, good];
    let report = import_paths(
        &mut store,
        &matcher,
        &paths,
        &ImportOptions::default(),
        &AtomicBool::new(false),
        |_| {},
    )
    .expect("the import runs to the end");

    let failed: BTreeMap<String, String> = report
        .failed
        .iter()
        .map(|f| (name_of(&f.path), f.reason.clone()))
        .collect();
    let warned: BTreeMap<String, String> = report
        .warnings
        .iter()
        .map(|f| (name_of(&f.path), f.reason.clone()))
        .collect();
    let mut expected_articles = 1; // the seed
    for (name, _, want) in &cases {
        match want {
            Fails(reason) => {
                let got = failed
                    .get(*name)
                    .unwrap_or_else(|| panic!("{name} should fail; failures: {failed:?}"));
                assert!(
                    got.contains(reason),
                    "{name}: {got:?} should contain {reason:?}"
                );
            }
            Imports(n, warnings) => {
                assert!(
                    !failed.contains_key(*name),
                    "{name} failed: {:?}",
                    failed.get(*name)
                );
                assert_eq!(
                    warned.contains_key(*name),
                    *warnings,
                    "{name} warnings: {:?}",
                    warned.get(*name)
                );
                expected_articles += n;
            }
        }
    }
    for (name, reason) in &extra_failures {
        let got = failed
            .get(name)
            .unwrap_or_else(|| panic!("{name} should fail; failures: {failed:?}"));
        assert!(
            got.contains(reason),
            "{name}: {got:?} should contain {reason:?}"
        );
    }
    let fails = cases.iter().filter(|c| matches!(c.2, Fails(_))).count() + extra_failures.len();
    assert_eq!(report.failed.len(), fails, "{failed:?}");
    // Five files hold the same article in different encodings, and a sixth copy sits inside
    // good-in.zip: stored once, counted as duplicates.
    assert_eq!(report.counts.duplicates, 5);
    assert_eq!(
        (report.counts.articles_added + report.counts.duplicates) as usize,
        expected_articles
    );
    let stats = store.stats().expect("stats");
    assert_eq!(stats.articles, report.counts.articles_added);
    assert_eq!(stats.failed_files.len(), fails);
    assert_eq!(store.integrity_check().expect("integrity"), "ok");
}

#[test]
fn the_size_limit_is_configurable() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("two-mb.txt");
    std::fs::write(&path, "Rusia dan Turki. ".repeat(2 * 1024 * 1024 / 17)).expect("write");
    let mut store = Store::open(&dir.path().join("x.db")).expect("open");
    let matcher = prepare_matcher(&mut store, MatcherOptions::default()).expect("matcher");
    let mut options = ImportOptions::default();
    options.ingest.max_file_bytes = 1024 * 1024;
    let report = import_paths(
        &mut store,
        &matcher,
        std::slice::from_ref(&path),
        &options,
        &AtomicBool::new(false),
        |_| {},
    )
    .expect("import");
    assert_eq!(report.failed.len(), 1);
    assert!(
        report.failed[0].reason.contains("too large"),
        "{:?}",
        report.failed
    );
    options.ingest.max_file_bytes = 4 * 1024 * 1024;
    let report = import_paths(
        &mut store,
        &matcher,
        &[path],
        &options,
        &AtomicBool::new(false),
        |_| {},
    )
    .expect("import");
    assert_eq!(report.counts.articles_added, 1);
}
