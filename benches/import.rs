//! Import benchmark: a whole `pantau import` of a corpus against the peers of
//! `../shared/bench` on the same files, whole process against whole process, in one run.
//!
//! ```sh
//! python3 ../shared/bench/make_corpus.py /tmp/corpus100k 100000
//! python3 -m venv /tmp/peers && /tmp/peers/bin/pip install flashtext pyahocorasick
//! PANTAU_BENCH_CORPUS=/tmp/corpus100k PANTAU_BENCH_PYTHON=/tmp/peers/bin/python \
//!   cargo bench --no-default-features --bench import
//! ```
//!
//! Prints one row per tool: articles, wall seconds, articles/s, MB/s and peak RSS (the
//! child's own maximum resident set, from `wait4`). Peers whose Python modules are missing are
//! skipped with a note. `PANTAU_BENCH_PEERS` points at the peers' folder (default
//! `../shared/bench`).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

struct Measured {
    seconds: f64,
    peak_rss_mb: f64,
    ok: bool,
    stdout: String,
}

/// Runs a command to its end and measures its wall time and its own peak RSS.
fn measure(cmd: &mut Command) -> std::io::Result<Measured> {
    let started = Instant::now();
    let child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()?;
    let pid = child.id() as libc::pid_t;
    let mut stdout = String::new();
    if let Some(mut out) = child.stdout {
        use std::io::Read;
        out.read_to_string(&mut stdout)?;
    }
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it for the child we spawned.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    if rc < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(Measured {
        seconds: started.elapsed().as_secs_f64(),
        peak_rss_mb: usage.ru_maxrss as f64 / 1024.0,
        ok: libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        stdout,
    })
}

fn corpus_size(dir: &Path) -> (usize, u64) {
    let mut files = 0;
    let mut bytes = 0;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if let Ok(meta) = entry.metadata()
            && meta.is_file()
        {
            files += 1;
            bytes += meta.len();
        }
    }
    (files, bytes)
}

fn main() {
    let Some(corpus) = std::env::var_os("PANTAU_BENCH_CORPUS").map(PathBuf::from) else {
        eprintln!(
            "set PANTAU_BENCH_CORPUS to a folder made by ../shared/bench/make_corpus.py (see the doc comment)"
        );
        return;
    };
    let peers = std::env::var_os("PANTAU_BENCH_PEERS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench"));
    let python = std::env::var("PANTAU_BENCH_PYTHON").unwrap_or_else(|_| "python3".into());
    let (articles, bytes) = corpus_size(&corpus);
    let mb = bytes as f64 / 1e6;
    println!("corpus {}: {articles} files, {mb:.1} MB", corpus.display());
    let work = tempfile::tempdir().expect("temporary folder");
    // Warm the page cache so every tool reads from memory.
    let _ = Command::new("cat").arg("/dev/null").status();
    for entry in std::fs::read_dir(&corpus).into_iter().flatten().flatten() {
        let _ = std::fs::read(entry.path());
    }

    let mut rows: Vec<(String, Measured)> = Vec::new();
    let db = work.path().join("pantau.db");
    let mut pantau = Command::new(env!("CARGO_BIN_EXE_pantau"));
    pantau.arg("import").arg("--db").arg(&db).arg(&corpus);
    match measure(&mut pantau) {
        Ok(m) => {
            print!("{}", m.stdout);
            rows.push(("pantau import".into(), m));
        }
        Err(e) => eprintln!("pantau: {e}"),
    }
    for peer in ["peer_flashtext.py", "peer_pyahocorasick.py"] {
        let script = peers.join(peer);
        if !script.exists() {
            eprintln!("{}: not found, skipped", script.display());
            continue;
        }
        let peer_db = work.path().join(format!("{peer}.db"));
        let mut cmd = Command::new(&python);
        cmd.arg(&script)
            .arg(&corpus)
            .arg(&peer_db)
            .arg("--dict")
            .arg(peers.join("dict.tsv"));
        match measure(&mut cmd) {
            Ok(m) if m.ok => rows.push((peer.trim_end_matches(".py").to_string(), m)),
            Ok(_) => eprintln!(
                "{peer}: failed (is its Python module installed? set PANTAU_BENCH_PYTHON)"
            ),
            Err(e) => eprintln!("{peer}: {e}"),
        }
    }
    let flashtext = rows
        .iter()
        .find(|(n, _)| n == "peer_flashtext")
        .map(|(_, m)| m.seconds);
    println!("\n| tool | articles | seconds | articles/s | MB/s | peak RSS MB | vs flashtext |");
    println!("|---|---|---|---|---|---|---|");
    for (name, m) in &rows {
        let ratio = flashtext
            .map(|f| format!("{:.1}x", f / m.seconds))
            .unwrap_or_else(|| "-".into());
        println!(
            "| {name} | {articles} | {:.2} | {:.0} | {:.1} | {:.0} | {ratio} |",
            m.seconds,
            articles as f64 / m.seconds,
            mb / m.seconds,
            m.peak_rss_mb
        );
    }
}
