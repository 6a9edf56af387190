//! The mentions and articles tables as CSV.

use super::{CsvOptions, ExportError, csv_writer, safe_cell};
use crate::store::Store;
use std::io::Write;

/// Columns of the mentions export, in order.
pub const MENTION_COLUMNS: [&str; 18] = [
    "article_id",
    "source_id",
    "path",
    "title",
    "source",
    "published",
    "date_source",
    "language",
    "actor_code",
    "actor_kind",
    "actor_name",
    "matched_text",
    "via",
    "start",
    "end",
    "context",
    "field",
    "prominence",
];

/// Columns of the articles export, in order.
pub const ARTICLE_COLUMNS: [&str; 21] = [
    "article_id",
    "source_id",
    "path",
    "title",
    "source",
    "url",
    "published",
    "date_source",
    "language",
    "mentions",
    "actors",
    "dateline_place",
    "dateline_country",
    "byline",
    "editor",
    "section",
    "stated_words",
    "text_status",
    "missing_chars",
    "story_id",
    "exact_copies",
];

/// Writes one row per mention; returns the number of rows.
pub fn write_mentions_csv<W: Write>(
    store: &Store,
    out: W,
    options: CsvOptions,
) -> Result<u64, ExportError> {
    mentions_csv(store, out, options, |_| true)
}

pub(crate) fn mentions_csv<W: Write>(
    store: &Store,
    out: W,
    options: CsvOptions,
    keep: impl Fn(&crate::store::MentionRow) -> bool,
) -> Result<u64, ExportError> {
    let mut w = csv_writer(out, options)?;
    w.write_record(MENTION_COLUMNS)?;
    let mut n = 0u64;
    store.for_each_mention(|m| -> Result<(), ExportError> {
        if !keep(m) {
            return Ok(());
        }
        let (id, start, end) = (
            m.article_id.to_string(),
            m.start_char.to_string(),
            m.end_char.to_string(),
        );
        w.write_record([
            id.as_str(),
            &safe_cell(&m.source_id),
            &safe_cell(&m.path),
            &safe_cell(&m.title),
            &safe_cell(&m.source),
            &m.published,
            &m.date_source,
            &m.language,
            &m.actor_code,
            &m.actor_kind,
            &safe_cell(&m.actor_name),
            &safe_cell(&m.matched_text),
            &m.via,
            &start,
            &end,
            &safe_cell(&m.context),
            &m.field,
            &m.prominence,
        ])?;
        n += 1;
        Ok(())
    })?;
    w.flush()?;
    Ok(n)
}

/// Writes one row per article; returns the number of rows.
pub fn write_articles_csv<W: Write>(
    store: &Store,
    out: W,
    options: CsvOptions,
) -> Result<u64, ExportError> {
    articles_csv(store, out, options, |_| true)
}

pub(crate) fn articles_csv<W: Write>(
    store: &Store,
    out: W,
    options: CsvOptions,
    keep: impl Fn(&crate::store::ArticleRow) -> bool,
) -> Result<u64, ExportError> {
    let mut w = csv_writer(out, options)?;
    w.write_record(ARTICLE_COLUMNS)?;
    let mut n = 0u64;
    store.for_each_article(|a| -> Result<(), ExportError> {
        if !keep(a) {
            return Ok(());
        }
        let (id, mentions) = (a.article_id.to_string(), a.mentions.to_string());
        let words = a.stated_words.map(|n| n.to_string()).unwrap_or_default();
        let missing = a.missing_chars.map(|n| n.to_string()).unwrap_or_default();
        let (story, copies) = (a.story_id.to_string(), a.exact_copies.to_string());
        w.write_record([
            id.as_str(),
            &safe_cell(&a.source_id),
            &safe_cell(&a.path),
            &safe_cell(&a.title),
            &safe_cell(&a.source),
            &safe_cell(&a.url),
            &a.published,
            &a.date_source,
            &a.language,
            &mentions,
            &a.actors,
            &safe_cell(&a.dateline_place),
            &a.dateline_country,
            &safe_cell(&a.byline),
            &safe_cell(&a.editor),
            &safe_cell(&a.section),
            &words,
            a.text_status.as_str(),
            &missing,
            &story,
            &copies,
        ])?;
        n += 1;
        Ok(())
    })?;
    w.flush()?;
    Ok(n)
}
