//! Exports of the news databases researchers work from, split into their articles:
//!
//! * **Nexis Uni / LexisNexis** (TXT, or DOCX whose paragraphs are read the same way): each
//!   article ends with an "End of Document" line; its header is the headline, the outlet, the
//!   date ("March 3, 2021 Wednesday"), then fields such as `Copyright`, `Section:`,
//!   `Length: 523 words`, `Byline:`, `Dateline:`, and the text starts after a `Body` line and
//!   ends before `Classification` or `Load-Date:`. The older LexisNexis Academic layout starts
//!   each article with "1 of 25 DOCUMENTS" and writes the fields in capitals (`BYLINE:`,
//!   `SECTION:`, `LENGTH:`, `LOAD-DATE:`). The cover page (user name, job number, search
//!   terms, the list of documents) is neither an article nor text.
//! * **Factiva** (TXT, RTF, HTML): each article ends with a `Document <id>` line; its header is the
//!   headline, an optional "By …" line, "512 words", the date ("3 May 2021"), an optional time,
//!   the outlet, its code, the language and the copyright line; then the text.
//!
//! Built from the formats' documentation and files we wrote ourselves. The byline, section and
//! stated length are kept with the article.

use super::dates::parse_date_value;
use super::importer::{Importer, Parsed, Probe, Source};
use super::{Format, IngestErrorKind, broken};
use crate::model::{ArticleDraft, DateSource};

/// Nexis Uni / LexisNexis text exports.
pub struct Nexis;

/// Factiva text exports.
pub struct Factiva;

fn is_end_of_document(line: &str) -> bool {
    line.trim().eq_ignore_ascii_case("end of document")
}

/// "12 of 250 DOCUMENTS" (LexisNexis Academic).
fn is_academic_start(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    matches!(words.as_slice(), [a, "of", b, d]
        if a.chars().all(|c| c.is_ascii_digit())
            && b.chars().all(|c| c.is_ascii_digit())
            && d.eq_ignore_ascii_case("documents"))
}

/// A `Document <id>` line of Factiva (ids of 20 to 40 letters and digits).
fn factiva_id(line: &str) -> Option<&str> {
    let id = line.trim().strip_prefix("Document ")?.trim();
    (id.len() >= 20 && id.len() <= 40 && id.chars().all(|c| c.is_ascii_alphanumeric()))
        .then_some(id)
}

/// "523 words" / "Length: 523 words" / "LENGTH: 523 words".
fn word_count(line: &str) -> Option<u32> {
    let t = line.trim();
    let t = t
        .strip_prefix("Length:")
        .or_else(|| t.strip_prefix("LENGTH:"))
        .unwrap_or(t)
        .trim();
    let (n, rest) = t.split_once(' ')?;
    (rest.trim().eq_ignore_ascii_case("words")).then(|| n.replace(',', "").parse().ok())?
}

/// Lines of an export, trimmed.
fn lines_of(text: &str) -> Vec<&str> {
    text.lines().map(str::trim).collect()
}

/// Paragraphs from lines: blank lines separate them.
fn paragraphs(lines: &[&str]) -> String {
    let mut out = String::new();
    let mut blank = false;
    for l in lines {
        if l.is_empty() {
            blank = true;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(l);
        blank = false;
    }
    out
}

/// A date line of a header ("March 3, 2021 Wednesday", "3 May 2021").
fn date_line(line: &str) -> Option<chrono::NaiveDateTime> {
    if line.len() > 60 || !line.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    parse_date_value(line)
}

/// Field lines of a Nexis header ("Section: World; Pg. A1").
const NEXIS_FIELDS: [&str; 12] = [
    "section:",
    "length:",
    "byline:",
    "dateline:",
    "highlight:",
    "copyright",
    "edition:",
    "type:",
    "correction-date:",
    "graphic:",
    "publication-type:",
    "journal code:",
];

fn is_field(line: &str) -> bool {
    let l = line.to_ascii_lowercase();
    NEXIS_FIELDS.iter().any(|f| l.starts_with(f))
}

/// Where the text of a Nexis article ends: `Classification`, `Load-Date:`, `LOAD-DATE:`,
/// `LANGUAGE:`, `Notes`.
fn is_trailer(line: &str) -> bool {
    let l = line.to_ascii_lowercase();
    l == "classification"
        || l.starts_with("load-date:")
        || l.starts_with("language:")
        || l == "notes"
        || l.starts_with("publication-type:")
        || l.starts_with("graphic:")
}

/// One Nexis article from the lines of its chunk (the cover page may come first).
fn nexis_article(lines: &[&str], index: usize) -> Option<ArticleDraft> {
    // The header ends with the word count (or at `Body`).
    let body_at = lines.iter().position(|l| l.eq_ignore_ascii_case("body"));
    let length_at = lines.iter().position(|l| word_count(l).is_some());
    let header_end = match (length_at, body_at) {
        (Some(l), Some(b)) => l.min(b),
        (Some(l), None) => l,
        (None, Some(b)) => b,
        (None, None) => return None,
    };
    // The date: the last date line before the header's fields.
    let first_field = lines[..header_end]
        .iter()
        .position(|l| is_field(l))
        .unwrap_or(header_end);
    let (date_at, published) = lines[..first_field]
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, l)| date_line(l).map(|d| (i, d)))?;
    let before: Vec<(usize, &str)> = lines[..date_at]
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
        .map(|(i, l)| (i, *l))
        .collect();
    // Academic: outlet, date, headline; Uni: headline, outlet, date.
    let academic = lines.first().is_some_and(|l| is_academic_start(l));
    let (title, source, text_from) = if academic {
        let source = before
            .last()
            .map(|(_, l)| l.to_string())
            .unwrap_or_default();
        let headline: Vec<&str> = lines[date_at + 1..first_field]
            .iter()
            .filter(|l| !l.is_empty())
            .copied()
            .collect();
        (headline.join(" "), source, header_end + 1)
    } else {
        let [.., (_, title), (_, source)] = before.as_slice() else {
            return None;
        };
        let from = body_at.map_or(header_end + 1, |b| b.max(header_end) + 1);
        (title.to_string(), source.to_string(), from)
    };
    // Skip what is left of the header (Byline: …) before the text.
    let mut start = text_from.min(lines.len());
    while start < lines.len()
        && (lines[start].is_empty()
            || is_field(lines[start])
            || lines[start].eq_ignore_ascii_case("body"))
    {
        start += 1;
    }
    let end = lines[start..]
        .iter()
        .position(|l| is_trailer(l))
        .map_or(lines.len(), |p| start + p);
    let text = paragraphs(&lines[start..end]);
    if text.is_empty() && title.is_empty() {
        return None;
    }
    // The header's fields ("Byline: …", "SECTION: WORLD; Pg. A1", "Length: 523 words").
    let header = &lines[..start.min(lines.len())];
    let field = |names: &[&str]| {
        header.iter().find_map(|l| {
            names.iter().find_map(|n| {
                let head = l.get(..n.len())?;
                head.eq_ignore_ascii_case(n)
                    .then(|| l[n.len()..].trim().to_string())
            })
        })
    };
    let section = field(&["section:"]).unwrap_or_default();
    Some(ArticleDraft {
        title,
        text,
        source,
        published: Some(published),
        date_source: DateSource::Metadata,
        source_id: format!("document {index}"),
        byline: field(&["byline:"]).unwrap_or_default(),
        section: section
            .split_once("; Pg.")
            .map_or(section.as_str(), |(s, _)| s)
            .trim()
            .to_string(),
        stated_words: header.iter().find_map(|l| word_count(l)),
        ..ArticleDraft::default()
    })
}

/// Splits a Nexis export into its articles; `None` when the text is no such export.
pub fn split_nexis(text: &str) -> Option<Parsed> {
    let lines = lines_of(text);
    let ends = lines.iter().filter(|l| is_end_of_document(l)).count();
    let starts = lines.iter().filter(|l| is_academic_start(l)).count();
    let fields = lines.iter().filter(|l| word_count(l).is_some()).count();
    if (ends == 0 && starts == 0) || fields == 0 {
        return None;
    }
    let mut chunks: Vec<&[&str]> = Vec::new();
    if ends > 0 {
        let mut from = 0;
        for (i, l) in lines.iter().enumerate() {
            if is_end_of_document(l) {
                chunks.push(&lines[from..i]);
                from = i + 1;
            }
        }
    } else {
        let marks: Vec<usize> = (0..lines.len())
            .filter(|&i| is_academic_start(lines[i]))
            .collect();
        for (k, &at) in marks.iter().enumerate() {
            chunks.push(&lines[at..marks.get(k + 1).copied().unwrap_or(lines.len())]);
        }
    }
    let mut out = Parsed::default();
    for (i, chunk) in chunks.iter().enumerate() {
        match nexis_article(chunk, i + 1) {
            Some(a) => out.articles.push(a),
            None if chunk.iter().any(|l| !l.is_empty()) => out.warnings.push(format!(
                "document {}: no headline, outlet and date found, skipped",
                i + 1
            )),
            None => {}
        }
    }
    Some(out)
}

/// A header line of a Factiva article that is its source's code, its language or its
/// copyright.
fn is_factiva_label(l: &str) -> bool {
    let lower = l.to_ascii_lowercase();
    let code = l.len() <= 8
        && l.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    let language = matches!(
        lower.as_str(),
        "english" | "indonesian" | "bahasa indonesia" | "malay" | "german" | "french" | "spanish"
    );
    code || language
        || lower.starts_with("(c)")
        || lower.starts_with('©')
        || lower.starts_with("copyright")
}

/// One Factiva article from its lines (before its `Document` line). The header's lines may
/// be separated by blank lines (a document's paragraphs).
fn factiva_article(lines: &[&str], id: &str) -> Option<ArticleDraft> {
    let header: Vec<(usize, &str)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
        .map(|(i, l)| (i, *l))
        .take(16)
        .collect();
    let line = |k: usize| header.get(k).map(|(_, l)| *l);
    let words_at = header
        .iter()
        .take(8)
        .position(|(_, l)| word_count(l).is_some())?;
    let title = line(0)?.to_string();
    let byline = header[1..words_at]
        .iter()
        .find_map(|(_, l)| l.strip_prefix("By ").or_else(|| l.strip_prefix("BY ")))
        .unwrap_or_default()
        .trim()
        .to_string();
    let stated_words = line(words_at).and_then(word_count);
    let mut k = words_at + 1;
    let published = line(k).and_then(date_line)?;
    k += 1;
    // An optional time ("14:05"), the outlet, its code, the language, the copyright.
    if line(k).is_some_and(|l| {
        l.len() <= 8 && l.contains(':') && l.chars().all(|c| c.is_ascii_digit() || c == ':')
    }) {
        k += 1;
    }
    let source = line(k).map(str::to_string).unwrap_or_default();
    k += 1;
    while line(k).is_some_and(is_factiva_label) {
        k += 1;
    }
    let text_from = header.get(k).map_or(lines.len(), |(i, _)| *i);
    Some(ArticleDraft {
        title,
        text: paragraphs(&lines[text_from..]),
        source,
        published: Some(published),
        date_source: DateSource::Metadata,
        source_id: id.to_string(),
        byline,
        stated_words,
        ..ArticleDraft::default()
    })
}

/// The field codes of Factiva's indexed layout ("Full Article/Report plus Indexing"), each at
/// the start of its line: headline, byline, word count, date, time, source name and code,
/// edition, page, language, copyright, lead, text, contact, reference, the index fields
/// (companies, industries, subjects, regions...), publisher and accession number.
const FACTIVA_CODES: [&str; 26] = [
    "HD", "BY", "WC", "PD", "ET", "SN", "SC", "ED", "PG", "LA", "CY", "LP", "TD", "CT", "RF", "CO",
    "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN", "SE", "CR", "ART",
];

/// Codes that may follow the text: a text line starting with one of them ("IN a statement")
/// ends the text only when it reads as an index line.
const FACTIVA_INDEX: [&str; 9] = ["CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "RF", "CT"];

/// A line of the indexed layout: its code and the rest.
fn factiva_code(line: &str) -> Option<(&'static str, &str)> {
    let (head, rest) = line.split_once([' ', '\t']).unwrap_or((line, ""));
    let code = FACTIVA_CODES.iter().find(|c| **c == head)?;
    Some((code, rest.trim()))
}

/// True when a text holds Factiva's indexed layout.
fn is_factiva_coded(lines: &[&str]) -> bool {
    // Cheap first: its articles start with an `HD` line.
    if !lines.iter().any(|l| l.starts_with("HD")) {
        return false;
    }
    let has = |code: &str| {
        lines
            .iter()
            .any(|l| factiva_code(l).is_some_and(|(c, _)| c == code))
    };
    has("HD") && has("AN") && (has("WC") || has("PD"))
}

/// The articles of Factiva's indexed layout: each runs from its `HD` line to its `AN` line.
fn split_factiva_coded(lines: &[&str]) -> Parsed {
    let mut out = Parsed::default();
    let mut fields: Vec<(&'static str, Vec<&str>)> = Vec::new();
    for line in lines {
        let in_text = matches!(fields.last(), Some((c, _)) if *c == "LP" || *c == "TD");
        let code = factiva_code(line).filter(|(c, rest)| {
            !in_text
                || *c == "AN"
                || *c == "TD"
                || (FACTIVA_INDEX.contains(c)
                    && (rest.contains(" : ") || *c == "PUB" || c.starts_with("IP")))
        });
        match code {
            Some(("HD", rest)) => {
                fields.clear();
                fields.push(("HD", vec![rest]));
            }
            Some(("AN", rest)) => {
                let id = rest.trim().strip_prefix("Document ").unwrap_or(rest).trim();
                match factiva_coded_article(&fields, id) {
                    Some(a) => out.articles.push(a),
                    None => out.warnings.push(format!(
                        "document {} ({id}): no headline and date found, skipped",
                        out.articles.len() + out.warnings.len() + 1
                    )),
                }
                fields.clear();
            }
            Some((code, rest)) if !fields.is_empty() => fields.push((code, vec![rest])),
            Some(_) => {}
            None => {
                if let Some((_, values)) = fields.last_mut() {
                    values.push(line);
                }
            }
        }
    }
    out
}

fn factiva_coded_article(fields: &[(&str, Vec<&str>)], id: &str) -> Option<ArticleDraft> {
    let field = |code: &str| -> String {
        fields
            .iter()
            .filter(|(c, _)| *c == code)
            .map(|(_, v)| paragraphs(v))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let title = field("HD").replace('\n', " ");
    let mut date = field("PD");
    let time = field("ET");
    if !time.is_empty() {
        date = format!("{date} {time}");
    }
    let published = date_line(&date).or_else(|| date_line(&field("PD")))?;
    let mut text = field("LP");
    let body = field("TD");
    if !body.is_empty() {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&body);
    }
    if title.is_empty() {
        return None;
    }
    let byline = field("BY");
    Some(ArticleDraft {
        title,
        text,
        source: field("SN"),
        published: Some(published),
        date_source: DateSource::Metadata,
        source_id: id.to_string(),
        byline: byline
            .strip_prefix("By ")
            .unwrap_or(&byline)
            .trim()
            .to_string(),
        section: field("SE"),
        stated_words: word_count(&field("WC")),
        ..ArticleDraft::default()
    })
}

/// Splits a Factiva export into its articles; `None` when the text is no such export.
pub fn split_factiva(text: &str) -> Option<Parsed> {
    let lines = lines_of(text);
    if is_factiva_coded(&lines) {
        return Some(split_factiva_coded(&lines));
    }
    let ids: Vec<usize> = (0..lines.len())
        .filter(|&i| factiva_id(lines[i]).is_some())
        .collect();
    if ids.is_empty() {
        return None;
    }
    let mut out = Parsed::default();
    let mut from = 0;
    for (k, &at) in ids.iter().enumerate() {
        let id = factiva_id(lines[at]).unwrap_or_default();
        match factiva_article(&lines[from..at], id) {
            Some(a) => out.articles.push(a),
            None => out.warnings.push(format!(
                "document {} ({id}): no headline, word count and date found, skipped",
                k + 1
            )),
        }
        from = at + 1;
    }
    // What follows the last article (Factiva's search summary) is not an article.
    Some(out)
}

/// The articles of a news database's export (Nexis or Factiva) saved as a document (DOCX,
/// RTF, PDF); `None` when the text is no such export.
pub fn split_export(text: &str) -> Option<Parsed> {
    split_nexis(text)
        .filter(|p| !p.articles.is_empty())
        .or_else(|| split_factiva(text).filter(|p| !p.articles.is_empty()))
}

impl Importer for Nexis {
    fn format(&self) -> Format {
        Format("Nexis")
    }

    fn claims_text(&self, _probe: &Probe<'_>, text: &str) -> bool {
        let lines = lines_of(text);
        let marks = lines
            .iter()
            .filter(|l| is_end_of_document(l) || is_academic_start(l))
            .count();
        marks > 0 && lines.iter().any(|l| word_count(l).is_some())
    }

    fn read(&self, src: &Source<'_>) -> Result<Parsed, IngestErrorKind> {
        split_nexis(src.text()).ok_or_else(|| broken(self.format(), "no articles of an export"))
    }
}

impl Importer for Factiva {
    fn format(&self) -> Format {
        Format("Factiva")
    }

    fn claims_text(&self, _probe: &Probe<'_>, text: &str) -> bool {
        if text.trim_start().starts_with('<') {
            return false;
        }
        let lines = lines_of(text);
        (lines.iter().any(|l| factiva_id(l).is_some())
            && lines.iter().any(|l| word_count(l).is_some()))
            || is_factiva_coded(&lines)
    }

    fn read(&self, src: &Source<'_>) -> Result<Parsed, IngestErrorKind> {
        split_factiva(src.text()).ok_or_else(|| broken(self.format(), "no articles of an export"))
    }
}

/// Factiva's HTML exports: one `<div class="article …Article">` per article, in the article
/// layout (a headline, then the header lines as `<div>`s, the paragraphs as
/// `<p class="articleParagraph …">`, the `Document` line) or the indexed layout (a table of
/// field codes and values). Each article is read through the text layouts above.
pub struct FactivaHtml;

/// The article `<div>`s of a Factiva page.
fn factiva_article_nodes(doc: &dom_query::Document) -> Vec<dom_query::NodeRef<'_>> {
    doc.select("div[class]")
        .nodes()
        .iter()
        .filter(|n| {
            n.attr("class").is_some_and(|c| {
                let c = c.to_string();
                c.split_whitespace()
                    .any(|w| w == "article" || (w.ends_with("Article") && w.len() <= 12))
            })
        })
        .cloned()
        .collect()
}

/// The text lines of one article `<div>`: each block a line, paragraphs separated by blank
/// lines, a table row as `CODE value`.
fn factiva_node_text(node: &dom_query::NodeRef<'_>) -> String {
    let sel = dom_query::Selection::from(*node);
    let rows = sel.select("tr");
    if rows.length() > 0 {
        let mut out = String::new();
        for row in rows.iter() {
            let cells = row.select("td");
            let cells: Vec<_> = cells.iter().collect();
            let [code, value, ..] = cells.as_slice() else {
                continue;
            };
            let code = code.text().trim().to_string();
            let value = super::html::html_to_text(&value.inner_html());
            out.push_str(&code);
            out.push(if value.contains('\n') { '\n' } else { ' ' });
            out.push_str(&value);
            out.push_str("\n\n");
        }
        return out;
    }
    super::html::html_to_text(&sel.html())
}

impl Importer for FactivaHtml {
    fn format(&self) -> Format {
        Format("Factiva HTML")
    }

    fn is_markup(&self) -> bool {
        true
    }

    fn claims_text(&self, _probe: &Probe<'_>, text: &str) -> bool {
        let head = text.trim_start();
        (head.starts_with('<') || head.len() < 3)
            && (text.contains("articleParagraph") || text.contains("enHeadline"))
            && (text.contains("Document ") || text.contains(">AN<"))
    }

    fn read(&self, src: &Source<'_>) -> Result<Parsed, IngestErrorKind> {
        let doc = dom_query::Document::from(src.text());
        let nodes = factiva_article_nodes(&doc);
        // Nested article divs: only the outermost.
        let text: Vec<String> = nodes
            .iter()
            .filter(|n| {
                !n.ancestors_it(None)
                    .any(|a| nodes.iter().any(|o| o.id == a.id))
            })
            .map(factiva_node_text)
            .collect();
        split_factiva(&text.join("\n\n"))
            .filter(|p| !p.articles.is_empty())
            .ok_or_else(|| broken(self.format(), "no Factiva articles in the page"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words() {
        assert_eq!(word_count("Length: 1,203 words"), Some(1203));
        assert_eq!(word_count("512 words"), Some(512));
        assert_eq!(word_count("many words here"), None);
        assert!(is_academic_start("3 of 25 DOCUMENTS"));
        assert_eq!(
            factiva_id("Document LBA0000020210503eh53000xx"),
            Some("LBA0000020210503eh53000xx")
        );
        assert_eq!(factiva_id("Document 1"), None);
    }

    #[test]
    fn indexed_layout_keeps_text_lines_that_start_like_codes() {
        let text = "HD Rusia kecam\nWC 50 words\nPD 3 May 2021\nSN Kompas\nLP\nLead.\n\nTD\nIN a statement, the ministry spoke.\n\nRE indon : Indonesia\nAN Document KOMP000020210503eh5300001\n";
        let p = split_factiva(text).expect("factiva");
        assert_eq!(p.articles.len(), 1);
        let a = &p.articles[0];
        assert_eq!(a.text, "Lead.\n\nIN a statement, the ministry spoke.");
        assert_eq!(a.source_id, "KOMP000020210503eh5300001");
        assert_eq!(a.source, "Kompas");
    }
}
