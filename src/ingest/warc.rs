//! Web archives: WARC 1.0/1.1 files of one's own crawls or Common Crawl News (a `.warc.gz`
//! comes unzipped by the gzip importer). Every HTML response (or resource) record becomes an
//! article through the HTML extractor, with the record's target URI as its URL; its date is
//! the page's own (metadata, text, URL), else the capture date (`date_source = capture`).
//!
//! Written by hand: the record format is a header block and a length-delimited body (ISO
//! 28500), a few dozen lines, and the WARC crates on crates.io are unmaintained or bring an
//! async stack; the HTTP part (chunked transfer, gzip or deflate content) is handled here
//! too, with flate2.

use super::importer::{Importer, Parsed, Probe, Source};
use super::{Format, IngestErrorKind, broken, dates};
use crate::model::{ArticleDraft, DateSource};
use std::io::Read;

/// A WARC record's headers (names lower case) and its block.
struct Record<'a> {
    headers: Headers,
    block: &'a [u8],
}

impl Record<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// Header lines: (name lower case, value).
type Headers = Vec<(String, String)>;

/// Header lines up to a blank line, and the bytes after.
fn headers(bytes: &[u8]) -> Option<(Headers, &[u8])> {
    let (end, skip) = match (find(bytes, b"\r\n\r\n"), find(bytes, b"\n\n")) {
        (Some(a), Some(b)) if b < a => (b, 2),
        (Some(a), _) => (a, 4),
        (None, Some(b)) => (b, 2),
        (None, None) => return None,
    };
    let text = String::from_utf8_lossy(&bytes[..end]);
    let mut out = Vec::new();
    for line in text.lines().skip(1) {
        if let Some((k, v)) = line.split_once(':') {
            out.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    Some((out, &bytes[end + skip..]))
}

/// The records of a WARC file, and why reading stopped early, if it did.
fn records(mut bytes: &[u8]) -> (Vec<Record<'_>>, Option<String>) {
    let mut out = Vec::new();
    loop {
        // Records are separated by blank lines.
        while let Some((&b, rest)) = bytes.split_first() {
            if b == b'\r' || b == b'\n' {
                bytes = rest;
            } else {
                break;
            }
        }
        if bytes.is_empty() {
            return (out, None);
        }
        let n = out.len() + 1;
        if !bytes.starts_with(b"WARC/") {
            return (out, Some(format!("record {n}: no WARC/ version line")));
        }
        let Some((headers, rest)) = headers(bytes) else {
            return (out, Some(format!("record {n}: headers never end")));
        };
        let length = headers
            .iter()
            .find(|(k, _)| k == "content-length")
            .and_then(|(_, v)| v.parse::<usize>().ok());
        let Some(length) = length.filter(|&l| l <= rest.len()) else {
            return (
                out,
                Some(format!(
                    "record {n}: its Content-Length is missing or runs past the end"
                )),
            );
        };
        out.push(Record {
            headers,
            block: &rest[..length],
        });
        bytes = &rest[length..];
    }
}

/// A chunked HTTP body joined.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = find(body, b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size + 2..).unwrap_or_default();
    }
}

/// The HTML of a response record's HTTP message, if it is a successful HTML page.
fn http_html(block: &[u8], limit: u64) -> Result<Option<Vec<u8>>, String> {
    let status_end = find(block, b"\n").unwrap_or(block.len());
    let status = String::from_utf8_lossy(&block[..status_end]);
    let code = status.split_whitespace().nth(1).unwrap_or("");
    if !code.starts_with('2') {
        return Ok(None);
    }
    let Some((headers, body)) = headers(block) else {
        return Ok(None);
    };
    let get = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.to_ascii_lowercase())
            .unwrap_or_default()
    };
    if !get("content-type").contains("html") {
        return Ok(None);
    }
    let mut body = if get("transfer-encoding").contains("chunked") {
        dechunk(body).ok_or("a broken chunked body")?
    } else {
        body.to_vec()
    };
    let encoding = get("content-encoding");
    if encoding.contains("gzip") || encoding.contains("deflate") {
        let mut out = Vec::new();
        let read = if encoding.contains("gzip") {
            flate2::read::MultiGzDecoder::new(body.as_slice())
                .take(limit + 1)
                .read_to_end(&mut out)
        } else {
            flate2::read::ZlibDecoder::new(body.as_slice())
                .take(limit + 1)
                .read_to_end(&mut out)
        };
        read.map_err(|e| format!("its {encoding} body: {e}"))?;
        if out.len() as u64 > limit {
            return Err(format!("its body is larger than {limit} bytes"));
        }
        body = out;
    }
    Ok(Some(body))
}

/// A page of the archive as an article.
fn page(html: &[u8], uri: &str, captured: &str) -> Result<ArticleDraft, String> {
    let decoded = super::decode::decode(html).map_err(|e| e.to_string())?;
    let depth = super::format::markup_depth(&decoded.text, super::format::MAX_MARKUP_DEPTH);
    if depth > super::format::MAX_MARKUP_DEPTH {
        return Err(format!("elements nested {depth} levels deep"));
    }
    let mut a = super::html::parse_html(&decoded.text)?;
    if a.url.is_empty() {
        a.url = uri.to_string();
    }
    if a.published.is_none() {
        if let Some(d) = dates::find_date_in_text(&a.title, &a.text) {
            (a.published, a.date_source) = (Some(d), DateSource::Text);
        } else if let Some(d) = dates::find_date_in_url(&a.url) {
            (a.published, a.date_source) = (Some(d), DateSource::Url);
        } else if let Ok(d) = chrono::DateTime::parse_from_rfc3339(captured.trim()) {
            (a.published, a.date_source) = (Some(d.naive_utc()), DateSource::Capture);
        }
    }
    Ok(a)
}

/// WARC files.
pub struct Warc;

impl Importer for Warc {
    fn format(&self) -> Format {
        Format("WARC")
    }

    fn claims(&self, probe: &Probe<'_>) -> bool {
        probe.bytes.starts_with(b"WARC/1.")
    }

    fn read(&self, src: &Source<'_>) -> Result<Parsed, IngestErrorKind> {
        let (records, stopped) = records(src.bytes);
        if records.is_empty() {
            return Err(broken(
                self.format(),
                stopped.unwrap_or_else(|| "no records".into()),
            ));
        }
        let mut out = Parsed::default();
        out.warnings.extend(stopped);
        for (i, r) in records.iter().enumerate() {
            let kind = r.header("warc-type").unwrap_or("").to_ascii_lowercase();
            let uri = r
                .header("warc-target-uri")
                .unwrap_or("")
                .trim_matches(['<', '>']);
            let captured = r.header("warc-date").unwrap_or("");
            let html = match kind.as_str() {
                "response" => http_html(r.block, src.options.max_file_bytes),
                "resource"
                    if r.header("content-type")
                        .is_some_and(|t| t.to_ascii_lowercase().contains("html")) =>
                {
                    Ok(Some(r.block.to_vec()))
                }
                _ => Ok(None),
            };
            let html = match html {
                Ok(Some(h)) => h,
                Ok(None) => continue,
                Err(e) => {
                    out.warnings.push(format!("record {} ({uri}): {e}", i + 1));
                    continue;
                }
            };
            match page(&html, uri, captured) {
                Ok(mut a) => {
                    a.source_id = r
                        .header("warc-record-id")
                        .unwrap_or(uri)
                        .trim_matches(['<', '>'])
                        .to_string();
                    out.articles.push(a);
                }
                Err(e) => out.warnings.push(format!("record {} ({uri}): {e}", i + 1)),
            }
        }
        Ok(out)
    }
}
