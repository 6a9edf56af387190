//! The sample corpus bundled in the binary, imported into a new, empty database on first run.

use std::path::PathBuf;

/// The bundled files: (name, bytes).
const FILES: [(&str, &[u8]); 2] = [
    (
        "indosum-sample.jsonl",
        include_bytes!("../../assets/sample/indosum-sample.jsonl"),
    ),
    (
        "000_a8de84f94fd64a6f.txt",
        include_bytes!("../../assets/sample/000_a8de84f94fd64a6f.txt"),
    ),
];

/// Writes the sample files into a fresh temporary folder and returns their paths.
pub fn write_sample() -> std::io::Result<Vec<PathBuf>> {
    let dir = std::env::temp_dir().join(format!("pantau-sample-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    FILES
        .iter()
        .map(|(name, bytes)| {
            let path = dir.join(name);
            std::fs::write(&path, bytes)?;
            Ok(path)
        })
        .collect()
}
