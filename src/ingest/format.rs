//! Which format a file is in: by extension first, by content when the extension says nothing.

use std::fmt;
use std::path::Path;

/// A file format pantau reads, by the name stored in the database and shown in messages
/// ("HTML", "DOCX"). Each has one importer (`super::importer::IMPORTERS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Format(pub &'static str);

#[allow(non_upper_case_globals)]
impl Format {
    /// Plain text or Markdown: one article.
    pub const Text: Format = Format("text");
    /// An HTML page: one article, its main text.
    pub const Html: Format = Format("HTML");
    /// RSS 0.9x/1.0/2.0, Atom or JSON Feed: one article per item.
    pub const Feed: Format = Format("feed");
    /// A JSON array of records or one record object.
    pub const Json: Format = Format("JSON");
    /// One JSON record per line (JSONL / NDJSON).
    pub const Jsonl: Format = Format("JSONL");
    /// CSV or TSV with a header row.
    pub const Csv: Format = Format("CSV");

    /// A short name for messages.
    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Extensions of text files that are no articles: source code, configuration, program data.
const NOT_ARTICLES: &[&str] = &[
    "bat", "c", "cc", "cfg", "conf", "cpp", "cs", "css", "go", "h", "hpp", "ini", "java", "js",
    "kt", "lock", "lua", "php", "pl", "ps1", "py", "r", "rb", "rs", "scss", "sh", "sql", "swift",
    "toml", "ts", "yaml", "yml",
];

/// The extension of `path` (lower case) when it names a text file that is no article.
pub fn not_an_article(path: &Path) -> Option<String> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    NOT_ARTICLES.contains(&ext.as_str()).then_some(ext)
}

/// Picks the format of a decoded text file (after the importers that read bytes declined it):
/// a known extension decides (a `.json` holding a JSON Feed is a feed); otherwise the content
/// is sniffed. `None` when nothing fits.
pub fn detect(path: &Path, text: &str) -> Option<Format> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    let head = text.trim_start_matches('\u{feff}').trim_start();
    match ext.as_str() {
        "txt" | "text" | "md" | "markdown" => Some(Format::Text),
        "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
        "rss" | "atom" | "rdf" => Some(Format::Feed),
        "xml" => Some(if looks_like_html(head) {
            Format::Html
        } else {
            Format::Feed
        }),
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        "json" => Some(if looks_like_json_feed(head) {
            Format::Feed
        } else {
            Format::Json
        }),
        "csv" | "tsv" => Some(Format::Csv),
        _ => sniff(head),
    }
}

fn sniff(head: &str) -> Option<Format> {
    let start: String = head
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    if start.starts_with("<?xml") {
        return Some(if looks_like_html(head) {
            Format::Html
        } else {
            Format::Feed
        });
    }
    if start.starts_with("<rss") || start.starts_with("<feed") || start.starts_with("<rdf") {
        return Some(Format::Feed);
    }
    if looks_like_html(head) {
        return Some(Format::Html);
    }
    if start.starts_with('{') || start.starts_with('[') {
        if looks_like_json_feed(head) {
            return Some(Format::Feed);
        }
        let mut lines = head.lines().filter(|l| !l.trim().is_empty());
        let first_is_object = lines
            .next()
            .is_some_and(|l| l.trim_start().starts_with('{') && l.trim_end().ends_with('}'));
        let second_is_object = lines
            .next()
            .is_some_and(|l| l.trim_start().starts_with('{'));
        return Some(if first_is_object && second_is_object {
            Format::Jsonl
        } else {
            Format::Json
        });
    }
    if start.starts_with('<') {
        return None;
    }
    Some(Format::Text)
}

fn looks_like_html(head: &str) -> bool {
    let start: String = head
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    start.contains("<!doctype html")
        || start.contains("<html")
        || start.contains("<body")
        || start.contains("<head")
}

fn looks_like_json_feed(head: &str) -> bool {
    let start: String = head.chars().take(4096).collect();
    // Some writers escape the slashes ("https:\/\/jsonfeed.org\/version\/1").
    head.starts_with('{')
        && (start.contains("jsonfeed.org/version") || start.contains("jsonfeed.org\\/version"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn program_files_are_no_articles() {
        assert_eq!(not_an_article(Path::new("x/setup.PY")), Some("py".into()));
        assert_eq!(
            not_an_article(Path::new("x/config.yaml")),
            Some("yaml".into())
        );
        assert_eq!(not_an_article(Path::new("x/berita.txt")), None);
        assert_eq!(not_an_article(Path::new("x/README")), None);
    }

    #[test]
    fn extension_and_content_decide() {
        let cases: &[(&str, &str, Option<Format>)] = &[
            ("a.txt", "<html>", Some(Format::Text)),
            ("a.HTML", "x", Some(Format::Html)),
            ("a.xml", "<?xml version='1.0'?><rss>", Some(Format::Feed)),
            (
                "a.json",
                r#"{"version":"https://jsonfeed.org/version/1.1","items":[]}"#,
                Some(Format::Feed),
            ),
            (
                "a.json",
                r#"{"version":"https:\/\/jsonfeed.org\/version\/1","items":[]}"#,
                Some(Format::Feed),
            ),
            ("a.json", r#"[{"title":"x"}]"#, Some(Format::Json)),
            ("a.dat", "{\"a\":1}\n{\"a\":2}\n", Some(Format::Jsonl)),
            ("a.dat", "<!DOCTYPE html><html>", Some(Format::Html)),
            (
                "a.dat",
                "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
                Some(Format::Feed),
            ),
            ("a", "Judul\n\nIsi berita.", Some(Format::Text)),
            ("a.dat", "<unknown/>", None),
            ("a.tsv", "id\ttext", Some(Format::Csv)),
        ];
        for (name, text, want) in cases {
            assert_eq!(detect(Path::new(name), text), *want, "{name}: {text}");
        }
    }
}

/// Elements nested deeper than this are refused (real pages stay under a few hundred).
pub const MAX_MARKUP_DEPTH: usize = 3_000;

/// Elements whose end tag HTML lets authors leave out: they do not nest in practice.
const OPTIONAL_END: [&str; 16] = [
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
    "colgroup", "rb", "rt", "rp",
];

/// Elements that never have content.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// How deep the elements of an HTML or XML text nest, by a quick scan of its tags (comments,
/// declarations, void and self-closed elements and elements with optional end tags do not
/// count); stops counting once past `limit`.
pub fn markup_depth(text: &str, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut at = 0;
    while let Some(off) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + off + 1;
        let Some(&first) = bytes.get(start) else {
            break;
        };
        let end = memchr::memchr(b'>', &bytes[start..]).map_or(bytes.len(), |e| start + e);
        at = end.min(bytes.len());
        match first {
            b'/' => depth = depth.saturating_sub(1),
            // A comment may hold '>': skip to its end.
            b'!' if bytes[start..].starts_with(b"!--") => {
                at = find(bytes, start, b"-->").unwrap_or(bytes.len());
            }
            c if c.is_ascii_alphabetic() => {
                let name_end = bytes[start..end]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric() && *b != b':' && *b != b'-')
                    .map_or(end, |p| start + p);
                let name = text[start..name_end].to_ascii_lowercase();
                let self_closed = end > start && bytes.get(end - 1) == Some(&b'/');
                if name == "script" || name == "style" {
                    // Their content is text: skip to the end tag.
                    let close = format!("</{name}");
                    at = find_ci(bytes, end, close.as_bytes()).unwrap_or(bytes.len());
                    continue;
                }
                if !self_closed
                    && !VOID.contains(&name.as_str())
                    && !OPTIONAL_END.contains(&name.as_str())
                {
                    depth += 1;
                    max = max.max(depth);
                    if max > limit {
                        return max;
                    }
                }
            }
            _ => {}
        }
    }
    max
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(&hay[from.min(hay.len())..], needle).map(|p| from + p)
}

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let from = from.min(hay.len());
    hay[from..]
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

#[cfg(test)]
mod depth_tests {
    use super::*;

    #[test]
    fn counts_nesting_not_tags() {
        assert_eq!(
            markup_depth(
                "<html><body><div><p>a<p>b<br><img/></div></body></html>",
                99
            ),
            3
        );
        assert_eq!(markup_depth("<!-- <div><div> --><div></div>", 99), 1);
        assert_eq!(
            markup_depth("<script>if (a<b) { x = '<div>'; }</script><b>x</b>", 99),
            1
        );
        let deep = "<div>".repeat(50_000);
        assert!(markup_depth(&deep, MAX_MARKUP_DEPTH) > MAX_MARKUP_DEPTH);
        let ok = format!("{}x{}", "<div>".repeat(500), "</div>".repeat(500));
        assert_eq!(markup_depth(&ok, MAX_MARKUP_DEPTH), 500);
        let many = "<div>a</div>".repeat(100_000);
        assert_eq!(markup_depth(&many, MAX_MARKUP_DEPTH), 1);
    }
}
