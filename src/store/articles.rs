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
    stories: &mut StoryIndex,
) -> Result<InsertOutcome> {
    let hash = article.text_hash.unwrap_or_else(|| text_hash(article));
    let existing: Option<ArticleId> = conn
        .prepare_cached("SELECT id FROM articles WHERE text_hash = ?1")?
        .query_row([&hash[..]], |r| r.get(0))
        .optional()?;
    if let Some(id) = existing {
        conn.prepare_cached("UPDATE articles SET duplicates = duplicates + 1 WHERE id = ?1")?
            .execute([id])?;
        keep_copy(&mut super::sql::Lite(conn), id, file_id, article)?;
        return Ok(InsertOutcome::Duplicate(id));
    }
    let published = published_text(article);
    let day = article.published.as_ref().map(epoch_day);
    // The story it is a near-duplicate of, if any.
    let keys = article.minhash.as_ref().map(|m| m.band_keys());
    let story = match (&article.minhash, &keys) {
        (Some(m), Some(k)) => stories.story_of(conn, m, k)?,
        _ => None,
    };
    let units = text_units(article);
    conn.prepare_cached(
        "INSERT INTO articles (file_id, source_id, path, title, text, source, original_source, url,
           published, published_day, date_source, language, text_hash, paragraphs, sentences,
           dateline_place, dateline_country, byline, editor, section, stated_words, missing_chars,
           minhash, story_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
           ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
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
        // A story is found by the signature of its first article only (its copies are
        // near it): the copies' are not stored.
        article
            .minhash
            .as_ref()
            .filter(|_| story.is_none())
            .map(|m| m.to_bytes()),
        story,
    ])?;
    let id = conn.last_insert_rowid();
    if let (Some(m), Some(k), None) = (&article.minhash, &keys, story) {
        stories.record(conn, id, m, k, id)?;
    }
    // The full-text index lives in its own file, filled by the import's indexing thread or
    // by Store::index_new_articles.
    insert_new_mentions(conn, id, day, mentions, actor_ids)?;
    Ok(InsertOutcome::Added(id))
}

/// The stored publication date-time of an article (local time, ISO 8601 to the second).
pub(crate) fn published_text(article: &ArticleDraft) -> Option<String> {
    article
        .published
        .map(|d| d.format("%Y-%m-%dT%H:%M:%S").to_string())
}

/// The paragraphs and sentences of an article: as the reader counted them, or counted here.
pub(crate) fn text_units(article: &ArticleDraft) -> TextUnits {
    article.units.unwrap_or_else(|| {
        let segments = Segments::new(&article.text);
        TextUnits {
            paragraphs: segments.paragraph_count() as u32,
            sentences: segments.sentence_count() as u32,
        }
    })
}

/// Keeps an exact copy of a stored article with its own file, outlet, URL and date (not when
/// it is the same record of the same file imported again).
pub(crate) fn keep_copy(
    db: &mut dyn super::sql::Sql,
    id: ArticleId,
    file_id: Option<FileId>,
    article: &ArticleDraft,
) -> Result<()> {
    use super::sql::Value;
    let path = article.path.to_string_lossy();
    let known = db
        .query_opt(
            "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1 AND path = ?2 AND source_id = ?3)
                 OR EXISTS (SELECT 1 FROM article_copies WHERE article_id = ?1 AND path = ?2 AND source_id = ?3)",
            &[Value::Int(id), Value::Text(&path), Value::Text(&article.source_id)],
        )?
        .map(|r| r.bool(0))
        .transpose()?
        .unwrap_or(false);
    if known {
        return Ok(());
    }
    let published = published_text(article);
    db.execute(
        "INSERT INTO article_copies (article_id, file_id, path, source_id, source, url, published)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        &[
            Value::Int(id),
            file_id.into(),
            Value::Text(&path),
            Value::Text(&article.source_id),
            Value::Text(&article.source),
            Value::Text(&article.url),
            published.as_ref().into(),
        ],
    )?;
    Ok(())
}

/// What the writer knows of the stories' band keys and signatures, so an import does not ask
/// the database for each of its articles' ten keys. `complete` when every key of the database
/// is here (it had none when the writer started and no other connection wrote since): a key
/// that is not here is then in no article.
#[derive(Default)]
pub(crate) struct StoryIndex {
    complete: bool,
    keys: HashMap<i64, ArticleId>,
    /// Signature and story of articles seen.
    signatures: HashMap<ArticleId, (crate::model::minhash::MinHash, ArticleId)>,
    /// `PRAGMA data_version` when it was last checked: another connection's commit changes it.
    data_version: Option<i64>,
}

/// Entries past which the index is emptied (and the database asked again).
const STORY_INDEX_LIMIT: usize = 1_000_000;

impl StoryIndex {
    /// Made current at the start of a write transaction.
    pub(crate) fn begin(&mut self, conn: &Connection) -> Result<()> {
        let version: i64 = conn.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        if self.data_version != Some(version) || self.keys.len() > STORY_INDEX_LIMIT {
            self.keys.clear();
            self.signatures.clear();
            self.complete =
                !conn.query_row("SELECT EXISTS (SELECT 1 FROM story_bands)", [], |r| {
                    r.get::<_, bool>(0)
                })?;
            self.data_version = Some(version);
        }
        Ok(())
    }

    /// Forgets everything (a transaction was rolled back).
    pub(crate) fn reset(&mut self) {
        *self = StoryIndex::default();
    }

    /// The story a new article with this signature belongs to: that of the most similar
    /// earlier article its band keys find, at [`SAME_STORY`] or more.
    ///
    /// [`SAME_STORY`]: crate::model::minhash::SAME_STORY
    fn story_of(
        &mut self,
        conn: &Connection,
        signature: &crate::model::minhash::MinHash,
        keys: &[i64],
    ) -> Result<Option<ArticleId>> {
        use crate::model::minhash::{MinHash, SAME_STORY};
        let mut seen: Vec<ArticleId> = Vec::new();
        let mut best: Option<(f64, ArticleId)> = None;
        for &key in keys {
            let candidate = match self.keys.get(&key) {
                Some(&c) => c,
                None if self.complete => continue,
                None => {
                    let found = conn
                        .prepare_cached("SELECT article_id FROM story_bands WHERE key = ?1")?
                        .query_row([key], |r| r.get::<_, ArticleId>(0))
                        .optional()?;
                    let Some(c) = found else { continue };
                    self.keys.insert(key, c);
                    c
                }
            };
            if seen.contains(&candidate) {
                continue;
            }
            seen.push(candidate);
            if let std::collections::hash_map::Entry::Vacant(slot) =
                self.signatures.entry(candidate)
            {
                let row: Option<(Option<Vec<u8>>, ArticleId)> = conn
                    .prepare_cached(
                        "SELECT minhash, COALESCE(story_id, id) FROM articles WHERE id = ?1",
                    )?
                    .query_row([candidate], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()?;
                let Some((Some(bytes), story)) = row else {
                    continue;
                };
                let Some(other) = MinHash::from_bytes(&bytes) else {
                    continue;
                };
                slot.insert((other, story));
            }
            if let Some((other, story)) = self.signatures.get(&candidate) {
                let s = signature.similarity(other);
                if s >= SAME_STORY && best.is_none_or(|(b, _)| s > b) {
                    best = Some((s, *story));
                }
            }
        }
        Ok(best.map(|(_, story)| story))
    }

    /// Records a stored article's keys (those no earlier article holds) and signature.
    fn record(
        &mut self,
        conn: &Connection,
        id: ArticleId,
        signature: &crate::model::minhash::MinHash,
        keys: &[i64],
        story: ArticleId,
    ) -> Result<()> {
        let mut insert = conn.prepare_cached(
            "INSERT OR IGNORE INTO story_bands (key, article_id) VALUES (?1, ?2)",
        )?;
        for &key in keys {
            if self.keys.contains_key(&key) {
                continue;
            }
            insert.execute(params![key, id])?;
            self.keys.insert(key, id);
        }
        self.signatures.insert(id, (signature.clone(), story));
        Ok(())
    }
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
        "INSERT OR IGNORE INTO mentions (article_id, actor_id, start_char, end_char, via, sentence_idx, paragraph_idx, alias_key, field, prominence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    let (kept, per_actor) = stored_mentions(mentions, actor_ids, excluded);
    for (actor, m) in kept {
        insert.execute(params![
            article_id,
            actor,
            m.start_char as i64,
            m.end_char as i64,
            m.via.as_str(),
            m.sentence_idx,
            m.paragraph_idx,
            // As written: the dictionary view folds its case (no work for the writer here).
            m.matched_text,
            m.field.code(),
            m.prominence.code(),
        ])?;
    }
    let mut insert_set = conn.prepare_cached(
        "INSERT INTO article_actors (actor_id, article_id, published_day, mentions, headline, lead)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut stored = 0;
    for (actor, [count, headline, lead]) in per_actor {
        insert_set.execute(params![
            actor,
            article_id,
            published_day,
            count,
            headline,
            lead
        ])?;
        stored += count as u64;
    }
    Ok(stored)
}

/// Per actor: its mentions in an article, of which in the headline, in the lead.
pub(crate) type ActorCounts = BTreeMap<ActorId, [i64; 3]>;

/// The mentions of an article that are stored (of actors the database has, less those the
/// user excluded in it), each with its actor's id, and the counts per actor.
pub(crate) fn stored_mentions<'m>(
    mentions: &'m [Mention],
    actor_ids: &HashMap<String, ActorId>,
    excluded: &[(ActorId, String)],
) -> (Vec<(ActorId, &'m Mention)>, ActorCounts) {
    let mut kept = Vec::with_capacity(mentions.len());
    let mut per_actor = ActorCounts::new();
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
        kept.push((actor, m));
        let counts = per_actor.entry(actor).or_default();
        counts[0] += 1;
        match m.prominence {
            crate::model::Prominence::Headline => counts[1] += 1,
            crate::model::Prominence::Lead => counts[2] += 1,
            crate::model::Prominence::Body => {}
        }
    }
    (kept, per_actor)
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
