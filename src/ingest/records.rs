//! Record files exported by other tools: JSON (an array, one object, or an object holding an
//! array), JSONL/NDJSON, and CSV/TSV with a header row. Field names are matched
//! case-insensitively against the usual names; the CSV delimiter is sniffed.

use super::Format;
use super::dates::parse_date_value;
use crate::model::{ArticleDraft, DateSource, Language};
use chrono::{DateTime, NaiveDateTime};
use serde_json::Value;

/// The articles of a record file and the records that were skipped.
#[derive(Debug, Default)]
pub struct ParsedRecords {
    /// One article per usable record.
    pub articles: Vec<ArticleDraft>,
    /// Why records were skipped or fields ignored ("line 3: ...").
    pub warnings: Vec<String>,
}

/// The field names each article field is read from, in order of preference.
const TITLE: &[&str] = &["title", "headline", "judul"];
const TEXT: &[&str] = &[
    "text",
    "maintext",
    "body",
    "body_text",
    "content",
    "article",
    "full_text",
    "fulltext",
    "isi",
    "paragraphs",
    "description",
    "summary",
];
const DATE: &[&str] = &[
    "date",
    "published",
    "publish_date",
    "pubdate",
    "datetime",
    "timestamp",
    "published_at",
    "publication_date",
    "date_published",
    "date_publish",
    "publishedat",
    "seendate",
    "tanggal",
    "created_at",
];
const URL: &[&str] = &["url", "link", "source_url", "permalink"];
const SOURCE: &[&str] = &[
    "source.name",
    "media_name",
    "publisher",
    "outlet",
    "site_name",
    "sitename",
    "source-hostname",
    "source_domain",
    "source",
    "media",
    "domain",
    "hostname",
    "sumber",
];
const LANGUAGE: &[&str] = &["language", "lang", "bahasa"];
const BYLINE: &[&str] = &[
    "authors", "author", "byline", "creator", "writer", "penulis", "pewarta", "reporter",
];
const EDITOR: &[&str] = &["editor", "editors", "redaktur"];
const SECTION: &[&str] = &["section", "article_section", "kanal", "rubrik", "desk"];

/// Text fields longer than this that map to nothing are named in the report.
const LONG_TEXT: usize = 300;
const ID: &[&str] = &["id", "guid", "stories_id", "story_id", "article_id", "uuid"];

/// Which record field (or column) an article field is read from, as the user says for one
/// import (`--field text=body_html`): tried before the usual names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldMap {
    /// (article field, record field), in the order given.
    pub overrides: Vec<(String, String)>,
}

/// The article fields a [`FieldMap`] can map.
pub const MAPPABLE: [&str; 10] = [
    "title", "text", "date", "url", "source", "id", "language", "byline", "editor", "section",
];

impl FieldMap {
    /// Adds `field=name` ("text=body_html"; a dotted name looks inside objects).
    pub fn add(&mut self, spec: &str) -> Result<(), String> {
        let (field, name) = spec
            .split_once('=')
            .ok_or_else(|| format!("{spec:?}: expected FIELD=NAME, e.g. text=body_html"))?;
        let field = field.trim().to_ascii_lowercase();
        if !MAPPABLE.contains(&field.as_str()) {
            return Err(format!(
                "{spec:?}: {field:?} is not an article field (one of {})",
                MAPPABLE.join(", ")
            ));
        }
        if name.trim().is_empty() {
            return Err(format!("{spec:?}: no record field named"));
        }
        self.overrides.push((field, name.trim().to_string()));
        Ok(())
    }
}

/// The names each article field is looked up by, for one file.
struct Names<'a> {
    title: Vec<&'a str>,
    text: Vec<&'a str>,
    date: Vec<&'a str>,
    url: Vec<&'a str>,
    source: Vec<&'a str>,
    id: Vec<&'a str>,
    language: Vec<&'a str>,
    byline: Vec<&'a str>,
    editor: Vec<&'a str>,
    section: Vec<&'a str>,
}

impl<'a> Names<'a> {
    fn new(map: &'a FieldMap) -> Names<'a> {
        let names = |field: &str, usual: &'static [&'static str]| -> Vec<&'a str> {
            map.overrides
                .iter()
                .filter(|(f, _)| f == field)
                .map(|(_, n)| n.as_str())
                .chain(usual.iter().copied())
                .collect()
        };
        Names {
            title: names("title", TITLE),
            text: names("text", TEXT),
            date: names("date", DATE),
            url: names("url", URL),
            source: names("source", SOURCE),
            id: names("id", ID),
            language: names("language", LANGUAGE),
            byline: names("byline", BYLINE),
            editor: names("editor", EDITOR),
            section: names("section", SECTION),
        }
    }
}

/// Parses a record file of the given format (`Json`, `Jsonl` or `Csv`).
pub fn parse_records(format: Format, text: &str) -> Result<ParsedRecords, String> {
    parse_records_with(format, text, &FieldMap::default())
}

/// [`parse_records`] with the user's field mapping.
pub fn parse_records_with(
    format: Format,
    text: &str,
    fields: &FieldMap,
) -> Result<ParsedRecords, String> {
    let names = Names::new(fields);
    match format {
        Format::Json => parse_json(text, &names),
        Format::Jsonl => Ok(parse_jsonl(text, &names)),
        Format::Csv => parse_csv(text, &names),
        other => Err(format!("{other} is not a record format")),
    }
}

/// The importers of the record formats: each parses its own and hands on the warnings.
macro_rules! record_importer {
    ($name:ident, $format:expr, $doc:literal) => {
        #[doc = $doc]
        pub struct $name;

        impl super::Importer for $name {
            fn format(&self) -> Format {
                $format
            }

            fn read(
                &self,
                src: &super::Source<'_>,
            ) -> Result<super::Parsed, super::IngestErrorKind> {
                let parsed = parse_records_with($format, src.text(), &src.options.fields)
                    .map_err(|m| super::broken($format, m))?;
                Ok(super::Parsed {
                    articles: parsed.articles,
                    warnings: parsed.warnings,
                })
            }
        }
    };
}

record_importer!(
    JsonImporter,
    Format::Json,
    "The importer of JSON record files."
);
record_importer!(
    JsonlImporter,
    Format::Jsonl,
    "The importer of JSONL / NDJSON files."
);
record_importer!(
    CsvImporter,
    Format::Csv,
    "The importer of CSV and TSV files."
);

fn parse_json(text: &str, names: &Names<'_>) -> Result<ParsedRecords, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let records: Vec<&Value> = match &value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(map) => {
            // An object holding the records under a key, or one record.
            let nested = [
                "articles", "data", "items", "results", "stories", "records", "docs", "response",
            ]
            .iter()
            .find_map(|k| lookup(map, &[k]).and_then(|v| v.as_array()));
            match nested {
                Some(items) => items.iter().collect(),
                None => vec![&value],
            }
        }
        _ => return Err("expected an array of records or an object".into()),
    };
    let mut out = ParsedRecords::default();
    let mut notes = RecordNotes::default();
    for (i, record) in records.into_iter().enumerate() {
        match record {
            Value::Object(map) => push_json_record(
                &mut out,
                &mut notes,
                names,
                map,
                &format!("record {}", i + 1),
            ),
            other => out.warnings.push(format!(
                "record {}: not an object but {}",
                i + 1,
                type_name(other)
            )),
        }
    }
    notes.into_warnings(&mut out.warnings);
    Ok(out)
}

fn parse_jsonl(text: &str, names: &Names<'_>) -> ParsedRecords {
    let mut out = ParsedRecords::default();
    let mut notes = RecordNotes::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(map)) => push_json_record(
                &mut out,
                &mut notes,
                names,
                &map,
                &format!("line {}", i + 1),
            ),
            Ok(other) => out.warnings.push(format!(
                "line {}: not an object but {}",
                i + 1,
                type_name(&other)
            )),
            Err(e) => out.warnings.push(format!("line {}: {e}", i + 1)),
        }
    }
    notes.into_warnings(&mut out.warnings);
    out
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn lookup<'a>(map: &'a serde_json::Map<String, Value>, names: &[&str]) -> Option<&'a Value> {
    lookup_key(map, names).map(|(_, v)| v)
}

/// The first of `names` the record has (not null), with the key it has it under; a dotted
/// name looks inside objects (`source.name`).
fn lookup_key<'a>(
    map: &'a serde_json::Map<String, Value>,
    names: &[&str],
) -> Option<(&'a str, &'a Value)> {
    names.iter().find_map(|name| {
        let mut parts = name.split('.');
        let first = parts.next()?;
        let (key, mut value) = map
            .iter()
            .find(|(k, v)| k.eq_ignore_ascii_case(first) && !v.is_null())?;
        for part in parts {
            value = value
                .as_object()?
                .iter()
                .find(|(k, v)| k.eq_ignore_ascii_case(part) && !v.is_null())?
                .1;
        }
        Some((key.as_str(), value))
    })
}

/// A record's language as pantau keeps it: "en", "English", "id", "in", "Indonesian" (other
/// languages are "other"); `None` when it names none.
fn record_language(value: &str) -> Option<Language> {
    let v = value.trim().to_ascii_lowercase();
    let code = v.split(['-', '_']).next().unwrap_or("");
    match code {
        "" => None,
        "en" | "eng" | "english" => Some(Language::English),
        "id" | "in" | "ind" | "indonesian" | "bahasa indonesia" => Some(Language::Indonesian),
        _ => Some(Language::Other),
    }
}

/// An outlet written as a web address ("https://www.kompas.com/x"): its host name.
fn outlet_of(source: &str) -> String {
    let s = source.trim();
    match s.split_once("://") {
        Some((_, rest)) => rest
            .split(['/', '?', '#'])
            .next()
            .unwrap_or(rest)
            .trim_start_matches("www.")
            .to_string(),
        None => s.to_string(),
    }
}

/// NewsAPI cuts `content` to about 200 characters and ends it with "… [+1234 chars]": the
/// text without the marker and the characters left out.
fn truncation(text: &str) -> Option<(String, u64)> {
    let t = text.trim_end();
    let rest = t.strip_suffix("chars]")?.trim_end();
    let start = rest.rfind("[+")?;
    let n = rest[start + 2..].trim().parse::<u64>().ok()?;
    Some((
        t[..start]
            .trim_end()
            .trim_end_matches('…')
            .trim_end()
            .to_string(),
        n,
    ))
}

/// What a file's records had in common, reported once per file.
#[derive(Default)]
struct RecordNotes {
    /// Records whose text the service cut short (NewsAPI), and the characters missing.
    truncated: (usize, u64),
    /// Records with a title and no text (link lists: GDELT, Media Cloud).
    title_only: usize,
    /// Fields holding long text that no article field is read from.
    unread: std::collections::BTreeSet<String>,
}

impl RecordNotes {
    fn into_warnings(self, out: &mut Vec<String>) {
        if self.truncated.0 > 0 {
            out.push(format!(
                "{} records have a text cut short by the service that exported them \
                 (\"[+N chars]\"; {} characters missing in all): only what it gave is imported",
                self.truncated.0, self.truncated.1
            ));
        }
        if self.title_only > 0 {
            out.push(format!(
                "{} records have a title and no text (a list of links?): imported as \
                 title-only articles",
                self.title_only
            ));
        }
        if !self.unread.is_empty() {
            out.push(format!(
                "{UNREAD} {} (pantau reads the text from one of {})",
                self.unread.iter().cloned().collect::<Vec<_>>().join(", "),
                TEXT.join(", ")
            ));
        }
    }
}

/// How the report names fields with long text that nothing reads.
const UNREAD: &str = "fields holding long text are not read:";

/// The fields a warning of [`RecordNotes`] names as holding long text that nothing reads
/// (the window offers to map one of them); `None` for any other warning.
pub fn unread_fields(warning: &str) -> Option<Vec<String>> {
    let rest = &warning[warning.find(UNREAD)? + UNREAD.len()..];
    let names = rest.split(" (pantau reads").next()?;
    Some(
        names
            .split(", ")
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .collect(),
    )
}

/// A scalar as text. An array of strings is a list of paragraphs; nested arrays (tokenised
/// corpora such as IndoSum: paragraphs of sentences of tokens) are paragraphs at the top and
/// words joined by spaces below. Objects are not text.
fn scalar_text(v: &Value) -> Option<String> {
    fn nested(v: &Value, depth: usize) -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            Value::Array(items) if depth < 4 => {
                let parts: Option<Vec<String>> =
                    items.iter().map(|i| nested(i, depth + 1)).collect();
                Some(parts?.join(if depth == 0 { "\n\n" } else { " " }))
            }
            _ => None,
        }
    }
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Array(_) => nested(v, 0),
        _ => None,
    }
}

/// Names of people: a string, a list of strings or of objects with a `name` (news-please's
/// `authors`, JSON-LD), joined by "; ".
fn people_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.trim().to_string(),
        Value::Array(items) => items
            .iter()
            .map(people_text)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("; "),
        Value::Object(o) => o.get("name").map(people_text).unwrap_or_default(),
        _ => String::new(),
    }
}

/// What a record says of its article besides the text: byline, editor, section, and the
/// characters its service cut.
#[derive(Default)]
struct Extra {
    byline: String,
    editor: String,
    section: String,
    missing_chars: Option<u64>,
}

impl Extra {
    fn apply(self, a: &mut ArticleDraft) {
        a.byline = self.byline;
        a.editor = self.editor;
        a.section = self.section;
        a.missing_chars = self.missing_chars;
    }
}

fn push_json_record(
    out: &mut ParsedRecords,
    notes: &mut RecordNotes,
    names: &Names<'_>,
    map: &serde_json::Map<String, Value>,
    label: &str,
) {
    let mut used: Vec<&str> = Vec::new();
    let mut field = |names: &[&str], what: &str, warnings: &mut Vec<String>| -> String {
        match lookup_key(map, names) {
            Some((key, v)) => {
                used.push(key);
                scalar_text(v).unwrap_or_else(|| {
                    warnings.push(format!("{label}: {what} is {}, ignored", type_name(v)));
                    String::new()
                })
            }
            None => String::new(),
        }
    };
    let mut warnings = Vec::new();
    let title = field(&names.title, "title", &mut warnings);
    let mut text = field(&names.text, "text", &mut warnings);
    let mut url = field(&names.url, "url", &mut warnings);
    let mut source = field(&names.source, "source", &mut warnings);
    let source_id = field(&names.id, "id", &mut warnings);
    let language = field(&names.language, "language", &mut warnings);
    let section = field(&names.section, "section", &mut warnings);
    let mut people = |names: &[&str]| match lookup_key(map, names) {
        Some((key, v)) => {
            used.push(key);
            people_text(v)
        }
        None => String::new(),
    };
    let mut extra = Extra {
        byline: people(&names.byline),
        editor: people(&names.editor),
        section,
        missing_chars: None,
    };
    let date = lookup(map, &names.date);
    out.warnings.extend(warnings);
    if source.contains("://") {
        if url.trim().is_empty() {
            url = source.trim().to_string();
        }
        source = outlet_of(&source);
    }
    // trafilatura writes the page's address as `source` (and the outlet elsewhere).
    if url.trim().is_empty()
        && let Some((key, Value::String(s))) = lookup_key(map, &["source"])
        && s.contains("://")
    {
        used.push(key);
        url = s.trim().to_string();
    }
    if let Some((cut, missing)) = truncation(&text) {
        text = cut;
        notes.truncated.0 += 1;
        notes.truncated.1 += missing;
        extra.missing_chars = Some(missing);
    }
    if text.trim().is_empty() && !title.trim().is_empty() {
        notes.title_only += 1;
    }
    for (k, v) in map {
        if let Value::String(s) = v
            && s.len() > LONG_TEXT
            && !used.iter().any(|u| u == k)
            && !names.date.iter().any(|d| d.eq_ignore_ascii_case(k))
        {
            notes.unread.insert(k.clone());
        }
    }
    let published = date.and_then(|v| match v {
        Value::Number(n) => n.as_f64().and_then(unix_timestamp),
        other => scalar_text(other).and_then(|s| parse_field_date(&s)),
    });
    if date.is_some() && published.is_none() {
        out.warnings.push(format!(
            "{label}: date {} not understood",
            date.map(|d| d.to_string()).unwrap_or_default()
        ));
    }
    let before = out.articles.len();
    push_article(out, label, title, text, url, source, source_id, published);
    if let Some(a) = out.articles.get_mut(before) {
        extra.apply(a);
        if let Some(lang) = record_language(&language) {
            a.language = lang;
            a.language_given = true;
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn push_article(
    out: &mut ParsedRecords,
    label: &str,
    title: String,
    text: String,
    url: String,
    source: String,
    source_id: String,
    published: Option<NaiveDateTime>,
) {
    if title.trim().is_empty() && text.trim().is_empty() {
        out.warnings
            .push(format!("{label}: no title and no text, skipped"));
        return;
    }
    // A field of markup (`body_html`, `content:encoded`) is read as HTML.
    let text = if looks_like_html(&text) {
        super::html::html_to_text(&text)
    } else {
        text.trim().replace("\r\n", "\n")
    };
    out.articles.push(ArticleDraft {
        title: title.trim().to_string(),
        text,
        source: source.trim().to_string(),
        url: url.trim().to_string(),
        date_source: if published.is_some() {
            DateSource::Metadata
        } else {
            DateSource::None
        },
        published,
        source_id: source_id.trim().to_string(),
        ..ArticleDraft::default()
    });
}

/// True for a field that holds HTML rather than text: it opens with a tag, or closes
/// paragraphs or breaks lines with tags.
fn looks_like_html(text: &str) -> bool {
    let t = text.trim_start();
    (t.starts_with('<') && t.contains('>'))
        || t.contains("</p>")
        || t.contains("<br")
        || t.contains("</div>")
}

/// Seconds (or milliseconds) since the Unix epoch, within a plausible range.
fn unix_timestamp(n: f64) -> Option<NaiveDateTime> {
    let secs = if n.abs() > 1e11 { n / 1000.0 } else { n };
    if !(0.0..=4_102_444_800.0).contains(&secs) {
        return None;
    }
    DateTime::from_timestamp(secs as i64, 0).map(|d| d.naive_utc())
}

fn parse_field_date(s: &str) -> Option<NaiveDateTime> {
    let t = s.trim();
    if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) && t.len() >= 9 {
        return t.parse::<f64>().ok().and_then(unix_timestamp);
    }
    parse_date_value(t)
}

/// The delimiter of a CSV/TSV file: the candidate that splits the header line most often.
fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let mut best = (b',', 0usize);
    for d in [b',', b'\t', b';', b'|'] {
        let mut in_quotes = false;
        let mut count = 0;
        for b in header.bytes() {
            if b == b'"' {
                in_quotes = !in_quotes;
            } else if b == d && !in_quotes {
                count += 1;
            }
        }
        if count > best.1 {
            best = (d, count);
        }
    }
    best.0
}

fn parse_csv(text: &str, names: &Names<'_>) -> Result<ParsedRecords, String> {
    let delimiter = sniff_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| e.to_string())?
        .iter()
        .map(String::from)
        .collect();
    let mut broken = Vec::new();
    let rows = reader.records().enumerate().filter_map(|(i, record)| {
        let label = format!("row {}", i + 2);
        match record {
            Ok(r) => Some((label, r.iter().map(|c| Cell::Text(c.to_string())).collect())),
            Err(e) => {
                broken.push(format!("{label}: {e}"));
                None
            }
        }
    });
    let mut out = table_records_named(&headers, rows, names)?;
    out.warnings.splice(0..0, broken);
    Ok(out)
}

/// A cell of a table: text, or a date a spreadsheet stored as one.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text (numbers as written).
    Text(String),
    /// A date and time.
    Date(NaiveDateTime),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Date(d) => d.to_string(),
        }
    }
}

/// The articles of a table with a header row (CSV, a spreadsheet's sheet): columns matched
/// to article fields by name as in JSON records; `rows` are (label for messages, cells).
pub fn table_records(
    headers: &[String],
    rows: impl Iterator<Item = (String, Vec<Cell>)>,
    fields: &FieldMap,
) -> Result<ParsedRecords, String> {
    table_records_named(headers, rows, &Names::new(fields))
}

fn table_records_named(
    headers: &[String],
    rows: impl Iterator<Item = (String, Vec<Cell>)>,
    names: &Names<'_>,
) -> Result<ParsedRecords, String> {
    let column = |names: &[&str]| {
        names.iter().find_map(|n| {
            headers.iter().position(|h| {
                h.trim()
                    .trim_start_matches('\u{feff}')
                    .eq_ignore_ascii_case(n)
            })
        })
    };
    let (title_col, text_col) = (column(&names.title), column(&names.text));
    if title_col.is_none() && text_col.is_none() {
        let found: Vec<&str> = headers.iter().take(12).map(String::as_str).collect();
        return Err(format!(
            "no title or text column (expected one of {}; found {})",
            names
                .title
                .iter()
                .chain(&names.text)
                .copied()
                .collect::<Vec<_>>()
                .join(", "),
            found.join(", ")
        ));
    }
    let (date_col, url_col, source_col, id_col, lang_col) = (
        column(&names.date),
        column(&names.url),
        column(&names.source),
        column(&names.id),
        column(&names.language),
    );
    let (byline_col, editor_col, section_col) = (
        column(&names.byline),
        column(&names.editor),
        column(&names.section),
    );
    let used = [
        title_col,
        text_col,
        date_col,
        url_col,
        source_col,
        id_col,
        lang_col,
        byline_col,
        editor_col,
        section_col,
    ];
    let mut out = ParsedRecords::default();
    let mut notes = RecordNotes::default();
    for (label, record) in rows {
        let cell = |col: Option<usize>| col.and_then(|c| record.get(c));
        for (i, c) in record.iter().enumerate() {
            if let Cell::Text(t) = c
                && t.len() > LONG_TEXT
                && !used.contains(&Some(i))
                && let Some(h) = headers.get(i)
            {
                notes.unread.insert(h.trim().to_string());
            }
        }
        let get = |col: Option<usize>| cell(col).map(Cell::text).unwrap_or_default();
        let published = match cell(date_col) {
            Some(Cell::Date(d)) => Some(*d),
            Some(Cell::Text(t)) if !t.trim().is_empty() => {
                let parsed = parse_field_date(t);
                if parsed.is_none() {
                    out.warnings
                        .push(format!("{label}: date {t:?} not understood"));
                }
                parsed
            }
            _ => None,
        };
        let (title, mut text) = (get(title_col), get(text_col));
        let mut extra = Extra {
            byline: get(byline_col).trim().to_string(),
            editor: get(editor_col).trim().to_string(),
            section: get(section_col).trim().to_string(),
            missing_chars: None,
        };
        if let Some((cut, missing)) = truncation(&text) {
            text = cut;
            notes.truncated.0 += 1;
            notes.truncated.1 += missing;
            extra.missing_chars = Some(missing);
        }
        if text.trim().is_empty() && !title.trim().is_empty() {
            notes.title_only += 1;
        }
        let mut source = get(source_col);
        let mut url = get(url_col);
        if source.contains("://") {
            if url.trim().is_empty() {
                url = source.trim().to_string();
            }
            source = outlet_of(&source);
        }
        let before = out.articles.len();
        push_article(
            &mut out,
            &label,
            title,
            text,
            url,
            source,
            get(id_col),
            published,
        );
        if let Some(a) = out.articles.get_mut(before) {
            extra.apply(a);
            if let Some(lang) = record_language(&get(lang_col)) {
                a.language = lang;
                a.language_given = true;
            }
        }
    }
    notes.into_warnings(&mut out.warnings);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_array_object_and_nested() {
        let cases = [
            (
                r#"[{"Title":"A","Body":"Rusia","pubDate":"2016-08-11","ID":7,"Link":"http://x"}]"#,
                1,
            ),
            (r#"{"headline":"A","full_text":"B"}"#, 1),
            (r#"{"articles":[{"title":"A"},{"title":"B"},{"x":1}]}"#, 2),
        ];
        for (json, n) in cases {
            let p = parse_records(Format::Json, json).expect(json);
            assert_eq!(p.articles.len(), n, "{json}");
        }
        let p = parse_records(Format::Json, cases[0].0).expect("json");
        let a = &p.articles[0];
        assert_eq!(
            (
                a.title.as_str(),
                a.text.as_str(),
                a.source_id.as_str(),
                a.url.as_str()
            ),
            ("A", "Rusia", "7", "http://x")
        );
        assert_eq!(a.date_source, DateSource::Metadata);
        assert_eq!(
            a.published.map(|d| d.to_string()).as_deref(),
            Some("2016-08-11 00:00:00")
        );
    }

    #[test]
    fn json_errors_and_wrong_types() {
        assert!(parse_records(Format::Json, "[{\"title\":").is_err());
        assert!(parse_records(Format::Json, "42").is_err());
        let none = parse_records(Format::Json, "[1,2,3]").expect("valid JSON");
        assert!(none.articles.is_empty());
        assert_eq!(none.warnings.len(), 3);
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(parse_records(Format::Json, &deep).is_err());
        let p = parse_records(
            Format::Json,
            r#"[{"title":{"a":1},"text":"ok","date":true}]"#,
        )
        .expect("partial");
        assert_eq!(p.articles.len(), 1);
        assert_eq!(p.warnings.len(), 2, "{:?}", p.warnings);
    }

    #[test]
    fn jsonl_keeps_good_lines() {
        let p = parse_records(
            Format::Jsonl,
            "{\"title\":\"A\",\"timestamp\":1470873600}\n{broken\n\n{\"text\":\"B\"}\n",
        )
        .expect("jsonl");
        assert_eq!(p.articles.len(), 2);
        assert_eq!(p.warnings.len(), 2);
        assert!(p.warnings[0].starts_with("line 2"), "{:?}", p.warnings);
        assert!(
            p.warnings[1].contains("title and no text"),
            "{:?}",
            p.warnings
        );
        assert_eq!(
            p.articles[0]
                .published
                .map(|d| d.date().to_string())
                .as_deref(),
            Some("2016-08-11")
        );
    }

    #[test]
    fn csv_delimiters_and_columns() {
        for text in [
            "id,title,text,date\n1,A,\"Rusia, Turki\",2016-08-11\n2,B,C,\n",
            "id;title;text;date\n1;A;\"Rusia, Turki\";2016-08-11\n2;B;C;\n",
            "id\ttitle\ttext\tdate\n1\tA\tRusia, Turki\t2016-08-11\n2\tB\tC\t\n",
        ] {
            let p = parse_records(Format::Csv, text).expect(text);
            assert_eq!(p.articles.len(), 2, "{text}");
            assert_eq!(p.articles[0].text, "Rusia, Turki");
            assert_eq!(p.articles[0].source_id, "1");
        }
        let err = parse_records(Format::Csv, "a,b\n1,2\n").expect_err("no columns");
        assert!(err.contains("no title or text column"), "{err}");
    }
}
