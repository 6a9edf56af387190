//! Articles and their mentions: inserted once per normalised text.

use super::{ActorId, ArticleId, FileId, Result};
use crate::model::{ArticleDraft, Mention, TextUnits};
use crate::segment::Segments;
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::{BTreeMap, HashMap};

/// What happened to an article offered for insertion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InsertOutcome {
    /// Stored as a new article.
    Added(ArticleId),
    /// The same normalised text was already stored (as this article); counted, not stored.
    Duplicate(ArticleId),
}

pub use crate::model::text_hash;

/// Days since 1970-01-01 of a date-time: the unit the timeline bins on.
pub(crate) fn epoch_day(dt: &NaiveDateTime) -> i64 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    (dt.date() - epoch).num_days()
}

/// Stores one article with its mentions, unless its text is already stored.
pub(crate) fn insert_article(
    conn: &Connection,
    file_id: Option<FileId>,
    article: &ArticleDraft,
    mentions: &[Mention],
    actor_ids: &HashMap<String, ActorId>,
) -> Result<InsertOutcome> {
    let hash = article.text_hash.unwrap_or_else(|| text_hash(article));
    let existing: Option<ArticleId> = conn
        .prepare_cached("SELECT id FROM articles WHERE text_hash = ?1")?
        .query_row([&hash[..]], |r| r.get(0))
        .optional()?;
    if let Some(id) = existing {
        conn.prepare_cached("UPDATE articles SET duplicates = duplicates + 1 WHERE id = ?1")?
            .execute([id])?;
        return Ok(InsertOutcome::Duplicate(id));
    }
    let published = article
        .published
        .map(|d| d.format("%Y-%m-%dT%H:%M:%S").to_string());
    let day = article.published.as_ref().map(epoch_day);
    let units = article.units.unwrap_or_else(|| {
        let segments = Segments::new(&article.text);
        TextUnits {
            paragraphs: segments.paragraph_count() as u32,
            sentences: segments.sentence_count() as u32,
        }
    });
    conn.prepare_cached(
        "INSERT INTO articles (file_id, source_id, path, title, text, source, original_source, url,
           published, published_day, date_source, language, text_hash, paragraphs, sentences,
           dateline_place, dateline_country, byline, editor, section, stated_words, missing_chars)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
           ?18, ?19, ?20, ?21, ?22)",
    )?
    .execute(params![
        file_id,
        article.source_id,
        article.path.to_string_lossy(),
        article.title,
        article.text,
        article.source,
        article.original_source,
        article.url,
        published,
        day,
        article.date_source.as_str(),
        article.language.as_str(),
        &hash[..],
        units.paragraphs,
        units.sentences,
        article.dateline_place,
        article.dateline_country,
        article.byline,
        article.editor,
        article.section,
        article.stated_words,
        article.missing_chars.map(|n| n.min(i64::MAX as u64) as i64),
    ])?;
    let id = conn.last_insert_rowid();
    // The full-text index lives in its own file, filled by the import's indexing thread or
    // by Store::index_new_articles.
    insert_new_mentions(conn, id, day, mentions, actor_ids)?;
    Ok(InsertOutcome::Added(id))
}

/// Stores an article's mentions and its per-actor counts, leaving out the mentions the user
/// excluded in this article; returns the number stored.
pub(crate) fn insert_mentions(
    conn: &Connection,
    article_id: ArticleId,
    published_day: Option<i64>,
    mentions: &[Mention],
    actor_ids: &HashMap<String, ActorId>,
) -> Result<u64> {
    let excluded = super::exclusions::article_exclusions(conn, article_id)?;
    insert_mentions_except(
        conn,
        article_id,
        published_day,
        mentions,
        actor_ids,
        &excluded,
    )
}

/// [`insert_mentions`] for an article just inserted: it has no exclusions yet.
fn insert_new_mentions(
    conn: &Connection,
    article_id: ArticleId,
    published_day: Option<i64>,
    mentions: &[Mention],
    actor_ids: &HashMap<String, ActorId>,
) -> Result<u64> {
    insert_mentions_except(conn, article_id, published_day, mentions, actor_ids, &[])
}

fn insert_mentions_except(
    conn: &Connection,
    article_id: ArticleId,
    published_day: Option<i64>,
    mentions: &[Mention],
    actor_ids: &HashMap<String, ActorId>,
    excluded: &[(ActorId, String)],
) -> Result<u64> {
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO mentions (article_id, actor_id, start_char, end_char, via, sentence_idx, paragraph_idx)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut per_actor: BTreeMap<ActorId, i64> = BTreeMap::new();
    for m in mentions {
        let Some(&actor) = actor_ids.get(&m.actor_code) else {
            continue;
        };
        if !excluded.is_empty() {
            let key = super::exclusions::text_key(&m.matched_text);
            if excluded
                .iter()
                .any(|(a, alias)| *a == actor && (alias.is_empty() || *alias == key))
            {
                continue;
            }
        }
        insert.execute(params![
            article_id,
            actor,
            m.start_char as i64,
            m.end_char as i64,
            m.via.as_str(),
            m.sentence_idx,
            m.paragraph_idx
        ])?;
        *per_actor.entry(actor).or_default() += 1;
    }
    let mut insert_set = conn.prepare_cached(
        "INSERT INTO article_actors (actor_id, article_id, published_day, mentions) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut stored = 0;
    for (actor, count) in per_actor {
        insert_set.execute(params![actor, article_id, published_day, count])?;
        stored += count as u64;
    }
    Ok(stored)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash as first defined: word by word. Stored hashes must never change.
    fn word_by_word(article: &ArticleDraft) -> [u8; 16] {
        fn feed(h: &mut xxhash_rust::xxh3::Xxh3, s: &str) {
            for word in s.split_whitespace() {
                h.update(word.to_lowercase().as_bytes());
                h.update(b" ");
            }
        }
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        if article.text.trim().is_empty() {
            feed(&mut h, &article.title);
            h.update(b"\x00");
            feed(&mut h, &article.url);
        } else {
            feed(&mut h, &article.text);
        }
        h.digest128().to_le_bytes()
    }

    #[test]
    fn text_hash_is_stable() {
        for (title, text, url) in [
            ("", "Rusia dan  TURKI\n\tbersepakat.", ""),
            ("Judul", "", "http://x/y"),
            ("", "TÜRKIYE İstanbul Ärger  ﬁ", ""),
            ("", "", ""),
            ("", " \x0b a\x0cB\r\n", ""),
            ("T", "  \t ", "u"),
        ] {
            let article = ArticleDraft {
                title: title.into(),
                text: text.into(),
                url: url.into(),
                ..ArticleDraft::default()
            };
            assert_eq!(text_hash(&article), word_by_word(&article), "{text:?}");
        }
        let a = ArticleDraft {
            text: "Rusia dan Turki".into(),
            ..ArticleDraft::default()
        };
        let b = ArticleDraft {
            text: "rusia  DAN\nturki".into(),
            ..ArticleDraft::default()
        };
        assert_eq!(text_hash(&a), text_hash(&b));
    }

    proptest::proptest! {
        #[test]
        fn text_hash_equals_the_word_by_word_definition(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                'a', 'B', 'z', '9', ' ', ' ', ' ', '\t', '\n', '\x0b', '\x0c', '\r', '\x1c', '.',
            ]), 0..48)
        ) {
            let article = ArticleDraft {
                text: chars.into_iter().collect(),
                title: "t".into(),
                ..ArticleDraft::default()
            };
            proptest::prop_assert_eq!(text_hash(&article), word_by_word(&article));
        }
    }
}
