//! Plain text and Markdown: one article per file.
//!
//! The first non-empty line is the title; a leading `OUTLET - ` on it names the outlet
//! ("wartaperang - Amerika Serikat menyambut ..."); a `sumber: X` / `source: X` line names the
//! original source and leaves the text; trailing blog boilerplate (comment and share footers)
//! is cut.

use crate::model::ArticleDraft;

/// Reads one article from plain text.
pub fn parse_text(raw: &str) -> ArticleDraft {
    let normalized = raw.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines: Vec<&str> = normalized.lines().collect();
    cut_boilerplate(&mut lines);

    let mut original_source = String::new();
    lines.retain(|line| match source_line(line) {
        Some(src) if original_source.is_empty() => {
            original_source = src.to_string();
            false
        }
        _ => true,
    });

    let first = lines.iter().position(|l| !l.trim().is_empty());
    let (title_line, body_start) = match first {
        Some(i) => (lines[i].trim(), i),
        None => ("", lines.len()),
    };
    let title_line = title_line.trim_start_matches('#').trim();
    let (source, title) = split_outlet(title_line);

    // The first line is both the title and the start of the text (news blogs open with the
    // lede); when the outlet prefix is present it is dropped from the text.
    let mut body: Vec<String> = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate().skip(body_start) {
        if i == body_start {
            body.push(if source.is_empty() {
                line.trim().to_string()
            } else {
                title.to_string()
            });
        } else {
            body.push(line.trim_end().to_string());
        }
    }
    ArticleDraft {
        title: shorten_title(title),
        text: join_paragraphs(&body),
        source: source.to_string(),
        original_source,
        ..ArticleDraft::default()
    }
}

/// `OUTLET - rest`: an outlet is a short run of words (at most 4) before " - ".
fn split_outlet(line: &str) -> (&str, &str) {
    for sep in [" - ", " – ", " — "] {
        if let Some(pos) = line.find(sep) {
            let outlet = line[..pos].trim();
            let words = outlet.split_whitespace().count();
            if (1..=4).contains(&words) && outlet.chars().count() <= 40 && !outlet.ends_with(',') {
                return (outlet, line[pos + sep.len()..].trim());
            }
        }
    }
    ("", line)
}

/// A title is the first line; a whole first paragraph used as a title is cut to its first
/// sentence, at most 200 characters.
fn shorten_title(line: &str) -> String {
    if line.chars().count() <= 200 {
        return line.to_string();
    }
    let cut: String = line.chars().take(200).collect();
    match cut.rfind(['.', '!', '?', ',']) {
        Some(pos) if pos > 40 => cut[..pos].to_string(),
        _ => cut.trim_end().to_string() + "…",
    }
}

/// `sumber: al-arabiya`, `Source: Reuters` (a short line).
fn source_line(line: &str) -> Option<&str> {
    let t = line.trim();
    for key in ["sumber", "source", "sumber berita"] {
        if let Some(head) = t.get(..key.len())
            && head.eq_ignore_ascii_case(key)
        {
            let rest = t[key.len()..].trim_start();
            if let Some(value) = rest.strip_prefix(':') {
                let value = value.trim();
                if !value.is_empty() && value.chars().count() <= 80 {
                    let offset = t.len() - value.len();
                    return t.get(offset..).map(str::trim);
                }
            }
        }
    }
    None
}

/// Lines that belong to a blog's footer, not to the article.
fn is_boilerplate(line: &str) -> bool {
    let t = line.trim().trim_matches('\u{a0}').trim().to_lowercase();
    if t.is_empty() {
        return true;
    }
    const EXACT: &[&str] = &[
        "top",
        "posting komentar",
        "poskan komentar",
        "post a comment",
        "newer post",
        "older post",
        "home",
        "beranda",
        "posting lebih baru",
        "posting lama",
        "share",
        "bagikan",
        "share this:",
        "like this:",
        "related",
        "related posts",
        "baca juga",
        "tags:",
        "labels:",
        "label:",
        "subscribe to: post comments (atom)",
        "langganan: posting komentar (atom)",
        "no comments:",
        "tidak ada komentar:",
        "advertisement",
        "iklan",
    ];
    if EXACT.contains(&t.as_str()) {
        return true;
    }
    // "0 komentar:", "3 comments:", "12 komentar"
    let mut words = t.split_whitespace();
    if let (Some(n), Some(w), None) = (words.next(), words.next(), words.next()) {
        let w = w.trim_end_matches(':');
        if n.chars().all(|c| c.is_ascii_digit()) && matches!(w, "komentar" | "comment" | "comments")
        {
            return true;
        }
    }
    t.starts_with("diposting oleh")
        || t.starts_with("posted by")
        || t.starts_with("labels:")
        || t.starts_with("label:")
}

/// Cuts trailing boilerplate lines (and blank lines) from the end.
fn cut_boilerplate(lines: &mut Vec<&str>) {
    while lines.last().is_some_and(|l| is_boilerplate(l)) {
        lines.pop();
    }
}

/// Joins lines into text: blank lines separate paragraphs; runs of blank lines collapse to one.
fn join_paragraphs(lines: &[String]) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in lines {
        if line.trim().is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(line);
    }
    out
}

/// The importer of plain text and Markdown.
pub struct TextImporter;

impl super::Importer for TextImporter {
    fn format(&self) -> super::Format {
        super::Format::Text
    }

    fn read(&self, src: &super::Source<'_>) -> Result<super::Parsed, super::IngestErrorKind> {
        Ok(super::Parsed::one(parse_text(src.text())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlet_title_source_and_footer() {
        let raw = "wartaperang - Rusia dan Turki bertemu.\r\n\r\nIsi kedua.\n\nsumber: al-arabiya\n\n0 komentar:\n\nPosting Komentar\n\n\u{a0}\nTop\n";
        let a = parse_text(raw);
        assert_eq!(a.source, "wartaperang");
        assert_eq!(a.title, "Rusia dan Turki bertemu.");
        assert_eq!(a.original_source, "al-arabiya");
        assert_eq!(a.text, "Rusia dan Turki bertemu.\n\nIsi kedua.");
    }

    #[test]
    fn no_outlet_keeps_first_line() {
        let a = parse_text("# Title here\n\nBody - with a dash in it.\n");
        assert_eq!(a.source, "");
        assert_eq!(a.title, "Title here");
        assert_eq!(a.text, "# Title here\n\nBody - with a dash in it.");
    }

    #[test]
    fn long_sentence_is_not_an_outlet() {
        let (outlet, _) = split_outlet("Presiden Joko Widodo kemarin mengatakan - bahwa");
        assert_eq!(outlet, "");
    }
}
