//! Lists the files to import under the paths a user gave: folders recursively, following
//! symbolic links without looping, hidden files and folders left out.

use crate::i18n::Message;
use std::path::{Path, PathBuf};

/// A path that could not be listed, with the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct WalkProblem {
    /// The path.
    pub path: PathBuf,
    /// What went wrong.
    pub reason: Message,
}

/// The files under `paths`, sorted per folder, and the paths that could not be listed
/// (missing, unreadable, a symlink loop).
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<WalkProblem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for root in paths {
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.path()));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() => files.push(e.into_path()),
                Ok(_) => {}
                Err(e) => {
                    let path = e
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| root.clone());
                    let reason = if e.loop_ancestor().is_some() {
                        Message::new("reason-link-loop")
                    } else {
                        Message::new("reason-io").text(
                            "detail",
                            e.io_error()
                                .map(|io| io.to_string())
                                .unwrap_or_else(|| e.to_string()),
                        )
                    };
                    problems.push(WalkProblem { path, reason });
                }
            }
        }
    }
    (files, problems)
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_folders_skips_hidden_and_reports_missing() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("a/b")).expect("mkdir");
        std::fs::create_dir_all(dir.path().join(".git")).expect("mkdir");
        std::fs::write(dir.path().join("a/b/x.txt"), "x").expect("write");
        std::fs::write(dir.path().join("a/y.txt"), "y").expect("write");
        std::fs::write(dir.path().join(".git/z.txt"), "z").expect("write");
        let missing = dir.path().join("missing");
        let (files, problems) = collect_files(&[dir.path().to_path_buf(), missing.clone()]);
        let names: Vec<_> = files
            .iter()
            .map(|p| p.strip_prefix(dir.path()).expect("prefix").to_path_buf())
            .collect();
        assert_eq!(
            names,
            vec![PathBuf::from("a/b/x.txt"), PathBuf::from("a/y.txt")]
        );
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, missing);
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_is_reported_not_followed_forever() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("a")).expect("mkdir");
        std::fs::write(dir.path().join("a/x.txt"), "x").expect("write");
        std::os::unix::fs::symlink(dir.path(), dir.path().join("a/loop")).expect("symlink");
        let (files, problems) = collect_files(&[dir.path().to_path_buf()]);
        assert_eq!(files.len(), 1);
        assert!(
            problems
                .iter()
                .any(|p| p.reason.say(crate::i18n::Lang::En).contains("loop")),
            "{problems:?}"
        );
    }
}
