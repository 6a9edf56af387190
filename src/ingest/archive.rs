//! Archives read inside: ZIP, tar, and files compressed with gzip, bzip2, xz or Zstandard (a
//! `.warc.gz` is a gzipped web archive, a `.tar.xz` a compressed tar). Each file
//! inside goes through the importers like a file on disk, named `archive.zip!/folder/page.html`
//! in reports and exports. Limits against bombs: entries, bytes of each entry and in all,
//! the compression ratio of big entries, and how deep archives nest.

use super::importer::{Importer, Parsed, Probe, Source, inner_path};
use super::{Format, IngestErrorKind, broken, parse_file};
use std::io::{Cursor, Read};

/// Archives inside archives, at most.
pub const MAX_DEPTH: usize = 3;
/// Entries of one ZIP, at most.
pub const MAX_ENTRIES: usize = 20_000;
/// Uncompressed bytes of one archive in all, at most (times the per-file limit).
pub const MAX_TOTAL_FILES: u64 = 16;
/// Ratio of uncompressed to compressed size above which a big entry is taken for a bomb.
pub const MAX_RATIO: u64 = 200;

/// The ZIP magic number.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// The names of the entries of a ZIP, if it opens.
pub fn zip_names(bytes: &[u8]) -> Option<Vec<String>> {
    if !is_zip(bytes) {
        return None;
    }
    let archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    Some(
        archive
            .file_names()
            .filter_map(Result::ok)
            .map(|n| n.into_owned())
            .collect(),
    )
}

/// One entry of a ZIP read whole, at most `limit` bytes (its header's size is not trusted).
pub fn zip_entry(bytes: &[u8], name: &str, limit: u64) -> Result<Vec<u8>, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let entry = archive.by_name(name).map_err(|e| format!("{name}: {e}"))?;
    let mut out = Vec::new();
    entry
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("{name}: {e}"))?;
    if out.len() as u64 > limit {
        return Err(format!("{name} is larger than {limit} bytes"));
    }
    Ok(out)
}

fn nested_too_deep(src: &Source<'_>) -> Result<(), IngestErrorKind> {
    if src.depth >= MAX_DEPTH {
        return Err(IngestErrorKind::TooDeep {
            depth: src.depth + 1,
            limit: MAX_DEPTH,
        });
    }
    Ok(())
}

/// Reads a file found inside an archive; its problems become warnings of the archive.
fn read_inner(src: &Source<'_>, name: &str, data: &[u8], out: &mut Parsed) {
    let path = inner_path(src.path, name);
    match parse_file(&path, data, src.depth + 1, src.options) {
        Ok((_, mut parsed)) => {
            for a in &mut parsed.articles {
                if a.path.as_os_str().is_empty() {
                    a.path = path.clone();
                }
            }
            out.articles.append(&mut parsed.articles);
            out.warnings
                .extend(parsed.warnings.into_iter().map(|w| format!("{name}: {w}")));
        }
        Err(e) => out.warnings.push(format!("{name}: {e}")),
    }
}

/// ZIP archives of article files.
pub struct Zip;

impl Importer for Zip {
    fn format(&self) -> Format {
        Format("ZIP")
    }

    fn claims(&self, probe: &Probe<'_>) -> bool {
        // A ZIP that is a document or a spreadsheet was claimed before; any other is read
        // inside (a broken one says so, not "binary").
        is_zip(probe.bytes)
    }

    fn read(&self, src: &Source<'_>) -> Result<Parsed, IngestErrorKind> {
        nested_too_deep(src)?;
        let mut archive = zip::ZipArchive::new(Cursor::new(src.bytes))
            .map_err(|e| broken(self.format(), e.to_string()))?;
        if archive.len() > MAX_ENTRIES {
            return Err(broken(
                self.format(),
                format!("{} entries (the limit is {MAX_ENTRIES})", archive.len()),
            ));
        }
        let per_file = src.options.max_file_bytes;
        let mut total = 0u64;
        let mut out = Parsed::default();
        for i in 0..archive.len() {
            let mut entry = match archive.by_index(i) {
                Ok(e) => e,
                Err(e) => {
                    out.warnings.push(format!("entry {}: {e}", i + 1));
                    continue;
                }
            };
            let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
            let hidden =
                name.split('/').any(|part| part.starts_with('.')) || name.starts_with("__MACOSX/");
            if entry.is_dir() || hidden || name.is_empty() {
                continue;
            }
            let (size, packed) = (entry.size(), entry.compressed_size().max(1));
            if size > per_file {
                out.warnings.push(format!(
                    "{name}: too large ({size} bytes, the limit is {per_file}), not read"
                ));
                continue;
            }
            if size > 1_000_000 && size / packed > MAX_RATIO {
                out.warnings.push(format!(
                    "{name}: compressed {}:1, taken for a bomb, not read",
                    size / packed
                ));
                continue;
            }
            let mut data = Vec::new();
            if let Err(e) = (&mut entry).take(per_file + 1).read_to_end(&mut data) {
                out.warnings.push(format!("{name}: {e}"));
                continue;
            }
            total += data.len() as u64;
            if data.len() as u64 > per_file || total > per_file * MAX_TOTAL_FILES {
                return Err(broken(
                    self.format(),
                    format!(
                        "more than {} bytes uncompressed (a bomb?)",
                        per_file * MAX_TOTAL_FILES
                    ),
                ));
            }
            drop(entry);
            read_inner(src, &name, &data, &mut out);
        }
        Ok(out)
    }
}

/// A compression of single files.
#[derive(Clone, Copy)]
enum Codec {
    Gzip,
    Bzip2,
    Xz,
    Zstd,
}

/// Memory an xz or zstd decoder may take for its window, at most (a header asking more is a
/// bomb or a broken file).
const MAX_WINDOW_BYTES: u64 = 256 << 20;

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Gzip => "gzip",
            Codec::Bzip2 => "bzip2",
            Codec::Xz => "xz",
            Codec::Zstd => "zstd",
        }
    }

    fn magic(self, bytes: &[u8]) -> bool {
        match self {
            Codec::Gzip => bytes.starts_with(&[0x1f, 0x8b]),
            Codec::Bzip2 => {
                bytes.starts_with(b"BZh") && bytes.get(3).is_some_and(|b| (b'1'..=b'9').contains(b))
            }
            Codec::Xz => bytes.starts_with(&[0xfd, b'7', b'z', b'X', b'Z', 0]),
            Codec::Zstd => bytes.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]),
        }
    }

    /// The extensions it leaves on a file's name (`page.html.gz`).
    fn suffixes(self) -> &'static [&'static str] {
        match self {
            Codec::Gzip => &[".gz"],
            Codec::Bzip2 => &[".bz2", ".bz"],
            Codec::Xz => &[".xz"],
            Codec::Zstd => &[".zst", ".zstd"],
        }
    }

    /// Short names of compressed tar archives (`news.tgz`).
    fn tar_suffixes(self) -> &'static [&'static str] {
        match self {
            Codec::Gzip => &[".tgz"],
            Codec::Bzip2 => &[".tbz2", ".tbz"],
            Codec::Xz => &[".txz"],
            Codec::Zstd => &[".tzst"],
        }
    }

    /// Decompresses at most `limit + 1` bytes (every member or frame of the stream).
    fn decompress(self, bytes: &[u8], limit: u64) -> Result<Vec<u8>, String> {
        let mut data = Vec::new();
        let take = limit + 1;
        let result = match self {
            Codec::Gzip => flate2::read::MultiGzDecoder::new(bytes)
                .take(take)
                .read_to_end(&mut data),
            Codec::Bzip2 => bzip2::read::MultiBzDecoder::new(bytes)
                .take(take)
                .read_to_end(&mut data),
            Codec::Xz => {
                lzma_rust2::XzReader::new_mem_limit(bytes, true, (MAX_WINDOW_BYTES >> 10) as u32)
                    .take(take)
                    .read_to_end(&mut data)
            }
            Codec::Zstd => {
                // One decoder per frame: a file may hold several frames one after another.
                let mut rest = bytes;
                while !rest.is_empty() && (data.len() as u64) < take {
                    let decoder = ruzstd::decoding::StreamingDecoder::new_with_max_window_size(
                        &mut rest,
                        MAX_WINDOW_BYTES,
                    )
                    .map_err(|e| e.to_string())?;
                    decoder
                        .take(take - data.len() as u64)
                        .read_to_end(&mut data)
                        .map_err(|e| e.to_string())?;
                }
                Ok(data.len())
            }
        };
        result.map_err(|e| e.to_string())?;
        Ok(data)
    }
}

/// Compressed single files: gzip (`page.html.gz`, `crawl.warc.gz`), bzip2 (`.bz2`), xz
/// (`.xz`) and Zstandard (`.zst`); a compressed tar (`.tar.gz`, `.tgz`, `.tar.xz`...) is
/// unpacked and read as a tar.
pub struct Compressed(Codec);

/// gzip-compressed files.
pub static GZIP: Compressed = Compressed(Codec::Gzip);
/// bzip2-compressed files.
pub static BZIP2: Compressed = Compressed(Codec::Bzip2);
/// xz-compressed files.
pub static XZ: Compressed = Compressed(Codec::Xz);
/// Zstandard-compressed files.
pub static ZSTD: Compressed = Compressed(Codec::Zstd);

impl Importer for Compressed {
    fn format(&self) -> Format {
        Format(self.0.name())
    }

    fn claims(&self, probe: &Probe<'_>) -> bool {
        self.0.magic(probe.bytes)
    }

    fn read(&self, src: &Source<'_>) -> Result<Parsed, IngestErrorKind> {
        nested_too_deep(src)?;
        let limit = src.options.max_file_bytes;
        let data = self
            .0
            .decompress(src.bytes, limit)
            .map_err(|e| broken(self.format(), e))?;
        if data.len() as u64 > limit {
            return Err(broken(
                self.format(),
                format!("unpacks to more than {limit} bytes (the limit of a file), not read"),
            ));
        }
        let inner = inner_name(self.0, src.path);
        let mut out = Parsed::default();
        read_inner(src, &inner, &data, &mut out);
        if out.articles.is_empty()
            && let Some(w) = out.warnings.first()
        {
            return Err(broken(self.format(), w.clone()));
        }
        Ok(out)
    }
}

/// The name of what a compressed file holds: `page.html.gz` → `page.html`, `news.tgz` →
/// `news.tar`.
fn inner_name(codec: Codec, path: &std::path::Path) -> String {
    let file = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("file")
        .to_string();
    let lower = file.to_ascii_lowercase();
    for s in codec.tar_suffixes() {
        if lower.ends_with(s) {
            return format!("{}.tar", &file[..file.len() - s.len()]);
        }
    }
    for s in codec.suffixes() {
        if lower.ends_with(s) && lower.len() > s.len() {
            return file[..file.len() - s.len()].to_string();
        }
    }
    file
}

/// Tar archives (`.tar`, and `.tar.gz` / `.tgz` once the gzip importer unpacked them).
pub struct Tar;

impl Importer for Tar {
    fn format(&self) -> Format {
        Format("tar")
    }

    fn claims(&self, probe: &Probe<'_>) -> bool {
        probe.bytes.get(257..262) == Some(b"ustar".as_slice())
    }

    fn read(&self, src: &Source<'_>) -> Result<Parsed, IngestErrorKind> {
        nested_too_deep(src)?;
        let per_file = src.options.max_file_bytes;
        let mut archive = tar::Archive::new(src.bytes);
        let entries = archive
            .entries()
            .map_err(|e| broken(self.format(), e.to_string()))?;
        let (mut out, mut total, mut count) = (Parsed::default(), 0u64, 0usize);
        for entry in entries {
            let mut entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    out.warnings.push(format!("entry {}: {e}", count + 1));
                    break;
                }
            };
            count += 1;
            if count > MAX_ENTRIES {
                return Err(broken(
                    self.format(),
                    format!("more than {MAX_ENTRIES} entries"),
                ));
            }
            if !entry.header().entry_type().is_file() {
                continue;
            }
            let name = entry
                .path()
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default();
            if name
                .split('/')
                .any(|part| part.starts_with('.') && part != ".")
            {
                continue;
            }
            let mut data = Vec::new();
            if let Err(e) = (&mut entry).take(per_file + 1).read_to_end(&mut data) {
                out.warnings.push(format!("{name}: {e}"));
                continue;
            }
            if data.len() as u64 > per_file {
                out.warnings
                    .push(format!("{name}: larger than {per_file} bytes, not read"));
                continue;
            }
            total += data.len() as u64;
            if total > per_file * MAX_TOTAL_FILES {
                return Err(broken(self.format(), "too many bytes in all (a bomb?)"));
            }
            read_inner(src, &name, &data, &mut out);
        }
        Ok(out)
    }
}
