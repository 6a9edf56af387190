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

/// The key that makes two articles "the same": a 128-bit hash of the text lower-cased with
/// white space collapsed (of the title and URL when there is no text).
pub fn text_hash(article: &ArticleDraft) -> [u8; 16] {
    /// Each word lower-cased and followed by one space, fed in one piece (the same hash as
    /// feeding word by word).
    fn feed(h: &mut xxhash_rust::xxh3::Xxh3, buf: &mut Vec<u8>, s: &str) {
        buf.clear();
        if s.is_ascii() {
            // The whole text lower-cased at once, then only the white space that is not a
            // single ' ' between two words rewritten (news has a line break per paragraph,
            // not one per word).
            buf.extend_from_slice(s.as_bytes());
            buf.make_ascii_lowercase();
            let end = buf.len();
            let mut read = buf.iter().position(|&b| !is_ascii_space(b)).unwrap_or(end);
            let mut write = 0;
            while read < end {
                let run_end = next_irregular_space(buf, read);
                if write != read {
                    buf.copy_within(read..run_end, write);
                }
                write += run_end - read;
                if run_end == end {
                    break;
                }
                buf[write] = b' ';
                write += 1;
                read = run_end;
                while read < end && is_ascii_space(buf[read]) {
                    read += 1;
                }
            }
            buf.truncate(write);
            if buf.last().is_some_and(|&b| b != b' ') {
                buf.push(b' ');
            }
        } else {
            for word in s.split_whitespace() {
                buf.extend_from_slice(word.to_lowercase().as_bytes());
                buf.push(b' ');
            }
        }
        h.update(buf);
    }
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let mut buf = Vec::with_capacity(article.text.len() + 1);
    if article.text.trim().is_empty() {
        feed(&mut h, &mut buf, &article.title);
        h.update(b"\x00");
        feed(&mut h, &mut buf, &article.url);
    } else {
        feed(&mut h, &mut buf, &article.text);
    }
    h.digest128().to_le_bytes()
}

/// ASCII white space as `char::is_whitespace` has it ('\t', '\n', '\x0b', '\x0c', '\r', ' ').
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// The first white space at or after `from` in ASCII `bytes` that is not one ' ' followed by
/// a word (or the end). Eight bytes at a time.
fn next_irregular_space(bytes: &[u8], mut from: usize) -> usize {
    use crate::swar::{block_and_next, bytes_equal, bytes_in_range};
    while let Some((x, next)) = block_and_next(bytes, from) {
        let control = bytes_in_range(x, b'\t', b'\r');
        let space = bytes_equal(x, b' ');
        let next_space = bytes_in_range(next, b'\t', b'\r') | bytes_equal(next, b' ');
        let irregular = control | (space & next_space);
        if irregular != 0 {
            return from + (irregular.trailing_zeros() / 8) as usize;
        }
        from += 8;
    }
    while from < bytes.len() {
        let b = bytes[from];
        if is_ascii_space(b)
            && (b != b' ' || bytes.get(from + 1).is_none_or(|&n| is_ascii_space(n)))
        {
            return from;
        }
        from += 1;
    }
    from
}

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
           published, published_day, date_source, language, text_hash, paragraphs, sentences)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
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
