//! Record files exported by other tools: JSON (an array, one object, or an object holding an
//! array), JSONL/NDJSON, and CSV/TSV with a header row. Field names are matched
//! case-insensitively against the usual names; the CSV delimiter is sniffed.

use super::Format;
use super::dates::parse_date_value;
use crate::model::{ArticleDraft, DateSource};
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
    "body",
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
    "publishedat",
    "tanggal",
    "created_at",
];
const URL: &[&str] = &["url", "link", "source_url", "permalink"];
const SOURCE: &[&str] = &[
    "source",
    "media_name",
    "publisher",
    "outlet",
    "media",
    "site_name",
    "sumber",
];
const ID: &[&str] = &["id", "guid", "stories_id", "story_id", "article_id", "uuid"];

/// Parses a record file of the given format (`Json`, `Jsonl` or `Csv`).
pub fn parse_records(format: Format, text: &str) -> Result<ParsedRecords, String> {
    match format {
        Format::Json => parse_json(text),
        Format::Jsonl => Ok(parse_jsonl(text)),
        Format::Csv => parse_csv(text),
        other => Err(format!("{other} is not a record format")),
    }
}

fn parse_json(text: &str) -> Result<ParsedRecords, String> {
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
    for (i, record) in records.into_iter().enumerate() {
        match record {
            Value::Object(map) => push_json_record(&mut out, map, &format!("record {}", i + 1)),
            other => out.warnings.push(format!(
                "record {}: not an object but {}",
                i + 1,
                type_name(other)
            )),
        }
    }
    Ok(out)
}

fn parse_jsonl(text: &str) -> ParsedRecords {
    let mut out = ParsedRecords::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(map)) => push_json_record(&mut out, &map, &format!("line {}", i + 1)),
            Ok(other) => out.warnings.push(format!(
                "line {}: not an object but {}",
                i + 1,
                type_name(&other)
            )),
            Err(e) => out.warnings.push(format!("line {}: {e}", i + 1)),
        }
    }
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
    names.iter().find_map(|name| {
        map.iter()
            .find(|(k, v)| k.eq_ignore_ascii_case(name) && !v.is_null())
            .map(|(_, v)| v)
    })
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

fn push_json_record(out: &mut ParsedRecords, map: &serde_json::Map<String, Value>, label: &str) {
    let field = |names: &[&str], what: &str, warnings: &mut Vec<String>| -> String {
        match lookup(map, names) {
            Some(v) => scalar_text(v).unwrap_or_else(|| {
                warnings.push(format!("{label}: {what} is {}, ignored", type_name(v)));
                String::new()
            }),
            None => String::new(),
        }
    };
    let mut warnings = Vec::new();
    let title = field(TITLE, "title", &mut warnings);
    let text = field(TEXT, "text", &mut warnings);
    let url = field(URL, "url", &mut warnings);
    let source = field(SOURCE, "source", &mut warnings);
    let source_id = field(ID, "id", &mut warnings);
    let date = lookup(map, DATE);
    out.warnings.extend(warnings);
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
    push_article(out, label, title, text, url, source, source_id, published);
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
    out.articles.push(ArticleDraft {
        title: title.trim().to_string(),
        text: text.trim().replace("\r\n", "\n"),
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

fn parse_csv(text: &str) -> Result<ParsedRecords, String> {
    let delimiter = sniff_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| e.to_string())?.clone();
    let column = |names: &[&str]| {
        names.iter().find_map(|n| {
            headers.iter().position(|h| {
                h.trim()
                    .trim_start_matches('\u{feff}')
                    .eq_ignore_ascii_case(n)
            })
        })
    };
    let (title_col, text_col) = (column(TITLE), column(TEXT));
    if title_col.is_none() && text_col.is_none() {
        let found: Vec<&str> = headers.iter().take(12).collect();
        return Err(format!(
            "no title or text column (expected one of {}; found {})",
            TITLE
                .iter()
                .chain(TEXT)
                .copied()
                .collect::<Vec<_>>()
                .join(", "),
            found.join(", ")
        ));
    }
    let (date_col, url_col, source_col, id_col) =
        (column(DATE), column(URL), column(SOURCE), column(ID));
    let mut out = ParsedRecords::default();
    for (i, record) in reader.records().enumerate() {
        let label = format!("row {}", i + 2);
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                out.warnings.push(format!("{label}: {e}"));
                continue;
            }
        };
        let get = |col: Option<usize>| col.and_then(|c| record.get(c)).unwrap_or("").to_string();
        let date = get(date_col);
        let published = if date.trim().is_empty() {
            None
        } else {
            parse_field_date(&date)
        };
        if !date.trim().is_empty() && published.is_none() {
            out.warnings
                .push(format!("{label}: date {date:?} not understood"));
        }
        push_article(
            &mut out,
            &label,
            get(title_col),
            get(text_col),
            get(url_col),
            get(source_col),
            get(id_col),
            published,
        );
    }
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
        assert_eq!(p.warnings.len(), 1);
        assert!(p.warnings[0].starts_with("line 2"), "{:?}", p.warnings);
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
