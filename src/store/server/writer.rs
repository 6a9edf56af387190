//! The import's writes on a server, where several imports (processes, machines) may write at
//! once: each article is claimed by its text hash under the unique constraint
//! (`ON CONFLICT (text_hash) DO NOTHING`), so it is stored once and its mentions with it; an
//! import that finds it claimed counts a duplicate.
//!
//! The imports' write transactions take turns (a transaction-level advisory lock): two imports
//! that claim the same articles in different orders would otherwise each wait for the other's
//! claims (the server breaks such a deadlock by failing one, and a file of thousands of
//! articles stored again from the start met the other import again, measured: every retry
//! deadlocked). Reading and tagging, the import's work, still run in every process at once;
//! readers are never blocked. Each file is stored under a savepoint, and stored again when the
//! server breaks a wait with a writer that is not a pantau import.

use super::ServerStore;
use crate::model::minhash::{MinHash, SAME_STORY};
use crate::model::{ArticleDraft, Mention};
use crate::store::articles::{
    InsertOutcome, epoch_day, keep_copy, published_text, stored_mentions, text_hash, text_units,
};
use crate::store::sql::{self, server_error};
use crate::store::{ActorId, ArticleId, FileId, FileRecord, Result, RunCounts, RunId};
use postgres::error::SqlState;
use std::collections::HashMap;

/// How many times a file is stored again after the server broke a wait.
const RETRIES: u32 = 5;

/// The advisory lock the imports' write transactions take turns on ("pantau-w").
const WRITE_LOCK: i64 = 0x7061_6e74_6175_2d77;

/// Takes the writers' turn for the rest of the transaction.
pub(crate) fn take_write_lock<C: postgres::GenericClient>(tx: &mut C) -> Result<()> {
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])
        .map_err(server_error)?;
    Ok(())
}

/// An import's transaction on a server.
pub(crate) struct ServerTx<'a> {
    tx: postgres::Transaction<'a>,
    prepared: &'a mut HashMap<String, postgres::Statement>,
    /// Signatures (and stories) of articles seen in this transaction.
    signatures: HashMap<ArticleId, Option<(MinHash, ArticleId)>>,
}

impl<'a> ServerTx<'a> {
    /// Starts a transaction on `store`'s connection.
    pub(crate) fn begin(store: &'a mut ServerStore) -> super::Result<ServerTx<'a>> {
        let mut tx = store.client.transaction()?;
        take_write_lock(&mut tx)?;
        Ok(ServerTx {
            tx,
            prepared: &mut store.prepared,
            signatures: HashMap::new(),
        })
    }

    /// Commits.
    pub(crate) fn commit(self) -> Result<()> {
        self.tx.commit().map_err(server_error)
    }

    fn statement(&mut self, sql: &str) -> Result<postgres::Statement> {
        if let Some(s) = self.prepared.get(sql) {
            return Ok(s.clone());
        }
        let s = self.tx.prepare(sql).map_err(server_error)?;
        self.prepared.insert(sql.to_string(), s.clone());
        Ok(s)
    }

    fn sql(&mut self) -> sql::Server<'_, postgres::Transaction<'a>> {
        sql::Server {
            client: &mut self.tx,
            prepared: self.prepared,
        }
    }

    /// Records a file and stores its articles, as [`crate::store::Tx::store_file_noting`]
    /// does on a file; again from its savepoint when the server broke a wait.
    pub(crate) fn store_file(
        &mut self,
        run: RunId,
        file: &FileRecord,
        articles: &[(ArticleDraft, Vec<Mention>)],
        actor_ids: &HashMap<String, ActorId>,
        added: &mut Vec<(usize, ArticleId)>,
    ) -> Result<RunCounts> {
        let mut attempt = 0;
        loop {
            self.tx
                .batch_execute("SAVEPOINT pantau_file")
                .map_err(server_error)?;
            let mark = added.len();
            match self.try_store_file(run, file, articles, actor_ids, added) {
                Ok(counts) => {
                    self.tx
                        .batch_execute("RELEASE SAVEPOINT pantau_file")
                        .map_err(server_error)?;
                    return Ok(counts);
                }
                Err(e) if attempt < RETRIES && retryable(&e) => {
                    self.tx
                        .batch_execute("ROLLBACK TO SAVEPOINT pantau_file")
                        .map_err(server_error)?;
                    added.truncate(mark);
                    // What it read of its own rolled-back articles is gone with them.
                    self.signatures.clear();
                    attempt += 1;
                    // Out of step with the other import.
                    std::thread::sleep(std::time::Duration::from_millis(
                        5 + u64::from(attempt) * (std::process::id() as u64 % 7 + 1),
                    ));
                }
                Err(e) => return Err(e),
            }
        }
    }

    fn try_store_file(
        &mut self,
        run: RunId,
        file: &FileRecord,
        articles: &[(ArticleDraft, Vec<Mention>)],
        actor_ids: &HashMap<String, ActorId>,
        added: &mut Vec<(usize, ArticleId)>,
    ) -> Result<RunCounts> {
        let insert_file = self.statement(
            "INSERT INTO files (run_id, path, size_bytes, content_hash, format, status, error, warnings)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )?;
        let file_id: FileId = self
            .tx
            .query_one(
                &insert_file,
                &[
                    &run,
                    &file.path,
                    &file.size_bytes.map(|s| s.min(i64::MAX as u64) as i64),
                    &file.content_hash,
                    &file.format,
                    &file.status.as_str(),
                    &file.error,
                    &file.warnings,
                ],
            )
            .map_err(server_error)?
            .get(0);
        let mut counts = RunCounts::of_file(file.status);
        for (i, (article, mentions)) in articles.iter().enumerate() {
            let outcome = self.insert_article(file_id, article, mentions, actor_ids)?;
            counts.count_article(i, outcome, article, mentions, added);
        }
        let update =
            self.statement("UPDATE files SET articles_added = $2, duplicates = $3 WHERE id = $1")?;
        self.tx
            .execute(
                &update,
                &[
                    &file_id,
                    &(counts.articles_added as i64),
                    &(counts.duplicates as i64),
                ],
            )
            .map_err(server_error)?;
        Ok(counts)
    }

    /// Stores one article with its mentions unless its text is stored (or claimed by another
    /// import, which this one then waits for).
    fn insert_article(
        &mut self,
        file_id: FileId,
        article: &ArticleDraft,
        mentions: &[Mention],
        actor_ids: &HashMap<String, ActorId>,
    ) -> Result<InsertOutcome> {
        let hash = article.text_hash.unwrap_or_else(|| text_hash(article));
        let hash = &hash[..];
        // Asked first, so that an import alone takes no id it does not use (the ids follow
        // the files as on a file database).
        let find = self.statement("SELECT id FROM articles WHERE text_hash = $1")?;
        let known = self
            .tx
            .query_opt(&find, &[&hash])
            .map_err(server_error)?
            .is_some();
        if !known && let Some(id) = self.claim(file_id, article, hash, mentions, actor_ids)? {
            return Ok(InsertOutcome::Added(id));
        }
        let count = self.statement(
            "UPDATE articles SET duplicates = duplicates + 1 WHERE text_hash = $1 RETURNING id",
        )?;
        let id: ArticleId = self
            .tx
            .query_one(&count, &[&hash])
            .map_err(server_error)?
            .get(0);
        keep_copy(&mut self.sql(), id, Some(file_id), article)?;
        Ok(InsertOutcome::Duplicate(id))
    }

    /// Inserts a new article under the text hash's unique constraint: its id, or `None` when
    /// another import stored the same text first.
    fn claim(
        &mut self,
        file_id: FileId,
        article: &ArticleDraft,
        hash: &[u8],
        mentions: &[Mention],
        actor_ids: &HashMap<String, ActorId>,
    ) -> Result<Option<ArticleId>> {
        let published = published_text(article);
        let day = article.published.as_ref().map(epoch_day);
        let keys = article.minhash.as_ref().map(|m| m.band_keys());
        let story = match (&article.minhash, &keys) {
            (Some(m), Some(k)) => self.story_of(m, k)?,
            _ => None,
        };
        let units = text_units(article);
        let insert = self.statement(
            "INSERT INTO articles (file_id, source_id, path, title, text, source, original_source, url,
               published, published_day, date_source, language, text_hash, paragraphs, sentences,
               dateline_place, dateline_country, byline, editor, section, stated_words, missing_chars,
               minhash, story_id, search)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
               $18, $19, $20, $21, $22, $23, $24,
               array_to_tsvector(string_to_array(CAST($25 AS TEXT), ' ')))
             ON CONFLICT (text_hash) DO NOTHING RETURNING id",
        )?;
        let path = article.path.to_string_lossy();
        let minhash = article
            .minhash
            .as_ref()
            .filter(|_| story.is_none())
            .map(|m| m.to_bytes());
        let row = self
            .tx
            .query_opt(
                &insert,
                &[
                    &file_id,
                    &article.source_id,
                    &path.as_ref(),
                    &article.title,
                    &article.text,
                    &article.source,
                    &article.original_source,
                    &article.url,
                    &published,
                    &day,
                    &article.date_source.as_str(),
                    &article.language.as_str(),
                    &hash,
                    &i64::from(units.paragraphs),
                    &i64::from(units.sentences),
                    &article.dateline_place,
                    &article.dateline_country,
                    &article.byline,
                    &article.editor,
                    &article.section,
                    &article.stated_words.map(i64::from),
                    &article.missing_chars.map(|n| n.min(i64::MAX as u64) as i64),
                    &minhash,
                    &story,
                    &super::search::words_text(&article.title, &article.text),
                    // (None: no vector; a candidate of every search.)
                ],
            )
            .map_err(server_error)?;
        let Some(row) = row else {
            return Ok(None);
        };
        let id: ArticleId = row.get(0);
        if let (Some(m), Some(k), None) = (&article.minhash, &keys, story) {
            let bands = self.statement(
                "INSERT INTO story_bands (key, article_id)
                 SELECT k, $2 FROM UNNEST($1::BIGINT[]) AS k ON CONFLICT DO NOTHING",
            )?;
            self.tx
                .execute(&bands, &[&k.as_slice(), &id])
                .map_err(server_error)?;
            self.signatures.insert(id, Some(((**m).clone(), id)));
        }
        self.insert_mentions(id, day, mentions, actor_ids, &[])?;
        Ok(Some(id))
    }

    /// The story of a new article, as on a file ([`crate::store::articles`]): that of the most
    /// similar earlier article its band keys find, at [`SAME_STORY`] or more; the keys are
    /// asked for all at once.
    fn story_of(&mut self, signature: &MinHash, keys: &[i64]) -> Result<Option<ArticleId>> {
        let find = self
            .statement("SELECT key, article_id FROM story_bands WHERE key = ANY($1::BIGINT[])")?;
        let found: HashMap<i64, ArticleId> = self
            .tx
            .query(&find, &[&keys])
            .map_err(server_error)?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        let mut candidates: Vec<ArticleId> = Vec::new();
        for key in keys {
            if let Some(&c) = found.get(key)
                && !candidates.contains(&c)
            {
                candidates.push(c);
            }
        }
        let unknown: Vec<ArticleId> = candidates
            .iter()
            .copied()
            .filter(|c| !self.signatures.contains_key(c))
            .collect();
        if !unknown.is_empty() {
            let read = self.statement(
                "SELECT id, minhash, COALESCE(story_id, id) FROM articles WHERE id = ANY($1::BIGINT[])",
            )?;
            for row in self.tx.query(&read, &[&unknown]).map_err(server_error)? {
                let id: ArticleId = row.get(0);
                let bytes: Option<Vec<u8>> = row.get(1);
                let story: ArticleId = row.get(2);
                let signature = bytes.as_deref().and_then(MinHash::from_bytes);
                self.signatures.insert(id, signature.map(|m| (m, story)));
            }
        }
        let mut best: Option<(f64, ArticleId)> = None;
        for c in candidates {
            if let Some(Some((other, story))) = self.signatures.get(&c) {
                let s = signature.similarity(other);
                if s >= SAME_STORY && best.is_none_or(|(b, _)| s > b) {
                    best = Some((s, *story));
                }
            }
        }
        Ok(best.map(|(_, story)| story))
    }

    /// Replaces the mentions and per-actor counts of a batch of articles (a re-tag), the
    /// article exclusions applied; returns the number of mentions stored.
    pub(crate) fn replace_mentions(
        &mut self,
        batch: &[(ArticleId, Option<i64>, Vec<Mention>)],
        actor_ids: &HashMap<String, ActorId>,
    ) -> Result<u64> {
        let excluded =
            self.statement("SELECT actor_id, alias FROM exclusions WHERE article_id = $1")?;
        let delete_mentions = self.statement("DELETE FROM mentions WHERE article_id = $1")?;
        let delete_counts = self.statement("DELETE FROM article_actors WHERE article_id = $1")?;
        let mut stored = 0;
        let stored_day = self.statement("SELECT published_day FROM articles WHERE id = $1")?;
        for (id, _, mentions) in batch {
            // The day as stored now (a user may have dated the article since it was read).
            let day: Option<i64> = self
                .tx
                .query_opt(&stored_day, &[id])
                .map_err(server_error)?
                .and_then(|r| r.get(0));
            let exclusions: Vec<(ActorId, String)> = self
                .tx
                .query(&excluded, &[id])
                .map_err(server_error)?
                .iter()
                .map(|r| {
                    (
                        r.get::<_, ActorId>(0),
                        crate::store::exclusions::text_key(&r.get::<_, String>(1)),
                    )
                })
                .collect();
            for statement in [&delete_mentions, &delete_counts] {
                self.tx.execute(statement, &[id]).map_err(server_error)?;
            }
            stored += self.insert_mentions(*id, day, mentions, actor_ids, &exclusions)?;
        }
        Ok(stored)
    }

    /// Stores an article's mentions and per-actor counts, one statement each, leaving out
    /// those `excluded` (actor, alias key; empty = any alias); returns the number stored.
    fn insert_mentions(
        &mut self,
        article_id: ArticleId,
        day: Option<i64>,
        mentions: &[Mention],
        actor_ids: &HashMap<String, ActorId>,
        excluded: &[(ActorId, String)],
    ) -> Result<u64> {
        let (kept, per_actor) = stored_mentions(mentions, actor_ids, excluded);
        if kept.is_empty() {
            return Ok(0);
        }
        let column = |f: &dyn Fn(&(ActorId, &Mention)) -> i64| kept.iter().map(f).collect();
        let actors: Vec<i64> = column(&|(a, _)| *a);
        let starts: Vec<i64> = column(&|(_, m)| m.start_char as i64);
        let ends: Vec<i64> = column(&|(_, m)| m.end_char as i64);
        let sentences: Vec<i64> = column(&|(_, m)| i64::from(m.sentence_idx));
        let paragraphs: Vec<i64> = column(&|(_, m)| i64::from(m.paragraph_idx));
        let fields: Vec<i64> = column(&|(_, m)| m.field.code());
        let prominence: Vec<i64> = column(&|(_, m)| m.prominence.code());
        let vias: Vec<&str> = kept.iter().map(|(_, m)| m.via.as_str()).collect();
        let texts: Vec<&str> = kept.iter().map(|(_, m)| m.matched_text.as_str()).collect();
        let insert = self.statement(
            "INSERT INTO mentions (article_id, actor_id, start_char, end_char, via, sentence_idx,
               paragraph_idx, alias_key, field, prominence)
             SELECT $1, * FROM UNNEST($2::BIGINT[], $3::BIGINT[], $4::BIGINT[], $5::TEXT[],
               $6::BIGINT[], $7::BIGINT[], $8::TEXT[], $9::BIGINT[], $10::BIGINT[])
             ON CONFLICT DO NOTHING",
        )?;
        self.tx
            .execute(
                &insert,
                &[
                    &article_id,
                    &actors,
                    &starts,
                    &ends,
                    &vias,
                    &sentences,
                    &paragraphs,
                    &texts,
                    &fields,
                    &prominence,
                ],
            )
            .map_err(server_error)?;
        let ids: Vec<i64> = per_actor.keys().copied().collect();
        let count = |k: usize| -> Vec<i64> { per_actor.values().map(|c| c[k]).collect() };
        let insert_set = self.statement(
            "INSERT INTO article_actors (actor_id, article_id, published_day, mentions, headline, lead)
             SELECT a, $2, $3, m, h, l FROM UNNEST($1::BIGINT[], $4::BIGINT[], $5::BIGINT[],
               $6::BIGINT[]) AS u (a, m, h, l)",
        )?;
        self.tx
            .execute(
                &insert_set,
                &[&ids, &article_id, &day, &count(0), &count(1), &count(2)],
            )
            .map_err(server_error)?;
        Ok(kept.len() as u64)
    }
}

/// True for the server's "try again" answers: a deadlock it broke, a serialisation failure.
fn retryable(e: &crate::store::StoreError) -> bool {
    let crate::store::StoreError::Server(e) = e else {
        return false;
    };
    let super::ServerError::Postgres(e) = &**e else {
        return false;
    };
    e.code().is_some_and(|c| {
        *c == SqlState::T_R_DEADLOCK_DETECTED || *c == SqlState::T_R_SERIALIZATION_FAILURE
    })
}
